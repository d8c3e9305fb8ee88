"""A gazetteer: a UTF-8 TSV file of ``text<TAB>label`` lines the string matcher knows besides the
labelled spans. Lines starting with ``#`` and blank lines are skipped."""

from __future__ import annotations

from pathlib import Path

from annotator.core.errors import InputError
from annotator.core.text import tokenize
from annotator.suggest.matcher import MAX_PHRASE


def read_gazetteer(path: Path) -> list[tuple[str, str]]:
    """The ``(text, label)`` pairs of the file; InputError ``FILE:LINE: problem`` on a bad line."""
    try:
        content = path.read_bytes().decode("utf-8")
    except UnicodeDecodeError as exc:
        where = path.read_bytes()[: exc.start].count(b"\n") + 1
        raise InputError(path, where, "the gazetteer is not UTF-8 text") from None
    except OSError as exc:
        raise InputError(path, None, f"cannot read the gazetteer: {exc.strerror or exc}") from None
    entries: list[tuple[str, str]] = []
    # Lines end at LF (CRLF too) only: str.splitlines() would also cut at U+0085 or U+2028 inside an
    # entry and report a wrong line.
    for number, raw in enumerate(content.split("\n"), start=1):
        line = raw.removesuffix("\r")
        line = line.lstrip("\ufeff") if number == 1 else line
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) != 2:
            raise InputError(path, number, f"expected 'text<TAB>label', found {len(parts) - 1} tabs")
        text, label = parts[0].strip(), parts[1].strip()
        if not text:
            raise InputError(path, number, "the text before the tab is empty")
        if not label:
            raise InputError(path, number, "the label after the tab is empty")
        if any(c.isspace() for c in label):
            raise InputError(path, number, f"the label {label!r} contains white space")
        if len(tokenize(text)) > MAX_PHRASE:
            problem = f"the text has more than {MAX_PHRASE} tokens, longer than the matcher matches"
            raise InputError(path, number, problem)
        entries.append((text, label))
    return entries
