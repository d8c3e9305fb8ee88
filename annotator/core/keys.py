"""Key combinations as text (``"Alt+Shift+2"``), checked and compared without Qt.

A shortcut names a key as printed on a US keyboard, with modifiers. The window matches keys by
their position when the layout in use types other letters there (Kazakh, Russian), so every
shortcut must be a key that a US keyboard has: a letter, a digit, a function key, an unshifted
punctuation key or a named key such as ``PgDown``.
"""

from __future__ import annotations

import string

MODIFIERS = {"ctrl": "Ctrl", "control": "Ctrl", "alt": "Alt", "shift": "Shift", "meta": "Meta"}
MODIFIER_ORDER = ("Ctrl", "Alt", "Shift", "Meta")
_NAMED = {
    "esc": "Esc",
    "escape": "Esc",
    "tab": "Tab",
    "backspace": "Backspace",
    "return": "Return",
    "enter": "Enter",
    "ins": "Ins",
    "insert": "Ins",
    "del": "Del",
    "delete": "Del",
    "home": "Home",
    "end": "End",
    "left": "Left",
    "up": "Up",
    "right": "Right",
    "down": "Down",
    "pgup": "PgUp",
    "pageup": "PgUp",
    "pgdown": "PgDown",
    "pagedown": "PgDown",
    "space": "Space",
}
PUNCTUATION = "`-=[]\\;',./"  # the unshifted punctuation keys of a US keyboard
KEYS: dict[str, str] = {
    **{c.lower(): c for c in string.ascii_uppercase},
    **{d: d for d in string.digits},
    **{f"f{n}": f"F{n}" for n in range(1, 25)},
    **{p: p for p in PUNCTUATION},
    **_NAMED,
}


class KeyComboError(ValueError):
    """A key combination that nobody can type; the message says why."""


def normalize(text: str) -> str:
    """The canonical spelling of a key combination (``"shift+alt+2"`` → ``"Alt+Shift+2"``).

    Raises KeyComboError with the reason when ``text`` is not one typeable combination.
    """
    raw = text.strip()
    if not raw:
        raise KeyComboError("is empty")
    if "," in raw.rstrip(",") and len(raw) > 1:
        raise KeyComboError("must be one key combination, not a sequence of several")
    parts = raw.split("+")
    if raw.endswith("+"):  # "Ctrl++" is not on a US keyboard without Shift; "+" alone neither
        raise KeyComboError("'+' is not a key of its own on a US keyboard (use Shift+=)")
    *mods, key = parts
    seen: list[str] = []
    for mod in mods:
        name = MODIFIERS.get(mod.strip().lower())
        if name is None:
            raise KeyComboError(f"'{mod.strip()}' is not a modifier (use Ctrl, Alt, Shift or Meta)")
        if name in seen:
            raise KeyComboError(f"names {name} twice")
        seen.append(name)
    canonical = KEYS.get(key.strip().lower())
    if canonical is None:
        raise KeyComboError(
            f"'{key.strip()}' is not a key of a US keyboard (use a letter, a digit, F1-F24, "
            "an unshifted punctuation key or a key name such as PgDown)"
        )
    ordered = [m for m in MODIFIER_ORDER if m in seen]
    return "+".join([*ordered, canonical])
