// Lighthouse (npm lighthouse, Debian Chromium) against the release build served gzip-compressed under the
// strict CSP: its mobile default (slow 4G, 4x CPU) and its desktop preset. Prints performance, LCP, TBT,
// CLS and accessibility for each. Run by scripts/bench.sh.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve, listen } from './lib.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const server = serve(path.resolve(here, '../../dist'), { csp: true, gzip: true });
const url = (await listen(server)) + '/';
const flags = '--headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync --no-first-run';
for (const preset of ['mobile', 'desktop']) {
  const out = path.join(fs.mkdtempSync('/tmp/vtre-lh-'), 'report.json');
  const args = [url, '--quiet', `--chrome-flags=${flags}`, '--only-categories=performance,accessibility', '--output=json', `--output-path=${out}`];
  if (preset === 'desktop') args.push('--preset=desktop');
  // Asynchronously: the page is served by this process, which a synchronous child would block (Lighthouse
  // then waits for a page that never arrives and gives up with "Target closed").
  try {
    await promisify(execFile)(path.join(here, 'node_modules/.bin/lighthouse'), args, { env: { ...process.env, CHROME_PATH: process.env.CHROMIUM || '/usr/bin/chromium' }, maxBuffer: 64 << 20 });
  } catch (e) { /* Lighthouse exits non-zero on some Chromium shutdown noise; the report is still written */ }
  const r = JSON.parse(fs.readFileSync(out, 'utf8'));
  const a = r.audits;
  console.log(`Lighthouse ${preset}: performance ${r.categories.performance.score}, accessibility ${r.categories.accessibility.score}; LCP ${a['largest-contentful-paint'].displayValue}, FCP ${a['first-contentful-paint'].displayValue}, TBT ${a['total-blocking-time'].displayValue}, CLS ${a['cumulative-layout-shift'].displayValue}`);
}
server.close();
