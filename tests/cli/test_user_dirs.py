"""The default project's folder through platformdirs: the same paths as before, a relative XDG ignored."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import platformdirs
import pytest

from annotator.services.user_dirs import default_db_path, user_data_dir
from tests.cli.processes import annotator, user_env

pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="the XDG folders are Linux's")


def _before(home: Path, xdg: str | None) -> Path:
    """Where annotator kept the default project before platformdirs (its own XDG code)."""
    return Path(xdg or home / ".local" / "share") / "annotator" / "default.sqlite"


def test_an_absolute_xdg_data_home_is_used_as_before(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    assert (
        default_db_path()
        == _before(tmp_path, str(tmp_path / "xdg"))
        == tmp_path / "xdg/annotator/default.sqlite"
    )


@pytest.mark.parametrize("xdg", [None, ""])
def test_without_xdg_data_home_it_is_under_local_share(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, xdg: str | None
) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    if xdg is None:
        monkeypatch.delenv("XDG_DATA_HOME", raising=False)
    else:
        monkeypatch.setenv("XDG_DATA_HOME", xdg)
    assert default_db_path() == _before(tmp_path, None) == tmp_path / ".local/share/annotator/default.sqlite"


@pytest.mark.parametrize("relative", ["data", "./data", "~/data"])
def test_a_relative_xdg_data_home_is_ignored(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, relative: str
) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("XDG_DATA_HOME", relative)
    assert user_data_dir() == tmp_path / ".local" / "share" / "annotator"


def test_the_platformdirs_in_use_ignores_a_relative_xdg_data_home(monkeypatch: pytest.MonkeyPatch) -> None:
    # What user_data_dir rests on, checked on the installed version (the spec's rule is recent there).
    monkeypatch.setenv("XDG_DATA_HOME", "relative/dir")
    assert Path(platformdirs.user_data_dir("x", appauthor=False)).is_absolute()


def test_an_existing_users_default_project_is_still_found(tmp_path: Path) -> None:
    # Made where the earlier versions put it, then read by the installed command.
    old = _before(tmp_path, None)
    made = annotator(tmp_path, "init", "--db", str(old), "--seeds")
    assert made.returncode == 0, made.stderr
    assert user_env(tmp_path).get("XDG_DATA_HOME") is None
    done = annotator(tmp_path, "stats", "--json")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["documents"] == 2
