# Two entry points for people (README): `make serve` and `make test`.
# Each creates .venv and installs what it needs on first use.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: serve test test-fast test-browser check build lint bench bench-search bench-engines audit screenshots system-deps node-tools import clean
PORT ?= 8000

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

## serve: build and serve the site on http://127.0.0.1:$(PORT)/ with live reload (make serve PORT=8010)
serve: $(STAMP)
	@$(BIN)/faqsite serve --port $(PORT)

## check: the contributor checks (rules, parity, freshness), all of them reported, in a few seconds; writes nothing
check: $(STAMP)
	@status=0; for c in check parity freshness; do $(BIN)/faqsite $$c || status=1; done; exit $$status

## test-fast: everything but the browser and the contributor journey, in parallel
test-fast: $(STAMP) lint
	$(BIN)/python -m pytest -m "not browser and not journey" -n 2 -q

## test: install everything (Python packages, Chromium, CJK fonts, npm tools), lint, the fast tests in parallel, then the browser tests
test: $(STAMP) system-deps node-tools lint
	$(BIN)/python -m pytest -m "not browser and not journey" -n 2 -q
	$(BIN)/python -m pytest -m "browser or journey" -n 2 -q

## audit: quality gates (Lighthouse, axe-core, Nu HTML Checker, third-party requests, LinkChecker)
audit: $(STAMP) system-deps node-tools
	$(BIN)/python scripts/audit.py

## bench-search: the shipped search against stock Material search at 1x, the index at 100x and 1,000x the series (see BENCHMARKS.md)
bench-search: $(STAMP) system-deps
	$(BIN)/python scripts/bench_search.py --scales 1 100 --runs 3 --index-only 1000

## bench-engines: choosing the search engine: today's, stock Material, prebuilt lunr and Pagefind, 1x and 100x the series (see BENCHMARKS.md)
bench-engines: $(STAMP) system-deps
	$(BIN)/python scripts/bench_engines.py --scales 1 100 --runs 3

# npm tools of the audit and the workflow lint, without install scripts (no browser download)
tools/audit/node_modules/.installed: tools/audit/package.json tools/audit/package-lock.json
	cd tools/audit && npm install --ignore-scripts --no-audit --no-fund --loglevel=error
	touch $@

node-tools: tools/audit/node_modules/.installed

## build: the static site into site/, failing on any warning
build: $(STAMP)
	$(BIN)/faqsite build

## lint: ruff and mypy over the package and tests
lint: $(STAMP)
	$(BIN)/ruff check src tests scripts figures
	$(BIN)/mypy

## bench: build-time and size benchmark against a stock MkDocs + Material build
bench: $(STAMP)
	$(BIN)/python scripts/benchmark.py

## screenshots: phone and desktop, light and dark, both languages, into screenshots/
screenshots: $(STAMP) system-deps
	$(BIN)/python scripts/screenshots.py

## import: merge every collection's upstream file (as its lock in data/upstream/ names it) into docs/
import: $(STAMP)
	@for lock in data/upstream/*.yml; do $(BIN)/faqsite import --collection $$(basename $$lock .yml) || exit 1; done

system-deps:
	@scripts/install-system-deps.sh

clean:
	rm -rf site $(VENV)
