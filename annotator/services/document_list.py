"""The annotation window's document list, read a page at a time (never every document at once).

A :class:`DocumentList` is what the session announces instead of a list: the window's model asks
it for the number of rows, one page of rows (each document with the person's done count, counted
for that page only) and the row a document is on, each with one indexed query, filtered by a
part of the name in SQL. Iterating it reads every page (tests, small tools). Qt-free.
"""

from __future__ import annotations

from collections.abc import Iterator

from annotator.core.records import DocumentInfo
from annotator.store import Project, paging

PAGE = 200  # rows read at a time when the whole list is walked


class DocumentList:
    """The documents one person sees (``assigned_to``: only those assigned to them), by name,
    with that person's done counts."""

    def __init__(self, project: Project, person_id: int, assigned_to: int | None = None):
        self.project = project
        self.person_id = person_id
        self.assigned_to = assigned_to

    def count(self, needle: str = "") -> int:
        """How many documents the list holds (those with ``needle`` in their name, in any case)."""
        with self.project.reading() as s:
            return paging.count_matching(s, needle, self.assigned_to)

    def page(self, offset: int, limit: int, needle: str = "") -> list[DocumentInfo]:
        """Rows ``offset`` to ``offset + limit`` (fewer at the end) of the list filtered by ``needle``."""
        with self.project.reading() as s:
            return paging.documents_page(s, offset, limit, self.person_id, needle, self.assigned_to)

    def row_of(self, document_id: int, needle: str = "") -> int | None:
        """The row a document is on in the list filtered by ``needle``, or None when it is not there."""
        with self.project.reading() as s:
            return paging.row_of(s, document_id, needle, self.assigned_to)

    def __len__(self) -> int:
        return self.count()

    def __iter__(self) -> Iterator[DocumentInfo]:
        offset = 0
        while True:
            rows = self.page(offset, PAGE)
            yield from rows
            if len(rows) < PAGE:
                return
            offset += PAGE
