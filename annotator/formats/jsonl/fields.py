"""Field checks for one JSONL line: parsing it, refusing NUL, and typed required/optional keys.

Every check raises :class:`Bad` with the problem in words; the reader adds the file and line.
"""

from __future__ import annotations

import json
from typing import Any

from annotator.formats.names import name_problem


class Bad(Exception):
    """A problem in one JSON line; the reader adds file and line."""


def parse(line: str) -> dict[str, Any]:
    """The line as a JSON object; anything else (bad JSON, too deep, not an object) is Bad."""
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as exc:
        raise Bad(f"invalid JSON: {exc.msg} (column {exc.colno})") from None
    except RecursionError:
        raise Bad("invalid JSON: nested too deeply") from None
    if not isinstance(obj, dict):
        raise Bad(f"expected a JSON object, got {type(obj).__name__}")
    return obj


def refuse_nul(obj: dict[str, Any]) -> None:
    """Raise naming the first place in the parsed line whose key or text holds a NUL character."""
    stack: list[tuple[str, Any]] = [("", obj)]
    while stack:
        where, value = stack.pop()
        if isinstance(value, str) and "\x00" in value:
            raise Bad(f"'{where}' contains a NUL character (\\u0000), which a project cannot store")
        if isinstance(value, dict):
            for key, item in reversed(value.items()):
                inner = f"{where}.{key}" if where else str(key)
                if "\x00" in key:
                    raise Bad(f"the key {inner!r} contains a NUL character (\\u0000)")
                stack.append((inner, item))
        elif isinstance(value, list):
            stack.extend((f"{where}[{i}]", item) for i, item in reversed(list(enumerate(value))))


_TYPE_NAMES = {str: "a string", int: "an integer", list: "a list", dict: "an object"}


def optional(obj: dict[str, Any], key: str, kind: type, default: Any, where: str = "") -> Any:
    """``obj[key]`` checked to be a ``kind`` (a bool is no integer), or ``default`` when absent."""
    value = obj.get(key, default)
    if value is default:
        return value
    if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
        raise Bad(f"{where}'{key}' must be {_TYPE_NAMES[kind]}")
    return value


def required(obj: Any, key: str, kind: type, where: str = "") -> Any:
    """``obj[key]`` checked to be a ``kind``; ``obj`` must be an object that has it."""
    if not isinstance(obj, dict):
        raise Bad(f"{where.rstrip('.: ') or 'item'} must be an object")
    if key not in obj:
        raise Bad(f"{where}'{key}' is missing")
    value = obj[key]
    if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
        raise Bad(f"{where}'{key}' must be {_TYPE_NAMES[kind]}")
    return value


def owner(obj: dict[str, Any], annotator: str | None) -> str | None:
    """The line's own ``annotator`` (checked as a name), else the one given to the reader."""
    own = optional(obj, "annotator", str, None)
    if own is not None and (problem := name_problem(own.strip())) is not None:  # the store strips it
        raise Bad(f"'annotator' {problem}")
    return own or annotator
