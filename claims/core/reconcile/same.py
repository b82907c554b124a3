"""Cross-article `same`: two articles' figures for one quantity, proposed at ingest.

Two reports of one night's attack agree (or not) on the drones launched, those downed,
the dead and the injured: each pair is the same role in the same place and period. So a
pair needs the same unit and role, frames that agree (`fit.one_quantity`: actor, event,
period, place), and publication dates within the window. An unknown date could be any
day, so it never rules a pair out; but nothing then places the two in one event window,
so such a pair needs the same named event, the same place and the same period, all
stated.

Figures are blocked by (unit, role) and indexed by their place, so the work is linear in
the figures plus the pairs of one block and place. The block and place are stored with
each figure (`block`, `places` columns: `block_key`, `place_key`), so ingest asks the
database only for earlier figures of the new figures' blocks and places.

The candidates of a new figure are bounded (`candidates`): of the other articles'
figures with its block and place and a date in its window (or none; an undated
article's: any date), only the
`SAME_CANDIDATES` most recently stored. Without a bound, a backlog ingested under one
date (or an undated archive) would pair each new figure with every earlier one of its
key, and each article would cost more than the one before. The stored `day` (`day_of`)
lets the database read exactly those, a day at a time, through an index.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, timedelta

from claims.core.model import FigureFact, Frame
from claims.core.reconcile.fit import Fit, fit_of, one_quantity
from claims.core.reconcile.frames import counted_unit

SAME_CANDIDATES = 64  # earlier figures a new figure is compared with, per block and place


def _day(published: str | None) -> date | None:
    try:
        return date.fromisoformat(published[:10]) if published else None
    except ValueError:
        return None


def day_of(published: str | None) -> str | None:
    """The publication day as stored with each figure (ISO), None when undated or not a
    date: the window `infer_same` compares is a range of these."""
    day = _day(published)
    return day.isoformat() if day is not None else None


def window_days_of(published: str | None, window_days: int) -> tuple[str, ...] | None:
    """The stored days of the window around a figure's publication day (None when
    undated: it may pair with any day); undated figures pair with either."""
    day = _day(published)
    if day is None:
        return None
    return tuple((day + timedelta(days=k)).isoformat()
                 for k in range(-window_days, window_days + 1))


def block_key(frame: Frame | None) -> str:
    """The block a figure is in for cross-article `same` (within its unit): its role,
    "" when it has none (nothing says what it counts: it pairs with nothing)."""
    return f"r:{frame.role}" if frame is not None and frame.role else ""


def place_key(frame: Frame | None) -> str:
    """The figure's place (its innermost name, lower case), with a space at each end
    (" lower harran "), as stored: a pair must share it; "" for none."""
    fit = fit_of(frame)
    if fit.place is None or fit.generic_place:  # "the town" of one article is not another's
        return ""
    return f" {fit.place} "


def unit_of(f: FigureFact) -> str | None:
    """The figure's unit, or "person" for a count of people without a noun ("18 died")."""
    return counted_unit(f.unit, f.frame.role if f.frame else None)


def _days_close(da: date | None, db: date | None, window_days: int) -> bool:
    """Within the window; an unknown date could be any day, so it never rules a pair out
    (a wire copy dated "Sept 13" and a local paper dated 13 September 2026 still meet)."""
    if da is None or db is None:
        return True
    return abs((da - db).days) <= window_days


# Events that a place names by itself ("the floods in Lower Harran"); a poll, an
# election or a debate needs its own name ("the Quinnipiac poll") to be one event.
PLACE_BOUND = frozenset((
    "attack", "strike", "assault", "offensive", "bombardment", "shelling", "bombing",
    "barrage", "raid", "flood", "flooding", "earthquake", "quake", "storm", "hurricane",
    "typhoon", "cyclone", "tornado", "wildfire", "blaze", "landslide", "heatwave",
    "drought", "eruption", "explosion", "blast", "crash", "collapse", "shooting", "stampede",
    "outbreak", "epidemic",
))


def named_event(fit: Fit) -> bool:
    """An event a reader can tell apart from others of its kind: named ("Hurricane
    Matthew", "the Quinnipiac poll"), or of a kind its place names (floods in a stated
    place)."""
    if fit.event is None:
        return False
    words = fit.event.split()
    return len(words) > 1 or (words[-1] in PLACE_BOUND and fit.place is not None
                              and "place" not in fit.lead)


def _undated_pair(a: Fit, b: Fit) -> bool:
    """Two reports one of which is undated are one event only when both name it and the
    place, in their own words, and their periods are stated alike (or both unstated)."""
    if "place" in a.lead | b.lead or a.generic_place or "role" in a.lead | b.lead:
        return False
    if not (named_event(a) and named_event(b)) or a.event != b.event:
        return False
    if (a.period is None) != (b.period is None):
        return False
    return a.period is None or b.period is None or a.period.label == b.period.label


def pair_confidence(a: Fit, b: Fit, strong: bool) -> str:
    """High when role and place are stated in both claims (not taken from the lead) and
    agree, and nothing else is known on one side only; medium otherwise."""
    if strong and "place" not in a.lead | b.lead and "role" not in a.lead | b.lead:
        return "high"
    return "medium"


def same_key(f: FigureFact) -> tuple[str, str] | None:
    """The stored (block, places) a figure is looked up by, None when it pairs with
    nothing (no unit, role or place)."""
    block = block_key(f.frame)
    if unit_of(f) is None or not block:
        return None
    place = place_key(f.frame)
    return (block, place) if place else None


Pool = tuple[tuple[str, str], int, date | None]  # (key, new article, its day)


def _pools(
    new: Sequence[FigureFact], existing: Iterable[FigureFact], window_days: int, limit: int
) -> dict[Pool, list[FigureFact]]:
    """For each new figure's key, article and day, the `limit` most recently stored
    (highest id) figures of other articles with that (block, places) and a day in the
    window or none (an undated article's: any day), newest first."""
    wanted: dict[tuple[str, str], set[tuple[int, date | None]]] = {}
    for f in new:
        key = same_key(f)
        if key is not None:
            wanted.setdefault(key, set()).add((f.article_id, _day(f.published)))
    pools: dict[Pool, list[FigureFact]] = {}
    for g in existing:
        block = block_key(g.frame)
        sites = wanted.get((block, place_key(g.frame))) if block else None
        if not sites:
            continue
        dg = _day(g.published)
        for aid, da in sites:
            if g.article_id != aid and _days_close(da, dg, window_days):
                pools.setdefault(((block, place_key(g.frame)), aid, da), []).append(g)
    for pool in pools.values():
        pool.sort(key=lambda g: g.id, reverse=True)
        del pool[limit:]
    return pools


def candidates(
    new: Sequence[FigureFact], existing: Iterable[FigureFact], *, window_days: int = 3,
    limit: int = SAME_CANDIDATES,
) -> list[FigureFact]:
    """The earlier figures the new ones are compared with, in id order: per new figure,
    the `limit` most recent of other articles with its (block, places) in its window.
    Anything else in `existing` is ignored, so a caller may pass more."""
    chosen = {g.id: g for pool in _pools(new, existing, window_days, limit).values()
              for g in pool}
    return [chosen[i] for i in sorted(chosen)]


def infer_same(
    new: Sequence[FigureFact], existing: Sequence[FigureFact], *, window_days: int = 3,
    limit: int = SAME_CANDIDATES,
) -> tuple[tuple[int, int, str, str, tuple[str, ...]], ...]:
    """`same` proposals (new id, other id, rule, confidence, evidence) between figures
    of different articles; a new figure meets only its `candidates` in `existing`."""
    pools = _pools(new, existing, window_days, limit)
    allowed = {k: {g.id for g in pool} for k, pool in pools.items()}
    chosen = {g.id: g for pool in pools.values() for g in pool}
    existing = [chosen[i] for i in sorted(chosen)]  # id order: ties below keep the first
    keep: dict[tuple[int, str | None, str, float, str], FigureFact] = {}
    for f in (*new, *existing):
        block = block_key(f.frame)
        if unit_of(f) is None or not block or not place_key(f.frame):
            continue
        # A headline repeating a body figure would double every proposal: keep one.
        dk = (f.article_id, unit_of(f), block, f.value, str(f.qualifier))
        if dk not in keep or len(keep[dk].context) < len(f.context):
            keep[dk] = f
    blocks: dict[tuple[str | None, str, str], list[FigureFact]] = {}
    for f in keep.values():
        blocks.setdefault((unit_of(f), block_key(f.frame), place_key(f.frame)), []).append(f)
    new_ids = {f.id for f in new}
    out: set[tuple[int, int, str, str, tuple[str, ...]]] = set()
    for members in blocks.values():
        fresh = [m for m in members if m.id in new_ids]
        for a in fresh:
            fa, da = fit_of(a.frame), _day(a.published)
            key = same_key(a)
            mine = allowed.get((key, a.article_id, da), set()) if key else set()
            for b in members:
                if b.article_id == a.article_id or (b.id in new_ids and b.id <= a.id):
                    continue
                if b.id not in new_ids and b.id not in mine:
                    continue
                db = _day(b.published)
                if not _days_close(da, db, window_days):
                    continue
                fb = fit_of(b.frame)
                ok, strong, ev = one_quantity(fa, fb)
                if not ok or ((da is None or db is None) and not _undated_pair(fa, fb)):
                    continue
                same_metric = bool(a.metric and b.metric and a.metric == b.metric)
                rule = "same-metric" if same_metric else "same-context"
                out.add((a.id, b.id, rule, pair_confidence(fa, fb, strong), tuple(ev)))
    return tuple(sorted(out))
