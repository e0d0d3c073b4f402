// A screenshot of a build (not a test). Usage: node tests/e2e/_shot.mjs DIST OUT.png [WIDTH HEIGHT [?query]]
// e.g. 1440 900 (desktop) or 390 844 (phone: touch, mobile viewport). MOVE=<lever key> steps that lever up
// three times first and waits for the bands (the charts then come from the drawing worker).
import { chromium } from 'playwright-core';
import { LAUNCH, serve, listen } from './lib.mjs';
const dir = process.argv[2]; const out = process.argv[3]; const w = +process.argv[4] || 1440, h = +process.argv[5] || 900;
const q = process.argv[6] || '';
const server = serve(dir); const base = await listen(server);
const browser = await chromium.launch(LAUNCH);
const ctx = await browser.newContext({ viewport: { width: w, height: h }, deviceScaleFactor: 1, isMobile: w < 500, hasTouch: w < 500 });
const page = await ctx.newPage();
await page.goto(base + '/' + q);
await page.waitForLoadState('networkidle');
await page.waitForTimeout(1500);
if (process.env.MOVE) {
  await page.focus(`[data-lever="${process.env.MOVE}"]`);
  for (let i = 0; i < 3; i++) await page.keyboard.press('PageUp');
  await page.waitForSelector('[data-ensemble="ready"]');
  await page.waitForTimeout(800);
}
await page.screenshot({ path: out });
await browser.close(); server.close();
