// Accessibility across the whole catalog (issue #7): every procedure is filled with valid answers
// (tests/answers/<id>.json) through its pages, in Vietnamese at 320 px and in English at 200 %
// text size, and every page is checked: axe-core (WCAG 2.2 AA), no horizontal scrolling, the
// document title and focus moved to the new page's heading, controls at least 24 × 24 px.
// A second test completes a procedure with the keyboard alone; a third checks reduced motion.
const fs = require('fs');
const path = require('path');
const { test, expect, expectAccessible, choosePlace, fillPage, JPEG } = require('./helpers');

const CATALOG = path.join(__dirname, '..', '..', 'src', 'catalog');
const PROCEDURES = fs.readdirSync(CATALOG)
  .filter(f => f.endsWith('.json') && f !== 'catalog.json')
  .map(f => f.replace(/\.json$/, ''))
  .sort();
const answersOf = id => JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'answers', `${id}.json`), 'utf8'));
const CONTINUE = { vi: 'Tiếp tục', en: 'Continue' };

test('every procedure has valid answers for the walk', () => {
  expect(PROCEDURES.length).toBeGreaterThanOrEqual(14);
  for (const id of PROCEDURES) expect(fs.existsSync(path.join(__dirname, '..', 'answers', `${id}.json`)), id).toBe(true);
});

/** What a page must satisfy besides axe: no sideways scrolling, big enough controls. */
async function expectUsableLayout(page, label) {
  const problems = await page.evaluate(() => {
    const out = [];
    const root = document.documentElement;
    if (root.scrollWidth > root.clientWidth) {
      const wide = [...document.querySelectorAll('body *')]
        .filter(e => e.getBoundingClientRect().right > root.clientWidth + 1)
        .slice(0, 5).map(e => `${e.tagName.toLowerCase()}.${e.className}`);
      out.push(`scrolls sideways: ${root.scrollWidth} > ${root.clientWidth} (${wide.join(', ')})`);
    }
    // Controls (not links inside running text) must be at least 24 × 24 CSS px (WCAG 2.5.8).
    for (const e of document.querySelectorAll('button, input:not([type=hidden]), select, .button, .card-link, .back-link')) {
      const r = e.getBoundingClientRect();
      if (r.width === 0 && r.height === 0) continue; // not rendered (e.g. visually hidden file input)
      const s = getComputedStyle(e);
      if (s.visibility === 'hidden' || s.display === 'none') continue;
      if (r.width < 24 || r.height < 24) out.push(`small target ${Math.round(r.width)}×${Math.round(r.height)}: ${e.outerHTML.slice(0, 80)}`);
    }
    return out;
  });
  expect(problems, `layout on ${label} (${page.url()})`).toEqual([]);
}

/** After moving to a new page: the title names it and focus is on its heading or error summary. */
async function expectAnnounced(page, label) {
  await expect.poll(async () => page.evaluate(() => {
    const h1 = document.querySelector('h1');
    const active = document.activeElement;
    const onHeading = active === h1 || active?.id === 'error-summary' || active?.id === 'page-title';
    const titled = h1 && document.title.includes(h1.textContent.trim());
    return onHeading && titled ? 'ok' : `focus on <${active?.tagName.toLowerCase()} id=${active?.id}>, title "${document.title}", h1 "${h1?.textContent.trim()}"`;
  }), `title and focus on ${label}`).toBe('ok');
}

async function walk(page, id, lang) {
  const answers = answersOf(id);
  await page.goto(`/p/${id}`);
  if (lang === 'en' && (await page.locator('html').getAttribute('lang')) !== 'en') {
    await page.getByRole('button', { name: 'English' }).click();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  }
  const seen = [];
  for (let n = 0; n < 40; n++) {
    await page.waitForSelector('h1');
    const where = new URL(page.url()).pathname;
    const label = `${id} (${lang}) ${where}`;
    if (n > 0) await expectAnnounced(page, label);
    await expectAccessible(page, label);
    await expectUsableLayout(page, label);
    seen.push(where.replace(`/p/${id}`, '') || '/');
    if (where.endsWith('/done')) break;
    await fillPage(page, answers);
    await page.getByRole('button', { name: CONTINUE[lang], exact: true }).click();
    await expect(page, `${label}: valid answers are accepted`).not.toHaveURL(new RegExp(`${where.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`));
  }
  expect(seen[seen.length - 1], `${id} (${lang}) reaches the confirmation: ${seen.join(' → ')}`).toBe('/done');
  expect(seen).toContain('/review');
  return seen;
}

for (const id of PROCEDURES) {
  test(`${id}: every page accessible, in Vietnamese at 320 px and in English at 200 % text size`, async ({ page, context }) => {
    await page.setViewportSize({ width: 320, height: 640 });
    const vi = await walk(page, id, 'vi');

    // A fresh page with the browser's text size doubled (the setting residents use, which rem follows).
    const big = await context.newPage();
    await big.setViewportSize({ width: 360, height: 780 });
    const cdp = await context.newCDPSession(big);
    await cdp.send('Page.setFontSizes', { fontSizes: { standard: 32, fixed: 26 } });
    await big.goto('/');
    expect(await big.evaluate(() => parseFloat(getComputedStyle(document.body).fontSize))).toBeGreaterThanOrEqual(36);
    const en = await walk(big, id, 'en');
    expect(en, 'the same pages in both languages').toEqual(vi);
  });
}

/** Presses Tab until the focused element matches; every stop on the way must show its focus. */
async function tabTo(page, selector, label) {
  for (let i = 0; i < 80; i++) {
    await page.keyboard.press('Tab');
    const stop = await page.evaluate((selector) => {
      const e = document.activeElement;
      if (!e || e === document.body) return { matches: false, visible: true, what: 'body' };
      const s = getComputedStyle(e);
      const visible = (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2) || s.boxShadow !== 'none';
      return { matches: e.matches(selector), visible, what: e.outerHTML.slice(0, 100) };
    }, selector);
    expect(stop.visible, `visible focus on ${stop.what}`).toBe(true);
    if (stop.matches) return;
  }
  throw new Error(`Tab never reached ${label || selector}`);
}

test('a procedure is completed with the keyboard alone, focus always visible', async ({ page }) => {
  const answers = answersOf('chung-thuc-chu-ky');
  // Listening from the start turns on file-chooser interception before any key is pressed.
  const choosers = [];
  page.on('filechooser', c => choosers.push(c));
  await page.goto('/');
  await tabTo(page, 'a[href="/p/chung-thuc-chu-ky"]');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/p\/chung-thuc-chu-ky$/);
  // The page has loaded when its heading has focus (a Tab pressed before that is undone by it).
  await expect(page.locator('#page-title')).toBeFocused();
  const next = async () => { await tabTo(page, 'button[type=submit]', 'Continue'); await page.keyboard.press('Enter'); };
  await next();
  for (let n = 0; n < 20 && !/\/(attachments|review)$/.test(page.url()); n++) {
    const where = page.url();
    await expectAnnounced(page, where);
    const names = await page.evaluate(() => [...new Set([...document.querySelectorAll('main [name]')].map(e => e.name))]);
    for (const name of names) {
      const value = answers[name];
      if (value === undefined) continue;
      const kind = await page.evaluate(n => { const e = document.querySelector(`[name="${n}"]`); return e.type; }, name);
      if (kind === 'radio') {
        // Tab reaches the group; arrows move the choice (Space chooses the first one).
        await tabTo(page, `input[name="${name}"]`);
        await page.keyboard.press('Space');
        for (let i = 0; i < 6 && !(await page.isChecked(`input[name="${name}"][value="${value}"]`)); i++) await page.keyboard.press('ArrowDown');
        await expect(page.locator(`input[name="${name}"][value="${value}"]`)).toBeChecked();
        await expect(page.locator(`input[name="${name}"][value="${value}"]`)).toBeFocused();
      } else if (kind === 'search') {
        await tabTo(page, `input[name="${name}"]`);
        await page.keyboard.type('vy da');
        await tabTo(page, '.place-option', 'the first place found');
        await expect(page.locator(':focus')).toContainText('Phường Vỹ Dạ');
        await page.keyboard.press('Enter');
        await expect(page.locator(`#f-${name} ~ .place-selected`)).toContainText('Phường Vỹ Dạ');
      } else {
        await tabTo(page, `input[name="${name}"]`);
        const typed = /^\d{4}-\d{2}-\d{2}$/.test(value) ? value.split('-').reverse().join('/') : value;
        await page.keyboard.type(typed);
      }
    }
    await next();
    await expect(page).not.toHaveURL(where);
  }
  // Attachments: the file chooser opens from the keyboard (once the page has loaded: its
  // heading takes focus, which would undo a Tab pressed before).
  await expect(page).toHaveURL(/\/attachments$/);
  await expect(page.locator('#page-title')).toBeFocused();
  await tabTo(page, 'input[type=file]:not([capture])');
  await page.keyboard.press('Space');
  await expect.poll(() => choosers.length, 'the file chooser opened from the keyboard').toBe(1);
  await choosers[0].setFiles({ name: 'giay-to.jpg', mimeType: 'image/jpeg', buffer: JPEG });
  await expect(page.locator('.file')).toContainText('giay-to.jpg');
  await next();
  await expect(page).toHaveURL(/\/review$/);
  await expectAnnounced(page, 'review');
  await next();
  await expect(page).toHaveURL(/\/done$/);
  await expectAnnounced(page, 'done');
  await tabTo(page, '#download');
  const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
  expect(download.suggestedFilename()).toMatch(/^hoso-chung-thuc-chu-ky-HS-/);
});

test('with reduced motion asked for, nothing moves', async ({ page }) => {
  // Any motion, present or added later (here: one set from script on the main content), is off.
  const motion = () => page.evaluate(() => {
    document.querySelector('main').style.transition = 'opacity 1s';
    document.querySelector('main').style.scrollBehavior = 'smooth';
    return [...document.querySelectorAll('*')].filter(e => {
      const s = getComputedStyle(e);
      const long = v => v.split(',').some(t => parseFloat(t) > 0.01);
      return long(s.transitionDuration) || (s.animationName !== 'none' && long(s.animationDuration)) || s.scrollBehavior === 'smooth';
    }).map(e => e.tagName.toLowerCase() + (e.className ? '.' + e.className : ''));
  });
  await page.emulateMedia({ reducedMotion: 'reduce' });
  for (const url of ['/', '/p/khai-sinh', '/p/khai-sinh/s/noi-nop']) {
    await page.goto(url);
    await page.waitForSelector('h1');
    expect(await motion(), url).toEqual([]);
  }
  // Control: without the preference the same check sees the motion, so it can fail.
  await page.emulateMedia({ reducedMotion: 'no-preference' });
  expect((await motion()).some(e => e.startsWith('main')), 'motion seen without the preference').toBe(true);
});
