// What the DOM writes per lever move (not a test): MutationObserver records over 40 moves, by kind and by
// the nearest element with a class or data attribute. Usage: node tests/e2e/_mutations.mjs [DIST]
import { chromium } from 'playwright-core';
import { LAUNCH, serve, listen, DIST, timedMoves } from './lib.mjs';
const server = serve(process.argv[2] || DIST); const base = await listen(server);
const browser = await chromium.launch(LAUNCH);
const page = await (await browser.newContext({ viewport: { width: 1440, height: 900 }, deviceScaleFactor: 2 })).newPage();
await page.goto(base + '/');
await page.waitForFunction(() => document.querySelector('canvas[data-chart="output_value"]')?.width > 300);
await timedMoves(page, { moves: 10 });
await page.evaluate(() => {
  window.__mut = {};
  const name = (n) => {
    let e = n.nodeType === 1 ? n : n.parentElement;
    const path = [];
    for (let i = 0; e && i < 3; i++, e = e.parentElement) {
      const d = [...e.attributes].find((a) => a.name.startsWith('data-'));
      path.push(e.tagName.toLowerCase() + (e.className && typeof e.className === 'string' ? '.' + e.className.split(' ')[0] : '') + (d ? `[${d.name}]` : ''));
    }
    return path.join(' < ');
  };
  new MutationObserver((rs) => {
    for (const r of rs) {
      const same = r.type === 'characterData' ? r.oldValue === r.target.data : r.type === 'attributes' ? r.oldValue === r.target.getAttribute(r.attributeName) : false;
      const k = `${r.type}${r.attributeName ? ':' + r.attributeName : ''}${same ? ' (same value)' : ''} @ ${name(r.target)}`;
      window.__mut[k] = (window.__mut[k] || 0) + 1;
    }
  }).observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true, attributeOldValue: true, characterDataOldValue: true });
});
const N = 40;
await timedMoves(page, { moves: N, seed: 3 });
const m = await page.evaluate(() => window.__mut);
for (const [k, v] of Object.entries(m).sort((a, b) => b[1] - a[1]).slice(0, 50)) console.log((v / N).toFixed(2).padStart(6), k);
await browser.close(); server.close();
