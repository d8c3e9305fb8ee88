"""The fixed choices offered and checked across the CLI, the window and the services.

Every list of these shown to people (``--status``, ``--layer``, ``--per`` choices, the export
dialog) is derived from here, never written out again.
"""

from __future__ import annotations

SCOPES = ("done", "all")  # which sentences an export or a comparison takes: marked done, or all
KINDS = ("entities", "events", "stance")  # the kinds of annotation, compared layer by layer
LEVELS = ("sentence", "document")  # what one JSONL object holds; where stance is given
