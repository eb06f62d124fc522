// Drafts that are never lost: listed on the start page, deleted one by one, kept across reloads,
// offline and app updates, carried to another device in a file, and storage trouble explained.
const fs = require('fs');
const path = require('path');
const { test, expect, expectAccessible, pressContinue, JPEG, installOffline, seedAnswers, ANSWERS, idbCount, newContext } = require('./helpers');

const SW = path.join(__dirname, '..', '..', 'dist', 'sw.js');

async function typeBirthChildName(page, name) {
  await page.goto('/p/khai-sinh/s/tre');
  await page.fill('input[name=tre_ho_ten]', name);
  // Saved as typed: the synchronous copy goes once IndexedDB has confirmed every write.
  await expect.poll(() => idbCount(page, 'drafts')).toBeGreaterThan(0);
  await expect.poll(() => page.evaluate(() => localStorage.getItem('hoso:answers:2'))).toBeNull();
}

test('drafts are listed with procedure, person and last change; one is deleted; the rest survive reload, offline and an app update', async ({ page, context }) => {
  await installOffline(page);
  await typeBirthChildName(page, 'Lê Văn Bình');
  await page.goto('/p/chung-thuc-chu-ky/s/nguoi-ky');
  await page.fill('input[name=nyc_ho_ten]', 'Nguyễn Văn Nam');
  await page.goto('/');
  const cards = page.locator('.draft');
  await expect(cards).toHaveCount(2);
  const birth = cards.filter({ hasText: 'Đăng ký khai sinh' });
  await expect(birth.locator('.draft-person')).toHaveText('Lê Văn Bình');
  await expect(birth.locator('.card-meta')).toHaveText(/^Sửa lần cuối: \d\d\/\d\d\/\d{4} lúc \d\d:\d\d$/);
  const sig = cards.filter({ hasText: 'Chứng thực chữ ký' });
  await expect(sig.locator('.draft-person')).toHaveText('Nguyễn Văn Nam');
  await expectAccessible(page, 'start page with two drafts');

  // Delete one, after confirming; "keep it" first changes nothing.
  await birth.getByRole('button', { name: 'Xóa', exact: true }).click();
  await expect(birth.locator('.warning-box')).toBeFocused();
  await birth.getByRole('button', { name: 'Không xóa' }).click();
  await expect(cards).toHaveCount(2);
  await expect(birth.getByRole('button', { name: 'Xóa', exact: true }), 'focus back on the button that asked').toBeFocused();
  await birth.getByRole('button', { name: 'Xóa', exact: true }).click();
  await birth.getByRole('button', { name: 'Xóa bản nháp' }).click();
  await expect(cards).toHaveCount(1);
  await expect(page.getByRole('status').filter({ hasText: 'Đã xóa bản nháp' })).toBeAttached();
  await page.reload();
  await expect(cards).toHaveCount(1);
  await expect(cards.first()).toContainText('Nguyễn Văn Nam');
  // The old localStorage copy was moved into IndexedDB and removed.
  await expect.poll(() => page.evaluate(() => localStorage.getItem('hoso:answers:2'))).toBeNull();

  // Offline: the draft is still there and opens.
  await context.setOffline(true);
  await page.reload();
  await expect(cards).toHaveCount(1);
  await cards.first().getByRole('link', { name: 'Tiếp tục' }).click();
  await expect(page).toHaveURL(/\/p\/chung-thuc-chu-ky\/review$/);
  await expect(page.locator('main')).toContainText('Nguyễn Văn Nam');
  await context.setOffline(false);

  // An app update: a new service worker version is published, offered and applied.
  const original = fs.readFileSync(SW, 'utf8');
  try {
    fs.writeFileSync(SW, original.replace(/const VERSION = "([^"]+)"/, 'const VERSION = "$1-next"'));
    await page.evaluate(() => navigator.serviceWorker.getRegistration().then(r => r.update()));
    const banner = page.locator('#update-banner');
    await expect(banner).toContainText('Đã có phiên bản mới');
    await Promise.all([page.waitForEvent('load'), banner.getByRole('button', { name: 'Cập nhật' }).click()]);
    await expect.poll(() => page.evaluate(() => caches.keys())).toContainEqual(expect.stringMatching(/-next$/));
    await expect(page.locator('main')).toContainText('Nguyễn Văn Nam');
    await page.goto('/');
    await expect(cards).toHaveCount(1);
  } finally {
    fs.writeFileSync(SW, original);
  }
});

test('a draft moves to another device in a file; damaged and foreign files are refused and change nothing', async ({ page, browser }) => {
  await page.goto('/');
  await seedAnswers(page, { 'chung-thuc-chu-ky': ANSWERS });
  await page.goto('/p/chung-thuc-chu-ky/attachments');
  await page.locator('input[name=giay-to-se-ky]').setInputFiles([
    { name: 'trang-1.jpg', mimeType: 'image/jpeg', buffer: JPEG },
    { name: 'trang-2.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n% hoso test\n') },
  ]);
  await expect(page.locator('.file')).toHaveCount(2);
  // Each page is stored as soon as it is ready; leaving while the second write is still in flight
  // lost it (this test's old flake: the exported file then held one page).
  await expect.poll(() => idbCount(page, 'attachments'), { timeout: 15_000 }).toBe(2);
  await page.goto('/');
  await expect(page.locator('.draft .card-meta')).toContainText('2 tệp đính kèm');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.locator('.draft').getByRole('button', { name: 'Lưu ra tệp' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^ho-so-nhap-chung-thuc-chu-ky-\d{4}-\d\d-\d\d\.hoso$/);
  const file = fs.readFileSync(await download.path());
  expect(file.subarray(0, 11).toString()).toBe('HOSO-DRAFT\n');

  // Another device: a fresh browser profile.
  const other = await newContext(browser);
  const phone = await other.newPage();
  await phone.goto('/');
  await expect(phone.locator('.draft')).toHaveCount(0);
  const choose = (name, buffer) => phone.locator('input[name=draft-file]').setInputFiles({ name, mimeType: 'application/octet-stream', buffer });
  const error = phone.locator('#import-error');

  await choose('anh.jpg', JPEG);
  await expect(error).toContainText('không phải bản nháp');
  await expect(error).toBeFocused();
  await expectAccessible(phone, 'draft import refused');
  await choose('goi.zip', Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(40)]));
  await expect(error).toContainText('gói hồ sơ');
  const damaged = Buffer.from(file);
  damaged[damaged.length - 5] ^= 0x20;
  await choose('nhap.hoso', damaged);
  await expect(error).toContainText('bị hỏng');
  await choose('nhap.hoso', file.subarray(0, file.length - 100));
  await expect(error).toContainText('bị hỏng');
  await expect(phone.locator('.draft')).toHaveCount(0);
  expect(await idbCount(phone, 'drafts')).toBe(0);

  await choose('nhap.hoso', file);
  await expect(phone.getByRole('status').filter({ hasText: 'Đã mở bản nháp' })).toContainText('Nguyễn Văn Nam');
  await expect(phone.locator('.draft')).toHaveCount(1);
  // The focus moves to the list of drafts, which holds the opened one.
  await expect(phone.locator('#drafts-title')).toBeFocused();
  await expect(phone.locator('.draft .card-meta')).toContainText('2 tệp đính kèm');
  await expect.poll(() => idbCount(phone, 'attachments'), { timeout: 15_000 }).toBe(2);
  // A damaged file now leaves the imported draft as it is.
  await choose('nhap.hoso', damaged);
  await expect(error).toContainText('bị hỏng');
  await phone.reload();
  await expect(phone.locator('.draft')).toHaveCount(1);
  await expect(phone.locator('.draft .card-meta')).toContainText('2 tệp đính kèm');
  await phone.goto('/p/chung-thuc-chu-ky/attachments');
  await expect(phone.locator('.file-name')).toHaveText(['trang-1.jpg', 'trang-2.pdf']);
  await pressContinue(phone);
  await expect(phone).toHaveURL(/\/review$/);
  await expect(phone.locator('main')).toContainText('046092000456');
  // The same file opened again is kept beside the draft already there, never over it.
  await phone.goto('/');
  await expect(phone.locator('.draft')).toHaveCount(1);
  await choose('nhap.hoso', file);
  await expect(phone.getByRole('status').filter({ hasText: 'Đã mở bản nháp' })).toContainText('hồ sơ mới');
  await expect(phone.locator('.draft')).toHaveCount(2);
  await phone.goto('/p/chung-thuc-chu-ky.2/attachments');
  await expect(phone.locator('.file-name')).toHaveText(['trang-1.jpg', 'trang-2.pdf']);
  await phone.goto('/p/chung-thuc-chu-ky/attachments');
  await expect(phone.locator('.file-name')).toHaveText(['trang-1.jpg', 'trang-2.pdf']);
  await other.close();
});

test('when the device refuses to store files the resident is told and the answers are kept', async ({ page }) => {
  await page.addInitScript(() => {
    const put = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function (value, key) {
      if (this.name === 'attachments') throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return put.call(this, value, key);
    };
  });
  await page.goto('/');
  await seedAnswers(page, { 'chung-thuc-chu-ky': ANSWERS });
  await page.goto('/p/chung-thuc-chu-ky/attachments');
  await page.locator('input[name=giay-to-se-ky]').setInputFiles({ name: 'trang-1.jpg', mimeType: 'image/jpeg', buffer: JPEG });
  await expect(page.locator('.file')).toHaveCount(1);
  await expect(page.getByRole('alert')).toContainText('không cho lưu thêm tệp');
  await expectAccessible(page, 'storage full');
  // The file still goes into a package made now; the answers survive closing the page.
  expect(await idbCount(page, 'attachments')).toBe(0);
  await page.reload();
  await expect(page.locator('.file')).toHaveCount(0);
  await page.goto('/p/chung-thuc-chu-ky/review');
  await expect(page.locator('main')).toContainText('Nguyễn Văn Nam');
});

test('without any storage (blocked) the resident is told at once not to close the page', async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(window, 'indexedDB', { value: { open() { throw new DOMException('blocked', 'SecurityError'); } } });
  });
  await page.goto('/');
  await expect(page.getByRole('alert')).toContainText('Đừng đóng trang này');
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('alert')).toContainText('Do not close this page');
});

test('leaving the page while a file is still being written asks first, and only then', async ({ page }) => {
  await page.goto('/p/khai-sinh');
  await expect(page.locator('h1')).toBeVisible();
  const [during, after] = await page.evaluate(async () => {
    // The app's own copy of the IndexedDB snippet (same address, same module).
    const url = [...document.querySelectorAll('link[rel=modulepreload]')].map(l => l.href).find(h => h.endsWith('/idb.js'));
    const idb = await import(url);
    const leave = () => { const e = new Event('beforeunload', { cancelable: true }); dispatchEvent(e); return e.defaultPrevented; };
    const write = idb.idb_put('attachments', 'test-page', { media: 'image/jpeg', blob: new Blob([new Uint8Array(2_000_000)]) });
    const during = leave();
    await write;
    const after = leave();
    await idb.idb_delete('attachments', 'test-page');
    return [during, after];
  });
  expect(during, 'asks while the write is pending').toBe(true);
  expect(after, 'does not ask once it is stored').toBe(false);
});

test.describe('the start page\'s list of drafts is a part of the app', () => {
  // Requests the service worker would answer are not seen by page.route.
  test.use({ serviceWorkers: 'block' });

  test('a first visit does not fetch it; when it cannot be fetched the page says so and keeps the drafts; then it lists and saves them', async ({ page }) => {
    const parts = [];
    page.on('request', r => { if (/-finish[-.]/.test(r.url())) parts.push(r.url()); });
    await page.goto('/');
    await expect(page.locator('#proc-search')).toBeVisible();
    await expect(page.locator('.draft')).toHaveCount(0);
    expect(parts, 'no drafts, no part').toEqual([]);
    await seedAnswers(page, { 'chung-thuc-chu-ky': ANSWERS });
    await page.route(/-finish[-.]/, route => route.abort());
    await page.goto('/');
    await expect(page.locator('.drafts')).toContainText('Chưa hiện được các bản nháp');
    await expectAccessible(page, 'drafts cannot be shown');
    // Kept on the device all the same.
    expect(await page.evaluate(() => localStorage.getItem('hoso:answers:2'))).not.toBeNull();
    await page.unroute(/-finish[-.]/);
    await page.reload();
    const card = page.locator('.draft');
    await expect(card.locator('.draft-person')).toHaveText('Nguyễn Văn Nam');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      card.getByRole('button', { name: 'Lưu ra tệp' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.hoso$/);
    await expect(card.locator('[role=status]')).toHaveText('');
    // The list started the writer: the draft is in IndexedDB and the synchronous copy is gone.
    await expect.poll(() => idbCount(page, 'drafts')).toBe(1);
    await expect.poll(() => page.evaluate(() => localStorage.getItem('hoso:answers:2'))).toBeNull();
  });
});

test('a draft deleted just before the tab closed stays deleted, though its deletion had not reached IndexedDB', async ({ page }) => {
  // Two drafts in IndexedDB.
  await page.goto('/');
  await seedAnswers(page, { 'chung-thuc-chu-ky': ANSWERS, 'khai-sinh': { tre_ho_ten: 'Lê Văn Bình' } });
  await page.reload();
  const cards = page.locator('.draft');
  await expect(cards).toHaveCount(2);
  await expect.poll(() => idbCount(page, 'drafts')).toBe(2);
  await expect.poll(() => page.evaluate(() => localStorage.getItem('hoso:answers:2'))).toBeNull();
  // The birth draft deleted, the tab closed before IndexedDB confirmed: only the synchronous
  // copy, which lists the drafts left, says so.
  await seedAnswers(page, { 'chung-thuc-chu-ky': ANSWERS });
  await page.reload();
  await expect(cards).toHaveCount(1);
  await expect.poll(() => idbCount(page, 'drafts')).toBe(1);
  await expect.poll(() => page.evaluate(() => localStorage.getItem('hoso:answers:2'))).toBeNull();
  // Once the copy is gone, IndexedDB alone: still deleted.
  await page.reload();
  await expect(cards).toHaveCount(1);
  await expect(cards.first()).toContainText('Chứng thực chữ ký');
});
