# Two commands: `make demo` and `make test`. Each sets up .venv on first use.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp

.PHONY: setup demo test lint typecheck bench clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev,all]'
	touch $(STAMP)

setup: $(STAMP)

# The main job on a bundled real plan: evaluate the Taizhou 2018-2020 plan against its (illustrative)
# reports. `eduplan check` exits 1 when results fail (here they do, by design of the example data).
DEMO := examples/taizhou-2018-2020
demo: setup
	$(BIN)/eduplan validate $(DEMO)/plan.yaml
	$(BIN)/eduplan check $(DEMO)/plan.yaml --reports $(DEMO)/reports.csv --as-of 2020-06-30 || test $$? -eq 1

test: setup
	$(BIN)/python -m pytest
	$(BIN)/python -m ruff check .
	$(BIN)/python -m mypy --strict src

bench: setup
	$(BIN)/python benchmarks/evaluate_bench.py

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache .hypothesis
