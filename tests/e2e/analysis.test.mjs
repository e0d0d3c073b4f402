// End-to-end tests of the uncertainty and analysis features (issue #13) against the release build:
// ensembles in idle slices (data-ensemble running → ready), the probability on every scored card equal to the
// CLI's (`vtre targets --members 1000 --seed 1`), bands on the charts (pixels and the data table), headline
// ranges, and the analysis page: tornado, goal-seek with Apply as one undoable edit, contributions waterfall.

import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { useApp, trackErrors, ARTIFACTS, DIST, ROOT, openApp, chartImage, chartRedrawn } from './lib.mjs';

const consoleErrors = [];
before(() => assert.ok(fs.existsSync(path.join(DIST, 'index.html')), 'dist/index.html exists (run trunk build --release first)'));
const app = useApp();

const open = (viewport = { width: 1440, height: 900 }, query = '') => openApp(app, consoleErrors, { query, viewport, hiDpi: true });

const ensembleState = (page) => page.$eval('[data-ensemble]', (e) => e.dataset.ensemble);
const ready = (page, timeout = 10000) => page.waitForFunction(() => document.querySelector('[data-ensemble]')?.dataset.ensemble === 'ready', null, { timeout });

/** The CLI's target table with probabilities: { target_id: probability or null }. */
function cliProbabilities(scenarioFile) {
  const args = ['run', '-q', '--offline', '--bin', 'vtre', '--', 'targets', '--members', '1000', '--seed', '1'];
  if (scenarioFile) args.push('--scenario', scenarioFile);
  const csv = execFileSync('cargo', args, { cwd: ROOT, encoding: 'utf8' }).trim().split('\n');
  const head = csv[0].split(',');
  const col = head.indexOf('probability');
  assert.ok(col > 0, `the CLI prints a probability column: ${csv[0]}`);
  return Object.fromEntries(csv.slice(1).map((l) => l.split(',')).map((r) => [r[0], r[col] === '' ? null : Number(r[col])]));
}

/** As cliProbabilities, with another seed. */
function cliProbabilitiesSeed(scenarioFile, seed) {
  const csv = execFileSync('cargo', ['run', '-q', '--offline', '--bin', 'vtre', '--', 'targets', '--members', '1000', '--seed', String(seed), '--scenario', scenarioFile], { cwd: ROOT, encoding: 'utf8' }).trim().split('\n');
  const col = csv[0].split(',').indexOf('probability');
  return Object.fromEntries(csv.slice(1).map((l) => l.split(',')).map((r) => [r[0], r[col] === '' ? null : Number(r[col])]));
}

/** `vtre ensemble --members 1000 --seed 1`: { "year,series": { p10, p90 } }. */
function cliQuantiles(scenarioFile) {
  const csv = execFileSync('cargo', ['run', '-q', '--offline', '--bin', 'vtre', '--', 'ensemble', '--members', '1000', '--seed', '1', '--scenario', scenarioFile], { cwd: ROOT, encoding: 'utf8' }).trim().split('\n');
  const head = csv[0].split(',');
  assert.deepEqual(head, ['year', 'series', 'p5', 'p10', 'p50', 'p90', 'p95']);
  return Object.fromEntries(csv.slice(1).map((l) => l.split(',')).map((r) => [`${r[0]},${r[1]}`, { p10: Number(r[3]), p90: Number(r[5]) }]));
}

test('the ensemble runs after load and after a lever move, running → ready, within a reasonable time', async () => {
  const { context, page } = await open();
  await ready(page);
  // A lever move drops the old results at once and brings new ones shortly after the moves stop.
  await page.focus('[data-lever="eaf_swap"]');
  const t0 = Date.now();
  await page.keyboard.press('ArrowRight');
  assert.equal(await ensembleState(page), 'running', 'running right after the move');
  assert.equal(await page.$$eval('[data-probability]', (e) => e.length), 0, 'no probabilities claimed for the new scenario yet');
  await ready(page, 5000);
  const ms = Date.now() - t0;
  console.log(`ensemble of 1,000 members ready ${ms} ms after a lever move (settle 100 ms + slices)`);
  assert.ok(ms < 3000, `ready in ${ms} ms`);
  await context.close();
});

test('every scored card carries data-probability in [0, 1], equal to the CLI\'s for the reference', async () => {
  const { context, page } = await open();
  await ready(page);
  const cards = await page.$$eval('[data-target]', (els) => els.map((e) => ({
    id: e.dataset.target, status: e.dataset.status, p: e.dataset.probability ?? null,
    text: e.querySelector('.probability')?.textContent ?? '',
  })));
  const cli = cliProbabilities();
  assert.ok(cards.length >= 8);
  for (const c of cards) {
    if (c.status === 'unquantified') {
      assert.equal(c.p, null, `${c.id}: no probability for the unquantified target`);
      assert.equal(cli[c.id], null);
      continue;
    }
    assert.notEqual(c.p, null, `${c.id} has data-probability`);
    const p = Number(c.p);
    assert.ok(p >= 0 && p <= 1, `${c.id}: ${p} in [0, 1]`);
    assert.equal(p, cli[c.id], `${c.id}: browser ${p} = CLI ${cli[c.id]}`);
    assert.match(c.text, /^(<1|>99|\d{1,3})%$/, `${c.id} shows the share: ${c.text}`);
  }
  assert.match(await page.textContent('[data-target="carbon_peak"]'), /达到目标的概率/);
  await page.click('[data-action="toggle-lang"]');
  await page.waitForFunction(() => document.querySelector('[data-target="carbon_peak"]').textContent.includes('Chance of reaching it'));
  await context.close();
});

test('a changed scenario\'s probabilities equal the CLI\'s for the same scenario file', async () => {
  const { context, page } = await open({ width: 1440, height: 900 }, '?s=1,eaf_swap:600,grid_factor:0.3,v_recovery:60');
  await ready(page);
  const file = path.join(ARTIFACTS, 'analysis-scenario.json');
  fs.writeFileSync(file, JSON.stringify({ eaf_swap: 600, grid_factor: 0.3, v_recovery: 60 }));
  const cli = cliProbabilities(file);
  const got = await page.$$eval('[data-probability]', (els) => els.map((e) => [e.dataset.target, Number(e.dataset.probability)]));
  assert.ok(got.length >= 8);
  for (const [id, p] of got) assert.equal(p, cli[id], `${id}: ${p} vs CLI ${cli[id]}`);
  // The comparison can tell: some chance is strictly between 0 and 1 here, and another seed gives another
  // chance for one of them (so a browser with the wrong seed would fail above).
  const between = got.filter(([, p]) => p > 0 && p < 1).map(([id]) => id);
  assert.ok(between.length >= 1, `a chance strictly between 0 and 1: ${JSON.stringify(got)}`);
  const other = cliProbabilitiesSeed(file, 2);
  assert.ok(between.some((id) => other[id] !== cli[id]), `seed 2 differs from seed 1 on ${between.join(', ')}`);
  // The headline's ranges are the quantiles `vtre ensemble` gives for the same scenario, seed and members.
  const q = cliQuantiles(file);
  for (const [id, key] of [['output_value_2025', '2025,output_value_total'], ['co2_2030', '2030,co2_total']]) {
    const h = await page.$eval(`[data-headline="${id}"]`, (e) => ({ lo: Number(e.dataset.p10), hi: Number(e.dataset.p90) }));
    assert.ok(Math.abs(h.lo - q[key].p10) < 1e-4 * Math.abs(q[key].p10), `${id} p10: browser ${h.lo}, CLI ${q[key].p10}`);
    assert.ok(Math.abs(h.hi - q[key].p90) < 1e-4 * Math.abs(q[key].p90), `${id} p90: browser ${h.hi}, CLI ${q[key].p90}`);
  }
  await context.close();
});

test('bands are drawn behind the lines, can be switched off, and the table gets p10/p90 columns', async () => {
  const { context, page } = await open();
  await page.waitForFunction(() => document.querySelector('canvas[data-chart="co2"]')?.width > 300);
  await ready(page);
  // Pixels: the CO2 chart differs with and without bands, and the band switch is what changes it.
  await page.waitForTimeout(100);
  const withBands = await chartImage(page, 'canvas[data-chart="co2"]');
  assert.equal(await page.$eval('[data-action="toggle-bands"]', (b) => b.getAttribute('aria-pressed')), 'true');
  await page.click('[data-action="toggle-bands"]');
  const without = await chartRedrawn(page, 'canvas[data-chart="co2"]', withBands);
  assert.notEqual(without, withBands, 'switching bands off redraws without them');
  assert.ok(await page.$eval('[data-band-legend]', (e) => e.hidden), 'the band legend hides with the bands');
  // Count tinted pixels above the line: a band paints the area around the total CO2 line.
  const tinted = (url) => page.evaluate(async (u) => {
    const img = new Image(); img.src = u; await img.decode();
    const c = document.createElement('canvas'); c.width = img.width; c.height = img.height;
    const g = c.getContext('2d'); g.drawImage(img, 0, 0);
    const d = g.getImageData(0, 0, c.width, c.height).data;
    let n = 0;
    for (let i = 0; i < d.length; i += 4) { const [r, gg, b] = [d[i], d[i + 1], d[i + 2]]; if (r < 250 && r > 150 && Math.abs(r - gg) < 30 && Math.abs(gg - b) < 40 && b > 150) n++; }
    return n;
  }, url);
  const a = await tinted(withBands); const b = await tinted(without);
  assert.ok(a > b + 1000, `bands tint the plot: ${a} vs ${b} light pixels`);
  await page.click('[data-action="toggle-bands"]');
  // The data table lists each band's p10 and p90.
  await page.click('[data-chart-figure="co2"] .table-toggle');
  await page.waitForSelector('table[data-table="co2"]');
  const heads = await page.$$eval('table[data-table="co2"] thead th', (ths) => ths.map((t) => t.textContent));
  assert.ok(heads.some((h) => h.endsWith(' p10')) && heads.some((h) => h.endsWith(' p90')), heads.join(' | '));
  // The legend says what a band is, in both languages.
  assert.match(await page.getAttribute('[data-chart-figure="co2"] [data-band-legend]', 'title'), /不是预测/);
  await page.click('[data-action="toggle-lang"]');
  await page.waitForFunction(() => document.querySelector('[data-band-legend]').title.includes('not a forecast'));
  await context.close();
});

test('the headline shows the 10–90 % range of the 2025 output value and the 2030 CO2', async () => {
  const { context, page } = await open();
  await ready(page);
  for (const id of ['output_value_2025', 'co2_2030']) {
    const h = await page.$eval(`[data-headline="${id}"]`, (e) => ({ v: Number(e.dataset.value), lo: Number(e.dataset.p10), hi: Number(e.dataset.p90), text: e.textContent, title: e.title }));
    assert.ok(h.lo < h.v && h.v < h.hi, `${id}: ${h.lo} < ${h.v} < ${h.hi}`);
    assert.match(h.text, /\(\d[\d,.]*–\d[\d,.]*\)/, h.text);
    assert.match(h.title, /10–90%/);
  }
  await context.close();
});

const svgRects = (page, name) => page.$$eval(`[data-result="${name}"] svg rect`, (r) => r.length);

test('the analysis page draws a tornado of the ten inputs that move the chosen result most', async () => {
  const { context, page } = await open({ width: 1440, height: 900 }, '?view=analysis');
  await page.waitForSelector('[data-result="tornado"] svg');
  // Ten bars of two segments each, plus the legend's two swatches.
  assert.equal(await svgRects(page, 'tornado'), 22);
  const label = await page.$eval('[data-result="tornado"] svg', (s) => s.getAttribute('aria-label'));
  assert.match(label, /产业规模/);
  // Another result and year redraws it.
  await page.selectOption('[data-pick="tornado-measure"]', 's:co2_total');
  await page.selectOption('[data-pick="tornado-year"]', '2035');
  await page.waitForFunction(() => document.querySelector('[data-result="tornado"] svg')?.getAttribute('aria-label').includes('2035'));
  assert.match(await page.textContent('[data-result="tornado"]'), /电网排放因子|grid/i);
  // English.
  await page.click('[data-action="toggle-lang"]');
  await page.waitForFunction(() => document.querySelector('[data-result="tornado"] svg')?.getAttribute('aria-label').includes('Total CO2'));
  assert.equal(await page.$eval('[data-pick="tornado-measure"]', (s) => s.value), 's:co2_total', 'choices survive the language switch');
  await context.close();
});

test('goal-seek finds the lever value, Apply makes it one edit and Undo restores the scenario', async () => {
  const { context, page } = await open({ width: 1440, height: 900 }, '?view=analysis');
  await page.waitForSelector('[data-result="seek"] p');
  await page.selectOption('[data-pick="seek-target"]', 'v_recovery');
  await page.selectOption('[data-pick="seek-lever"]', 'v_recovery');
  await page.waitForSelector('[data-result="seek"] [data-apply="seek"]');
  const text = await page.textContent('[data-result="seek"]');
  assert.match(text, /即可达成/, text);
  const urlBefore = page.url();
  await page.click('[data-apply="seek"]');
  // The answer re-simulated meets the target: the page now says the current value meets it.
  await page.waitForFunction(() => /已达成目标/.test(document.querySelector('[data-result="seek"]').textContent));
  await page.click('[data-view="explorer"]');
  await page.waitForSelector('[data-lever="v_recovery"]');
  const applied = Number(await page.$eval('[data-lever="v_recovery"]', (e) => e.value));
  assert.ok(applied > 55, `v_recovery moved from 55 to ${applied}`);
  assert.equal(await page.$eval('[data-target="v_recovery"]', (e) => e.dataset.status), 'met');
  await page.click('[data-action="undo"]');
  await page.waitForFunction(() => document.querySelector('[data-lever="v_recovery"]').value === '55');
  assert.equal(await page.$eval('[data-target="v_recovery"]', (e) => e.dataset.status), 'at-risk', 'one undo restores it');
  assert.ok(await page.$eval('[data-action="undo"]', (b) => b.disabled), 'it was a single edit');
  void urlBefore;
  await context.close();
});

test('goal-seek to a confidence names its members and seed and reaches the chance asked (issue 25)', async () => {
  const { context, page } = await open({ width: 1440, height: 900 }, '?view=analysis');
  await page.waitForSelector('[data-result="seek"] p');
  await page.selectOption('[data-pick="seek-target"]', 'energy_intensity');
  await page.selectOption('[data-pick="seek-lever"]', 'eaf_swap');
  await page.selectOption('[data-pick="seek-confidence"]', '80');
  await page.waitForSelector('[data-result="confident"] [data-chance]', { timeout: 60000 });
  const chance = Number(await page.$eval('[data-result="confident"] [data-chance]', (p) => p.dataset.chance));
  const text = await page.textContent('[data-result="confident"]');
  assert.ok(chance >= 0.8, `${chance}`);
  assert.match(text, /500个集合成员，随机种子1/, text);
  // A price is not a policy: the section says so instead of searching.
  await page.selectOption('[data-pick="seek-lever"]', 'steel_price');
  await page.waitForFunction(() => /只调政策杠杆/.test(document.querySelector('[data-result="confident"]').textContent));
  await context.close();
});

test('the best reachable setting is listed for every scored target and can be applied', async () => {
  const { context, page } = await open({ width: 1440, height: 900 }, '?view=analysis');
  await page.waitForFunction(() => document.querySelectorAll('[data-result="best"] tr[data-best]').length === 8, null, { timeout: 20000 });
  const rows = await page.$$eval('[data-result="best"] tr[data-best]', (trs) => trs.map((t) => [t.dataset.best, t.dataset.status]));
  // Policy levers only (issue 21): prices are not moved, and they alone do not reach the 6,000亿 scale.
  assert.deepEqual(rows.find((r) => r[0] === 'industry_scale'), ['industry_scale', 'missed'], 'policy levers alone do not reach the 6,000亿 scale');
  assert.deepEqual(rows.find((r) => r[0] === 'v_recovery'), ['v_recovery', 'met'], 'a setting meets the vanadium recovery target');
  await page.click('[data-apply="best:v_recovery"]');
  await page.click('[data-view="explorer"]');
  await page.waitForSelector('[data-target="v_recovery"]');
  assert.equal(await page.$eval('[data-target="v_recovery"]', (e) => e.dataset.status), 'met');
  await context.close();
});

test('the contributions waterfall splits a scenario\'s change into parts that add up, from the explorer and the compare view', async () => {
  const s = '?s=1,eaf_swap:600,swap_vti_share:1,grid_factor:0.3,v_recovery:60&view=analysis';
  const { context, page } = await open({ width: 1440, height: 900 }, s);
  await page.waitForSelector('[data-result="waterfall"] svg');
  const note = await page.$eval('[data-result="waterfall"] [data-parts]', (p) => ({ parts: Number(p.dataset.parts), sum: Number(p.dataset.sum), total: Number(p.dataset.total), text: p.textContent }));
  assert.equal(note.parts, 4);
  assert.ok(Math.abs(note.sum - note.total) <= 1e-9 * Math.max(1, Math.abs(note.total)), `${note.sum} vs ${note.total}`);
  assert.match(note.text, /精确Shapley值，16次模型运行/);
  // Reference, four parts, this scenario, and two legend swatches.
  assert.equal(await svgRects(page, 'waterfall'), 8);
  // Issue 25: the changes' one-at-a-time effects plus their interaction make the same total.
  const inter = await page.$eval('[data-result="waterfall"] [data-interaction]', (p) => ({ interaction: Number(p.dataset.interaction), alone: Number(p.dataset.sumAlone), text: p.textContent }));
  assert.ok(Math.abs(inter.alone + inter.interaction - note.total) <= 1e-9 * Math.max(1, Math.abs(note.total)), `${inter.alone} + ${inter.interaction} vs ${note.total}`);
  assert.match(inter.text, /单独作用之和/);
  // From the compare view: compare a preset, then open its contributions.
  await page.click('[data-view="explorer"]');
  await page.click('[data-action="scenarios"]');
  await page.click('[data-preset="green_low_carbon"] [data-action="compare-preset"]');
  await page.waitForSelector('[data-action="contributions"]');
  await page.click('[data-action="contributions"]');
  await page.waitForSelector('[data-result="waterfall"] [data-parts]');
  assert.equal(await page.$eval('[data-pick="wf-scenario"]', (s) => s.value), 'cmp0');
  const preset = await page.$eval('[data-result="waterfall"] [data-parts]', (p) => ({ parts: Number(p.dataset.parts), sum: Number(p.dataset.sum), total: Number(p.dataset.total) }));
  assert.ok(preset.parts > 1);
  assert.ok(Math.abs(preset.sum - preset.total) <= 1e-9 * Math.max(1, Math.abs(preset.total)), `${preset.sum} vs ${preset.total}`);
  await context.close();
});

test('no console errors in the analysis tests', () => {
  assert.deepEqual(consoleErrors, []);
});
