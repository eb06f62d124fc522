// Drafts kept on the device in IndexedDB: store "drafts" (one record per procedure: its answers
// as postcard bytes and the time of the last change) and store "attachments" (one record per
// attached page, the file as a Blob). Called from src/ui/drafts.rs; every function returns a
// promise and rejects with the browser's error (QuotaExceededError when storage is full).
const DB = "hoso";
let opening = null;
function db() {
  if (!opening) {
    opening = new Promise((resolve, reject) => {
      const r = indexedDB.open(DB, 2);
      r.onupgradeneeded = () => {
        for (const s of ["drafts", "attachments"]) {
          if (!r.result.objectStoreNames.contains(s)) r.result.createObjectStore(s);
        }
      };
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => { opening = null; reject(r.error); };
      r.onblocked = () => { opening = null; reject(new Error("blocked")); };
    });
  }
  return opening;
}
// Writes not yet confirmed. Answers also have a synchronous copy in localStorage until IndexedDB
// confirms them, but a photo has not: while one is being written, closing or leaving the page
// asks first (the browser's own "Leave site?" question; a write takes milliseconds).
let writing = 0;
addEventListener("beforeunload", (e) => {
  if (writing > 0) {
    e.preventDefault();
    e.returnValue = "";
  }
});
function run(store, mode, work) {
  if (mode === "readwrite") writing++;
  const done = db().then((d) => new Promise((resolve, reject) => {
    const tx = d.transaction(store, mode);
    const out = work(tx.objectStore(store));
    tx.oncomplete = () => resolve(out.result);
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error || new Error("aborted"));
  }));
  if (mode === "readwrite") done.finally(() => { writing--; }).catch(() => {});
  return done;
}
export function idb_put(store, key, value) {
  return run(store, "readwrite", (s) => s.put(value, key));
}
// Several records in one transaction: all are stored, or none.
export function idb_put_all(store, keys, values) {
  return run(store, "readwrite", (s) => { let last; keys.forEach((k, i) => { last = s.put(values[i], k); }); return last || { result: undefined }; });
}
export function idb_delete(store, key) { return run(store, "readwrite", (s) => s.delete(key)); }
export function idb_clear() {
  return Promise.all(["drafts", "attachments"].map((st) => run(st, "readwrite", (s) => s.clear())));
}
// Everything; each attachment's file stays a Blob, read only when a package is built.
// Resolves to null when IndexedDB does not answer within `ms` (some private modes): the app then
// starts empty.
export function idb_load(ms) {
  const load = (async () => {
    const drafts = await run("drafts", "readonly", (s) => s.getAll());
    const atts = await run("attachments", "readonly", (s) => s.getAll());
    for (const a of atts) if (a.bytes) a.blob = new Blob([a.bytes], { type: a.media }); // (version 1 kept bytes)
    return { drafts, attachments: atts };
  })();
  return Promise.race([load, new Promise((r) => setTimeout(() => r(null), ms))]);
}
