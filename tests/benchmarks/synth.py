"""Synthetic Kazakh-like corpora for benchmarks: CoNLL with IOB2 tags over the 25 KazNERD labels.

Run as a script to write one: ``python -m tests.benchmarks.synth OUT.conll --sentences 20000``.
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path

LETTERS = "аәбвгғдеёжзийкқлмнңоөпрстуұүфхһцчшщъыіьэюя"
LABELS = (
    "PERSON ORGANISATION GPE LOCATION DATE TIME CARDINAL ORDINAL QUANTITY PERCENTAGE MONEY POSITION NORP "
    "EVENT FACILITY PROJECT LAW LANGUAGE PRODUCT ART DISEASE CONTACT ADAGE NON_HUMAN MISCELLANEOUS"
).split()
PUNCT = [",", ".", "«", "»", "-", "(", ")", ":"]


def word(rng: random.Random) -> str:
    """A random Kazakh-looking word, sometimes capitalised, hyphenated or with a number."""
    w = "".join(rng.choice(LETTERS) for _ in range(rng.randint(2, 11)))
    roll = rng.random()
    if roll < 0.15:
        w = w.capitalize()
    elif roll < 0.2:
        w = f"{rng.randint(1, 2030)}-{w[:4]}"
    elif roll < 0.23:
        w = f"{w}-{w[::-1]}"
    return w


def sentence(rng: random.Random, labels: list[str] = LABELS) -> list[tuple[str, str]]:
    """8 to 20 tokens with IOB2 tags: entities of 1-3 tokens, about one in five tokens tagged."""
    n = rng.randint(8, 20)
    out: list[tuple[str, str]] = []
    while len(out) < n:
        if rng.random() < 0.12:
            label = rng.choice(labels)
            length = min(rng.choice((1, 1, 2, 2, 3)), n - len(out))
            out.extend((word(rng), ("B-" if i == 0 else "I-") + label) for i in range(length))
        elif rng.random() < 0.1:
            out.append((rng.choice(PUNCT), "O"))
        else:
            out.append((word(rng), "O"))
    return out


def write_conll(path: Path, sentences: int, per_document: int = 200, seed: int = 7) -> dict[str, int]:
    """Write a CoNLL file; returns the counts it holds (documents, sentences, tokens, entities)."""
    rng = random.Random(seed)
    counts = {"documents": 0, "sentences": 0, "tokens": 0, "entities": 0}
    with path.open("w", encoding="utf-8") as out:
        for i in range(sentences):
            if i % per_document == 0:
                out.write("-DOCSTART- -X- O O\n\n")
                counts["documents"] += 1
            rows = sentence(rng)
            out.write("".join(f"{tok}\t{tag}\n" for tok, tag in rows) + "\n")
            counts["sentences"] += 1
            counts["tokens"] += len(rows)
            counts["entities"] += sum(tag.startswith("B-") for _, tag in rows)
    return counts


def main() -> None:
    """Command line: write a synthetic CoNLL file and print what it holds."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("out", type=Path)
    parser.add_argument("--sentences", type=int, default=20_000)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    print(write_conll(args.out, args.sentences, seed=args.seed))


if __name__ == "__main__":
    main()
