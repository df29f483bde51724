# The README's two commands: `make run` and `make test`.
# Both check the system packages first, then build .venv as needed.

VENV        ?= .venv
VPY         := $(VENV)/bin/python
# First interpreter in >= 3.11, < 3.14 (qasync has no 3.14 release yet).
PYTHON      ?= $(shell for p in python3.13 python3.12 python3.11 python3; do \
                 command -v $$p >/dev/null 2>&1 && $$p -c 'import sys; sys.exit(not ((3,11) <= sys.version_info[:2] < (3,14)))' 2>/dev/null \
                 && { echo $$p; break; }; done)
PYTEST_ARGS ?=

.PHONY: run desktop-entry test lint bench forms bundle check-system clean help

help:
	@echo "make run    install into $(VENV) and start the app"
	@echo "make desktop-entry  add the app to your applications menu (Linux)"
	@echo "make test   install with test extras and run the whole suite offscreen"
	@echo "make bench  print the benchmark table"
	@echo "make forms  recompile ui/*.ui into lbp_desktop/views/forms/"
	@echo "make bundle build the one-folder app dist/lbp-desktop/ (PyInstaller) and smoke-test it"

check-python:
	@test -n "$(PYTHON)" || { echo "Python 3.11, 3.12 or 3.13 is needed (python3 --version)."; exit 1; }

$(VENV)/.app-installed: pyproject.toml | check-python
	@PYTHON=$(PYTHON) bash tools/ensure_system_deps.sh run
	@test -x $(VPY) || $(PYTHON) -m venv $(VENV)
	@$(VPY) -m pip install -q --upgrade pip
	$(VPY) -m pip install -q -e .
	@touch $@

$(VENV)/.test-installed: pyproject.toml | check-python
	@PYTHON=$(PYTHON) bash tools/ensure_system_deps.sh test
	@test -x $(VPY) || $(PYTHON) -m venv $(VENV)
	@$(VPY) -m pip install -q --upgrade pip
	$(VPY) -m pip install -q -e ".[test]"
	@touch $@ $(VENV)/.app-installed

# On a Linux terminal, one line offers the menu entry until it is there
# (never a question: a make run from a script must just run).
run: $(VENV)/.app-installed
	@if [ -t 0 ] && [ "$$(uname -s)" = Linux ] && \
	  [ ! -e "$${XDG_DATA_HOME:-$$HOME/.local/share}/applications/lbp-desktop.desktop" ]; then \
	  echo "Tip: run 'make desktop-entry' to add Back Care Companion to your applications menu."; \
	fi
	$(VENV)/bin/lbp-desktop

desktop-entry: $(VENV)/.app-installed
	$(VENV)/bin/lbp-desktop-cli install-desktop-entry

test: $(VENV)/.test-installed
	$(VENV)/bin/ruff check .
	QT_QPA_PLATFORM=offscreen $(VENV)/bin/pytest $(PYTEST_ARGS)

lint: $(VENV)/.test-installed
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

bench: $(VENV)/.test-installed
	QT_QPA_PLATFORM=offscreen $(VPY) benchmarks/run.py

forms: $(VENV)/.test-installed
	$(VPY) tools/compile_forms.py

$(VENV)/.bundle-installed: pyproject.toml $(VENV)/.app-installed
	$(VPY) -m pip install -q -e ".[bundle]"
	@touch $@

# One folder holding Python, Qt and the app (packaging/README.md), then a quick
# start of it offscreen in a throwaway data folder, so a broken bundle fails here.
bundle: $(VENV)/.bundle-installed
	$(VPY) -m PyInstaller --noconfirm --log-level WARN --distpath dist \
	  --workpath build/pyinstaller packaging/pyinstaller/lbp-desktop.spec
	@tmp=$$(mktemp -d) && QT_QPA_PLATFORM=offscreen dist/lbp-desktop/lbp-desktop \
	  --smoke-test --data-dir "$$tmp/data"; rc=$$?; rm -rf "$$tmp"; exit $$rc
	@du -sh dist/lbp-desktop

clean:
	rm -rf $(VENV) build dist .pytest_cache .ruff_cache
