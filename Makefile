# The project's commands. Each installs what is missing first (scripts/setup.sh, idempotent).
.PHONY: serve test dist setup clean bench budgets test-properties-100k screenshots

serve: ## Serve the app with live rebuild on http://127.0.0.1:8080 (debug build in target/serve-dist, not dist/)
	@bash scripts/serve.sh

test: ## Run every test layer; fails if any fails or runs no test
	@bash scripts/test.sh

dist: ## Build the release bundle into dist/ and print each file's raw, gzip and brotli size
	@bash scripts/dist.sh

screenshots: ## The gallery: a PNG of every page, both languages and viewports, dialogs open, into target/screenshots/ (release build)
	@bash scripts/screenshots.sh

bench: ## Run every benchmark (engine native + wasm, storage, first render, catalog at scale) and print a table; see BENCHMARKS.md
	@bash scripts/bench.sh

budgets: ## Check dist/ (build it first: make dist): first-load bytes against the 200 KB budget, and the whole bundle's ceiling
	@node scripts/first-load.mjs dist --target-kb 200 --ceiling-kb 200
	@node scripts/budgets.mjs dist --budget-kb 790

test-properties-100k: ## The engine's property test with 100,000 random command sequences (make test runs 10,000)
	PROPTEST_SEQUENCES=100000 CARGO_BUILD_JOBS=2 cargo test -p csp-engine --test properties -- --nocapture

setup: ## Install the pinned toolchain only
	@bash scripts/setup.sh

clean:
	rm -rf dist target
