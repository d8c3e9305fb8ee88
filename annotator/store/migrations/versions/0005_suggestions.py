"""Suggestions: the trained models, each person's verdicts on suggestions, and the last applied batch.

1. ``models``: a trained model (entity tagger, trigger tagger, string matcher, stance classifier)
   of one person (``annotator_id``; NULL: the shared one ``annotator train`` makes), at most one
   per kind and person, with the layers it learned from, the fingerprint of its training data, its
   held-out quality (JSON), the model's bytes and their SHA-256 digest and length (checked before
   the bytes are loaded: a damaged model must not reach crfsuite).
2. ``suggestion_feedback``: a person's verdict (accepted or rejected) on a suggestion of a
   sentence; a rejected one never comes back to that person.
3. ``applied_suggestions``: what ``annotator suggest --apply`` added to a person's layer, so the
   window can undo it as one batch.

PostgreSQL only: row-level security like revision 0004's. Feedback and applied batches are layer
data (a person reads and writes their own, reviewers and managers read all). A model is derived
from the layers its maker's login can read, so it is theirs too: a person reads and writes their
own models and reads the shared ones; reviewers and managers read every model and alone write
the shared ones (the owner is not governed). The
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
MODEL_READ = f"(annotator_id = {ME} OR {REVIEWS} OR (annotator_id IS NULL AND {MEMBER}))"
MODEL_WRITE = f"(annotator_id = {ME} OR (annotator_id IS NULL AND {REVIEWS}))"

# The group role is ``<database>_team`` cut to PostgreSQL's identifier length (store/team.py).
GRANTS = """
DO $$
DECLARE team text := left(current_database(), 58) || '_team';
BEGIN
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = team) THEN
        EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON models, suggestion_feedback, '
                       'applied_suggestions TO %I', team);
        EXECUTE format('GRANT USAGE, SELECT ON SEQUENCE applied_suggestions_id_seq, models_id_seq TO %I',
                       team);
    END IF;
END $$;
"""


def _policies() -> list[str]:
    out = [f"ALTER TABLE {t} ENABLE ROW LEVEL SECURITY" for t in TABLES]
    for t in LAYER_TABLES:
        out.append(f"CREATE POLICY {t}_read ON {t} FOR SELECT USING (annotator_id = {ME} OR {REVIEWS})")
        out.append(f"CREATE POLICY {t}_write ON {t} FOR ALL USING ({OWN_OR_GOLD}) WITH CHECK ({OWN_OR_GOLD})")
    out.append(f"CREATE POLICY models_read ON models FOR SELECT USING {MODEL_READ}")
    out.append(f"CREATE POLICY models_write ON models FOR ALL USING {MODEL_WRITE} WITH CHECK {MODEL_WRITE}")
    return out


def upgrade() -> None:
    """Apply this revision."""
    op.create_table(
        "models",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("annotator_id", sa.Integer(), nullable=True),
        sa.Column("layers", sa.Text(), nullable=False),
        sa.Column("fingerprint", sa.String(length=64), nullable=False),
        sa.Column("trained_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("sentences", sa.Integer(), nullable=False),
        sa.Column("quality", sa.Text(), nullable=True),
        sa.Column("data", sa.LargeBinary(), nullable=False),
        sa.Column("digest", sa.String(length=64), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.CheckConstraint("kind IN ('entities', 'triggers', 'matcher', 'stance')", name="model_kind"),
        sa.ForeignKeyConstraint(["annotator_id"], ["annotators.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    # One model per kind and person, and one shared model per kind (NULLs are never equal in a
    # unique index, hence the second, partial one).
    op.create_index(
        "ux_models_kind_person",
        "models",
        ["kind", "annotator_id"],
        unique=True,
        sqlite_where=sa.text("annotator_id IS NOT NULL"),
        postgresql_where=sa.text("annotator_id IS NOT NULL"),
    )
    op.create_index(
        "ux_models_kind_shared",
        "models",
        ["kind"],
        unique=True,
        sqlite_where=sa.text("annotator_id IS NULL"),
        postgresql_where=sa.text("annotator_id IS NULL"),
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
    op.drop_index("ux_models_kind_shared", table_name="models")
    op.drop_index("ux_models_kind_person", table_name="models")
    op.drop_table("models")
