"""A closed pipe (``| head -1``) ends a command quietly: no traceback, no "Exception ignored", 141."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from annotator.console import EXIT_PIPE_CLOSED
from tests.cli.processes import ANNOTATOR, annotator, user_env
from tests.conftest import FIXTURES, write

SENTENCES = 10_000  # about 300 kB of CoNLL: far more than a pipe holds, so the writer is still writing


@pytest.fixture(scope="module")
def home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A project with two big layers done, ``a`` and ``b``, a model trained on ``c``, and ``d`` to do."""
    home = tmp_path_factory.mktemp("pipe")
    rows = "".join(f"Алматы B-GPE\nқаласы O\n{i} O\n.\tO\n\n" for i in range(SENTENCES))
    big = write(home / "big.conll", rows.replace("\t", " "))
    for args in (
        ["import", "--annotator", "a", "--status", "done", str(big)],
        ["import", "--annotator", "b", "--status", "done", str(big)],
        ["import", "--annotator", "c", "--status", "done", str(FIXTURES / "example.conll")],
        ["import", "--annotator", "d", str(FIXTURES / "example.conll")],
        ["train", "--from", "c", "--iterations", "3"],
    ):
        done = annotator(home, "--db", "p.sqlite", *args)
        assert done.returncode == 0, done.stderr
    return home


COMMANDS = [
    ["export", "--format", "conll", "--annotator", "a", "--out", "-"],
    ["export", "--format", "jsonl", "--annotator", "a", "--out", "-"],
    ["stats"],
    ["stats", "--json"],
    ["agreement", "--json"],
    ["agreement"],
    ["progress"],
    ["progress", "--json"],
    ["suggest", "--for", "d", "--out", "-"],
    ["schema"],
    ["annotators", "list"],
    ["completion", "bash"],
]


@pytest.mark.parametrize("args", COMMANDS, ids=" ".join)
def test_a_pipe_closed_before_the_first_write_ends_quietly(home: Path, args: list[str]) -> None:
    reader, writer = os.pipe()
    os.close(reader)  # nobody will ever read: the first write fails, whatever its size
    try:
        done = subprocess.run(
            [str(ANNOTATOR), "--db", "p.sqlite", *args],
            cwd=home,
            env=user_env(home),
            stdout=writer,
            stderr=subprocess.PIPE,
            text=True,
            timeout=120,
        )
    finally:
        os.close(writer)
    assert done.stderr == ""
    assert done.returncode == EXIT_PIPE_CLOSED


@pytest.mark.parametrize(
    "command",
    [
        "annotator --db p.sqlite export --format conll --annotator a --out - | head -1",
        "annotator --db p.sqlite export --format jsonl --annotator a --out - | head -c 100",
    ],
)
def test_head_ends_a_long_output_quietly(home: Path, command: str) -> None:
    script = f"set -o pipefail; PATH={ANNOTATOR.parent}:$PATH; {command}"
    done = subprocess.run(
        ["bash", "-c", script], cwd=home, env=user_env(home), capture_output=True, text=True, timeout=120
    )
    assert done.stderr == ""
    assert done.stdout  # head got its part
    assert done.returncode == EXIT_PIPE_CLOSED  # pipefail: annotator's own status
