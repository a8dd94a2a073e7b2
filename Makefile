# tinhgon — `make run` and `make test` are all a newcomer needs.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp
EXAMPLE := examples/kontum-ez-board.yaml

.PHONY: venv run demo messages test lint bench clean

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[dev,data,bench]'
	@touch $(STAMP)

venv: $(STAMP)

# The web application at http://127.0.0.1:8000 (first start: the example and an administrator).
run: venv
	$(BIN)/tinhgon serve --host 127.0.0.1 --port 8000

# The example on the command line, without the web application.
demo: venv
	$(BIN)/tinhgon validate $(EXAMPLE)
	$(BIN)/tinhgon show $(EXAMPLE) --on 2018-01-01
	$(BIN)/tinhgon compare $(EXAMPLE) --before 2018-01-01 --after 2019-12-31
	$(BIN)/tinhgon check $(EXAMPLE) --on 2019-12-31

# Refresh the English catalogue of the web pages after changing their texts.
messages: venv
	cd src/tinhgon/web && ../../../$(BIN)/tinhgon manage makemessages -l en --no-obsolete
	$(BIN)/python -c "import polib; p = 'src/tinhgon/web/locale/en/LC_MESSAGES/django.po'; polib.pofile(p).save_as_mofile(p[:-2] + 'mo')"

lint: venv
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(BIN)/lint-imports

test: lint
	$(BIN)/pytest

bench: venv
	$(BIN)/python bench/run.py

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache .hypothesis build src/*.egg-info
