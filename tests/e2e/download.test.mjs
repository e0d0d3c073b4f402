// End-to-end tests of "data you can cite" (issue #14): the download-data action gives one CSV with the
// citation (title, version, date, share link, licences), the projection (the CLI's) and the assumptions with
// their sources, overrides marked; the share link in it opens the same scenario.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { useApp, trackErrors, ROOT, ARTIFACTS } from './lib.mjs';

const app = useApp();

/** The download's sections: name → records (a quoted field may hold a comma, never a line break here). */
function sections(text) {
  assert.ok(text.startsWith('\uFEFF'), 'a byte-order mark for spreadsheets');
  const out = {};
  let cur = null;
  for (const line of text.slice(1).split('\n')) {
    const m = line.match(/^# (citation|projection|assumptions|series)$/);
    if (m) { cur = out[m[1]] = []; continue; }
    if (line !== '' && cur) cur.push(line);
  }
  return out;
}
/** One CSV record's fields. */
function fields(line) {
  const out = [];
  let f = '', q = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (q) { if (c === '"' && line[i + 1] === '"') { f += '"'; i++; } else if (c === '"') q = false; else f += c; }
    else if (c === '"') q = true;
    else if (c === ',') { out.push(f); f = ''; }
    else f += c;
  }
  out.push(f);
  return out;
}

test('download data: citation, projection and assumptions with sources in one file; its link opens the same scenario', async () => {
  const context = await app.browser.newContext({ viewport: { width: 1440, height: 900 }, deviceScaleFactor: 2, acceptDownloads: true });
  const page = await context.newPage();
  const errors = [];
  trackErrors(page, errors);
  await page.goto(app.base + '?s=1,eaf_swap:300,@power_price_elasticity:-0.5&lang=en');
  await page.waitForSelector('html[data-app] [data-headline="co2_2030"]');
  const button = await page.$('[data-action="download-data"]');
  assert.equal((await button.textContent()).trim().replace(/^⤓\s*/, ''), 'Download data');
  await page.screenshot({ path: path.join(ARTIFACTS, 'download-data-desktop.png'), clip: { x: 0, y: 0, width: 1440, height: 260 } });
  const [dl] = await Promise.all([page.waitForEvent('download'), button.click()]);
  assert.match(dl.suggestedFilename(), /^vtre-data-\d{4}-\d{2}-\d{2}\.csv$/);
  const text = fs.readFileSync(await dl.path(), 'utf8');
  fs.writeFileSync(path.join(ARTIFACTS, 'download-data.csv'), text);
  const s = sections(text);
  assert.deepEqual(Object.keys(s), ['citation', 'projection', 'assumptions', 'series']);
  // Every projection key is named and its unit said in English too (issue 22).
  const series = Object.fromEntries(s.series.slice(1).map((l) => fields(l)).map((f) => [f[0], f]));
  assert.equal(series.crude_steel_total[2], 'Crude steel');
  assert.equal(series.crude_steel_total[5], '10 kt');

  // 1. the citation
  const cite = Object.fromEntries(s.citation.slice(1).map((l) => fields(l)));
  assert.equal(s.citation[0], 'field,value');
  const version = fs.readFileSync(path.join(ROOT, 'Cargo.toml'), 'utf8').match(/\[workspace\.package\][^[]*?version\s*=\s*"([^"]+)"/)[1];
  assert.equal(cite.version, version, 'the Cargo version');
  const d = new Date();
  assert.equal(cite.date, `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`);
  assert.equal(cite.title_en, 'Sichuan V-Ti-Steel & Rare-Earth Policy Explorer');
  assert.equal(cite.title_zh, '四川钒钛钢铁及稀土产业政策情景沙盘');
  assert.ok(cite.citation.startsWith('Sichuan V-Ti-Steel & Rare-Earth Policy Explorer (四川钒钛') && cite.citation.includes(`version ${version}`) && cite.citation.endsWith(cite.scenario), cite.citation);
  assert.match(cite.licence_data, /CC BY 4\.0/);
  assert.match(cite.licence_data, /原始|remain the property of their sources/);
  assert.equal(cite.licence_code, 'MIT OR Apache-2.0');
  const link = new URL(cite.scenario);
  assert.ok(link.href.startsWith(app.base), link.href);
  assert.match(link.searchParams.get('s'), /eaf_swap:300/);
  assert.match(link.searchParams.get('s'), /@power_price_elasticity:-0\.5/);

  // 2. the projection: the CLI's for the same scenario
  const scenarioFile = path.join(ARTIFACTS, 'download-scenario.json');
  fs.writeFileSync(scenarioFile, JSON.stringify({ eaf_swap: 300, params: { power_price_elasticity: -0.5 } }));
  const cli = execFileSync('cargo', ['run', '-q', '--offline', '--bin', 'vtre', '--', 'project', '--scenario', scenarioFile], { cwd: ROOT, encoding: 'utf8' });
  assert.equal(s.projection.join('\n') + '\n', cli, 'the projection is `vtre project`');

  // 3. the assumptions with their sources, the override marked
  const head = fields(s.assumptions[0]);
  assert.deepEqual(head, ['id', 'value', 'low', 'high', 'unit', 'kind', 'source', 'role', 'name_zh', 'name_en', 'scenario_value', 'overridden']);
  const rows = s.assumptions.slice(1).map(fields);
  const all = execFileSync('cargo', ['run', '-q', '--offline', '--bin', 'vtre', '--', 'params-all'], { cwd: ROOT, encoding: 'utf8' }).trim().split('\n');
  assert.equal(rows.length, all.length - 1, 'every parameter of `vtre params-all`');
  assert.ok(rows.every((r) => r.length === head.length), 'every row has every column');
  assert.ok(rows.filter((r) => r[6].trim() !== '').length / rows.length > 0.95, 'sources given');
  const over = rows.filter((r) => r[11] === 'yes');
  assert.equal(over.length, 1);
  assert.equal(over[0][0], 'power_price_elasticity');
  assert.equal(over[0][10], '-0.5');
  assert.ok(over[0][9].length > 3 && over[0][8].length > 1, 'named in both languages');

  // The link opens the same scenario.
  const before = await page.$$eval('[data-headline]', (els) => els.map((e) => e.dataset.value));
  const other = await (await app.browser.newContext()).newPage();
  await other.goto(link.href);
  await other.waitForSelector('html[data-app] [data-headline="co2_2030"]');
  assert.deepEqual(await other.$$eval('[data-headline]', (els) => els.map((e) => e.dataset.value)), before);
  assert.equal(await other.$eval('[data-lever="eaf_swap"]', (e) => e.value), '300');
  assert.equal(await other.$eval('[data-overrides]', (e) => e.dataset.overrides), '1');
  await other.context().close();

  // The phone layout keeps the action reachable.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.click('[data-action="toggle-lang"]');
  await page.waitForFunction(() => document.documentElement.lang === 'zh-CN');
  assert.match(await page.$eval('[data-action="download-data"]', (e) => e.textContent), /下载数据/);
  await page.screenshot({ path: path.join(ARTIFACTS, 'download-data-phone.png'), clip: { x: 0, y: 0, width: 390, height: 420 } });
  assert.deepEqual(errors, []);
  await context.close();
});
