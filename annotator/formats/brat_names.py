"""The schema's names as legal, unique brat type names, and the mapping written into annotation.conf.

brat keeps type names to ASCII letters, digits, ``_`` and ``-`` (its ``normalize_to_storage_form``
turns anything else, Cyrillic too, into ``_``), and a type name cannot hold the ``.`` or ``:``
that the standoff lines use as separators. A name that is legal already stays as it is; in the
others every other character becomes ``_``, a name that does not start with an ASCII letter gets
``T_`` before it, and one that is then taken (``A.B`` beside ``A_B``) gets ``_2``, ``_3``... in
schema order. Labels, event types and the ``Sentence``
annotation share one namespace; attributes another; stance targets a third (they end
``Stance_TARGET`` attribute and ``Holder_TARGET`` relation names). ``visual.conf`` shows the
schema's own names, and ``annotation.conf`` lists every name that changed in a comment block.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from annotator.core.schema import Schema

SENTENCE = "Sentence"  # the text-bound annotation stance hangs on
_ILLEGAL = re.compile(r"[^A-Za-z0-9_-]")
_ASCII_LETTER = re.compile(r"[A-Za-z]")


def brat_type(name: str) -> str:
    """A name as brat accepts it: ASCII letters, digits, ``_`` and ``-``, starting with a letter."""
    legal = _ILLEGAL.sub("_", name)
    return legal if _ASCII_LETTER.match(legal) else f"T_{legal}"


def _unique(names: list[str], taken: set[str]) -> dict[str, str]:
    out = {name: name for name in names if brat_type(name) == name and name not in taken}
    taken.update(out)
    for name in names:
        if name in out:
            continue
        base = candidate = brat_type(name)
        n = 1
        while candidate in taken:
            n += 1
            candidate = f"{base}_{n}"
        taken.add(candidate)
        out[name] = candidate
    return out


@dataclass(frozen=True)
class BratNames:
    """Schema name to brat type name, for each namespace (see the module's docstring)."""

    types: dict[str, str] = field(default_factory=dict)  # entity labels and event types
    attributes: dict[str, str] = field(default_factory=dict)
    targets: dict[str, str] = field(default_factory=dict)

    @classmethod
    def of(cls, schema: Schema) -> BratNames:
        """The mapping for ``schema``: deterministic, so every export of one schema agrees."""
        types = _unique([lab.name for lab in schema.labels], {SENTENCE})
        types.update(_unique([et.name for et in schema.event_types], {SENTENCE, *types.values()}))
        stance_names = {f"Stance_{t.name}" for t in schema.targets}
        attributes = _unique([a.name for a in schema.attributes], stance_names)
        targets = _unique([t.name for t in schema.targets], set())
        return cls(types, attributes, targets)

    def type(self, name: str) -> str:
        """The brat type of a label or event type (a name outside the schema is cleaned alone)."""
        return self.types.get(name) or brat_type(name)

    def attribute(self, name: str) -> str:
        """The brat attribute name of an event attribute."""
        return self.attributes.get(name) or brat_type(name)

    def target(self, name: str) -> str:
        """The brat name part of a stance target (``Stance_`` and ``Holder_`` go before it)."""
        return self.targets.get(name) or brat_type(name)

    def comment(self) -> list[str]:
        """annotation.conf comment lines mapping each changed brat name back to the schema's."""
        changed = [
            (brat, name)
            for table in (self.types, self.attributes, self.targets)
            for name, brat in table.items()
            if brat != name
        ]
        if not changed:
            return []
        lines = ["# brat type names for the schema's names (brat takes A-Z a-z 0-9 _ - only):"]
        lines += [f"#   {brat}\t{name}" for brat, name in changed]
        return [*lines, ""]
