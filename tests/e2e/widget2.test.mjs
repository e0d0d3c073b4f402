// A widget that fits its column (issue 22): at 360 px the default widget is short (the scorecard one line per
// target), it tells any parent page its height so the page can size the frame, scorecard=0|summary|full is
// honoured, and the embed dialog offers the scorecard choice and sets the snippet's height from a preview.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { serve, listen, LAUNCH, DIST, ARTIFACTS } from './lib.mjs';

let browser, appOrigin, portal;
const servers = [];
const pages = {};

before(async () => {
  // The portal is on another origin and is NOT listed in vtre-allowed-origins: it still gets the height.
  const app = serve(DIST, { csp: true });
  servers.push(app);
  appOrigin = await listen(app);
  const p = http.createServer((req, res) => { const b = pages[new URL(req.url, 'http://x').pathname]; res.writeHead(b ? 200 : 404, { 'content-type': 'text/html; charset=utf-8' }); res.end(b || ''); });
  servers.push(p);
  portal = await listen(p, 'localhost');
  browser = await chromium.launch(LAUNCH);
});
after(async () => { await browser?.close(); for (const s of servers) s.close(); });

function framePage(query, width) {
  // The auto-height script the README gives a portal.
  return `<!doctype html><meta charset="utf-8"><title>portal</title>
<iframe id="w" src="${appOrigin}/?embed=1&lang=zh${query}" width="${width}" height="300" style="border:0"></iframe>
<script>
window.__heights = [];
addEventListener('message', (e) => {
  const f = document.getElementById('w');
  if (e.source === f.contentWindow && e.data && e.data.type === 'vtre:height') { window.__heights.push(e.data.height); f.height = e.data.height; }
});
</script>`;
}

async function widget(query, width = 360) {
  const name = `/p${Object.keys(pages).length}`;
  pages[name] = framePage(query, width);
  const page = await browser.newPage({ viewport: { width: 420, height: 900 } });
  await page.goto(portal + name);
  const frame = await (await page.waitForSelector('#w')).contentFrame();
  await frame.waitForSelector('html[data-app] [data-widget]');
  await page.waitForFunction(() => window.__heights.length > 0);
  await page.waitForTimeout(500);
  return { page, frame };
}

test('the default widget at 360 px is short and its parent page sizes the frame from its height message', async () => {
  const { page, frame } = await widget('');
  const h = await frame.evaluate(() => document.documentElement.scrollHeight);
  const frameH = await page.$eval('#w', (f) => Number(f.height));
  console.log(`default widget at 360 px: ${h} px tall`);
  assert.ok(h < 1700, `the default widget is ${h} px (was 2,665 with full cards)`);
  assert.equal(frameH, h, 'the frame follows the height message');
  assert.equal(await frame.$$eval('[data-summary-target]', (li) => li.length), 8, 'one line per scored target');
  assert.equal(await frame.$('[data-target]'), null, 'no full cards by default');
  await page.screenshot({ path: path.join(ARTIFACTS, 'widget-360.png'), fullPage: true });
  await page.close();
});

test('scorecard=0|summary|full is honoured (and targets=0 still hides it)', async () => {
  for (const [q, lines, cards] of [['&scorecard=full', 0, 9], ['&scorecard=0', 0, 0], ['&targets=0', 0, 0], ['&scorecard=summary', 8, 0]]) {
    const { page, frame } = await widget(q);
    assert.equal(await frame.$$eval('[data-summary-target]', (li) => li.length), lines, q);
    assert.equal(await frame.$$eval('[data-target]', (c) => c.length), cards, q);
    await page.close();
  }
});

test('the embed dialog offers the scorecard choice and takes the snippet\'s height from a preview', async () => {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  await page.goto(appOrigin + '/');
  await page.waitForSelector('html[data-app]');
  await page.click('[data-action="embed"]');
  await page.waitForSelector('[data-embed-preview]');
  await page.waitForSelector('[data-embed-measured]:not([data-embed-measured=""])', { timeout: 20000 });
  const measured = Number(await page.getAttribute('[data-embed-measured]', 'data-embed-measured'));
  let snippet = await page.$eval('[data-embed-snippet]', (t) => t.value);
  assert.match(snippet, new RegExp(`height="${measured}"`), snippet);
  assert.match(snippet, /scorecard=summary/);
  await page.selectOption('[data-embed-scorecard]', 'full');
  await page.waitForFunction((m) => Number(document.querySelector('[data-embed-measured]').dataset.embedMeasured) > m + 300, measured, { timeout: 20000 });
  snippet = await page.$eval('[data-embed-snippet]', (t) => t.value);
  assert.match(snippet, /scorecard=full/);
  const taller = Number(await page.getAttribute('[data-embed-measured]', 'data-embed-measured'));
  assert.match(snippet, new RegExp(`height="${taller}"`));
  await page.screenshot({ path: path.join(ARTIFACTS, 'embed-dialog.png') });
  await page.close();
});
