// The review never dead-ends (issue #23, point 6): a rule across pages fires on the page where
// the later of its fields is entered, and what still fails at the review links to its page.
const fs = require('fs');
const path = require('path');
const { test, expect, expectAccessible, pressContinue, seedAnswers } = require('./helpers');

const SAMPLE = JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'answers', 'nhan-cha-me-con.json'), 'utf8'));

test('1.001022: a parent born after the child is refused on the page where the second date is entered', async ({ page }) => {
  const { ndn_ngay_sinh, ...rest } = SAMPLE;
  await page.goto('/');
  await seedAnswers(page, { 'nhan-cha-me-con': rest });
  await page.goto('/p/nhan-cha-me-con/s/nguoi-duoc-nhan');
  // The parent (first page) was born on 30/04/1992; the child is said to be born in 1990.
  await page.fill('input[name=ndn_ngay_sinh]', '20/08/1990');
  await pressContinue(page);
  await expect(page).toHaveURL(/\/s\/nguoi-duoc-nhan$/);
  await expect(page.locator('#error-summary')).toContainText('Cha, mẹ phải sinh trước con');
  await expect(page.locator('#f-ndn_ngay_sinh-error')).toContainText('Cha, mẹ phải sinh trước con');
  await expectAccessible(page, 'recognition, dates in the wrong order');
  await page.fill('input[name=ndn_ngay_sinh]', '20/08/2015');
  await pressContinue(page);
  await expect(page).toHaveURL(/\/s\/nguoi-yeu-cau$/);
});

test('what still fails at the review links to the page where it is changed', async ({ page }) => {
  const { ndn_ho_ten, ...rest } = SAMPLE;
  await page.goto('/');
  await seedAnswers(page, { 'nhan-cha-me-con': rest });
  await page.goto('/p/nhan-cha-me-con/review');
  // The unit list has loaded once the communes read with their province (before that the review
  // says it is still loading, a problem with no field to link to).
  await expect(page.locator('main')).toContainText('Phường Vỹ Dạ, Thành phố Huế');
  await pressContinue(page);
  const errors = page.locator('#build-errors');
  await expect(errors).toBeFocused();
  const link = errors.getByRole('link').first();
  await expect(link).toHaveAttribute('href', '/p/nhan-cha-me-con/s/nguoi-duoc-nhan?return=review');
  await expectAccessible(page, 'review with a problem');
  await link.click();
  await expect(page).toHaveURL(/\/s\/nguoi-duoc-nhan\?return=review$/);
  await page.fill('input[name=ndn_ho_ten]', 'Nguyễn Minh Khang');
  await pressContinue(page);
  await expect(page).toHaveURL(/\/review$/);
  await pressContinue(page);
  await expect(page).toHaveURL(/\/done$/);
});
