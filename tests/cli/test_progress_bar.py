"""The progress bar: count, rate and time left, in sensible units, only on a terminal."""

from __future__ import annotations

import io
import os
import pty
import re
import subprocess
from pathlib import Path

from annotator.terminal import BYTES, ProgressBar
from tests.cli.processes import ANNOTATOR, user_env
from tests.conftest import write


class Terminal(io.StringIO):
    """A stream that says it is a terminal."""

    def isatty(self) -> bool:
        return True


def test_a_bar_shows_the_count_the_rate_and_the_time_left() -> None:
    stream = Terminal()
    bar = ProgressBar("exporting", stream)
    for done in (0, 500, 1000, 1200):
        bar(done, 1200)
    bar.close()
    last = stream.getvalue().split("\r")[-1]
    assert last.startswith("exporting: 100%")
    assert "1200/1200" in last  # the count
    assert re.search(r"\[\d\d:\d\d<\d\d:\d\d, [\d.]+ sentences/s\]", last)  # elapsed<left, rate
    assert last.endswith("\n")  # close ends the line


def test_bytes_are_shown_in_kilobytes_and_megabytes() -> None:
    stream = Terminal()
    bar = ProgressBar("importing", stream, unit=BYTES)
    bar(3 * 1024 * 1024, 6 * 1024 * 1024)
    bar(6 * 1024 * 1024, 6 * 1024 * 1024)
    bar.close()
    last = stream.getvalue().split("\r")[-1]
    assert "6.00M/6.00M" in last
    assert "B/s" in last


def test_nothing_is_drawn_when_the_stream_is_not_a_terminal() -> None:
    stream = io.StringIO()
    bar = ProgressBar("exporting", stream)
    bar(5, 10)
    bar(10, 10)
    bar.close()
    assert stream.getvalue() == ""


def _stderr_on_a_terminal(home: Path, *args: str) -> tuple[int, str]:
    """Run annotator with standard error on a pseudo-terminal; its exit status and what it drew."""
    main, child = pty.openpty()
    try:
        process = subprocess.Popen(
            [str(ANNOTATOR), *args], cwd=home, env=user_env(home), stdout=subprocess.DEVNULL, stderr=child
        )
        os.close(child)
        chunks = []
        while True:
            try:
                chunk = os.read(main, 4096)
            except OSError:  # the terminal's other side closed: the process is done
                break
            if not chunk:
                break
            chunks.append(chunk)
        status = process.wait(timeout=120)
    finally:
        os.close(main)
    return status, b"".join(chunks).decode("utf-8", "replace")


def test_import_and_export_draw_the_bar_on_a_terminal_only(tmp_path: Path) -> None:
    big = write(tmp_path / "big.conll", "".join(f"Алматы B-GPE\n{i} O\n\n" for i in range(3000)))
    status, drawn = _stderr_on_a_terminal(
        tmp_path, "import", "--db", "p.sqlite", "--annotator", "a", str(big)
    )
    assert status == 0, drawn
    assert "importing: 100%" in drawn
    size = big.stat().st_size / 1024
    assert f"{size:.1f}k/{size:.1f}k" in drawn  # bytes read, as the reader reports them
    assert "B/s]" in drawn
    status, drawn = _stderr_on_a_terminal(
        tmp_path, "export", "--db", "p.sqlite", "--format", "conll", "--annotator", "a", "--status", "all",
        "--out", "out.conll",
    )  # fmt: skip
    assert status == 0, drawn
    assert "exporting: 100%" in drawn
    assert "3000/3000" in drawn
    assert "sentences/s]" in drawn
    piped = subprocess.run(
        [str(ANNOTATOR), "export", "--db", "p.sqlite", "--format", "conll", "--annotator", "a", "--status",
         "all", "--out", "again.conll"],
        cwd=tmp_path, env=user_env(tmp_path), capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert piped.returncode == 0
    assert piped.stderr == ""  # no bar in a pipe or a log
