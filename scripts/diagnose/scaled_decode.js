#!/usr/bin/env node
// How close the photo worker's two-step redraw (engine::image::ImageInfo::decode_at: a JPEG
// decoded at 1/2 with resizeQuality "low", then drawn down with the best filter) comes
// to a full decode drawn down with the best filter, for photos of printed text, in headless
// Chromium. Prints PSNR (dB) and the time of each; with --crops DIR also writes 500×120 crops of
// both (PNG) to look at. Prints figures; asserts nothing.
//
//   node scripts/diagnose/scaled_decode.js [--crops /tmp/crops]
const { chromium } = require('@playwright/test');
const fs = require('fs');
const path = require('path');

const arg = (name, def) => { const i = process.argv.indexOf('--' + name); return i > 0 ? process.argv[i + 1] : def; };
const CROPS = arg('crops', null);
const SIZES = [[4032, 3024], [4000, 3000], [3000, 4000], [8000, 6000], [2600, 1950]];

(async () => {
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
  const page = await browser.newPage();
  for (const [W, H] of SIZES) {
    const r = await page.evaluate(async ([W, H, crops]) => {
      // A page of print: lines of Vietnamese text, type about 1/90 of the width.
      const c = new OffscreenCanvas(W, H);
      const g = c.getContext('2d');
      g.fillStyle = '#f4f0e6'; g.fillRect(0, 0, W, H);
      g.fillStyle = '#000'; g.font = `${Math.round(W / 90)}px sans-serif`;
      for (let y = 60; y < H; y += Math.round(W / 70)) g.fillText('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM – Độc lập – Tự do – Hạnh phúc 0123456789 ' + y, 40, y);
      const blob = await c.convertToBlob({ type: 'image/jpeg', quality: 0.92 });
      const s = Math.min(1, 2000 / Math.max(W, H));
      const w = Math.round(W * s), h = Math.round(H * s);
      const drawn = (bmp) => { const k = new OffscreenCanvas(w, h); const x = k.getContext('2d'); x.imageSmoothingQuality = 'high'; x.drawImage(bmp, 0, 0, w, h); return x; };
      // The same rule as decode_at for a page of a document: the coarsest 1/k, at most 1/2
      // (engine::image::PAGE_DECODE_SCALE), still at least the result.
      let k = 1; while (k < 2 && Math.ceil(W / (2 * k)) >= w && Math.ceil(H / (2 * k)) >= h) k *= 2;
      let t = performance.now();
      const ref = drawn(await createImageBitmap(blob, { resizeWidth: w, resizeHeight: h, resizeQuality: 'high' }));
      const tRef = performance.now() - t;
      t = performance.now();
      const two = drawn(await createImageBitmap(blob, k > 1
        ? { resizeWidth: Math.ceil(W / k), resizeHeight: Math.ceil(H / k), resizeQuality: 'low' }
        : { resizeWidth: w, resizeHeight: h, resizeQuality: 'high' }));
      const tTwo = performance.now() - t;
      const a = ref.getImageData(0, 0, w, h).data, b = two.getImageData(0, 0, w, h).data;
      let e = 0;
      for (let i = 0; i < a.length; i += 4) for (let j = 0; j < 3; j++) { const d = a[i + j] - b[i + j]; e += d * d; }
      e /= a.length / 4 * 3;
      const psnr = e === 0 ? Infinity : 10 * Math.log10(255 * 255 / e);
      const crop = async (x) => {
        if (!crops) return null;
        const o = new OffscreenCanvas(500, 120);
        o.getContext('2d').drawImage(x.canvas, 0, 0, 500, 120, 0, 0, 500, 120);
        return Array.from(new Uint8Array(await (await o.convertToBlob({ type: 'image/png' })).arrayBuffer()));
      };
      return { w, h, k, psnr, tRef, tTwo, ref: await crop(ref), two: await crop(two) };
    }, [W, H, !!CROPS]);
    const psnr = Number.isFinite(r.psnr) ? `${r.psnr.toFixed(1)} dB` : 'identical';
    console.log(`${W}×${H} → ${r.w}×${r.h}: decoded at 1/${r.k}, ${psnr} against a full decode (${r.tTwo.toFixed(0)} ms against ${r.tRef.toFixed(0)} ms)`);
    if (CROPS) {
      fs.mkdirSync(CROPS, { recursive: true });
      fs.writeFileSync(path.join(CROPS, `${W}x${H}-full.png`), Buffer.from(r.ref));
      fs.writeFileSync(path.join(CROPS, `${W}x${H}-scaled.png`), Buffer.from(r.two));
    }
  }
  await browser.close();
})().catch(e => { console.error(e); process.exit(1); });
