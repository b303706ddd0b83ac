# Every target creates or reuses .venv and installs what it needs: a fresh machine needs only
# Python 3.11+, make and git (plus node/npm for the Redocly lint in `make check`).
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
REDOCLY_VERSION := 2.77.0
REDOCLY := .tools/node_modules/.bin/redocly

.DEFAULT_GOAL := help
.PHONY: help venv generate check check-generated lint-spec lint format typecheck test demo bench bench-bulk mock contract api-diff docs-diff docs docs-serve

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-16s %s\n", $$1, $$2}'

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || { echo "Python 3.11+ is required (PYTHON=$(PYTHON))"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	@touch $(STAMP)

venv: $(STAMP) ## create .venv with the package and its dev extra

$(REDOCLY):
	@command -v npm >/dev/null || { echo "make check needs node and npm for the Redocly spec lint (apt-get install nodejs npm)"; exit 1; }
	npm install --silent --no-audit --no-fund --prefix .tools @redocly/cli@$(REDOCLY_VERSION)

generate: $(STAMP) ## regenerate generated/ from openapi.yaml
	$(BIN)/python scripts/generate.py

BASE ?= HEAD
api-diff: $(STAMP) ## what changed for client code: spec and generated API vs BASE (HEAD); FAIL_ON_BREAKING=1 exits 1
	$(BIN)/python scripts/api_diff.py --base '$(BASE)' $(if $(filter 1 true yes,$(FAIL_ON_BREAKING)),--fail-on-breaking)

docs-diff: $(STAMP) ## SiliconFlow's docs pages (docs-pages.yml) vs openapi.yaml; DOCS_BASE_URL=, PAGES_DIR=, FAIL_ON_NEW=1 exits 1
	$(BIN)/python -m scripts.docs_diff $(if $(PAGES_DIR),--pages-dir '$(PAGES_DIR)') $(if $(DOCS_BASE_URL),--base-url '$(DOCS_BASE_URL)') $(if $(filter 1 true yes,$(FAIL_ON_NEW)),--fail-on-new)

check-generated: $(STAMP) ## fail when generated/ differs from a fresh generation
	$(BIN)/python scripts/generate.py --check

lint-spec: $(STAMP) $(REDOCLY) ## validate openapi.yaml (openapi-spec-validator and Redocly)
	$(BIN)/openapi-spec-validator openapi.yaml
	REDOCLY_TELEMETRY=off REDOCLY_SUPPRESS_UPDATE_NOTICE=true $(REDOCLY) lint --config redocly.yaml --format stylish openapi.yaml

lint: $(STAMP) ## ruff lint and format check of the hand-written code
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(STAMP) ## apply ruff fixes and formatting
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

typecheck: $(STAMP) ## mypy --strict on the hand-written code
	$(BIN)/mypy

docs: $(STAMP) ## build the docs site into site/ with --strict (a broken link or reference fails)
	NO_MKDOCS_2_WARNING=1 $(BIN)/mkdocs build --strict --quiet

DOCS_PORT ?= 8001
docs-serve: $(STAMP) ## preview the docs site on http://127.0.0.1:8001 (DOCS_PORT=...), rebuilt on every save
	NO_MKDOCS_2_WARNING=1 $(BIN)/mkdocs serve --dev-addr 127.0.0.1:$(DOCS_PORT)

check: check-generated lint-spec lint typecheck docs ## everything but the tests

test: check ## make check, then the whole test suite
	$(BIN)/python -m pytest

.PHONY: test-fast
test-fast: $(STAMP) ## the inner loop: every test not marked slow, on two workers, no checks (under a minute)
	$(BIN)/python -m pytest -q -m "not slow" -n 2

demo: $(STAMP) ## a streamed thinking-mode chat via `siliconflow chat`: the mock, or the live API with SILICONFLOW_API_KEY
	$(BIN)/python scripts/demo.py

bench: $(STAMP) ## measure our client against openai-python and raw httpx; writes BENCHMARKS.md
	$(BIN)/python -m benchmarks.run --output BENCHMARKS.md

bench-bulk: $(STAMP) ## the bulk runner's goals: throughput vs a floor, throttling at --rpm 600, memory of 1M lines; writes BENCHMARKS-bulk.md
	$(BIN)/python -m benchmarks.bulk --output BENCHMARKS-bulk.md

MOCK_PORT ?= 8000
mock: $(STAMP) ## the mock SiliconFlow server on 127.0.0.1 (MOCK_PORT=8000; token sk-mock or SILICONFLOW_MOCK_TOKEN)
	$(BIN)/python -m siliconflow_mock --port $(MOCK_PORT)

contract: $(STAMP) ## schemathesis vs the mock; URL=...: a small live run; TRAFFIC=traffic.jsonl: check recorded traffic
ifdef TRAFFIC
	$(BIN)/python scripts/traffic_contract.py $(TRAFFIC)
else
	$(BIN)/python -m tests.contract.run_schemathesis $(if $(URL),--url '$(URL)') $(if $(EXAMPLES),--max-examples $(EXAMPLES))
endif
