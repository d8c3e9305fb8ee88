"""Token offsets packed into their sentence; spans kept inside it by their sentence's token count.

A row per token cost a 100,000-sentence import half its time and the database half its size,
and nothing ever reads one token alone. Each sentence now holds its tokens' starts then ends as
unsigned 32-bit little-endian integers in ``sentences.token_offsets`` (a check ties its length
to ``n_tokens``); the white space after a token is the text up to the next one, so it goes.

Entity and event ranges were kept inside their sentence by foreign keys into ``tokens``. Now
each span repeats its sentence's token count in ``sentence_tokens``, a foreign key to
``(sentences.id, sentences.n_tokens)`` keeps that copy true, and the range check keeps
``token_last`` below it.

The indexes of spans by annotator alone go: every query that picks one annotator's spans also
picks sentences (the sentence-and-annotator index serves it), and the rest read whole layers,
which a scan does as fast. Each cost an import about 0.5 µs a span.

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

SPANS = ("entities", "events")
RANGE = "token_start >= 0 AND token_last >= token_start AND token_last < sentence_tokens"
OLD_RANGE = "token_last >= token_start AND token_start >= 0"
CHUNK = 5000
# Names for SQLite's unnamed foreign keys, so batch mode can drop the ones it replaces.
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


def upgrade() -> None:
    """Apply this revision."""
    conn = op.get_bind()
    op.add_column("sentences", sa.Column("token_offsets", sa.LargeBinary(), nullable=True))
    _pack_tokens(conn)
    for table in SPANS:
        op.add_column(table, sa.Column("sentence_tokens", sa.Integer(), nullable=True))
        op.execute(
            f"UPDATE {table} SET sentence_tokens = "
            f"(SELECT n_tokens FROM sentences WHERE sentences.id = {table}.sentence_id)"
        )
    sqlite = _is_sqlite()
    with op.batch_alter_table("sentences", recreate="always" if sqlite else "auto") as batch:
        batch.alter_column("token_offsets", existing_type=sa.LargeBinary(), nullable=False)
        batch.create_check_constraint("sentence_token_offsets", "length(token_offsets) = 8 * n_tokens")
        batch.create_unique_constraint("sentences_token_count_key", ["id", "n_tokens"])
    for table in SPANS:
        replaced = [
            str(fk["name"])
            for fk in sa.inspect(conn).get_foreign_keys(table)
            if fk["referred_table"] in ("tokens", "sentences")
        ]
        if sqlite:  # unnamed there: batch mode names them by the convention
            replaced = [
                f"fk_{table}_sentence_id_{column}_tokens" for column in ("token_start", "token_last")
            ] + [f"fk_{table}_sentence_id_sentences"]
        with op.batch_alter_table(
            table, recreate="always" if sqlite else "auto", naming_convention=NAMING
        ) as batch:
            for name in replaced:
                batch.drop_constraint(name, type_="foreignkey")
            batch.alter_column("sentence_tokens", existing_type=sa.Integer(), nullable=False)
            batch.drop_constraint(f"{table}_token_range", type_="check")
            batch.create_check_constraint(f"{table}_token_range", RANGE)
            batch.create_foreign_key(
                f"{table}_sentence_tokens_fkey",
                "sentences",
                ["sentence_id", "sentence_tokens"],
                ["id", "n_tokens"],
                ondelete="CASCADE",
            )
    op.drop_table("tokens")
    for table in SPANS:
        op.drop_index(f"ix_{table}_annotator", table_name=table)


def downgrade() -> None:
    """Revert this revision: a row per token again, with its following white space."""
    for table in SPANS:
        op.create_index(f"ix_{table}_annotator", table, ["annotator_id"])
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
            batch.drop_constraint(f"{table}_sentence_tokens_fkey", type_="foreignkey")
            batch.drop_constraint(f"{table}_token_range", type_="check")
            batch.create_check_constraint(f"{table}_token_range", OLD_RANGE)
            batch.drop_column("sentence_tokens")
            batch.create_foreign_key(
                f"{table}_sentence_id_fkey", "sentences", ["sentence_id"], ["id"], ondelete="CASCADE"
            )
            for column in ("token_last", "token_start"):
                batch.create_foreign_key(
                    f"{table}_sentence_id_{column}_fkey",
                    "tokens",
                    ["sentence_id", column],
                    ["sentence_id", "position"],
                    ondelete="CASCADE",
                )
    with op.batch_alter_table("sentences") as batch:
        batch.drop_constraint("sentences_token_count_key", type_="unique")
        batch.drop_constraint("sentence_token_offsets", type_="check")
        batch.drop_column("token_offsets")
