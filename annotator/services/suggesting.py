"""The model behind suggestions for one person in one project: what to show, training in the
background, and the most useful sentence next. Qt-free.

The window owns one :class:`Suggester`. It calls :meth:`Suggester.suggestions` inside the
annotation session's read transaction for the shown sentence, :meth:`Suggester.train` after
edits and :meth:`Suggester.poll` on a timer. Training runs in a spawned child process, at most one
at a time with at most one queued: a run started while another is going waits, and a third
request only keeps that one waiting run.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass

from annotator.core.errors import AnnotatorError
from annotator.core.model import GOLD
from annotator.core.records import AnnotatorInfo
from annotator.core.suggestions import ENTITY_MODEL, ModelInfo, Suggestion
from annotator.core.views import SentenceView
from annotator.services import training_run
from annotator.services.suggest_data import in_schema, model_infos, shown
from annotator.services.training_run import Request, Result
from annotator.store import Project, Session, training_rows
from annotator.store import suggestions as stored
from annotator.suggest.kazakh import stems
from annotator.suggest.recommender import Recommender

DEFAULT_THRESHOLD = 0.5


@dataclass(frozen=True)
class TrainingReport:
    """What a finished run did: the kinds trained (none: up to date), sentences, F1, seconds; or an error."""

    kinds: tuple[str, ...] = ()
    sentences: int = 0
    f1: float | None = None
    seconds: float = 0.0
    error: str = ""
    up_to_date: bool = False

    @property
    def line(self) -> str:
        """One line for the status bar."""
        if self.error:
            return f"training failed: {self.error}"
        if self.up_to_date:
            return f"suggestions are up to date ({self.sentences} sentences)"
        if not self.kinds:
            return f"ranked the sentences ({self.seconds:.1f} s)"
        f1 = f", held-out F1 {self.f1:.3f}" if self.f1 is not None else ""
        return f"trained {', '.join(self.kinds)} on {self.sentences} sentences in {self.seconds:.0f} s{f1}"


def _identities(text: str) -> set[tuple[tuple[str, ...], str]]:
    """What makes two uncertain strings the same: earlier words (lowercased) and a stem of the last
    (Алматы and Алматыда are one string), as the ranking's own diversity rule has it."""
    words = text.lower().split()
    if not words:
        return set()
    return {(tuple(words[:-1]), one) for one in stems(words[-1])}


def _url(project: Project) -> str:
    """The project's URL with its password: the child logs in as this process did."""
    return project.engine.url.render_as_string(hide_password=False)


class Suggester:
    """Suggestions for ``person`` learned from ``layers`` (default: the person's own and gold)."""

    def __init__(
        self,
        project: Project,
        person: AnnotatorInfo,
        layers: Sequence[str] | None = None,
        threshold: float = DEFAULT_THRESHOLD,
        iterations: int = training_run.ITERATIONS,
    ):
        self.project = project
        self.person = person
        self.layers: tuple[str, ...] = tuple(layers) if layers else tuple(dict.fromkeys((GOLD, person.name)))
        self.threshold = threshold
        self.iterations = iterations  # part of the fingerprint: the same data and iterations is up to date
        self.recommender = Recommender.load({})
        self.ranking: tuple[tuple[int, float, str], ...] = ()
        self.asked: set[tuple[tuple[str, ...], str]] = set()  # strings asked this session (diversity)
        self._executor: ProcessPoolExecutor | None = None
        self._running: Future[Result] | None = None
        self._queued: Request | None = None

    # -- models ----------------------------------------------------------------------------------
    def load(self) -> None:
        """Read the person's models (one read transaction: per kind their own, else the shared
        one) into the recommender. AnnotatorError naming the kind of a damaged or unloadable one
        (the recommender is then left empty: suggestions are off)."""
        self.recommender = Recommender.load({})
        with self.project.reading() as s:
            models = stored.stored_models(s, self.person.id)
        self.recommender = Recommender.load(models)

    def start(self) -> str:
        """What the window does on opening: load the stored models and, with a tagger, rank this
        person's sentences in the background; the line to show (empty without models).
        AnnotatorError when a stored model is damaged (the window says suggestions are off)."""
        self.load()
        return self.rank() if self.recommender.has_tagger else ""

    def models(self) -> list[ModelInfo]:
        """What is known of the person's models (own or shared): layers, when, size, quality."""
        with self.project.reading() as s:
            return model_infos(s, self.person.id)

    def acceptance(self) -> tuple[int, int]:
        """How many suggestions this person accepted and rejected."""
        with self.project.reading() as s:
            return stored.feedback_counts(s, self.person.id)

    # -- the shown sentence ------------------------------------------------------------------------
    def suggestions(self, s: Session, view: SentenceView) -> tuple[Suggestion, ...]:
        """The suggestions to show on ``view``, inside the caller's read transaction ``s``."""
        tokens = [view.text[a:b] for a, b in view.tokens]
        schema = self.project.schema
        proposed = [x for x in self.recommender.suggest(tokens, view.text) if in_schema(schema, x)]
        if not proposed:
            return ()
        return shown(
            proposed,
            self.threshold,
            stored.rejected(s, view.id, self.person.id),
            [(e.token_start, e.token_end) for e in view.entities],
            [(e.token_start, e.token_end) for e in view.events],
            view.stance,
        )

    # -- training in the background ----------------------------------------------------------------
    @property
    def training(self) -> bool:
        """True while a run is going."""
        return self._running is not None

    @property
    def queued(self) -> bool:
        """True when a run waits for the one going."""
        return self._queued is not None

    def _request(self, train: bool = True) -> Request:
        return Request(_url(self.project), self.layers, self.person.id, train, iterations=self.iterations)

    def _start(self, request: Request) -> None:
        if self._executor is None:
            self._executor = ProcessPoolExecutor(
                max_workers=1,
                mp_context=multiprocessing.get_context("spawn"),
                initializer=training_run.lower_priority,
            )
        self._running = self._executor.submit(training_run.run, request)

    def train(self) -> str:
        """Start a training run, or queue one when a run is going (at most one); the line to show."""
        if self._running is not None:
            already = self._queued is not None and self._queued.train
            self._queued = self._request()
            return "a training run is already waiting" if already else "training queued after the current run"
        self._start(self._request())
        return f"training on {', '.join(self.layers)} in the background"

    def rank(self) -> str:
        """Rank this person's not-done sentences in the child (after a training run, or now)."""
        if self._running is not None:
            if self._queued is None:
                self._queued = self._request(train=False)
            return "ranking after the current run"
        self._start(self._request(train=False))
        return "ranking the sentences in the background"

    def poll(self) -> TrainingReport | None:
        """When a run finished: store its models, reload, start the queued run; its report (else None)."""
        future = self._running
        if future is None or not future.done():
            return None
        self._running = None
        report = self._finish(future)
        if self._queued is not None:
            queued, self._queued = self._queued, None
            self._start(queued)
        return report

    def _finish(self, future: Future[Result]) -> TrainingReport:
        try:
            result = future.result()
        except AnnotatorError as exc:
            return TrainingReport(error=str(exc))
        except BrokenProcessPool:
            self._reset()
            return TrainingReport(error="the training process stopped unexpectedly")
        except Exception as exc:  # a defect in the child: said in one line, never a hang
            return TrainingReport(error=f"{type(exc).__name__}: {exc}")
        if result.layers != self.layers:  # asked for before the layers changed: stale, dropped
            return TrainingReport(error="the models of a run on other layers were dropped: train again")
        try:
            if result.trained:
                training_run.store(self.project, result.trained, result.layers, self.person.id)
        except AnnotatorError as exc:  # the database could not take them (a full disk, say)
            return TrainingReport(error=f"the models were not stored: {exc}")
        try:
            self.load()
        except AnnotatorError as exc:  # another stored model (the shared one, say) is damaged
            return TrainingReport(error=str(exc))
        self.ranking = result.ranking or self.ranking
        entity = next((t for t in result.trained if t.kind == ENTITY_MODEL), None)
        f1 = entity.quality.f1 if entity is not None and entity.quality is not None else None
        kinds = tuple(t.kind for t in result.trained)
        return TrainingReport(kinds, result.sentences, f1, result.seconds, up_to_date=result.up_to_date)

    def _reset(self) -> None:
        if self._executor is not None:
            self._executor.shutdown(wait=False, cancel_futures=True)
        self._executor = None

    def close(self) -> None:
        """Stop the child without waiting for it (a run going is abandoned, a queued one dropped)."""
        self._queued = None
        executor, self._executor, self._running = self._executor, None, None
        if executor is None:
            return
        processes = list((getattr(executor, "_processes", None) or {}).values())
        executor.shutdown(wait=False, cancel_futures=True)
        for process in processes:
            if process.is_alive():
                process.terminate()

    # -- the most useful sentence next -------------------------------------------------------------
    def next_uncertain(self, current_id: int | None = None) -> int | None:
        """The best-ranked sentence this person has still not marked done, skipping uncertain strings
        already asked in this session; None when there is none (or no ranking yet)."""
        with self.project.reading() as s:
            for sentence_id, _margin, text in self.ranking:
                keys = _identities(text)
                if sentence_id == current_id or keys & self.asked:
                    continue
                if training_rows.status_of(s, sentence_id, self.person.id) == "done":
                    continue
                self.asked |= keys
                return sentence_id
        return None
