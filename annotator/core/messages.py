"""Messages the window shows in the interface language, built below the gui (standard library only).

A :class:`Text` is the English text itself (a ``str``, so the CLI, logs and ``str(exc)`` read
exactly what they read before) that also remembers its **template** and **arguments**:
``message("tag {label}", label="PER")`` is ``"tag PER"`` with template ``"tag {label}"``. The
window translates the template (context ``Messages``) and formats it with the arguments
(``annotator.gui.language.shown``). ``scripts/translations.py`` collects every template from the
``message("…", …)`` calls of ``annotator/`` outside the gui, so a template must be a literal string
at its call, with named ``{placeholders}`` only (no ``!r`` or format specs: quote or format the
argument itself).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

CONTEXT = "Messages"  # the translation context of every template


class Text(str):
    """English text made from a template and named arguments, which it keeps for translation."""

    template: str
    args: tuple[tuple[str, object], ...]

    def __new__(cls, template: str, args: Mapping[str, object] | None = None) -> Text:
        """The text of ``template`` formatted with ``args``."""
        pairs = tuple((args or {}).items())
        self = super().__new__(cls, template.format(**dict(pairs)) if pairs else template)
        self.template = template
        self.args = pairs
        return self

    def __getnewargs__(self) -> tuple[str, dict[str, object]]:  # type: ignore[override]
        return self.template, dict(self.args)

    def arguments(self) -> dict[str, object]:
        """The named arguments of the template."""
        return dict(self.args)


class Joined(Text):
    """Parts (messages or data) shown one after another with a separator: each part is translated
    on its own, and the separator (``", "``, a new line) is not."""

    parts: tuple[str, ...]
    separator: str

    def __new__(cls, parts: Sequence[str], separator: str = ", ") -> Joined:
        """The parts joined by ``separator``."""
        self = str.__new__(cls, separator.join(parts))
        self.template, self.args = str(self), ()
        self.parts, self.separator = tuple(parts), separator
        return self

    def __getnewargs__(self) -> tuple[tuple[str, ...], str]:  # type: ignore[override]
        return self.parts, self.separator


def joined(parts: Sequence[str], separator: str = ", ") -> Joined:
    """``separator.join(parts)`` that the window shows with each message part translated."""
    return Joined(parts, separator)


def message(template: str, **args: object) -> Text:
    """A message for people: ``template`` (a literal, collected for translation) with ``args``.

    An argument that is itself a :class:`Text` is translated too where the message is shown;
    other arguments are data (labels, names, token text) and are shown as they are.
    """
    return Text(template, args)


def text_of(value: object) -> Text | None:
    """The :class:`Text` an exception (its first argument) or a value carries, else None."""
    if isinstance(value, Text):
        return value
    if isinstance(value, BaseException) and value.args and isinstance(value.args[0], Text):
        return value.args[0]
    return None
