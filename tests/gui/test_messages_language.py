"""The messages built below the gui, in Kazakh and Russian: undo-step names in Edit → Undo/Redo and
the refusals the status bar shows, translated with their data (labels, names, token text) intact;
``str`` of each stays the English text the CLI and the logs read. Real keys, real window."""

from __future__ import annotations

import importlib.util
import pickle
import string
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from annotator.core.errors import StoreError
from annotator.core.messages import message, text_of
from annotator.core.schema import default_schema_path, load_schema
from annotator.gui import language
from annotator.gui.main_window import AnnotationWindow
from annotator.gui.transfer import exported
from annotator.services import commands as c
from annotator.services.annotate import Navigator
from annotator.services.exporting import ExportSummary
from annotator.services.importing import import_paths
from annotator.store import Project, open_project, queries
from tests import stored
from tests.conftest import DISAGREEING, dump, write
from tests.gui.conftest import ReviewOpener, press

pytestmark = pytest.mark.timeout(120)

ROOT = Path(__file__).resolve().parents[2]

CTRL = Qt.KeyboardModifier.ControlModifier
CTRL_ALT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
UNDO = {
    "en": "&Undo tag ORGANISATION",
    "kk": "&Болдырмау: ORGANISATION деп белгілеу",
    "ru": "&Отменить: пометить как ORGANISATION",
}
REDO = {
    "en": "&Redo tag ORGANISATION",
    "kk": "&Қайталау: ORGANISATION деп белгілеу",
    "ru": "&Повторить: пометить как ORGANISATION",
}


@pytest.fixture
def shown_in() -> Iterator[Callable[[str], None]]:
    """Install a language's translators for the test; English again afterwards."""
    yield lambda code: (language.install(code), None)[1]
    language.install(language.ENGLISH)


@pytest.mark.parametrize("code", ["en", "kk", "ru"])
def test_the_undo_and_redo_entries_name_the_step_in_the_interface_language(
    code: str, open_window: Callable[[str], AnnotationWindow], shown_in: Callable[[str], None]
) -> None:
    shown_in(code)
    w = open_window("a")
    before = dump(w.project)
    press(w.tokens, Qt.Key.Key_2)  # the second label of the palette: ORGANISATION
    assert w.undo_action.text() == UNDO[code]
    step = w.history.next_undo
    assert step is not None and str(step.text) == "tag ORGANISATION"  # below the gui: English
    press(w.tokens, Qt.Key.Key_Z, CTRL)
    assert w.redo_action.text() == REDO[code]
    assert dump(w.project) == before  # the undo is stored


def test_a_message_is_its_english_text_and_keeps_its_template() -> None:
    said = message("relabel as {label}", label="PERSON")
    assert said == "relabel as PERSON" and str(StoreError(said)) == "relabel as PERSON"
    assert text_of(StoreError(said)) is said and text_of(StoreError("plain")) is None
    again = pickle.loads(pickle.dumps(said))
    assert (
        again == said and again.template == "relabel as {label}" and again.arguments() == {"label": "PERSON"}
    )


def test_shown_translates_nested_messages_and_vocabulary_but_not_data(
    shown_in: Callable[[str], None],
) -> None:
    shown_in("ru")
    inner = message("mark {status}", status="done")
    assert language.shown(message("undo “{what}”", what=inner)) == "отменить «статус: готово»"
    assert language.shown(StoreError(message("tag {label}", label="{PER}"))) == "пометить как {PER}"
    assert language.shown("not a message {x}") == "not a message {x}"


@pytest.fixture
def news(tmp_path: Path) -> Iterator[Project]:
    """One document: aida tagged 'Қазақстан Республикасы' (GPE), bob 'Астанада' (GPE); boss reviews."""
    path = tmp_path / "news.txt"
    path.write_text("Қазақстан Республикасы Астанада, жиналыс өтті.\n", encoding="utf-8")
    project, _ = open_project(
        str(tmp_path / "p.sqlite"), create=True, schema=load_schema(default_schema_path())
    )
    import_paths(project, [path])
    with project.transaction() as s:
        aida = queries.ensure_annotator(s, "aida").id
        bob = queries.ensure_annotator(s, "bob").id
        queries.add_annotator(s, "boss", "reviewer")
    first = Navigator(project).first()
    assert first is not None
    project.act_as(aida)
    c.AddEntity(first, aida, 0, 2, "GPE").apply(project)
    project.act_as(bob)
    c.AddEntity(first, bob, 2, 3, "GPE").apply(project)
    yield project
    project.close()


SPLIT_BLOCKED = {
    "en": "cannot split: aida's entity 'Қазақстан Республикасы' (GPE) crosses the cut",
    "kk": "бөлу мүмкін емес: aida қойған 'Қазақстан Республикасы' нысаны (GPE) бөлу орнын кесіп өтеді",
    "ru": "нельзя разделить: сущность 'Қазақстан Республикасы' (GPE) участника aida пересекает место разреза",
}
NOT_ALONE = {
    "en": "only a reviewer may correct this document: bob annotated it too",
    "kk": "бұл құжатты тек рецензент түзете алады: оны басқалар да аннотациялады: bob (",
    "ru": "исправлять этот документ может только рецензент: его аннотировали также bob (",
}


@pytest.mark.parametrize("code", ["en", "kk", "ru"])
def test_a_blocked_sentence_split_is_said_in_the_interface_language_with_whose_span_it_is(
    code: str,
    news: Project,
    window_on: Callable[[Project, str], AnnotationWindow],
    shown_in: Callable[[str], None],
) -> None:
    shown_in(code)
    w = window_on(news, "boss")
    before = dump(news)
    press(w.tokens, Qt.Key.Key_Right)  # Республикасы: aida's GPE begins before it
    press(w.tokens, Qt.Key.Key_S, CTRL_ALT)
    assert SPLIT_BLOCKED[code] in w.statusBar().currentMessage()
    assert dump(news) == before


@pytest.mark.parametrize("code", ["en", "kk", "ru"])
def test_the_correction_permission_refusal_is_said_in_the_interface_language(
    code: str,
    news: Project,
    window_on: Callable[[Project, str], AnnotationWindow],
    shown_in: Callable[[str], None],
) -> None:
    shown_in(code)
    w = window_on(news, "aida")
    before = dump(news)
    press(w.tokens, Qt.Key.Key_M, CTRL_ALT)  # merge tokens: aida is not alone on the document
    assert NOT_ALONE[code] in w.statusBar().currentMessage()
    assert dump(news) == before


def test_every_template_has_only_named_placeholders() -> None:
    """A translator keeps ``{name}``; a ``!r`` or a format spec would be lost on them."""
    spec = importlib.util.spec_from_file_location("translations", ROOT / "scripts" / "translations.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("translations", module)
    spec.loader.exec_module(module)
    templates = module.message_templates()
    assert len(templates) > 80
    for template in templates:
        for _, field, spec_, conversion in string.Formatter().parse(template):
            assert field is None or (field.isidentifier() and not spec_ and conversion is None), template


IMPORTED = {
    "en": "imported 1 new document, 1 sentence, 2 tokens, 1 entity, 0 events, 0 stance annotations",
    "kk": "импортталды: 1 жаңа құжат, 1 сөйлем, 2 токен, 1 нысан, 0 оқиға, 0 ұстаным аннотациясы",
    "ru": "импортировано: новых документов: 1, предложений: 1, токенов: 2, сущностей: 1, событий: 0, "
    "аннотаций позиции: 0",
}


@pytest.mark.parametrize("code", ["en", "kk", "ru"])
def test_the_import_summary_is_said_in_the_interface_language(
    code: str,
    open_window: Callable[[str], AnnotationWindow],
    shown_in: Callable[[str], None],
    qtbot: QtBot,
    tmp_path: Path,
) -> None:
    shown_in(code)
    w = open_window("a")
    count = len(w.document_pane.rows())
    news = write(tmp_path / "news.conll", "Алматы B-GPE\nқаласы O\n")
    w.import_files([str(news)])
    qtbot.waitUntil(lambda: len(w.document_pane.rows()) == count + 1, timeout=10_000)
    qtbot.waitUntil(lambda: w.statusBar().currentMessage() == IMPORTED[code], timeout=10_000)


def test_the_export_line_is_the_summary_in_english_and_translated_in_russian(
    shown_in: Callable[[str], None],
) -> None:
    summaries = [
        ExportSummary("out.conll", "aida", documents=1, sentences=1),
        ExportSummary("out.conll", "gold", documents=3, sentences=12, events_file="out.events.conll"),
    ]
    assert [exported(x) for x in summaries] == [x.describe() for x in summaries]
    shown_in("ru")
    assert exported(summaries[1]) == (
        "записано в out.conll (gold): предложений: 12, документов: 3, триггеры событий: out.events.conll"
    )


REVIEW = {
    "kk": (
        "эталон: бәрі келіскенді қабылдау",
        "олар келіскеннің бәрі эталонда бұрыннан бар",
        " · нысандар: ",
    ),
    "ru": (
        "эталон: принять то, в чём согласны все",
        "в эталоне уже есть всё, в чём они согласны",
        " · сущности: ",
    ),
}


@pytest.mark.parametrize("code", ["kk", "ru"])
def test_the_review_window_says_its_gold_steps_refusals_and_list_in_the_interface_language(
    code: str, project: Project, review_of: ReviewOpener, shown_in: Callable[[str], None]
) -> None:
    shown_in(code)
    w = review_of(project, DISAGREEING)
    step, refused, layer = REVIEW[code]
    assert w.list.count() == 2 and layer in w.list.item(0).text()
    press(w.list, Qt.Key.Key_A)  # the agreed POSITION span goes into gold
    assert w.statusBar().currentMessage() == step
    assert stored.entities(project, "gold") == [("ex-0001", 1, 0, 3, "POSITION")]
    press(w.list, Qt.Key.Key_A)  # nothing more is agreed on
    assert w.statusBar().currentMessage() == refused
    assert stored.entities(project, "gold") == [("ex-0001", 1, 0, 3, "POSITION")]


def test_the_review_window_says_in_kazakh_why_there_is_nothing_to_review(
    project: Project, review_of: ReviewOpener, shown_in: Callable[[str], None]
) -> None:
    shown_in("kk")
    w = review_of(project, {"a": DISAGREEING["a"]})
    assert w.summary.text() == (
        'рецензиялайтын ештеңе жоқ: салыстыру үшін кемінде екі аннотатор керек, ал жобада: 1 ("a") '
        '(басқалары, мысалы "boss", "gold", аты аталғанда ғана салыстырылады)'
    )


def test_the_review_windows_agreement_figures_are_said_in_russian(
    qtbot: QtBot, project: Project, review_of: ReviewOpener, shown_in: Callable[[str], None]
) -> None:
    """The summary line and the "no data" lines under the heatmaps: the figures and names stay,
    the words are the interface language's (the same words in English, as the CLI prints them)."""
    shown_in("ru")
    w = review_of(project, DISAGREEING)
    qtbot.waitUntil(lambda: w.labels.rowCount() > 0, timeout=10_000)
    summary = w.summary.text()
    assert summary.startswith("Сравнено: документов: 2, предложений: 3, размеченные двумя или более из них")
    assert "События: нет данных." in summary and "Позиция: нет данных." in summary
    assert "Compared" not in summary and "no data" not in summary
    notes = [w.heatmaps.itemAt(i).widget() for i in range(w.heatmaps.count())]
    assert "F1 триггеров: нет данных\nкаппа позиции: нет данных" in [
        getattr(x, "text", lambda: "")() for x in notes
    ]
