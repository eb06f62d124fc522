#!/usr/bin/env node
// The long tasks (over 50 ms) of a page's first visit with the CPU slowed 4×, as the browser
// reports them, with their blocking time (the part of each beyond 50 ms, summed: what
// Lighthouse's TBT adds up) and the LCP element: a quick way to see which tasks a change split or
// shortened (issue #7). Each run is a fresh context without a service worker.
// JSF passes V8 flags to Chromium, e.g. JSF=--no-wasm-lazy-compilation shows how much of the
// blocking time is V8 compiling wasm functions on their first call (docs/size-history.md, fifth pass).
//
//   node scripts/diagnose/long_tasks.js [dir=dist] [path=/p/khai-sinh/s/tre] [runs=3]
const { chromium } = require('playwright-core');
const { serveDist } = require('../bench/serve_dist');
(async () => {
  const [dir = 'dist', url = '/p/khai-sinh/s/tre', n = '3'] = process.argv.slice(2);
  const server = await serveDist(dir, 8796);
  const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', ...(process.env.JSF ? ['--js-flags=' + process.env.JSF] : [])] });
  const all = [];
  for (let i = 0; i < Number(n); i++) {
    const ctx = await b.newContext({ viewport: { width: 360, height: 780 }, serviceWorkers: 'block' });
    const p = await ctx.newPage();
    const cdp = await ctx.newCDPSession(p); await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    await p.addInitScript(() => { window.__t = []; window.__lcp = 0;
      new PerformanceObserver(l => { for (const e of l.getEntries()) window.__t.push([Math.round(e.startTime), Math.round(e.duration)]); }).observe({ type: 'longtask', buffered: true });
      new PerformanceObserver(l => { for (const e of l.getEntries()) window.__lcp = [Math.round(e.startTime), e.element?.id || e.element?.getAttribute('for') || e.element?.tagName]; }).observe({ type: 'largest-contentful-paint', buffered: true }); });
    await p.goto(server.base + url);
    await p.waitForTimeout(4000);
    const r = await p.evaluate(() => ({ t: window.__t, lcp: window.__lcp }));
    const tbt = r.t.reduce((s, [, d]) => s + Math.max(0, d - 50), 0);
    console.log(`run ${i + 1}: LCP at ${r.lcp[0]} ms (${r.lcp[1]}), blocking ${tbt} ms, long tasks (ms@start) ${r.t.map(([s, d]) => `${d}@${s}`).join(' ')}`);
    all.push(tbt);
    await ctx.close();
  }
  all.sort((a, b) => a - b);
  console.log(`long tasks: median blocking time ${all[Math.floor(all.length / 2)]} ms over ${all.length} runs (4x CPU)`);
  await b.close(); server.stop();
})();
