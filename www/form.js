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

// ---- what an import put in a control ----
// A control filled from an imported body remembers the text it was given and the exact
// value behind it. As long as its text is unchanged, that value is sent, so an import
// reads back member for member (a numeric string "600" is shown as 600 and sent as "600"
// until it is edited or its fix applied). Typing into the control forgets it.

/** Marks a member that the imported body did not have (the control sends nothing for it). */
export const ABSENT = Symbol('absent');
const memo = new WeakMap();
function remember(el, text, value) { memo.set(el, { text, value }); }
export function forget(el) { if (el) memo.delete(el); }
function pick(el, text, conv) {
  const m = memo.get(el);
  return m && m.text === text ? m.value : conv(text);
}
function remembered(el) { return memo.has(el); }

// ---- text <-> JSON value conversions (formatting only) ----

/** Digits (optionally signed) become a number; any other non-empty text is sent as typed. */
export function textToInt(s) {
  if (s === '') return undefined;
  return /^-?[0-9]+$/.test(s) ? Number(s) : s;
}
/** One entry per line; blank lines are not entries. (The last text's entries are kept:
 * one render reads the device keys twice, for the body and for their count.) */
let linesOf = { s: '', out: undefined };
export function lines(s) {
  if (s === linesOf.s) return linesOf.out && linesOf.out.slice();
  const out = splitLines(s);
  linesOf = { s, out };
  return out && out.slice();
}
function splitLines(s) {
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
/** How a control shows an imported value: a string as itself, anything else as JSON. */
const shown = (v) => (typeof v === 'string' ? v : v === null ? '' : JSON.stringify(v));
function pad(n, w = 2) { return String(n).padStart(w, '0'); }

// ---- time zones (minutes east of UTC; null = the browser's own zone) ----

/** The offsets of the zone control: UTC−12:00 … UTC+14:00, every one in use somewhere. */
export const ZONES = [-720, -660, -600, -570, -540, -480, -420, -360, -300, -240, -210, -180, -150, -120, -60, 0,
  60, 120, 180, 210, 240, 270, 300, 330, 345, 360, 390, 420, 480, 525, 540, 570, 600, 630, 660, 720, 765, 780, 825, 840];
/** "+08:00", "−03:30". */
export function offsetText(min) {
  const sign = min < 0 ? '−' : '+';
  const abs = Math.abs(min);
  return `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}
/** The browser's offset at an instant (the opposite sign of getTimezoneOffset). */
export function browserOffset(ts) {
  const d = new Date(typeof ts === 'number' && Number.isFinite(ts) ? ts : Date.now());
  return -(Number.isNaN(d.getTime()) ? new Date() : d).getTimezoneOffset() || 0;
}
/** The zone the schedule is read and shown in: the chosen offset, or null (browser's). */
export function zoneChoice() {
  const v = $('f-zone').value;
  return v === 'auto' || v === '' ? null : Number(v);
}
/** Wall-clock fields of an instant in a zone (null: the browser's). */
function clock(ts, zone) {
  const d = new Date(zone === null ? ts : ts + zone * 60000);
  if (Number.isNaN(d.getTime())) return null;
  const u = zone !== null;
  const c = {
    y: u ? d.getUTCFullYear() : d.getFullYear(), mo: (u ? d.getUTCMonth() : d.getMonth()) + 1, d: u ? d.getUTCDate() : d.getDate(),
    h: u ? d.getUTCHours() : d.getHours(), mi: u ? d.getUTCMinutes() : d.getMinutes(), s: u ? d.getUTCSeconds() : d.getSeconds(),
    ms: u ? d.getUTCMilliseconds() : d.getMilliseconds(),
  };
  return c.y < 1000 || c.y > 9999 ? null : c;
}
/** A millisecond timestamp as a datetime-local value in `zone`. */
export function tsToInput(ts, zone) {
  if (typeof ts !== 'number') return '';
  const c = clock(ts, zone);
  if (!c) return '';
  const base = `${c.y}-${pad(c.mo)}-${pad(c.d)}T${pad(c.h)}:${pad(c.mi)}`;
  if (c.ms) return `${base}:${pad(c.s)}.${pad(c.ms, 3)}`;
  return c.s ? `${base}:${pad(c.s)}` : base;
}
/** A timestamp as "2026-12-01 02:00" in `zone`, for the window line. */
export function tsToText(ts, zone) {
  const c = clock(ts, zone);
  if (!c) return String(ts);
  const base = `${c.y}-${pad(c.mo)}-${pad(c.d)} ${pad(c.h)}:${pad(c.mi)}`;
  return c.s || c.ms ? `${base}:${pad(c.s)}` : base;
}
/** A datetime-local value read in `zone` as a millisecond timestamp (other text as typed). */
export function inputToTs(s, zone) {
  if (s === '') return undefined;
  const m = /^(\d{4})-(\d\d)-(\d\d)T(\d\d):(\d\d)(?::(\d\d)(?:\.(\d{1,3}))?)?$/.exec(s);
  if (!m) return s;
  if (zone === null) {
    const t = new Date(s).getTime();
    return Number.isNaN(t) ? s : t;
  }
  const ms = Number((m[7] || '0').padEnd(3, '0'));
  return Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +(m[6] || 0), ms) - zone * 60000;
}
/** Adds an option for an offset the list lacks (an imported one). */
export function ensureZone(min) {
  const sel = $('f-zone');
  if ([...sel.options].some((o) => o.value === String(min))) return;
  const o = document.createElement('option');
  o.value = String(min);
  o.textContent = `UTC${offsetText(min)}`;
  const after = [...sel.options].find((x) => x.value !== 'auto' && Number(x.value) > min);
  sel.insertBefore(o, after || null);
}
/** The zone changed from `from` to the current choice: the instants stay, the fields show them anew. */
export function rezone(from) {
  const to = zoneChoice();
  for (const id of ['f-start', 'f-end']) {
    const el = $(id);
    const v = pick(el, el.value, (s) => inputToTs(s, from));
    if (typeof v !== 'number') continue;
    const text = tsToInput(v, to);
    el.value = text;
    remember(el, text, v);
  }
}
/** The instants of the schedule fields (numbers), as the body will send them. */
export function scheduleInstants() {
  const zone = zoneChoice();
  const read = (id) => { const el = $(id); return pick(el, el.value, (s) => inputToTs(s, zone)); };
  return { start: read('f-start'), end: read('f-end') };
}

// ---- dynamic rows (translations, tags, attributes, asset trees) ----

let rowSeq = 0;
export const ROWS = {
  i18n: { list: 'i18n-rows', template: 't-i18n' },
  tags: { list: 'tag-rows', template: 't-kv' },
  attributes: { list: 'attr-rows', template: 't-kv' },
  assetTrees: { list: 'tree-rows', template: 't-tree' },
};
const rowExtra = new WeakMap(); // row -> members of its imported entry that the row has no field for
export function addRow(kind, k = '', v = '', translate, extra) {
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
  if (extra && Object.keys(extra).length) {
    rowExtra.set(row, extra);
    const note = document.createElement('p');
    note.className = 'hint row-extra';
    note.id = `${id}-extra`;
    const label = document.createElement('span');
    label.dataset.i18n = 'row.extra';
    const code = document.createElement('code');
    code.textContent = JSON.stringify(extra).slice(1, -1);
    note.append(label, ' ', code);
    row.append(note);
    ik.setAttribute('aria-describedby', note.id);
  }
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
    const ve = row.querySelector('.v');
    const v = ve.value;
    if (k === '' && v === '' && !remembered(ve)) continue;
    out[k] = pick(ve, v, conv);
    any = true;
  }
  return any ? out : undefined;
}
function readTrees() {
  const out = [];
  for (const row of rowsOf('assetTrees')) {
    const ke = row.querySelector('.k');
    const ve = row.querySelector('.v');
    const extra = rowExtra.get(row);
    if (ke.value === '' && ve.value === '' && !extra && !remembered(ke) && !remembered(ve)) continue;
    const t = {};
    const id = pick(ke, ke.value, (s) => s);
    if (id !== ABSENT) t.treeId = id;
    const nodes = pick(ve, ve.value, (s) => { const n = csv(s); return n.length ? n : ABSENT; });
    if (nodes !== ABSENT) t.includedNodes = nodes;
    if (extra) for (const [k, v] of Object.entries(extra)) if (!(k in t)) t[k] = v;
    out.push(t);
  }
  return out.length ? out : undefined;
}

// ---- form -> body ----

export function selectorChoice() {
  return radio('type') === 'verify' ? 'deviceKeys' : radio('selector');
}
const GROUP = { type: 'g-type', scope: 'g-scope', policy: 'g-policy', request: 'g-request' };
function readRadio(name, conv = (s) => s) {
  const v = radio(name);
  return v === null ? undefined : pick($(GROUP[name]), v, conv);
}
const readText = (id, conv) => { const el = $(id); return pick(el, el.value, conv); };
const readInt = (id) => readText(id, textToInt);
const readLines = (id) => readText(id, lines);
/** A checkbox: true when checked; unchecked sends `dflt` unless an import said otherwise. */
const readCheck = (id, dflt) => { const el = $(id); return pick(el, String(el.checked), (s) => (s === 'true' ? true : dflt)); };

/** The body that the visible form describes (without imported extras). */
export function readBody() {
  const job = readRadio('type');
  const verify = job === 'verify';
  const body = {};
  const name = {};
  const dv = readText('f-name', (s) => (s === '' ? undefined : s));
  if (dv !== undefined) name.defaultValue = dv;
  const i18n = readRows('i18n', (v) => v);
  if (i18n) name.i18nValue = i18n;
  if (Object.keys(name).length) body.name = name;
  if (job !== undefined) body.type = job;

  const scope = {};
  const st = readRadio('scope');
  if (st !== undefined) scope.type = st;
  const vn = readLines('f-versions');
  if (vn !== undefined) scope.versionNumbers = vn;
  const sel = selectorChoice();
  let selValue;
  if (sel === 'deviceKeys') selValue = readLines('f-keys');
  else if (sel === 'tags') selValue = readRows('tags', csv);
  else if (sel === 'attributes') selValue = readRows('attributes', scalars);
  else if (sel === 'assetTrees') selValue = readTrees();
  if (selValue !== undefined) scope[sel] = selValue;
  if (Object.keys(scope).length) body.upgradeScope = scope;

  if (!verify) {
    const policy = readRadio('policy');
    if (policy !== undefined) body.upgradePolicy = policy;
    const req = readRadio('request', (s) => s === 'true');
    if (req !== undefined) body.enableUpgradeRequest = req;
  }
  const timeout = readInt('f-timeout');
  if (timeout !== undefined) body.upgradeTimeout = timeout;
  if (!verify) {
    // Unchecked and not imported: `false` only beside an interval or a count.
    const enable = readCheck('f-retry', undefined);
    const interval = readInt('f-interval');
    const count = readInt('f-count');
    if (enable !== undefined || interval !== undefined || count !== undefined) {
      const r = {};
      if (enable === undefined) r.enableRetry = false;
      else if (enable !== ABSENT) r.enableRetry = enable;
      if (interval !== undefined) r.retryInterval = interval;
      if (count !== undefined) r.retryCount = count;
      body.retryPolicy = r;
    }
    const { start, end } = scheduleInstants();
    const daily = readCheck('f-daily', undefined);
    // The zone is sent only when chosen or imported.
    const zsel = $('f-zone');
    const zone = zsel.value === 'auto' ? undefined : pick(zsel, zsel.value, Number);
    if (start !== undefined || end !== undefined || daily !== undefined || (zone !== undefined && remembered(zsel))) {
      const s = {};
      if (daily !== undefined) s.isRepeatDaily = daily;
      if (start !== undefined) s.startTimestamp = start;
      if (end !== undefined) s.endTimestamp = end;
      if (zone !== undefined) s.timezoneOffsetInMinutes = zone;
      body.schedulePolicy = s;
    }
    const conc = readInt('f-concurrency');
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

/** `value` with its object members in the order of `like` (an imported body); members
 * that `like` lacks follow in their own order. Arrays are ordered entry by entry. */
export function orderLike(value, like) {
  if (Array.isArray(value)) {
    if (!Array.isArray(like)) return value;
    let out = value;
    for (let i = 0; i < value.length && i < like.length; i++) {
      const v = value[i];
      if (v === null || typeof v !== 'object') continue;
      const o = orderLike(v, like[i]);
      if (o !== v) { if (out === value) out = value.slice(); out[i] = o; }
    }
    return out;
  }
  if (!isObj(value) || !isObj(like)) return value;
  const out = {};
  for (const k of Object.keys(like)) if (Object.hasOwn(value, k)) out[k] = orderLike(value[k], like[k]);
  for (const k of Object.keys(value)) if (!Object.hasOwn(out, k)) out[k] = value[k];
  return out;
}

// ---- body -> form (import) ----

const get = (o, path) => path.reduce((a, k) => (isObj(a) ? a[k] : undefined), o);
function del(o, path) {
  const parent = get(o, path.slice(0, -1));
  if (isObj(parent)) delete parent[path[path.length - 1]];
}
/** Deep equality of JSON values, member order aside. */
export function same(a, b) {
  if (a === b) return true;
  if (typeof a !== typeof b || a === null || b === null || typeof a !== 'object') return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) return a.length === b.length && a.every((x, i) => same(x, b[i]));
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  return ka.every((k) => Object.hasOwn(b, k) && same(a[k], b[k]));
}

const SELECTORS = ['deviceKeys', 'tags', 'attributes', 'assetTrees'];

export function clearForm() {
  for (const el of document.querySelectorAll('#form input[type=text], #form input[type=datetime-local], #form textarea:not(#import-text)')) { el.value = ''; forget(el); }
  for (const id of ['f-retry', 'f-daily']) { $(id).checked = false; forget($(id)); }
  for (const n of ['type', 'scope', 'selector', 'policy', 'request']) { setRadio(n, null); forget($(GROUP[n])); }
  $('f-zone').value = 'auto';
  forget($('f-zone'));
  for (const kind of Object.keys(ROWS)) $(ROWS[kind].list).replaceChildren();
}

/** Clears the form (but not the request, firmware and option fields) and fills it from `body`.
 * Returns the parts of `body` that no field of the form holds (sent as given). */
export function fillForm(body, translate) {
  const keep = { apigw: $('f-apigw').value, org: $('f-org').value, fw: $('f-fw').value, fwv: $('fw-version').value, fwm: $('fw-max').value };
  clearForm();
  $('f-apigw').value = keep.apigw; $('f-org').value = keep.org; $('f-fw').value = keep.fw;
  $('fw-version').value = keep.fwv; $('fw-max').value = keep.fwm;

  const fillers = [];
  const field = (path, fill, clear) => fillers.push({ path, fill, clear });
  const put = (el, text, v) => { el.value = text; remember(el, text, v); };
  const blank = (id) => () => { $(id).value = ''; forget($(id)); };
  const text = (id) => [(v) => put($(id), shown(v), v), blank(id)];
  const list = (id) => [(v) => put($(id), Array.isArray(v) ? v.map(shown).join('\n') : shown(v), v), blank(id)];
  const rad = (n, map = (v) => v) => [(v) => {
    setRadio(n, map(v));
    if (radio(n) !== null) remember($(GROUP[n]), radio(n), v);
  }, () => { setRadio(n, null); forget($(GROUP[n])); }];
  const check = (id) => [(v) => { const el = $(id); el.checked = v === true; remember(el, String(el.checked), v); },
    () => { $(id).checked = false; forget($(id)); }];
  const rows = (kind, fmt) => [(v) => {
    if (!isObj(v)) return;
    for (const [k, val] of Object.entries(v)) {
      const t = fmt(val);
      const row = addRow(kind, k, t, translate);
      remember(row.querySelector('.v'), t, val);
    }
  }, () => $(ROWS[kind].list).replaceChildren()];

  field(['type'], ...rad('type', (v) => (typeof v === 'string' ? v : null)));
  field(['name', 'defaultValue'], ...text('f-name'));
  field(['name', 'i18nValue'], ...rows('i18n', shown));
  field(['upgradeScope', 'type'], ...rad('scope', (v) => (typeof v === 'string' ? v : null)));
  field(['upgradeScope', 'versionNumbers'], ...list('f-versions'));
  field(['upgradePolicy'], ...rad('policy', (v) => (typeof v === 'string' ? v : null)));
  field(['enableUpgradeRequest'], ...rad('request', (v) => (typeof v === 'boolean' ? String(v) : v === 'true' || v === 'false' ? v : null)));
  field(['upgradeTimeout'], ...text('f-timeout'));
  field(['retryPolicy', 'enableRetry'], ...check('f-retry'));
  field(['retryPolicy', 'retryInterval'], ...text('f-interval'));
  field(['retryPolicy', 'retryCount'], ...text('f-count'));
  field(['schedulePolicy', 'isRepeatDaily'], ...check('f-daily'));
  // The zone first: the two datetime fields show their instants in it.
  field(['schedulePolicy', 'timezoneOffsetInMinutes'], (v) => {
    const n = typeof v === 'string' && /^-?[0-9]+$/.test(v) ? Number(v) : v;
    if (!Number.isSafeInteger(n)) return;
    ensureZone(n);
    const sel = $('f-zone');
    sel.value = String(n);
    remember(sel, sel.value, v);
  }, () => { $('f-zone').value = 'auto'; forget($('f-zone')); });
  const ts = (id) => [(v) => {
    const n = typeof v === 'string' && /^[0-9]+$/.test(v) ? Number(v) : v;
    put($(id), Number.isSafeInteger(n) ? tsToInput(n, zoneChoice()) : '', v);
  }, blank(id)];
  field(['schedulePolicy', 'startTimestamp'], ...ts('f-start'));
  field(['schedulePolicy', 'endTimestamp'], ...ts('f-end'));
  field(['maximumConcurrency'], ...text('f-concurrency'));

  // The selector: the first one present (in the body's order) is the form's choice;
  // any other stays an imported extra, so a conflict remains visible.
  const scope = isObj(body.upgradeScope) ? body.upgradeScope : {};
  const first = Object.keys(scope).find((k) => SELECTORS.includes(k) && scope[k] !== null);
  setRadio('selector', first ?? (body.type === 'upgrade' && scope.type === 'total' ? 'none' : 'deviceKeys'));
  if (first === 'deviceKeys') field(['upgradeScope', 'deviceKeys'], ...list('f-keys'));
  if (first === 'tags') field(['upgradeScope', 'tags'], ...rows('tags', (v) => (Array.isArray(v) ? v.map(shown).join(', ') : shown(v))));
  if (first === 'attributes') field(['upgradeScope', 'attributes'], ...rows('attributes', (v) => (Array.isArray(v) ? v.map(formatScalar).join(', ') : shown(v))));
  if (first === 'assetTrees') field(['upgradeScope', 'assetTrees'], (v) => {
    if (!Array.isArray(v) || !v.every(isObj)) return;
    for (const t of v) {
      const extra = {};
      for (const [k, x] of Object.entries(t)) if (k !== 'treeId' && k !== 'includedNodes') extra[k] = x;
      const kt = 'treeId' in t ? shown(t.treeId) : '';
      const nodes = t.includedNodes;
      const vt = nodes === undefined ? '' : Array.isArray(nodes) ? nodes.map(shown).join(', ') : shown(nodes);
      const row = addRow('assetTrees', kt, vt, translate, extra);
      remember(row.querySelector('.k'), kt, 'treeId' in t ? t.treeId : ABSENT);
      remember(row.querySelector('.v'), vt, nodes === undefined ? ABSENT : nodes);
    }
  }, () => $(ROWS.assetTrees.list).replaceChildren());

  for (const f of fillers) { const v = get(body, f.path); if (v !== undefined) f.fill(v); }
  // A retry policy without `enableRetry` sends none.
  if (isObj(body.retryPolicy) && !('enableRetry' in body.retryPolicy)) remember($('f-retry'), 'false', ABSENT);

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

/** Whether a control holds nothing yet (its problems wait for a visit before they show). */
export function isEmpty(el) {
  if (el.id === 'g-selector') {
    const sel = selectorChoice();
    if (sel === 'deviceKeys') return $('f-keys').value === '';
    if (sel === 'none' || sel === null) return true;
    return !rowsOf(sel).length;
  }
  if (el.tagName === 'FIELDSET') {
    return !el.querySelector('input:checked') && [...el.querySelectorAll('input[type=text], textarea')].every((x) => x.value === '');
  }
  if (el.type === 'checkbox') return !el.checked;
  return el.value === '' || el.value === 'auto';
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
  '/body/schedulePolicy/timezoneOffsetInMinutes': 'f-zone',
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
  let member = null;
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
    // A member the row has no field for (listed at the row): named in place of the field.
    if (segs.length > 4 && segs[4] !== 'treeId' && segs[4] !== 'includedNodes') member = segs[4];
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
  return { box, el, target, index, member };
}

/** A short label for a control, from its <label> or <legend>; `member` names a member of
 * a row's entry that has no field. */
export function labelOf(el, member = null) {
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
    if (member !== null) return `${legend} #${n}${key ? ` “${key}”` : ''}: ${member}`;
    t = `${legend} #${n}${key && el !== row.querySelector('.k') ? ` “${key}”` : ''}: ${t}`;
  }
  return t;
}
