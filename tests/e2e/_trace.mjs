import { chromium } from 'playwright-core';
import { LAUNCH, serve, listen } from './lib.mjs';
const dir = process.argv[2] || '/tmp/distn';
const server = serve(dir); const base = await listen(server);
const browser = await chromium.launch(LAUNCH);
const ctx = await browser.newContext({ viewport: { width: 412, height: 823 }, deviceScaleFactor: 1.75 });
const page = await ctx.newPage();
const cdp = await ctx.newCDPSession(page);
await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
const events = [];
cdp.on('Tracing.dataCollected', (d) => events.push(...d.value));
const done = new Promise((r) => cdp.once('Tracing.tracingComplete', r));
await cdp.send('Tracing.start', { categories: 'devtools.timeline,disabled-by-default-devtools.timeline,v8.execute,blink.user_timing', transferMode: 'ReportEvents' });
await page.goto(base + '/');
await page.waitForFunction(() => !document.getElementById('first-view'), null, { timeout: 30000 });
await page.waitForTimeout(800);
await cdp.send('Tracing.end'); await done;
const main = events.filter((e) => e.name === 'RunTask' && e.dur > 50000);
for (const t of main) {
  const inside = events.filter((e) => e.tid === t.tid && e.ts >= t.ts && e.ts + (e.dur || 0) <= t.ts + t.dur && e.ph === 'X' && e !== t);
  const sum = {};
  for (const e of inside) sum[e.name] = (sum[e.name] || 0) + e.dur / 1000;
  console.log(`task ${(t.dur / 1000).toFixed(0)} ms:`, Object.entries(sum).sort((a, b) => b[1] - a[1]).slice(0, 12).map(([k, v]) => `${k} ${v.toFixed(0)}`).join(', '));
}
await browser.close(); server.close();
