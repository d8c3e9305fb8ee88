"""The whole keymap in one place: the window's actions, the Help → Keyboard dialog and the palette
are built from it, so they never disagree."""

from __future__ import annotations

# (action name, key sequence(s), description). Digits and label shortcuts come from the schema.
KEYMAP: list[tuple[str, str, str]] = [
    ("left", "Left", "move the token cursor left"),
    ("right", "Right", "move the token cursor right"),
    ("extend_left", "Shift+Left", "extend the selection to the left"),
    ("extend_right", "Shift+Right", "extend the selection to the right"),
    ("home", "Home", "cursor to the first token (Shift+Home extends)"),
    ("end", "End", "cursor to the last token (Shift+End extends)"),
    ("clear", "Esc", "drop the selection"),
    ("labels", "1 … 9, 0", "tag the selection with the first ten labels; on an entity, change its label"),
    ("more_labels", "Alt+digit, Alt+Shift+digit", "the labels after the tenth (see the palette)"),
    ("choose_label", "L", "choose any label by typing part of its name"),
    ("delete", "Delete", "remove the annotation under the cursor"),
    ("done", "Return", "mark the sentence done and go to the next one"),
    ("next", "PgDown", "next sentence (status unchanged)"),
    ("previous", "PgUp", "previous sentence (status unchanged)"),
    ("next_todo", "Ctrl+PgDown", "next sentence not yet done"),
    ("trigger", "T", "make the selection an event trigger, then choose its type"),
    ("argument", "A", "add an argument: an entity of the sentence and a role of the event"),
    ("attributes", "E", "set an attribute of the event under the cursor (polarity, modality, tense)"),
    ("stance", "S", "set the sentence's stance toward a target"),
    ("document_stance", "D", "set the document's stance toward a target"),
    ("holder", "H", "set the holder of a stance (an entity)"),
    ("skip", "K", "mark the sentence skipped and go on"),
    ("flag", "F", "flag the sentence with a comment"),
    ("article", "V", "show or hide the whole article"),
    ("undo", "Ctrl+Z", "undo"),
    ("redo", "Ctrl+Shift+Z", "redo (Ctrl+Y too)"),
    ("search", "Ctrl+F", "search the corpus text and jump to a hit"),
    ("import", "Ctrl+I", "import files (or drop them on the window)"),
    ("export", "Ctrl+E", "export a layer to CoNLL, JSONL or brat"),
    ("refresh", "F5", "refresh: teammates' progress, the document list and the sentence (also every 30 s)"),
    ("keymap", "F1", "this keymap"),
    ("quit", "Ctrl+Q", "quit (everything is already saved)"),
]


def keymap_rows() -> list[tuple[str, str]]:
    """``(keys, description)`` rows for the Help dialog."""
    return [(keys, text) for _, keys, text in KEYMAP]


def key_of(action: str) -> str:
    """The key sequence of a named action."""
    return next(keys for name, keys, _ in KEYMAP if name == action)
