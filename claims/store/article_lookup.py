"""`--article`: the one resolver every command that takes an article goes through.

A reviewer types "hospitals" for `hospitals.txt`, a path, a name, or an id from a list.
The answer must be exactly one article or a clear error: a filter that silently matched
nothing (or two articles of one name) hides claims from a list, an export or the gate.

`match_article` is the rule, over plain `(id, name, origin)` rows and with no database
import, so the lean read path of `claims list` (`claims.store.fastread`, stdlib sqlite3)
applies the same rule as `resolve_article`, which every other command calls.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import PurePath
from typing import TYPE_CHECKING

from claims.errors import UnknownArticle

if TYPE_CHECKING:
    from claims.records import ArticleRecord
    from claims.store.engine import Store

ArticleRow = tuple[int, str, str]  # id, name, origin
MAX_LISTED = 5
MAX_SUGGESTED = 3
SUGGESTION_FLOOR = 70  # WRatio: "shools" finds schools.txt, not hospitals.txt (60)
LARGEST_ID = 2**63 - 1


def _as_id(ref: str) -> int | None:
    text = ref.strip()
    if text.isascii() and text.isdigit() and 0 < int(text) <= LARGEST_ID:
        return int(text)
    return None


def _levels(ref: str) -> tuple[Callable[[ArticleRow], bool], ...]:
    """The tests, strictest first: id, origin (the path as stored or as typed here),
    exact name, name ignoring case, unique stem, unique substring."""
    from claims.inputs import stored_origin

    key = ref.strip().casefold()
    as_id = _as_id(ref)
    origins = {ref, stored_origin(ref)}
    return (
        lambda r: r[0] == as_id,
        lambda r: r[2] in origins,
        lambda r: r[1] == ref,
        lambda r: r[1].casefold() == key,
        lambda r: PurePath(r[1]).stem.casefold() == key,
        lambda r: key in r[1].casefold(),
    )


def match_article(ref: str, rows: Sequence[ArticleRow]) -> int:
    """The id of the one article `ref` names, else `UnknownArticle` listing candidates.

    At the first test that any article passes, one article is the answer and several are
    an ambiguity (two files of one name from different folders, say), reported with
    their ids and paths so the user can pick one.
    """
    if ref.strip():
        for test in _levels(ref):
            found = [r for r in rows if test(r)]
            if len(found) == 1:
                return found[0][0]
            if found:
                raise _ambiguous(ref, found)
    raise _unknown(ref, rows)


def _ambiguous(ref: str, found: Sequence[ArticleRow]) -> UnknownArticle:
    names = [r[1] for r in found]
    shown = [
        f"{name} (id {aid}, {origin})" if names.count(name) > 1 else name
        for aid, name, origin in found[:MAX_LISTED]
    ]
    more = f" and {len(found) - MAX_LISTED} more" if len(found) > MAX_LISTED else ""
    return UnknownArticle(
        f"article '{ref}' matches {len(found)} articles: {', '.join(shown)}{more}; "
        f"give the full name, the path or the id",
        tuple(names),
    )


def _unknown(ref: str, rows: Sequence[ArticleRow]) -> UnknownArticle:
    from rapidfuzz import fuzz, process

    # stems against stems: every file name ends in ".txt", which is no resemblance
    stems = {name: PurePath(name).stem for name in sorted({r[1] for r in rows})}
    close = process.extract(
        PurePath(ref.strip()).stem, stems, scorer=fuzz.WRatio, limit=MAX_SUGGESTED,
        score_cutoff=SUGGESTION_FLOOR,
    ) if ref.strip() else []
    candidates = tuple(name for _, _, name in close)
    if candidates:
        return UnknownArticle(
            f"unknown article '{ref}'; did you mean: {', '.join(candidates)}?", candidates
        )
    return UnknownArticle(f"unknown article '{ref}'; `claims articles` lists the articles", ())


def resolve_article(store: Store, ref: str) -> ArticleRecord:
    """The article `ref` names: an id, a path, a name, a unique stem or a unique
    substring ("hospitals" for `hospitals.txt`); else `UnknownArticle` (exit 2) listing
    candidates. Every command that takes `--article` (or an article argument) calls this.

    Exact references (id, path, name) are looked up first; the whole list of articles is
    read only when they match nothing.
    """
    from sqlalchemy import or_, select

    from claims.inputs import stored_origin
    from claims.store.queries import article_record
    from claims.store.tables import article

    columns = (article.c.id, article.c.name, article.c.origin)
    exact = [article.c.name == ref, article.c.origin.in_({ref, stored_origin(ref)})]
    as_id = _as_id(ref)
    if as_id is not None:
        exact.append(article.c.id == as_id)
    with store.read() as conn:
        rows = [tuple(r) for r in conn.execute(
            select(*columns).where(or_(*exact)).order_by(article.c.id))]
        if not rows:
            rows = [tuple(r) for r in conn.execute(select(*columns).order_by(article.c.id))]
        chosen = match_article(ref, rows)  # type: ignore[arg-type]
        record = conn.execute(
            select(*[c for c in article.c if c.name != "text"]).where(article.c.id == chosen)
        ).one()
    return article_record(record)
