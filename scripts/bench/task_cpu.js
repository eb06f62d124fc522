#!/usr/bin/env node
// The form page's main-thread work after the first paint, from a trace of a cold first visit
// (a fresh browser per run, no service worker, no throttling: what Lighthouse records before it
// simulates a 4× slower phone), counted twice:
//   - from wall time, as Lighthouse does: each task's 4× duration beyond 50 ms, summed;
//   - from the main thread's CPU time, the same sum: the tasks' own work, without the time the
//     thread waited while it ran them. On this shared 2-core machine the wall time of the same
//     build's tasks varied 3× between runs while their CPU time stayed put (docs/size-history.md,
//     sixth pass), so this is the figure to compare two builds by.
// Also the CPU time after the first paint and V8's lazy wasm compilations (count, CPU time).
// Several --dir are measured in turn, run by run (an A/B on the same machine at the same time).
// --detail also prints, per run, where the main thread waited (wall time minus CPU time of each
// kind of event, its children's excluded), the CPU each thread of the browser used, and the lazy
// compilations' spread (the longest, by function index: the same ones each run, or not), and the
// tasks that cost the most CPU (when, wall and CPU time, lazy compilations, what started them).
//
//   node scripts/bench/task_cpu.js [--dir dist]... [--path /p/khai-sinh/s/tre] [--runs 5] [--detail]
const { chromium } = require('playwright-core');
const { serveDist } = require('./serve_dist');

const args = process.argv.slice(2);
const opt = (name, def) => { const i = args.indexOf('--' + name); return i >= 0 ? args[i + 1] : def; };
const dirs = args.flatMap((a, i) => (a === '--dir' ? [args[i + 1]] : []));
if (!dirs.length) dirs.push('dist');
const path = opt('path', '/p/khai-sinh/s/tre');
const runs = Math.max(1, Number(opt('runs', 5)));
const median = xs => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const DETAIL = args.includes('--detail');
const ms = us => (us / 1000).toFixed(1);

// The outermost events of a list (sorted by start; an event inside the previous one is skipped).
function outermost(events) {
  const out = [];
  let end = -1;
  for (const e of [...events].sort((a, b) => a.ts - b.ts || b.dur - a.dur)) {
    if (e.ts >= end) { out.push(e); end = e.ts + e.dur; }
  }
  return out;
}

// From the first paint on (800 ms): where the main thread waited, what each thread used, and the
// lazy compilations' durations.
function detail(events) {
  const fcp = events.find(e => e.name === 'firstContentfulPaint');
  const end = fcp.ts + 800000;
  const inWindow = events.filter(e => e.ph === 'X' && e.ts >= fcp.ts && e.ts < end && e.tdur !== undefined);
  const main = inWindow.filter(e => e.pid === fcp.pid && e.tid === fcp.tid);
  const wait = new Map();
  for (const e of main) {
    const kids = outermost(main.filter(c => c !== e && c.ts >= e.ts && c.ts + c.dur <= e.ts + e.dur));
    const self = (e.dur - kids.reduce((t, c) => t + c.dur, 0)) - (e.tdur - kids.reduce((t, c) => t + c.tdur, 0));
    wait.set(e.name, (wait.get(e.name) || 0) + self);
  }
  console.log('    main thread, wall minus CPU time by event (800 ms from the first paint): ' +
    [...wait].sort((a, b) => b[1] - a[1]).slice(0, 8).map(([n, w]) => `${n} ${ms(w)} ms`).join(', '));
  const names = new Map(events.filter(e => e.name === 'thread_name').map(e => [`${e.pid}:${e.tid}`, e.args.name]));
  const threads = new Map();
  for (const e of inWindow) {
    const k = `${e.pid}:${e.tid}`;
    if (!threads.has(k)) threads.set(k, []);
    threads.get(k).push(e);
  }
  const use = [...threads].map(([k, es]) => {
    const top = outermost(es);
    return [names.get(k) || k, top.reduce((t, e) => t + e.dur, 0), top.reduce((t, e) => t + e.tdur, 0)];
  }).sort((a, b) => b[2] - a[2]);
  console.log(`    threads (same 800 ms; CPU of all ${ms(use.reduce((t, u) => t + u[2], 0))} ms): ` +
    use.slice(0, 6).map(([n, w, c]) => `${n} ${ms(w)} ms wall / ${ms(c)} ms CPU`).join(', '));
  const lazy = events.filter(e => e.name === 'wasm.CompileLazy' && e.pid === fcp.pid && e.tid === fcp.tid);
  // The tasks that cost the most CPU: when (after the first paint), wall and CPU time, lazy
  // compilations inside, and what started them (the first script call's function and file).
  const tasks = main.filter(e => e.name === 'ThreadControllerImpl::RunTask' || e.name === 'RunTask');
  const top = outermost(tasks).filter(t => t.tdur > 3000).sort((a, b) => b.tdur - a.tdur).slice(0, 6);
  console.log('    largest tasks: ' + top.sort((a, b) => a.ts - b.ts).map(t => {
    const inside = e => e.ts >= t.ts && e.ts + e.dur <= t.ts + t.dur;
    const call = main.find(e => inside(e) && (e.name === 'FunctionCall' || e.name === 'EvaluateScript' || e.name === 'TimerFire' || e.name === 'FireAnimationFrame'));
    const what = call ? `${call.name}${call.args?.data?.functionName ? ' ' + call.args.data.functionName : ''}${call.args?.data?.url ? ' ' + call.args.data.url.replace(/^.*\//, '') : ''}` : (main.find(e => inside(e) && e !== t && e.name !== 'RunTask')?.name ?? '?');
    return `+${ms(t.ts - fcp.ts)} ms ${ms(t.dur)} wall/${ms(t.tdur)} CPU, ${lazy.filter(inside).length} lazy (${what})`;
  }).join('; '));
  const d = lazy.map(e => e.dur).sort((a, b) => a - b);
  if (d.length) {
    const longest = [...lazy].sort((a, b) => b.dur - a.dur).slice(0, 4).map(e => `#${e.args?.func_index} ${ms(e.dur)} ms`);
    console.log(`    lazy compilations: ${d.length}, median ${(d[d.length >> 1]).toFixed(0)} µs, p10 ${d[Math.floor(d.length / 10)].toFixed(0)} µs; longest ${longest.join(', ')}`);
  }
}

function measure(events) {
  const fcp = events.find(e => e.name === 'firstContentfulPaint');
  if (!fcp) throw new Error('no first contentful paint in the trace');
  const main = events.filter(e => e.pid === fcp.pid && e.tid === fcp.tid && e.ph === 'X');
  const tasks = main.filter(e => e.name === 'ThreadControllerImpl::RunTask' || e.name === 'RunTask');
  // Top-level tasks only (the two task events nest), from the first paint on.
  const top = tasks.filter(e => e.ts >= fcp.ts && !tasks.some(o => o !== e && o.ts <= e.ts && o.ts + o.dur >= e.ts + e.dur));
  const blocking = ms => top.reduce((s, t) => s + Math.max(0, (4 * ms(t)) / 1000 - 50), 0);
  const lazy = main.filter(e => e.name === 'wasm.CompileLazy');
  return {
    wall: blocking(t => t.dur),
    cpu: blocking(t => t.tdur ?? t.dur),
    busy: top.reduce((s, t) => s + (t.tdur ?? t.dur), 0) / 1000,
    lazyCount: lazy.length,
    lazyCpu: lazy.reduce((s, e) => s + (e.tdur ?? e.dur), 0) / 1000,
  };
}

(async () => {
  const servers = [];
  for (let i = 0; i < dirs.length; i++) servers.push(await serveDist(dirs[i], 8830 + i));
  const results = dirs.map(() => []);
  try {
    for (let r = 1; r <= runs; r++) {
      for (let d = 0; d < dirs.length; d++) {
        const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
        try {
          const ctx = await browser.newContext({ viewport: { width: 412, height: 823 }, serviceWorkers: 'block' });
          const page = await ctx.newPage();
          await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'loading', 'toplevel', 'v8.wasm', ...(DETAIL ? ['disabled-by-default-v8.compile'] : [])] });
          await page.goto(servers[d].base + path);
          await page.waitForTimeout(2500);
          const events = JSON.parse((await browser.stopTracing()).toString()).traceEvents;
          const m = measure(events);
          results[d].push(m);
          console.log(`  ${dirs[d]} run ${r}: blocking time (4×, from wall time) ${m.wall.toFixed(0)} ms, from CPU time ${m.cpu.toFixed(0)} ms; ` +
            `main-thread CPU after the first paint ${m.busy.toFixed(0)} ms; lazy wasm compilations ${m.lazyCount}, ${m.lazyCpu.toFixed(0)} ms CPU`);
          if (DETAIL) detail(events);
        } finally {
          await browser.close();
        }
      }
    }
  } finally {
    servers.forEach(s => s.stop());
  }
  dirs.forEach((d, i) => {
    const m = k => median(results[i].map(x => x[k])).toFixed(0);
    const label = dirs.length > 1 ? ` [${d}]` : '';
    console.log(`form page main thread after first paint (cold link)${label}: CPU ${m('busy')} ms, blocking time from CPU time ${m('cpu')} ms, ` +
      `from wall time ${m('wall')} ms, lazy wasm compilations ${m('lazyCount')} (${m('lazyCpu')} ms CPU) (median of ${results[i].length})`);
  });
})();
