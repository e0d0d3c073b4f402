// Builds one self-contained HTML file from dist/: CSS inlined, the wasm-bindgen glue inlined as a module,
// the wasm gzip-compressed and base64-encoded (decompressed in the browser with DecompressionStream), and
// the reading pages gzip+base64 too. Usage: node scripts/single-file.mjs dist dist-single/vtre-explorer.html
// The single file is for hosts that allow only one file; it needs an inline script, so it cannot run under
// the strict CSP that the normal build passes.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const [dist, out] = process.argv.slice(2);
const files = fs.readdirSync(dist);
const pick = (re) => files.find((f) => re.test(f));
// The full module (scripts/full-module.sh): one file holds the whole app, so there is no core to hand over
// from (src/ui/handover.rs).
const glueName = pick(/^full-[0-9a-f]{16}\.js$/);
const wasmName = pick(/^full-[0-9a-f]{16}_bg\.wasm$/);
const workerJs = pick(/^worker-[0-9a-f]+\.js$/);
const workerWasm = pick(/^worker-[0-9a-f]+_bg\.wasm$/);
const cssName = pick(/\.css$/);
if (!glueName || !wasmName || !cssName) throw new Error('dist/ is incomplete: run trunk build --release first');
let html = fs.readFileSync(path.join(dist, 'index.html'), 'utf8');
const glue = fs.readFileSync(path.join(dist, glueName), 'utf8');
const css = fs.readFileSync(path.join(dist, cssName), 'utf8');
const gz = (buf) => zlib.gzipSync(buf, { level: 9 }).toString('base64');
const wasm64 = gz(fs.readFileSync(path.join(dist, wasmName)));
const pages = {};
for (const f of fs.readdirSync(path.join(dist, 'pages'))) pages[f.replace(/\.html$/, '')] = fs.readFileSync(path.join(dist, 'pages', f), 'utf8');
// The data download's assumptions and sources, under their path (src/ui/offline.rs `load_text`).
const dataCsv = path.join(dist, 'data', 'assumptions.csv');
if (fs.existsSync(dataCsv)) pages['data/assumptions.csv'] = fs.readFileSync(dataCsv, 'utf8');
// The reference's spread (src/ui/state/ensemble.rs `preload_reference_spread`).
const spread = path.join(dist, 'data', 'ensemble-reference.txt');
if (fs.existsSync(spread)) pages['data/ensemble-reference.txt'] = fs.readFileSync(spread, 'utf8');
const pages64 = gz(Buffer.from(JSON.stringify(pages)));
// The analysis worker, started from a blob URL (the page names it in window.__vtreWorker): its glue and its
// wasm, gzip+base64, unpacked inside the worker.
const workerSrc = workerJs && workerWasm ? `${fs.readFileSync(path.join(dist, workerJs), 'utf8')}
(async () => {
  const bytes = Uint8Array.from(atob(${JSON.stringify(gz(fs.readFileSync(path.join(dist, workerWasm))))}), (c) => c.charCodeAt(0));
  const wasm = await new Response(new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'))).arrayBuffer();
  await wasm_bindgen({ module_or_path: wasm });
})();
` : '';
const worker64 = Buffer.from(workerSrc).toString('base64');

// The glue's init function is its default export (its local name changes when the glue is minified).
const initName = (glue.match(/(\w+) as default/) || [])[1] || '__wbg_init';
const boot = `
${glue.replace(/<\/script/gi, '<\\/script')}
const unzip = async (b64) => {
  const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
  return new Response(new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'))).arrayBuffer();
};
if (${JSON.stringify(worker64.length > 0)}) window.__vtreWorker = URL.createObjectURL(new Blob([atob(document.getElementById('vtre-worker').textContent)], { type: 'text/javascript' }));
window.__vtrePages = JSON.parse(new TextDecoder().decode(await unzip(document.getElementById('vtre-pages').textContent)));
await ${initName}({ module_or_path: await unzip(document.getElementById('vtre-wasm').textContent) });
`;
// Drop the external loader, preloads and stylesheet; add everything inline.
html = html
  .replace(/<script type="module" src="[^"]*"><\/script>/, '')
  .replace(/<link[^>]* rel="?(modulepreload|preload)"?[^>]*>/g, '')
  .replace(/<link[^>]* rel="?stylesheet"?[^>]*>/, () => `<style>${css}</style>`)
  .replace(/<link[^>]* rel="?icon"?[^>]*>/, '')
  // No manifest, touch icon or build version: there are no files beside the single file, and no service worker.
  .replace(/<link[^>]* rel="?(manifest|apple-touch-icon)"?[^>]*>/g, '')
  .replace(/<meta name="vtre-build" content="[^"]*">/, '')
  .replace(/<meta name="vtre-worker" content="[^"]*">/, '')
  .replace(/<meta name="vtre-full" content="[^"]*">/, '')
  // The first view's marker script, inline (the single file has no files beside it).
  // No pre-rendered first view: its 130 KB of HTML would take the file over 1 MB, and this edition unpacks
  // itself with JavaScript anyway. Its marker script goes too; the loading note stands in for the view.
  .replace(/<script[^>]*first-view-[^>]*><\/script>/, '')
  .replace(/<div class="first-view" id="first-view" inert>[\s\S]*?(?=<noscript>)/, '<div class="loading" id="loading" role="status" aria-live="polite"><span>正在加载… Loading…</span></div>')
  .replace('</body>', `<script type="application/octet-stream" id="vtre-wasm">${wasm64}</script>
<script type="application/octet-stream" id="vtre-pages">${pages64}</script>
<script type="application/octet-stream" id="vtre-worker">${worker64}</script>
<script type="module">${boot}</script>
</body>`);
fs.mkdirSync(path.dirname(out), { recursive: true });
fs.writeFileSync(out, html);
const kb = (fs.statSync(out).size / 1024).toFixed(0);
console.log(`wrote ${out}: ${kb} KB`);
if (fs.statSync(out).size >= 1024 * 1024) {
  console.error('single-file build is 1 MB or more');
  process.exit(1);
}
