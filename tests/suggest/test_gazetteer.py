"""Reading a gazetteer TSV: entries, comments, and one-line errors naming file and line."""

from __future__ import annotations

from pathlib import Path

import pytest

from annotator.core.errors import InputError
from annotator.suggest.gazetteer import read_gazetteer


def test_entries_comments_and_blank_lines(tmp_path: Path) -> None:
    path = tmp_path / "g.tsv"
    path.write_text("# places\nАлматы\tGPE\n\n  # people\nАбай Құнанбайұлы\tPERSON\n", encoding="utf-8")
    assert read_gazetteer(path) == [("Алматы", "GPE"), ("Абай Құнанбайұлы", "PERSON")]


@pytest.mark.parametrize(
    ("line", "problem"),
    [
        ("Алматы GPE", "expected 'text<TAB>label', found 0 tabs"),
        ("Алматы\tGPE\tx", "found 2 tabs"),
        ("\tGPE", "the text before the tab is empty"),
        ("Алматы\t", "the label after the tab is empty"),
        (" ".join(["сөз"] * 9) + "\tORGANISATION", "more than 8 tokens"),
    ],
)
def test_a_bad_line_names_file_and_line(tmp_path: Path, line: str, problem: str) -> None:
    path = tmp_path / "g.tsv"
    path.write_text(f"# header\nАстана\tGPE\n{line}\n", encoding="utf-8")
    with pytest.raises(InputError) as caught:
        read_gazetteer(path)
    assert str(caught.value).startswith(f"{path}:3: ")
    assert problem in str(caught.value)


def test_not_utf8(tmp_path: Path) -> None:
    path = tmp_path / "g.tsv"
    path.write_bytes("Алматы\tGPE\n".encode() + "Астана\tGPE\n".encode("cp1251"))
    with pytest.raises(InputError, match=r"g\.tsv:2: the gazetteer is not UTF-8 text"):
        read_gazetteer(path)


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="cannot read the gazetteer"):
        read_gazetteer(tmp_path / "absent.tsv")


def test_lines_end_at_line_feeds_only(tmp_path: Path) -> None:
    path = tmp_path / "g.tsv"
    path.write_bytes("Алматы\u0085қаласы\tGPE\r\nАстана\u2028\tGPE\nбір\tекі\tүш\n".encode())
    with pytest.raises(InputError) as caught:
        read_gazetteer(path)
    assert str(caught.value) == f"{path}:3: expected 'text<TAB>label', found 2 tabs"
    path.write_bytes("Алматы\u0085қаласы\tGPE\r\n".encode())
    assert read_gazetteer(path) == [("Алматы\u0085қаласы", "GPE")]
