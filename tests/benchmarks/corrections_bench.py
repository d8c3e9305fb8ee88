"""How long corrections take on a corpus with three annotators' layers (every layer, all done).

    .venv/bin/python -m tests.benchmarks.corrections_bench [--sentences 20000] [--repeats 50] [--json OUT]

``make bench`` runs it (tests/benchmarks/run.py) and prints its p95 figures beside the targets.

Imports the synthetic corpus of ``corpus.py`` (JSONL of annotators a, b and c), then, as a
reviewer, applies and reverts each of the four corrections on sentences spread over the corpus
(median and 95th percentile of one transaction), and re-tokenises the whole project with a
tokenizer that cuts every sentence's first token after its first letter (every sentence changes,
every span still fits).
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:  # run as a script: make the project importable
    sys.path.insert(0, str(ROOT))

from annotator.core.errors import AnnotatorError  # noqa: E402
from annotator.core.model import Token  # noqa: E402
from annotator.core.schema import default_schema_path, load_schema  # noqa: E402
from annotator.core.text import tokenize  # noqa: E402
from annotator.services import retokenize as retokenizing  # noqa: E402
from annotator.services.annotate import Navigator, load_sentence  # noqa: E402
from annotator.services.commands.corrections import (  # noqa: E402
    Correction,
    MergeSentences,
    MergeTokens,
    SplitSentence,
    SplitToken,
)
from annotator.services.importing import ImportOptions, import_paths  # noqa: E402
from annotator.store import Project, open_project, queries  # noqa: E402
from tests.benchmarks.corpus import generate  # noqa: E402


def _p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(0.95 * len(ordered)))]


def _ms(values: list[float]) -> str:
    return f"median {statistics.median(values) * 1000:.1f} ms, p95 {_p95(values) * 1000:.1f} ms"


def _first_cut(text: str) -> list[Token]:
    tokens = tokenize(text)
    first = tokens[0]
    if first.char_end - first.char_start < 2:
        return tokens
    a, b = first.char_start, first.char_end
    return [Token(text[a : a + 1], a, a + 1), Token(text[a + 1 : b], a + 1, b), *tokens[1:]]


def _time(
    project: Project, make: Callable[[int, int], Correction], ids: list[int], boss: int, first: bool
) -> tuple[list[float], list[float], set[str]]:
    applied: list[float] = []
    reverted: list[float] = []
    refused: set[str] = set()
    for sid in ids:
        n = len(load_sentence(project, sid, boss).tokens)
        before = SplitToken(sid, token=0, at=1) if first else None  # tokens with nothing between
        if before is not None:
            try:
                before.apply(project)
            except AnnotatorError as exc:
                refused.add(str(exc).split(":")[0])
                continue
        command = make(sid, n)
        start = time.perf_counter()
        try:
            command.apply(project)
        except AnnotatorError as exc:  # a span in the way: said, and not timed
            refused.add(str(exc).split(":")[0])
            continue
        applied.append(time.perf_counter() - start)
        start = time.perf_counter()
        command.revert(project)
        reverted.append(time.perf_counter() - start)
        if before is not None:
            before.revert(project)
    return applied, reverted, refused


def main() -> None:
    """Run the benchmark and print the figures."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--sentences", type=int, default=20_000)
    parser.add_argument("--repeats", type=int, default=50)
    parser.add_argument("--json", type=Path, help="also write the figures here (make bench reads them)")
    args = parser.parse_args()
    figures: dict[str, Any] = {"sentences": args.sentences}
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        files = generate(folder / "corpus", args.sentences)
        project, _ = open_project(
            str(folder / "p.sqlite"), create=True, schema=load_schema(default_schema_path())
        )
        import_paths(project, sorted(files.jsonl.values()), ImportOptions(fmt="jsonl"))
        with project.transaction() as s:
            boss = queries.add_annotator(s, "boss", "reviewer").id
        project.act_as(boss)
        nav = Navigator(project)
        every = [sid for doc in nav.documents for sid in nav.sentences(doc)[:-1]]
        ids = random.Random(7).sample(every, min(args.repeats, len(every)))
        corrections: dict[str, Callable[[int, int], Correction]] = {
            "split token": lambda sid, n: SplitToken(sid, token=0, at=1),
            "merge tokens": lambda sid, n: MergeTokens(sid, token=0),  # after a split of the first token
            "split sentence": lambda sid, n: SplitSentence(sid, token=n - 1),
            "merge sentences": lambda sid, n: MergeSentences(sid),
        }
        print(f"{args.sentences} sentences, three annotators with every layer")
        for name, make in corrections.items():
            applied, reverted, refused = _time(project, make, ids, boss, name == "merge tokens")
            timing = f"apply {_ms(applied)}; undo {_ms(reverted)}" if applied else "nothing timed"
            print(f"{name}: {len(applied)} of {len(ids)} done; {timing}; refused: {sorted(refused)}")
            if applied:
                figures[name] = {
                    "done": len(applied),
                    "apply_p95_ms": _p95(applied) * 1000,
                    "undo_p95_ms": _p95(reverted) * 1000,
                }
        retokenizing.tokenizer = lambda version: _first_cut  # type: ignore[assignment]
        start = time.perf_counter()
        done = retokenizing.retokenize(project, 2, backup=False)
        took = time.perf_counter() - start
        left = len(done.problems)
        print(f"retokenize: {done.changed} of {done.sentences} sentences in {took:.1f} s, {left} left")
        figures["retokenize"] = {"sentences": done.sentences, "changed": done.changed, "seconds": took}
        project.close()
    if args.json is not None:
        args.json.write_text(json.dumps(figures), encoding="utf-8")


if __name__ == "__main__":
    main()
