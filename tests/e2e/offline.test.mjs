// End-to-end tests of "offline and installable" (issue #14): the service worker written by scripts/pwa.mjs
// (sw.js, from the scripts/sw.js template), the web app manifest and icons, and the update notice.
// Playwright's context.setOffline does not reach a service worker's own fetches (microsoft/playwright#2311),
// so "offline" here is both: the context set offline and the server closed.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { serve, listen, LAUNCH, DIST, ARTIFACTS, CSP, trackErrors } from './lib.mjs';

let browser;
const servers = [];
before(async () => {
  assert.ok(fs.existsSync(path.join(DIST, 'sw.js')), 'dist/sw.js exists (trunk build --release runs scripts/pwa.mjs)');
  browser = await chromium.launch(LAUNCH);
});
after(async () => { await browser?.close(); for (const s of servers) s.close(); });

const buildOf = (html) => (html.match(/<meta name="vtre-build" content="([^"]*)">/) || [])[1];
const BUILD = buildOf(fs.readFileSync(path.join(DIST, 'index.html'), 'utf8'));
const SW_FILES = JSON.parse(fs.readFileSync(path.join(DIST, 'sw.js'), 'utf8').match(/const FILES = (\[[\s\S]*?\]);/)[1]);

/**
 * dist/ served as by lib.mjs (options: csp, prefix), plus `server.next = true`: a new deployment, simulated by
 * serving sw.js and index.html with another version and the guideline page with a marker.
 */
async function app(opts = {}) {
  const inner = serve(DIST, opts).listeners('request')[0];
  const prefix = opts.prefix || '';
  const NEXT = `${BUILD}-next`;
  const server = (await import('node:http')).createServer((req, res) => {
    const p = new URL(req.url, 'http://x').pathname.slice(prefix.length);
    const send = (type, body) => {
      const headers = { 'content-type': type };
      if (opts.csp) headers['content-security-policy'] = CSP;
      res.writeHead(200, headers);
      res.end(body);
    };
    if (server.next && p === '/sw.js') {
      return send('text/javascript', fs.readFileSync(path.join(DIST, 'sw.js'), 'utf8').replace(JSON.stringify(BUILD), JSON.stringify(NEXT)));
    }
    if (server.next && (p === '/' || p === '/index.html')) {
      return send('text/html; charset=utf-8', fs.readFileSync(path.join(DIST, 'index.html'), 'utf8').replace(`content="${BUILD}"`, `content="${NEXT}"`));
    }
    if (server.next && p === '/pages/guideline-zh.html') {
      return send('text/html; charset=utf-8', fs.readFileSync(path.join(DIST, 'pages', 'guideline-zh.html'), 'utf8').replace('指南导读</h2>', '指南导读 NEXT-BUILD</h2>'));
    }
    inner(req, res);
  });
  servers.push(server);
  server.base = (await listen(server)) + prefix + '/';
  server.nextBuild = NEXT;
  return server;
}

async function explorer(context, url, errors) {
  const page = await context.newPage();
  if (errors) trackErrors(page, errors);
  await page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  await page.goto(url);
  await page.waitForSelector('html[data-app] [data-headline="co2_2030"]');
  return page;
}

const controlled = (page) => page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 30000 });
const co2 = (page) => page.$eval('[data-headline="co2_2030"]', (e) => Number(e.dataset.value));

test('the build lists every file in sw.js, links a manifest with PNG icons and states its version', async () => {
  const files = [];
  // (Not Trunk's transient .stage/ of a build in progress.)
  const walk = (d) => { for (const e of fs.readdirSync(d, { withFileTypes: true })) if (!e.name.startsWith('.')) e.isDirectory() ? walk(path.join(d, e.name)) : files.push(path.relative(DIST, path.join(d, e.name))); };
  walk(DIST);
  assert.deepEqual(SW_FILES, files.filter((f) => f !== 'sw.js').sort(), 'the exact file list of this build');
  for (const f of ['index.html', 'manifest.webmanifest', 'icon-192.png', 'icon-512.png', 'favicon.svg', 'data/assumptions.csv', 'pages/guideline-zh.html', 'pages/assumptions-en.html']) {
    assert.ok(SW_FILES.includes(f), f);
  }
  for (const re of [/_bg\.wasm$/, /^explorer-[0-9a-f]+\.js$/, /^main-[0-9a-f]+\.css$/, /^loader-[0-9a-f]+\.js$/]) assert.ok(SW_FILES.some((f) => re.test(f)), String(re));
  assert.match(BUILD, /^\d+\.\d+\.\d+-[0-9a-f]{12}$/);
  const manifest = JSON.parse(fs.readFileSync(path.join(DIST, 'manifest.webmanifest'), 'utf8'));
  assert.equal(manifest.start_url, './');
  assert.equal(manifest.display, 'standalone');
  const css = fs.readFileSync(path.join(DIST, SW_FILES.find((f) => f.endsWith('.css'))), 'utf8');
  assert.ok(css.includes(`--accent:${manifest.theme_color}`) || css.includes(`--accent: ${manifest.theme_color}`), 'the theme colour is the CSS accent');
  for (const size of [192, 512]) {
    const icon = manifest.icons.find((i) => i.sizes === `${size}x${size}` && i.purpose === 'any');
    const png = fs.readFileSync(path.join(DIST, icon.src));
    assert.equal(png.readUInt32BE(16), size, `${icon.src} is ${size} px wide`);
  }
  const html = fs.readFileSync(path.join(DIST, 'index.html'), 'utf8');
  assert.match(html, /<link[^>]*manifest\.webmanifest[^>]*rel="?manifest/);
  assert.match(html, new RegExp(`<meta name="theme-color" content="${manifest.theme_color}">`));
});

test('from a sub-path under the strict CSP: after one visit the explorer opens and works offline', async () => {
  const server = await app({ csp: true, prefix: '/portal/tools/vtre' });
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const errors = [];
  let page = await explorer(context, server.base, errors);
  // A first visit precaches nothing while the page is loading and untouched (issue 20): the precache waits
  // for the reader's first interaction (or 10 s).
  await page.waitForTimeout(500);
  assert.equal(await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()) ?? null), null, 'no service worker before an interaction');
  await page.mouse.click(5, 5);
  await controlled(page);
  const reg = await page.evaluate(async () => {
    const r = await navigator.serviceWorker.getRegistration();
    const keys = await caches.keys();
    const cache = await caches.open(keys[0]);
    return { scope: r.scope, keys, cached: (await cache.keys()).length };
  });
  assert.equal(reg.scope, server.base, 'scope: the sub-path');
  assert.equal(reg.keys.length, 1);
  assert.ok(reg.keys[0].endsWith(BUILD), reg.keys[0]);
  assert.equal(reg.cached, SW_FILES.length, 'every file precached');
  assert.equal(await page.$('[data-update="ready"]:not([hidden])'), null, 'no update notice on a first visit');

  await context.setOffline(true);
  server.close();
  server.closeAllConnections();
  await page.reload();
  await page.waitForSelector('html[data-app] [data-headline="co2_2030"]');
  await page.waitForFunction(() => document.querySelectorAll('canvas[data-chart]').length === 5);
  const before = await co2(page);
  await page.focus('[data-lever="eaf_swap"]');
  await page.keyboard.press('PageUp');
  await page.waitForFunction((v) => Number(document.querySelector('[data-headline="co2_2030"]').dataset.value) !== v, before);
  assert.ok(await co2(page) < before, 'a lever move updates the headline offline');
  // The reading pages and the data download come from the cache too.
  await page.click('[data-view="guideline"]');
  await page.waitForSelector('[data-section="ch2-s3"]');
  await page.click('[data-view="explorer"]');
  const [dl] = await Promise.all([page.waitForEvent('download'), page.click('[data-action="download-data"]')]);
  const text = fs.readFileSync(await dl.path(), 'utf8');
  assert.match(text, /\n# assumptions\nid,value,low,high,unit,kind,source,role,/, 'the assumptions with their sources, offline');
  assert.deepEqual(await page.evaluate(() => window.__violations), [], 'no CSP violations');
  // A second tab opened offline.
  page = await explorer(context, server.base + '?lang=en&s=1,eaf_swap:300');
  assert.equal(await page.$eval('[data-lever="eaf_swap"]', (e) => e.value), '300');
  assert.deepEqual(errors.filter((e) => !/Failed to (fetch|update)|ERR_INTERNET_DISCONNECTED|net::/.test(e)), []);
  await context.close();
});

test('a new deployment waits behind a quiet notice; the page keeps its own files until the reader reloads', async () => {
  const server = await app();
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, deviceScaleFactor: 2 });
  const page = await explorer(context, server.base);
  await controlled(page);
  // The first version's reading page, as the app fetches it.
  const fetchGuideline = () => page.evaluate(async () => {
    const v = document.querySelector('meta[name=vtre-build]').content;
    return (await fetch(`pages/guideline-zh.html?v=${v}`)).text();
  });
  assert.ok(!(await fetchGuideline()).includes('NEXT-BUILD'));

  server.next = true;
  // A reader coming back to the tab: the app looks for an update (as on `visibilitychange`).
  await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).update());
  const notice = await page.waitForSelector('[data-update="ready"]:not([hidden])', { timeout: 30000 });
  assert.equal((await notice.textContent()).includes('新版本已就绪，刷新即可使用'), true);
  assert.equal(await page.$eval('.update-slot', (e) => e.getAttribute('aria-live')), 'polite');
  const state = await page.evaluate(async () => {
    const r = await navigator.serviceWorker.getRegistration();
    return { waiting: !!r.waiting, build: document.querySelector('meta[name=vtre-build]').content, caches: await caches.keys() };
  });
  assert.ok(state.waiting, 'the new worker waits');
  assert.equal(state.build, BUILD, 'the page is still the first version');
  assert.equal(state.caches.length, 2, 'both versions cached while the new one waits');
  // No mix: the page's on-demand files still come from its own version.
  assert.ok(!(await fetchGuideline()).includes('NEXT-BUILD'), 'the old page reads the old reading page');
  await page.click('[data-view="guideline"]');
  await page.waitForSelector('#reader-title');
  assert.ok(!(await page.$eval('#reader-title', (e) => e.textContent)).includes('NEXT-BUILD'));
  await page.click('[data-view="explorer"]');
  await page.waitForSelector('[data-update="ready"]:not([hidden])');
  await page.screenshot({ path: path.join(ARTIFACTS, 'update-notice-desktop.png') });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: path.join(ARTIFACTS, 'update-notice-phone.png') });
  await page.click('[data-action="toggle-lang"]');
  // The reading page was the full module's (src/ui/handover.rs), which took over the page: its own notice.
  assert.match(await page.textContent('[data-update="ready"]'), /A new version is ready — reload to use it/);
  await page.click('[data-action="toggle-lang"]');

  // Reload: the new worker takes over, the page reloads into the new version, and the old cache goes.
  await Promise.all([page.waitForEvent('load'), page.click('[data-action="reload"]')]);
  await page.waitForSelector('html[data-app] [data-headline="co2_2030"]');
  assert.equal(await page.$eval('meta[name=vtre-build]', (m) => m.content), server.nextBuild);
  await page.waitForFunction(async () => (await caches.keys()).length === 1);
  assert.ok((await page.evaluate(() => caches.keys()))[0].endsWith(server.nextBuild));
  await page.click('[data-view="guideline"]');
  await page.waitForSelector('#reader-title');
  assert.ok((await page.$eval('#reader-title', (e) => e.textContent)).includes('NEXT-BUILD'), 'the new version reads its own page');
  await page.waitForTimeout(500);
  assert.equal(await page.$('[data-update="ready"]:not([hidden])'), null, 'no notice after the update');
  await context.close();
});

test('a page the network sent from a newer build adopts its own waiting worker with no notice', async () => {
  const server = await app();
  const context = await browser.newContext();
  let page = await explorer(context, server.base);
  await controlled(page);
  server.next = true;
  await page.close();
  page = await explorer(context, server.base);
  assert.equal(await page.$eval('meta[name=vtre-build]', (m) => m.content), server.nextBuild, 'network first: the new index.html');
  await page.waitForFunction(async () => {
    const keys = await caches.keys();
    return keys.length === 1 && keys[0].endsWith('-next');
  }, null, { timeout: 30000 });
  assert.equal(await page.$('[data-update="ready"]:not([hidden])'), null);
  await context.close();
});

test('the embedded widget registers no service worker', async () => {
  const server = await app({ csp: true });
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(server.base + '?embed=1&charts=co2&levers=eaf_swap&lang=en');
  await page.waitForSelector('canvas[data-chart="co2"]');
  await page.waitForLoadState('load');
  await page.waitForTimeout(1500);
  assert.deepEqual(await page.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).length), 0);
  assert.equal(await page.evaluate(() => navigator.serviceWorker.controller), null);
  assert.equal(await page.$('[data-update]'), null, 'no update notice in the widget');
  await context.close();
});

test('what comes back from the service worker\'s cache is read by the same rules as any input: a tampered spread or page shows nothing false and runs nothing', async () => {
  const server = await app();
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const errors = [];
  const page = await explorer(context, server.base, errors);
  const chances = () => page.$$eval('[data-target][data-probability]', (cs) => Object.fromEntries(cs.map((c) => [c.dataset.target, c.dataset.probability])));
  await page.waitForFunction(() => document.querySelectorAll('[data-target][data-probability]').length >= 8);
  const truth = await chances();
  await page.mouse.click(5, 5);
  await controlled(page);
  await page.waitForFunction(async (n) => {
    const keys = await caches.keys();
    return keys.length === 1 && (await (await caches.open(keys[0])).keys()).length === n;
  }, SW_FILES.length);
  // The cached reference spread now claims impossible chances and quantiles; the cached notes and reading
  // page carry a script, event handlers, a javascript: link, an inline style and a frame.
  const hostile = '<img src="x" onerror="window.__ran=1"><a href=" javascript:window.__ran=2" data-goto-row="x">link</a>'
    + '<script>window.__ran=3</script><iframe srcdoc="<script>parent.__ran=4</script>"></iframe><span style="color:red" onclick="window.__ran=5">styled</span>';
  await page.evaluate(async (hostile) => {
    const cache = await caches.open((await caches.keys())[0]);
    const base = new URL('.', location.href).href;
    await cache.put(base + 'data/ensemble-reference.txt', new Response('{"v":1,"run":0,"ensemble":{"members":1000,"series":[],"odds":[["co2_peak",1.7,"x"]]}}'));
    // The notes are data: the hostile markup goes into a lever's explanation.
    const notes = JSON.parse(await (await cache.match(base + 'pages/notes-zh.json')).text());
    notes.levers.eaf_swap.help = hostile + notes.levers.eaf_swap.help;
    await cache.put(base + 'pages/notes-zh.json', new Response(JSON.stringify(notes), { headers: { 'content-type': 'application/json' } }));
    const guide = (await (await cache.match(base + 'pages/guideline-zh.html')).text()).replace('指南导读</h2>', `指南导读</h2>${hostile}`);
    await cache.put(base + 'pages/guideline-zh.html', new Response(guide, { headers: { 'content-type': 'text/html; charset=utf-8' } }));
  }, hostile);
  await page.reload();
  await page.waitForSelector('html[data-app] [data-headline="co2_2030"]');
  // The spread is refused as any worker message with a chance above 1 would be: the app computes its own,
  // and every chance it shows is the true one.
  await page.waitForFunction((n) => document.querySelectorAll('[data-target][data-probability]').length >= n, Object.keys(truth).length);
  assert.deepEqual(await chances(), truth);
  // The notes: the markup is shown as the text it is (never parsed), nothing ran, nothing harmful is made.
  await page.click('[data-lever-row="eaf_swap"] button.info');
  const pop = '#lever-help-eaf_swap';
  await page.waitForFunction((sel) => document.querySelector(sel).textContent.includes('styled'), pop);
  await page.waitForTimeout(300);
  const check = (sel) => page.$eval(sel, (el) => ({
    scripts: el.querySelectorAll('script,iframe').length,
    handlers: [...el.querySelectorAll('*')].filter((e) => [...e.attributes].some((a) => /^on|^style$/i.test(a.name))).length,
    jsLinks: [...el.querySelectorAll('a[href]')].filter((a) => /javascript:/i.test(a.getAttribute('href'))).length,
  }));
  assert.deepEqual(await check(pop), { scripts: 0, handlers: 0, jsLinks: 0 });
  assert.ok((await page.textContent(pop)).includes('<script>window.__ran=3</script>'), 'shown as text');
  assert.equal(await page.$$eval(`${pop} img, ${pop} span[style]`, (e) => e.length), 0, 'no element made from it');
  // The reading page (the full module's) likewise.
  await page.click('[data-view="guideline"]');
  await page.waitForFunction(() => document.querySelector('#reader-title')?.parentElement?.textContent.includes('styled'));
  await page.waitForTimeout(300);
  assert.deepEqual(await check('[data-page="guideline"]'), { scripts: 0, handlers: 0, jsLinks: 0 });
  assert.equal(await page.evaluate(() => window.__ran), undefined, 'nothing from the tampered cache ran');
  assert.deepEqual(errors.filter((e) => !/Failed to load resource|net::|ERR_/.test(e)), []);
  await context.close();
});

test('the pages the build writes come through the cleaning unchanged: every element and attribute of the guideline page', async () => {
  const server = await app();
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await explorer(context, server.base + '?view=guideline');
  await page.waitForSelector('[data-page="guideline"] [data-section="ch2-s3"]');
  // The live page changes a few attributes as it runs (open folds, hidden rows, statuses) and mounts its
  // live views into the slots the build left (search box, chips): count the elements, links and controls
  // the build wrote, each slot as one element, what is inside it aside.
  const SLOTS = '[data-search-slot],[data-lever-chip],[data-target-chip],[data-param-slot],[data-overrides-slot],[data-filters-slot],[data-flows]';
  const count = (root, slots) => {
    const own = (e) => !e.parentElement?.closest(slots);
    const all = [...root.querySelectorAll('*')].filter(own);
    return { elements: all.length, links: all.filter((e) => e.matches('a[href]')).length, inputs: all.filter((e) => e.matches('input,button,select')).length, slots: all.filter((e) => e.matches(slots)).length };
  };
  const shown = await page.$eval('[data-page="guideline"]', (el, [fn, slots]) => new Function(`return ${fn}`)()(el, slots), [count.toString(), SLOTS]);
  const file = fs.readFileSync(path.join(DIST, 'pages', 'guideline-zh.html'), 'utf8');
  const built = await page.evaluate(([html, fn, slots]) => new Function(`return ${fn}`)()(new DOMParser().parseFromString(html, 'text/html').body, slots), [file, count.toString(), SLOTS]);
  assert.ok(built.slots > 50, `the guideline leaves slots for its search and chips (${built.slots})`);
  assert.deepEqual(shown, built);
  // And the live views are there: the search box and a button in every chip's slot.
  assert.equal(await page.$$eval('[data-page="guideline"] [data-lever-chip] > button, [data-page="guideline"] [data-target-chip] > button', (b) => b.length), built.slots - 1);
  await context.close();
});
