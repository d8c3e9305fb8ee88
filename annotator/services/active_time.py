"""Active annotation time: how long a person's window was focused on each sentence, Qt-free.

The window tells an :class:`ActiveTimer` what happens: the sentence it shows (``focus``), the
person's keys, clicks and wheel turns (``input``) and whether the window is the active one
(``window_active``). Each of these is an *event*; the time between two events counts for the
sentence focused meanwhile when

- the window was active all along (an inactive window counts nothing, and counting starts again
  at the activation), and
- the interval is at most ``idle`` seconds (two minutes by default): a longer one is an idle
  spell and counts nothing at all, not even its first two minutes.

A move to another sentence is an event too, so the time so far goes to the sentence left. The
seconds gathered wait in ``pending()`` until the session stores them (``take()``).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping

from annotator.store import Project, active_time

Clock = Callable[[], float]  # seconds from some start (time.monotonic, or a test's fake)
IDLE_SECONDS = 120.0  # a spell without events longer than this is not counted


class ActiveTimer:
    """Seconds of active work per sentence, from the events of one window (see the module)."""

    def __init__(self, clock: Clock = time.monotonic, idle: float = IDLE_SECONDS):
        self.clock = clock
        self.idle = idle
        self.sentence: int | None = None  # the sentence focused now, None when none is shown
        self.active = False  # whether the window is the active one (nothing counts until it is)
        self.last = clock()  # when the last event happened
        self._pending: dict[int, float] = {}

    def _event(self) -> None:
        """Close the interval since the last event: credit it when it counts, start the next."""
        now = self.clock()
        spent = now - self.last
        if self.active and self.sentence is not None and 0 < spent <= self.idle:
            self._pending[self.sentence] = self._pending.get(self.sentence, 0.0) + spent
        self.last = now

    def focus(self, sentence_id: int | None) -> None:
        """The window shows ``sentence_id`` now (None: no sentence); the time so far is the old one's."""
        self._event()
        self.sentence = sentence_id

    def input(self) -> None:
        """A key press, click or wheel turn of the person in the window."""
        self._event()

    def window_active(self, active: bool) -> None:
        """The window became active (counting starts now) or inactive (counting stops now)."""
        self._event()
        self.active = active

    def pending(self) -> dict[int, float]:
        """The seconds gathered and not yet taken, by sentence id (a copy)."""
        return dict(self._pending)

    def take(self) -> dict[int, float]:
        """The seconds gathered (by sentence id), which are then no longer pending."""
        taken, self._pending = self._pending, {}
        return taken

    def put_back(self, seconds: Mapping[int, float]) -> None:
        """Seconds taken that could not be stored: pending again, with whatever came meanwhile."""
        for sentence_id, spent in seconds.items():
            self._pending[sentence_id] = self._pending.get(sentence_id, 0.0) + spent


def seconds_of(project: Project, person_id: int) -> dict[int, float]:
    """The active seconds stored for a person, by sentence id (reviewers read everyone's)."""
    with project.reading() as s:
        return active_time.seconds_of(s, person_id)
