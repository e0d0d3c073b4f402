// End-to-end tests of the release build in Debian's Chromium (playwright-core; no browser download).
// Run by scripts/test.sh after `trunk build --release`: node --test tests/e2e/
// Serves dist/ itself on 127.0.0.1, records console errors, saves screenshots to artifacts/ (gitignored).

import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { useApp, trackErrors, ARTIFACTS, DIST, openApp, drawAllCharts, chartImage, chartRedrawn } from './lib.mjs';

const artifacts = ARTIFACTS;
const consoleErrors = [];
before(() => assert.ok(fs.existsSync(path.join(DIST, 'index.html')), 'dist/index.html exists (run trunk build --release first)'));
const app = useApp();

const open = (viewport, query = '') => openApp(app, consoleErrors, { query, viewport, charts: true, hiDpi: true });

const headline = (page, id) => page.$eval(`[data-headline="${id}"]`, (el) => Number(el.dataset.value));
const cards = (page) => page.$$eval('[data-target]', (els) => els.map((e) => `${e.dataset.target}:${e.dataset.status}:${e.dataset.value}`));
const canvasPixels = (page, id) => chartImage(page, `canvas[data-chart="${id}"]`);

test('pressing ArrowRight on the BF→EAF swap lowers the 2030 CO2 headline, updates the scorecard and redraws', async () => {
  const { context, page } = await open({ width: 1440, height: 900 });
  const co2Before = await headline(page, 'co2_2030');
  const cardsBefore = await cards(page);
  const pixelsBefore = await canvasPixels(page, 'co2');
  assert.ok(co2Before > 0);
  await page.focus('[data-lever="eaf_swap"]');
  await page.keyboard.press('ArrowRight');
  await page.waitForFunction((v) => Number(document.querySelector('[data-headline="co2_2030"]').dataset.value) !== v, co2Before);
  const co2After = await headline(page, 'co2_2030');
  assert.ok(co2After < co2Before, `2030 CO2 fell: ${co2Before} → ${co2After}`);
  assert.equal(await page.$eval('[data-lever="eaf_swap"]', (e) => e.value), '10', 'one step of 10万吨');
  const cardsAfter = await cards(page);
  assert.notDeepEqual(cardsAfter, cardsBefore, 'a scorecard card updated');
  assert.notEqual(await chartRedrawn(page, 'canvas[data-chart="co2"]', pixelsBefore), pixelsBefore, 'the CO2 chart redrew');
  for (const c of cardsAfter) assert.match(c.split(':')[1], /^(met|at-risk|missed|unquantified)$/);
  await context.close();
});

test('keyboard: PageUp steps ×10, End and Home go to the ends, reset restores the reference', async () => {
  const { context, page } = await open({ width: 1440, height: 900 });
  const sel = '[data-lever="re_quota"]';
  await page.focus(sel);
  await page.keyboard.press('PageUp');
  assert.equal(await page.$eval(sel, (e) => e.value), '57000');
  await page.keyboard.press('End');
  assert.equal(await page.$eval(sel, (e) => e.value), '100000');
  await page.keyboard.press('Home');
  assert.equal(await page.$eval(sel, (e) => e.value), '20000');
  await page.click('[data-lever-row="re_quota"] button.reset');
  assert.equal(await page.$eval(sel, (e) => e.value), '47000');
  await context.close();
});

test('a lever\'s info explains it, cites its source and guideline section, in both languages', async () => {
  const { context, page } = await open({ width: 1440, height: 900 });
  // The explanations are not in the wasm: the first info opened loads them (pages/notes-<lang>.json).
  await page.click('[data-lever-row="eaf_swap"] button.info');
  const pop = '#lever-help-eaf_swap';
  await page.waitForFunction((sel) => document.querySelector(sel).textContent.includes('全废钢电炉'), pop);
  const zh = await page.textContent(pop);
  assert.match(zh, /第三章第五节/, 'guideline section');
  assert.match(zh, /厂内转炉改电炉的置换比例/, 'source, by its name');
  assert.doesNotMatch(zh, /[a-z0-9]+_[a-z0-9_]+/, 'no internal key shown as text');
  assert.match(zh, /指南未给出数量/, 'note on the reference value');
  await page.click('[data-action="toggle-lang"]');
  await page.waitForFunction((sel) => document.querySelector(sel).textContent.includes('electric arc furnaces'), pop);
  assert.match(await page.textContent(pop), /The guideline sets no amount/);
  // The scenarios panel tells each preset's story from the same page.
  await page.click('[data-action="toggle-lang"]');
  await page.click('[data-action="scenarios"]');
  // The panel is the full module's: it appears once that has taken over (src/ui/handover.rs).
  await page.waitForFunction(() => document.querySelector('[data-preset="reference"]')?.textContent.includes('指南给出数字的措施'));
  await context.close();
});

test('a lever\'s sources link to their rows on the assumptions page, opened in place', async () => {
  const { context, page } = await open({ width: 1440, height: 900 });
  await page.focus('[data-lever="eaf_swap"]');
  await page.keyboard.press('ArrowRight'); // a scenario the jump must keep
  await page.click('[data-lever-row="eaf_swap"] button.info');
  const link = '#lever-help-eaf_swap a[data-goto-row="sichuan_bfbof_capacity_2022"]';
  await page.waitForSelector(link);
  assert.equal((await page.textContent(link)).trim(), '2022年四川长流程产能');
  await page.click(link);
  // Not a parameter: its row is in the folded "other figures cited", which the jump unfolds.
  const row = '[data-page="assumptions"] details.cited[open] tr#csv-sichuan_bfbof_capacity_2022';
  await page.waitForSelector(row);
  await page.waitForFunction((sel) => {
    const r = document.querySelector(sel).getBoundingClientRect();
    return r.top < window.innerHeight && r.bottom > 0;
  }, row);
  await page.waitForURL(/view=assumptions/);
  assert.match(page.url(), /eaf_swap:10/, 'the scenario is kept: no reload');
  await context.close();
});

test('if the explanations cannot be loaded, the info says so and a later try loads them', async () => {
  // No service worker here: requests it answers from its cache never reach page.route.
  const context = await app.browser.newContext({ viewport: { width: 1440, height: 900 }, serviceWorkers: 'block' });
  const page = await context.newPage();
  trackErrors(page, []); // the failed request itself logs a console error; nothing else may break
  let block = true;
  await page.route(/notes-zh\.json(\?v=[^/]*)?$/, (route) => (block ? route.abort() : route.continue()));
  await page.goto(app.base);
  await page.waitForSelector('html[data-app] [data-headline="co2_2030"]');
  const info = '[data-lever-row="eaf_swap"] button.info';
  const pop = '#lever-help-eaf_swap';
  await page.click(info);
  await page.waitForFunction((sel) => document.querySelector(sel).textContent.includes('说明无法加载'), pop);
  // The rest of the app is unaffected.
  await page.focus('[data-lever="eaf_swap"]');
  await page.keyboard.press('End');
  await page.waitForFunction(() => document.querySelector('[data-lever="eaf_swap"]').value === '1200');
  block = false;
  await page.click(info); // close
  await page.click(info); // open again: tries again
  await page.waitForFunction((sel) => document.querySelector(sel).textContent.includes('全废钢电炉'), pop);
  await context.close();
});

test('a tight energy quota calls out the curtailed products', async () => {
  const { context, page } = await open({ width: 1440, height: 900 });
  await page.focus('[data-lever="energy_quota"]');
  await page.keyboard.press('Home');
  await page.waitForSelector('[data-curtailed="true"]');
  const text = await page.$eval('[data-curtailed="true"]', (e) => e.textContent);
  assert.match(text, /长流程|钢/);
  await context.close();
});

test('the language toggle switches every visible string to English and persists', async () => {
  const { context, page } = await open({ width: 1440, height: 900 });
  const zhTitle = await page.textContent('h1');
  assert.match(zhTitle, /四川/);
  await page.click('[data-action="toggle-lang"]');
  await page.waitForFunction(() => document.documentElement.lang === 'en');
  // Open every popover and table so their text is checked too.
  for (const b of await page.$$('button.info')) await b.click();
  for (const b of await page.$$('button.table-toggle')) await b.click();
  const cjk = await page.evaluate(() => {
    const out = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
      const n = walker.currentNode;
      const el = n.parentElement;
      if (!el || el.closest('[lang="zh-CN"]') || el.closest('[hidden]') || el.closest('noscript')) continue;
      if (/[\u4e00-\u9fff]/.test(n.textContent)) out.push(n.textContent.trim());
    }
    return out;
  });
  // Only quotations and citations of the Chinese guideline (marked lang="zh-CN") may stay Chinese.
  assert.deepEqual(cjk, [], 'no Chinese text left in English mode');
  await page.reload();
  await page.waitForSelector('html[data-app] [data-headline="co2_2030"]');
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'en', 'language persisted');
  await page.click('[data-action="toggle-lang"]');
  await context.close();
});

test('desktop and phone layouts show everything without horizontal scrolling (screenshots saved)', async () => {
  for (const [name, viewport] of [['desktop', { width: 1440, height: 900 }], ['phone', { width: 390, height: 844 }]]) {
    const { context, page } = await open(viewport, '?lang=zh');
    // Charts draw when they scroll into view: visit each so the full-page screenshot shows them all.
    const overflow = await drawAllCharts(page);
    assert.ok(overflow <= 0, `${name}: no horizontal overflow (${overflow}px)`);
    await page.screenshot({ path: path.join(artifacts, `explorer-${name}.png`) });
    await page.screenshot({ path: path.join(artifacts, `explorer-${name}-full.png`), fullPage: true });
    const px = await page.$eval('canvas[data-chart="output_value"]', (c) => [c.width, c.clientWidth]);
    assert.ok(px[0] >= px[1] * 2 - 1, `${name}: canvas is hi-DPI (${px})`);
    await context.close();
  }
});

test('no console errors during the run', () => {
  assert.deepEqual(consoleErrors, []);
});
