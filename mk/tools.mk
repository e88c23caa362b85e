# Tool installation. Every step is skipped when its tool is already present,
# so `make test` and `make serve` work on a fresh machine and cost nothing on a warm one.

# The wasm-bindgen CLI must be the exact version of the wasm-bindgen crate in Cargo.lock.
WASM_BINDGEN_VERSION := $(shell awk '/^name = "wasm-bindgen"$$/ {getline; gsub(/"/, "", $$3); print $$3; exit}' Cargo.lock 2>/dev/null)
CARGO_BIN := $(or $(CARGO_HOME),$(HOME)/.cargo)/bin
export PATH := $(CARGO_BIN):$(CURDIR)/node_modules/.bin:$(PATH)

.PHONY: tools-wasm tools-wasm-target tools-wasm-nightly tools-wasm-bindgen tools-npm tools-chromium

tools-wasm: tools-wasm-target tools-wasm-bindgen

tools-wasm-target:
	@rustup target list --installed | grep -qx wasm32-unknown-unknown \
	  || rustup target add wasm32-unknown-unknown

# The standard library's sources, for the npm package's wasm builds on nightly (mk/pkg.mk).
# Without a nightly toolchain, or when rust-src cannot be added, `make pkg` builds with
# stable instead (a larger wasm) and says so.
tools-wasm-nightly:
	@if rustup toolchain list | grep -q '^nightly'; then \
	  rustup component list --toolchain nightly --installed | grep -qx rust-src \
	    || rustup component add rust-src --toolchain nightly \
	    || echo "tools: rust-src could not be added to nightly: make pkg will build with stable" >&2; \
	else \
	  echo "tools: no nightly toolchain (rustup toolchain install nightly --profile minimal): make pkg will build with stable" >&2; \
	fi

tools-wasm-bindgen:
	@test -n "$(WASM_BINDGEN_VERSION)" || { echo "wasm-bindgen not found in Cargo.lock" >&2; exit 2; }
	@wasm-bindgen --version 2>/dev/null | grep -qx "wasm-bindgen $(WASM_BINDGEN_VERSION)" \
	  || cargo install wasm-bindgen-cli --version $(WASM_BINDGEN_VERSION) --force

# npm dev dependencies (binaryen's wasm-opt, playwright-core, axe-core, ajv, typescript, esbuild,
# publint, @arethetypeswrong/cli, vite).
tools-npm: node_modules/.installed
node_modules/.installed: package-lock.json
	npm ci --no-audit --no-fund
	@touch $@

# Debian's Chromium and ChromeDriver, for browser tests (never a downloaded browser).
tools-chromium:
	@command -v chromium >/dev/null && command -v chromedriver >/dev/null \
	  || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver; }
