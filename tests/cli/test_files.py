"""No command writes a file it does not own, and a failing standard output is one line.

Hostile document names in brat exports, destinations that are the project or its side files,
links, folders and devices, symbolic links planted at every name an export could use, and a
standard output that is full or closed. Each case checks the exit status, the one line on
standard error, that no traceback reached the user, and that every file outside the destination
(the project's too) is byte for byte as before.
"""

from __future__ import annotations

import hashlib
import itertools
import json
import os
import secrets
import stat
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import IO

import pytest
from sqlalchemy import update

from annotator.cli import main
from annotator.store import open_project
from annotator.store.tables import Document
from tests.conftest import FIXTURES, REPO, dump, write

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


def _agreement_project(capsys: pytest.CaptureFixture[str], db: str, tmp_path: Path) -> None:
    for name in ("a", "b"):
        src = FIXTURES / "example.conll"
        assert run(capsys, "import", "--db", db, "--annotator", name, "--status", "done", str(src))[0] == 0


COMMANDS: dict[str, Callable[[str, str], list[str]]] = {
    "export-jsonl": lambda db, out: ["export", "--db", db, "--format=jsonl", "--annotator=a", "--out", out],
    "export-conll": lambda db, out: ["export", "--db", db, "--format=conll", "--annotator=a", "--out", out],
    "agreement-html": lambda db, out: ["agreement", "--db", db, "--html", out],
    "schema-out": lambda db, out: ["schema", "--db", db, "--out", out],
    "backup-out": lambda db, out: ["backup", "--db", db, "--out", out],
}
GUARDED: dict[str, Callable[[Path], Path]] = {
    "project": lambda p: p,
    "another-spelling": lambda p: p.parent / "sub" / ".." / p.name,
    "wal": lambda p: Path(f"{p}-wal"),
    "shm": lambda p: Path(f"{p}-shm"),
    "a-backup": lambda p: next((p.parent / "p.backups").glob("p-*.sqlite")),
    "in-backups": lambda p: p.parent / "p.backups" / "new.jsonl",
}


@pytest.mark.parametrize("command", COMMANDS)
@pytest.mark.parametrize("guarded", GUARDED)
def test_an_output_onto_the_project_or_its_backups_is_refused(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, command: str, guarded: str
) -> None:
    project = tmp_path / "work" / "p.sqlite"
    project.parent.mkdir()
    (project.parent / "sub").mkdir()
    db = str(project)
    _agreement_project(capsys, db, tmp_path)
    assert run(capsys, "backup", "--db", db)[0] == 0
    target = GUARDED[guarded](project)
    before = tree(tmp_path)
    code, out, err = run(capsys, *COMMANDS[command](db, str(target)))
    assert code == 1 and out == ""
    assert "choose another destination" in one_line(err)
    assert tree(tmp_path) == before
    assert run(capsys, "stats", "--db", db)[0] == 0


def test_a_link_to_the_project_and_a_brat_folder_holding_it_are_refused(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    work = tmp_path / "work"
    work.mkdir()
    db = str(work / "p.sqlite")
    _agreement_project(capsys, db, tmp_path)
    (tmp_path / "hard.jsonl").hardlink_to(work / "p.sqlite")
    before = tree(tmp_path)
    for args in (
        [*COMMANDS["export-jsonl"](db, str(tmp_path / "hard.jsonl"))],
        ["export", "--db", db, "--format", "brat", "--annotator=a", "--out", str(work)],
        ["export", "--db", db, "--format", "brat", "--annotator=a", "--out", str(tmp_path)],
        ["export", "--db", db, "--format", "brat", "--annotator=a", "--out", str(work / "p.backups")],
    ):
        code, out, err = run(capsys, *args)
        assert code == 1 and out == "", args
        assert "the project file" in one_line(err) or "backups folder" in err
        assert tree(tmp_path) == before, args


def _specials(tmp_path: Path) -> dict[str, Path]:
    victim = write(tmp_path / "victim.txt", "precious\n")
    (tmp_path / "folder").mkdir()
    os.mknod(tmp_path / "null", stat.S_IFCHR | 0o666, os.makedev(1, 3))  # a /dev/null of our own
    os.mkfifo(tmp_path / "fifo")
    (tmp_path / "link").symlink_to(victim)
    (tmp_path / "dangling").symlink_to(tmp_path / "would-be-created")
    return {
        "device": tmp_path / "null",
        "fifo": tmp_path / "fifo",
        "link": tmp_path / "link",
        "dangling": tmp_path / "dangling",
        "folder": tmp_path / "folder",
    }


EXPECTED = {
    "device": "is a character device; annotator writes only regular files",
    "fifo": "is a named pipe (FIFO); annotator writes only regular files",
    "link": "is a symbolic link",
    "dangling": "is a symbolic link",
    "folder": "is a folder",
}


@pytest.mark.parametrize("command", ["export-jsonl", "agreement-html", "schema-out"])
def test_a_folder_device_fifo_or_link_is_refused_and_left_as_it_was(
    capsys: pytest.CaptureFixture[str], backend: str, tmp_path: Path, command: str
) -> None:
    _agreement_project(capsys, backend, tmp_path / "in")
    specials = _specials(tmp_path)
    before = tree(tmp_path)
    for kind, target in specials.items():
        code, out, err = run(capsys, *COMMANDS[command](backend, str(target)))
        assert code == 1 and out == "", kind
        assert one_line(err).startswith(f"annotator: {target}: {EXPECTED[kind]}"), err
        assert tree(tmp_path) == before, kind
    assert stat.S_ISCHR(os.lstat(tmp_path / "null").st_mode)
    fine = tmp_path / "output.file"  # the guard lets a plain new file through, on either backend
    code, _, err = run(capsys, *COMMANDS[command](backend, str(fine)))
    assert code == 0 and "Traceback" not in err and fine.stat().st_size > 0
    expected = {str(fine)}
    if command == "export-jsonl":  # and its side files, beside it
        expected |= {
            str(tmp_path / f"output.{side}") for side in ("documents.jsonl", "labels.json", "features.json")
        }
    assert set(tree(tmp_path)) - set(before) == expected, "a temporary file was left behind"


def test_brat_refuses_a_file_a_device_a_link_and_a_folder_of_other_files(
    capsys: pytest.CaptureFixture[str], backend: str, tmp_path: Path
) -> None:
    with_documents(capsys, backend, tmp_path / "in", ["ok", "other"])
    specials = _specials(tmp_path)
    write(tmp_path / "mine" / "notes.docx", "a thesis")
    write(tmp_path / "mine" / "ok.txt", "looks like an export")
    (tmp_path / "dirlink").symlink_to(tmp_path / "mine")
    cases = {
        tmp_path / "victim.txt": "exists and is not a folder",
        specials["device"]: "exists and is not a folder (it is a character device)",
        specials["fifo"]: "exists and is not a folder (it is a named pipe (FIFO))",
        specials["link"]: "is a symbolic link",
        tmp_path / "dirlink": "is a symbolic link",
        tmp_path / "mine": "holds 'notes.docx', which a brat export does not write",
    }
    before = tree(tmp_path)
    for target, message in cases.items():
        code, out, err = run(capsys, "export", "--db", backend, "--format", "brat", "--out", str(target))
        assert code == 1 and out == "", target
        assert one_line(err).startswith(f"annotator: {target}: {message}"), err
        assert tree(tmp_path) == before, target
    out_folder = tmp_path / "brat"
    assert run(capsys, "export", "--db", backend, "--format", "brat", "--out", str(out_folder))[0] == 0
    assert run(capsys, "export", "--db", backend, "--format", "brat", "--out", str(out_folder))[0] == 0
    assert sorted(p.name for p in out_folder.iterdir())[:3] == ["annotation.conf", "documents.json", "ok.ann"]


def test_links_planted_at_every_name_an_export_could_use_are_not_followed(
    capsys: pytest.CaptureFixture[str], backend: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with_documents(capsys, backend, tmp_path / "in", ["ok", "other"])
    victim = write(tmp_path / "victim.txt", "precious\n")
    victim_dir = tmp_path / "victim-dir"
    write(victim_dir / "keep.txt", "keep me\n")
    counter = itertools.count()  # the "random" names an export tries: 000000000000, 000000000001, ...
    monkeypatch.setattr(secrets, "token_hex", lambda n=None: f"{next(counter):012x}")
    pid = os.getpid()
    out = tmp_path / "out"
    out.mkdir()
    for name in ("x.jsonl", "brat"):
        target = victim if name.endswith(".jsonl") else victim_dir
        for kind in ("tmp", "old"):  # the names earlier versions used, then the first random ones
            (out / f".{name}.{pid}.{kind}").symlink_to(target)
            for n in range(3 if kind == "tmp" else 8):
                (out / f".{name}.{pid}.{n:012x}.{kind}").symlink_to(target)
    before = tree(tmp_path, skip=out)
    planted = tree(out)
    for fmt, name in (("jsonl", "x.jsonl"), ("jsonl", "x.jsonl"), ("brat", "brat"), ("brat", "brat")):
        counter = itertools.count()  # each export meets the planted links again; the second replaces
        code, _, err = run(capsys, "export", "--db", backend, "--format", fmt, "--out", str(out / name))
        assert code == 0, err
        assert tree(tmp_path, skip=out) == before, f"a planted link steered the {fmt} export"
    assert {k: v for k, v in tree(out).items() if k in planted} == planted, "a planted link was touched"
    assert (out / "x.jsonl").read_text(encoding="utf-8").startswith('{"document": "ok"')
    assert not (out / "x.jsonl").is_symlink() and not (out / "brat").is_symlink()
    assert (out / "brat" / "ok.txt").is_file()
    for stem in ("ok", "other"):  # links planted inside a previous export are refused, not followed
        (out / "brat" / f"{stem}.txt").unlink()
        (out / "brat" / f"{stem}.txt").symlink_to(victim)
    code, _, err = run(capsys, "export", "--db", backend, "--format", "brat", "--out", str(out / "brat"))
    assert code == 1 and "'ok.txt', a symbolic link" in one_line(err)
    assert tree(tmp_path, skip=out) == before


def _cli(db: str, tmp_path: Path, args: list[str], stdout: int | IO[bytes]) -> subprocess.Popen[bytes]:
    """``python -m annotator ARGS --db DB`` in the worktree, standard error captured."""
    env = {**os.environ, "XDG_DATA_HOME": str(tmp_path / "xdg"), "XDG_CONFIG_HOME": str(tmp_path / "xdg")}
    command = [sys.executable, "-m", "annotator", *args, "--db", db]
    return subprocess.Popen(command, cwd=REPO, env=env, stdout=stdout, stderr=subprocess.PIPE)


@pytest.mark.timeout(120)
def test_a_full_standard_output_is_one_line(
    capsys: pytest.CaptureFixture[str], backend: str, tmp_path: Path
) -> None:
    _agreement_project(capsys, backend, tmp_path)
    rows = state(backend)
    commands = (
        ["export", "--format", "jsonl", "--annotator", "a", "--out", "-"],
        ["export", "--format", "conll", "--annotator", "a", "--out", "-"],
        ["stats"],
        ["stats", "--json"],
        ["agreement", "--json"],
        ["agreement"],
        ["schema"],
    )
    said = "annotator: cannot write to standard output (No space left on device)\n"
    with open("/dev/full", "wb") as full:  # all at once: each is a process that only reads the project
        running = [(args, _cli(backend, tmp_path, args, full)) for args in commands]
    try:
        for args, proc in running:
            _, err = proc.communicate(timeout=60)
            assert proc.returncode == 1, (args, err)
            assert err.decode() == said, args
    finally:
        for _, proc in running:
            if proc.poll() is None:
                proc.kill()
                proc.wait()
    assert state(backend) == rows


@pytest.mark.timeout(120)
def test_a_closed_pipe_ends_the_export_quietly(
    capsys: pytest.CaptureFixture[str], backend: str, tmp_path: Path
) -> None:
    lines = [
        {"document": f"d{i // 100}", "text": f"Бүгін {i} адам жиналды.", "annotator": "a", "status": "done"}
        for i in range(3000)
    ]
    src = write(tmp_path / "big.jsonl", "".join(json.dumps(x, ensure_ascii=False) + "\n" for x in lines))
    assert run(capsys, "import", "--db", backend, str(src))[0] == 0
    rows = state(backend)
    for fmt in ("jsonl", "conll"):
        proc = _cli(backend, tmp_path, ["export", "--format", fmt, "--out", "-"], subprocess.PIPE)
        assert proc.stdout is not None and proc.stdout.readline()  # like `| head -1`
        proc.stdout.close()
        _, err = proc.communicate(timeout=60)
        assert proc.returncode in (0, 141), err
        assert err.decode() == "", "a closed pipe printed something (a traceback?)"
    assert state(backend) == rows


def test_brat_never_replaces_a_folder_of_the_users_own_texts(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    db = str(tmp_path / "p.sqlite")
    _agreement_project(capsys, db, tmp_path)
    mine = tmp_path / "mytexts"
    mine.mkdir()
    (mine / "article1.txt").write_text("precious", encoding="utf-8")
    (mine / "notes.ann").write_text("x", encoding="utf-8")
    code, _, err = run(capsys, "export", "--db", db, "--format", "brat", "--annotator=a", "--out", str(mine))
    assert code == 1 and err.count("\n") == 1 and "article1.txt" in err
    assert (mine / "article1.txt").read_text(encoding="utf-8") == "precious"
    out = tmp_path / "brat"  # an export's own folder is replaced by the next export
    for _ in range(2):
        code, _, err = run(
            capsys, "export", "--db", db, "--format", "brat", "--annotator=a", "--out", str(out)
        )
        assert code == 0, err
    (out / "article1.txt").write_text("mine now", encoding="utf-8")  # not listed in documents.json
    code, _, err = run(capsys, "export", "--db", db, "--format", "brat", "--annotator=a", "--out", str(out))
    assert code == 1 and (out / "article1.txt").exists()
