// Where the bytes of a .wasm go, by function (from its name section) and by crate:
//   node benches/js/wasm-sizes.mjs [file.wasm] [top]
// Default file: the unoptimized cargo output (it keeps its names; wasm-opt drops them).
// Sizes are code bytes before wasm-opt and gzip, so read them as shares, not totals.
import { readFileSync } from "node:fs";

const file = process.argv[2] ?? "target/wasm32-unknown-unknown/wasm-web/enos_ota_job.wasm";
const top = Number(process.argv[3] ?? 40);
const buf = readFileSync(file);
let pos = 8;

function uleb() {
  let result = 0;
  let shift = 0;
  for (;;) {
    const b = buf[pos++];
    result += (b & 0x7f) * 2 ** shift;
    shift += 7;
    if (b < 0x80) return result;
  }
}

let imported = 0;
const bodies = [];
const names = new Map();
const sections = [];
let data = 0;
while (pos < buf.length) {
  const id = buf[pos++];
  const size = uleb();
  const end = pos + size;
  let label = String(id);
  if (id === 0) {
    const n = uleb();
    label = buf.toString("utf8", pos, pos + n);
    pos += n;
    if (label === "name") {
      while (pos < end) {
        const sub = buf[pos++];
        const len = uleb();
        const subEnd = pos + len;
        if (sub === 1) {
          const count = uleb();
          for (let i = 0; i < count; i++) {
            const idx = uleb();
            const l = uleb();
            names.set(idx, buf.toString("utf8", pos, pos + l));
            pos += l;
          }
        }
        pos = subEnd;
      }
    }
  } else if (id === 2) {
    const count = uleb();
    for (let i = 0; i < count; i++) {
      for (let k = 0; k < 2; k++) pos += uleb(); // module, field
      const kind = buf[pos++];
      if (kind === 0) {
        uleb();
        imported++;
      } else if (kind === 1) {
        pos++;
        const flags = uleb();
        uleb();
        if (flags & 1) uleb();
      } else if (kind === 2) {
        const flags = uleb();
        uleb();
        if (flags & 1) uleb();
      } else if (kind === 3) pos += 2;
      else if (kind === 4) pos += 2;
    }
  } else if (id === 10) {
    const count = uleb();
    for (let i = 0; i < count; i++) {
      const len = uleb();
      bodies.push(len);
      pos += len;
    }
  } else if (id === 11) {
    data = size;
  }
  sections.push([label, size]);
  pos = end;
}

const fns = bodies.map((size, i) => ({ size, name: names.get(i + imported) ?? `func[${i + imported}]` }));
const code = fns.reduce((n, f) => n + f.size, 0);
console.log(`${file}: ${buf.length} bytes; code ${code}, data ${data}; sections:`, sections.map(([l, s]) => `${l}=${s}`).join(" "));

const demangle = (n) => n.replace(/_ZN|17h[0-9a-f]{16}E$/g, "").replace(/\$LT\$/g, "<").replace(/\$GT\$/g, ">").replace(/\$u20\$/g, " ").replace(/\$C\$/g, ",").replace(/\$RF\$/g, "&").replace(/\.\./g, "::");
function crateOf(name) {
  const d = demangle(name);
  const m = d.match(/^(?:_<|<)?(?:\d+)?([a-z_][a-z0-9_]*)/i);
  if (/^\d/.test(d)) {
    const parts = [];
    let s = d;
    while (/^\d+/.test(s)) {
      const n = parseInt(s, 10);
      s = s.slice(String(n).length);
      parts.push(s.slice(0, n));
      s = s.slice(n);
    }
    return parts[0] ?? "?";
  }
  return m ? m[1] : "?";
}
const byCrate = new Map();
for (const f of fns) byCrate.set(crateOf(f.name), (byCrate.get(crateOf(f.name)) ?? 0) + f.size);
console.log("\nby crate (code bytes):");
for (const [c, s] of [...byCrate].sort((a, b) => b[1] - a[1]).slice(0, 15)) console.log(`  ${String(s).padStart(7)}  ${(100 * s / code).toFixed(1).padStart(5)}%  ${c}`);
console.log(`\ntop ${top} functions:`);
for (const f of fns.sort((a, b) => b.size - a.size).slice(0, top)) console.log(`  ${String(f.size).padStart(7)}  ${demangle(f.name).slice(0, 140)}`);
