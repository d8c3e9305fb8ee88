"""Suggestions in a project, on KazNERD sentences: the services' costs around the recommenders.

Imports 2,000 sentences of the KazNERD *validation* split (``../shared/data/kaznerd/IOB2_valid.txt``;
the test split is never used) as one person's done layer and the next 500 unlabelled and not done,
then times: ``train`` in-process, loading the stored models, :meth:`Suggester.suggestions` for the
shown sentence inside the read transaction (the target: well under one 16 ms frame), a background
run that finds the models up to date (the child's start-up), one that retrains (with one more
iteration, so the fingerprint differs) and stores, ``suggest --out`` and ``--apply``
over the 500 not-done sentences, and the window's undo of that apply. Run::

    .venv/bin/python tests/benchmarks/suggesting_bench.py [--done 2000] [--todo 500] [--iterations 50]
"""

from __future__ import annotations

import argparse
import io
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:  # run as a script: make the project importable
    sys.path.insert(0, str(ROOT))

from annotator.core.schema import default_schema_path, load_schema  # noqa: E402
from annotator.core.tags import encode  # noqa: E402
from annotator.services import preannotation, training_run  # noqa: E402
from annotator.services.importing import ImportOptions, import_paths  # noqa: E402
from annotator.services.people import list_annotators  # noqa: E402
from annotator.services.suggesting import Suggester  # noqa: E402
from annotator.store import open_project, queries, reading  # noqa: E402
from tests.suggest.corpus import KAZNERD, read_kaznerd  # noqa: E402


def _conll(examples: list[Any], labelled: bool) -> str:
    blocks = []
    for e in examples:
        tags = encode(list(e.spans), len(e.tokens), "IOB2") if labelled else ["O"] * len(e.tokens)
        blocks.append("\n".join(f"{w}\t{t}" for w, t in zip(e.tokens, tags, strict=True)))
    return "-DOCSTART-\tO\n\n" + "\n\n".join(blocks) + "\n"


def _ms(times: list[float]) -> dict[str, float]:
    ordered = sorted(times)
    return {
        "mean_ms": round(statistics.fmean(ordered) * 1000, 3),
        "p95_ms": round(ordered[int(0.95 * (len(ordered) - 1))] * 1000, 3),
        "max_ms": round(ordered[-1] * 1000, 3),
    }


def run(done: int, todo: int, iterations: int, work: Path) -> dict[str, Any]:
    """Every measurement, as a dict of figures."""
    examples = read_kaznerd(KAZNERD)[: done + todo]
    labels = set(load_schema(default_schema_path()).label_names)
    unknown = sorted({s[2] for e in examples for s in e.spans} - labels)
    if unknown:
        raise SystemExit(f"KazNERD labels the default schema lacks: {unknown}")
    (work / "done.conll").write_text(_conll(examples[:done], True), "utf-8")
    (work / "todo.conll").write_text(_conll(examples[done:], False), "utf-8")
    project, _ = open_project(str(work / "p.sqlite"), create=True, schema=load_schema(default_schema_path()))
    import_paths(project, [work / "done.conll"], ImportOptions(annotator="a", status="done"))
    import_paths(project, [work / "todo.conll"], ImportOptions(annotator="a", status="todo"))
    person = next(p for p in list_annotators(project) if p.name == "a")
    project.act_as(person.id)
    r: dict[str, Any] = {"done": done, "todo": todo, "iterations": iterations}
    t0 = time.perf_counter()
    result = training_run.train_here(project, ["a"], iterations=iterations)
    r["train_seconds"] = round(time.perf_counter() - t0, 2)
    r["f1"] = {t.kind: round(t.quality.f1, 3) for t in result.trained if t.quality is not None}
    suggester = Suggester(project, person, iterations=iterations)
    t0 = time.perf_counter()
    suggester.load()
    r["load_ms"] = round((time.perf_counter() - t0) * 1000, 2)
    with project.reading() as s:
        ids = [x.id for d in queries.documents_overview(s) for x in queries.document_sentences(s, d.id)]
    pending = ids[done:]
    alone, with_view, shown = [], [], 0
    for sid in pending:
        t0 = time.perf_counter()
        with project.reading() as s:
            view = reading.sentence_view(s, sid, person.id)
            t1 = time.perf_counter()
            found = suggester.suggestions(s, view)
        t2 = time.perf_counter()
        alone.append(t2 - t1)
        with_view.append(t2 - t0)
        shown += len(found)
    r["suggestions"] = {**_ms(alone), "shown_per_sentence": round(shown / len(pending), 2)}
    r["view_and_suggestions"] = _ms(with_view)
    t0 = time.perf_counter()
    ranking = training_run.rank(project, suggester.recommender, person.id)
    r["rank"] = {
        "seconds": round(time.perf_counter() - t0, 2),
        "candidates": len(pending),
        "kept": len(ranking),
    }
    t0 = time.perf_counter()
    suggester.train()
    while (report := suggester.poll()) is None:
        time.sleep(0.01)
    r["background_up_to_date_seconds"] = round(time.perf_counter() - t0, 2)
    r["background_report"] = report.line
    suggester.iterations = iterations + 1  # other iterations: a real run, retrained in the child
    t0 = time.perf_counter()
    suggester.train()
    while (report := suggester.poll()) is None:
        time.sleep(0.05)
    r["background_train_seconds"] = round(time.perf_counter() - t0, 2)
    r["background_train_report"] = report.line
    suggester.close()
    t0 = time.perf_counter()
    lines = preannotation.write_suggestions(project, person, io.StringIO(), 0.5)
    r["suggest_out"] = {"seconds": round(time.perf_counter() - t0, 2), "lines": lines}
    t0 = time.perf_counter()
    applied = preannotation.apply_suggestions(project, person, 0.5)
    r["suggest_apply"] = {"seconds": round(time.perf_counter() - t0, 2), "entities": applied.entities}
    command = preannotation.pending_preannotation(project, person)
    assert command is not None
    t0 = time.perf_counter()
    command.revert(project)
    r["undo_apply_seconds"] = round(time.perf_counter() - t0, 2)
    project.close()
    return r


def main() -> int:
    """Command line."""
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--done", type=int, default=2000)
    parser.add_argument("--todo", type=int, default=500)
    parser.add_argument("--iterations", type=int, default=50)
    parser.add_argument("--json", type=Path, default=None, help="also write the figures here")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="annotator-suggesting-") as folder:
        os.environ.setdefault("XDG_DATA_HOME", str(Path(folder) / "xdg"))
        figures = run(args.done, args.todo, args.iterations, Path(folder))
    print(json.dumps(figures, indent=2, ensure_ascii=False))
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2, ensure_ascii=False) + "\n", "utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
