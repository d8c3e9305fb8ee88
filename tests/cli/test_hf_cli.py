"""The command line's JSONL options for Hugging Face: ``export --tokens strings``, ``import --labels``,
and what an export to standard output says about the side files it cannot write."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from annotator.cli import main
from tests.conftest import FIXTURES, write


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    """Exit status, standard output and standard error of one command."""
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_tokens_strings_and_the_label_list_come_back_through_import_labels(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    db, again = str(tmp_path / "p.sqlite"), str(tmp_path / "q.sqlite")
    assert run(capsys, "import", "--db", db, "--annotator", "a", str(FIXTURES / "example.conll"))[0] == 0
    out = tmp_path / "x.jsonl"
    export = ["export", "--db", db, "--format=jsonl", "--annotator=a", "--status=all", "--out", str(out)]
    code, _, err = run(capsys, *export, "--tokens", "strings")
    assert code == 0, err
    assert "x.documents.jsonl" in err and "x.labels.json" in err
    first = json.loads(out.read_text(encoding="utf-8").splitlines()[0])
    assert all(isinstance(t, str) for t in first["tokens"])
    assert [first["text"][s:e] for s, e in first["token_offsets"]] == first["tokens"]
    names = json.loads((tmp_path / "x.labels.json").read_text(encoding="utf-8"))
    assert names[0] == "O" and all(n[:2] in ("B-", "I-") for n in names[1:]) and len(names) % 2 == 1

    hub = write(
        tmp_path / "hub" / "train.jsonl",
        "".join(
            json.dumps(
                {
                    "tokens": json.loads(line)["tokens"],
                    "ner_tags": [names.index(t) for t in json.loads(line)["ner_tags"]],
                }
            )
            + "\n"
            for line in out.read_text(encoding="utf-8").splitlines()
        ),
    )
    code, _, err = run(capsys, "import", "--db", again, "--annotator", "k", str(hub))
    assert code == 1 and "--labels FILE" in err and "train.jsonl:1:" in err
    labels = write(tmp_path / "names.json", json.dumps(names))
    code, printed, err = run(
        capsys, "import", "--db", again, "--annotator", "k", "--labels", str(labels), str(hub)
    )
    assert code == 0, err
    wanted = sum(
        t.startswith("B-")
        for line in out.read_text(encoding="utf-8").splitlines()
        for t in json.loads(line)["ner_tags"]
    )
    assert f"{wanted} entities" in printed, printed


def test_an_export_to_standard_output_says_where_the_document_lines_went(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    db = str(tmp_path / "p.sqlite")
    assert run(capsys, "import", "--db", db, str(FIXTURES / "example.jsonl"))[0] == 0
    code, out, err = run(
        capsys, "export", "--db", db, "--format=jsonl", "--annotator=aigerim", "--status=all", "--out", "-"
    )
    assert code == 0
    assert "document_stance" in out  # inline: standard output has no side file
    assert "standard output has no side files" in err and "--out FILE" in err
    assert list(tmp_path.glob("*.labels.json")) == []
