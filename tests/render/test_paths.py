"""`PathBase`: output paths relative to `--base-dir` where they are under it."""

from __future__ import annotations

from pathlib import Path

import pytest

from claims.core.model import Finding
from claims.render.paths import PathBase


@pytest.mark.parametrize(("base", "path", "shown"), [
    (".", "articles/a.txt", "articles/a.txt"),
    (".", "./articles/../articles/a.txt", "articles/a.txt"),
    (".", "/repo/articles/a.txt", "articles/a.txt"),
    ("articles", "articles/a.txt", "a.txt"),
    ("articles", "/repo/articles/a.txt", "a.txt"),
    ("/repo/articles", "/repo/other/b.txt", "/repo/other/b.txt"),  # outside: as given
    ("articles", "notes/b.txt", "notes/b.txt"),
    ("/", "/repo/a.txt", "repo/a.txt"),
    (".", "https://news.example/a", "https://news.example/a"),
    (".", "/repo", "/repo"),  # the base itself is no file path to shorten
    ("/elsewhere", "Budget speech", "Budget speech"),  # a stdin title
])
def test_relative_where_under_the_base(base: str, path: str, shown: str) -> None:
    assert PathBase(base, cwd="/repo").relative(path) == shown


def test_a_symlinked_base_compares_real_folders(tmp_path: Path) -> None:
    (tmp_path / "real" / "articles").mkdir(parents=True)
    (tmp_path / "link").symlink_to(tmp_path / "real")
    base = PathBase(str(tmp_path / "link"), cwd=str(tmp_path))
    assert base.relative(str(tmp_path / "real" / "articles" / "a.txt")) == "articles/a.txt"


def test_findings_are_copied_only_when_their_path_changes() -> None:
    keep = Finding("k1", 1, "bound", "consistent", "ok", "manual", "m", (), path="a.txt")
    move = Finding("k2", 2, "bound", "consistent", "ok", "manual", "m", (), path="/repo/b.txt")
    none = Finding("k3", 3, "bound", "consistent", "ok", "manual", "m", ())
    out = list(PathBase(".", cwd="/repo").rebased([keep, move, none]))
    assert out[0] is keep and out[2] is none
    assert out[1].path == "b.txt" and out[1].key == "k2"
