"""What the database itself enforces, the engine's settings and the initial migration."""

from __future__ import annotations

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import insert, select, text, update

from annotator.core.errors import StoreError
from annotator.core.schema import default_schema_path, load_schema
from annotator.services.importing import import_paths
from annotator.store import Project, queries, sentence_search
from annotator.store.migrate import current_revision, head_revision
from annotator.store.offsets import pack
from annotator.store.tables import Base, EntityRow, EventArgument, EventRow, Sentence, SentenceStatus
from tests.conftest import SEEDS


@pytest.fixture
def seeded(project: Project) -> Project:
    import_paths(project, sorted(SEEDS.glob("*.txt")))
    return project


def ids(project: Project) -> tuple[int, int, int]:
    with project.transaction() as s:
        sid = s.execute(text("SELECT id, n_tokens FROM sentences ORDER BY id LIMIT 1")).one()
        a = queries.ensure_annotator(s, "ann").id
    return int(sid[0]), int(sid[1]), a


def test_engine_turns_on_foreign_keys_and_wal(project: Project) -> None:
    if not project.is_sqlite:
        pytest.skip("SQLite pragmas")
    with project.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"


def _declared(obj: object, name: str | None, kind: str, reflected: bool, compare_to: object) -> bool:
    """False for the search index of revision 0008, which tables.py cannot declare: the FTS5
    table with its shadow tables (SQLite) and the pg_trgm expression index (PostgreSQL)."""
    return not (name or "").startswith((sentence_search.TABLE, "sentences_text_search"))


def test_migration_builds_exactly_the_declared_tables(project: Project) -> None:
    assert current_revision(project.engine) == head_revision()
    with project.engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"include_object": _declared})
        diff = compare_metadata(context, Base.metadata)
    assert diff == []


def test_new_project_stores_its_schema_and_the_gold_layer(project: Project) -> None:
    with project.transaction() as s:
        assert queries.get_meta(s, "schema") == load_schema(default_schema_path()).source
        assert [(a.name, a.role) for a in queries.list_annotators(s)] == [("gold", "gold")]


@pytest.mark.parametrize(
    ("row", "why"),
    [
        ({"token_start": 0, "token_last": 10_000}, "token range past the sentence end"),
        ({"token_start": 3, "token_last": 1}, "range ends before it starts"),
        ({"token_start": -1, "token_last": 0}, "negative start"),
        ({"token_start": 0, "token_last": 50, "sentence_tokens": 10_000}, "a false token count"),
    ],
)
def test_database_refuses_entity_ranges_outside_the_sentence(seeded: Project, row: dict, why: str) -> None:
    sid, n, aid = ids(seeded)
    values = {"sentence_id": sid, "annotator_id": aid, "sentence_tokens": n, "label": "GPE", **row}
    with pytest.raises(StoreError, match="refused"), seeded.transaction() as s:
        s.execute(insert(EntityRow), [values])


@pytest.mark.parametrize("table", [EntityRow, EventRow])
def test_database_keeps_every_span_inside_its_sentence(seeded: Project, table: type) -> None:
    """A span carries its sentence's token count, held true by a foreign key, and ends below it."""
    sid, n, aid = ids(seeded)
    kind = {"label": "GPE"} if table is EntityRow else {"type": "Contact.Meet"}
    row = {"sentence_id": sid, "annotator_id": aid, "sentence_tokens": n, **kind}
    with seeded.transaction() as s:  # the last token is inside
        span = s.execute(
            insert(table).returning(table.id), [{**row, "token_start": n - 1, "token_last": n - 1}]
        ).scalar_one()
    with pytest.raises(StoreError, match=r"refused.*token_range"), seeded.transaction() as s:
        s.execute(insert(table), [{**row, "token_start": 0, "token_last": n}])
    with pytest.raises(StoreError, match=r"refused.*token_range"), seeded.transaction() as s:
        s.execute(update(table).where(table.id == span).values(token_last=n + 3))
    with pytest.raises(StoreError, match="refused"), seeded.transaction() as s:
        s.execute(update(table).where(table.id == span).values(sentence_tokens=n + 5, token_last=n + 3))
    with pytest.raises(StoreError, match="refused"), seeded.transaction() as s:  # the sentence loses a token
        starts, ends = (list(range(0, 2 * n, 2))[: n - 1], list(range(1, 2 * n, 2))[: n - 1])
        s.execute(
            update(Sentence)
            .where(Sentence.id == sid)
            .values(n_tokens=n - 1, token_offsets=pack(starts, ends))
        )
    with seeded.transaction() as s:
        assert s.execute(select(table.token_last).where(table.id == span)).scalar_one() == n - 1


def test_database_keeps_packed_offsets_in_step_with_the_token_count(seeded: Project) -> None:
    sid, n, _ = ids(seeded)
    with pytest.raises(StoreError, match="refused"), seeded.transaction() as s:
        s.execute(update(Sentence).where(Sentence.id == sid).values(token_offsets=pack([0], [1])))
    with seeded.transaction() as s:
        assert len(s.execute(select(Sentence.token_offsets).where(Sentence.id == sid)).scalar_one()) == 8 * n


def test_database_refuses_an_argument_from_another_annotators_entity(seeded: Project) -> None:
    sid, n, a = ids(seeded)
    with seeded.transaction() as s:
        b = queries.ensure_annotator(s, "other").id
        ent = s.execute(
            insert(EntityRow).returning(EntityRow.id),
            [
                {
                    "sentence_id": sid,
                    "annotator_id": b,
                    "token_start": 0,
                    "token_last": 0,
                    "sentence_tokens": n,
                    "label": "DATE",
                }
            ],
        ).scalar_one()
        ev = s.execute(
            insert(EventRow).returning(EventRow.id),
            [
                {
                    "sentence_id": sid,
                    "annotator_id": a,
                    "token_start": 1,
                    "token_last": 1,
                    "sentence_tokens": n,
                    "type": "Contact.Meet",
                }
            ],
        ).scalar_one()
    with pytest.raises(StoreError, match="refused"), seeded.transaction() as s:
        s.execute(
            insert(EventArgument),
            [{"event_id": ev, "sentence_id": sid, "annotator_id": a, "role": "Time", "entity_id": ent}],
        )


def test_database_refuses_unknown_status_and_duplicate_names(seeded: Project) -> None:
    sid, _, a = ids(seeded)
    with pytest.raises(StoreError, match="refused"), seeded.transaction() as s:
        s.execute(
            insert(SentenceStatus),
            [{"sentence_id": sid, "annotator_id": a, "status": "finished", "comment": ""}],
        )
    with pytest.raises(StoreError, match="already exists"), seeded.transaction() as s:
        queries.add_annotator(s, "ann")
    with pytest.raises(StoreError, match="reserved"), seeded.transaction() as s:
        queries.add_annotator(s, "gold", "reviewer")


def test_packed_tokens_and_the_space_between_them_rebuild_every_sentence(seeded: Project) -> None:
    with seeded.transaction() as s:
        for doc in queries.documents_overview(s):
            full = s.execute(text("SELECT text FROM documents WHERE id = :i"), {"i": doc.id}).scalar_one()
            for sent in queries.document_sentences(s, doc.id):
                toks = queries.sentence_tokens(s, sent.id)
                rebuilt = "".join(sent.text[a:b] + ws for a, b, ws in toks)
                assert rebuilt == sent.text
                start, end = s.execute(
                    text("SELECT start_offset, end_offset FROM sentences WHERE id = :i"), {"i": sent.id}
                ).one()
                assert full[start:end] == sent.text
