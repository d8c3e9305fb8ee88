"""Two owners' sessions adding the same people at once (PostgreSQL): each person once, no traceback.

Logins are the server's and roles are granted in its catalogs, where two transactions granting
the same role at once collide ("tuple concurrently updated"); adding a person is serialised.
"""

from __future__ import annotations

import json
import os
import uuid
from pathlib import Path

import pytest

from annotator.core.errors import AnnotatorError
from annotator.core.schema import default_schema_path, load_schema
from annotator.services import team
from annotator.store import open_project, queries
from tests.conftest import PG_URL, postgres_database
from tests.safety.conftest import fork, wait
from tests.teams import drop_roles

pytestmark = [pytest.mark.slow, pytest.mark.timeout(240)]

PEOPLE = 12


def test_two_sessions_adding_the_same_people_at_once_add_each_once(tmp_path: Path) -> None:
    if not PG_URL:
        pytest.skip("no PostgreSQL server for this run (ANNOTATOR_TEST_PG is empty; make test sets it)")
    suffix = uuid.uuid4().hex[:8]
    names = [f"p{n}_{suffix}" for n in range(PEOPLE)]
    groups: list[str] = []
    try:
        with postgres_database() as url:
            from sqlalchemy.engine import make_url

            groups.append(f"{make_url(url).database}_team")
            open_project(url, create=True, schema=load_schema(default_schema_path()))[0].close()
            gate_read, gate_write = os.pipe()

            def adder(n: int) -> None:
                project, _ = open_project(url)
                said: list[str] = []
                os.read(gate_read, 1)
                for name in names:
                    try:
                        said.append(team.add_person(project, name, "annotator", "pw"))
                    except AnnotatorError as exc:
                        said.append(f"refused: {exc}")
                project.close()
                (tmp_path / f"said{n}.json").write_text(json.dumps(said))

            pids = [fork(lambda n=n: adder(n)) for n in range(2)]
            os.write(gate_write, b"xx")
            assert [wait(pid) for pid in pids] == [0, 0], "an adder failed with a traceback (see above)"
            for n in range(2):
                for line in json.loads((tmp_path / f"said{n}.json").read_text()):
                    assert "\n" not in line and "Traceback" not in line, line
            project, _ = open_project(url)
            with project.reading() as s:
                people = sorted(a.name for a in queries.list_annotators(s) if a.name in names)
            project.close()
            assert people == sorted(names)
    finally:
        drop_roles([*names, *groups])
