// Form page cost with the CPU slowed 4× (as Lighthouse's mobile preset does): time until the
// birth registration's child page is ready (fields and the unit list), the blocking time during
// that load (long tasks beyond 50 ms), and the time to type 18 characters into a field.
// Five fresh browser contexts, medians. Run by scripts/bench/bench.sh.
//
//   node scripts/bench/form_bench.js [--dir dist] [--port 8792]
const { chromium } = require('playwright-core');
const { serveDist } = require('./serve_dist');
const arg = (name, def) => { const i = process.argv.indexOf('--' + name); return i > 0 ? process.argv[i + 1] : def; };
(async () => {
  const server = await serveDist(arg('dir', 'dist'), Number(arg('port', 8792)));
  try {
    const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
    const load = [], typing = [], lt = [];
    for (let i = 0; i < 5; i++) {
      const ctx = await b.newContext({ viewport: { width: 360, height: 780 } }); const p = await ctx.newPage();
      await p.goto(server.base + '/'); await p.waitForSelector('#proc-search:not([disabled])');
      const cdp = await ctx.newCDPSession(p); await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
      await p.addInitScript(() => { window.__lt = 0; new PerformanceObserver(l => { for (const e of l.getEntries()) window.__lt += Math.max(0, e.duration - 50); }).observe({ type: 'longtask', buffered: true }); });
      const t0 = Date.now();
      await p.goto(server.base + '/p/khai-sinh/s/tre');
      await p.waitForSelector('input[name=tre_ho_ten]');
      await p.waitForFunction(() => !/Đang tải/.test(document.querySelector('.place-status')?.textContent || 'x'));
      load.push(Date.now() - t0);
      await p.waitForTimeout(500);
      lt.push(await p.evaluate(() => window.__lt));
      await p.focus('input[name=tre_ho_ten]');
      const t1 = Date.now();
      await p.keyboard.type('Nguyễn Thị Mai Anh', { delay: 0 });
      await p.waitForFunction(() => document.querySelector('input[name=tre_ho_ten]').value.length >= 18);
      typing.push(Date.now() - t1);
      await ctx.close();
    }
    const med = a => a.slice().sort((x, y) => x - y)[Math.floor(a.length / 2)];
    console.log(`form page ready (4x CPU) ${med(load)} ms [${load}]`);
    console.log(`form page blocking time (4x CPU) ${Math.round(med(lt))} ms [${lt.map(Math.round)}]`);
    console.log(`form page typing 18 characters (4x CPU) ${med(typing)} ms [${typing}]`);
    await b.close();
  } finally {
    server.stop();
  }
})().catch(e => { console.error(e); process.exit(1); });
