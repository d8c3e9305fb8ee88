"""What every writer of corpus files is: records in, one at a time; ``close`` ends the output.

A writer counts what its format could not hold (spans the overlap policy left out of flat tags)
and ``close`` returns those counts. ``close`` writes whatever the writer still holds (the last
document of per-document JSONL, brat's last document and configuration files); it does not close
the stream or folder it was given, which belongs to the caller.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from annotator.core.model import Record

# How a JSONL export spells tokens: objects with offsets, or strings beside a token_offsets list.
TOKEN_FORMS = ("objects", "strings")


@dataclass(frozen=True)
class WriteStats:
    """What a finished writer counted: entities and event triggers left out of flat tags, and
    what its format has no place for (``left_out``: a thing's name, singular and plural, and how many)."""

    dropped_entities: int = 0
    dropped_triggers: int = 0
    left_out: tuple[tuple[str, str, int], ...] = ()


class Writer(Protocol):
    """A writer of one output: ``write`` each record in order, then ``close`` once."""

    def write(self, record: Record) -> None:
        """Write (or gather) one record."""
        ...

    def close(self) -> WriteStats:
        """Write what is still held and return the counts; the writer is not used after."""
        ...
