"""spaCy's own converter and conlleval's reading take the CoNLL exports exactly as the project holds them.

``python -m spacy convert FILE OUT --converter ner`` runs in a subprocess (spaCy from the test
extra) and its ``.spacy`` DocBin is compared document by document with the spans the export was
made from: the same tokens, the same entities, no more, no fewer.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import spacy
from spacy.tokens import DocBin

from annotator.services.exporting import ExportOptions, export_layer
from annotator.services.importing import ImportOptions, import_paths
from annotator.store import Project
from tests.services.test_export import new_project

KAZNERD = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "kaznerd" / "IOB2_valid.txt"
DocSpans = list[tuple[list[str], list[tuple[int, int, str]]]]  # per document: tokens, spans

# Every tag form: a multi-token entity, adjacent entities of one label, one-token entities at the
# start and the end, a sentence without entities, and two documents.
EXAMPLE = """-DOCSTART- -X- O O

Хайди B-PERSON
Хаутала I-PERSON
Вольф B-PERSON
Клинц I-PERSON
Нұр-Сұлтан B-GPE
қаласында O
Астана B-GPE

Бүгін O
жиналды O
. O

-DOCSTART- -X- O O

Еуропарламент B-ORGANISATION
депутаты B-POSITION
2019 B-DATE
жылы I-DATE
келді O
"""


def read_documents(text: str) -> DocSpans:
    """An IOB2 file read by hand, independently of the project: per document, tokens and spans."""
    documents: DocSpans = []
    for chunk in text.split("-DOCSTART- -X- O O"):
        words: list[str] = []
        spans: list[tuple[int, int, str]] = []
        for line in chunk.splitlines():
            if not line.strip():
                continue
            word, tag = line.split()
            if tag.startswith("B-") or (tag.startswith("I-") and (not spans or spans[-1][1] != len(words))):
                spans.append((len(words), len(words) + 1, tag[2:]))
            elif tag.startswith("I-"):
                spans[-1] = (spans[-1][0], len(words) + 1, spans[-1][2])
            words.append(word)
        if words:
            documents.append((words, spans))
    return documents


def spacy_convert(conll: Path, out: Path) -> DocSpans:
    """What ``spacy convert --converter ner`` makes of ``conll``: per document, tokens and entities."""
    out.mkdir(exist_ok=True)
    subprocess.run(
        [sys.executable, "-m", "spacy", "convert", str(conll), str(out), "--converter", "ner"],
        check=True,
        capture_output=True,
    )
    vocab = spacy.blank("xx").vocab
    docs = DocBin().from_disk(out / f"{conll.stem}.spacy").get_docs(vocab)
    return [([t.text for t in d], [(e.start, e.end, e.label_) for e in d.ents]) for d in docs]


def export(project: Project, out: Path, **kw: object) -> Path:
    export_layer(project, ExportOptions(fmt="conll", annotator="k", status="all", out=str(out), **kw))  # type: ignore[arg-type]
    return out


def check_with_spacy(source: Path, tmp_path: Path, separator: str = "tab") -> DocSpans:
    expected = read_documents(source.read_text(encoding="utf-8"))
    project = new_project(tmp_path / "p.sqlite")
    import_paths(project, [source], ImportOptions(fmt="conll", annotator="k"))
    for scheme in ("IOB2", "BILUO"):
        conll = export(project, tmp_path / f"{scheme}.conll", scheme=scheme, separator=separator)
        assert spacy_convert(conll, tmp_path / scheme) == expected, scheme
    project.close()
    return expected


def test_spacy_reads_the_iob2_and_biluo_exports_of_every_tag_form(tmp_path: Path) -> None:
    source = tmp_path / "example.conll"
    source.write_text(EXAMPLE, encoding="utf-8")
    expected = check_with_spacy(source, tmp_path, separator="space")
    assert [len(spans) for _, spans in expected] == [4, 3]


@pytest.mark.slow
@pytest.mark.timeout(900)
@pytest.mark.skipif(not KAZNERD.is_file(), reason=f"the KazNERD validation split is not at {KAZNERD}")
def test_spacy_reads_the_kaznerd_validation_exports_exactly(tmp_path: Path) -> None:
    # A document line every 100 sentences: spaCy's converter is quadratic in one document's length
    # (5 min 20 s for the split as one 129,223-token document; seconds in 100-sentence documents).
    sentences = KAZNERD.read_text(encoding="utf-8").strip().split("\n\n")
    source = tmp_path / "kaznerd.conll"
    parts = [f"-DOCSTART- -X- O O\n\n{s}" if i % 100 == 0 else s for i, s in enumerate(sentences)]
    source.write_text("\n\n".join(parts) + "\n", encoding="utf-8")
    expected = check_with_spacy(source, tmp_path)
    assert sum(len(words) for words, _ in expected) == 129_223
    assert sum(len(spans) for _, spans in expected) == 13_483


def conlleval_chunks(lines: list[str], delimiter: str = " ") -> tuple[int, int, int]:
    """conlleval.pl's reading, line for line: split on the delimiter (Perl drops trailing empty
    fields), the same number of fields on every non-blank line, at least three (token, correct,
    guessed), ``-X-`` as a boundary; chunks start as its startOfChunk says (IOB1/IOB2 tags).
    Returns (correct chunks, guessed chunks, correctly guessed chunks); raises on what it refuses."""
    width = None
    counts = [0, 0, 0]
    last: list[tuple[str, ...]] = [("O", ""), ("O", "")]
    open_ok = False
    for line in [*lines, ""]:
        fields = line.split(delimiter)
        while fields and fields[-1] == "":
            fields.pop()
        if width is None:
            width = len(fields)
        elif fields and len(fields) != width:
            raise ValueError(f"unexpected number of features: {len(fields)} ({width})")
        if not fields or fields[0] == "-X-":
            fields = ["-X-", "O", "O"]
        if len(fields) < 3:
            raise ValueError(f"conlleval: unexpected number of features in line {line}")
        tags = [tuple(f.split("-", 1)) if f != "O" else ("O", "") for f in fields[-2:]]
        starts = [_starts(last[k], tags[k]) for k in (0, 1)]
        ends = [_ends(last[k], tags[k]) for k in (0, 1)]
        if open_ok and ends[0] and ends[1] and last[0][1] == last[1][1]:
            counts[2] += 1
            open_ok = False
        elif open_ok and (ends[0] != ends[1] or tags[0][1] != tags[1][1]):
            open_ok = False
        if starts[0] and starts[1] and tags[0][1] == tags[1][1]:
            open_ok = True
        counts[0] += starts[0]
        counts[1] += starts[1]
        last = tags
    return counts[0], counts[1], counts[2]


def _starts(previous: tuple[str, ...], tag: tuple[str, ...]) -> bool:
    prefix, kind = tag[0], tag[-1]
    before, before_kind = previous[0], previous[-1]
    return prefix == "B" or (prefix == "I" and (before in ("O", "E") or before_kind != kind))


def _ends(previous: tuple[str, ...], tag: tuple[str, ...]) -> bool:
    before, before_kind = previous[0], previous[-1]
    if before == "O":
        return False
    return tag[0] in ("B", "O") or tag[-1] != before_kind


def test_conlleval_reads_a_space_separated_export_without_document_lines(tmp_path: Path) -> None:
    source = tmp_path / "example.conll"
    source.write_text(EXAMPLE, encoding="utf-8")
    project = new_project(tmp_path / "p.sqlite")
    import_paths(project, [source], ImportOptions(fmt="conll", annotator="k"))
    plain = export(project, tmp_path / "plain.conll", separator="space", docstart=False)
    lines = plain.read_text(encoding="utf-8").splitlines()
    # A predicted column pasted beside the gold one, as `paste -d' '` does (a blank line gets one space).
    pasted = [f"{line} {line.split(' ')[1]}" if line else " " for line in lines]
    assert conlleval_chunks(pasted) == (7, 7, 7)
    with pytest.raises(ValueError, match="unexpected number of features"):
        conlleval_chunks([line.replace(" ", "\t") for line in pasted])  # tabs need -d '\t'
    with_docs = export(project, tmp_path / "docs.conll", separator="space").read_text(encoding="utf-8")
    pasted = [f"{line} O" if line else "" for line in with_docs.splitlines()]
    with pytest.raises(ValueError, match="unexpected number of features"):
        conlleval_chunks(pasted)  # -DOCSTART- -X- O O has four fields: conlleval wants --no-docstart
    project.close()
