// A panic inside a chart or a component (issue 24, item 2), against the fault-injection build in dist-fault/
// (`bash scripts/fault-build.sh`, run by scripts/test.sh):
// `?fault=chart:co2` makes the CO2 chart's drawing panic, `?fault=headline` the headline's first update.
// A contained part says so in the reader's language with a reload action while the rest keeps working; an
// uncontained panic shows the banner; either way the scenario in the address bar and the autosave is the
// reader's latest.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { serve, listen, LAUNCH, ROOT, ARTIFACTS, chartImage, chartRedrawn } from './lib.mjs';

const DIR = path.join(ROOT, 'dist-fault');
let base, browser, server;

before(async () => {
  assert.ok(fs.existsSync(path.join(DIR, 'index.html')),
    'dist-fault/ is missing: build it with `bash scripts/fault-build.sh`');
  const { chromium } = await import('playwright-core');
  server = serve(DIR, { csp: true });
  base = (await listen(server)) + '/';
  browser = await chromium.launch(LAUNCH);
});
after(async () => { await browser?.close(); server?.close(); });

/** Console errors other than the injected panic's own report. */
function track(page) {
  const errors = [];
  page.on('console', (m) => {
    if (m.type() === 'error' && !/injected fault in|RuntimeError: unreachable/.test(m.text())) errors.push(m.text());
  });
  page.on('pageerror', (e) => { if (!/unreachable/.test(e.message)) errors.push(`pageerror: ${e.message}`); });
  return errors;
}

async function open(query, viewport = { width: 1440, height: 900 }) {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  const errors = track(page);
  await page.goto(base + query);
  await page.waitForSelector('html[data-app] [data-headline="co2_2030"]');
  return { context, page, errors };
}

/** Sets a lever's slider as a reader's drag would end. */
async function setLever(page, id, value) {
  await page.evaluate(([id, value]) => {
    const el = document.querySelector(`input[type="range"][data-lever="${id}"]`);
    el.value = String(value);
    el.dispatchEvent(new Event('input', { bubbles: true }));
    el.dispatchEvent(new Event('change', { bubbles: true }));
  }, [id, value]);
}

const headline = (page, key) => page.$eval(`[data-headline="${key}"]`, (e) => e.getAttribute('data-value'));
const pixels = (page, chart) => chartImage(page, `canvas[data-chart="${chart}"]`);
/** The autosaved working scenario of this tab (the newest `vtre.working*` entry). */
const working = (page) => page.evaluate(() => {
  const keys = Object.keys(localStorage).filter((k) => k.startsWith('vtre.working'));
  const entries = keys.map((k) => JSON.parse(localStorage.getItem(k)));
  entries.sort((a, b) => b.saved_at - a.saved_at);
  return entries[0] || null;
});

test('a chart whose drawing panics says so with a reload button; the rest keeps working and the scenario is kept', async () => {
  const { context, page, errors } = await open('?s=1,eaf_swap:100&lang=zh&fault=chart:co2');
  const failed = await page.waitForSelector('[data-part-failed="co2"]', { state: 'visible' });
  assert.match(await failed.textContent(), /此图表出错，已停止绘制/);
  assert.equal((await failed.$eval('button', (b) => b.textContent.trim())), '刷新');
  assert.equal(await page.getAttribute('html', 'data-failed-parts'), 'chart:co2');
  assert.equal(await page.$('#panic-banner'), null, 'a contained part raises no page-wide banner');
  await page.screenshot({ path: path.join(ARTIFACTS, 'contain-chart-desktop.png') });

  // The rest keeps working: a lever moves the headline and redraws the other charts.
  const before = { co2: await headline(page, 'co2_2030'), energy: await pixels(page, 'energy'), out: await pixels(page, 'output_value') };
  await setLever(page, 'eaf_swap', 250);
  await page.waitForFunction((v) => document.querySelector('[data-headline="co2_2030"]').getAttribute('data-value') !== v, before.co2);
  await page.waitForTimeout(200);
  assert.notEqual(await chartRedrawn(page, 'canvas[data-chart="energy"]', before.energy), before.energy, 'the energy chart redraws');
  assert.notEqual(await chartRedrawn(page, 'canvas[data-chart="output_value"]', before.out), before.out, 'the output-value chart redraws');
  assert.ok(await page.isVisible('[data-part-failed="co2"]'), 'the failed chart still says so');

  // The scenario is the reader's: in the address bar and the autosave.
  await page.waitForFunction(() => new URL(location.href).searchParams.get('s')?.includes('eaf_swap:250'));
  const saved = await working(page);
  assert.ok(saved, 'a working scenario is autosaved');
  assert.equal(saved.scenario.eaf_swap, 250);

  // Reload: the same scenario (the fault stays in the address, as a real fault would stay in the code).
  await page.click('[data-part-failed="co2"] button');
  await page.waitForSelector('html[data-app] [data-headline="co2_2030"]');
  await page.waitForFunction(() => document.querySelector('input[type="range"][data-lever="eaf_swap"]')?.value === '250');
  assert.equal(await page.$eval('[data-headline="co2_2030"]', (e) => e.dataset.value), await headline(page, 'co2_2030'));
  assert.deepEqual(errors, []);
  await context.close();
});

test('in English, and on a phone: the message in the reader\'s language', async () => {
  const { context, page, errors } = await open('?lang=en&fault=chart:co2', { width: 390, height: 844 });
  // Below the levers on a phone: drawn (and so failing) once scrolled into view.
  await page.waitForSelector('[data-chart-figure="co2"]', { state: 'attached' });
  await page.$eval('[data-chart-figure="co2"]', (e) => e.scrollIntoView());
  const failed = await page.waitForSelector('[data-part-failed="co2"]', { state: 'visible' });
  assert.match(await failed.textContent(), /This chart failed and has stopped drawing\. The rest of the page and your scenario are unaffected\./);
  assert.equal((await failed.$eval('button', (b) => b.textContent.trim())), 'Reload');
  await page.screenshot({ path: path.join(ARTIFACTS, 'contain-chart-phone.png') });
  assert.deepEqual(errors, []);
  await context.close();
});

test('an uncontained panic shows the banner in the reader\'s language and writes the latest scenario at once', async () => {
  const { context, page } = await open('?lang=en&fault=headline');
  await setLever(page, 'eaf_swap', 200);
  const banner = await page.waitForSelector('#panic-banner', { state: 'visible' });
  assert.match(await banner.textContent(), /Something went wrong inside the page\. Your scenario is kept in the link and on this device/);
  const reload = await banner.$('a.reload');
  assert.equal((await reload.textContent()).trim(), 'Reload');
  // Saved by the hook, not 250 ms later by the page (whose tasks may not run again).
  assert.match(page.url(), /eaf_swap:200/);
  assert.match(await reload.getAttribute('href'), /eaf_swap:200/);
  const saved = await working(page);
  assert.equal(saved?.scenario?.eaf_swap, 200);
  await page.screenshot({ path: path.join(ARTIFACTS, 'contain-banner-desktop.png') });
  // The link reopens the reader's scenario.
  await reload.click();
  await page.waitForSelector('html[data-app] [data-headline="co2_2030"]');
  assert.equal(await page.$eval('input[type="range"][data-lever="eaf_swap"]', (e) => e.value), '200');
  await context.close();
});

test('the release build has no fault injection: ?fault= changes nothing', async () => {
  const dist = fs.readdirSync(path.join(ROOT, 'dist')).find((f) => /^explorer-.*_bg\.wasm$/.test(f));
  assert.ok(dist, 'a release build in dist/');
  const wasm = fs.readFileSync(path.join(ROOT, 'dist', dist));
  assert.equal(wasm.includes(Buffer.from('injected fault in')), false);
  const fault = fs.readdirSync(DIR).find((f) => /^explorer-.*_bg\.wasm$/.test(f));
  assert.equal(fs.readFileSync(path.join(DIR, fault)).includes(Buffer.from('injected fault in')), true);
});
