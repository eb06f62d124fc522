// Talking to the page that embeds hoso in an iframe (ward websites). Messages go only to the
// origins the ward's settings allow: postMessage with an explicit target origin is delivered only
// when the parent page really is that origin, so a page not on the list receives nothing.
let origins = [];
function post(message) {
  if (window.parent === window) return;
  for (const o of origins) window.parent.postMessage(message, o);
}
export function embed_start(allowed) {
  origins = Array.from(allowed);
  if (window.parent === window || origins.length === 0) return;
  document.documentElement.classList.add("embedded");
  let last = 0;
  const size = () => {
    const h = Math.ceil(document.documentElement.scrollHeight);
    if (h !== last) { last = h; post({ type: "hoso:resize", height: h }); }
  };
  new ResizeObserver(size).observe(document.body);
  post({ type: "hoso:ready", version: 1 });
  size();
}
export function embed_post(message) { post(message); }
