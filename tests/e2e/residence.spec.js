// Permanent residence on form CT01 with the household members registering together (issue #22):
// a repeating group filled row by row, checked row by row, reviewed, and printed as the form's table.
const fs = require('fs');
const path = require('path');
const JSZip = require('jszip');
const { test, expect, expectAccessible, pressContinue, fillPage, walkTo, pdfText } = require('./helpers');

const ANSWERS = JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'answers', 'thuong-tru.json'), 'utf8'));
const MEMBERS = ['Trần Văn Đức', 'Trần Thị Minh Châu', 'Trần Minh Khôi'];

test('CT01 with three household members: rows added, checked, removed, reviewed and printed', async ({ page }) => {
  await page.goto('/p/thuong-tru');
  await walkTo(page, ANSWERS, '/s/thanh-vien');
  const add = page.getByRole('button', { name: 'Thêm một dòng' });
  for (let i = 0; i < 4; i++) await add.click();
  await expect(page.locator('fieldset.group-row')).toHaveCount(4);
  await fillPage(page, ANSWERS);
  // A fourth row with a name only: its other required cells are asked for, by row.
  await page.fill('input[name="thanh_vien.4.ho_ten"]', 'Trần Văn Thừa');
  await pressContinue(page);
  await expect(page.locator('#error-summary')).toBeFocused();
  await expect(page.locator('#error-summary')).toContainText('(dòng 4)');
  await expect(page.locator('#error-summary a').first()).toHaveAttribute('href', /^#f-thanh_vien\.4\./);
  await expectAccessible(page, 'household members with an error');
  // Removing row 2 moves the rows below it up.
  await page.getByRole('button', { name: 'Xóa dòng 2' }).click();
  await expect(page.locator('input[name="thanh_vien.2.ho_ten"]')).toHaveValue(MEMBERS[2]);
  await expect(page.locator('input[name="thanh_vien.3.ho_ten"]')).toHaveValue('Trần Văn Thừa');
  await page.getByRole('button', { name: 'Xóa dòng 3' }).click();
  await expect(page.locator('fieldset.group-row')).toHaveCount(2);
  // Row 2 again: the member removed by mistake, typed back in.
  await add.click();
  await page.fill('input[name="thanh_vien.3.ho_ten"]', MEMBERS[1]);
  await page.fill('input[name="thanh_vien.3.ngay_sinh"]', '05/09/2019');
  await page.check('input[name="thanh_vien.3.gioi_tinh"][value="nu"]');
  await page.fill('input[name="thanh_vien.3.quan_he_chu_ho"]', 'Con');
  await expectAccessible(page, 'household members');
  await pressContinue(page);

  await walkTo(page, ANSWERS, '/review');
  for (const name of MEMBERS) await expect(page.locator('main')).toContainText(name);
  await pressContinue(page);
  await expect(page).toHaveURL(/\/done$/);

  const [pdfDownload] = await Promise.all([page.waitForEvent('download'), page.locator('#save-file-1').click()]);
  const text = pdfText(fs.readFileSync(await pdfDownload.path()));
  expect(text).toContain('TỜ KHAI THAY ĐỔI THÔNG TIN CƯ TRÚ');
  expect(text).toContain('NGƯỜI KÊ KHAI');
  // The table's rows, in the order entered: Đức, Khôi, then Châu typed back in.
  const rows = ['1 Trần Văn Đức 11/02/1993 Nam', '2 Trần Minh Khôi 01/12/2022 Nam', '3 Trần Thị Minh Châu 05/09/2019 Nữ'];
  let at = 0;
  for (const row of rows) {
    const i = text.indexOf(row, at);
    expect(i, `${row} in order`).toBeGreaterThanOrEqual(0);
    at = i + row.length;
  }
  const [zipDownload] = await Promise.all([page.waitForEvent('download'), page.locator('#download').click()]);
  const zip = await JSZip.loadAsync(fs.readFileSync(await zipDownload.path()));
  const answers = JSON.parse(await zip.file('answers.json').async('string')).answers;
  expect(answers['thanh_vien.3.ho_ten']).toBe(MEMBERS[1]);
  expect(answers['thanh_vien.4.ho_ten']).toBeUndefined();
});
