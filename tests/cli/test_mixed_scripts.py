"""``annotator import`` reports words mixing Latin and Cyrillic letters, and fixes them when asked.

A real process: what a user sees on standard error, the exit status, and what the project holds.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from tests.cli.processes import annotator
from tests.conftest import write

pytestmark = pytest.mark.timeout(120)

TEXT = "Бүгін Қaзақстан туралы.\nЕкінші жол: Aлматы, COVID-19-дың iPhone Қzақ.\n"
CONLL = "Бүгін\tO\nҚaзақстан\tB-LOCATION\n\nEуропа\tO\nелі\tO\n"
MESSAGE = "mixed Latin and Cyrillic letters in"


def stored(db: Path) -> tuple[list[str], list[str]]:
    with sqlite3.connect(db) as con:
        sentences = [r[0] for r in con.execute("SELECT text FROM sentences ORDER BY document_id, position")]
        documents = [r[0] for r in con.execute("SELECT text FROM documents ORDER BY id")]
    return sentences, documents


def files(where: Path) -> tuple[Path, Path]:
    return write(where / "news.txt", TEXT), write(where / "tags.conll", CONLL)


def test_import_reports_each_mixed_word_with_file_line_and_column_and_goes_on(tmp_path: Path) -> None:
    text, conll = files(tmp_path)
    db = tmp_path / "p.sqlite"
    done = annotator(tmp_path, "import", "--db", str(db), "--annotator", "a", str(text), str(conll))
    assert done.returncode == 0, done.stderr
    assert done.stderr.splitlines() == [
        f"{text}:1:7: {MESSAGE} 'Қaзақстан'",
        f"{text}:2:13: {MESSAGE} 'Aлматы'",
        f"{text}:2:41: {MESSAGE} 'Қzақ'",
        f"{conll}:2:1: {MESSAGE} 'Қaзақстан'",
        f"{conll}:4:1: {MESSAGE} 'Eуропа'",
    ]
    assert "imported 2 new documents, 4 sentences" in done.stdout
    assert f"5 words mix Latin and Cyrillic letters (first: {text}:1:7)" in done.stdout
    sentences, documents = stored(db)
    assert sentences[0] == "Бүгін Қaзақстан туралы."  # reported, not changed
    assert documents[0] == TEXT


def test_fix_homoglyphs_stores_all_cyrillic_text_and_says_how_many(tmp_path: Path) -> None:
    text, conll = files(tmp_path)
    db = tmp_path / "p.sqlite"
    done = annotator(
        tmp_path, "import", "--db", str(db), "--annotator", "a", "--fix-homoglyphs", str(text), str(conll)
    )
    assert done.returncode == 0, done.stderr
    assert f"{text}:1:7: {MESSAGE} 'Қaзақстан' (fixed: 'Қазақстан')" in done.stderr.splitlines()
    assert f"{text}:2:41: {MESSAGE} 'Қzақ' (not fixed: no look-alike)" in done.stderr.splitlines()
    assert "fixed 4 mixed-script words" in done.stdout
    assert "1 mixed-script word left as it was" in done.stdout
    sentences, documents = stored(db)
    assert sentences == [
        "Бүгін Қазақстан туралы.",
        "Екінші жол: Алматы, COVID-19-дың iPhone Қzақ.",
        "Бүгін Қазақстан",
        "Еуропа елі",
    ]
    assert documents == [TEXT.replace("Қaз", "Қаз").replace("Aлм", "Алм"), "Бүгін Қазақстан\nЕуропа елі"]
    with sqlite3.connect(db) as con:  # the entity still covers the (fixed) word: offsets kept
        [(start, last)] = con.execute("SELECT token_start, token_last FROM entities").fetchall()
    assert (start, last) == (1, 1)


def test_jsonl_and_label_studio_name_the_column_where_the_word_is_spelled(tmp_path: Path) -> None:
    lines = [
        json.dumps({"text": "Мен Қaзақстан мен Қaзақстан"}, ensure_ascii=False),
        json.dumps({"tokens": ["Eуропа", "елі"], "ner_tags": ["O", "O"]}),  # \u escapes
    ]
    jsonl = write(tmp_path / "lines.jsonl", "\n".join(lines) + "\n")
    task = {"id": 7, "data": {"text": "Мен Eуропа"}}
    studio = write(tmp_path / "tasks.json", "[\n" + json.dumps(task, ensure_ascii=False, indent=2) + "\n]\n")
    done = annotator(tmp_path, "import", "--db", str(tmp_path / "p.sqlite"), str(jsonl), str(studio))
    assert done.returncode == 0, done.stderr
    assert done.stderr.splitlines() == [
        f"{jsonl}:1:15: {MESSAGE} 'Қaзақстан'",
        f"{jsonl}:1:29: {MESSAGE} 'Қaзақстан'",
        f"{jsonl}:2:14: {MESSAGE} 'Eуропа'",
        f"{studio}:5:18: {MESSAGE} 'Eуропа'",
    ]


def test_a_crawl_full_of_mixed_words_lists_the_first_twenty(tmp_path: Path) -> None:
    crawl = write(tmp_path / "crawl.txt", "".join(f"{n} Қaзақ\n" for n in range(1, 101)))
    done = annotator(tmp_path, "import", "--db", str(tmp_path / "p.sqlite"), str(crawl))
    assert done.returncode == 0, done.stderr
    lines = done.stderr.splitlines()
    assert len(lines) == 21
    assert lines[19] == f"{crawl}:20:4: {MESSAGE} 'Қaзақ'"
    assert lines[20] == "… and 80 more mixed-script words"
    assert "100 words mix Latin and Cyrillic letters" in done.stdout


def test_doccano_and_whole_document_lines_count_the_column_from_the_text_key(tmp_path: Path) -> None:
    doccano = {"text": "Бірінші сөйлем. Екінші Eуропа сөйлем, Eуропа.", "label": [[23, 29, "LOCATION"]]}
    tokens = [(0, 3), (3, 4)], [(5, 8), (9, 14), (14, 15)]
    text = "Бір. Екі Қaзақ."
    whole = {
        "document": "whole",
        "text": text,
        "sentences": [
            {
                "sentence": n,
                "start": spans[0][0],
                "end": spans[-1][1],
                "tokens": [{"text": text[a:b], "start": a, "end": b} for a, b in spans],
            }
            for n, spans in enumerate(tokens)
        ],
    }
    lines = [json.dumps(doccano, ensure_ascii=False), json.dumps(whole, ensure_ascii=False)]
    path = write(tmp_path / "mixed.jsonl", "\n".join(lines) + "\n")
    done = annotator(tmp_path, "import", "--db", str(tmp_path / "p.sqlite"), "--annotator", "a", str(path))
    assert done.returncode == 0, done.stderr
    assert done.stderr.splitlines() == [
        f"{path}:1:34: {MESSAGE} 'Eуропа'",
        f"{path}:1:49: {MESSAGE} 'Eуропа'",
        f"{path}:2:41: {MESSAGE} 'Қaзақ'",  # in "text", not in the token's own "text" after it
    ]
