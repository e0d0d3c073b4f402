// Offline and installable (issue #14), the last step of the post-build hook. Usage: node pwa.mjs <staging-dir>
//  1. icons: icon-192.png, icon-512.png and icon-maskable-512.png, drawn here from the favicon's geometry
//     (public/favicon.svg: a rounded square and a white polyline) with a tiny PNG encoder: no tool, no network;
//  2. manifest.webmanifest (theme colour = `--accent` of style/main.css, so the two never drift apart);
//  3. index.html: `<meta name="vtre-build">` (the build version the app and the service worker compare) and
//     `<meta name="theme-color">`;
//  4. sw.js from scripts/sw.js with this build's version and exact file list (every file of the build).
// The version is the Cargo version and a hash of every file's name and content, so an unchanged build
// writes a byte-identical sw.js and browsers see no update.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import crypto from 'node:crypto';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dir = process.argv[2];
if (!dir || !fs.existsSync(path.join(dir, 'index.html'))) throw new Error('pwa: give the staging dir with index.html');

// ---- 1. icons ----
const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf) => {
  let c = 0xffffffff;
  for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
function png(size, rgba) {
  const chunk = (type, data) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(td));
    return Buffer.concat([len, td, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  const raw = Buffer.alloc((size * 4 + 1) * size);
  for (let y = 0; y < size; y++) rgba.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(raw, { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
}

// public/favicon.svg in its 32-unit box: <rect width=32 height=32 rx=6 fill=#466ea0/> and
// <path d="M6 24 L12 14 L17 19 L26 8" stroke=#fff stroke-width=3/>.
const svg = fs.readFileSync(path.join(root, 'public', 'favicon.svg'), 'utf8');
const fill = (svg.match(/fill="(#[0-9a-f]{6})"/i) || [])[1] || '#466ea0';
const points = [...(svg.match(/d="([^"]*)"/) || [, 'M6 24 L12 14 L17 19 L26 8'])[1].matchAll(/(-?[\d.]+)[ ,](-?[\d.]+)/g)]
  .map((m) => [Number(m[1]), Number(m[2])]);
const hex = (h) => [1, 3, 5].map((i) => parseInt(h.slice(i, i + 2), 16));

/** The icon at `size` px: rounded square (or, maskable, the full square with the line scaled into the safe zone). */
function icon(size, maskable) {
  const [br, bg, bb] = hex(fill);
  const scale = maskable ? 0.72 : 1;
  const pts = points.map(([x, y]) => [16 + (x - 16) * scale, 16 + (y - 16) * scale]);
  const half = 1.5 * scale;
  const inRect = (x, y) => {
    if (maskable) return true;
    const r = 6;
    const cx = Math.min(Math.max(x, r), 32 - r);
    const cy = Math.min(Math.max(y, r), 32 - r);
    return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
  };
  // Butt caps at the ends, round joins between segments.
  const onLine = (x, y) => {
    for (let i = 0; i + 1 < pts.length; i++) {
      const [ax, ay] = pts[i];
      const [bx, by] = pts[i + 1];
      const dx = bx - ax, dy = by - ay;
      const t = ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy);
      if (t >= 0 && t <= 1 && Math.abs((x - ax) * dy - (y - ay) * dx) / Math.hypot(dx, dy) <= half) return true;
    }
    for (let i = 1; i + 1 < pts.length; i++) if ((x - pts[i][0]) ** 2 + (y - pts[i][1]) ** 2 <= half * half) return true;
    return false;
  };
  const n = 4; // samples per axis and pixel
  const out = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let cover = 0, white = 0;
      for (let sy = 0; sy < n; sy++) {
        for (let sx = 0; sx < n; sx++) {
          const x = ((px + (sx + 0.5) / n) * 32) / size;
          const y = ((py + (sy + 0.5) / n) * 32) / size;
          if (inRect(x, y)) { cover++; if (onLine(x, y)) white++; }
        }
      }
      const o = (py * size + px) * 4;
      if (cover === 0) continue;
      const w = white / cover;
      out[o] = Math.round(br + (255 - br) * w);
      out[o + 1] = Math.round(bg + (255 - bg) * w);
      out[o + 2] = Math.round(bb + (255 - bb) * w);
      out[o + 3] = Math.round((255 * cover) / (n * n));
    }
  }
  return png(size, out);
}
fs.writeFileSync(path.join(dir, 'icon-192.png'), icon(192, false));
fs.writeFileSync(path.join(dir, 'icon-512.png'), icon(512, false));
fs.writeFileSync(path.join(dir, 'icon-maskable-512.png'), icon(512, true));

// ---- 2. manifest ----
const css = fs.readFileSync(path.join(root, 'style', 'main.css'), 'utf8');
const theme = (css.match(/--accent:\s*(#[0-9a-fA-F]{3,8})/) || [])[1];
if (!theme) throw new Error('pwa: no --accent colour in style/main.css');
const manifest = {
  name: '四川钒钛钢铁及稀土产业政策情景沙盘 · Sichuan V-Ti-Steel & Rare-Earth Policy Explorer',
  short_name: '钒钛稀土沙盘',
  description: '移动《四川省钒钛钢铁及稀土产业高质量发展指南》的政策杠杆，查看产值、能耗、排放和目标。Move the guideline\'s policy levers and see output value, energy, CO2 and its targets respond.',
  lang: 'zh-CN',
  dir: 'ltr',
  id: './',
  start_url: './',
  scope: './',
  display: 'standalone',
  background_color: '#f5f6f8',
  theme_color: theme,
  icons: [
    { src: 'favicon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' },
    { src: 'icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
    { src: 'icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
    { src: 'icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
  ],
};
fs.writeFileSync(path.join(dir, 'manifest.webmanifest'), JSON.stringify(manifest, null, 1) + '\n');

// ---- 3. index.html, with the version left empty while the build is hashed ----
const indexFile = path.join(dir, 'index.html');
let html = fs.readFileSync(indexFile, 'utf8')
  .replace(/<meta name="vtre-build" content="[^"]*">/, '')
  .replace(/<meta (?:content="?[^" >]*"? )?name="?theme-color"?(?: content="?[^" >]*"?)?>/, '');
if (!/<link[^>]*rel="?manifest"?/.test(html)) throw new Error('pwa: index.html does not link the manifest');
html = html.replace(/<title>/, `<meta name="theme-color" content="${theme}"><meta name="vtre-build" content=""><title>`);
// The reference's spread (bands, ranges, chances of the first view), fetched with the page so the app's first
// frame has it: the same versioned URL the app asks for (src/ui/offline.rs `versioned`).
html = html.replace(/<link rel="preload" as="fetch" crossorigin href="data\/ensemble-reference\.txt[^"]*">/, '')
  .replace('</head>', '<link rel="preload" as="fetch" crossorigin href="data/ensemble-reference.txt?v="></head>');
fs.writeFileSync(indexFile, html);

// ---- 4. sw.js ----
const walk = (d) => fs.readdirSync(d, { withFileTypes: true }).flatMap((e) =>
  e.isDirectory() ? walk(path.join(d, e.name)) : [path.join(d, e.name)]);
const files = walk(dir)
  .map((f) => path.relative(dir, f).split(path.sep).join('/'))
  .filter((f) => f !== 'sw.js')
  .sort();
const hash = crypto.createHash('sha256');
for (const f of files) hash.update(f + '\0').update(fs.readFileSync(path.join(dir, f))).update('\0');
const cargo = fs.readFileSync(path.join(root, 'Cargo.toml'), 'utf8');
const cargoVersion = (cargo.match(/\[workspace\.package\][^[]*?version\s*=\s*"([^"]+)"/) || [])[1] || '0';
const version = `${cargoVersion}-${hash.digest('hex').slice(0, 12)}`;
fs.writeFileSync(indexFile, html.replace('<meta name="vtre-build" content="">', `<meta name="vtre-build" content="${version}">`)
  .replace('href="data/ensemble-reference.txt?v="', `href="data/ensemble-reference.txt?v=${version}"`));
const template = fs.readFileSync(path.join(root, 'scripts', 'sw.js'), 'utf8');
if (!template.includes("'__VTRE_VERSION__'") || !template.includes('__VTRE_FILES__;')) throw new Error('pwa: scripts/sw.js lost its placeholders');
const sw = template
  .replace("'__VTRE_VERSION__'", JSON.stringify(version))
  .replace('__VTRE_FILES__;', JSON.stringify(files, null, 1) + ';');
fs.writeFileSync(path.join(dir, 'sw.js'), sw);
console.log(`pwa: sw.js version ${version}, ${files.length} files`);
