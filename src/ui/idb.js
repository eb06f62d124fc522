// Attachments kept on the device (IndexedDB; blobs of any size, unlike localStorage).
// Called from src/ui/drafts.rs. Every function returns a promise and rejects with the browser's error.
const DB = "hoso", STORE = "attachments";
let opening = null;
function db() {
  if (!opening) {
    opening = new Promise((resolve, reject) => {
      const r = indexedDB.open(DB, 1);
      r.onupgradeneeded = () => r.result.createObjectStore(STORE);
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => { opening = null; reject(r.error); };
    });
  }
  return opening;
}
function run(mode, work) {
  return db().then((d) => new Promise((resolve, reject) => {
    const tx = d.transaction(STORE, mode);
    const out = work(tx.objectStore(STORE));
    tx.oncomplete = () => resolve(out.result);
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error || new Error("aborted"));
  }));
}
export function idb_put(key, value) { return run("readwrite", (s) => s.put(value, key)); }
export function idb_delete(key) { return run("readwrite", (s) => s.delete(key)); }
export function idb_all() { return run("readonly", (s) => s.getAll()); }
