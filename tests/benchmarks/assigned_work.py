"""An annotator's session in an assigned project against a reviewer's on the whole corpus.

Usage: ``python -m tests.benchmarks.assigned_work [--documents N] [--moves M]``

It makes a SQLite project of N documents of 10 sentences, assigns them to three annotators
(``--per-document 2 --overlap 0.25``), and times, for annotator A (whose navigation, progress and
search stay within the documents assigned to them) and for a reviewer (who sees every document):
opening the session at the first sentence, M next-sentence moves (median and worst), next not
done and a search. It prints a table and one JSON line.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:  # run as a script: make the project importable
    sys.path.insert(0, str(ROOT))

from annotator.core.records import AnnotatorInfo  # noqa: E402
from annotator.services import assignment  # noqa: E402
from annotator.services import project as projects  # noqa: E402
from annotator.services.annotation_session import AnnotationSession  # noqa: E402
from annotator.services.importing import import_paths  # noqa: E402
from annotator.store import Project, queries  # noqa: E402


def _ms(seconds: float) -> float:
    return round(seconds * 1000, 2)


def measure(project: Project, person: AnnotatorInfo, moves: int) -> dict[str, Any]:
    """Open a session for ``person`` and time its moves."""
    t0 = time.perf_counter()
    session = AnnotationSession(project, person)
    session.start()
    opened = time.perf_counter() - t0
    steps = []
    for _ in range(moves):
        t0 = time.perf_counter()
        session.step(1)
        steps.append(time.perf_counter() - t0)
    t0 = time.perf_counter()
    session.next_todo()
    todo = time.perf_counter() - t0
    t0 = time.perf_counter()
    hits = len(session.search("сөйлемі", 200))
    found = time.perf_counter() - t0
    return {
        "documents_seen": len(session.navigator.documents),
        "open_ms": _ms(opened),
        "step_median_ms": _ms(statistics.median(steps)),
        "step_max_ms": _ms(max(steps)),
        "next_not_done_ms": _ms(todo),
        "search_ms": _ms(found),
        "search_hits": hits,
    }


def main() -> None:
    """Build the project, time both sessions, print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=2000)
    parser.add_argument("--moves", type=int, default=300)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        where = Path(tmp)
        paths = []
        for d in range(args.documents):
            path = where / f"doc{d:05d}.txt"
            path.write_text("".join(f"Бұл {d} құжаттың {i} сөйлемі .\n" for i in range(10)), encoding="utf-8")
            paths.append(path)
        project = projects.open_or_create(str(where / "bench.sqlite"))
        import_paths(project, paths)
        with project.transaction() as s:
            people = [queries.add_annotator(s, n) for n in ("A", "B", "C")]
            reviewer = queries.add_annotator(s, "R", "reviewer")
        t0 = time.perf_counter()
        assignment.assign(project, [p.name for p in people], per_document=2, overlap=0.25, seed=1)
        results: dict[str, Any] = {"documents": args.documents, "assign_ms": _ms(time.perf_counter() - t0)}
        results["annotator"] = measure(project, people[0], args.moves)
        results["reviewer"] = measure(project, reviewer, args.moves)
        project.close()
    print(f"{args.documents} documents of 10 sentences; assigned in {results['assign_ms']:.0f} ms")
    print(f"{'':<10} {'docs':>6} {'open':>8} {'step med':>9} {'step max':>9} {'not done':>9} {'search':>8}")
    for who in ("annotator", "reviewer"):
        r = results[who]
        print(
            f"{who:<10} {r['documents_seen']:>6} {r['open_ms']:>6.1f}ms {r['step_median_ms']:>7.2f}ms "
            f"{r['step_max_ms']:>7.1f}ms {r['next_not_done_ms']:>7.1f}ms {r['search_ms']:>6.1f}ms"
        )
    print(json.dumps(results, ensure_ascii=False))


if __name__ == "__main__":
    main()
