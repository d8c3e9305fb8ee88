"""An index for the window's sentence search, so that a substring is found without reading every sentence.

SQLite: ``sentence_search``, an FTS5 table over ``sentences.text`` with the trigram tokenizer
(``case_sensitive 0``: Latin and Cyrillic, Kazakh letters included, fold alike). It is an
*external-content* table with ``detail=none``: it keeps which sentences hold each trigram, neither
a second copy of the text nor where in it, so the file grows by as little as such an index can
(about 190 MB for a million sentences, against 400 MB with positions). Three triggers keep it in
step with every write of a sentence's text, whichever code makes it (import, corrections,
retokenizing, the fix of a mixed-script word, a document's deletion by cascade); an import adds
its new sentences later, in the background, instead (``DEFERRED`` below). A SQLite built
without FTS5 gets neither table nor triggers: the search then reads every sentence, as before.

PostgreSQL: a GIN index of ``lower(text)`` with pg_trgm's ``gin_trgm_ops``, which
``lower(text) LIKE '%needle%'`` uses. pg_trgm is a trusted extension (any owner of the database may
create it); where it cannot be created, the revision goes on without the index and the search
scans, as before.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-04 04:20:00
"""

import logging

from alembic import op
from sqlalchemy.exc import DBAPIError

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

LOG = logging.getLogger(__name__)
TABLE = "sentence_search"  # store/sentence_search.py reads it
INDEX = "sentences_text_search"
# After an import (store/sentence_search.py: ``defer``), this row holds the last sentence id
# indexed: the sentences past it wait, and are indexed a block at a time in the background
# (``catch_up_some``), which costs the import nothing; rows past it are not in the index to take out.
DEFERRED = "(SELECT CAST(value AS INTEGER) FROM project_meta WHERE key = 'search:indexed_upto')"
INDEXED = f"old.id <= coalesce({DEFERRED}, old.id)"
TRIGGERS = {
    "sentences_search_insert": (
        # a sentence put back with an id already indexed past (the undo of a merge) is indexed now
        f"AFTER INSERT ON sentences WHEN new.id <= coalesce({DEFERRED}, new.id) BEGIN "
        f"INSERT INTO {TABLE}(rowid, text) VALUES (new.id, new.text); END"
    ),
    "sentences_search_delete": (
        f"AFTER DELETE ON sentences WHEN {INDEXED} BEGIN "
        f"INSERT INTO {TABLE}({TABLE}, rowid, text) VALUES ('delete', old.id, old.text); END"
    ),
    "sentences_search_update": (
        f"AFTER UPDATE OF id, text ON sentences WHEN {INDEXED} BEGIN "
        f"INSERT INTO {TABLE}({TABLE}, rowid, text) VALUES ('delete', old.id, old.text); "
        f"INSERT INTO {TABLE}(rowid, text) VALUES (new.id, new.text); END"
    ),
}


def _has_fts5() -> bool:
    modules = op.get_bind().exec_driver_sql("PRAGMA module_list").scalars().all()
    return "fts5" in modules


def upgrade() -> None:
    """Apply this revision."""
    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        if not _has_fts5():
            LOG.warning("this SQLite has no FTS5: the sentence search will read every sentence")
            return
        op.execute(
            f"CREATE VIRTUAL TABLE {TABLE} USING fts5(text, content='sentences', content_rowid='id', "
            "tokenize='trigram case_sensitive 0', detail=none)"
        )
        for name, body in TRIGGERS.items():
            op.execute(f"CREATE TRIGGER {name} {body}")
        # The sentences already there wait to be indexed, as an import's do: the window indexes them
        # in the background a block at a time (a million sentences take a minute), not the upgrade.
        op.execute(
            "INSERT OR REPLACE INTO project_meta (key, value) SELECT 'search:indexed_upto', '0' "
            "WHERE EXISTS (SELECT 1 FROM sentences)"
        )
        return
    try:
        with bind.begin_nested():  # a refusal must not abort the migration's transaction
            op.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
            op.execute(f"CREATE INDEX {INDEX} ON sentences USING gin (lower(text) gin_trgm_ops)")
    except DBAPIError as exc:
        LOG.warning("no pg_trgm index (%s): the sentence search will read every sentence", exc.orig)


def downgrade() -> None:
    """Revert this revision."""
    if op.get_bind().dialect.name == "sqlite":
        for name in TRIGGERS:
            op.execute(f"DROP TRIGGER IF EXISTS {name}")
        op.execute(f"DROP TABLE IF EXISTS {TABLE}")
        op.execute("DELETE FROM project_meta WHERE key = 'search:indexed_upto'")
        return
    op.execute(f"DROP INDEX IF EXISTS {INDEX}")
