// Minifies the wasm-bindgen JS glue in a Trunk staging dir with terser (Trunk's own minifier leaves it as is)
// and updates its sub-resource integrity hash in index.html. Usage: node minify-js.mjs <staging-dir>
// Only local names and whitespace change: the import names the wasm module calls and the exports stay.
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

// terser is installed by scripts/setup.sh into .tools/ (beside wasm-opt), not into the project.
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { minify } = createRequire(path.join(root, '.tools', 'package.json'))('terser');

const dir = process.argv[2];
const glue = fs.readdirSync(dir).find((f) => /^explorer-.*\.js$/.test(f));
if (!glue) throw new Error(`minify-js: no explorer-*.js in ${dir}`);
const file = path.join(dir, glue);
const out = await minify(fs.readFileSync(file, 'utf8'), { module: true, compress: true, mangle: true });
fs.writeFileSync(file, out.code);
const sri = 'sha384-' + crypto.createHash('sha384').update(out.code).digest('base64');
const index = path.join(dir, 'index.html');
const html = fs.readFileSync(index, 'utf8');
const esc = glue.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const re = new RegExp(`(<link[^>]*${esc}[^>]*integrity=)("?)sha384-[A-Za-z0-9+/=]+\\2`);
if (!re.test(html)) throw new Error('minify-js: no integrity attribute for the glue in index.html');
fs.writeFileSync(index, html.replace(re, `$1"${sri}"`));
