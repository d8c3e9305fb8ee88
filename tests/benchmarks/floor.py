"""The SQLite floor: what plain ``sqlite3`` takes for the same CoNLL file, with no project around it.

It reads the file line by line, inserts its documents, sentences and tokens with ``executemany``
in one transaction (streaming, in batches), and writes the tokens back out as CoNLL. No schema
checks, foreign keys, offsets or annotation tables: the cheapest honest way to hold the corpus,
which every import and export of the project is measured against.
"""

from __future__ import annotations

import sqlite3
from array import array
from collections.abc import Iterator
from pathlib import Path

BATCH = 10_000
PLAIN = """
CREATE TABLE documents (id INTEGER PRIMARY KEY, name TEXT);
CREATE TABLE sentences (id INTEGER PRIMARY KEY, document_id INTEGER, position INTEGER);
CREATE TABLE tokens (sentence_id INTEGER, position INTEGER, form TEXT, tag TEXT);
"""


def _fresh(db: Path) -> sqlite3.Connection:
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    con = sqlite3.connect(db, isolation_level=None)
    con.execute("PRAGMA journal_mode = WAL")
    con.execute("PRAGMA synchronous = NORMAL")
    con.executescript(PLAIN)
    return con


def _read(conll: Path) -> Iterator[tuple[int, list[tuple[str, str]]]]:
    """``(document number, [(token, tag), ...])`` for each sentence, with the plainest loop."""
    doc = 0
    current: list[tuple[str, str]] = []
    with conll.open(encoding="utf-8") as handle:
        for line in handle:
            columns = line.split()
            if not columns:
                if current:
                    yield doc, current
                    current = []
            elif columns[0] == "-DOCSTART-":
                doc += 1
            else:
                current.append((columns[0], columns[-1]))
    if current:
        yield doc, current


def floor_import(conll: Path, db: Path) -> int:
    """Load ``conll`` into a new plain database at ``db``; return the number of sentences."""
    con = _fresh(db)
    con.execute("BEGIN")
    sentences: list[tuple[int, int, int]] = []
    tokens: list[tuple[int, int, str, str]] = []
    sid = position = last = 0
    for doc, rows in _read(conll):
        if doc != last:
            con.execute("INSERT INTO documents VALUES (?, ?)", (doc, f"doc-{doc}"))
            last, position = doc, 0
        sid += 1
        sentences.append((sid, doc, position))
        position += 1
        tokens.extend((sid, i, form, tag) for i, (form, tag) in enumerate(rows))
        if len(sentences) >= BATCH:
            con.executemany("INSERT INTO sentences VALUES (?, ?, ?)", sentences)
            con.executemany("INSERT INTO tokens VALUES (?, ?, ?, ?)", tokens)
            sentences.clear()
            tokens.clear()
    con.executemany("INSERT INTO sentences VALUES (?, ?, ?)", sentences)
    con.executemany("INSERT INTO tokens VALUES (?, ?, ?, ?)", tokens)
    con.execute("COMMIT")
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    con.close()
    return sid


def floor_export(db: Path, out: Path) -> int:
    """Write every sentence of the plain database back out as CoNLL; return the number of tokens."""
    con = sqlite3.connect(db)
    n = 0
    with out.open("w", encoding="utf-8") as handle:
        current_doc = current_sentence = None
        rows = con.execute(
            "SELECT s.document_id, t.sentence_id, t.form, t.tag FROM tokens t "
            "JOIN sentences s ON s.id = t.sentence_id ORDER BY t.rowid"
        )
        for doc, sid, form, tag in rows:
            if sid != current_sentence:
                if current_sentence is not None:
                    handle.write("\n")
                if doc != current_doc:
                    handle.write("-DOCSTART- -X- O O\n\n")
                    current_doc = doc
                current_sentence = sid
            handle.write(f"{form}\t{tag}\n")
            n += 1
        handle.write("\n")
    con.close()
    return n


def schema_floor_import(conll: Path, db: Path, annotator_id: int) -> int:
    """The same file into the project's own tables (made beforehand) with plain ``sqlite3``.

    Documents, sentences with their text, offsets and packed token offsets, the annotator's
    entities from IOB2 tags: what the project stores, with its foreign keys, triggers and indexes,
    but none of its checks, records or layers. The gap between this and the floor is the
    schema's price; the gap between the import and this is the code's.
    """
    con = sqlite3.connect(db, isolation_level=None)
    con.execute("PRAGMA foreign_keys = ON")
    con.execute("PRAGMA synchronous = NORMAL")
    con.execute("BEGIN IMMEDIATE")
    # as an import does: the search index is filled later, in the background (store.sentence_search)
    con.execute("INSERT OR IGNORE INTO project_meta (key, value) VALUES ('search:indexed_upto', '0')")
    sid = position = last = eid = 0
    sentences: list[tuple[object, ...]] = []
    entities: list[list[object]] = []

    def flush() -> None:
        con.executemany("INSERT INTO sentences VALUES (?, ?, ?, 0, 0, ?, ?, ?, ?)", sentences)
        con.executemany(
            "INSERT INTO entities (id, sentence_id, annotator_id, token_start, token_last, sentence_tokens, "
            "label) VALUES (?, ?, ?, ?, ?, ?, ?)",
            entities,
        )
        sentences.clear()
        entities.clear()

    for doc, rows in _read(conll):
        if doc != last:
            con.execute(
                "INSERT INTO documents VALUES (?, ?, '', '', '', '2026-01-01 00:00:00')", (doc, f"d{doc}")
            )
            last, position = doc, 0
        sid += 1
        text = " ".join(w for w, _ in rows)
        starts, ends = array("I"), array("I")
        at = 0
        for i, (word, tag) in enumerate(rows):
            starts.append(at)
            ends.append(at + len(word))
            at += len(word) + 1
            if tag.startswith("B-"):
                eid += 1
                entities.append([eid, sid, annotator_id, i, i, len(rows), tag[2:]])
            elif tag.startswith("I-"):
                entities[-1][4] = i
        sentences.append((sid, doc, position, len(text), text, len(rows), (starts + ends).tobytes()))
        position += 1
        if len(sentences) >= BATCH:
            flush()
    flush()
    con.execute("COMMIT")
    con.close()
    return sid


def schema_floor_export(db: Path, out: Path, annotator_id: int) -> int:
    """Write one annotator's layer back out as CoNLL from the project's own tables, plain ``sqlite3``.

    Tokens come as packed offsets into their sentence's text and tags from entity spans, as the
    project stores them; documents in name order, as the export writes them.
    """
    con = sqlite3.connect(db)
    docs = con.execute("SELECT id FROM documents ORDER BY name").fetchall()
    n = 0
    with out.open("w", encoding="utf-8") as handle:
        for (doc,) in docs:
            handle.write("-DOCSTART- -X- O O\n\n")
            sentences = con.execute(
                "SELECT id, text, token_offsets FROM sentences WHERE document_id = ? ORDER BY position",
                (doc,),
            ).fetchall()
            spans: dict[int, list[tuple[int, int, str]]] = {}
            for sid, ts, tl, label in con.execute(
                "SELECT sentence_id, token_start, token_last, label FROM entities WHERE annotator_id = ? "
                "AND sentence_id IN (SELECT id FROM sentences WHERE document_id = ?)",
                (annotator_id, doc),
            ):
                spans.setdefault(sid, []).append((ts, tl, label))
            for sid, text, packed in sentences:
                numbers = array("I", packed).tolist()
                half = len(numbers) // 2
                toks = list(zip(numbers[:half], numbers[half:], strict=True))
                tags = ["O"] * len(toks)
                for ts, tl, label in spans.get(sid, ()):
                    tags[ts] = f"B-{label}"
                    for i in range(ts + 1, tl + 1):
                        tags[i] = f"I-{label}"
                handle.write("".join(f"{text[a:b]}\t{tag}\n" for (a, b), tag in zip(toks, tags, strict=True)))
                handle.write("\n")
                n += len(toks)
    con.close()
    return n
