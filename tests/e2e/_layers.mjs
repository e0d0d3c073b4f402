// The layers of the explorer after a move and why each is composited (not a test): node tests/e2e/_layers.mjs [dist]
import { chromium } from 'playwright-core';
import { LAUNCH, serve, listen, DIST } from './lib.mjs';
const server = serve(process.argv[2] || DIST); const base = await listen(server);
const browser = await chromium.launch(LAUNCH);
const ctx = await browser.newContext({ viewport: { width: 1440, height: 900 }, deviceScaleFactor: 2 });
const page = await ctx.newPage();
await page.goto(base + '/');
await page.waitForFunction(() => document.querySelector('canvas[data-chart="output_value"]')?.width > 300);
await page.waitForTimeout(1500);
const cdp = await ctx.newCDPSession(page);
let tree = null;
cdp.on('LayerTree.layerTreeDidChange', (e) => { if (e.layers) tree = e.layers; });
await cdp.send('DOM.enable');
await cdp.send('LayerTree.enable');
await page.evaluate(() => { const el = document.querySelector('[data-lever="eaf_swap"]'); el.value = '300'; el.dispatchEvent(new Event('input', { bubbles: true })); });
await page.waitForTimeout(1000);
console.log('layers', tree?.length);
for (const l of tree || []) {
  let why = '';
  try { why = (await cdp.send('LayerTree.compositingReasons', { layerId: l.layerId })).compositingReasons.join(','); } catch {}
  let node = '';
  if (l.backendNodeId) { try { const d = await cdp.send('DOM.describeNode', { backendNodeId: l.backendNodeId }); node = `${d.node.nodeName}.${(d.node.attributes || []).join(' ').slice(0, 80)}`; } catch {} }
  console.log(l.width, l.height, l.drawsContent ? 'draws' : '', why, node);
}
await browser.close(); server.close();
