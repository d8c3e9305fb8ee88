"""The block-wise CoNLL reader gives exactly what reading line by line gives, errors included."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from annotator.core.errors import InputError
from annotator.core.schema import default_schema_path, load_schema
from annotator.formats import conll
from annotator.formats.conll import _ConllReader, read_conll
from tests.conftest import examples

SCHEMA = load_schema(default_schema_path())
LINE = st.one_of(
    st.tuples(
        st.sampled_from(["Астана", "және", "Nur-Sultan", ".", "«"]),
        st.sampled_from(["O", "B-GPE", "I-GPE", "B-DATE", "I-PERSON", "E-GPE", "B-CITY"]),
    ).map(lambda t: f"{t[0]}\t{t[1]}"),
    st.just("Алматы NN B-GPE"),
    st.just("жалғыз"),
    st.sampled_from(["", "", "", "  ", "\t", "-DOCSTART-\tO", "-DOCSTART- -X- O O"]),
)


def _outcome(records: object) -> object:
    try:
        return [repr(r) for r in records]  # type: ignore[attr-defined]
    except InputError as exc:
        return ("error", exc.line, exc.column, exc.message)


@settings(
    max_examples=examples(400), deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.lists(LINE, min_size=1, max_size=40), st.booleans(), st.integers(8, 200))
def test_blocks_read_like_lines(tmp_path: Path, lines: list[str], crlf: bool, block: int) -> None:
    text = "\n".join(lines) + "\n"
    if not text.strip():
        return
    path = tmp_path / "x.conll"
    path.write_bytes(text.replace("\n", "\r\n" if crlf else "\n").encode())
    original = conll.read_text_blocks.__globals__["_BLOCK"]
    conll.read_text_blocks.__globals__["_BLOCK"] = block  # small blocks: sentences cross block ends
    try:
        fast = _outcome(read_conll(path, schema=SCHEMA, annotator="k"))
    finally:
        conll.read_text_blocks.__globals__["_BLOCK"] = original
    slow = _outcome(_ConllReader(path, SCHEMA, "k", "auto", "todo").lines(1, text[:-1].split("\n")))
    assert fast == slow
