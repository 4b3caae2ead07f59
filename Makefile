# Two commands for a fresh machine:
#   make book   install everything, build the book, print where to open it
#   make test   install everything the tests need, lint, then run every test
#   make fast   unit tests and notebook checks only (no browser, build or Binder run)
#   make lint   check code and notebooks without changing them; make format fixes them
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: book instructor pdf pdf-deps test fast install browser-deps notebooks lint format bench clean

$(STAMP): requirements.txt pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -r requirements.txt
	touch $(STAMP)

install: $(STAMP)

# The student edition (the public site) is built from a copy of the sources without the
# instructor-only blocks; the instructor edition from the sources as they are.
STUDENT_SRC := _build/student-src
INSTRUCTOR_OUT := _build/instructor
# Both editions share one execution cache: a notebook runs once for both.
NB_CACHE := $(CURDIR)/$(INSTRUCTOR_OUT)/_build/.jupyter_cache

book: $(STAMP)
	$(BIN)/python -m widgets.common.editions student $(STUDENT_SRC) --cache $(NB_CACHE)
	rm -rf _build/html  # no page of an earlier build may survive into the public site
	$(BIN)/jupyter-book build $(STUDENT_SRC) --all --path-output .
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
	$(BIN)/python -m pytest

# Every test that needs neither a browser, nor the built book, nor a fresh environment:
# the unit tests and nbval on every notebook (two workers, one notebook each, if
# pytest-xdist is installed).
FAST_JOBS = $(shell $(BIN)/python -c "import xdist" 2>/dev/null && echo "-n 2 --dist loadfile")
fast: $(STAMP)
	$(BIN)/python -m pytest -q -m "not browser and not build and not binder" $(FAST_JOBS)

# Re-run every notebook in place (as the static build does) before committing it.
notebooks: $(STAMP)
	$(BIN)/python -m widgets.common.execute book

# Python and notebooks (ruff reads .ipynb): lint checks only, format fixes.
LINT_PATHS = widgets tests benchmarks book
lint: $(STAMP)
	$(BIN)/ruff check $(LINT_PATHS)
	$(BIN)/ruff format --check $(LINT_PATHS)
	$(BIN)/python -m widgets.common.notebook_tags --check book

format: $(STAMP)
	$(BIN)/ruff format $(LINT_PATHS)
	$(BIN)/ruff check --fix $(LINT_PATHS)
	$(BIN)/python -m widgets.common.notebook_tags book

bench: $(STAMP)
	$(BIN)/python benchmarks/run.py

clean:
	rm -rf _build .pytest_cache
