// End-to-end tests of links that reproduce exactly (issue 25, item 6): a share link names the model version and
// the headline figures it showed; a link made with another version says so and shows what changed, in zh and en.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { useApp, trackErrors, ARTIFACTS, openApp } from './lib.mjs';

const consoleErrors = [];
const app = useApp();

const open = (query = '', context) => openApp(app, consoleErrors, { query, context });

// A link "made" by a version that does not exist: its 2025 output value 1,000亿元, 2030 CO2 99 Mt, peak 2024,
// no target met — and the peak year left out, as a link of an older format might.
const OLD = '?s=1,eaf_swap:300,m:0ld0ld00_1000_99__0';

test('a link made with another model version says so and shows its figures then and now, in zh and en', async () => {
  const { context, page } = await open(OLD);
  const notice = await page.waitForSelector('[data-version-notice]');
  const thisVersion = await notice.getAttribute('data-this');
  assert.match(thisVersion, /^[0-9a-f]{8}$/);
  assert.equal(await notice.getAttribute('data-made-with'), '0ld0ld00');
  // zh first (the default language).
  let text = await notice.textContent();
  assert.match(text, /本链接由另一版本的模型生成/);
  assert.ok(text.includes(`本链接由模型版本 0ld0ld00 生成，当前为版本 ${thisVersion}`), text);
  assert.match(text, /生成时（0ld0ld00）/);
  const rows = await notice.$$eval('tbody tr', (trs) => trs.map((tr) => ({
    figure: tr.dataset.figure, then: tr.dataset.then, now: Number(tr.dataset.now), changed: tr.dataset.changed,
    cells: [...tr.querySelectorAll('td')].map((td) => td.textContent),
  })));
  assert.deepEqual(rows.map((r) => r.figure), ['output_value_2025', 'co2_2030', 'peak_year', 'targets_met']);
  const value = rows[0];
  assert.equal(value.then, '1000');
  assert.equal(value.changed, 'true');
  assert.ok(value.now > 1000, `this version's 2025 output value ${value.now}`);
  assert.match(value.cells[2], /^\+[\d,]+ 亿元$/, 'the change, signed, in the headline unit');
  assert.equal(rows[2].then, undefined, 'the peak year was not in the link');
  assert.equal(rows[2].cells[0], '链接未带此数字');
  assert.equal(rows[2].cells[2], '—');
  // This version's figure is what the headline shows for the same scenario.
  for (const r of [rows[0], rows[1]]) {
    const shown = Number(await page.getAttribute(`[data-headline="${r.figure}"]`, 'data-value'));
    assert.ok(Math.abs(shown - r.now) <= 0.005, `${r.figure}: headline ${shown}, notice ${r.now}`);
  }
  assert.match(text, /个数字与生成链接时不同/);
  await page.screenshot({ path: path.join(ARTIFACTS, 'version-notice-zh.png') });
  // English, complete.
  await page.click('[data-action="toggle-lang"]');
  await page.waitForFunction(() => /This link was made with another version/.test(document.querySelector('[data-version-notice]').textContent));
  text = await notice.textContent();
  assert.ok(text.includes(`This link was made with model version 0ld0ld00; this is version ${thisVersion}.`), text);
  assert.match(text, /When made \(0ld0ld00\)/);
  assert.match(text, new RegExp(`This version \\(${thisVersion}\\)`));
  assert.match(text, /not in the link/);
  assert.match(text, /of these figures differ from when the link was made/);
  assert.match(await notice.$eval('tbody tr[data-figure="output_value_2025"] td.change', (e) => e.textContent), /^\+[\d,.]+ billion yuan$/);
  assert.doesNotMatch(text, /[\u4e00-\u9fff]/, 'no Chinese left in the English notice');
  // The scenario itself opened as given, and the notice can be dismissed.
  assert.equal(await page.$eval('[data-lever="eaf_swap"]', (e) => e.value), '300');
  await notice.$eval('button.dismiss', (b) => b.click());
  await page.waitForSelector('[data-version-notice]', { state: 'detached' });
  await context.close();
});

test('a link this version makes carries its version and opens with no version notice; an old link without one too', async () => {
  const { context, page } = await open('?s=1,eaf_swap:300');
  assert.equal(await page.$('[data-version-notice]'), null, 'a link without a version: no notice');
  await page.click('[data-action="share"]');
  const url = await page.$eval('[data-share-url]', (e) => e.value);
  assert.match(url, /s=1,eaf_swap:300,m:[0-9a-f]{8}_[\d.]+_[\d.]+_\d{4}_\d/);
  const other = await context.newPage();
  trackErrors(other, consoleErrors);
  await other.goto(url);
  await other.waitForSelector('html[data-app] [data-headline="co2_2030"]');
  assert.equal(await other.$('[data-version-notice]'), null, 'same version: nothing to say');
  assert.equal(await other.$eval('[data-lever="eaf_swap"]', (e) => e.value), '300');
  await context.close();
});

// A scenario file "made" by another version: 2025 output value 1,000亿元, 2030 CO2 99 Mt, peak 2024, none met.
const OLD_FILE = { eaf_swap: 300, model: '0ld0ld00', figures: { output_value_2025: 1000, co2_2030: 99, peak_year: 2024, targets_met: 0 } };
const importFile = (page, name, json) => page.setInputFiles('[data-action="import"]',
  { name, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(json)) });

test('a scenario file from another version says so on import and when opened from the library, in zh and en', async () => {
  const { context, page } = await open();
  await page.click('[data-action="scenarios"]');
  await page.waitForSelector('html:not([data-core]) [data-action="import"]');
  await importFile(page, 'old-plan.json', OLD_FILE);
  const notice = await page.waitForSelector('[data-version-notice]');
  assert.equal(await notice.getAttribute('data-made-with'), '0ld0ld00');
  assert.equal(await notice.getAttribute('data-saved'), 'old-plan');
  let text = await notice.textContent();
  assert.match(text, /已保存的情景“old-plan”由另一版本的模型生成/);
  assert.match(text, /它保存时的模型版本为 0ld0ld00/);
  assert.match(text, /个数字与保存时不同/);
  const value = await notice.$eval('tr[data-figure="output_value_2025"]', (tr) => ({ then: tr.dataset.then, now: Number(tr.dataset.now) }));
  assert.equal(value.then, '1000');
  assert.ok(value.now > 1000, `${value.now}`);
  // The library tags the entry with its version; importing did not change the scenario on screen.
  const item = page.locator('[data-saved]', { hasText: 'old-plan' });
  assert.match(await item.locator('.version-tag').textContent(), /模型版本 0ld0ld00/);
  assert.equal(await page.$eval('[data-lever="eaf_swap"]', (e) => e.value), '0');
  await notice.$eval('button.dismiss', (b) => b.click());
  await page.waitForSelector('[data-version-notice]', { state: 'detached' });
  // Opening it shows the notice again, with the scenario it holds; in English too.
  await item.locator('[data-action="load-saved"]').click();
  await page.waitForSelector('[data-version-notice][data-saved="old-plan"]');
  assert.equal(await page.$eval('[data-lever="eaf_swap"]', (e) => e.value), '300');
  await page.click('[data-action="toggle-lang"]');
  await page.waitForFunction(() => /The saved scenario “old-plan” was made with another version/.test(document.querySelector('[data-version-notice]').textContent));
  text = await page.textContent('[data-version-notice]');
  assert.match(text, /It was saved with model version 0ld0ld00/);
  assert.doesNotMatch(text, /[\u4e00-\u9fff]/, 'no Chinese left in the English notice');
  assert.match(await item.locator('.version-tag').textContent(), /model version 0ld0ld00/);
  // A library file with two such entries lists them (and their changed figures) instead of one table.
  await page.click('[data-action="toggle-lang"]');
  await page.$eval('[data-version-notice] button.dismiss', (b) => b.click());
  const library = { vtre_library: 1, entries: [
    { name: 'first old', saved_at: 1, scenario: OLD_FILE },
    { name: 'second old', saved_at: 2, scenario: { ...OLD_FILE, eaf_swap: 600 } },
    { name: 'no version', saved_at: 3, scenario: { eaf_swap: 100 } },
  ] };
  await importFile(page, 'lib.json', library);
  await page.waitForFunction(() => /以下导入的情景由另一版本的模型生成/.test(document.body.textContent));
  const listed = await page.evaluate(() => document.body.textContent);
  assert.match(listed, /“first old”（版本 0ld0ld00）：4 个主要数字中有 \d 个变化/);
  assert.match(listed, /“second old”（版本 0ld0ld00）/);
  assert.doesNotMatch(listed, /“no version”（版本/);
  assert.equal(await page.$('[data-version-notice]'), null, 'a list, not one table');
  assert.equal(await page.locator('[data-saved]', { hasText: 'no version' }).locator('.version-tag').count(), 0,
    'a file without a version is saved with this one');
  await page.screenshot({ path: path.join(ARTIFACTS, 'version-import-zh.png') });
  await context.close();
});

test('no console errors', () => {
  assert.deepEqual(consoleErrors, []);
});
