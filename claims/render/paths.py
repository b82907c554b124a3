"""Paths in CI output, relative to a base folder (`check-consistency --base-dir`).

A finding's path is its article's origin. A CI runner checks the repository out
somewhere else than the desk's machine, so an absolute origin (`/home/ana/desk/a.txt`)
annotates nothing there; relative to the repository root (`articles/a.txt`) it lands on
the file. Origins are stored relative to the directory `ingest` ran in when they were
under it (`claims.inputs.stored_origin`); a relative origin is read here as relative to
the current directory, which is where ingest and the gate normally both run.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import replace

from claims.core.model import Finding


class PathBase:
    """Makes paths relative to `base` where they are under it; leaves others as given."""

    def __init__(self, base: str, cwd: str | None = None) -> None:
        self.cwd = os.path.abspath(cwd if cwd is not None else os.getcwd())
        self.base = os.path.normpath(os.path.join(self.cwd, base))
        self._seen: dict[str, str] = {}

    def relative(self, path: str) -> str:
        """`path` relative to the base with `/` separators, or `path` itself when it is
        a URL, a name that is no path (a stdin title), or outside the base."""
        found = self._seen.get(path)
        if found is None:
            found = self._seen[path] = self._relative(path)
        return found

    def _relative(self, path: str) -> str:
        if not path or "://" in path:
            return path
        target = os.path.normpath(os.path.join(self.cwd, path))
        tries = [(self.base, target)]
        real_base = os.path.realpath(self.base)
        if real_base != self.base:  # a symlinked checkout: compare real folders too
            folder, leaf = os.path.split(target)
            tries.append((real_base, os.path.join(os.path.realpath(folder), leaf)))
        for base, candidate in tries:
            try:
                rel = os.path.relpath(candidate, base)
            except ValueError:  # another drive
                continue
            if rel not in (os.curdir, os.pardir) and not rel.startswith(os.pardir + os.sep):
                return rel.replace(os.sep, "/")
        return path

    def rebased(self, findings: Iterable[Finding]) -> Iterator[Finding]:
        """The findings with their paths made relative; a finding whose path does not
        change is passed on as it is (no copy per finding on the usual run)."""
        relative = self.relative
        for f in findings:
            if f.path:
                path = relative(f.path)
                if path != f.path:
                    f = replace(f, path=path)
            yield f

