#!/usr/bin/env node
// Lighthouse (npm `lighthouse`, mobile preset with simulated slow 4G and CPU slowdown) on the
// release build served on loopback over HTTPS and HTTP/2 as a deployment is (scripts/bench/serve_h2.js;
// --http1: plain HTTP/1.1 from scripts/serve.py), driving the system Chromium: performance score,
// LCP and TBT of the start page and of a form page. Each page is measured --runs times (default 5, each in a
// fresh browser: a first visit) and the median of each figure is printed, with the range of the
// score, LCP and TBT: single runs on this machine vary by 20 points. Run by scripts/bench/bench.sh.
//
//   node scripts/bench/lighthouse.mjs [--dir dist] [--port 8791] [--runs 5] [--only start|form] [--detail] [--cpu 4] [--http1]
// --detail: long tasks, requests, LCP element. --cpu N: the simulated CPU slowdown (Lighthouse's
// mobile default is 4); --cpu 1 shows which figures the network alone decides (the form page's
// LCP does: 2.45 s at 1× as at 4×, docs/size-history.md, seventh pass). Not for the goal, for diagnosis.
import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';
import serveDistModule from './serve_dist.js';
import serveH2Module from './serve_h2.js';
import * as constants from 'lighthouse/core/config/constants.js';

const arg = (name, def) => { const i = process.argv.indexOf('--' + name); return i > 0 ? process.argv[i + 1] : def; };
const DIR = arg('dir', 'dist');
const PORT = Number(arg('port', 8791));
const RUNS = Math.max(1, Number(arg('runs', 5)));
const median = xs => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const { serveDist } = serveDistModule;
// HTTP/2 over HTTPS by default: what residents get from any deployment (the service worker needs
// HTTPS). Over HTTP/1.1 a link's nine requests open up to six connections, each paying its own
// set-up in Lighthouse's simulated slow 4G: the form page's LCP is 2.4 s there, 1.8 s over HTTP/2.
const HTTP1 = process.argv.includes('--http1');
const serve = HTTP1 ? serveDist : serveH2Module.serveH2;
const OVER = HTTP1 ? ' over HTTP/1.1' : '';
const CPU = arg('cpu', null);
// Lighthouse's mobile settings, with only the CPU slowdown changed when --cpu is given.
const CONFIG = CPU === null ? undefined : {
  extends: 'lighthouse:default',
  settings: { throttling: { ...constants.throttling.mobileSlow4G, cpuSlowdownMultiplier: Number(CPU) } },
};
const ONLY = arg('only', null); // "start" or "form": measure one page (for A/B comparisons)
const PAGES = [['start page', '/'], ['form page', '/p/khai-sinh/s/tre']].filter(([n]) => !ONLY || n.startsWith(ONLY));

const server = await serve(DIR, PORT);
try {
  for (const [name, url] of PAGES) {
    const runs = [];
    for (let run = 1; run <= RUNS; run++) {
      // A fresh browser per run: a first visit, nothing cached, no service worker yet.
      const chrome = await chromeLauncher.launch({
        chromePath: process.env.CHROMIUM || '/usr/bin/chromium',
        chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
          '--disable-background-networking', '--disable-component-update', '--disable-sync',
          ...(HTTP1 ? [] : ['--ignore-certificate-errors']), // serve_h2.js's throwaway certificate
          // JSF=… passes V8 flags, for experiments only (e.g. JSF=--no-wasm-lazy-compilation).
          ...(process.env.JSF ? ['--js-flags=' + process.env.JSF] : [])],
      });
      try {
        const { lhr } = await lighthouse(server.base + url, { port: chrome.port, onlyCategories: ['performance'], logLevel: 'error', output: 'json' }, CONFIG);
        const a = id => lhr.audits[id].numericValue;
        const score = Math.round(lhr.categories.performance.score * 100);
        if (process.argv.includes('--detail')) {
          // Where the blocking time comes from: the long main-thread tasks and the work by kind.
          for (const t of lhr.audits['long-tasks'].details?.items ?? []) console.log(`  long task ${t.duration.toFixed(0)} ms at ${t.startTime.toFixed(0)} ms: ${t.url}`);
          for (const w of lhr.audits['mainthread-work-breakdown'].details?.items ?? []) console.log(`  ${w.groupLabel}: ${w.duration.toFixed(0)} ms`);
          for (const b of lhr.audits['bootup-time'].details?.items ?? []) console.log(`  script ${b.url}: total ${b.total.toFixed(0)} ms, evaluation ${b.scripting.toFixed(0)} ms, parse/compile ${b.scriptParseCompile.toFixed(0)} ms`);
          // What the page fetched and when (observed, not simulated), and which element was the LCP.
          for (const r of lhr.audits['network-requests'].details?.items ?? []) console.log(`  request ${r.url.replace(server.base, '')}: ${(r.transferSize / 1024).toFixed(1)} KB, ${r.networkRequestTime?.toFixed(0)}–${r.networkEndTime?.toFixed(0)} ms`);
          const lcp = lhr.audits['largest-contentful-paint-element'].details?.items?.[0]?.items?.[0]?.node;
          if (lcp) console.log(`  LCP element: ${lcp.snippet}`);
          for (const l of lhr.audits['layout-shifts']?.details?.items ?? []) console.log(`  layout shift ${l.score.toFixed(3)}: ${l.node?.snippet ?? '(unknown)'}`);
        }
        // Lighthouse's own measure of this machine's speed (higher is faster; its docs calibrate
        // the 4× CPU slowdown on machines of about 1,000 or more): tells a slow machine from a slow page.
        const r = { score, lcp: a('largest-contentful-paint'), tbt: a('total-blocking-time'), fcp: a('first-contentful-paint'), bench: lhr.environment?.benchmarkIndex ?? 0 };
        runs.push(r);
        console.log(`  ${name} run ${run}: score ${score}, LCP ${r.lcp.toFixed(0)} ms, TBT ${r.tbt.toFixed(0)} ms, FCP ${r.fcp.toFixed(0)} ms, CLS ${a('cumulative-layout-shift').toFixed(3)}, Speed Index ${a('speed-index').toFixed(0)} ms, machine benchmark index ${r.bench.toFixed(0)}`);
      } finally {
        await chrome.kill();
      }
    }
    const m = k => median(runs.map(r => r[k]));
    const span = k => { const v = runs.map(r => r[k]); return `${Math.min(...v).toFixed(0)}–${Math.max(...v).toFixed(0)}`; };
    // bench_report.py reads the ranges: a median inside the previous run's range is not WORSE.
    console.log(`lighthouse ${name}${OVER}: score ${m('score')}, LCP ${m('lcp').toFixed(0)} ms, TBT ${m('tbt').toFixed(0)} ms, FCP ${m('fcp').toFixed(0)} ms ` +
      `(median of ${runs.length}; scores ${span('score')}; LCP ${span('lcp')} ms; TBT ${span('tbt')} ms; machine benchmark index ${m('bench').toFixed(0)}; ${CPU === null ? 'goal: score ≥ 95' : `CPU slowdown ${CPU}×, not the mobile default: not a figure for the goal`})`);
  }
} finally {
  server.stop();
}
