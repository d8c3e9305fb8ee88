"""The packed form of a sentence's token offsets."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from annotator.core.errors import StoreError
from annotator.store.offsets import WIDTH, pack, pairs, unpack

offsets = st.lists(st.tuples(st.integers(0, 2**32 - 1), st.integers(0, 2**32 - 1)), max_size=300)


@given(offsets)
def test_offsets_come_back_as_they_went_in(tokens: list[tuple[int, int]]) -> None:
    starts, ends = [a for a, _ in tokens], [b for _, b in tokens]
    blob = pack(starts, ends)
    assert len(blob) == WIDTH * len(tokens)
    assert unpack(blob) == (starts, ends)
    assert unpack(memoryview(blob)) == (starts, ends)  # what PostgreSQL's driver may hand back
    assert pairs(blob) == tuple(tokens)


def test_the_layout_is_little_endian_starts_then_ends() -> None:
    """Fixed on disk whatever the machine: a project file moves between machines."""
    assert pack([1, 258], [2, 65536]) == bytes([1, 0, 0, 0, 2, 1, 0, 0, 2, 0, 0, 0, 0, 0, 1, 0])


@pytest.mark.parametrize(("starts", "ends"), [([-1], [2]), ([0], [2**32])])
def test_offsets_that_do_not_fit_are_refused(starts: list[int], ends: list[int]) -> None:
    with pytest.raises(StoreError, match="negative or too large"):
        pack(starts, ends)
