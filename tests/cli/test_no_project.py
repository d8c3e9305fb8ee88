"""Read-only commands never create a project: one line saying how to make one, and no file made."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from annotator.services import project as projects
from annotator.services.user_dirs import default_db_path
from tests.cli.processes import annotator, tree
from tests.conftest import FIXTURES

READ_ONLY = [
    ["stats"],
    ["stats", "--json"],
    ["export", "--format", "conll", "--annotator", "a", "--out", "-"],
    ["export", "--format", "jsonl", "--annotator", "a"],
    ["agreement"],
    ["agreement", "--json"],
    ["progress"],
    ["annotators", "list"],
    ["schema"],
    ["schema", "--out", "schema.toml"],
    ["backup", "--list"],
    ["suggest", "--for", "a", "--out", "-"],
    ["suggest", "--for", "a", "--out", "s.jsonl"],
]


@pytest.mark.parametrize("args", READ_ONLY, ids=" ".join)
def test_a_read_only_command_on_no_default_project_says_how_to_make_one(
    args: list[str], tmp_path: Path
) -> None:
    done = annotator(tmp_path, *args)
    assert done.returncode == 1
    assert done.stdout == ""
    lines = done.stderr.splitlines()
    assert len(lines) == 1, done.stderr
    assert "no project here" in lines[0]
    assert ".local/share/annotator/default.sqlite" in lines[0]
    assert "annotator init --seeds" in lines[0]
    assert tree(tmp_path) == []  # no project, no folder, no export or schema file


@pytest.mark.parametrize("args", READ_ONLY[:8], ids=" ".join)
def test_a_read_only_command_on_a_missing_db_makes_no_file(args: list[str], tmp_path: Path) -> None:
    done = annotator(tmp_path, *args, "--db", "sub/p.sqlite")
    assert done.returncode == 1
    where = tmp_path / "sub" / "p.sqlite"
    assert (
        done.stderr.strip()
        == f"annotator: {where}: no project here (make one with: annotator init --db {where})"
    )
    assert tree(tmp_path) == []


def test_init_makes_the_default_project_with_its_seeds_and_stats_then_reads_it(tmp_path: Path) -> None:
    assert annotator(tmp_path, "init", "--seeds").returncode == 0
    assert tree(tmp_path / ".local" / "share") == ["annotator", "annotator/default.sqlite"]
    done = annotator(tmp_path, "stats", "--json")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["documents"] == 2


def test_import_may_make_a_project_it_adds_to(tmp_path: Path) -> None:
    done = annotator(
        tmp_path, "import", "--db", "p.sqlite", "--annotator", "a", str(FIXTURES / "example.conll")
    )
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "p.sqlite").is_file()


def test_the_window_makes_the_default_project_with_its_seeds(isolated_user_dirs: Path) -> None:
    # The window opens its project with open_or_create; the default one gets the seeds there.
    assert not default_db_path().exists()
    project = projects.open_or_create(None)
    try:
        assert projects.count_documents(project) == 2
    finally:
        project.close()
    assert default_db_path() == isolated_user_dirs / "data" / "annotator" / "default.sqlite"
    assert default_db_path().is_file()


def test_backup_list_still_lists_the_backups_of_a_lost_project(tmp_path: Path) -> None:
    assert annotator(tmp_path, "init", "--db", "p.sqlite").returncode == 0
    assert annotator(tmp_path, "backup", "--db", "p.sqlite").returncode == 0
    (tmp_path / "p.sqlite").unlink()
    done = annotator(tmp_path, "backup", "--list", "--db", "p.sqlite")
    assert done.returncode == 0, done.stderr
    assert len(done.stdout.splitlines()) == 1
    assert "p.backups" in done.stdout
    assert not (tmp_path / "p.sqlite").exists()


def test_the_window_without_a_display_makes_nothing(tmp_path: Path) -> None:
    done = annotator(tmp_path)  # no DISPLAY, no WAYLAND_DISPLAY: refused before any project is opened
    assert done.returncode == 1
    assert "no display" in done.stderr
    assert tree(tmp_path) == []
