# Benchmarks beside `bench-js` (mk/pkg.mk: enos-ota-job beside Ajv and Zod through the npm
# package): where the time of one invalid small body goes inside the core, split by
# difference through the public API (benches/breakdown.rs). Figures, never pass/fail.

.PHONY: bench-breakdown

bench: bench-breakdown

bench-breakdown:
	cargo bench --locked --bench breakdown
