/* Hồ sơ on a ward's own page: <div id="hoso"></div>
   <script src="https://APP-ADDRESS/embed.js" data-target="#hoso" data-settings="vy-da" async></script>
   Optional: data-commune="19777", data-procedures="khai-sinh,khai-tu", data-lang="en".
   Mounts the wizard in an iframe (its own storage and security policy), sizes it to its content,
   and re-dispatches its messages on the target element as DOM events: "hoso:ready",
   "hoso:step" (detail.path) and "hoso:package" (detail.fileName, detail.reference,
   detail.manifest as JSON text, detail.bytes as a Uint8Array of the zip). */
(function () {
  var me = document.currentScript;
  if (!me) return;
  var app = new URL(me.src).origin;
  var target = document.querySelector(me.getAttribute("data-target") || "#hoso");
  if (!target) { console.warn("hoso: no element " + (me.getAttribute("data-target") || "#hoso")); return; }
  var params = new URLSearchParams();
  var map = { "data-settings": "cau-hinh", "data-commune": "xa", "data-procedures": "thu-tuc", "data-lang": "lang" };
  for (var attr in map) { var v = me.getAttribute(attr); if (v) params.set(map[attr], v); }
  var frame = document.createElement("iframe");
  frame.src = app + "/?" + params.toString();
  frame.title = me.getAttribute("data-title") || "Hồ sơ – chuẩn bị hồ sơ thủ tục hành chính";
  frame.style.width = "100%";
  frame.style.border = "0";
  frame.style.minHeight = "32rem";
  frame.setAttribute("allow", "camera");
  target.appendChild(frame);
  window.addEventListener("message", function (e) {
    if (e.origin !== app || e.source !== frame.contentWindow || !e.data || typeof e.data.type !== "string") return;
    if (e.data.type === "hoso:resize") frame.style.height = Math.max(320, e.data.height) + "px";
    target.dispatchEvent(new CustomEvent(e.data.type, { detail: e.data }));
  });
})();
