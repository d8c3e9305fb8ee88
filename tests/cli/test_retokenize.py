"""``annotator retokenize``: every sentence cut with another tokenizer version, spans kept by their
characters, a sentence whose span no longer fits reported and left alone, the version stored, a
backup first and ``annotator restore`` to undo it."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest

from annotator.cli import main
from annotator.core.model import Token
from annotator.core.schema import default_schema_path, load_schema
from annotator.services import commands as c
from annotator.services import project as projects
from annotator.services import retokenize as retokenizing
from annotator.services.annotate import Navigator, load_sentence
from annotator.services.importing import import_paths
from annotator.store import open_project, queries
from tests.conftest import dump

pytestmark = pytest.mark.timeout(120)

FIRST = "Нұр-Сұлтан қаласында 2008-2009 жылдары."
SECOND = "Президент сөз сөйледі."
REAL = retokenizing.tokenizer


def by_white_space(text: str) -> list[Token]:
    """A 'version 2' for the test: tokens are what white space separates (punctuation stays glued)."""
    return [Token(m.group(), m.start(), m.end()) for m in re.finditer(r"\S+", text)]


def versions(version: int) -> Callable[[str], list[Token]]:
    return by_white_space if version == 2 else REAL(version)


@pytest.fixture
def project_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A project where aida tagged 'жылдары' (without its full stop) and 'Президент'."""
    monkeypatch.setattr(retokenizing, "tokenizer", versions)
    monkeypatch.setattr(retokenizing, "TOKENIZER_VERSION", 2)
    source = tmp_path / "news.txt"
    source.write_text(f"{FIRST}\n{SECOND}\n", encoding="utf-8")
    db = tmp_path / "p.sqlite"
    project, _ = open_project(str(db), create=True, schema=load_schema(default_schema_path()))
    projects.set_tokenizer_version(project, 1)  # an old project, cut as before versions were stored
    import_paths(project, [source])
    with project.transaction() as s:
        aida = queries.ensure_annotator(s, "aida").id
    first, second = Navigator(project).sentences(Navigator(project).documents[0])
    project.act_as(aida)
    c.AddEntity(first, aida, 3, 4, "DATE").apply(project)  # жылдары (token 4 is the full stop)
    c.AddEntity(second, aida, 0, 1, "PERSON").apply(project)
    c.SetStatus(second, aida, "done").apply(project)
    project.close()
    return db


def tokens_and_spans(db: Path) -> list[tuple[list[str], list[tuple[str, str]]]]:
    project, _ = open_project(str(db))
    try:
        nav = Navigator(project)
        with project.reading() as s:
            aida = queries.find_annotator(s, "aida")
        assert aida is not None
        out = []
        for sid in nav.sentences(nav.documents[0]):
            view = load_sentence(project, sid, aida.id)
            words = [view.text[a:b] for a, b in view.tokens]
            out.append(
                (words, [(view.token_text(e.token_start, e.token_end), e.label) for e in view.entities])
            )
        return out
    finally:
        project.close()


def test_retokenize_remaps_spans_reports_what_does_not_fit_and_restore_undoes_it(
    project_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = tokens_and_spans(project_file)
    assert before[1][0] == ["Президент", "сөз", "сөйледі", "."]
    assert main(["retokenize", "--db", str(project_file), "--to-version", "2"]) == 0
    out, err = capsys.readouterr()
    assert "aida's entity 'жылдары' (DATE) does not fit the new tokens; the sentence keeps its tokens" in err
    assert "tokenizer version 1 → 2: 1 of 2 sentences re-tokenised, 1 left as they were" in out
    after = tokens_and_spans(project_file)
    assert after[0] == before[0]  # left as it was
    assert after[1] == (["Президент", "сөз", "сөйледі."], [("Президент", "PERSON")])
    project, _ = open_project(str(project_file))
    assert retokenizing.tokenizer_version(project) == 2
    project.close()
    undo = out.strip().splitlines()[-1]
    assert undo.startswith("to undo: annotator restore --db ")
    backup = undo.split()[-1]
    assert main(["restore", "--db", str(project_file), backup]) == 0
    assert tokens_and_spans(project_file) == before
    project, _ = open_project(str(project_file))
    assert retokenizing.tokenizer_version(project) == 1
    project.close()


def test_retokenize_to_the_same_version_changes_no_row(
    project_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project, _ = open_project(str(project_file))
    before = dump(project)
    project.close()
    assert main(["retokenize", "--db", str(project_file), "--to-version", "1"]) == 0
    assert "0 of 2 sentences re-tokenised" in capsys.readouterr().out
    project, _ = open_project(str(project_file))
    after = dump(project)
    project.close()
    assert {k: v for k, v in after.items() if k != "project_meta"} == {
        k: v for k, v in before.items() if k != "project_meta"
    }


def test_an_unknown_version_is_one_line_and_changes_nothing(
    project_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["retokenize", "--db", str(project_file), "--to-version", "9"]) == 1
    err = capsys.readouterr().err
    assert (
        err.strip() == "annotator: --to-version: unknown tokenizer version 9; this annotator knows 1, 2"
        " (a newer one may know more)"
    )
    assert not (project_file.parent / "p.backups").exists()


def test_an_old_project_goes_to_version_2_with_its_spans_over_the_new_tokens(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The real tokenizers: version 1 keeps '2008-2009' whole and gives the initial's dot a token;
    version 2 cuts the range in three and keeps 'М.' whole, and aida's spans follow their characters."""
    source = tmp_path / "news.txt"
    source.write_text("Ол 2008-2009 жылдары М. Әуезов театрында болды.\n", encoding="utf-8")
    db = tmp_path / "old.sqlite"
    project, _ = open_project(str(db), create=True, schema=load_schema(default_schema_path()))
    projects.set_tokenizer_version(project, 1)
    import_paths(project, [source])
    with project.transaction() as s:
        aida = queries.ensure_annotator(s, "aida").id
    (sid,) = Navigator(project).sentences(Navigator(project).documents[0])
    project.act_as(aida)
    c.AddEntity(sid, aida, 1, 2, "DATE").apply(project)  # '2008-2009', one token in version 1
    c.AddEntity(sid, aida, 3, 6, "PERSON").apply(project)  # 'М', '.', 'Әуезов'
    project.close()
    assert tokens_and_spans(db)[0][0][:6] == ["Ол", "2008-2009", "жылдары", "М", ".", "Әуезов"]
    assert main(["retokenize", "--db", str(db)]) == 0
    assert "tokenizer version 1 → 2: 1 of 1 sentences re-tokenised" in capsys.readouterr().out
    words, spans = tokens_and_spans(db)[0]
    assert words[:7] == ["Ол", "2008", "-", "2009", "жылдары", "М.", "Әуезов"]
    assert spans == [("2008-2009", "DATE"), ("М. Әуезов", "PERSON")]


def test_sentences_cut_by_hand_or_given_by_a_file_keep_their_tokens(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Re-tokenising redoes only the tokenizer's work: a token split by hand and a CoNLL file's
    own tokens stay (the review found `retokenize` undoing both)."""
    from annotator.services.commands.corrections import SplitToken

    text_file = tmp_path / "news.txt"
    text_file.write_text("Ол 2008-2009 жылдары келді.\nТағы 2010-2011 жылдары.\n", encoding="utf-8")
    conll = tmp_path / "gold.conll"
    conll.write_text("Баға\tO\n5\tO\n%-ға\tO\nөсті\tO\n.\tO\n", encoding="utf-8")
    db = tmp_path / "mixed.sqlite"
    project, _ = open_project(str(db), create=True, schema=load_schema(default_schema_path()))
    projects.set_tokenizer_version(project, 1)
    import_paths(project, [text_file, conll])
    with project.transaction() as s:
        boss = queries.add_annotator(s, "boss", "reviewer").id
    nav = Navigator(project)
    docs = {d: nav.sentences(d) for d in nav.documents}
    by_hand = next(ids[0] for ids in docs.values() if len(ids) == 2)
    project.act_as(boss)
    SplitToken(by_hand, token=2, at=3).apply(project)  # жылдары -> жыл | дары
    words = {
        sid: [v.text[a:b] for a, b in v.tokens]
        for ids in docs.values()
        for sid in ids
        for v in [load_sentence(project, sid, boss)]
    }
    project.close()
    assert main(["retokenize", "--db", str(db)]) == 0
    out = capsys.readouterr().out
    assert "2 sentences keep their own tokens" in out
    project, _ = open_project(str(db))
    after = {
        sid: [v.text[a:b] for a, b in v.tokens] for sid in words for v in [load_sentence(project, sid, boss)]
    }
    project.close()
    changed = [sid for sid in words if after[sid] != words[sid]]
    assert len(changed) == 1 and after[changed[0]] == ["Тағы", "2010", "-", "2011", "жылдары", "."]
    assert after[by_hand] == words[by_hand] and "жыл" in after[by_hand]
    assert ["Баға", "5", "%-ға", "өсті", "."] in after.values()
