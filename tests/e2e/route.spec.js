// How the resident files (issue #23, point 1): asked before the checklist; online drops the
// identity paper the system looks up (component KQ005008) and asks photos of the rest; by post,
// what the counter would ask to see goes as a certified copy; changing the route later updates
// the checklist, the attachment slots and the review.
const fs = require('fs');
const path = require('path');
const { test, expect, expectAccessible, pressContinue, walkTo } = require('./helpers');

const BIRTH = JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'answers', 'khai-sinh.json'), 'utf8'));

test('the route shapes the checklist, the attachment slots and the review', async ({ page }) => {
  await page.goto('/p/khai-sinh');
  await walkTo(page, { ...BIRTH, cach_nop: 'truc-tuyen' }, '/s/cach-nop');
  // The question: each route with what it means.
  await expect(page.locator('legend h1')).toHaveText('Bạn sẽ nộp hồ sơ bằng cách nào?');
  await expect(page.locator('input[name=cach_nop]')).toHaveCount(3);
  await expectAccessible(page, 'route question');
  await pressContinue(page);
  await expect(page.locator('#error-summary')).toBeFocused();
  await page.check('input[name=cach_nop][value=truc-tuyen]');
  await pressContinue(page);

  // Online: the identity paper is looked up, so it leaves the list to provide.
  await expect(page).toHaveURL(/\/checklist$/);
  await expect(page.locator('#route-line')).toContainText('Trực tuyến');
  const provide = page.locator('ol.docs .doc-title');
  await expect(provide).toHaveText(['Tờ khai đăng ký khai sinh', 'Giấy chứng sinh']);
  const lookedUp = page.locator('.docs--looked-up #doc-giay-to-tuy-than');
  await expect(lookedUp).toContainText('Không cần nộp');
  await expect(lookedUp).toContainText('000.00.00.G15-KQ005008');
  await expect(page.locator('#doc-giay-chung-sinh')).toContainText('Ảnh chụp hoặc bản sao điện tử');
  await expect(page.locator('#doc-giay-chung-sinh')).toContainText('Tải lên trên cổng');
  await expectAccessible(page, 'checklist online');

  // Changed to the post: the identity paper comes back, as a certified copy to send.
  await page.getByRole('link', { name: 'Đổi cách nộp' }).click();
  await expect(page).toHaveURL(/\/s\/cach-nop$/);
  await page.check('input[name=cach_nop][value=buu-chinh]');
  await pressContinue(page);
  await expect(page).toHaveURL(/\/checklist$/);
  await expect(provide).toHaveText([
    'Tờ khai đăng ký khai sinh', 'Giấy chứng sinh', 'Giấy tờ tùy thân của người đi đăng ký']);
  await expect(page.locator('.docs--looked-up')).toHaveCount(0);
  await expect(page.locator('#doc-giay-to-tuy-than')).toContainText('Bản sao có chứng thực');
  await expect(page.locator('#doc-giay-to-tuy-than')).toContainText('Gửi kèm qua bưu điện');

  // By post the certified copy gets a slot; at the centre it is shown, so it has none.
  await walkTo(page, { ...BIRTH, cach_nop: 'buu-chinh' }, '/attachments');
  await expect(page.locator('input[name=giay-to-tuy-than]')).toHaveCount(1);
  await walkTo(page, { ...BIRTH, cach_nop: 'buu-chinh' }, '/review');
  await expect(page.locator('main')).toContainText('Gửi qua bưu điện');
  const change = page.locator('a[href*="/s/cach-nop"]').first();
  await change.click();
  await page.check('input[name=cach_nop][value=truc-tiep]');
  await pressContinue(page);
  await expect(page).toHaveURL(/\/review$/);
  await expect(page.locator('main')).toContainText('Trực tiếp tại nơi tiếp nhận hồ sơ');
  await page.goto('/p/khai-sinh/attachments');
  await expect(page.locator('input[name=giay-chung-sinh]')).toHaveCount(1);
  await expect(page.locator('input[name=giay-to-tuy-than]')).toHaveCount(0);
});

test('online: the answers laid out to copy into the portal, each copied with one tap', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('/p/khai-sinh');
  await walkTo(page, { ...BIRTH, cach_nop: 'truc-tuyen' }, '/review');
  await pressContinue(page);
  await expect(page).toHaveURL(/\/done$/);
  // Online, the copy page comes first and the counter card is not offered.
  await expect(page.locator('#counter-link')).toHaveCount(0);
  await page.locator('#portal-link').click();
  await expect(page).toHaveURL(/\/portal$/);
  await expect(page.locator('h1')).toHaveText('Chép vào cổng dịch vụ công');
  await expect(page.locator('#portal-procedure')).toContainText('1.001193 – Đăng ký khai sinh');
  await expect(page.locator('main')).toContainText('định danh điện tử mức 2');
  await expect(page.locator('main')).toContainText('xác nhận');
  await expect(page.locator('.section-title').first()).toHaveText('Bước đầu: thông tin người nộp hồ sơ');
  await expectAccessible(page, 'copy into the portal');
  // The child's date of birth: its button puts exactly the value on the clipboard.
  const row = page.locator('.summary-row', { hasText: 'Ngày, tháng, năm sinh' }).first();
  await expect(row.locator('.copy-value')).toHaveText('01/11/2026');
  await row.getByRole('button', { name: /^Chép/ }).click();
  await expect(page.locator('#copy-status')).toHaveText('Đã chép “Ngày, tháng, năm sinh”.');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe('01/11/2026');
  const name = page.locator('.summary-row', { hasText: 'Họ, chữ đệm và tên của trẻ' });
  await name.getByRole('button').click();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(BIRTH.tre_ho_ten);
  // In English the labels follow, the values stay as the portal reads them.
  const value = page.locator('#' + await row.locator('.copy-value').getAttribute('id'));
  await page.getByRole('button', { name: 'Switch to English' }).click();
  await expect(page.locator('h1')).toHaveText('Copy into the public service portal');
  await expect(value).toHaveText('01/11/2026');
  await expect(page.locator('.section-title').first()).toHaveText('First step: the person filing');
});

test('at the centre: the counter card on its own page, in big print with its QR codes', async ({ page }) => {
  await page.goto('/p/khai-sinh');
  await walkTo(page, BIRTH, '/review');
  await pressContinue(page);
  await expect(page).toHaveURL(/\/done$/);
  await expect(page.locator('#portal-link')).toHaveCount(0);
  const reference = (await page.locator('#package-reference').textContent()).trim();
  await page.locator('#counter-link').click();
  await expect(page).toHaveURL(/\/counter$/);
  await expect(page.locator('h1')).toBeFocused();
  await expect(page.locator('.counter-card .counter-ref')).toHaveText(reference);
  await expect(page.locator('.counter-card')).toContainText('Giấy tờ tùy thân của người đi đăng ký');
  expect(await page.locator('.counter-card .counter-qr svg').count()).toBeGreaterThan(0);
  await expectAccessible(page, 'counter card');
});
