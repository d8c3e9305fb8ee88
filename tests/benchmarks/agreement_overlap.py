"""Agreement on the benchmark corpus, without and with assignments (each document given to two of three).

Not part of ``make bench`` (whose agreement phase is the no-assignment case); run it alone:
``QT_QPA_PLATFORM=offscreen .venv/bin/python tests/benchmarks/agreement_overlap.py [--sentences N]``.
It generates the corpus of ``run.py``, imports the three JSONL layers, then times
``corpus_agreement`` (best of ``--repeat``, wall and CPU seconds) on the project as imported and
again after assigning every document to a pair, and prints what the figures rest on.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:  # run as a script: make the project importable
    sys.path.insert(0, str(ROOT))

from annotator.services import review  # noqa: E402
from annotator.services.importing import ImportOptions, import_paths  # noqa: E402
from annotator.services.project import open_or_create  # noqa: E402
from annotator.store import Project, assignments, queries  # noqa: E402
from tests.benchmarks.corpus import generate  # noqa: E402

PAIRS = (("a", "b"), ("b", "c"), ("a", "c"))


def _timed(project: Project, repeat: int) -> tuple[float, float, dict[str, Any]]:
    best_wall = best_cpu = float("inf")
    report: dict[str, Any] = {}
    for _ in range(repeat):
        wall, cpu = time.perf_counter(), time.process_time()
        report = review.corpus_agreement(project, ["a", "b", "c"], "done")
        best_wall = min(best_wall, time.perf_counter() - wall)
        best_cpu = min(best_cpu, time.process_time() - cpu)
    return best_wall, best_cpu, report


def _show(what: str, wall: float, cpu: float, report: dict[str, Any]) -> None:
    pairs = ", ".join(
        f"{p['a']}/{p['b']} {p['documents']} docs {p['sentences']} sentences F1 {p['f1']:.3f}"
        for p in report["layers"]["entities"]["pairs"]
    )
    print(
        f"{what:<18} {wall:6.2f} s wall {cpu:6.2f} s CPU   compared {report['sentences']} sentences; {pairs}"
    )


def main() -> int:
    """Command line."""
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--sentences", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="annotator-agreement-"))
    files = generate(work / "corpus", args.sentences)
    project = open_or_create(str(work / "p.sqlite"))
    try:
        import_paths(project, [files.jsonl["a"]], ImportOptions())
        import_paths(project, [files.jsonl["b"], files.jsonl["c"]])
        _show("no assignments", *_timed(project, args.repeat))
        with project.transaction() as s:
            people = {a.name: a.id for a in queries.list_annotators(s)}
            docs = [d.id for d in queries.documents_overview(s)]
            pairs = [(d, people[p]) for i, d in enumerate(docs) for p in PAIRS[i % len(PAIRS)]]
            assignments.add(s, pairs)
        _show("pairs assigned", *_timed(project, args.repeat))
    finally:
        project.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
