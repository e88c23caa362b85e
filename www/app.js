// The page: wiring, live validation through the enos-ota-job WebAssembly module, and output.
// User text only ever reaches the page through textContent and value, never as HTML.
import { STRINGS, durationText } from './i18n.js';
import {
  addRow, clearForm, entryLines, fillForm, labelOf, lineOfEntry, lines, locate, merge, radio, readBody,
  readFirmware, selectorChoice,
} from './form.js';

const $ = (id) => document.getElementById(id);
const LANG_KEY = 'enos-ota-job.lang';
const MAX_TREES = 5;

let mod = null; // the enos-ota-job module
let lang = 'en';
let extras = {}; // imported fields that the form does not edit
let marked = []; // controls that carry problem attributes from the last render

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

function currentInput() {
  const body = merge(readBody(), extras);
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
      if (!byBox.has(loc.box)) byBox.set(loc.box, { loc, list: [] });
      byBox.get(loc.box).list.push({ p, sev, msg, detail });
      if (!labelCache.has(loc.el)) labelCache.set(loc.el, labelOf(loc.el));
      const label = labelCache.get(loc.el);
      const btn = el('button', { type: 'button', class: 'linkish' },
        el('span', { class: 'sev', text: `${sev}: ` }),
        el('span', { class: 'where', text: detail ? `${label} (${detail})` : label }),
        ` — ${msg}`);
      btn.addEventListener('click', () => focusField(loc));
      items.push(el('li', { class: p.severity }, btn));
    } else {
      items.push(el('li', { class: p.severity },
        el('span', { class: 'sev', text: `${sev}: ` }),
        el('code', { text: p.path === '' ? '/' : p.path }),
        ` (${t('noField')}) — ${msg}`));
    }
  }
  summary.replaceChildren(...items);

  for (const { loc, list } of byBox.values()) {
    const ul = el('ul', { class: 'problems', id: `problems-${++problemSeq}` });
    for (const { p, sev, msg, detail } of list) {
      ul.append(el('li', { class: p.severity, 'data-code': p.code, 'data-path': p.path },
        el('span', { class: 'sev', text: `${sev}: ` }), detail ? `${detail}: ${msg}` : msg));
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

// ---- one render ----

function scheduleNote() {
  const s = $('f-start').value;
  const e = $('f-end').value;
  let text = '';
  if (s && e) {
    const a = new Date(s);
    const off = -a.getTimezoneOffset();
    const sign = off < 0 ? '−' : '+';
    const abs = Math.abs(off);
    const zone = `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
    text = t('windowLength', durationText(new Date(e) - a, lang), zone);
  }
  setText('schedule-length', text);
}

export function update() {
  if (!mod) return;
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
  setLines('out-curl', res.request ? curlOf(res.request, pretty) : t('out.none'));
  for (const b of document.querySelectorAll('button.copy')) b.disabled = b.dataset.copy !== 'out-body' && !res.request;

  const keys = lines($('f-keys').value);
  setText('keys-count', t('keysCount', keys ? keys.length : 0));
  scheduleNote();
}

// ---- import ----

function showExtras() {
  const empty = !extras || !Object.keys(extras).length;
  $('extras-panel').hidden = empty;
  setText('extras-json', empty ? '' : JSON.stringify(extras, null, 2));
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

function doImport() {
  const text = $('import-text').value;
  const status = $('import-status');
  let body;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    // Let the module say why (line and column for invalid JSON, the type otherwise).
    const rep = mod.validateJson(text, { locale: lang });
    const first = rep.errors[0];
    status.className = 'note bad';
    status.textContent = `${t('import.failed')}${first ? first.message : ''}`;
    return;
  }
  extras = fillForm(body, translate);
  applyVisibility();
  showExtras();
  update();
  const kept = keptPaths(extras);
  status.className = 'note ok';
  status.textContent = t('import.done') + (kept.length ? ` ${t('import.kept')}${kept.join(', ')}` : '');
}

// ---- wiring ----

function wire() {
  const form = $('form');
  form.addEventListener('submit', (e) => e.preventDefault());
  form.addEventListener('input', (e) => {
    if (e.target.id === 'import-text') return; // imported only on "Fill the form"
    if (e.target.name === 'type' || e.target.name === 'selector') applyVisibility();
    update();
  });
  $('lang').addEventListener('change', () => { setLang($('lang').value); update(); });

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

  $('import-button').addEventListener('click', doImport);
  $('extras-drop').addEventListener('click', () => {
    extras = {};
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

async function main() {
  setLang(initialLang());
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
  showExtras();
  applyVisibility();
  update();
}

main();
