"""No command writes a file it does not own.

Hostile document names in brat exports. Each case checks the exit status, that no traceback
reached the user, and that every file outside the destination (the project's too) is byte for
byte as before.
"""

from __future__ import annotations

import hashlib
import json
import os
import stat
from pathlib import Path

import pytest
from sqlalchemy import update

from annotator.cli import main
from annotator.store import open_project
from annotator.store.tables import Document
from tests.conftest import dump, write

Tree = dict[str, str]


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def one_line(err: str) -> str:
    """``err`` is one ``annotator:`` line and no traceback; returns it."""
    assert "Traceback" not in err, err
    assert err.startswith("annotator: ") and err.count("\n") == 1 and err.endswith("\n"), err
    return err


def tree(root: Path, skip: Path | None = None) -> Tree:
    """Every entry under ``root`` (but ``skip``): a file's SHA-256, a link's target, or its kind."""
    out: Tree = {}
    for folder, dirs, files in os.walk(root):
        for name in dirs + files:
            path = Path(folder, name)
            if skip is not None and (path == skip or skip in path.parents):
                continue
            info = path.lstat()
            if stat.S_ISLNK(info.st_mode):
                out[str(path)] = f"link to {os.readlink(path)}"
            elif stat.S_ISREG(info.st_mode):
                out[str(path)] = hashlib.sha256(path.read_bytes()).hexdigest()
            else:
                out[str(path)] = f"mode {stat.S_IFMT(info.st_mode):o}"
    return out


def with_documents(
    capsys: pytest.CaptureFixture[str], db: str, folder: Path, names: list[str]
) -> dict[str, str]:
    """Give the project one document per name (a done sentence of annotator a); returns name -> text.

    The documents are imported under plain names and renamed in the store, so that names no
    reader would accept (a NUL, a path) exist as they could from older versions or other tools.
    """
    texts = {f"doc{i}": f"Құжат {i} мәтіні." for i in range(len(names))}
    lines = [{"document": d, "text": t, "annotator": "a", "status": "done"} for d, t in texts.items()]
    src = write(folder / "docs.jsonl", "".join(json.dumps(line, ensure_ascii=False) + "\n" for line in lines))
    assert run(capsys, "import", "--db", db, str(src))[0] == 0
    project, _ = open_project(db)
    with project.transaction() as session:
        for i, name in enumerate(names):
            session.execute(update(Document).where(Document.name == f"doc{i}").values(name=name))
    project.close()
    return {name: texts[f"doc{i}"] for i, name in enumerate(names)}


def state(db: str) -> object:
    """Every row of the project, to compare before and after."""
    project, _ = open_project(db)
    try:
        return dump(project, activity=True)
    finally:
        project.close()


def test_brat_file_names_stay_in_the_folder_unique_and_mapped(
    capsys: pytest.CaptureFixture[str], backend: str, tmp_path: Path
) -> None:
    (tmp_path / "abs").mkdir()
    names = ["../../victim", f"{tmp_path}/abs/path", "CON", ".", "..", "a/b", "a_b", "Doc", "doc", "ok"]
    names += ["a\\b", "қ" * 150, "tab\there", " lead.", "x" * 40 + "/" + "y"]
    if backend.endswith(".sqlite"):
        names.append("a\x00b")  # PostgreSQL cannot store a NUL
    texts = with_documents(capsys, backend, tmp_path / "in", names)
    out = tmp_path / "deep" / "er" / "brat"
    before, rows = tree(tmp_path), state(backend)
    code, stdout, err = run(capsys, "export", "--db", backend, "--format", "brat", "--out", str(out))
    assert code == 0 and err == "", err
    assert stdout == f"wrote {len(names)} sentences of {len(names)} documents (a) to {out}\n"
    assert tree(tmp_path, skip=tmp_path / "deep") == before, "the export wrote outside its folder"
    assert state(backend) == rows
    mapping = json.loads((out / "documents.json").read_text(encoding="utf-8"))
    assert sorted(mapping.values()) == sorted(names)
    files = sorted(p.name for p in out.iterdir())
    stems = sorted(mapping)
    assert files == sorted(
        ["annotation.conf", "documents.json", "visual.conf"]
        + [f"{s}.txt" for s in stems]
        + [f"{s}.ann" for s in stems]
    )
    assert len({s.casefold() for s in stems}) == len(stems), "two stems differ only in case"
    for stem, name in mapping.items():
        assert (out / f"{stem}.txt").read_text(encoding="utf-8") == texts[name]
        assert stem and stem[0] != "." and ".." not in stem and not stem.endswith((".", " "))
        assert not set(stem) & set('/\\<>:"|?*') and stem.isprintable()
        assert len(f"{stem}.ann".encode()) <= 255
    assert mapping["ok"] == "ok" and mapping["a_b"] == "a_b", "a safe name keeps its stem"
    first, second = ("Doc", "doc") if mapping.get("Doc") == "Doc" else ("doc", "Doc")  # by collation
    assert mapping[first] == first and mapping[f"{second}-2"] == second
    assert mapping["_CON~a3dbc4b6"] == "CON" and mapping["______victim~e2c35920"] == "../../victim"
