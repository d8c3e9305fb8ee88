"""The annotation schema: entity labels, event types with roles and attributes, stance targets.

A schema is read from TOML (``resources/schema.toml`` by default) with the standard library's
``tomllib`` and copied into each project so that a project file describes itself.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from annotator.core.errors import SchemaError
from annotator.core.keymap import reserved_keys
from annotator.core.keys import KeyComboError, normalize

_COLOR = re.compile(r"^#[0-9a-fA-F]{6}$")
_NAME = re.compile(r"^[A-Za-z][A-Za-z0-9_.\-]*$")
_LABEL_TABLE = re.compile(r"^\s*\[\[\s*entities\.label\s*\]\]")
_ANY_TABLE = re.compile(r"^\s*\[")
_LOCALIZED = re.compile(r"^(title|guideline)_(.*)$")
TRANSLATED = ("kk", "ru")  # a title or guideline may also be given in these: title_kk, guideline_ru …

Translations = tuple[tuple[str, str], ...]  # (key, text): ("title_kk", "Қазақстан билігі")


@dataclass(frozen=True, slots=True)
class EntityLabel:
    """An entity label with its colour (``#rrggbb``), keyboard shortcut and one-line guideline."""

    name: str
    color: str
    shortcut: str
    guideline: str
    translations: Translations = ()  # guideline_kk, guideline_ru


@dataclass(frozen=True, slots=True)
class EventType:
    """An event type with the argument roles it admits."""

    name: str
    roles: tuple[str, ...]
    guideline: str
    translations: Translations = ()  # guideline_kk, guideline_ru


@dataclass(frozen=True, slots=True)
class Attribute:
    """An event attribute and its values; the first value is the default."""

    name: str
    values: tuple[str, ...]

    @property
    def default(self) -> str:
        """The value an event has until the annotator sets another."""
        return self.values[0]


@dataclass(frozen=True, slots=True)
class StanceTarget:
    """Something annotators record a stance toward."""

    name: str
    title: str
    guideline: str
    translations: Translations = ()  # title_kk, title_ru, guideline_kk, guideline_ru


@dataclass(frozen=True, slots=True)
class Schema:
    """A whole annotation schema, plus the TOML text it was read from."""

    name: str
    labels: tuple[EntityLabel, ...]
    allow_overlap: bool
    event_types: tuple[EventType, ...]
    attributes: tuple[Attribute, ...]
    stance_labels: tuple[str, ...]
    stance_levels: tuple[str, ...]
    targets: tuple[StanceTarget, ...]
    source: str
    _labels_by_name: dict[str, EntityLabel] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_labels_by_name", {lab.name: lab for lab in self.labels})

    def label(self, name: str) -> EntityLabel | None:
        """The entity label called ``name``, or None (a dictionary lookup: importers call it per entity)."""
        return self._labels_by_name.get(name)

    def event_type(self, name: str) -> EventType | None:
        """The event type called ``name``, or None."""
        return next((et for et in self.event_types if et.name == name), None)

    def attribute(self, name: str) -> Attribute | None:
        """The event attribute called ``name``, or None."""
        return next((a for a in self.attributes if a.name == name), None)

    def target(self, name: str) -> StanceTarget | None:
        """The stance target called ``name``, or None."""
        return next((t for t in self.targets if t.name == name), None)

    @property
    def label_names(self) -> tuple[str, ...]:
        """Entity label names in schema order."""
        return tuple(lab.name for lab in self.labels)

    def default_attributes(self) -> dict[str, str]:
        """Every attribute with its default value."""
        return {a.name: a.default for a in self.attributes}


def default_schema_path() -> Path:
    """The schema file shipped with the application."""
    from annotator.core.paths import resources_dir

    return resources_dir() / "schema.toml"


def load_schema(path: str | Path) -> Schema:
    """Read and check a schema file; a problem raises SchemaError naming the file, line and entry."""
    path = Path(path)
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except FileNotFoundError:
        raise SchemaError(path, None, "no such file") from None
    except UnicodeDecodeError as exc:
        raise SchemaError(path, None, f"not UTF-8 ({exc.reason} at byte {exc.start})") from None
    except OSError as exc:
        raise SchemaError(path, None, exc.strerror or str(exc)) from None
    return parse_schema(text, str(path))


def parse_schema(text: str, origin: str = "schema.toml") -> Schema:
    """Parse schema TOML ``text``; ``origin`` names it in error messages."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        found = re.search(r"\(at line (\d+), column (\d+)\)", str(exc))
        msg = re.sub(r"\s*\(at line \d+, column \d+\)", "", str(exc))
        line, column = (int(found.group(1)), int(found.group(2))) if found else (None, None)
        raise SchemaError(origin, line, f"invalid TOML: {msg}", column) from None
    return _Builder(text, origin).build(data)


class _Builder:
    def __init__(self, text: str, origin: str):
        self.text = text
        self.origin = origin

    def fail(self, entry: str, message: str, needle: str | None = None, last: bool = False) -> SchemaError:
        """An error naming the entry, at the first (or ``last``) line that holds ``needle``."""
        line = None
        if needle:
            hits = [n for n, content in enumerate(self.text.splitlines(), 1) if needle in content]
            line = (hits[-1] if last else hits[0]) if hits else None
        return SchemaError(self.origin, line, f"{entry}: {message}")

    def fail_in_label(self, number: int, entry: str, message: str, key: str) -> SchemaError:
        """An error at the line of ``key`` in the ``number``-th ``[[entities.label]]`` table."""
        lines = self.text.splitlines()
        headers = [n for n, line in enumerate(lines) if _LABEL_TABLE.match(line)]
        found = None
        if number <= len(headers):
            assigns = re.compile(rf"^\s*{re.escape(key)}\s*=")
            for n in range(headers[number - 1] + 1, len(lines)):
                if _ANY_TABLE.match(lines[n]):
                    break
                if assigns.match(lines[n]):
                    found = n + 1
                    break
        return SchemaError(self.origin, found, f"{entry}: {message}")

    def shortcut(self, shortcut: str, entry: str, number: int, taken: dict[str, str]) -> str:
        """A label's shortcut in canonical form; refused when it cannot be typed or is taken."""
        try:
            key = normalize(shortcut)
        except KeyComboError as exc:
            message = f"shortcut {shortcut!r} cannot be typed: it {exc}"
            raise self.fail_in_label(number, entry, message, "shortcut") from None
        if key in taken:
            message = f"shortcut {shortcut!r} is already {taken[key]}"
            raise self.fail_in_label(number, entry, message, "shortcut")
        return key

    def translations(
        self, item: dict[str, Any], entry: str, name: str, keys: tuple[str, ...]
    ) -> Translations:
        """The entry's ``title_kk``, ``guideline_ru`` …: known languages, of keys it has, as strings."""
        found: list[tuple[str, str]] = []
        for key, value in item.items():
            match = _LOCALIZED.match(key)
            if match is None:
                continue
            known = ", ".join(f"{k}_{lang}" for k in keys for lang in TRANSLATED)
            if match.group(1) not in keys or match.group(2) not in TRANSLATED:
                raise self.fail_at_key(
                    entry, f"'{key}' is not a translation it can have ({known})", name, key
                )
            if not isinstance(value, str) or not value.strip():
                raise self.fail_at_key(entry, f"'{key}' must be a non-empty string", name, key)
            found.append((key, value))
        return tuple(sorted(found))

    def fail_at_key(self, entry: str, message: str, name: str, key: str) -> SchemaError:
        """An error at the line of ``key`` after the line naming the entry ``name``."""
        lines = self.text.splitlines()
        start = next((n for n, line in enumerate(lines) if f'"{name}"' in line), 0)
        assigns = re.compile(rf"^\s*{re.escape(key)}\s*=")
        found = next((n + 1 for n in range(start, len(lines)) if assigns.match(lines[n])), None)
        return SchemaError(self.origin, found, f"{entry}: {message}")

    def table(self, data: dict[str, Any], key: str, entry: str) -> dict[str, Any]:
        value = data.get(key, {})
        if not isinstance(value, dict):
            raise self.fail(entry, "must be a table", f"{key}")
        return value

    def string(
        self, item: dict[str, Any], key: str, entry: str, needle: str, default: str | None = None
    ) -> str:
        value = item.get(key, default)
        if not isinstance(value, str) or (default is None and not value.strip()):
            raise self.fail(entry, f"'{key}' must be a non-empty string", needle)
        return value

    def build(self, data: dict[str, Any]) -> Schema:
        name = data.get("name", "annotation schema")
        if not isinstance(name, str):
            raise self.fail("name", "must be a string", "name")
        entities = self.table(data, "entities", "[entities]")
        events = self.table(data, "events", "[events]")
        stance = self.table(data, "stance", "[stance]")
        allow_overlap = entities.get("allow_overlap", False)
        if not isinstance(allow_overlap, bool):
            raise self.fail("[entities] allow_overlap", "must be true or false", "allow_overlap")
        labels = self.labels(entities.get("label", []))
        attributes = self.attributes(self.table(events, "attributes", "[events.attributes]"))
        types = self.event_types(events.get("type", []))
        stance_labels = self.names(stance.get("labels", ["favor", "against", "neutral"]), "[stance] labels")
        levels = self.names(stance.get("levels", ["sentence", "document"]), "[stance] levels")
        unknown = set(levels) - {"sentence", "document"}
        if unknown:
            raise self.fail("[stance] levels", f"unknown level {sorted(unknown)[0]!r}", "levels")
        targets = self.targets(stance.get("target", []))
        return Schema(
            name=name,
            labels=labels,
            allow_overlap=allow_overlap,
            event_types=types,
            attributes=attributes,
            stance_labels=stance_labels,
            stance_levels=levels,
            targets=targets,
            source=self.text,
        )

    def items(self, value: Any, entry: str) -> list[dict[str, Any]]:
        if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
            raise self.fail(entry, "must be an array of tables", entry.strip("[]"))
        return value

    def names(self, value: Any, entry: str) -> tuple[str, ...]:
        if not isinstance(value, list) or not value or not all(isinstance(v, str) and v for v in value):
            raise self.fail(entry, "must be a non-empty list of strings", entry.split()[-1])
        if len(set(value)) != len(value):
            raise self.fail(entry, "has a duplicate value", entry.split()[-1])
        return tuple(value)

    def unique(self, name: str, seen: set[str], entry: str) -> None:
        if not _NAME.match(name):
            raise self.fail(entry, "name must start with a letter and use letters, digits, _ . -", name)
        if name in seen:
            raise self.fail(entry, "is defined twice", f'"{name}"', last=True)
        seen.add(name)

    def labels(self, value: Any) -> tuple[EntityLabel, ...]:
        out: list[EntityLabel] = []
        seen: set[str] = set()
        taken = reserved_keys()  # the window's own keys, then each label's as it comes
        for i, item in enumerate(self.items(value, "[[entities.label]]"), 1):
            name = self.string(item, "name", f"entity label #{i}", "[[entities.label]]")
            entry = f"entity label {name!r}"
            self.unique(name, seen, entry)
            color = self.string(item, "color", entry, f'"{name}"')
            if not _COLOR.match(color):
                raise self.fail(entry, f"color {color!r} is not #rrggbb", color)
            shortcut = self.string(item, "shortcut", entry, f'"{name}"', default="")
            if shortcut:  # kept in canonical spelling ("shift+alt+1" → "Alt+Shift+1")
                shortcut = self.shortcut(shortcut, entry, i, taken)
                taken[shortcut] = f"the shortcut of {name}"
            guideline = self.string(item, "guideline", entry, f'"{name}"', default="")
            texts = self.translations(item, entry, name, ("guideline",))
            out.append(EntityLabel(name, color.lower(), shortcut, guideline, texts))
        if not out:
            raise self.fail("[entities]", "the schema needs at least one [[entities.label]]", "[entities]")
        return tuple(out)

    def attributes(self, table: dict[str, Any]) -> tuple[Attribute, ...]:
        return tuple(Attribute(k, self.names(v, f"event attribute {k}")) for k, v in table.items())

    def event_types(self, value: Any) -> tuple[EventType, ...]:
        out: list[EventType] = []
        seen: set[str] = set()
        for i, item in enumerate(self.items(value, "[[events.type]]"), 1):
            name = self.string(item, "name", f"event type #{i}", "[[events.type]]")
            entry = f"event type {name!r}"
            self.unique(name, seen, entry)
            roles = item.get("roles", [])
            if not isinstance(roles, list) or not all(isinstance(r, str) and _NAME.match(r) for r in roles):
                raise self.fail(entry, "roles must be a list of names", f'"{name}"')
            if len(set(roles)) != len(roles):
                raise self.fail(entry, "has a duplicate role", f'"{name}"')
            guideline = self.string(item, "guideline", entry, f'"{name}"', default="")
            out.append(
                EventType(name, tuple(roles), guideline, self.translations(item, entry, name, ("guideline",)))
            )
        return tuple(out)

    def targets(self, value: Any) -> tuple[StanceTarget, ...]:
        out: list[StanceTarget] = []
        seen: set[str] = set()
        for i, item in enumerate(self.items(value, "[[stance.target]]"), 1):
            name = self.string(item, "name", f"stance target #{i}", "[[stance.target]]")
            entry = f"stance target {name!r}"
            self.unique(name, seen, entry)
            title = self.string(item, "title", entry, f'"{name}"', default=name) or name
            guideline = self.string(item, "guideline", entry, f'"{name}"', default="")
            texts = self.translations(item, entry, name, ("title", "guideline"))
            out.append(StanceTarget(name, title, guideline, texts))
        return tuple(out)
