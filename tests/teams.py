"""A team project on the PostgreSQL test server: its owner and one login of each role.

The logins are the server's, not the database's, so the fixture drops them afterwards.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import Engine, create_engine, text
from sqlalchemy.engine import make_url

from annotator.core.schema import default_schema_path, load_schema
from annotator.services import team
from annotator.services.importing import ImportOptions, import_paths
from annotator.store import open_project, queries
from tests.conftest import PG_URL, postgres_database

PASSWORD = "correct horse"


@dataclass
class Team:
    """A PostgreSQL project with one person of each role; ``url(name)`` logs in as that person."""

    owner_url: str
    names: dict[str, str]

    def url(self, who: str) -> str:
        """The project's URL with ``who``'s own login."""
        base = make_url(self.owner_url)
        return base.set(username=self.names[who], password=PASSWORD).render_as_string(hide_password=False)

    def engine(self, who: str) -> Engine:
        """An engine logged in as ``who``."""
        return create_engine(self.url(who))


TOKENS = ["Астана", "қаласы", "үлкен", "."]


def sentence_line(who: str, start: int, end: int, label: str) -> str:
    """One JSONL sentence of document d1 with one entity of ``who``."""
    offsets, at = [], 0
    for token in TOKENS:
        offsets.append({"text": token, "start": at, "end": at + len(token)})
        at += len(token) + 1
    entity = {"label": label, "token_start": start, "token_end": end}
    record = {"document": "d1", "sentence": 0, "text": " ".join(TOKENS), "annotator": who, "status": "done"}
    return json.dumps({**record, "tokens": offsets, "entities": [entity]}, ensure_ascii=False) + "\n"


def drop_roles(names: list[str]) -> None:
    admin = create_engine(PG_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        for name in names:
            conn.execute(text(f'DROP ROLE IF EXISTS "{name}"'))
    admin.dispose()


@pytest.fixture
def team_project(tmp_path: Path) -> Iterator[Team]:
    """A team project on the test server, its logins dropped afterwards (they are server-wide).

    Besides its people it holds one sentence (document d1) with an entity of ``other`` and a gold
    entity, imported by the owner.
    """
    if not PG_URL:  # before the try: dropping the logins needs the server too
        pytest.skip("no PostgreSQL server for this run (ANNOTATOR_TEST_PG is empty; make test sets it)")
    suffix = uuid.uuid4().hex[:8]
    names = {role: f"{role}_{suffix}" for role in ("ann", "other", "boss", "chief")}
    groups: list[str] = []
    try:
        with postgres_database() as url:
            groups.append(f"{make_url(url).database}_team")
            project, _ = open_project(url, create=True, schema=load_schema(default_schema_path()))
            people = (
                ("ann", "annotator"),
                ("other", "annotator"),
                ("boss", "reviewer"),
                ("chief", "manager"),
            )
            for who, role in people:
                team.add_person(project, names[who], role, PASSWORD)
            theirs, gold = tmp_path / "theirs.jsonl", tmp_path / "gold.jsonl"
            theirs.write_text(sentence_line(names["other"], 0, 1, "GPE"), "utf-8")
            gold.write_text(sentence_line("gold", 0, 2, "LOCATION"), "utf-8")
            import_paths(project, [theirs], ImportOptions(fmt="jsonl"))
            with project.reading() as s:
                gold_importer = queries.find_annotator(s, names["boss"])
            assert gold_importer is not None
            project.act_as(gold_importer.id)
            import_paths(project, [gold], ImportOptions(fmt="jsonl"))
            project.close()
            yield Team(url, names)
    finally:
        drop_roles([*names.values(), *groups])
