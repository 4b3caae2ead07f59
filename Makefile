# Two commands for a fresh machine:
#   make book   install everything, build the book, print where to open it
#   make test   install everything the tests need, then run every test
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: book test install browser-deps notebooks lint bench clean

$(STAMP): requirements.txt pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -r requirements.txt
	touch $(STAMP)

install: $(STAMP)

book: $(STAMP)
	$(BIN)/jupyter-book build . --all
	@echo
	@echo "Open the book: file://$(CURDIR)/_build/html/index.html"
	@echo "or serve it:   $(BIN)/python -m http.server -d _build/html 8000  (then http://127.0.0.1:8000)"

# Debian's chromium drives the browser tests; nothing downloads a browser.
browser-deps:
	@command -v chromium >/dev/null 2>&1 || { \
	  echo "Installing Debian chromium for the browser tests"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; }

test: $(STAMP) browser-deps
	$(BIN)/ruff check widgets tests benchmarks book/_ext
	$(BIN)/python -m pytest

# Re-run every notebook in place (as the static build does) before committing it.
notebooks: $(STAMP)
	$(BIN)/python -m widgets.common.execute book

lint: $(STAMP)
	$(BIN)/ruff format widgets tests benchmarks book/_ext
	$(BIN)/ruff check --fix widgets tests benchmarks book/_ext

bench: $(STAMP)
	$(BIN)/python benchmarks/run.py

clean:
	rm -rf _build .pytest_cache
