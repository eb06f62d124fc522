// The photo worker for src/ui/photo.js, a module it imports with the first photo (so the start
// page does not carry it): public/photo-worker.js. The decoding and encoding, about 110 ms for a
// camera photo with the worker's codec, happen off the page's thread so the page keeps answering.
// One worker, whatever the phone: when photos were drawn on the worker's canvas,
// scripts/bench/photo_bench.js measured 150 ms a photo and a 245 MB peak with one, 100 ms and
// 298 MB with two; a photo at a time keeps within the time goal with the memory a phone has.
// Where workers or OffscreenCanvas are missing, or the worker cannot start, the page redraws one
// at a time as before.
let worker = null;
let workerBroken = typeof Worker === "undefined" || typeof OffscreenCanvas === "undefined" ||
  !("convertToBlob" in OffscreenCanvas.prototype);
let seq = 0;
const waiting = new Map();
function startWorker() {
  const w = new Worker("/photo-worker.js");
  globalThis.hosoPhotoWorkersStarted = (globalThis.hosoPhotoWorkersStarted || 0) + 1; // for the tests
  w.onmessage = (e) => {
    const job = waiting.get(e.data.id);
    waiting.delete(e.data.id);
    if (!job) return;
    if (e.data.error) job.reject(new Error(e.data.error));
    else {
      globalThis.hosoPhotoWorker = (globalThis.hosoPhotoWorker || 0) + 1; // for the tests
      globalThis.hosoPhotoCodec = e.data.codec; // of those by the current worker, by its codec
      job.resolve(e.data.blob);
    }
  };
  w.onerror = () => {
    // The worker itself failed (not a photo): redraw on the page from now on.
    workerBroken = true;
    for (const job of waiting.values()) job.reject(new Error("worker"));
    waiting.clear();
  };
  return w;
}
// One job in the worker at a time; the others wait their turn, in order.
let busy = false;
const turns = [];
// Once no photo has come for 10 s, the worker is let go with its codec's memory (about 20 MB,
// which a wasm module never gives back): the resident goes on with the phone's memory. The next
// photo starts it again, about 50 ms (the codec comes from the service worker's cache).
const IDLE_MS = globalThis.hosoPhotoIdleMs || 10000; // shorter in the tests
let idle = 0;
function rest() {
  clearTimeout(idle);
  idle = setTimeout(() => {
    if (!busy && worker) {
      worker.terminate();
      worker = null;
    }
  }, IDLE_MS);
}
export function inWorker(blob, maxSide, outMime, quality, opts, codec) {
  if (workerBroken) return null;
  return new Promise((resolve, reject) => {
    const run = () => {
      busy = true;
      clearTimeout(idle);
      try {
        worker = worker || startWorker();
      } catch (e) {
        workerBroken = true;
      }
      const done = () => {
        busy = false;
        const next = turns.shift();
        if (next) next();
        else rest();
      };
      if (workerBroken) {
        done();
        reject(new Error("worker"));
        return;
      }
      const id = ++seq;
      waiting.set(id, { resolve: (v) => { done(); resolve(v); }, reject: (e) => { done(); reject(e); } });
      worker.postMessage({ id, blob, maxSide, outMime, quality, opts, codec });
    };
    busy ? turns.push(run) : run();
  });
}
