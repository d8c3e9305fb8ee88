"""The corpus-scale benchmark: every heavy path at N sentences, against the plain-SQLite floor.

Run it with ``make bench`` (``ARGS="--sentences 20000 --json out.json"`` to change the defaults).
In one run and on the same generated files it times CoNLL and JSONL import and export, ``stats``,
agreement over every layer for three annotators, and the real window (offscreen) from start to
the first sentence, next sentence, label and undo; it measures the floor (plain ``sqlite3``) on the
same CoNLL file, the peak memory of each phase and the database sizes, prints a table with the
targets of issue 6 and writes every figure as JSON.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:  # run as a script: make the project importable
    sys.path.insert(0, str(ROOT))

from annotator.services import review  # noqa: E402
from annotator.services.exporting import ExportOptions, export_layer  # noqa: E402
from annotator.services.importing import ImportOptions, import_paths  # noqa: E402
from annotator.services.project import create  # noqa: E402
from annotator.store import queries  # noqa: E402
from tests.benchmarks import floor, postgres_scale, scale  # noqa: E402
from tests.benchmarks.corpus import generate  # noqa: E402
from tests.benchmarks.targets import report  # noqa: E402

MB = 1024 * 1024


def _reset_peak() -> None:
    """Start a new peak-RSS measurement (Linux: writing 5 to clear_refs resets VmHWM)."""
    with contextlib.suppress(OSError):
        Path("/proc/self/clear_refs").write_text("5")


def _peak_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return round(int(line.split()[1]) / 1024, 1)
    return float("nan")


def _phase(results: dict[str, Any], name: str, fn: Callable[[], Any]) -> Any:
    _reset_peak()
    t0 = time.perf_counter()
    value = fn()
    results[name] = {"seconds": round(time.perf_counter() - t0, 3), "peak_rss_mb": _peak_mb()}
    print(
        f"  {name:<22} {results[name]['seconds']:8.2f} s  {results[name]['peak_rss_mb']:7.1f} MB", flush=True
    )
    return value


def _db_bytes(path: Path) -> int:
    return sum(Path(f"{path}{s}").stat().st_size for s in ("", "-wal") if Path(f"{path}{s}").exists())


def _checkpoint(db: Path) -> None:
    """Fold the write-ahead log into the file, so its size is the database's."""
    con = sqlite3.connect(db)
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    con.close()


def _gui(db: Path | str, actions: int) -> dict[str, Any]:
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    started = time.time()
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "tests.benchmarks.gui_latency",
            str(db),
            "--actions",
            str(actions),
            "--started",
            repr(started),
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    if proc.returncode != 0:
        raise SystemExit(f"the window benchmark failed:\n{proc.stderr[-2000:]}")
    result: dict[str, Any] = json.loads(proc.stdout.strip().splitlines()[-1])
    return result


def _suggest(work: Path) -> dict[str, Any] | None:
    """The recommenders on KazNERD (tests/benchmarks/suggest_bench.py, its own process); None
    when the shared KazNERD validation split is absent."""
    from tests.suggest.corpus import KAZNERD

    if not KAZNERD.exists():
        print(f"  recommenders: skipped, {KAZNERD} not found", flush=True)
        return None
    print("  recommenders on KazNERD (separate process, a few minutes) ...", flush=True)
    return _script("suggest_bench.py", work / "suggest.json", 1200, "the recommender benchmark")


def _assign(work: Path) -> dict[str, Any]:
    """Assigning 10,000 documents (tests/benchmarks/assign_bench.py, its own process)."""
    return _script("assign_bench.py", work / "assign.json", 600, "the assignment benchmark")


def _labelstudio(work: Path) -> dict[str, Any] | None:
    """KazNERD validation as a Label Studio JSON file, imported, exported and imported again
    (tests/benchmarks/labelstudio_bench.py, its own process); None without the shared data."""
    from tests.suggest.corpus import KAZNERD

    if not KAZNERD.exists():
        return None
    print("  Label Studio JSON round trip on KazNERD (separate process) ...", flush=True)
    return _script("labelstudio_bench.py", work / "labelstudio.json", 900, "the Label Studio benchmark")


def _tokenizer(work: Path) -> dict[str, Any] | None:
    """Token and sentence F1 of each tokenizer version on the UD Kazakh treebank's training
    sentences (tests/benchmarks/tokenizer_bench.py, its own process); None without the shared data."""
    from tests.benchmarks.tokenizer_bench import KTB

    if not KTB.exists():
        print(f"  tokenizer: skipped, {KTB} not found", flush=True)
        return None
    print("  tokenizer and splitter on the treebank's training sentences ...", flush=True)
    return _script("tokenizer_bench.py", work / "tokenizer.json", 300, "the tokenizer benchmark")


def _corrections(work: Path) -> dict[str, Any]:
    """Token and sentence corrections and a whole re-tokenisation on 20,000 sentences with three
    annotators' layers (tests/benchmarks/corrections_bench.py, its own process)."""
    print("  corrections of tokens and sentences, 20,000 sentences (separate process) ...", flush=True)
    return _script("corrections_bench.py", work / "corrections.json", 900, "the corrections benchmark")


def _script(name: str, out: Path, timeout: int, what: str) -> dict[str, Any]:
    """Run the benchmark script ``name`` in its own process, show what it printed, and read the
    figures it wrote to ``out`` (``--json``)."""
    proc = subprocess.run(
        [sys.executable, str(ROOT / "tests" / "benchmarks" / name), "--json", str(out)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    if not out.exists():
        raise SystemExit(f"{what} failed:\n{proc.stderr[-2000:]}")
    print("\n".join("    " + line for line in proc.stdout.splitlines()), flush=True)
    result: dict[str, Any] = json.loads(out.read_text(encoding="utf-8"))
    return result


def _training_window() -> dict[str, Any] | None:
    """The window while the recommenders train on KazNERD (tests/benchmarks/training_latency.py, its
    own process); None when the shared KazNERD validation split is absent."""
    from tests.suggest.corpus import KAZNERD

    if not KAZNERD.exists():
        return None
    print("  window while training on KazNERD (separate process, a few minutes) ...", flush=True)
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    proc = subprocess.run(
        [sys.executable, "-m", "tests.benchmarks.training_latency"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=1200,
        check=False,
    )
    if proc.returncode != 0 or not proc.stdout.strip():
        raise SystemExit(f"the training-window benchmark failed:\n{proc.stderr[-2000:]}")
    print("\n".join("    " + line for line in proc.stdout.splitlines()[:-1]), flush=True)
    result: dict[str, Any] = json.loads(proc.stdout.strip().splitlines()[-1])
    return result


def run(n: int, work: Path, actions: int, postgres: str | None = None, keep: bool = False) -> dict[str, Any]:
    """Run every phase at ``n`` sentences in ``work``; return the figures."""
    r: dict[str, Any] = {
        "sentences": n,
        "machine": {"cpus": os.cpu_count(), "python": sys.version.split()[0]},
    }
    print(f"annotator benchmark: {n:,} sentences in {work}", flush=True)
    files = _phase(r, "generate", lambda: generate(work / "corpus", n))
    r["corpus"] = files.counts
    # The tenth before and after the full-size phases: this machine's speed drifts by up to 2x
    # within an hour (a plain Python loop measured 0.25 s and 1.1-1.8 s on one day), and one
    # measure taken 20 minutes after the full size's timed the drift as much as the code.
    r["tenth_before"] = scale.tenth(work, n, _phase, "tenth-before")
    conll = files.conll
    floor_db, p1, p2 = work / "floor.sqlite", work / "conll.sqlite", work / "jsonl.sqlite"

    _phase(r, "floor_import", lambda: floor.floor_import(conll, floor_db))
    _phase(r, "floor_export", lambda: floor.floor_export(floor_db, work / "floor-out.conll"))
    bare = create(str(work / "schema-floor.sqlite"))
    with bare.transaction() as session:
        someone = queries.ensure_annotator(session, "a").id
    bare.close()
    _phase(
        r,
        "schema_floor_import",
        lambda: floor.schema_floor_import(conll, work / "schema-floor.sqlite", someone),
    )

    project = create(str(p1))
    _phase(r, "conll_import", lambda: import_paths(project, [conll], ImportOptions(annotator="a")))
    out_conll, out_jsonl = work / "out.conll", work / "out.jsonl"
    _phase(
        r,
        "conll_export",
        lambda: export_layer(
            project, ExportOptions(fmt="conll", annotator="a", status="all", out=str(out_conll))
        ),
    )
    _phase(
        r,
        "jsonl_export",
        lambda: export_layer(
            project, ExportOptions(fmt="jsonl", annotator="a", status="all", out=str(out_jsonl))
        ),
    )
    r["conll_roundtrip_identical"] = out_conll.read_bytes() == conll.read_bytes()
    with project.reading() as session:
        owner = queries.find_annotator(session, "a")
    assert owner is not None
    schema_out = work / "schema-floor-out.conll"
    _phase(r, "schema_floor_export", lambda: floor.schema_floor_export(p1, schema_out, owner.id))
    r["schema_floor_export_identical"] = schema_out.read_bytes() == conll.read_bytes()
    project.close()

    project = create(str(p2))
    _phase(r, "jsonl_import", lambda: import_paths(project, [files.jsonl["a"]], ImportOptions()))
    _phase(r, "jsonl_import_b_c", lambda: import_paths(project, [files.jsonl["b"], files.jsonl["c"]]))

    def stats() -> dict[str, Any]:
        with project.transaction() as session:
            return queries.stats(session)

    counted = _phase(r, "stats", stats)
    report = _phase(r, "agreement", lambda: review.corpus_agreement(project, ["a", "b", "c"], "done"))
    r["agreement_values"] = {name: review.overall(report, name) for name in report["layers"]}
    r["stats_sentences"] = counted["sentences"]
    project.close()

    print("  whole annotator processes (what a user waits for) ...", flush=True)
    r["cli_small"] = scale.fixed_costs(work)
    r["cli"] = scale.whole_processes(work, conll, p2, p1)
    r["tenth"] = scale.tenth(work, n, _phase)

    _checkpoint(p1)
    _checkpoint(p2)
    r["db_bytes"] = {"project": _db_bytes(p1), "floor": _db_bytes(floor_db)}
    print("  window (offscreen, separate process) ...", flush=True)
    r["gui"] = _gui(p2, actions)  # every layer of three people: a label's holder lookups read stance
    print(
        "  the window's search (its index filled first, as the window does after an import) ...", flush=True
    )
    r["search"] = scale.search(p1, _phase)
    if postgres:
        r["postgres"] = postgres_scale.measure(
            postgres, conll, work, _phase, lambda url: _gui(url, actions), keep
        )
    print("  assigning 10,000 documents (separate process) ...", flush=True)
    r["assign"] = _assign(work)
    r["suggest"] = _suggest(work)
    r["training_window"] = _training_window()
    r["labelstudio"] = _labelstudio(work)
    r["tokenizer"] = _tokenizer(work)
    r["corrections"] = _corrections(work)
    return r


def main() -> int:
    """Command line; exits 1 when a target is missed."""
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--sentences", type=int, default=100_000)
    parser.add_argument("--actions", type=int, default=200, help="window actions of each kind (>= 200)")
    parser.add_argument(
        "--json", type=Path, default=Path("exports/benchmark.json"), help="where to write the figures"
    )
    parser.add_argument(
        "--work", type=Path, default=None, help="folder for the files (default: a temporary one)"
    )
    parser.add_argument("--keep", action="store_true", help="keep the generated files and databases")
    parser.add_argument(
        "--postgres",
        metavar="URL",
        default=None,
        help="also measure import, export, stats and the window on a new database of this server",
    )
    args = parser.parse_args()
    work = args.work or Path(tempfile.mkdtemp(prefix="annotator-bench-"))
    os.environ.setdefault("XDG_DATA_HOME", str(work / "xdg"))
    try:
        results = run(args.sentences, work, args.actions, args.postgres, args.keep)
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    ok = report(results)
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"\nfigures written to {args.json}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
