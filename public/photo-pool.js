// The photo worker for src/ui/photo.js, a module it imports with the first photo (so the start
// page does not carry it): public/photo-worker.js. The decoding and encoding, about 100 ms for a
// camera photo, happen off the page's thread so the page keeps answering. One worker, whatever the
// phone: scripts/bench/photo_bench.js measured 152 ms a photo and a 246 MB peak with one, 100 ms
// and 298 MB with two; a photo a time keeps within the time goal with the memory a phone has.
// Where workers or OffscreenCanvas are missing, or a worker cannot start, the page redraws one at
// a time as before.
const POOL = 1;
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
export function inWorker(blob, maxSide, outMime, quality, opts) {
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
      w.postMessage({ id, blob, maxSide, outMime, quality, opts });
    };
    active < POOL ? run() : turns.push(run);
  });
}

