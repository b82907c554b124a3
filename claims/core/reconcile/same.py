"""Cross-article `same`: two articles' figures for one quantity, proposed at ingest.

Figures are blocked by unit and event (or metric label), so the work is linear in the
figures plus the pairs inside a block; a pair also needs publication dates within the
window (an unknown date is never out of it), the same years and kind of area, and a
shared place or body name. The block and the place words are stored with each figure (`block_key`,
`place_key`), so the store can look up the candidates instead of reading a whole window.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from functools import cached_property, lru_cache

from claims.core.model import FigureFact
from claims.core.reconcile.context import (
    _DIRECTION,
    Scope,
    area_levels,
    event_of,
    is_limit,
    metric_key,
    place_words,
    years_near,
)


def _day(published: str | None) -> date | None:
    try:
        return date.fromisoformat(published[:10]) if published else None
    except ValueError:
        return None


@lru_cache(maxsize=1 << 16)
def _block_of(context: str, text: str, metric: str | None) -> str | None:
    """Block key of a figure with a unit: the event counted (from the metric or the
    words), else the metric; None for a limit or target, or when nothing says what is
    counted. Memoised: ingest asks it again for every stored figure in the window of
    each new article, and the answer depends on these strings only."""
    s = context.find(text)
    if s >= 0 and is_limit(context, s, s + len(text)):
        return None
    ev = event_of(context, max(0, s), max(0, s) + len(text), metric)
    if ev is not None:
        return "e:" + ev
    return "m:" + metric_key(metric) if metric else None


def block_key(context: str, text: str, metric: str | None) -> str:
    """The block `infer_same` puts a figure in (within its unit), as stored on the
    figure row so that ingest loads only the earlier figures of the new figures'
    blocks; "" when it can never be `same` with another article's figure (a limit, or
    nothing says what is counted). `claims reextract` recomputes it."""
    return _block_of(context, text, metric) or ""


def place_key(context: str, text: str, metric: str | None) -> str:
    """The place and direction words around a figure, space-separated with a space at
    each end (" kyiv north "), as stored on the figure row: a `same` pair must share one
    (`_Around.shares_with`), so ingest asks the database only for earlier figures of the
    new figures' blocks that hold one of their words."""
    return f" {' '.join(sorted(_around(context, text, metric).words))} "


def useful_words(context: str, text: str, metric: str | None, source: str | None) -> set[str]:
    """The words of a new figure that can make it agree with another figure: a word of
    its own source's name is removed from both scopes of every pair it is in, unless it
    is a direction (`shares_with`)."""
    ra = _around(context, text, metric)
    own = _pair_names(source, None)
    return {w for w in ra.words if w in ra.directions or w not in own}


@dataclass(frozen=True)
class _Around:
    """What `scope()` finds around a figure before the pair's source names are removed."""

    years: frozenset[str]
    local: bool
    near: frozenset[str]  # place words in the window around the figure
    directions: frozenset[str]  # "north", "coastal"… in that window (never subtracted)
    labelled: frozenset[str]  # place words of the metric label

    def scope(self, names: frozenset[str]) -> Scope:
        """`scope(..., sources)` for a pair whose source names give `names`."""
        labelled = self.labelled - names
        return Scope(self.years, self.local,
                     frozenset(((self.near - names) | self.directions) | labelled), labelled)

    @cached_property
    def words(self) -> frozenset[str]:
        """Every place or direction word: what two scopes must share to agree at all."""
        return self.near | self.directions | self.labelled

    def shares_with(self, other: _Around, names: frozenset[str]) -> bool:
        """`self.scope(names).agrees(other.scope(names), shared=True)` without building
        the two scopes: ingest asks it for every pair of a block, and most pairs share
        no word at all (a hypothesis test checks it equals the original)."""
        if self.years != other.years:
            return False
        la, lb = self.labelled - names, other.labelled - names
        if la and lb:
            return bool(la & lb)
        if self.local != other.local:
            return False
        for word in self.words & other.words:
            if (word in self.directions or word not in names) and (
                word in other.directions or word not in names
            ):
                return True
        return False


@lru_cache(maxsize=1 << 14)
def _around(context: str, text: str, metric: str | None) -> _Around:
    s = max(0, context.find(text))
    e = s + len(text)
    window = context[max(0, s - 80) : e + 80]
    return _Around(
        years=years_near(context, s, e), local=area_levels(context, s, e)[0] == 1,
        near=frozenset(place_words(window)),
        directions=frozenset(_DIRECTION.findall(window.lower())),
        labelled=frozenset(place_words(metric or "")),
    )


@lru_cache(maxsize=1 << 14)
def _pair_names(a: str | None, b: str | None) -> frozenset[str]:
    """Place words of a pair's two source names (removed from both scopes); memoised
    across articles, since the same sources meet again and again."""
    return frozenset(place_words(" ".join(s for s in (a, b) if s)))


def _days_close(da: date | None, db: date | None, window_days: int) -> bool:
    """Within the window; an unknown date could be any day, so it never rules a pair out
    (a wire copy dated "Sept 13" and a local paper dated 13 September 2026 still meet)."""
    if da is None or db is None:
        return True
    return abs((da - db).days) <= window_days


def infer_same(
    new: Sequence[FigureFact], existing: Sequence[FigureFact], *, window_days: int = 3
) -> tuple[tuple[int, int, str], ...]:
    """`same` proposals (new id, other id, rule) between figures of different articles.

    Blocked by (unit, event or metric key), so the work is linear in the figures plus
    the pairs inside a block; a pair also needs publication dates within the window (an
    unknown date is never out of it), the same years and kind of area, and a shared place
    or body name. Only blocks that hold a new figure are looked at closely: the figures
    of the others are keyed and nothing more.
    """
    keep: dict[tuple[int, str | None, str, float, str], tuple[str, FigureFact]] = {}
    for f in (*new, *existing):
        key = None if f.unit is None else _block_of(f.context, f.text, f.metric)
        if key is None:
            continue
        # A headline repeating a body figure would double every proposal: keep one.
        dk = (f.article_id, f.unit, key, f.value, str(f.qualifier))
        if dk not in keep or len(keep[dk][1].context) < len(f.context):
            keep[dk] = (key, f)
    blocks: dict[tuple[str | None, str], list[FigureFact]] = {}
    for key, f in keep.values():
        blocks.setdefault((f.unit, key), []).append(f)
    new_ids = {f.id for f in new}
    days: dict[int, date | None] = {}
    out: set[tuple[int, int, str]] = set()
    for members in blocks.values():
        fresh = [m for m in members if m.id in new_ids]
        if not fresh:
            continue
        for m in members:
            if m.id not in days:
                days[m.id] = _day(m.published)
        arounds = [_around(m.context, m.text, m.metric) for m in members]
        # A pair must share a place or direction word (`shares_with`): index them.
        by_word: dict[str, list[int]] = {}
        for i, rb in enumerate(arounds):
            for word in rb.words:
                by_word.setdefault(word, []).append(i)
        for a in fresh:
            ra = _around(a.context, a.text, a.metric)
            mine = useful_words(a.context, a.text, a.metric, a.source)
            near = sorted({i for word in mine for i in by_word.get(word, ())})
            for b, rb in ((members[i], arounds[i]) for i in near):
                if b.article_id == a.article_id or (b.id in new_ids and b.id <= a.id):
                    continue
                if ra.years != rb.years:
                    continue  # what `agrees` tests first, before any name is removed
                if not _days_close(days[a.id], days[b.id], window_days):
                    continue
                names = _pair_names(a.source, b.source)
                if not ra.shares_with(rb, names):
                    continue
                same_metric = bool(a.metric and b.metric
                                   and metric_key(a.metric) == metric_key(b.metric))
                out.add((a.id, b.id, "same-metric" if same_metric else "same-context"))
    return tuple(sorted(out))
