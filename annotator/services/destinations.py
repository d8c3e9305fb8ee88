"""Files that commands write where people tell them: never over the project, never through a link, never half.

A ``Guard`` names what no output may touch: a SQLite project's file, its ``-wal``, ``-shm`` and
``-journal``, and its backups folder with everything in it (a PostgreSQL project has no files
here, so its guard is empty). Paths are compared resolved (symbolic links followed) and, where
the file exists, by identity (``samefile``), so another spelling, a link or a hard link to the
project is refused as the project itself.

A destination must be a regular file or not exist yet. A symbolic link at the destination is
refused rather than followed or replaced (a link planted there by someone else must not steer
the write), and so are folders, devices, FIFOs and sockets. Data goes to a new temporary file in
the destination's folder, created exclusively (``O_CREAT|O_EXCL|O_NOFOLLOW``) under an
unpredictable name, and is renamed over the destination only when complete. A folder destination
(brat) is filled in a new temporary folder the same way and swapped in; an existing folder is
replaced only if it holds nothing but what a brat export writes.
"""

from __future__ import annotations

import json
import os
import secrets
import shutil
import stat
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from annotator.core.errors import AnnotatorError
from annotator.formats.brat import NAME_MAP, NEW_FILE
from annotator.services.project import resolve_target
from annotator.store import Project
from annotator.store.engine import sqlite_file
from annotator.store.safety import backup_dir

_SIDE_FILES = {
    "-wal": "the project's write-ahead log",
    "-shm": "the project's shared-memory file",
    "-journal": "the project's rollback journal",
}
_BRAT_CONFS = ("annotation.conf", "visual.conf", "tools.conf", "kb_shortcuts.conf")
_BRAT_NAMES = (NAME_MAP, ".stats_cache")  # brat's server keeps .stats_cache in a collection


class DestinationError(AnnotatorError):
    """A destination refused before anything was written, or that could not be written."""


@dataclass(frozen=True)
class Guard:
    """What outputs must not touch: ``files`` (path, what it is) and ``folders`` (and their contents)."""

    files: tuple[tuple[Path, str], ...] = ()
    folders: tuple[tuple[Path, str], ...] = ()

    @classmethod
    def for_database(cls, target: str | Path) -> Guard:
        """The guard of the project at ``target`` (a SQLite path or any database URL)."""
        path = sqlite_file(target)
        if path is None:
            return cls()
        files = [(path, "the project file")]
        files += [(Path(f"{path}{suffix}"), what) for suffix, what in _SIDE_FILES.items()]
        return cls(tuple(files), ((backup_dir(path), "the project's backups folder"),))

    def refuse(self, path: Path) -> None:
        """Raise DestinationError if ``path`` is a guarded file or lies in a guarded folder."""
        for guarded, what in self.files:
            if _same(path, guarded):
                raise DestinationError(f"{path}: that is {what} ({guarded}); choose another destination")
        for guarded, what in self.folders:
            if _within(path, guarded):
                where = "is" if _same(path, guarded) else "is in"
                raise DestinationError(f"{path}: that {where} {what} ({guarded}); choose another destination")

    def refuse_containing(self, folder: Path) -> None:
        """Raise DestinationError if replacing ``folder`` would take a guarded path with it."""
        for guarded, what in (*self.files, *self.folders):
            if os.path.lexists(guarded) and _within(guarded, folder):
                raise DestinationError(f"{folder}: that folder holds {what} ({guarded}); choose another one")


def guard_for(db: str | None) -> Guard:
    """The guard of the project ``--db`` (or ``$ANNOTATOR_DB``, or the default) names."""
    return Guard.for_database(resolve_target(db)[0])


def guard_of(project: Project) -> Guard:
    """The guard of an open project."""
    return Guard.for_database(project.url)


def _resolved(path: Path) -> Path:
    return Path(os.path.abspath(path)).resolve()


def _same(a: Path, b: Path) -> bool:
    """Whether ``a`` and ``b`` are one file: by identity where both exist, else by resolved path."""
    try:
        return os.path.samefile(a, b)
    except OSError:
        return _resolved(a) == _resolved(b)


def _within(path: Path, folder: Path) -> bool:
    """Whether ``path`` is ``folder`` or lies somewhere inside it."""
    resolved = _resolved(path)
    return any(_same(candidate, folder) for candidate in (resolved, *resolved.parents))


def _kind(mode: int) -> str:
    if stat.S_ISCHR(mode):
        return "a character device"
    if stat.S_ISBLK(mode):
        return "a block device"
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


def _refuse_link(path: Path) -> None:
    if path.is_symlink():
        raise DestinationError(
            f"{path}: is a symbolic link (to {os.readlink(path)}); annotator does not write through "
            "links, give the path of the file itself"
        )


def check_file(path: Path, guard: Guard, hint: str = "") -> None:
    """Refuse (DestinationError) a destination file that is guarded, a link, a folder or a special file."""
    guard.refuse(path)
    _refuse_link(path)
    try:
        mode = path.lstat().st_mode
    except OSError:
        return  # missing (it will be created) or unreachable (creating it gives the one-line reason)
    if stat.S_ISDIR(mode):
        raise DestinationError(f"{path}: is a folder; give the name of a file")
    if not stat.S_ISREG(mode):
        raise DestinationError(f"{path}: is {_kind(mode)}; annotator writes only regular files{hint}")


def check_folder(path: Path, guard: Guard) -> None:
    """Refuse (DestinationError) a brat destination that is guarded, holds guarded files, is a link,
    is not a folder, or holds anything a brat export does not write (the export replaces it whole)."""
    guard.refuse(path)
    guard.refuse_containing(path)
    _refuse_link(path)
    try:
        mode = path.lstat().st_mode
    except OSError:
        return
    if not stat.S_ISDIR(mode):
        what = "a regular file" if stat.S_ISREG(mode) else _kind(mode)
        raise DestinationError(f"{path}: exists and is not a folder (it is {what})")
    try:
        entries = sorted(os.scandir(path), key=lambda entry: entry.name)
    except OSError as exc:
        raise DestinationError(f"{path}: cannot look into the folder ({exc.strerror or exc})") from None
    ours = _earlier_export(path) if entries else set()
    for entry in entries:
        if entry.name in ours and entry.is_file(follow_symlinks=False):
            continue
        what = "a symbolic link" if entry.is_symlink() else "which a brat export does not write"
        raise DestinationError(
            f"{path}: holds {entry.name!r}, {what}; the export replaces the whole folder, "
            "so give a new or empty folder"
        )


def _earlier_export(path: Path) -> set[str]:
    """The files an earlier brat export wrote in ``path``, as its name map lists them (none without one).

    Only a folder made by an export is replaced: ``.txt`` and ``.ann`` files of the user's own,
    next to no map or not in it, are never taken for an export's.
    """
    try:
        names = json.loads((path / NAME_MAP).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return set()
    if not isinstance(names, dict):
        return set()
    stems = [str(stem) for stem in names]
    return {*(f"{s}{suffix}" for s in stems for suffix in (".txt", ".ann")), *_BRAT_NAMES, *_BRAT_CONFS}


def _temporary(path: Path, kind: str) -> Path:
    return path.parent / f".{path.name}.{os.getpid()}.{secrets.token_hex(6)}.{kind}"


def _new_file(path: Path) -> tuple[Path, int]:
    """A new temporary file beside ``path``, created exclusively, and its descriptor."""
    while True:
        tmp = _temporary(path, "tmp")
        try:
            return tmp, os.open(tmp, NEW_FILE, 0o666)
        except FileExistsError:
            continue  # 48 random bits taken: another name


def _new_folder(path: Path) -> Path:
    """A new temporary folder beside ``path`` (``mkdir`` fails on anything already there)."""
    while True:
        tmp = _temporary(path, "tmp")
        try:
            tmp.mkdir(0o777)
            return tmp
        except FileExistsError:
            continue


def remove_stale(path: Path) -> None:
    """Delete temporary files that writes of ``path`` left behind when their process was killed.

    Only regular files named as this module names them, of a process that is gone (and, where the
    system says, of this user) are removed.
    """
    prefix = f".{path.name}."
    try:
        entries = list(os.scandir(path.parent))
    except OSError:
        return
    for entry in entries:
        if not (entry.name.startswith(prefix) and entry.name.endswith(".tmp")):
            continue
        parts = entry.name[len(prefix) : -len(".tmp")].split(".")
        if not (parts[0].isdigit() and (len(parts) == 1 or (len(parts) == 2 and len(parts[1]) == 12))):
            continue
        try:
            info = entry.stat(follow_symlinks=False)
            mine = not hasattr(os, "getuid") or info.st_uid == os.getuid()
            if stat.S_ISREG(info.st_mode) and mine and not _alive(int(parts[0])):
                os.unlink(entry.path)
        except OSError:
            continue


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OSError):
        return True
    return True


def _unwritable(path: Path, what: str, exc: OSError) -> DestinationError:
    return DestinationError(f"{path}: cannot write {what} ({exc.strerror or exc})")


@dataclass
class _Pending:
    path: Path
    tmp: Path
    handle: TextIO
    what: str
    hint: str


class FileSet:
    """Files written together (an export and its side files), each to a new temporary file beside
    its destination; see :func:`atomic_files`."""

    def __init__(self, guard: Guard):
        self.guard = guard
        self.pending: list[_Pending] = []
        self.stale: list[Path] = []

    def open(self, path: Path, *, what: str = "the file", parents: bool = True, hint: str = "") -> TextIO:
        """A new temporary file for ``path`` (checked first); ``what`` and ``hint`` go into messages."""
        check_file(path, self.guard, hint)
        try:
            if parents:
                path.parent.mkdir(parents=True, exist_ok=True)
            remove_stale(path)
            tmp, fd = _new_file(path)
        except OSError as exc:
            raise _unwritable(path, what, exc) from None
        handle = open(fd, "w", encoding="utf-8", newline="\n")  # noqa: SIM115 - closed by commit or discard
        self.pending.append(_Pending(path, tmp, handle, what, hint))
        return handle

    def remove(self, path: Path) -> bool:
        """Have an earlier export's file at ``path`` removed with the others' renames (a side file this
        export does not write, which a reader would otherwise take as this export's); True if there is one."""
        check_file(path, self.guard)
        if not path.is_file():
            return False
        self.stale.append(path)
        return True

    def commit(self) -> None:
        """Write out and fsync every file, check every destination again, remove the stale files, then
        rename each into place, the first opened (the main file) last."""
        current = self.pending[0] if self.pending else None
        try:
            for current in self.pending:
                current.handle.flush()
                os.fsync(current.handle.fileno())
                current.handle.close()
            for current in self.pending:  # nothing may have taken a destination's place meanwhile
                check_file(current.path, self.guard, current.hint)
            for path in self.stale:
                path.unlink(missing_ok=True)
            for current in reversed(self.pending):
                os.replace(current.tmp, current.path)
        except OSError as exc:
            assert current is not None
            raise _unwritable(current.path, current.what, exc) from None

    def discard(self) -> None:
        """Close and delete every temporary file not renamed into place."""
        for item in self.pending:
            with suppress(OSError):
                item.handle.close()
            item.tmp.unlink(missing_ok=True)


@contextmanager
def atomic_files(guard: Guard) -> Iterator[FileSet]:
    """Files renamed into place together only when the block succeeds and every one is written and
    fsynced (the first opened last); on any failure none is, and the destinations keep what they had."""
    files = FileSet(guard)
    try:
        yield files
        files.commit()
    except OSError as exc:
        first = files.pending[0] if files.pending else None
        files.discard()
        if first is None:
            raise
        raise _unwritable(first.path, first.what, exc) from None
    except BaseException:
        files.discard()
        raise


@contextmanager
def atomic_file(
    path: Path, guard: Guard, *, what: str = "the file", parents: bool = True, hint: str = ""
) -> Iterator[TextIO]:
    """Write to a new temporary file beside ``path`` and rename it into place when the block succeeds.

    ``parents`` creates missing folders; ``what`` and ``hint`` go into the messages.
    """
    with atomic_files(guard) as files:
        yield files.open(path, what=what, parents=parents, hint=hint)


@contextmanager
def atomic_folder(path: Path, guard: Guard, *, what: str = "the export") -> Iterator[Path]:
    """Fill a new temporary folder beside ``path`` and swap it into place when the block succeeds."""
    check_folder(path, guard)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = _new_folder(path)
    except OSError as exc:
        raise _unwritable(path, what, exc) from None
    old: Path | None = None
    try:
        yield tmp
        check_folder(path, guard)
        if os.path.lexists(path):
            old = _temporary(path, "old")
            while os.path.lexists(old):
                old = _temporary(path, "old")
            os.rename(path, old)
        os.rename(tmp, path)
    except OSError as exc:
        if old is not None and not os.path.lexists(path):
            with suppress(OSError):
                os.rename(old, path)  # put the previous export back
        shutil.rmtree(tmp, ignore_errors=True)
        raise _unwritable(path, what, exc) from None
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


def write_text_atomically(
    path: Path, text: str, guard: Guard, *, what: str = "the file", parents: bool = True
) -> None:
    """Write a whole text file through a temporary file renamed into place (see ``atomic_file``)."""
    with atomic_file(path, guard, what=what, parents=parents) as handle:
        handle.write(text)
