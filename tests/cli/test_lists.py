"""Every list of choices shown to people matches the registry or constant it comes from."""

from __future__ import annotations

import argparse
import pkgutil
import tomllib
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

import annotator.store
from annotator.cli import build_parser
from annotator.core.choices import KINDS, LEVELS, SCOPES
from annotator.core.model import REVIEWING, ROLES, STATUSES, Role
from annotator.core.tags import SCHEMES
from annotator.formats.registry import READERS, WRITERS

REPO = Path(__file__).resolve().parents[2]


def _subparser(parser: argparse.ArgumentParser, *path: str) -> argparse.ArgumentParser:
    for name in path:
        sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
        parser = sub.choices[name]
    return parser


def _choices(parser: argparse.ArgumentParser, option: str) -> list[Any]:
    action = next(a for a in parser._actions if option in a.option_strings)
    assert action.choices is not None, option
    return list(action.choices)


def test_cli_format_choices_are_the_registries() -> None:
    parser = build_parser()
    assert _choices(_subparser(parser, "import"), "--format") == ["auto", *READERS]
    assert _choices(_subparser(parser, "export"), "--format") == list(WRITERS)


def test_cli_choices_are_the_core_constants() -> None:
    parser = build_parser()
    imp, exp, agr = (_subparser(parser, name) for name in ("import", "export", "agreement"))
    assert _choices(imp, "--status") == list(STATUSES)
    assert _choices(imp, "--scheme") == ["auto", *SCHEMES]
    assert _choices(exp, "--status") == list(SCOPES)
    assert _choices(exp, "--scheme") == list(SCHEMES)
    assert _choices(exp, "--per") == list(LEVELS)
    assert _choices(agr, "--status") == list(SCOPES)
    assert _choices(agr, "--layer") == [*KINDS, "all"]
    assert _choices(_subparser(parser, "annotators", "add"), "--role") == list(ROLES)
    assert _choices(_subparser(parser, "team", "add"), "--role") == list(ROLES)


def test_roles_come_from_the_role_enum() -> None:
    assert ROLES == ("annotator", "reviewer", "manager")
    assert tuple(Role) == ROLES  # a StrEnum member is its value
    assert all(type(role) is str for role in ROLES)  # plain strings, as stored and printed
    assert set(REVIEWING) < set(ROLES)


def _filter_entries(kinds: str) -> list[tuple[str, list[str]]]:
    entries = []
    for entry in kinds.split(";;"):
        title, _, patterns = entry.rstrip(")").partition(" (")
        entries.append((title, patterns.split()))
    return entries


def test_import_file_filter_offers_every_ending_a_reader_takes(monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtWidgets import QFileDialog

    from annotator.gui.transfer import Transfer

    asked: list[str] = []

    def ask(_parent: object, _title: str, _folder: str, kinds: str) -> tuple[list[str], str]:
        asked.append(kinds)
        return [], ""

    monkeypatch.setattr(QFileDialog, "getOpenFileNames", staticmethod(ask))
    Transfer.import_files(SimpleNamespace(window=None))  # type: ignore[arg-type]  # cancelled: nothing else is used
    assert len(asked) == 1
    entries = _filter_entries(asked[0])
    every = [f"*{suffix}" for spec in READERS.values() for suffix in spec.suffixes]
    offered = {pattern for _, patterns in entries[:-1] for pattern in patterns}
    assert set(every) <= offered, f"endings the readers take but the filter lacks: {set(every) - offered}"
    assert entries[0] == ("All supported", every)
    assert entries[1:-1] == [(spec.title, [f"*{s}" for s in spec.suffixes]) for spec in READERS.values()]
    assert entries[-1] == ("All", ["*"])


def test_export_dialog_lists_are_the_registries(qtbot: Any) -> None:
    from annotator.gui.dialogs import ExportDialog

    dialog = ExportDialog(None, ["Айгерім", "gold"], "gold", lambda layer, fmt: Path(f"{layer}.{fmt}"))
    qtbot.addWidget(dialog)

    def items(combo: Any) -> list[str]:
        return [combo.itemText(i) for i in range(combo.count())]

    assert items(dialog.format) == list(WRITERS)
    assert items(dialog.status) == list(SCOPES)
    assert items(dialog.scheme) == list(SCHEMES)
    # what it offers first is what an export does by default
    assert (dialog.format.currentText(), dialog.status.currentText()) == ("jsonl", "done")
    assert dialog.scheme.currentText() == "IOB2"
    assert dialog.path.text() == "gold.jsonl"


def test_the_cli_contract_forbids_every_store_module() -> None:
    config = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    contracts = config["tool"]["importlinter"]["contracts"]
    contract = next(c for c in contracts if c["name"].startswith("The CLI and the windows reach the store"))
    assert contract["source_modules"] == ["annotator.cli", "annotator.gui"]
    modules = {f"annotator.store.{m.name}" for m in pkgutil.iter_modules(annotator.store.__path__)}
    assert set(contract["forbidden_modules"]) == modules
    assert "annotator.store" not in contract["forbidden_modules"]  # it exports the Project type
