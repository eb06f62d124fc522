// Redraws a photo as the engine decided (src/engine/image.rs): decode with the EXIF orientation
// applied, scale so the longer side is at most maxSide, re-encode. Canvas output carries no EXIF,
// so GPS and other metadata are gone. Takes the picked File (a Blob) itself, so a 4000×3000 photo
// never has to be copied into the wasm memory. Rejects with "decode" when the browser cannot read
// the image (e.g. HEIC in browsers without HEIC support), or "encode" when it cannot write it.
async function draw(blob, maxSide, outMime, quality) {
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

// The photo workers (public/photo-worker.js): the decoding and encoding, hundreds of milliseconds
// for a camera photo, happen off the page's thread so the page keeps answering. Two workers take
// two photos at a time on a phone with 4 GB of memory or more (scripts/bench/photo_bench.js: 195
// against 244 ms a photo, but about 60 MB more at the peak); one on smaller phones or where the
// browser does not say (navigator.deviceMemory). Where workers or OffscreenCanvas are missing, or
// a worker cannot start, the page redraws one at a time as before.
const POOL = (navigator.deviceMemory || 0) >= 4 ? 2 : 1;
const workers = [];
let workerBroken = typeof Worker === "undefined" || typeof OffscreenCanvas === "undefined" ||
  !("convertToBlob" in OffscreenCanvas.prototype);
let seq = 0;
const waiting = new Map();
function startWorker() {
  const w = new Worker("/photo-worker.js");
  w.onmessage = (e) => {
    const job = waiting.get(e.data.id);
    waiting.delete(e.data.id);
    if (!job) return;
    if (e.data.error) job.reject(new Error(e.data.error));
    else {
      globalThis.hosoPhotoWorker = (globalThis.hosoPhotoWorker || 0) + 1; // for the tests
      job.resolve(new Uint8Array(e.data.bytes));
    }
  };
  w.onerror = () => {
    // A worker itself failed (not a photo): redraw on the page from now on.
    workerBroken = true;
    for (const job of waiting.values()) job.reject(new Error("worker"));
    waiting.clear();
  };
  return w;
}
// At most POOL jobs in the workers at once; the others wait their turn, in order.
let active = 0;
const turns = [];
function inWorker(blob, maxSide, outMime, quality, size) {
  if (workerBroken) return null;
  return new Promise((resolve, reject) => {
    const run = () => {
      active++;
      let w;
      try {
        if (workers.length < POOL) workers.push(startWorker());
        w = workers[seq % workers.length];
      } catch (e) {
        workerBroken = true;
      }
      const done = () => {
        active--;
        const next = turns.shift();
        if (next) next();
      };
      if (workerBroken || !w) {
        done();
        reject(new Error("worker"));
        return;
      }
      const id = ++seq;
      waiting.set(id, { resolve: (v) => { done(); resolve(v); }, reject: (e) => { done(); reject(e); } });
      w.postMessage({ id, blob, maxSide, outMime, quality, size });
    };
    active < POOL ? run() : turns.push(run);
  });
}

// Redrawn in a worker where one can be had, else on the page, one at a time.
async function redrawn(blob, maxSide, outMime, quality, size) {
  const p = inWorker(blob, maxSide, outMime, quality, size);
  if (p) {
    try {
      return await p;
    } catch (e) {
      if (e.message !== "worker") throw e;
    }
  }
  return serial(async () => new Uint8Array(await (await draw(blob, maxSide, outMime, quality)).arrayBuffer()));
}

// `width` × `height`: the upright, scaled size when the engine read it from the header (0 × 0
// when not): the worker then has the browser decode straight to that size, never holding the
// full 12-megapixel picture.
export function redraw(blob, maxSide, width, height, outMime, quality) {
  return redrawn(blob, maxSide, outMime, quality, width && height ? [width, height] : null);
}

// A small JPEG preview (longer side `side` px) as an object URL, so the page never holds
// full-size decoded pictures for its thumbnails; drawn by a worker too where it can.
export async function thumbnail(bytes, mime, side) {
  const out = await redrawn(new Blob([bytes], { type: mime }), side, "image/jpeg", 0.7);
  return URL.createObjectURL(new Blob([out], { type: "image/jpeg" }));
}
