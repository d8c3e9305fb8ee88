"""Errors the application reports to people as one line each."""

from __future__ import annotations

from pathlib import Path


class AnnotatorError(Exception):
    """Base of every error that is shown to the user as a one-line message."""


class InputError(AnnotatorError):
    """Bad input in a file: names the file, line (and column where it helps) and the problem."""

    def __init__(self, path: str | Path | None, line: int | None, message: str, column: int | None = None):
        self.path = str(path) if path is not None else None
        self.line = line
        self.column = column
        self.message = message
        super().__init__(self.format())

    def format(self) -> str:
        """Return ``file:line:column: message`` with the parts that are known."""
        where = [p for p in (self.path, self.line, self.column) if p is not None]
        prefix = ":".join(str(p) for p in where)
        return f"{prefix}: {self.message}" if prefix else self.message


class SchemaError(InputError):
    """The annotation schema file is malformed or inconsistent."""


class StoreError(AnnotatorError):
    """A request the store refuses: unknown label, overlap, missing row, wrong owner."""


class StoreUnavailable(AnnotatorError):
    """The database could not do its part: the disk is full, the connection broke, an I/O error.

    Nothing of the failed transaction is stored, unless ``uncertain``: the connection broke while
    the database was committing, so the change may or may not have been stored, and only reading
    it again tells.
    """

    def __init__(self, message: str, *, uncertain: bool = False):
        self.uncertain = uncertain
        super().__init__(message)


class ProjectError(AnnotatorError):
    """The project file cannot be opened or created."""


class Cancelled(AnnotatorError):
    """The user cancelled a long operation; it changed nothing."""
