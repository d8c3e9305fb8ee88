"""Every command has a description and examples, every option a help line; the README lists them."""

from __future__ import annotations

import argparse

import pytest

from annotator.cli import main
from annotator.cli.help import TEXTS, subcommands
from annotator.cli.parser import build_parser
from tests.conftest import REPO


def _commands() -> list[tuple[str, argparse.ArgumentParser]]:
    return list(subcommands(build_parser()))


def test_every_command_has_a_description_and_examples() -> None:
    missing = [
        name or "annotator"
        for name, parser in _commands()
        if not parser.description or not (parser.epilog or "").startswith("examples:\n  ")
    ]
    assert missing == []
    assert sorted(TEXTS) == sorted(name for name, _ in _commands())  # no text for a command that is gone


def test_every_option_argument_and_subcommand_has_help() -> None:
    missing = []
    for name, parser in _commands():
        for action in parser._actions:
            if isinstance(action, argparse._SubParsersAction):
                missing += [f"{name} {c.dest}" for c in action._choices_actions if not c.help]
            elif not action.help or action.help == argparse.SUPPRESS:
                missing.append(f"{name or 'annotator'} {'/'.join(action.option_strings) or action.dest}")
    assert missing == []


@pytest.mark.parametrize("command", ["export", "annotators add", "stats", "completion"])
def test_help_shows_the_description_and_examples_as_written(
    command: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as ended:
        main([*command.split(), "--help"])
    assert ended.value.code == 0
    out = capsys.readouterr().out
    text = TEXTS[command]
    assert text.description in out  # line breaks kept (RawDescriptionHelpFormatter)
    assert "examples:\n" + "\n".join(f"  {line}" for line in text.examples) in out


def test_the_readme_lists_every_command_and_agreement_html() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("## Command line") :]
    section = section[: section.index("\n## ", 1)]
    absent = [name for name, _ in _commands() if name and f"`annotator {name}" not in section]
    assert absent == []
    assert "--html FILE" in section
    assert "annotator completion bash" in section
