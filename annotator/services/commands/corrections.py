"""Corrections of tokens and sentences as commands: each one transaction, undone and redone exactly.

The first ``do`` reads the sentences it touches with every person's layer
(``store.corrections.take``), works out the corrected state on plain data
(``core.corrections`` and ``core.resegment``) and writes it. Undo writes the state before, redo the
state after, each with the same ids (a sentence a split made keeps the id it got). Neither
overwrites anything: when the sentences no longer hold what the command left there (someone
changed them meanwhile), the undo or redo is refused and taken off the history.
"""

from __future__ import annotations

from dataclasses import dataclass

from annotator.core.changes import Changes
from annotator.core.corrections import CorrectionBlocked, Sentences, merge_tokens, split_token, with_times_of
from annotator.core.errors import StoreError
from annotator.core.messages import message, text_of
from annotator.core.resegment import merge_sentences, split_sentence
from annotator.core.schema import Schema
from annotator.services.commands.base import Command
from annotator.store import Session
from annotator.store import corrections as store
from annotator.store.correction_rights import authorize_correction


@dataclass
class Correction(Command):
    """The base of the four corrections: plan once, then write the state after or before."""

    document_id: int | None = None
    before: Sentences | None = None
    after: Sentences | None = None

    def touched(self, s: Session) -> list[int]:
        """The sentences the correction reads (the cursor's, and the next one for a merge)."""
        return [self.sentence_id]

    def corrected(self, state: Sentences, schema: Schema) -> Sentences:
        """The state after the correction; raises CorrectionBlocked with whose span is in the way."""
        raise NotImplementedError

    def changes(self) -> Changes:
        ids = {self.sentence_id}
        for state in (self.before, self.after):
            if state is not None:
                ids |= state.ids
        documents = frozenset({self.document_id}) if self.document_id is not None else frozenset()
        return Changes(sentences=frozenset(ids), documents=documents, progress=True, structure=documents)

    def do(self, s: Session, schema: Schema) -> None:
        """Correct the first time; a redo writes the same corrected state again."""
        document_id = store.document_of(s, self.sentence_id)
        authorize_correction(s, document_id)
        if self.before is None or self.after is None:
            before = store.take(s, document_id, self.touched(s))
            try:
                after = self.corrected(before, schema)
            except CorrectionBlocked as exc:
                raise StoreError(text_of(exc) or str(exc)) from None
            self.document_id, self.before = document_id, before
            self.after = store.put(s, before.ids, after)
            return
        now = self._expect(s, self.before)
        store.put(s, self.before.ids, with_times_of(self.after, now, self.before))

    def undo(self, s: Session, schema: Schema) -> None:
        """Put back the sentences as they were before the correction."""
        assert self.before is not None and self.after is not None, "undo of a correction never done"
        authorize_correction(s, store.document_of(s, self.sentence_id))
        now = self._expect(s, self.after)
        store.put(s, self.after.ids, with_times_of(self.before, now, self.after))

    def _expect(self, s: Session, state: Sentences) -> Sentences:
        """The sentences as stored now, when they are as ``state`` left them; else StoreError."""
        assert self.document_id is not None
        now = store.take(s, self.document_id, state.ids)
        if now.comparable() != state.comparable():
            raise StoreError(
                message("the sentences changed since the correction (an edit since, yours or another's)")
            )
        return now


@dataclass
class SplitToken(Correction):
    """Cut token ``token`` of the sentence after its ``at``-th character."""

    token: int = 0
    at: int = 1

    @property
    def text(self) -> str:
        return message("split token")

    def corrected(self, state: Sentences, schema: Schema) -> Sentences:
        return split_token(state, self.sentence_id, self.token, self.at)


@dataclass
class MergeTokens(Correction):
    """Merge token ``token`` of the sentence with the next one."""

    token: int = 0

    @property
    def text(self) -> str:
        return message("merge tokens")

    def corrected(self, state: Sentences, schema: Schema) -> Sentences:
        return merge_tokens(state, self.sentence_id, self.token, schema.allow_overlap)


@dataclass
class SplitSentence(Correction):
    """Cut the sentence before token ``token``: the rest becomes the next sentence."""

    token: int = 1

    @property
    def text(self) -> str:
        return message("split sentence")

    def corrected(self, state: Sentences, schema: Schema) -> Sentences:
        return split_sentence(state, self.sentence_id, self.token)


@dataclass
class MergeSentences(Correction):
    """Merge the sentence with the next one of its document."""

    @property
    def text(self) -> str:
        return message("merge sentences")

    def touched(self, s: Session) -> list[int]:
        following = store.next_sentence(s, self.sentence_id)
        if following is None:
            raise StoreError(message("cannot merge: this is the last sentence of its document"))
        return [self.sentence_id, following]

    def corrected(self, state: Sentences, schema: Schema) -> Sentences:
        first, second = sorted(state.sentences, key=lambda x: x.position)
        return merge_sentences(state, first.id, second.id)
