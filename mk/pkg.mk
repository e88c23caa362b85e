# The npm package enos-ota-job (pkg/): one `make pkg` builds the browser build
# (pkg/dist/web, loaded by pkg/web.js; its JS minified by esbuild) and the Node build
# (pkg/dist/node, loaded by pkg/node.js) from one optimized .wasm. Generated files live
# only under pkg/dist/.

PKG_CRATE_WASM := target/wasm32-unknown-unknown/release/enos_ota_job.wasm
PKG_DIST := pkg/dist
PKG_STAMP := $(PKG_DIST)/.built
PKG_RUST_SOURCES := Cargo.toml Cargo.lock $(shell find src -name '*.rs' 2>/dev/null)
# -Oz to a fixed point; Rust leaves the first KB of memory unused; the producers and
# target-features sections are not needed once wasm-bindgen has run (-0.5 KB gzip).
PKG_WASM_OPT := -Oz --converge --low-memory-unused --strip-producers --strip-target-features
WASM_TEST_ENV := CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner
WASM_TEST := cargo test --locked --target wasm32-unknown-unknown --lib --test wasm

TEST_TARGETS += test-wasm-node test-wasm-browser test-pkg

.PHONY: pkg test-wasm-node test-wasm-browser test-pkg bench-js

pkg: $(PKG_STAMP)

$(PKG_STAMP): $(PKG_RUST_SOURCES) pkg/api.js mk/pkg.mk | tools-wasm tools-npm
	cargo build --locked --release --target wasm32-unknown-unknown --lib
	rm -rf $(PKG_DIST)/web $(PKG_DIST)/node $(PKG_DIST)/tmp
	wasm-bindgen --target web --no-typescript --out-dir $(PKG_DIST)/tmp $(PKG_CRATE_WASM)
	wasm-opt $(PKG_WASM_OPT) $(PKG_DIST)/tmp/enos_ota_job_bg.wasm -o $(PKG_DIST)/tmp/opt.wasm
	mkdir -p $(PKG_DIST)/web $(PKG_DIST)/node
	esbuild $(PKG_DIST)/tmp/enos_ota_job.js --minify --format=esm --log-level=warning --outfile=$(PKG_DIST)/web/enos_ota_job.js
	esbuild pkg/api.js --minify --format=esm --log-level=warning --outfile=$(PKG_DIST)/web/api.js
	cp $(PKG_DIST)/tmp/opt.wasm $(PKG_DIST)/web/enos_ota_job_bg.wasm
	wasm-bindgen --target experimental-nodejs-module --no-typescript --out-dir $(PKG_DIST)/tmp $(PKG_CRATE_WASM)
	mv $(PKG_DIST)/tmp/enos_ota_job.js $(PKG_DIST)/node/
	cp $(PKG_DIST)/tmp/opt.wasm $(PKG_DIST)/node/enos_ota_job_bg.wasm
	rm -rf $(PKG_DIST)/tmp
	node -e 'import("./pkg/node.js").then(m => { if (!m.validate({}).errors.length) process.exit(1) })'
	@touch $@
	@echo "pkg: $$(gzip -9c $(PKG_DIST)/web/enos_ota_job_bg.wasm | wc -c) bytes of gzipped wasm"

# The crate's Rust API and the bindings, compiled to wasm32 and run by wasm-bindgen-test.
test-wasm-node: tools-wasm
	$(WASM_TEST_ENV) $(WASM_TEST)

test-wasm-browser: tools-wasm tools-chromium
	WASM_BINDGEN_USE_BROWSER=1 CHROMEDRIVER=$$(command -v chromedriver) $(WASM_TEST_ENV) $(WASM_TEST)

# The package as a user gets it: npm pack, install into a fresh project, run the shared
# fixtures in Node and in headless Chromium, and type-check a TS consumer with tsc --strict.
test-pkg: pkg tools-chromium
	bash tests/js/consumer.sh

bench: bench-js

# Figures only (never pass/fail): enos-ota-job beside Ajv 8, each row in a fresh process.
bench-js: pkg
	node benches/js/run.mjs
