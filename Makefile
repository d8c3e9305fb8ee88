# The two commands of the README. Both set everything up first (scripts/setup.sh).
.PHONY: run test quick lint bench setup translations

setup:
	@bash scripts/setup.sh

run: setup
	.venv/bin/annotator $(ARGS)

test: setup
	.venv/bin/ruff check annotator tests
	.venv/bin/mypy
	.venv/bin/lint-imports --no-cache
	ANNOTATOR_TEST_PG="$${ANNOTATOR_TEST_PG-$$(bash scripts/postgres.sh)}" \
		QT_QPA_PLATFORM=offscreen .venv/bin/python -m pytest $(ARGS)

# The development loop: the tests not marked slow (hostile input, kill, soak, X server), on SQLite
# unless ANNOTATOR_TEST_PG names a server, the property tests with a handful of examples each
# (hypothesis profile quick). make test runs everything on both backends with the full counts.
quick: setup
	.venv/bin/ruff check annotator tests
	ANNOTATOR_TEST_PG="$${ANNOTATOR_TEST_PG-}" HYPOTHESIS_PROFILE="$${HYPOTHESIS_PROFILE-quick}" \
		QT_QPA_PLATFORM=offscreen .venv/bin/python -m pytest -m "not slow" -q $(ARGS)

bench: setup
	QT_QPA_PLATFORM=offscreen .venv/bin/python tests/benchmarks/run.py $(ARGS)

# The interface translations: lupdate the .ts files from the sources, list what lacks a translation,
# lrelease the .qm files the window loads (resources/i18n/README.md).
translations: setup
	.venv/bin/python scripts/translations.py
