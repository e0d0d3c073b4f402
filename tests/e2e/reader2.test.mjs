// Guideline search that says what it found (issue 22): the matches highlighted, counted, the contents
// following the search, and the first result brought into view.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { useApp, trackErrors, ARTIFACTS } from './lib.mjs';

const consoleErrors = [];
const app = useApp();

test('searching 电价 highlights, counts, trims the contents and shows the first result', async () => {
  const context = await app.browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  trackErrors(page, consoleErrors);
  await page.goto(app.base + '?view=guideline');
  await page.waitForSelector('html[data-app] [data-section]');
  const tocBefore = await page.$$eval('.toc [data-goto-section]', (a) => a.filter((x) => x.offsetParent).length);
  await page.fill('[data-reader-search]', '电价');
  await page.waitForTimeout(900);
  const r = await page.evaluate(() => {
    const sections = [...document.querySelectorAll('[data-section]')].filter((s) => !s.hidden);
    const first = sections[0];
    return {
      sections: sections.length,
      toc: [...document.querySelectorAll('.toc [data-goto-section]')].filter((a) => a.offsetParent).length,
      count: document.querySelector('[data-search-count]').textContent,
      countHidden: document.querySelector('[data-search-count]').hidden,
      highlights: CSS.highlights?.get('vtre-search')?.size ?? -1,
      firstTop: first.getBoundingClientRect().top,
    };
  });
  assert.ok(r.sections >= 1 && r.sections < 19, `${r.sections} sections shown`);
  assert.equal(r.toc, r.sections, 'the contents list only the sections shown');
  assert.ok(r.toc < tocBefore);
  assert.ok(!r.countHidden && r.count.includes(`${r.sections}`), r.count);
  assert.ok(r.highlights >= r.sections, `${r.highlights} matches highlighted`);
  assert.ok(r.firstTop >= 0 && r.firstTop < 844, `the first result is in view (top ${r.firstTop})`);
  await page.screenshot({ path: path.join(ARTIFACTS, 'reader-search-phone.png') });
  await page.fill('[data-reader-search]', '');
  await page.waitForTimeout(100);
  assert.equal(await page.$$eval('.toc [data-goto-section]', (a) => a.filter((x) => x.offsetParent).length), tocBefore);
  assert.ok(await page.$eval('[data-search-count]', (e) => e.hidden));
  await context.close();
});

test('no console errors in the search test', () => {
  assert.deepEqual(consoleErrors, []);
});
