// End-to-end tests of embedding: the widget driven by a parent page on another origin via postMessage,
// origin checks, the strict CSP, same-origin-only requests, sub-path hosting and the single-file build.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { serve, listen, LAUNCH, chartImage, chartRedrawn } from './lib.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const dist = path.join(root, 'dist');
const artifacts = path.join(root, 'artifacts');
let browser;
const servers = [];
let parentOrigin, evilOrigin, appOrigin;

function parentPage(widgetUrl, width) {
  return `<!doctype html><meta charset="utf-8"><title>portal</title>
<iframe id="w" src="${widgetUrl}" style="width:${width}px;height:900px;border:0"></iframe>
<script>
window.__msgs = [];
addEventListener('message', (e) => { if (e.source === document.getElementById('w').contentWindow) window.__msgs.push({ origin: e.origin, data: e.data }); });
window.send = (msg) => document.getElementById('w').contentWindow.postMessage(msg, '*');
</script>`;
}

function pageServer() {
  const pages = {};
  const srv = http.createServer((req, res) => {
    const body = pages[new URL(req.url, 'http://x').pathname];
    if (!body) { res.writeHead(404); return res.end(); }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(body);
  });
  srv.pages = pages;
  return srv;
}

before(async () => {
  const parent = pageServer();
  const evil = pageServer();
  servers.push(parent, evil);
  parentOrigin = await listen(parent, 'localhost');
  evilOrigin = await listen(evil, 'localhost');
  const app = serve(dist, { csp: true, allowedOrigins: parentOrigin });
  servers.push(app);
  appOrigin = await listen(app);
  for (const w of [360, 800]) {
    parent.pages[`/w${w}`] = parentPage(`${appOrigin}/?embed=1&charts=co2,output_value&levers=eaf_swap,grid_factor&lang=en`, w);
  }
  evil.pages['/'] = parentPage(`${appOrigin}/?embed=1&charts=co2&levers=eaf_swap&lang=en`, 600);
  browser = await chromium.launch(LAUNCH);
});
after(async () => { await browser?.close(); for (const s of servers) s.close(); });

const widgetFrame = async (page) => {
  const el = await page.waitForSelector('#w');
  const frame = await el.contentFrame();
  await frame.waitForSelector('canvas[data-chart="co2"]');
  return frame;
};

test('a parent page on an allowed origin drives the widget and hears its height and scenario', async () => {
  for (const width of [360, 800]) {
    const page = await browser.newPage();
    await page.goto(`${parentOrigin}/w${width}`);
    const frame = await widgetFrame(page);
    await page.waitForFunction(() => window.__msgs.some((m) => m.data.type === 'vtre:height' && m.data.height > 200));
    const types = await page.evaluate(() => window.__msgs.map((m) => m.data.type));
    assert.ok(types.includes('vtre:ready') && types.includes('vtre:scenario'), types.join(','));
    const origins = await page.evaluate(() => [...new Set(window.__msgs.map((m) => m.origin))]);
    assert.deepEqual(origins, [appOrigin]);
    const overflow = await frame.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 0, `no horizontal scrollbar at ${width}px (${overflow})`);
    assert.ok(await frame.$('[data-lever="eaf_swap"]') && await frame.$('[data-lever="grid_factor"]'));
    assert.equal((await frame.$$('canvas[data-chart]')).length, 2);
    const href = await frame.$eval('[data-open-full]', (a) => a.href);
    assert.ok(!href.includes('embed=') && href.includes('s=1'), href);
    if (width === 800) {
      const before = await chartImage(frame, 'canvas[data-chart="co2"]');
      await page.evaluate(() => window.send({ type: 'vtre:set-scenario', s: '1,eaf_swap:600' }));
      await frame.waitForFunction(() => document.querySelector('[data-lever="eaf_swap"]').value === '600');
      assert.notEqual(await chartRedrawn(frame, 'canvas[data-chart="co2"]', before), before, 'chart redrew');
      await page.waitForFunction(() => window.__msgs.some((m) => m.data.type === 'vtre:scenario' && /eaf_swap:600/.test(m.data.s)));
      await page.evaluate(() => window.send({ type: 'vtre:set-lang', lang: 'zh' }));
      await frame.waitForFunction(() => document.documentElement.lang === 'zh-CN');
      // Malformed messages are ignored.
      await page.evaluate(() => { window.send('nonsense'); window.send({ type: 'vtre:set-scenario', s: 42 }); window.send({ type: 'vtre:set-lang', lang: 'xx' }); });
      await page.waitForTimeout(200);
      assert.equal(await frame.$eval('[data-lever="eaf_swap"]', (e) => e.value), '600');
      await page.screenshot({ path: path.join(artifacts, 'widget-800.png'), fullPage: true });
    }
    await page.close();
  }
});

test('a message from an origin that is not allowed is ignored, and nothing about the scenario is posted to it', async () => {
  const page = await browser.newPage();
  await page.goto(`${evilOrigin}/`);
  const frame = await widgetFrame(page);
  await page.evaluate(() => window.send({ type: 'vtre:set-scenario', s: '1,eaf_swap:900' }));
  await page.waitForTimeout(500);
  assert.equal(await frame.$eval('[data-lever="eaf_swap"]', (e) => e.value), '0');
  // Only what says nothing about the scenario reaches a parent that is not allowed: that the widget is ready
  // and its height (so any portal can size the frame; issue 22). Never the scenario or its link.
  const msgs = await page.evaluate(() => window.__msgs);
  assert.deepEqual([...new Set(msgs.map((m) => m.data.type))].sort(), ['vtre:height', 'vtre:ready']);
  assert.ok(msgs.every((m) => Object.keys(m.data).every((k) => ['type', 'version', 'height'].includes(k))), JSON.stringify(msgs));
  await page.close();
});

test('the full app runs under the strict CSP with no violations and requests only its own origin', async () => {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  const requests = [];
  const errors = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  await page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  await page.goto(`${appOrigin}/`);
  await page.waitForSelector('html[data-app] [data-headline="co2_2030"]');
  await page.focus('[data-lever="eaf_swap"]');
  await page.keyboard.press('ArrowRight');
  await page.click('[data-action="share"]');
  await page.waitForSelector('img[data-qr]');
  await page.click('[data-action="scenarios"]');
  await page.click('[data-preset="green_low_carbon"] [data-action="compare-preset"]');
  await page.hover('canvas[data-chart="co2"]');
  await page.click('[data-view="guideline"]');
  await page.waitForSelector('[data-section]');
  await page.click('[data-view="model"]');
  await page.waitForSelector('[data-flow]');
  await page.click('[data-view="assumptions"]');
  await page.waitForSelector('[data-param]');
  // The analysis page: results drawn as SVG and tables, progress bars, all under the same policy.
  await page.click('[data-view="analysis"]');
  await page.waitForSelector('[data-result="waterfall"] svg, [data-result="waterfall"] p:not(.pending)');
  await page.waitForSelector('[data-result="best"] tr');
  await page.click('[data-view="explorer"]');
  await page.waitForSelector('[data-ensemble="ready"]');
  await page.click('[data-action="embed"]');
  const snippet = await page.$eval('[data-embed-snippet]', (t) => t.value);
  assert.match(snippet, /<iframe src="[^"]*embed=1[^"]*charts=output_value,co2/);
  assert.deepEqual(await page.evaluate(() => window.__violations), [], 'no CSP violations');
  assert.deepEqual(errors, []);
  const foreign = requests.filter((u) => !u.startsWith(appOrigin + '/') && !u.startsWith('data:') && !u.startsWith('blob:'));
  assert.deepEqual(foreign, [], 'only same-origin requests');
  await context.close();
});

test('the app works from a sub-path', async () => {
  const srv = serve(dist, { prefix: '/portal/tools/vtre' });
  servers.push(srv);
  const origin = await listen(srv);
  const page = await browser.newPage();
  await page.goto(`${origin}/portal/tools/vtre/?view=guideline`);
  await page.waitForSelector('[data-section="ch2-s3"]');
  await page.click('[data-view="explorer"]');
  await page.waitForFunction(() => document.querySelectorAll('canvas[data-chart]').length === 5);
  await page.close();
});

test('the single-file build loads, draws its charts and opens the reader, under 1 MB', async () => {
  const file = path.join(root, 'dist-single', 'vtre-explorer.html');
  assert.ok(fs.existsSync(file), 'scripts/single-file.mjs ran');
  assert.ok(fs.statSync(file).size < 1024 * 1024);
  const srv = serve(path.dirname(file));
  servers.push(srv);
  const origin = await listen(srv);
  const page = await browser.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${origin}/vtre-explorer.html`);
  await page.waitForFunction(() => document.querySelectorAll('canvas[data-chart]').length === 5);
  await page.waitForSelector('html[data-app] [data-headline="co2_2030"]');
  const drawn = (await chartRedrawn(page, 'canvas[data-chart="co2"]', (png) => png.length > 5000)).length;
  assert.ok(drawn > 5000, 'the CO2 chart has pixels');
  await page.click('[data-view="guideline"]');
  await page.waitForSelector('[data-section="ch3-s5"]');
  assert.deepEqual(errors, []);
  await page.close();
});
