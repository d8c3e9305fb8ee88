"""Read-only snapshots of what the annotation window shows: one sentence and one annotator's layer."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class EntityView:
    """An entity of the shown sentence."""

    id: int
    token_start: int
    token_end: int  # exclusive
    label: str


@dataclass(frozen=True)
class ArgumentView:
    """An argument of an event: its id, role and entity."""

    id: int
    role: str
    entity_id: int


@dataclass(frozen=True)
class EventView:
    """An event of the shown sentence with its attributes and arguments."""

    id: int
    token_start: int
    token_end: int  # exclusive
    type: str
    attributes: dict[str, str]
    arguments: tuple[ArgumentView, ...]


@dataclass(frozen=True)
class SentenceView:
    """A sentence and one annotator's annotations of it, as the window shows it."""

    id: int
    document_id: int
    document_name: str
    position: int  # stored order in the document (may have gaps)
    ordinal: int  # place among the document's sentences, from 0 (shown + 1)
    count: int
    text: str
    tokens: tuple[tuple[int, int], ...]
    entities: tuple[EntityView, ...]
    events: tuple[EventView, ...]
    stance: dict[str, tuple[str, int | None]]
    document_stance: dict[str, tuple[str, int | None]]
    document_holders: dict[int, str] = field(default_factory=dict)
    status: str = "todo"
    comment: str = ""

    def token_text(self, start: int, end: int) -> str:
        """The text covered by tokens ``start..end``."""
        return self.text[self.tokens[start][0] : self.tokens[end - 1][1]]

    def entity(self, entity_id: int) -> EntityView | None:
        """The entity with this id, if it is in this sentence."""
        return next((e for e in self.entities if e.id == entity_id), None)
