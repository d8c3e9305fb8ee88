"""Changing characters of a stored sentence's text (and its document's) in place, same length.

Who may: as for a correction of tokens (a reviewer or manager, or the person alone on the
document), since the text is every annotator's; on PostgreSQL only a manager writes shared text.

Token offsets, sentence offsets and every annotation stay as they are: only characters change
(the fix of a mixed-script word). The document's content hash follows its text.
"""

from __future__ import annotations

import hashlib

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from annotator.core.errors import AnnotatorError
from annotator.core.messages import message
from annotator.store import team
from annotator.store.correction_rights import correction_refusal
from annotator.store.tables import Annotator, Document, Sentence

SHARED_TEXT = message("only a manager may fix the text of a shared document (its sentences are everyone's)")


def text_refusal(session: Session) -> str | None:
    """Why this session may not change shared text, or None: on PostgreSQL, row-level security
    (migration 0004) lets only a manager (and the tables' owner) write documents and sentences."""
    login = team.login(session)
    if login is None or not login.governed:
        return None
    role = session.scalar(select(Annotator.role).where(Annotator.name == login.name))
    return None if role == "manager" else SHARED_TEXT


def replace_characters(session: Session, sentence_id: int, start: int, old: str, new: str) -> None:
    """Put ``new`` where ``old`` is, at ``start`` of the sentence's text and at the same place of
    its document's text; refused (AnnotatorError) when the text there is no longer ``old``."""
    if len(old) != len(new):
        raise ValueError("a replacement keeps the length of the text")
    if (why := text_refusal(session)) is not None:
        raise AnnotatorError(why)
    row = session.execute(
        select(Sentence.text, Sentence.start_offset, Sentence.document_id, Document.text)
        .join(Document, Document.id == Sentence.document_id)
        .where(Sentence.id == sentence_id)
        .with_for_update()
    ).one_or_none()
    if row is None:
        raise AnnotatorError(message("the sentence is no longer in the project"))
    text, offset, document_id, document = row
    if (why := correction_refusal(session, document_id)) is not None:  # the text is everyone's
        raise AnnotatorError(why)
    end = start + len(old)
    if text[start:end] != old:
        raise AnnotatorError(message("the sentence no longer reads {old} there", old=repr(old)))
    session.execute(
        update(Sentence).where(Sentence.id == sentence_id).values(text=text[:start] + new + text[end:])
    )
    at = offset + start
    if document[at : at + len(old)] == old:  # the document's text holds the sentence at its offset
        changed = document[:at] + new + document[at + len(old) :]
        digest = hashlib.sha256(changed.encode("utf-8")).hexdigest()
        session.execute(
            update(Document).where(Document.id == document_id).values(text=changed, content_hash=digest)
        )
