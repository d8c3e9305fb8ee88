"""Importers end to end: what lands in the store, and bad input that leaves it untouched."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import text

from annotator.core.errors import InputError
from annotator.services.importing import ImportOptions, import_paths
from annotator.store import Project, queries
from tests import stored
from tests.conftest import FIXTURES, SEEDS, dump, write

SEED_FILES = sorted(SEEDS.glob("*.txt"))


def rows(project: Project, sql: str) -> list[tuple]:
    with project.engine.connect() as conn:
        return [tuple(r) for r in conn.execute(text(sql))]


def test_seeds_import_as_two_documents_and_again_as_a_no_op(project: Project) -> None:
    summary = import_paths(project, SEED_FILES)
    # 617: tokenizer version 2 cuts the range "27-28" in three (version 1 made 615 tokens)
    assert (summary.documents_added, summary.sentences, summary.tokens) == (2, 35, 617)
    before = dump(project)
    again = import_paths(project, SEED_FILES)
    assert (again.documents_added, again.documents_reused, again.sentences) == (0, 2, 0)
    assert dump(project) == before
    names = [r[0] for r in rows(project, "SELECT name FROM documents ORDER BY name")]
    assert names == ["000_5a91e5e761b01553", "002_de800ccdcc165eec"]
    stored = rows(project, "SELECT text FROM documents WHERE name = '000_5a91e5e761b01553'")[0][0]
    assert stored == SEED_FILES[0].read_text(encoding="utf-8")


def test_a_different_document_under_a_taken_name_is_an_error_or_renamed(
    project: Project, tmp_path: Path
) -> None:
    import_paths(project, SEED_FILES)
    other = write(tmp_path / "000_5a91e5e761b01553.txt", "Басқа мәтін.\n")
    before = dump(project)
    with pytest.raises(InputError, match=r"a different document named '000_5a91e5e761b01553'.*--rename"):
        import_paths(project, [other])
    assert dump(project) == before
    import_paths(project, [other], ImportOptions(rename=True))
    assert ("000_5a91e5e761b01553-2",) in rows(project, "SELECT name FROM documents")


def test_conll_tags_become_the_named_annotators_entities(project: Project) -> None:
    summary = import_paths(project, [FIXTURES / "example.conll"], ImportOptions(annotator="bob"))
    assert (summary.documents_added, summary.sentences, summary.tokens, summary.entities) == (2, 3, 20, 7)
    assert stored.entities(project, "bob") == [
        ("example-0001", 0, 0, 1, "DATE"),
        ("example-0001", 0, 1, 2, "GPE"),
        ("example-0001", 0, 3, 5, "ORGANISATION"),
        ("example-0001", 1, 0, 3, "POSITION"),
        ("example-0001", 1, 3, 4, "CARDINAL"),
        ("example-0002", 0, 0, 2, "PERSON"),
        ("example-0002", 0, 2, 4, "PERSON"),
    ]
    texts = rows(project, "SELECT text FROM sentences ORDER BY id")
    assert texts[0][0] == "Бүгін Нұр-Сұлтан қаласында Еуродақ өкілдігі алдына жиналды ."


@pytest.mark.parametrize(
    ("scheme", "tags"),
    [
        ("IOB1", ["I-PERSON", "I-PERSON", "B-PERSON", "O", "I-GPE"]),
        ("BIOES", ["B-PERSON", "E-PERSON", "S-PERSON", "O", "S-GPE"]),
        ("IOB2", ["B-PERSON", "I-PERSON", "B-PERSON", "O", "B-GPE"]),
    ],
)
def test_conll_schemes_read_alike(project: Project, tmp_path: Path, scheme: str, tags: list[str]) -> None:
    words = ["Хайди", "Хаутала", "Клинц", "және", "Қазақстан"]
    path = write(tmp_path / "s.conll", "".join(f"{w} {t}\n" for w, t in zip(words, tags, strict=True)))
    opts = ImportOptions(annotator="a", scheme=scheme if scheme == "IOB1" else "auto")
    import_paths(project, [path], opts)
    assert stored.entities(project, "a") == [
        ("s", 0, 0, 2, "PERSON"),
        ("s", 0, 2, 3, "PERSON"),
        ("s", 0, 4, 5, "GPE"),
    ]


def test_jsonl_own_format_brings_events_stance_status_and_comments(project: Project) -> None:
    summary = import_paths(project, [FIXTURES / "example.jsonl"])
    assert (summary.entities, summary.events, summary.stance) == (3, 1, 3)
    assert stored.entities(project, "aigerim") == [
        ("example", 0, 0, 1, "DATE"),
        ("example", 0, 1, 2, "GPE"),
        ("example", 1, 0, 1, "ORGANISATION"),
    ]
    assert stored.events(project) == [("example", 0, 4, 5, "Conflict.Demonstrate")]
    assert stored.attributes(project) == [
        ("example", 0, "Conflict.Demonstrate", "modality", "asserted"),
        ("example", 0, "Conflict.Demonstrate", "polarity", "positive"),
        ("example", 0, "Conflict.Demonstrate", "tense", "past"),
    ]
    assert stored.arguments(project) == [
        ("example", 0, "Conflict.Demonstrate", "Place", "GPE"),
        ("example", 0, "Conflict.Demonstrate", "Time", "DATE"),
    ]
    assert stored.statuses(project) == [
        ("example", 0, "done", ""),
        ("example", 1, "flagged", "тексеру керек"),
    ]
    assert stored.stances(project) == [
        ("example", 0, "kz-authorities", "against", None),
        ("example", 1, "eu", "neutral", "ORGANISATION"),
    ]
    assert stored.document_stances(project) == [("example", "kz-authorities", "against", "ORGANISATION")]


def test_second_annotator_attaches_to_the_same_document_and_a_repeat_is_a_no_op(
    project: Project, tmp_path: Path
) -> None:
    import_paths(project, [FIXTURES / "example.jsonl"])
    lines = (FIXTURES / "example.jsonl").read_text(encoding="utf-8").splitlines()
    second = write(
        tmp_path / "second.jsonl", "\n".join(line.replace('"aigerim"', '"daulet"') for line in lines)
    )
    import_paths(project, [second])
    assert len(stored.entities(project, "daulet")) == 3
    assert rows(project, "SELECT COUNT(*) FROM sentences") == [(2,)]
    before = dump(project)
    again = import_paths(project, [second])
    assert again.skipped_layers == 1
    assert dump(project) == before


def test_doccano_and_plain_lines(project: Project, tmp_path: Path) -> None:
    path = write(
        tmp_path / "doccano.jsonl",
        "\n".join(
            [
                json.dumps(
                    {
                        "text": "Астана Еуропарламентті шақырды.",
                        "label": [[0, 6, "GPE"], [7, 22, "ORGANISATION"]],
                    },
                    ensure_ascii=False,
                ),
                json.dumps({"text": "Жай мәтін."}, ensure_ascii=False),
                json.dumps(
                    {
                        "text": "Алматы қаласы.",
                        "entities": [{"start_offset": 0, "end_offset": 6, "label": "GPE"}],
                    },
                    ensure_ascii=False,
                ),
            ]
        ),
    )
    import_paths(project, [path], ImportOptions(annotator="d"))
    assert stored.entities(project, "d") == [
        ("doccano", 0, 0, 1, "GPE"),
        ("doccano", 0, 1, 2, "ORGANISATION"),
        ("doccano", 2, 0, 1, "GPE"),
    ]


def test_bom_crlf_and_decomposed_letters_are_accepted(project: Project, tmp_path: Path) -> None:
    path = write(tmp_path / "crlf.conll", b"\xef\xbb\xbf" + "Қази\u0306қ B-GPE\r\nелі O\r\n".encode())
    import_paths(project, [path], ImportOptions(annotator="x"))
    assert rows(project, "SELECT text FROM sentences") == [("Қазйқ елі",)]
    doc = write(
        tmp_path / "nfd.jsonl",
        json.dumps({"text": "Ә\u0306лем Астана", "label": [[6, 12, "GPE"]]}, ensure_ascii=False),
    )
    import_paths(project, [doc], ImportOptions(annotator="x"))
    assert ("nfd", 0, 1, 2, "GPE") in stored.entities(project, "x")


BAD = [
    ("i-tag.conll", "Бүгін O\nНұр I-GPE\n", {"annotator": "a"}, 2, "I-GPE cannot follow O in IOB2"),
    ("no-tag.conll", "Бүгін O\nНұр-Сұлтан\n", {"annotator": "a"}, 2, "expected a token and a tag"),
    (
        "label.conll",
        "Бүгін O\nНұр B-CITY\n",
        {"annotator": "a"},
        2,
        "label 'CITY' is not in the project's schema",
    ),
    ("who.conll", "Нұр B-GPE\n", {}, 1, "name their annotator with --annotator"),
    ("bioes.conll", "А S-GPE\n\nХайди B-PERSON\nХаутала O\n", {"annotator": "a"}, 4, "not closed by E-"),
    ("mixed.conll", "Хайди B-PERSON\nХаутала O\n\nА S-GPE\n", {"annotator": "a"}, 4, "--scheme BIOES"),
    ("json.jsonl", '{"text": "ok"}\n{"text": "broken"\n', {}, 2, "invalid JSON"),
    ("array.jsonl", "[1, 2]\n", {}, 1, "expected a JSON object"),
    ("type.jsonl", '{"text": 5}\n', {}, 1, "'text' must be a string"),
    ("deep.jsonl", "[" * 100_000 + "]" * 100_000 + "\n", {}, 1, "invalid JSON"),
    (
        "outside.jsonl",
        '{"text": "Алматы", "label": [[0, 60, "GPE"]]}\n',
        {"annotator": "a"},
        1,
        "lies outside the text",
    ),
    (
        "boundary.jsonl",
        # the project's own spans must fall on tokens (doccano's cut the token: test_doccano.py)
        '{"text": "Алматы қаласы", "entities": [{"label": "GPE", "start": 0, "end": 3}]}\n',
        {"annotator": "a"},
        1,
        "not on token boundaries",
    ),
    (
        "label.jsonl",
        '{"text": "Алматы", "label": [[0, 6, "CITY"]]}\n',
        {"annotator": "a"},
        1,
        "entity label 'CITY' is not in the project's schema",
    ),
    (
        "role.jsonl",
        json.dumps(
            {
                "text": "Ол келді",
                "annotator": "a",
                "entities": [{"id": "T1", "label": "PERSON", "token_start": 0, "token_end": 1}],
                "events": [
                    {
                        "type": "Contact.Meet",
                        "trigger": {"token_start": 1, "token_end": 2},
                        "arguments": [{"role": "Speaker", "entity": "T1"}],
                    }
                ],
            }
        )
        + "\n",
        {},
        1,
        "role 'Speaker' does not belong to event type Contact.Meet",
    ),
    (
        "dup.jsonl",
        json.dumps(
            {
                "text": "Ол келді",
                "annotator": "a",
                "entities": [
                    {"id": "T1", "label": "PERSON", "token_start": 0, "token_end": 1},
                    {"id": "T1", "label": "GPE", "token_start": 1, "token_end": 2},
                ],
            }
        )
        + "\n",
        {},
        1,
        "entity id 'T1' is used twice",
    ),
    (
        "overlap.jsonl",
        json.dumps(
            {
                "text": "Ол келді",
                "annotator": "a",
                "entities": [
                    {"label": "PERSON", "token_start": 0, "token_end": 2},
                    {"label": "GPE", "token_start": 1, "token_end": 2},
                ],
            }
        )
        + "\n",
        {},
        1,
        "overlap, which the schema forbids",
    ),
    ("latin1.txt", "Алматы\nқала\n".encode() + b"caf\xe9\n", {}, 3, "not valid UTF-8"),
    ("nul.txt", "Алматы\x00\n", {}, 1, "NUL character"),
    ("empty.txt", b"", {}, None, "the file is empty"),
    ("blank.conll", "\n\n  \n", {}, None, "the file is empty"),
]


@pytest.mark.parametrize(("name", "content", "options", "line", "fragment"), BAD, ids=[b[0] for b in BAD])
def test_bad_input_names_file_and_line_and_changes_nothing(
    project: Project,
    tmp_path: Path,
    name: str,
    content: str | bytes,
    options: dict,
    line: int | None,
    fragment: str,
) -> None:
    import_paths(project, SEED_FILES)
    good = write(tmp_path / "good.txt", "Жақсы мәтін бар.\n")
    bad = write(tmp_path / name, content)
    before = dump(project)
    with pytest.raises(InputError) as info:
        import_paths(project, [good, bad], ImportOptions(**{"annotator": None, **options}))
    error = info.value
    assert error.path == str(bad)
    assert error.line == line
    assert fragment in str(error)
    assert "\n" not in str(error)
    assert dump(project) == before


def test_missing_path_and_unknown_ending(project: Project, tmp_path: Path) -> None:
    before = dump(project)
    with pytest.raises(InputError, match="no such file"):
        import_paths(project, [tmp_path / "absent.conll"])
    odd = write(tmp_path / "data.xyz", "text")
    with pytest.raises(InputError, match="cannot tell the format"):
        import_paths(project, [odd])
    assert dump(project) == before


def test_stats_count_what_was_imported(project: Project) -> None:
    import_paths(project, [FIXTURES / "example.conll"], ImportOptions(annotator="bob", status="done"))
    with project.transaction() as s:
        data = queries.stats(s)
    assert data["documents"] == 2 and data["sentences"] == 3 and data["tokens"] == 20
    assert data["annotators"]["bob"] == {"entities": 7, "events": 0, "stance": 0, "done": 3}


def test_a_big_import_leaves_no_write_ahead_log_unless_someone_is_reading(tmp_path: Path) -> None:
    """The log a bulk import writes is folded into the database file at its end, without waiting
    for anyone: a reader holding a snapshot keeps it (and the import does not block on them)."""
    from annotator.services.project import create
    from tests.benchmarks.synth import write_conll

    conll = tmp_path / "c.conll"
    write_conll(conll, 3000)
    path = tmp_path / "p.sqlite"
    project = create(str(path))
    import_paths(project, [conll], ImportOptions(annotator="k"))
    assert Path(f"{path}-wal").stat().st_size == 0

    with project.reading() as reader:
        reader.execute(text("SELECT count(*) FROM sentences")).scalar_one()  # holds a snapshot
        import_paths(project, [conll], ImportOptions(annotator="other"))
        assert Path(f"{path}-wal").stat().st_size > 0
    with project.reading() as s:
        assert s.execute(text("SELECT count(DISTINCT annotator_id) FROM entities")).scalar_one() == 2
    project.close()


def test_imported_statuses_carry_their_time_as_an_edit_would(project: Project) -> None:
    """The importer binds the time itself (tuples to the driver): it must store what the edit API
    stores, or the team view and the undo of a status would read another format."""
    from datetime import UTC, datetime, timedelta

    from annotator.store import edits
    from annotator.store.tables import SentenceStatus

    before = datetime.now(UTC) - timedelta(seconds=1)
    import_paths(project, [FIXTURES / "example.jsonl"])
    with project.transaction() as s:
        boss = queries.add_annotator(s, "boss", "reviewer").id
    project.act_as(boss)
    with project.transaction() as s:
        first = s.execute(text("SELECT min(id) FROM sentences")).scalar_one()
        edits.set_status(s, first, boss, "done")
    with project.reading() as s:
        stamps = s.query(SentenceStatus.annotator_id, SentenceStatus.updated_at).all()
        raw = [r[0] for r in s.execute(text("SELECT updated_at FROM sentence_status ORDER BY annotator_id"))]
    assert len(stamps) == 3
    for _, when in stamps:  # every time reads back as the same kind of value, and a recent one
        when = when if when.tzinfo else when.replace(tzinfo=UTC)
        assert before <= when <= datetime.now(UTC)
    if project.is_sqlite:  # and is stored in one format, imported or edited
        assert {len(str(v)) for v in raw} == {len(str(raw[-1]))}
