#!/usr/bin/env node
// Where a page's main-thread time goes while it loads, with the CPU slowed 4×: a CDP CPU profile,
// cut into busy segments (runs of work without idle), each listed with the functions that took
// the most time in it (inclusive). Used for the form-page figures of
// docs/size-history.md (issue #7).
//
// Needs a build whose wasm keeps its function names (scripts/build/split.py keeps them in every part
// with HOSO_KEEP_NAMES=1), copied out of dist/ before the next ordinary build:
//   CARGO_PROFILE_RELEASE_STRIP=none HOSO_KEEP_NAMES=1 scripts/build/build.sh
//   rm -rf /tmp/pdist && cp -a dist /tmp/pdist && scripts/build/build.sh
//
//   node scripts/diagnose/profile_page.js [dir=/tmp/pdist] [path=/p/khai-sinh/s/tre] [top=25] [regex filter]
// RATE=1 profiles without the CPU slowdown (as Lighthouse records); SEG=10 lists segments over 10 ms (default 25).
const { chromium } = require('playwright-core');
const { serveDist } = require('../bench/serve_dist.js');

(async () => {
  const [dir = '/tmp/pdist', url = '/p/khai-sinh/s/tre', top = '25', filter] = process.argv.slice(2);
  const server = await serveDist(dir, 8795);
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const ctx = await browser.newContext({ viewport: { width: 360, height: 780 }, serviceWorkers: 'block' });
    const page = await ctx.newPage();
    const cdp = await ctx.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: Number(process.env.RATE || 4) });
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
    await cdp.send('Profiler.start');
    await page.goto(server.base + url);
    await page.waitForTimeout(6000);
    const { profile } = await cdp.send('Profiler.stop');
    const node = new Map(profile.nodes.map(n => [n.id, n]));
    const parent = new Map();
    for (const n of profile.nodes) for (const c of n.children || []) parent.set(c, n.id);
    const name = id => node.get(id).callFrame.functionName;
    // Samples as [time ms, node, duration ms]; segments end at 3 ms of idle.
    let t = profile.startTime;
    const samples = profile.samples.map((id, i) => { t += profile.timeDeltas[i]; return [t / 1000, id, profile.timeDeltas[i] / 1000]; });
    const segments = [];
    let cur = null;
    for (const s of samples) {
      if (['(idle)', '(program)'].includes(name(s[1]))) {
        if (cur && s[0] - cur.end > 3) { segments.push(cur); cur = null; }
        continue;
      }
      if (!cur) cur = { start: s[0], end: s[0], samples: [] };
      cur.end = s[0];
      cur.samples.push(s);
    }
    if (cur) segments.push(cur);
    const t0 = samples[0][0];
    for (const g of segments.filter(g => g.end - g.start > Number(process.env.SEG || 25))) {
      console.log(`segment at ${(g.start - t0).toFixed(0)} ms, ${(g.end - g.start).toFixed(0)} ms`);
      const inclusive = new Map();
      for (const [, id, dt] of g.samples) {
        const seen = new Set();
        for (let c = id; c !== undefined; c = parent.get(c)) {
          const k = name(c);
          if (k && !seen.has(k)) { seen.add(k); inclusive.set(k, (inclusive.get(k) || 0) + dt); }
        }
      }
      [...inclusive]
        .filter(([k]) => !filter || new RegExp(filter).test(k))
        .sort((a, b) => b[1] - a[1])
        .slice(0, Number(top))
        .forEach(([k, v]) => console.log(v.toFixed(1).padStart(8), k.replace(/::h[0-9a-f]{16}/, '').slice(0, 140)));
    }
  } finally {
    await browser.close();
    server.stop();
  }
})();
