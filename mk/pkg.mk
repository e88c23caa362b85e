# The npm package enos-ota-job (pkg/): `make pkg` builds two WebAssembly modules on
# purpose, each tuned for its entry (Cargo profiles wasm-web and wasm-node):
#   pkg/dist/web   browser build, loaded by pkg/web.js: size first (opt-level "z",
#                  wasm-opt -Oz), fetched as enos_ota_job_bg.wasm; its JS minified by esbuild.
#   pkg/dist/node  Node build, loaded by pkg/node.js: speed first (opt-level 3, wasm-opt -O3),
#                  carried as base64 in enos_ota_job_bg.js (mk/embed-wasm.mjs), so that a
#                  server bundle needs no file beside it.
# The crate's [lib] is rlib only; the cdylib is asked for here. Generated files live only
# under pkg/dist/, and pkg/schema.json (a copy of schema/create-ota-job.schema.json).

PKG_TARGET := wasm32-unknown-unknown
PKG_DIST := pkg/dist
PKG_TMP := target/pkg-tmp
PKG_STAMP := $(PKG_DIST)/.built
PKG_RUST_SOURCES := Cargo.toml Cargo.lock $(shell find src -name '*.rs' 2>/dev/null)
# Rust flags of both wasm builds, whichever toolchain makes them (e.g. -Ctarget-feature=+simd128).
# They are passed as RUSTFLAGS, which replaces any rustflags of a .cargo/config.toml: put
# the wasm builds' flags here.
PKG_RUSTFLAGS :=
# With a nightly toolchain and its rust-src (mk/tools.mk adds it), the standard library is
# rebuilt with each profile and panics abort at once, without their messages, locations
# and formatting code (web: 61.9 -> 53.2 KB gzip). The web build also takes std's
# size-tuned code (a smaller sort, -2.9 KB). Without nightly, the stable build (larger).
PKG_NIGHTLY_RUSTFLAGS := -Zunstable-options -Cpanic=immediate-abort
PKG_BUILD_STD := -Zbuild-std=std,panic_abort
PKG_BUILD_STD_WEB := -Zbuild-std-features=optimize_for_size
# Evaluated when a recipe runs, after mk/tools.mk has had its chance to add rust-src.
PKG_NIGHTLY = $(shell rustup component list --toolchain nightly --installed 2>/dev/null | grep -qx rust-src && echo yes)
PKG_CARGO_CDYLIB = rustc --locked --profile $(1) --target $(PKG_TARGET) --lib --crate-type cdylib --features npm
# $(1): the profile; $(2): std's features for it. Nightly when it can, else (or when the
# nightly build fails) stable, saying so.
define PKG_CDYLIB
	@if [ -n "$(PKG_NIGHTLY)" ]; then \
	  cmd='RUSTFLAGS="$(strip $(PKG_RUSTFLAGS) $(PKG_NIGHTLY_RUSTFLAGS))" cargo +nightly $(call PKG_CARGO_CDYLIB,$(1)) $(PKG_BUILD_STD) $(2)'; \
	  echo "$$cmd"; eval "$$cmd" && exit 0; \
	  echo "pkg: $(1): the nightly build failed; building with stable instead (a larger wasm)" >&2; \
	else \
	  echo "pkg: $(1): no nightly toolchain with rust-src; building with stable (a larger wasm)" >&2; \
	fi; \
	cmd='RUSTFLAGS="$(strip $(PKG_RUSTFLAGS))" cargo $(call PKG_CARGO_CDYLIB,$(1))'; \
	echo "$$cmd"; eval "$$cmd"
endef
PKG_CRATE_WASM = target/$(PKG_TARGET)/$(1)/enos_ota_job.wasm
# Rust leaves the first KB of memory unused; the producers and target-features sections
# are not needed once wasm-bindgen has run (-0.5 KB gzip).
PKG_WASM_OPT_COMMON := --low-memory-unused --strip-producers --strip-target-features
PKG_WASM_OPT_WEB := -Oz --converge $(PKG_WASM_OPT_COMMON)
PKG_WASM_OPT_NODE := -O3 $(PKG_WASM_OPT_COMMON)
GZIP_SIZE = $$(gzip -9c $(1) | wc -c)
WASM_TEST_ENV := CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner
# The exports' own tests need the `npm` feature (they run on the default allocator, as
# `cfg(test)` leaves the arena out); tests/wasm.rs is the plain library.
WASM_TEST := cargo test --locked --target wasm32-unknown-unknown --lib --features npm \
  && cargo test --locked --target wasm32-unknown-unknown --test wasm

TEST_TARGETS += test-wasm-node test-wasm-browser test-pkg

.PHONY: pkg test-wasm-node test-wasm-browser test-pkg bench-js

pkg: $(PKG_STAMP)

$(PKG_STAMP): $(PKG_RUST_SOURCES) pkg/api.js schema/create-ota-job.schema.json mk/pkg.mk mk/embed-wasm.mjs | tools-wasm tools-wasm-nightly tools-npm
	$(call PKG_CDYLIB,wasm-web,$(PKG_BUILD_STD_WEB))
	$(call PKG_CDYLIB,wasm-node,)
	rm -rf $(PKG_DIST)/web $(PKG_DIST)/node $(PKG_TMP)
	mkdir -p $(PKG_DIST)/web $(PKG_DIST)/node
	wasm-bindgen --target web --no-typescript --out-dir $(PKG_TMP)/web $(call PKG_CRATE_WASM,wasm-web)
	wasm-opt $(PKG_WASM_OPT_WEB) $(PKG_TMP)/web/enos_ota_job_bg.wasm -o $(PKG_DIST)/web/enos_ota_job_bg.wasm
	esbuild $(PKG_TMP)/web/enos_ota_job.js --minify --format=esm --log-level=warning --outfile=$(PKG_DIST)/web/enos_ota_job.js
	esbuild pkg/api.js --minify --format=esm --log-level=warning --outfile=$(PKG_DIST)/web/api.js
	wasm-bindgen --target experimental-nodejs-module --no-typescript --out-dir $(PKG_TMP)/node $(call PKG_CRATE_WASM,wasm-node)
	wasm-opt $(PKG_WASM_OPT_NODE) $(PKG_TMP)/node/enos_ota_job_bg.wasm -o $(PKG_TMP)/node/opt.wasm
	node mk/embed-wasm.mjs $(PKG_TMP)/node/enos_ota_job.js $(PKG_TMP)/node/opt.wasm $(PKG_DIST)/node
	cp schema/create-ota-job.schema.json pkg/schema.json
	node -e 'import("./pkg/node.js").then(m => { if (!m.validate({}).errors.length) process.exit(1) })'
	@echo "pkg: web (size-tuned) wasm $(call GZIP_SIZE,$(PKG_DIST)/web/enos_ota_job_bg.wasm) bytes gzip -9;" \
	  "node (speed-tuned) wasm $(call GZIP_SIZE,$(PKG_TMP)/node/opt.wasm) bytes gzip -9" \
	  "($$(wc -c < $(PKG_TMP)/node/opt.wasm) raw, $(call GZIP_SIZE,$(PKG_DIST)/node/enos_ota_job_bg.js) as base64 JS)"
	rm -rf $(PKG_TMP)
	@touch $@

# The crate's Rust API and the bindings, compiled to wasm32 and run by wasm-bindgen-test.
test-wasm-node: tools-wasm
	export $(WASM_TEST_ENV) && $(WASM_TEST)

test-wasm-browser: tools-wasm tools-chromium
	export WASM_BINDGEN_USE_BROWSER=1 CHROMEDRIVER=$$(command -v chromedriver) $(WASM_TEST_ENV) && $(WASM_TEST)

# The package as a user gets it: npm pack, install into a fresh project, run the shared
# fixtures in Node and in headless Chromium, and type-check a TS consumer with tsc --strict.
test-pkg: pkg tools-chromium
	bash tests/js/consumer.sh

bench: bench-js

# Figures only (never pass/fail): enos-ota-job beside Ajv 8, each row in a fresh process.
bench-js: pkg
	node benches/js/run.mjs
