"""JSONL reader: the project's own format, doccano-style spans, and plain ``{"text": ...}`` lines.

Each line is one sentence (or one whole document, or one document's stance). Offsets are
code-point indices into the line's ``text``, ends exclusive; they must fall on token boundaries.

* :mod:`.fields`: parsing a line and checking its keys and their types;
* :mod:`.tokens`: checking the tokens a line gives, and keeping offsets through NFC;
* :mod:`.dialects`: the shapes a line takes, each mapped to records, and which one a line is;
* :mod:`.annotations`: a sentence line's entities (in four spellings), events and stance;
* :mod:`.reader`: :func:`read_jsonl`, the record stream with file and line on every error.
"""

from annotator.formats.jsonl.fields import Bad as _Bad
from annotator.formats.jsonl.reader import read_jsonl
from annotator.formats.jsonl.tokens import given_tokens as _tokens
from annotator.formats.jsonl.tokens import tokens_one_by_one as _tokens_one_by_one

__all__ = ["_Bad", "_tokens", "_tokens_one_by_one", "read_jsonl"]
