"""The annotation session's part for assigned work: what an annotator sees, and the pool.

Once a project assigns documents (or serves them from the pool), an annotator's window shows
only their work (:func:`annotate.work_scope`): the session's navigator, progress, search and
document list stay within it. When nothing is assigned to them, :attr:`Serving.empty_line` says
so, for the document list and the status bar.

In dynamic mode the window takes documents from the pool (:func:`assignment.serve_next`, one
transaction): at start when the person has no unfinished document, and when they mark the last
not-done sentence of a document done. The session then reads the document list again, announces
it and moves to the new document's first sentence. Working in a taken document keeps it theirs
(its ``touched_at``), written at most every :data:`TOUCH_EVERY` seconds, never per keystroke.
Qt-free: the window only listens to the session's signals.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from annotator.services import annotate, assignment

if TYPE_CHECKING:
    from annotator.services.annotation_session import AnnotationSession

NOTHING_ASSIGNED = "nothing is assigned to you yet; a reviewer assigns documents with annotator assign"
TOUCH_EVERY = 300.0  # seconds between two writes saying a taken document is still being worked on


def nothing_left(per_document: int) -> str:
    """What the window says when the pool has nothing more for this person."""
    return f"every document has its {per_document} annotators; nothing more to take"


class Serving:
    """Whether the session's person sees only their work, and (dynamic mode) taking from the pool."""

    def __init__(self, session: AnnotationSession, clock: Callable[[], float] = time.monotonic):
        self.session = session
        self.clock = clock
        self.scope: int | None = None  # whose assignments limit the corpus (see annotate.work_scope)
        self.pool = assignment.Pool(False, 1, assignment.DEFAULT_ABANDON_MINUTES)
        self.empty_line = ""  # said in the document list and status bar when there is no work
        self._touched: dict[int, float] = {}  # document → when its touched_at was last written

    @property
    def dynamic(self) -> bool:
        """Whether this window takes documents from the pool."""
        return self.scope is not None and self.pool.dynamic

    def read_settings(self) -> int | None:
        """Read whose the corpus is and the pool's settings again; the scope (None: everything)."""
        project, person = self.session.project, self.session.person
        with project.reading() as s:
            self.scope = annotate.work_scope(project, person, s)
            self.pool = assignment.pool_settings(project, s)
        return self.scope

    def documents_read(self, count: int) -> None:
        """The document list was read with ``count`` documents: what to say when it is empty."""
        if self.scope is None or count:
            self.empty_line = ""
        else:
            self.empty_line = nothing_left(self.pool.per_document) if self.pool.dynamic else NOTHING_ASSIGNED

    # -- the pool ------------------------------------------------------------------------------
    def at_start(self) -> int | None:
        """In dynamic mode with no unfinished document: take one; the document to open, if taken."""
        if not self.dynamic:
            return None
        served = assignment.serve_next(self.session.project, self.session.person.id)
        if served is None:
            self.session.said.emit(nothing_left(self.pool.per_document))
        return self._served(served)

    def after_status(self) -> bool:
        """After a status is stored: a finished document serves the next one and moves there.

        True when the session moved (or has nothing more to take and stays); False to go on as
        usual (the next sentence).
        """
        screen = self.session.screen
        if not self.dynamic or screen is None:
            return False
        document, progress = screen.view.document_id, screen.progress
        if progress.document_done < progress.document_total:
            self._touch(document)
            return False
        served = assignment.serve_next(self.session.project, self.session.person.id, finished=document)
        self._touched.pop(document, None)
        if served is None:
            self.session.said.emit(nothing_left(self.pool.per_document))
            return True
        opened = self._served(served)
        if opened is None:  # one of their own unfinished documents
            self.session.open_document(served)
            self.session.said.emit(f"next document: {self._name(served)}")
        return True

    def _served(self, served: int | None) -> int | None:
        """A document served: when it is new to the list (taken), the list is read again, announced,
        and its first sentence shown; the document taken, or None."""
        if served is None or served in self.session.navigator.documents:
            return None
        self.session.reload_documents()
        self.session.open_document(served)
        self._touched[served] = self.clock()
        self.session.said.emit(f"next document: {self._name(served)} (taken from the pool)")
        return served

    def _name(self, document_id: int) -> str:
        view = self.session.view
        if view is not None and view.document_id == document_id:
            return view.document_name
        return f"document {document_id}"

    def _touch(self, document_id: int) -> None:
        """Say the person still works in a taken document (at most every TOUCH_EVERY seconds)."""
        now = self.clock()
        last = self._touched.get(document_id)
        if last is not None and now - last < TOUCH_EVERY:
            return
        assignment.touch(self.session.project, self.session.person.id, document_id)
        self._touched[document_id] = now
