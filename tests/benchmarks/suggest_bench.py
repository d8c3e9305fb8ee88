"""The recommenders on KazNERD: training time, held-out strict F1, latency, model size.

Reads the validation split (``../shared/data/kaznerd/IOB2_valid.txt``; the test split is never
used), splits it 80/20 with :func:`annotator.suggest.evaluate.split`, trains the entity tagger on
2,000 sentences of the 80 % and on the whole 80 %, and prints for each: training seconds, strict
F1 on the 20 % (overall and per label), suggestion latency per sentence (mean, p95) and model
size; then the string matcher's F1 alone (learned on the 80 %). Run::

    .venv/bin/python tests/benchmarks/suggest_bench.py [--iterations 100] [--json out.json]

Targets (issue 15): F1 >= 0.80 on the 20 %, training on the 80 % <= 180 s.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:  # run as a script: make the project importable
    sys.path.insert(0, str(ROOT))

from annotator.core.suggestions import ENTITY_MODEL, MATCHER_MODEL, Quality  # noqa: E402
from annotator.suggest.evaluate import span_quality, split  # noqa: E402
from annotator.suggest.matcher import StringMatcher  # noqa: E402
from annotator.suggest.recommender import Recommender  # noqa: E402
from annotator.suggest.tagger import SpanTagger  # noqa: E402
from annotator.suggest.uncertainty import most_uncertain  # noqa: E402
from tests.suggest.corpus import KAZNERD, read_kaznerd  # noqa: E402


def _latency(call: Callable[[tuple[str, ...]], object], sentences: list[tuple[str, ...]]) -> dict[str, float]:
    times = []
    for tokens in sentences:
        t0 = time.perf_counter()
        call(tokens)
        times.append((time.perf_counter() - t0) * 1000)
    times.sort()
    return {"mean_ms": round(statistics.fmean(times), 3), "p95_ms": round(times[int(0.95 * len(times))], 3)}


def _show(name: str, q: Quality) -> None:
    print(f"  {name}: P {q.precision:.3f}  R {q.recall:.3f}  F1 {q.f1:.3f}  (held out {q.held_out})")
    for s in q.per_label:
        print(f"    {s.label:<14} P {s.precision:.3f} R {s.recall:.3f} F1 {s.f1:.3f} support {s.support}")


def main() -> int:
    """Command line; exits 1 when a target is missed."""
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--iterations", type=int, default=100)
    parser.add_argument("--small", type=int, default=2000, help="sentences of the smaller training run")
    parser.add_argument("--json", type=Path, default=None, help="where to write the figures")
    args = parser.parse_args()
    if not KAZNERD.exists():
        print(f"KazNERD validation split not found at {KAZNERD}")
        return 1
    examples = read_kaznerd()
    train, held = split(examples)
    print(f"KazNERD validation: {len(examples)} sentences, {len(train)} train, {len(held)} held out")
    r: dict[str, Any] = {"sentences": len(examples), "train": len(train), "held_out": len(held)}
    ok = True
    for name, part in (("small", train[: args.small]), ("full", train)):
        t0 = time.perf_counter()
        tagger = SpanTagger.train(part, "entity", iterations=args.iterations)
        seconds = time.perf_counter() - t0
        t0 = time.perf_counter()
        SpanTagger.from_bytes(tagger.to_bytes(), "entity")
        load_ms = (time.perf_counter() - t0) * 1000
        predicted = [[(s.token_start, s.token_end, s.label) for s in tagger.suggest(e.tokens)] for e in held]
        q = span_quality(held, predicted, len(part))
        lat = _latency(tagger.suggest, [e.tokens for e in held])
        size = len(tagger.to_bytes())
        print(f"\ntagger on {len(part)} sentences, {args.iterations} iterations: {seconds:.1f} s")
        print(
            f"  model {size / 1e6:.1f} MB, load {load_ms:.1f} ms,"
            f" suggest mean {lat['mean_ms']} ms p95 {lat['p95_ms']} ms"
        )
        _show("held-out strict", q)
        r[name] = {
            "train_seconds": round(seconds, 1),
            "f1": round(q.f1, 4),
            "precision": round(q.precision, 4),
            "recall": round(q.recall, 4),
            "model_bytes": size,
            "load_ms": round(load_ms, 2),
            **lat,
            "per_label": {s.label: round(s.f1, 4) for s in q.per_label},
        }
        if name == "full":
            ok &= q.f1 >= 0.80 and seconds <= 180
    t0 = time.perf_counter()
    matcher = StringMatcher.learn(train)
    learn_s = time.perf_counter() - t0
    for threshold in (0.0, 0.5):
        predicted = [
            [(s.token_start, s.token_end, s.label) for s in matcher.suggest(e.tokens, min_score=threshold)]
            for e in held
        ]
        q = span_quality(held, predicted, len(train))
        print(f"\nmatcher (learned in {learn_s:.1f} s), score >= {threshold}:")
        _show("held-out strict", q)
        r[f"matcher_f1_min{threshold}"] = round(q.f1, 4)
    models = {ENTITY_MODEL: tagger.to_bytes(), MATCHER_MODEL: matcher.to_json()}
    t0 = time.perf_counter()
    recommender = Recommender.load(models)
    load_ms = (time.perf_counter() - t0) * 1000
    sentences = [e.tokens for e in held]
    both = _latency(lambda tokens: recommender.suggest(tokens, " ".join(tokens)), sentences)
    margin = _latency(recommender.margin, sentences)
    t0 = time.perf_counter()
    ranked = most_uncertain([(e.key, e.tokens) for e in held], recommender)
    ranking_s = time.perf_counter() - t0
    print(
        f"\nrecommender (tagger on the 80 % + matcher): load {load_ms:.1f} ms"
        f" (matcher {len(models[MATCHER_MODEL]) / 1e6:.1f} MB of JSON);"
        f" suggest mean {both['mean_ms']} ms p95 {both['p95_ms']} ms;"
        f" margin mean {margin['mean_ms']} ms p95 {margin['p95_ms']} ms;"
        f" most_uncertain over {len(held)} sentences {ranking_s:.2f} s ({len(ranked)} ranked)"
    )
    r["recommender"] = {
        "load_ms": round(load_ms, 2),
        "suggest": both,
        "margin": margin,
        "most_uncertain_s": round(ranking_s, 2),
    }
    print(f"\ntargets: F1 >= 0.80 and training <= 180 s on the 80 %: {'met' if ok else 'MISSED'}")
    if args.json:
        args.json.write_text(json.dumps(r, indent=2) + "\n", encoding="utf-8")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
