// The form as data: read it into a request body, fill it from a body, and find the
// control that a JSON Pointer from the validator refers to. No validation rule lives
// here: text is only converted to JSON values, and every verdict comes from the module.

const $ = (id) => document.getElementById(id);
const isObj = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);

export function radio(name) {
  const el = document.querySelector(`input[name="${name}"]:checked`);
  return el ? el.value : null;
}
function setRadio(name, value) {
  for (const el of document.querySelectorAll(`input[name="${name}"]`)) el.checked = el.value === value;
}

// ---- text <-> JSON value conversions (formatting only) ----

/** Digits (optionally signed) become a number; any other non-empty text is sent as typed. */
export function textToInt(s) {
  if (s === '') return undefined;
  return /^-?[0-9]+$/.test(s) ? Number(s) : s;
}
/** One entry per line; blank lines are not entries. */
export function lines(s) {
  if (s === '') return undefined;
  const out = s.split('\n');
  let n = 0;
  for (let i = 0; i < out.length; i++) {
    let l = out[i];
    if (l.endsWith('\r')) l = l.slice(0, -1);
    if (l !== '') out[n++] = l;
  }
  out.length = n;
  return n ? out : undefined;
}
/** Line numbers (1-based) of the entries of lines(s), in order. */
export function entryLines(s) {
  const out = [];
  let line = 1;
  let start = 0;
  for (;;) {
    const nl = s.indexOf('\n', start);
    const end = nl === -1 ? s.length : nl;
    const len = end > start && s.charCodeAt(end - 1) === 13 ? end - start - 1 : end - start;
    if (len > 0) out.push(line);
    if (nl === -1) return out;
    start = nl + 1;
    line++;
  }
}
/** Line number (1-based) of the entry at `index` of lines(s). */
export function lineOfEntry(s, index) {
  return entryLines(s)[index] ?? null;
}
/** Comma-separated list, each item trimmed; empty items are not entries. */
export function csv(s) {
  return s.split(',').map((t) => t.trim()).filter((t) => t !== '');
}
/** Comma-separated JSON scalars; bare text is a string. */
export function scalars(s) {
  return csv(s).map((t) => {
    try {
      const v = JSON.parse(t);
      if (v === null || typeof v !== 'object') return v;
    } catch { /* bare text */ }
    return t;
  });
}
function formatScalar(v) {
  if (typeof v !== 'string') return JSON.stringify(v);
  try { JSON.parse(v); return JSON.stringify(v); } catch { return v; }
}
function pad(n, w = 2) { return String(n).padStart(w, '0'); }
/** A millisecond timestamp as a datetime-local value in the browser's time zone. */
export function toLocalInput(ts) {
  const d = new Date(ts);
  if (Number.isNaN(d.getTime()) || d.getFullYear() < 1000 || d.getFullYear() > 9999) return '';
  const base = `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
  return d.getSeconds() ? `${base}:${pad(d.getSeconds())}` : base;
}
export function fromLocalInput(s) {
  if (s === '') return undefined;
  const t = new Date(s).getTime();
  return Number.isNaN(t) ? s : t;
}

// ---- dynamic rows (translations, tags, attributes, asset trees) ----

let rowSeq = 0;
export const ROWS = {
  i18n: { list: 'i18n-rows', template: 't-i18n' },
  tags: { list: 'tag-rows', template: 't-kv' },
  attributes: { list: 'attr-rows', template: 't-kv' },
  assetTrees: { list: 'tree-rows', template: 't-tree' },
};
export function addRow(kind, k = '', v = '', translate) {
  const spec = ROWS[kind];
  const frag = $(spec.template).content.cloneNode(true);
  const row = frag.querySelector('.row');
  const id = `${kind}-${++rowSeq}`;
  const [lk, lv] = row.querySelectorAll('label');
  const ik = row.querySelector('.k');
  const iv = row.querySelector('.v');
  ik.id = `${id}-k`; iv.id = `${id}-v`;
  lk.htmlFor = ik.id; lv.htmlFor = iv.id;
  ik.value = k; iv.value = v;
  row.dataset.kind = kind;
  if (translate) translate(row);
  $(spec.list).append(row);
  return row;
}
function rowsOf(kind) { return [...$(ROWS[kind].list).children]; }
function readRows(kind, conv) {
  const out = {};
  let any = false;
  for (const row of rowsOf(kind)) {
    const k = row.querySelector('.k').value;
    const v = row.querySelector('.v').value;
    if (k === '' && v === '') continue;
    out[k] = conv(v);
    any = true;
  }
  return any ? out : undefined;
}
function readTrees() {
  const out = [];
  for (const row of rowsOf('assetTrees')) {
    const k = row.querySelector('.k').value;
    const v = row.querySelector('.v').value;
    if (k === '' && v === '') continue;
    const t = { treeId: k };
    const nodes = csv(v);
    if (nodes.length) t.includedNodes = nodes;
    out.push(t);
  }
  return out.length ? out : undefined;
}

// ---- form -> body ----

export function selectorChoice() {
  return radio('type') === 'verify' ? 'deviceKeys' : radio('selector');
}

/** The body that the visible form describes (without imported extras). */
export function readBody() {
  const job = radio('type');
  const verify = job === 'verify';
  const body = {};
  const name = {};
  const dv = $('f-name').value;
  if (dv !== '') name.defaultValue = dv;
  const i18n = readRows('i18n', (v) => v);
  if (i18n) name.i18nValue = i18n;
  if (Object.keys(name).length) body.name = name;
  if (job) body.type = job;

  const scope = {};
  const st = radio('scope');
  if (st) scope.type = st;
  const vn = lines($('f-versions').value);
  if (vn) scope.versionNumbers = vn;
  const sel = selectorChoice();
  let selValue;
  if (sel === 'deviceKeys') selValue = lines($('f-keys').value);
  else if (sel === 'tags') selValue = readRows('tags', csv);
  else if (sel === 'attributes') selValue = readRows('attributes', scalars);
  else if (sel === 'assetTrees') selValue = readTrees();
  if (selValue !== undefined) scope[sel] = selValue;
  if (Object.keys(scope).length) body.upgradeScope = scope;

  if (!verify) {
    const policy = radio('policy');
    if (policy) body.upgradePolicy = policy;
    const req = radio('request');
    if (req) body.enableUpgradeRequest = req === 'true';
  }
  const timeout = textToInt($('f-timeout').value);
  if (timeout !== undefined) body.upgradeTimeout = timeout;
  if (!verify) {
    const enable = $('f-retry').checked;
    const interval = textToInt($('f-interval').value);
    const count = textToInt($('f-count').value);
    if (enable || interval !== undefined || count !== undefined) {
      const r = { enableRetry: enable };
      if (interval !== undefined) r.retryInterval = interval;
      if (count !== undefined) r.retryCount = count;
      body.retryPolicy = r;
    }
    const start = fromLocalInput($('f-start').value);
    const end = fromLocalInput($('f-end').value);
    const daily = $('f-daily').checked;
    if (start !== undefined || end !== undefined || daily) {
      const s = {};
      if (daily) s.isRepeatDaily = true;
      if (start !== undefined) s.startTimestamp = start;
      if (end !== undefined) s.endTimestamp = end;
      // The zone of the chosen start (minutes east of UTC: the opposite sign of getTimezoneOffset).
      const at = typeof start === 'number' ? start : typeof end === 'number' ? end : undefined;
      if (at !== undefined) s.timezoneOffsetInMinutes = -new Date(at).getTimezoneOffset() || 0;
      body.schedulePolicy = s;
    }
    const conc = textToInt($('f-concurrency').value);
    if (conc !== undefined) body.maximumConcurrency = conc;
  }
  return body;
}

/** The `firmware` option from the firmware facts panel, or undefined. */
export function readFirmware() {
  const fw = {};
  const tri = (id) => ({ true: true, false: false })[$(id).value];
  const ex = tri('fw-exists');
  if (ex !== undefined) fw.exists = ex;
  const ver = $('fw-version').value;
  if (ver !== '') fw.version = ver;
  const en = tri('fw-enable');
  if (en !== undefined) fw.enableVerification = en;
  const vd = tri('fw-verified');
  if (vd !== undefined) fw.verified = vd;
  const max = textToInt($('fw-max').value);
  if (max !== undefined) fw.maxAllowedForVerification = max;
  return Object.keys(fw).length ? fw : undefined;
}

/** Deep merge: the form's values win; imported extras fill what the form does not send. */
export function merge(form, extras) {
  if (!isObj(extras)) return form;
  const out = { ...form };
  for (const [k, v] of Object.entries(extras)) {
    if (!(k in out)) out[k] = v;
    else if (isObj(out[k]) && isObj(v)) out[k] = merge(out[k], v);
  }
  return out;
}

// ---- body -> form (import) ----

const get = (o, path) => path.reduce((a, k) => (isObj(a) ? a[k] : undefined), o);
function del(o, path) {
  const parent = get(o, path.slice(0, -1));
  if (isObj(parent)) delete parent[path[path.length - 1]];
}
function same(a, b) { return JSON.stringify(a) === JSON.stringify(b); }

const SELECTORS = ['deviceKeys', 'tags', 'attributes', 'assetTrees'];

export function clearForm() {
  for (const el of document.querySelectorAll('#form input[type=text], #form input[type=datetime-local], #form textarea:not(#import-text)')) el.value = '';
  for (const id of ['f-retry', 'f-daily']) $(id).checked = false;
  for (const n of ['type', 'scope', 'selector', 'policy', 'request']) setRadio(n, null);
  for (const kind of Object.keys(ROWS)) $(ROWS[kind].list).replaceChildren();
}

/** Clears the form (but not the request, firmware and option fields) and fills it from `body`.
 * Returns the parts of `body` that the form cannot represent exactly (sent as given). */
export function fillForm(body, translate) {
  const keep = { apigw: $('f-apigw').value, org: $('f-org').value, fw: $('f-fw').value, fwv: $('fw-version').value, fwm: $('fw-max').value };
  clearForm();
  $('f-apigw').value = keep.apigw; $('f-org').value = keep.org; $('f-fw').value = keep.fw;
  $('fw-version').value = keep.fwv; $('fw-max').value = keep.fwm;

  const str = (v) => typeof v === 'string';
  const strArr = (v) => Array.isArray(v) && v.every(str);
  const intText = (v) => (Number.isSafeInteger(v) ? String(v) : null);
  const fillers = [];
  const field = (path, fill, clear) => fillers.push({ path, fill, clear });
  const text = (id) => [(v) => { if (str(v)) $(id).value = v; }, () => { $(id).value = ''; }];
  const int = (id) => [(v) => { const t = intText(v); if (t !== null) $(id).value = t; }, () => { $(id).value = ''; }];
  const rad = (n, map = (v) => v) => [(v) => setRadio(n, map(v)), () => setRadio(n, null)];
  const rows = (kind, fmt) => [(v) => {
    if (!isObj(v)) return;
    for (const [k, val] of Object.entries(v)) { const f = fmt(val); if (f !== null) addRow(kind, k, f, translate); }
  }, () => $(ROWS[kind].list).replaceChildren()];

  field(['type'], ...rad('type'));
  field(['name', 'defaultValue'], ...text('f-name'));
  field(['name', 'i18nValue'], ...rows('i18n', (v) => (str(v) ? v : null)));
  field(['upgradeScope', 'type'], ...rad('scope'));
  field(['upgradeScope', 'versionNumbers'], (v) => { if (strArr(v)) $('f-versions').value = v.join('\n'); }, () => { $('f-versions').value = ''; });
  field(['upgradePolicy'], ...rad('policy'));
  field(['enableUpgradeRequest'], ...rad('request', (v) => (typeof v === 'boolean' ? String(v) : null)));
  field(['upgradeTimeout'], ...int('f-timeout'));
  field(['retryPolicy', 'enableRetry'], (v) => { $('f-retry').checked = v === true; }, () => { $('f-retry').checked = false; });
  field(['retryPolicy', 'retryInterval'], ...int('f-interval'));
  field(['retryPolicy', 'retryCount'], ...int('f-count'));
  field(['schedulePolicy', 'isRepeatDaily'], (v) => { $('f-daily').checked = v === true; }, () => { $('f-daily').checked = false; });
  const ts = (id) => [(v) => { if (Number.isSafeInteger(v)) $(id).value = toLocalInput(v); }, () => { $(id).value = ''; }];
  field(['schedulePolicy', 'startTimestamp'], ...ts('f-start'));
  field(['schedulePolicy', 'endTimestamp'], ...ts('f-end'));
  field(['schedulePolicy', 'timezoneOffsetInMinutes'], () => {}, () => {});
  field(['maximumConcurrency'], ...int('f-concurrency'));

  // The selector: the first one present (in the body's order) is the form's choice;
  // any other stays an imported extra, so a conflict remains visible.
  const scope = isObj(body.upgradeScope) ? body.upgradeScope : {};
  const first = Object.keys(scope).find((k) => SELECTORS.includes(k) && scope[k] !== null);
  setRadio('selector', first ?? (body.type === 'upgrade' && scope.type === 'total' ? 'none' : 'deviceKeys'));
  if (first === 'deviceKeys') field(['upgradeScope', 'deviceKeys'], (v) => { if (strArr(v)) $('f-keys').value = v.join('\n'); }, () => { $('f-keys').value = ''; });
  if (first === 'tags') field(['upgradeScope', 'tags'], ...rows('tags', (v) => (strArr(v) ? v.join(', ') : null)));
  if (first === 'attributes') field(['upgradeScope', 'attributes'], ...rows('attributes', (v) => (Array.isArray(v) ? v.map(formatScalar).join(', ') : null)));
  if (first === 'assetTrees') field(['upgradeScope', 'assetTrees'], (v) => {
    if (!Array.isArray(v)) return;
    for (const t of v) {
      if (isObj(t) && str(t.treeId)) addRow('assetTrees', t.treeId, strArr(t.includedNodes) ? t.includedNodes.join(', ') : '', translate);
    }
  }, () => $(ROWS.assetTrees.list).replaceChildren());

  for (const f of fillers) { const v = get(body, f.path); if (v !== undefined && v !== null) f.fill(v); }

  // Keep in `rest` whatever the form does not reproduce exactly.
  const rest = structuredClone(body);
  const formBody = readBody();
  for (const f of fillers) {
    const want = get(body, f.path);
    if (want === undefined) continue;
    if (same(get(formBody, f.path), want)) del(rest, f.path);
    else f.clear();
  }
  for (const k of ['name', 'upgradeScope', 'retryPolicy', 'schedulePolicy']) {
    if (isObj(rest[k]) && !Object.keys(rest[k]).length && Object.keys(body[k]).length) delete rest[k];
  }
  return rest;
}

// ---- JSON Pointer -> control ----

export function parsePointer(p) {
  if (p === '') return [];
  return p.split('/').slice(1).map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

const FIXED = {
  '/apigwAddress': 'f-apigw',
  '/orgId': 'f-org',
  '/firmwareId': 'f-fw',
  '/body/type': 'g-type',
  '/body/name': 'f-name',
  '/body/name/defaultValue': 'f-name',
  '/body/name/i18nValue': 'g-i18n',
  '/body/upgradeScope': 'g-selector',
  '/body/upgradeScope/type': 'g-scope',
  '/body/upgradeScope/versionNumbers': 'f-versions',
  '/body/upgradeScope/deviceKeys': 'f-keys',
  '/body/upgradeScope/tags': 'g-tags',
  '/body/upgradeScope/attributes': 'g-attrs',
  '/body/upgradeScope/assetTrees': 'g-trees',
  '/body/upgradePolicy': 'g-policy',
  '/body/enableUpgradeRequest': 'g-request',
  '/body/upgradeTimeout': 'f-timeout',
  '/body/retryPolicy': 'f-retry',
  '/body/retryPolicy/enableRetry': 'f-retry',
  '/body/retryPolicy/retryInterval': 'f-interval',
  '/body/retryPolicy/retryCount': 'f-count',
  '/body/schedulePolicy': 'f-start',
  '/body/schedulePolicy/isRepeatDaily': 'f-daily',
  '/body/schedulePolicy/startTimestamp': 'f-start',
  '/body/schedulePolicy/endTimestamp': 'f-end',
  '/body/schedulePolicy/timezoneOffsetInMinutes': 'f-start',
  '/body/maximumConcurrency': 'f-concurrency',
  '/options/locale': 'lang',
  '/options/strict': 'f-strict',
  '/options/firmware': 'fw-exists',
  '/options/firmware/exists': 'fw-exists',
  '/options/firmware/version': 'fw-version',
  '/options/firmware/enableVerification': 'fw-enable',
  '/options/firmware/verified': 'fw-verified',
  '/options/firmware/maxAllowedForVerification': 'fw-max',
};
// Problems at the root that concern a firmware fact.
const BY_CODE = { firmware_not_found: 'fw-exists', firmware_not_verified: 'fw-verified' };

function rowByKey(kind, key) {
  return rowsOf(kind).find((r) => r.querySelector('.k').value === key);
}

/**
 * The control a problem belongs to: { box, target, index } where `box` holds the message
 * and `target` gets focus and aria attributes; null when the form has no visible field for it.
 */
export function locate(problem, { firmwareSent } = {}) {
  const segs = parsePointer(problem.path);
  let el = null;
  let index = null;
  if ((problem.path === '' || problem.path === '/body') && BY_CODE[problem.code] && firmwareSent) {
    el = $(BY_CODE[problem.code]);
  } else if (segs[0] === 'body' && segs[1] === 'name' && segs[2] === 'i18nValue' && segs.length > 3) {
    const row = rowByKey('i18n', segs[3]);
    el = row ? row.querySelector(segs.length === 4 && problem.code === 'empty' && segs[3] === '' ? '.k' : '.v') : null;
  } else if (segs[0] === 'body' && segs[1] === 'upgradeScope' && (segs[2] === 'tags' || segs[2] === 'attributes') && segs.length > 3 && selectorChoice() === segs[2]) {
    const row = rowByKey(segs[2], segs[3]);
    el = row ? row.querySelector(segs[3] === '' ? '.k' : '.v') : null;
  } else if (segs[0] === 'body' && segs[1] === 'upgradeScope' && segs[2] === 'assetTrees' && segs.length > 3 && selectorChoice() === 'assetTrees') {
    const rows = rowsOf('assetTrees').filter((r) => r.querySelector('.k').value !== '' || r.querySelector('.v').value !== '');
    const row = rows[Number(segs[3])];
    el = row ? row.querySelector(segs[4] === 'includedNodes' ? '.v' : '.k') : null;
  } else if (segs[0] === 'body' && segs[1] === 'upgradeScope' && (segs[2] === 'versionNumbers' || segs[2] === 'deviceKeys')) {
    if (segs[2] === 'versionNumbers' || selectorChoice() === 'deviceKeys') {
      el = $(FIXED[`/body/upgradeScope/${segs[2]}`]);
      if (segs.length > 3 && /^[0-9]+$/.test(segs[3])) index = Number(segs[3]);
    }
  } else {
    const id = FIXED[problem.path];
    if (id) el = $(id);
    if (['g-tags', 'g-attrs', 'g-trees', 'f-keys'].includes(id) && selectorChoice() !== segs[2]) el = null;
  }
  if (!el || el.closest('[hidden]')) return null;
  const box = el.tagName === 'FIELDSET' ? el : el.closest('.field') || el.parentElement;
  let target = el;
  if (el.tagName === 'FIELDSET') target = el.querySelector('input:checked:not([hidden])') || el.querySelector('input, button, select, textarea');
  return { box, el, target, index };
}

/** A short label for a control, from its <label> or <legend>. */
export function labelOf(el) {
  let t = '';
  if (el.tagName === 'FIELDSET') t = el.querySelector('legend')?.textContent ?? '';
  else if (el.labels && el.labels.length) t = el.labels[0].textContent;
  else if (el.id) t = document.querySelector(`label[for="${el.id}"]`)?.textContent ?? '';
  t = t.replace(/\s+/g, ' ').trim();
  const row = el.closest('.row');
  if (row) {
    // A row of a list (translations, tags, attributes, trees): name the list and the row.
    const legend = row.closest('fieldset')?.querySelector('legend')?.textContent.trim() ?? '';
    const key = row.querySelector('.k').value;
    const n = [...row.parentElement.children].indexOf(row) + 1;
    t = `${legend} #${n}${key && el !== row.querySelector('.k') ? ` “${key}”` : ''}: ${t}`;
  }
  return t;
}
