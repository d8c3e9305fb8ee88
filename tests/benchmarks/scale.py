"""Issue 19's measures for ``make bench``: linear growth and what a user waits for.

* :func:`tenth`: the bulk paths again on a corpus a tenth the size, in the same run, before the
  full-size phases and after them, so that the table can show how each grows (linear is 10x);
* :func:`fixed_costs`: whole ``annotator`` processes on a small corpus: start-up, init, import,
  export, stats. What is left is the fixed cost of a command (interpreter, imports, opening);
* :func:`whole_processes`: the same commands at full size, beside the in-process figures, with
  stats on the three-annotator project and the export of one document.
"""

from __future__ import annotations

import contextlib
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from annotator.services.exporting import ExportOptions, export_layer
from annotator.services.importing import ImportOptions, import_paths
from annotator.services.project import create
from tests.benchmarks.corpus import generate
from tests.benchmarks.one_document import one_document_export, stats_process

ROOT = Path(__file__).resolve().parents[2]
SMALL = 20  # sentences of the corpus the fixed costs are measured on: next to no work

Phase = Callable[[dict[str, Any], str, Callable[[], Any]], Any]


def tenth(work: Path, n: int, phase: Phase, name: str = "tenth") -> dict[str, Any]:
    """CoNLL and JSONL import and export of a corpus of ``n // 10`` sentences (``phase`` times each).

    The corpus is generated once under ``work/tenth`` and measured again under ``work/name``: the
    run measures it before the full-size phases and after them (their mean is the tenth's time).
    """
    m = max(n // 10, 1_000)
    print(f"  the same on a tenth of the corpus ({m:,} sentences, {name}) ...", flush=True)
    files = generate(work / "tenth" / "corpus", m)
    folder = work / name
    folder.mkdir(parents=True, exist_ok=True)
    t: dict[str, Any] = {"sentences": m}
    project = create(str(folder / "conll.sqlite"))
    phase(t, "conll_import", lambda: import_paths(project, [files.conll], ImportOptions(annotator="a")))
    for fmt in ("conll", "jsonl"):
        options = ExportOptions(fmt=fmt, annotator="a", status="all", out=str(folder / f"out.{fmt}"))
        phase(t, f"{fmt}_export", _exporter(project, options))
    project.close()
    project = create(str(folder / "jsonl.sqlite"))
    phase(t, "jsonl_import", lambda: import_paths(project, [files.jsonl["a"]], ImportOptions()))
    project.close()
    return t


def _exporter(project: Any, options: ExportOptions) -> Callable[[], Any]:
    return lambda: export_layer(project, options)


def _annotator(*args: str, timeout: int = 1800) -> float:
    """Seconds of one whole ``annotator`` process (interpreter, imports, opening and checks included)."""
    start = time.perf_counter()
    proc = subprocess.run(
        [sys.executable, "-m", "annotator", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    seconds = time.perf_counter() - start
    if proc.returncode != 0:
        raise SystemExit(f"annotator {args[0]} failed: {proc.stderr.strip()[-500:]}")
    return seconds


def fixed_costs(work: Path) -> dict[str, Any]:
    """Whole processes on a corpus of :data:`SMALL` sentences (so next to nothing but the fixed cost);
    the best of three runs each."""
    folder = work / "small"
    files = generate(folder / "corpus", SMALL)
    db, out = folder / "cli.sqlite", folder / "out.conll"
    export = ("export", "--db", str(db), "--format", "conll", "--annotator", "a", "--status", "all")
    commands: dict[str, tuple[str, ...]] = {
        "--version": ("--version",),
        "init": ("init", "--db", str(db)),
        "import": ("import", "--db", str(db), "--annotator", "a", str(files.conll)),
        "export": (*export, "--out", str(out)),
        "stats": ("stats", "--db", str(db)),
    }
    seconds: dict[str, Any] = {"sentences": SMALL}
    for name, args in commands.items():
        runs = []
        for _ in range(3):
            if name in ("init", "import"):  # each run starts from what the command found the first time
                for suffix in ("", "-wal", "-shm"):
                    Path(f"{db}{suffix}").unlink(missing_ok=True)
                if name == "import":
                    _annotator("init", "--db", str(db))
            runs.append(_annotator(*args))
        seconds[name] = round(min(runs), 3)
    return seconds


def whole_processes(work: Path, conll: Path, layered: Path, entities: Path) -> dict[str, Any]:
    """At full size: import and export as whole processes, stats on the three-annotator project
    ``layered`` and the export of one document of ``entities`` (best of three each)."""
    db, out = work / "cli.sqlite", work / "cli-out.conll"
    for old in (db, out):
        old.unlink(missing_ok=True)
    export = ("export", "--format", "conll", "--annotator", "a", "--status", "all")
    one = one_document_export(entities)
    figures = {
        "import": _annotator("import", "--db", str(db), "--annotator", "a", str(conll)),
        "export": _annotator(*export, "--db", str(db), "--out", str(out)),
        "stats": stats_process(layered),
        "one_document": one["seconds"],
        "one_document_sentences": one["sentences"],
    }
    for suffix in ("", "-wal", "-shm"):  # the copy of the corpus is not needed again
        with contextlib.suppress(OSError):
            Path(f"{db}{suffix}").unlink()
    return figures


def search(project_path: Path, phase: Phase) -> dict[str, Any]:
    """The window's search on the full project: its index filled first (what the window's upkeep
    does in the background after an import, timed), then every needle of search_bench, 5 times."""
    from annotator.services import project as projects
    from annotator.services import search_index
    from tests.benchmarks import search_bench

    project = projects.open_existing(str(project_path))
    r: dict[str, Any] = {}
    try:
        phase(r, "index_fill", lambda: search_index.index_waiting(project, pause=0.0))
        found = search_bench.run(project, 5, scan=False)
    finally:
        project.close()
    every = [t for needle in found.values() for t in needle["first"] + needle["second"]]
    r["p95_ms"] = round(sorted(every)[int(0.95 * (len(every) - 1))] * 1000, 1)
    r["needles"] = {
        name: {"hits": f["hits"], "first_ms": [round(t * 1000, 1) for t in f["first"]]}
        for name, f in found.items()
    }
    return r
