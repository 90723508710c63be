# policykg — `make run` loads the bundled corpus and serves it; `make test` runs every check.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
# Two stamps: `make run` installs the package and its runtime dependencies only; the test and
# benchmark tools (pytest, mypy, playwright, schemathesis, rdflib-endpoint) come with `make test`.
RUN_STAMP := $(VENV)/.installed-run
DEV_STAMP := $(VENV)/.installed-dev

.PHONY: run test lint format bench install install-dev system-deps assets clean

$(RUN_STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e .
	touch $(RUN_STAMP)

$(DEV_STAMP): $(RUN_STAMP)
	$(BIN)/pip install --quiet -e '.[test,bench]'
	touch $(DEV_STAMP)

# YASGUI (the query page's editor) is optional and needs npm; without npm the query page
# shows a plain form and every other page works (scripts/fetch-assets.sh says which).
install: $(RUN_STAMP) assets

install-dev: $(DEV_STAMP) assets

assets: $(RUN_STAMP)
	bash scripts/fetch-assets.sh

system-deps:
	bash scripts/install-system-deps.sh

run: install
	$(BIN)/policykg load data/corpus
	$(BIN)/policykg serve

lint: install-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

format: install-dev
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

test: install-dev system-deps lint
	$(BIN)/pytest

bench: install-dev system-deps
	$(BIN)/python bench/run.py

clean:
	rm -rf $(VENV) data/store .pytest_cache .mypy_cache .ruff_cache
