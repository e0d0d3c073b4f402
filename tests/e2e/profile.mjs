// CPU profile of lever moves (not a test): where the main-thread time of a lever move goes, by function.
// Usage: node tests/e2e/profile.mjs [dist-dir] — for wasm function names, point it at a build whose wasm
// kept its name section (see README, "Profiling").
import path from 'node:path';
import { chromium } from 'playwright-core';
import { serve, listen, LAUNCH, DIST, timedMoves } from './lib.mjs';

const dir = path.resolve(process.argv[2] || DIST);
const MOVES = Number(process.env.MOVES || 200);
const server = serve(dir);
const url = (await listen(server)) + '/';
const browser = await chromium.launch(LAUNCH);
const ctx = await browser.newContext({ viewport: { width: 1440, height: 900 }, deviceScaleFactor: 2 });
const page = await ctx.newPage();
await page.goto(url);
await page.waitForFunction(() => document.querySelector('canvas[data-chart="output_value"]')?.width > 300);
const cdp = await ctx.newCDPSession(page);
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
await cdp.send('Profiler.start');
await timedMoves(page, { moves: MOVES });
const { profile } = await cdp.send('Profiler.stop');
await browser.close();
server.close();

// Self time and inclusive time per function name.
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map();
for (const n of profile.nodes) for (const c of n.children || []) parent.set(c, n.id);
const self = new Map();
const incl = new Map();
const dt = profile.timeDeltas;
for (let i = 0; i < profile.samples.length; i++) {
  const d = (dt[i + 1] ?? 0) / 1000;
  let id = profile.samples[i];
  const leaf = byId.get(id).callFrame.functionName || '(anon)';
  if (leaf === '(idle)' || leaf === '(program)' || leaf === '(garbage collector)') {
    self.set(leaf, (self.get(leaf) || 0) + d);
    continue;
  }
  self.set(leaf, (self.get(leaf) || 0) + d);
  const seen = new Set();
  while (id !== undefined) {
    const name = byId.get(id).callFrame.functionName || '(anon)';
    if (!seen.has(name)) { incl.set(name, (incl.get(name) || 0) + d); seen.add(name); }
    id = parent.get(id);
  }
}
// Each sample charged to the innermost frame of this app (vtre::…), or to what the browser was doing.
const ours = new Map();
for (let i = 0; i < profile.samples.length; i++) {
  const d = (dt[i + 1] ?? 0) / 1000;
  let id = profile.samples[i];
  let name = null;
  const leaf = byId.get(id).callFrame.functionName || '(anon)';
  while (id !== undefined) {
    const f = byId.get(id).callFrame.functionName || '';
    // Rust names carry a crate hash with newer toolchains: vtre[0123abcd]::ui::….
    if (/(^|[^a-z_])vtre(\[[0-9a-f]+\])?::/.test(f)) { name = f.replace(/::h[0-9a-f]{16}$/, '').replace(/\[[0-9a-f]+\]/g, ''); break; }
    id = parent.get(id);
  }
  if (name === null) name = leaf.startsWith('(') ? leaf : '(outside the app: ' + leaf.slice(0, 40) + ')';
  ours.set(name, (ours.get(name) || 0) + d);
}
const busy = [...self.entries()].filter(([k]) => k !== '(idle)').reduce((a, [, v]) => a + v, 0);
const top = (m, n) => [...m.entries()].sort((a, b) => b[1] - a[1]).slice(0, n);
console.log(`busy ${busy.toFixed(0)} ms over ${MOVES} moves = ${(busy / MOVES).toFixed(2)} ms per move (incl. profiler overhead)`);
console.log('\n-- time per move by innermost app function (ms)');
for (const [k, v] of top(ours, 40)) console.log(`${(v / MOVES).toFixed(3).padStart(8)}  ${k.slice(0, 130)}`);
const crates = new Map();
for (const [k, v] of self.entries()) {
  if (k.startsWith('(')) continue;
  const m = k.match(/^<?&?(?:dyn )?([A-Za-z_][A-Za-z0-9_]*)(?:\[[0-9a-f]+\])?::/);
  const c = m ? m[1] : (/^[a-z][A-Za-z]*$/.test(k) ? 'browser API: ' + k : 'JS glue/other');
  crates.set(c, (crates.get(c) || 0) + v);
}
console.log('\n-- self time per move by crate or browser API (ms)');
for (const [k, v] of top(crates, 30)) console.log(`${(v / MOVES).toFixed(3).padStart(8)}  ${k}`);
console.log('\n-- self time per move (ms)');
for (const [k, v] of top(self, 40)) console.log(`${(v / MOVES).toFixed(3).padStart(8)}  ${k.slice(0, 110)}`);
console.log('\n-- inclusive time per move (ms)');
for (const [k, v] of top(incl, 60)) console.log(`${(v / MOVES).toFixed(3).padStart(8)}  ${k.slice(0, 110)}`);
console.log('\n-- inclusive time per move of this app\'s own functions (ms)');
const mine = new Map();
for (const [k, v] of incl.entries()) {
  if (!/(^|[^a-z_])vtre(_[a-z]+)?(\[[0-9a-f]+\])?::/.test(k)) continue;
  const n = k.replace(/::h[0-9a-f]{16}$/, '').replace(/\[[0-9a-f]+\]/g, '');
  mine.set(n, Math.max(mine.get(n) || 0, v));
}
for (const [k, v] of top(mine, 40)) console.log(`${(v / MOVES).toFixed(3).padStart(8)}  ${k.slice(0, 160)}`);
