# minutebook: two commands do all the setup.  `make run` serves the site; `make test` runs the suite.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
VENDOR := src/minutebook/web/static/vendor/govuk-frontend
DB ?= var/minutebook.sqlite3
export MINUTEBOOK_DB_PATH ?= $(abspath $(DB))

.PHONY: run test test-sqlite test-postgres lint typecheck golden bench health clean setup assets compiled

setup: $(STAMP) assets compiled

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

assets: $(VENDOR)/.stamp

# The parser compiled with mypyc (about a quarter faster); quick when already current, and
# never fatal: without a C compiler the parser runs as plain Python.
compiled: $(STAMP)
	$(BIN)/python -m minutebook.devtools.build_parser

$(VENDOR)/.stamp: package.json
	npm install --no-audit --no-fund --loglevel=error
	rm -rf $(VENDOR) && mkdir -p $(VENDOR)
	cp -r node_modules/govuk-frontend/dist/govuk/. $(VENDOR)/
	touch $@

run: setup
	mkdir -p var
	$(BIN)/minutebook migrate
	$(BIN)/minutebook ingest corpus/seeds
	$(BIN)/minutebook serve --host 127.0.0.1 --port 8000

# The whole suite: lint, types, then every test on SQLite, then the database tests again on PostgreSQL.
test: setup lint typecheck test-sqlite test-postgres

lint: setup
	$(BIN)/ruff check src tests
	$(BIN)/ruff format --check src tests

typecheck: setup
	$(BIN)/mypy

test-sqlite: setup
	$(BIN)/pytest -q -p no:cacheprovider

test-postgres: setup
	MINUTEBOOK_TEST_DB=postgres $(BIN)/pytest -q -p no:cacheprovider -m db_both

golden: setup
	$(BIN)/minutebook golden --write

health: setup
	$(BIN)/minutebook health corpus

bench: setup
	$(BIN)/python -m minutebook.bench

clean:
	rm -rf $(VENV) node_modules $(VENDOR) var build src/minutebook/parser/_compiled
