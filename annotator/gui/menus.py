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
    file_menu = window.menuBar().addMenu("&File")
    file_menu.addAction(a("import", "&Import…", window.import_files, keys_of("import"), True))
    file_menu.addAction(a("export", "&Export…", window.export_files, keys_of("export"), True))
    file_menu.addSeparator()
    file_menu.addAction(a("quit", "&Quit", window.close, keys_of("quit"), True))
    edit = window.menuBar().addMenu("&Edit")
    window.undo_action = a("undo", "&Undo", window.runner.undo, keys_of("undo"), True)
    window.redo_action = a("redo", "&Redo", window.runner.redo, keys_of("redo"), True)
    edit.addAction(window.undo_action)
    edit.addAction(window.redo_action)
    edit.addSeparator()
    edit.addAction(a("delete", "&Delete annotation", edits.delete_annotation, keys_of("delete")))
    edit.addAction(a("choose_label", "Choose &label…", edits.choose_label, keys_of("choose_label")))
    correct = edit.addMenu("C&orrect tokens and sentences")
    fix = window.correcting
    correct.addAction(a("split_token", "&Split token…", fix.split_token, keys_of("split_token")))
    correct.addAction(a("merge_tokens", "&Merge token with next", fix.merge_tokens, keys_of("merge_tokens")))
    correct.addAction(
        a("split_sentence", "Split se&ntence here", fix.split_sentence, keys_of("split_sentence"))
    )
    correct.addAction(
        a("merge_sentences", "&Join sentence with next", fix.merge_sentences, keys_of("merge_sentences"))
    )
    labels = edit.addMenu("Labels")
    for lab in window.project.schema.labels:
        if lab.shortcut:
            labels.addAction(
                a(f"label:{lab.name}", lab.name, partial(edits.apply_label, lab.name), lab.shortcut)
            )
    ann = window.menuBar().addMenu("&Annotate")
    ann.addAction(a("trigger", "Event &trigger…", edits.make_trigger, keys_of("trigger")))
    ann.addAction(a("argument", "&Argument…", edits.add_argument, keys_of("argument")))
    ann.addAction(a("attributes", "Event att&ributes…", edits.set_attribute, keys_of("attributes")))
    ann.addSeparator()
    ann.addAction(a("stance", "&Stance of sentence…", edits.set_stance, keys_of("stance")))
    ann.addAction(
        a("document_stance", "Stance of &document…", edits.set_document_stance, keys_of("document_stance"))
    )
    ann.addAction(a("holder", "Stance &holder…", edits.set_holder, keys_of("holder")))
    nav = window.menuBar().addMenu("&Go")
    nav.addAction(a("done", "Mark &done and next", edits.mark_done, keys_of("done")))
    nav.addAction(a("skip", "S&kip", edits.skip, keys_of("skip")))
    nav.addAction(a("flag", "&Flag with comment…", edits.flag, keys_of("flag")))
    nav.addSeparator()
    nav.addAction(a("next", "&Next sentence", lambda: window.step(1), keys_of("next")))
    nav.addAction(a("previous", "&Previous sentence", lambda: window.step(-1), keys_of("previous")))
    nav.addAction(a("next_todo", "Next &not done", window.next_todo, keys_of("next_todo")))
    nav.addAction(a("search", "&Search…", window.search, keys_of("search"), True))
    _suggest_menu(window)
    view = window.menuBar().addMenu("&View")
    view.addAction(a("article", "Whole &article", window.toggle_article, keys_of("article")))
    view.addAction(a("refresh", "&Refresh", window.refresh, keys_of("refresh"), True))
    view.addAction(
        a("recommender", "Recommender &panel", window.recommending.toggle, keys_of("recommender"), True)
    )
    help_menu = window.menuBar().addMenu("&Help")
    help_menu.addAction(a("keymap", "&Keyboard…", window.show_keymap, keys_of("keymap"), True))


def _suggest_menu(window: AnnotationWindow) -> None:
    """Suggestions: go through them, accept, reject, threshold, label all, most useful next, train."""
    a = partial(add_action, window)
    acts = window.assisting
    menu = window.menuBar().addMenu("S&uggest")
    menu.addAction(a("next_suggestion", "&Next suggestion", lambda: acts.step(1), keys_of("next_suggestion")))
    menu.addAction(
        a(
            "previous_suggestion",
            "&Previous suggestion",
            lambda: acts.step(-1),
            keys_of("previous_suggestion"),
        )
    )
    menu.addAction(a("accept_suggestion", "&Accept", acts.accept, keys_of("accept_suggestion")))
    menu.addAction(a("reject_suggestion", "&Reject", acts.reject, keys_of("reject_suggestion")))
    menu.addAction(a("accept_all", "Accept a&ll in sentence", acts.accept_all, keys_of("accept_all")))
    menu.addSeparator()
    menu.addAction(
        a("threshold_up", "&Surer only (raise threshold)", lambda: acts.nudge(1), keys_of("threshold_up"))
    )
    menu.addAction(
        a(
            "threshold_down",
            "&Less sure too (lower threshold)",
            lambda: acts.nudge(-1),
            keys_of("threshold_down"),
        )
    )
    menu.addSeparator()
    menu.addAction(
        a(
            "label_all",
            "Label all &occurrences in document…",
            lambda: acts.label_all("document"),
            keys_of("label_all"),
        )
    )
    menu.addAction(
        a(
            "label_all_corpus",
            "Label all occurrences in &corpus…",
            lambda: acts.label_all("corpus"),
            keys_of("label_all_corpus"),
        )
    )
    menu.addAction(a("most_useful", "Most &useful sentence next", acts.most_useful, keys_of("most_useful")))
    menu.addSeparator()
    menu.addAction(a("train", "&Train now", acts.train, keys_of("train"), True))
