#!/usr/bin/env bash
# A PostgreSQL server for the test suite, from Debian's packages, on 127.0.0.1.
# Prints the URL the tests use (ANNOTATOR_TEST_PG), or nothing when it cannot set one up
# (not root and no server reachable): the PostgreSQL tests then say they were skipped and why.
set -euo pipefail
USER_NAME=annotator
URL="postgresql+psycopg://${USER_NAME}:${USER_NAME}@127.0.0.1:5432/postgres"

if [ "$(id -u)" != 0 ]; then
    if command -v pg_isready >/dev/null && pg_isready -q -h 127.0.0.1 -p 5432; then echo "$URL"; fi
    exit 0
fi
if ! command -v pg_ctlcluster >/dev/null; then
    echo "installing PostgreSQL (Debian's postgresql package) for the test suite ..." >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql >&2 \
        || { apt-get update -q >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql >&2; }
fi
VERSION=$(ls /usr/lib/postgresql | sort -V | tail -1)
pg_lsclusters -h | grep -q "^${VERSION} main" || pg_createcluster "$VERSION" main >&2
pg_ctlcluster "$VERSION" main status >/dev/null 2>&1 || pg_ctlcluster "$VERSION" main start >&2
for _ in $(seq 1 50); do pg_isready -q -h 127.0.0.1 -p 5432 && break; sleep 0.2; done
as_postgres() { runuser -u postgres -- psql -q -X -v ON_ERROR_STOP=1 "$@"; }
if [ "$(as_postgres -tAc "SELECT 1 FROM pg_roles WHERE rolname = '${USER_NAME}'")" != 1 ]; then
    as_postgres -c "CREATE ROLE ${USER_NAME} LOGIN CREATEDB CREATEROLE PASSWORD '${USER_NAME}'" >&2
fi
# The team tests make logins of their own (annotator team add), as a project's owner does.
as_postgres -c "ALTER ROLE ${USER_NAME} CREATEROLE" >&2
# Test databases are dropped WITH (FORCE); an autovacuum worker inside one must not stop that.
as_postgres -c "SET client_min_messages = warning" -c "GRANT pg_signal_backend TO ${USER_NAME}" >&2
echo "$URL"
