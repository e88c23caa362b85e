# What a release needs, checked in `make test` (issue 10). Included by the top Makefile.
#
#   make lint-release   rustdoc with -D warnings, `cargo publish --dry-run` with no warning,
#                       the npm licences equal to the crate's, and no reference outside
#                       the repository in any tracked file
#   make test-release   `cargo test --release`, twice in a row (the release profile unwinds:
#                       panic = "abort" lives only in the wasm-web/wasm-node profiles)
#   make test-schema    the JSON Schema under Ajv 2020 (tests/js/schema.test.mjs), and the
#                       examples of docs/rules.md run through the package (tests/js/rules-doc.test.mjs)

TEST_TARGETS += lint-release test-release test-schema

.PHONY: lint-release lint-rustdoc lint-publish lint-licenses lint-refs test-release test-schema

lint-release: lint-rustdoc lint-publish lint-licenses lint-refs

lint-rustdoc:
	RUSTDOCFLAGS="-D warnings" cargo doc --locked --no-deps

# cargo's own "aborting upload due to dry run" is the one warning a dry run always prints.
lint-publish:
	@out="$$(cargo publish --locked --dry-run --allow-dirty 2>&1)"; status=$$?; echo "$$out"; \
	  [ $$status -eq 0 ] || exit $$status; \
	  if grep '^warning:' <<<"$$out" | grep -vqx 'warning: aborting upload due to dry run'; then \
	    echo "lint-publish: cargo publish --dry-run warned (above)" >&2; exit 1; fi

lint-licenses:
	cmp LICENSE-MIT pkg/LICENSE-MIT
	cmp LICENSE-APACHE pkg/LICENSE-APACHE

# The product carries its own reference (docs/rules.md): no tracked file may point at the
# project's working contract outside the repository. (The patterns are bracketed so that
# this file does not match itself.)
REFS_OUTSIDE := shared[/]SPEC|SPEC[ ]§|\.\.[/]shared
lint-refs:
	@if git ls-files -z | xargs -0 grep -nIE '$(REFS_OUTSIDE)' --; then \
	  echo "lint-refs: the files above point outside the repository (use docs/rules.md)" >&2; exit 1; fi

test-release:
	cargo test --locked --release
	cargo test --locked --release

test-schema: pkg tools-npm
	node --test tests/js/schema.test.mjs tests/js/rules-doc.test.mjs
