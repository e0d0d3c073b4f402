// Shared by the end-to-end tests and the benchmarks: a static server for dist/ and Chromium's launch options.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.wasm': 'application/wasm',
  '.css': 'text/css', '.svg': 'image/svg+xml', '.json': 'application/json' };

export const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data: blob:; connect-src 'self'; frame-ancestors *";

// opts: { csp: bool, prefix: '/sub/path', allowedOrigins: 'http://a http://b' }
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

