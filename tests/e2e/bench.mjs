// Benchmark (not a test): main-thread work per lever move and transfer size of the release build.
// Run via scripts/bench.sh. Prints a table; figures go in the README.
//
// Work per move = the input event's handler and everything it triggers before the next task (model run,
// effects, every chart redraw; Leptos runs effects as microtasks), plus the time of any
// requestAnimationFrame callbacks that follow (rAF is wrapped to time them). Headless Chromium paints at
// 60 Hz, so timing "input → second frame" would measure the display clock, not the app.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { serve, LAUNCH } from './lib.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const dist = path.join(root, 'dist');
const MOVES = Number(process.env.MOVES || 200);

function sizes() {
  const byType = {};
  for (const f of fs.readdirSync(dist)) {
    const ext = path.extname(f).slice(1) || 'other';
    const raw = fs.readFileSync(path.join(dist, f));
    const gz = zlib.gzipSync(raw, { level: 9 }).length;
    byType[ext] = byType[ext] || { raw: 0, gz: 0 };
    byType[ext].raw += raw.length;
    byType[ext].gz += gz;
  }
  return byType;
}

const server = serve(dist);
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const url = `http://127.0.0.1:${server.address().port}/`;
const browser = await chromium.launch(LAUNCH);
const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, deviceScaleFactor: 2 });
await page.addInitScript(() => {
  window.__rafTime = 0;
  const raf = window.requestAnimationFrame.bind(window);
  window.requestAnimationFrame = (cb) => raf((t) => { const s = performance.now(); try { cb(t); } finally { window.__rafTime += performance.now() - s; } });
});
const t0 = Date.now();
await page.goto(url);
await page.waitForFunction(() => document.querySelectorAll('canvas[data-chart]').length === 5);
const firstChartMs = await page.evaluate(() => performance.now());
const levers = ['eaf_swap', 'swap_vti_share', 'energy_quota', 're_quota', 'power_price', 'grid_factor', 'v_recovery', 'steel_price'];
const samples = await page.evaluate(async ({ levers, moves }) => {
  const nextTask = () => new Promise((r) => { const c = new MessageChannel(); c.port1.onmessage = () => r(); c.port2.postMessage(0); });
  const frame = () => new Promise((r) => requestAnimationFrame(() => r()));
  const out = [];
  let seed = 42;
  const rnd = () => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed / 2147483648; };
  for (let i = 0; i < moves; i++) {
    const el = document.querySelector(`[data-lever="${levers[i % levers.length]}"]`);
    const min = Number(el.min), max = Number(el.max), step = Number(el.step);
    const v = min + Math.round((rnd() * (max - min)) / step) * step;
    window.__rafTime = 0;
    const s = performance.now();
    el.value = String(v);
    el.dispatchEvent(new Event('input', { bubbles: true }));
    await nextTask();
    const sync = performance.now() - s;
    await frame();
    await frame();
    out.push(sync + window.__rafTime);
  }
  return out;
}, { levers, moves: MOVES });
await browser.close();
server.close();

samples.sort((a, b) => a - b);
const q = (p) => samples[Math.min(samples.length - 1, Math.floor(p * samples.length))];
const sz = sizes();
const total = Object.values(sz).reduce((a, b) => a + b.gz, 0);
console.log(`\nInteraction (${MOVES} lever moves, headless Chromium, release build, 1440x900 @2x)`);
console.log(`  main-thread work per move: p50 ${q(0.5).toFixed(2)} ms   p95 ${q(0.95).toFixed(2)} ms   max ${samples[samples.length - 1].toFixed(2)} ms   (goal p95 <= 16 ms)`);
console.log(`  first chart drawn: ${firstChartMs.toFixed(0)} ms after navigation start (localhost)`);
console.log(`\nTransfer size of dist/ (gzip -9):`);
for (const [ext, v] of Object.entries(sz)) console.log(`  ${ext.padEnd(6)} ${(v.raw / 1024).toFixed(1).padStart(8)} KB raw  ${(v.gz / 1024).toFixed(1).padStart(7)} KB gzip`);
console.log(`  total  ${(total / 1024).toFixed(1).padStart(24)} KB gzip   (goal <= 300 KB)`);
void t0;
