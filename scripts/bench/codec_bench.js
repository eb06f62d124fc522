#!/usr/bin/env node
// The photo worker's codec alone (dist/photo-codec.wasm, src/engine/redraw.rs), in node's V8:
// time to redraw one camera photo (4000×3000 and 4032×3024, drawn by Chromium: camera_photo.js)
// to 2000×1500, and the codec's memory. Prints figures; asserts nothing.
//
//   node scripts/bench/codec_bench.js [--dir dist] [--runs 7]
const { chromium } = require('@playwright/test');
const fs = require('fs');
const path = require('path');
const { cameraPhoto } = require('./camera_photo');

const arg = (name, def) => { const i = process.argv.indexOf('--' + name); return i > 0 ? process.argv[i + 1] : def; };
const DIR = arg('dir', 'dist');
const RUNS = Number(arg('runs', 7));

(async () => {
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
  const page = await browser.newPage();
  const photos = [[4000, 3000, await cameraPhoto(page, 4000, 3000, 1)], [4032, 3024, await cameraPhoto(page, 4032, 3024, 1)]];
  await browser.close();

  const file = path.join(DIR, 'photo-codec.wasm');
  const x = (await WebAssembly.instantiate(fs.readFileSync(file), {})).instance.exports;
  for (const [w, h, jpeg] of photos) {
    const times = [];
    let out = 0;
    for (let i = 0; i < RUNS; i++) {
      const p = x.alloc(jpeg.length);
      new Uint8Array(x.memory.buffer, p, jpeg.length).set(jpeg);
      const t = performance.now();
      const status = x.redraw(p, jpeg.length, 1, 2000, 1500, 85);
      times.push(performance.now() - t);
      x.dealloc(p, jpeg.length);
      if (status !== 0) throw new Error(`codec status ${status}`);
      out = x.out_len();
      x.out_free();
    }
    times.sort((a, b) => a - b);
    console.log(`codec: ${w}×${h} JPEG (${(jpeg.length / 1e6).toFixed(1)} MB) → 2000×1500 (${(out / 1e3).toFixed(0)} KB): median ${times[times.length >> 1].toFixed(0)} ms over ${RUNS} runs (${times[0].toFixed(0)}–${times[times.length - 1].toFixed(0)} ms)`);
  }
  console.log(`codec: memory ${(x.memory.buffer.byteLength / 1e6).toFixed(1)} MB; ${file} ${(fs.statSync(file).size / 1e3).toFixed(1)} KB`);
})().catch(e => { console.error(e); process.exit(1); });
