"""The search index of the sentences an import left waiting, filled a block at a time in the background.

An import (and the upgrade that made the index) leaves its sentences waiting to be indexed for the
window's search, so that it never pays for filling the trigram index (more than the import's own
time at a million sentences). The window's upkeep calls :func:`index_waiting` in a worker thread
after it opens and after each import it makes: one short write transaction per block, a rest
between two, so an edit waits at most one block; until none waits, the search reads the sentences
instead of the index, with the same hits. Qt-free.
"""

from __future__ import annotations

import threading

from annotator.store import Project, sentence_search

BLOCK = 500  # sentences indexed in one transaction: about 30 ms, the longest an edit waits for it
PAUSE_S = 0.02  # rest between two blocks: the person's keys keep the machine


def waiting(project: Project) -> bool:
    """True when some sentences wait to be indexed for the search."""
    with project.reading() as session:
        return sentence_search.waiting(session)


def index_waiting(
    project: Project, stop: threading.Event | None = None, block: int = BLOCK, pause: float = PAUSE_S
) -> int:
    """Index every waiting sentence, ``block`` at a time; the number of blocks indexed. ``stop``
    set: ends after the block in hand (what is done stays done; the next window goes on)."""
    stop = stop or threading.Event()
    blocks = 0
    while not stop.is_set():
        with project.transaction() as session:
            finished = sentence_search.catch_up_some(session, block)
        if finished:
            break
        blocks += 1
        stop.wait(pause)
    return blocks
