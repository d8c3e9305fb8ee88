"""What every checked write starts with: the row it changes, held and authorized, or a refusal.

Shared by :mod:`annotator.store.edits`, :mod:`annotator.store.stance` and
:mod:`annotator.store.snapshots`; refusals are StoreError with a sentence for people.
"""

from __future__ import annotations

from typing import TypeVar

from sqlalchemy.orm import Session

from annotator.core.errors import StoreError
from annotator.core.messages import message, text_of
from annotator.core.validate import LayerError
from annotator.store.access import authorize
from annotator.store.tables import EntityRow, EventArgument, EventRow, Sentence


def refuse(exc: LayerError) -> StoreError:
    """The store's refusal for what the schema does not admit."""
    return StoreError(text_of(exc) or str(exc))


def sentence_row(session: Session, sentence_id: int) -> Sentence:
    """The sentence ``sentence_id``, or a refusal naming it."""
    row = session.get(Sentence, sentence_id)
    if row is None:
        raise StoreError(message("there is no sentence {number}", number=sentence_id))
    return row


_Layered = TypeVar("_Layered", EntityRow, EventRow, EventArgument)


def held(session: Session, model: type[_Layered], row_id: int, what: str) -> _Layered:
    """The row ``row_id``, once its layer's sentence is held and the actor may change it.

    It is read again after the lock: on PostgreSQL another window of the same person may have
    removed it in between, and changing a row that is gone must be a refusal, not a crash.
    A row that is not there at all is refused as ``there is no <what> <id>``.
    """
    row = session.get(model, row_id)
    if row is None:
        raise StoreError(f"there is no {what} {row_id}")
    authorize(session, row.annotator_id, sentence_id=row.sentence_id)
    if session.get_bind().dialect.name != "postgresql":
        return row  # SQLite: the write lock was taken at BEGIN, so nobody changed it in between
    row = session.get(model, row_id, populate_existing=True)
    if row is None:
        raise StoreError(f"the {what} was removed meanwhile (in another window?)")
    return row
