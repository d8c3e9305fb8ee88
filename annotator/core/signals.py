"""A Qt-free signal: models announce changes, views subscribe (napari's ``EmitterGroup``, small).

A model holds one ``Signal`` per kind of news; ``emit`` calls every listener in the order they
connected. Listeners are plain callables, so a model can be driven and tested without Qt.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, TypeVar

T = TypeVar("T")


class Signal(Generic[T]):
    """Listeners of one kind of news, each called with the news (a value of type ``T``)."""

    def __init__(self) -> None:
        self._listeners: list[Callable[[T], None]] = []

    def connect(self, listener: Callable[[T], None]) -> None:
        """Call ``listener`` at every ``emit`` from now on (once, however often it connects)."""
        if listener not in self._listeners:
            self._listeners.append(listener)

    def disconnect(self, listener: Callable[[T], None]) -> None:
        """Stop calling ``listener``."""
        if listener in self._listeners:
            self._listeners.remove(listener)

    def emit(self, news: T) -> None:
        """Tell every listener (a listener connected meanwhile hears the next one)."""
        for listener in list(self._listeners):
            listener(news)
