// The catalog in the browser: finding procedures, grouping, people entered once, the new rules.
const { test, expect, expectAccessible, pressContinue, heading } = require('./helpers');

const PROCEDURES = [
  'khai-sinh', 'chung-thuc-ban-sao', 'tam-tru', 'thuong-tru', 'ket-hon', 'xac-nhan-tinh-trang-hon-nhan', 'khai-tu',
  'chung-thuc-chu-ky', 'ban-sao-trich-luc', 'ho-kinh-doanh', 'khai-sinh-nhan-cha-me-con', 'nhan-cha-me-con', 'giam-ho',
  'dat-dai-lan-dau',
];

test('the start page groups procedures by life event and by field, most common first', async ({ page }) => {
  await page.goto('/');
  const groups = page.locator('#procedures h2');
  await expect(groups.first()).toHaveText('Sinh con');
  await expect(page.locator('#procedures')).toContainText('Kết hôn');
  await expect(page.getByRole('link', { name: 'Theo việc trong đời' })).toHaveAttribute('aria-current', 'page');
  // Under "Having a baby": birth registration before birth with parent recognition.
  const birth = page.locator('#procedures ul').first().locator('.card-link');
  await expect(birth.first()).toHaveText('Đăng ký khai sinh');
  await expectAccessible(page, 'start, by life event');

  await page.getByRole('link', { name: 'Theo lĩnh vực' }).click();
  await expect(page).toHaveURL(/\?by=field$/);
  await expect(groups).toHaveText(['Hộ tịch', 'Cư trú', 'Chứng thực', 'Kinh doanh', 'Đất đai']);
  const residence = page.locator('#procedures ul').nth(1).locator('.card-link');
  await expect(residence).toHaveText(['Đăng ký tạm trú', 'Đăng ký thường trú']);
  await expectAccessible(page, 'start, by field');
  await page.goBack();
  await expect(groups.first()).toHaveText('Sinh con');
});

test('searches without accents find the procedure people mean', async ({ page }) => {
  await page.goto('/');
  for (const [q, name] of [['tam tru', 'Đăng ký tạm trú'], ['ket hon', 'Đăng ký kết hôn'], ['KHAI TU', 'Đăng ký khai tử'],
    ['chung thuc', 'Chứng thực bản sao từ bản chính'], ['kinh doanh', 'Đăng ký thành lập hộ kinh doanh']]) {
    await page.fill('input[name=q]', q);
    await expect(page.locator('.card-link').first(), q).toHaveText(name);
  }
});

test('every procedure opens and is accessible, in Vietnamese and English', async ({ page }) => {
  for (const id of PROCEDURES) {
    await page.goto(`/p/${id}`);
    await expect(page.locator('h1')).not.toHaveText('');
    await expectAccessible(page, `${id} (vi)`);
    await pressContinue(page);
    await expect(page).toHaveURL(new RegExp(`/p/${id}/s/`));
    await expectAccessible(page, `${id} first step (vi)`);
  }
  await page.goto('/p/thuong-tru');
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  for (const id of PROCEDURES) {
    await page.goto(`/p/${id}`);
    await expectAccessible(page, `${id} (en)`);
  }
});

test('a person entered once is offered again: the person registering is the household head', async ({ page }) => {
  await page.goto('/p/thuong-tru/s/nguoi-dang-ky');
  await page.fill('input[name=ho_ten]', 'Nguyễn Thị Hoa');
  await page.fill('input[name=so_dinh_danh]', '046195000123');
  await page.goto('/p/thuong-tru/s/chu-ho');
  const offer = page.getByRole('button', { name: /Điền sẵn thông tin của Nguyễn Thị Hoa/ });
  await expect(offer).toBeVisible();
  await expectAccessible(page, 'same-person offer');
  await offer.click();
  await expect(page.locator('input[name=chu_ho_ho_ten]')).toHaveValue('Nguyễn Thị Hoa');
  await expect(page.locator('input[name=chu_ho_so_dinh_danh]')).toHaveValue('046195000123');
  await expect(page.getByRole('status')).toContainText('Đã điền sẵn');
  // Once filled, it is not offered again.
  await expect(page.locator('.offer')).toHaveCount(0);
});

test.describe('on 22/11/2026', () => {
  test.use({ today: '2026-11-22' });

  test('a bride under 18 on the day of filing is told so, in both languages', async ({ page }) => {
    // Born exactly 17 years before the day of filing.
    const dob = '22/11/2009';
    await page.goto('/p/ket-hon/s/ben-nu');
    expect(await heading(page)).not.toBe('');
    await page.fill('input[name=nu_ho_ten]', 'Lê Thị Hoa');
    await page.fill('input[name=nu_ngay_sinh]', dob);
    await pressContinue(page);
    await expect(page.locator('#error-summary')).toBeFocused();
    await expect(page.locator('#error-summary')).toContainText('17 tuổi');
    await expect(page.locator('#error-summary')).toContainText('18');
    await expectAccessible(page, 'marriage age error');
    await page.getByRole('button', { name: 'English' }).click();
    await pressContinue(page, 'en');
    await expect(page.locator('#error-summary')).toContainText('the bride is 17');
  });
});

test('a rented home with too little floor area per person is explained', async ({ page }) => {
  await page.goto('/p/thuong-tru/s/truong-hop');
  await page.check('input[name=cho_o][value=thue-muon]');
  await pressContinue(page);
  await page.goto('/p/thuong-tru/s/dien-tich');
  await page.fill('input[name=dien_tich]', '20,5');
  await page.fill('input[name=so_nguoi]', '3');
  await pressContinue(page);
  await expect(page.locator('#error-summary')).toBeFocused();
  await expect(page.locator('#error-summary')).toContainText('6,8 m²');
  await expectAccessible(page, 'floor area error');
  await page.fill('input[name=dien_tich]', '24');
  await pressContinue(page);
  await expect(page).not.toHaveURL(/\/s\/dien-tich$/);
});
