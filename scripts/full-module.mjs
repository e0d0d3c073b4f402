// Writes the full module into the build under content-hashed names and names its loader in index.html
// (scripts/full-module.sh). Usage: node full-module.mjs STAGING GLUE.js WASM
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

// terser is installed by scripts/setup.sh into .tools/ (as for the core's glue, scripts/minify-js.mjs).
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { minify } = createRequire(path.join(root, '.tools', 'package.json'))('terser');

const [staging, glue, wasm] = process.argv.slice(2);
const wasmBytes = fs.readFileSync(wasm);
const glueCode = (await minify(fs.readFileSync(glue, 'utf8'), { module: true, compress: true, mangle: true })).code;
const hash = crypto.createHash('sha256').update(wasmBytes).update(glueCode).digest('hex').slice(0, 16);
for (const f of fs.readdirSync(staging)) if (/^full-(loader-)?[0-9a-f]{16}(_bg\.wasm|\.js)$/.test(f)) fs.rmSync(path.join(staging, f));
const base = `full-${hash}`;
fs.writeFileSync(path.join(staging, `${base}_bg.wasm`), wasmBytes);
fs.writeFileSync(path.join(staging, `${base}.js`), glueCode);
// As Trunk's loader for the core (window.wasmBindings: the benchmark's hooks), no inline script.
const loader = `import init, * as bindings from './${base}.js';
const wasm = await init({ module_or_path: new URL('./${base}_bg.wasm', import.meta.url) });
window.wasmBindings = bindings;
dispatchEvent(new CustomEvent('vtre-full-started', { detail: { wasm } }));
`;
const loaderName = `full-loader-${crypto.createHash('sha256').update(loader).digest('hex').slice(0, 16)}.js`;
fs.writeFileSync(path.join(staging, loaderName), loader);
const index = path.join(staging, 'index.html');
let html = fs.readFileSync(index, 'utf8');
html = html.replace(/<meta name="?vtre-full"?[^>]*>/g, '');
html = html.replace('</head>', `<meta name="vtre-full" content="./${loaderName}"></head>`);
fs.writeFileSync(index, html);
console.log(`full module: ${base} (${(wasmBytes.length / 1024).toFixed(0)} KiB wasm), loader ${loaderName}`);
