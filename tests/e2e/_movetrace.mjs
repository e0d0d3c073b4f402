// Where the main-thread time of a lever move goes, by trace event (not a test): node tests/e2e/_movetrace.mjs [dist]
import { chromium } from 'playwright-core';
import { LAUNCH, serve, listen, timedMoves, DIST } from './lib.mjs';
const server = serve(process.argv[2] || DIST); const base = await listen(server);
const browser = await chromium.launch(LAUNCH);
const ctx = await browser.newContext({ viewport: { width: 1440, height: 900 }, deviceScaleFactor: 2 });
const page = await ctx.newPage();
await page.goto(base + '/');
await page.waitForFunction(() => document.querySelector('canvas[data-chart="output_value"]')?.width > 300);
await timedMoves(page, { moves: 30 });
await browser.startTracing(page, { categories: ['toplevel', 'devtools.timeline', 'blink.user_timing'] });
await timedMoves(page, { moves: 150, seed: 7, mark: true });
const trace = JSON.parse((await browser.stopTracing()).toString()).traceEvents;
const marks = trace.filter((e) => /^vtre-move-\d+$/.test(e.name)).map((e) => e.ts).sort((a, b) => a - b);
const main = trace.filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`);
const onMain = trace.filter((e) => e.ph === 'X' && main.includes(`${e.pid}:${e.tid}`));
const tasks = onMain.filter((e) => /(^|::)RunTask$/.test(e.name));
const names = ['UpdateLayoutTree', 'Layout', 'PrePaint', 'Paint', 'Layerize', 'Commit', 'FunctionCall', 'EventDispatch', 'FireAnimationFrame', 'HitTest', 'UpdateLayer', 'CompositeLayers', 'ScheduleStyleRecalculation', 'RasterTask', 'IntersectionObserverController::computeIntersections', 'ResizeObserverController', 'ParseHTML', 'TimerFire', 'RunMicrotasks', 'v8.run'];
const per = [];
for (let i = 0; i < marks.length - 1; i++) {
  const a = marks[i], b = marks[i + 1];
  const s = { total: 0 };
  for (const t of tasks) if (t.ts >= a && t.ts < b) s.total += t.dur / 1000;
  for (const e of onMain) if (e.ts >= a && e.ts < b && names.includes(e.name)) s[e.name] = (s[e.name] || 0) + e.dur / 1000;
  per.push(s);
}
const q = (xs, p) => { const v = [...xs].sort((x, y) => x - y); return v[Math.min(v.length - 1, Math.floor(p * v.length))]; };
for (const k of ['total', ...names]) {
  const xs = per.map((s) => s[k] || 0);
  if (xs.every((x) => x === 0)) continue;
  console.log(`${k.padEnd(28)} mean ${(xs.reduce((a, x) => a + x, 0) / xs.length).toFixed(2)}  p50 ${q(xs, 0.5).toFixed(2)}  p95 ${q(xs, 0.95).toFixed(2)}`);
}
// the worst moves
per.map((s, i) => [s.total, i, s]).sort((x, y) => y[0] - x[0]).slice(0, 5).forEach(([t, i, s]) => console.log(i, JSON.stringify(Object.fromEntries(Object.entries(s).map(([k, v]) => [k, +v.toFixed(2)])))));
await browser.close(); server.close();
