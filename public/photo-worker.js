// Redraws photos off the page's thread (src/ui/photo.js sends them here when the browser has
// workers and OffscreenCanvas): decode with the EXIF orientation applied, scale so the longer side
// is at most maxSide, re-encode. The output carries no EXIF. Answers {id, blob} or
// {id, error: "decode" | "encode"}: a Blob, which the browser keeps outside the page's memory and
// the app stores as it is (src/ui/drafts: PageFile).
//
// A JPEG made into a JPEG (`codec`: [orientation, width, height], engine::image::CodecJob) is
// redrawn by the app's own codec (src/engine/redraw.rs, built into /photo-codec.wasm by
// scripts/build/build.sh): it decodes at 1/2, 1/4 or 1/8 straight from the JPEG's blocks and
// resamples a few rows at a time, so it holds about 17 MB where a bitmap, a canvas and the
// canvas' copy for its encoder held 60. Anything it leaves (a progressive JPEG, a
// PNG, a codec that cannot load) is drawn on a canvas: `opts` are createImageBitmap's, from
// photo.js: the upright size to decode at, when known (engine::image::DecodeAt).
const CODEC = "/photo-codec.wasm";
let codec = null;
function loadCodec() {
  codec = codec || fetch(CODEC)
    .then((r) => (r.ok ? r.arrayBuffer() : Promise.reject(new Error(r.status))))
    .then((b) => WebAssembly.instantiate(b, {}))
    .then((m) => m.instance.exports)
    .catch(() => null);
  return codec;
}

// Copies the picked file into the codec's memory at `p` through one 256 KB buffer, used again
// for every read and every photo (a byte stream read into a buffer of our own, "BYOB"): reading
// it whole (`blob.arrayBuffer()`) left 2–4 MB per photo for the worker's garbage collector,
// which let about 25 MB build up over ten photos. Where the browser cannot read so, whole.
let spare = null;
async function readInto(blob, x, p) {
  let reader = null;
  try {
    reader = blob.stream().getReader({ mode: "byob" });
  } catch (e) {
    /* no byte streams */
  }
  if (!reader) {
    const all = new Uint8Array(await blob.arrayBuffer());
    if (all.length !== blob.size) throw new Error("size");
    new Uint8Array(x.memory.buffer, p, all.length).set(all);
    return;
  }
  let off = 0;
  for (;;) {
    const { value, done } = await reader.read(new Uint8Array(spare || new ArrayBuffer(256 * 1024)));
    if (value) spare = value.buffer;
    if (done) break;
    if (off + value.length > blob.size) throw new Error("size");
    new Uint8Array(x.memory.buffer, p + off, value.length).set(value);
    off += value.length;
  }
  if (off !== blob.size) throw new Error("size");
}

// The codec's JPEG, or null when the canvas should draw it instead.
async function viaCodec(blob, job, quality) {
  const x = await loadCodec();
  if (!x) return null;
  const size = blob.size;
  let p = 0;
  try {
    p = x.alloc(size);
    await readInto(blob, x, p);
    const status = x.redraw(p, size, job[0], job[1], job[2], Math.round(quality * 100));
    x.dealloc(p, size);
    p = 0;
    if (status !== 0) return null; // 1: not a JPEG it draws; 2: one it cannot read
    // Copied by the browser from the codec's memory into its own keeping: no copy left here.
    const out = new Blob([new Uint8Array(x.memory.buffer, x.out_ptr(), x.out_len())], { type: "image/jpeg" });
    x.out_free();
    self.hosoCodec = (self.hosoCodec || 0) + 1;
    return out;
  } catch (e) {
    if (e.message === "size" && p) {
      x.dealloc(p, size); // the file changed while it was read: the canvas reads it again
      return null;
    }
    // The codec stopped (out of memory): the canvas draws this photo and the next ones.
    codec = Promise.resolve(null);
    return null;
  }
}

async function viaCanvas(blob, maxSide, outMime, quality, opts) {
  let bmp;
  try {
    bmp = await createImageBitmap(blob, opts);
  } catch (err) {
    throw new Error("decode");
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
    return out;
  } catch (err) {
    if (bmp) bmp.close();
    throw new Error("encode");
  }
}

self.onmessage = async (e) => {
  const { id, blob, maxSide, outMime, quality, opts, codec: job } = e.data;
  try {
    const out = (job && (await viaCodec(blob, job, quality))) || (await viaCanvas(blob, maxSide, outMime, quality, opts));
    self.postMessage({ id, blob: out, codec: self.hosoCodec || 0 });
  } catch (err) {
    self.postMessage({ id, error: err.message === "decode" ? "decode" : "encode" });
  }
};
