"""Assignment: who annotates which document, with controlled overlap, and the pool windows take from.

``annotator assign`` gives every document not yet assigned (:func:`assign`), balanced by sentence
count, a share of them to several people (:mod:`annotator.core.workload` plans it); running it
again changes nothing already given. :func:`move_unfinished` hands a person's unfinished
documents to others. In *dynamic* mode (:func:`set_dynamic`) a window that finishes a document
takes the next one still short of its ``per_document`` assignees (:func:`serve_next`), and a
document someone took and left for the abandonment timeout goes back to the pool.

Giving and moving are a reviewer's or a manager's (a PostgreSQL login of another role is refused
here, and by row-level security); every plan is made and written in one transaction holding the
assignments' lock, so two runs at once never both give the same document.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from annotator.core.errors import AnnotatorError
from annotator.core.model import GOLD, REVIEWING
from annotator.core.workload import BALANCE_TOLERANCE, imbalance, move, plan
from annotator.services.team import team_login
from annotator.store import Project, Session, queries
from annotator.store import assignments as rows
from annotator.store.locks import lock_assignments

MODE_KEY = "assignment:mode"
PER_DOCUMENT_KEY = "assignment:per_document"
ABANDON_KEY = "assignment:abandon_minutes"  # read by migration 0006's release policy
DEFAULT_ABANDON_MINUTES = 480  # a working day: a document left that long goes back to the pool


@dataclass(frozen=True)
class Assigned:
    """What a run of ``annotator assign`` did: documents given, how many to several people, loads."""

    documents: int
    overlapping: int
    per_document: int
    load: dict[str, int]
    moved: int = 0
    stuck: list[str] = field(default_factory=list)
    moving: bool = False  # a --move-from run (which may have found nothing to move)

    def describe(self) -> str:
        """One paragraph for the command line."""
        if self.moving or self.moved or self.stuck:
            head = f"moved {self.moved} unfinished document(s)"
        elif not self.documents:
            head = "every document is assigned already; nothing changed"
        else:
            many = f"{self.overlapping} to {self.per_document} people, " if self.overlapping else ""
            head = f"assigned {self.documents} document(s) ({many}{self.documents - self.overlapping} to one)"
        loads = ", ".join(f"{name} {n}" for name, n in self.load.items())
        lines = [f"{head}; sentences assigned: {loads}" if loads else head]
        if self.stuck:
            lines.append(f"note: kept (everyone named has it already): {', '.join(self.stuck)}")
        off = imbalance(self.load)
        if off > BALANCE_TOLERANCE and not self.stuck:
            lines.append(
                f"note: one person's load is {off:.0%} off the mean: some documents are larger than a share"
            )
        return "\n".join(lines)


def _check_may_assign(project: Project, session: Session) -> None:
    login = team_login(project)
    if login is None:
        return  # SQLite, or the project's owner: whoever can write the project may plan it
    me = queries.find_annotator(session, login)
    if me is None or me.role not in REVIEWING:
        role = me.role if me is not None else "not in the team"
        raise AnnotatorError(f"only a reviewer or a manager assigns documents, and {login} is {role}")


def _people(session: Session, names: list[str], option: str = "--to") -> dict[str, int]:
    if len(set(names)) != len(names):
        raise AnnotatorError(f"{option}: a person is named twice")
    out: dict[str, int] = {}
    for name in names:
        found = queries.find_annotator(session, name)
        if found is None:
            raise AnnotatorError(f"{option} {name}: nobody of that name in the project (add them first)")
        if found.role == GOLD:
            raise AnnotatorError(f"{option} {name}: the gold layer is not a person")
        out[name] = found.id
    return out


def _loads(
    sizes: dict[int, int], assigned: dict[int, frozenset[int]], people: dict[str, int]
) -> dict[int, int]:
    """The sentences each of ``people`` (by id) is assigned already."""
    load = dict.fromkeys(people.values(), 0)
    for doc, who in assigned.items():
        for person in who & load.keys():
            load[person] += sizes.get(doc, 0)
    return load


def assign(
    project: Project, to: list[str], per_document: int = 1, overlap: float | None = None, seed: int = 0
) -> Assigned:
    """Give every unassigned document with sentences to ``to``; ``overlap`` of them to
    ``per_document`` people (default: all of them when ``per_document`` > 1)."""
    if overlap is not None and per_document < 2:
        raise AnnotatorError("--overlap needs --per-document N with N of at least 2")
    share = overlap if overlap is not None else (1.0 if per_document > 1 else 0.0)
    with project.transaction() as s:
        _check_may_assign(project, s)
        lock_assignments(s)
        people = _people(s, to)
        given = rows.assignees_by_document(s)
        # In code point order, whatever the order of --to and the database's collation: the same
        # seed, people and documents give the same plan on every backend.
        sized = sorted(rows.document_sizes(s), key=lambda row: row[1])
        free = [(d, n) for d, _name, n in sized if n > 0 and d not in given]
        team = [people[name] for name in sorted(people)]
        before = _loads({d: n for d, _name, n in sized}, given, people)
        made = plan(free, team, per_document, share, seed, before)
        rows.add(s, made.pairs)
    names = {i: n for n, i in people.items()}
    load = {names[p]: n for p, n in sorted(made.load.items(), key=lambda pn: names[pn[0]])}
    return Assigned(len(free), len(made.overlapping), per_document, load)


def move_unfinished(project: Project, source: str, to: list[str], seed: int = 0) -> Assigned:
    """Hand ``source``'s unfinished documents to the least loaded of ``to`` (their work stays theirs)."""
    with project.transaction() as s:
        _check_may_assign(project, s)
        lock_assignments(s)
        giver = _people(s, [source], "--move-from")[source]
        people = _people(s, to)
        if giver in people.values():
            raise AnnotatorError(f"--to names {source}, whose documents are being moved")
        sized = rows.document_sizes(s)
        sizes = {d: n for d, _name, n in sized}
        names_of = {d: name for d, name, _n in sized}
        given = rows.assignees_by_document(s)
        load = _loads(sizes, given, people)
        docs = [(d, sizes[d]) for d in rows.unfinished(s, giver)]
        pairs, stuck = move(docs, given, [people[n] for n in sorted(people)], load, seed)
        rows.remove(s, giver, [d for d, _ in pairs])
        rows.add(s, pairs)
        for document, person in pairs:  # the giver is not among them: only what moved changes
            load[person] += sizes[document]
    names = {i: n for n, i in people.items()}
    shown = {names[p]: n for p, n in sorted(load.items(), key=lambda pn: names[pn[0]])}
    return Assigned(0, 0, 1, shown, moved=len(pairs), stuck=[names_of[d] for d in stuck], moving=True)


@dataclass(frozen=True)
class Pool:
    """The dynamic mode's settings: whether it is on, assignees wanted per document, abandonment."""

    dynamic: bool
    per_document: int
    abandon_minutes: int


def pool_settings(project: Project, session: Session | None = None) -> Pool:
    """The project's dynamic-mode settings (off by default)."""
    if session is None:
        with project.reading() as own:
            return pool_settings(project, own)
    mode = queries.get_meta(session, MODE_KEY)
    per = queries.get_meta(session, PER_DOCUMENT_KEY)
    abandon = queries.get_meta(session, ABANDON_KEY)
    return Pool(
        mode == "dynamic",
        int(per) if per and per.isdigit() else 1,
        int(abandon) if abandon and abandon.isdigit() else DEFAULT_ABANDON_MINUTES,
    )


def set_dynamic(
    project: Project, on: bool, per_document: int | None = None, abandon_minutes: int | None = None
) -> Pool:
    """Switch dynamic mode on (with its settings) or off; the settings now in force. A setting
    not given keeps its value (at first: one person per document, the default timeout)."""
    if per_document is not None and per_document < 1:
        raise AnnotatorError("--per-document: give a number of at least 1")
    if abandon_minutes is not None and abandon_minutes < 1:
        raise AnnotatorError("--abandon-after: give a number of minutes of at least 1")
    with project.transaction() as s:
        _check_may_assign(project, s)
        lock_assignments(s)
        before = pool_settings(project, s)
        queries.set_meta(s, MODE_KEY, "dynamic" if on else "static")
        if on:
            per = per_document if per_document is not None else before.per_document
            minutes = abandon_minutes if abandon_minutes is not None else before.abandon_minutes
            queries.set_meta(s, PER_DOCUMENT_KEY, str(per))
            queries.set_meta(s, ABANDON_KEY, str(minutes))
        return pool_settings(project, s)


def serve_next(project: Project, person_id: int, finished: int | None = None) -> int | None:
    """The document a person works on next: their first unfinished one, else (dynamic mode) one
    taken from the pool; None when there is nothing left for them.

    ``finished``: the document they were on, recorded as finished when they marked all of it done
    (a finished document is never abandoned). In dynamic mode the documents others took and left
    for the abandonment timeout go back to the pool first.
    """
    with project.transaction() as s:
        lock_assignments(s)
        settings = pool_settings(project, s)
        if finished is not None and not rows.unfinished(s, person_id, among=finished):
            rows.finish(s, person_id, finished)
        mine = rows.unfinished(s, person_id, first=True)
        if mine:
            return mine[0]
        if not settings.dynamic:
            return None
        rows.release_abandoned(s, settings.abandon_minutes)
        taken = rows.pool_next(s, person_id, settings.per_document)
        if taken is not None:
            rows.add(s, [(taken, person_id)], dynamic=True)
        return taken


def touch(project: Project, person_id: int, document_id: int) -> None:
    """Say the person is still working in a document they took (so it is not abandoned)."""
    with project.transaction() as s:
        rows.touch(s, person_id, document_id)
