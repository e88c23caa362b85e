# Reliability (issue 5): fuzzing, the bad-input matrix through the npm package, line
# coverage and the scale benchmark. Included by the top Makefile.
#
#   make fuzz            each fuzz target for FUZZ_SECONDS (default 240) — not in `make test`
#   make fuzz-smoke      each fuzz target for FUZZ_SMOKE_SECONDS (default 15) — in `make test`
#   make coverage        line coverage of src/ by every native test (cargo llvm-cov)
#   make bench-scale     time and peak memory at 10^4, 10^5, 10^6 device keys, native and wasm
#
# The targets live in fuzz/ (its own workspace, nightly only). Their corpora are seeded
# from tests/fixtures by fuzz/seed.mjs into fuzz/corpus/ (git-ignored); a crash is saved
# in fuzz/artifacts/<target>/ and replayed with `cargo +nightly fuzz run <target> <file>`.

FUZZ_SECONDS ?= 240
FUZZ_SMOKE_SECONDS ?= 15
FUZZ_TARGETS := validate_text validate_structure build_request parse_response json_reader
# Debug assertions on (integer overflow panics); no sanitizer: the crate forbids unsafe
# code, and AddressSanitizer would only cut the executions per second by two or more.
FUZZ_FLAGS := --debug-assertions --sanitizer none
CARGO_FUZZ := cargo +nightly fuzz

TEST_TARGETS += test-bad-input-js fuzz-smoke

.PHONY: tools-fuzz tools-coverage fuzz fuzz-smoke fuzz-build fuzz-seed coverage bench-scale bench-scale-native bench-scale-js test-bad-input-js

tools-fuzz:
	@rustup toolchain list | grep -q '^nightly' \
	  || { echo "cargo-fuzz needs a nightly toolchain: rustup toolchain install nightly --profile minimal" >&2; exit 2; }
	@cargo +nightly fuzz --version >/dev/null 2>&1 \
	  || cargo install --locked cargo-fuzz || cargo install cargo-fuzz

fuzz-build: tools-fuzz
	$(CARGO_FUZZ) build $(FUZZ_FLAGS)

fuzz-seed:
	node fuzz/seed.mjs

# One run per target; libFuzzer's exit status fails the recipe on the first crash.
define fuzz_run
	@for t in $(FUZZ_TARGETS); do \
	  echo "fuzz: $$t for $(1) s"; mkdir -p fuzz/artifacts; \
	  $(CARGO_FUZZ) run $(FUZZ_FLAGS) $$t fuzz/corpus/$$t -- -max_total_time=$(1) -print_final_stats=1 \
	    -rss_limit_mb=4096 2>&1 | tee fuzz/artifacts/$$t.log | grep -E '^(stat::number_of_executed_units|==|SUMMARY|thread .* panicked|Test unit written)' ; \
	  status=$${PIPESTATUS[0]}; \
	  if [ $$status -ne 0 ]; then echo "fuzz: $$t FAILED (log: fuzz/artifacts/$$t.log, crash: fuzz/artifacts/$$t/)" >&2; exit $$status; fi; \
	done
endef

fuzz: fuzz-build fuzz-seed
	$(call fuzz_run,$(FUZZ_SECONDS))

fuzz-smoke: fuzz-build fuzz-seed
	$(call fuzz_run,$(FUZZ_SMOKE_SECONDS))

tools-coverage:
	@rustup component list --installed | grep -q '^llvm-tools' || rustup component add llvm-tools-preview
	@cargo llvm-cov --version >/dev/null 2>&1 || cargo install --locked cargo-llvm-cov || cargo install cargo-llvm-cov

# Every native test (unit, integration, fixtures, generative, bad input) instrumented;
# the HTML report is written to target/llvm-cov/html/.
coverage: tools-coverage
	cargo llvm-cov --locked --all-targets --no-report
	cargo llvm-cov report --summary-only --ignore-filename-regex 'src/bin/'
	cargo llvm-cov report --html --ignore-filename-regex 'src/bin/'
	@echo "coverage: HTML report in target/llvm-cov/html/index.html"

# The bad-input rows too big for tests/fixtures (10^6 device keys, a 50 MB string,
# 10,000-deep nesting, lone surrogates from JS) through the built npm package.
# First: tests/fixtures/bad-input.json is what tests/bad-input.gen.mjs writes.
test-bad-input-js: pkg
	node tests/bad-input.gen.mjs --check
	node --test --test-concurrency=1 tests/js/bad-input.test.mjs

bench: bench-scale

bench-scale: bench-scale-native bench-scale-js

# Twice: with glibc's defaults, then with malloc keeping freed memory (no fresh mmap'd
# pages to fault in for every 10^6-key run), which isolates the validator's own growth.
GLIBC_KEEP_MEMORY := glibc.malloc.mmap_threshold=2147483647:glibc.malloc.trim_threshold=4294967295:glibc.malloc.top_pad=268435456

bench-scale-native:
	cargo bench --locked --bench scale
	@echo "--- again, with malloc keeping freed memory (GLIBC_TUNABLES=$(GLIBC_KEEP_MEMORY))"
	GLIBC_TUNABLES=$(GLIBC_KEEP_MEMORY) cargo bench --locked --bench scale

bench-scale-js: pkg
	node benches/js/scale.mjs
