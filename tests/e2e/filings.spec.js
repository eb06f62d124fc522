// More than one filing of the same procedure at once (issue #22): a parent of twins prepares two
// birth registrations; each draft is kept on its own, listed with its child, and packaged apart.
const fs = require('fs');
const path = require('path');
const JSZip = require('jszip');
const { test, expect, expectAccessible, pressContinue, walkTo, seedAnswers, pdfText } = require('./helpers');

const FIRST = JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'answers', 'khai-sinh.json'), 'utf8'));
const TWIN = { ...FIRST, tre_ho_ten: 'Nguyễn Thị Mai Hương' };

/** Fills every page from `answers` and presses Continue until the confirmation page. */
const walkToDone = (page, answers) => walkTo(page, answers, '/done');

/** The package downloaded from the confirmation page: its answers and its printed form's text. */
async function downloadPackage(page) {
  const [zipDownload] = await Promise.all([page.waitForEvent('download'), page.locator('#download').click()]);
  const zip = await JSZip.loadAsync(fs.readFileSync(await zipDownload.path()));
  const manifest = JSON.parse(await zip.file('manifest.json').async('string'));
  const answers = JSON.parse(await zip.file('answers.json').async('string')).answers;
  const pdf = await zip.file('to-khai/1-tt04-khai-sinh.pdf').async('nodebuffer');
  return { name: zipDownload.suggestedFilename(), manifest, answers, text: pdfText(pdf) };
}

test('a parent of twins prepares two birth registrations, each kept and packaged on its own', async ({ page }) => {
  // A browser that cannot share files: the ready files are offered to save only.
  await page.addInitScript(() => { navigator.canShare = () => false; navigator.share = async () => { throw new Error('no'); }; });
  await page.goto('/');
  await seedAnswers(page, { 'khai-sinh': FIRST });
  await page.goto('/p/khai-sinh');
  // A draft exists: the procedure page offers a second filing beside it.
  const offer = page.locator('section[aria-labelledby=another-title]');
  await expect(offer).toContainText('Nguyễn Thị Mai Anh');
  await expectAccessible(page, 'procedure page with a draft');
  await page.locator('#another-filing').click();
  await expect(page).toHaveURL(/\/p\/khai-sinh\.2\/s\/noi-nop$/);
  await walkToDone(page, TWIN);
  await expect(page.locator('#save-file-1')).toBeVisible();
  await expect(page.locator('[id^=share-file-]')).toHaveCount(0);
  await expectAccessible(page, 'confirmation with ready files');
  const twin = await downloadPackage(page);

  // The first filing is untouched and still reaches its own package.
  await page.goto('/p/khai-sinh/review');
  await expect(page.locator('main')).toContainText('Nguyễn Thị Mai Anh');
  await expect(page.locator('main')).not.toContainText('Nguyễn Thị Mai Hương');
  await pressContinue(page);
  await expect(page).toHaveURL(/\/p\/khai-sinh\/done$/);
  const first = await downloadPackage(page);

  for (const [pkg, name] of [[first, 'Nguyễn Thị Mai Anh'], [twin, 'Nguyễn Thị Mai Hương']]) {
    expect(pkg.manifest.procedure.id).toBe('khai-sinh');
    expect(pkg.name).toBe(`hoso-khai-sinh-${pkg.manifest.reference}.zip`);
    expect(pkg.answers.tre_ho_ten).toBe(name);
    expect(pkg.text).toContain(name.toUpperCase());
  }
  expect(first.manifest.package_id).not.toBe(twin.manifest.package_id);

  // The start page lists both drafts, each with its child.
  await page.goto('/');
  const cards = page.locator('.drafts .draft');
  await expect(cards).toHaveCount(2);
  await expect(page.locator('.drafts')).toContainText('Nguyễn Thị Mai Anh');
  await expect(page.locator('.drafts')).toContainText('Nguyễn Thị Mai Hương');
  await expectAccessible(page, 'start page with two filings');
});
