"""A synthetic three-annotator corpus for the scale benchmark: CoNLL plus JSONL with every layer.

Annotator ``a`` is the reference. ``b`` and ``c`` copy it and disagree on a controlled share of
items (``disagreement``, default 10%): an entity relabelled, cut short or dropped, an event of
another type, a stance label flipped. Every annotator marks each sentence done.
"""

from __future__ import annotations

import json
import random
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from annotator.core.schema import default_schema_path, load_schema
from tests.benchmarks.synth import LABELS, sentence

_SCHEMA = load_schema(default_schema_path())
EVENTS = {et.name: et.roles for et in _SCHEMA.event_types if et.roles}
ATTRIBUTES = {a.name: a.values for a in _SCHEMA.attributes}
TARGETS = tuple(t.name for t in _SCHEMA.targets)
STANCE = _SCHEMA.stance_labels


@dataclass(frozen=True)
class CorpusFiles:
    """Where the generated files are and what they hold."""

    conll: Path
    jsonl: dict[str, Path]
    counts: dict[str, int]


def generate(
    folder: Path, sentences: int, *, per_document: int = 200, disagreement: float = 0.1, seed: int = 7
) -> CorpusFiles:
    """Write ``corpus.conll`` (annotator a's entities) and ``a/b/c.jsonl`` (all layers) into ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    conll_path = folder / "corpus.conll"
    paths = {name: folder / f"{name}.jsonl" for name in "abc"}
    outs = {name: path.open("w", encoding="utf-8") for name, path in paths.items()}
    counts = {"documents": 0, "sentences": 0, "tokens": 0, "entities": 0, "events": 0, "stance": 0}
    try:
        with conll_path.open("w", encoding="utf-8") as conll:
            for i in range(sentences):
                if i % per_document == 0:
                    conll.write("-DOCSTART- -X- O O\n\n")
                    counts["documents"] += 1
                rows = sentence(rng)
                conll.write("".join(f"{tok}\t{tag}\n" for tok, tag in rows) + "\n")
                doc = f"doc-{counts['documents']:05d}"
                reference = _layer(rng, rows)
                counts["sentences"] += 1
                counts["tokens"] += len(rows)
                counts["entities"] += len(reference["entities"])
                counts["events"] += len(reference["events"])
                counts["stance"] += len(reference["stance"])
                for name, out in outs.items():
                    layer = reference if name == "a" else _disagree(rng, reference, len(rows), disagreement)
                    out.write(json.dumps(_line(doc, i % per_document, rows, name, layer), ensure_ascii=False))
                    out.write("\n")
                if i % per_document == per_document - 1 or i == sentences - 1:
                    for name, out in outs.items():
                        stance = [{"target": TARGETS[0], "label": rng.choice(STANCE)}]
                        out.write(json.dumps({"document": doc, "annotator": name, "document_stance": stance}))
                        out.write("\n")
    finally:
        for out in outs.values():
            out.close()
    return CorpusFiles(conll_path, paths, counts)


def _layer(rng: random.Random, rows: list[tuple[str, str]]) -> dict[str, Any]:
    entities: list[dict[str, Any]] = []
    for i, (_, tag) in enumerate(rows):
        if tag.startswith("B-"):
            entities.append({"label": tag[2:], "token_start": i, "token_end": i + 1})
        elif tag.startswith("I-"):
            entities[-1]["token_end"] = i + 1
    for n, ent in enumerate(entities, 1):
        ent["id"] = f"T{n}"
    events = []
    free = [i for i, (_, tag) in enumerate(rows) if tag == "O"]
    if free and rng.random() < 0.3:
        etype = rng.choice(sorted(EVENTS))
        trigger = rng.choice(free)
        arguments = []
        if entities:
            arguments.append({"role": rng.choice(EVENTS[etype]), "entity": entities[0]["id"]})
        events.append(
            {
                "id": "E1",
                "type": etype,
                "trigger": {"token_start": trigger, "token_end": trigger + 1},
                "attributes": {k: rng.choice(v) for k, v in ATTRIBUTES.items()},
                "arguments": arguments,
            }
        )
    stance = []
    if rng.random() < 0.3:
        stance.append({"target": rng.choice(TARGETS), "label": rng.choice(STANCE)})
    return {"entities": entities, "events": events, "stance": stance}


def _disagree(rng: random.Random, layer: dict[str, Any], n: int, p: float) -> dict[str, Any]:
    entities = []
    kept_ids = set()
    for ent in layer["entities"]:
        if rng.random() >= p:
            entities.append(ent)
            kept_ids.add(ent["id"])
            continue
        roll = rng.random()
        if roll < 0.5:
            entities.append({**ent, "label": rng.choice([x for x in LABELS if x != ent["label"]])})
            kept_ids.add(ent["id"])
        elif roll < 0.75 and ent["token_end"] - ent["token_start"] > 1:
            entities.append({**ent, "token_end": ent["token_end"] - 1})
            kept_ids.add(ent["id"])
    events = []
    for ev in layer["events"]:
        args = [a for a in ev["arguments"] if a["entity"] in kept_ids]
        etype = ev["type"]
        if rng.random() < p:
            etype = rng.choice([t for t in EVENTS if t != etype])
        args = [a for a in args if a["role"] in EVENTS[etype]]
        events.append({**ev, "type": etype, "arguments": args})
    stance = [
        {**s, "label": rng.choice([x for x in STANCE if x != s["label"]])} if rng.random() < p else s
        for s in layer["stance"]
    ]
    return {"entities": entities, "events": events, "stance": stance}


def _line(
    doc: str, index: int, rows: list[tuple[str, str]], name: str, layer: dict[str, Any]
) -> dict[str, Any]:
    tokens, pos = [], 0
    for tok, _ in rows:
        tokens.append({"start": pos, "end": pos + len(tok)})
        pos += len(tok) + 1
    text = " ".join(tok for tok, _ in rows)
    return {
        "document": doc,
        "sentence": index,
        "text": text,
        "annotator": name,
        "status": "done",
        "tokens": tokens,
        **layer,
    }
