"""The whole keymap in one place, Qt-free.

The annotation window's actions, the Help → Keyboard dialog, the palette, the README and the
schema check all read it: a label shortcut that would take one of these keys is refused when a
schema is read. Keys are written as on a US keyboard; the window also finds them by position
when another layout (Kazakh, Russian) types other letters on those keys.

The review window's actions are :data:`REVIEW_KEYMAP` (the review window has no label keys, so
:func:`reserved_keys` leaves them out); :data:`REVIEW_HELP` groups them into the lines the
Review menu and the README show (:data:`REVIEW_KEYS`).
"""

from __future__ import annotations

from dataclasses import dataclass

from annotator.core.keys import normalize


@dataclass(frozen=True, slots=True)
class Key:
    """One row of the keymap: the action, how the keys are shown, what they do, the real sequences."""

    action: str
    shown: str
    description: str
    sequences: tuple[str, ...] = ()


def _k(action: str, shown: str, description: str, *extra: str) -> Key:
    """A row whose shown text is its only sequence, plus ``extra`` sequences."""
    return Key(action, shown, description, (shown, *extra))


KEYMAP: tuple[Key, ...] = (
    _k("left", "Left", "move the token cursor left"),
    _k("right", "Right", "move the token cursor right"),
    _k("extend_left", "Shift+Left", "extend the selection to the left"),
    _k("extend_right", "Shift+Right", "extend the selection to the right"),
    _k("home", "Home", "cursor to the first token (Shift+Home extends)", "Shift+Home"),
    _k("end", "End", "cursor to the last token (Shift+End extends)", "Shift+End"),
    _k("clear", "Esc", "drop the selection"),
    Key("labels", "1 … 9, 0", "tag the selection with the first ten labels; on an entity, change its label"),
    Key("more_labels", "Alt+digit, Alt+Shift+digit", "the labels after the tenth (see the palette)"),
    _k("choose_label", "L", "choose any label by typing part of its name"),
    _k("delete", "Delete", "remove the annotation under the cursor"),
    _k("done", "Return", "mark the sentence done and go to the next one", "Enter"),
    _k("next", "PgDown", "next sentence (status unchanged)"),
    _k("previous", "PgUp", "previous sentence (status unchanged)"),
    _k("next_todo", "Ctrl+PgDown", "next sentence not yet done"),
    _k("trigger", "T", "make the selection an event trigger, then choose its type"),
    _k("argument", "A", "add an argument: an entity of the sentence and a role of the event"),
    _k("attributes", "E", "set an attribute of the event under the cursor (polarity, modality, tense)"),
    _k("stance", "S", "set the sentence's stance toward a target"),
    _k("document_stance", "D", "set the document's stance toward a target"),
    _k("holder", "H", "set the holder of a stance (an entity)"),
    _k("skip", "K", "mark the sentence skipped and go on"),
    _k("flag", "F", "flag the sentence with a comment"),
    _k("article", "V", "show or hide the whole article"),
    _k("next_suggestion", "Tab", "next suggestion (dashed: not yet an annotation)"),
    _k("previous_suggestion", "Shift+Tab", "previous suggestion"),
    _k("accept_suggestion", "Y", "accept the suggestion under the cursor"),
    _k("reject_suggestion", "N", "reject the suggestion under the cursor: it does not come back"),
    _k("accept_all", "Shift+Y", "accept every suggestion shown in the sentence"),
    _k("threshold_up", "]", "show only surer suggestions (raise the score threshold)"),
    _k("threshold_down", "[", "show less sure suggestions too (lower the score threshold)"),
    _k("label_all", "O", "label every unlabelled occurrence of the entity under the cursor in the document"),
    _k("label_all_corpus", "Shift+O", "the same in the whole corpus"),
    _k("most_useful", "U", "go to the not-done sentence the tagger is least sure of"),
    _k("train", "Ctrl+T", "train the recommenders now (they retrain as sentences are marked done)"),
    _k("recommender", "F6", "show or hide the recommender panel: quality, training, acceptance"),
    _k("fix_script", "Ctrl+Shift+H", "fix the token's mixed Latin/Cyrillic letters (red wavy line)"),
    _k(
        "split_token",
        "Ctrl+Alt+T",
        "split the token under the cursor: Left/Right choose where, Return splits",
    ),
    _k("merge_tokens", "Ctrl+Alt+M", "merge the token under the cursor with the next one"),
    _k("split_sentence", "Ctrl+Alt+S", "split the sentence before the token under the cursor"),
    _k("merge_sentences", "Ctrl+Alt+J", "join the sentence with the next one of its document"),
    _k("undo", "Ctrl+Z", "undo"),
    _k("redo", "Ctrl+Shift+Z", "redo (Ctrl+Y too)", "Ctrl+Y"),
    _k("search", "Ctrl+F", "search the corpus text and jump to a hit"),
    _k("import", "Ctrl+I", "import files (or drop them on the window)"),
    _k("export", "Ctrl+E", "export a layer to CoNLL, JSONL, doccano, Label Studio or brat"),
    _k("refresh", "F5", "refresh: teammates' progress, the document list and the sentence (also every 30 s)"),
    _k("keymap", "F1", "this keymap"),
    _k("quit", "Ctrl+Q", "quit (everything is already saved)"),
)

# The window's menus open with Alt and their underlined letter; a label may not take those keys.
MENUS: tuple[tuple[str, str], ...] = (
    ("File", "F"),
    ("Edit", "E"),
    ("Annotate", "A"),
    ("Go", "G"),
    ("Suggest", "U"),
    ("View", "V"),
    ("Help", "H"),
)


def _row(action: str) -> Key:
    return next(k for k in KEYMAP if k.action == action)


def _numbered(action: str, modifier: str, description: str) -> tuple[Key, ...]:
    """Nine rows ``action_1`` … ``action_9``: the key of annotator n is ``modifier`` and the digit n."""
    return tuple(
        _k(f"{action}_{n}", f"{modifier}{n}", description.replace("annotator n", f"annotator {n}"))
        for n in range(1, 10)
    )


_ACCEPT_ENTITY = "accept annotator n's entity under the cursor into gold"
_ACCEPT_EVENT = "accept annotator n's event under the cursor (with attributes and arguments)"
_ACCEPT_STANCE = "accept annotator n's stance of the sentence"

# The review window's actions. Its digit rows are numbered by annotator: ``accept_entity_2`` is
# the second compared annotator's. Undo and redo are the annotation window's rows.
REVIEW_KEYMAP: tuple[Key, ...] = (
    _k("review_previous", "Up", "previous disagreement"),
    _k("review_next", "Down", "next disagreement"),
    _k("review_left", "Left", "move the token cursor left in every version"),
    _k("review_right", "Right", "move the token cursor right in every version"),
    *_numbered("accept_entity", "", _ACCEPT_ENTITY),
    *_numbered("accept_event", "Shift+", _ACCEPT_EVENT),
    *_numbered("accept_stance", "Alt+", _ACCEPT_STANCE),
    _k("accept_agreed", "A", "accept everything all annotators agree on in this sentence"),
    _k("delete_gold", "Delete", "remove the gold entity under the cursor"),
    _row("undo"),
    _row("redo"),
    _k("edit_gold", "Ctrl+G", "edit gold directly in the annotation window, on this sentence"),
    _k("filter_label", "Ctrl+L", "choose a label (lowest F1 first) and list only its disagreements"),
    _k(
        "dashboard",
        "Ctrl+D",
        "show or hide the team dashboard: done, speed and agreement per person, documents ready for curation",
    ),
)


def _numbers(action: str) -> tuple[str, ...]:
    return tuple(f"{action}_{n}" for n in range(1, 10))


def _one(action: str) -> tuple[str, tuple[str, ...]]:
    """A help line of one review action: its own description."""
    return next(k.description for k in REVIEW_KEYMAP if k.action == action), (action,)


# How the review keys are told (the Review menu, the README): one line per group of actions.
REVIEW_HELP: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("previous / next disagreement", ("review_previous", "review_next")),
    ("move the token cursor in every version", ("review_left", "review_right")),
    (_ACCEPT_ENTITY, _numbers("accept_entity")),
    (_ACCEPT_EVENT, _numbers("accept_event")),
    (_ACCEPT_STANCE, _numbers("accept_stance")),
    _one("accept_agreed"),
    _one("delete_gold"),
    ("undo / redo a gold edit", ("undo", "redo")),
    _one("edit_gold"),
    _one("filter_label"),
    _one("dashboard"),
)


def _shown(actions: tuple[str, ...]) -> str:
    """``Up / Down`` for two actions, ``Shift+1 … 9`` for a numbered group, the key for one."""
    shown = [key_of(a, REVIEW_KEYMAP) for a in actions]
    if len(shown) > 2:
        return f"{shown[0]} … {shown[-1][-1]}"
    return " / ".join(shown)


def keymap_rows() -> list[tuple[str, str]]:
    """``(keys, description)`` rows for the Help dialog."""
    return [(k.shown, k.description) for k in KEYMAP]


def key_of(action: str, keymap: tuple[Key, ...] = KEYMAP) -> str:
    """How the keys of a named action are shown."""
    return next(k.shown for k in keymap if k.action == action)


def keys_of(action: str, keymap: tuple[Key, ...] = KEYMAP) -> list[str]:
    """Every key sequence of a named action (of the annotation window, or of ``keymap``)."""
    return list(next(k.sequences for k in keymap if k.action == action))


def review_keys_of(action: str) -> list[str]:
    """Every key sequence of a named action of the review window."""
    return keys_of(action, REVIEW_KEYMAP)


# ``(keys, description)``: the review window's keys as the Review menu and the README tell them.
REVIEW_KEYS: tuple[tuple[str, str], ...] = tuple((_shown(actions), text) for text, actions in REVIEW_HELP)


def reserved_keys() -> dict[str, str]:
    """Every key the annotation window takes for itself, normalized, with what it does."""
    taken = {
        normalize(seq): f"the key of {k.action.replace('_', ' ')!r} ({k.description})"
        for k in KEYMAP
        for seq in k.sequences
    }
    for menu, letter in MENUS:
        taken.setdefault(normalize(f"Alt+{letter}"), f"the key that opens the {menu} menu")
    return taken
