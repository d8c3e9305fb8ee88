"""Assigning 10,000 documents: the plan and its one write, in-process and as a whole command.

Makes a project of 10,000 documents (2 to 9 sentences each) and six people, then times
``assignment.assign`` (three people per document on a quarter of them, the rest to one), a second
run (which changes nothing), ``progress.progress_report`` and ``annotator assign`` as a CLI process
on a fresh copy, and the import of the corpus with an assignment line after every document (as
the JSONL export writes them) next to the import without. Run::

    .venv/bin/python tests/benchmarks/assign_bench.py [--documents 10000] [--json out.json]

Target (issue 16): assigning 10,000 documents takes under a second.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:  # run as a script: make the project importable
    sys.path.insert(0, str(ROOT))

from annotator.core.workload import imbalance  # noqa: E402
from annotator.services import assignment, people, progress  # noqa: E402
from annotator.services.importing import ImportOptions, import_paths  # noqa: E402
from annotator.services.project import create, open_existing  # noqa: E402

PEOPLE = ["Айгерім", "Данияр", "Сәуле", "Ерлан", "Мадина", "Нұрлан"]


def _corpus(path: Path, documents: int) -> int:
    sentences = 0
    with path.open("w", encoding="utf-8") as out:
        for d in range(documents):
            for s in range(2 + (d * 7) % 8):
                out.write(
                    json.dumps({"document": f"d{d:05}", "text": f"Бұл {d} құжаттың {s} сөйлемі."}) + "\n"
                )
                sentences += 1
    return sentences


def _with_assignments(source: Path, path: Path) -> None:
    """The corpus again with an assignment line after each document, as the JSONL export writes."""
    last = None
    with source.open(encoding="utf-8") as lines, path.open("w", encoding="utf-8") as out:
        for line in lines:
            document = json.loads(line)["document"]
            if last is not None and document != last:
                out.write(json.dumps({"document": last, "assignees": PEOPLE[:2]}) + "\n")
            out.write(line)
            last = document
        if last is not None:
            out.write(json.dumps({"document": last, "assignees": PEOPLE[:2]}) + "\n")


def _timed(fn: Any) -> tuple[float, Any]:
    t0 = time.perf_counter()
    value = fn()
    return round(time.perf_counter() - t0, 3), value


def run(documents: int, work: Path) -> dict[str, Any]:
    """Every figure of the benchmark as one JSON-ready object."""
    source = work / "corpus.jsonl"
    sentences = _corpus(source, documents)
    db = work / "p.sqlite"
    project = create(str(db), None)
    import_s, _ = _timed(lambda: import_paths(project, [source], ImportOptions()))
    for name in PEOPLE:
        people.add_annotator(project, name, "annotator")
    project.close()
    shutil.copy(db, work / "copy.sqlite")
    project = open_existing(str(db))
    first, done = _timed(lambda: assignment.assign(project, PEOPLE[:4], per_document=3, overlap=0.25, seed=1))
    again, _ = _timed(lambda: assignment.assign(project, PEOPLE[:4], per_document=3, overlap=0.25, seed=1))
    first_person = next(p for p in people.list_annotators(project) if p.name == PEOPLE[0])
    serve_s, _ = _timed(lambda: assignment.serve_next(project, first_person.id))  # every move of a window
    report_s, report = _timed(lambda: progress.progress_report(project))
    project.close()
    carried = work / "assigned.jsonl"
    _with_assignments(source, carried)
    fresh = create(str(work / "fresh.sqlite"), None)
    for name in PEOPLE[:2]:
        people.add_annotator(fresh, name, "annotator")
    import_assigned_s, _ = _timed(lambda: import_paths(fresh, [carried], ImportOptions()))
    fresh.close()
    shares = Counter(len(d["assignees"]) for d in report["documents"].values())
    loads = {n: p["assigned_sentences"] for n, p in report["people"].items() if p["assigned_sentences"]}
    command = [sys.executable, "-m", "annotator", "--db", str(work / "copy.sqlite"), "assign"]
    command += ["--to", ",".join(PEOPLE[:4]), "--per-document", "3", "--overlap", "0.25", "--seed", "1"]
    t0 = time.perf_counter()
    proc = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=300, check=False)
    cli_s = round(time.perf_counter() - t0, 3)
    if proc.returncode != 0:
        raise SystemExit(f"annotator assign failed: {proc.stderr.strip()}")
    return {
        "documents": documents,
        "sentences": sentences,
        "assign_s": first,
        "assign_again_s": again,
        "progress_s": report_s,
        "serve_next_s": serve_s,
        "import_s": import_s,
        "import_with_assignment_lines_s": import_assigned_s,
        "assign_cli_process_s": cli_s,
        "overlapping": done.overlapping,
        "assignees_per_document": {str(k): v for k, v in sorted(shares.items())},
        "worst_imbalance": round(imbalance(loads), 4),
    }


def main() -> int:
    """Command line; exits 1 when the target is missed."""
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--documents", type=int, default=10_000)
    parser.add_argument("--json", type=Path, default=None, help="also write the figures here")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="annotator-assign-"))
    try:
        r = run(args.documents, work)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    shares = r["assignees_per_document"]
    print(f"documents {r['documents']}, sentences {r['sentences']}, assignees per document {shares}")
    print(f"  assign (in-process)      {r['assign_s']:7.3f} s   (target < 1 s)")
    print(f"  assign again (no change) {r['assign_again_s']:7.3f} s")
    print(f"  progress report          {r['progress_s']:7.3f} s")
    print(f"  serve_next (one person)  {r['serve_next_s']:7.3f} s")
    print(f"  import                   {r['import_s']:7.3f} s")
    print(f"  import with an assignment line per document {r['import_with_assignment_lines_s']:7.3f} s")
    print(f"  annotator assign (whole process) {r['assign_cli_process_s']:7.3f} s")
    print(f"  worst load off the mean  {r['worst_imbalance']:.2%}")
    if args.json:
        args.json.write_text(json.dumps(r, indent=2) + "\n", encoding="utf-8")
    return 0 if r["assign_s"] < 1.0 else 1


if __name__ == "__main__":
    sys.exit(main())
