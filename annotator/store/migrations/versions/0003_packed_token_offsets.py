"""Token offsets packed into their sentence; token ranges kept inside sentences by triggers.

A row per token cost a 100,000-sentence import half its time and the database half its size,
and nothing ever reads one token alone. Each sentence now holds its tokens' starts then ends as
unsigned 32-bit little-endian integers in ``sentences.token_offsets`` (a check ties its length
to ``n_tokens``); the white space after a token is the text up to the next one, so it goes.

Entity and event ranges were kept inside their sentence by foreign keys into ``tokens``; now
triggers refuse a range that ends past the sentence's last token, and a change of ``n_tokens``
that would leave a range outside.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-22 03:00:00
"""

import struct
from collections.abc import Iterable

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

SPANS = {"entities": "an entity", "events": "an event trigger"}
CHUNK = 5000
# Names for SQLite's unnamed foreign keys, so batch mode can drop the ones into ``tokens``.
NAMING = {"fk": "fk_%(table_name)s_%(column_0_N_name)s_%(referred_table_name)s"}


def _is_sqlite() -> bool:
    return op.get_bind().dialect.name == "sqlite"


def _chunks(conn: sa.Connection, table: str) -> Iterable[tuple[int, int]]:
    lo, hi = conn.execute(sa.text(f"SELECT min(id), max(id) FROM {table}")).one()
    if lo is None:
        return
    for start in range(int(lo), int(hi) + 1, CHUNK):
        yield start, start + CHUNK - 1


def _pack_tokens(conn: sa.Connection) -> None:
    select = sa.text(
        "SELECT sentence_id, start_offset, end_offset FROM tokens "
        "WHERE sentence_id BETWEEN :lo AND :hi ORDER BY sentence_id, position"
    )
    update = sa.text("UPDATE sentences SET token_offsets = :blob WHERE id = :sid")
    for lo, hi in _chunks(conn, "sentences"):
        offsets: dict[int, tuple[list[int], list[int]]] = {}
        for sid, start, end in conn.execute(select, {"lo": lo, "hi": hi}):
            starts, ends = offsets.setdefault(sid, ([], []))
            starts.append(start)
            ends.append(end)
        rows = [
            {"sid": sid, "blob": struct.pack(f"<{2 * len(s)}I", *s, *e)} for sid, (s, e) in offsets.items()
        ]
        if rows:
            conn.execute(update, rows)


def _unpack_tokens(conn: sa.Connection) -> None:
    select = sa.text("SELECT id, text, token_offsets FROM sentences WHERE id BETWEEN :lo AND :hi")
    insert = sa.text(
        "INSERT INTO tokens (sentence_id, position, start_offset, end_offset, space_after) "
        "VALUES (:sid, :position, :start, :end, :space)"
    )
    for lo, hi in _chunks(conn, "sentences"):
        rows = []
        for sid, text, blob in conn.execute(select, {"lo": lo, "hi": hi}):
            numbers = struct.unpack(f"<{len(blob) // 4}I", bytes(blob))
            half = len(numbers) // 2
            starts, ends = numbers[:half], numbers[half:]
            following = [*starts[1:], len(text)]
            for i, (a, b) in enumerate(zip(starts, ends, strict=True)):
                rows.append(
                    {"sid": sid, "position": i, "start": a, "end": b, "space": text[b : following[i]]}
                )
        if rows:
            conn.execute(insert, rows)


def _create_triggers() -> None:
    if _is_sqlite():
        for table, what in SPANS.items():
            for name, when in (
                ("insert", "INSERT"),
                ("update", "UPDATE OF sentence_id, token_start, token_last"),
            ):
                op.execute(
                    f"CREATE TRIGGER {table}_inside_sentence_{name} BEFORE {when} ON {table} "
                    "WHEN NEW.token_last >= (SELECT n_tokens FROM sentences WHERE id = NEW.sentence_id) "
                    f"BEGIN SELECT RAISE(ABORT, '{what} ends past the last token of its sentence'); END"
                )
        op.execute(
            "CREATE TRIGGER sentences_keep_spans BEFORE UPDATE OF n_tokens ON sentences WHEN "
            + " OR ".join(
                f"EXISTS (SELECT 1 FROM {t} WHERE sentence_id = NEW.id AND token_last >= NEW.n_tokens)"
                for t in SPANS
            )
            + " BEGIN SELECT RAISE(ABORT, 'a sentence cannot lose tokens that spans cover'); END"
        )
        return
    op.execute(
        """
        CREATE FUNCTION annotator_span_inside_sentence() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF NEW.token_last >= (SELECT n_tokens FROM sentences WHERE id = NEW.sentence_id) THEN
                RAISE EXCEPTION '% tokens %..% end past the last token of sentence %',
                    TG_TABLE_NAME, NEW.token_start, NEW.token_last + 1, NEW.sentence_id
                    USING ERRCODE = 'check_violation';
            END IF;
            RETURN NEW;
        END $$
        """
    )
    for table in SPANS:
        op.execute(
            f"CREATE TRIGGER {table}_inside_sentence BEFORE INSERT OR UPDATE OF sentence_id, token_start, "
            f"token_last ON {table} FOR EACH ROW EXECUTE FUNCTION annotator_span_inside_sentence()"
        )
    covered = " OR ".join(
        f"EXISTS (SELECT 1 FROM {t} WHERE sentence_id = NEW.id AND token_last >= NEW.n_tokens)" for t in SPANS
    )
    op.execute(
        f"""
        CREATE FUNCTION annotator_sentence_keeps_spans() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF {covered} THEN
                RAISE EXCEPTION 'sentence % cannot lose tokens that spans cover', NEW.id
                    USING ERRCODE = 'check_violation';
            END IF;
            RETURN NEW;
        END $$
        """
    )
    op.execute(
        "CREATE TRIGGER sentences_keep_spans BEFORE UPDATE OF n_tokens ON sentences "
        "FOR EACH ROW EXECUTE FUNCTION annotator_sentence_keeps_spans()"
    )


def _drop_triggers() -> None:
    if _is_sqlite():
        for table in SPANS:
            op.execute(f"DROP TRIGGER {table}_inside_sentence_insert")
            op.execute(f"DROP TRIGGER {table}_inside_sentence_update")
        op.execute("DROP TRIGGER sentences_keep_spans")
        return
    for table in SPANS:
        op.execute(f"DROP TRIGGER {table}_inside_sentence ON {table}")
    op.execute("DROP TRIGGER sentences_keep_spans ON sentences")
    op.execute("DROP FUNCTION annotator_span_inside_sentence()")
    op.execute("DROP FUNCTION annotator_sentence_keeps_spans()")


def upgrade() -> None:
    """Apply this revision."""
    conn = op.get_bind()
    op.add_column("sentences", sa.Column("token_offsets", sa.LargeBinary(), nullable=True))
    _pack_tokens(conn)
    if _is_sqlite():
        with op.batch_alter_table("sentences", recreate="always") as batch:
            batch.alter_column("token_offsets", existing_type=sa.LargeBinary(), nullable=False)
            batch.create_check_constraint("sentence_token_offsets", "length(token_offsets) = 8 * n_tokens")
        for table in SPANS:
            with op.batch_alter_table(table, recreate="always", naming_convention=NAMING) as batch:
                for column in ("token_start", "token_last"):
                    batch.drop_constraint(f"fk_{table}_sentence_id_{column}_tokens", type_="foreignkey")
    else:
        op.alter_column("sentences", "token_offsets", existing_type=sa.LargeBinary(), nullable=False)
        op.create_check_constraint(
            "sentence_token_offsets", "sentences", "length(token_offsets) = 8 * n_tokens"
        )
        for table in SPANS:
            for fk in sa.inspect(conn).get_foreign_keys(table):
                if fk["referred_table"] == "tokens" and fk["name"]:
                    op.drop_constraint(fk["name"], table, type_="foreignkey")
    op.drop_table("tokens")
    _create_triggers()


def downgrade() -> None:
    """Revert this revision: a row per token again, with its following white space."""
    _drop_triggers()
    op.create_table(
        "tokens",
        sa.Column("sentence_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("start_offset", sa.Integer(), nullable=False),
        sa.Column("end_offset", sa.Integer(), nullable=False),
        sa.Column("space_after", sa.Text(), nullable=False),
        sa.CheckConstraint("start_offset >= 0 AND end_offset > start_offset", name="token_offsets"),
        sa.ForeignKeyConstraint(["sentence_id"], ["sentences.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("sentence_id", "position"),
        sqlite_with_rowid=False,
    )
    _unpack_tokens(op.get_bind())
    for table in SPANS:
        with op.batch_alter_table(table) as batch:
            for column in ("token_last", "token_start"):
                batch.create_foreign_key(
                    f"{table}_sentence_id_{column}_fkey",
                    "tokens",
                    ["sentence_id", column],
                    ["sentence_id", "position"],
                    ondelete="CASCADE",
                )
    with op.batch_alter_table("sentences") as batch:
        batch.drop_constraint("sentence_token_offsets", type_="check")
        batch.drop_column("token_offsets")
