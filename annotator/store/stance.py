"""Stance of a sentence or of a whole document toward a target, with its holder: one code path.

The two levels differ only in the table, the column that names the sentence or document, how the
layer is held, and which entities may be the holder; everything else is written once.
"""

from __future__ import annotations

from typing import Literal, cast

from sqlalchemy import select
from sqlalchemy.orm import Session

from annotator.core.errors import StoreError
from annotator.core.messages import message
from annotator.core.schema import Schema
from annotator.core.validate import LayerError, check_stance
from annotator.store.access import authorize
from annotator.store.checks import refuse, sentence_row
from annotator.store.snapshots import StanceState
from annotator.store.tables import DocumentStance, EntityRow, Sentence, SentenceStance

Level = Literal["sentence", "document"]
LEVELS: tuple[Level, ...] = ("sentence", "document")

_Stance = SentenceStance | DocumentStance


def _model(level: Level) -> type[SentenceStance] | type[DocumentStance]:
    return SentenceStance if level == "sentence" else DocumentStance


def _keys(level: Level, scope_id: int, annotator_id: int, target: str) -> dict[str, int | str]:
    return {f"{level}_id": scope_id, "annotator_id": annotator_id, "target": target}


def _holder_fits(session: Session, level: Level, scope_id: int, annotator_id: int, holder: EntityRow) -> bool:
    """Whether ``holder`` is an entity of the same annotator in that sentence or document."""
    if holder.annotator_id != annotator_id:
        return False
    if level == "sentence":
        return holder.sentence_id == scope_id
    sentence = session.get(Sentence, holder.sentence_id)
    return sentence is not None and sentence.document_id == scope_id


def stance_state(
    session: Session, level: Level, scope_id: int, annotator_id: int, target: str
) -> StanceState | None:
    """An annotator's stance toward ``target`` in sentence or document ``scope_id``, or None."""
    row = cast(
        _Stance | None,
        session.scalar(select(_model(level)).filter_by(**_keys(level, scope_id, annotator_id, target))),
    )
    return StanceState(row.label, row.holder_id, row.id) if row else None


def set_stance(
    session: Session,
    schema: Schema,
    level: Level,
    scope_id: int,
    annotator_id: int,
    target: str,
    label: str | None,
    holder_id: int | None = None,
    row_id: int | None = None,
) -> StanceState | None:
    """Set (or with ``label=None`` clear) an annotator's stance toward ``target``; the state before.

    ``scope_id`` is the sentence's id (``level="sentence"``) or the document's (``"document"``).
    ``row_id`` is the id a new row gets (undo and redo bring back the same row); else a fresh one.
    """
    if level == "sentence":
        authorize(session, annotator_id, sentence_id=scope_id)
        sentence_row(session, scope_id)
    else:
        authorize(session, annotator_id, document_id=scope_id)
    model = _model(level)
    keys = _keys(level, scope_id, annotator_id, target)
    row = cast(_Stance | None, session.scalar(select(model).filter_by(**keys)))
    old = StanceState(row.label, row.holder_id, row.id) if row else None
    if label is None:
        if row is not None:
            session.delete(row)
            session.flush()
        return old
    try:
        check_stance(schema, target, label, level)
    except LayerError as exc:
        raise refuse(exc) from None
    if holder_id is not None:
        holder = session.get(EntityRow, holder_id)
        if holder is None or not _holder_fits(session, level, scope_id, annotator_id, holder):
            if level == "document":
                raise StoreError(
                    message("a stance holder must be an entity of the same document and annotator")
                )
            raise StoreError(message("a stance holder must be an entity of the same sentence and annotator"))
    if row is None:
        session.add(model(**keys, label=label, holder_id=holder_id, **({"id": row_id} if row_id else {})))
    else:
        row.label, row.holder_id = label, holder_id
    session.flush()
    return old
