// The charts drawn in the drawing worker (issue 20, "every move within a frame"; src/ui/state/draw.rs,
// crates/worker/src/draw.rs): after the first lever move the canvases are handed to a second instance of the
// analysis worker's script, which draws them off the page's main thread. Moves, the crosshair tooltip, hiding
// a line and the PNG export keep working; where a canvas cannot be handed over, the worker cannot start, or
// it stops, the page draws the charts itself.

import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { useApp, trackErrors, DIST, chartImage, chartRedrawn } from './lib.mjs';

before(() => assert.ok(fs.existsSync(path.join(DIST, 'index.html')), 'dist/index.html exists (run trunk build --release first)'));
const app = useApp();

const CO2 = 'canvas[data-chart="co2"]';

/** Opens the explorer at 1440×900 ×2 with `init` run before the page's scripts; records errors and workers. */
async function open(init) {
  const context = await app.browser.newContext({ viewport: { width: 1440, height: 900 }, deviceScaleFactor: 2 });
  if (init) await context.addInitScript(init);
  const page = await context.newPage();
  const errors = [];
  trackErrors(page, errors);
  const workers = [];
  page.on('worker', (w) => workers.push(w));
  await page.goto(app.base);
  await page.waitForSelector('html[data-app] [data-headline="co2_2030"]');
  await page.waitForFunction((s) => document.querySelector(s)?.width > 300, CO2);
  return { context, page, errors, workers };
}

/** Steps the BF→EAF swap `n` times with the keyboard. */
async function step(page, n = 1, key = 'ArrowRight') {
  await page.focus('[data-lever="eaf_swap"]');
  for (let i = 0; i < n; i++) await page.keyboard.press(key);
}

/** Who draws the chart: 'worker' when the page cannot draw on its canvas (handed over), else 'page'. */
const drawer = (page, sel = CO2) => page.$eval(sel, (c) => { try { return c.getContext('2d') ? 'page' : 'none'; } catch { return 'worker'; } });
const handedOver = (page) => page.$$eval('canvas[data-chart]', (cs) => cs.filter((c) => c.dataset.drawnIn === 'worker').map((c) => c.dataset.chart));

test('after the first move the worker draws the charts on screen; moves, the tooltip, the legend and PNG export work', async () => {
  const { context, page, errors, workers } = await open();
  // Before any interaction the page draws (the worker is not even loaded: nothing to fetch for a reader who
  // only looks).
  assert.equal(await drawer(page), 'page');
  assert.equal(workers.length, 0);
  await step(page);
  await page.waitForFunction(() => document.querySelectorAll('canvas[data-drawn-in="worker"]').length >= 4);
  assert.deepEqual((await handedOver(page)).sort(), ['co2', 'energy', 'output_value', 'production']);
  assert.equal(await drawer(page), 'worker');
  assert.equal(workers.length, 2, 'the analysis worker and the drawing worker');
  // A move redraws the worker's chart, and the figures under it stay the page's (published points counted).
  const drawn = await chartRedrawn(page, CO2, (png) => png.length > 20000);
  await step(page, 10, 'PageUp');
  const moved = await chartRedrawn(page, CO2, drawn);
  assert.notEqual(moved, drawn, 'the CO2 chart redraws after a move');
  assert.ok(Number(await page.$eval('canvas[data-chart="output_value"]', (c) => c.dataset.publishedPoints)) >= 1);
  // The crosshair: the tooltip needs the plot area the worker answers with (none: no year under the pointer).
  const box = await (await page.$(CO2)).boundingBox();
  await page.mouse.move(box.x + box.width * 0.6, box.y + box.height / 2);
  await page.waitForSelector('[data-chart-figure="co2"] .tooltip');
  const year = Number(await page.$eval('[data-chart-figure="co2"] .tooltip strong', (e) => e.textContent));
  assert.ok(year >= 2025 && year <= 2032, `the year under the pointer (${year})`);
  const hovered = await chartRedrawn(page, CO2, moved);
  assert.notEqual(hovered, moved, 'the crosshair is drawn');
  await page.mouse.move(box.x + box.width * 0.6, box.y - 40);
  await page.waitForSelector('[data-chart-figure="co2"] .tooltip', { state: 'detached' });
  const plain = await chartRedrawn(page, CO2, hovered);
  // A line switched off in the legend goes from the worker's drawing.
  await page.click('[data-chart-figure="co2"] .legend-item[data-series]');
  assert.notEqual(await chartRedrawn(page, CO2, plain), plain, 'hiding a line redraws the chart');
  // PNG export draws the chart afresh on the page (the worker's canvas cannot be read): a PNG the size of
  // the chart on screen at this screen's pixel ratio.
  const [png] = await Promise.all([page.waitForEvent('download'), page.click('[data-chart-figure="co2"] [data-action="export-png"]')]);
  const bytes = fs.readFileSync(await png.path());
  assert.equal(bytes.subarray(1, 4).toString(), 'PNG');
  assert.equal(bytes.readUInt32BE(16), Math.round(box.width * 2), 'PNG width');
  assert.equal(bytes.readUInt32BE(20), Math.round(box.height * 2), 'PNG height');
  assert.ok(bytes.length > 20000, `the PNG has the chart (${bytes.length} bytes)`);
  // Printing: the browser prints what is on screen at once, so the page draws every chart itself for the
  // print (the current scenario, charts off screen too) and hands them back to the worker afterwards.
  await page.evaluate(() => dispatchEvent(new Event('beforeprint')));
  await page.waitForFunction(() => !document.querySelector('canvas[data-drawn-in]'));
  assert.equal(await drawer(page), 'page');
  assert.equal(await drawer(page, 'canvas[data-chart="iron_concentrate"]'), 'page');
  await page.waitForFunction(() => [...document.querySelectorAll('canvas[data-chart]')].every((c) => c.width > 300));
  await page.evaluate(() => dispatchEvent(new Event('afterprint')));
  await page.waitForFunction(() => document.querySelectorAll('canvas[data-drawn-in="worker"]').length === 5);
  // The chart below the fold, first drawn for the print, is the worker's now and shows.
  await page.$eval('canvas[data-chart="iron_concentrate"]', (c) => c.scrollIntoView());
  assert.ok((await chartRedrawn(page, 'canvas[data-chart="iron_concentrate"]', (p) => p.length > 20000)).length > 20000);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a lever move sends every chart it changes to the drawing worker once, in one message', async () => {
  // What the page posts to its workers (the analysis worker gets text, the drawing worker arrays), with the
  // scorecard's ensemble state at the time: a move clears the bands ("running"), the ensemble brings them back.
  const { context, page, errors } = await open(() => {
    window.__posted = [];
    const post = Worker.prototype.postMessage;
    Worker.prototype.postMessage = function (m, ...rest) {
      if (Array.isArray(m)) {
        const what = m[0] === 'batch' ? m.slice(1).map((d) => `${d[0]}:${d[1]}`) : [m[0]];
        window.__posted.push({ state: document.querySelector('[data-ensemble]')?.dataset.ensemble, what });
      }
      return post.call(this, m, ...rest);
    };
  });
  await step(page);
  await page.waitForFunction(() => document.querySelectorAll('canvas[data-drawn-in="worker"]').length >= 4);
  await page.waitForSelector('[data-ensemble="ready"]');
  await chartRedrawn(page, CO2, (png) => png.length > 20000);
  await page.evaluate(() => { window.__posted = []; });
  await step(page, 1, 'PageUp');
  await page.waitForSelector('[data-ensemble="ready"]');
  await page.waitForFunction(() => window.__posted.some((p) => p.state === 'ready'));
  const posted = await page.evaluate(() => window.__posted);
  const move = posted.filter((p) => p.state === 'running');
  assert.equal(move.length, 1, `one message for the move (${JSON.stringify(posted)})`);
  const ids = move[0].what;
  assert.ok(ids.length >= 4 && ids.every((d) => d.startsWith('draw:')), `the charts' drawings together (${ids})`);
  assert.equal(new Set(ids).size, ids.length, 'each chart once, without the bands of the scenario before');
  assert.equal(posted.length, 2, `then one with the new bands (${JSON.stringify(posted)})`);
  assert.deepEqual(errors, []);
  await context.close();
});

test('where a canvas cannot be handed to a worker, the page draws the charts and no drawing worker starts', async () => {
  const { context, page, errors, workers } = await open(() => { delete HTMLCanvasElement.prototype.transferControlToOffscreen; });
  const before = await page.$eval(CO2, (c) => c.toDataURL());
  await step(page, 10, 'PageUp');
  await page.waitForSelector('[data-ensemble="ready"]');
  assert.equal(workers.length, 1, 'the analysis worker only');
  assert.deepEqual(await handedOver(page), []);
  assert.notEqual(await page.$eval(CO2, (c) => c.toDataURL()), before, 'the page redrew the chart');
  assert.deepEqual(errors, []);
  await context.close();
});

test('if the workers cannot be loaded, the page draws the charts and says the bands are unavailable', async () => {
  const context = await app.browser.newContext({ viewport: { width: 1440, height: 900 }, deviceScaleFactor: 2 });
  await context.route(/worker-[0-9a-f]+_loader\.js/, (r) => r.abort());
  const page = await context.newPage();
  await page.goto(app.base);
  await page.waitForFunction((s) => document.querySelector(s)?.width > 300, CO2);
  const before = await page.$eval(CO2, (c) => c.toDataURL());
  await step(page, 10, 'PageUp');
  await page.waitForSelector('.bands-bar [data-worker-failed]:not([hidden])');
  assert.deepEqual(await handedOver(page), []);
  assert.equal(await drawer(page), 'page');
  assert.notEqual(await page.$eval(CO2, (c) => c.toDataURL()), before, 'the page redrew the chart');
  await context.close();
});

test('if the drawing worker stops, the page draws the charts again on fresh canvases', async () => {
  const { context, page, workers } = await open();
  await step(page);
  await page.waitForFunction(() => document.querySelectorAll('canvas[data-drawn-in="worker"]').length >= 4);
  // The drawing worker is the one that has named the worker's 2D context (crates/worker/src/draw.rs).
  const kinds = await Promise.all(workers.map((w) => w.evaluate(() => typeof self.CanvasRenderingContext2D)));
  const drawing = workers[kinds.indexOf('function')];
  assert.ok(drawing && kinds.filter((k) => k === 'function').length === 1, `one drawing worker (${kinds})`);
  await drawing.evaluate(() => { setTimeout(() => { throw new Error('test: the drawing worker stops'); }, 0); });
  await page.waitForFunction(() => !document.querySelector('canvas[data-drawn-in]'));
  assert.equal(await drawer(page), 'page');
  const before = await page.$eval(CO2, (c) => c.toDataURL());
  await step(page, 10, 'PageUp');
  await page.waitForFunction((b) => document.querySelector('canvas[data-chart="co2"]').toDataURL() !== b, before);
  // The analysis worker goes on: the bands and chances come back after the move.
  await page.waitForSelector('[data-ensemble="ready"]');
  await context.close();
});
