// Redraws a photo as the engine decided (src/engine/image.rs): decode with the EXIF orientation
// applied, scale so the longer side is at most maxSide, re-encode. Canvas output carries no EXIF,
// so GPS and other metadata are gone. Rejects with "decode" when the browser cannot read the
// image (e.g. HEIC in browsers without HEIC support), or "encode" when it cannot write it.
export async function redraw(bytes, mime, maxSide, outMime, quality) {
  const blob = new Blob([bytes], { type: mime }); // copies: the wasm memory may move meanwhile
  let bmp;
  try {
    bmp = await createImageBitmap(blob, { imageOrientation: "from-image" });
  } catch (e) {
    throw new Error("decode");
  }
  const scale = Math.min(1, maxSide / Math.max(bmp.width, bmp.height));
  const w = Math.max(1, Math.round(bmp.width * scale));
  const h = Math.max(1, Math.round(bmp.height * scale));
  let out;
  try {
    if (typeof OffscreenCanvas !== "undefined") {
      const c = new OffscreenCanvas(w, h);
      const ctx = c.getContext("2d");
      ctx.imageSmoothingQuality = "high";
      ctx.drawImage(bmp, 0, 0, w, h);
      out = await c.convertToBlob({ type: outMime, quality });
    } else {
      const c = document.createElement("canvas");
      c.width = w;
      c.height = h;
      const ctx = c.getContext("2d");
      ctx.imageSmoothingQuality = "high";
      ctx.drawImage(bmp, 0, 0, w, h);
      out = await new Promise((resolve) => c.toBlob(resolve, outMime, quality));
      c.width = c.height = 0;
    }
  } finally {
    bmp.close();
  }
  if (!out || out.type !== outMime) throw new Error("encode");
  return new Uint8Array(await out.arrayBuffer());
}
