"""Small helpers every command shares: the store for this invocation, the two streams."""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from enum import StrEnum
from typing import TYPE_CHECKING, Any

from claims.cli.base import STATE

if TYPE_CHECKING:
    from rich.console import Console

    from claims.store import Store


class TableFormat(StrEnum):
    table = "table"
    json = "json"


@contextmanager
def open_db() -> Iterator[Store]:
    """The store named by --db / CLAIMS_DB / the default, upgraded if it is SQLite, and
    created if it does not exist: for commands that write. A SQLite file this process
    cannot write is refused here, in one line, before the command does any work."""
    from claims.config import resolve_db
    from claims.store import open_store

    store = open_store(resolve_db(STATE.db), on_upgrade=upgrading_notice)
    try:
        yield store
    finally:
        store.close()


@contextmanager
def open_db_for_reading() -> Iterator[Store]:
    """The store for a command that only reads: a database that does not exist is an
    error naming the path and where it came from (exit 2), and nothing is created.

    Every read-only command uses this (or `claims.store.open_for_reading`, on which it
    is built); only commands that write use `open_db`. A SQLite file this process cannot
    write (read-only media, file or folder) is opened read-only and creates nothing.
    """
    from claims.config import resolve_db
    from claims.store import open_for_reading

    store = open_for_reading(resolve_db(STATE.db), on_upgrade=upgrading_notice)
    try:
        yield store
    finally:
        store.close()


def upgrading_notice(old: str, new: str) -> None:
    """Said before an existing SQLite file is upgraded, which can take a while."""
    err_console().print(
        f"Upgrading the database schema from {old} to {new} (once; a large database "
        "takes a minute)...", markup=False, highlight=False, soft_wrap=True)


def err_console() -> Console:
    """Messages and progress go to stderr; results never do."""
    from claims.render.safe import terminal_console

    return terminal_console(stderr=True)


def out_console() -> Console:
    """Human-readable results; cleans anything an article or user could smuggle in."""
    from claims.render.safe import terminal_console

    return terminal_console(soft_wrap=False)


def write(text: str) -> None:
    """Write a machine-readable result to stdout exactly as given."""
    sys.stdout.write(text)
    if text and not text.endswith("\n"):
        sys.stdout.write("\n")
    sys.stdout.flush()


def write_chunks(chunks: Iterable[str]) -> None:
    """Write a result produced piece by piece (large reports) to stdout."""
    out = sys.stdout
    for chunk in chunks:
        out.write(chunk)
    out.flush()


@contextmanager
def frozen_heap() -> Iterator[None]:
    """Keep the cyclic garbage collector off while millions of immutable records load.

    They contain no cycles, yet each collection would walk all of them: on a million
    figures that was seconds of the gate's time.
    """
    import gc

    gc.disable()
    try:
        yield
    finally:
        gc.freeze()  # what survived is long-lived: later collections need not walk it
        gc.enable()


def message(text: str, **kwargs: Any) -> None:
    """One plain message line on stderr: never markup, cleaned even if the caller forgot."""
    from claims.render.safe import clean_for_terminal

    kwargs.setdefault("markup", False)
    err_console().print(clean_for_terminal(text, keep_newlines=True), **kwargs)
