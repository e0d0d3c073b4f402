import { chromium } from 'playwright-core';
import { serve, listen, LAUNCH, DIST } from './lib.mjs';
const server = serve(process.argv[2] || DIST); const url = (await listen(server)) + '/';
const browser = await chromium.launch(LAUNCH);
for (let k = 0; k < 4; k++) {
const ctx = await browser.newContext({ viewport: { width: 1440, height: 900 }, deviceScaleFactor: 2 });
await ctx.addInitScript(() => { addEventListener('TrunkApplicationStarted', () => { window.__started = performance.now(); }); });
const page = await ctx.newPage();
await page.goto(url);
await page.waitForFunction(() => document.querySelector('canvas[data-chart="output_value"]')?.width > 300);
const first = await page.evaluate(() => performance.now());
const r = await page.evaluate(() => ({ started: window.__started, res: performance.getEntriesByType('resource').map(e => [e.name.split('/').pop().slice(0,20), Math.round(e.startTime), Math.round(e.responseEnd)]), dcl: Math.round(performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd), fcp: performance.getEntriesByType('paint').map(p=>[p.name, Math.round(p.startTime)]) }));
console.log(Math.round(first), JSON.stringify(r));
await ctx.close();
}
await browser.close(); server.close();
