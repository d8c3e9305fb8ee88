"""``annotator train`` and ``annotator suggest``: models stored and described, suggestions written for
the not-done sentences only, an apply the window undoes as one batch, and one line for bad input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import text

from annotator.cli import main
from annotator.services import preannotation, session
from annotator.services.people import list_annotators
from annotator.store import Project, open_project
from tests.conftest import write
from tests.stored import entities, statuses
from tests.suggest_corpus import load
from tests.teams import Team, team_project

__all__ = ["team_project"]  # the fixture, used by name


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def trained(project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> str:
    """The tiny corpus with models trained from a's done sentences; the project's URL or path."""
    load(project, tmp_path)
    code, out, err = run(capsys, "train", "--db", project.url, "--from", "a", "--iterations", "15")
    assert code == 0, err
    assert "entities" in out and "PERSON" in out and "precision" in out
    return project.url


def test_train_stores_models_and_suggest_writes_scored_lines_for_the_not_done_sentences(
    trained: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out_file = tmp_path / "s.jsonl"
    code, _, err = run(capsys, "suggest", "--db", trained, "--for", "a", "--out", str(out_file))
    assert code == 0, err
    lines = [json.loads(x) for x in out_file.read_text("utf-8").splitlines()]
    assert len(lines) == 8 and all(
        x["document"].startswith("rest") for x in lines
    )  # a's 24 done ones are not there
    found = [e for x in lines for e in x["entities"]]
    assert found and all(0.0 <= e["score"] <= 1.0 for e in found)
    assert {e["label"] for e in found} == {"GPE", "PERSON"}
    first = lines[0]
    for e in first["entities"]:
        assert first["text"][e["start"] : e["end"]] == e["text"]
        assert [t["text"] for t in first["tokens"][e["token_start"] : e["token_end"]]] == e["text"].split()


def test_suggest_apply_pre_annotates_todo_sentences_and_the_window_undoes_it_as_one_batch(
    project: Project, trained: str, capsys: pytest.CaptureFixture[str]
) -> None:
    before = entities(project, "a")
    code, out, err = run(capsys, "suggest", "--db", trained, "--for", "a", "--apply", "--min-score", "0.3")
    assert code == 0, err
    assert "pre-annotated" in out
    added = sorted(set(entities(project, "a")) - set(before))
    assert added and all(e[0].startswith("rest") for e in added)
    assert {s[2] for s in statuses(project, "a") if s[0].startswith("rest")} <= {"todo"}
    person = next(p for p in list_annotators(project) if p.name == "a")
    project.act_as(person.id)
    command = preannotation.pending_preannotation(project, person)
    assert command is not None
    editing = session.EditingSession(project)
    editing.history.record(command)
    assert editing.undo().result is session.Result.STORED
    assert entities(project, "a") == before
    assert preannotation.pending_preannotation(project, person) is None
    assert editing.redo().result is session.Result.STORED
    assert sorted(entities(project, "a")) == sorted(before + added)


def test_a_sentence_where_an_entity_was_changed_or_used_after_the_apply_is_kept_whole_by_the_undo(
    project: Project, trained: str, capsys: pytest.CaptureFixture[str]
) -> None:
    from annotator.services import commands as c
    from annotator.store import suggestions as stored

    assert run(capsys, "suggest", "--db", trained, "--for", "a", "--apply")[0] == 0
    person = next(p for p in list_annotators(project) if p.name == "a")
    project.act_as(person.id)
    with project.reading() as s:
        batch = stored.applied_batch(s, person.id)
    assert batch is not None and len(batch.entities) >= 2
    kept_id, sentence_id = batch.entities[0][0], batch.entities[0][1]
    c.RelabelEntity(sentence_id, kept_id, "LOCATION").apply(project)
    used_id, used_sentence = next((e[0], e[1]) for e in batch.entities if e[1] != sentence_id)
    event = c.AddEvent(used_sentence, person.id, 0, 1, "Conflict.Demonstrate")
    event.apply(project)
    assert event.event_id is not None
    c.AddArgument(used_sentence, event.event_id, "Place", used_id).apply(project)
    command = preannotation.pending_preannotation(project, person)
    assert command is not None
    command.revert(project)
    left = [e for e in entities(project, "a") if e[0].startswith("rest")]
    touched = [e for e in batch.entities if e[1] in {sentence_id, used_sentence}]
    assert len(left) == len(touched) < len(batch.entities)  # those sentences are the person's now
    assert "LOCATION" in [e[4] for e in left]


def test_bad_input_is_one_line_and_exit_1(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = project.url
    code, _, err = run(capsys, "suggest", "--db", db, "--for", "a", "--out", str(tmp_path / "x.jsonl"))
    assert (code, err.count("\n")) == (1, 1) and "no person 'a'" in err
    load(project, tmp_path, done=1, todo=3)
    code, _, err = run(capsys, "suggest", "--db", db, "--for", "a", "--out", str(tmp_path / "x.jsonl"))
    assert (code, err.count("\n")) == (1, 1) and "no trained model" in err
    code, _, err = run(capsys, "train", "--db", db, "--from", "nobody")
    assert (code, err.count("\n")) == (1, 1) and "no layer 'nobody'" in err
    code, _, err = run(capsys, "train", "--db", db, "--from", "gold")
    assert (code, err.count("\n")) == (1, 1) and "no sentence is marked done in gold" in err
    code, _, err = run(capsys, "train", "--db", db, "--from", "a")
    assert (code, err.count("\n")) == (1, 1) and "at least two" in err
    bad = write(tmp_path / "g.tsv", "# places\nАлматы\tGPE\nАстана GPE\n")
    code, _, err = run(capsys, "train", "--db", db, "--from", "a", "--gazetteer", str(bad))
    assert code == 1 and err.strip().endswith("expected 'text<TAB>label', found 0 tabs")
    assert f"{bad}:3:" in err and err.count("\n") == 1
    alien = write(tmp_path / "h.tsv", "Алматы\tGPE\nАстана\tCITY\n")
    code, _, err = run(capsys, "train", "--db", db, "--from", "a", "--gazetteer", str(alien))
    assert (code, err) == (1, f"annotator: {alien}:2: the label 'CITY' is not in the project's schema\n")


@pytest.mark.timeout(240)
def test_a_team_annotator_trains_and_applies_through_their_own_login(
    team_project: Team, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ann = team_project.names["ann"]
    owner, _ = open_project(team_project.owner_url)
    load(owner, tmp_path, name=ann)
    owner.close()
    url = team_project.url("ann")
    code, out, err = run(capsys, "train", "--db", url, "--from", ann, "--iterations", "10")
    assert code == 0, err
    code, out, err = run(capsys, "suggest", "--db", url, "--for", ann, "--apply")
    assert code == 0 and "pre-annotated" in out, err
    code, _, err = run(capsys, "suggest", "--db", url, "--for", team_project.names["other"], "--apply")
    assert code == 1 and "work only as yourself" in err  # the login is who acts
    other = team_project.engine("other")
    with other.connect() as conn:  # ann's models, verdicts and batch are theirs alone
        assert conn.execute(text("SELECT count(*) FROM models")).scalar_one() == 0
        assert conn.execute(text("SELECT count(*) FROM applied_suggestions")).scalar_one() == 0
    other.dispose()


# -- whose models train makes, and damaged ones ------------------------------------------------------


@pytest.mark.timeout(240)
def test_train_by_a_reviewer_makes_the_shared_models_and_by_an_annotator_their_own(
    team_project: Team, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ann = team_project.names["ann"]
    owner, _ = open_project(team_project.owner_url)
    load(owner, tmp_path, name=ann)
    owner.close()
    code, out, err = run(capsys, "train", "--db", team_project.url("ann"), "--from", ann, "--iterations", "5")
    assert code == 0 and f"stored as {ann}'s own models" in out, err
    boss = team_project.url("boss")  # a reviewer reads ann's layer and writes the shared models
    code, out, err = run(capsys, "train", "--db", boss, "--from", ann, "--iterations", "5")
    assert code == 0 and "stored as the project's shared models" in out, err
    other = team_project.engine("other")
    with other.connect() as conn:  # every member reads the shared models, not ann's own
        owners = conn.execute(text("SELECT DISTINCT annotator_id FROM models")).scalars().all()
    assert owners == [None]
    other.dispose()


def test_a_damaged_model_is_one_line_and_exit_1(
    trained: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project, _ = open_project(trained)
    with project.transaction() as s:  # bytes changed behind the digest's back
        s.execute(text("UPDATE models SET data = :d WHERE kind = 'matcher'"), {"d": b'{"entries": 5}'})
    project.close()
    code, _, err = run(capsys, "suggest", "--db", trained, "--for", "a", "--out", str(tmp_path / "s.jsonl"))
    assert (code, err) == (
        1,
        "annotator: the stored matcher model is damaged: retrain (Ctrl+T or annotator train)\n",
    )
    code, out, err = run(capsys, "train", "--db", trained, "--from", "a", "--iterations", "5")
    assert code == 0, err
    code, out, err = run(capsys, "suggest", "--db", trained, "--for", "a", "--out", str(tmp_path / "s.jsonl"))
    assert code == 0 and "wrote suggestions" in out, err
