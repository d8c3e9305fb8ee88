"""An index of the stances each entity holds, for deleting an entity and undoing it.

Deleting an entity clears its role as holder of any stance, and its snapshot (what undo puts
back) lists those stances: both ask ``WHERE holder_id = ?``. Without an index each read the whole
stance table (measured: 30 ms of every label and undo at a million sentences with stance). Partial
(only rows with a holder, the few), so an import of stance pays next to nothing for it; SQLite's
own foreign-key check of a deleted entity uses it too. Both dialects; nothing else changes.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-04 19:00:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None

INDEXES = {"ix_sentence_stance_holder": "sentence_stance", "ix_document_stance_holder": "document_stance"}


def upgrade() -> None:
    """Apply this revision."""
    for name, table in INDEXES.items():
        where = sa.text("holder_id IS NOT NULL")
        op.create_index(name, table, ["holder_id"], sqlite_where=where, postgresql_where=where)


def downgrade() -> None:
    """Revert this revision."""
    for name, table in INDEXES.items():
        op.drop_index(name, table_name=table)
