"""The tokenizer version a project cuts new text with, kept in ``project_meta``.

A project made before versions were stored has no key: its text was cut by version 1, and so is
what is imported into it. New projects store :data:`annotator.core.text.TOKENIZER_VERSION` when
they are made. Everyone on a team project reads the key (project_meta is readable by every member
under PostgreSQL's row-level security); only the owner or a manager changes it.
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from annotator.core.errors import ProjectError
from annotator.core.text import TOKENIZER_VERSIONS, check_version
from annotator.store.queries import get_meta, set_meta

TOKENIZER_KEY = "tokenizer_version"
UNSTORED_VERSION = 1  # a project made before the version was stored


def tokenizer_version(session: Session) -> int:
    """The project's tokenizer version; 1 when none is stored. ProjectError for one this annotator
    does not know (a newer annotator's project)."""
    stored = get_meta(session, TOKENIZER_KEY)
    if stored is None:
        return UNSTORED_VERSION
    try:
        return check_version(int(stored))
    except ValueError:
        known = ", ".join(map(str, TOKENIZER_VERSIONS))
        raise ProjectError(
            f"the project cuts text with tokenizer version {stored!r}, which this annotator does not know "
            f"(it knows {known}); update annotator"
        ) from None


def set_tokenizer_version(session: Session, version: int) -> None:
    """Store ``version`` as the project's tokenizer version (ValueError for an unknown one)."""
    set_meta(session, TOKENIZER_KEY, str(check_version(version)))
