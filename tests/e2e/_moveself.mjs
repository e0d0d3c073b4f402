// Self time per trace event over 100 lever moves (not a test): node tests/e2e/_moveself.mjs [dist]
import { chromium } from 'playwright-core';
import { LAUNCH, serve, listen, timedMoves, DIST } from './lib.mjs';
const server = serve(process.argv[2] || DIST); const base = await listen(server);
const browser = await chromium.launch(LAUNCH);
const ctx = await browser.newContext({ viewport: { width: 1440, height: 900 }, deviceScaleFactor: 2 });
const page = await ctx.newPage();
await page.goto(base + '/');
await page.waitForFunction(() => document.querySelector('canvas[data-chart="output_value"]')?.width > 300);
await timedMoves(page, { moves: 30 });
await browser.startTracing(page, { categories: ['toplevel', 'devtools.timeline', 'blink.user_timing', 'blink', 'cc', 'gpu', 'v8'] });
await timedMoves(page, { moves: 100, seed: 7, mark: true });
const trace = JSON.parse((await browser.stopTracing()).toString()).traceEvents;
const marks = trace.filter((e) => /^vtre-move-\d+$/.test(e.name)).map((e) => e.ts).sort((a, b) => a - b);
const main = trace.filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`);
const onMain = trace.filter((e) => e.ph === 'X' && main.includes(`${e.pid}:${e.tid}`) && e.ts >= marks[0] && e.ts < marks[marks.length - 1]);
const n = marks.length - 1;
// self time per name
onMain.sort((a, b) => a.ts - b.ts || b.dur - a.dur);
const stack = []; const self = {};
for (const e of onMain) {
  while (stack.length && stack[stack.length - 1].ts + stack[stack.length - 1].dur <= e.ts) stack.pop();
  if (stack.length) { const p = stack[stack.length - 1]; self[p.name] = (self[p.name] || 0) - e.dur; }
  self[e.name] = (self[e.name] || 0) + e.dur;
  stack.push(e);
}
Object.entries(self).sort((a, b) => b[1] - a[1]).slice(0, 30).forEach(([k, v]) => console.log((v / 1000 / n).toFixed(3).padStart(8), k));
await browser.close(); server.close();
