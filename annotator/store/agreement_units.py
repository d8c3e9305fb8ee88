"""What agreement needs to know of the units: which document each sentence belongs to.

Plain tuples, in corpus order (document, then position), so that the coefficients and the
coverage rule (services.review) never see the database.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from annotator.store.tables import Sentence


def sentence_documents(session: Session) -> list[tuple[int, int]]:
    """Every sentence as ``(sentence id, document id)``, in corpus order."""
    query = select(Sentence.id, Sentence.document_id).order_by(Sentence.document_id, Sentence.position)
    return [(int(s), int(d)) for s, d in session.connection().execute(query).all()]
