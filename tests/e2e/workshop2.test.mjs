// A workshop's comparison travels (issue 22): the share link and its QR code carry the compared scenarios;
// the levers-that-differ table has headers and says on/off for switches; adding, saving and applying say
// so; Back returns to the previous tab; presenter mode shows charts and the headline only, five charts on
// one 1080p screen; compared scenarios never wear a series' colour.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import fs from 'node:fs';
import { useApp, trackErrors, ARTIFACTS, openApp } from './lib.mjs';

const consoleErrors = [];
const app = useApp();

const open = (query = '', viewport = { width: 1440, height: 900 }, context) => openApp(app, consoleErrors, { query, viewport, context });

const chips = (page) => page.$$eval('[data-compared]', (els) => els.map((e) => e.textContent.trim()));

test('the comparison survives a share link and its QR code; tables have headers and words', async () => {
  const { context, page } = await open();
  await page.click('[data-action="scenarios"]');
  await page.click('[data-preset="green_low_carbon"] [data-action="compare-preset"]');
  assert.match(await page.textContent('[data-confirm]'), /已加入比较/);
  // The same scenario again is refused, and the reader is told.
  await page.click('[data-preset="green_low_carbon"] [data-action="compare-preset"]');
  assert.match(await page.textContent('[data-confirm]'), /已在比较中/);
  await page.click('[data-lever="renewable_exemption"]');
  await page.click('[data-action="compare-current"]');
  const before = await chips(page);
  assert.equal(before.length, 2);
  assert.ok(before.some((c) => /当前情景快照2/.test(c)), `a snapshot is named as one: ${before}`);
  // Levers that differ: a header row naming the columns, switches as on/off.
  const heads = await page.$$eval('[data-diff] thead th', (t) => t.map((x) => x.textContent));
  assert.deepEqual(heads.slice(0, 2), ['杠杆', '当前情景']);
  assert.equal(heads.length, 4);
  const sw = await page.$$eval('[data-diff-lever="renewable_exemption"] td', (t) => t.map((x) => x.textContent));
  assert.ok(sw.every((v) => v === '开' || v === '关'), `switch cells: ${sw}`);
  await page.screenshot({ path: path.join(ARTIFACTS, 'compare-desktop.png'), fullPage: false });
  // Share: the link and its QR code carry both compared scenarios.
  await page.click('[data-action="share"]');
  const url = await page.$eval('[data-share-url]', (e) => e.value);
  assert.equal((url.match(/[?&]c=/g) || []).length, 2, url);
  await page.waitForSelector('img[data-qr]');
  assert.match(await page.$eval('img[data-qr]', (e) => e.getAttribute('src')), /^data:image\/svg\+xml/);
  const other = await open('', { width: 390, height: 844 });
  await other.page.goto(url);
  await other.page.waitForSelector('html[data-app] [data-compared]');
  assert.deepEqual(await chips(other.page), before, 'a participant opening the link sees the same comparison');
  await other.page.$eval('details[data-group="energy_power"]', (d) => { d.open = true; });
  await other.page.waitForSelector('[data-lever="renewable_exemption"]');
  assert.equal(await other.page.$eval('[data-lever="renewable_exemption"]', (e) => e.checked), false);
  await other.context.close();
  await context.close();
});

test('saving says so, and Back returns to the tab before instead of leaving the app', async () => {
  const { context, page } = await open();
  await page.click('[data-action="scenarios"]');
  await page.fill('[data-save-name]', '研讨会方案A');
  await page.click('[data-action="save-scenario"]');
  assert.match(await page.textContent('[data-confirm]'), /已保存：“研讨会方案A”/);
  const start = page.url();
  await page.click('[data-view="guideline"]');
  await page.waitForSelector('[data-section="ch3-s5"]');
  await page.click('[data-view="assumptions"]');
  await page.waitForSelector('[data-param]');
  await page.goBack();
  await page.waitForSelector('[data-section="ch3-s5"]');
  assert.match(page.url(), /view=guideline/);
  await page.goBack();
  await page.waitForSelector('[data-chart="co2"]');
  assert.equal(new URL(page.url()).origin + new URL(page.url()).pathname, new URL(start).origin + new URL(start).pathname);
  assert.equal(await page.$eval('[data-view="explorer"]', (a) => a.getAttribute('aria-current')), 'page');
  await context.close();
});

test('presenter mode shows the headline and all five charts on one 1080p screen, nothing else', async () => {
  const { context, page } = await open('', { width: 1920, height: 1080 });
  await page.keyboard.press('p');
  await page.waitForFunction(() => document.documentElement.classList.contains('presenter'));
  await page.waitForTimeout(300);
  const boxes = await page.$$eval('canvas[data-chart]', (cs) => cs.map((c) => c.getBoundingClientRect()).map((r) => [r.top, r.bottom, r.height]));
  assert.equal(boxes.length, 5);
  for (const [top, bottom, h] of boxes) assert.ok(top >= 0 && bottom <= 1080 && h >= 180, `chart at ${top}–${bottom}`);
  for (const sel of ['.toolbar', '.views', '.scorecard', '.chart-actions', '.bands-note']) {
    assert.equal(await page.$eval(sel, (e) => getComputedStyle(e).display), 'none', `${sel} hidden`);
  }
  assert.ok(await page.isVisible('[data-headline="co2_2030"]'));
  await page.screenshot({ path: path.join(ARTIFACTS, 'presenter-1080p.png') });
  await page.keyboard.press('Escape');
  await page.waitForFunction(() => !document.documentElement.classList.contains('presenter'));
  await context.close();
});

test('the printed handout keeps legends, the comparison and a QR code, and drops the navigation', async () => {
  const { context, page } = await open();
  await page.click('[data-action="scenarios"]');
  await page.click('[data-preset="green_low_carbon"] [data-action="compare-preset"]');
  await page.click('[data-action="scenarios"]');
  await page.evaluate(() => dispatchEvent(new Event('beforeprint')));
  await page.emulateMedia({ media: 'print' });
  await page.waitForSelector('.handout img[data-handout-qr]');
  // One handout: the core module that handed the page to the full module (for the scenarios panel) no longer
  // answers the browser's beforeprint.
  assert.equal(await page.$$eval('.handout', (h) => h.length), 1, 'one handout header');
  const shown = (sel) => page.$$eval(sel, (els) => els.map((e) => getComputedStyle(e).display !== 'none' && e.getBoundingClientRect().height > 0));
  assert.ok((await shown('.chart .legend')).every(Boolean), 'every chart legend prints');
  assert.ok((await shown('.compare .table-wrap')).every(Boolean) && (await shown('.compare .table-wrap')).length === 2, 'both comparison tables print');
  assert.deepEqual(await shown('.views'), [false], 'the tabs do not print');
  assert.deepEqual(await shown('.toolbar'), [false]);
  assert.equal(await page.$$eval('.compare [aria-label] .icon, .compare button.icon', (b) => b.filter((x) => getComputedStyle(x).display !== 'none').length), 0, 'no × buttons');
  const pdf = await page.pdf({ format: 'A4', printBackground: true });
  fs.writeFileSync(path.join(ARTIFACTS, 'handout-compare.pdf'), pdf);
  const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) || []).length;
  console.log(`handout with a comparison: ${pages} pages`);
  assert.ok(pages >= 1 && pages <= 3, `${pages} pages`);
  await context.close();
});

test('a share link never carries the one-time request in the address to open a panel', async () => {
  // Just after the scenarios panel closes, the address still says open=scenarios for a moment (it is
  // rewritten after a pause): the link shared or printed then must be the one made after it.
  const { context, page } = await open();
  await page.click('[data-action="scenarios"]');
  await page.waitForSelector('[data-preset]');
  assert.match(await page.evaluate(() => location.search), /open=scenarios/);
  await page.click('[data-action="share"]');
  const url = await page.$eval('[data-share-url]', (e) => e.value);
  assert.doesNotMatch(url, /[?&](open|reveal)=/, url);
  assert.match(url, /[?&]s=/, url);
  await context.close();
});

test('no console errors in the workshop tests (round two)', () => {
  assert.deepEqual(consoleErrors, []);
});
