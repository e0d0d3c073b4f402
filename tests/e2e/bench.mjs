// Benchmarks (not tests): run by scripts/bench.sh against the release build in headless Chromium.
// Prints a table; the README records the latest figures. Figures:
//  - model in wasm: simulate() runs per second (reference, all-max);
//  - interaction: main-thread work per lever move (input handler + model + effects + every redraw, plus any
//    requestAnimationFrame and zero-delay timer callbacks), p50/p95/max over MOVES moves; all main-thread work
//    per move from a trace (wall and thread time; also paced as a drag, and the loop's own share measured on
//    decoy inputs); dropped frames during a 3 s drag;
//  - load: bytes by type (gzip) and time to the first chart drawn;
//  - Apache ECharts side by side: the same five charts with the same data, update time per move and bundle size;
//  - memory: JS heap + wasm memory after 100 and after 10,000 moves.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import http from 'node:http';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { serve, listen, LAUNCH, moveLeversAndMeasure, timedMoves, tracedMoves, chartsDrawn, mainThreadTasks } from './lib.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
// BENCH_DIST: another build's dist/ (to compare two builds in one sitting, alternating).
const dist = process.env.BENCH_DIST ? path.resolve(process.env.BENCH_DIST) : path.join(root, 'dist');
const MOVES = Number(process.env.MOVES || 500);
const gz = (buf) => zlib.gzipSync(buf, { level: 9 }).length;
const pct = (a, p) => a[Math.min(a.length - 1, Math.floor(p * a.length))];
const stats = (a) => { a = [...a].sort((x, y) => x - y); return { p50: pct(a, 0.5), p95: pct(a, 0.95), max: a[a.length - 1] }; };

// ---- sizes ----
const byType = {};
// Offline and installable (#14): the service worker, the manifest and the PNG icons are not part of a page
// load (the worker comes after it, the icons when installing); reported apart.
const OFFLINE = /^(sw\.js|manifest\.webmanifest|icon-.*\.png)$/;
let offlineGz = 0;
// Two modules (#20): the full module and the workers' module (analysis and drawing) are fetched when first
// asked for, not on load.
const ON_DEMAND = /^(full|full-loader|worker)-/;
const onDemand = { full: 0, worker: 0 };
for (const f of fs.readdirSync(dist)) {
  const p = path.join(dist, f);
  if (fs.statSync(p).isDirectory()) continue;
  if (OFFLINE.test(f)) { offlineGz += gz(fs.readFileSync(p)); continue; }
  if (ON_DEMAND.test(f)) { onDemand[f.startsWith('worker') ? 'worker' : 'full'] += gz(fs.readFileSync(p)); continue; }
  const ext = path.extname(f).slice(1);
  byType[ext] = (byType[ext] || 0) + gz(fs.readFileSync(p));
}
const appGz = Object.values(byType).reduce((a, b) => a + b, 0);
const pagesGz = fs.readdirSync(path.join(dist, 'pages')).map((f) => gz(fs.readFileSync(path.join(dist, 'pages', f))));
const echartsGz = gz(fs.readFileSync(path.join(here, 'node_modules/echarts/dist/echarts.min.js')));

// ---- data for the ECharts page: projections of 40 scenarios from the CLI ----
const cli = path.join(root, 'target/release/vtre');
const levers = execFileSync(cli, ['levers'], { encoding: 'utf8' }).trim().split('\n').slice(1).map((l) => l.split(','));
let seed = 11;
const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
const tmp = fs.mkdtempSync('/tmp/vtre-bench-');
const projections = [];
for (let i = 0; i < 40; i++) {
  const sc = {};
  for (const [id, , , min, max, step] of levers.slice(0, 8)) sc[id] = Number(min) + Math.round((rnd() * (Number(max) - Number(min))) / Number(step)) * Number(step);
  fs.writeFileSync(path.join(tmp, 's.json'), JSON.stringify(sc));
  const j = JSON.parse(execFileSync(cli, ['project', '--scenario', path.join(tmp, 's.json'), '--format', 'json'], { encoding: 'utf8' }));
  projections.push(j.series);
}
const echartsPage = `<!doctype html><meta charset="utf-8"><script src="/echarts.min.js"></script>
<style>div{width:640px;height:250px}</style><div id="c0"></div><div id="c1"></div><div id="c2"></div><div id="c3"></div><div id="c4"></div>
<script>
const P = ${JSON.stringify(projections)};
const years = Array.from({length: 16}, (_, i) => 2020 + i);
const charts = [0,1,2,3,4].map(i => echarts.init(document.getElementById('c' + i), null, { renderer: 'canvas', devicePixelRatio: 2 }));
const line = (name, data, dashed, area) => ({ name, type: 'line', data, showSymbol: false, stack: area ? 'v' : undefined, areaStyle: area ? {} : undefined, lineStyle: dashed ? { type: 'dashed' } : undefined });
function options(s, r) {
  const ix = (k, p) => p[k].values.map(v => v / p[k].values[0] * 100);
  return [
    { animation: false, legend: {}, tooltip: { trigger: 'axis' }, xAxis: { data: years }, yAxis: { name: '亿元' }, series: ['output_value_steel','output_value_vanadium','output_value_titanium','output_value_rare_earth'].map(k => line(k, s[k].values, false, true)).concat([line('ref', r.output_value_total.values, true)]) },
    { animation: false, legend: {}, tooltip: { trigger: 'axis' }, xAxis: { data: years }, yAxis: { name: 'Mt' }, series: ['co2_total','co2_direct','co2_indirect'].map(k => line(k, s[k].values)).concat([line('ref', r.co2_total.values, true)]) },
    { animation: false, legend: {}, tooltip: { trigger: 'axis' }, xAxis: { data: years }, yAxis: { name: '万tce' }, series: ['energy_counted','energy_total','energy_quota'].map(k => line(k, s[k].values)).concat([line('ref', r.energy_counted.values, true)]) },
    { animation: false, legend: {}, tooltip: { trigger: 'axis' }, xAxis: { data: years }, yAxis: { name: 'index' }, series: ['crude_steel_bof','crude_steel_eaf','v2o5_output','tio2_output','ti_sponge_output','reo_separated'].map(k => line(k, ix(k, s))).concat([line('ref', ix('crude_steel_total', r), true)]) },
    { animation: false, legend: {}, tooltip: { trigger: 'axis' }, xAxis: { data: years }, yAxis: { name: '万吨' }, series: ['iron_concentrate_demand','iron_concentrate_supply'].map(k => line(k, s[k].values)).concat([line('gap', s.iron_concentrate_gap.values, false, true), line('ref', r.iron_concentrate_demand.values, true)]) },
  ];
}
// Timed like our moves: each update starts right after a frame and runs to the next task, so the browser's
// end-of-task canvas work (flushing the drawing into the canvas) counts for ECharts as it does for us.
// Animations are off (as ours), so each update is drawn completely and at once by flush().
window.bench = async (n) => {
  const nextTask = () => new Promise((r) => { const c = new MessageChannel(); c.port1.onmessage = () => r(); c.port2.postMessage(0); });
  const frame = () => new Promise((r) => requestAnimationFrame(() => r()));
  const out = [];
  for (let i = 0; i < n; i++) {
    await frame(); await nextTask();
    const t = performance.now();
    const o = options(P[i % P.length], P[0]);
    charts.forEach((c, k) => { c.setOption(o[k], { notMerge: false, lazyUpdate: false }); c.getZr().flush(); });
    await nextTask();
    out.push(performance.now() - t);
  }
  return out;
};
</script>`;

const appServer = serve(dist, { gzip: true });
const appUrl = (await listen(appServer)) + '/';
const echartsServer = http.createServer((req, res) => {
  if (req.url.startsWith('/echarts.min.js')) { res.writeHead(200, { 'content-type': 'text/javascript' }); return fs.createReadStream(path.join(here, 'node_modules/echarts/dist/echarts.min.js')).pipe(res); }
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }); res.end(echartsPage);
});
const echartsUrl = (await listen(echartsServer)) + '/';
const browser = await chromium.launch({ ...LAUNCH, args: [...LAUNCH.args, '--enable-precise-memory-info', '--js-flags=--expose-gc'] });

// ---- our app ----
// In every page: keep the wasm instance (memory figures) and add up the time spent in animation-frame callbacks
// and in zero-delay timers (work a move defers to the next task: the drawing worker's batch, src/ui/state/draw.rs).
const instrument = () => {
  addEventListener('TrunkApplicationStarted', (e) => { window.__wasm = e.detail.wasm; });
  window.__rafTime = 0;
  const timed = (cb) => (...a) => { const s = performance.now(); try { cb(...a); } finally { window.__rafTime += performance.now() - s; } };
  const raf = window.requestAnimationFrame.bind(window);
  window.requestAnimationFrame = (cb) => raf(timed(cb));
  const st = window.setTimeout.bind(window);
  window.setTimeout = (cb, ms, ...a) => (typeof cb === 'function' && !(ms > 0) ? st(timed(cb), ms, ...a) : st(cb, ms, ...a));
};
const ctx = await browser.newContext({ viewport: { width: 1440, height: 900 }, deviceScaleFactor: 2 });
await ctx.addInitScript(instrument);
// Time to the first chart drawn, from navigation start: median of LOADS fresh loads (it varies by ±100 ms here).
const LOADS = 7;
const firstCharts = [];
for (let i = 0; i < LOADS; i++) {
  const c = await browser.newContext({ viewport: { width: 1440, height: 900 }, deviceScaleFactor: 2 });
  const p = await c.newPage();
  await p.goto(appUrl);
  await p.waitForFunction(() => document.querySelector('canvas[data-chart="output_value"]')?.width > 300);
  firstCharts.push(await p.evaluate(() => performance.now()));
  await c.close();
}
const firstChart = stats(firstCharts);
const page = await ctx.newPage();
await page.goto(appUrl);
await page.waitForFunction(() => document.querySelector('canvas[data-chart="output_value"]')?.width > 300);
const wasmRuns = await page.evaluate(() => {
  const r = {};
  for (const [name, max] of [['reference', false], ['all_max', true]]) {
    window.wasmBindings.vtre_bench_simulate(200, max);
    const t = performance.now();
    window.wasmBindings.vtre_bench_simulate(2000, max);
    r[name] = 2000 / ((performance.now() - t) / 1000);
  }
  return r;
});
const moveSamples = await timedMoves(page, { moves: MOVES });

// All main-thread work per move, including the browser's own rendering (style, layout, paint, compositing,
// canvas rasterisation), from a Chromium performance trace: the top-level tasks on the renderer's main thread
// between one move and the next (the app's share is the figure above).
const TRACED = Math.min(MOVES, 150);
const trace = await tracedMoves(browser, page, { moves: TRACED, seed: 7 });
// `cpu`: the thread time of those tasks instead of their wall time (on this 2-core machine without a GPU the
// main thread waits for a core while the drawing worker, the software compositor and the raster threads run:
// the wall time is the frame budget's figure, the thread time the work the page itself does).
function perMoveBusy(trace, cpu = false) {
  const marks = trace.filter((e) => /^vtre-move-\d+$/.test(e.name)).map((e) => e.ts).sort((a, b) => a - b);
  const tasks = mainThreadTasks(trace);
  return marks.slice(0, -1).map((m, i) => tasks.filter((e) => e.ts >= m && e.ts < marks[i + 1]).reduce((a, e) => a + (cpu ? e.tdur ?? e.dur : e.dur) / 1000, 0));
}
const busy = perMoveBusy(trace);
const total = busy.length ? stats(busy) : { p50: NaN, p95: NaN, max: NaN };
const totalCpu = busy.length ? stats(perMoveBusy(trace, true)) : total;
// Paced as a drag: each move right after the previous move's frame (no empty frames of the loop's own).
async function tracedPaced(p, seed) {
  const t = await tracedMoves(browser, p, { moves: TRACED, seed, paced: true });
  return { wall: stats(perMoveBusy(t)), cpu: stats(perMoveBusy(t, true)) };
}
const paced = await tracedPaced(page, 8);

// Dropped frames during a continuous 3 s drag of the swap slider.
const slider = await page.$('[data-lever="eaf_swap"]');
await slider.scrollIntoViewIfNeeded();
const box = await slider.boundingBox();
await page.evaluate(() => { window.__frames = []; const loop = (t) => { window.__frames.push(t); if (window.__frames.length < 100000) requestAnimationFrame(loop); }; requestAnimationFrame(loop); });
await page.mouse.move(box.x + 2, box.y + box.height / 2);
await page.mouse.down();
const t0 = Date.now();
let k = 0;
while (Date.now() - t0 < 3000) { k++; await page.mouse.move(box.x + 2 + ((k * 7) % (box.width - 4)), box.y + box.height / 2); }
await page.mouse.up();
const frames = await page.evaluate(() => window.__frames.slice(1));
const intervals = frames.slice(1).map((t, i) => t - frames[i]).filter((d) => d < 1000);
const dropped = intervals.filter((d) => d > 1.5 * (1000 / 60)).length;
// Ensembles (issue #13): time from a lever move to data-ensemble="ready" (1,000 members: 100 ms of quiet, then
// slices), and the longest gap between two frames while it runs (the slices must never hold up a frame for long).
const ensemble = await page.evaluate(async () => {
  const times = [];
  let worstGap = 0;
  const el = document.querySelector('[data-lever="eaf_swap"]');
  const state = () => document.querySelector('[data-ensemble]').dataset.ensemble;
  for (let i = 0; i < 12; i++) {
    while (state() !== 'ready') await new Promise((r) => setTimeout(r, 20));
    await new Promise((r) => setTimeout(r, 100));
    el.value = String(100 + (i % 2) * 200);
    let last = 0; let running = true;
    const loop = (t) => { if (last) worstGap = Math.max(worstGap, t - last); last = t; if (running) requestAnimationFrame(loop); };
    requestAnimationFrame(loop);
    const t = performance.now();
    el.dispatchEvent(new Event('input', { bubbles: true }));
    while (state() !== 'ready') await new Promise((r) => setTimeout(r, 2));
    times.push(performance.now() - t);
    running = false;
  }
  return { times, worstGap };
});
// The analysis page (issue 24, item 6): main-thread long tasks (PerformanceObserver, 50 ms and over) while the
// contributions waterfall (12 changed levers: 4,096 model runs for exact Shapley values) and the best-reachable
// table of every target compute in the worker, from the tab switch until both are shown. The full module is
// already running (opened on the guideline page, src/ui/handover.rs), so its start-up is not counted.
const wfScenario = 's=1,' + levers.slice(0, 12).map(([id, , , , max]) => `${id}:${max}`).join(',');
const an = await browser.newContext({ viewport: { width: 1440, height: 900 }, deviceScaleFactor: 2 });
const anPage = await an.newPage();
await anPage.goto(`${appUrl}?${wfScenario}&view=guideline`);
await anPage.waitForSelector('html[data-app]:not([data-core]) [data-section]');
await anPage.waitForTimeout(1500);
const analysis = await anPage.evaluate(async () => {
  const long = [];
  const obs = new PerformanceObserver((l) => { for (const e of l.getEntries()) long.push(e.duration); });
  obs.observe({ type: 'longtask' });
  let worstGap = 0; let last = 0; let running = true;
  const loop = (t) => { if (last) worstGap = Math.max(worstGap, t - last); last = t; if (running) requestAnimationFrame(loop); };
  requestAnimationFrame(loop);
  const t0 = performance.now();
  document.querySelector('[data-view="analysis"]').click();
  const done = () => document.querySelectorAll('[data-result="best"] tr[data-best]').length === 8
    && document.querySelector('[data-result="waterfall"] [data-parts]');
  while (!done()) await new Promise((r) => setTimeout(r, 10));
  const took = performance.now() - t0;
  await new Promise((r) => setTimeout(r, 300));
  running = false;
  obs.disconnect();
  return { long, worstGap, took, parts: Number(document.querySelector('[data-result="waterfall"] [data-parts]').dataset.parts) };
});
await an.close();
// Memory after 100 and 10,000 moves.
const memAfter = async (n, seed) => { const m = await moveLeversAndMeasure(page, n, seed); return m.js + m.wasm; };
const m100 = await memAfter(100, 1);
const m10k = await memAfter(9900, 2);

// The same with all five charts on screen (a tall window), as on the ECharts page.
const tall = await browser.newContext({ viewport: { width: 1440, height: 2000 }, deviceScaleFactor: 2 });
await tall.addInitScript(instrument);
const tallPage = await tall.newPage();
await tallPage.goto(appUrl);
await chartsDrawn(tallPage);
const allFive = stats(await timedMoves(tallPage, { moves: Math.min(MOVES, 200) }));
await tall.close();

// The same per-move figures with the CPU slowed 4x, as Lighthouse's phone (app work and all work incl. rendering).
const slow = await browser.newContext({ viewport: { width: 1440, height: 900 }, deviceScaleFactor: 2 });
await slow.addInitScript(instrument);
const slowPage = await slow.newPage();
await slowPage.goto(appUrl);
await slowPage.waitForSelector('html[data-app]');
const slowCdp = await slow.newCDPSession(slowPage);
await slowCdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
const slowMoves = stats(await timedMoves(slowPage, { moves: Math.min(MOVES, 150) }));
const slowTrace = await tracedMoves(browser, slowPage, { moves: 100, seed: 9 });
const slowTotal = stats(perMoveBusy(slowTrace));
await slow.close();

// The initial download as a phone sees it: every byte over the network (gzip, as a server sends it) from
// navigation until the app has taken over the first view and the network has been quiet for 2 s, untouched.
const net = await browser.newContext({ viewport: { width: 390, height: 844 } });
const netPage = await net.newPage();
const netCdp = await net.newCDPSession(netPage);
await netCdp.send('Network.enable');
let netBytes = 0; const netFiles = [];
netCdp.on('Network.loadingFinished', (e) => { netBytes += e.encodedDataLength; });
netCdp.on('Network.responseReceived', (e) => netFiles.push(e.response.url.split('/').pop()));
await netPage.goto(appUrl);
await netPage.waitForSelector('html[data-app]');
await netPage.waitForTimeout(2000);
await net.close();

// The loop's own share of those figures: the same moves on inputs that are not the app's (hidden decoys with
// the levers' data-lever names, the app's own inputs renamed), so no app code runs.
const ctl = await browser.newContext({ viewport: { width: 1440, height: 900 }, deviceScaleFactor: 2 });
const ctlPage = await ctl.newPage();
await ctlPage.goto(appUrl);
await ctlPage.waitForSelector('html[data-app]');
await ctlPage.evaluate(() => {
  const box = document.createElement('div');
  box.hidden = true;
  for (const el of document.querySelectorAll('input[data-lever]')) {
    const decoy = document.createElement('input');
    Object.assign(decoy, { type: 'range', min: el.min, max: el.max, step: el.step });
    decoy.dataset.lever = el.dataset.lever;
    el.removeAttribute('data-lever');
    box.append(decoy);
  }
  document.body.append(box);
});
const ctlTotal = stats(perMoveBusy(await tracedMoves(browser, ctlPage, { moves: TRACED, seed: 7 })));
const ctlPaced = await tracedPaced(ctlPage, 8);
await ctl.close();

// ---- ECharts ----
const ep = await browser.newPage({ viewport: { width: 1440, height: 1400 } });
await ep.goto(echartsUrl);
await ep.evaluate(() => window.bench(20));
const echartsSamples = await ep.evaluate((n) => window.bench(n), MOVES);
await browser.close();
appServer.close();
echartsServer.close();

const ours = stats(moveSamples);
const theirs = stats(echartsSamples);
const f = (x) => x.toFixed(2);
const kb = (b) => (b / 1024).toFixed(1);
console.log(`\nBenchmarks — ${new Date().toISOString().slice(0, 10)}, headless Chromium, release build, 1440x900 @2x`);
console.log(`model in wasm: ${Math.round(wasmRuns.reference).toLocaleString()} runs/s (reference), ${Math.round(wasmRuns.all_max).toLocaleString()} runs/s (all-max)`);
console.log(`work per lever move (${MOVES} moves): p50 ${f(ours.p50)} ms, p95 ${f(ours.p95)} ms, max ${f(ours.max)} ms`);
console.log(`  with all five charts on screen (1440x2000): p50 ${f(allFive.p50)} ms, p95 ${f(allFive.p95)} ms, max ${f(allFive.max)} ms`);
console.log(`all main-thread work per move incl. browser rendering (trace, ${busy.length} moves): p50 ${f(total.p50)} ms, p95 ${f(total.p95)} ms, max ${f(total.max)} ms; thread time p50 ${f(totalCpu.p50)} ms, p95 ${f(totalCpu.p95)} ms; the loop alone (no app code) p50 ${f(ctlTotal.p50)} ms, p95 ${f(ctlTotal.p95)} ms`);
console.log(`  paced as a drag (one move a frame): p50 ${f(paced.wall.p50)} ms, p95 ${f(paced.wall.p95)} ms, max ${f(paced.wall.max)} ms; thread time p50 ${f(paced.cpu.p50)} ms, p95 ${f(paced.cpu.p95)} ms; the loop alone p50 ${f(ctlPaced.wall.p50)} ms, p95 ${f(ctlPaced.wall.p95)} ms`);
console.log(`ECharts 5.6, same 5 charts and data: p50 ${f(theirs.p50)} ms, p95 ${f(theirs.p95)} ms, max ${f(theirs.max)} ms — ours/ECharts at p50 ${(ours.p50 / theirs.p50).toFixed(2)}x, p95 ${(ours.p95 / theirs.p95).toFixed(2)}x; all five on screen ${(allFive.p50 / theirs.p50).toFixed(2)}x, ${(allFive.p95 / theirs.p95).toFixed(2)}x`);
console.log(`4x slower CPU (1440x900): app work per move p50 ${f(slowMoves.p50)} ms, p95 ${f(slowMoves.p95)} ms; all work incl. rendering p50 ${f(slowTotal.p50)} ms, p95 ${f(slowTotal.p95)} ms`);
console.log(`3 s drag: ${intervals.length} frames, ${dropped} over 25 ms (dropped)`);
console.log(`initial download over the network (gzip, 390x844, untouched until the network is quiet): ${kb(netBytes)} KiB in ${netFiles.length} responses`);
const ens = stats(ensemble.times);
const ens90 = [...ensemble.times].sort((a, b) => a - b)[Math.floor(0.9 * ensemble.times.length)];
console.log(`ensemble (1,000 members, in the worker) ready after a lever move: p50 ${Math.round(ens.p50)} ms, p90 ${Math.round(ens90)} ms, max ${Math.round(ens.max)} ms; longest frame gap meanwhile ${ensemble.worstGap.toFixed(1)} ms`);
console.log(`analysis page (waterfall of ${analysis.parts} levers, best reachable for 8 targets, in the worker): shown after ${Math.round(analysis.took)} ms; main-thread tasks of 50 ms or more meanwhile: ${analysis.long.length}${analysis.long.length ? ` (longest ${Math.round(Math.max(...analysis.long))} ms)` : ''}; longest frame gap ${analysis.worstGap.toFixed(1)} ms`);
console.log(`first chart drawn: median ${Math.round(firstChart.p50)} ms after navigation start (${LOADS} loads, ${Math.round(Math.min(...firstCharts))}–${Math.round(firstChart.max)} ms)`);
console.log(`transfer (gzip -9): ${Object.entries(byType).map(([t, b]) => `${t} ${kb(b)} KB`).join(', ')} — app total ${kb(appGz)} KB at load; on demand: the full module ${kb(onDemand.full)} KB, the workers (analysis and drawing) ${kb(onDemand.worker)} KB; reading pages ${kb(Math.min(...pagesGz))}–${kb(Math.max(...pagesGz))} KB each, on demand; service worker, manifest and icons ${kb(offlineGz)} KB, not part of a load`);
console.log(`ECharts library alone: ${kb(echartsGz)} KB gzip — ours/ECharts ${(appGz / echartsGz).toFixed(2)}x`);
console.log(`memory (JS heap + wasm): ${(m100 / 1048576).toFixed(2)} MB after 100 moves, ${(m10k / 1048576).toFixed(2)} MB after 10,000 — growth ${((m10k - m100) / 1048576).toFixed(2)} MB`);
