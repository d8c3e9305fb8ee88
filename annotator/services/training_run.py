"""One training run: read the done sentences, train when the data changed, rank a person's sentences.

:func:`run` is what the background child process executes (a spawned process: the GIL would
stall the window's thread). It opens the project itself from its URL (with the password: the
child logs in as the person did, so it trains on what their login can read), and returns plain,
picklable results; the parent stores them. :func:`train_here` is the same run in this process,
for the command line, and stores the models itself.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import multiprocessing.connection
import os
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from annotator.core.errors import AnnotatorError
from annotator.core.records import AnnotatorInfo
from annotator.core.suggestions import ENTITY_MODEL, MATCHER_MODEL, STANCE_MODEL, TRIGGER_MODEL
from annotator.services.suggest_data import layer_ids, training_data
from annotator.store import Project, open_project, queries, training_rows
from annotator.store import suggestions as stored
from annotator.store.team import login as team_login
from annotator.suggest import TrainingData
from annotator.suggest.recommender import Recommender
from annotator.suggest.training import Trained, fingerprint, quality_to_json, train_models
from annotator.suggest.uncertainty import most_uncertain

RANK_CANDIDATES = 20_000  # not-done sentences ranked at most
RANKED = 2_000  # how many of them the ranking keeps
ITERATIONS = 100  # L-BFGS iterations of a run (the KazNERD paper's setting)


@dataclass(frozen=True)
class Request:
    """What a run is asked to do: train from ``layers`` (when ``train``), then rank ``person``'s sentences."""

    url: str
    layers: tuple[str, ...]
    person_id: int | None = None
    train: bool = True
    gazetteer: tuple[tuple[str, str], ...] = ()
    iterations: int = ITERATIONS


@dataclass(frozen=True)
class Result:
    """What a run gives back: the models trained (none: up to date), sentences, seconds, the ranking."""

    trained: tuple[Trained, ...] = ()
    up_to_date: bool = False
    sentences: int = 0
    seconds: float = 0.0
    ranking: tuple[tuple[int, float, str], ...] = ()
    layers: tuple[str, ...] = field(default_factory=tuple)
    owner: str | None = None  # whose models they are (None: the project's shared ones)


def expected_kinds(data: TrainingData) -> list[str]:
    """The model kinds a run on ``data`` would train (as ``train_models`` decides)."""
    kinds = []
    if len(data.entities) >= 2:
        kinds += [ENTITY_MODEL, MATCHER_MODEL]
    if len(data.triggers) >= 2 and any(e.spans for e in data.triggers):
        kinds.append(TRIGGER_MODEL)
    if len(data.stance) >= 2 and any(e.labels for e in data.stance):
        kinds.append(STANCE_MODEL)
    return kinds


def up_to_date(data: TrainingData, stored_prints: dict[str, str], iterations: int) -> bool:
    """True when every model the data would give is stored with the fingerprint of that data."""
    kinds = expected_kinds(data)
    return bool(kinds) and all(stored_prints.get(k) == fingerprint(data, k, iterations) for k in kinds)


def _open(url: str) -> Project:
    project, _ = open_project(url, check=False)
    return project


def rank(project: Project, recommender: Recommender, person_id: int) -> tuple[tuple[int, float, str], ...]:
    """The person's not-done sentences where the tagger is least sure, most uncertain first."""
    if not recommender.has_tagger:
        return ()
    with project.reading() as s:
        candidates = training_rows.not_done_tokens(s, person_id, RANK_CANDIDATES)
    return tuple(most_uncertain(candidates, recommender, limit=RANKED))


CHILD_NICENESS = 10  # the training process yields the CPU to the window (and to anything interactive)


def lower_priority() -> None:
    """In the child, once: run at a lower CPU priority, so that on a busy machine the window that
    asked for the training keeps its share (a no-op where the platform has no ``os.nice``), and
    go when the window's process goes, however it ends (see :func:`follow_parent`)."""
    with contextlib.suppress(AttributeError, OSError):
        os.nice(CHILD_NICENESS)
    follow_parent()


def follow_parent() -> None:
    """End this child process as soon as its parent is gone.

    A pool's worker holds both ends of its call queue, so it never sees its parent die: a window
    killed (or crashed) mid-training would leave it running for good. A daemon thread waits on the
    parent's sentinel and ends the process when it fires.
    """
    parent = multiprocessing.parent_process()
    if parent is None:
        return

    def watch() -> None:
        multiprocessing.connection.wait([parent.sentinel])
        os._exit(0)

    threading.Thread(target=watch, name="follow-parent", daemon=True).start()


def run(request: Request) -> Result:
    """The child's work: read, train unless up to date, rank. Raises AnnotatorError with one line.

    Every error of ours crosses back as a plain AnnotatorError: one whose constructor takes other
    arguments (InputError) would not unpickle in the parent.
    """
    try:
        return _run(request)
    except AnnotatorError as exc:
        raise AnnotatorError(str(exc)) from None


def _loaded(project: Project, person_id: int | None) -> Recommender | None:
    """The person's stored models loaded; None when one is damaged or cannot be loaded."""
    try:
        with project.reading() as s:
            return Recommender.load(stored.stored_models(s, person_id))
    except AnnotatorError:
        return None


def _run(request: Request) -> Result:
    started = time.perf_counter()
    project = _open(request.url)
    try:
        trained: tuple[Trained, ...] = ()
        loaded: Recommender | None = None
        fresh = False
        sentences = 0
        if request.train:
            with project.reading() as s:
                ids = layer_ids(s, request.layers, option="suggestions")
                data = training_data(s, project.schema, ids, request.gazetteer)
                prints = stored.fingerprints(s, request.person_id)
            sentences = len(data.entities)
            if not sentences:
                raise AnnotatorError(
                    f"no sentence is marked done in {', '.join(request.layers)}: nothing to learn"
                )
            # Up to date, but damaged (or unloadable) models are trained again: that mends them.
            loaded = (
                _loaded(project, request.person_id) if up_to_date(data, prints, request.iterations) else None
            )
            fresh = loaded is not None
            if not fresh:
                trained = tuple(train_models(data, request.iterations))
        ranking: tuple[tuple[int, float, str], ...] = ()
        if request.person_id is not None:
            if trained:
                loaded = Recommender.load({t.kind: t.data for t in trained})
            elif loaded is None:
                with project.reading() as s:
                    loaded = Recommender.load(stored.stored_models(s, request.person_id))
            ranking = rank(project, loaded, request.person_id)
        seconds = time.perf_counter() - started
        return Result(trained, fresh, sentences, seconds, ranking, request.layers)
    finally:
        project.close()


def store(
    project: Project, trained: Sequence[Trained], layers: Sequence[str], annotator_id: int | None = None
) -> None:
    """Keep the trained models as ``annotator_id``'s own (None: the shared ones), in one short
    write transaction."""
    with project.transaction() as s:
        for one in trained:
            quality = quality_to_json(one.quality) if one.quality is not None else None
            stored.store_model(
                s, one.kind, layers, one.fingerprint, one.sentences, quality, one.data, annotator_id
            )


SHARERS = ("reviewer", "manager")  # with the project's owner, who may replace the shared models


def cli_owner(project: Project) -> AnnotatorInfo | None:
    """Whose models ``annotator train`` makes: None for the project's shared ones (SQLite, the
    owner, a reviewer or a manager), else the team annotator logged in, whose login may write only
    their own (refused in one line for a login that is not in the team)."""
    with project.reading() as s:
        who = team_login(s)
        if who is None or not who.governed:
            return None
        me = queries.find_annotator(s, who.name)
    if me is None:
        raise AnnotatorError(f"the login {who.name!r} is not in this project's team")
    return None if me.role in SHARERS else me


def train_here(
    project: Project,
    layers: Sequence[str],
    gazetteer: Sequence[tuple[str, str]] = (),
    iterations: int = ITERATIONS,
    progress: Callable[[str], None] | None = None,
) -> Result:
    """Train in this process (the command line), store the models, and say what was done.

    They are the project's shared models (what a person's window shows for each kind they have not
    trained themselves), unless a team annotator's login runs it: then they are that person's own
    (see :func:`cli_owner`).

    Unknown layer names and layers with no done sentence are refused with one line.
    """
    started = time.perf_counter()
    owner = cli_owner(project)
    with project.reading() as s:
        data = training_data(s, project.schema, layer_ids(s, layers), gazetteer)
    if not data.entities:
        raise AnnotatorError(f"no sentence is marked done in {', '.join(layers)}: nothing to learn")
    if len(data.entities) < 2:
        raise AnnotatorError("one sentence is marked done: training needs at least two")
    trained = train_models(data, iterations, progress)
    store(project, trained, layers, owner.id if owner is not None else None)
    seconds = time.perf_counter() - started
    return Result(
        tuple(trained), False, len(data.entities), seconds, (), tuple(layers), owner.name if owner else None
    )
