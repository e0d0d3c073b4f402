import { chromium } from 'playwright-core';
import { LAUNCH, serve, listen } from './lib.mjs';
const server = serve('/tmp/distn'); const base = await listen(server);
const browser = await chromium.launch(LAUNCH);
const ctx = await browser.newContext({ viewport: { width: 412, height: 823 }, deviceScaleFactor: 1.75 });
const page = await ctx.newPage();
const cdp = await ctx.newCDPSession(page);
await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
await cdp.send('Profiler.enable'); await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
await cdp.send('Profiler.start');
await page.goto(base + '/');
await page.waitForFunction(() => !document.getElementById('first-view'), null, { timeout: 30000 });
await page.waitForTimeout(500);
const { profile } = await cdp.send('Profiler.stop');
// self time by function
const self = new Map(); const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const dt = profile.timeDeltas; let t = 0;
for (let i = 0; i < profile.samples.length; i++) { const n = byId.get(profile.samples[i]); const k = n.callFrame.functionName || '(' + n.callFrame.url.split('/').pop() + ')'; self.set(k, (self.get(k) || 0) + (dt[i] || 0) / 1000); }
const top = [...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, 40);
for (const [k, v] of top) console.log(v.toFixed(1).padStart(7), k.slice(0, 140));
const parent = new Map(); for (const n of profile.nodes) for (const c of (n.children||[])) parent.set(c, n.id);
const incl = new Map();
for (let i = 0; i < profile.samples.length; i++) { let id = profile.samples[i]; const seen = new Set(); while (id) { const n = byId.get(id); const k = n.callFrame.functionName; if (!seen.has(k)) { incl.set(k, (incl.get(k)||0) + (dt[i]||0)/1000); seen.add(k);} id = parent.get(id); } }
console.log('--- inclusive');
for (const [k, v] of [...incl.entries()].filter(([k]) => /vtre::ui|__component|Effect|mount/.test(k)).sort((a,b)=>b[1]-a[1]).slice(0,30)) console.log(v.toFixed(1).padStart(7), k.slice(0,150));
await browser.close(); server.close();
