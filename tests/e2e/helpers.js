// Shared steps for the end-to-end tests.
const fs = require('fs');
const path = require('path');
const base = require('@playwright/test');
const { expect } = base;

/** Playwright's `test`, failing any test in whose pages an uncaught error was thrown: the
 *  browser bundles stop on a panic with a bare `unreachable` trap (scripts/lean_env.sh), which
 *  would otherwise go unnoticed wherever the page happened to look right. */
const test = base.test.extend({
  // A test that causes errors on purpose names them: `test.use({ expectedPageErrors: /…/ })`.
  expectedPageErrors: [null, { option: true }],
  context: async ({ context, expectedPageErrors }, use) => {
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

module.exports = { test, expect, expectAccessible, pressContinue, choosePlace, heading, JPEG, path, installOffline, compactAnswers, ANSWERS, seedAnswers, idbCount };
