"""The interface in Kazakh, Russian and English: the translation files are complete and current,
the window and the review window show the translations, the language is chosen and remembered."""

from __future__ import annotations

import importlib.util
import shutil
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from types import ModuleType

import pytest
from PySide6.QtCore import QLocale, QSettings, Qt, QTimer
from PySide6.QtWidgets import QApplication, QMenu
from pytestqt.qtbot import QtBot

from annotator.core.keymap import KEYMAP
from annotator.gui import language
from annotator.gui.dialogs import KeymapDialog
from annotator.gui.main_window import AnnotationWindow
from annotator.store import Project
from tests.conftest import DISAGREEING
from tests.gui.conftest import ReviewOpener, press

pytestmark = pytest.mark.timeout(120)

ROOT = Path(__file__).resolve().parents[2]
MENUS = {  # the menu bar of the annotation window, in each language
    "en": ["&File", "&Edit", "&Annotate", "&Go", "S&uggest", "&View", "&Help"],
    "kk": ["&Файл", "Ө&ңдеу", "&Аннотация", "Ө&ту", "&Ұсыныстар", "&Көрініс", "К&өмек"],
    "ru": ["&Файл", "&Правка", "&Разметка", "П&ереход", "П&одсказки", "&Вид", "&Справка"],
}


def _tool() -> ModuleType:
    spec = importlib.util.spec_from_file_location("translations", ROOT / "scripts" / "translations.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("translations", module)  # its dataclass looks itself up there
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def shown_in() -> Iterator[Callable[[str], None]]:
    """Install a language's translators for the test; English again afterwards."""
    yield lambda code: (language.install(code), None)[1]
    language.install(language.ENGLISH)


def test_every_string_has_a_kazakh_and_a_russian_translation() -> None:
    problems = _tool().problems()
    listed = "\n".join(map(str, problems))
    assert not problems, (
        f"{len(problems)} translations to do: fill them in resources/i18n/*.ts "
        f"(by hand or .venv/bin/pyside6-linguist), then run make translations:\n{listed}"
    )


def test_the_translation_files_are_current_with_the_sources(tmp_path: Path) -> None:
    tool = _tool()
    for code in tool.LANGUAGES:
        shutil.copy(tool.ts_path(code), tool.ts_path(code, tmp_path))
    tool.update(tmp_path)  # lupdate, as make translations runs it, into copies
    for code in tool.LANGUAGES:
        fresh, committed = tool.ts_path(code, tmp_path).read_text(), tool.ts_path(code).read_text()
        assert fresh == committed, f"{tool.ts_path(code).name} is behind the sources: run make translations"
        assert 'type="unfinished"' not in fresh and 'type="vanished"' not in fresh
    out = tmp_path / "qm"
    out.mkdir()
    tool.release(out=out)  # the committed .qm files are what lrelease makes of the .ts files
    for code in tool.LANGUAGES:
        name = f"annotator_{code}.qm"
        assert (out / name).read_bytes() == (tool.I18N / name).read_bytes(), f"{name}: run make translations"


def test_every_keymap_description_is_listed_for_translation() -> None:
    texts = _tool().keymap_texts()
    assert {k.description for k in KEYMAP} <= set(texts)


def _menu_titles(window: AnnotationWindow) -> list[str]:
    return [a.text() for a in window.menuBar().actions()]


def test_the_window_in_kazakh_and_russian_shows_every_menu_and_action_translated(
    open_window: Callable[[str], AnnotationWindow], shown_in: Callable[[str], None], qtbot: QtBot
) -> None:
    english = open_window("Айгерім")
    assert _menu_titles(english) == MENUS["en"]
    texts = {name: action.text() for name, action in english.named_actions.items()}
    english.close()
    for code in ("kk", "ru"):
        shown_in(code)
        w = open_window("Айгерім")
        assert _menu_titles(w) == MENUS[code]
        assert w.named_actions["import"].text() == {"kk": "&Импорттау…", "ru": "&Импорт…"}[code]
        assert (
            w.named_actions["done"].text()
            == {"kk": "&Дайын деп белгілеп, келесіге", "ru": "Готово и &далее"}[code]
        )
        same = [n for n, a in w.named_actions.items() if a.text() == texts[n] and not n.startswith("label:")]
        assert same == [], f"{code}: actions still in English: {same}"
        assert w.status.person.text() == {"kk": "аннотатор: Айгерім", "ru": "аннотатор: Айгерім"}[code]
        heading = {"kk": "· сөйлем 1/", "ru": "· предложение 1 из "}[code]
        assert heading in w.heading.text()
        palette = w.palette_box.title()
        assert palette == {"kk": "Белгілер", "ru": "Метки"}[code]
        stance_target = w.panels.stance.item(0, 0).text()
        assert stance_target == {"kk": "Қазақстан билігі", "ru": "Власти Казахстана"}[code]  # title_kk/_ru
        w.close()


def test_help_keyboard_in_kazakh_lists_the_keymap_translated(
    open_window: Callable[[str], AnnotationWindow], shown_in: Callable[[str], None]
) -> None:
    shown_in("kk")
    w = open_window("Айгерім")
    rows: list[list[str]] = []

    def read() -> None:  # looks for the dialog until it opens
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, KeymapDialog):
            if len(rows) < 2000:
                rows.append([])
                QTimer.singleShot(10, read)
            return
        rows.append([dialog.table.item(r, 1).text() for r in range(dialog.table.rowCount())])
        rows.append([dialog.windowTitle(), dialog.note.text()])
        dialog.reject()

    QTimer.singleShot(0, read)
    press(w.tokens, Qt.Key.Key_F1)
    described, (title, note) = rows[-2], rows[-1]
    assert title == "Пернетақта" and "АҚШ пернетақтасындағыдай" in note
    assert described[0] == "токен курсорын солға жылжыту"
    english = {k.description for k in KEYMAP}
    assert not english & set(described), "a keymap description is shown in English"
    assert any(text.startswith("PERSON белгісі: ") for text in described)


def test_the_review_window_in_russian(
    project: Project, review_of: ReviewOpener, shown_in: Callable[[str], None], qtbot: QtBot
) -> None:
    shown_in("ru")
    w = review_of(project, DISAGREEING)
    titles = [a.text() for a in w.menuBar().actions()]
    assert titles == ["&Рецензирование", "&Вид"]
    review = w.menuBar().actions()[0].menu()
    assert isinstance(review, QMenu)
    assert review.actions()[0].text().startswith("предыдущее / следующее расхождение\t")
    actions = {a.objectName(): a.text() for a in w.actions()}
    assert actions["accept_agreed"] == "принять всё, в чём согласны все аннотаторы в этом предложении"
    assert "рецензент: boss" in w.windowTitle()
    qtbot.waitUntil(lambda: w.labels.rowCount() > 0, timeout=10_000)
    assert w.labels.horizontalHeaderItem(0).text() == "Метка"


def test_the_language_menu_remembers_the_choice_for_the_next_start(
    open_window: Callable[[str], AnnotationWindow],
) -> None:
    w = open_window("Айгерім")
    menu = next(m for m in w.findChildren(QMenu) if m.title() == "&Language")
    choices = {a.objectName(): a for a in menu.actions()}
    assert [a.text() for a in menu.actions()] == ["English", "Қазақша", "Русский"]
    assert choices["language:en"].isChecked()
    choices["language:kk"].trigger()
    assert w.settings.value("language") == "kk"
    assert "Қазақша" in w.statusBar().currentMessage() and "next start" in w.statusBar().currentMessage()
    assert language.chosen_language(w.settings) == "kk"  # what the next start shows
    assert _menu_titles(w) == MENUS["en"]  # this window stays as it is until then


def test_the_language_is_the_override_else_the_environment_else_the_setting_else_the_system(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    monkeypatch.delenv(language.ENVIRONMENT, raising=False)
    monkeypatch.setattr(language, "system_language", lambda: "ru")
    assert language.chosen_language(settings) == "ru"
    settings.setValue("language", "en")
    assert language.chosen_language(settings) == "en"
    monkeypatch.setenv(language.ENVIRONMENT, "kk_KZ")
    assert language.chosen_language(settings) == "kk"
    assert language.chosen_language(settings, "ru") == "ru"
    monkeypatch.setenv(language.ENVIRONMENT, "de")  # unknown: ignored
    assert language.chosen_language(settings) == "en"


@pytest.mark.parametrize(
    ("locale", "code"), [("kk_KZ", "kk"), ("ru_RU", "ru"), ("ru_KZ", "ru"), ("de_DE", "en")]
)
def test_the_system_locale_chooses_kazakh_russian_or_english(locale: str, code: str) -> None:
    assert language.system_language(QLocale(locale)) == code


def test_a_missing_translation_file_leaves_the_window_in_english(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(language, "i18n_dir", lambda: tmp_path)
    try:
        assert language.install("kk") == "en"
        assert language.current_language() == "en"
    finally:
        language.install(language.ENGLISH)


def test_annotator_gui_lang_kk_opens_the_window_in_kazakh(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, shown_in: Callable[[str], None]
) -> None:
    from annotator.cli import main
    from annotator.cli.parser import build_parser
    from annotator.gui import app

    seen: list[list[str]] = []
    deadline = time.monotonic() + 30

    def close_window() -> None:  # looks for the window until it shows (the test fails after 30 s)
        shown = [w for w in QApplication.topLevelWidgets() if w.isVisible() and hasattr(w, "tokens")]
        if shown:
            seen.append([a.text() for a in shown[0].menuBar().actions()])
            shown[0].close()
        elif time.monotonic() < deadline:
            QTimer.singleShot(20, close_window)
        else:
            QApplication.quit()

    monkeypatch.delenv(language.ENVIRONMENT, raising=False)
    monkeypatch.setattr(app.QInputDialog, "getText", lambda *a, **k: ("Daulet", True))
    QTimer.singleShot(0, close_window)
    assert main(["gui", "--lang", "kk"]) == 0
    assert seen == [MENUS["kk"]]
    with pytest.raises(SystemExit):
        build_parser().parse_args(["gui", "--lang", "de"])
    assert "--lang {en,kk,ru}" in _gui_help() and "ANNOTATOR_LANG" in _gui_help()


def _gui_help() -> str:
    from annotator.cli.parser import build_parser

    parser = build_parser()
    sub = next(a for a in parser._actions if a.dest == "command")
    return str(sub.choices["gui"].format_help())  # type: ignore[attr-defined]


def test_counts_are_written_with_the_thousands_of_the_interface_language(
    project: Project,
    window_on: Callable[[Project, str], AnnotationWindow],
    shown_in: Callable[[str], None],
    tmp_path: Path,
) -> None:
    from annotator.services.importing import ImportOptions, import_paths

    article = tmp_path / "long.txt"
    article.write_text("".join(f"Бұл {i}-сөйлем.\n" for i in range(1, 1235)), encoding="utf-8")
    import_paths(project, [article], ImportOptions())
    for code, thousands in (("kk", "1\xa0234"), ("ru", "1\xa0234"), ("en", "1,234")):
        shown_in(code)
        w = window_on(project, "Айгерім")
        assert f"0/{thousands}" in w.status.progress.text()  # the document and the corpus
        assert thousands in w.status.position.text() and thousands in w.heading.text()
        w.close()
