"""The review workflow's store side: the review queue, reviewer corrections, claim detail.

A correction is a history row of kind "correction" written by `verdicts.record_in` in the
same transaction that reads the claim's current state, so the "from" side of its detail
is exactly what was replaced and a concurrent verdict can never be undone by it (the
correction keeps whatever status the claim has at that moment).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, NamedTuple

from sqlalchemy import insert, select
from sqlalchemy.engine import Connection, Row

from claims.core.figures.intervals import qualifier_interval
from claims.core.model import Qualifier, SourceType
from claims.errors import InputError, NotFound
from claims.records import ClaimDetail, ClaimRecord, SourceRecord, VerdictRecord
from claims.store.duplicates import duplicates_of
from claims.store.engine import Store
from claims.store.queries import get_claim, list_claims, via_for
from claims.store.sources import load_registry, norm, one_source, source_records
from claims.store.tables import claim, figure, source
from claims.store.verdicts import busy_retried, record_in

if TYPE_CHECKING:
    from claims.store.repropose import Reproposed

Builder = Callable[[Connection, Row[Any]], tuple[dict[str, Any], str]]


def review_queue(
    store: Store, *, source_id: int | None = None, article: str | int | None = None
) -> list[ClaimRecord]:
    """Unverified, live claims, most check-worthy first.

    A claim with figures and a named source is the one a desk can actually check (a
    number, and someone to hold to it), so those come first; ties keep reading order.
    """
    claims = list_claims(store, source_id=source_id, status="unverified", article=article)
    return sorted(claims, key=queue_key)


def queue_key(c: ClaimRecord) -> tuple[int, int, int]:
    """The review queue's order: figures and a source first, then reading order."""
    return (-(bool(c.figures) + (c.source is not None)), c.article_id, c.start)


def get_claim_detail(store: Store, claim_id: int) -> ClaimDetail | None:
    """`queries.get_claim` plus the claim's linked duplicates and whether a
    re-extraction superseded it (for `claims show` and `claims review`)."""
    detail = get_claim(store, claim_id)
    if detail is None:
        return None
    with store.read() as conn:
        dups = duplicates_of(conn, claim_id)
        superseded = conn.execute(
            select(claim.c.superseded).where(claim.c.id == claim_id)
        ).scalar_one_or_none()
    return dataclasses.replace(detail, duplicates=dups, superseded=superseded)


# --- corrections ------------------------------------------------------------------------


def _correct(
    store: Store,
    *,
    claim_id: int,
    reviewer: str,
    note: str | None,
    build: Builder,
    then: Callable[[Connection, Row[Any]], None] | None = None,
) -> VerdictRecord:
    """Lock the claim, let `build` describe the change, append it; retried when busy.

    `then` runs in the same transaction after the change is appended, so what follows
    from a correction (relations proposed again) is written with it or not at all.
    """

    def correct(conn: Connection) -> VerdictRecord:
        stmt = (
            select(claim, source.c.name.label("source_name"))
            .outerjoin(source, claim.c.source_id == source.c.id)
            .where(claim.c.id == claim_id)
        )
        if store.dialect == "postgresql":
            stmt = stmt.with_for_update(of=claim)
        current = conn.execute(stmt).first()
        if current is None:
            raise NotFound(f"no claim with id {claim_id}")
        if current.superseded is not None:
            raise InputError(f"claim {claim_id} was replaced by a re-extraction")
        detail, description = build(conn, current)
        record = record_in(
            conn,
            store.dialect,
            claim_id=claim_id,
            status=current.status,
            reviewer=reviewer,
            note=f"{description}: {note}" if note else description,
            evidence=(),
            expect_version=None,
            kind="correction",
            detail=detail,
        )
        if then is not None:
            then(conn, current)
        return record

    return busy_retried(store, correct)


def reattribute(
    store: Store, *, claim_id: int, source_id: int | None, reviewer: str, note: str | None = None
) -> VerdictRecord:
    """Credit the claim to another source (`None` = the article's own voice)."""

    def build(conn: Connection, current: Row[Any]) -> tuple[dict[str, Any], str]:
        if current.source_id == source_id:
            raise InputError(
                f"claim {claim_id} is already attributed to {_who(current.source_name)}"
            )
        new_name = one_source(conn, source_id).name if source_id is not None else None
        via = via_for(conn, select(claim.c.id).where(claim.c.id == claim_id)).get(claim_id, ())
        was: dict[str, Any] = {"source": current.source_name}
        if via:  # the chain goes with the old attribution (`record_in` clears it)
            was["via"] = list(via)
        detail = {"source_id": source_id, "from": was, "to": {"source": new_name}}
        chain = f" (via {'; '.join(via)})" if via else ""
        return detail, f"re-attributed: {_who(current.source_name)}{chain} → {_who(new_name)}"

    return _correct(store, claim_id=claim_id, reviewer=reviewer, note=note, build=build)


def _who(name: str | None) -> str:
    return name if name is not None else "the article's own voice"


def set_dismissed(
    store: Store, *, claim_id: int, dismissed: bool, reviewer: str, note: str | None = None
) -> VerdictRecord:
    """Dismiss (not a claim: hidden from lists and the queue) or restore a claim."""

    def build(conn: Connection, current: Row[Any]) -> tuple[dict[str, Any], str]:
        if bool(current.dismissed) == dismissed:
            state = "dismissed" if dismissed else "not dismissed"
            raise InputError(f"claim {claim_id} is already {state}")
        detail = {
            "dismissed": dismissed,
            "from": {"dismissed": not dismissed},
            "to": {"dismissed": dismissed},
        }
        return detail, "dismissed: not a claim" if dismissed else "restored"

    return _correct(store, claim_id=claim_id, reviewer=reviewer, note=note, build=build)


class FigureFix(NamedTuple):
    verdict: VerdictRecord
    reproposed: Reproposed | None  # set when a frame part changed


FIGURE_KEYS = ("value", "low", "high", "qualifier", "unit")
FRAME_KEYS = ("event", "role", "actor", "period", "place")


def fix_figure(
    store: Store,
    *,
    claim_id: int,
    figure_id: int,
    reviewer: str,
    value: float | None = None,
    qualifier: str | None = None,
    unit: str | None = None,
    low: float | None = None,
    high: float | None = None,
    frame: dict[str, str] | None = None,
    note: str | None = None,
) -> FigureFix:
    """Fix a figure's value, qualifier, unit or frame; its interval is recomputed from
    them.

    A range needs its two ends: `low` and `high`, or the figure's own when it already
    was a range. Its value is then the midpoint unless given. `frame` maps a frame
    part (event, role, actor, period, place) to its right value ("" clears it); the
    part's words become "(reviewer)". A frame change proposes the article's relations
    again (`repropose.repropose_article`) in the same transaction: a correction never
    lands with its relations left as they were.
    """

    def build(conn: Connection, current: Row[Any]) -> tuple[dict[str, Any], str]:
        row = conn.execute(
            select(figure).where(figure.c.id == figure_id, figure.c.claim_id == claim_id)
        ).first()
        if row is None:
            raise NotFound(f"no figure with id {figure_id} in claim {claim_id}")
        before = {k: getattr(row, k) for k in FIGURE_KEYS}
        numbers = any(x is not None for x in (value, qualifier, unit, low, high))
        after = _fixed(row, value, qualifier, unit, low, high) if numbers else dict(before)
        if frame:
            before.update({f"frame_{k}": getattr(row, f"frame_{k}") for k in FRAME_KEYS})
            after.update(_reframed(row, frame))
        if {k: v for k, v in after.items() if k in before} == before:
            raise InputError(f"figure {figure_id} already has these values")
        shown = {k: v for k, v in after.items() if k in before}
        detail = {
            "figure": {"id": figure_id, **after},
            "span": [row.start, row.end],
            "text": row.text,
            "from": before,
            "to": shown,
        }
        return detail, f"figure {figure_id} '{row.text}': {_fig(before)} → {_fig(shown)}"

    reproposed: list[Reproposed] = []

    def repropose(conn: Connection, current: Row[Any]) -> None:
        from claims.store.repropose import repropose_article

        reproposed[:] = [repropose_article(conn, current.article_id, (figure_id,))]

    verdict = _correct(store, claim_id=claim_id, reviewer=reviewer, note=note, build=build,
                       then=repropose if frame else None)
    return FigureFix(verdict, reproposed[0] if reproposed else None)


def _fixed(
    row: Row[Any],
    value: float | None,
    qualifier: str | None,
    unit: str | None,
    low: float | None,
    high: float | None,
) -> dict[str, Any]:
    try:
        qual = (
            Qualifier(qualifier.strip().lower().replace("-", "_"))
            if qualifier
            else Qualifier(row.qualifier)
        )
    except ValueError:
        valid = ", ".join(q.value for q in Qualifier)
        raise InputError(f"unknown qualifier {qualifier!r}; valid: {valid}") from None
    if qual is Qualifier.RANGE:
        was_range = row.qualifier == Qualifier.RANGE.value
        low = low if low is not None else (row.low if was_range else None)
        high = high if high is not None else (row.high if was_range else None)
        if low is None or high is None:
            raise InputError("a range needs --low and --high")
        if value is None:
            value = (
                row.value
                if was_range and low == row.low and high == row.high
                else ((low + high) / 2)
            )
    elif low is not None or high is not None:
        raise InputError("--low and --high are only for --qualifier range")
    val = float(row.value if value is None else value)
    lo, hi = qualifier_interval(val, qual, low, high)
    return {
        "value": val,
        "low": lo,
        "high": hi,
        "qualifier": qual.value,
        "unit": row.unit if unit is None else (unit.strip() or None),
    }


def _reframed(row: Row[Any], frame: dict[str, str]) -> dict[str, Any]:
    """The frame columns after a reviewer's fix, with the cross-article keys derived."""
    from claims.core.model import Frame
    from claims.records import frame_of_columns
    from claims.store.frames import frame_columns

    old = frame_of_columns(*(getattr(row, f"frame_{k}") for k in (*FRAME_KEYS, "words")))
    old = old or Frame()
    parts = {k: getattr(old, k) for k in FRAME_KEYS}
    words = dict(old.words)
    for key, val in frame.items():
        if key not in FRAME_KEYS:
            raise InputError(f"unknown frame part {key!r}; valid: {', '.join(FRAME_KEYS)}")
        parts[key] = " ".join(val.split()) or None
        words[key] = "(reviewer)"
    return frame_columns(Frame(**parts, words=tuple(words.items())))


def _num(x: float | None) -> str:
    if x is None:
        return "open"
    return str(int(x)) if float(x).is_integer() else f"{x:g}"


def _fig(f: dict[str, Any]) -> str:
    text = f"{f['qualifier']} {_num(f['value'])} [{_num(f['low'])}, {_num(f['high'])}]"
    text = f"{text} {f['unit']}" if f["unit"] else text
    frame = [f"{k} {f[f'frame_{k}'] or '—'}" for k in FRAME_KEYS if f"frame_{k}" in f]
    return f"{text}, {', '.join(frame)}" if frame else text


def ensure_source(store: Store, name: str, type_: str = "other") -> SourceRecord:
    """The source with exactly this name or alias, or a new one (`correct --new-source`)."""
    clean = " ".join(name.split())
    if not norm(clean):
        raise InputError("a source name cannot be empty")
    try:
        SourceType(type_)
    except ValueError:
        valid = ", ".join(t.value for t in SourceType)
        raise InputError(f"unknown source type {type_!r}; valid: {valid}") from None
    with store.write() as conn:
        key = norm(clean)
        for entry in load_registry(conn):
            if key in entry.norms():
                return source_records(conn, [entry.id])[0]
        new_id = conn.execute(insert(source).values(name=clean, type=type_)).inserted_primary_key[0]  # type: ignore[index]
        return source_records(conn, [new_id])[0]
