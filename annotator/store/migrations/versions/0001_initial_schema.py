"""Initial schema: documents, sentences, tokens, annotators, entities, events, stance, status.

Revision ID: 0001
Revises:
Create Date: 2026-11-21 22:35:38.951080
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Apply this revision."""
    op.create_table(
        "annotators",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=128), nullable=False),
        sa.Column("role", sa.String(length=16), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint("role IN ('annotator', 'reviewer', 'gold')", name="annotator_role"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("name"),
    )
    op.create_table(
        "documents",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=255), nullable=False),
        sa.Column("source", sa.Text(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("content_hash", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("name"),
    )
    op.create_table(
        "project_meta",
        sa.Column("key", sa.String(length=64), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("key"),
    )
    op.create_table(
        "sentences",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("paragraph", sa.Integer(), nullable=False),
        sa.Column("start_offset", sa.Integer(), nullable=False),
        sa.Column("end_offset", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("n_tokens", sa.Integer(), nullable=False),
        sa.CheckConstraint("n_tokens > 0", name="sentence_has_tokens"),
        sa.CheckConstraint("start_offset >= 0 AND end_offset > start_offset", name="sentence_offsets"),
        sa.ForeignKeyConstraint(["document_id"], ["documents.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("document_id", "position"),
    )
    op.create_table(
        "sentence_status",
        sa.Column("sentence_id", sa.Integer(), nullable=False),
        sa.Column("annotator_id", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("comment", sa.Text(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint("status IN ('todo', 'done', 'skipped', 'flagged')", name="sentence_status_value"),
        sa.ForeignKeyConstraint(
            ["annotator_id"],
            ["annotators.id"],
        ),
        sa.ForeignKeyConstraint(["sentence_id"], ["sentences.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("sentence_id", "annotator_id"),
    )
    with op.batch_alter_table("sentence_status", schema=None) as batch_op:
        batch_op.create_index("ix_sentence_status_annotator", ["annotator_id", "status"], unique=False)

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
    op.create_table(
        "entities",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("sentence_id", sa.Integer(), nullable=False),
        sa.Column("annotator_id", sa.Integer(), nullable=False),
        sa.Column("token_start", sa.Integer(), nullable=False),
        sa.Column("token_last", sa.Integer(), nullable=False),
        sa.Column("label", sa.String(length=64), nullable=False),
        sa.CheckConstraint("token_last >= token_start AND token_start >= 0", name="entities_token_range"),
        sa.ForeignKeyConstraint(
            ["annotator_id"],
            ["annotators.id"],
        ),
        sa.ForeignKeyConstraint(
            ["sentence_id", "token_last"], ["tokens.sentence_id", "tokens.position"], ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["sentence_id", "token_start"], ["tokens.sentence_id", "tokens.position"], ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(["sentence_id"], ["sentences.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("id", "sentence_id", "annotator_id", name="entities_layer_key"),
    )
    with op.batch_alter_table("entities", schema=None) as batch_op:
        batch_op.create_index("ix_entities_annotator", ["annotator_id"], unique=False)
        batch_op.create_index("ix_entities_sentence_annotator", ["sentence_id", "annotator_id"], unique=False)

    op.create_table(
        "events",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("sentence_id", sa.Integer(), nullable=False),
        sa.Column("annotator_id", sa.Integer(), nullable=False),
        sa.Column("token_start", sa.Integer(), nullable=False),
        sa.Column("token_last", sa.Integer(), nullable=False),
        sa.Column("type", sa.String(length=64), nullable=False),
        sa.CheckConstraint("token_last >= token_start AND token_start >= 0", name="events_token_range"),
        sa.ForeignKeyConstraint(
            ["annotator_id"],
            ["annotators.id"],
        ),
        sa.ForeignKeyConstraint(
            ["sentence_id", "token_last"], ["tokens.sentence_id", "tokens.position"], ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["sentence_id", "token_start"], ["tokens.sentence_id", "tokens.position"], ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(["sentence_id"], ["sentences.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("id", "sentence_id", "annotator_id", name="events_layer_key"),
    )
    with op.batch_alter_table("events", schema=None) as batch_op:
        batch_op.create_index("ix_events_annotator", ["annotator_id"], unique=False)
        batch_op.create_index("ix_events_sentence_annotator", ["sentence_id", "annotator_id"], unique=False)

    op.create_table(
        "document_stance",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("annotator_id", sa.Integer(), nullable=False),
        sa.Column("target", sa.String(length=64), nullable=False),
        sa.Column("label", sa.String(length=32), nullable=False),
        sa.Column("holder_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["annotator_id"],
            ["annotators.id"],
        ),
        sa.ForeignKeyConstraint(["document_id"], ["documents.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(
            ["holder_id"],
            ["entities.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("document_id", "annotator_id", "target"),
    )
    with op.batch_alter_table("document_stance", schema=None) as batch_op:
        batch_op.create_index("ix_document_stance_annotator", ["annotator_id"], unique=False)

    op.create_table(
        "event_arguments",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("event_id", sa.Integer(), nullable=False),
        sa.Column("sentence_id", sa.Integer(), nullable=False),
        sa.Column("annotator_id", sa.Integer(), nullable=False),
        sa.Column("role", sa.String(length=64), nullable=False),
        sa.Column("entity_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["entity_id", "sentence_id", "annotator_id"],
            ["entities.id", "entities.sentence_id", "entities.annotator_id"],
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["event_id", "sentence_id", "annotator_id"],
            ["events.id", "events.sentence_id", "events.annotator_id"],
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("event_id", "role", "entity_id"),
    )
    with op.batch_alter_table("event_arguments", schema=None) as batch_op:
        batch_op.create_index("ix_event_arguments_entity", ["entity_id"], unique=False)

    op.create_table(
        "event_attributes",
        sa.Column("event_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=64), nullable=False),
        sa.Column("value", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(["event_id"], ["events.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("event_id", "name"),
    )
    op.create_table(
        "sentence_stance",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("sentence_id", sa.Integer(), nullable=False),
        sa.Column("annotator_id", sa.Integer(), nullable=False),
        sa.Column("target", sa.String(length=64), nullable=False),
        sa.Column("label", sa.String(length=32), nullable=False),
        sa.Column("holder_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["annotator_id"],
            ["annotators.id"],
        ),
        sa.ForeignKeyConstraint(
            ["holder_id", "sentence_id", "annotator_id"],
            ["entities.id", "entities.sentence_id", "entities.annotator_id"],
        ),
        sa.ForeignKeyConstraint(["sentence_id"], ["sentences.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("sentence_id", "annotator_id", "target"),
    )
    with op.batch_alter_table("sentence_stance", schema=None) as batch_op:
        batch_op.create_index("ix_sentence_stance_annotator", ["annotator_id"], unique=False)


def downgrade() -> None:
    """Revert this revision."""
    with op.batch_alter_table("sentence_stance", schema=None) as batch_op:
        batch_op.drop_index("ix_sentence_stance_annotator")

    op.drop_table("sentence_stance")
    op.drop_table("event_attributes")
    with op.batch_alter_table("event_arguments", schema=None) as batch_op:
        batch_op.drop_index("ix_event_arguments_entity")

    op.drop_table("event_arguments")
    with op.batch_alter_table("document_stance", schema=None) as batch_op:
        batch_op.drop_index("ix_document_stance_annotator")

    op.drop_table("document_stance")
    with op.batch_alter_table("events", schema=None) as batch_op:
        batch_op.drop_index("ix_events_sentence_annotator")
        batch_op.drop_index("ix_events_annotator")

    op.drop_table("events")
    with op.batch_alter_table("entities", schema=None) as batch_op:
        batch_op.drop_index("ix_entities_sentence_annotator")
        batch_op.drop_index("ix_entities_annotator")

    op.drop_table("entities")
    op.drop_table("tokens")
    with op.batch_alter_table("sentence_status", schema=None) as batch_op:
        batch_op.drop_index("ix_sentence_status_annotator")

    op.drop_table("sentence_status")
    op.drop_table("sentences")
    op.drop_table("project_meta")
    op.drop_table("documents")
    op.drop_table("annotators")
