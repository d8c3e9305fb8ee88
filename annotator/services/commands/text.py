"""Commands that change a sentence's characters: fixing the mixed-script words of a token.

The fix keeps the text's length, so tokens, offsets and every person's annotations stay where
they are; the sentence's and its document's text change together in one transaction, and undo
puts back exactly the old characters.
"""

from __future__ import annotations

from dataclasses import dataclass

from annotator.core.changes import Changes
from annotator.core.messages import message
from annotator.core.schema import Schema
from annotator.core.scripts import MixedWord, mixed_words
from annotator.services.commands.base import Command
from annotator.store import Session
from annotator.store.texts import replace_characters


@dataclass
class FixMixedScript(Command):
    """Map the look-alike letters of the mixed-script words in ``start..end`` (character offsets
    into the sentence text, a token) to the script of the rest of each word."""

    document_id: int
    start: int
    end: int
    old: str
    new: str

    @property
    def text(self) -> str:
        return message("fix {old} to {new}", old=repr(self.old), new=repr(self.new))

    def changes(self) -> Changes:
        document = frozenset({self.document_id})
        return Changes(sentences=frozenset({self.sentence_id}), documents=document, text=document)

    def do(self, s: Session, schema: Schema) -> None:
        replace_characters(s, self.sentence_id, self.start, self.old, self.new)

    def undo(self, s: Session, schema: Schema) -> None:
        replace_characters(s, self.sentence_id, self.start, self.new, self.old)


def token_fix(
    sentence_id: int, document_id: int, text: str, start: int, end: int
) -> tuple[FixMixedScript | None, list[MixedWord]]:
    """The command fixing the token ``text[start:end]`` (None when nothing in it can be fixed),
    and the mixed-script words found in it."""
    token = text[start:end]
    words = list(mixed_words(token))
    fixed = list(token)
    for w in words:
        if w.fixed is not None:
            fixed[w.start : w.end] = w.fixed
    new = "".join(fixed)
    if new == token:
        return None, words
    return FixMixedScript(sentence_id, document_id, start, end, token, new), words
