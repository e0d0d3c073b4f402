// End-to-end tests of public reading: the guideline reader, the assumptions panel and the model pages.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { useApp, trackErrors, ROOT, ARTIFACTS, openApp } from './lib.mjs';

const root = ROOT;
const artifacts = ARTIFACTS;
const consoleErrors = [];
const app = useApp();

const open = (query = '', viewport = { width: 1440, height: 900 }) => openApp(app, consoleErrors, { query, viewport });

test('the reader opens from the URL, deep-links to a section, searches, and jumps to levers', async () => {
  const { context, page } = await open('?view=guideline&sec=ch3-s6');
  await page.waitForSelector('[data-section="ch3-s6"]');
  const sections = await page.$$eval('[data-section]', (els) => els.map((e) => e.dataset.section));
  assert.ok(sections.length >= 19, `${sections.length} sections`);
  for (const id of ['ch2-s3', 'ch3-s5', 'ch4-s5']) assert.ok(sections.includes(id), id);
  await page.waitForFunction(() => {
    const r = document.querySelector('[data-section="ch3-s6"]').getBoundingClientRect();
    return r.top < window.innerHeight && r.bottom > 0;
  });
  await page.screenshot({ path: path.join(artifacts, 'reader-desktop.png') });
  await page.fill('[data-reader-search]', '红格南');
  const visible = await page.$$eval('[data-section]', (els) => els.filter((e) => !e.hidden).map((e) => e.dataset.section));
  assert.ok(visible.includes('ch3-s6') && visible.length <= 3, `search narrows to the sections that mention it: ${visible}`);
  await page.fill('[data-reader-search]', '');
  // The contents and each section's "#" are links to the section's own address: followed in the app (no
  // reload: the marker set on this window survives), they bring the section into view and put it in the URL.
  await page.evaluate(() => { window.__sameApp = true; });
  await page.click('.toc a[href="?view=guideline&sec=ch2-s3"]');
  await page.waitForURL(/[?&]sec=ch2-s3(&|$)/);
  await page.waitForFunction(() => {
    const r = document.querySelector('[data-section="ch2-s3"]').getBoundingClientRect();
    return r.top < window.innerHeight && r.bottom > 0;
  });
  await page.click('[data-section="ch4-s5"] h4 a.link');
  await page.waitForURL(/[?&]sec=ch4-s5(&|$)/);
  assert.equal(await page.evaluate(() => window.__sameApp), true, 'followed without loading the app again');
  assert.equal(await page.getAttribute('[data-section="ch4-s5"] h4 a.link', 'href'), '?view=guideline&sec=ch4-s5', 'a link to copy and share');
  assert.ok(await page.$('[data-not-modelled]'), 'measures the model does not represent are marked');
  await page.click('[data-measure="ch3-s6-1"] [data-goto-lever="new_mine"]');
  await page.waitForFunction(() => document.activeElement?.dataset?.lever === 'new_mine');
  await page.waitForURL(/\?s=1(,m:[0-9a-f]{8}_[^&]*)?&lang=zh/); // the address follows the view (debounced), stamped
  await context.close();
});

test('every target links to the reader and the reader links back to every target', async () => {
  const { context, page } = await open('?lang=en');
  const cards = await page.$$eval('[data-target]', (els) => els.map((e) => [e.dataset.target, !!e.querySelector('[data-reader-link]')]));
  assert.ok(cards.length >= 9);
  for (const [t, has] of cards) assert.ok(has, `${t} has a reader link`);
  await page.click('[data-target="fe_recovery"] [data-reader-link]');
  await page.waitForSelector('[data-section="ch2-s3"]');
  const chips = await page.$$eval('[data-goto-target]', (els) => [...new Set(els.map((e) => e.dataset.gotoTarget))]);
  for (const [t] of cards) assert.ok(chips.includes(t), `reader links back to ${t}`);
  // Each chip shows its target's status in the current scenario, as the scorecard card does.
  const chipStatus = await page.$eval('[data-goto-target="industry_scale"]', (e) => e.dataset.status);
  assert.match(chipStatus, /^(met|missed|at-risk|unquantified)$/);
  await page.click('[data-goto-target="industry_scale"]');
  await page.waitForSelector('[data-target="industry_scale"]');
  assert.equal(await page.$eval('[data-target="industry_scale"]', (e) => e.dataset.status), chipStatus);
  await context.close();
});

test('the assumptions panel lists every parameter with kind and source, filters, and overrides travel with the link', async () => {
  const { context, page } = await open('?view=assumptions');
  await page.waitForSelector('[data-param]');
  const rows = await page.$$eval('[data-param]', (els) => els.map((e) => [e.dataset.param, e.dataset.kind, e.querySelector('[data-source]').textContent.trim()]));
  assert.ok(rows.length >= 80, `${rows.length} parameters`);
  for (const [k, kind, source] of rows) {
    assert.match(kind, /^(FACT|ESTIMATE)$/, k);
    assert.ok(source.length > 3, `${k} has a source`);
  }
  await page.selectOption('[data-filter="kind"]', 'ESTIMATE');
  const kinds = await page.$$eval('[data-param]', (els) => [...new Set(els.filter((e) => !e.hidden).map((e) => e.dataset.kind))]);
  assert.deepEqual(kinds, ['ESTIMATE']);
  await page.selectOption('[data-filter="kind"]', '');
  // Sorting by key puts each group's rows in key order; "all" puts the table's own order back.
  await page.click('[data-sort="key"]');
  assert.equal(await page.getAttribute('[data-sort="key"]', 'aria-pressed'), 'true');
  const keysOf = () => page.$$eval('tbody[data-chain-group="steel"] tr[data-param]', (rs) => rs.map((r) => r.dataset.param));
  const byKey = await keysOf();
  assert.deepEqual(byKey, [...byKey].sort());
  await page.click('[data-sort="table"]');
  assert.equal(await page.getAttribute('[data-sort="key"]', 'aria-pressed'), 'false');
  const order = await page.$$eval('tbody[data-chain-group="steel"] tr[data-param]', (rs) => rs.map((r) => Number(r.dataset.order)));
  assert.deepEqual(order, [...order].sort((a, b) => a - b));
  assert.notDeepEqual(await keysOf(), byKey, 'the table order is not the key order');
  await page.screenshot({ path: path.join(artifacts, 'assumptions-desktop.png') });
  // Override an assumption: CO2 responds, the scenario is flagged, the link carries it.
  await page.click('[data-view="explorer"]');
  const co2Before = await page.$eval('[data-headline="co2_2030"]', (e) => Number(e.dataset.value));
  await page.click('[data-view="assumptions"]');
  const baseline = await page.inputValue('[data-param-input="bfbof_direct_co2_per_t"]');
  await page.fill('[data-param-input="bfbof_direct_co2_per_t"]', '2.1');
  await page.press('[data-param-input="bfbof_direct_co2_per_t"]', 'Enter');
  await page.waitForSelector('[data-page="assumptions"] .overrides-flag[data-overrides="1"]');
  await page.waitForURL(/@bfbof_direct_co2_per_t:2\.1/);
  const co2After = await page.$eval('[data-headline="co2_2030"]', (e) => Number(e.dataset.value));
  assert.ok(co2After > co2Before, `CO2 rose with the higher factor: ${co2Before} → ${co2After}`);
  const other = await context.newPage();
  await other.goto(page.url().replace('view=assumptions', 'view=explorer'));
  await other.waitForSelector('html[data-app] [data-headline="co2_2030"]');
  assert.equal(await other.$eval('[data-headline="co2_2030"]', (e) => Number(e.dataset.value)), co2After);
  assert.ok(await other.$('.overrides-badge[data-overrides="1"]'), 'flagged in the explorer');
  // The overridden row says so, with its baseline, and its reset button is live; "reset all" clears it.
  const row = '[data-page="assumptions"] tr[data-param="bfbof_direct_co2_per_t"]';
  assert.match(await page.textContent(`${row} [data-param-changed]`), /已修改|changed/i);
  assert.equal(await page.isVisible(`${row} [data-param-changed]`), true);
  assert.equal(await page.isEnabled(`${row} [data-param-reset]`), true);
  assert.notEqual(await page.$eval(`${row} td.value-cell`, (td) => getComputedStyle(td).backgroundColor), 'rgba(0, 0, 0, 0)', 'the row is highlighted');
  await page.click(`${row} [data-param-reset]`);
  await page.waitForSelector('[data-page="assumptions"] .overrides-flag[data-overrides="0"]', { state: 'hidden' });
  await page.waitForFunction(() => !location.href.includes('bfbof_direct_co2_per_t'));
  assert.equal(await page.isVisible(`${row} [data-param-changed]`), false);
  assert.equal(await page.isEnabled(`${row} [data-param-reset]`), false);
  assert.equal(await page.inputValue(`${row} [data-param-input]`), baseline, 'back to the baseline');
  // Two overrides, then "reset all".
  for (const [k, v] of [['bfbof_direct_co2_per_t', '2.1'], ['eaf_electricity_per_t', '450']]) {
    await page.fill(`[data-param-input="${k}"]`, v);
    await page.press(`[data-param-input="${k}"]`, 'Enter');
  }
  await page.waitForSelector('[data-page="assumptions"] .overrides-flag[data-overrides="2"]');
  assert.match(await page.textContent('[data-overrides-text]'), /2/);
  await page.click('[data-reset-overrides]');
  await page.waitForSelector('[data-page="assumptions"] .overrides-flag[data-overrides="0"]', { state: 'hidden' });
  await page.waitForFunction(() => !location.href.includes('@'));
  await context.close();
});

test('assumptions show names, not internal keys, and are cards on a phone, grouped by chain and closed', async () => {
  const { context, page } = await open('?view=assumptions', { width: 390, height: 844 });
  await page.waitForSelector('[data-chain-group]');
  // On a phone every chain's group starts closed: a page of headers, not 24 screens of cards (issue 22).
  const closed = await page.evaluate(() => ({
    groups: document.querySelectorAll('tbody[data-chain-group]').length,
    expanded: [...document.querySelectorAll('[data-group-toggle]')].map((b) => b.getAttribute('aria-expanded')),
    visibleRows: [...document.querySelectorAll('tr[data-param]')].filter((r) => r.getBoundingClientRect().height > 0).length,
    page: document.documentElement.scrollHeight,
  }));
  assert.ok(closed.groups >= 5, `${closed.groups} chain groups`);
  assert.ok(closed.expanded.every((e) => e === 'false'));
  assert.equal(closed.visibleRows, 0);
  assert.ok(closed.page <= 4000, `the closed page is ${closed.page}px`);
  // Opening a group shows its cards.
  await page.click('[data-group-toggle="steel"]');
  assert.equal(await page.getAttribute('[data-group-toggle="steel"]', 'aria-expanded'), 'true');
  const steelRows = () => page.$$eval('tbody[data-chain-group="steel"] tr[data-param]', (rs) => rs.filter((r) => r.getBoundingClientRect().height > 0).length);
  assert.ok((await steelRows()) > 0, 'the opened group shows its cards');
  assert.equal(await page.$$eval('tbody[data-chain-group="vanadium"] tr[data-param]', (rs) => rs.filter((r) => r.getBoundingClientRect().height > 0).length), 0, 'the others stay closed');
  // Closed again, then opened for the checks below.
  await page.click('[data-group-toggle="steel"]');
  assert.equal(await page.getAttribute('[data-group-toggle="steel"]', 'aria-expanded'), 'false');
  assert.equal(await steelRows(), 0);
  await page.click('[data-group-toggle="steel"]');
  for (const b of await page.$$('[data-group-toggle]:not([data-group-toggle="steel"])')) await b.click();
  await page.waitForSelector('[data-param]');
  // Names in the page language; the CSV key only as the name's tooltip (issue 22); the CSV's English marked.
  const first = await page.$eval('[data-param="sichuan_crude_steel_output_2020"] td.name', (td) => [td.querySelector('.label').textContent, td.querySelector('.label').title, td.querySelectorAll('code').length]);
  assert.deepEqual(first, ['2020年四川粗钢产量', 'sichuan_crude_steel_output_2020', 0]);
  const leaks = await page.evaluate(() => {
    const out = [];
    const walker = document.createTreeWalker(document.querySelector('[data-page="assumptions"]'), NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
      const el = walker.currentNode.parentElement;
      if (el.closest('code')) continue;
      const m = walker.currentNode.textContent.match(/\b[a-z][a-z0-9]*(_[a-z0-9]+){2,}\b/g);
      if (m) out.push(...m);
    }
    return out;
  });
  assert.deepEqual(leaks, [], 'no snake_case key as text');
  assert.equal(await page.$$eval('[data-source] [lang="en"]', (els) => els.length), await page.$$eval('[data-source]', (els) => els.length));
  // Cards: one per row, no horizontal scroll, no field squeezed, a page of sane length.
  const m = await page.evaluate(() => {
    const rows = [...document.querySelectorAll('tr[data-param]')];
    const cells = rows.flatMap((r) => [...r.children]).filter((td) => td.getBoundingClientRect().width > 0);
    return {
      scrollWidth: document.documentElement.scrollWidth,
      minCell: Math.min(...cells.map((td) => td.getBoundingClientRect().width)),
      maxRow: Math.max(...rows.map((r) => r.getBoundingClientRect().height)),
      page: document.documentElement.scrollHeight,
      display: getComputedStyle(rows[0]).display,
    };
  });
  assert.equal(m.display, 'grid');
  assert.ok(m.scrollWidth <= 390, `no horizontal scroll: ${m.scrollWidth}`);
  assert.ok(m.minCell >= 100, `narrowest field ${m.minCell}px`);
  assert.ok(m.maxRow <= 600, `tallest card ${m.maxRow}px`);
  assert.ok(m.page <= 30000, `page ${m.page}px with every group open`);
  await page.screenshot({ path: path.join(artifacts, 'assumptions-phone.png') });
  // Search still finds a row by its name.
  await page.fill('[data-filter="text"]', '粗钢产量');
  const shown = await page.$$eval('tr[data-param]', (els) => els.filter((e) => !e.hidden).map((e) => e.dataset.param));
  assert.deepEqual(shown, ['sichuan_crude_steel_output_2020']);
  // A filter opens the groups it finds rows in (here only steel's, even after the reader closed it) and
  // hides the rest; clearing it puts every group back as a phone starts it: closed.
  await page.fill('[data-filter="text"]', '');
  await page.click('[data-group-toggle="steel"]');
  await page.fill('[data-filter="text"]', '粗钢产量');
  await page.waitForFunction(() => document.querySelector('[data-group-toggle="steel"]').getAttribute('aria-expanded') === 'true');
  assert.ok(await page.$eval('[data-param="sichuan_crude_steel_output_2020"]', (r) => r.getBoundingClientRect().height > 0), 'the found row shows');
  assert.deepEqual(await page.$$eval('tbody[data-chain-group]:not([hidden])', (g) => g.map((x) => x.dataset.chainGroup)), ['steel']);
  await page.fill('[data-filter="text"]', '');
  await page.waitForFunction(() => [...document.querySelectorAll('[data-group-toggle]')].every((b) => b.getAttribute('aria-expanded') === 'false'));
  await context.close();
});

test('the model pages show every chain, balanced flow diagrams and the glossary', async () => {
  const { context, page } = await open('?view=model&lang=en');
  await page.waitForSelector('[data-chain]');
  const chains = await page.$$eval('[data-chain]', (els) => els.map((e) => e.dataset.chain));
  assert.deepEqual(chains, ['steel', 'vanadium', 'titanium', 'rare_earth', 'energy', 'emissions', 'value']);
  const flows = await page.$$eval('[data-flow]', (els) => els.map((e) => [e.dataset.flow, e.querySelectorAll('path').length]));
  assert.deepEqual(flows.map((f) => f[0]), ['iron_steel', 'titanium', 'rare_earth']);
  for (const [, n] of flows) assert.ok(n >= 5);
  assert.ok((await page.$$('[data-term]')).length >= 24);
  // The diagrams follow the year chosen and the language (a new page, the diagrams drawn once into it).
  const titles = () => page.$$eval('[data-flow] path title', (t) => t.map((x) => x.textContent).join('|'));
  const in2025 = await titles();
  await page.selectOption('[data-flow-year]', '2035');
  await page.waitForFunction((before) => [...document.querySelectorAll('[data-flow] path title')].map((x) => x.textContent).join('|') !== before, in2025);
  await page.click('[data-action="toggle-lang"]');
  await page.waitForFunction(() => document.querySelector('#model-title')?.textContent.includes('模型'));
  await page.waitForFunction(() => document.querySelectorAll('[data-flow]').length === 3 && /→/.test(document.querySelector('[data-flow] path title')?.textContent || '') && /[\u4e00-\u9fff]/.test(document.querySelector('[data-flow] figcaption').textContent));
  await page.click('[data-action="toggle-lang"]');
  await page.waitForFunction(() => document.querySelectorAll('[data-flow]').length === 3 && !/[\u4e00-\u9fff]/.test(document.querySelector('[data-flow] figcaption')?.textContent || '中'));
  assert.equal(await page.$eval('[data-flow-year]', (e) => e.value), '2035', 'the reloaded page\'s chooser shows the year drawn');
  await page.selectOption('[data-flow-year]', '2035');
  await page.locator('#flows').scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(artifacts, 'model-flows-desktop.png') });
  const phone = await open('?view=model', { width: 390, height: 844 });
  const overflow = await phone.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `phone: no horizontal overflow (${overflow})`);
  await phone.page.screenshot({ path: path.join(artifacts, 'model-phone.png') });
  await phone.context.close();
  await context.close();
});

test('no console errors while reading', () => {
  assert.deepEqual(consoleErrors, []);
});
