"""Edits as commands: plain, Qt-free operations with ``apply`` and ``revert``.

Each call is one transaction, committed before it returns; a ``Batch`` runs all its parts in
one. ``revert`` is a new transaction that applies the inverse and brings back the same rows
(same ids), so a redo after an undo restores exactly what there was and later commands that refer
to those ids stay valid. Every command says what it changed (:class:`Changes`), so a view
refreshes only that.

The edits are built on three small bases: :class:`CreateCommand` (the first ``do`` makes the row
and snapshots it, a redo restores the snapshot, undo deletes), :class:`DeleteCommand` (snapshot,
then delete; undo restores) and :class:`ReplaceCommand` (set the new state and remember the old;
undo sets the old).
"""

from annotator.services.commands.base import (
    Batch,
    Command,
    CreateCommand,
    DeleteCommand,
    ReplaceCommand,
    Rows,
)
from annotator.services.commands.layer import (
    ARGUMENTS,
    ENTITIES,
    EVENTS,
    AddArgument,
    AddEntity,
    AddEvent,
    AddNewEventArgument,
    DeleteArgument,
    DeleteEntity,
    DeleteEvent,
    OfNewEvent,
    RelabelEntity,
    SetAttribute,
    SetNewEventAttribute,
)
from annotator.services.commands.marks import SetDocumentStance, SetSentenceStance, SetStance, SetStatus
from annotator.services.commands.suggestions import (
    AcceptSuggestion,
    Occurrence,
    RejectSuggestion,
    accept_all,
    label_occurrences,
    occurrences,
)

__all__ = [
    "ARGUMENTS",
    "ENTITIES",
    "EVENTS",
    "AcceptSuggestion",
    "AddArgument",
    "AddEntity",
    "AddEvent",
    "AddNewEventArgument",
    "Batch",
    "Command",
    "CreateCommand",
    "DeleteArgument",
    "DeleteCommand",
    "DeleteEntity",
    "DeleteEvent",
    "Occurrence",
    "OfNewEvent",
    "RejectSuggestion",
    "RelabelEntity",
    "ReplaceCommand",
    "Rows",
    "SetAttribute",
    "SetDocumentStance",
    "SetNewEventAttribute",
    "SetSentenceStance",
    "SetStance",
    "SetStatus",
    "accept_all",
    "label_occurrences",
    "occurrences",
]
