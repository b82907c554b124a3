"""Reconciliation: check numeric relations between figures with interval arithmetic.

A figure's interval (`low`, `high`, `None` = unbounded) already encodes its qualifier, so
"more than ten" and "about 200" are checked by the same arithmetic as exact counts. Each
relation costs one dict lookup per member and no pairwise step, because the check runs
over every stored figure of a newsroom (a million and more).
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence

from claims.core.model import FigureFact, Finding, FindingFigure, Interval, Qualifier, Relation

SEVERITY = {"consistent": "ok", "incomplete": "warning", "contradiction": "error",
            "conflict": "error"}
ROLES = {"partition": ("total", "part"), "bound": ("smaller", "larger"), "same": ("a", "b")}

# Relative slack so that 1.2 + 0.9 is not "less than" 2.1 because of binary floats.
_EPS = 1e-9


def _tol(x: float) -> float:
    return _EPS * max(1.0, abs(x))


def fmt_number(x: float) -> str:
    """Thousands separators, no trailing `.0`, float noise rounded away."""
    r = round(x, 9)
    if r == int(r):
        return f"{int(r):,}"
    return f"{r:,.9f}".rstrip("0").rstrip(".")


def interval_of(fig: FigureFact) -> Interval:
    return Interval(fig.low, fig.high)


def add(a: Interval, b: Interval) -> Interval:
    low = None if a.low is None or b.low is None else a.low + b.low
    high = None if a.high is None or b.high is None else a.high + b.high
    return Interval(low, high)


def sub(a: Interval, b: Interval) -> Interval:
    """a − b: the lowest a minus the highest b, up to the highest a minus the lowest b."""
    low = None if a.low is None or b.high is None else a.low - b.high
    high = None if a.high is None or b.low is None else a.high - b.low
    return Interval(low, high)


def below(a: Interval, b: Interval) -> bool:
    """True when every value of `a` is under every value of `b` (no overlap, a left of b)."""
    return a.high is not None and b.low is not None and a.high < b.low - _tol(b.low)


def overlaps(a: Interval, b: Interval) -> bool:
    return not below(a, b) and not below(b, a)


def partition_outcome(total: Interval, parts: Interval) -> str:
    if below(parts, total):
        return "incomplete"
    if below(total, parts):
        return "contradiction"
    return "consistent"


def bound_outcome(smaller: Interval, larger: Interval) -> str:
    return "contradiction" if below(larger, smaller) else "consistent"


def same_outcome(a: Interval, b: Interval) -> str:
    return "consistent" if overlaps(a, b) else "conflict"


def finding_key(kind: str, figures: Sequence[FigureFact]) -> str:
    """Content identity (article name and spans), never database ids, so that an
    acknowledgement survives re-ingest and dump/load."""
    h = hashlib.sha256(kind.encode())
    for f in figures:
        h.update(f"\x1f{f.article}\x1e{f.start}\x1e{f.end}".encode())
    return f"{kind}:{h.hexdigest()[:16]}"


def _shown(fig: FigureFact) -> str:
    """An exact figure as its number ("five" → 5), a qualified one as written."""
    return fmt_number(fig.value) if fig.qualifier == Qualifier.EXACT else fig.text


def _amount(iv: Interval, point: float) -> str:
    if iv.low is not None and iv.high is not None and abs(iv.high - iv.low) <= _tol(iv.high):
        return fmt_number(iv.low)
    if iv.low is not None and iv.high is None:
        return f"at least {fmt_number(iv.low)}"
    if iv.low is None and iv.high is not None:
        return f"at most {fmt_number(iv.high)}"
    if iv.low is None or iv.high is None:
        return f"about {fmt_number(point)}"
    return f"{fmt_number(point)} ({fmt_number(iv.low)} to {fmt_number(iv.high)})"


def _sum(parts: Sequence[FigureFact]) -> Interval:
    """The interval of a sum of parts; an open end anywhere leaves that end open."""
    low: float | None = 0.0
    high: float | None = 0.0
    for p in parts:
        low = None if low is None or p.low is None else low + p.low
        high = None if high is None or p.high is None else high + p.high
    return Interval(low, high)


def _partition(total: FigureFact, parts: Sequence[FigureFact]) -> tuple[str, str, Interval]:
    psum = _sum(parts)
    tiv = Interval(total.low, total.high)
    outcome = partition_outcome(tiv, psum)
    point_sum = sum(p.value for p in parts)
    remainder = sub(tiv, psum)
    exact_parts = all(p.qualifier == Qualifier.EXACT for p in parts)
    sum_text = fmt_number(point_sum) if exact_parts else _amount(psum, point_sum)
    head = f"{' + '.join(_shown(p) for p in parts)} = {sum_text} of {_shown(total)}"
    if outcome == "incomplete":
        left = _amount(remainder, total.value - point_sum)
        return outcome, f"{head}: {left} unaccounted", remainder
    if outcome == "contradiction":
        over = _amount(sub(psum, tiv), point_sum - total.value)
        return outcome, f"{head}: {over} too many", remainder
    return outcome, head, remainder


def _bound(smaller: FigureFact, larger: FigureFact) -> tuple[str, str]:
    outcome = bound_outcome(interval_of(smaller), interval_of(larger))
    if outcome == "contradiction":
        return outcome, f"{smaller.text} > {larger.text}: exceeds its bound"
    return outcome, f"{smaller.text} ≤ {larger.text}"


def _same(a: FigureFact, b: FigureFact) -> tuple[str, str]:
    outcome = same_outcome(interval_of(a), interval_of(b))
    if outcome == "conflict":
        return outcome, f"{a.text} vs {b.text}: conflict"
    return outcome, f"{a.text} ~ {b.text}"


def check_one(rel: Relation, figs: Sequence[FigureFact], acks: Mapping[str, str]) -> Finding:
    """The finding for one relation whose member figures are already looked up."""
    kind = rel.kind
    if kind not in ROLES or len(figs) < 2 or (kind != "partition" and len(figs) != 2):
        raise ValueError(f"relation {rel.id}: a {kind!r} cannot have {len(figs)} figures")
    remainder: Interval | None = None
    extra: dict[str, object] = {}
    if kind == "partition":
        outcome, message, remainder = _partition(figs[0], figs[1:])
        extra["remainder_value"] = figs[0].value - sum(p.value for p in figs[1:])
    elif kind == "bound":
        outcome, message = _bound(figs[0], figs[1])
    else:
        outcome, message = _same(figs[0], figs[1])
    first, rest = ROLES[kind]
    members = tuple(
        FindingFigure(id=f.id, claim=f.claim_id, text=f.text, role=first if i == 0 else rest)
        for i, f in enumerate(figs)
    )
    key = finding_key(kind, figs)
    anchor = figs[0]
    return Finding(
        key=key, relation=rel.id, kind=kind, outcome=outcome, severity=SEVERITY[outcome],
        origin=rel.origin, message=message, figures=members, rule=rel.rule,
        remainder=remainder, acknowledged=key in acks, note=acks.get(key),
        article=anchor.article, path=anchor.origin, line=anchor.line, extra=extra,
    )


def check(
    relations: Sequence[Relation],
    figures: Mapping[int, FigureFact],
    acks: Mapping[str, str] | None = None,
) -> tuple[Finding, ...]:
    """One finding per checkable relation, in input order.

    Rejected relations are skipped (reviewers said they do not hold), and so are
    relations with a figure missing from `figures` (filtered out by `--article`).
    """
    acks = acks or {}
    out: list[Finding] = []
    for rel in relations:
        if rel.state == "rejected":
            continue
        figs = [figures.get(i) for i in rel.figure_ids]
        present = [f for f in figs if f is not None]
        if len(present) != len(figs):
            continue
        out.append(check_one(rel, present, acks))
    return tuple(out)
