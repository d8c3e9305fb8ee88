"""The tokenizer and the sentence splitter against the UD Kazakh treebank's training sentences.

Reads ``../shared/data/ud_kazakh_ktb/kk_ktb-ud-train.conllu`` (the treebank's *training* split; its
dev and test splits are never read). Tokens: each sentence's ``# text`` is tokenized and its
tokens' character spans compared with the gold tokens' (a multiword token such as ``12-13
Баласыз`` is one surface token: the range line's form, its parts skipped). Sentences: the
sentences are joined five to a paragraph with a space, the paragraph is cut as running text, and
the sentences' character spans are compared with the gold ones. Prints precision, recall and F1
of both for every tokenizer version, and the misses; ``--json FILE`` writes the figures.

News text in another convention, when ``../shared/data/kaznerd/IOB2_valid.txt`` is there (the
KazNERD *validation* split; its test split is never read): each sentence's gold tokens are joined
with spaces and tokenized again, and the gold tokens not given back whole are counted, per
version, with the commonest of them; its sentences, five to a paragraph, are split again as well.

    .venv/bin/python tests/benchmarks/tokenizer_bench.py [--conllu FILE] [--json FILE] [--misses N]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from annotator.core.text import TOKENIZER_VERSIONS, segment_running_text, tokenize  # noqa: E402

KTB = ROOT.parent / "shared" / "data" / "ud_kazakh_ktb" / "kk_ktb-ud-train.conllu"
KAZNERD = ROOT.parent / "shared" / "data" / "kaznerd" / "IOB2_valid.txt"
PER_PARAGRAPH = 5

Span = tuple[int, int]


@dataclass(frozen=True)
class GoldSentence:
    """A treebank sentence: its text and its surface tokens' character spans."""

    text: str
    spans: tuple[Span, ...]


def read_conllu(path: Path) -> list[GoldSentence]:
    """The sentences of a CoNLL-U file with their surface tokens placed in ``# text``."""
    out: list[GoldSentence] = []
    text: str | None = None
    forms: list[str] = []
    skip_to = 0
    for line in [*path.read_text(encoding="utf-8").splitlines(), ""]:
        if line.startswith("# text = "):
            text = line[len("# text = ") :]
        elif not line.strip():
            if text is not None and forms:
                out.append(GoldSentence(text, _place(text, forms, path)))
            text, forms, skip_to = None, [], 0
        elif not line.startswith("#"):
            cols = line.split("\t")
            ident = cols[0]
            if "." in ident:
                continue  # an empty node
            if "-" in ident:
                skip_to = int(ident.split("-")[1])
                forms.append(cols[1])
            elif int(ident) > skip_to:
                forms.append(cols[1])
    return out


def _place(text: str, forms: list[str], path: Path) -> tuple[Span, ...]:
    spans: list[Span] = []
    pos = 0
    for form in forms:
        start = text.find(form, pos)
        if start < 0 or text[pos:start].strip():
            raise SystemExit(f"{path}: token {form!r} not found in order in {text!r}")
        spans.append((start, start + len(form)))
        pos = start + len(form)
    return tuple(spans)


def prf(gold: set[tuple[int, int, int]], found: set[tuple[int, int, int]]) -> dict[str, float]:
    """Precision, recall and F1 of ``found`` against ``gold``."""
    hit = len(gold & found)
    p = hit / len(found) if found else 0.0
    r = hit / len(gold) if gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4), "gold": len(gold)}


def token_scores(sentences: list[GoldSentence], version: int) -> tuple[dict[str, float], list[str]]:
    """Token P/R/F1 of tokenizer ``version`` and its misses (sentence, gold tokens, found tokens)."""
    gold: set[tuple[int, int, int]] = set()
    found: set[tuple[int, int, int]] = set()
    misses: list[str] = []
    for i, sent in enumerate(sentences):
        g = {(i, s, e) for s, e in sent.spans}
        f = {(i, t.char_start, t.char_end) for t in tokenize(sent.text, version)}
        gold |= g
        found |= f
        if g != f:
            want = [sent.text[s:e] for _, s, e in sorted(g - f)]
            got = [sent.text[s:e] for _, s, e in sorted(f - g)]
            misses.append(f"sentence {i + 1}: gold {want} found {got}")
    return prf(gold, found), misses


def paragraphs(sentences: list[GoldSentence]) -> list[tuple[str, list[Span]]]:
    """Running text: the sentences five to a paragraph joined by a space, with their gold spans."""
    out = []
    for k in range(0, len(sentences), PER_PARAGRAPH):
        group = sentences[k : k + PER_PARAGRAPH]
        spans, pos = [], 0
        for sent in group:
            spans.append((pos, pos + len(sent.text)))
            pos += len(sent.text) + 1
        out.append((" ".join(s.text for s in group), spans))
    return out


def sentence_scores(sentences: list[GoldSentence], version: int) -> tuple[dict[str, float], list[str]]:
    """Sentence P/R/F1 of the running-text splitter of ``version`` and its misses."""
    gold: set[tuple[int, int, int]] = set()
    found: set[tuple[int, int, int]] = set()
    misses: list[str] = []
    for i, (text, spans) in enumerate(paragraphs(sentences)):
        g = {(i, s, e) for s, e in spans}
        f = {(i, seg.start, seg.end) for seg in segment_running_text(text, version)}
        gold |= g
        found |= f
        for _, s, e in sorted(f - g):
            misses.append(f"paragraph {i + 1}: found {text[s:e]!r}")
    return prf(gold, found), misses


def measure(path: Path = KTB) -> dict[str, dict[str, object]]:
    """Token and sentence scores of every tokenizer version on the treebank file ``path``."""
    sentences = read_conllu(path)
    result: dict[str, dict[str, object]] = {}
    for version in TOKENIZER_VERSIONS:
        tokens, token_misses = token_scores(sentences, version)
        sents, sentence_misses = sentence_scores(sentences, version)
        result[f"v{version}"] = {
            "tokens": tokens,
            "sentences": sents,
            "token_misses": token_misses,
            "sentence_misses": sentence_misses,
        }
    return result


def kaznerd_differences(path: Path = KAZNERD, top: int = 12) -> dict[str, dict[str, object]]:
    """Per version: how many of KazNERD's gold tokens the tokenizer does not give back whole."""
    sentences: list[list[str]] = [[]]
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            sentences[-1].append(line.split(" ")[0])
        elif sentences[-1]:
            sentences.append([])
    sentences = [s for s in sentences if s]
    out: dict[str, dict[str, object]] = {}
    for version in TOKENIZER_VERSIONS:
        missed: Counter[str] = Counter()
        for words in sentences:
            text, pos, gold = " ".join(words), 0, set()
            for w in words:
                gold.add((pos, pos + len(w)))
                pos += len(w) + 1
            found = {(t.char_start, t.char_end) for t in tokenize(text, version)}
            missed.update(text[a:b] for a, b in gold - found)
        total = sum(map(len, sentences))
        joined = [GoldSentence(" ".join(words), ()) for words in sentences]
        split, _ = sentence_scores(joined, version)
        out[f"v{version}"] = {
            "tokens": total,
            "differ": sum(missed.values()),
            "commonest": missed.most_common(top),
            "sentences": split,
        }
    return out


def main() -> int:
    """Print the scores and misses; write them as JSON with ``--json``."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--conllu", type=Path, default=KTB)
    parser.add_argument("--json", type=Path)
    parser.add_argument("--misses", type=int, default=20, help="misses to list per version and kind")
    args = parser.parse_args()
    if not args.conllu.exists():
        print(f"{args.conllu} not found (the shared development data)", file=sys.stderr)
        return 1
    result: dict[str, object] = dict(measure(args.conllu))
    if KAZNERD.exists():
        result["kaznerd"] = kaznerd_differences()
    if args.json:
        args.json.write_text(json.dumps(result, ensure_ascii=False, indent=1), encoding="utf-8")
    for name, r in result.items():
        if name == "kaznerd":
            continue
        assert isinstance(r, dict)
        t, s = r["tokens"], r["sentences"]
        assert isinstance(t, dict) and isinstance(s, dict)
        print(
            f"{name}: tokens P {t['precision']:.4f} R {t['recall']:.4f} F1 {t['f1']:.4f} ({t['gold']} gold)"
            f" | sentences P {s['precision']:.4f} R {s['recall']:.4f} F1 {s['f1']:.4f} ({s['gold']} gold)"
        )
        for kind in ("token_misses", "sentence_misses"):
            misses = r[kind]
            assert isinstance(misses, list)
            for line in misses[: args.misses]:
                print(f"    {kind[:-7]} miss: {line}")
    kaznerd = result.get("kaznerd")
    if isinstance(kaznerd, dict):
        for name, k in kaznerd.items():
            print(f"KazNERD valid, {name}: {k['differ']} of {k['tokens']} gold tokens not given back whole")
            print(f"    sentences, five to a paragraph: {k['sentences']}")
            print(f"    commonest: {k['commonest']}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
