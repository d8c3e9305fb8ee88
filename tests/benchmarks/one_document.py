"""Issue 19's "everything else at 1M" as whole ``annotator`` processes: export of one document, stats.

``run.py`` calls :func:`one_document_export` and :func:`stats_process` on a project it built (the
CoNLL one for the export, the three-annotator JSONL one for stats); run alone, the module times
them on the project given::

    .venv/bin/python -m tests.benchmarks.one_document PROJECT.sqlite [--repeat 3]
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]


def _middle_document(db: Path) -> tuple[str, str]:
    """The name of the document in the middle of the project (by name), and an annotator of it."""
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        (count,) = con.execute("SELECT count(*) FROM documents").fetchone()
        if not count:
            raise SystemExit(f"{db} has no documents")
        (name,) = con.execute(
            "SELECT name FROM documents ORDER BY name LIMIT 1 OFFSET ?", (count // 2,)
        ).fetchone()
        row = con.execute("SELECT name FROM annotators WHERE role != 'gold' ORDER BY name LIMIT 1").fetchone()
    finally:
        con.close()
    if row is None:
        raise SystemExit(f"{db} has no annotator")
    return str(name), str(row[0])


def _process(args: list[str]) -> float:
    """Seconds of one whole ``annotator`` process (interpreter, imports and opening included)."""
    start = time.perf_counter()
    proc = subprocess.run(
        [sys.executable, "-m", "annotator", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    seconds = time.perf_counter() - start
    if proc.returncode != 0:
        raise SystemExit(f"annotator {' '.join(args[:1])} failed: {proc.stderr.strip()[-500:]}")
    return seconds


def one_document_export(db: Path, repeat: int = 3) -> dict[str, Any]:
    """``annotator export --document NAME`` of the middle document, CoNLL, every sentence: the
    best of ``repeat`` whole processes, with the document it exported."""
    name, annotator = _middle_document(db)
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "one.conll"
        args = ["export", "--db", str(db), "--format", "conll", "--annotator", annotator]
        args += ["--status", "all", "--document", name, "--out", str(out)]
        times = [_process(args) for _ in range(repeat)]
        sentences = out.read_text(encoding="utf-8").count("\n\n") - 1  # the -DOCSTART- block too
    return {"seconds": round(min(times), 3), "document": name, "sentences": sentences}


def stats_process(db: Path, repeat: int = 3) -> float:
    """``annotator stats``: the best of ``repeat`` whole processes, in seconds."""
    return round(min(_process(["stats", "--db", str(db)]) for _ in range(repeat)), 3)


def main() -> None:
    """Command line: time both on one project and print the figures as JSON."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("db", type=Path)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    figures = {"one_document_export": one_document_export(args.db, args.repeat)}
    figures["stats_s"] = stats_process(args.db, args.repeat)
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
