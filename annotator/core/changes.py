"""What an operation changed, so that a view refreshes only that (Anki's ``OpChanges``).

Every command's ``apply`` and ``revert`` returns one; a window's session merges them with ``|``
and tells its views. Plain data on the standard library.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Changes:
    """Which sentences, documents and summaries an operation changed.

    - ``sentences``: sentences whose annotations or status changed (shown ones are read again);
    - ``documents``: documents whose document-level annotations (document stance) changed;
    - ``progress``: done counts changed (a status was set), so progress lines are read again;
    - ``structure``: documents whose sentences were split, merged or re-tokenised (their sentence
      order and counts are read again);
    - ``text``: documents whose text changed in place (a mixed-script word fixed): a view showing
      the whole article reads it again.
    """

    sentences: frozenset[int] = frozenset()
    documents: frozenset[int] = frozenset()
    progress: bool = False
    structure: frozenset[int] = frozenset()
    text: frozenset[int] = frozenset()

    @classmethod
    def of_sentence(cls, sentence_id: int, progress: bool = False) -> Changes:
        """One sentence's annotations (and, with ``progress``, its status) changed."""
        return cls(sentences=frozenset({sentence_id}), progress=progress)

    def __or__(self, other: Changes) -> Changes:
        return Changes(
            self.sentences | other.sentences,
            self.documents | other.documents,
            self.progress or other.progress,
            self.structure | other.structure,
            self.text | other.text,
        )

    def __bool__(self) -> bool:
        return bool(self.sentences or self.documents or self.progress)

    def touches(self, sentence_id: int | None, document_id: int | None = None) -> bool:
        """Whether a view showing that sentence (of that document) must read it again."""
        return (sentence_id is not None and sentence_id in self.sentences) or (
            document_id is not None and document_id in self.documents
        )


NOTHING = Changes()
