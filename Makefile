# Two entry points for people (README): `make serve` and `make test`.
# Each creates .venv and installs what it needs on first use.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve test build lint bench bench-search audit screenshots system-deps node-tools import clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

## serve: build and serve the site on http://127.0.0.1:8000/ with live reload
serve: $(STAMP)
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000

## test: install everything (Python packages, Chromium, CJK fonts, npm tools), lint, and run the whole test suite
test: $(STAMP) system-deps node-tools lint
	$(BIN)/python -m pytest

## audit: quality gates (Lighthouse, axe-core, Nu HTML Checker, third-party requests, LinkChecker)
audit: $(STAMP) system-deps node-tools
	$(BIN)/python scripts/audit.py

## bench-search: search benchmark at 1x and 100x the season (see BENCHMARKS.md)
bench-search: $(STAMP) system-deps
	$(BIN)/python scripts/bench_search.py --scales 1 100 --runs 3

# npm tools of the audit and the workflow lint, without install scripts (no browser download)
tools/audit/node_modules/.installed: tools/audit/package.json tools/audit/package-lock.json
	cd tools/audit && npm install --ignore-scripts --no-audit --no-fund --loglevel=error
	touch $@

node-tools: tools/audit/node_modules/.installed

## build: the static site into site/, failing on any warning
build: $(STAMP)
	$(BIN)/mkdocs build --strict

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

## import: re-import the season from sources/ (SEASON and SOURCE can be overridden)
SEASON ?= 2021-s1
SOURCE ?= sources/faq_2021_s1.md
IMPORT_OPTIONS ?= --upstream-path docs/zh_CN/FAQ/faq_2021_s1.md --legacy-path docs/zh_CN/faq_series/faq_2021_s1.md
import: $(STAMP)
	$(BIN)/faqsite import $(SOURCE) --season $(SEASON) $(IMPORT_OPTIONS)

system-deps:
	@scripts/install-system-deps.sh

clean:
	rm -rf site $(VENV)
