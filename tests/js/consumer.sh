#!/usr/bin/env bash
# The npm consumer test (make test-pkg): pack pkg/ as npm would publish it, install the
# tarball into a fresh project, then
#   1. run the shared fixtures and the API tests in Node through `import "enos-ota-job"`,
#   2. type-check a TypeScript consumer with `tsc --noEmit --strict`,
#   3. load the browser build in headless Chromium (`import init, { validate }`) and run
#      the same fixtures there,
#   4. lint the tarball with publint --strict and @arethetypeswrong/cli --profile esm-only,
#   5. require() it from CommonJS (Node >= 20.19, as `engines` says),
#   6. bundle a server with esbuild --platform=node and run the bundle away from node_modules,
#   7. build a page with Vite and run it in headless Chromium.
set -euo pipefail
repo="$(cd "$(dirname "$0")/../.." && pwd)"
work="$(mktemp -d "${TMPDIR:-/tmp}/enos-ota-job-consumer.XXXXXX")"
trap 'rm -rf "$work"' EXIT

tarball="$(cd "$repo/pkg" && npm pack --silent --pack-destination "$work" | tail -n1)"
listing="$(tar -tzf "$work/$tarball")"
echo "packed $tarball:" $listing
for f in package/web.js package/node.js package/api.js package/index.d.ts package/web.d.ts package/node.d.ts \
         package/README.md package/LICENSE-MIT package/LICENSE-APACHE package/schema.json \
         package/dist/web/enos_ota_job_bg.wasm package/dist/web/api.js package/dist/node/enos_ota_job_bg.js; do
  grep -qx "$f" <<<"$listing" || { echo "missing from the tarball: $f" >&2; exit 1; }
done
# One copy of each file: the Node build carries its own (speed-tuned) module as base64.
[ "$(grep -c '\.wasm$' <<<"$listing")" = 1 ] || { echo "expected one .wasm in the tarball" >&2; exit 1; }

echo "--- publint --strict and attw --profile esm-only on $tarball"
# Without colours (CI=true makes picocolors colour a pipe), so that the verdict line reads plainly.
publint_out="$(NO_COLOR=1 FORCE_COLOR=0 "$repo/node_modules/.bin/publint" run --strict "$work/$tarball" 2>&1 | sed 's/\x1b\[[0-9;]*m//g')" || { echo "$publint_out" >&2; exit 1; }
echo "$publint_out"
# "All good!" is publint's message when it has no error, warning or suggestion.
grep -q '^All good!$' <<<"$publint_out" || { echo "publint reported something" >&2; exit 1; }
"$repo/node_modules/.bin/attw" --profile esm-only --format ascii "$work/$tarball"

mkdir -p "$work/project"
cd "$work/project"
printf '{ "name": "consumer", "private": true, "type": "module" }\n' > package.json
npm install --offline --no-audit --no-fund --loglevel=error "$work/$tarball"
cp "$repo"/tests/js/fixtures.mjs "$repo"/tests/js/consumer.test.mjs "$repo"/tests/js/consumer.ts .
cmp node_modules/enos-ota-job/schema.json "$repo/schema/create-ota-job.schema.json"

echo "--- Node: node --test (fixtures from $repo/tests/fixtures)"
ENOS_FIXTURES="$repo/tests/fixtures" node --test --test-reporter=dot consumer.test.mjs

echo "--- TypeScript: tsc --noEmit --strict"
# No DOM and no @types/node: the declarations must stand on their own.
cat > tsconfig.json <<'JSON'
{ "compilerOptions": { "target": "es2022", "module": "nodenext", "moduleResolution": "nodenext",
    "lib": ["es2022"], "types": [], "strict": true, "noEmit": true, "exactOptionalPropertyTypes": true },
  "files": ["consumer.ts"] }
JSON
"$repo/node_modules/.bin/tsc" --noEmit --strict -p tsconfig.json
# As a browser project with a bundler resolves it (the "types" condition, DOM lib).
cat > tsconfig.bundler.json <<'JSON'
{ "compilerOptions": { "target": "es2022", "module": "esnext", "moduleResolution": "bundler",
    "lib": ["es2022", "dom"], "types": [], "strict": true, "noEmit": true },
  "files": ["consumer.ts"] }
JSON
"$repo/node_modules/.bin/tsc" --noEmit --strict -p tsconfig.bundler.json

echo "--- Browser: headless Chromium"
ENOS_FIXTURES="$repo/tests/fixtures" ENOS_CONSUMER="$work/project" \
  node --test --test-reporter=dot "$repo/tests/js/browser.test.mjs"
echo "--- CommonJS: require(\"enos-ota-job\") (Node $(node --version))"
cat > require.cjs <<'JS'
const assert = require("node:assert/strict");
const { validate, buildRequest } = require("enos-ota-job");
const schema = require("enos-ota-job/schema.json");
assert.equal(validate({}).valid, false);
assert.equal(typeof buildRequest, "function");
assert.equal(schema.$schema, "https://json-schema.org/draft/2020-12/schema");
assert.equal(require("enos-ota-job/node").validate, validate);
console.log("require(): ok");
JS
node require.cjs

echo "--- the browser build in Node, as the package README shows it"
cat > web-in-node.mjs <<'JS'
import { readFile } from "node:fs/promises";
import init, { validate } from "enos-ota-job/web";
const wasm = new URL("dist/web/enos_ota_job_bg.wasm", import.meta.resolve("enos-ota-job/web"));
await init(await readFile(wasm));
if (validate({}).valid !== false) process.exit(1);
console.log("enos-ota-job/web in Node: ok");
JS
node web-in-node.mjs

echo "--- esbuild --bundle --platform=node, the bundle run without node_modules"
cat > server.mjs <<'JS'
import { validate, validateJson } from "enos-ota-job";
const body = { type: "verify", upgradeScope: { type: "partial", versionNumbers: ["1.0"], deviceKeys: ["d1"] } };
const ok = validate(body).valid && validateJson('{"type":"upgrade"}').errors.length > 0;
console.log(ok ? "bundle: ok" : "bundle: WRONG");
process.exit(ok ? 0 : 1);
JS
mkdir -p "$work/bundle"
"$repo/node_modules/.bin/esbuild" server.mjs --bundle --platform=node --log-level=warning --outfile="$work/bundle/server.cjs"
"$repo/node_modules/.bin/esbuild" server.mjs --bundle --platform=node --format=esm --log-level=warning --outfile="$work/bundle/server.mjs"
(cd "$work/bundle" && node server.cjs && node server.mjs)

echo "--- Vite: a page built from the tarball, run in headless Chromium"
mkdir -p vite-page
cat > vite-page/index.html <<'HTML'
<!doctype html><meta charset="utf-8"><title>enos-ota-job with Vite</title>
<script type="module" src="./main.js"></script>
HTML
cat > vite-page/main.js <<'JS'
import init, { validate, buildRequest } from "enos-ota-job";
import schema from "enos-ota-job/schema.json";

await init(); // the .wasm URL is Vite's asset, found through new URL(..., import.meta.url)
const report = validate({ type: "upgrade", upgradeScope: { type: "total", versionNumbers: ["1.0"] } });
const built = buildRequest({ orgId: "o", firmwareId: "f", body: { type: "verify", upgradeScope: { type: "partial", versionNumbers: ["1"], deviceKeys: ["d"] } } });
window.enosResult = { codes: report.errors.map((e) => e.code), url: built.request?.url, schema: schema.$schema };
JS
(cd vite-page && "$repo/node_modules/.bin/vite" build --logLevel warn --outDir dist --emptyOutDir)
ENOS_VITE_DIST="$work/project/vite-page/dist" node --test --test-reporter=dot "$repo/tests/js/vite.test.mjs"

echo "consumer test: passed"
