// Shared steps for the end-to-end tests.
const fs = require('fs');
const path = require('path');
const base = require('@playwright/test');
const { expect } = base;

/** The date every browser test runs on: the native tests' date (tests/cli.rs, tests/engine_props.rs),
 *  on which tests/answers/*.json are valid. A test about a date sets its own (`test.use({ today })`). */
const TODAY = '2026-11-22';

/** A day as the browser's clock: 10:00 in Vietnam (UTC+7), mid-morning at a centre. */
function clockTime(isoDay) {
  return new Date(`${isoDay}T10:00:00+07:00`);
}

/** Moves the page's `Date` so that it starts at `start` (ms) and runs on from there. */
function dateShift(start) {
  const Real = Date;
  const offset = start - Real.now();
  function Shifted(...args) {
    if (!new.target) return new Real(Real.now() + offset).toString();
    return Reflect.construct(Real, args.length ? args : [Real.now() + offset], new.target);
  }
  Shifted.prototype = Real.prototype;
  Shifted.now = () => Real.now() + offset;
  Shifted.parse = Real.parse;
  Shifted.UTC = Real.UTC;
  globalThis.Date = Shifted;
}

/** HOSO_E2E_SYSTEM_DATE=yyyy-mm-dd runs the suite as if the machine's clock showed that day (the
 *  fixed clock below must still decide every date): `HOSO_E2E_SYSTEM_DATE=2030-01-01 scripts/test.sh`.
 *  (libfaketime under Chromium was tried: it hangs Chromium now and then.) */
const SYSTEM_DATE = process.env.HOSO_E2E_SYSTEM_DATE;
if (SYSTEM_DATE && !/^\d{4}-\d\d-\d\d$/.test(SYSTEM_DATE)) {
  throw new Error(`HOSO_E2E_SYSTEM_DATE=${SYSTEM_DATE}: write the day as yyyy-mm-dd`);
}

/** Fixes a context's clock to `isoDay` before any page opens: `Date` (and so the app's
 *  `js_sys::Date::now`) starts at 10:00 that day and runs on, in every page and frame.
 *  (Not Playwright's `clock.install`: it also fakes the timers, and an error thrown in a faked
 *  timer never reaches the page's error handler, which tests/e2e/start.spec.js checks.) */
async function fixClock(context, isoDay = TODAY) {
  // The machine's clock moved, as if the suite ran on another day: the fixed clock must not care.
  if (SYSTEM_DATE) await context.addInitScript(dateShift, clockTime(SYSTEM_DATE).getTime());
  // Fixed so the date rules (late registration, ages, deadlines) give the same answer every day (issue #20).
  await context.addInitScript(dateShift, clockTime(isoDay).getTime());
}

/** A new context (another browser profile) with the same fixed clock as the test's own. */
async function newContext(browser, today = TODAY) {
  const use = test.info().project.use;
  const context = await browser.newContext({ baseURL: use.baseURL, viewport: use.viewport, locale: use.locale });
  await fixClock(context, today);
  return context;
}

/** Playwright's `test`, failing any test in whose pages an uncaught error was thrown: the
 *  browser bundles stop on a panic with a bare `unreachable` trap (scripts/build/lean_env.sh), which
 *  would otherwise go unnoticed wherever the page happened to look right. */
const test = base.test.extend({
  // A test that causes errors on purpose names them: `test.use({ expectedPageErrors: /…/ })`.
  expectedPageErrors: [null, { option: true }],
  // The day the browser's clock shows (see TODAY); a test about a date names it: `test.use({ today: '…' })`.
  today: [TODAY, { option: true }],
  context: async ({ context, expectedPageErrors, today }, use) => {
    await fixClock(context, today);
    const errors = [];
    const watch = p => p.on('pageerror', e => {
      if (!(expectedPageErrors && expectedPageErrors.test(e.message))) errors.push(`${p.url()}: ${e.message}`);
    });
    context.pages().forEach(watch);
    context.on('page', watch);
    await use(context);
    expect(errors, 'uncaught errors in the page').toEqual([]);
  },
});

const AXE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** Runs axe-core (WCAG 2.0–2.2 A and AA) on the current page and fails on any violation. */
async function expectAccessible(page, label) {
  await page.waitForSelector('h1');
  if (!(await page.evaluate(() => typeof window.axe !== 'undefined'))) {
    await page.evaluate(AXE);
  }
  const result = await page.evaluate(() =>
    window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } }));
  const summary = result.violations.map(v => `${v.id}: ${v.help} (${v.nodes.map(n => n.target.join(' ')).join(', ')})`);
  expect(summary, `axe violations on ${label} (${page.url()})`).toEqual([]);
}

/** Presses the step's primary button ("Tiếp tục" / "Continue"). */
async function pressContinue(page, lang = 'vi') {
  const name = lang === 'vi' ? 'Tiếp tục' : 'Continue';
  await page.getByRole('button', { name, exact: true }).click();
}

async function choosePlace(page, fieldId, query, label) {
  await page.fill(`input[name=${fieldId}]`, query);
  const option = page.locator(`#f-${fieldId} ~ ul .place-option`, { hasText: label }).first();
  await option.click();
  await expect(page.locator(`#f-${fieldId} ~ .place-selected`)).toContainText(label);
}

async function heading(page) {
  return (await page.locator('h1').first().textContent()).trim();
}

/** A small valid JPEG (1×1 px). */
const JPEG = Buffer.from(
  '/9j/4AAQSkZJRgABAQEASABIAAD/2wBDAP//////////////////////////////////////////////////////////////////////////////////////wgALCAABAAEBAREA/8QAFBABAAAAAAAAAAAAAAAAAAAAAP/aAAgBAQABPxA=',
  'base64');

/** First visit: wait until the service worker controls the page and has precached the app. */
async function installOffline(page) {
  await page.goto('/');
  await page.evaluate(async () => {
    const reg = await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise(resolve => navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }));
    }
    return reg.active.state;
  });
  const cached = await page.evaluate(async () => {
    const keys = await caches.keys();
    const cache = await caches.open(keys.find(k => k.startsWith('hoso-')));
    return (await cache.keys()).map(r => new URL(r.url).pathname);
  });
  expect(cached).toContain('/index.html');
  expect(cached).toContain('/staff/index.html');
  expect(cached).toContain('/data/catalog/chung-thuc-chu-ky.bin');
  expect(cached).toContain('/data/units-2025.bin');
}

/** The app's saved-answers format: postcard (varint lengths, UTF-8 strings) as hex. */
function compactAnswers(all) {
  const out = [];
  const varint = n => { while (n >= 0x80) { out.push((n & 0x7f) | 0x80); n >>>= 7; } out.push(n); };
  const str = s => { const b = Buffer.from(s, 'utf8'); varint(b.length); out.push(...b); };
  const map = (m, f) => { const keys = Object.keys(m).sort(); varint(keys.length); for (const k of keys) { str(k); f(m[k]); } };
  map(all, inner => map(inner, str));
  return Buffer.from(out).toString('hex');
}

/** Answers for the signature-authentication procedure, as a resident would have typed them. */
const ANSWERS = JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'answers', 'chung-thuc-chu-ky.json'), 'utf8'));

/** Seeds saved answers through the app's synchronous copy (as builds before IndexedDB kept them);
 *  the app takes them over on its next start. Only when the page has no writes in flight: the
 *  app removes the copy once IndexedDB confirms its own writes. */
async function seedAnswers(page, all) {
  await page.evaluate(hex => localStorage.setItem('hoso:answers:2', hex), compactAnswers(all));
}

/** How many records an IndexedDB store of the app holds. */
async function idbCount(page, store) {
  return page.evaluate(async (store) => {
    const db = await new Promise(r => { const q = indexedDB.open('hoso'); q.onsuccess = () => r(q.result); });
    if (!db.objectStoreNames.contains(store)) return 0;
    return new Promise(r => { const q = db.transaction(store).objectStore(store).count(); q.onsuccess = () => r(q.result); });
  }, store);
}

/** Walks a journey as a resident: fills each page from `answers` and presses Continue until the
 *  address ends with `end` ('/done', '/review', '/s/cach-nop' …); each Continue must leave its page. */
async function walkTo(page, answers, end, max = 30) {
  for (let n = 0; n < max && !new URL(page.url()).pathname.endsWith(end); n++) {
    const where = page.url();
    await fillPage(page, answers);
    await pressContinue(page);
    await expect(page, `${where}: valid answers are accepted`).not.toHaveURL(where);
  }
  expect(new URL(page.url()).pathname.endsWith(end), `${page.url()} ends with ${end}`).toBe(true);
}

/** Fills the current page's fields from the answers, as a resident would; fields that appear
 *  after an answer (e.g. "other purpose: say which") are filled on the next round. */
async function fillPage(page, answers, done = new Set()) {
  const fields = await page.evaluate(() => [...document.querySelectorAll('main [name]')]
    .map(e => ({ name: e.getAttribute('name'), tag: e.tagName.toLowerCase(), type: e.getAttribute('type') || '', date: e.getAttribute('placeholder') === 'dd/mm/yyyy' })));
  const before = done.size;
  for (const f of fields) {
    const value = answers[f.name];
    if (value === undefined || done.has(f.name)) continue;
    done.add(f.name);
    if (f.type === 'radio') {
      await page.check(`input[name="${f.name}"][value="${value}"]`);
    } else if (f.tag === 'select') {
      await page.selectOption(`select[name="${f.name}"]`, value);
    } else if (f.type === 'search') {
      // A place: type its name without accents and pick it from the list.
      expect(value, 'the walk knows one place').toBe('19777');
      await choosePlace(page, f.name, 'vy da', 'Phường Vỹ Dạ');
    } else if (f.date) {
      const [y, m, d] = value.split('-');
      await page.fill(`input[name="${f.name}"]`, `${d}/${m}/${y}`);
    } else if (f.type !== 'file') {
      await page.fill(`input[name="${f.name}"]`, value);
    }
  }
  if (done.size > before) await fillPage(page, answers, done);
}

// The text of a PDF as an independent reader sees it: poppler's pdftotext (scripts/setup.sh
// installs poppler-utils), in reading order.
function pdfText(bytes) {
  const { execFileSync } = require('child_process');
  return execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', '-', '-'], { input: bytes }).toString('utf8');
}

// The number of pages of a PDF, as poppler's pdfinfo reads it.
function pdfPages(bytes) {
  const { execFileSync } = require('child_process');
  const info = execFileSync('pdfinfo', ['-'], { input: bytes }).toString('utf8');
  return Number(/^Pages:\s+(\d+)/m.exec(info)[1]);
}

// The JPEG pictures of a PDF as they are stored in it (poppler's pdfimages -j writes DCT images
// unchanged), in page order.
function pdfJpegs(bytes) {
  const { execFileSync } = require('child_process');
  const os = require('os');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hoso-pdfimages-'));
  fs.writeFileSync(path.join(dir, 'in.pdf'), bytes);
  execFileSync('pdfimages', ['-j', path.join(dir, 'in.pdf'), path.join(dir, 'img')]);
  const out = fs.readdirSync(dir).filter(f => f.startsWith('img')).sort().map(f => fs.readFileSync(path.join(dir, f)));
  fs.rmSync(dir, { recursive: true, force: true });
  return out;
}

// What a QR code in a picture says, read by zbar's zbarimg (apt zbar-tools): an independent reader.
function qrText(png) {
  const { execFileSync } = require('child_process');
  const os = require('os');
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'hoso-qr-')), 'qr.png');
  fs.writeFileSync(file, png);
  const out = execFileSync('zbarimg', ['--raw', '-q', file]).toString('utf8').replace(/\n$/, '');
  fs.rmSync(path.dirname(file), { recursive: true, force: true });
  return out;
}

// The counter QR codes' payload, decoded here from the format alone (docs/package-format.md:
// base45, zlib, postcard, 4-byte SHA-256 digest), not with the app's code.
function counterPayload(texts) {
  const zlib = require('zlib');
  const crypto = require('crypto');
  const ALPHA = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:';
  const data45 = texts.map(t => /^HS1:(\d+)\/(\d+):(.*)$/s.exec(t)).sort((a, b) => a[1] - b[1]).map(m => m[3]).join('');
  const bytes = [];
  for (let i = 0; i < data45.length; i += 3) {
    const c = [...data45.slice(i, i + 3)].map(ch => ALPHA.indexOf(ch));
    if (c.length === 3) { const n = c[0] + c[1] * 45 + c[2] * 2025; bytes.push(n >> 8, n & 255); } else bytes.push(c[0] + c[1] * 45);
  }
  const body = zlib.inflateSync(Buffer.from(bytes));
  const data = body.subarray(0, body.length - 4);
  if (!crypto.createHash('sha256').update(data).digest().subarray(0, 4).equals(body.subarray(body.length - 4))) throw new Error('digest');
  let i = 0;
  const varint = () => { let n = 0, s = 0; for (;;) { const b = data[i++]; n |= (b & 0x7f) << s; if (b < 0x80) return n; s += 7; } };
  const str = () => { const l = varint(); const v = data.subarray(i, i + l).toString('utf8'); i += l; return v; };
  const out = { procedure: str(), catalog_version: str(), reference: str(), package_id: str(), answers: {} };
  for (let n = varint(); n > 0; n--) { const k = str(); out.answers[k] = str(); }
  return out;
}

module.exports = { walkTo, qrText, counterPayload, pdfPages, pdfJpegs, fillPage, pdfText, TODAY, clockTime, fixClock, newContext, test, expect, expectAccessible, pressContinue, choosePlace, heading, JPEG, path, installOffline, compactAnswers, ANSWERS, seedAnswers, idbCount };
