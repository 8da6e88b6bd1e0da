# The README's two commands are `make run` and `make test`; `make` alone lists every target.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
PORT   ?= 8000
STAMPS := .stamps

.DEFAULT_GOAL := help
.PHONY: help setup run test bench lint format check messages makemessages migrate demo clean backup restore backup-drill loadtest

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-13s %s\n", $$1, $$2}'

$(STAMPS)/venv: pyproject.toml
	@mkdir -p $(STAMPS)
	@scripts/system-deps.sh app
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	@touch $@

$(STAMPS)/assets: package.json
	@mkdir -p $(STAMPS)
	@if command -v npm >/dev/null 2>&1; then \
	  if [ -f package-lock.json ]; then npm ci --no-audit --no-fund --silent; \
	  else npm install --no-audit --no-fund --silent; fi; \
	else echo "WARNING: npm is missing: sudo apt-get install -y npm (pages will lack their styles)"; fi
	@touch $@

messages: $(STAMPS)/venv ## compile the translations (zh_Hans)
	@if command -v msgfmt >/dev/null 2>&1; then $(BIN)/python manage.py compilemessages --ignore=.venv --ignore=node_modules -v 0; \
	else echo "WARNING: msgfmt missing (sudo apt-get install -y gettext); the UI falls back to English"; fi

setup: $(STAMPS)/venv $(STAMPS)/assets messages ## install everything the app needs (venv, assets, translations)
	@scripts/system-deps.sh app

run: setup ## set up, migrate, load demo data and serve on SQLite at http://127.0.0.1:$(PORT)
	$(BIN)/python manage.py migrate --noinput -v 0
	$(BIN)/python manage.py seed_demo
	$(BIN)/python manage.py runserver 127.0.0.1:$(PORT)

test: setup ## run the test suite (browser tests included)
	@scripts/system-deps.sh test
	$(BIN)/python -m pytest

bench: setup ## run the benchmarks in tests/benchmarks/ and print their tables
	@for f in tests/benchmarks/bench_*.py; do echo "== $$f"; $(BIN)/python $$f || exit 1; done

lint: $(STAMPS)/venv ## ruff check and format check
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(STAMPS)/venv ## format the code with ruff
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

check: lint ## lint plus Django's checks and a missing-migration check
	$(BIN)/python manage.py check
	$(BIN)/python manage.py makemigrations --check --dry-run

makemessages: $(STAMPS)/venv ## extract new msgids into locale/zh_Hans
	$(BIN)/python manage.py makemessages -l zh_Hans --ignore=.venv --ignore=node_modules --ignore=var --no-obsolete

migrate: setup ## apply migrations
	$(BIN)/python manage.py migrate

demo: migrate ## load the demo data
	$(BIN)/python manage.py seed_demo

backup: setup ## back up PostgreSQL (DATABASE_URL) and the media files, with a checksum manifest
	scripts/backup.sh $(OUT)

restore: setup ## restore a backup: make restore BACKUP=var/backups/20250127T000000Z
	scripts/restore.sh $(BACKUP)

backup-drill: setup ## back up a seeded database, restore it into a fresh one, compare everything
	scripts/backup-drill.sh

loadtest: setup ## the deadline rush: locust against gunicorn + PostgreSQL on 127.0.0.1 for 60 s
	$(BIN)/python -m pip install --quiet -e ".[dev,load]"
	scripts/loadtest.sh

clean: ## remove the venv, assets and local data
	rm -rf $(VENV) node_modules $(STAMPS) var staticfiles
