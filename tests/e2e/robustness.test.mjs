// Robustness in the default test run: accessibility (axe-core, keyboard), every lever at its extremes in the
// UI, and a soak of 10,000 lever moves with bounded memory and no console error.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { execFileSync } from 'node:child_process';
import { useApp, trackErrors, moveLeversAndMeasure, ROOT } from './lib.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = ROOT;
const AXE = fs.readFileSync(path.join(here, 'node_modules/axe-core/axe.min.js'), 'utf8');
const consoleErrors = [];
const app = useApp(['--enable-precise-memory-info', '--js-flags=--expose-gc']);

async function open(query, viewport = { width: 1440, height: 900 }) {
  const context = await app.browser.newContext({ viewport });
  await context.addInitScript(() => addEventListener('TrunkApplicationStarted', (e) => { window.__wasm = e.detail.wasm; }));
  const page = await context.newPage();
  trackErrors(page, consoleErrors);
  await page.goto(app.base + query);
  await page.waitForSelector('html[data-app] [data-headline="co2_2030"]');
  return { context, page };
}

async function axe(page) {
  await page.addScriptTag({ content: AXE });
  const r = await page.evaluate(async () => window.axe.run(document, { resultTypes: ['violations'] }));
  return r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
}

test('axe-core finds no serious or critical violations at desktop and phone sizes in both languages', async () => {
  for (const lang of ['zh', 'en']) {
    for (const [name, viewport] of [['desktop', { width: 1440, height: 900 }], ['phone', { width: 390, height: 844 }]]) {
      for (const view of ['', '&view=guideline', '&view=assumptions', '&view=model', '&view=analysis', '&embed=1&charts=co2,energy&levers=eaf_swap,renewable_exemption']) {
        const { context, page } = await open(`?lang=${lang}${view}`, viewport);
        if (view.includes('view=analysis')) await page.waitForSelector('[data-result="tornado"] svg');
        // The page's content is there (on a phone the assumptions' chain groups start closed, so attached,
        // not necessarily visible).
        else if (view.includes('view=')) await page.waitForSelector('[data-section], [data-param], [data-chain]', { state: 'attached' });
        const found = await axe(page);
        assert.deepEqual(found, [], `${lang} ${name} ${view || 'explorer'}`);
        await context.close();
      }
    }
  }
});

test('every control is reachable by keyboard in a sensible order', async () => {
  const { context, page } = await open('?lang=en');
  const seen = [];
  for (let i = 0; i < 260; i++) {
    await page.keyboard.press('Tab');
    seen.push(await page.evaluate(() => {
      const e = document.activeElement;
      return e ? (e.dataset.lever ? `lever:${e.dataset.lever}` : e.dataset.action ? `action:${e.dataset.action}` : e.dataset.series ? 'legend' : e.tagName.toLowerCase()) : 'none';
    }));
  }
  const levers = await page.$$eval('[data-lever]', (els) => els.map((e) => `lever:${e.dataset.lever}`));
  for (const l of levers) assert.ok(seen.includes(l), `${l} reachable by Tab`);
  assert.ok(seen.indexOf('action:toggle-lang') >= 0 && seen.indexOf('action:toggle-lang') < seen.indexOf('action:scenarios'), 'header before toolbar');
  assert.ok(seen.indexOf('lever:eaf_swap') < seen.indexOf('legend'), 'levers before the charts');
  await context.close();
});

// The lever table, from the CLI (the same table the app uses).
const LEVERS = execFileSync('cargo', ['run', '-q', '--offline', '--bin', 'vtre', '--', 'levers'], { cwd: root, encoding: 'utf8' })
  .trim().split('\n').slice(1).map((l) => {
    const [id, , , min, max, step] = l.split(',');
    return { id, min: Number(min), max: Number(max), step: Number(step) };
  });

/** Opens every chart's data table, waits until the app has rendered all five with their rows, and returns
 * { cells: table cells, shown: headline and card figures } as text. */
async function numbersShown(page) {
  await page.$$eval('button.table-toggle[aria-expanded="false"]', (bs) => bs.forEach((b) => b.click()));
  await page.waitForFunction(() => {
    const tables = document.querySelectorAll('.table-wrap table[data-table]');
    return tables.length === 5 && [...tables].every((t) => t.querySelectorAll('tbody tr').length >= 16);
  });
  return page.evaluate(() => ({
    cells: [...document.querySelectorAll('.table-wrap table[data-table] tbody td')].map((e) => {
      const i = [...e.parentNode.children].indexOf(e);
      return { head: e.closest('table').querySelectorAll('thead th')[i]?.textContent ?? '', text: e.textContent };
    }),
    shown: [...document.querySelectorAll('[data-headline], .card dd')].map((e) => e.textContent),
  }));
}

test('every lever at its extremes, alone and in combinations, shows no NaN, infinity or negative nonsense', async () => {
  const rnd = ((s) => () => (s = (s * 1103515245 + 12345) % 2147483648) / 2147483648)(7);
  const scenarios = [];
  for (const l of LEVERS) { scenarios.push(`${l.id}:${l.min}`); scenarios.push(`${l.id}:${l.max}`); }
  scenarios.push(LEVERS.map((l) => `${l.id}:${l.min}`).join(','));
  scenarios.push(LEVERS.map((l) => `${l.id}:${l.max}`).join(','));
  for (let i = 0; i < 12; i++) scenarios.push(LEVERS.map((l) => `${l.id}:${rnd() < 0.5 ? l.min : l.max}`).join(','));
  const { context, page } = await open('?lang=en');
  for (const s of scenarios) {
    await page.goto(`${app.base}?lang=en&s=1,${s}`);
    await page.waitForSelector('html[data-app] [data-headline="co2_2030"]');
    const { cells, shown } = await numbersShown(page);
    // Five tables of 16 years, each with at least one line: something to check.
    assert.ok(cells.length >= 5 * 16 * 2, `${s}: ${cells.length} table cells`);
    assert.ok(shown.length >= 4, `${s}: ${shown.length} figures`);
    for (const t of [...cells.map((c) => c.text), ...shown]) {
      assert.ok(!/NaN|Infinity|∞|undefined/.test(t), `${s}: ${t}`);
    }
    // Every quantity in the tables (output value, CO2, energy, production, iron concentrate) is >= 0: no
    // number in a cell starts with a minus sign. The one signed series is the iron-concentrate gap (demand less
    // local output: below zero is a surplus; its 10 % quantile is below zero in 2020 in the reference).
    for (const c of cells) {
      if (/gap/i.test(c.head)) continue;
      assert.ok(!/(^|\s|\()[-−]\d/.test(c.text.trim()), `${s}: negative cell ${c.head} ${c.text}`);
    }
    assert.ok(cells.some((c) => /gap/i.test(c.head)) && cells.filter((c) => !/gap/i.test(c.head)).length >= 5 * 16,
      `${s}: the gap is one column among many`);
    const headline = await page.$$eval('[data-headline]', (els) => els.map((e) => Number(e.dataset.value)));
    for (const v of headline) assert.ok(Number.isFinite(v) && v >= 0, `${s}: headline ${v}`);
  }
  await context.close();
});

// Each of the 10,000 moves is fully handled before the next (the model, the DOM and the canvas of every chart
// on screen: the app's effects run in the microtasks the loop awaits after every move); the browser paints
// once per 50 moves, when the loop yields a task. The page then shows exactly what the last scenario shows
// when opened afresh.
test('soak: 10,000 lever moves, each handled, with no console error, bounded memory and the right end state', async () => {
  const { context, page } = await open('?lang=en');
  const run = (n, seed) => moveLeversAndMeasure(page, n, seed);
  const m100 = await run(100, 1);
  const m10k = await run(9900, 2);
  await page.waitForTimeout(400);
  const end = await page.evaluate(() => ({
    url: location.search,
    headline: [...document.querySelectorAll('[data-headline]')].map((e) => e.dataset.value),
  }));
  const fresh = await context.newPage();
  await fresh.goto(app.base + end.url);
  await fresh.waitForSelector('html[data-app] [data-headline="co2_2030"]');
  assert.deepEqual(await fresh.$$eval('[data-headline]', (els) => els.map((e) => e.dataset.value)), end.headline,
    'after 10,000 moves the headline is the last scenario\'s');
  const growth = (m10k.js + m10k.wasm - m100.js - m100.wasm) / 1024 / 1024;
  fs.writeFileSync(path.join(root, 'artifacts', 'soak.json'), JSON.stringify({ m100, m10k, growthMB: growth }, null, 2));
  assert.ok(growth < 5, `memory grew ${growth.toFixed(2)} MB between 100 and 10,000 moves`);
  assert.deepEqual(consoleErrors, []);
  await context.close();
});
