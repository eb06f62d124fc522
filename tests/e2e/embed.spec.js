// A ward website embeds the wizard: the demo ward page (Phường Vỹ Dạ) on one loopback port
// embeds the app served from another. The host receives the finished package only when its
// origin is allowlisted in the ward's settings; a draft survives a reload inside the iframe.
const { test, expect, expectAccessible, pressContinue, JPEG } = require('./helpers');

const APP = 'http://127.0.0.1:8765';
const ALLOWED_HOST = 'http://127.0.0.1:8766';
const OTHER_HOST = 'http://localhost:8766'; // another origin (and site) for the same files

async function appFrame(page) {
  await expect.poll(() => page.frames().some(f => f.url().startsWith(APP))).toBe(true);
  const frame = page.frames().find(f => f.url().startsWith(APP));
  await frame.waitForSelector('h1');
  return frame;
}

/** Completes the signature procedure inside the frame by clicking and typing only (a cross-site
 *  frame may have no storage at all); the receiving commune comes from the ward's settings. */
async function completeIn(frame) {
  const typed = { ten_giay_to: 'Giấy cam kết', nyc_ho_ten: 'Nguyễn Văn Nam', nyc_ngay_sinh: '30/04/1992',
    nyc_so_dinh_danh: '046092000456', nyc_dien_thoai: '0912345678' };
  // In-app navigation from the ward's start page (a reload of a cross-site frame, which has no
  // storage, would forget the ward's settings).
  await frame.getByRole('link', { name: 'Chứng thực chữ ký trong giấy tờ, văn bản' }).click();
  for (let i = 0; i < 12 && !frame.url().endsWith('/attachments'); i++) {
    const before = frame.url();
    if (await frame.locator('input[name=noi_ky]').count()) await frame.check('input[name=noi_ky][value=tai-trung-tam]');
    for (const [name, value] of Object.entries(typed)) {
      if (await frame.locator(`input[name=${name}]`).count()) await frame.fill(`input[name=${name}]`, value);
    }
    await pressContinue(frame);
    await expect.poll(() => frame.url()).not.toBe(before);
  }
  await frame.locator('input[name=giay-to-se-ky]').setInputFiles({ name: 'trang-1.jpg', mimeType: 'image/jpeg', buffer: JPEG });
  await expect(frame.locator('.file')).toHaveCount(1);
  await pressContinue(frame);
  await expect(frame.locator('main')).toContainText('Phường Vỹ Dạ');
  await pressContinue(frame);
  await expect(frame.locator('#package-reference')).toContainText('HS-');
  return (await frame.locator('#package-reference').textContent()).trim();
}

test('the demo ward page embeds the app from another origin and receives the finished package', async ({ page }) => {
  await page.goto(`${ALLOWED_HOST}/demo/vy-da.html?app=${APP}`);
  await expect(page.locator('h1')).toHaveText('Chuẩn bị hồ sơ thủ tục hành chính');
  const frame = await appFrame(page);
  await expect.poll(() => page.evaluate(() => window.__hoso.ready)).toBe(true);
  // The ward's procedures, in its order, without the grouping tabs.
  await expect(frame.locator('.card-link').first()).toHaveText('Đăng ký khai sinh');
  await expect(frame.locator('.card-link')).toHaveCount(6);
  await expect(frame.locator('.tabs')).toHaveCount(0);
  // The frame grows with its content (no inner scrollbar).
  const height = await page.locator('#hoso iframe').evaluate(f => f.getBoundingClientRect().height);
  expect(height).toBeGreaterThan(600);
  await expectAccessible(page, 'ward page with the embedded app');
  // The ward's colour.
  expect(await frame.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--brand').trim())).toBe('#7a1f2b');
  await expectAccessible(frame, 'embedded start page');

  const reference = await completeIn(frame);
  // The centre's details from the ward's settings.
  await expect(frame.locator('.centre')).toContainText('Trung tâm Phục vụ hành chính công phường Vỹ Dạ');
  await expect(frame.locator('.centre a[href="https://dichvucong.gov.vn"]')).toBeVisible();
  await expectAccessible(frame, 'embedded confirmation with the centre');
  await expect.poll(() => page.evaluate(() => window.__hoso.packages.length)).toBe(1);
  const got = await page.evaluate(() => window.__hoso.packages[0]);
  expect(got.reference).toBe(reference);
  expect(got.fileName).toMatch(/^hoso-chung-thuc-chu-ky-HS-/);
  expect(got.bytes).toEqual([0x50, 0x4B, 0x03, 0x04]);
  const manifest = JSON.parse(got.manifest);
  expect(manifest.procedure.id).toBe('chung-thuc-chu-ky');
  expect(manifest.receiving_commune.code).toBe('19777');
  expect(manifest.files.reduce((n, f) => n + f.size, 0)).toBeLessThan(got.size);
  await expect(page.locator('#ward-status')).toContainText(reference);
  const steps = await page.evaluate(() => window.__hoso.steps);
  expect(steps).toContain('/p/chung-thuc-chu-ky/done');
});

test('a host page whose origin is not allowlisted receives nothing', async ({ page }) => {
  await page.goto(`${OTHER_HOST}/demo/vy-da.html?app=${APP}`);
  const frame = await appFrame(page);
  // A cross-site frame: this Chromium gives it no storage at all, and the app says so.
  await expect(frame.getByRole('alert')).toContainText('Đừng đóng trang này');
  await completeIn(frame);
  await page.waitForTimeout(500);
  expect(await page.evaluate(() => window.__hoso)).toEqual({ ready: false, steps: [], packages: [] });
  await expect(page.locator('#ward-status')).toHaveText('');
});

test('a draft survives a reload inside the iframe', async ({ page }) => {
  await page.goto(`${ALLOWED_HOST}/demo/vy-da.html?app=${APP}`);
  let frame = await appFrame(page);
  await frame.goto(APP + '/p/khai-sinh/s/tre');
  await frame.fill('input[name=tre_ho_ten]', 'Trần Thị Lan');
  await expect.poll(() => frame.evaluate(() => new Promise(r => {
    const q = indexedDB.open('hoso');
    q.onsuccess = () => { const c = q.result.transaction('drafts').objectStore('drafts').count(); c.onsuccess = () => r(c.result); };
  }))).toBe(1);
  await page.reload();
  frame = await appFrame(page);
  const draft = frame.locator('.draft');
  await expect(draft).toHaveCount(1);
  await expect(draft.locator('.draft-person')).toHaveText('Trần Thị Lan');
  // After the reload the ward's settings still apply (kept for the frame), so messages flow.
  await expect.poll(() => page.evaluate(() => window.__hoso.ready)).toBe(true);
});

test('settings problems are explained to the maintainer, and the resident still gets a working app', async ({ page }) => {
  const warnings = [];
  page.on('console', m => { if (m.type() === 'warning') warnings.push(m.text()); });
  await page.goto(`${APP}/?cau-hinh=khong-co&thu-tuc=khai-tu,khong-co&lang=fr&kiem-tra-cau-hinh`);
  await expect(page.locator('#settings-check')).toContainText('(3)');
  await expect(page.locator('main')).toContainText('Không tải được /settings/khong-co.json');
  await expect(page.locator('main')).toContainText('không có thủ tục “khong-co”');
  await expect(page.locator('.card-link')).toHaveText(['Đăng ký khai tử']);
  expect(warnings.some(w => w.includes('lang'))).toBe(true);
  await expectAccessible(page, 'settings check');
});
