// Where the main-thread time of a lever move goes, for work on the per-move figures (not a test).
// Usage: node tests/e2e/_render.mjs MODE [dist]
//   phases  150 moves' time by rendering phase (style, layout, pre-paint, paint, layerize, script), p50/p95
//   self    self time per trace event over 100 moves (canvas finalize and produce, commit, layout, …)
//   layers  the composited layers after a move and why each is one
//   layout  what each move lays out (dirty objects, layout roots) and which script forces style or layout
//   worst   the slowest of 150 moves: their top-level tasks and the events with the most self time in each
import { chromium } from 'playwright-core';
import { LAUNCH, serve, listen, timedMoves, tracedMoves, DIST, mainThreadTasks } from './lib.mjs';
const mode = process.argv[2] || 'phases';
const server = serve(process.argv[3] || DIST); const base = await listen(server);
const browser = await chromium.launch(LAUNCH);
const ctx = await browser.newContext({ viewport: { width: 1440, height: 900 }, deviceScaleFactor: 2 });
const page = await ctx.newPage();
await page.goto(base + '/');
await page.waitForFunction(() => document.querySelector('canvas[data-chart="output_value"]')?.width > 300);

/** 30 moves to warm up, then `moves` marked moves traced with `categories`: the trace, the marks' times and
 *  the complete events on the renderer's main thread (in time order, a parent before its children). */
async function traced(moves, categories) {
  await timedMoves(page, { moves: 30 });
  const trace = await tracedMoves(browser, page, { moves, seed: 7 }, categories);
  const marks = trace.filter((e) => /^vtre-move-\d+$/.test(e.name)).map((e) => e.ts).sort((a, b) => a - b);
  const main = trace.filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`);
  const onMain = trace.filter((e) => e.ph === 'X' && main.includes(`${e.pid}:${e.tid}`)).sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  return { trace, marks, onMain };
}

/** Self time (µs) per event name of `events` (in time order, a parent before its children). */
function selfTimes(events) {
  const stack = []; const self = {};
  for (const e of events) {
    while (stack.length && stack[stack.length - 1].ts + stack[stack.length - 1].dur <= e.ts) stack.pop();
    if (stack.length) { const p = stack[stack.length - 1]; self[p.name] = (self[p.name] || 0) - e.dur; }
    self[e.name] = (self[e.name] || 0) + e.dur;
    stack.push(e);
  }
  return self;
}

async function phases() {
const { trace, marks, onMain } = await traced(150, []);
// Top-level tasks only, as bench.mjs counts them.
const tasks = mainThreadTasks(trace);
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
}

async function self() {
const { marks, onMain: all } = await traced(100, ['blink', 'cc', 'gpu', 'v8']);
const onMain = all.filter((e) => e.ts >= marks[0] && e.ts < marks[marks.length - 1]);
const n = marks.length - 1;
Object.entries(selfTimes(onMain)).sort((a, b) => b[1] - a[1]).slice(0, 30).forEach(([k, v]) => console.log((v / 1000 / n).toFixed(3).padStart(8), k));
}

async function layers() {
await page.waitForTimeout(1500);
const cdp = await ctx.newCDPSession(page);
let tree = null;
cdp.on('LayerTree.layerTreeDidChange', (e) => { if (e.layers) tree = e.layers; });
await cdp.send('DOM.enable');
await cdp.send('LayerTree.enable');
await page.evaluate(() => { const el = document.querySelector('[data-lever="eaf_swap"]'); el.value = '300'; el.dispatchEvent(new Event('input', { bubbles: true })); });
await page.waitForTimeout(1000);
console.log('layers', tree?.length);
for (const l of tree || []) {
  let why = '';
  try { why = (await cdp.send('LayerTree.compositingReasons', { layerId: l.layerId })).compositingReasons.join(','); } catch {}
  let node = '';
  if (l.backendNodeId) { try { const d = await cdp.send('DOM.describeNode', { backendNodeId: l.backendNodeId }); node = `${d.node.nodeName}.${(d.node.attributes || []).join(' ').slice(0, 80)}`; } catch {} }
  console.log(l.width, l.height, l.drawsContent ? 'draws' : '', why, node);
}
}

async function layout() {
await timedMoves(page, { moves: 30 });
await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline.stack'] });
await timedMoves(page, { moves: 60, seed: 7 });
const trace = JSON.parse((await browser.stopTracing()).toString()).traceEvents;
const lay = trace.filter((e) => e.name === 'Layout' && e.ph === 'X');
const roots = new Map(); let dirty = 0, total = 0;
for (const e of lay) {
  dirty += e.args?.beginData?.dirtyObjects || 0; total += e.args?.beginData?.totalObjects || 0;
  for (const r of e.args?.endData?.layoutRoots || []) roots.set(r.nodeName, (roots.get(r.nodeName) || 0) + 1);
}
console.log(`${lay.length} layouts; dirty objects per move ${(dirty / 60).toFixed(1)} of ${(total / Math.max(1, lay.length)).toFixed(0)}; roots`, [...roots]);
const forced = new Map();
for (const e of trace) {
  const st = (e.name === 'Layout' || e.name === 'UpdateLayoutTree') && (e.args?.beginData?.stackTrace || e.args?.data?.stackTrace);
  if (!st) continue;
  const k = `${e.name} forced by ${st.slice(0, 3).map((f) => `${f.functionName}@${(f.url || '').split('/').pop().slice(0, 20)}`).join(' < ')}`;
  forced.set(k, (forced.get(k) || 0) + 1);
}
for (const [k, v] of [...forced].sort((a, b) => b[1] - a[1]).slice(0, 20)) console.log((v / 60).toFixed(2), 'per move', k);
}

async function worst() {
const { trace, marks, onMain } = await traced(150, ['blink', 'cc', 'v8', 'disabled-by-default-v8.gc']);
const tasks = mainThreadTasks(trace);
const per = [];
for (let i = 0; i < marks.length - 1; i++) {
  const ts = tasks.filter((t) => t.ts >= marks[i] && t.ts < marks[i + 1]);
  per.push({ i, total: ts.reduce((a, t) => a + t.dur / 1000, 0), ts });
}
per.sort((a, b) => b.total - a.total);
const q = (p) => [...per].sort((a, b) => a.total - b.total)[Math.floor(p * per.length)].total.toFixed(2);
console.log(`moves ${per.length}, p50 ${q(0.5)} p95 ${q(0.95)}`);
for (const m of per.slice(0, 6)) {
  console.log(`move ${m.i}: ${m.total.toFixed(2)} ms in ${m.ts.length} tasks`);
  for (const t of m.ts) {
    const self = selfTimes(onMain.filter((e) => e.ts >= t.ts && e.ts + e.dur <= t.ts + t.dur));
    const top = Object.entries(self).sort((a, b) => b[1] - a[1]).slice(0, 5).map(([k, v]) => `${k} ${(v / 1000).toFixed(2)}`).join(', ');
    console.log(`  ${(t.dur / 1000).toFixed(2).padStart(6)}  ${top}`);
  }
}
}

await ({ phases, self, layers, layout, worst }[mode] || phases)();
await browser.close(); server.close();
