"""The annotation window's menus and key actions, every key from the keymap (``core.keymap``).

Window-wide actions (import, undo, search …) work wherever the keyboard is; the others belong to
the sentence view, so a dialog's own keys never reach them.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence

from annotator.core.keymap import keys_of
from annotator.gui import mixed_script
from annotator.gui.language import language_menu, shown, translate

if TYPE_CHECKING:
    from annotator.gui.main_window import AnnotationWindow


def add_action(
    window: AnnotationWindow,
    name: str,
    text: str,
    slot: Callable[[], object],
    keys: str | list[str] | None = None,
    window_wide: bool = False,
) -> QAction:
    """An action named ``name`` with its keys, guarded so that a failure is said, not raised."""
    action = QAction(text, window)
    sequences = [keys] if isinstance(keys, str) else (keys or [])
    if sequences:
        action.setShortcuts([QKeySequence(k) for k in sequences])
    context = (
        Qt.ShortcutContext.WindowShortcut if window_wide else Qt.ShortcutContext.WidgetWithChildrenShortcut
    )
    action.setShortcutContext(context)
    action.triggered.connect(window.runner.guard(slot))
    (window if window_wide else window.tokens).addAction(action)
    window.named_actions[name] = action
    return action


def build_menus(window: AnnotationWindow) -> None:
    """File, Edit, Annotate, Go, View and Help, with every action of the annotation window."""
    a = partial(add_action, window)
    edits = window.edits
    file_menu = window.menuBar().addMenu(translate("Menus", "&File"))
    file_menu.addAction(
        a("import", translate("Menus", "&Import…"), window.import_files, keys_of("import"), True)
    )
    file_menu.addAction(
        a("export", translate("Menus", "&Export…"), window.export_files, keys_of("export"), True)
    )
    file_menu.addSeparator()
    file_menu.addAction(a("quit", translate("Menus", "&Quit"), window.close, keys_of("quit"), True))
    edit = window.menuBar().addMenu(translate("Menus", "&Edit"))
    window.undo_action = a("undo", translate("Menus", "&Undo"), window.runner.undo, keys_of("undo"), True)
    window.redo_action = a("redo", translate("Menus", "&Redo"), window.runner.redo, keys_of("redo"), True)
    edit.addAction(window.undo_action)
    edit.addAction(window.redo_action)
    edit.addSeparator()
    edit.addAction(
        a("delete", translate("Menus", "&Delete annotation"), edits.delete_annotation, keys_of("delete"))
    )
    edit.addAction(
        a("choose_label", translate("Menus", "Choose &label…"), edits.choose_label, keys_of("choose_label"))
    )
    mixed_script.add_actions(window, a, file_menu, edit)
    correct = edit.addMenu(translate("Menus", "C&orrect tokens and sentences"))
    fix = window.correcting
    correct.addAction(
        a("split_token", translate("Menus", "&Split token…"), fix.split_token, keys_of("split_token"))
    )
    correct.addAction(
        a(
            "merge_tokens",
            translate("Menus", "&Merge token with next"),
            fix.merge_tokens,
            keys_of("merge_tokens"),
        )
    )
    correct.addAction(
        a(
            "split_sentence",
            translate("Menus", "Split se&ntence here"),
            fix.split_sentence,
            keys_of("split_sentence"),
        )
    )
    correct.addAction(
        a(
            "merge_sentences",
            translate("Menus", "&Join sentence with next"),
            fix.merge_sentences,
            keys_of("merge_sentences"),
        )
    )
    labels = edit.addMenu(translate("Menus", "Labels"))
    for lab in window.project.schema.labels:
        if lab.shortcut:
            labels.addAction(
                a(f"label:{lab.name}", lab.name, partial(edits.apply_label, lab.name), lab.shortcut)
            )
    ann = window.menuBar().addMenu(translate("Menus", "&Annotate"))
    ann.addAction(a("trigger", translate("Menus", "Event &trigger…"), edits.make_trigger, keys_of("trigger")))
    ann.addAction(a("argument", translate("Menus", "&Argument…"), edits.add_argument, keys_of("argument")))
    ann.addAction(
        a("attributes", translate("Menus", "Event att&ributes…"), edits.set_attribute, keys_of("attributes"))
    )
    ann.addSeparator()
    ann.addAction(
        a("stance", translate("Menus", "&Stance of sentence…"), edits.set_stance, keys_of("stance"))
    )
    ann.addAction(
        a(
            "document_stance",
            translate("Menus", "Stance of &document…"),
            edits.set_document_stance,
            keys_of("document_stance"),
        )
    )
    ann.addAction(a("holder", translate("Menus", "Stance &holder…"), edits.set_holder, keys_of("holder")))
    nav = window.menuBar().addMenu(translate("Menus", "&Go"))
    nav.addAction(a("done", translate("Menus", "Mark &done and next"), edits.mark_done, keys_of("done")))
    nav.addAction(a("skip", translate("Menus", "S&kip"), edits.skip, keys_of("skip")))
    nav.addAction(a("flag", translate("Menus", "&Flag with comment…"), edits.flag, keys_of("flag")))
    nav.addSeparator()
    nav.addAction(a("next", translate("Menus", "&Next sentence"), lambda: window.step(1), keys_of("next")))
    nav.addAction(
        a("previous", translate("Menus", "&Previous sentence"), lambda: window.step(-1), keys_of("previous"))
    )
    nav.addAction(
        a("next_todo", translate("Menus", "Next &not done"), window.next_todo, keys_of("next_todo"))
    )
    nav.addAction(a("search", translate("Menus", "&Search…"), window.search, keys_of("search"), True))
    _suggest_menu(window)
    view = window.menuBar().addMenu(translate("Menus", "&View"))
    view.addAction(
        a("article", translate("Menus", "Whole &article"), window.toggle_article, keys_of("article"))
    )
    view.addAction(a("refresh", translate("Menus", "&Refresh"), window.refresh, keys_of("refresh"), True))
    view.addAction(
        a(
            "recommender",
            translate("Menus", "Recommender &panel"),
            window.recommending.toggle,
            keys_of("recommender"),
            True,
        )
    )
    view.addSeparator()
    view.addMenu(language_menu(window, window.settings))  # takes effect at the next start
    help_menu = window.menuBar().addMenu(translate("Menus", "&Help"))
    help_menu.addAction(
        a("keymap", translate("Menus", "&Keyboard…"), window.show_keymap, keys_of("keymap"), True)
    )


def _suggest_menu(window: AnnotationWindow) -> None:
    """Suggestions: go through them, accept, reject, threshold, label all, most useful next, train."""
    a = partial(add_action, window)
    acts = window.assisting
    menu = window.menuBar().addMenu(translate("Menus", "S&uggest"))
    menu.addAction(
        a(
            "next_suggestion",
            translate("Menus", "&Next suggestion"),
            lambda: acts.step(1),
            keys_of("next_suggestion"),
        )
    )
    menu.addAction(
        a(
            "previous_suggestion",
            translate("Menus", "&Previous suggestion"),
            lambda: acts.step(-1),
            keys_of("previous_suggestion"),
        )
    )
    menu.addAction(
        a("accept_suggestion", translate("Menus", "&Accept"), acts.accept, keys_of("accept_suggestion"))
    )
    menu.addAction(
        a("reject_suggestion", translate("Menus", "&Reject"), acts.reject, keys_of("reject_suggestion"))
    )
    menu.addAction(
        a("accept_all", translate("Menus", "Accept a&ll in sentence"), acts.accept_all, keys_of("accept_all"))
    )
    menu.addSeparator()
    menu.addAction(
        a(
            "threshold_up",
            translate("Menus", "&Surer only (raise threshold)"),
            lambda: acts.nudge(1),
            keys_of("threshold_up"),
        )
    )
    menu.addAction(
        a(
            "threshold_down",
            translate("Menus", "&Less sure too (lower threshold)"),
            lambda: acts.nudge(-1),
            keys_of("threshold_down"),
        )
    )
    menu.addSeparator()
    menu.addAction(
        a(
            "label_all",
            translate("Menus", "Label all &occurrences in document…"),
            lambda: acts.label_all("document"),
            keys_of("label_all"),
        )
    )
    menu.addAction(
        a(
            "label_all_corpus",
            translate("Menus", "Label all occurrences in &corpus…"),
            lambda: acts.label_all("corpus"),
            keys_of("label_all_corpus"),
        )
    )
    menu.addAction(
        a(
            "most_useful",
            translate("Menus", "Most &useful sentence next"),
            acts.most_useful,
            keys_of("most_useful"),
        )
    )
    menu.addSeparator()
    menu.addAction(a("train", translate("Menus", "&Train now"), acts.train, keys_of("train"), True))


def show_history(window: AnnotationWindow) -> None:
    """The Edit menu's Undo and Redo name what they would undo and redo, and are off without it."""
    undo, redo = window.history.next_undo, window.history.next_redo
    undo_text = translate("Menus", "&Undo {what}").format(what=shown(undo.text)) if undo else None
    redo_text = translate("Menus", "&Redo {what}").format(what=shown(redo.text)) if redo else None
    window.undo_action.setText(undo_text or translate("Menus", "&Undo"))
    window.redo_action.setText(redo_text or translate("Menus", "&Redo"))
    window.undo_action.setEnabled(undo is not None)
    window.redo_action.setEnabled(redo is not None)
