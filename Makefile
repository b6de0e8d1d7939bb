# Two entry points for people (README): `make serve` and `make test`.
# Each creates .venv and installs what it needs on first use.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve test build lint bench screenshots system-deps import clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

## serve: build and serve the site on http://127.0.0.1:8000/ with live reload
serve: $(STAMP)
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000

## test: install everything (Python packages, Chromium, CJK fonts), lint, and run the whole test suite
test: $(STAMP) system-deps lint
	$(BIN)/python -m pytest

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
