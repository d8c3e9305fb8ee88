"""Suggestions: the trained models, each person's verdicts on suggestions, and the last applied batch.

1. ``models``: one row per model kind (entity tagger, trigger tagger, string matcher, stance
   classifier) with the layers it learned from, the fingerprint of its training data, its
   held-out quality (JSON) and the model's bytes.
2. ``suggestion_feedback``: a person's verdict (accepted or rejected) on a suggestion of a
   sentence; a rejected one never comes back to that person.
3. ``applied_suggestions``: what ``annotator suggest --apply`` added to a person's layer, so the
   window can undo it as one batch.

PostgreSQL only: row-level security like revision 0004's. Feedback and applied batches are layer
data (a person reads and writes their own, reviewers and managers read all); every member reads
and writes ``models`` (derived data: anyone's window trains on what their login can read). The
team's group role, when there is one already, is granted the new tables here; a later one gets
them from ``annotator team add`` (GRANT ON ALL TABLES).

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-03 14:30:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

ME = "(SELECT annotator_id_of(current_user))"
MY_ROLE = "(SELECT annotator_role_of(current_user))"
MEMBER = f"{ME} IS NOT NULL"
REVIEWS = f"{MY_ROLE} IN ('reviewer', 'manager')"
OWN_OR_GOLD = f"(annotator_id = {ME} OR ({REVIEWS} AND annotator_id = (SELECT annotator_gold_id())))"
LAYER_TABLES = ("suggestion_feedback", "applied_suggestions")
TABLES = ("models", *LAYER_TABLES)

# The group role is ``<database>_team`` cut to PostgreSQL's identifier length (store/team.py).
GRANTS = """
DO $$
DECLARE team text := left(current_database(), 58) || '_team';
BEGIN
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = team) THEN
        EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON models, suggestion_feedback, '
                       'applied_suggestions TO %I', team);
        EXECUTE format('GRANT USAGE, SELECT ON SEQUENCE applied_suggestions_id_seq TO %I', team);
    END IF;
END $$;
"""


def _policies() -> list[str]:
    out = [f"ALTER TABLE {t} ENABLE ROW LEVEL SECURITY" for t in TABLES]
    for t in LAYER_TABLES:
        out.append(f"CREATE POLICY {t}_read ON {t} FOR SELECT USING (annotator_id = {ME} OR {REVIEWS})")
        out.append(f"CREATE POLICY {t}_write ON {t} FOR ALL USING ({OWN_OR_GOLD}) WITH CHECK ({OWN_OR_GOLD})")
    out.append(f"CREATE POLICY models_read ON models FOR SELECT USING ({MEMBER})")
    out.append(f"CREATE POLICY models_write ON models FOR ALL USING ({MEMBER}) WITH CHECK ({MEMBER})")
    return out


def upgrade() -> None:
    """Apply this revision."""
    op.create_table(
        "models",
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("layers", sa.Text(), nullable=False),
        sa.Column("fingerprint", sa.String(length=64), nullable=False),
        sa.Column("trained_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("sentences", sa.Integer(), nullable=False),
        sa.Column("quality", sa.Text(), nullable=True),
        sa.Column("data", sa.LargeBinary(), nullable=False),
        sa.CheckConstraint("kind IN ('entities', 'triggers', 'matcher', 'stance')", name="model_kind"),
        sa.PrimaryKeyConstraint("kind"),
    )
    op.create_table(
        "suggestion_feedback",
        sa.Column("annotator_id", sa.Integer(), nullable=False),
        sa.Column("sentence_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("token_start", sa.Integer(), nullable=False),
        sa.Column("token_last", sa.Integer(), nullable=False),
        sa.Column("label", sa.String(length=64), nullable=False),
        sa.Column("target", sa.String(length=64), nullable=False),
        sa.Column("verdict", sa.String(length=16), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint("kind IN ('entity', 'trigger', 'stance')", name="suggestion_feedback_kind"),
        sa.CheckConstraint("verdict IN ('accepted', 'rejected')", name="suggestion_feedback_verdict"),
        sa.ForeignKeyConstraint(["annotator_id"], ["annotators.id"]),
        sa.ForeignKeyConstraint(["sentence_id"], ["sentences.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint(
            "annotator_id", "sentence_id", "kind", "token_start", "token_last", "label", "target"
        ),
    )
    op.create_index("ix_suggestion_feedback_sentence", "suggestion_feedback", ["sentence_id"])
    op.create_table(
        "applied_suggestions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("annotator_id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("entities", sa.Text(), nullable=False),
        sa.Column("events", sa.Text(), nullable=False),
        sa.Column("stance", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["annotator_id"], ["annotators.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("annotator_id"),
    )
    if op.get_bind().dialect.name == "postgresql":
        for statement in _policies():
            op.execute(statement)
        op.execute(GRANTS)


def downgrade() -> None:
    """Revert this revision (policies go with their tables)."""
    op.drop_table("applied_suggestions")
    op.drop_index("ix_suggestion_feedback_sentence", table_name="suggestion_feedback")
    op.drop_table("suggestion_feedback")
    op.drop_table("models")
