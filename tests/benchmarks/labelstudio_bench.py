"""Label Studio JSON at size: KazNERD validation as tasks, imported, exported and imported again.

Converts the KazNERD *validation* split (``../shared/data/kaznerd/IOB2_valid.txt``; the test
split is never used) into Label Studio tasks of 50 sentences, ``--copies`` times under other task
ids, and times the import, the ``labelstudio`` export and the import of that export into a new
project, with each phase's peak memory beside the file's size (the reader holds one task and the
undecoded rest of a block, not the file). Run::

    .venv/bin/python tests/benchmarks/labelstudio_bench.py [--copies 4] [--json out.json]
"""

from __future__ import annotations

import argparse
import contextlib
import json
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:  # run as a script: make the project importable
    sys.path.insert(0, str(ROOT))

from annotator.core.model import SentenceRecord  # noqa: E402
from annotator.formats.conll import read_conll  # noqa: E402
from annotator.services.exporting import ExportOptions, export_layer  # noqa: E402
from annotator.services.importing import import_paths  # noqa: E402
from annotator.services.project import create  # noqa: E402
from tests.suggest.corpus import KAZNERD  # noqa: E402

MB = 1024 * 1024


def _peak_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return round(int(line.split()[1]) / 1024, 1)
    return float("nan")


def _reset_peak() -> None:
    with contextlib.suppress(OSError):
        Path("/proc/self/clear_refs").write_text("5")


def _tasks(copies: int) -> list[str]:
    """The tasks as JSON texts: KazNERD's sentences 50 to a task, paragraphs between them."""
    groups: list[tuple[str, list[dict[str, Any]]]] = []
    text, result = "", []
    sentences = [r for r in read_conll(KAZNERD, annotator="k") if isinstance(r, SentenceRecord)]
    for i, record in enumerate(sentences):
        offset = len(text) + (2 if text else 0)
        text += ("\n\n" if text else "") + record.text
        for e in record.layers[0].entities if record.layers else ():
            s = offset + record.tokens[e.token_start].char_start
            t = offset + record.tokens[e.token_end - 1].char_end
            result.append(
                {"type": "labels", "value": {"start": s, "end": t, "text": text[s:t], "labels": [e.label]}}
            )
        if (i + 1) % 50 == 0 or i + 1 == len(sentences):
            groups.append((text, result))
            text, result = "", []
    out = []
    for copy in range(copies):
        for n, (text, result) in enumerate(groups):
            task = {
                "id": copy * len(groups) + n,
                "data": {"text": text},
                "annotations": [{"completed_by": 1, "result": result}],
            }
            out.append(json.dumps(task, ensure_ascii=False))
    return out


def _timed(results: dict[str, Any], name: str, fn: Any) -> Any:
    _reset_peak()
    t0 = time.perf_counter()
    value = fn()
    results[name] = {"seconds": round(time.perf_counter() - t0, 2), "peak_rss_mb": _peak_mb()}
    print(
        f"  {name:<22} {results[name]['seconds']:>7.2f} s  peak {results[name]['peak_rss_mb']:>7.1f} MB",
        flush=True,
    )
    return value


def main() -> int:
    """Command line."""
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--copies", type=int, default=4, help="KazNERD validation copies in the file (default 4)"
    )
    parser.add_argument("--json", metavar="FILE", help="also write the figures to FILE")
    args = parser.parse_args()
    if not KAZNERD.exists():
        print(f"skipped: {KAZNERD} not found")
        return 0
    results: dict[str, Any] = {"copies": args.copies}
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        path = work / "tasks.json"
        path.write_text("[\n" + ",\n".join(_tasks(args.copies)) + "\n]\n", encoding="utf-8")
        results["file_mb"] = round(path.stat().st_size / MB, 1)
        print(f"  Label Studio JSON of {results['file_mb']} MB, peak so far {_peak_mb()} MB", flush=True)
        first = create(str(work / "first.sqlite"))
        summary = _timed(results, "import", lambda: import_paths(first, [path]))
        results["entities"] = summary.entities
        out = work / "out.json"
        options = ExportOptions(fmt="labelstudio", annotator="labelstudio-1", status="all", out=str(out))
        _timed(results, "export labelstudio", lambda: export_layer(first, options))
        first.close()
        again = create(str(work / "again.sqlite"))
        again_summary = _timed(results, "import the export", lambda: import_paths(again, [out]))
        again.close()
        results["entities_again"] = again_summary.entities
    print(f"  entities {results['entities']:,} imported, {results['entities_again']:,} after the round trip")
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
