# Two commands for a fresh machine:
#   make book   install everything, build the book, print where to open it
#   make test   install everything the tests need, then run every test
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PIP := PIP_DISABLE_PIP_VERSION_CHECK=1 $(BIN)/python -m pip
# What building and running the notebooks needs (Binder installs the same file) ...
STAMP := $(VENV)/.installed
# ... and that plus the test tools.
TEST_STAMP := $(VENV)/.installed-test
# Extra jupyter-book flags, e.g. JB_FLAGS="-W -n --keep-going" for a strict build.
JB_FLAGS ?=
# pytest-xdist workers: independent test groups run side by side on a 2-core machine.
TEST_WORKERS ?= 2
PYTEST_PARALLEL := -n $(TEST_WORKERS) --dist loadgroup

.PHONY: book test install install-test browser-deps notebooks lint bench clean lock

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

# The locks pin every package, so pip installs them without resolving (--no-deps);
# `pip check` then proves that the lock is complete.
$(STAMP): requirements.txt pyproject.toml | $(BIN)/python
	$(PIP) install --quiet --no-deps -r requirements.txt
	$(PIP) check
	touch $(STAMP)

$(TEST_STAMP): $(STAMP) requirements-test.txt
	$(PIP) install --quiet --no-deps -r requirements-test.txt
	$(PIP) check
	touch $(TEST_STAMP)

install: $(STAMP)

install-test: $(TEST_STAMP)

book: $(STAMP)
	$(BIN)/jupyter-book build . --all $(JB_FLAGS)
	@echo
	@echo "Open the book: file://$(CURDIR)/_build/html/index.html"
	@echo "or serve it:   $(BIN)/python -m http.server -d _build/html 8000  (then http://127.0.0.1:8000)"

# Debian's chromium drives the browser tests; nothing downloads a browser.
browser-deps:
	@command -v chromium >/dev/null 2>&1 || { \
	  echo "Installing Debian chromium for the browser tests"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; }

test: $(TEST_STAMP) browser-deps
	$(BIN)/ruff check widgets tests benchmarks book/_ext
	$(BIN)/python -m pytest $(PYTEST_PARALLEL)

# Re-run every notebook in place (as the static build does) before committing it; the
# runner keeps only the outputs nbval compares, so an unchanged notebook stays unchanged.
notebooks: $(STAMP)
	$(BIN)/python -m widgets.common.execute book

lint: $(TEST_STAMP)
	$(BIN)/ruff format widgets tests benchmarks book/_ext
	$(BIN)/ruff check --fix widgets tests benchmarks book/_ext

bench: $(TEST_STAMP) browser-deps
	$(BIN)/python benchmarks/run.py

# Regenerate the locks from the ranges in pyproject.toml. The existing pins are kept
# where they still satisfy the ranges; `make lock UPGRADE=--upgrade` moves every package
# to the newest allowed version. Then run `make test`.
LOCK := $(BIN)/uv pip compile - --python-version 3.11.7 --annotation-style line \
	--custom-compile-command "make lock" --quiet $(UPGRADE)
lock: $(TEST_STAMP)
	echo "-e ." | $(LOCK) -o requirements.txt
	grep -v '^-e ' requirements.txt > $(VENV)/runtime-pins.txt
	echo "-e .[test]" | $(LOCK) -c $(VENV)/runtime-pins.txt -o requirements-test.txt
	sed -i -E "s@, -c [^ ,]*runtime-pins.txt@@; s@-c [^ ,]*runtime-pins.txt, @@; s@ +# via -c [^ ]*runtime-pins.txt$$@@" requirements-test.txt

clean:
	rm -rf _build .pytest_cache
