"""The people of a project as the CLI and the window list and add them (outside the team rules).

``annotators add`` adds a person without a login (a SQLite project, or a PostgreSQL one before
it has a team); adding people with logins is :mod:`annotator.services.team`.
"""

from __future__ import annotations

from annotator.store import Project, queries
from annotator.store.queries import AnnotatorInfo

__all__ = ["AnnotatorInfo", "add_annotator", "layer_names", "list_annotators"]


def list_annotators(project: Project) -> list[AnnotatorInfo]:
    """Every annotator and reviewer, and the gold layer, by name."""
    with project.reading() as session:
        return queries.list_annotators(session)


def layer_names(project: Project) -> list[str]:
    """The name of every layer there is to export or compare: each person's and gold, by name."""
    return [person.name for person in list_annotators(project)]


def add_annotator(project: Project, name: str, role: str = "annotator") -> AnnotatorInfo:
    """Add a person without a login, in one transaction; the name must be new and not ``gold``."""
    with project.transaction() as session:
        return queries.add_annotator(session, name, role)
