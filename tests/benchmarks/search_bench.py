"""The window's sentence search at corpus scale: through the index (revision 0008) and by reading
every sentence (the search before it), on the same project, for a handful of needles.

Usage: ``python tests/benchmarks/search_bench.py PROJECT [--repeat N] [--json OUT]``

PROJECT is opened as it is (upgraded to 0008 first if older: that fills the index, timed apart),
so give it a copy, e.g. of /work/b1m/conll.sqlite. For each needle (common, rare, absent, Kazakh
capitals, Latin, shorter than a trigram) it times the first page of 200 hits and the page after
it, N times each way, checks that both ways give the same hits, and prints p50/p95 in ms.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:  # run as a script: make the project importable
    sys.path.insert(0, str(ROOT))

from annotator.services import project as projects  # noqa: E402
from annotator.store import Project, sentence_search  # noqa: E402

NEEDLES = {
    "common": "э-э",  # the most frequent trigram of the generated corpus (~1% of sentences)
    "rare": "Гщ бғүұг",
    "absent": "табылмайды",
    "kazakh capitals": "ҚАЗ",
    "kazakh word": "ӘЛЕМ",
    "latin": "Almaty",
    "two letters": "ің",
}
PAGE = 200


def _p95(values: list[float]) -> float | None:
    if not values:
        return None
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def _ms(seconds: float | None) -> float | None:
    return None if seconds is None else round(seconds * 1000, 1)


def _time(project: Project, needle: str, after: int | None) -> tuple[float, list[Any]]:
    t0 = time.perf_counter()
    with project.reading() as s:
        hits = sentence_search.search(s, needle, PAGE, after=after)
    return time.perf_counter() - t0, hits


def run(project: Project, repeat: int, scan: bool) -> dict[str, Any]:
    """Time every needle's first and second page; ``scan``: without the index."""
    real = sentence_search.has_index
    if scan:
        sentence_search.has_index = lambda session: False  # type: ignore[assignment]
    try:
        out: dict[str, Any] = {}
        for name, needle in NEEDLES.items():
            first, second = [], []
            for _ in range(repeat):
                took, hits = _time(project, needle, None)
                first.append(took)
                if len(hits) == PAGE:  # a full page: time the next one
                    second.append(_time(project, needle, hits[-1][0])[0])
            out[name] = {"needle": needle, "hits": len(hits), "first": first, "second": second, "page": hits}
        return out
    finally:
        sentence_search.has_index = real  # type: ignore[assignment]


def main() -> None:
    """Open the project, time both ways, print the table and write the JSON."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("project", type=Path)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    t0 = time.perf_counter()
    project = projects.open_existing(str(args.project))
    opened = time.perf_counter() - t0
    print(f"opened (upgraded if needed) in {opened:.1f} s")
    indexed = run(project, args.repeat, scan=False)
    scanned = run(project, args.repeat, scan=True)
    project.close()
    figures: dict[str, Any] = {"open_seconds": round(opened, 2), "needles": {}}
    every_index: list[float] = []
    every_scan: list[float] = []
    print(f"{'needle':<16}{'hits':>6}{'index p50/p95 ms':>20}{'scan p50/p95 ms':>20}{'next page ms':>16}")
    for name, found in indexed.items():
        before = scanned[name]
        assert found["page"] == before["page"], f"{name}: the index and the scan disagree"
        row = {
            "needle": found["needle"],
            "hits_on_first_page": found["hits"],
            "index_p50_ms": round(statistics.median(found["first"]) * 1000, 1),
            "index_p95_ms": _ms(_p95(found["first"])),
            "scan_p50_ms": round(statistics.median(before["first"]) * 1000, 1),
            "scan_p95_ms": _ms(_p95(before["first"])),
            "index_next_page_p95_ms": _ms(_p95(found["second"])),
            "scan_next_page_p95_ms": _ms(_p95(before["second"])),
        }
        figures["needles"][name] = row
        every_index += found["first"]
        every_scan += before["first"]
        print(
            f"{name:<16}{found['hits']:>6}"
            f"{row['index_p50_ms']:>10}/{row['index_p95_ms']:<9}"
            f"{row['scan_p50_ms']:>10}/{row['scan_p95_ms']:<9}{row['index_next_page_p95_ms']!s:>16}"
        )
    figures["index_p95_ms"] = _ms(_p95(every_index))
    figures["scan_p95_ms"] = _ms(_p95(every_scan))
    both = f"{figures['index_p95_ms']} ms through the index, {figures['scan_p95_ms']} ms reading"
    print(f"all needles: p95 {both}")
    if args.json is not None:
        args.json.write_text(json.dumps(figures, ensure_ascii=False, indent=1), encoding="utf-8")
    print(json.dumps({k: v for k, v in figures.items() if k != "needles"}))


if __name__ == "__main__":
    main()
