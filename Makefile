# Three commands: `make demo`, `make test` and `make docs`. Each sets up .venv on first use.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
MKDOCS := NO_MKDOCS_2_WARNING=1 $(BIN)/mkdocs

.PHONY: setup demo test docs docs-serve lint typecheck bench clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev,all,docs]'
	touch $(STAMP)

setup: $(STAMP)

# The main job on a bundled real plan: evaluate the Taizhou 2018-2020 plan against its (illustrative)
# reports. `eduplan check` exits 1 when results fail (here they do, by design of the example data).
DEMO := examples/taizhou-2018-2020
# Then a real plan against its real reports: the national 十三五 targets and the official 2016-2020 values
# (examples/national-13th-fyp); nothing fails there, so these checks must exit 0.
NATIONAL := examples/national-13th-fyp
demo: setup
	$(BIN)/eduplan validate $(DEMO)/plan.yaml
	$(BIN)/eduplan check $(DEMO)/plan.yaml --reports $(DEMO)/reports.csv --as-of 2020-06-30 || test $$? -eq 1
	$(BIN)/eduplan validate $(NATIONAL)/plan.yaml
	$(BIN)/eduplan check $(NATIONAL)/plan.yaml --reports $(NATIONAL)/reports.csv --as-of 2016-12-31
	$(BIN)/eduplan check $(NATIONAL)/plan.yaml --reports $(NATIONAL)/reports.csv --as-of 2020-12-31

# The suite runs on every core (pytest-xdist, -n auto): about half the wall time on 2 cores. For one
# area while working: .venv/bin/python -m pytest tests/<area> (one process, as pyproject's addopts say).
test: setup
	$(BIN)/python -m pytest -n auto
	$(BIN)/python -m ruff check .
	$(BIN)/python -m mypy --strict src
	$(MKDOCS) build --strict --quiet

# The documentation site, built into site/ with warnings as errors (a broken link or reference fails).
docs: setup
	$(MKDOCS) build --strict
	@echo "open site/index.html"

docs-serve: setup
	$(MKDOCS) serve

bench: setup
	$(BIN)/python benchmarks/evaluate_bench.py

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache .hypothesis site
