"""Activity: each person's number of edits and the time of their last one, for team progress.

Existing projects start with the time of each person's newest status change and no counted edits.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-22 01:10:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Apply this revision."""
    op.create_table(
        "activity",
        sa.Column("annotator_id", sa.Integer(), nullable=False),
        sa.Column("edits", sa.Integer(), nullable=False),
        sa.Column("last_edit_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["annotator_id"], ["annotators.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("annotator_id"),
    )
    op.execute(
        "INSERT INTO activity (annotator_id, edits, last_edit_at) "
        "SELECT annotator_id, 0, max(updated_at) FROM sentence_status GROUP BY annotator_id"
    )


def downgrade() -> None:
    """Revert this revision."""
    op.drop_table("activity")
