"""Revision 0005: the suggestion tables come and go with the migration, and on PostgreSQL each
login reads and writes only its own verdicts, applied batch and models; every member reads the
shared models, which only reviewers and managers (and the owner) write."""

from __future__ import annotations

from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import Engine, create_engine, inspect, text
from sqlalchemy.exc import IntegrityError

from annotator.store.engine import database_url, make_engine
from annotator.store.migrate import alembic_config, upgrade
from tests.services.test_team import _ids, _refused
from tests.teams import Team, team_project

__all__ = ["team_project"]  # the fixture, used by name
NEW = {"models", "suggestion_feedback", "applied_suggestions"}


def test_upgrade_makes_the_suggestion_tables_and_downgrade_removes_them(tmp_path: Path) -> None:
    url = database_url(tmp_path / "p.sqlite")
    engine = make_engine(url)
    upgrade(engine, "0004")
    assert not NEW & set(inspect(engine).get_table_names())
    upgrade(engine)
    assert set(inspect(engine).get_table_names()) >= NEW
    cfg = alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0004")
    engine.dispose()
    engine = make_engine(url)
    assert not NEW & set(inspect(engine).get_table_names())
    upgrade(engine)
    assert set(inspect(engine).get_table_names()) >= NEW
    engine.dispose()


FEEDBACK = (
    "INSERT INTO suggestion_feedback (annotator_id, sentence_id, kind, token_start, token_last, label, "
    "target, verdict, created_at) VALUES (:a, :s, 'entity', 0, 0, 'GPE', '', 'rejected', now())"
)
APPLIED = (
    "INSERT INTO applied_suggestions (annotator_id, created_at, entities, events, stance) "
    "VALUES (:a, now(), '[]', '[]', '[]')"
)
MODEL = (
    "INSERT INTO models (kind, annotator_id, layers, fingerprint, trained_at, sentences, quality, data, "
    "digest, size) VALUES (:k, :a, '[]', 'f', now(), 1, NULL, '\\x00', 'd', 1)"
)


def _count(engine: Engine, sql: str, **params: object) -> int:
    with engine.connect() as conn:
        return int(conn.execute(text(sql), params).scalar_one())


@pytest.mark.timeout(180)
def test_an_annotators_login_reads_and_writes_only_their_own_verdicts(team_project: Team) -> None:
    owner = create_engine(team_project.owner_url)
    sentence, _gold, other = _ids(owner, team_project.names["other"])
    with owner.begin() as conn:  # the owner is not governed: it writes the other person's rows
        conn.execute(text(FEEDBACK), {"a": other, "s": sentence})
        conn.execute(text(APPLIED), {"a": other})
    ann = team_project.engine("ann")
    me = _count(ann, "SELECT id FROM annotators WHERE name = current_user")
    attempts = {
        "read another's verdicts": "SELECT count(*) FROM suggestion_feedback WHERE annotator_id = :o",
        "read another's applied batch": "SELECT count(*) FROM applied_suggestions WHERE annotator_id = :o",
        "write a verdict for another": FEEDBACK.replace(":a", ":o"),
        "change another's verdict": "UPDATE suggestion_feedback SET verdict = 'accepted'",
        "delete another's verdict": "DELETE FROM suggestion_feedback",
        "delete another's applied batch": "DELETE FROM applied_suggestions",
    }
    refused = {what: _refused(ann, sql, o=other, s=sentence) for what, sql in attempts.items()}
    assert refused == dict.fromkeys(attempts, True)
    with ann.begin() as conn:  # their own they may
        conn.execute(text(FEEDBACK), {"a": me, "s": sentence})
        conn.execute(text(APPLIED), {"a": me})
    assert _count(ann, "SELECT count(*) FROM suggestion_feedback") == 1
    boss = team_project.engine("boss")  # a reviewer reads every verdict
    assert _count(boss, "SELECT count(*) FROM suggestion_feedback") == 2
    assert _count(owner, "SELECT count(*) FROM suggestion_feedback WHERE annotator_id = :o", o=other) == 1
    for engine in (owner, ann, boss):
        engine.dispose()


@pytest.mark.timeout(180)
def test_a_login_reads_its_own_and_the_shared_models_and_writes_only_its_own(team_project: Team) -> None:
    owner = create_engine(team_project.owner_url)
    _sentence, _gold, other = _ids(owner, team_project.names["other"])
    with owner.begin() as conn:  # another's matcher (built from their layer) and a shared one
        conn.execute(text(MODEL), {"k": "matcher", "a": other})
        conn.execute(text(MODEL), {"k": "matcher", "a": None})
    ann = team_project.engine("ann")
    me = _count(ann, "SELECT id FROM annotators WHERE name = current_user")
    attempts = {
        "read another's model": "SELECT count(*) FROM models WHERE annotator_id = :o",
        "read another's model's bytes": "SELECT data FROM models WHERE annotator_id = :o",
        "write a model for another": MODEL.replace(":k", "'stance'").replace(":a", ":o"),
        "write a shared model": MODEL.replace(":k", "'stance'").replace(":a", "NULL"),
        "replace the shared model": "UPDATE models SET data = '\\x01' WHERE annotator_id IS NULL",
        "delete the shared model": "DELETE FROM models WHERE annotator_id IS NULL",
        "change another's model": "UPDATE models SET data = '\\x01' WHERE annotator_id = :o",
    }
    refused = {what: _refused(ann, sql, o=other) for what, sql in attempts.items()}
    assert refused == dict.fromkeys(attempts, True)
    assert _count(ann, "SELECT count(*) FROM models WHERE annotator_id IS NULL") == 1  # the shared one
    with ann.begin() as conn:  # their own they may write, replace and delete
        conn.execute(text(MODEL), {"k": "matcher", "a": me})
        conn.execute(text("UPDATE models SET sentences = 2 WHERE annotator_id = :a"), {"a": me})
    assert _count(ann, "SELECT count(*) FROM models") == 2
    boss = team_project.engine("boss")  # a reviewer reads every model and writes the shared ones
    assert _count(boss, "SELECT count(*) FROM models") == 3
    with boss.begin() as conn:
        conn.execute(text("DELETE FROM models WHERE annotator_id IS NULL"))
        conn.execute(text(MODEL), {"k": "entities", "a": None})
    assert _count(ann, "SELECT count(*) FROM models WHERE annotator_id IS NULL AND kind = 'entities'") == 1
    assert _refused(boss, "UPDATE models SET sentences = 3 WHERE annotator_id = :o", o=other) is True
    for engine in (owner, ann, boss):
        engine.dispose()


@pytest.mark.timeout(180)
def test_a_team_made_before_0005_gets_the_new_tables_on_upgrade(team_project: Team) -> None:
    owner = make_engine(team_project.owner_url)
    cfg = alembic_config()
    with owner.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0004")
    upgrade(owner)
    ann = team_project.engine("ann")
    me = _count(ann, "SELECT id FROM annotators WHERE name = current_user")
    with ann.begin() as conn:  # the table and its id sequence are granted
        conn.execute(text(MODEL), {"k": "matcher", "a": me})
    assert _count(ann, "SELECT count(*) FROM models") == 1
    owner.dispose()
    ann.dispose()


def test_one_model_per_kind_and_person_and_one_shared_per_kind(tmp_path: Path) -> None:
    engine = make_engine(database_url(tmp_path / "p.sqlite"))
    upgrade(engine)
    insert = MODEL.replace("now()", "CURRENT_TIMESTAMP").replace("'\\x00'", "x'00'")
    with engine.begin() as conn:
        conn.execute(
            text("INSERT INTO annotators (id, name, role, created_at) VALUES (7, 'a', 'annotator', 0)")
        )
        for kind, who in [("matcher", None), ("matcher", 7), ("stance", None), ("stance", 7)]:
            conn.execute(text(insert), {"k": kind, "a": who})
    for who in (None, 7):
        with pytest.raises(IntegrityError), engine.begin() as conn:
            conn.execute(text(insert), {"k": "matcher", "a": who})
    engine.dispose()
