# enos-ota-job: `make test` runs every test layer, `make serve` serves the web form.
SHELL := /bin/bash
.DEFAULT_GOAL := help

include mk/tools.mk

# Each layer's fragment appends its test targets to TEST_TARGETS.
TEST_TARGETS := lint test-native
include $(wildcard mk/pkg.mk mk/www.mk mk/fuzz.mk mk/release.mk mk/bench.mk)

.PHONY: help test lint lint-native lint-wasm test-native bench bench-native

help:
	@echo "make test   - every test layer (lints, native, wasm, npm package, browser)"
	@echo "make serve  - build everything and serve the web form at http://127.0.0.1:8080/"
	@echo "make bench  - benchmarks (figures, never pass/fail)"

test: $(TEST_TARGETS)
	@echo "make test: all layers passed ($(TEST_TARGETS))"

lint: lint-native lint-wasm

# The `ota-job` binary and its tests need the `cli` feature (library users never build it).
lint-native:
	cargo fmt --all --check
	cargo clippy --all-targets --locked --features cli -- -D warnings

lint-wasm: tools-wasm-target
	cargo clippy --lib --locked --target wasm32-unknown-unknown -- -D warnings
	cargo clippy --lib --locked --target wasm32-unknown-unknown --features npm -- -D warnings
	cargo clippy --lib --profile test --locked --target wasm32-unknown-unknown --features npm -- -D warnings

test-native:
	cargo test --locked --all-targets --features cli
	cargo test --locked --doc
	@! cargo tree --locked -e normal --prefix none | grep -E '^(clap|clap_complete|annotate-snippets) ' \
	  || { echo "a CLI-only crate is in the library's build" >&2; exit 1; }

bench: bench-native

bench-native:
	cargo bench --locked --bench validate
