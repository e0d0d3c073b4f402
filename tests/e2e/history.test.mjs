// End-to-end tests of history beside the projection (issue 12: policy from a later year, other plans'
// targets, published figures on the charts) and the charts' text descriptions (issue 14, item 4).
// Run by scripts/test.sh after `trunk build --release`: node --test tests/e2e/

import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { useApp, trackErrors, ARTIFACTS, DIST, openApp, drawAllCharts } from './lib.mjs';

const consoleErrors = [];
before(() => assert.ok(fs.existsSync(path.join(DIST, 'index.html')), 'dist/index.html exists (run trunk build --release first)'));
const app = useApp();

const open = (query = '', viewport = { width: 1440, height: 900 }) => openApp(app, consoleErrors, { query, viewport, charts: true, hiDpi: true });

const headline = (page, id) => page.$eval(`[data-headline="${id}"]`, (el) => Number(el.dataset.value));
const policyFrom = (page) => page.$eval('select[data-policy-from]', (e) => [e.value, e.dataset.policyFrom]);

/** The rows of a chart's data table: [year, ...cells as numbers], opening it if needed; the uncertainty
 *  columns (p10/p90, there once the ensemble is ready) are left out. */
async function table(page, chart) {
  const fig = `[data-chart-figure="${chart}"]`;
  if ((await page.$eval(`${fig} .table-toggle`, (b) => b.getAttribute('aria-expanded'))) !== 'true') {
    await page.click(`${fig} .table-toggle`);
  }
  await page.waitForSelector(`table[data-table="${chart}"]`);
  return page.$eval(`table[data-table="${chart}"]`, (t) => {
    const keep = [...t.querySelectorAll('thead th')].map((th) => !/p10|p90/.test(th.textContent));
    return [...t.querySelectorAll('tbody tr')].map((r) => [...r.children].filter((_, i) => keep[i]).map((c, i) =>
      i === 0 ? parseInt(c.textContent, 10) : Number(c.textContent.replace(/,/g, ''))));
  });
}

test('a policy from 2026 keeps 2020–2025 on the reference, marks the history on every chart, travels in the link and undoes in one step', async () => {
  const { context, page } = await open('?lang=zh');
  assert.deepEqual(await policyFrom(page), ['2020', '2020'], 'the guideline\'s own window by default');
  const ref2025 = await headline(page, 'output_value_2025');
  const refValue = await table(page, 'output_value');
  const refProd = await table(page, 'production');
  // A policy: swap 600万吨 of V-Ti blast furnaces for EAFs, with the reference start.
  await page.$eval('[data-lever="eaf_swap"]', (el) => {
    el.value = '600';
    el.dispatchEvent(new Event('input', { bubbles: true }));
    el.dispatchEvent(new Event('change', { bubbles: true }));
  });
  await page.waitForFunction((v) => Number(document.querySelector('[data-headline="output_value_2025"]').dataset.value) !== v, ref2025);
  const early2025 = await headline(page, 'output_value_2025');
  const earlyValue = await table(page, 'output_value');
  assert.notEqual(early2025, ref2025, 'from 2020 the swap moves 2025');
  assert.equal(await page.$$eval('canvas[data-policy-from]', (c) => c.length), 0, 'no history frame for a 2020 start');

  // The same policy from 2026: one edit.
  await page.selectOption('select[data-policy-from]', '2026');
  await page.waitForFunction(() => document.querySelector('select[data-policy-from]').dataset.policyFrom === '2026');
  await page.waitForFunction((v) => Number(document.querySelector('[data-headline="output_value_2025"]').dataset.value) === v, ref2025);
  assert.equal(await headline(page, 'output_value_2025'), ref2025, '2025 is history: the reference value');
  const value = await table(page, 'output_value');
  assert.notDeepEqual(value[7], earlyValue[7], '2027: the swap is phasing in from 2026, not in since 2025');
  const prod = await table(page, 'production');
  for (let i = 0; i < 6; i++) {
    assert.deepEqual(value[i], refValue[i], `output value ${2020 + i} equals the reference`);
    assert.deepEqual(prod[i], refProd[i], `production ${2020 + i} equals the reference`);
  }
  assert.notDeepEqual(value[10], refValue[10], 'and 2030 follows the policy');
  // Every chart says which frame it is in: the canvas, the table caption and the history rows.
  assert.deepEqual(await page.$$eval('canvas[data-chart]', (cs) => cs.map((c) => c.dataset.policyFrom)),
    ['2026', '2026', '2026', '2026', '2026']);
  const caption = await page.textContent('table[data-table="output_value"] caption');
  assert.match(caption, /2025年及以前为历史（参考路径），政策自2026年起/);
  assert.deepEqual(await page.$$eval('table[data-table="output_value"] th[data-history]', (t) => t.map((x) => x.textContent)),
    ['2020 · 历史', '2021 · 历史', '2022 · 历史', '2023 · 历史', '2024 · 历史', '2025 · 历史']);
  assert.equal(await page.textContent('table[data-table="output_value"] tbody tr:nth-child(7) th'), '2026', 'a policy year is not history');
  await page.waitForFunction(() => document.querySelector('[data-chart-desc="co2"]').textContent.includes('政策自2026年起'));
  // The tooltip names a history year as such.
  const box = await page.$eval('canvas[data-chart="output_value"]', (c) => {
    c.scrollIntoView({ block: 'center' });
    const r = c.getBoundingClientRect();
    return [r.x, r.y, r.width, r.height];
  });
  await page.mouse.move(box[0] + 70 + (box[2] - 78) * (2 / 15), box[1] + box[3] / 2);
  await page.waitForFunction(() => document.querySelector('[data-chart-figure="output_value"] .tooltip strong')?.parentElement.textContent.includes('· 历史'));
  assert.match(await page.textContent('[data-chart-figure="output_value"] .tooltip'), /^2022 · 亿元 · 历史/);
  await page.mouse.move(0, 0);

  // The share link carries it, and opens to the same scenario.
  await page.waitForFunction(() => (new URL(location.href).searchParams.get('s') || '').includes('from:2026'));
  const link = await page.evaluate(() => location.search);
  assert.match(link, /eaf_swap%3A600|eaf_swap:600/);
  const other = await open(link);
  assert.deepEqual(await policyFrom(other.page), ['2026', '2026']);
  assert.equal(await headline(other.page, 'output_value_2025'), ref2025);
  await other.context.close();

  // Undo restores the 2020 start in one step, then the lever in the next.
  await page.click('[data-action="undo"]');
  await page.waitForFunction(() => document.querySelector('select[data-policy-from]').dataset.policyFrom === '2020');
  assert.deepEqual(await policyFrom(page), ['2020', '2020']);
  assert.equal(await headline(page, 'output_value_2025'), early2025);
  assert.equal(await page.$eval('[data-lever="eaf_swap"]', (e) => e.value), '600');
  assert.equal(await page.$$eval('canvas[data-policy-from]', (c) => c.length), 0);
  await page.click('[data-action="redo"]');
  await page.waitForFunction(() => document.querySelector('select[data-policy-from]').dataset.policyFrom === '2026');
  // Reset all goes back to the guideline's window.
  await page.click('[data-action="reset-all"]');
  await page.waitForFunction(() => document.querySelector('select[data-policy-from]').dataset.policyFrom === '2020');
  await context.close();
});

test('other plans\' targets are scored on the scorecard apart from the guideline\'s, with where each comes from', async () => {
  const { context, page } = await open('?lang=zh');
  const guideline = await page.$$eval('[data-target]', (els) => els.length);
  const related = await page.$$eval('.related [data-related]', (els) => els.map((e) => [e.dataset.related, e.dataset.status, Number(e.dataset.value)]));
  assert.equal(related.length, 7, 'seven related targets');
  assert.equal(await page.$$eval('[data-related]', (els) => els.length), 7, 'all inside the separate section');
  for (const [id, status, v] of related) {
    assert.match(status, /^(met|at-risk|missed)$/, id);
    assert.ok(Number.isFinite(v) && v > 0, `${id}: ${v}`);
  }
  assert.equal(await page.$$eval('[data-target]', (els) => els.length), guideline, 'not counted with the guideline\'s');
  assert.equal(await page.$$eval('.related [data-target]', (els) => els.length), 0);
  assert.match(await page.textContent('.related h3'), /其他规划的目标/);
  const pzh = await page.textContent('[data-related="pzh_vti_value"]');
  assert.match(pzh, /攀枝花市2026年政府工作报告/);
  assert.match(await page.textContent('[data-related="re_scale"]'), /稀土/);
  assert.match(await page.textContent('[data-related="tio2_capacity"]'), /钒钛产业基地规划/);
  await page.click('[data-action="toggle-lang"]');
  await page.waitForFunction(() => document.querySelector('.related h3').textContent.includes("Other plans' targets"));
  assert.match(await page.textContent('[data-related="pzh_vti_value"]'), /Panzhihua 2026 government work report/);
  assert.match(await page.textContent('[data-related="vti_base_value"]'), /V-Ti base plan/);
  await page.click('[data-action="toggle-lang"]');
  await context.close();
});

test('published figures are drawn on the production chart and described as what they are, in both languages', async () => {
  const { context, page } = await open('?lang=zh');
  // Each chart, once drawn, says how many published figures it drew as points.
  for (const c of await page.$$('canvas[data-chart]')) await c.scrollIntoViewIfNeeded();
  await page.waitForFunction(() => [...document.querySelectorAll('canvas[data-chart]')].every((c) => c.dataset.publishedPoints !== undefined));
  const points = await page.$$eval('canvas[data-chart]', (cs) => Object.fromEntries(cs.map((c) => [c.dataset.chart, Number(c.dataset.publishedPoints)])));
  assert.deepEqual(points, { output_value: 1, co2: 0, energy: 0, production: 4, iron_concentrate: 0 },
    'Pangang sales and half-year figures for V2O5 and TiO2, the province\'s 2022 ferrous revenue beside steel output value (a part: revenue, not output value); national figures are not drawn');
  const prodCanvas = 'canvas[data-chart="production"]';
  await page.$eval(prodCanvas, (c) => c.scrollIntoView());
  assert.ok(await page.$('[data-chart-figure="production"] .published-key[data-basis="part"]'), 'the legend explains the hollow triangle');
  assert.match(await page.textContent('[data-chart-figure="production"] .published-key[data-basis="part"]'), /部分口径/);
  await table(page, 'production');
  const rows = await page.$$eval('table[data-published-table="production"] tr[data-published]',
    (trs) => trs.map((r) => ({ key: r.dataset.published, basis: r.dataset.basis, text: r.textContent })));
  assert.equal(rows.filter((r) => r.basis === 'part').length, 4);
  const sales = rows.find((r) => r.key === 'v2o5' && r.text.startsWith('2021'));
  assert.equal(sales.basis, 'part');
  assert.match(sales.text, /攀钢钒钛钒制品销量，非全省产量/);
  assert.match(rows.find((r) => r.key === 'tio2' && r.text.startsWith('2020') && r.basis === 'part').text, /仅2020年上半年/);
  const national = rows.filter((r) => r.basis === 'national');
  assert.ok(national.length >= 10, `national figures as Sichuan's share (${national.length})`);
  for (const r of national) assert.match(r.text, /四川（当前情景）占全国 \d+\.\d%/);
  assert.ok(national.some((r) => r.key === 'reo' && /冶炼分离总量控制指标/.test(r.text)), 'the national rare-earth quota');
  // The tooltip over 2021 names the company sales figure.
  const box = await page.$eval(prodCanvas, (c) => {
    c.scrollIntoView({ block: 'center' });
    const r = c.getBoundingClientRect();
    return [r.x, r.y, r.width, r.height];
  });
  await page.mouse.move(box[0] + 70 + (box[2] - 78) * (1 / 15), box[1] + box[3] / 2);
  await page.waitForSelector('[data-chart-figure="production"] .tooltip li.published[data-basis="part"]');
  assert.match(await page.textContent('[data-chart-figure="production"] .tooltip'), /销量，非全省产量/);
  // Each figure carries its mark, drawn as an image, not text; and the tooltip is whole inside its chart at both
  // ends of the axis (the chart clips what sticks out).
  assert.equal(await page.$$eval('[data-chart-figure="production"] .tooltip li.published', (li) => li.filter((l) => !l.querySelector('svg.mark path')).length), 0);
  for (const f of [1 / 15, 14 / 15]) {
    await page.mouse.move(box[0] + 70 + (box[2] - 78) * f, box[1] + box[3] / 2);
    await page.waitForTimeout(100);
    const [l, r] = await page.$eval('[data-chart-figure="production"] .tooltip', (t) => {
      const a = t.getBoundingClientRect(); const b = t.closest('figure').getBoundingClientRect();
      return [a.left - b.left, b.right - a.right];
    });
    assert.ok(l >= 0 && r >= 0, `tooltip inside the chart at ${f.toFixed(2)}: ${l}, ${r}`);
  }
  await page.mouse.move(0, 0);
  await page.waitForTimeout(100);
  // Hiding the V2O5 line hides its two published points with it.
  await page.click('[data-chart-figure="production"] [data-series="v2o5"]');
  await page.waitForFunction((s) => document.querySelector(s).dataset.publishedPoints === '2', prodCanvas);
  await page.click('[data-chart-figure="production"] [data-series="v2o5"]');
  await page.waitForFunction((s) => document.querySelector(s).dataset.publishedPoints === '4', prodCanvas);
  // English says the same.
  await page.click('[data-action="toggle-lang"]');
  await page.waitForFunction(() => document.querySelector('table[data-published-table="production"] caption').textContent.startsWith('Published'));
  const en = await page.textContent('table[data-published-table="production"]');
  assert.match(en, /Pangang V-Ti vanadium product sales, not provincial output/);
  assert.match(en, /2020 H1 only/);
  assert.match(en, /Sichuan \(this scenario\) as a share of China/);
  await page.click('[data-action="toggle-lang"]');
  await context.close();
});

test('every chart has a text description for assistive technology, in Chinese and in English', async () => {
  const { context, page } = await open('?lang=zh');
  const read = () => page.$$eval('canvas[data-chart]', (cs) => cs.map((c) => {
    const d = document.getElementById(c.getAttribute('aria-describedby'));
    return [c.dataset.chart, d?.dataset.chartDesc, d?.textContent || ''];
  }));
  await page.waitForFunction(() => [...document.querySelectorAll('[data-chart-desc]')].every((d) => d.textContent.length > 40));
  const zh = await read();
  assert.equal(zh.length, 5);
  for (const [chart, key, text] of zh) {
    assert.equal(key, chart);
    assert.match(text, /2035年/, `${chart}: the latest value`);
    assert.match(text, /[\u4e00-\u9fff]/);
  }
  assert.match(zh.find((x) => x[0] === 'output_value')[2], /2025年目标 6,000亿元：当前情景为[\d,]+，差距−[\d,]+（−\d+%）/, 'the gap to the target');
  assert.match(zh.find((x) => x[0] === 'co2')[2], /下降|上升|基本持平/, 'the trend');
  assert.match(zh.find((x) => x[0] === 'production')[2], /图中标出4个已公布数据（空心三角：部分口径，如企业销量或半年数据，非全省产量）/, 'published figures say what they are');
  // Visually hidden, yet in the accessibility tree.
  const size = await page.$eval('[data-chart-desc="co2"]', (d) => [d.offsetWidth, d.offsetHeight]);
  assert.ok(size[0] <= 1 && size[1] <= 1, `hidden: ${size}`);
  await page.click('[data-action="toggle-lang"]');
  await page.waitForFunction(() => document.querySelector('[data-chart-desc="co2"]').textContent.startsWith('CO2 emissions'));
  const en = await read();
  for (const [chart, , text] of en) {
    assert.match(text, /in 2035/, chart);
    assert.doesNotMatch(text, /[\u4e00-\u9fff]/, `${chart}: no Chinese in English`);
  }
  assert.match(en.find((x) => x[0] === 'output_value')[2], /2025 target: 600 billion yuan; this scenario gives [\d,.]+, −[\d,.]+ \(−\d+%\) from it/);
  // It follows the scenario once the change settles.
  const before = en.find((x) => x[0] === 'co2')[2];
  await page.$eval('[data-lever="eaf_swap"]', (el) => {
    el.value = '500';
    el.dispatchEvent(new Event('input', { bubbles: true }));
    el.dispatchEvent(new Event('change', { bubbles: true }));
  });
  await page.waitForFunction((b) => document.querySelector('[data-chart-desc="co2"]').textContent !== b, before);
  assert.match(await page.textContent('[data-chart-desc="co2"]'), /; this scenario −\d+%\./);
  await page.click('[data-action="toggle-lang"]');
  await context.close();
});

test('screenshots: the explorer with a 2026 policy start and the scorecard, desktop and phone', async () => {
  for (const [name, viewport] of [['desktop', { width: 1440, height: 900 }], ['phone', { width: 390, height: 844 }]]) {
    const { context, page } = await open('?s=1,eaf_swap:600,swap_vti_share:1,from:2026&lang=zh', viewport);
    assert.deepEqual(await policyFrom(page), ['2026', '2026']);
    const overflow = await drawAllCharts(page);
    assert.ok(overflow <= 0, `${name}: no horizontal overflow (${overflow}px)`);
    await page.screenshot({ path: path.join(ARTIFACTS, `history-${name}.png`) });
    await page.$eval('canvas[data-chart="production"]', (c) => c.scrollIntoView({ block: 'center' }));
    await page.waitForTimeout(150);
    await page.screenshot({ path: path.join(ARTIFACTS, `history-${name}-production.png`) });
    await page.$eval('.scorecard', (s) => s.scrollIntoView());
    await page.waitForTimeout(150);
    await page.screenshot({ path: path.join(ARTIFACTS, `history-${name}-scorecard.png`) });
    await page.$eval('.related', (s) => s.scrollIntoView());
    await page.waitForTimeout(150);
    await page.screenshot({ path: path.join(ARTIFACTS, `history-${name}-related.png`) });
    await context.close();
  }
});

test('no console errors during the run', () => {
  assert.deepEqual(consoleErrors, []);
});
