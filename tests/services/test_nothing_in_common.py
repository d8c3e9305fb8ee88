"""Nothing done in common: each front end says what to do in its own words.

The service names the problem; the command line adds its flag; the review window shows the
problem without a command-line option it has no use for.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from annotator.cli import main
from annotator.services import project as projects
from annotator.services import review
from annotator.services.importing import ImportOptions, import_paths
from annotator.services.review_session import ReviewSession
from annotator.store import queries
from tests.conftest import DISAGREEING, write

pytestmark = pytest.mark.timeout(120)


def _unfinished(tmp_path: Path) -> str:
    db = str(tmp_path / "p.sqlite")
    project = projects.open_or_create(db)
    for name, conll in DISAGREEING.items():  # every sentence left todo
        import_paths(project, [write(tmp_path / name / "ex.conll", conll)], ImportOptions(annotator=name))
    with project.transaction() as s:
        queries.add_annotator(s, "boss", "reviewer")
    project.close()
    return db


def test_the_cli_suggests_its_flag_and_the_window_does_not(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = _unfinished(tmp_path)
    assert main(["agreement", "--db", db]) == 1
    err = capsys.readouterr().err
    assert "no sentence in common marked done (try --status all)" in err
    assert len(err.strip().splitlines()) == 1
    project = projects.open_existing(db)
    with project.reading() as s:
        boss = queries.find_annotator(s, "boss")
    assert boss is not None
    session = ReviewSession(project, boss)
    with pytest.raises(review.NothingInCommon) as caught:
        session.agreement()
    assert "no sentence in common marked done" in str(caught.value)
    assert "--" not in str(caught.value)
    project.close()
