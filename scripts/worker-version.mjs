// Versions the analysis worker's files (Trunk names a worker after its binary, without a hash, because a
// worker is started by name at run time): worker.js, worker_bg.wasm and worker_loader.js become
// worker-<hash>.js, worker-<hash>_bg.wasm and worker-<hash>_loader.js, where <hash> covers the glue and the
// wasm. The loader shim is rewritten to load the renamed files, and index.html names the loader in
// <meta name="vtre-worker" content="worker-<hash>_loader.js">, so a page only ever starts the worker of its
// own build (a new deployment never pairs a new page with an old worker, or the reverse). In release builds
// the glue is minified first (terser, like the page's). Usage: node worker-version.mjs <staging-dir> [release]
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dir = process.argv[2];
const release = process.argv[3] === 'release';
const at = (f) => path.join(dir, f);
for (const f of ['worker.js', 'worker_bg.wasm', 'worker_loader.js']) {
  if (!fs.existsSync(at(f))) throw new Error(`worker-version: ${f} missing from ${dir} (index.html builds the worker)`);
}
let glue = fs.readFileSync(at('worker.js'), 'utf8');
if (release) {
  const { minify } = createRequire(path.join(root, '.tools', 'package.json'))('terser');
  glue = (await minify(glue, { compress: true, mangle: true })).code;
}
const wasm = fs.readFileSync(at('worker_bg.wasm'));
const hash = crypto.createHash('sha256').update(glue).update(wasm).digest('hex').slice(0, 16);
const base = `worker-${hash}`;
fs.writeFileSync(at(`${base}.js`), glue);
fs.renameSync(at('worker_bg.wasm'), at(`${base}_bg.wasm`));
// The shim Trunk writes: importScripts("./worker.js");wasm_bindgen("./worker_bg.wasm");
// (wasm-bindgen 0.2.100+ takes one object; a bare path is deprecated and logs a warning.)
fs.writeFileSync(at(`${base}_loader.js`), `importScripts("./${base}.js");wasm_bindgen({module_or_path:"./${base}_bg.wasm"});\n`);
fs.rmSync(at('worker.js'));
fs.rmSync(at('worker_loader.js'));
const index = at('index.html');
let html = fs.readFileSync(index, 'utf8');
const meta = `<meta name="vtre-worker" content="${base}_loader.js">`;
html = /<meta name="?vtre-worker"?[^>]*>/.test(html)
  ? html.replace(/<meta name="?vtre-worker"?[^>]*>/, meta)
  : html.replace('</head>', `${meta}</head>`);
fs.writeFileSync(index, html);
