"""The IOB2 fast path decodes exactly as the strict decoder, errors included."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.core.tags import TagError, _decode, _flatten_ranked, decode, flatten
from tests.conftest import examples

TAGS = st.lists(
    st.sampled_from(["O", "B-A", "I-A", "B-B", "I-B", "I-C", "E-A", "S-A", "B-", "X", "I-"]), max_size=12
)


def _outcome(fn: object, tags: list[str]) -> object:
    try:
        return fn(tags, "IOB2")  # type: ignore[operator]
    except TagError as exc:
        return ("error", exc.index, exc.message)


@settings(max_examples=examples(2000))
@given(TAGS)
def test_fast_iob2_decoding_equals_the_strict_decoder(tags: list[str]) -> None:
    assert _outcome(decode, tags) == _outcome(_decode, tags)


SPANS = st.lists(
    st.tuples(st.integers(0, 10), st.integers(1, 4), st.sampled_from("AB")).map(
        lambda t: (t[0], t[0] + t[1], t[2])
    ),
    max_size=6,
)


@settings(max_examples=examples(2000))
@given(SPANS)
def test_flatten_without_overlaps_keeps_everything_as_the_ranked_way_does(
    spans: list[tuple[int, int, str]],
) -> None:
    assert flatten(spans) == _flatten_ranked(spans)
