import { chromium } from 'playwright-core';
import { LAUNCH, serve, listen } from './lib.mjs';
const server = serve('/work/main/dist'); const base = await listen(server);
const browser = await chromium.launch(LAUNCH);
for (const [w, h, dpr, out, q] of [[1440, 900, 1, '/tmp/s-desk.png', ''], [390, 844, 2, '/tmp/s-phone.png', ''], [1440, 900, 1, '/tmp/s-desk-en.png', '?lang=en']]) {
  const ctx = await browser.newContext({ viewport: { width: w, height: h }, deviceScaleFactor: dpr, isMobile: w < 500, hasTouch: w < 500 });
  const page = await ctx.newPage();
  await page.goto(base + '/' + q);
  await page.waitForSelector('html[data-app] [data-headline="co2_2030"]');
  await page.focus('[data-lever="eaf_swap"]');
  for (let i = 0; i < 3; i++) await page.keyboard.press('PageUp');
  console.log(out); await page.waitForSelector('canvas[data-drawn-in="worker"]', { state: 'attached', timeout: 5000 }).catch(async () => console.log('not handed', await page.$$eval('canvas', (cs) => cs.map((c) => c.dataset.chart + c.width))));
  await page.waitForTimeout(1200);
  if (w > 500) { const c = await page.$('canvas[data-chart="co2"]'); const b = await c.boundingBox(); await page.mouse.move(b.x + b.width * 0.5, b.y + b.height * 0.5); await page.waitForTimeout(400); }
  await page.screenshot({ path: out });
  await ctx.close();
}
await browser.close(); server.close();
