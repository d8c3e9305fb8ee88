"""Who is compared: one rule for the agreement numbers, the disagreement list and the review window.

Without names, the compared people are the annotators: role ``annotator``, whatever other roles
a project may grow. Reviewers and the gold layer are left out, because a reviewer's own sentences
(if any) are not part of the annotation being measured and gold is what the review produces.
Named explicitly, anybody in the project is compared, a reviewer or ``gold`` too (to compare
annotators against gold, name them and ``gold``). Unknown names, a name given twice and fewer
than two people are refused with one line.
"""

from __future__ import annotations

from collections.abc import Sequence

from annotator.core.errors import AnnotatorError
from annotator.core.messages import message
from annotator.store import Project, Session, queries
from annotator.store.queries import AnnotatorInfo

ANNOTATOR_ROLE = "annotator"


class ReviewError(AnnotatorError):
    """Agreement or review cannot be computed: too few annotators, unknown names, nothing in common."""


class NothingInCommon(ReviewError):
    """The compared people have no sentence that every one of them marked done.

    Said without a remedy: the command line suggests ``--status all``, the review window its own.
    """


class ComparedError(ReviewError):
    """The people asked for cannot be compared: unknown names, a name twice, fewer than two."""


def compared_people(source: Project | Session, names: Sequence[str] | None = None) -> list[AnnotatorInfo]:
    """The people to compare: those ``names`` in that order, else every annotator by name.

    ``source`` is a project (read in a transaction of its own) or an open session. Raises
    ComparedError, naming what is wrong, for unknown or repeated names and for fewer than two.
    """
    if isinstance(source, Project):
        with source.reading() as session:
            return compared_people(session, names)
    everybody = queries.list_annotators(source)
    if names is None:
        people = [p for p in everybody if p.role == ANNOTATOR_ROLE]
        if len(people) < 2:
            others = [p.name for p in everybody if p.role != ANNOTATOR_ROLE]
            has = _count(people) if people else message("none")
            if others:
                raise ComparedError(
                    message(
                        "at least two annotators are needed to compare, and the project has {count} "
                        "(others, such as {others}, are compared only when named)",
                        count=has,
                        others=_quoted(others),
                    )
                )
            raise ComparedError(
                message(
                    "at least two annotators are needed to compare, and the project has {count}", count=has
                )
            )
        return people
    known = {p.name: p for p in everybody}
    unknown = [n for n in dict.fromkeys(names) if n not in known]
    if unknown:
        what = "annotator" if len(unknown) == 1 else "annotators"
        listed = _quoted(list(known))
        raise ComparedError(f"no {what} named {_quoted(unknown)} in the project (it has {listed})")
    twice = [n for n in dict.fromkeys(names) if names.count(n) > 1]
    if twice:
        raise ComparedError(f"{_quoted(twice)} named more than once")
    if len(names) < 2:
        raise ComparedError(f"at least two annotators are needed to compare, and {_count(names)} named")
    return [known[n] for n in names]


def compared_names(source: Project | Session, names: Sequence[str] | None = None) -> list[str]:
    """The names of :func:`compared_people`."""
    return [p.name for p in compared_people(source, names)]


def _quoted(names: Sequence[str]) -> str:
    return ", ".join(f'"{n}"' for n in names)


def _count(people: Sequence[AnnotatorInfo] | Sequence[str]) -> str:
    shown = [p if isinstance(p, str) else p.name for p in people]
    return f"{len(shown)} ({_quoted(shown)})" if shown else "none"
