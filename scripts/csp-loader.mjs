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
  const code = m[1].trim() + '\n';
  const hash = crypto.createHash('sha256').update(code).digest('hex').slice(0, 16);
  const name = `loader-${hash}.js`;
  fs.writeFileSync(path.join(path.dirname(file), name), code);
  html = html.replace(re, `<script type="module" src="./${name}"></script>`);
}
// Minification drops the empty content attribute of the origin allow-list; put it back so deployers find
// (and can fill in) `<meta name="vtre-allowed-origins" content="">` as the README says.
html = html.replace(/<meta (?:content="?"? )?name="?vtre-allowed-origins"?(?: content="?"?)?>/, '<meta name="vtre-allowed-origins" content="">');
fs.writeFileSync(file, html);
if (/<script(?![^>]*\bsrc=)[^>]*>/.test(html) || /\sstyle="/.test(html)) {
  console.error('csp-loader: index.html still has an inline script or style');
  process.exit(1);
}
