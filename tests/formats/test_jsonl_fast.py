"""JSONL tokens checked all at once give exactly what checking them one by one gives, errors included."""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.formats.jsonl import _Bad, _tokens, _tokens_one_by_one
from tests.conftest import examples

TEXT = st.text(alphabet="аб c\tд.\u00a0", min_size=1, max_size=12)
ITEM = st.fixed_dictionaries(
    {"start": st.one_of(st.integers(-1, 13), st.just("0"), st.just(True)), "end": st.integers(-1, 13)},
    optional={"text": st.one_of(st.text(alphabet="абcд", max_size=3), st.none())},
)


def _outcome(fn: Any, text: str, items: list[Any]) -> object:
    try:
        return tuple(fn(text, items))
    except _Bad as exc:
        return ("error", str(exc))


@settings(max_examples=examples(3000))
@given(TEXT, st.lists(ITEM, max_size=6))
def test_tokens_checked_at_once_or_one_by_one_agree(text: str, items: list[Any]) -> None:
    assert _outcome(_tokens, text, items) == _outcome(_tokens_one_by_one, text, items)


@settings(max_examples=examples(500))
@given(st.lists(st.text(alphabet="абвг", min_size=1, max_size=4), min_size=1, max_size=8))
def test_well_formed_tokens_take_the_fast_way_and_agree(words: list[str]) -> None:
    text, items, at = " ".join(words), [], 0
    for w in words:
        items.append({"start": at, "end": at + len(w), "text": w})
        at += len(w) + 1
    assert _outcome(_tokens, text, items) == _outcome(_tokens_one_by_one, text, items)
