// The start page is in index.html (src/start_page.rs, put in by scripts/build/pwa.py): on a slow
// connection residents read it and can pick a procedure before the app has downloaded, and the
// app then takes over without anything moving.
const { test, expect, expectAccessible, pressContinue, newContext } = require('./helpers');

// Requests a service worker answers are not seen by page.route; these tests stop the app loading.
test.use({ serviceWorkers: 'block' });

/** A route handler that never answers: the app is still downloading, as on a slow connection. */
const hang = () => {};

/** What a resident sees on the start page, and where the heading and first procedure sit. */
async function snapshot(page) {
  return page.evaluate(() => {
    const texts = sel => [...document.querySelectorAll(sel)].map(e => e.textContent.trim());
    const box = sel => { const r = document.querySelector(sel).getBoundingClientRect(); return [Math.round(r.x), Math.round(r.y), Math.round(r.width), Math.round(r.height)]; };
    return {
      title: texts('h1'), lead: texts('main .lead'), groups: texts('#procedures h2'),
      links: [...document.querySelectorAll('#procedures .card-link')].map(a => `${a.textContent.trim()} → ${a.getAttribute('href')}`),
      meta: texts('#procedures .card-meta'), tabs: texts('.tabs a'), footer: texts('footer'),
      boxes: [box('h1'), box('main .lead'), box('#procedures .card-link')],
    };
  });
}

test('the start page is readable and its links work before the app has loaded, and the app matches it', async ({ page, browser }) => {
  await page.route(/\.wasm$/, hang);
  await page.goto('/');
  await expect(page.locator('#boot-start')).toHaveCount(1);
  await expect(page.locator('#boot')).toHaveCount(0);
  await expect(page.locator('h1')).toHaveText('Bạn cần làm thủ tục gì?');
  // Every procedure (one may sit under two life events).
  const hrefs = await page.locator('#procedures .card-link').evaluateAll(as => as.map(a => a.getAttribute('href')));
  expect(new Set(hrefs).size).toBe(14);
  await expect(page.locator('#proc-search')).toBeDisabled();
  expect(await page.locator('link[rel=preload][href$=".wasm"]').count(), 'no wasm preload on the start page').toBe(0);
  await expectAccessible(page, 'static start page');
  const before = await snapshot(page);

  const appContext = await newContext(browser);
  const app = await appContext.newPage();
  await app.setViewportSize(page.viewportSize());
  await app.goto(page.url());
  await expect(app.locator('#boot-start')).toHaveCount(0);
  await expect(app.locator('#proc-search')).toBeEnabled();
  const after = await snapshot(app);
  expect(after, 'the app renders what the static page showed, in the same places').toEqual(before);
  await appContext.close();

  // A link works without the app: it is an ordinary address.
  await page.locator('#procedures .card-link').first().click();
  await expect(page).toHaveURL(/\/p\/khai-sinh$/);
  await expect(page.locator('#boot-start')).toHaveCount(0);
  await expect(page.locator('#boot')).toBeVisible();
  // The app and the part of it this page needs (scripts/build/split.py), fetched side by side.
  expect(await page.locator('link[rel=preload][href$="_bg.wasm"]').count(), 'other pages preload the app').toBe(1);
  expect(await page.locator('link[rel=preload][href$="-form.wasm"]').count(), 'and its form pages').toBe(1);
  expect(await page.locator('link[rel=preload][href$="-finish.wasm"]').count(), 'not the later pages').toBe(0);
  expect(await page.locator('link[rel=preload][href="/data/catalog/khai-sinh.bin"]').count(), 'and the procedure').toBe(1);
});

test('once the app has drawn its start page, nothing on it is redrawn until the resident acts', async ({ page }) => {
  // Changes inside main after the app's search box (the static page's is disabled) is there
  // (the document's title and language are set by effects just after; they are not the page).
  await page.addInitScript(() => {
    window.changes = [];
    let drawn = false;
    new MutationObserver(records => {
      const inMain = n => !!(n.nodeType === 1 ? n : n.parentElement)?.closest('main');
      if (drawn) window.changes.push(...records.filter(r => inMain(r.target)).map(r => `${r.type} ${r.target.nodeName}`));
      const box = document.getElementById('proc-search');
      drawn = drawn || (!!box && !box.disabled);
    }).observe(document, { childList: true, subtree: true, characterData: true, attributes: true });
  });
  await page.goto('/');
  await expect(page.locator('#proc-search')).toBeEnabled();
  await page.waitForTimeout(500); // the app's later tasks (where a journey page's content comes)
  expect(await page.evaluate(() => window.changes), 'the start page is not built twice').toEqual([]);
});

test('a resident whose start page looks different (English, drafts) gets the loading line, not a page that changes', async ({ page }) => {
  await page.goto('/');
  await expect(page.locator('#boot-start')).toHaveCount(0);
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.locator('h1')).toHaveText('What do you need to do?');
  await page.route(/\.wasm$/, hang);
  await page.reload();
  await expect(page.locator('#boot')).toBeVisible();
  await expect(page.locator('#boot-start')).toHaveCount(0);

  // Back to Vietnamese: the static page returns; a draft turns it off again.
  await page.unroute(/\.wasm$/);
  await page.reload();
  await page.getByRole('button', { name: 'Tiếng Việt' }).click();
  await expect(page.locator('h1')).toHaveText('Bạn cần làm thủ tục gì?');
  await page.route(/\.wasm$/, hang);
  await page.reload();
  await expect(page.locator('#boot-start')).toHaveCount(1);
  await page.unroute(/\.wasm$/);
  await page.goto('/p/tam-tru/s/noi-nop');
  await page.fill('input[name=noi_nop]', 'vy da');
  await page.locator('.place-option').first().click();
  await page.goto('/');
  await expect(page.locator('#drafts-title')).toHaveText('Hồ sơ đang làm dở');
  await page.route(/\.wasm$/, hang);
  await page.reload();
  await expect(page.locator('#boot')).toBeVisible();
  await expect(page.locator('#boot-start')).toHaveCount(0);
});

test('on a slow phone a form page comes a field at a time, and Continue only after the last', async ({ page, context }) => {
  // What a frame showed and what each change of the form held (StepForm's time slices).
  await page.addInitScript(() => {
    const fields = () => document.querySelectorAll('main form .field').length;
    window.frames = [];
    window.changes = [];
    const frame = () => { window.frames.push(fields()); requestAnimationFrame(frame); };
    requestAnimationFrame(frame);
    new MutationObserver(() => window.changes.push([fields(), !!document.querySelector('main form button[type=submit]')]))
      .observe(document, { childList: true, subtree: true });
  });
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 6 });
  await page.goto('/p/khai-sinh/s/tre');
  await expect(page.locator('main form button[type=submit]')).toBeVisible();
  const { frames, changes, total } = await page.evaluate(() => ({
    frames: window.frames, changes: window.changes, total: document.querySelectorAll('main form .field').length,
  }));
  expect(total).toBe(8);
  // Some painted frame had part of the fields: the page was not built in one long task.
  expect(frames.filter(n => n > 0 && n < total).length, `fields per frame: ${frames}`).toBeGreaterThan(0);
  // Continue never stood where a later field would push it down.
  expect(changes.filter(([n, button]) => button && n < total)).toEqual([]);
});

test('a form page opened by its address loads without anything on the screen moving', async ({ page }) => {
  await page.addInitScript(() => {
    window.shifts = [];
    new PerformanceObserver(list => { for (const e of list.getEntries()) if (!e.hadRecentInput) window.shifts.push(e.value); })
      .observe({ type: 'layout-shift', buffered: true });
  });
  // A slow procedure file, so the loading line is on the screen before the form replaces it.
  await page.route(/\/data\/catalog\/khai-sinh\.bin$/, async route => {
    await new Promise(r => setTimeout(r, 400));
    await route.continue();
  });
  await page.goto('/p/khai-sinh/s/tre');
  await expect(page.locator('main form')).toBeVisible();
  await expect(page.locator('#page-title')).toBeFocused();
  await page.waitForTimeout(500); // the unit list arrives after the form
  // Neither the start page (never painted at this address) nor the footer (below the first
  // screen) jumps when the page appears.
  const total = await page.evaluate(() => window.shifts.reduce((a, b) => a + b, 0));
  expect(total).toBeLessThan(0.01);
  // Focusing the heading does not scroll the back link and the procedure's name out of sight.
  expect(await page.evaluate(() => scrollY)).toBe(0);
  await expect(page.locator('.back-link')).toBeInViewport();
});

// Each part's wasm files (shared chunks first, its own last), read from wasm-split's loader script
// as scripts/build/split.py does, without their content hashes.
async function splitParts(page) {
  const src = await page.evaluate(() => [...document.querySelectorAll('link[rel=modulepreload], script[type=module]')]
    .map(l => l.href || l.src).find(u => /-split\.js$/.test(u)));
  const loader = await (await page.request.get(src)).text();
  // Trunk's hash: 16 hex digits or fewer (it drops leading zeros).
  const name = f => '/' + f.replace(/-[0-9a-f]{1,16}(?=[-_])/, '');
  const chunks = Object.fromEntries([...loader.matchAll(/const (__chunk_\d+) = makeLoad\(.*?"\.\/([^"]+\.wasm)"/gs)].map(m => [m[1], m[2]]));
  const parts = {};
  for (const m of loader.matchAll(/export const __wasm_split_load_(\w+) = wrapAsyncCb\(makeLoad\(.*?"\.\/([^"]+\.wasm)".*?\[([^\]]*)\]\)\)/gs)) {
    parts[m[1]] = [...m[3].split(',').map(d => d.trim()).filter(Boolean).map(d => name(chunks[d])), name(m[2])];
  }
  expect(Object.keys(parts).sort()).toEqual(['finish', 'form', 'pack']);
  return parts;
}

test.describe('the journey pages\' code, in parts of the wasm of their own', () => {
  // Requests the service worker would answer are not seen by page.route.
  test.use({ serviceWorkers: 'block' });

  test('the start page does not download them; a page downloads its part once; a link preloads exactly its part', async ({ page }) => {
    const wasm = [];
    page.on('request', r => { if (r.url().endsWith('.wasm')) wasm.push(new URL(r.url()).pathname.replace(/-[0-9a-f]+/, '')); });
    await page.goto('/');
    await expect(page.locator('#proc-search')).toBeEnabled();
    await page.waitForTimeout(300);
    expect(wasm, 'the start page').toEqual(['/hoso_bg.wasm']);
    await page.locator('#procedures .card-link').first().click();
    await expect(page.locator('h1')).toHaveText('Đăng ký khai sinh');
    await pressContinue(page);
    await expect(page.locator('h1')).not.toHaveText('Đăng ký khai sinh');
    const parts = await splitParts(page);
    expect(wasm.slice(1).sort(), 'the form pages').toEqual([...parts.form].sort());
    // A link fetches the main wasm and its page's part side by side, each once (the boot
    // script's preloads are the app's requests; its rule is lazy/'s `part`).
    // The review page then fetches the package builder (`pack`) in the background.
    for (const [url, heading, name, after] of [
      ['/p/khai-sinh', 'Đăng ký khai sinh', 'form', []],
      ['/p/khai-sinh/checklist', 'Giấy tờ bạn cần chuẩn bị', 'form', []],
      ['/p/khai-sinh/review', 'Kiểm tra lại câu trả lời', 'finish', parts.pack],
    ]) {
      wasm.length = 0;
      await page.goto(url);
      await expect(page.locator('h1'), url).toHaveText(heading);
      await page.waitForTimeout(300);
      expect(wasm.sort(), url).toEqual([...new Set(['/hoso_bg.wasm', ...parts[name], ...after])].sort());
      const own = parts[name][parts[name].length - 1].replace('/hoso', '');
      expect(await page.locator(`link[rel=preload][href$="${own}"]`).count(), `${url}: preloaded`).toBe(1);
    }
  });

  test('when a part cannot be downloaded the page says so, and opens once the connection is back', async ({ page }) => {
    let tries = 0;
    await page.route(/-form\.wasm$/, route => { tries++; return route.abort(); });
    await page.goto('/');
    await expect(page.locator('#proc-search')).toBeEnabled();
    await page.locator('#procedures .card-link').first().click();
    await expect(page.locator('h1')).toHaveText('Chưa tải được thủ tục');
    // Said once, not retried in a loop while the connection is down.
    const said = tries;
    await page.waitForTimeout(1000);
    expect(tries, 'no retries after the page said it failed').toBe(said);
    await expect(page.locator('main')).toContainText('Câu trả lời của bạn vẫn được giữ trên thiết bị.');
    await expect(page.locator('#page-title')).toBeFocused();
    await expectAccessible(page, 'part of the app not downloaded');
    await page.unroute(/-form\.wasm$/);
    await page.getByRole('link', { name: 'Trang đầu' }).click();
    await page.locator('#procedures .card-link').first().click();
    await expect(page.locator('h1')).toHaveText('Đăng ký khai sinh');
  });
});

test('a deep link preloads the ward settings file the app then reads: one request, not two', async ({ page }) => {
  for (const [url, file] of [['/p/khai-sinh', '/settings.json'], ['/p/khai-sinh?cau-hinh=vy-da', '/settings/vy-da.json']]) {
    const asked = [];
    const note = r => { const u = new URL(r.url()); if (u.pathname.startsWith('/settings')) asked.push(u.pathname); };
    page.on('request', note);
    await page.goto(url);
    await expect(page.locator('h1')).toHaveText('Đăng ký khai sinh');
    expect(await page.locator(`link[rel=preload][href="${file}"]`).count(), `${url}: preloaded`).toBe(1);
    expect(asked, `${url}: the preload is the app's own request`).toEqual([file]);
    page.off('request', note);
  }
});

test.describe('when the app cannot load or stops', () => {
  test.use({ expectedPageErrors: /^(Failed to fetch|unreachable)$/ });

  test('a failed download says so in both languages and offers to try again', async ({ page }) => {
    await page.route(/\.wasm$/, route => route.abort());
    await page.goto('/p/khai-sinh');
    const alert = page.getByRole('alert');
    await expect(alert).toContainText('Không tải được Hồ sơ. Hãy kiểm tra kết nối mạng rồi thử lại.');
    await expect(alert.locator('[lang=en]').first()).toHaveText('Hồ sơ could not be loaded. Check your connection and try again.');
    await expect(page.locator('#boot'), 'no loading line forever').toHaveCount(0);
    const retry = page.getByRole('button', { name: 'Thử lại / Try again' });
    await expect(retry).toBeFocused();
    await page.unroute(/\.wasm$/);
    await page.keyboard.press('Enter');
    await expect(page.locator('h1')).toHaveText('Đăng ký khai sinh');
    await expect(page.getByRole('alert')).toHaveCount(0);

    // On the start page the text and links stay readable under the message, which takes no focus.
    await page.route(/\.wasm$/, route => route.abort());
    await page.goto('/');
    await expect(page.getByRole('alert')).toContainText('Không tải được Hồ sơ');
    await expect(page.locator('h1')).toHaveText('Bạn cần làm thủ tục gì?');
    await expect(page.getByRole('button', { name: 'Thử lại / Try again' })).not.toBeFocused();
    await expectAccessible(page, 'start page, app not loaded');

    // The staff page says so too (it shows nothing else before its app has loaded).
    await page.goto('/staff/');
    await expect(page.getByRole('alert')).toContainText('Không tải được Hồ sơ');
    await expect(page.getByRole('button', { name: 'Thử lại / Try again' })).toBeFocused();
  });

  test('an error that stops the app says so, and that the answers are kept', async ({ page }) => {
    await page.goto('/p/khai-sinh');
    await expect(page.locator('h1')).toHaveText('Đăng ký khai sinh');
    // Another kind of error is not the app stopping: no message.
    await page.evaluate(() => setTimeout(() => { throw new Error('unreachable'); }));
    await page.waitForTimeout(200);
    await expect(page.getByRole('alert')).toHaveCount(0);
    // A trap in the wasm (a panic in the release build) is.
    await page.evaluate(() => setTimeout(() => { throw new WebAssembly.RuntimeError('unreachable'); }));
    const alert = page.getByRole('alert');
    await expect(alert).toContainText('Hồ sơ gặp lỗi và đã dừng. Những gì bạn đã nhập vẫn được lưu trên máy này.');
    await expect(page.getByRole('button', { name: 'Tải lại trang / Reload' })).toBeFocused();
    await expectAccessible(page, 'app stopped');
    await page.getByRole('button', { name: 'Tải lại trang / Reload' }).click();
    await expect(page.getByRole('alert')).toHaveCount(0);
    await expect(page.locator('h1')).toHaveText('Đăng ký khai sinh');
  });
});
