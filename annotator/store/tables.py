"""The project database: SQLAlchemy 2.0 typed declarative tables.

The database enforces what it can: unique keys, foreign keys, token ranges that lie inside their
sentence, arguments and holders in the same sentence and layer as their event (composite foreign
keys). The store API (``edits.py``) enforces the rest against the project's schema.

A sentence keeps its tokens' offsets packed in one column (``offsets.py``), not as a row per
token. An entity or event repeats its sentence's token count (``sentence_tokens``): a composite
foreign key to ``(sentences.id, sentences.n_tokens)`` keeps the copy true and a check keeps the
range below it, which costs an import nothing beyond the foreign key it already had (a trigger
doing the same cost 1.4 µs a span, measured). Ranges are kept as first and *last* token
(inclusive); the API speaks of ``token_end`` exclusive like the file formats.
"""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    DateTime,
    Float,
    ForeignKey,
    ForeignKeyConstraint,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


def utcnow() -> datetime:
    """The current time in UTC, for timestamps."""
    return datetime.now(UTC)


class Base(DeclarativeBase):
    """Declarative base of every table."""


class ProjectMeta(Base):
    """Key/value facts about the project: its schema TOML, name, creating version."""

    __tablename__ = "project_meta"
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class Document(Base):
    """An article: its full text and a content hash (SHA-256 of the NFC text)."""

    __tablename__ = "documents"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(255), unique=True)
    source: Mapped[str] = mapped_column(Text, default="")
    text: Mapped[str] = mapped_column(Text)
    content_hash: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class Sentence(Base):
    """A sentence: order in its document, offsets into the document text, its text and its tokens.

    ``token_offsets`` packs the tokens' character offsets into ``text`` (see ``offsets.py``);
    ``n_tokens`` says how many there are, and a check keeps the two in step.
    """

    __tablename__ = "sentences"
    __table_args__ = (
        UniqueConstraint("document_id", "position"),
        CheckConstraint("start_offset >= 0 AND end_offset > start_offset", name="sentence_offsets"),
        CheckConstraint("n_tokens > 0", name="sentence_has_tokens"),
        CheckConstraint("length(token_offsets) = 8 * n_tokens", name="sentence_token_offsets"),
        UniqueConstraint("id", "n_tokens", name="sentences_token_count_key"),
    )
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer)
    paragraph: Mapped[int] = mapped_column(Integer, default=0)
    start_offset: Mapped[int] = mapped_column(Integer)
    end_offset: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)
    n_tokens: Mapped[int] = mapped_column(Integer)
    token_offsets: Mapped[bytes] = mapped_column(LargeBinary)


class Annotator(Base):
    """A person who annotates, reviews or manages; the reserved ``gold`` row holds the adjudicated layer.

    On PostgreSQL a person's ``name`` is their login role: row-level security (migration 0004)
    reads the role of ``current_user`` here.
    """

    __tablename__ = "annotators"
    __table_args__ = (
        CheckConstraint("role IN ('annotator', 'reviewer', 'manager', 'gold')", name="annotator_role"),
    )
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(128), unique=True)
    role: Mapped[str] = mapped_column(String(16), default="annotator")
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


def _span_constraints(table: str, label: str) -> tuple[object, ...]:
    return (
        CheckConstraint(
            "token_start >= 0 AND token_last >= token_start AND token_last < sentence_tokens",
            name=f"{table}_token_range",
        ),
        ForeignKeyConstraint(
            ["sentence_id", "sentence_tokens"], ["sentences.id", "sentences.n_tokens"], ondelete="CASCADE"
        ),
        UniqueConstraint("id", "sentence_id", "annotator_id", name=f"{table}_layer_key"),
        # No two identical spans in one layer, whoever writes them; it also serves every query
        # that picks one annotator's spans of a sentence.
        Index(
            f"uq_{table}_span", "sentence_id", "annotator_id", "token_start", "token_last", label, unique=True
        ),
        # A person's rows as a range (migration 0009): their counts, and their layer read alone.
        Index(f"ix_{table}_annotator", "annotator_id"),
    )


class EntityRow(Base):
    """An entity span of one annotator: tokens ``token_start..token_last`` and a label."""

    __tablename__ = "entities"
    __table_args__ = _span_constraints("entities", "label")
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    sentence_id: Mapped[int] = mapped_column(Integer)
    annotator_id: Mapped[int] = mapped_column(ForeignKey("annotators.id"))
    token_start: Mapped[int] = mapped_column(Integer)
    token_last: Mapped[int] = mapped_column(Integer)
    sentence_tokens: Mapped[int] = mapped_column(Integer)
    label: Mapped[str] = mapped_column(String(64))


class EventRow(Base):
    """An event of one annotator: trigger tokens and an event type."""

    __tablename__ = "events"
    __table_args__ = _span_constraints("events", "type")
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    sentence_id: Mapped[int] = mapped_column(Integer)
    annotator_id: Mapped[int] = mapped_column(ForeignKey("annotators.id"))
    token_start: Mapped[int] = mapped_column(Integer)
    token_last: Mapped[int] = mapped_column(Integer)
    sentence_tokens: Mapped[int] = mapped_column(Integer)
    type: Mapped[str] = mapped_column(String(64))


class EventAttribute(Base):
    """One attribute value of an event (polarity, modality, tense, ...)."""

    __tablename__ = "event_attributes"
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"), primary_key=True)
    name: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(String(64))


class EventArgument(Base):
    """A role-labelled link from an event to an entity of the same sentence and annotator."""

    __tablename__ = "event_arguments"
    __table_args__ = (
        ForeignKeyConstraint(
            ["event_id", "sentence_id", "annotator_id"],
            ["events.id", "events.sentence_id", "events.annotator_id"],
            ondelete="CASCADE",
        ),
        ForeignKeyConstraint(
            ["entity_id", "sentence_id", "annotator_id"],
            ["entities.id", "entities.sentence_id", "entities.annotator_id"],
            ondelete="CASCADE",
        ),
        UniqueConstraint("event_id", "role", "entity_id"),
        Index("ix_event_arguments_entity", "entity_id"),
    )
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    event_id: Mapped[int] = mapped_column(Integer)
    sentence_id: Mapped[int] = mapped_column(Integer)
    annotator_id: Mapped[int] = mapped_column(Integer)
    role: Mapped[str] = mapped_column(String(64))
    entity_id: Mapped[int] = mapped_column(Integer)


class SentenceStance(Base):
    """Stance of one annotator in one sentence toward a target, with an optional holder entity."""

    __tablename__ = "sentence_stance"
    __table_args__ = (
        UniqueConstraint("sentence_id", "annotator_id", "target"),
        ForeignKeyConstraint(
            ["holder_id", "sentence_id", "annotator_id"],
            ["entities.id", "entities.sentence_id", "entities.annotator_id"],
        ),
        Index("ix_sentence_stance_annotator", "annotator_id"),
        # The stances an entity holds (its deletion and undo; migration 0010): only rows with a holder.
        Index(
            "ix_sentence_stance_holder",
            "holder_id",
            sqlite_where=text("holder_id IS NOT NULL"),
            postgresql_where=text("holder_id IS NOT NULL"),
        ),
    )
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    sentence_id: Mapped[int] = mapped_column(ForeignKey("sentences.id", ondelete="CASCADE"))
    annotator_id: Mapped[int] = mapped_column(ForeignKey("annotators.id"))
    target: Mapped[str] = mapped_column(String(64))
    label: Mapped[str] = mapped_column(String(32))
    holder_id: Mapped[int | None] = mapped_column(Integer, nullable=True)


class DocumentStance(Base):
    """Stance of one annotator in a whole document toward a target, with an optional holder entity."""

    __tablename__ = "document_stance"
    __table_args__ = (
        UniqueConstraint("document_id", "annotator_id", "target"),
        Index("ix_document_stance_annotator", "annotator_id"),
        Index(
            "ix_document_stance_holder",
            "holder_id",
            sqlite_where=text("holder_id IS NOT NULL"),
            postgresql_where=text("holder_id IS NOT NULL"),
        ),
    )
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"))
    annotator_id: Mapped[int] = mapped_column(ForeignKey("annotators.id"))
    target: Mapped[str] = mapped_column(String(64))
    label: Mapped[str] = mapped_column(String(32))
    holder_id: Mapped[int | None] = mapped_column(ForeignKey("entities.id"), nullable=True)


class SentenceStatus(Base):
    """Progress of one annotator on one sentence, with a free comment; no row means ``todo``."""

    __tablename__ = "sentence_status"
    __table_args__ = (
        CheckConstraint("status IN ('todo', 'done', 'skipped', 'flagged')", name="sentence_status_value"),
        Index("ix_sentence_status_annotator", "annotator_id", "status"),
    )
    sentence_id: Mapped[int] = mapped_column(ForeignKey("sentences.id", ondelete="CASCADE"), primary_key=True)
    annotator_id: Mapped[int] = mapped_column(ForeignKey("annotators.id"), primary_key=True)
    status: Mapped[str] = mapped_column(String(16), default="todo")
    comment: Mapped[str] = mapped_column(Text, default="")
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class Activity(Base):
    """How many edits a person made and when the last one was: what teammates see of each other."""

    __tablename__ = "activity"
    annotator_id: Mapped[int] = mapped_column(
        ForeignKey("annotators.id", ondelete="CASCADE"), primary_key=True
    )
    edits: Mapped[int] = mapped_column(Integer, default=0)
    last_edit_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


MODEL_KIND_CHECK = "kind IN ('entities', 'triggers', 'matcher', 'stance')"  # core.suggestions.MODEL_KINDS


class ModelRow(Base):
    """A trained model of one kind, learned from ``layers`` (a JSON list of layer names).

    It belongs to ``annotator_id`` (the person whose window trained it), or to nobody: NULL is the
    shared model ``annotator train`` makes. ``data`` holds the model's own bytes (crfsuite's model
    file, or JSON), never a pickle: a shared project must not hand anyone code to run. ``digest``
    (SHA-256, hex) and ``size`` are checked before the bytes are loaded. Retraining replaces the row.
    """

    __tablename__ = "models"
    __table_args__ = (
        CheckConstraint(MODEL_KIND_CHECK, name="model_kind"),
        Index(
            "ux_models_kind_person",
            "kind",
            "annotator_id",
            unique=True,
            sqlite_where=text("annotator_id IS NOT NULL"),
            postgresql_where=text("annotator_id IS NOT NULL"),
        ),
        Index(
            "ux_models_kind_shared",
            "kind",
            unique=True,
            sqlite_where=text("annotator_id IS NULL"),
            postgresql_where=text("annotator_id IS NULL"),
        ),
    )
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[str] = mapped_column(String(16))
    annotator_id: Mapped[int | None] = mapped_column(
        ForeignKey("annotators.id", ondelete="CASCADE"), nullable=True
    )
    layers: Mapped[str] = mapped_column(Text)
    fingerprint: Mapped[str] = mapped_column(String(64))
    trained_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    sentences: Mapped[int] = mapped_column(Integer)
    quality: Mapped[str | None] = mapped_column(Text, nullable=True)
    data: Mapped[bytes] = mapped_column(LargeBinary)
    digest: Mapped[str] = mapped_column(String(64))
    size: Mapped[int] = mapped_column(Integer)


class SuggestionFeedback(Base):
    """A person's verdict on one suggestion: accepted or rejected (a rejected one never comes back).

    ``token_start``/``token_last`` are inclusive like every span table (a stance: 0, 0) and
    ``target`` is empty unless the suggestion is a stance.
    """

    __tablename__ = "suggestion_feedback"
    __table_args__ = (
        CheckConstraint("kind IN ('entity', 'trigger', 'stance')", name="suggestion_feedback_kind"),
        CheckConstraint("verdict IN ('accepted', 'rejected')", name="suggestion_feedback_verdict"),
        Index("ix_suggestion_feedback_sentence", "sentence_id"),
    )
    annotator_id: Mapped[int] = mapped_column(ForeignKey("annotators.id"), primary_key=True)
    sentence_id: Mapped[int] = mapped_column(ForeignKey("sentences.id", ondelete="CASCADE"), primary_key=True)
    kind: Mapped[str] = mapped_column(String(16), primary_key=True)
    token_start: Mapped[int] = mapped_column(Integer, primary_key=True)
    token_last: Mapped[int] = mapped_column(Integer, primary_key=True)
    label: Mapped[str] = mapped_column(String(64), primary_key=True)
    target: Mapped[str] = mapped_column(String(64), primary_key=True, default="")
    verdict: Mapped[str] = mapped_column(String(16))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class AppliedSuggestions(Base):
    """What the last ``annotator suggest --apply`` added to a person's layer (one record per person).

    ``entities``, ``events`` and ``stance`` are JSON lists of the rows added, each with its id and
    what it held, so that an undo removes only those still there unchanged.
    """

    __tablename__ = "applied_suggestions"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    annotator_id: Mapped[int] = mapped_column(ForeignKey("annotators.id", ondelete="CASCADE"), unique=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    entities: Mapped[str] = mapped_column(Text, default="[]")
    events: Mapped[str] = mapped_column(Text, default="[]")
    stance: Mapped[str] = mapped_column(Text, default="[]")


class Assignment(Base):
    """A document given to a person; a document may go to several (the overlap agreement needs).

    ``dynamic``: taken by the person's window from the pool, not given by ``annotator assign``.
    ``touched_at``: when the assignee last worked in the document; ``finished_at``: when their
    window served the next one with this one done. A dynamic row neither finished nor touched
    within the project's abandonment timeout goes back to the pool.
    """

    __tablename__ = "assignments"
    __table_args__ = (Index("ix_assignments_annotator", "annotator_id"),)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True)
    annotator_id: Mapped[int] = mapped_column(
        ForeignKey("annotators.id", ondelete="CASCADE"), primary_key=True
    )
    dynamic: Mapped[bool] = mapped_column(Boolean, default=False)
    assigned_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    touched_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    finished_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)


class ActiveTime(Base):
    """Seconds a person's window was focused on a sentence while they worked (idle spells left out)."""

    __tablename__ = "active_time"
    __table_args__ = (CheckConstraint("seconds >= 0", name="active_time_seconds"),)
    annotator_id: Mapped[int] = mapped_column(
        ForeignKey("annotators.id", ondelete="CASCADE"), primary_key=True
    )
    sentence_id: Mapped[int] = mapped_column(ForeignKey("sentences.id", ondelete="CASCADE"), primary_key=True)
    seconds: Mapped[float] = mapped_column(Float)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
