// Shared steps for the end-to-end tests.
const fs = require('fs');
const path = require('path');
const { expect } = require('@playwright/test');

const AXE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** Runs axe-core (WCAG 2.0–2.2 A and AA) on the current page and fails on any violation. */
async function expectAccessible(page, label) {
  await page.waitForSelector('h1');
  if (!(await page.evaluate(() => typeof window.axe !== 'undefined'))) {
    await page.evaluate(AXE);
  }
  const result = await page.evaluate(() =>
    window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } }));
  const summary = result.violations.map(v => `${v.id}: ${v.help} (${v.nodes.map(n => n.target.join(' ')).join(', ')})`);
  expect(summary, `axe violations on ${label} (${page.url()})`).toEqual([]);
}

/** Presses the step's primary button ("Tiếp tục" / "Continue"). */
async function pressContinue(page, lang = 'vi') {
  const name = lang === 'vi' ? 'Tiếp tục' : 'Continue';
  await page.getByRole('button', { name, exact: true }).click();
}

async function choosePlace(page, fieldId, query, label) {
  await page.fill(`input[name=${fieldId}]`, query);
  const option = page.locator(`#f-${fieldId} ~ ul .place-option`, { hasText: label }).first();
  await option.click();
  await expect(page.locator(`#f-${fieldId} ~ .place-selected`)).toContainText(label);
}

async function heading(page) {
  return (await page.locator('h1').first().textContent()).trim();
}

/** A small valid JPEG (1×1 px). */
const JPEG = Buffer.from(
  '/9j/4AAQSkZJRgABAQEASABIAAD/2wBDAP//////////////////////////////////////////////////////////////////////////////////////wgALCAABAAEBAREA/8QAFBABAAAAAAAAAAAAAAAAAAAAAP/aAAgBAQABPxA=',
  'base64');

module.exports = { expectAccessible, pressContinue, choosePlace, heading, JPEG, path };
