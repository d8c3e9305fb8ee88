"""Opening a project checks only what does not grow with the corpus; ``annotator check`` reads every
page (issue 19): a damaged page inside the corpus does not stop the open, the check names it."""

from __future__ import annotations

from pathlib import Path

import pytest

from annotator.cli import main
from annotator.services import project as projects
from annotator.store import open_project
from tests.conftest import postgres_database
from tests.store.test_integrity import damage

pytestmark = pytest.mark.timeout(60)


@pytest.fixture
def seeded_file(tmp_path: Path) -> Path:
    path = tmp_path / "p.sqlite"
    projects.create(str(path), seeds=True).close()
    return path


def test_check_says_a_sound_file_is_sound(seeded_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "--db", str(seeded_file)]) == 0
    assert "every page is sound" in capsys.readouterr().out


def test_a_damaged_corpus_page_opens_and_check_names_it_with_the_backup(
    seeded_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["backup", "--db", str(seeded_file)]) == 0
    capsys.readouterr()
    damage(seeded_file)
    before = seeded_file.read_bytes()
    project, _ = open_project(seeded_file)  # the open's check does not read the corpus' pages
    project.close()
    assert main(["check", "--db", str(seeded_file)]) == 1
    err = capsys.readouterr().err.strip()
    assert err.startswith(f"annotator: {seeded_file}: the project file is damaged (")
    assert f"annotator restore --db {seeded_file} " in err and "\n" not in err
    assert seeded_file.read_bytes() == before, "check reads only"


def test_check_of_a_server_project_says_the_server_keeps_its_files(
    capsys: pytest.CaptureFixture[str],
) -> None:
    with postgres_database() as url:
        projects.create(url).close()
        assert main(["check", "--db", url]) == 0
        assert "server" in capsys.readouterr().out
