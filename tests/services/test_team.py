"""People log in as themselves on PostgreSQL, and the database keeps each login to its role.

A project is made by its owner (the test server's login), who adds an annotator, a second
annotator, a reviewer and a manager with ``annotator team add``. Each then connects with their own
login and tries, in raw SQL, what their role may not do: every attempt is refused by the server
(an error, or no row seen or changed), while what the role may do still works.
"""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import uuid
from pathlib import Path

import pytest
from sqlalchemy import Engine, create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError

from annotator.cli import main
from annotator.core.errors import AnnotatorError, ProjectError, StoreError
from annotator.core.schema import default_schema_path, load_schema
from annotator.services import commands as c
from annotator.services import team
from annotator.store import open_project, queries
from tests.conftest import PG_URL
from tests.teams import PASSWORD, Team, drop_roles, sentence_line, team_project

__all__ = ["team_project"]  # the fixture, used by name
pytestmark = pytest.mark.timeout(180)


def _refused(engine: Engine, sql: str, **params: object) -> bool:
    """True when the server refuses ``sql`` outright (an error) or lets it see or change no row."""
    try:
        with engine.begin() as conn:
            result = conn.execute(text(sql), params)
            if result.returns_rows:
                return not result.fetchall() or result.scalar() in (0, None)
            return result.rowcount == 0
    except DBAPIError as exc:
        sqlstate = getattr(exc.orig, "sqlstate", "")
        assert sqlstate in ("42501", "42P01"), exc  # insufficient privilege (or a hidden table)
        return True


def _ids(engine: Engine, owner: str) -> tuple[int, int, int]:
    with engine.connect() as conn:
        sentence = conn.execute(text("SELECT min(id) FROM sentences")).scalar_one()
        gold = conn.execute(text("SELECT id FROM annotators WHERE role = 'gold'")).scalar_one()
        other = conn.execute(text("SELECT id FROM annotators WHERE name = :n"), {"n": owner}).scalar_one()
    return int(sentence), int(gold), int(other)


INSERT_ENTITY = (
    "INSERT INTO entities (sentence_id, annotator_id, token_start, token_last, sentence_tokens, label) "
    "VALUES (:s, :a, 3, 3, 4, 'PERSON')"
)


def test_an_annotators_login_cannot_read_or_write_what_is_not_theirs(team_project: Team) -> None:
    ann = team_project.engine("ann")
    sentence, gold, other = _ids(ann, team_project.names["other"])
    attempts = {
        "read another layer": "SELECT count(*) FROM entities WHERE annotator_id = :o",
        "read gold": "SELECT count(*) FROM entities WHERE annotator_id = :g",
        "read another's status": "SELECT count(*) FROM sentence_status WHERE annotator_id = :o",
        "write gold": INSERT_ENTITY.replace(":a", ":g"),
        "write another layer": INSERT_ENTITY.replace(":a", ":o"),
        "relabel another's entities": "UPDATE entities SET label = 'PERSON' WHERE annotator_id = :o",
        "delete gold": "DELETE FROM entities WHERE annotator_id = :g",
        "promote oneself": "UPDATE annotators SET role = 'reviewer' WHERE name = current_user",
        "add a reviewer": "INSERT INTO annotators (name, role, created_at) "
        "VALUES ('mallory', 'reviewer', now())",
        "change the schema": "UPDATE project_meta SET value = '' WHERE key = 'schema'",
        "add a document": "INSERT INTO documents (name, source, text, content_hash, created_at) "
        "VALUES ('x', '', 'x', 'x', now())",
        "change a sentence": "UPDATE sentences SET text = 'x'",
        "turn off the policies": "ALTER TABLE entities DISABLE ROW LEVEL SECURITY",
        "drop a policy": "DROP POLICY entities_read ON entities",
        "become the owner": f'SET ROLE "{make_url(PG_URL).username}"',
        "change the schema revision": "UPDATE alembic_version SET version_num = '0001'",
        "make a login": "CREATE ROLE mallory LOGIN",
        "copy every text": "CREATE TABLE loot AS SELECT text FROM documents",
        "read another's events": "SELECT count(*) FROM events WHERE annotator_id = :o",
        "read another's stance": "SELECT count(*) FROM sentence_stance WHERE annotator_id = :o",
    }
    refused = {what: _refused(ann, sql, s=sentence, g=gold, o=other) for what, sql in attempts.items()}
    assert refused == dict.fromkeys(attempts, True)
    # What an annotator may do still works: their own layer.
    with ann.begin() as conn:
        me = conn.execute(text("SELECT id FROM annotators WHERE name = current_user")).scalar_one()
        conn.execute(text(INSERT_ENTITY), {"s": sentence, "a": me})
        assert conn.execute(text("SELECT count(*) FROM entities")).scalar_one() == 1
    # And what the refused writes aimed at is as it was, seen by the owner.
    owner = create_engine(team_project.owner_url)
    with owner.connect() as conn:
        labels = conn.execute(text("SELECT label FROM entities ORDER BY id")).scalars().all()
        roles = conn.execute(text("SELECT role FROM annotators ORDER BY id")).scalars().all()
    assert labels == ["GPE", "LOCATION", "PERSON"]
    assert roles == ["gold", "annotator", "annotator", "reviewer", "manager"]
    owner.dispose()
    ann.dispose()


def test_a_reviewer_reads_every_layer_and_writes_gold_but_no_annotators_layer(team_project: Team) -> None:
    boss = team_project.engine("boss")
    sentence, gold, other = _ids(boss, team_project.names["other"])
    with boss.begin() as conn:
        assert conn.execute(text("SELECT count(*) FROM entities")).scalar_one() == 2
        conn.execute(text(INSERT_ENTITY), {"s": sentence, "a": gold})
    assert _refused(boss, INSERT_ENTITY, s=sentence, a=other)
    assert _refused(boss, "UPDATE entities SET label = 'PERSON' WHERE annotator_id = :o", o=other)
    assert _refused(boss, "UPDATE annotators SET role = 'manager' WHERE name = current_user")
    boss.dispose()
    chief = team_project.engine("chief")  # a manager changes roles
    with chief.begin() as conn:
        changed = conn.execute(
            text("UPDATE annotators SET role = 'reviewer' WHERE name = :n"), {"n": team_project.names["ann"]}
        ).rowcount
    assert changed == 1
    chief.dispose()


@pytest.mark.skipif(shutil.which("psql") is None, reason="no psql client here")
def test_psql_as_an_annotator_changes_nothing_it_may_not(team_project: Team) -> None:
    url = make_url(team_project.owner_url)
    env = {**os.environ, "PGPASSWORD": PASSWORD}
    command = ["psql", "-X", "-tA", "-h", str(url.host), "-p", str(url.port or 5432), "-d", str(url.database)]
    command += ["-U", team_project.names["ann"], "-v", "ON_ERROR_STOP=0"]
    script = (
        "UPDATE entities SET label = 'PERSON';\n"
        "DELETE FROM entities;\n"
        "UPDATE annotators SET role = 'manager';\n"
        "INSERT INTO entities (sentence_id, annotator_id, token_start, token_last, sentence_tokens, label) "
        "SELECT min(id), (SELECT id FROM annotators WHERE role = 'gold'), 3, 3, 4, 'PERSON' FROM sentences;\n"
        "SELECT count(*) FROM entities;\n"
    )
    done = subprocess.run(command, input=script, capture_output=True, text=True, env=env, timeout=60)
    assert done.stdout.splitlines() == ["UPDATE 0", "DELETE 0", "UPDATE 0", "0"], done.stderr
    assert "violates row-level security policy" in done.stderr


def test_the_cli_and_sign_in_refuse_an_annotator_in_one_line(
    team_project: Team, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    ann, boss, other = (team_project.names[w] for w in ("ann", "boss", "other"))
    db = team_project.url("ann")
    gold = tmp_path / "gold2.jsonl"
    gold.write_text(sentence_line("gold", 3, 4, "PERSON"), encoding="utf-8")
    theirs = tmp_path / "theirs2.jsonl"
    theirs.write_text(sentence_line(other, 3, 4, "PERSON"), encoding="utf-8")
    runs = {
        "gold import as a reviewer": ["import", str(gold), "--as", boss],
        "gold import": ["import", str(gold)],
        "another's layer": ["import", str(theirs)],
        "another's layer named": ["import", str(theirs), "--as", other],
        "another's export": [
            "export",
            "--format",
            "jsonl",
            "--annotator",
            other,
            "--out",
            str(tmp_path / "o"),
        ],
        "agreement": ["agreement"],
        "a reviewer without a login": ["annotators", "add", "mallory", "--role", "reviewer"],
        "a person": ["team", "add", "mallory", "--role", "reviewer", "--password-stdin"],
    }
    for what, args in runs.items():
        capsys.readouterr()
        monkeypatch.setattr("sys.stdin", io.StringIO("a password\n"))
        status = main(["--db", db, *args])
        err = capsys.readouterr().err.strip()
        assert status == 1, what
        assert err.startswith("annotator: ") and "\n" not in err and "Traceback" not in err, (what, err)
        assert any(word in err for word in ("only", "yourself", "for reviewers", "owner's")), (what, err)
    project, _ = open_project(db)
    with pytest.raises(AnnotatorError, match="logged in to the database as"):
        team.sign_in(project, boss)  # annotator gui --annotator boss
    assert team.sign_in(project, None).name == ann
    project.close()


def test_an_edit_the_server_refuses_is_one_line(team_project: Team) -> None:
    project, _ = open_project(team_project.url("ann"))
    me = team.sign_in(project, None)
    with project.reading() as s:
        sentence = min(
            x.id for d in queries.documents_overview(s) for x in queries.document_sentences(s, d.id)
        )
    c.AddEntity(sentence, me.id, 0, 1, "GPE").apply(project)
    admin = create_engine(team_project.owner_url)
    with admin.begin() as conn:
        conn.execute(text(f'REVOKE "{make_url(team_project.owner_url).database}_team" FROM "{me.name}"'))
    admin.dispose()
    with pytest.raises(StoreError) as failure:  # what the window shows in its status line
        c.AddEntity(sentence, me.id, 2, 3, "GPE").apply(project)
    assert "may not" in str(failure.value) and "\n" not in str(failure.value)
    project.close()


def test_on_sqlite_team_add_gives_a_role_and_signing_in_takes_the_typed_name(tmp_path: Path) -> None:
    project, _ = open_project(tmp_path / "p.sqlite", create=True, schema=load_schema(default_schema_path()))
    assert team.add_person(project, "chief", "manager") == "added manager 'chief'"
    assert team.add_person(project, "chief", "reviewer") == "'chief' is now a reviewer (was manager)"
    assert team.sign_in(project, "chief").role == "reviewer"
    assert team.team_login(project) is None
    project.close()


def test_a_manager_changes_roles_but_only_the_owner_makes_logins(team_project: Team) -> None:
    chief, _ = open_project(team_project.url("chief"))
    try:
        assert team.sign_in(chief, None).role == "manager"
        ann = team_project.names["ann"]
        assert team.add_person(chief, ann, "reviewer") == f"{ann!r} is now a reviewer (was annotator)"
        with pytest.raises(AnnotatorError, match="only the project's owner makes new logins"):
            team.add_person(chief, f"new_{uuid.uuid4().hex[:8]}", "annotator", PASSWORD)
    finally:
        chief.close()
    admin = create_engine(PG_URL)
    with admin.connect() as conn:  # and the manager's login cannot make roles, so cannot become the owner
        attributes = conn.execute(
            text("SELECT rolcreaterole FROM pg_roles WHERE rolname = :n"), {"n": team_project.names["chief"]}
        ).scalar_one()
    admin.dispose()
    assert attributes is False
    assert _refused(team_project.engine("chief"), f'GRANT "{make_url(PG_URL).username}" TO CURRENT_USER')
    boss, _ = open_project(team_project.url("boss"))  # a reviewer changes nobody's role
    try:
        with pytest.raises(AnnotatorError, match="only a manager"):
            team.add_person(boss, team_project.names["other"], "reviewer")
    finally:
        boss.close()


def test_a_members_login_does_not_upgrade_an_old_project_but_says_who_can(team_project: Team) -> None:
    owner = create_engine(team_project.owner_url)
    with owner.begin() as conn:  # as if the project were from before the newest revision
        conn.execute(text("UPDATE alembic_version SET version_num = '0003'"))
    owner.dispose()
    with pytest.raises(ProjectError, match="only its owner can make"):
        open_project(team_project.url("chief"))
    owner = create_engine(team_project.owner_url)
    with owner.connect() as conn:
        assert conn.execute(text("SELECT version_num FROM alembic_version")).scalar_one() == "0003"
    owner.dispose()


def test_team_add_never_takes_over_a_login_outside_the_project(team_project: Team) -> None:
    outsider = f"outsider_{uuid.uuid4().hex[:8]}"
    admin = create_engine(PG_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f"CREATE ROLE \"{outsider}\" LOGIN PASSWORD 'theirs'"))
    admin.dispose()
    chief, _ = open_project(team_project.url("chief"))
    try:
        for name in (outsider, make_url(PG_URL).username, "pg_monitor", "public"):
            with pytest.raises(AnnotatorError):
                team.add_person(chief, str(name), "manager", "hijacked")
        with chief.reading() as s:
            assert queries.find_annotator(s, outsider) is None
        check = create_engine(make_url(PG_URL).set(username=outsider, password="theirs"))
        with check.connect() as conn:  # the outsider's password is theirs still
            assert conn.execute(text("SELECT current_user")).scalar_one() == outsider
        check.dispose()
    finally:
        chief.close()
        drop_roles([outsider])


def test_only_the_owner_or_a_manager_replaces_the_schema_and_others_are_told_in_one_line(
    team_project: Team, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    schema = str(tmp_path / "schema.toml")  # the same schema, another text: storing it is an update
    Path(schema).write_text(default_schema_path().read_text(encoding="utf-8") + "\n# revised\n", "utf-8")
    for who in ("boss", "ann"):  # a reviewer, an annotator
        code = main(["schema", "--replace", schema, "--db", team_project.url(who)])
        _out, err = capsys.readouterr()
        assert code == 1, (who, err)
        assert "Traceback" not in err and len(err.strip().splitlines()) == 1, err
        assert "owner or a manager" in err, err
    assert main(["schema", "--replace", schema, "--db", team_project.url("chief")]) == 0  # a manager
    Path(schema).write_text(default_schema_path().read_text(encoding="utf-8"), "utf-8")
    assert main(["schema", "--replace", schema, "--db", team_project.owner_url]) == 0
