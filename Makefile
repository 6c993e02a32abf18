# The project's commands. Each installs what is missing first (scripts/setup.sh, idempotent).
.PHONY: serve test dist setup clean

serve: ## Serve the app with live rebuild on http://127.0.0.1:8080
	@bash scripts/serve.sh

test: ## Run every test layer; fails if any fails or runs no test
	@bash scripts/test.sh

dist: ## Build the release bundle into dist/ and print each file's raw, gzip and brotli size
	@bash scripts/dist.sh

setup: ## Install the pinned toolchain only
	@bash scripts/setup.sh

clean:
	rm -rf dist target
