"""Revision 0006: the assignment and active-time tables come and go with the migration, and on
PostgreSQL the database itself keeps each login to what its role may do with them: reviewers
give documents, an annotator only takes one from the pool for themselves, changes only when they
touched or finished their own, and releases another's only once it is abandoned; active time is
each person's own, read by reviewers."""

from __future__ import annotations

from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import Engine, create_engine, inspect, text

from annotator.core.errors import AnnotatorError
from annotator.services import assignment, progress, team
from annotator.store import open_project
from annotator.store.engine import database_url, make_engine
from annotator.store.migrate import alembic_config, upgrade
from tests.services.test_team import _ids, _refused
from tests.teams import Team, team_project

__all__ = ["team_project"]  # the fixture, used by name
NEW = {"assignments", "active_time"}
ASSIGN = (
    "INSERT INTO assignments (document_id, annotator_id, dynamic, assigned_at, touched_at) "
    "VALUES (:d, :who, :dyn, now(), now() - make_interval(mins => :age))"
)
TIME = "INSERT INTO active_time (annotator_id, sentence_id, seconds, updated_at) VALUES (:a, :s, 12.5, now())"


def test_upgrade_makes_the_tables_and_downgrade_removes_them(tmp_path: Path) -> None:
    url = database_url(tmp_path / "p.sqlite")
    engine = make_engine(url)
    upgrade(engine, "0005")
    assert not NEW & set(inspect(engine).get_table_names())
    upgrade(engine)
    assert set(inspect(engine).get_table_names()) >= NEW
    cfg = alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0005")
    engine.dispose()
    engine = make_engine(url)
    assert not NEW & set(inspect(engine).get_table_names())
    engine.dispose()


def _one(engine: Engine, sql: str, **params: object) -> int:
    with engine.connect() as conn:
        return int(conn.execute(text(sql), params).scalar_one())


def _document(engine: Engine) -> int:
    return _one(engine, "SELECT min(id) FROM documents")


@pytest.mark.timeout(180)
def test_an_annotator_takes_only_for_themselves_and_releases_only_abandoned_rows(team_project: Team) -> None:
    owner = create_engine(team_project.owner_url)
    _sentence, _gold, other = _ids(owner, team_project.names["other"])
    doc = _document(owner)
    ann = team_project.engine("ann")
    me = _one(ann, "SELECT id FROM annotators WHERE name = current_user")
    with owner.begin() as conn:  # the pool on, two per document, and another's fresh dynamic row
        conn.execute(text(ASSIGN), {"d": doc, "who": other, "dyn": True, "age": 0})
        for key, value in (("assignment:mode", "dynamic"), ("assignment:per_document", "2")):
            conn.execute(
                text("INSERT INTO project_meta (key, value) VALUES (:k, :v)"), {"k": key, "v": value}
            )
    attempts = {
        "give themselves a document": ASSIGN.replace(":dyn", "false"),
        "take a document for another": ASSIGN.replace(":who", ":o"),
        "change another's row": "UPDATE assignments SET touched_at = now() WHERE annotator_id = :o",
        "release another's fresh row": "DELETE FROM assignments WHERE annotator_id = :o",
        "switch the pool off": "UPDATE project_meta SET value = 'static' WHERE key = 'assignment:mode'",
    }
    params = {"d": doc, "who": me, "a": me, "o": other, "dyn": True, "age": 0}
    refused = {what: _refused(ann, sql, **params) for what, sql in attempts.items()}
    assert refused == dict.fromkeys(attempts, True)
    assert _one(ann, "SELECT count(*) FROM assignments") == 1  # every member reads them
    with ann.begin() as conn:  # from the pool, for themselves, they may
        conn.execute(text(ASSIGN), params)
        conn.execute(text("UPDATE assignments SET touched_at = now() WHERE annotator_id = :a"), {"a": me})
    assert _refused(ann, "UPDATE assignments SET dynamic = false WHERE annotator_id = :a", a=me)
    with owner.begin() as conn:  # the other's row left for an hour, the timeout 30 minutes
        conn.execute(
            text("UPDATE assignments SET touched_at = now() - interval '1 hour' WHERE annotator_id = :o"),
            {"o": other},
        )
        conn.execute(
            text("INSERT INTO project_meta (key, value) VALUES ('assignment:abandon_minutes', '30')")
        )
    with ann.begin() as conn:
        gone = conn.execute(text("DELETE FROM assignments WHERE annotator_id = :o"), {"o": other}).rowcount
    assert gone == 1
    for engine in (owner, ann):
        engine.dispose()


@pytest.mark.timeout(180)
def test_reviewers_assign_and_an_annotators_login_is_told_it_may_not(team_project: Team) -> None:
    names = team_project.names
    as_ann, _ = open_project(team_project.url("ann"))
    team.sign_in(as_ann, None)
    with pytest.raises(AnnotatorError, match="only a reviewer or a manager assigns"):
        assignment.assign(as_ann, [names["ann"], names["other"]])
    with pytest.raises(AnnotatorError, match="only a reviewer or a manager assigns"):
        assignment.set_dynamic(as_ann, True, 2)
    as_ann.close()
    as_boss, _ = open_project(team_project.url("boss"))
    team.sign_in(as_boss, None)
    done = assignment.assign(as_boss, [names["ann"], names["other"]], per_document=2)
    assert (done.documents, done.overlapping) == (1, 1)
    assert assignment.set_dynamic(as_boss, True, 2, 45).abandon_minutes == 45
    everyone = progress.progress_report(as_boss)
    as_boss.close()
    assert set(everyone["people"]) == set(names.values())
    assert everyone["documents"]["d1"] == {
        "assignees": sorted([names["ann"], names["other"]]),
        "ready": False,
        "sentences": 1,
    }
    as_ann, _ = open_project(team_project.url("ann"))
    team.sign_in(as_ann, None)
    own = progress.progress_report(as_ann)  # "how many more should I do?": their own line only
    as_ann.close()
    assert list(own["people"]) == [names["ann"]]
    assert own["people"][names["ann"]]["assigned_documents"] == 1
    assert own["documents"]["d1"]["ready"] is None  # rests on layers only reviewers read
    owner = create_engine(team_project.owner_url)
    assert _one(owner, "SELECT count(*) FROM assignments") == 2
    owner.dispose()


@pytest.mark.timeout(180)
def test_active_time_is_each_persons_own_and_reviewers_read_all_of_it(team_project: Team) -> None:
    owner = create_engine(team_project.owner_url)
    sentence, _gold, other = _ids(owner, team_project.names["other"])
    with owner.begin() as conn:
        conn.execute(text(TIME), {"a": other, "s": sentence})
    ann = team_project.engine("ann")
    me = _one(ann, "SELECT id FROM annotators WHERE name = current_user")
    attempts = {
        "read another's time": "SELECT count(*) FROM active_time WHERE annotator_id = :o",
        "write time for another": TIME.replace(":a", ":o"),
        "change another's time": "UPDATE active_time SET seconds = 0",
    }
    refused = {what: _refused(ann, sql, o=other, s=sentence) for what, sql in attempts.items()}
    assert refused == dict.fromkeys(attempts, True)
    with ann.begin() as conn:
        conn.execute(text(TIME), {"a": me, "s": sentence})
    boss = team_project.engine("boss")
    assert _one(boss, "SELECT count(*) FROM active_time") == 2
    for engine in (owner, ann, boss):
        engine.dispose()


@pytest.mark.timeout(180)
def test_a_team_made_before_0006_keeps_the_column_grant_on_upgrade(team_project: Team) -> None:
    """A team project upgraded to 0006 (its group made earlier, with default privileges on new
    tables) must not give annotators UPDATE on every column of ``assignments``: with it an
    annotator turns a pool row into a static assignment of their own choosing."""
    owner = make_engine(team_project.owner_url)
    cfg = alembic_config()
    with owner.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0005")
    upgrade(owner)
    doc = _document(owner)
    ann = team_project.engine("ann")
    me = _one(ann, "SELECT id FROM annotators WHERE name = current_user")
    with owner.begin() as conn:
        conn.execute(text("INSERT INTO project_meta (key, value) VALUES ('assignment:mode', 'dynamic')"))
    with ann.begin() as conn:  # from the pool, for themselves: allowed
        conn.execute(text(ASSIGN), {"d": doc, "who": me, "dyn": True, "age": 0})
    assert _refused(ann, "UPDATE assignments SET dynamic = false WHERE annotator_id = :a", a=me)
    assert _refused(ann, "UPDATE assignments SET document_id = document_id WHERE annotator_id = :a", a=me)
    with ann.begin() as conn:  # what the window does stays allowed
        conn.execute(text("UPDATE assignments SET touched_at = now() WHERE annotator_id = :a"), {"a": me})
    owner.dispose()
    ann.dispose()


@pytest.mark.timeout(180)
def test_an_annotator_takes_from_the_pool_only_when_it_is_on_and_short_of_n(team_project: Team) -> None:
    """A pool row is the window's way to take a document short of N people while dynamic mode is
    on. Without that check an annotator's login gives itself any document at any time, and as one
    more assignee who never finishes, keeps it from ever being ready for curation."""
    owner = create_engine(team_project.owner_url)
    _sentence, _gold, other = _ids(owner, team_project.names["other"])
    doc = _document(owner)
    ann = team_project.engine("ann")
    me = _one(ann, "SELECT id FROM annotators WHERE name = current_user")
    take = {"d": doc, "who": me, "dyn": True, "age": 0}
    assert _refused(ann, ASSIGN, **take), "the pool is off (no assignment:mode)"
    with owner.begin() as conn:  # the pool on, one person per document, and the document has one
        conn.execute(text("INSERT INTO project_meta (key, value) VALUES ('assignment:mode', 'dynamic')"))
        conn.execute(text("INSERT INTO project_meta (key, value) VALUES ('assignment:per_document', '1')"))
        conn.execute(text(ASSIGN), {"d": doc, "who": other, "dyn": False, "age": 0})
    assert _refused(ann, ASSIGN, **take), "the document has its N already"
    with owner.begin() as conn:
        conn.execute(text("UPDATE project_meta SET value = '2' WHERE key = 'assignment:per_document'"))
    with ann.begin() as conn:  # short of N now: the window may take it
        conn.execute(text(ASSIGN), take)
    assert _one(ann, "SELECT count(*) FROM assignments WHERE document_id = :d", d=doc) == 2
    owner.dispose()
    ann.dispose()
