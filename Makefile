# The two commands of the README. Both set everything up first (scripts/setup.sh).
.PHONY: run test quick lint bench setup

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

# The development loop: the tests not marked slow (property, kill, soak, X server), on SQLite
# unless ANNOTATOR_TEST_PG names a server. make test runs everything on both backends.
quick: setup
	.venv/bin/ruff check annotator tests
	ANNOTATOR_TEST_PG="$${ANNOTATOR_TEST_PG-}" \
		QT_QPA_PLATFORM=offscreen .venv/bin/python -m pytest -m "not slow" -q $(ARGS)

bench: setup
	QT_QPA_PLATFORM=offscreen .venv/bin/python tests/benchmarks/run.py $(ARGS)
