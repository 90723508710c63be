# policykg — `make run` loads the bundled corpus and serves it; `make test` runs every check.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test lint format bench install system-deps assets clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test,bench]'
	touch $(STAMP)

install: $(STAMP) assets

assets: $(STAMP)
	bash scripts/fetch-assets.sh

system-deps:
	bash scripts/install-system-deps.sh

run: install
	$(BIN)/policykg load data/corpus
	$(BIN)/policykg serve

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

format: install
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

test: install system-deps lint
	$(BIN)/pytest

bench: install system-deps
	$(BIN)/python bench/run.py

clean:
	rm -rf $(VENV) data/store .pytest_cache .mypy_cache .ruff_cache
