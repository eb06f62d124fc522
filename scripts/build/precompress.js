#!/usr/bin/env node
// Writes a gzip (-9) and a Brotli (quality 11) copy beside every compressible file of a built
// dist/ (`app.wasm` → `app.wasm.gz`, `app.wasm.br`), so a static server sends the smallest copy
// the browser accepts without compressing on each request (nginx `gzip_static`/`brotli_static`,
// Caddy `precompressed br gzip`, scripts/serve.py). A copy not smaller than the file is not kept.
// Run by scripts/build/build.sh after pwa.py (the service worker precaches the plain files only). Not for
// the files a ward may edit after the build (settings) and the service worker itself.
//
//   node scripts/build/precompress.js [dist]
const fs = require('node:fs');
const path = require('node:path');
const zlib = require('node:zlib');

const COMPRESSIBLE = new Set(['.wasm', '.js', '.mjs', '.css', '.html', '.json', '.bin', '.webmanifest', '.svg', '.txt', '.xml']);
const dir = process.argv[2] || 'dist';
// Files that may change after the build: a ward edits its settings in place, and the service
// worker must always be the one on disk (a server like nginx's gzip_static would send a stale copy).
const KEEP_PLAIN = new Set(['settings.json', 'settings', 'sw.js']);

function* files(d) {
  for (const e of fs.readdirSync(d, { withFileTypes: true })) {
    const p = path.join(d, e.name);
    if (d === dir && KEEP_PLAIN.has(e.name)) {
      // No copies here, not even from an earlier run.
      const stale = e.isDirectory() ? fs.readdirSync(p).map(n => path.join(p, n)) : [p];
      for (const f of stale) for (const ext of ['.gz', '.br']) if (!f.endsWith(ext)) fs.rmSync(f + ext, { force: true });
      continue;
    }
    if (e.isDirectory()) yield* files(p);
    else if (e.isFile() && COMPRESSIBLE.has(path.extname(e.name))) yield p;
  }
}

let raw = 0, gz = 0, br = 0, n = 0;
for (const f of [...files(dir)]) {
  const data = fs.readFileSync(f);
  const copies = {
    '.gz': zlib.gzipSync(data, { level: 9 }),
    '.br': zlib.brotliCompressSync(data, {
      params: {
        [zlib.constants.BROTLI_PARAM_QUALITY]: 11,
        [zlib.constants.BROTLI_PARAM_SIZE_HINT]: data.length,
        [zlib.constants.BROTLI_PARAM_MODE]: path.extname(f) === '.wasm' || path.extname(f) === '.bin'
          ? zlib.constants.BROTLI_MODE_GENERIC : zlib.constants.BROTLI_MODE_TEXT,
      },
    }),
  };
  for (const [ext, c] of Object.entries(copies)) {
    if (c.length < data.length) fs.writeFileSync(f + ext, c);
    else fs.rmSync(f + ext, { force: true });
  }
  raw += data.length; gz += Math.min(copies['.gz'].length, data.length); br += Math.min(copies['.br'].length, data.length); n++;
}
console.log(`precompress: ${n} files, ${(raw / 1e3).toFixed(1)} KB → gzip ${(gz / 1e3).toFixed(1)} KB, brotli ${(br / 1e3).toFixed(1)} KB`);
