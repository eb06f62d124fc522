// createImageBitmap's options for `decode` [width, height, scaleDown] (engine::image::DecodeAt):
// the upright size to decode at; asked for exactly 1/2, 1/4 or 1/8 with "low", the browser's JPEG
// decoder makes it from the compressed blocks (never the full 12-megapixel picture); otherwise the
// best filter. Without `decode` (size unknown): a full decode, drawn down below.
function decodeOptions(decode) {
  const opts = { imageOrientation: "from-image" };
  if (decode) {
    const [w, h, scaleDown] = decode;
    Object.assign(opts, { resizeWidth: w, resizeHeight: h, resizeQuality: scaleDown > 1 ? "low" : "high" });
  }
  return opts;
}

// Redraws a photo as the engine decided (src/engine/image.rs): decode with the EXIF orientation
// applied, scale so the longer side is at most maxSide, re-encode. Canvas output carries no EXIF,
// so GPS and other metadata are gone. Takes the picked File (a Blob) itself, so a 4000×3000 photo
// never has to be copied into the wasm memory. Rejects with "decode" when the browser cannot read
// the image (e.g. HEIC in browsers without HEIC support), or "encode" when it cannot write it.
async function draw(blob, maxSide, outMime, quality, decode) {
  let bmp;
  try {
    bmp = await createImageBitmap(blob, decodeOptions(decode));
  } catch (e) {
    throw new Error("decode");
  }
  const scale = Math.min(1, maxSide / Math.max(bmp.width, bmp.height));
  const w = Math.max(1, Math.round(bmp.width * scale));
  const h = Math.max(1, Math.round(bmp.height * scale));
  let out;
  try {
    const c = typeof OffscreenCanvas !== "undefined" ? new OffscreenCanvas(w, h) : document.createElement("canvas");
    c.width = w;
    c.height = h;
    const ctx = c.getContext("2d");
    ctx.imageSmoothingQuality = "high";
    ctx.drawImage(bmp, 0, 0, w, h);
    out = c.convertToBlob
      ? await c.convertToBlob({ type: outMime, quality })
      : await new Promise((resolve) => c.toBlob(resolve, outMime, quality));
    c.width = c.height = 0; // free the pixels now, not at the next garbage collection
  } finally {
    bmp.close();
  }
  if (!out || out.type !== outMime) throw new Error("encode");
  return out;
}

// One photo at a time: a phone has memory for one decoded 12-megapixel picture, not ten.
let queue = Promise.resolve();
function serial(job) {
  const run = queue.then(job);
  queue = run.catch(() => {});
  return run;
}

// The photo workers (public/photo-pool.js, fetched with the first photo so the start page does
// not carry it): the decoding and encoding happen off the page's thread.
let pool = null;
// Redrawn in a worker where one can be had, else on the page, one at a time. `codec`: the job of
// the worker's codec for a JPEG (engine::image::CodecJob), or null.
async function redrawn(blob, maxSide, outMime, quality, decode, codec) {
  try {
    pool = pool || (await import("/photo-pool.js"));
    const p = pool.inWorker(blob, maxSide, outMime, quality, decodeOptions(decode), codec);
    if (p) return await p;
  } catch (e) {
    // What the photo itself caused is said; a pool or worker that could not start is not.
    if (e.message === "decode" || e.message === "encode") throw e;
  }
  return serial(() => draw(blob, maxSide, outMime, quality, decode));
}

// `width` × `height`, `scaleDown`: what to decode (engine::image::DecodeAt), 0 × 0 when the
// engine could not read the size from the header.
const decodeOf = (width, height, scaleDown) => (width && height ? [width, height, scaleDown] : null);
export function redraw(blob, maxSide, width, height, scaleDown, outMime, quality, o, w, h) {
  return redrawn(blob, maxSide, outMime, quality, decodeOf(width, height, scaleDown), w ? [o, w, h] : null);
}

// A small JPEG preview (longer side `side` px) as an object URL, so the page never holds
// full-size decoded pictures for its thumbnails; drawn by a worker too where it can.
export async function thumbnail(blob, mime, side, width, height, scaleDown, o, w, h) {
  return URL.createObjectURL(await redrawn(blob, side, "image/jpeg", 0.7, decodeOf(width, height, scaleDown), w ? [o, w, h] : null));
}
