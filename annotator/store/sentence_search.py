"""The window's sentence search: a substring in any case, in corpus order, a page at a time.

A hit is a sentence whose casefolded text contains the casefolded needle (``needle in
text.casefold()``), in corpus order (document name, document id, sentence position); its ordinal
is its place in its document, from 0. Pages: ``limit`` hits, then ``after=`` the last hit's id
for the next ones (keyset paging: a page costs the same wherever it starts).

An index narrows the sentences down first, then Python checks every candidate with the same
test, so the index never decides alone what is a hit:

- SQLite: the FTS5 table of revision 0008 (trigram tokenizer, ``detail=none``): the sentences
  holding every trigram of the needle, in no particular order; they are sorted here.
- PostgreSQL: ``lower(text) LIKE '%needle%'``, which the pg_trgm index of revision 0008 serves
  (and a plain scan where the extension was missing). A database whose ``lower`` does not fold
  Cyrillic (``LC_CTYPE=C``) folds the text otherwise (``folding``), exact but without the index.

A needle the index finds in more than ``DENSE`` sentences is read in corpus order too: its hits
come early, and sorting every candidate would cost more. Needles of fewer than three characters
(no trigram), needles with a character whose case fold is
not its one lower-case letter (ß, ligatures, final sigma, dotted İ: the index folds them
otherwise), and a SQLite without the FTS5 table read the sentences in corpus order instead and
stop at ``limit`` hits. Known difference kept: a sentence whose *text* has such a character (ß)
is not found by the needle its fold makes (``ss``) through the index.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, column, func, or_, select, table, text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, aliased

from annotator.store.assignments import assigned_clause
from annotator.store.folding import contains
from annotator.store.tables import Document, Sentence

Hit = tuple[int, str, int, str]  # sentence id, document name, ordinal, text
Rows = Select[*tuple[Any, ...]]
TABLE = "sentence_search"  # migrations/versions/0008_sentence_search.py
MIN_INDEXED = 3  # the trigram tokenizer finds nothing shorter
_INDEX = table(TABLE, column("rowid"))
PG_INDEX = "sentences_text_search"  # PostgreSQL: 0008's GIN index of lower(text)
PENDING_LIMIT = "1GB"  # an import's GIN pending list before it must be merged (default 4 MB)
DEFERRED_KEY = "search:indexed_upto"  # project_meta, within an import's transaction only
_SCAN_BATCH = 2000
# More candidates than this: the needle is common (2% of a million sentences), its first hits come
# early in corpus order, and reading in that order beats sorting every candidate.
DENSE = 20_000


def search(
    session: Session, query: str, limit: int = 200, assigned_to: int | None = None, after: int | None = None
) -> list[Hit]:
    """At most ``limit`` sentences containing ``query`` ignoring case, in corpus order, after the
    sentence ``after`` when given (the last hit of the previous page); only in the documents
    assigned to ``assigned_to`` when given."""
    needle = query.casefold().strip()
    if not needle or limit <= 0:
        return []
    rows = _ordered(session).add_columns(Sentence.document_id, Sentence.position)
    if assigned_to is not None:
        rows = rows.where(assigned_clause(assigned_to, Sentence.document_id))
    if after is not None:
        start = session.execute(
            select(Document.name, Document.id, Sentence.position)
            .join(Document, Document.id == Sentence.document_id)
            .where(Sentence.id == after)
        ).first()
        if start is None:
            return []  # the sentence went (a correction merged it away): nothing to continue from
        rows = rows.where(_beyond(*start))
    narrowed = _narrowed(session, rows, query, needle)
    if narrowed is None or _dense(session, needle):
        found = _scan(session, rows, needle, limit)
    else:
        found = _candidates(session, narrowed, needle, limit)
    ordinals = _ordinals(session, [row[0] for row in found])
    return [(sid, name, ordinals[sid], txt) for sid, name, txt, _, _ in found]


def _ordered(session: Session) -> Rows:
    return (
        select(Sentence.id, Document.name, Sentence.text)
        .join(Document, Document.id == Sentence.document_id)
        .order_by(Document.name, Document.id, Sentence.position)
    )


def _beyond(name: str, document_id: int, position: int) -> ColumnElement[bool]:
    """Sentences after (name, document, position) in corpus order; ``name >=`` lets the scan seek."""
    later = or_(
        Document.name > name,
        and_(Document.name == name, Document.id > document_id),
        and_(Document.name == name, Document.id == document_id, Sentence.position > position),
    )
    return and_(Document.name >= name, later)


def indexable(query: str) -> bool:
    """True when the index may narrow the search for ``query``: three characters or more once
    stripped, each folding to one lower-case letter as the index folds it."""
    stripped = query.strip()
    return len(stripped.casefold()) >= MIN_INDEXED and all(
        len(ch.lower()) == 1 and ch.lower() == ch.casefold() for ch in stripped
    )


def has_index(session: Session) -> bool:
    """True when this SQLite project has the FTS5 table and it holds every sentence (no import left
    some waiting: ``defer``); on PostgreSQL the query is the same with or without the index."""
    connection = session.connection()
    if connection.dialect.name != "sqlite":
        return True
    sql = "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?"
    if connection.exec_driver_sql(sql, (TABLE,)).first() is None:
        return False
    waiting = "SELECT 1 FROM project_meta WHERE key = ?"
    return connection.exec_driver_sql(waiting, (DEFERRED_KEY,)).first() is None


def _trigrams(needle: str) -> str:
    """An FTS5 query for the sentences holding every trigram of ``needle`` (each a quoted string)."""
    grams = sorted({needle[i : i + 3] for i in range(len(needle) - 2)})
    return " AND ".join('"' + g.replace('"', '""') + '"' for g in grams)


def _narrowed(session: Session, rows: Rows, query: str, needle: str) -> Rows | None:
    """``rows`` narrowed by the index to candidates for ``needle``, or None when it cannot help."""
    if not indexable(query) or not has_index(session):
        return None
    if session.connection().dialect.name == "sqlite":
        match = text(f"{TABLE} MATCH :trigrams").bindparams(trigrams=_trigrams(needle))
        return rows.join(_INDEX, _INDEX.c.rowid == Sentence.id).where(match)
    return rows.where(contains(session, Sentence.text, needle))


def _dense(session: Session, needle: str) -> bool:
    """True when the index holds more than ``DENSE`` candidates for ``needle`` (SQLite only: the
    PostgreSQL planner weighs that itself)."""
    if session.connection().dialect.name != "sqlite":
        return False
    sql = f"SELECT count(*) FROM (SELECT rowid FROM {TABLE} WHERE {TABLE} MATCH ? LIMIT ?)"
    count = session.connection().exec_driver_sql(sql, (_trigrams(needle), DENSE + 1)).scalar()
    return int(count or 0) > DENSE


def _scan(session: Session, rows: Rows, needle: str, limit: int) -> list[tuple[Any, ...]]:
    """Every sentence in corpus order, checked here, until ``limit`` hits."""
    found = session.execute(rows.execution_options(yield_per=_SCAN_BATCH))
    return _first(found, needle, limit)


def _candidates(session: Session, narrowed: Rows, needle: str, limit: int) -> list[tuple[Any, ...]]:
    """The index's candidates in corpus order, a batch at a time, checked here until ``limit`` hits.

    A batch that holds a candidate the check refuses (two trigrams apart in the sentence) leaves
    the page short: the next batch starts after the batch's last row.
    """
    hits: list[tuple[Any, ...]] = []
    batch = max(limit, 50)
    query = narrowed.limit(batch)
    while len(hits) < limit:
        rows = session.execute(query).all()
        hits += _first(rows, needle, limit - len(hits))
        if len(rows) < batch:
            break
        _, name, _, doc, position = rows[-1]
        query = narrowed.where(_beyond(name, doc, position)).limit(batch)
    return hits


def _first(rows: Iterable[Sequence[Any]], needle: str, limit: int) -> list[tuple[Any, ...]]:
    hits: list[tuple[Any, ...]] = []
    for row in rows:
        if needle in row[2].casefold():
            hits.append(tuple(row))
            if len(hits) >= limit:
                break
    return hits


def _ordinals(session: Session, sentence_ids: list[int]) -> dict[int, int]:
    """Each sentence's place in its document, from 0: one query for a page (a query per hit cost
    more than the search itself)."""
    if not sentence_ids:
        return {}
    earlier = aliased(Sentence)
    count = (
        select(func.count())
        .where(earlier.document_id == Sentence.document_id, earlier.position < Sentence.position)
        .scalar_subquery()
    )
    rows = session.execute(select(Sentence.id, count).where(Sentence.id.in_(sentence_ids)))
    return {int(sid): int(n) for sid, n in rows}


def defer(session: Session) -> None:
    """From now on new sentences wait to be indexed (a bulk import): :func:`catch_up_some` indexes
    them later, a block at a time (the window does, in the background).

    The triggers then leave every sentence past the current last id alone, and the search reads
    the sentences instead of the index until none is waiting. Filling the trigram index costs more
    than the import itself (55 s of a million sentences' 36 s import, and more than linearly), so
    an import never waits for it. Nothing on PostgreSQL, or without the index.
    """
    connection = session.connection()
    if connection.dialect.name == "postgresql":
        if not _may_merge(session):
            return  # only its owner (or a superuser) may merge the list at the end: the usual 4 MB
        # The trigram GIN index takes new rows into its pending list; kept there for the whole
        # import and merged once at its end (``settle``), a million sentences import in a third
        # less time than with a merge every 4 MB (measured: 100,000 sentences 22.4 s -> 14.8 s).
        connection.exec_driver_sql(f"SET LOCAL gin_pending_list_limit = '{PENDING_LIMIT}'")
        return
    if not has_index(session):
        return
    session.connection().exec_driver_sql(
        "INSERT OR IGNORE INTO project_meta (key, value) "
        "SELECT ?, CAST(coalesce(max(id), 0) AS TEXT) FROM sentences",
        (DEFERRED_KEY,),
    )


def settle(session: Session) -> None:
    """At an import's end, on PostgreSQL: merge the GIN index's pending list in one go. A login
    that may not (not the index's owner) leaves it to the server's autovacuum, as without it."""
    connection = session.connection()
    if connection.dialect.name != "postgresql" or not _may_merge(session):
        return
    try:
        with session.begin_nested():
            connection.exec_driver_sql(f"SELECT gin_clean_pending_list('{PG_INDEX}'::regclass)")
    except DBAPIError:
        pass  # the savepoint is rolled back; the import's rows are all there


def _may_merge(session: Session) -> bool:
    """PostgreSQL: the GIN index is there and this login may merge its pending list (owns it)."""
    sql = (
        "SELECT pg_has_role(current_user, c.relowner, 'USAGE') FROM pg_class c "
        "WHERE c.oid = to_regclass(%(index)s)"
    )
    return bool(session.connection().exec_driver_sql(sql, {"index": PG_INDEX}).scalar())


def waiting(session: Session) -> bool:
    """True when some sentences wait to be indexed (an import's, or an upgraded project's)."""
    if session.connection().dialect.name != "sqlite":
        return False
    sql = "SELECT 1 FROM project_meta WHERE key = ?"
    return session.connection().exec_driver_sql(sql, (DEFERRED_KEY,)).first() is not None


def catch_up_some(session: Session, limit: int = 2_000) -> bool:
    """Index up to ``limit`` waiting sentences (by id) and move the mark past them; True when none
    waits any more: the mark is gone and the triggers index every write again."""
    if session.connection().dialect.name != "sqlite":
        return True
    connection = session.connection()
    mark = connection.exec_driver_sql(
        "SELECT value FROM project_meta WHERE key = ?", (DEFERRED_KEY,)
    ).scalar()
    if mark is None:
        return True
    upto = connection.exec_driver_sql(
        "SELECT max(id) FROM (SELECT id FROM sentences WHERE id > ? ORDER BY id LIMIT ?)", (int(mark), limit)
    ).scalar()
    if upto is None:
        connection.exec_driver_sql("DELETE FROM project_meta WHERE key = ?", (DEFERRED_KEY,))
        return True
    connection.exec_driver_sql(
        f"INSERT INTO {TABLE}(rowid, text) SELECT id, text FROM sentences WHERE id > ? AND id <= ?",
        (int(mark), int(upto)),
    )
    connection.exec_driver_sql(
        "UPDATE project_meta SET value = ? WHERE key = ?", (str(int(upto)), DEFERRED_KEY)
    )
    return False
