"""Each project cuts imported text with the tokenizer version it was built with.

A project made before versions were stored (the legacy fixtures) is version 1 and keeps cutting
as before; a new project is version 2; every reader that cuts text (plain text, JSONL without
tokens, doccano, Label Studio) follows the project's version.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from sqlalchemy import text

from annotator.core.errors import ProjectError, StoreError
from annotator.core.schema import default_schema_path, load_schema
from annotator.services import project as projects
from annotator.services.importing import ImportOptions, import_paths
from annotator.services.suggest_data import training_data
from annotator.store import Project, open_project, queries
from tests.conftest import FIXTURES, dump
from tests.teams import Team, team_project

__all__ = ["team_project"]  # the fixture, used by name

pytestmark = pytest.mark.timeout(120)

SENTENCE = "Ол 2008-2009 жж. М. Әуезов атындағы парсы-ағылшын 1-кезеңінің 55-ші сабағына келді."
V1 = ["Ол", "2008-2009", "жж", ".", "М", ".", "Әуезов", "атындағы", "парсы-ағылшын", "1-кезеңінің", "55-ші"]
V2 = ["Ол", "2008", "-", "2009", "жж.", "М.", "Әуезов", "атындағы", "парсы", "-", "ағылшын", "1", "-"]
RUNNING = "Ол 2008 ж. қыркүйекте келді. «Бала бере гөр!» – деді. Соңы."


def token_texts(project: Project, document: str) -> list[list[str]]:
    """The tokens of each sentence of ``document`` as the store holds them."""
    out = []
    with project.reading() as session:
        ids = session.execute(
            text(
                "SELECT s.id, s.text FROM sentences s JOIN documents d ON d.id = s.document_id "
                "WHERE d.name = :n ORDER BY s.position"
            ),
            {"n": document},
        ).all()
        for sid, sentence in ids:
            out.append([sentence[a:b] for a, b, _ in queries.sentence_tokens(session, sid)])
    return out


def write_inputs(tmp_path: Path) -> list[Path]:
    """The same sentence as plain text, a JSONL line without tokens, doccano and Label Studio."""
    txt = tmp_path / "plain.txt"
    txt.write_text(SENTENCE + "\n", "utf-8")
    running = tmp_path / "running.txt"
    running.write_text(RUNNING + "\n", "utf-8")
    jsonl = tmp_path / "line.jsonl"
    jsonl.write_text(json.dumps({"document": "line", "text": SENTENCE}, ensure_ascii=False) + "\n", "utf-8")
    doccano = tmp_path / "doccano.jsonl"
    doccano.write_text(
        json.dumps({"id": 1, "text": RUNNING, "label": []}, ensure_ascii=False) + "\n", "utf-8"
    )
    studio = tmp_path / "studio.json"
    studio.write_text(json.dumps([{"id": 7, "data": {"text": SENTENCE}, "annotations": []}]), "utf-8")
    return [txt, running, jsonl, doccano, studio]


def import_all(project: Project, paths: list[Path]) -> None:
    txt, running, jsonl, doccano, studio = paths
    import_paths(project, [txt])
    import_paths(project, [running], ImportOptions(segment="auto"))
    import_paths(project, [jsonl, doccano, studio])


def sentences_of(project: Project, document: str) -> list[str]:
    with project.engine.connect() as conn:
        return [
            r[0]
            for r in conn.execute(
                text(
                    "SELECT s.text FROM sentences s JOIN documents d ON d.id = s.document_id "
                    "WHERE d.name = :n ORDER BY s.position"
                ),
                {"n": document},
            )
        ]


def test_a_new_project_stores_version_2_and_cuts_with_it(project: Project, tmp_path: Path) -> None:
    assert projects.tokenizer_version(project) == 2
    assert projects.corpus_stats(project)["tokenizer_version"] == 2
    import_all(project, write_inputs(tmp_path))
    for document in ("plain", "line", "studio-7"):
        assert token_texts(project, document)[0][: len(V2)] == V2, document
    assert sentences_of(project, "running") == [
        "Ол 2008 ж. қыркүйекте келді.",
        "«Бала бере гөр!» – деді.",
        "Соңы.",
    ]


def test_an_old_project_is_version_1_and_imports_new_text_with_version_1_cuts(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    shutil.copyfile(FIXTURES / "legacy" / "r0002.sqlite", path)
    project, created = open_project(str(path))
    assert not created
    try:
        assert projects.tokenizer_version(project) == 1
        assert projects.corpus_stats(project)["tokenizer_version"] == 1
        with project.reading() as session:  # the string matcher cuts a gazetteer the same way
            assert training_data(session, project.schema, []).tokenizer_version == 1
        import_all(project, write_inputs(tmp_path))
        for document in ("plain", "line", "studio-7"):
            assert token_texts(project, document)[0][: len(V1)] == V1, document
        # version 1 ends a sentence inside quoted speech; it still does here
        assert sentences_of(project, "running") == [
            "Ол 2008 ж. қыркүйекте келді.",
            "«Бала бере гөр!»",
            "– деді.",
            "Соңы.",
        ]
        # the explicit switch (what retokenize does last): from now on version 2
        projects.set_tokenizer_version(project, 2)
        assert projects.tokenizer_version(project) == 2
    finally:
        project.close()
    reopened, _ = open_project(str(path))
    try:
        assert projects.tokenizer_version(reopened) == 2
    finally:
        reopened.close()


def test_an_unknown_stored_version_stops_the_import_with_one_line_and_changes_nothing(
    project: Project, tmp_path: Path
) -> None:
    with project.engine.begin() as conn:
        conn.execute(text("UPDATE project_meta SET value = '7' WHERE key = 'tokenizer_version'"))
    before = dump(project)
    with pytest.raises(ProjectError, match=r"tokenizer version '7'.*knows 1, 2\); update annotator"):
        import_paths(project, write_inputs(tmp_path)[:1])
    assert dump(project) == before
    with pytest.raises(ValueError, match="unknown tokenizer version 3"):
        projects.set_tokenizer_version(project, 3)


def test_every_team_member_reads_the_version_and_only_a_manager_changes_it(team_project: Team) -> None:
    ann, _ = open_project(team_project.url("ann"))
    chief, _ = open_project(team_project.url("chief"))
    try:
        assert projects.tokenizer_version(ann) == 2  # project_meta is readable by every member
        with pytest.raises(StoreError, match="only the project's owner or a manager"):
            projects.set_tokenizer_version(ann, 1)
        projects.set_tokenizer_version(chief, 1)
        assert projects.tokenizer_version(ann) == 1
    finally:
        ann.close()
        chief.close()


def test_a_new_project_is_made_with_the_current_version(tmp_path: Path) -> None:
    made, created = open_project(
        str(tmp_path / "p.sqlite"), create=True, schema=load_schema(default_schema_path())
    )
    try:
        assert created
        with made.engine.connect() as conn:
            stored = conn.execute(
                text("SELECT value FROM project_meta WHERE key = 'tokenizer_version'")
            ).scalar()
        assert stored == "2"
    finally:
        made.close()
