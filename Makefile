# News Digest: raw news dumps -> Markdown posts -> a Pelican site in output/.
# `make help` lists the targets. Command-line variables:
#   DUMPS=<dir>    folder of raw dumps (default: content/dumps)
#   POSTS=<dir>    where `make ingest` writes posts (default: content/posts)
#   TAXONOMY=<file> topics and assets to tag with (default: content/taxonomy.toml)
#   SITEURL=<url>  absolute address of the published site (default: empty, relative links)
#   STRICT=1       fail the build when any dump fails to ingest
#   PORT=<n>       port for serve/devserver (default 8000)

PY ?= python3
VENV := .venv
BIN := $(CURDIR)/$(VENV)/bin
PELICAN := $(BIN)/pelican
INPUTDIR := $(CURDIR)/content
OUTPUTDIR := $(CURDIR)/output
CONFFILE := $(CURDIR)/pelican.conf.py

DUMPS ?= content/dumps
POSTS ?= content/posts
TAXONOMY ?= content/taxonomy.toml
SITEURL ?=
STRICT ?= 0
PORT ?= 8000
SERVER ?= 127.0.0.1
PELICANOPTS ?=

# pelican.conf.py reads these from the environment.
export DUMPS SITEURL STRICT TAXONOMY

.PHONY: help html ingest test bench clean regenerate serve devserver publish lock

help:
	@echo 'make html      set up .venv (first run) and build the site into output/ [DUMPS= SITEURL= STRICT=1]'
	@echo 'make test      run every test'
	@echo 'make ingest    convert DUMPS=<dir> into Markdown posts in POSTS=<dir>, with ingest-report.json'
	@echo 'make bench     time the pipeline stages on a synthetic corpus [BENCH_N=10000,100000]'
	@echo 'make serve     serve output/ at http://$(SERVER):$(PORT)'
	@echo 'make devserver rebuild on every change to dumps, pages, theme or settings, and serve'
	@echo 'make regenerate  rebuild on every change, without serving'
	@echo 'make publish   build with publish settings (needs SITEURL=https://...)'
	@echo 'make clean     remove output/ and the generated posts'
	@echo 'make lock      re-resolve requirements.in into the pinned requirements.txt'

# The virtual environment, rebuilt whenever the pinned requirements change.
$(VENV)/.installed: requirements.txt
	$(PY) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

html: $(VENV)/.installed
	$(PELICAN) "$(INPUTDIR)" -o "$(OUTPUTDIR)" -s "$(CONFFILE)" $(PELICANOPTS)

ingest: $(VENV)/.installed
	PYTHONPATH=$(CURDIR)/plugins $(BIN)/python -m digest "$(DUMPS)" "$(abspath $(POSTS))" \
		--taxonomy "$(TAXONOMY)" $(if $(filter 1,$(STRICT)),--strict)

# axe-core for the browser tests, pinned by tests/browser/package-lock.json; skipped without npm (the
# browser tests then skip too, unless DIGEST_BROWSER_TESTS=required, as in .ci/run).
AXE := tests/browser/node_modules/axe-core/axe.min.js
$(AXE): tests/browser/package-lock.json
	npm ci --prefix tests/browser --no-audit --no-fund --loglevel=error
	touch $@

test: $(VENV)/.installed $(if $(shell command -v npm),$(AXE))
	$(BIN)/python -m pytest -q tests

bench: $(VENV)/.installed
	$(BIN)/python tests/bench.py

regenerate: $(VENV)/.installed
	$(PELICAN) -r "$(INPUTDIR)" -o "$(OUTPUTDIR)" -s "$(CONFFILE)" $(PELICANOPTS)

serve: $(VENV)/.installed
	$(PELICAN) -l "$(INPUTDIR)" -o "$(OUTPUTDIR)" -s "$(CONFFILE)" -p $(PORT) -b $(SERVER) $(PELICANOPTS)

devserver: $(VENV)/.installed
	$(PELICAN) -lr "$(INPUTDIR)" -o "$(OUTPUTDIR)" -s "$(CONFFILE)" -p $(PORT) -b $(SERVER) $(PELICANOPTS)

publish: $(VENV)/.installed
	@test -n "$(SITEURL)" || { echo 'make publish needs SITEURL=https://... (the address the site is served from)'; exit 2; }
	$(PELICAN) "$(INPUTDIR)" -o "$(OUTPUTDIR)" -s "$(CONFFILE)" $(PELICANOPTS)

clean:
	rm -rf "$(OUTPUTDIR)" content/posts __pycache__ .pytest_cache

lock:
	rm -rf .lock-venv && $(PY) -m venv .lock-venv
	.lock-venv/bin/pip install --quiet --disable-pip-version-check -r requirements.in
	{ echo '# Every package pinned: generated from requirements.in by `make lock`. Do not edit by hand.'; \
	  .lock-venv/bin/pip freeze; } > requirements.txt
	rm -rf .lock-venv
