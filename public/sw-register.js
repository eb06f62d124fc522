// Registers the service worker (offline use) and offers a new version when one is ready.
(function () {
  if (!("serviceWorker" in navigator)) return;
  var reloading = false;
  navigator.serviceWorker.addEventListener("controllerchange", function () {
    if (!reloading && window.__hosoUpdating) {
      reloading = true;
      location.reload();
    }
  });
  function offer(worker) {
    if (document.getElementById("update-banner")) return;
    var vi = document.documentElement.lang !== "en";
    var bar = document.createElement("div");
    bar.id = "update-banner";
    bar.className = "update-banner";
    bar.setAttribute("role", "status");
    var text = document.createElement("span");
    text.textContent = vi
      ? "Đã có phiên bản mới của hoso. Câu trả lời và tệp đã đính kèm của bạn vẫn được giữ."
      : "A new version of hoso is ready. Your answers and attached files are kept.";
    var button = document.createElement("button");
    button.type = "button";
    button.className = "button button--secondary";
    button.textContent = vi ? "Cập nhật" : "Update";
    button.addEventListener("click", function () {
      window.__hosoUpdating = true;
      worker.postMessage("skip-waiting");
    });
    bar.appendChild(text);
    bar.appendChild(button);
    document.body.insertBefore(bar, document.body.firstChild);
  }
  // Registered once the app has started (trunk's loader fires TrunkApplicationStarted) and the
  // page is loaded, then when the browser is idle: installing precaches about 1.6 MB, which must
  // not compete with the app's own download on a slow connection.
  var started = false, loaded = false, done = false;
  function maybe() {
    if (done || !started || !loaded) return;
    done = true;
    (window.requestIdleCallback || function (f) { setTimeout(f, 1); })(register, { timeout: 3000 });
  }
  window.addEventListener("TrunkApplicationStarted", function () { started = true; maybe(); });
  window.addEventListener("load", function () {
    loaded = true;
    maybe();
    // If the app never starts (an old browser without wasm), register anyway.
    setTimeout(function () { started = true; maybe(); }, 15000);
  });
  function register() {
    // Ask the browser not to evict saved answers under storage pressure.
    if (navigator.storage && navigator.storage.persist) navigator.storage.persist().catch(function () {});
    navigator.serviceWorker.register("/sw.js").then(function (reg) {
      if (reg.waiting && navigator.serviceWorker.controller) offer(reg.waiting);
      reg.addEventListener("updatefound", function () {
        var worker = reg.installing;
        if (!worker) return;
        worker.addEventListener("statechange", function () {
          if (worker.state === "installed" && navigator.serviceWorker.controller) offer(worker);
        });
      });
    }).catch(function () {});
  }
})();
