// The whole birth registration flow on a phone-sized screen, from the start page to the
// downloaded package, with axe-core on every page.
const fs = require('fs');
const crypto = require('crypto');
const JSZip = require('jszip');
const Ajv2020 = require('ajv/dist/2020');
const { test, expect, expectAccessible, pressContinue, choosePlace, heading, JPEG, pdfText, pdfPages, pdfJpegs, qrText, counterPayload } = require('./helpers');

const schema = JSON.parse(fs.readFileSync('public/schema/manifest-v2.schema.json', 'utf8'));

test('a resident registers a birth from the start page to a downloaded package', async ({ page }) => {
  // Privacy: every request and every address the app shows is recorded, and so is any
  // Content-Security-Policy violation.
  const requests = [];
  page.on('request', r => requests.push(r.url()));
  const addresses = [];
  page.on('framenavigated', f => addresses.push(f.url()));
  await page.addInitScript(() => {
    // A phone that can share files: what is shared is recorded.
    window.__shared = [];
    navigator.canShare = d => Array.isArray(d.files) && d.files.length > 0;
    navigator.share = async d => { window.__shared.push(...d.files.map(f => [f.name, f.type])); };
    window.__csp = [];
    document.addEventListener('securitypolicyviolation', e => window.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  const errors = [];
  page.on('pageerror', e => errors.push(e.message));

  await page.goto('/');
  expect(await heading(page)).toBe('Bạn cần làm thủ tục gì?');
  await expect(page.locator('html')).toHaveAttribute('lang', 'vi');
  await expectAccessible(page, 'start');
  await page.getByRole('link', { name: 'Đăng ký khai sinh', exact: true }).click();

  // Procedure page: what it is, who may file, deadline, fee, processing time, legal basis.
  await expect(page).toHaveURL(/\/p\/khai-sinh$/);
  expect(await heading(page)).toBe('Đăng ký khai sinh');
  const info = await page.locator('main').textContent();
  for (const fact of ['60 ngày', 'Miễn lệ phí', '1 ngày làm việc', 'Cha hoặc mẹ', 'Giấy chứng sinh', '1.001193']) {
    expect(info).toContain(fact);
  }
  await expect(page.locator('.tag--unverified').first()).toContainText('Chưa xác minh');
  await expectAccessible(page, 'procedure');
  await pressContinue(page);

  // Receiving commune: empty → error summary focused; "vy da" finds Phường Vỹ Dạ.
  await expect(page).toHaveURL(/\/s\/noi-nop$/);
  await pressContinue(page);
  await expect(page.locator('#error-summary')).toBeFocused();
  await expect(page).toHaveTitle(/^Lỗi:/);
  await expectAccessible(page, 'receiving commune with error');
  await choosePlace(page, 'noi_nop', 'vy da', 'Phường Vỹ Dạ, Thành phố Huế');
  await expectAccessible(page, 'receiving commune chosen');
  await pressContinue(page);

  // Questions that shape the checklist, one per page.
  const answer = async (field, value, url, question) => {
    await expect(page).toHaveURL(new RegExp(`/s/${url}$`));
    await expect(page.locator('legend h1')).toHaveText(question);
    await expect(page.locator('h1')).toBeFocused();
    await expectAccessible(page, url);
    await page.check(`input[name=${field}][value=${value}]`);
    await pressContinue(page);
  };
  await answer('co_giay_chung_sinh', 'co', 'giay-chung-sinh', 'Trẻ có giấy chứng sinh không?');
  await answer('nguoi_nop', 'me', 'nguoi-nop', 'Ai đi đăng ký khai sinh?');
  await answer('mang_thai_ho', 'khong', 'mang-thai-ho', 'Trẻ có được sinh ra nhờ mang thai hộ không?');
  await answer('bi_bo_roi', 'khong', 'bo-roi', 'Trẻ có phải là trẻ bị bỏ rơi không?');
  await answer('biet_cha', 'co', 'biet-cha', 'Đã xác định được cha của trẻ chưa?');
  await answer('cach_nop', 'truc-tiep', 'cach-nop', 'Bạn sẽ nộp hồ sơ bằng cách nào?');

  // The personal checklist: only what applies, with why / original or copy / how many.
  await expect(page).toHaveURL(/\/checklist$/);
  await expect(page.locator('.doc-title')).toHaveText([
    'Tờ khai đăng ký khai sinh', 'Giấy chứng sinh', 'Giấy tờ tùy thân của người đi đăng ký']);
  await expect(page.locator('#doc-giay-chung-sinh')).toContainText('Vì sao cần');
  await expect(page.locator('#doc-giay-chung-sinh')).toContainText('Bản chính');
  await expectAccessible(page, 'checklist');
  await pressContinue(page);

  // Child: empty submit shows every problem; bad values get precise messages.
  await expect(page).toHaveURL(/\/s\/tre$/);
  await pressContinue(page);
  await expect(page.locator('#error-summary')).toBeFocused();
  await expect(page.locator('#error-summary a')).toHaveCount(6);
  await page.locator('#error-summary a').first().click();
  await expect(page.locator('#f-tre_ho_ten')).toBeFocused();
  await page.fill('input[name=tre_ho_ten]', 'Mai Anh <script>alert(1)</script>');
  await page.fill('input[name=tre_ngay_sinh]', '30/02/2026');
  await pressContinue(page);
  await expect(page.locator('#f-tre_ho_ten-error')).toContainText('hãy xóa');
  await expect(page.locator('#f-tre_ngay_sinh-error')).toContainText('chỉ có 28 ngày');
  await expectAccessible(page, 'child with errors');
  await page.fill('input[name=tre_ho_ten]', 'Nguyễn Thị Mai Anh');
  await page.check('input[name=tre_gioi_tinh][value=nu]');
  await page.fill('input[name=tre_ngay_sinh]', '01/11/2026');
  await page.fill('input[name=tre_noi_sinh_co_so]', 'Bệnh viện Trung ương Huế');
  await choosePlace(page, 'tre_noi_sinh', 'vy da', 'Phường Vỹ Dạ');
  await choosePlace(page, 'tre_que_quan', 'thuan hoa', 'Phường Thuận Hóa');
  await page.selectOption('select[name=tre_dan_toc]', 'Kinh');
  await expect(page.locator('input[name=tre_quoc_tich]')).toHaveValue('Việt Nam');
  await pressContinue(page);

  // Mother: the personal number must match her sex and birth year.
  await expect(page).toHaveURL(/\/s\/me$/);
  await expectAccessible(page, 'mother');
  await page.fill('input[name=me_ho_ten]', 'Trần Thị Hoa');
  await page.fill('input[name=me_ngay_sinh]', '14/02/1995');
  await page.selectOption('select[name=me_dan_toc]', 'Kinh');
  await page.fill('input[name=me_dia_chi]', '12 Nguyễn Sinh Cung');
  await choosePlace(page, 'me_noi_cu_tru', 'vy da', 'Phường Vỹ Dạ');
  await page.fill('input[name=me_so_dinh_danh]', '046095000123');
  await pressContinue(page);
  await expect(page.locator('#f-me_so_dinh_danh-error')).toContainText('giới tính');
  await page.fill('input[name=me_so_dinh_danh]', '046 195 000 123');
  await pressContinue(page);

  // Father.
  await expect(page).toHaveURL(/\/s\/cha$/);
  await expectAccessible(page, 'father');
  await page.fill('input[name=cha_ho_ten]', 'Nguyễn Văn Nam');
  await page.fill('input[name=cha_ngay_sinh]', '30/04/1992');
  await page.selectOption('select[name=cha_dan_toc]', 'Kinh');
  await page.fill('input[name=cha_dia_chi]', '12 Nguyễn Sinh Cung');
  await choosePlace(page, 'cha_noi_cu_tru', 'vy da', 'Phường Vỹ Dạ');
  await pressContinue(page);

  // The parents' marriage (the form prints its certificate when they have registered it).
  await expect(page).toHaveURL(/\/s\/ket-hon-cha-me$/);
  await page.check('input[name=cha_me_dkkh][value=co]');
  await page.fill('input[name=gckh_so]', '15');
  await page.fill('input[name=gckh_ngay]', '16/05/2020');
  await page.fill('input[name=gckh_noi]', 'Ủy ban nhân dân phường Vỹ Dạ');
  await expectAccessible(page, 'parents marriage');
  await pressContinue(page);

  // Requester (the mother files, so only contact details are asked).
  await expect(page).toHaveURL(/\/s\/nguoi-yeu-cau$/);
  await expect(page.locator('input[name=nyc_ho_ten]')).toHaveCount(0);
  await page.fill('input[name=nyc_dien_thoai]', '0168 123 4567');
  await pressContinue(page);
  await expect(page.locator('#f-nyc_dien_thoai-error')).toContainText('038');
  await page.fill('input[name=nyc_dien_thoai]', '0912 345 678');
  await page.fill('input[name=nyc_email]', 'hoa@example');
  await pressContinue(page);
  await expect(page.locator('#f-nyc_email-error')).toBeVisible();
  await page.fill('input[name=nyc_email]', 'hoa@example.com');
  await expectAccessible(page, 'requester');
  await pressContinue(page);

  // Extra copies: a whole number.
  await expect(page).toHaveURL(/\/s\/ban-sao$/);
  await page.fill('input[name=so_ban_sao]', 'hai');
  await pressContinue(page);
  await expect(page.locator('#f-so_ban_sao-error')).toContainText('số nguyên');
  await page.fill('input[name=so_ban_sao]', '2');
  await expectAccessible(page, 'copies');
  await pressContinue(page);

  // Attachments: wrong type and empty files are refused with a clear message; a photo is kept.
  await expect(page).toHaveURL(/\/attachments$/);
  const slot = page.locator('input[type=file][name=giay-chung-sinh]');
  await slot.setInputFiles({ name: 'ghi-chu.txt', mimeType: 'text/plain', buffer: Buffer.from('hello') });
  await expect(page.locator('.attach .field-error')).toContainText('không phải ảnh');
  await slot.setInputFiles({ name: 'trong.jpg', mimeType: 'image/jpeg', buffer: Buffer.alloc(0) });
  await expect(page.locator('.attach .field-error')).toContainText('trống');
  await slot.setInputFiles({ name: 'giay-chung-sinh.jpg', mimeType: 'image/jpeg', buffer: JPEG });
  await expect(page.locator('.file')).toContainText('giay-chung-sinh.jpg');
  await expect(page.locator('.file-size')).toContainText('byte');
  await expectAccessible(page, 'attachments');
  await pressContinue(page);

  // Check your answers; a Change link returns here after the change.
  await expect(page).toHaveURL(/\/review$/);
  await expect(page.locator('main')).toContainText('01/11/2026');
  await expect(page.locator('main')).toContainText('Phường Vỹ Dạ, Thành phố Huế');
  await expectAccessible(page, 'review');
  await page.getByRole('link', { name: 'Sửa Họ, chữ đệm và tên của trẻ' }).click();
  await expect(page).toHaveURL(/\/s\/tre\?return=review$/);
  await page.fill('input[name=tre_ho_ten]', 'Nguyễn Thị Mai Hương');
  await pressContinue(page);
  await expect(page).toHaveURL(/\/review$/);
  await expect(page.locator('main')).toContainText('Nguyễn Thị Mai Hương');
  await pressContinue(page);

  // Confirmation: reference, download, next steps.
  await expect(page).toHaveURL(/\/done$/);
  const reference = (await page.locator('#package-reference').textContent()).trim();
  expect(reference).toMatch(/^HS-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
  await expect(page.locator('.panel-qr svg')).toHaveAttribute('aria-label', `QR ${reference}`);
  await expect(page.locator('main')).toContainText('VNeID');
  await expectAccessible(page, 'confirmation');
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#download').click()]);
  expect(download.suggestedFilename()).toBe(`hoso-khai-sinh-${reference}.zip`);
  const zipBytes = fs.readFileSync(await download.path());

  // The package: manifest valid against the published schema, every file's size and SHA-256.
  const zip = await JSZip.loadAsync(zipBytes);
  expect(Object.keys(zip.files)[0]).toBe('manifest.json');
  const manifest = JSON.parse(await zip.file('manifest.json').async('string'));
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  const validate = ajv.compile(schema);
  expect(validate(manifest), JSON.stringify(validate.errors)).toBe(true);
  expect(manifest.reference).toBe(reference);
  expect(manifest.procedure).toMatchObject({ id: 'khai-sinh', national_code: '1.001193' });
  expect(manifest.receiving_commune).toMatchObject({ code: '19777', name: 'Phường Vỹ Dạ' });
  for (const f of manifest.files) {
    const bytes = await zip.file(f.path).async('nodebuffer');
    expect(bytes.length).toBe(f.size);
    expect(crypto.createHash('sha256').update(bytes).digest('hex')).toBe(f.sha256);
  }
  expect(Object.keys(zip.files).sort()).toEqual(['manifest.json', ...manifest.files.map(f => f.path)].sort());
  // The id digest, recomputed independently (docs/package-format.md).
  const blank = { ...manifest, package_id: '', reference: '',
    files: manifest.files.map(f => f.path.startsWith('to-khai/') ? { ...f, size: 0, sha256: '' } : f) };
  const digest = crypto.createHash('sha256').update(JSON.stringify(blank), 'utf8').digest('hex');
  expect(digest.slice(0, 32)).toBe(manifest.package_id);
  // The official form, printable: Vietnamese, with the answers and the same reference.
  expect(manifest.files.slice(1, 3).map(f => f.path)).toEqual(['to-khai/1-tt04-khai-sinh.html', 'to-khai/1-tt04-khai-sinh.pdf']);
  const declaration = await zip.file('to-khai/1-tt04-khai-sinh.html').async('string');
  expect(declaration).toContain('TỜ KHAI ĐĂNG KÝ KHAI SINH');
  expect(declaration).toContain('NGUYỄN THỊ MAI HƯƠNG');
  expect(declaration).toContain(reference);
  expect(declaration).toContain('<svg');
  // The same form as PDF, offered on its own and read by an independent reader (poppler).
  const [pdfDownload] = await Promise.all([page.waitForEvent('download'), page.locator('#save-file-1').click()]);
  expect(pdfDownload.suggestedFilename()).toBe('01 - Tờ khai đăng ký khai sinh.pdf');
  const pdf = fs.readFileSync(await pdfDownload.path());
  expect(pdf.equals(await zip.file('to-khai/1-tt04-khai-sinh.pdf').async('nodebuffer'))).toBe(true);
  const text = pdfText(pdf);
  for (const s of ['TỜ KHAI ĐĂNG KÝ KHAI SINH', 'NGUYỄN THỊ MAI HƯƠNG', 'Trần Thị Hoa', 'Nguyễn Văn Nam', reference]) {
    expect(text).toContain(s);
  }
  expect(text).toMatch(/Ngày, tháng, năm sinh:.*01\/11\/2026/);
  const photo = await zip.file('documents/giay-chung-sinh/01.jpg').async('nodebuffer');
  expect(photo.equals(JPEG)).toBe(true);
  // The birth notice as a file of its own for the portal: one PDF page, the photo in it unchanged
  // (poppler's pdfimages takes it out as it is).
  const [docDownload] = await Promise.all([page.waitForEvent('download'), page.locator('#save-file-2').click()]);
  expect(docDownload.suggestedFilename()).toBe('02 - Giấy chứng sinh.pdf');
  const docPdf = fs.readFileSync(await docDownload.path());
  expect(pdfPages(docPdf)).toBe(1);
  expect(pdfJpegs(docPdf).map(j => j.equals(JPEG))).toEqual([true]);
  // Shared through the phone's share sheet, where the browser can share files (stubbed here).
  await page.locator('#share-file-2').click();
  await expect.poll(() => page.evaluate(() => window.__shared)).toEqual([['02 - Giấy chứng sinh.pdf', 'application/pdf']]);
  const answers = JSON.parse(await zip.file('answers.json').async('string'));
  expect(answers.answers).toMatchObject({
    tre_ho_ten: 'Nguyễn Thị Mai Hương', tre_ngay_sinh: '2026-11-01', tre_gioi_tinh: 'nu',
    me_so_dinh_danh: '046195000123', nyc_dien_thoai: '0912345678', so_ban_sao: '2', tre_que_quan: expect.any(String),
  });
  expect(answers.answers.cha_ho_ten).toBe('Nguyễn Văn Nam');

  // The counter QR codes carry the answers: read from the screen by zbarimg, decoded from the
  // format alone, they are the package's answers.
  await expect(page.locator('#counter-reference')).toHaveText(reference);
  const codes = [];
  for (const svg of await page.locator('.counter-qr svg').all()) codes.push(qrText(await svg.screenshot()));
  expect(codes.length).toBeGreaterThan(0);
  const payload = counterPayload(codes);
  expect(payload).toMatchObject({ procedure: 'khai-sinh', reference, package_id: manifest.package_id });
  expect(payload.answers).toEqual(answers.answers);

  // Staff read the same codes with a handheld scanner typing into the staff page (Enter after
  // each); a code with one character changed is refused with a message.
  const staff = await page.context().newPage();
  await staff.goto('/staff/');
  const box = staff.locator('#qr-text');
  const changed = codes[0].slice(0, -3) + (codes[0].slice(-3, -2) === 'A' ? 'B' : 'A') + codes[0].slice(-2);
  for (const c of [changed, ...codes.slice(1)]) { await box.fill(c); await box.press('Enter'); }
  await expect(staff.locator('#qr-status')).not.toBeEmpty();
  for (const c of codes) { await box.fill(c); await box.press('Enter'); }
  await expect(staff.locator('#verdict')).toContainText('Các câu trả lời hợp lệ');
  await expect(staff.locator('#verdict')).toContainText('không có tệp đính kèm');
  await expect(staff.locator('main')).toContainText(reference);
  await expect(staff.locator('.declaration')).toContainText('Nguyễn Thị Mai Hương');
  await expectAccessible(staff, 'staff page, from the counter QR');
  await staff.close();

  const origin = new URL(page.url()).origin;
  expect(requests.filter(u => new URL(u).origin !== origin && !u.startsWith('blob:') && !u.startsWith('data:')),
    'no request leaves the origin').toEqual([]);
  // No personal data in any address: names, personal numbers, phone, dates of birth.
  const personal = ['Nguyễn', 'Nguy%E1%BB%85n', 'Nguyen', 'Hương', 'H%C6%B0%C6%A1ng', '046195000123', '0912345678', '2026-11-01', '01/11/2026', '01%2F11%2F2026'];
  for (const url of [...requests, ...addresses, ...(await page.evaluate(() => performance.getEntries().map(e => e.name)))]) {
    for (const p of personal) expect(url, 'personal data in a URL').not.toContain(p);
  }
  expect(requests.length).toBeGreaterThan(5);
  // A strict Content-Security-Policy: inline scripts only by hash, nothing from elsewhere.
  const csp = await page.locator('meta[http-equiv=Content-Security-Policy]').getAttribute('content');
  expect(csp).not.toContain('unsafe-inline');
  expect(csp).toMatch(/script-src 'self' 'wasm-unsafe-eval'( 'sha256-[A-Za-z0-9+/=]+')*;/);
  expect(csp).toContain("connect-src 'self'");
  expect(await page.evaluate(() => window.__csp)).toEqual([]);
  expect(errors).toEqual([]);
});

test('English is one tap away and stays chosen', async ({ page }) => {
  await page.goto('/p/khai-sinh');
  await page.getByRole('button', { name: 'Switch to English' }).click();
  expect(await heading(page)).toBe('Birth registration');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await page.reload();
  expect(await heading(page)).toBe('Birth registration');
  await expectAccessible(page, 'procedure in English');
  await pressContinue(page, 'en');
  expect(await heading(page)).toBe('Which commune or ward will you file at?');
  await page.getByRole('button', { name: 'Chuyển sang tiếng Việt' }).click();
  expect(await heading(page)).toBe('Bạn nộp hồ sơ ở xã, phường nào?');
});

test.describe('on 22/11/2026, a birth of 01/01/2020', () => {
  test.use({ today: '2026-11-22' });

  test('answers survive closing the tab, and a late registration is a warning', async ({ page, context }) => {
    await page.goto('/p/khai-sinh/s/tre');
    // The page's clock is the day the test names (tests/e2e/helpers.js), whatever the machine's.
    expect(await page.evaluate(() => new Date().toISOString().slice(0, 10))).toBe('2026-11-22');
    await page.fill('input[name=tre_ho_ten]', 'Lê Văn Bình');
    await page.fill('input[name=tre_ngay_sinh]', '01/01/2020');
    await page.close();
    const again = await context.newPage();
    await again.goto('/p/khai-sinh/s/tre');
    await expect(again.locator('input[name=tre_ho_ten]')).toHaveValue('Lê Văn Bình');
    await again.check('input[name=tre_gioi_tinh][value=nam]');
    await choosePlace(again, 'tre_noi_sinh', 'vy da', 'Phường Vỹ Dạ');
    await choosePlace(again, 'tre_que_quan', 'vy da', 'Phường Vỹ Dạ');
    await again.selectOption('select[name=tre_dan_toc]', 'Tày');
    // The choice stays shown when the list is written again in the other language, and after a reload.
    const ethnicity = again.locator('select[name=tre_dan_toc]');
    await again.getByRole('button', { name: 'Switch to English' }).click();
    await expect(ethnicity.locator('option').first()).toHaveText("— Choose —");
    await expect(ethnicity).toHaveValue('Tày');
    await again.getByRole('button', { name: 'Chuyển sang tiếng Việt' }).click();
    await expect(ethnicity.locator('option').first()).toHaveText("— Chọn —");
    await again.reload();
    await expect(ethnicity).toHaveValue('Tày');
    await pressContinue(again);
    await expect(again.locator('#error-summary')).toContainText('quá thời hạn 60 ngày');
    await expect(again.locator('#error-summary')).toHaveClass(/warning-summary/);
    await expectAccessible(again, 'late warning');
    await pressContinue(again);
    await expect(again).toHaveURL(/\/s\/me$/);
  });
});

test('an unknown address shows a helpful page, not a blank one', async ({ page }) => {
  await page.goto('/p/khong-co/s/x');
  expect(await heading(page)).toBe('Không tìm thấy trang');
  await expectAccessible(page, 'not found');
});

test('the start page offers to continue or start again', async ({ page }) => {
  await page.goto('/p/khai-sinh/s/tre');
  await page.fill('input[name=tre_ho_ten]', 'Lê Văn Bình');
  await page.goto('/');
  const draft = page.locator('.draft');
  await expect(draft.getByRole('link', { name: 'Tiếp tục' })).toBeVisible();
  await expectAccessible(page, 'start with a draft');
  // In English too.
  await page.getByRole('button', { name: 'Switch to English' }).click();
  await expect(page.locator('#drafts-title')).toHaveText('Your unfinished applications');
  await expect(draft.locator('.card-meta')).toHaveText(/^Last changed: \d\d\/\d\d\/\d{4} at \d\d:\d\d$/);
  await expectAccessible(page, 'start with a draft (English)');
  await page.getByRole('button', { name: 'Tiếng Việt' }).click();
  // Starting again = deleting the draft.
  await draft.getByRole('button', { name: 'Xóa', exact: true }).click();
  await draft.getByRole('button', { name: 'Xóa bản nháp' }).click();
  await expect(page.locator('.draft')).toHaveCount(0);
  await page.goto('/p/khai-sinh/s/tre');
  await expect(page.locator('input[name=tre_ho_ten]')).toHaveValue('');
});

test('a resident finds a procedure without typing accents', async ({ page }) => {
  await page.goto('/');
  await page.fill('input[name=q]', 'khai tu');
  await expect(page.locator('.card-link').first()).toHaveText('Đăng ký khai tử');
  await expectAccessible(page, 'search results');
  await page.fill('input[name=q]', 'xyzzy');
  await expect(page.locator('#procedures')).toContainText('Không tìm thấy');
  await page.fill('input[name=q]', 'khai tu');
  await page.locator('.card-link').first().click();
  await expect(page).toHaveURL(/\/p\/khai-tu$/);
  expect(await heading(page)).toBe('Đăng ký khai tử');
  await expect(page.locator('main')).toContainText('15 ngày');
  await expectAccessible(page, 'death registration');
  await pressContinue(page);
  await expect(page).toHaveURL(/\/p\/khai-tu\/s\/noi-nop$/);
});
