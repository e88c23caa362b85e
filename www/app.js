// The page: wiring, live validation through the enos-ota-job WebAssembly module, and output.
// User text only ever reaches the page through textContent and value, never as HTML.
import { STRINGS, durationText } from './i18n.js';
import {
  ZONES, addRow, browserOffset, clearForm, ensureZone, entryLines, fillForm, forget, isEmpty, labelOf, lineOfEntry, lines, locate,
  merge, offsetText, orderLike, parsePointer, radio, readBody, readFirmware, rezone, scheduleInstants, selectorChoice,
  tsToText, zoneChoice,
} from './form.js';

const $ = (id) => document.getElementById(id);
const LANG_KEY = 'enos-ota-job.lang';
const MAX_TREES = 5;

let mod = null; // the enos-ota-job module
let lang = 'en';
let extras = {}; // imported fields that the form does not edit
let template = null; // the last imported body: the body keeps its member order
let marked = []; // controls that carry problem attributes from the last render
let revealAll = false; // after the first import or "Check all": every inline problem is shown
const visited = new WeakSet(); // fields the user has been in: their inline problems are shown
let zoneBefore = null; // the zone the datetime fields were shown in

const t = (key, ...args) => {
  const v = STRINGS[lang][key] ?? STRINGS.en[key] ?? key;
  return typeof v === 'function' ? v(...args) : v;
};

function el(tag, props = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) {
    if (k === 'class') e.className = v;
    else if (k === 'text') e.textContent = v;
    else e.setAttribute(k, v);
  }
  e.append(...children);
  return e;
}

// ---- language ----

function translate(root) {
  for (const n of root.querySelectorAll('[data-i18n]')) n.textContent = t(n.dataset.i18n);
}
function setLang(next) {
  lang = STRINGS[next] ? next : 'en';
  try { localStorage.setItem(LANG_KEY, lang); } catch { /* storage may be off */ }
  document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  $('lang').value = lang;
  translate(document);
  for (const tpl of document.querySelectorAll('template')) translate(tpl.content);
  document.title = t('title');
}
function initialLang() {
  let saved = null;
  try { saved = localStorage.getItem(LANG_KEY); } catch { /* ignore */ }
  if (saved && STRINGS[saved]) return saved;
  return (navigator.language || '').toLowerCase().startsWith('zh') ? 'zh' : 'en';
}

// ---- visibility ----

function applyVisibility() {
  const verify = radio('type') === 'verify';
  for (const n of document.querySelectorAll('#form .upgrade-only')) n.hidden = verify;
  for (const n of document.querySelectorAll('#form .verify-only')) n.hidden = !verify;
  const sel = selectorChoice();
  for (const n of document.querySelectorAll('#form .sel')) n.hidden = n.dataset.sel !== sel;
  $('tree-add').disabled = $('tree-rows').children.length >= MAX_TREES;
}

// ---- the request ----

function currentBody() {
  const body = merge(readBody(), extras);
  return template ? orderLike(body, template) : body;
}
function currentInput() {
  const body = currentBody();
  const input = { body };
  const gw = $('f-apigw').value;
  if (gw !== '') input.apigwAddress = gw;
  const org = $('f-org').value;
  if (org !== '') input.orgId = org;
  const fw = $('f-fw').value;
  if (fw !== '') input.firmwareId = fw;
  return input;
}
function currentOptions() {
  const o = { locale: lang };
  if ($('f-strict').checked) o.strict = true;
  const fw = readFirmware();
  if (fw) o.firmware = fw;
  // Without a zone in the body, the same-day rule uses the browser's zone at the start,
  // the zone the datetime fields are shown in.
  if (zoneChoice() === null) o.utcOffsetMinutes = browserOffset(scheduleInstants().start);
  return o;
}

const shellQuote = (s) => `'${s.replace(/'/g, "'\\''")}'`;

// The curl command sends the body shown above (the same JSON as request.body, indented).
function curlOf(request, pretty) {
  const url = request.url.startsWith('/') ? `https://<apigw-address>${request.url}` : request.url;
  const parts = [`curl -X ${request.method} ${shellQuote(url)}`];
  for (const [k, v] of Object.entries(request.headers || {})) parts.push(`  -H ${shellQuote(`${k}: ${v}`)}`);
  parts.push(`  --data-raw ${shellQuote(pretty)}`);
  return parts.join(' \\\n');
}

function setText(id, text) {
  const n = $(id);
  if (n.textContent !== text) n.textContent = text;
}

// Output blocks are kept as chunks of CHUNK lines, one element each, and only the chunks
// whose text changed are touched: an edit in a long body (thousands of device keys)
// re-lays out a few lines, not the whole block.
const CHUNK = 32;
const shown = new Map(); // element id -> { text, chunks }
function setLines(id, text) {
  const pre = $(id);
  const prev = shown.get(id);
  if (prev && prev.text === text) return;
  const lines = text.split('\n');
  const chunks = [];
  for (let i = 0; i < lines.length; i += CHUNK) {
    const end = Math.min(i + CHUNK, lines.length);
    chunks.push(lines.slice(i, end).join('\n') + (end < lines.length ? '\n' : ''));
  }
  const old = prev ? prev.chunks : [];
  const kids = pre.children;
  const common = Math.min(old.length, chunks.length);
  for (let i = 0; i < common; i++) if (old[i] !== chunks[i]) kids[i].firstChild.data = chunks[i];
  for (let i = old.length - 1; i >= chunks.length; i--) kids[i].remove();
  for (let i = common; i < chunks.length; i++) {
    const d = document.createElement('div');
    d.append(chunks[i]);
    pre.append(d);
  }
  shown.set(id, { text, chunks });
}
const shownText = (id) => (shown.get(id)?.text ?? $(id).textContent);

// ---- problems ----

function clearMarks() {
  for (const m of marked) {
    m.box.querySelector(':scope > ul.problems')?.remove();
    for (const n of m.aria) {
      n.removeAttribute('aria-invalid');
      const base = n.dataset.describedBase;
      if (base) n.setAttribute('aria-describedby', base); else n.removeAttribute('aria-describedby');
      delete n.dataset.describedBase;
    }
  }
  marked = [];
}

/** The hint of a problem and, when it has a fix, its "Apply" button. */
function remedy(p) {
  const out = [];
  if (p.hint) out.push(el('span', { class: 'fix-hint', text: p.hint }));
  if (Array.isArray(p.fix) && p.fix.length) {
    const b = el('button', { type: 'button', class: 'apply', 'data-i18n': 'apply', text: t('apply') });
    b.addEventListener('click', () => applyFix(p));
    out.push(b);
  }
  return out;
}

// A problem shows at its field once the field holds something, or the user has been in it,
// or after the first import or "Check all". A fresh page is not a wall of red.
const isShown = (loc) => revealAll || visited.has(loc.box) || visited.has(loc.el) || !isEmpty(loc.el);

let problemSeq = 0;
function renderProblems(report, firmwareSent) {
  clearMarks();
  const all = [
    ...report.errors.map((p) => ({ ...p, severity: 'error' })),
    ...report.warnings.map((p) => ({ ...p, severity: 'warning' })),
  ];
  const byBox = new Map();
  const summary = $('summary-list');
  const items = [];
  const entryLineCache = new Map(); // control -> line of each entry, computed once per render
  const labelCache = new Map();
  for (const p of all) {
    const loc = locate(p, { firmwareSent });
    const sev = t(p.severity);
    const msg = p.enosCode != null ? `${p.message} (EnOS ${p.enosCode})` : p.message;
    let detail = '';
    if (loc && loc.index !== null) {
      if (!entryLineCache.has(loc.el)) entryLineCache.set(loc.el, entryLines(loc.el.value));
      const line = entryLineCache.get(loc.el)[loc.index];
      detail = line ? t('line', line) : t('entry', loc.index + 1);
    }
    if (loc) {
      // The summary lists every problem; the field shows it once the user has been there.
      if (isShown(loc)) {
        if (!byBox.has(loc.box)) byBox.set(loc.box, { loc, list: [] });
        byBox.get(loc.box).list.push({ p, sev, msg, detail });
      }
      const lkey = loc.member === null ? loc.el : `${loc.el.id}/${loc.member}`;
      if (!labelCache.has(lkey)) labelCache.set(lkey, labelOf(loc.el, loc.member));
      const label = labelCache.get(lkey);
      const btn = el('button', { type: 'button', class: 'linkish' },
        el('span', { class: 'sev', text: `${sev}: ` }),
        el('span', { class: 'where', text: detail ? `${label} (${detail})` : label }),
        ` — ${msg}`);
      btn.addEventListener('click', () => focusField(loc));
      items.push(el('li', { class: p.severity, 'data-code': p.code, 'data-path': p.path }, btn, ...remedy(p)));
    } else {
      items.push(el('li', { class: p.severity, 'data-code': p.code, 'data-path': p.path },
        el('span', { class: 'sev', text: `${sev}: ` }),
        el('code', { text: p.path === '' ? '/' : p.path }),
        ` (${t('noField')}) — ${msg}`, ...remedy(p)));
    }
  }
  summary.replaceChildren(...items);

  for (const { loc, list } of byBox.values()) {
    const ul = el('ul', { class: 'problems', id: `problems-${++problemSeq}` });
    for (const { p, sev, msg, detail } of list) {
      ul.append(el('li', { class: p.severity, 'data-code': p.code, 'data-path': p.path },
        el('span', { class: 'sev', text: `${sev}: ` }), detail ? `${detail}: ${msg}` : msg, ...remedy(p)));
    }
    loc.box.append(ul);
    const hasError = list.some((x) => x.p.severity === 'error');
    const aria = [loc.el];
    for (const n of aria) {
      if (hasError) n.setAttribute('aria-invalid', 'true');
      const base = n.getAttribute('aria-describedby') || '';
      if (base) n.dataset.describedBase = base;
      n.setAttribute('aria-describedby', base ? `${base} ${ul.id}` : ul.id);
    }
    marked.push({ box: loc.box, aria });
  }
  return { errors: report.errors.length, warnings: report.warnings.length };
}

function focusField(loc) {
  for (let d = loc.target.closest('details'); d; d = d.parentElement.closest('details')) d.open = true;
  loc.target.focus();
  loc.target.scrollIntoView({ block: 'center' });
  if (loc.index !== null && loc.target.tagName === 'TEXTAREA') {
    const text = loc.target.value;
    const line = lineOfEntry(text, loc.index);
    if (line) {
      const rows = text.split('\n');
      const start = rows.slice(0, line - 1).reduce((a, r) => a + r.length + 1, 0);
      loc.target.setSelectionRange(start, start + rows[line - 1].length);
    }
  }
}

// ---- fixes (RFC 6902 move and replace, applied to the request's state) ----

function patchParent(doc, pointer) {
  const segs = parsePointer(pointer);
  const key = segs.pop();
  let at = doc;
  for (const s of segs) {
    if (at === null || typeof at !== 'object') throw new Error(`no ${pointer}`);
    at = at[Array.isArray(at) ? Number(s) : s];
  }
  if (at === null || typeof at !== 'object') throw new Error(`no ${pointer}`);
  return { at, key };
}
function patchAdd(doc, pointer, value, beside) {
  const { at, key } = patchParent(doc, pointer);
  if (Array.isArray(at)) {
    if (key === '-') at.push(value); else at.splice(Number(key), 0, value);
    return;
  }
  if (beside && beside.at === at && Object.hasOwn(at, beside.key)) {
    // A rename within one object: the member keeps its place.
    const entries = Object.entries(at);
    for (const k of Object.keys(at)) delete at[k];
    for (const [k, v] of entries) if (k === beside.key) at[key] = value; else if (k !== key) at[k] = v;
    return;
  }
  at[key] = value;
}
function patchGet(doc, pointer) {
  if (pointer === '') return doc;
  const { at, key } = patchParent(doc, pointer);
  const k = Array.isArray(at) ? Number(key) : key;
  if (!Object.hasOwn(at, k)) throw new Error(`no ${pointer}`);
  return at[k];
}
function patchRemove(doc, pointer) {
  const { at, key } = patchParent(doc, pointer);
  if (Array.isArray(at)) at.splice(Number(key), 1); else delete at[key];
}
export function applyPatch(doc, ops) {
  const out = structuredClone(doc);
  for (const op of ops) {
    if (op.op === 'replace') {
      if (op.path === '') throw new Error('root replace');
      const { at, key } = patchParent(out, op.path);
      patchGet(out, op.path);
      at[Array.isArray(at) ? Number(key) : key] = structuredClone(op.value);
    } else if (op.op === 'move') {
      const value = patchGet(out, op.from);
      if (op.from === op.path) continue;
      const from = patchParent(out, op.from);
      const to = patchParent(out, op.path);
      if (!Array.isArray(from.at) && from.at === to.at) {
        patchAdd(out, op.path, value, from);
      } else {
        patchRemove(out, op.from);
        patchAdd(out, op.path, value);
      }
    } else if (op.op === 'add') {
      patchAdd(out, op.path, structuredClone(op.value));
    } else if (op.op === 'remove') {
      patchGet(out, op.path);
      patchRemove(out, op.path);
    } else {
      throw new Error(`unsupported op ${op.op}`);
    }
  }
  return out;
}

function applyFix(p) {
  const input = currentInput();
  let next;
  try {
    next = applyPatch(input, p.fix);
  } catch {
    return; // the state moved on since the report: nothing to apply
  }
  for (const [key, id] of [['apigwAddress', 'f-apigw'], ['orgId', 'f-org'], ['firmwareId', 'f-fw']]) {
    if (next[key] !== input[key]) $(id).value = typeof next[key] === 'string' ? next[key] : next[key] === undefined ? '' : JSON.stringify(next[key]);
  }
  loadBody(next.body);
  const loc = locate(p, { firmwareSent: currentOptions().firmware !== undefined });
  if (loc) loc.target.focus(); else $('summary-title').focus();
}

// ---- one render ----

function zoneLabel() {
  // The "not sent" choice names the browser's zone at the start time.
  const auto = $('f-zone').querySelector('option[value=auto]');
  const text = t('zone.auto', offsetText(browserOffset(scheduleInstants().start)));
  if (auto.textContent !== text) auto.textContent = text;
}

function scheduleNote() {
  const { start, end } = scheduleInstants();
  let text = '';
  if (typeof start === 'number' && typeof end === 'number') {
    const chosen = zoneChoice();
    const zone = chosen === null ? browserOffset(start) : chosen;
    const local = `${tsToText(start, zone)} – ${tsToText(end, zone)} (UTC${offsetText(zone)})`;
    const utc = `${tsToText(start, 0)} – ${tsToText(end, 0)} UTC`;
    text = t('windowLength', durationText(end - start, lang), local, utc);
  }
  setText('schedule-length', text);
}

let rendering = false;
export function update() {
  // Re-entry (a focused control removed by the render fires focusout) is ignored.
  if (!mod || rendering) return;
  rendering = true;
  try {
    render();
  } finally {
    rendering = false;
  }
}
function render() {
  const input = currentInput();
  const options = currentOptions();
  let res;
  try {
    res = mod.buildRequest(input, options);
  } catch (err) {
    res = { report: { valid: false, errors: [{ path: '', code: 'internal', message: String(err), enosCode: null }], warnings: [] } };
  }
  const { errors, warnings } = renderProblems(res.report, options.firmware !== undefined);
  const valid = res.report.valid && !!res.request;
  const verdict = $('verdict');
  verdict.className = `verdict ${valid ? 'ok' : 'bad'}`;
  setText('verdict', `${valid ? t('valid') : t('invalid')} ${t('counts', errors, warnings)}`);
  document.documentElement.dataset.valid = String(valid);

  const pretty = JSON.stringify(input.body, null, 2);
  setLines('out-body', pretty);
  setText('out-url', res.request ? res.request.url : t('out.none'));
  // curl sends what buildRequest sends (it leaves a root `$schema` out).
  const sent = res.request && Object.hasOwn(input.body, '$schema') ? JSON.stringify(JSON.parse(res.request.body), null, 2) : pretty;
  setLines('out-curl', res.request ? curlOf(res.request, sent) : t('out.none'));
  for (const b of document.querySelectorAll('button.copy')) b.disabled = b.dataset.copy !== 'out-body' && !res.request;

  const keys = lines($('f-keys').value);
  setText('keys-count', t('keysCount', keys ? keys.length : 0));
  zoneLabel();
  scheduleNote();
}

// ---- import ----

// A root `$schema` (a job file's link to its JSON Schema) is no field of the job: it stays
// in the body and in saved files, and buildRequest leaves it out of what it sends.
function withoutSchema(rest) {
  if (!rest || !Object.hasOwn(rest, '$schema')) return rest || {};
  const { $schema: _, ...others } = rest;
  return others;
}
function showExtras() {
  const shownExtras = withoutSchema(extras);
  const empty = !Object.keys(shownExtras).length;
  $('extras-panel').hidden = empty;
  setText('extras-json', empty ? '' : JSON.stringify(shownExtras, null, 2));
}

function keptPaths(rest, base = '') {
  const out = [];
  for (const [k, v] of Object.entries(rest)) {
    const p = `${base}/${k.replace(/~/g, '~0').replace(/\//g, '~1')}`;
    if (v !== null && typeof v === 'object' && !Array.isArray(v) && Object.keys(v).length) out.push(...keptPaths(v, p));
    else out.push(p);
  }
  return out;
}

/** The form takes `body` as its state: every field that can hold a member holds it. */
function loadBody(body) {
  extras = fillForm(body, translate);
  template = structuredClone(body);
  zoneBefore = zoneChoice();
  applyVisibility();
  showExtras();
  update();
}

/** UTF-16 offset in `text` of a 1-based line and a column counted in Unicode code points. */
export function offsetAt(text, line, column) {
  let i = 0;
  for (let l = 1; l < line; l++) {
    const nl = text.indexOf('\n', i);
    if (nl === -1) return text.length;
    i = nl + 1;
  }
  for (let c = 1; c < column && i < text.length; c++) {
    const cu = text.charCodeAt(i);
    if (cu === 10) break;
    const pair = cu >= 0xd800 && cu <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00;
    i += pair ? 2 : 1;
  }
  return i;
}
/** Selects a problem's span (line/column to endLine/endColumn) in the import box. */
function selectSpan(p) {
  const ta = $('import-text');
  const text = ta.value;
  const a = offsetAt(text, p.line, p.column);
  const b = p.endLine ? Math.max(a, offsetAt(text, p.endLine, p.endColumn)) : a;
  $('import-panel').open = true;
  ta.focus();
  ta.setSelectionRange(a, b);
  const lh = parseFloat(getComputedStyle(ta).lineHeight) || 20;
  ta.scrollTop = Math.max(0, (p.line - 2) * lh);
}

let imported = null; // the text of the last import, for its list of problems
/** The problems of the imported text, each with its place; choosing one selects it. */
function renderImportProblems() {
  const list = $('import-problems');
  if (imported === null) { list.replaceChildren(); list.hidden = true; return []; }
  const rep = mod.validateJson(imported, { locale: lang, utcOffsetMinutes: currentOptions().utcOffsetMinutes });
  const all = [...rep.errors.map((p) => ({ ...p, severity: 'error' })), ...rep.warnings.map((p) => ({ ...p, severity: 'warning' }))];
  const items = [];
  for (const p of all) {
    if (!p.line) continue;
    const b = el('button', { type: 'button', class: 'linkish' },
      el('span', { class: 'sev', text: `${t(p.severity)}: ` }),
      el('span', { class: 'where', text: t('import.at', p.line, p.column) }), ' ', el('code', { text: p.path === '' ? '/' : p.path }),
      ` — ${p.message}`);
    b.addEventListener('click', () => selectSpan(p));
    items.push(el('li', { class: p.severity, 'data-code': p.code, 'data-path': p.path }, b));
  }
  list.hidden = !items.length;
  list.replaceChildren(...(items.length ? [el('li', { class: 'head', 'data-i18n': 'import.problems', text: t('import.problems') }), ...items] : []));
  return all;
}

function doImport(fileName) {
  const text = $('import-text').value;
  const status = $('import-status');
  let body;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  imported = text;
  const from = fileName ? `${t('import.opened', fileName)} ` : '';
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    // Let the module say why (line and column for invalid JSON, the type otherwise).
    const all = renderImportProblems();
    const first = all.find((p) => p.severity === 'error');
    status.className = 'note bad';
    status.textContent = `${from}${t('import.failed')}${first ? first.message : ''}`;
    if (first && first.line) selectSpan(first);
    return;
  }
  revealAll = true;
  loadBody(body);
  renderImportProblems();
  const kept = keptPaths(withoutSchema(extras));
  status.className = 'note ok';
  status.textContent = from + t('import.done') + (kept.length ? ` ${t('import.kept')}${kept.join(', ')}` : '');
}

async function openFile(file) {
  if (!file) return;
  const text = await file.text();
  $('import-panel').open = true;
  $('import-text').value = text;
  doImport(file.name);
}

// ---- save ----

export const SCHEMA_URL = 'https://github.com/enos-ota-job/enos-ota-job/raw/main/schema/create-ota-job.schema.json';

function fileNameOf(body) {
  const name = body && body.name && typeof body.name.defaultValue === 'string' ? body.name.defaultValue : '';
  // eslint-disable-next-line no-control-regex
  const safe = name.replace(/[\u0000-\u001f\u007f<>:"/\\|?*]+/g, '-').replace(/^[\s.-]+|[\s.]+$/g, '').slice(0, 120);
  return `${safe || 'ota-job'}.json`;
}
function saveFile() {
  const body = currentBody();
  const file = Object.hasOwn(body, '$schema') ? body : { $schema: SCHEMA_URL, ...body };
  const name = fileNameOf(body);
  const blob = new Blob([`${JSON.stringify(file, null, 2)}\n`], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const a = el('a', { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
  setText('copy-status', t('saved', name));
}

// ---- wiring ----

function markVisited(target) {
  if (!(target instanceof Element)) return;
  visited.add(target);
  const box = target.closest('.row, .field, fieldset');
  if (box) visited.add(box);
  // The editors of the chosen selector count as the selector choice.
  if (target.closest('.sel')) visited.add($('g-selector'));
}

function wire() {
  const form = $('form');
  form.addEventListener('submit', (e) => e.preventDefault());
  form.addEventListener('input', (e) => {
    if (e.target.id === 'import-text') {
      // Imported only on "Fill the form"; the places listed for the last import no longer hold.
      if (imported !== null) { imported = null; renderImportProblems(); }
      return;
    }
    forget(e.target); // typed: the control now sends what it shows
    if (e.target.type === 'radio') forget(e.target.closest('fieldset'));
    markVisited(e.target);
    if (e.target.name === 'type' || e.target.name === 'selector') applyVisibility();
    if (e.target.id === 'f-zone') { rezone(zoneBefore); zoneBefore = zoneChoice(); }
    update();
  });
  form.addEventListener('focusout', (e) => {
    if (rendering || !e.target.matches('input, select, textarea') || e.target.id === 'import-text' || visited.has(e.target)) return;
    markVisited(e.target);
    // Not while a button is being pressed: re-rendering would replace it before its click.
    if (e.relatedTarget instanceof HTMLButtonElement) return;
    update();
  });
  $('lang').addEventListener('change', () => { setLang($('lang').value); update(); renderImportProblems(); });
  $('check-all').addEventListener('click', () => {
    revealAll = true;
    update();
    $('summary-title').focus();
  });

  const adders = { 'i18n-add': 'i18n', 'tag-add': 'tags', 'attr-add': 'attributes', 'tree-add': 'assetTrees' };
  for (const [id, kind] of Object.entries(adders)) {
    $(id).addEventListener('click', () => {
      const row = addRow(kind, '', '', translate);
      applyVisibility();
      row.querySelector('.k').focus();
      update();
    });
  }
  form.addEventListener('click', (e) => {
    const btn = e.target.closest('button.remove');
    if (!btn) return;
    const row = btn.closest('.row');
    const list = row.parentElement;
    const next = row.nextElementSibling || row.previousElementSibling;
    row.remove();
    applyVisibility();
    const focusTo = next ? next.querySelector('.k') : list.parentElement.querySelector('.row-actions button');
    focusTo?.focus();
    update();
  });

  $('import-button').addEventListener('click', () => doImport());
  $('open-button').addEventListener('click', () => $('open-file').click());
  $('open-file').addEventListener('change', async (e) => {
    const input = e.target;
    await openFile(input.files[0]);
    input.value = '';
  });
  // A .json file dropped on the import box is read as if pasted.
  const box = $('import-panel');
  const hasFile = (e) => [...(e.dataTransfer?.types || [])].includes('Files');
  box.addEventListener('dragover', (e) => {
    if (!hasFile(e)) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = 'copy';
    box.classList.add('drop');
  });
  box.addEventListener('dragleave', () => box.classList.remove('drop'));
  box.addEventListener('drop', (e) => {
    box.classList.remove('drop');
    const file = e.dataTransfer?.files?.[0];
    if (!file) return;
    e.preventDefault();
    if (!/\.json$/i.test(file.name) && !/json/.test(file.type)) {
      const status = $('import-status');
      status.className = 'note bad';
      status.textContent = t('import.notjson', file.name);
      return;
    }
    openFile(file);
  });
  $('save-button').addEventListener('click', saveFile);

  $('extras-drop').addEventListener('click', () => {
    extras = Object.hasOwn(extras, '$schema') ? { $schema: extras.$schema } : {};
    showExtras();
    update();
    $('summary-title').focus();
  });

  for (const b of document.querySelectorAll('button.copy')) {
    b.addEventListener('click', async () => {
      const text = shownText(b.dataset.copy);
      try {
        await navigator.clipboard.writeText(text);
        setText('copy-status', t('copied'));
      } catch {
        const sel = window.getSelection();
        const range = document.createRange();
        range.selectNodeContents($(b.dataset.copy));
        sel.removeAllRanges();
        sel.addRange(range);
        setText('copy-status', t('copyFailed'));
      }
    });
  }
}

function zoneOptions() {
  const sel = $('f-zone');
  const auto = el('option', { value: 'auto' });
  sel.replaceChildren(auto, ...ZONES.map((m) => el('option', { value: String(m), text: `UTC${offsetText(m)}` })));
  ensureZone(browserOffset());
  sel.value = 'auto';
}

async function main() {
  setLang(initialLang());
  zoneOptions();
  wire();
  applyVisibility();
  try {
    performance.mark('ota-import-start');
    const m = await import('./pkg/web.js');
    performance.measure('ota-import', 'ota-import-start');
    performance.mark('ota-init-start');
    await m.default(); // fetches and instantiates the .wasm (preloaded by index.html)
    performance.measure('ota-init', 'ota-init-start');
    mod = m;
  } catch (err) {
    const s = $('load-status');
    s.className = 'status bad';
    s.textContent = t('loadFailed') + String(err && err.message ? err.message : err);
    return;
  }
  $('load-status').hidden = true;
  update();
  document.documentElement.dataset.ready = 'true';
}

// For tests and benchmarks: clear the form to an empty upgrade job.
export function reset() {
  clearForm();
  extras = {};
  template = null;
  zoneBefore = null;
  showExtras();
  applyVisibility();
  update();
}

main();
