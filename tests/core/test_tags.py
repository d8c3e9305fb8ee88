"""Tag schemes: strict decoding, lossless encoding, adjacent same-label entities stay apart."""

from __future__ import annotations

import pytest

from annotator.core.tags import SCHEMES, TagError, decode, detect_scheme, encode

ADJACENT = [(0, 2, "PERSON"), (2, 3, "PERSON"), (4, 5, "GPE")]


def test_encode_each_scheme_tag_by_tag() -> None:
    assert encode(ADJACENT, 6, "IOB2") == ["B-PERSON", "I-PERSON", "B-PERSON", "O", "B-GPE", "O"]
    assert encode(ADJACENT, 6, "IOB1") == ["I-PERSON", "I-PERSON", "B-PERSON", "O", "I-GPE", "O"]
    assert encode(ADJACENT, 6, "BIOES") == ["B-PERSON", "E-PERSON", "S-PERSON", "O", "S-GPE", "O"]
    assert encode(ADJACENT, 6, "BILUO") == ["B-PERSON", "L-PERSON", "U-PERSON", "O", "U-GPE", "O"]


@pytest.mark.parametrize("scheme", SCHEMES)
def test_decode_inverts_encode(scheme: str) -> None:
    spans = [(0, 1, "GPE"), (1, 4, "ORGANISATION"), (4, 5, "ORGANISATION"), (6, 7, "DATE")]
    assert decode(encode(spans, 7, scheme), scheme) == spans


@pytest.mark.parametrize(
    ("tags", "scheme", "index", "fragment"),
    [
        (["O", "I-PERSON"], "IOB2", 1, "I-PERSON cannot follow O in IOB2"),
        (["B-GPE", "I-PERSON"], "IOB2", 1, "cannot follow B-GPE"),
        (["B-PERSON", "O"], "BIOES", 1, "not closed by E-"),
        (["B-PERSON"], "BIOES", 0, "not closed by E-"),
        (["O", "E-PERSON"], "BIOES", 1, "E-PERSON cannot follow O"),
        (["S-GPE"], "IOB2", 0, "BIOES tag in a IOB2 sentence"),
        (["O", "B-GPE"], "IOB1", 1, "IOB1 may only start an entity right after one of the same label"),
        (["X-GPE"], "IOB2", 0, "is not O or PREFIX-LABEL"),
        (["B-PERSON", "O"], "BILUO", 1, "O cannot follow B-PERSON in BILUO: the entity was not closed by L-"),
        (["B-PERSON", "E-PERSON"], "BILUO", 1, "E-PERSON is a BIOES tag in a BILUO sentence"),
        (["U-GPE"], "BIOES", 0, "U-GPE is a BILUO tag in a BIOES sentence"),
        (["L-GPE"], "IOB2", 0, "L-GPE is a BILUO tag in a IOB2 sentence"),
        (["B-GPE", "U-GPE"], "BILUO", 1, "U-GPE cannot follow B-GPE in BILUO"),
        (["B-"], "IOB2", 0, "is not O or PREFIX-LABEL"),
    ],
)
def test_decode_refuses_tags_that_cannot_stand(
    tags: list[str], scheme: str, index: int, fragment: str
) -> None:
    with pytest.raises(TagError) as info:
        decode(tags, scheme)
    assert info.value.index == index
    assert fragment in info.value.message


def test_iob1_reads_leading_i_and_b_between_same_labels() -> None:
    assert decode(["I-PERSON", "I-PERSON", "B-PERSON", "O", "I-GPE"], "IOB1") == [
        (0, 2, "PERSON"),
        (2, 3, "PERSON"),
        (4, 5, "GPE"),
    ]


def test_encode_refuses_overlap() -> None:
    with pytest.raises(ValueError, match="overlaps"):
        encode([(0, 2, "A"), (1, 3, "B")], 4)


def test_the_scheme_a_sentence_shows() -> None:
    assert detect_scheme(["O", "B-GPE", "I-GPE"]) == "IOB2"
    assert detect_scheme(["B-GPE", "E-GPE", "S-DATE"]) == "BIOES"
    assert detect_scheme(["B-GPE", "L-GPE", "U-DATE"]) == "BILUO"
