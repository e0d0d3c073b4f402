// Moves the inline <script type="module"> Trunk writes into index.html to an external file (loader-<hash>.js)
// so the page needs no 'unsafe-inline' in its Content-Security-Policy. Usage: node csp-loader.mjs index.html
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';

const file = process.argv[2];
let html = fs.readFileSync(file, 'utf8');
// Trunk's release build minifies the HTML (`type=module`, unquoted).
const re = /<script type="?module"?>([\s\S]*?)<\/script>/;
const m = html.match(re);
if (m) {
  // The app starts after the first paint: the pre-rendered first view is on screen before the wasm competes
  // with it for the network and the main thread (the wasm's early preload is dropped below).
  const code = m[1].trim().replace(/(import [^\n]*;\n)/, '$1// After the first paint (scripts/csp-loader.mjs).\nawait new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));\n') + '\n';
  const hash = crypto.createHash('sha256').update(code).digest('hex').slice(0, 16);
  const name = `loader-${hash}.js`;
  fs.writeFileSync(path.join(path.dirname(file), name), code);
  html = html.replace(re, `<script type="module" src="./${name}"></script>`);
}
// No early preload of the wasm: init() fetches it once the first view is painted (see above).
html = html.replace(/<link[^>]*rel="?preload"?[^>]*_bg\.wasm[^>]*>|<link[^>]*_bg\.wasm[^>]*rel="?preload"?[^>]*>/g, '');
// Minification drops the empty content attribute of the origin allow-list; put it back so deployers find
// (and can fill in) `<meta name="vtre-allowed-origins" content="">` as the README says.
html = html.replace(/<meta (?:content="?"? )?name="?vtre-allowed-origins"?(?: content="?"?)?>/, '<meta name="vtre-allowed-origins" content="">');
fs.writeFileSync(file, html);
if (/<script(?![^>]*\bsrc=)[^>]*>/.test(html) || /\sstyle="/.test(html)) {
  console.error('csp-loader: index.html still has an inline script or style');
  process.exit(1);
}
