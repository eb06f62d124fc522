// Redraws photos off the page's thread (src/ui/photo.js sends them here when the browser has
// workers and OffscreenCanvas): decode with the EXIF orientation applied, scale so the longer side
// is at most maxSide, re-encode. The output carries no EXIF. Answers {id, bytes} (transferred) or
// {id, error: "decode" | "encode"}. `opts` are createImageBitmap's, from photo.js: the upright
// size to decode at, when known, so the full picture is never held (engine::image::DecodeAt).
self.onmessage = async (e) => {
  const { id, blob, maxSide, outMime, quality, opts } = e.data;
  let bmp;
  try {
    bmp = await createImageBitmap(blob, opts);
  } catch (err) {
    self.postMessage({ id, error: "decode" });
    return;
  }
  try {
    const scale = Math.min(1, maxSide / Math.max(bmp.width, bmp.height));
    const w = Math.max(1, Math.round(bmp.width * scale));
    const h = Math.max(1, Math.round(bmp.height * scale));
    const c = new OffscreenCanvas(w, h);
    const ctx = c.getContext("2d");
    ctx.imageSmoothingQuality = "high";
    ctx.drawImage(bmp, 0, 0, w, h);
    bmp.close();
    bmp = null;
    const out = await c.convertToBlob({ type: outMime, quality });
    c.width = c.height = 0;
    if (!out || out.type !== outMime) throw new Error("encode");
    const buf = await out.arrayBuffer();
    self.postMessage({ id, bytes: buf }, [buf]);
  } catch (err) {
    if (bmp) bmp.close();
    self.postMessage({ id, error: "encode" });
  }
};
