"""One annotated text cut into its sentences (doccano's and Label Studio's texts are whole documents).

The text is segmented as running text (:func:`annotator.core.text.segment_running_text`:
paragraphs at blank lines, sentences at their final punctuation). A sentence break that an
entity crosses is not made: the segmenter guessed wrong there (an abbreviation it does not know,
a name with a full stop), and the annotator's span says so. The sentences around it stay one,
so no entity is ever cut or lost; :func:`split` counts the breaks it kept out.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from itertools import pairwise

from annotator.core.model import EntityRecord, Layer, SentenceRecord, Token, TokenList, token_offsets
from annotator.core.text import TOKENIZER_VERSION, segment_running_text


def split(
    text: str,
    tokens: Sequence[Token],
    layers: Sequence[Layer],
    line: int | None,
    version: int = TOKENIZER_VERSION,
) -> tuple[list[SentenceRecord], int]:
    """The sentences of ``text`` (``start`` is each one's offset into it) and how many sentence
    breaks were not made because an entity crosses them. ``layers`` hold entities only (token
    indices into ``tokens``); a layer's comment and seconds go to its first sentence. Sentences end
    where tokenizer ``version`` (the project's) ends them."""
    starts, ends = token_offsets(tokens)
    segments = segment_running_text(text, version)
    # the first token of each segment; a break is possible before each but the first
    firsts = sorted({bisect_right(starts, seg.start - 1) for seg in segments} - {0, len(starts)})
    paragraph_at = {bisect_right(starts, seg.start - 1): seg.paragraph for seg in segments}
    crossing: set[int] = set()
    for layer in layers:
        for e in layer.entities:
            k = bisect_right(firsts, e.token_start)
            while k < len(firsts) and firsts[k] < e.token_end:
                crossing.add(firsts[k])
                k += 1
    breaks = [0, *(b for b in firsts if b not in crossing), len(starts)]
    out: list[SentenceRecord] = []
    for i, (a, b) in enumerate(pairwise(breaks)):
        offset = starts[a]
        piece = text[offset : ends[b - 1]]
        piece_tokens = TokenList(piece, [s - offset for s in starts[a:b]], [e - offset for e in ends[a:b]])
        piece_layers = tuple(
            kept for layer in layers if (kept := _part(layer, a, b, first=i == 0)) is not None
        )
        out.append(
            SentenceRecord(piece, piece_tokens, paragraph_at.get(a, 0), None, offset, line, piece_layers)
        )
    return out, len(crossing)


def _part(layer: Layer, a: int, b: int, first: bool) -> Layer | None:
    """The part of ``layer`` in tokens ``a..b`` (indices made relative); None when it says nothing."""
    entities = tuple(
        EntityRecord(e.label, e.token_start - a, e.token_end - a, e.ref)
        for e in layer.entities
        if a <= e.token_start < b
    )
    comment = layer.comment if first else ""
    seconds = layer.seconds if first else 0.0
    if not (entities or comment or seconds or layer.status != "todo"):
        return None
    return Layer(layer.annotator, layer.status, comment, entities, (), (), seconds)
