"""Reading a SQLite file this process cannot write: read-only media, a file without write
permission, or a folder where SQLite cannot create its journal.

An archive on a read-only mount, or a desk's database shared read-only with a reviewer,
must still list, show, check and export. SQLite's ordinary open assumes it may create
`-wal`/`-shm` (or `-journal`) beside the file: where it cannot, a WAL database fails
("unable to open database file", "attempt to write a readonly database"), and where it
can but the file is not ours it leaves those files behind, owned by the reader, and the
owner's next write fails on them. So every read-only open here creates nothing:

- on read-only media nobody can write the file: `mode=ro&immutable=1` (no locks, no
  side files), unless changes are still in a `-wal` beside it, which `immutable` would
  silently ignore: then `mode=ro`, which reads them through the existing `-shm`;
- elsewhere, when a writer has the database open (its `-wal`/`-shm` exist) or it uses a
  rollback journal: `mode=ro`, which takes SQLite's ordinary shared locks;
- a WAL database nobody has open, which SQLite can only read without its side files as
  `immutable`: `immutable`, with a guard. Another process may still start writing it, so
  the file's identity, size and times are noted at open and compared after every read
  (`changed_since_open`); a change is reported, never read through.

Standard library only: the lean read path (`fastread`) uses it without SQLAlchemy.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

_WAL_HEADER_OFFSET = 18  # the file format bytes: 1 = rollback journal, 2 = WAL


@dataclass(frozen=True)
class ReadOnly:
    """How to open a SQLite file this process cannot write, and why it cannot."""

    path: Path
    reason: str  # e.g. "on a read-only file system", for messages
    uri: str  # a `file:` URI for `sqlite3.connect(uri, uri=True)`
    immutable: bool
    guarded: bool  # immutable on writable media: check the file did not change
    stamp: tuple[int, ...] = ()  # the file's state at open, when guarded

    def changed_since_open(self) -> bool:
        """True when a guarded file was written since it was opened, so what was read
        may mix two states; unguarded opens rely on SQLite's locks instead."""
        return self.guarded and _stamp(self.path) != self.stamp


def _stamp(path: Path) -> tuple[int, ...]:
    try:
        st = path.stat()
    except OSError:
        return ()
    return (st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns, st.st_ctime_ns)


def on_read_only_media(path: Path) -> bool:
    """True when the file system holding `path` is mounted read-only (nobody can write it,
    so SQLite may treat the file as immutable)."""
    statvfs = getattr(os, "statvfs", None)
    if statvfs is None:  # Windows: no mount flags to read
        return False
    try:
        return bool(statvfs(path).f_flag & os.ST_RDONLY)
    except OSError:
        return False


def _folder(path: Path) -> Path:
    return path.absolute().parent


def _writable(path: Path) -> bool:
    return path.exists() and os.access(path, os.W_OK)


def write_blocker(path: Path) -> str | None:
    """Why this process cannot write the existing SQLite file `path`, or None when it can.

    A folder we cannot write still allows writing when the WAL's side files already exist
    and are ours to write; otherwise SQLite must create a journal there and fails.
    """
    if on_read_only_media(path):
        return "on a read-only file system"
    if not os.access(path, os.W_OK):
        return "you cannot write the file"
    if not os.access(_folder(path), os.W_OK | os.X_OK):
        wal, shm = side_file(path, "-wal"), side_file(path, "-shm")
        if not (_writable(wal) and _writable(shm)):
            return "you cannot write its folder, where SQLite keeps its journal"
    return None


def side_file(path: Path, suffix: str) -> Path:
    return path.with_name(path.name + suffix)


def _size(path: Path) -> int:
    """The file's size, or -1 when it does not exist (or vanished as we looked)."""
    try:
        return path.stat().st_size
    except OSError:
        return -1


def _is_wal(path: Path) -> bool:
    try:
        with path.open("rb") as handle:
            handle.seek(_WAL_HEADER_OFFSET)
            return handle.read(1) == b"\x02"
    except OSError:
        return False


def _uri(path: Path, *, immutable: bool) -> str:
    # SQLite decodes %HH in a URI's path, so a name with spaces, '?', '#' or '%' is exact.
    quoted = quote(str(path.absolute()), safe="/")
    return f"file:{quoted}?mode=ro" + ("&immutable=1" if immutable else "")


class UnreadableWal(Exception):
    """Committed changes sit in a `-wal` that SQLite cannot read here (no `-shm`)."""


def read_only_open(path: Path) -> ReadOnly | None:
    """How to read the existing SQLite file `path` without writing or creating anything,
    or None when this process may write it (then it is opened as usual).

    Raises `UnreadableWal` when the last changes are in a `-wal` whose `-shm` is missing
    and cannot be created without leaving it behind: `immutable` would read the file
    without those changes, and the user would not know.
    """
    reason = write_blocker(path)
    if reason is None:
        return None
    media = reason == "on a read-only file system"
    wal, shm = side_file(path, "-wal"), side_file(path, "-shm")
    pending, has_wal, has_shm = _size(wal) > 0, _size(wal) >= 0, _size(shm) >= 0
    if pending and not has_shm:
        raise UnreadableWal(f"its last changes are still in {wal.name}, which SQLite cannot "
                            f"read here without {shm.name}")
    # A writer holds both open; one alone is a leftover that `mode=ro` would complete
    # by creating the other, where the folder allows it.
    in_use = pending or (not media and has_wal and has_shm)
    hot_journal = _size(side_file(path, "-journal")) > 0
    if in_use or hot_journal or (not media and not _is_wal(path)):
        return ReadOnly(path, reason, _uri(path, immutable=False), False, False)
    guarded = not media
    return ReadOnly(path, reason, _uri(path, immutable=True), True, guarded,
                    _stamp(path) if guarded else ())
