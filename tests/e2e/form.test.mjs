// End-to-end tests of the web form in Chromium: the page served from target/site
// (`make site`), every verdict from the real enos-ota-job WebAssembly module.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, stat } from 'node:fs/promises';
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


async function open(options) {
  return openPage(browser, site.url, options);
}
/** The body shown in the output panel. */
async function outBody(page) {
  return JSON.parse(await page.textContent('#out-body'));
}
/** Problems (code, path, text) listed beside the control `selector`, found through its
 * aria-describedby, with its aria-invalid state. */
async function problemsAt(page, selector) {
  return page.$eval(selector, (el) => {
    const ids = (el.getAttribute('aria-describedby') || '').split(/\s+/).filter(Boolean);
    const items = [];
    for (const id of ids) {
      const list = document.getElementById(id);
      if (list && list.matches('ul.problems')) {
        for (const li of list.querySelectorAll('li')) items.push({ code: li.dataset.code, path: li.dataset.path, text: li.textContent, severity: li.className });
      }
    }
    return { invalid: el.getAttribute('aria-invalid') === 'true', items, codes: items.map((i) => i.code) };
  });
}
async function summaryTexts(page) {
  return page.$$eval('#summary-list li', (lis) => lis.map((li) => li.textContent));
}
async function importBody(page, text) {
  await page.click('#import-panel > summary');
  await page.fill('#import-text', text);
  await page.click('#import-button');
}
/** Pastes text into a control as a user does: through the clipboard and Ctrl+V. */
async function paste(page, selector, text) {
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: site.url.slice(0, -1) });
  await page.evaluate((t) => navigator.clipboard.writeText(t), text);
  await page.focus(selector);
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Control+V');
}
async function fillMinimalUpgrade(page) {
  await page.fill('#f-org', 'o15');
  await page.fill('#f-fw', 'fw-1');
  await page.fill('#f-versions', '1.0');
  await page.fill('#f-keys', 'dev1');
  await page.check('input[name=policy][value=snapshot]');
  await page.check('input[name=request][value=true]');
}

test('a valid upgrade job filled in from scratch gives exactly the expected body, URL and curl', async () => {
  const { page, context, problems } = await open();
  assert.equal(await page.getAttribute('html', 'data-valid'), 'false');
  await page.fill('#f-apigw', 'apim.example.com');
  await page.fill('#f-org', 'o15 & co');
  await page.fill('#f-fw', 'fw-2.0');
  await page.fill('#f-name', 'Spring rollout');
  await page.click('#i18n-add');
  await page.fill('#i18n-rows .row:nth-child(1) .k', 'zh_CN');
  await page.fill('#i18n-rows .row:nth-child(1) .v', '春季升级');
  await page.check('input[name=scope][value=partial]');
  await page.fill('#f-versions', '1.0\n1.1\n');
  await page.fill('#f-keys', 'dev-a\r\ndev-b\n\ndev-c');
  await page.check('input[name=policy][value=incremental]');
  await page.check('input[name=request][value=false]');
  await page.fill('#f-timeout', '3600');
  await page.check('#f-retry');
  await page.fill('#f-interval', '60');
  await page.fill('#f-count', '3');
  await page.fill('#f-start', '2026-12-01T02:00');
  await page.fill('#f-end', '2026-12-01T05:30');
  await page.check('#f-daily');
  await page.fill('#f-concurrency', '50');

  assert.deepEqual(await outBody(page), {
    name: { defaultValue: 'Spring rollout', i18nValue: { zh_CN: '春季升级' } },
    type: 'upgrade',
    upgradeScope: { type: 'partial', versionNumbers: ['1.0', '1.1'], deviceKeys: ['dev-a', 'dev-b', 'dev-c'] },
    upgradePolicy: 'incremental',
    enableUpgradeRequest: false,
    upgradeTimeout: 3600,
    retryPolicy: { enableRetry: true, retryInterval: 60, retryCount: 3 },
    // 02:00 and 05:30 in Shanghai (UTC+8) on 1 December 2026.
    // No zone chosen: none is sent (the page checks the same-day rule in the browser's zone).
    schedulePolicy: { isRepeatDaily: true, startTimestamp: Date.UTC(2026, 10, 30, 18, 0), endTimestamp: Date.UTC(2026, 10, 30, 21, 30) },
    maximumConcurrency: 50,
  });
  assert.equal(await page.getAttribute('html', 'data-valid'), 'true');
  assert.match(await page.textContent('#verdict'), /^Valid.*0 errors, 0 warnings/);
  assert.deepEqual(await summaryTexts(page), []);
  assert.equal(await page.$$eval('[aria-invalid=true]', (l) => l.length), 0);
  assert.match(await page.textContent('#schedule-length'), /3 h 30 min.*UTC\+08:00/);

  const url = await page.textContent('#out-url');
  assert.equal(url, 'https://apim.example.com/connect-service/v2.1/ota-jobs?action=create&orgId=o15%20%26%20co&firmwareId=fw-2.0');
  const curl = await page.textContent('#out-curl');
  assert.ok(curl.startsWith(`curl -X POST '${url}'`), curl);
  assert.ok(curl.includes("-H 'Content-Type: application/json;charset=UTF-8'"), curl);
  const data = /--data-raw '(.*)'$/s.exec(curl)[1];
  assert.deepEqual(JSON.parse(data), await outBody(page));

  // Copy buttons put the shown text on the clipboard.
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.click('button[data-copy=out-curl]');
  await page.waitForFunction(() => document.getElementById('copy-status').textContent !== '');
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), curl);
  assert.deepEqual(problems, []);
  await context.close();
});

test('range and required problems appear at their fields', async () => {
  const { page, context } = await open();
  // "Check all": the required fields are flagged where they are.
  await page.click('#check-all');
  for (const [sel, code] of [['#f-org', 'required'], ['#f-fw', 'required'], ['#f-versions', 'required'], ['#g-policy', 'required'], ['#g-request', 'required']]) {
    const p = await problemsAt(page, sel);
    assert.ok(p.invalid, `${sel} aria-invalid`);
    assert.deepEqual(p.codes, [code], sel);
  }
  // No URL or curl command while the request is not valid.
  assert.equal(await page.textContent('#out-url'), '(when the request is valid)');
  assert.ok(await page.isDisabled('button[data-copy=out-curl]'));
  await fillMinimalUpgrade(page);
  assert.equal(await page.getAttribute('html', 'data-valid'), 'true');
  assert.ok(await page.isEnabled('button[data-copy=out-curl]'));
  await page.fill('#f-timeout', '299');
  await page.fill('#f-count', '6');
  await page.fill('#f-concurrency', '0');
  for (const [sel, path] of [['#f-timeout', '/body/upgradeTimeout'], ['#f-concurrency', '/body/maximumConcurrency']]) {
    const p = await problemsAt(page, sel);
    assert.ok(p.invalid, sel);
    assert.deepEqual(p.items.map((i) => [i.code, i.path]), [['out_of_range', path]], sel);
  }
  // A retry count while retry is off: range-checked, and a warning that it is ignored.
  const count = await problemsAt(page, '#f-count');
  assert.ok(count.invalid);
  assert.deepEqual(count.items.map((i) => [i.code, i.severity]), [['out_of_range', 'error'], ['ignored_field', 'warning']]);
  // Retry on without its values: required at each.
  await page.fill('#f-count', '');
  await page.check('#f-retry');
  assert.deepEqual((await problemsAt(page, '#f-interval')).codes, ['required']);
  assert.deepEqual((await problemsAt(page, '#f-count')).codes, ['required']);
  // Fixing a field clears its problem and its aria-invalid.
  await page.fill('#f-timeout', '300');
  const fixed = await problemsAt(page, '#f-timeout');
  assert.equal(fixed.invalid, false);
  assert.deepEqual(fixed.codes, []);
  assert.match(await page.textContent('#verdict'), /3 errors/);
  await context.close();
});

test('selector problems: none and two selectors are reported at the selector choice', async () => {
  const { page, context } = await open();
  await fillMinimalUpgrade(page);
  await page.fill('#f-keys', '');
  assert.deepEqual((await problemsAt(page, '#g-selector')).codes, ['missing_selector']);
  // Two selectors can only come from an import: the second stays as an imported field.
  await importBody(page, JSON.stringify({
    type: 'upgrade', upgradePolicy: 'snapshot', enableUpgradeRequest: true,
    upgradeScope: { type: 'partial', versionNumbers: ['1.0'], deviceKeys: ['d1'], tags: { site: ['sh', 'bj'] } },
  }));
  const p = await problemsAt(page, '#g-selector');
  assert.ok(p.invalid);
  assert.deepEqual(p.items.map((i) => [i.code, i.path]), [['conflicting_selectors', '/body/upgradeScope']]);
  assert.equal(await page.inputValue('#f-keys'), 'd1');
  assert.ok(!(await page.isHidden('#extras-panel')));
  assert.deepEqual(JSON.parse(await page.textContent('#extras-json')), { upgradeScope: { tags: { site: ['sh', 'bj'] } } });
  // Removing the kept fields resolves the conflict.
  await page.click('#extras-drop');
  assert.deepEqual((await problemsAt(page, '#g-selector')).codes, []);
  // Tags chosen in the form: values per key.
  await page.check('input[name=selector][value=tags]');
  assert.ok(await page.isHidden('#f-keys'));
  await page.click('#tag-add');
  await page.fill('#tag-rows .row .k', 'site');
  await page.fill('#tag-rows .row .v', 'sh, bj');
  assert.deepEqual((await outBody(page)).upgradeScope.tags, { site: ['sh', 'bj'] });
  assert.equal((await outBody(page)).upgradeScope.deviceKeys, undefined);
  // A problem inside a row is shown at that row's control.
  await page.fill('#tag-rows .row .v', '');
  const row = await problemsAt(page, '#tag-rows .row .v');
  assert.ok(row.invalid);
  assert.deepEqual(row.items.map((i) => [i.code, i.path]), [['empty', '/body/upgradeScope/tags/site']]);
  // Attributes: values are JSON scalars; bare text is a string.
  await page.check('input[name=selector][value=attributes]');
  await page.click('#attr-add');
  await page.fill('#attr-rows .row .k', 'model');
  await page.fill('#attr-rows .row .v', 'x1, 5, true, "7", 2.5');
  assert.deepEqual((await outBody(page)).upgradeScope.attributes, { model: ['x1', 5, true, '7', 2.5] });
  // Asset trees: up to five rows, each a tree with optional nodes.
  await page.check('input[name=selector][value=assetTrees]');
  for (let i = 0; i < 5; i++) await page.click('#tree-add');
  assert.ok(await page.isDisabled('#tree-add'));
  await page.fill('#tree-rows .row:nth-child(1) .k', 't1');
  await page.fill('#tree-rows .row:nth-child(2) .k', 't2');
  await page.fill('#tree-rows .row:nth-child(2) .v', 'n1, n2');
  assert.deepEqual((await outBody(page)).upgradeScope.assetTrees, [{ treeId: 't1' }, { treeId: 't2', includedNodes: ['n1', 'n2'] }]);
  await context.close();
});

test('daily schedule: not_same_day at the end field, in the browser time zone', async () => {
  const { page, context } = await open();
  await fillMinimalUpgrade(page);
  await page.check('#f-daily');
  // 23:00 to 01:00 next day, Shanghai time.
  await page.fill('#f-start', '2026-12-01T23:00');
  await page.fill('#f-end', '2026-12-02T01:00');
  const p = await problemsAt(page, '#f-end');
  assert.ok(p.invalid);
  assert.deepEqual(p.items.map((i) => [i.code, i.path]), [['not_same_day', '/body/schedulePolicy/endTimestamp']]);
  // 07:00 to 09:00 in Shanghai is one local day but crosses midnight in UTC: valid because
  // the page checks in the browser's zone (the utcOffsetMinutes option); no zone is sent.
  await page.fill('#f-start', '2026-12-01T07:00');
  await page.fill('#f-end', '2026-12-01T09:00');
  assert.deepEqual((await problemsAt(page, '#f-end')).codes, []);
  assert.equal((await outBody(page)).schedulePolicy.timezoneOffsetInMinutes, undefined);
  assert.equal(await page.getAttribute('html', 'data-valid'), 'true');
  // End before start.
  await page.fill('#f-end', '2026-12-01T06:00');
  assert.deepEqual((await problemsAt(page, '#f-end')).codes, ['end_before_start']);
  await context.close();
});

test('verify jobs: scope total is 24611 at the scope, six keys are 24612 at the device keys', async () => {
  const { page, context } = await open();
  await fillMinimalUpgrade(page);
  await page.fill('#f-timeout', '600');
  await page.fill('#f-concurrency', '10');
  await page.check('input[name=type][value=verify]');
  // Upgrade-only fields are hidden and not sent.
  for (const sel of ['#g-policy', '#g-request', '#f-retry', '#f-start', '#f-concurrency', 'input[name=selector][value=tags]']) {
    assert.ok(await page.isHidden(sel), sel);
  }
  assert.deepEqual(await outBody(page), { type: 'verify', upgradeScope: { type: 'partial', versionNumbers: ['1.0'], deviceKeys: ['dev1'] }, upgradeTimeout: 600 });
  assert.equal(await page.getAttribute('html', 'data-valid'), 'true');

  await page.check('input[name=scope][value=total]');
  let p = await problemsAt(page, '#g-scope');
  assert.ok(p.invalid);
  assert.deepEqual(p.items.map((i) => [i.code, i.path]), [['verify_requires_partial', '/body/upgradeScope/type']]);
  assert.match(p.items[0].text, /24611/);

  await page.check('input[name=scope][value=partial]');
  await page.fill('#f-keys', 'k1\nk2\nk3\nk4\nk5\nk6');
  p = await problemsAt(page, '#f-keys');
  assert.ok(p.invalid);
  assert.deepEqual(p.items.map((i) => [i.code, i.path]), [['too_many_device_keys', '/body/upgradeScope/deviceKeys']]);
  assert.match(p.items[0].text, /24612/);
  await page.fill('#f-keys', 'k1\nk2\nk3\nk4\nk5');
  assert.deepEqual((await problemsAt(page, '#f-keys')).codes, []);
  // The firmware facts panel feeds the `firmware` option: a larger maximum allows six.
  await page.fill('#f-keys', 'k1\nk2\nk3\nk4\nk5\nk6');
  await page.click('#firmware-panel > summary');
  await page.fill('#fw-max', 'ten');
  assert.deepEqual((await problemsAt(page, '#fw-max')).items.map((i) => [i.code, i.path]), [['invalid_option', '/options/firmware/maxAllowedForVerification']]);
  await page.fill('#fw-max', '10');
  assert.deepEqual((await problemsAt(page, '#fw-max')).codes, []);
  assert.deepEqual((await problemsAt(page, '#f-keys')).codes, []);
  await page.selectOption('#fw-exists', 'false');
  const fw = await problemsAt(page, '#fw-exists');
  assert.deepEqual(fw.codes, ['firmware_not_found']);
  assert.match(fw.items[0].text, /24404/);

  // Back to upgrade: nothing typed before was lost.
  await page.selectOption('#fw-exists', '');
  await page.check('input[name=type][value=upgrade]');
  const body = await outBody(page);
  assert.equal(body.upgradePolicy, 'snapshot');
  assert.equal(body.enableUpgradeRequest, true);
  assert.equal(body.maximumConcurrency, 10);
  await context.close();
});

test('the seed example imports, keeps its body and shows its two unknown_field warnings', async () => {
  const { page, context } = await open();
  await page.fill('#f-org', 'yourOrgId');
  await page.fill('#f-fw', 'yourFirmwareId');
  await importBody(page, SEED_BODY);
  assert.match(await page.textContent('#import-status'), /\/startSchedule, \/endSchedule/);
  assert.equal(await page.inputValue('#f-name'), 'ota-job-test');
  assert.equal(await page.inputValue('#f-keys'), 'deviceKey1\ndeviceKey2');
  assert.equal(await page.inputValue('#f-versions'), '1.0');
  assert.ok(await page.isChecked('input[name=policy][value=snapshot]'));
  assert.ok(await page.isChecked('input[name=request][value=true]'));
  // The body sent is the seed's body, unknown fields included.
  assert.deepEqual(await outBody(page), JSON.parse(SEED_BODY));
  assert.equal(await page.getAttribute('html', 'data-valid'), 'true');
  assert.match(await page.textContent('#verdict'), /0 errors, 2 warnings/);
  const summary = await summaryTexts(page);
  assert.equal(summary.length, 2);
  assert.match(summary[0], /^Warning: \/body\/startSchedule/);
  assert.match(summary[1], /^Warning: \/body\/endSchedule/);
  assert.equal(await page.textContent('#out-url'), '/connect-service/v2.1/ota-jobs?action=create&orgId=yourOrgId&firmwareId=yourFirmwareId');
  // Not JSON: the module's message, and the form is left as it was.
  await page.fill('#import-text', '{"type": ');
  await page.click('#import-button');
  assert.match(await page.textContent('#import-status'), /^Not imported: ./);
  assert.equal(await page.inputValue('#f-name'), 'ota-job-test');
  await context.close();
});

test('language switch: page text and validation messages, remembered', async () => {
  const { page, context } = await open();
  const enTitle = await page.textContent('h1');
  const enMsg = await page.textContent('#summary-list li');
  await page.click('#check-all');
  await page.selectOption('#lang', 'zh');
  assert.equal(await page.textContent('h1'), 'EnOS OTA 任务生成器');
  assert.equal(await page.getAttribute('html', 'lang'), 'zh-CN');
  assert.equal(await page.textContent('label[for=f-retry]'), '失败后自动重试');
  const zhMsg = await page.textContent('#summary-list li');
  assert.notEqual(zhMsg, enMsg);
  assert.match(zhMsg, /^错误:/);
  // The module's message itself is Chinese (the `locale` option).
  const fieldMsg = await page.textContent('#f-org ~ ul.problems li');
  assert.match(fieldMsg.replace(/^错误:/, ''), /[\u4e00-\u9fff]/);
  assert.match(await page.textContent('#verdict'), /个错误/);
  await page.reload();
  await page.waitForSelector('html[data-ready=true]');
  assert.equal(await page.inputValue('#lang'), 'zh');
  assert.equal(await page.textContent('h1'), 'EnOS OTA 任务生成器');
  await page.selectOption('#lang', 'en');
  assert.equal(await page.textContent('h1'), enTitle);
  assert.equal(await page.textContent('#summary-list li'), enMsg);
  await context.close();
  // With no choice stored, a Chinese browser starts in Chinese.
  const zh = await open({ locale: 'zh-CN' });
  assert.equal(await zh.page.inputValue('#lang'), 'zh');
  assert.equal(await zh.page.textContent('h1'), 'EnOS OTA 任务生成器');
  await zh.context.close();
});

const XSS = `"><img src=x onerror="window.__xss=1"><script>window.__xss=2</script><svg onload="window.__xss=3">{{7*7}}'`;

test('an XSS payload in every text input stays inert text', async () => {
  const { page, context, problems } = await open();
  const before = await page.evaluate(() => ({ scripts: document.scripts.length }));
  // Rows of every kind, so that their inputs exist.
  await page.click('#i18n-add');
  for (const [sel, add] of [['tags', '#tag-add'], ['attributes', '#attr-add'], ['assetTrees', '#tree-add']]) {
    await page.check(`input[name=selector][value=${sel}]`);
    await page.click(add);
  }
  await page.click('#firmware-panel > summary');
  const fields = await page.$$('#form input[type=text], #form textarea');
  let filled = 0;
  for (const sel of ['tags', 'attributes', 'assetTrees', 'deviceKeys']) {
    await page.check(`input[name=selector][value=${sel}]`);
    for (const f of fields) {
      if (await f.isVisible() && (await f.inputValue()) === '' && (await f.getAttribute('id')) !== 'import-text') {
        await f.fill(XSS);
        filled++;
      }
    }
  }
  assert.ok(filled >= 20, `filled ${filled} inputs`);
  // The payload as a key and as values in an import too (paths and messages carry it).
  await importBody(page, JSON.stringify({ [XSS]: XSS, type: XSS, name: { defaultValue: XSS }, upgradeScope: { type: XSS, versionNumbers: [XSS], tags: { [XSS]: [XSS] } } }));
  await page.waitForTimeout(300);
  const state = await page.evaluate(() => ({
    xss: window.__xss,
    imgs: document.querySelectorAll('img').length,
    svgs: document.querySelectorAll('svg').length,
    scripts: document.scripts.length,
    body: document.getElementById('out-body').textContent,
    summary: document.getElementById('summary-list').textContent,
  }));
  assert.equal(state.xss, undefined);
  assert.equal(state.imgs, 0);
  assert.equal(state.svgs, 0);
  assert.equal(state.scripts, before.scripts);
  assert.ok(state.body.includes(JSON.stringify(XSS).slice(1, -1)), 'payload shown as text in the body');
  assert.ok(state.summary.includes('<img src=x onerror="window.__xss=1">'), 'payload shown as text in the summary');
  assert.deepEqual(problems, []);
  await context.close();
});

test('the Content-Security-Policy allows no inline script and is enforced', async () => {
  const { page, context, problems } = await open();
  // The page itself loads without any refusal or error.
  await page.waitForTimeout(200);
  assert.deepEqual(problems, []);
  const csp = await page.getAttribute('meta[http-equiv=Content-Security-Policy]', 'content');
  assert.match(csp, /script-src 'self' 'wasm-unsafe-eval';/);
  assert.match(csp, /default-src 'self'/);
  assert.match(csp, /style-src 'self'/);
  assert.doesNotMatch(csp, /'unsafe-inline'|'unsafe-eval'|\*/);
  // An inline handler that reaches the DOM anyway is refused by the browser.
  await page.evaluate(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(e.violatedDirective));
    const d = document.createElement('div');
    d.innerHTML = '<img src="/missing.png" onerror="window.__inline=1">';
    document.body.append(d);
  });
  await page.waitForFunction(() => window.__violations.length > 0);
  assert.equal(await page.evaluate(() => window.__inline), undefined);
  assert.ok((await page.evaluate(() => window.__violations)).some((v) => v.startsWith('script-src')));
  await context.close();
});

test('keyboard only: add a translation, reach a problem from the summary', async () => {
  const { page, context } = await open();
  await page.focus('#f-name');
  await page.keyboard.type('Job');
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'i18n-add');
  await page.keyboard.press('Enter');
  assert.match(await page.evaluate(() => document.activeElement.id), /^i18n-\d+-k$/);
  await page.keyboard.type('en_US');
  await page.keyboard.press('Tab');
  await page.keyboard.type('Job EN');
  assert.deepEqual((await outBody(page)).name, { defaultValue: 'Job', i18nValue: { en_US: 'Job EN' } });
  // Radio groups by arrow keys.
  await page.focus('input[name=type][value=upgrade]');
  await page.keyboard.press('ArrowRight');
  assert.equal((await outBody(page)).type, 'verify');
  await page.keyboard.press('ArrowLeft');
  assert.equal((await outBody(page)).type, 'upgrade');
  // A summary entry moves the focus to its field.
  await page.fill('#f-keys', 'a\nb\n\nc\nb');
  const entry = page.locator('#summary-list button', { hasText: 'Organization ID' });
  await entry.focus();
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'f-org');
  // A problem on one entry of a list points at its line (the repeated key on line 5).
  const dup = page.locator('#summary-list button', { hasText: 'line 5' });
  await dup.focus();
  await page.keyboard.press('Enter');
  const focus = await page.evaluate(() => {
    const a = document.activeElement;
    return { id: a.id, sel: a.value.slice(a.selectionStart, a.selectionEnd), start: a.selectionStart };
  });
  assert.deepEqual(focus, { id: 'f-keys', sel: 'b', start: 7 });
  await context.close();
});

test('10,000 pasted device keys are all sent', async () => {
  const { page, context } = await open();
  const keys = Array.from({ length: 10000 }, (_, i) => `device-${i}`);
  await fillMinimalUpgrade(page);
  await page.evaluate(() => { window.__inputs = 0; window.addEventListener('input', () => window.__inputs++, true); });
  await paste(page, '#f-keys', keys.join('\n'));
  await page.waitForFunction(() => document.getElementById('keys-count').textContent === '10000 keys.');
  assert.equal(await page.evaluate(() => window.__inputs), 1, 'one paste, one check');
  assert.deepEqual((await outBody(page)).upgradeScope.deviceKeys, keys);
  assert.equal(await page.getAttribute('html', 'data-valid'), 'true');
  await context.close();
});

async function axeViolations(page) {
  await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
  const res = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
  return res.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

test('axe-core finds no accessibility violation (empty, with problems, imported, Chinese, 360 px)', async () => {
  const { page, context } = await open({ bypassCSP: true, viewport: { width: 360, height: 800 } });
  // 360 px: nothing wider than the screen.
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= 360), 'no horizontal scroll at 360 px');
  assert.deepEqual(await axeViolations(page), []);
  await page.click('#firmware-panel > summary');
  await page.click('#import-panel > summary');
  await page.fill('#import-text', SEED_BODY);
  await page.click('#import-button');
  await page.fill('#f-timeout', '5');
  await page.click('#i18n-add');
  await page.check('input[name=selector][value=assetTrees]');
  await page.click('#tree-add');
  assert.deepEqual(await axeViolations(page), []);
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= 360), 'still no horizontal scroll with rows and problems');
  await page.selectOption('#lang', 'zh');
  await page.setViewportSize({ width: 1280, height: 900 });
  assert.deepEqual(await axeViolations(page), []);
  await context.close();
});

test('screenshots of the form are written under target/', async () => {
  const dir = join(ROOT, 'target', 'e2e');
  await mkdir(dir, { recursive: true });
  const { page, context } = await open({ viewport: { width: 360, height: 740 } });
  await page.fill('#f-org', 'yourOrgId');
  await page.fill('#f-fw', 'yourFirmwareId');
  await importBody(page, SEED_BODY);
  await page.fill('#f-timeout', '100');
  const narrow = join(dir, 'form-360.png');
  await page.screenshot({ path: narrow, fullPage: true });
  await page.setViewportSize({ width: 1280, height: 900 });
  const wide = join(dir, 'form-desktop.png');
  await page.screenshot({ path: wide, fullPage: true });
  await page.selectOption('#lang', 'zh');
  const zh = join(dir, 'form-desktop-zh.png');
  await page.screenshot({ path: zh, fullPage: false });
  for (const f of [narrow, wide, zh]) assert.ok((await stat(f)).size > 10000, f);
  await context.close();
});
