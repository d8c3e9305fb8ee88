"""Bring the interface translations up to date: ``make translations`` (or ``python scripts/translations.py``).

1. ``pyside6-lupdate`` reads every string of ``annotator/gui/*.py`` (``translate("Context", "…")``
   and ``QT_TRANSLATE_NOOP``), the keymap's descriptions (``core/keymap.py`` is Qt-free, so
   they are written into a temporary file of ``QT_TRANSLATE_NOOP("keymap", …)`` lines first) and
   the templates of the messages built below the gui (every ``message("…", …)`` call of
   ``annotator/`` outside ``gui``, found with ``ast``, written as ``QT_TRANSLATE_NOOP("Messages", …)``), and
   updates ``resources/i18n/annotator_kk.ts`` and ``annotator_ru.ts``: new strings come in
   unfinished, strings no longer in the sources go (``-no-obsolete``), no line numbers are kept.
2. It lists what lacks a translation, per file (exit status 1 when something does).
3. ``pyside6-lrelease`` compiles each ``.ts`` into the ``.qm`` the window loads.

Translate the listed strings in the ``.ts`` files (by hand, or in ``.venv/bin/pyside6-linguist``)
and run it again. ``--check`` changes nothing: it says whether the committed files are current.
"""

from __future__ import annotations

import argparse
import ast
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from annotator.core.keymap import KEYMAP, REVIEW_HELP, REVIEW_KEYMAP  # noqa: E402
from annotator.core.messages import CONTEXT  # noqa: E402

I18N = ROOT / "resources" / "i18n"
LANGUAGES = ("kk", "ru")
SOURCES = sorted((ROOT / "annotator" / "gui").glob("*.py"))
BIN = Path(sys.executable).parent
PLACEHOLDER = re.compile(r"\{[a-z_]*\}")


def tool(name: str) -> str:
    """``pyside6-lupdate`` or ``pyside6-lrelease`` beside the running Python, else on the PATH."""
    beside = BIN / name
    found = str(beside) if beside.exists() else shutil.which(name)
    if found is None:
        raise SystemExit(f"translations: {name} not found (it comes with PySide6-Essentials in .venv/bin)")
    return found


def ts_path(language: str, folder: Path = I18N) -> Path:
    """The translation source of ``language``."""
    return folder / f"annotator_{language}.ts"


def keymap_texts() -> list[str]:
    """Every keymap description the window shows (Help → Keyboard, the review window's actions and menu)."""
    texts = [k.description for k in (*KEYMAP, *REVIEW_KEYMAP)] + [text for text, _ in REVIEW_HELP]
    return list(dict.fromkeys(texts))


def _keymap_source(folder: Path) -> Path:
    path = folder / "keymap_texts.py"
    lines = [f"QT_TRANSLATE_NOOP({'keymap'!r}, {text!r})" for text in keymap_texts()]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def message_templates(root: Path = ROOT / "annotator") -> list[str]:
    """Every template of a ``message("…", …)`` call outside the gui (``annotator.core.messages``)."""
    found: list[str] = []
    for path in sorted(root.rglob("*.py")):
        if "gui" in path.relative_to(root).parts:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call) or not isinstance(node.func, ast.Name):
                continue
            if node.func.id != "message":
                continue
            first = node.args[0] if node.args else None
            if not (isinstance(first, ast.Constant) and isinstance(first.value, str)):
                where = f"{path.relative_to(ROOT)}:{node.lineno}"
                raise SystemExit(f"{where}: message() needs a literal template (to translate it)")
            found.append(first.value)
    return list(dict.fromkeys(found))


def _messages_source(folder: Path) -> Path:
    path = folder / "message_texts.py"
    lines = [f"QT_TRANSLATE_NOOP({CONTEXT!r}, {text!r})" for text in message_templates()]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def update(folder: Path = I18N) -> None:
    """Run lupdate into the ``.ts`` files of ``folder`` (made when missing)."""
    folder.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        keymap, messages = _keymap_source(Path(tmp)), _messages_source(Path(tmp))
        for language in LANGUAGES:
            command = [tool("pyside6-lupdate"), *map(str, SOURCES), str(keymap), str(messages)]
            command += ["-locations", "none"]
            command += ["-no-obsolete", "-source-language", "en", "-target-language", language]
            subprocess.run([*command, "-ts", str(ts_path(language, folder))], check=True, capture_output=True)


def release(folder: Path = I18N, out: Path | None = None) -> None:
    """Compile each ``.ts`` of ``folder`` into its ``.qm`` (in ``out``, else beside it)."""
    for language in LANGUAGES:
        qm = (out or folder) / f"annotator_{language}.qm"
        command = [tool("pyside6-lrelease"), str(ts_path(language, folder)), "-qm", str(qm)]
        subprocess.run(command, check=True, capture_output=True)


@dataclass(frozen=True)
class Problem:
    """A message of a ``.ts`` file that the window cannot show translated as it stands."""

    language: str
    context: str
    source: str
    why: str

    def __str__(self) -> str:
        return f"annotator_{self.language}.ts: [{self.context}] {self.source!r}: {self.why}"


def problems(folder: Path = I18N) -> list[Problem]:
    """Missing, unfinished or stale translations, and translations that lose a placeholder."""
    found: list[Problem] = []
    for language in LANGUAGES:
        for context in ET.parse(ts_path(language, folder)).getroot().iter("context"):
            name = context.findtext("name") or ""
            for message in context.iter("message"):
                source = message.findtext("source") or ""
                translation = message.find("translation")
                text = translation.text if translation is not None else None
                kind = translation.get("type") if translation is not None else None
                if kind in ("vanished", "obsolete"):
                    found.append(Problem(language, name, source, f"{kind}: no longer in the sources"))
                elif not text or not text.strip():
                    found.append(Problem(language, name, source, "not translated"))
                elif kind == "unfinished":
                    found.append(Problem(language, name, source, "unfinished"))
                elif sorted(PLACEHOLDER.findall(source)) != sorted(PLACEHOLDER.findall(text)):
                    found.append(Problem(language, name, source, f"placeholders differ in {text!r}"))
    return found


def main(argv: list[str] | None = None) -> int:
    """Update, list what is missing, compile; ``--check``: only say whether the files are current."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="change nothing; exit 1 unless all is current")
    args = parser.parse_args(argv)
    if args.check:
        with tempfile.TemporaryDirectory() as tmp:
            copy = Path(tmp)
            for language in LANGUAGES:
                shutil.copy(ts_path(language), ts_path(language, copy))
            update(copy)
            stale = [
                ts_path(x).name for x in LANGUAGES if ts_path(x, copy).read_text() != ts_path(x).read_text()
            ]
    else:
        update()
        stale = []
    missing = problems()
    for problem in missing:
        print(problem)
    for name in stale:
        print(f"{name}: not up to date with the sources: run make translations")
    if not args.check:
        release()
    print(f"translations: {len(missing)} to do" + (f", {len(stale)} file(s) stale" if stale else ""))
    return 1 if missing or stale else 0


if __name__ == "__main__":
    sys.exit(main())
