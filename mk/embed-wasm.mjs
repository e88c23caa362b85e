// make pkg: turns wasm-bindgen's Node glue (--target experimental-nodejs-module) into one
// that carries its .wasm as base64 in a JS module instead of reading a file next to it:
//   node mk/embed-wasm.mjs <glue.js> <module.wasm> <out-dir>
// writes <out-dir>/enos_ota_job.js and <out-dir>/enos_ota_job_bg.js. The glue then needs
// neither `node:fs` nor `import.meta.url`, so a server bundle (esbuild --platform=node,
// webpack, rollup) holds the whole package and runs wherever it is copied.
import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { join } from "node:path";

const [glue, wasm, out] = process.argv.slice(2);
if (!out) throw new Error("usage: node mk/embed-wasm.mjs <glue.js> <module.wasm> <out-dir>");

let js = readFileSync(glue, "utf8");
const replace = (from, to) => {
  if (!js.includes(from)) throw new Error(`embed-wasm: wasm-bindgen's glue changed, not found: ${from}`);
  js = js.replace(from, to);
};
replace("import { readFileSync } from 'node:fs';\n", 'import wasmBase64 from "./enos_ota_job_bg.js";\n');
replace(
  "const wasmUrl = new URL('enos_ota_job_bg.wasm', import.meta.url);\nconst wasmBytes = readFileSync(wasmUrl);\n",
  'const wasmBytes = Buffer.from(wasmBase64, "base64");\n',
);
if (/readFileSync|import\.meta/.test(js)) throw new Error("embed-wasm: the glue still reads a file");

const bytes = readFileSync(wasm);
mkdirSync(out, { recursive: true });
writeFileSync(join(out, "enos_ota_job.js"), js);
writeFileSync(
  join(out, "enos_ota_job_bg.js"),
  `// The WebAssembly module of the Node build (${bytes.length} bytes), base64.\nexport default "${bytes.toString("base64")}";\n`,
);
