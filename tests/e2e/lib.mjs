// Shared by the end-to-end tests and the benchmarks: a static server for dist/ and Chromium's launch options.
import { before, after } from 'node:test';
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.wasm': 'application/wasm',
  '.css': 'text/css', '.svg': 'image/svg+xml', '.json': 'application/json', '.png': 'image/png',
  '.webmanifest': 'application/manifest+json', '.csv': 'text/csv; charset=utf-8', '.txt': 'text/plain; charset=utf-8' };

export const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data: blob:; connect-src 'self'; frame-ancestors *";

// opts: { csp: bool, prefix: '/sub/path', allowedOrigins: 'http://a http://b', gzip: bool (compress text and wasm
// as a real deployment does, for transfer sizes and Lighthouse) }
export function serve(dir, opts = {}) {
  const prefix = opts.prefix || '';
  return http.createServer((req, res) => {
    const url = new URL(req.url, 'http://x');
    if (!url.pathname.startsWith(prefix + '/')) { res.writeHead(404); return res.end('not found'); }
    let file = path.join(dir, decodeURIComponent(url.pathname.slice(prefix.length)));
    if (!file.startsWith(dir)) { res.writeHead(403); return res.end(); }
    if (fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, 'index.html');
    if (!fs.existsSync(file)) { res.writeHead(404); return res.end('not found'); }
    const headers = { 'content-type': TYPES[path.extname(file)] || 'application/octet-stream' };
    if (opts.csp) headers['content-security-policy'] = CSP;
    if (opts.allowedOrigins !== undefined && file.endsWith('index.html')) {
      const html = fs.readFileSync(file, 'utf8').replace('name="vtre-allowed-origins" content=""', `name="vtre-allowed-origins" content="${opts.allowedOrigins}"`);
      res.writeHead(200, headers);
      return res.end(html);
    }
    if (opts.gzip && /gzip/.test(req.headers['accept-encoding'] || '') && /\.(html|js|css|wasm|svg|json|csv|txt|webmanifest)$/.test(file)) {
      headers['content-encoding'] = 'gzip';
      headers.vary = 'accept-encoding';
      res.writeHead(200, headers);
      return res.end(zlib.gzipSync(fs.readFileSync(file), { level: 9 }));
    }
    res.writeHead(200, headers);
    fs.createReadStream(file).pipe(res);
  });
}

export async function listen(server, host = '127.0.0.1') {
  await new Promise((r) => server.listen(0, host, r));
  return `http://${host}:${server.address().port}`;
}

export const LAUNCH = {
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--no-first-run'],
};


// ---- shared by the test files ----
export const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
export const DIST = path.join(ROOT, 'dist');
export const ARTIFACTS = path.join(ROOT, 'artifacts');
fs.mkdirSync(ARTIFACTS, { recursive: true });

/** Records console errors and uncaught page errors of `page` into `sink`. */
export function trackErrors(page, sink) {
  page.on('console', (m) => { if (m.type() === 'error') sink.push(m.text()); });
  page.on('pageerror', (e) => sink.push(`pageerror: ${e.message}`));
}

/**
 * Opens the app at `query` in a new page (of `context`, or of a new context with `viewport` and
 * `contextOptions`; with `hiDpi`, a device scale of 3 on a phone-wide viewport and 2 otherwise), collects its
 * console errors into `errors`
 * and waits until the app has started (`html[data-app]`, the 2030 CO2 headline); with `charts`, also until the
 * five charts are mounted. Returns { context, page }.
 */
export async function openApp(app, errors, { query = '', viewport = { width: 1440, height: 900 }, context, contextOptions = {}, charts = false, hiDpi = false } = {}) {
  const scale = hiDpi ? { deviceScaleFactor: viewport.width < 500 ? 3 : 2 } : {};
  context = context || await app.browser.newContext({ viewport, ...scale, ...contextOptions });
  const page = await context.newPage();
  trackErrors(page, errors);
  await page.goto(app.base + query);
  await page.waitForSelector('html[data-app] [data-headline="co2_2030"]');
  if (charts) await page.waitForFunction(() => document.querySelectorAll('canvas[data-chart]').length === 5);
  return { context, page };
}

/** Waits until every chart has drawn at its size (a chart draws once it is in view). */
export function chartsDrawn(page) {
  return page.waitForFunction(() => [...document.querySelectorAll('canvas[data-chart]')].every((c) => c.width > 300));
}

/**
 * For screenshots of the whole page: brings every chart into view so each draws, back at the top once all
 * have; returns the page's horizontal overflow in px (0 or less: none).
 */
export async function drawAllCharts(page) {
  // By chart, looked up each time: a canvas is replaced when the drawing worker takes it over.
  const keys = await page.$$eval('canvas[data-chart]', (cs) => cs.map((c) => c.dataset.chart));
  for (const k of keys) await page.$eval(`canvas[data-chart="${k}"]`, (c) => c.scrollIntoView({ block: 'nearest' }));
  await chartsDrawn(page);
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.waitForTimeout(200);
  return page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
}

/** Serves dist/ on 127.0.0.1 and launches Chromium; returns { base, browser, close }. */
export async function startApp(launchArgs = []) {
  const { chromium } = await import('playwright-core');
  const server = serve(DIST);
  const base = (await listen(server)) + '/';
  const browser = await chromium.launch({ ...LAUNCH, args: [...LAUNCH.args, ...launchArgs] });
  return { base, browser, close: async () => { await browser.close(); server.close(); } };
}

/**
 * Moves six levers `n` times to pseudo-random values (deterministic from `seed`) inside the page, then returns
 * JS heap + wasm memory in bytes (after a GC when --expose-gc is on). Needs window.__wasm (TrunkApplicationStarted).
 */
export function moveLeversAndMeasure(page, n, seed) {
  return page.evaluate(async ({ n, seed }) => {
    const ids = ['eaf_swap', 'energy_quota', 're_quota', 'power_price', 'grid_factor', 'v_recovery'];
    let s = seed;
    for (let i = 0; i < n; i++) {
      s = (s * 1103515245 + 12345) % 2147483648;
      const el = document.querySelector(`[data-lever="${ids[i % ids.length]}"]`);
      const min = Number(el.min), max = Number(el.max), step = Number(el.step);
      el.value = String(min + Math.round(((s / 2147483648) * (max - min)) / step) * step);
      el.dispatchEvent(new Event('input', { bubbles: true }));
      el.dispatchEvent(new Event('change', { bubbles: true }));
      // The app's effects (model, DOM, canvas) run in the microtasks this await lets run; a task (and with
      // it a chance to paint) every 50 moves.
      await Promise.resolve();
      if (i % 50 === 0) await new Promise((r) => setTimeout(r, 0));
    }
    await new Promise((r) => setTimeout(r, 50));
    if (window.gc) window.gc();
    return { js: performance.memory.usedJSHeapSize, wasm: window.__wasm?.memory?.buffer?.byteLength ?? 0 };
  }, { n, seed });
}

/**
 * The benchmark's lever moves: `moves` moves of eight levers to pseudo-random values (deterministic from `seed`),
 * each started right after a frame was rendered, so the browser's next rendering step (style, layout, paint) does
 * not fall inside it. Each is timed from setting the value and dispatching `input` to the next task, by which the
 * handler and every effect it scheduled (model, DOM, charts) have run, plus the time spent in animation-frame
 * callbacks and zero-delay timers if the page adds them up in `window.__rafTime`. With `mark`, a performance mark `vtre-move-<i>` goes
 * before each move and after the last (for traces). Returns each move's time in ms.
 * With `paced`, moves follow one another as in a drag: one move, its frame, the next move (no empty frames of
 * this loop's own between them, which the default's two extra animation frames a move are).
 */
export function timedMoves(page, { moves, seed = 42, mark = false, paced = false }) {
  return page.evaluate(async ({ moves, seed, mark, paced }) => {
    const levers = ['eaf_swap', 'swap_vti_share', 'energy_quota', 're_quota', 'power_price', 'grid_factor', 'v_recovery', 'steel_price'];
    const nextTask = () => new Promise((r) => { const c = new MessageChannel(); c.port1.onmessage = () => r(); c.port2.postMessage(0); });
    const frame = () => new Promise((r) => requestAnimationFrame(() => r()));
    let s = seed;
    const out = [];
    if (paced) { await frame(); await nextTask(); }
    for (let i = 0; i <= moves; i++) {
      if (!paced) { await frame(); await nextTask(); }
      if (mark) performance.mark(`vtre-move-${i}`);
      if (i === moves) break;
      s = (s * 1103515245 + 12345) % 2147483648;
      const el = document.querySelector(`[data-lever="${levers[i % levers.length]}"]`);
      const min = Number(el.min), max = Number(el.max), step = Number(el.step);
      window.__rafTime = 0;
      const t = performance.now();
      el.value = String(min + Math.round(((s / 2147483648) * (max - min)) / step) * step);
      el.dispatchEvent(new Event('input', { bubbles: true }));
      await nextTask();
      const sync = performance.now() - t;
      // Plus anything the move deferred to animation frames.
      if (paced) { await frame(); await nextTask(); } else { await frame(); await frame(); }
      out.push(sync + window.__rafTime);
    }
    return out;
  }, { moves, seed, mark, paced });
}

/** `timedMoves` with `mark`, traced: the trace's events (the timeline, user timing and `categories`). */
export async function tracedMoves(browser, page, opts, categories = []) {
  await browser.startTracing(page, { categories: ['toplevel', 'devtools.timeline', 'blink.user_timing', ...categories] });
  await timedMoves(page, { ...opts, mark: true });
  return JSON.parse((await browser.stopTracing()).toString()).traceEvents;
}

/** The renderer main thread's top-level tasks in a Chromium trace, in time order (a nested RunTask is inside
 *  its parent's duration, so only the outermost counts): what bench.mjs and _render.mjs add up per move. */
export function mainThreadTasks(trace) {
  const main = trace.filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`);
  const tasks = [];
  for (const e of trace.filter((e) => e.ph === 'X' && /(^|::)RunTask$/.test(e.name) && main.includes(`${e.pid}:${e.tid}`)).sort((a, b) => a.ts - b.ts)) {
    const last = tasks[tasks.length - 1];
    if (!last || e.ts >= last.ts + last.dur) tasks.push(e);
  }
  return tasks;
}

/** Starts the app before the file's tests and stops it after; returns { base, browser } filled in by then. */
export function useApp(launchArgs = []) {
  const app = {};
  before(async () => { Object.assign(app, await startApp(launchArgs)); });
  after(async () => { await app.close?.(); });
  return app;
}

/**
 * A chart's pixels as a PNG data URL, from a screenshot of its canvas (in `where`, a page or a frame): the
 * canvas may be the drawing worker's (src/ui/state/draw.rs), which the page itself cannot read.
 */
export async function chartImage(where, selector) {
  // The canvas is replaced when the worker takes it over: a handle that went stale is looked up again.
  for (let tries = 0; ; tries++) {
    const el = await where.$(selector);
    if (!el) return '';
    try {
      return 'data:image/png;base64,' + (await el.screenshot({ animations: 'disabled', timeout: 5000 })).toString('base64');
    } catch (e) {
      if (tries >= 3 || !/not attached/.test(e.message)) throw e;
    }
  }
}

/**
 * Waits up to `ms` until the chart at `selector` looks different from `before` (or, with `before` a function,
 * until its image passes it): the worker draws a moment after the page changes. Returns the last image seen.
 */
export async function chartRedrawn(where, selector, before, ms = 5000) {
  const done = typeof before === 'function' ? before : (now) => now !== before;
  const until = Date.now() + ms;
  let now = await chartImage(where, selector);
  while (!done(now) && Date.now() < until) {
    await new Promise((r) => setTimeout(r, 50));
    now = await chartImage(where, selector);
  }
  return now;
}
