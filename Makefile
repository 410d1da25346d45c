# Two entry points for a fresh machine: `make demo` and `make test`.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin

.PHONY: demo test install install-dev deps-system unit integration bench eval clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip

install: $(BIN)/python
	$(BIN)/pip install -q -e '.[embedded]'

install-dev: $(BIN)/python deps-system
	$(BIN)/pip install -q -e '.[dev,embedded]'

# Prometheus' server and promtool, from Debian's package: the deploy tests run
# promtool and a real server (tests/unit/test_deploy.py,
# tests/integration/test_prometheus.py). The tests start their own server on a
# free port, so the service the package starts on systemd hosts is switched off
# again, and recommends (node exporter, another daemon) are not installed.
SUDO := $(shell if [ "$$(id -u)" -ne 0 ] && command -v sudo >/dev/null 2>&1; then echo sudo; fi)

deps-system:
	@if command -v prometheus >/dev/null && command -v promtool >/dev/null; then :; \
	elif command -v apt-get >/dev/null; then \
		echo "installing Debian's prometheus package (prometheus + promtool)"; \
		$(SUDO) apt-get update -qq && \
		$(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends prometheus && \
		if [ -d /run/systemd/system ]; then $(SUDO) systemctl disable --now prometheus.service >/dev/null 2>&1 || true; fi; \
	else \
		echo "prometheus and promtool must be on PATH: install Prometheus 2.x from https://prometheus.io/download/" >&2; \
		exit 1; \
	fi

demo: install
	$(BIN)/streams demo

test: install-dev deps-system
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
