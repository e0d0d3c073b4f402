// End-to-end tests of storage under pressure (issue 24): an import that meets the browser's real localStorage
// quota half-way, and two tabs editing at once, each keeping its own autosaved working scenario.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useApp, trackErrors, openApp } from './lib.mjs';

const consoleErrors = [];
const app = useApp();

const open = (query = '', context) => openApp(app, consoleErrors, { query, context });
const leverValue = (page, id) => page.$eval(`[data-lever="${id}"]`, (e) => e.value);

// Every vtre.* key and its value, sorted.
const vtreKeys = (page) => page.evaluate(() => Object.fromEntries(
  Object.keys(localStorage).filter((k) => k.startsWith('vtre.')).sort().map((k) => [k, localStorage.getItem(k)])));

// Waits until some tab's autosaved working scenario holds `lever` = `value`.
const autosaved = (page, lever, value) => page.waitForFunction(({ lever, value }) => Object.keys(localStorage)
  .filter((k) => k.startsWith('vtre.working.'))
  .some((k) => { try { return Number(JSON.parse(localStorage.getItem(k)).scenario[lever]) === value; } catch { return false; } }),
{ lever, value: Number(value) }, { timeout: 5000 });

test('an import that meets the real storage quota saves none, names all ten in both languages, and leaves storage as it was', async () => {
  const { context, page } = await open('?lang=en');
  await page.click('[data-action="scenarios"]');
  await page.fill('[data-save-name]', 'kept');
  await page.click('[data-action="save-scenario"]');
  await page.waitForSelector('[data-saved] >> text=kept');
  await page.waitForTimeout(500); // the debounced autosave has written this tab's working scenario

  // Ten entries of about 230 characters each (key and value), and the import's marker of about 300: room
  // for 1,800 characters takes the marker and some entries but not all ten.
  const names = Array.from({ length: 10 }, (_, i) => `Imported ${i + 1} ${'x'.repeat(150)}`);
  const file = JSON.stringify({ vtre_library: 1, entries: names.map((name, i) => ({ name, scenario: { eaf_swap: (i + 1) * 10 } })) });

  // Fill localStorage up to the browser's own quota with other keys, then free 1,800 characters.
  const fillers = await page.evaluate(() => {
    localStorage.setItem('room', 'r'.repeat(1800));
    let n = 0;
    for (let size = 1 << 20; size >= 1; size = Math.floor(size / 2)) {
      const s = 'f'.repeat(size);
      for (;;) {
        try { localStorage.setItem(`filler.${n}`, s); n++; } catch (e) {
          if (e.name !== 'QuotaExceededError') throw e;
          break;
        }
      }
    }
    localStorage.removeItem('room');
    return n;
  });
  assert.ok(fillers > 5, `filled with ${fillers} keys`);
  const before = await vtreKeys(page);
  assert.equal(Object.keys(before).filter((k) => k.startsWith('vtre.scenario.')).length, 1);

  await page.setInputFiles('[data-action="import"]', { name: 'ten.json', mimeType: 'application/json', buffer: Buffer.from(file) });
  const notice = await page.waitForSelector('[data-notice]:has-text("The import was not saved")', { timeout: 5000 });
  assert.match(await notice.textContent(), /browser storage is full, and the library is as it was before/);
  const lines = () => notice.$$eval('li', (els) => els.map((e) => e.textContent));
  assert.deepEqual(await lines(), names.map((n) => `“${n}” was not saved.`), 'every entry named, in order');
  // Exactly as before: no entry of the file, no marker left, nothing else changed.
  assert.deepEqual(await vtreKeys(page), before);
  assert.equal(await page.$$eval('[data-saved]', (els) => els.length), 1);

  // The same notice in Chinese.
  await page.click('[data-action="toggle-lang"]');
  await page.waitForFunction(() => document.documentElement.lang.startsWith('zh'));
  assert.match(await notice.textContent(), /导入未完成：浏览器存储已满，情景库保持导入前的样子/);
  assert.deepEqual(await lines(), names.map((n) => `“${n}”未保存。`));

  // With room again, the same file imports whole.
  await page.evaluate((n) => { for (let i = 0; i < n; i++) localStorage.removeItem(`filler.${i}`); }, fillers);
  await page.setInputFiles('[data-action="import"]', { name: 'ten.json', mimeType: 'application/json', buffer: Buffer.from(file) });
  await page.waitForFunction(() => document.querySelectorAll('[data-saved]').length === 11, null, { timeout: 5000 });
  const after = await vtreKeys(page);
  assert.equal(Object.keys(after).filter((k) => k.startsWith('vtre.importing.')).length, 0, 'no marker left');
  await context.close();
});

test('two tabs editing at once each keep their own working scenario; a fresh open restores the newer and offers the other', async () => {
  const { context, page: a } = await open('?lang=en');
  const { page: b } = await open('?lang=en', context);
  // Edits alternate between the tabs, each autosaved before the other tab's next edit.
  await a.focus('[data-lever="eaf_swap"]');
  await a.keyboard.press('End');
  await autosaved(a, 'eaf_swap', await leverValue(a, 'eaf_swap'));
  await b.focus('[data-lever="re_quota"]');
  await b.keyboard.press('Home');
  await autosaved(b, 're_quota', await leverValue(b, 're_quota'));
  await a.focus('[data-lever="eaf_swap"]');
  await a.keyboard.press('ArrowLeft');
  const aSwap = await leverValue(a, 'eaf_swap');
  await autosaved(a, 'eaf_swap', aSwap);
  await b.focus('[data-lever="re_quota"]');
  await b.keyboard.press('ArrowRight');
  const bQuota = await leverValue(b, 're_quota');
  await autosaved(b, 're_quota', bQuota);
  const bSwap = await leverValue(b, 'eaf_swap');
  assert.notEqual(aSwap, bSwap);
  // Both are stored: A's last edit was not overwritten by B's.
  await autosaved(a, 'eaf_swap', aSwap);
  await a.close();
  await b.close();

  // A fresh open (no link) restores the newest, B's, and says another unsaved scenario is kept.
  const { page: c } = await open('?lang=en', context);
  assert.equal(await leverValue(c, 're_quota'), bQuota);
  assert.equal(await leverValue(c, 'eaf_swap'), bSwap);
  await c.waitForSelector('[data-notice]:has-text("Unsaved scenarios from other tabs or earlier visits are kept")');
  await c.click('[data-action="scenarios"]');
  const offered = await c.waitForSelector('[data-unsaved]');
  assert.equal(await c.$$eval('[data-unsaved]', (els) => els.length), 1, 'only A\'s: B\'s is the one open');
  assert.match(await offered.textContent(), /last edited/);
  const aKey = await offered.getAttribute('data-unsaved');
  await c.click('[data-unsaved] [data-action="load-unsaved"]');
  assert.equal(await leverValue(c, 'eaf_swap'), aSwap, 'A\'s scenario came back');
  // Shown here now, A's is no longer offered; B's, which this tab showed until now, is offered in its place.
  await c.waitForFunction((k) => !document.querySelector(`[data-unsaved="${k}"]`), aKey);
  const bOffered = await c.waitForSelector('[data-unsaved]', { timeout: 5000 });
  assert.notEqual(await bOffered.getAttribute('data-unsaved'), aKey);
  // Discarding it removes it from storage.
  const bKey = await bOffered.getAttribute('data-unsaved');
  await c.click(`[data-unsaved="${bKey}"] [data-action="discard-unsaved"]`);
  await c.waitForFunction((k) => localStorage.getItem(k) === null && !document.querySelector(`[data-unsaved="${k}"]`), bKey);
  await context.close();
});

test('no console errors during the storage run', () => {
  assert.deepEqual(consoleErrors, []);
});
