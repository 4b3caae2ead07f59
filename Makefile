# Two commands for a fresh machine:
#   make book   install everything, build the book, print where to open it
#   make test   install everything the tests need, lint, then run every test
#   make fast   unit tests and notebook checks only (no browser, build or Binder run)
#   make lint   check code and notebooks without changing them; make format fixes them
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
# tests/conftest.py shares the tests out and builds the book once for both workers.
PYTEST_PARALLEL := -n $(TEST_WORKERS)

.PHONY: book instructor pdf pdf-deps test fast install install-test browser-deps notebooks lint format bench clean lock

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

# The student edition (the public site) is built from a copy of the sources without the
# instructor-only blocks; the instructor edition from the sources as they are.
STUDENT_SRC := _build/student-src
INSTRUCTOR_OUT := _build/instructor
# Both editions share one execution cache: a notebook runs once for both.
NB_CACHE := $(CURDIR)/$(INSTRUCTOR_OUT)/_build/.jupyter_cache

book: $(STAMP)
	$(BIN)/python -m widgets.common.editions student $(STUDENT_SRC) --cache $(NB_CACHE)
	rm -rf _build/html  # no page of an earlier build may survive into the public site
	$(BIN)/jupyter-book build $(STUDENT_SRC) --all --path-output . $(JB_FLAGS)
	@echo
	@echo "Open the book: file://$(CURDIR)/_build/html/index.html"
	@echo "or serve it:   $(BIN)/python -m http.server -d _build/html 8000  (then http://127.0.0.1:8000)"

# Debian's chromium drives the browser tests; nothing downloads a browser.
browser-deps:
	@command -v chromium >/dev/null 2>&1 || { \
	  echo "Installing Debian chromium for the browser tests"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; }

instructor: $(STAMP)
	$(BIN)/jupyter-book build . --all --path-output $(INSTRUCTOR_OUT)
	@echo
	@echo "Instructor edition (do not publish): file://$(CURDIR)/$(INSTRUCTOR_OUT)/_build/html/index.html"

# Printing: Debian chromium prints HTML to PDF; poppler's pdftotext lets the tests read them.
pdf-deps: browser-deps
	@command -v pdftotext >/dev/null 2>&1 || { \
	  echo "Installing poppler-utils (pdftotext) for the PDF tests"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq poppler-utils >/dev/null; }

# The student edition as one PDF and the instructor's handout pack (one PDF per delegation,
# name cards, framework, debrief, results and rubric sheets, pre-filled scenario files).
pdf: $(STAMP) pdf-deps
	$(BIN)/python -m widgets.common.editions student $(STUDENT_SRC) --cache $(NB_CACHE)
	rm -rf _build/html
	$(BIN)/jupyter-book build $(STUDENT_SRC) --path-output .
	$(BIN)/python -m widgets.seminar.handouts --book _build/html $(STUDENT_SRC)/_toc.yml _build/pdf/book-student-edition.pdf
	$(BIN)/jupyter-book build . --path-output $(INSTRUCTOR_OUT)
	$(BIN)/python -m widgets.seminar.handouts $(INSTRUCTOR_OUT)/_build/html _build/handouts
	@echo
	@echo "Book: $(CURDIR)/_build/pdf/book-student-edition.pdf"
	@echo "Handouts (confidential): $(CURDIR)/_build/handouts/pdf/"

test: lint pdf-deps
	$(BIN)/python -m pytest $(PYTEST_PARALLEL)

# Every test that needs neither a browser, nor the built book, nor a fresh environment:
# the unit tests and nbval on every notebook (two workers, one notebook each, if
# pytest-xdist is installed).
fast: $(TEST_STAMP)
	$(BIN)/python -m pytest -q -m "not browser and not build and not binder" $(PYTEST_PARALLEL)

# Re-run every notebook in place (as the static build does) before committing it; the
# runner keeps only the outputs nbval compares, so an unchanged notebook stays unchanged.
notebooks: $(STAMP)
	$(BIN)/python -m widgets.common.execute book

# Python and notebooks (ruff reads .ipynb): lint checks only, format fixes.
LINT_PATHS = widgets tests benchmarks book
lint: $(TEST_STAMP)
	$(BIN)/ruff check $(LINT_PATHS)
	$(BIN)/ruff format --check $(LINT_PATHS)
	$(BIN)/python -m widgets.common.notebook_tags --check book

format: $(TEST_STAMP)
	$(BIN)/ruff format $(LINT_PATHS)
	$(BIN)/ruff check --fix $(LINT_PATHS)
	$(BIN)/python -m widgets.common.notebook_tags book

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
	sed -i -E 's@, -c [^ ,]*runtime-pins.txt@@; s@-c [^ ,]*runtime-pins.txt, @@; s@ +# via -c [^ ]*runtime-pins.txt$$@@' requirements-test.txt

clean:
	rm -rf _build .pytest_cache
