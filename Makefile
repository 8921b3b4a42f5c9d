# The archive of expert commentary. `make run` serves it; `make test` tests it.
# Both set everything up first: virtualenv, locked dependencies, database, migrations.

PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
PORT   ?= 8000
HOST   ?= 127.0.0.1
DATA   := .data

export DJANGO_SETTINGS_MODULE := config.settings

.DEFAULT_GOAL := help
.PHONY: help setup install static db migrate demo run stop test lint format lock manage superuser check-deploy clean

help:  ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-12s %s\n", $$1, $$2}'

$(VENV)/.installed: requirements/dev.txt
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 or newer is needed (set PYTHON=...)")'
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet --require-hashes -r requirements/dev.txt
	touch $@

install: $(VENV)/.installed  ## Create the virtualenv and install the locked dependencies

db: install  ## Start the embedded PostgreSQL (skipped when DATABASE_URL is set)
ifeq ($(strip $(DATABASE_URL)),)
	$(PY) -m config.embedded_db start
else
	@echo "Using DATABASE_URL; no embedded PostgreSQL."
endif

migrate: db  ## Apply the migrations
	$(PY) manage.py migrate --no-input

demo: migrate  ## Load the founding corpus (idempotent)
	$(PY) manage.py load_demo

static: install  ## Collect static files (hashed names, compressed) for whitenoise
	$(PY) manage.py collectstatic --no-input --verbosity 0

setup: demo static  ## Everything `make run` does before serving

run: setup  ## Set up, then serve the archive with gunicorn on http://$(HOST):$(PORT)
	@echo ""
	@echo "  The archive is at http://$(HOST):$(PORT)/  (editors: http://$(HOST):$(PORT)/admin/)"
	@echo "  Create an editor account:  $(PY) manage.py createsuperuser"
	@echo "  Stop with Ctrl-C, then 'make stop' to stop the database."
	@echo ""
	DJANGO_HTTPS=$${DJANGO_HTTPS:-0} $(VENV)/bin/gunicorn config.wsgi \
		--bind $(HOST):$(PORT) --workers $${WEB_CONCURRENCY:-2} --pid $(DATA)/gunicorn.pid \
		--access-logfile - --forwarded-allow-ips=""

stop:  ## Stop what `make run` started (gunicorn, the embedded PostgreSQL)
	@if [ -f $(DATA)/gunicorn.pid ]; then kill $$(cat $(DATA)/gunicorn.pid) 2>/dev/null && echo "gunicorn stopped." || true; rm -f $(DATA)/gunicorn.pid; fi
	@if [ -x $(PY) ]; then $(PY) -m config.embedded_db stop; fi

superuser: migrate  ## Create an editor (superuser) account
	$(PY) manage.py createsuperuser

manage: db  ## Run a management command: make manage CMD="verify_quotes"
	$(PY) manage.py $(CMD)

lint: install  ## ruff lint and format check
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: install  ## Format the code
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

test: migrate static  ## Set up, then makemigrations --check, ruff and the whole pytest suite
	$(PY) manage.py makemigrations --check --dry-run
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/pytest $(PYTEST_ARGS)

check-deploy: install  ## manage.py check --deploy with production-like settings
	DJANGO_DEBUG=0 DJANGO_HTTPS=1 DJANGO_SECRET_KEY=$$($(PY) -c 'import secrets; print(secrets.token_urlsafe(50))') \
		$(PY) manage.py check --deploy --fail-level WARNING

lock:  ## Re-resolve dependencies (needs uv) and export the hashed requirement files
	uv lock
	uv export --frozen --no-dev --no-emit-project -o requirements/base.txt
	uv export --frozen --no-emit-project -o requirements/dev.txt

clean: stop  ## Remove the virtualenv and the local database
	rm -rf $(VENV) $(DATA) staticfiles
