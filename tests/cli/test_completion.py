"""``annotator completion``: scripts the shells accept, completing commands, choices and file names."""

from __future__ import annotations

import shlex
import subprocess
from pathlib import Path

import pytest

from annotator.cli import main
from annotator.cli.help import subcommands
from annotator.cli.parser import build_parser
from annotator.formats.registry import WRITERS


def _script(capsys: pytest.CaptureFixture[str], shell: str) -> str:
    assert main(["completion", shell]) == 0
    return capsys.readouterr().out


def _complete(script: Path, folder: Path, line: str) -> list[str]:
    """What bash offers after ``line`` (the word being completed is the last, maybe empty)."""
    words = shlex.split(line) + ([""] if line.endswith(" ") else [])
    program = (
        f"source {shlex.quote(str(script))}\n"
        f"complete -p annotator\n"
        f"COMP_WORDS=({' '.join(shlex.quote(w) for w in words)}); COMP_CWORD={len(words) - 1}\n"
        f"COMP_LINE={shlex.quote(line)}; COMP_POINT=${{#COMP_LINE}}\n"
        "_shtab_annotator annotator\n"
        'printf "%s\\n" "${COMPREPLY[@]}"\n'
    )
    done = subprocess.run(["bash", "-c", program], cwd=folder, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    first, *offered = done.stdout.splitlines()
    assert first.startswith("complete ") and first.endswith(" annotator")  # registered for annotator
    return sorted(o.strip() for o in offered)


@pytest.fixture
def bash_script(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> Path:
    script = tmp_path / "annotator.bash"
    script.write_text(_script(capsys, "bash"), encoding="utf-8")
    subprocess.run(["bash", "-n", str(script)], check=True, timeout=60)  # valid bash
    return script


def test_bash_completes_the_subcommands(bash_script: Path, tmp_path: Path) -> None:
    names = sorted(name for name, _ in subcommands(build_parser()) if name and " " not in name)
    assert _complete(bash_script, tmp_path, "annotator ") == names


def test_bash_completes_the_format_choices_from_the_registry(bash_script: Path, tmp_path: Path) -> None:
    assert _complete(bash_script, tmp_path, "annotator export --format ") == sorted(WRITERS)


def test_bash_completes_file_names_for_paths(bash_script: Path, tmp_path: Path) -> None:
    (tmp_path / "news.conll").write_text("x O\n", encoding="utf-8")
    (tmp_path / "notes.txt").write_text("x\n", encoding="utf-8")
    assert _complete(bash_script, tmp_path, "annotator import n") == ["news.conll", "notes.txt"]
    assert _complete(bash_script, tmp_path, "annotator stats --db ne") == ["news.conll"]


@pytest.mark.parametrize("shell", ["zsh", "tcsh"])
def test_zsh_and_tcsh_scripts_name_every_subcommand(capsys: pytest.CaptureFixture[str], shell: str) -> None:
    script = _script(capsys, shell)
    for name, _ in subcommands(build_parser()):
        if name and " " not in name:
            assert name in script
    assert "conll" in script


def test_an_unknown_shell_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as ended:
        main(["completion", "cmd"])
    assert ended.value.code == 2
