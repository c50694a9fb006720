# News Digest: raw news dumps -> Markdown posts -> a Pelican site in output/.
# `make help` lists the targets. Command-line variables:
#   DUMPS=<dir>    folder of raw dumps (default: content/dumps)
#   POSTS=<dir>    where `make ingest` writes posts (default: content/posts)
#   TAXONOMY=<file> topics and assets to tag with (default: content/taxonomy.toml when there is one, else
#                  the plugin's own; `make taxonomy` copies the plugin's there to edit)
#   SITEURL=<url>  absolute address of the published site (default: empty, relative links)
#   STRICT=1       fail the build when any dump fails to ingest
#   JOBS=<n>       processes the ingest runs in (default: every core)
#   ALLOW_SHRINK=1 build even when the dumps make no story, or fewer than half of the last build's
#   CONTENT=full   whole stories on pages and in feeds (default: excerpt, the opening words and a link)
#   PORT=<n>       port for serve/devserver (default 8000); SERVER=<address> to bind (default 127.0.0.1)
#   make publish: GITHUB_PAGES_REMOTE (origin; a remote's name, a URL or a repository's path),
#                 GITHUB_PAGES_BRANCH (gh-pages), CNAME=<domain>, MESSAGE=<commit message>,
#                 DRY_RUN=1 (every check, push nothing), ALLOW_INGEST_ERRORS=1

PY ?= python3
VENV := .venv
BIN := $(CURDIR)/$(VENV)/bin
PELICAN := $(BIN)/pelican
INPUTDIR := $(CURDIR)/content
OUTPUTDIR := $(CURDIR)/output
CONFFILE := $(CURDIR)/pelican.conf.py

DUMPS ?= content/dumps
POSTS ?= content/posts
TAXONOMY ?= $(wildcard content/taxonomy.toml)
SITEURL ?=
STRICT ?= 0
JOBS ?= 0
ALLOW_SHRINK ?= 0
CONTENT ?= excerpt
PORT ?= 8000
SERVER ?= 127.0.0.1
PELICANOPTS ?=
GITHUB_PAGES_REMOTE ?= origin
GITHUB_PAGES_BRANCH ?= gh-pages
CNAME ?=
MESSAGE ?=
DRY_RUN ?= 0
ALLOW_INGEST_ERRORS ?= 0
TEST_JOBS ?= auto

# pelican.conf.py reads these from the environment.
export DUMPS SITEURL STRICT TAXONOMY CNAME JOBS ALLOW_SHRINK CONTENT

.PHONY: help html ingest taxonomy test bench train clean regenerate serve devserver publish check lock share-image

help:
	@echo 'make html      set up .venv (first run) and build the site into output/ [DUMPS= SITEURL= STRICT=1 ALLOW_SHRINK=1 CONTENT=full]'
	@echo 'make test      run every test [TEST_JOBS=auto: processes, 0 for one]'
	@echo 'make taxonomy  copy the plugin'"'"'s topics and assets to content/taxonomy.toml, to edit (builds then use it)'
	@echo 'make ingest    convert DUMPS=<dir> into Markdown posts in POSTS=<dir>, with ingest-report.json'
	@echo 'make bench     time the pipeline stages on a synthetic corpus [BENCH_N=1000,10000]'
	@echo 'make train     retrain the line and headline models from labelled page copies [TRAIN_SETS= HEADLINE_SETS=]'
	@echo 'make serve     serve output/ at http://$(SERVER):$(PORT)'
	@echo 'make devserver rebuild on every change to dumps, pages, theme or settings, and serve'
	@echo 'make regenerate  rebuild on every change, without serving'
	@echo 'make publish   build for SITEURL=https://..., check it, push it to GitHub Pages [DRY_RUN=1 CNAME= GITHUB_PAGES_REMOTE= GITHUB_PAGES_BRANCH= MESSAGE=]'
	@echo 'make check     check output/ as make publish would, push nothing (needs SITEURL=)'
	@echo 'make clean     remove output/, the generated posts and cache/'
	@echo 'make lock      re-resolve pyproject.toml'"'"'s dependencies (and its dev extra) into the pinned requirements.txt (and requirements-dev.txt)'
	@echo 'make share-image  draw theme/static/share.png (link previews) from theme/share-image/card.html in Chromium'

# The virtual environment, reinstalled whenever the pins change: what a build needs (requirements.txt), and
# for the tests, the benchmark and the share image their tools too (requirements-dev.txt: pytest,
# Hypothesis, Playwright...), so that `make html` (and the hourly Pages workflow) installs no test tool.
$(VENV)/.installed: requirements.txt
	$(PY) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

$(VENV)/.installed-dev: $(VENV)/.installed requirements-dev.txt
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	touch $@

html: $(VENV)/.installed
	$(PELICAN) "$(INPUTDIR)" -o "$(OUTPUTDIR)" -s "$(CONFFILE)" $(PELICANOPTS)

ingest: $(VENV)/.installed
	PYTHONPATH=$(CURDIR)/plugins $(BIN)/python -m digest "$(DUMPS)" "$(abspath $(POSTS))" \
		$(if $(TAXONOMY),--taxonomy "$(TAXONOMY)") --cache "$(CURDIR)/cache/digest" $(if $(filter 1,$(STRICT)),--strict) \
		$(if $(filter-out 0,$(JOBS)),--jobs $(JOBS)) $(if $(filter 1,$(ALLOW_SHRINK)),--allow-shrink)

# The topics and assets to edit: the plugin's own, copied where a build looks first. Never over your edits.
taxonomy:
	@if [ -e content/taxonomy.toml ]; then echo "content/taxonomy.toml is there already: edit it"; \
	else cp plugins/digest/ingest/tagging/taxonomy.toml content/taxonomy.toml && echo "wrote content/taxonomy.toml: edit it"; fi

# axe-core for the browser tests and the Nu Html Checker (vnu.jar) for the markup tests, pinned by
# tests/browser/package-lock.json; skipped without npm (those tests then skip too, unless
# DIGEST_BROWSER_TESTS=required, as in .ci/run). No install scripts: vnu-jar's would download a Java
# runtime when the machine has none; the test runs the system's `java` or skips.
AXE := tests/browser/node_modules/axe-core/axe.min.js
$(AXE): tests/browser/package-lock.json
	npm ci --prefix tests/browser --no-audit --no-fund --loglevel=error --ignore-scripts
	touch $@

# The tests run in TEST_JOBS processes (pytest-xdist), one test file per process at a time: a file's tests share
# their module fixtures, and most of a test's time is one process (a build, a browser) waiting on another.
test: $(VENV)/.installed-dev $(if $(shell command -v npm),$(AXE))
	$(BIN)/python -m pytest -q tests -n $(TEST_JOBS) --dist loadfile

bench: $(VENV)/.installed-dev
	$(BIN)/python tests/bench.py

# The line model that reads page copies (plugins/digest/ingest/lines/), then the headline model that reads
# their candidate headlines with it: each cross-validated by site, then written. The default sets are the
# shipped models' (plugins/digest/ingest/lines/PROVENANCE.md); they need ../shared, and the fundus set is
# fetched from GitHub and copied by Chromium into cache/train/fundus the first time.
TRAIN_SETS ?= bodies snippets fundus
HEADLINE_SETS ?= bodies fundus
train: $(VENV)/.installed-dev $(if $(filter fundus,$(TRAIN_SETS) $(HEADLINE_SETS)),cache/train/fundus/truth.json)
	PYTHONPATH=$(CURDIR)/plugins $(BIN)/python -m digest.ingest.lines.train $(TRAIN_SETS) --folds 5 \
		--out plugins/digest/ingest/lines/line-model.json
	PYTHONPATH=$(CURDIR)/plugins $(BIN)/python -m digest.ingest.lines.train_headline $(HEADLINE_SETS) --folds 5 \
		--out plugins/digest/ingest/lines/headline-model.json

cache/train/fundus/truth.json: | $(VENV)/.installed-dev
	PYTHONPATH=$(CURDIR)/plugins $(BIN)/python -m digest.ingest.lines.fundus cache/train/fundus

regenerate: $(VENV)/.installed
	$(PELICAN) -r "$(INPUTDIR)" -o "$(OUTPUTDIR)" -s "$(CONFFILE)" $(PELICANOPTS)

# digest/site/serve.py binds the port before anything else starts: a taken port fails at once, in one line
# (`pelican --listen` logs it and exits 0). devserver serves while `pelican -r` rebuilds beside it.
SERVE = PYTHONPATH=$(CURDIR)/plugins $(BIN)/python -m digest.site.serve "$(OUTPUTDIR)" --bind "$(SERVER)" --port "$(PORT)"

serve: $(VENV)/.installed
	$(SERVE)

devserver: $(VENV)/.installed
	$(SERVE) -- $(PELICAN) -r "$(INPUTDIR)" -o "$(OUTPUTDIR)" -s "$(CONFFILE)" $(PELICANOPTS)

# digest/publish/push.py: check output/ for SITEURL and the remote, then push it (or, with --dry-run, say
# what it would push). digest/publish/remote.py checks the remote alone: a name, a URL or a path, as git takes.
NEED_SITEURL = @case "$(SITEURL)" in http://?*|https://?*) ;; *) echo 'make $@ needs SITEURL=https://... (the address the site is served from, e.g. https://user.github.io/repo)' >&2; exit 2;; esac
NEED_REMOTE = @PYTHONPATH=$(CURDIR)/plugins $(BIN)/python -m digest.publish.remote "$(GITHUB_PAGES_REMOTE)"
PUBLISH = PYTHONPATH=$(CURDIR)/plugins $(BIN)/python -m digest.publish "$(OUTPUTDIR)" --settings "$(CONFFILE)" \
	--remote "$(GITHUB_PAGES_REMOTE)" --branch "$(GITHUB_PAGES_BRANCH)" --message "$(MESSAGE)" \
	$(if $(filter 1,$(ALLOW_INGEST_ERRORS)),--allow-ingest-errors)

# Build from scratch for the public address, check the result, push it. The remote is checked before
# the build too, so a wrong one fails in seconds (and a dry run fails where the real run would).
publish: $(VENV)/.installed
	$(NEED_SITEURL)
	$(NEED_REMOTE)
	rm -rf "$(OUTPUTDIR)"
	$(PELICAN) "$(INPUTDIR)" -o "$(OUTPUTDIR)" -s "$(CONFFILE)" $(PELICANOPTS)
	$(PUBLISH) $(if $(filter 1,$(DRY_RUN)),--dry-run)

# Check an existing build (`make html SITEURL=...`) as `make publish` would, and push nothing.
check: $(VENV)/.installed
	$(NEED_SITEURL)
	$(PUBLISH) --site-only

# The theme's share image, drawn from its HTML in Chromium; the PNG is committed (builds need no browser).
share-image: $(VENV)/.installed-dev
	$(BIN)/python theme/share-image/make.py

clean:
	rm -rf "$(OUTPUTDIR)" content/posts cache __pycache__ .pytest_cache

# requirements.txt pins what pyproject.toml's dependencies need; requirements-dev.txt what its dev extra adds.
lock:
	rm -rf .lock-venv && $(PY) -m venv .lock-venv
	.lock-venv/bin/pip install --quiet --disable-pip-version-check .
	{ echo '# Every package a build needs, pinned: generated from pyproject.toml'"'"'s dependencies by `make lock`. Do not edit by hand.'; \
	  .lock-venv/bin/pip freeze --exclude news-digest; } > requirements.txt
	.lock-venv/bin/pip install --quiet --disable-pip-version-check ".[dev]"
	{ echo '# What the tests and benchmarks add, pinned: generated from pyproject.toml'"'"'s dev extra by `make lock`. Do not edit by hand.'; \
	  echo '-r requirements.txt'; .lock-venv/bin/pip freeze --exclude news-digest | grep -vxFf requirements.txt; } > requirements-dev.txt
	rm -rf .lock-venv build plugins/*.egg-info
