// The staff page: open a package, see the verdict, the declaration, the checklist, the attachments.
const fs = require('fs');
const path = require('path');
const JSZip = require('jszip');
const { test, expect, expectAccessible, pdfText } = require('./helpers');

const fixture = name => path.join(__dirname, '..', 'fixtures', name);

test('staff open a package from the start page and see it is complete, intact and valid', async ({ page }) => {
  const thirdParty = [];
  // Only this origin (and the page's own blob: previews) — nothing leaves the computer.
  page.on('request', r => { if (!/^(http:\/\/127\.0\.0\.1|blob:http:\/\/127\.0\.0\.1)/.test(r.url())) thirdParty.push(r.url()); });
  await page.goto('/');
  await page.getByRole('link', { name: 'Dành cho cán bộ: kiểm tra gói hồ sơ' }).click();
  await expect(page).toHaveURL(/\/staff\/$/);
  await expect(page.locator('h1')).toHaveText('Kiểm tra gói hồ sơ');
  await expectAccessible(page, 'staff, empty');

  await page.setInputFiles('input[name=package]', fixture('khai-sinh.zip'));
  const verdict = page.locator('#verdict');
  await expect(verdict).toContainText('Đầy đủ, nguyên vẹn và hợp lệ');
  await expect(verdict).toBeFocused();
  const main = page.locator('main');
  await expect(main).toContainText('HS-1887-MC20');
  await expect(main).toContainText('Đăng ký khai sinh (1.001193)');
  await expect(main).toContainText('Phường Vỹ Dạ, Thành phố Huế');
  // The declaration in people's terms: names, dates as dd/mm/yyyy.
  await expect(page.locator('.declaration')).toContainText('Nguyễn Thị Mai Anh');
  await expect(page.locator('.declaration')).toContainText('01/11/2026');
  await expect(main).toContainText('Có: documents/giay-chung-sinh/01.jpg');
  await expect(main).toContainText('Có: answers.json, to-khai/1-tt04-khai-sinh.html, to-khai/1-tt04-khai-sinh.pdf');
  // The printed form opens on its own, as PDF and as a print page, and is the package's PDF.
  const formLink = page.getByRole('link', { name: 'Mở tờ khai (PDF) to-khai/1-tt04-khai-sinh.pdf' });
  await expect(formLink).toBeVisible();
  await expect(page.getByRole('link', { name: 'Mở tờ khai (trang in) to-khai/1-tt04-khai-sinh.html' })).toBeVisible();
  // (The page's Content-Security-Policy does not let a script fetch the blob; the tab opens it.)
  const href = await formLink.getAttribute('href');
  expect(href).toMatch(/^blob:/);
  const [tab] = await Promise.all([page.waitForEvent('popup'), formLink.click()]);
  expect(tab.url()).toBe(href);
  await tab.close();
  const zip = await JSZip.loadAsync(fs.readFileSync(fixture('khai-sinh.zip')));
  const pdf = await zip.file('to-khai/1-tt04-khai-sinh.pdf').async('nodebuffer');
  expect(pdfText(pdf)).toContain('TỜ KHAI ĐĂNG KÝ KHAI SINH');
  await expect(page.locator('.attachment img')).toHaveCount(1);
  expect(await page.locator('.attachment img').evaluate(img => img.complete && img.naturalWidth)).toBe(1);
  await expectAccessible(page, 'staff, valid package');

  // A reference typed by the resident, forgivingly compared.
  await page.fill('input[name=reference]', 'hs 1887 mc20');
  await expect(main).toContainText('Khớp');
  await page.fill('input[name=reference]', 'HS-1887-MC21');
  await expect(main).toContainText('Không khớp');

  // English, then print styles hide the controls.
  await page.getByRole('button', { name: 'English' }).click();
  await expect(verdict).toContainText('Complete, intact and valid');
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.drop-zone')).toBeHidden();
  expect(thirdParty).toEqual([]);
});

test('a damaged or forged package is explained, never shown as valid', async ({ page }) => {
  await page.goto('/staff/');
  const good = fs.readFileSync(fixture('khai-sinh.zip'));
  // A byte of the photo changed: the zip's own checksum catches it.
  const damaged = Buffer.from(good);
  const at = damaged.indexOf(Buffer.from('documents/giay-chung-sinh/01.jpg')) + 40;
  damaged[at] ^= 0xff;
  await page.setInputFiles('input[name=package]', { name: 'damaged.zip', mimeType: 'application/zip', buffer: damaged });
  await expect(page.locator('#verdict')).toContainText('Không mở được');
  await expect(page.locator('#verdict')).toContainText('damaged.zip');
  await expectAccessible(page, 'staff, unreadable');
  // Not a zip at all.
  await page.setInputFiles('input[name=package]', { name: 'photo.zip', mimeType: 'application/zip', buffer: Buffer.from('%PDF-1.4') });
  await expect(page.locator('#verdict')).toContainText('không phải tệp zip');
});

test('markup in answers is shown as text and never runs', async ({ page }) => {
  await page.goto('/staff/');
  await page.setInputFiles('input[name=package]', fixture('khai-tu-markup.zip'));
  await expect(page.locator('#verdict')).toContainText('Đầy đủ, nguyên vẹn và hợp lệ');
  await expect(page.locator('.declaration')).toContainText('<img src=x onerror="window.__xss=1">Bệnh viện <b>Trung ương</b> Huế');
  await expect(page.locator('.declaration img, .declaration b')).toHaveCount(0);
  expect(await page.evaluate(() => window.__xss)).toBeUndefined();
  // The PDF opens from a link to its bytes in this page.
  await expect(page.getByRole('link', { name: /Mở tệp PDF documents\/giay-bao-tu\/01.pdf/ })).toHaveAttribute('href', /^blob:/);
});

test.describe('the package check, in a part of the staff page\'s wasm of its own', () => {
  // Requests the service worker would answer are not seen by page.route.
  test.use({ serviceWorkers: 'block' });

  test('the page loads without it, opening a package fetches it once; when it cannot be fetched the verdict says so, and the next try opens', async ({ page }) => {
    const wasm = [];
    page.on('request', r => { if (r.url().endsWith('.wasm')) wasm.push(new URL(r.url()).pathname.replace(/-[0-9a-f]+/, '')); });
    await page.route(/-check\.wasm$/, route => route.abort());
    await page.goto('/staff/');
    await expect(page.locator('h1')).toHaveText('Kiểm tra gói hồ sơ');
    await page.waitForTimeout(300);
    expect(wasm, 'the staff page').toEqual(['/staff/hoso-staff_bg.wasm']);
    await page.setInputFiles('input[name=package]', fixture('khai-sinh.zip'));
    const verdict = page.locator('#verdict');
    await expect(verdict).toContainText('Chưa tải được phần kiểm tra hồ sơ của trang');
    await expect(verdict).not.toContainText('hợp lệ');
    await expectAccessible(page, 'staff, checker not downloaded');
    await page.unroute(/-check\.wasm$/);
    wasm.length = 0;
    await page.setInputFiles('input[name=package]', fixture('khai-sinh.zip'));
    await expect(verdict).toContainText('Đầy đủ, nguyên vẹn và hợp lệ');
    await page.setInputFiles('input[name=package]', fixture('khai-sinh.zip'));
    await expect(verdict).toContainText('Đầy đủ, nguyên vẹn và hợp lệ');
    expect(wasm, 'the check part, once').toEqual(['/staff/hoso-staff-check.wasm']);
  });
});
