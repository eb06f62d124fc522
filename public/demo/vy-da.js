// The demo ward page: loads embed.js from the app's address (this page's own origin, or ?app=…
// when the app is served elsewhere), and shows what the ward's page receives. A real ward
// portal would upload `detail.bytes` to its own backend here.
(function () {
  var app = new URLSearchParams(location.search).get("app") || location.origin;
  var target = document.getElementById("hoso");
  var status = document.getElementById("ward-status");
  window.__hoso = { ready: false, steps: [], packages: [] };
  target.addEventListener("hoso:ready", function () { window.__hoso.ready = true; });
  target.addEventListener("hoso:step", function (e) { window.__hoso.steps.push(e.detail.path); });
  target.addEventListener("hoso:package", function (e) {
    var d = e.detail;
    window.__hoso.packages.push({ fileName: d.fileName, reference: d.reference, manifest: d.manifest, size: d.bytes.length, bytes: Array.from(d.bytes.subarray(0, 4)) });
    status.textContent = "Phường đã nhận gói hồ sơ " + d.fileName + " (" + Math.round(d.bytes.length / 1000) + " KB), mã " + d.reference + ".";
  });
  var s = document.createElement("script");
  s.src = app + "/embed.js";
  s.setAttribute("data-target", "#hoso");
  s.setAttribute("data-settings", "vy-da");
  document.body.appendChild(s);
})();
