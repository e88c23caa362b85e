# The web form (www/) and its browser tests. Included by the top Makefile.
# `make site` stages www/ plus the package's browser files in target/site/;
# `make serve` serves it at http://127.0.0.1:8080/.

SITE_DIR := target/site

.PHONY: site serve test-e2e bench-www

site: pkg
	rm -rf $(SITE_DIR)
	mkdir -p $(SITE_DIR)/pkg/dist
	cp -R www/. $(SITE_DIR)/
	cp pkg/*.js $(SITE_DIR)/pkg/
	cp -R pkg/dist/web $(SITE_DIR)/pkg/dist/

serve: site
	@echo "Serving the web form at http://127.0.0.1:8080/ (Ctrl-C to stop)"
	python3 -m http.server 8080 --bind 127.0.0.1 -d $(SITE_DIR)

# End-to-end tests: playwright-core drives Debian's Chromium against target/site,
# served by the tests themselves on a free loopback port.
test-e2e: site tools-npm tools-chromium
	SITE_DIR=$(SITE_DIR) node --test --test-concurrency=1 tests/e2e/*.test.mjs

# Edit -> re-render time with 1,000 device keys, and init() time (figures, never pass/fail).
bench-www: site tools-npm tools-chromium
	SITE_DIR=$(SITE_DIR) node benches/www/edit-render.mjs

TEST_TARGETS += test-e2e
bench: bench-www
