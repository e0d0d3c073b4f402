// End-to-end tests of "heard, not only seen" (issue #14, the live region): after the levers settle, one polite
// live region ([data-announce]) says what changed in the headline figures; a drag is one announcement.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useApp, trackErrors } from './lib.mjs';

const app = useApp();

async function open(query = '') {
  const context = await app.browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  const errors = [];
  trackErrors(page, errors);
  await page.goto(app.base + query);
  await page.waitForSelector('html[data-app] [data-headline="co2_2030"]');
  await page.waitForFunction(() => document.querySelectorAll('canvas[data-chart]').length === 5);
  // Every text the live region takes, in order.
  await page.evaluate(() => {
    window.__said = [];
    const region = document.querySelector('[data-announce]');
    new MutationObserver(() => { if (region.textContent) window.__said.push(region.textContent); })
      .observe(region, { childList: true, characterData: true, subtree: true });
  });
  return { context, page, errors };
}

const figures = (page) => page.$$eval('[data-headline]', (els) => Object.fromEntries(els.map((e) => [e.dataset.headline, Number(e.dataset.value)])));
/** The headline's rounding: 0 decimals from 100, 1 from 10, 2 from 1, else 3. */
const shown = (v) => { const a = Math.abs(v); const d = a >= 100 ? 0 : a >= 10 ? 1 : a >= 1 ? 2 : 3; return v.toLocaleString('en-US', { minimumFractionDigits: d, maximumFractionDigits: d }); };

test('one live region, not four: the headline figures are not live regions themselves', async () => {
  const { context, page } = await open();
  assert.equal(await page.$$eval('[data-headline][aria-live], [data-headline] [aria-live]', (els) => els.length), 0);
  assert.equal(await page.$$eval('.headline [aria-live]', (els) => els.length), 1);
  const region = await page.$eval('[data-announce]', (e) => ({ live: e.getAttribute('aria-live'), role: e.getAttribute('role'), text: e.textContent }));
  assert.deepEqual(region, { live: 'polite', role: 'status', text: '' }, 'polite and silent until something changes');
  await context.close();
});

test('a 3 s slider drag is one announcement, with the 2030 CO2 and targets met before and after', async () => {
  const { context, page, errors } = await open();
  const before = await figures(page);
  const box = await page.$eval('[data-lever="eaf_swap"]', (e) => { const r = e.getBoundingClientRect(); return { x: r.x, y: r.y, w: r.width, h: r.height }; });
  const y = box.y + box.h / 2;
  // The thumb sits at the left end (0); drag it to about 60 % over 3 s, a move every 50 ms.
  await page.mouse.move(box.x + 6, y);
  await page.mouse.down();
  const steps = 60;
  for (let i = 1; i <= steps; i++) {
    await page.mouse.move(box.x + 6 + (box.w * 0.6 * i) / steps, y);
    await page.waitForTimeout(50);
  }
  const during = await page.evaluate(() => window.__said.length);
  await page.mouse.up();
  await page.waitForTimeout(1500);
  const said = await page.evaluate(() => window.__said);
  const after = await figures(page);
  assert.equal(during, 0, 'nothing said while dragging');
  assert.equal(said.length, 1, `one announcement: ${JSON.stringify(said)}`);
  assert.ok(after.co2_2030 < before.co2_2030, 'the drag lowered 2030 CO2');
  const text = said[0];
  assert.ok(text.includes(`2030年CO2：${shown(before.co2_2030 * 100)} → ${shown(after.co2_2030 * 100)} 万吨`), text);
  if (after.targets_met !== before.targets_met) {
    assert.ok(text.includes(`达成的目标：${before.targets_met} → ${after.targets_met}`), text);
  } else {
    assert.ok(!text.includes('达成的目标'), text);
  }
  assert.equal(await page.$eval('[data-announce]', (e) => e.textContent), text, 'the region holds it');
  assert.deepEqual(errors, []);
  await context.close();
});

test('in English, and compared with the last announcement, not with the reference', async () => {
  const { context, page } = await open('?lang=en');
  const first = await figures(page);
  await page.focus('[data-lever="eaf_swap"]');
  await page.keyboard.press('PageUp');
  await page.waitForFunction(() => window.__said.length === 1);
  const mid = await figures(page);
  await page.keyboard.press('PageUp');
  await page.waitForFunction(() => window.__said.length === 2);
  const last = await figures(page);
  const said = await page.evaluate(() => window.__said);
  assert.match(said[0], new RegExp(`2030 CO2: ${shown(first.co2_2030)} → ${shown(mid.co2_2030)} Mt`));
  assert.match(said[1], new RegExp(`2030 CO2: ${shown(mid.co2_2030)} → ${shown(last.co2_2030)} Mt`));
  for (const s of said) assert.match(s, /^[A-Z0-9]/, 'starts with a capital');
  // Undo back to the same figures says nothing new until they differ from the last announcement.
  await page.keyboard.press('Control+z');
  await page.waitForTimeout(1200);
  const again = await page.evaluate(() => window.__said);
  assert.equal(again.length, 3, 'undo is a change too');
  assert.match(again[2], new RegExp(`2030 CO2: ${shown(last.co2_2030)} → `));
  await context.close();
});
