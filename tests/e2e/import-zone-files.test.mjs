// End-to-end tests of the form as the editor of a job file: import keeps every member
// editable and reads back member for member, the schedule's explicit time zone, opening,
// dropping and saving job files, problems where the user is, hints and "Apply" of fixes.
// Every verdict comes from the real enos-ota-job WebAssembly module (target/site).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { ROOT, serveSite, launch, openPage, SEED_BODY } from './harness.mjs';

const require = createRequire(import.meta.url);
let site;
let browser;
before(async () => {
  site = await serveSite();
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await site?.close();
});

// A body as EnOS's Python sample sends it (json.dumps): numbers written as strings, an
// asset-tree entry with a misspelt member (`includedNotes`), a zone and a daily window of
// 00:30-02:30 in Berlin (UTC+01:00), which is 23:30-01:30 in UTC.
const PYTHON_TEXT = readFileSync(join(ROOT, 'tests/e2e/data/python-sample-body.json'), 'utf8');
const PYTHON = JSON.parse(PYTHON_TEXT);
const SCHEMA_URL = 'https://github.com/enos-ota-job/enos-ota-job/raw/main/schema/create-ota-job.schema.json';


/** Every body of tests/fixtures/*.json, with whether it is valid apart from warnings. */
function fixtureBodies() {
  const dir = join(ROOT, 'tests/fixtures');
  const out = [];
  for (const f of readdirSync(dir).filter((n) => n.endsWith('.json')).sort()) {
    for (const c of JSON.parse(readFileSync(join(dir, f), 'utf8'))) {
      if (!c.expect) continue;
      let body = c.body;
      if (body === undefined && typeof c.text === 'string') {
        try { body = JSON.parse(c.text); } catch { continue; }
      }
      if (body === null || typeof body !== 'object' || Array.isArray(body)) continue;
      out.push({ name: `${f}: ${c.name}`, body, valid: c.expect.valid === true });
    }
  }
  return out;
}

// The module as Node loads it: what the core itself reports for a text.
const { validateJson } = await import(join(ROOT, 'pkg/node.js'));

const open = (options) => openPage(browser, site.url, options);
const outText = (page) => page.textContent('#out-body');
const outBody = async (page) => JSON.parse(await outText(page));
async function importText(page, text) {
  if (!(await page.getAttribute('#import-panel', 'open') !== null)) await page.click('#import-panel > summary');
  await page.fill('#import-text', text);
  await page.click('#import-button');
}
/** Problems listed at a control (through its aria-describedby). */
async function problemsAt(page, selector) {
  return page.$eval(selector, (el) => {
    const ids = (el.getAttribute('aria-describedby') || '').split(/\s+/).filter(Boolean);
    const items = [];
    for (const id of ids) {
      const list = document.getElementById(id);
      if (list && list.matches('ul.problems')) {
        for (const li of list.querySelectorAll(':scope > li')) items.push({ code: li.dataset.code, path: li.dataset.path, text: li.textContent });
      }
    }
    return { invalid: el.getAttribute('aria-invalid') === 'true', items, codes: items.map((i) => i.code) };
  });
}
const summary = (page) => page.$$eval('#summary-list > li', (l) => l.map((li) => ({ code: li.dataset.code, path: li.dataset.path, text: li.textContent })));
const inlineCount = (page) => page.$$eval('#form ul.problems li', (l) => l.length);
async function fillMinimalUpgrade(page) {
  await page.fill('#f-org', 'o15');
  await page.fill('#f-fw', 'fw-1');
  await page.fill('#f-versions', '1.0');
  await page.fill('#f-keys', 'dev1');
  await page.check('input[name=policy][value=snapshot]');
  await page.check('input[name=request][value=true]');
}

test('import, no edit: the body panel equals the imported body member for member (every fixture body, the seed, a Python-sample body)', async () => {
  const { page, context, problems } = await open();
  await page.click('#import-panel > summary');
  const all = fixtureBodies();
  const valid = all.filter((c) => c.valid);
  assert.ok(valid.length >= 100, `${valid.length} bodies valid apart from warnings`);
  const bodies = [...all, { name: 'seed example', body: JSON.parse(SEED_BODY), valid: true }, { name: 'Python sample', body: PYTHON, valid: true }];
  const texts = bodies.map((c) => JSON.stringify(c.body));
  // One import after another in the same page, as a user would (no reset between them).
  const got = await page.evaluate((list) => list.map((text) => {
    document.getElementById('import-text').value = text;
    document.getElementById('import-button').click();
    return document.getElementById('out-body').textContent;
  }), texts);
  const differ = [];
  bodies.forEach((c, i) => {
    // Text equality of the 2-space form: same members, same values, same order.
    if (got[i] !== JSON.stringify(c.body, null, 2)) differ.push(`${c.valid ? '' : '(invalid) '}${c.name}: ${got[i]}`);
  });
  assert.deepEqual(differ, [], `${differ.length} of ${bodies.length} bodies differ`);
  // Imported as pasted, too (the seed's layout, the Python sample's one line).
  for (const text of [SEED_BODY, PYTHON_TEXT]) {
    await importText(page, text);
    assert.equal(await outText(page), JSON.stringify(JSON.parse(text), null, 2));
  }
  assert.deepEqual(problems, []);
  await context.close();
});

test('a Python-sample body stays editable: numbers shown in their fields, the tree entry in its editor, the zone imported', async () => {
  const { page, context } = await open();
  await page.fill('#f-org', 'o15');
  await page.fill('#f-fw', 'fw-1');
  await importText(page, PYTHON_TEXT);
  // Numeric strings are shown as the number, with their warning at the field.
  for (const [sel, path] of [['#f-timeout', '/body/upgradeTimeout'], ['#f-interval', '/body/retryPolicy/retryInterval'], ['#f-concurrency', '/body/maximumConcurrency']]) {
    assert.equal(await page.inputValue(sel), '600', sel);
    const p = await problemsAt(page, sel);
    assert.deepEqual(p.items.map((i) => [i.code, i.path]), [['numeric_string', path]], sel);
    assert.equal(p.invalid, false, `${sel}: a warning is not aria-invalid`);
  }
  // The asset tree is in its editor; its unknown member stays attached and is listed there.
  assert.ok(await page.isChecked('input[name=selector][value=assetTrees]'));
  assert.equal(await page.inputValue('#tree-rows .row .k'), 'tree-berlin');
  assert.equal(await page.inputValue('#tree-rows .row .v'), '');
  assert.match(await page.textContent('#tree-rows .row .row-extra'), /"includedNotes":\["site-berlin-01"\]/);
  assert.deepEqual((await problemsAt(page, '#tree-rows .row .k')).codes, ['unknown_field']);
  // Nothing is "kept as given": every member has its field.
  assert.equal(await page.textContent('#import-status'), 'Imported.');
  assert.ok(await page.isHidden('#extras-panel'));
  // The zone is the body's: UTC+01:00, and the window is shown in it and in UTC.
  assert.equal(await page.inputValue('#f-zone'), '60');
  assert.equal(await page.inputValue('#f-start'), '2026-03-02T00:30');
  assert.equal(await page.inputValue('#f-end'), '2026-03-02T02:30');
  assert.equal(await page.textContent('#schedule-length'), 'Window: 2 h, 2026-03-02 00:30 – 2026-03-02 02:30 (UTC+01:00) = 2026-03-01 23:30 – 2026-03-02 01:30 UTC.');
  assert.deepEqual(await outBody(page), PYTHON);
  assert.equal(await page.getAttribute('html', 'data-valid'), 'true');

  // Editing the tree keeps its unknown member; editing a number sends the number.
  await page.fill('#tree-rows .row .k', 'tree-munich');
  assert.deepEqual((await outBody(page)).upgradeScope.assetTrees, [{ treeId: 'tree-munich', includedNotes: ['site-berlin-01'] }]);
  await page.fill('#f-timeout', '900');
  const body = await outBody(page);
  assert.equal(body.upgradeTimeout, 900);
  assert.equal(body.retryPolicy.retryInterval, '600');
  assert.deepEqual(Object.keys(body), Object.keys(PYTHON), 'member order kept');
  assert.deepEqual((await problemsAt(page, '#f-timeout')).codes, []);
  await context.close();
});

test('time zone: changing it re-checks not_same_day at once; Start and End are read and shown in it', async () => {
  const { page, context } = await open();
  await fillMinimalUpgrade(page);
  await page.check('#f-daily');
  // Chosen UTC+08:00: 07:00-09:00 on 1 December is one day there (23:00-01:00 in UTC).
  await page.selectOption('#f-zone', '480');
  await page.fill('#f-start', '2026-12-01T07:00');
  await page.fill('#f-end', '2026-12-01T09:00');
  const start = Date.UTC(2026, 10, 30, 23, 0);
  const end = Date.UTC(2026, 11, 1, 1, 0);
  assert.deepEqual((await outBody(page)).schedulePolicy, { isRepeatDaily: true, startTimestamp: start, endTimestamp: end, timezoneOffsetInMinutes: 480 });
  assert.deepEqual((await problemsAt(page, '#f-end')).codes, []);
  assert.equal(await page.textContent('#schedule-length'), 'Window: 2 h, 2026-12-01 07:00 – 2026-12-01 09:00 (UTC+08:00) = 2026-11-30 23:00 – 2026-12-01 01:00 UTC.');
  // UTC+00:00: the same instants, shown in UTC, fall on two days: not_same_day at once.
  await page.selectOption('#f-zone', '0');
  assert.equal(await page.inputValue('#f-start'), '2026-11-30T23:00');
  assert.equal(await page.inputValue('#f-end'), '2026-12-01T01:00');
  assert.deepEqual((await outBody(page)).schedulePolicy, { isRepeatDaily: true, startTimestamp: start, endTimestamp: end, timezoneOffsetInMinutes: 0 });
  const p = await problemsAt(page, '#f-end');
  assert.ok(p.invalid);
  assert.deepEqual(p.items.map((i) => [i.code, i.path]), [['not_same_day', '/body/schedulePolicy/endTimestamp']]);
  assert.equal(await page.getAttribute('html', 'data-valid'), 'false');
  // Back to UTC+08:00: gone.
  await page.selectOption('#f-zone', '480');
  assert.deepEqual((await problemsAt(page, '#f-end')).codes, []);
  assert.equal(await page.getAttribute('html', 'data-valid'), 'true');
  // Typed text is read in the chosen zone: 10:00 at UTC+05:30 is 04:30 UTC.
  await page.selectOption('#f-zone', '330');
  await page.fill('#f-start', '2026-12-01T10:00');
  await page.fill('#f-end', '2026-12-01T11:15');
  assert.deepEqual((await outBody(page)).schedulePolicy, {
    isRepeatDaily: true, startTimestamp: Date.UTC(2026, 11, 1, 4, 30), endTimestamp: Date.UTC(2026, 11, 1, 5, 45), timezoneOffsetInMinutes: 330,
  });
  assert.match(await page.textContent('#schedule-length'), /\(UTC\+05:30\) = 2026-12-01 04:30 – 2026-12-01 05:45 UTC\.$/);
  // The browser's zone (not sent): the fields show the instants in Shanghai time.
  await page.selectOption('#f-zone', 'auto');
  assert.equal(await page.inputValue('#f-start'), '2026-12-01T12:30');
  assert.equal((await outBody(page)).schedulePolicy.timezoneOffsetInMinutes, undefined);
  assert.match(await page.textContent('#f-zone option[value=auto]'), /UTC\+08:00/);
  await context.close();
});

test("time zone: the default is the browser's offset at the start time, not sent; an imported zone is kept", async () => {
  const { page, context } = await open({ timezoneId: 'Europe/Berlin' });
  await fillMinimalUpgrade(page);
  assert.equal(await page.inputValue('#f-zone'), 'auto');
  await page.fill('#f-start', '2026-07-01T00:30');
  await page.fill('#f-end', '2026-07-01T02:30');
  assert.match(await page.textContent('#f-zone option[value=auto]'), /UTC\+02:00/);
  await page.fill('#f-start', '2026-01-10T00:30');
  await page.fill('#f-end', '2026-01-10T02:30');
  assert.match(await page.textContent('#f-zone option[value=auto]'), /UTC\+01:00/);
  // Daily in Berlin's winter: the check uses the browser's zone although none is sent.
  await page.check('#f-daily');
  assert.deepEqual((await outBody(page)).schedulePolicy, { isRepeatDaily: true, startTimestamp: Date.UTC(2026, 0, 9, 23, 30), endTimestamp: Date.UTC(2026, 0, 10, 1, 30) });
  assert.equal(await page.getAttribute('html', 'data-valid'), 'true');
  // An imported zone the list lacks gets its own entry.
  await importText(page, JSON.stringify({ ...PYTHON, schedulePolicy: { ...PYTHON.schedulePolicy, timezoneOffsetInMinutes: 61 } }));
  assert.equal(await page.inputValue('#f-zone'), '61');
  assert.equal((await outBody(page)).schedulePolicy.timezoneOffsetInMinutes, 61);
  // A body without a zone sends none, whatever was chosen before.
  await page.selectOption('#f-zone', '480');
  const { timezoneOffsetInMinutes: _, ...noZone } = PYTHON.schedulePolicy;
  await importText(page, JSON.stringify({ ...PYTHON, schedulePolicy: noZone }));
  assert.equal(await page.inputValue('#f-zone'), 'auto');
  assert.deepEqual((await outBody(page)).schedulePolicy, noZone);
  await context.close();
});

test('save as file: <job name>.json, 2-space JSON of the body panel with $schema', async () => {
  const { page, context } = await open();
  await importText(page, PYTHON_TEXT);
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#save-button')]);
  assert.equal(download.suggestedFilename(), 'firmware-upgrade-demo.json');
  const text = await readFile(await download.path(), 'utf8');
  const panel = await outBody(page);
  const file = JSON.parse(text);
  assert.equal(text, `${JSON.stringify(file, null, 2)}\n`, 'pretty-printed with 2 spaces');
  assert.equal(file.$schema, SCHEMA_URL);
  const { $schema, ...rest } = file;
  assert.equal(JSON.stringify(rest), JSON.stringify(panel), 'the body panel, member for member');
  // Without a job name: ota-job.json. A saved file opens again as the same body.
  await page.fill('#f-name', '');
  const [second] = await Promise.all([page.waitForEvent('download'), page.click('#save-button')]);
  assert.equal(second.suggestedFilename(), 'ota-job.json');
  await importText(page, text);
  assert.equal(await outText(page), JSON.stringify(file, null, 2));
  // Its `$schema` is no field of the job: not "kept as given", and not in what is sent.
  assert.equal(await page.textContent('#import-status'), 'Imported.');
  assert.ok(await page.isHidden('#extras-panel'));
  await page.fill('#f-org', 'o15');
  await page.fill('#f-fw', 'fw-1');
  const curl = await page.textContent('#out-curl');
  const sent = JSON.parse(/--data-raw '(.*)'$/s.exec(curl)[1]);
  assert.deepEqual(sent, rest);
  await context.close();
});

test('open file and drop a .json file read it; a broken file shows the invalid_json problem at its position', async () => {
  const { page, context, problems } = await open();
  // "Open file".
  await page.click('#import-panel > summary');
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.click('#open-button')]);
  await chooser.setFiles({ name: 'python-sample.json', mimeType: 'application/json', buffer: Buffer.from(PYTHON_TEXT) });
  await page.waitForFunction(() => document.getElementById('import-status').textContent.startsWith('Opened python-sample.json.'));
  assert.deepEqual(await outBody(page), PYTHON);
  assert.equal(await page.inputValue('#import-text'), PYTHON_TEXT);
  // Dropped on the import box.
  const drop = async (name, text) => {
    const dt = await page.evaluateHandle(([n, t]) => {
      const d = new DataTransfer();
      d.items.add(new File([t], n, { type: 'application/json' }));
      return d;
    }, [name, text]);
    await page.dispatchEvent('#import-text', 'dragover', { dataTransfer: dt });
    await page.dispatchEvent('#import-text', 'drop', { dataTransfer: dt });
    await page.waitForFunction((n) => document.getElementById('import-status').textContent.includes(n), name);
  };
  await drop('seed.json', SEED_BODY);
  assert.deepEqual(await outBody(page), JSON.parse(SEED_BODY));
  // A broken file: astral characters before the error, which counts columns in code points.
  const broken = '{\n  "name": {"defaultValue": "\u{1F680}\u{1F680} rollout"}, oops\n}';
  await drop('broken.json', broken);
  const status = await page.textContent('#import-status');
  assert.match(status, /^Opened broken\.json\. Not imported: ./);
  assert.deepEqual(await outBody(page), JSON.parse(SEED_BODY), 'the form is left as it was');
  const [want] = validateJson(broken).errors;
  assert.deepEqual([want.code, want.line, want.column], ['invalid_json', 2, 43], 'the core counts each rocket as one column');
  const item = await page.$eval('#import-problems li[data-code=invalid_json]', (li) => li.textContent);
  assert.match(item, /line 2, column 43/);
  // The spot is selected in the import box: UTF-16 offset of the `o` of `oops` (each rocket is two units).
  const sel = await page.evaluate(() => {
    const a = document.activeElement;
    return { id: a.id, start: a.selectionStart, end: a.selectionEnd };
  });
  const at = broken.indexOf('oops');
  assert.deepEqual(sel, { id: 'import-text', start: at, end: at });
  assert.deepEqual(problems, []);
  await context.close();
});

test('a fresh page shows no inline error, its summary lists every problem; a visit, Check all or an import shows them', async () => {
  const { page, context } = await open();
  assert.equal(await inlineCount(page), 0);
  assert.equal(await page.$$eval('#form [aria-invalid=true]', (l) => l.length), 0);
  const codes = (await summary(page)).map((p) => `${p.path} ${p.code}`);
  assert.deepEqual(codes, [
    '/orgId required', '/firmwareId required', '/body/upgradeScope/versionNumbers required',
    '/body/upgradeScope missing_selector', '/body/upgradePolicy required', '/body/enableUpgradeRequest required',
  ]);
  // Visiting a field (in and out, nothing typed) shows its error there.
  await page.focus('#f-org');
  await page.focus('#f-fw');
  assert.deepEqual((await problemsAt(page, '#f-org')).codes, ['required']);
  assert.ok((await problemsAt(page, '#f-org')).invalid);
  assert.deepEqual((await problemsAt(page, '#f-versions')).codes, []);
  assert.equal((await summary(page)).length, 6, 'the summary still lists all');
  // "Check all" shows every one at its field.
  await page.click('#check-all');
  assert.equal(await inlineCount(page), 6);
  for (const sel of ['#f-fw', '#f-versions', '#g-selector', '#g-policy', '#g-request']) assert.ok((await problemsAt(page, sel)).invalid, sel);
  // So does the first import, on a fresh page.
  const fresh = await open();
  await importText(fresh.page, JSON.stringify({ type: 'upgrade', upgradeScope: { type: 'partial' } }));
  assert.deepEqual((await problemsAt(fresh.page, '#f-versions')).codes, ['required']);
  assert.deepEqual((await problemsAt(fresh.page, '#f-org')).codes, ['required']);
  await fresh.context.close();
  await context.close();
});

test('hints and "Apply": a fix is applied to the body and re-checked', async () => {
  const { page, context } = await open();
  await page.fill('#f-org', 'o15');
  await page.fill('#f-fw', 'fw-1');
  await importText(page, PYTHON_TEXT);
  // A numeric string: its hint and "Apply" at the field and in the summary.
  const li = page.locator('#f-timeout ~ ul.problems li[data-code=numeric_string]');
  assert.ok((await li.locator('.fix-hint').textContent()).length > 0);
  await li.locator('button.apply').click();
  let body = await outBody(page);
  assert.equal(body.upgradeTimeout, 600);
  assert.deepEqual(Object.keys(body), Object.keys(PYTHON), 'member order kept');
  assert.equal(await page.inputValue('#f-timeout'), '600');
  assert.deepEqual((await problemsAt(page, '#f-timeout')).codes, []);
  assert.ok(!(await summary(page)).some((p) => p.path === '/body/upgradeTimeout'));
  // includedNotes -> includedNodes: a move; the nodes land in the tree's editor.
  const tree = page.locator('#summary-list > li[data-path="/body/upgradeScope/assetTrees/0/includedNotes"]');
  assert.match(await tree.locator('.fix-hint').textContent(), /includedNodes/);
  await tree.locator('button.apply').click();
  body = await outBody(page);
  assert.deepEqual(body.upgradeScope.assetTrees, [{ treeId: 'tree-berlin', includedNodes: ['site-berlin-01'] }]);
  assert.equal(await page.inputValue('#tree-rows .row .v'), 'site-berlin-01');
  assert.equal(await page.$$eval('#tree-rows .row-extra', (l) => l.length), 0);
  // "Snapshot": a replace, the policy radio is then checked.
  await importText(page, JSON.stringify({ ...PYTHON, upgradePolicy: 'Snapshot' }));
  assert.ok(!(await page.isChecked('input[name=policy][value=snapshot]')));
  const policy = page.locator('#summary-list > li[data-path="/body/upgradePolicy"]');
  await policy.locator('button.apply').click();
  assert.equal((await outBody(page)).upgradePolicy, 'snapshot');
  assert.ok(await page.isChecked('input[name=policy][value=snapshot]'));
  assert.ok(!(await summary(page)).some((p) => p.path === '/body/upgradePolicy'));
  // Chinese: 应用.
  await page.selectOption('#lang', 'zh');
  assert.equal(await page.locator('#summary-list button.apply').first().textContent(), '应用');
  await context.close();
});

test('import box: choosing a problem of the imported text selects its span', async () => {
  const { page, context } = await open();
  // Astral and non-ASCII characters before the spans: columns count code points.
  const text = '{\n  "name": {"defaultValue": "\u{1F680} 升级"}, "type": "upgrade", "upgradeTimeout": "600",\n  "startSchedule": 0\n}';
  await importText(page, text);
  const pick = async (code) => {
    await page.click(`#import-problems li[data-code=${code}] button`);
    return page.evaluate(() => {
      const a = document.activeElement;
      return { id: a.id, text: a.value.slice(a.selectionStart, a.selectionEnd) };
    });
  };
  assert.deepEqual(await pick('numeric_string'), { id: 'import-text', text: '"600"' });
  assert.deepEqual(await pick('unknown_field'), { id: 'import-text', text: '"startSchedule"' });
  await context.close();
});

async function axeViolations(page) {
  await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
  const res = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
  return res.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

test('axe-core: 0 violations at 360 px and desktop, in en and zh, with a zone chosen and a file opened', async () => {
  for (const [lang, locale] of [['en', 'en-US'], ['zh', 'zh-CN']]) {
    for (const width of [360, 1280]) {
      const { page, context } = await open({ bypassCSP: true, locale, viewport: { width, height: 900 } });
      assert.equal(await page.inputValue('#lang'), lang);
      await page.click('#import-panel > summary');
      const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.click('#open-button')]);
      await chooser.setFiles({ name: 'python-sample.json', mimeType: 'application/json', buffer: Buffer.from(PYTHON_TEXT) });
      await page.waitForFunction(() => document.getElementById('import-status').textContent !== '');
      await page.selectOption('#f-zone', '480');
      await page.fill('#f-timeout', '5');
      await page.click('#firmware-panel > summary');
      assert.deepEqual(await axeViolations(page), [], `${lang} ${width}px`);
      assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= innerWidth), `${lang} ${width}px: no horizontal scroll`);
      // And with a broken file's problem listed in the import box.
      await importText(page, '{"type": ');
      assert.deepEqual(await axeViolations(page), [], `${lang} ${width}px, broken file`);
      await context.close();
    }
  }
});

test('"Apply" on every fix of a body with many: each removes its problem and adds no error', async () => {
  const { page, context, problems } = await open();
  await page.fill('#f-org', 'o15');
  await page.fill('#f-fw', 'fw-1');
  // A near-miss name, a misplaced field, strings for booleans, a list and a number,
  // timestamps in seconds and microseconds, a near-miss enum value.
  const body = {
    type: 'upgrade',
    upgradeScope: { type: 'partial', versionNumbers: '1.0' },
    deviceKeys: ['dev1'],
    upgradePolicy: 'snapshop',
    enableUpgradeRequest: 'true',
    upgradeTimeOut: 7200,
    retryPolicy: { enableRetry: 'false' },
    schedulePolicy: { startTimestamp: 1767225600, endTimestamp: 1767232800000000 },
    maximumConcurrency: '50',
  };
  await importText(page, JSON.stringify(body));
  const key = (p) => `${p.path} ${p.code}`;
  let applied = 0;
  for (let round = 0; round < 20; round++) {
    const before = await summary(page);
    const target = page.locator('#summary-list > li:has(button.apply)').first();
    if (!(await target.count())) break;
    const which = { path: await target.getAttribute('data-path'), code: await target.getAttribute('data-code') };
    await target.locator('button.apply').click();
    const after = await summary(page);
    assert.ok(!after.some((p) => key(p) === key(which)), `${key(which)} removed`);
    const errorsBefore = new Set(before.map(key));
    const added = after.filter((p) => !errorsBefore.has(key(p)) && p.text.startsWith('Error'));
    assert.deepEqual(added, [], `Apply of ${key(which)} adds no error`);
    applied++;
  }
  assert.equal(applied, 9, 'fixes applied');
  const final = await outBody(page);
  assert.deepEqual(final.upgradeScope, { type: 'partial', versionNumbers: ['1.0'], deviceKeys: ['dev1'] });
  assert.equal(final.upgradePolicy, 'snapshot');
  assert.equal(final.enableUpgradeRequest, true);
  assert.equal(final.upgradeTimeout, 7200);
  assert.deepEqual(final.schedulePolicy, { startTimestamp: 1767225600000, endTimestamp: 1767232800000 });
  assert.equal(final.retryPolicy.enableRetry, false);
  assert.equal(final.maximumConcurrency, 50);
  assert.equal(await page.inputValue('#f-keys'), 'dev1');
  assert.ok(await page.isChecked('input[name=request][value=true]'));
  assert.equal(await page.getAttribute('html', 'data-valid'), 'true');
  assert.deepEqual(problems, []);
  await context.close();
});
