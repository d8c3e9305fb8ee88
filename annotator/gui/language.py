"""The interface language: English (the source), Kazakh or Russian, through Qt's translators.

Which one: ``--lang`` (or ``ANNOTATOR_LANG``), else the one chosen in View → Language (remembered
in QSettings under ``language``), else the system locale (kk → Kazakh, ru → Russian, else
English). The translations are ``resources/i18n/annotator_LANG.qm``, made from the ``.ts`` files
by ``scripts/translations.py`` (``make translations``); Qt's own (``qtbase_LANG.qm``, the standard
buttons) come with PySide6. A change in the menu takes effect at the next start.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMainWindow, QMenu

from annotator.core.messages import CONTEXT, Joined, Text, text_of
from annotator.core.paths import resources_dir

ENGLISH = "en"
LANGUAGES: dict[str, str] = {"en": "English", "kk": "Қазақша", "ru": "Русский"}  # each in itself
ENVIRONMENT = "ANNOTATOR_LANG"
SETTING = "language"

translate = QCoreApplication.translate  # translate("Context", "text"): the form pyside6-lupdate reads


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Mark ``text`` for translation in ``context`` where it is defined; ``translate`` it where shown."""
    return text


# Words of the data the window shows translated: statuses and the default stance labels.
VOCABULARY = (
    QT_TRANSLATE_NOOP("Vocabulary", "todo"),
    QT_TRANSLATE_NOOP("Vocabulary", "done"),
    QT_TRANSLATE_NOOP("Vocabulary", "skipped"),
    QT_TRANSLATE_NOOP("Vocabulary", "flagged"),
    QT_TRANSLATE_NOOP("Vocabulary", "favor"),
    QT_TRANSLATE_NOOP("Vocabulary", "against"),
    QT_TRANSLATE_NOOP("Vocabulary", "neutral"),
)

_installed: list[QTranslator] = []  # kept alive while they are installed
_current = ENGLISH


def i18n_dir() -> Path:
    """The folder of the ``.ts`` sources and the compiled ``.qm`` translations."""
    return resources_dir() / "i18n"


def system_language(locale: QLocale | None = None) -> str:
    """``kk`` or ``ru`` when the system locale (or ``locale``) is Kazakh or Russian, else ``en``."""
    name = (locale or QLocale.system()).name()  # "kk_KZ", "ru_RU", "en_US", "C"
    code = name.split("_")[0].lower()
    return code if code in LANGUAGES else ENGLISH


def normalized(code: str | None) -> str | None:
    """A known language code from ``kk``, ``ru_RU``, ``RU``, ``en``…; None for anything else."""
    if not code:
        return None
    short = code.strip().replace("-", "_").split("_")[0].lower()
    return short if short in LANGUAGES else None


def chosen_language(settings: QSettings | None = None, override: str | None = None) -> str:
    """The language to show: the override (``--lang``), ``ANNOTATOR_LANG``, the setting, the system."""
    for candidate in (override, os.environ.get(ENVIRONMENT)):
        if (found := normalized(candidate)) is not None:
            return found
    if settings is not None and (found := normalized(str(settings.value(SETTING, "") or ""))) is not None:
        return found
    return system_language()


def install(language: str) -> str:
    """Install the translators of ``language`` in the running application (English: none).

    Returns the language now shown: English when the translation file is missing.
    """
    global _current
    app = QCoreApplication.instance()
    for old in _installed:
        if app is not None:
            app.removeTranslator(old)
    _installed.clear()
    _current = ENGLISH
    if language == ENGLISH or app is None:
        return _current
    ours = QTranslator()
    if not ours.load(str(i18n_dir() / f"annotator_{language}.qm")):
        return _current
    app.installTranslator(ours)
    _installed.append(ours)
    qt = QTranslator()  # the standard buttons (Cancel, Close) and dialogs of Qt itself
    if qt.load(f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt)
        _installed.append(qt)
    _current = language
    return _current


def current_language() -> str:
    """The language the interface is shown in now."""
    return _current


def number(value: int) -> str:
    """A count as readers of the interface language write it: ``1 000 000`` in Kazakh and Russian
    (a no-break space between thousands), ``1,000,000`` in English."""
    return QLocale(_current).toString(value)


def word(value: str) -> str:
    """A status or a default stance label in the interface language (any other value as it is)."""
    return translate("Vocabulary", value) if value in VOCABULARY else value


def shown(value: object) -> str:
    """A message from below the gui (a :class:`Text`, or an exception raised with one) in the
    interface language: its template translated, then formatted with its arguments (those that
    are :class:`Text` translated too, statuses and stance labels as :func:`word`, data as it is).
    Anything else, and a translation that does not format, as its English ``str``."""
    text = text_of(value)
    if text is None:
        return str(value)
    return _translated(text)


def _translated(text: Text) -> str:
    if isinstance(text, Joined):
        return text.separator.join(_translated(p) if isinstance(p, Text) else p for p in text.parts)
    template = translate(CONTEXT, text.template)
    if not text.args:
        return template
    args = {
        name: _translated(arg) if isinstance(arg, Text) else word(arg) if isinstance(arg, str) else arg
        for name, arg in text.args
    }
    try:
        return template.format(**args)
    except (KeyError, IndexError, ValueError):
        return str(text)


def localized(item: object, key: str) -> str:
    """A schema entry's ``title`` or ``guideline`` in the interface language, else the English one."""
    value: str = getattr(item, key)
    texts = getattr(item, "translations", ())
    return dict(texts).get(f"{key}_{_current}", "") or value


def language_menu(window: QMainWindow, settings: QSettings) -> QMenu:
    """View → Language: English, Қазақша, Русский; the choice is remembered for the next start."""
    menu = QMenu(translate("Language", "&Language"), window)
    group = QActionGroup(menu)
    remembered = normalized(str(settings.value(SETTING, "") or ""))
    for code, name in LANGUAGES.items():
        action = QAction(name, menu)
        action.setCheckable(True)
        action.setChecked(code == (remembered or _current))
        action.setData(code)
        action.setObjectName(f"language:{code}")
        group.addAction(action)
        menu.addAction(action)
    group.triggered.connect(lambda action: _choose(window, settings, str(action.data())))
    return menu


def _choose(window: QMainWindow, settings: QSettings, code: str) -> None:
    settings.setValue(SETTING, code)
    settings.sync()
    if code == _current:
        message = translate("Language", "The interface is in {language}.")
    else:
        message = translate("Language", "The interface will be in {language} from the next start.")
    window.statusBar().showMessage(message.format(language=LANGUAGES[code]), 8000)
