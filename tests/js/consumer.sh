#!/usr/bin/env bash
# The npm consumer test (make test-pkg): pack pkg/ as npm would publish it, install the
# tarball into a fresh project, then
#   1. run the shared fixtures and the API tests in Node through `import "enos-ota-job"`,
#   2. type-check a TypeScript consumer with `tsc --noEmit --strict`,
#   3. load the browser build in headless Chromium (`import init, { validate }`) and run
#      the same fixtures there.
set -euo pipefail
repo="$(cd "$(dirname "$0")/../.." && pwd)"
work="$(mktemp -d "${TMPDIR:-/tmp}/enos-ota-job-consumer.XXXXXX")"
trap 'rm -rf "$work"' EXIT

tarball="$(cd "$repo/pkg" && npm pack --silent --pack-destination "$work" | tail -n1)"
listing="$(tar -tzf "$work/$tarball")"
echo "packed $tarball:" $listing
for f in package/web.js package/node.js package/api.js package/index.d.ts package/README.md package/LICENSE \
         package/dist/web/enos_ota_job_bg.wasm package/dist/web/api.js package/dist/node/enos_ota_job_bg.wasm; do
  grep -qx "$f" <<<"$listing" || { echo "missing from the tarball: $f" >&2; exit 1; }
done

mkdir -p "$work/project"
cd "$work/project"
printf '{ "name": "consumer", "private": true, "type": "module" }\n' > package.json
npm install --offline --no-audit --no-fund --loglevel=error "$work/$tarball"
cp "$repo"/tests/js/fixtures.mjs "$repo"/tests/js/consumer.test.mjs "$repo"/tests/js/consumer.ts .

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
echo "consumer test: passed"
