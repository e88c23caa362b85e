// Seeds the fuzz corpora (fuzz/corpus/<target>/, git-ignored) from the shared fixtures
// (tests/fixtures/**/*.json) plus a few built-in inputs. Run by `make fuzz` and
// `make fuzz-smoke` before each run; a corpus already grown by earlier runs is kept.
import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const FIXTURES = join(ROOT, "tests", "fixtures");
const CORPUS = join(ROOT, "fuzz", "corpus");

const BODY =
  '{"type":"upgrade","upgradePolicy":"snapshot","enableUpgradeRequest":true,"upgradeScope":{"type":"partial","versionNumbers":["1.0"],"deviceKeys":["d1","d2"]}}';
const builtIn = {
  validate_text: [BODY, '{"type":"verify","upgradeScope":{"type":"partial","versionNumbers":["1.0"],"deviceKeys":["d"]}}', "[", "{}", "null"],
  build_request: [`{"apigwAddress":"apim.example.com","orgId":"o1","firmwareId":"f 1","body":${BODY}}`, '{"orgId":"","body":null}'],
  parse_response: [
    '{"code":0,"msg":"OK","requestId":"r1","data":{"jobId":"5ee1"}}',
    '{"code":24611,"msg":"total is not allowed","requestId":"r2"}',
    '{"code":0,"data":{}}',
    "<html>",
  ],
  validate_structure: [],
  json_reader: ['"\\ud800"', "1e400", "[1.5e-300, -0, 18446744073709551616]", '{"a":1,"a":2}', "[" .repeat(127) + "]".repeat(127)],
};

function jsonFiles(dir) {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  return entries.flatMap((d) => (d.isDirectory() ? jsonFiles(join(dir, d.name)) : d.name.endsWith(".json") ? [join(dir, d.name)] : []));
}

const seeds = structuredClone(builtIn);
for (const path of jsonFiles(FIXTURES)) {
  const file = relative(FIXTURES, path).split(sep).join("/");
  let cases;
  try {
    cases = JSON.parse(readFileSync(path, "utf8"));
  } catch {
    continue;
  }
  if (!Array.isArray(cases)) continue;
  for (const c of cases) {
    if (file.startsWith("request/")) {
      if ("input" in c) seeds.build_request.push(JSON.stringify(c.input));
    } else if (file.startsWith("response/")) {
      if (typeof c.text === "string") seeds.parse_response.push(c.text);
    } else if (typeof c.text === "string") {
      if (c.text.length <= 65536) seeds.validate_text.push(c.text);
    } else if ("body" in c) {
      const text = JSON.stringify(c.body);
      if (text.length > 65536) continue;
      seeds.validate_text.push(text, JSON.stringify(c.body, null, 1));
      // The same bytes also seed the structured target: libFuzzer reads them as choices.
      seeds.validate_structure.push(text);
      seeds.build_request.push(JSON.stringify({ orgId: "o1", firmwareId: "f1", body: c.body }));
    }
  }
}

// The reader sees every text the validator sees.
seeds.json_reader.push(...seeds.validate_text);

let total = 0;
for (const [target, list] of Object.entries(seeds)) {
  const dir = join(CORPUS, target);
  mkdirSync(dir, { recursive: true });
  for (const text of new Set(list)) {
    const name = "seed-" + createHash("sha1").update(text).digest("hex").slice(0, 16);
    writeFileSync(join(dir, name), text);
    total++;
  }
}
console.log(`fuzz/seed.mjs: ${total} seeds written under fuzz/corpus/`);
