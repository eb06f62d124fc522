// Offline after the first visit: the service worker precaches everything, deep links open, and a
// whole procedure is completed and its package downloaded without any network.
const fs = require('fs');
const { test, expect, pressContinue, expectAccessible, JPEG, installOffline, compactAnswers, ANSWERS, idbCount } = require('./helpers');

for (const how of ['network off', 'server gone']) {
  test(`a whole procedure is completed offline (${how})`, async ({ page, context }) => {
    await installOffline(page);
    if (how === 'network off') {
      await context.setOffline(true);
    } else {
      await context.route('**/*', route => route.abort('connectionrefused'));
    }
    // A deep link opens from the cache.
    await page.goto('/p/chung-thuc-chu-ky');
    await expect(page.locator('h1')).toHaveText('Chứng thực chữ ký trong giấy tờ, văn bản');
    await page.evaluate(hex => localStorage.setItem('hoso:answers:2', hex), compactAnswers({ 'chung-thuc-chu-ky': ANSWERS }));
    await page.goto('/p/chung-thuc-chu-ky/attachments');
    // The photo of the document to be signed, taken while offline.
    await page.locator('input[type=file]').first().setInputFiles({ name: 'page.jpg', mimeType: 'image/jpeg', buffer: JPEG });
    await expect(page.locator('.file')).toHaveCount(1);
    await pressContinue(page);
    await expect(page).toHaveURL(/\/review$/);
    await pressContinue(page);
    await expect(page).toHaveURL(/\/done$/);
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#download').click()]);
    expect(download.suggestedFilename()).toMatch(/^hoso-chung-thuc-chu-ky-HS-/);
    // The staff page too.
    await page.goto('/staff/');
    await expect(page.locator('h1')).toHaveText('Kiểm tra gói hồ sơ');
    await page.setInputFiles('input[name=package]', await download.path());
    await expect(page.locator('#verdict')).toContainText('Đầy đủ, nguyên vẹn và hợp lệ');
  });
}

test('the app is installable: manifest, icons, theme', async ({ page, request }) => {
  await page.goto('/');
  const href = await page.locator('link[rel=manifest]').getAttribute('href');
  const manifest = await (await request.get(href)).json();
  expect(manifest).toMatchObject({ short_name: 'Hồ sơ', start_url: '/', display: 'standalone', theme_color: '#1d4e89' });
  const sizes = manifest.icons.map(i => `${i.sizes} ${i.purpose}`);
  expect(sizes).toEqual(['192x192 any', '512x512 any', '512x512 maskable']);
  for (const icon of manifest.icons) {
    const res = await request.get(icon.src);
    expect(res.headers()['content-type']).toBe('image/png');
  }
  await expectAccessible(page, 'start with service worker');
});

test('a resident deletes all their data on this device, after confirming', async ({ page }) => {
  await page.goto('/p/khai-sinh/s/tre');
  await page.fill('input[name=tre_ho_ten]', 'Lê Văn Bình');
  await page.goto('/');
  await expect(page.locator('.draft')).toHaveCount(1);
  await page.getByRole('button', { name: 'Xóa mọi dữ liệu của tôi trên thiết bị này' }).click();
  await expect(page.locator('#delete-confirm')).toBeFocused();
  await expectAccessible(page, 'delete all: confirm');
  // "Keep my data" changes nothing.
  await page.getByRole('button', { name: 'Không xóa' }).click();
  await expect(page.locator('.draft')).toHaveCount(1);
  await expect(page.getByRole('button', { name: 'Xóa mọi dữ liệu của tôi trên thiết bị này' })).toBeFocused();
  await page.getByRole('button', { name: 'Xóa mọi dữ liệu của tôi trên thiết bị này' }).click();
  await page.getByRole('button', { name: 'Xóa hết' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Đã xóa mọi dữ liệu' })).toBeVisible();
  await expect(page.locator('.draft')).toHaveCount(0);
  await expect.poll(() => idbCount(page, 'drafts')).toBe(0);
  await page.goto('/p/khai-sinh/s/tre');
  await expect(page.locator('input[name=tre_ho_ten]')).toHaveValue('');
});

test('attached photos survive closing the tab and end up in the package', async ({ page, context }) => {
  await page.goto('/');
  await page.evaluate(hex => localStorage.setItem('hoso:answers:2', hex), compactAnswers({ 'chung-thuc-chu-ky': ANSWERS }));
  await page.goto('/p/chung-thuc-chu-ky/attachments');
  await page.locator('input[type=file]').first().setInputFiles({ name: 'trang-1.jpg', mimeType: 'image/jpeg', buffer: JPEG });
  await expect(page.locator('.file')).toHaveCount(1);
  // Give the device a moment to store it, then close the tab and open the app again.
  await page.waitForFunction(async () => {
    const db = await new Promise(r => { const q = indexedDB.open('hoso'); q.onsuccess = () => r(q.result); });
    return new Promise(r => { const q = db.transaction('attachments').objectStore('attachments').count(); q.onsuccess = () => r(q.result === 1); });
  });
  await page.close();
  const again = await context.newPage();
  await again.goto('/p/chung-thuc-chu-ky/attachments');
  await expect(again.locator('.file')).toHaveCount(1);
  await expect(again.locator('.file-name')).toHaveText('trang-1.jpg');
  await pressContinue(again);
  await pressContinue(again);
  await expect(again).toHaveURL(/\/done$/);
  const [download] = await Promise.all([again.waitForEvent('download'), again.locator('#download').click()]);
  const zip = fs.readFileSync(await download.path());
  expect(zip.includes(JPEG)).toBe(true);
  // Deleting all data removes stored files too.
  await again.goto('/');
  await again.getByRole('button', { name: 'Xóa mọi dữ liệu của tôi trên thiết bị này' }).click();
  await again.getByRole('button', { name: 'Xóa hết' }).click();
  await again.waitForFunction(async () => {
    const db = await new Promise(r => { const q = indexedDB.open('hoso'); q.onsuccess = () => r(q.result); });
    return new Promise(r => { const q = db.transaction('attachments').objectStore('attachments').count(); q.onsuccess = () => r(q.result === 0); });
  });
});
