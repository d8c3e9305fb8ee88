"""The review window's keymap: real rows with actions and keys, told in groups by the help lines."""

from __future__ import annotations

from annotator.core.keymap import KEYMAP, REVIEW_HELP, REVIEW_KEYMAP, REVIEW_KEYS, keys_of, review_keys_of


def test_every_review_action_is_told_once_and_no_key_does_two_things() -> None:
    told = [action for _, actions in REVIEW_HELP for action in actions]
    assert sorted(told) == sorted(k.action for k in REVIEW_KEYMAP)
    assert len(told) == len(set(told))
    sequences = [seq for k in REVIEW_KEYMAP for seq in k.sequences]
    assert len(sequences) == len(set(sequences))


def test_review_keys_are_the_digits_per_annotator_and_undo_is_the_annotation_windows() -> None:
    assert [review_keys_of(f"accept_entity_{n}") for n in (1, 9)] == [["1"], ["9"]]
    assert review_keys_of("accept_event_2") == ["Shift+2"]
    assert review_keys_of("accept_stance_3") == ["Alt+3"]
    assert review_keys_of("review_next") == ["Down"] and review_keys_of("review_previous") == ["Up"]
    assert review_keys_of("redo") == keys_of("redo") == ["Ctrl+Shift+Z", "Ctrl+Y"]
    assert keys_of("edit_gold", REVIEW_KEYMAP) == ["Ctrl+G"]
    assert "edit_gold" not in {k.action for k in KEYMAP}  # the annotation window's keys stay its own


def test_the_help_lines_are_made_from_the_keys() -> None:
    assert REVIEW_KEYS[0] == ("Up / Down", "previous / next disagreement")
    assert REVIEW_KEYS[3] == ("Shift+1 … 9", REVIEW_HELP[3][0])
    assert ("Ctrl+Z / Ctrl+Shift+Z", "undo / redo a gold edit") in REVIEW_KEYS
    assert ("Ctrl+L", "choose a label (lowest F1 first) and list only its disagreements") in REVIEW_KEYS
    assert REVIEW_KEYS[-1][0] == "Ctrl+D" and REVIEW_KEYS[-1][1].startswith("show or hide the team dashboard")
    assert len(REVIEW_KEYS) == len(REVIEW_HELP) == 11
