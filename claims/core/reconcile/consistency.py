"""Reconciliation: check numeric relations between figures with interval arithmetic.

A figure's interval (`low`, `high`, `None` = unbounded) already encodes its qualifier, so
"more than ten" and "about 200" are checked by the same arithmetic as exact counts. Each
relation costs one dict lookup per member and no pairwise step, because the check runs
over every stored figure of a newsroom (a million and more).
"""

from __future__ import annotations

import hashlib
import math
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Protocol, cast

from claims.core.model import FigureFact, Finding, FindingFigure, Interval, Qualifier, Relation

SEVERITY = {"consistent": "ok", "incomplete": "warning", "contradiction": "error",
            "conflict": "error"}
CONFIDENCES = ("high", "medium", "low")
_RANK = {"high": 3, "medium": 2, "low": 1}
ROLES = {"partition": ("total", "part"), "bound": ("smaller", "larger"), "same": ("a", "b")}

# Relative slack so that 1.2 + 0.9 is not "less than" 2.1 because of binary floats.
_EPS = 1e-9


class Bounded(Protocol):
    """Anything with an interval's ends: an `Interval`, or a figure (checked as is, so a
    million relations need not build an `Interval` per figure)."""

    @property
    def low(self) -> float | None: ...
    @property
    def high(self) -> float | None: ...


class CheckedFigure(Protocol):
    """What checking reads of a figure: a `FigureFact`, or the gate's lean `CheckFigure`."""

    @property
    def id(self) -> int: ...
    @property
    def claim_id(self) -> int: ...
    @property
    def article(self) -> str: ...
    @property
    def origin(self) -> str: ...
    @property
    def text(self) -> str: ...
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def value(self) -> float: ...
    @property
    def low(self) -> float | None: ...
    @property
    def high(self) -> float | None: ...
    @property
    def qualifier(self) -> Qualifier: ...
    @property
    def line(self) -> int | None: ...


def _tol(x: float) -> float:
    return _EPS * max(1.0, abs(x))


def clean(x: float) -> float:
    """`x` without binary float noise: 15 significant digits (a double holds 15 to 17),
    so 65.4e9 computed as 65400000000.0000076 and 0.1 + 0.2 print as written."""
    if x == 0 or not math.isfinite(x) or float(x).is_integer():
        return x
    r = round(x, 14 - int(math.floor(math.log10(abs(x)))))
    return float(int(r)) if r == int(r) and abs(r) < 2**53 else r


def fmt_number(x: float) -> str:
    """Thousands separators, no trailing `.0`, float noise rounded away."""
    if type(x) is float and x.is_integer() and abs(x) < 1e15:  # most figures: skip it
        return f"{int(x):,}"
    r = clean(x)
    if r == int(r):
        return f"{int(r):,}"
    return f"{r:,.15f}".rstrip("0").rstrip(".")


def interval_of(fig: CheckedFigure) -> Interval:
    return Interval(fig.low, fig.high)


def add(a: Interval, b: Interval) -> Interval:
    low = None if a.low is None or b.low is None else a.low + b.low
    high = None if a.high is None or b.high is None else a.high + b.high
    return Interval(low, high)


def sub(a: Bounded, b: Bounded) -> Interval:
    """a − b: the lowest a minus the highest b, up to the highest a minus the lowest b."""
    low = None if a.low is None or b.high is None else a.low - b.high
    high = None if a.high is None or b.low is None else a.high - b.low
    return Interval(low, high)


def below(a: Bounded, b: Bounded) -> bool:
    """True when every value of `a` is under every value of `b` (no overlap, a left of b)."""
    return a.high is not None and b.low is not None and a.high < b.low - _tol(b.low)


def overlaps(a: Bounded, b: Bounded) -> bool:
    return not below(a, b) and not below(b, a)


def partition_outcome(total: Bounded, parts: Bounded) -> str:
    if below(parts, total):
        return "incomplete"
    if below(total, parts):
        return "contradiction"
    return "consistent"


def bound_outcome(smaller: Bounded, larger: Bounded) -> str:
    return "contradiction" if below(larger, smaller) else "consistent"


def same_outcome(a: Bounded, b: Bounded) -> str:
    return "consistent" if overlaps(a, b) else "conflict"


def finding_key(kind: str, figures: Sequence[CheckedFigure]) -> str:
    """Content identity (article name and spans), never database ids, so that an
    acknowledgement survives re-ingest and dump/load."""
    text = kind + "".join([f"\x1f{f.article}\x1e{f.start}\x1e{f.end}" for f in figures])
    return f"{kind}:{hashlib.sha256(text.encode()).hexdigest()[:16]}"


def _shown(fig: CheckedFigure) -> str:
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


def _sum(parts: Sequence[CheckedFigure]) -> Interval:
    """The interval of a sum of parts; an open end anywhere leaves that end open."""
    low: float | None = 0.0
    high: float | None = 0.0
    for p in parts:
        low = None if low is None or p.low is None else low + p.low
        high = None if high is None or p.high is None else high + p.high
    return Interval(low, high)


def _partition(
    total: CheckedFigure, parts: Sequence[CheckedFigure]
) -> tuple[str, str, Interval, float]:
    """Outcome, message, remainder interval, and the parts' point sum."""
    psum = _sum(parts)
    outcome = partition_outcome(total, psum)
    point_sum = sum(p.value for p in parts)
    remainder = sub(total, psum)
    exact_parts = all(p.qualifier == Qualifier.EXACT for p in parts)
    sum_text = fmt_number(point_sum) if exact_parts else _amount(psum, point_sum)
    head = f"{' + '.join(_shown(p) for p in parts)} = {sum_text} of {_shown(total)}"
    if outcome == "incomplete":
        left = _amount(remainder, total.value - point_sum)
        return outcome, f"{head}: {left} unaccounted", remainder, point_sum
    if outcome == "contradiction":
        over = _amount(sub(psum, total), point_sum - total.value)
        return outcome, f"{head}: {over} too many", remainder, point_sum
    return outcome, head, remainder, point_sum


def _bound(smaller: CheckedFigure, larger: CheckedFigure) -> tuple[str, str]:
    outcome = bound_outcome(smaller, larger)
    if outcome == "contradiction":
        return outcome, f"{smaller.text} > {larger.text}: exceeds its bound"
    return outcome, f"{smaller.text} ≤ {larger.text}"


def _same(a: CheckedFigure, b: CheckedFigure) -> tuple[str, str]:
    outcome = same_outcome(a, b)
    if outcome == "conflict":
        return outcome, f"{a.text} vs {b.text}: conflict"
    return outcome, f"{a.text} ~ {b.text}"


def gates(rel: Relation, min_confidence: str = "high") -> bool:
    """Whether a relation's findings can fail the gate: declared and accepted ones always;
    a proposal when its confidence reaches `min_confidence` (one without a confidence,
    proposed before confidences existed, never does)."""
    if rel.origin == "manual" or rel.state == "accepted":
        return True
    return _RANK.get(rel.confidence or "", 0) >= _RANK[min_confidence]


def check_one(
    rel: Relation, figs: Sequence[CheckedFigure], acks: Mapping[str, str],
    min_confidence: str = "high",
) -> Finding:
    """The finding for one relation whose member figures are already looked up."""
    kind = rel.kind
    if kind not in ROLES or len(figs) < 2 or (kind != "partition" and len(figs) != 2):
        raise ValueError(f"relation {rel.id}: a {kind!r} cannot have {len(figs)} figures")
    remainder: Interval | None = None
    extra: dict[str, object] = {}
    anchor = figs[0]
    if kind == "partition":
        outcome, message, remainder, point_sum = _partition(anchor, figs[1:])
        extra["remainder_value"] = anchor.value - point_sum
    elif kind == "bound":
        outcome, message = _bound(anchor, figs[1])
    else:
        outcome, message = _same(anchor, figs[1])
    first, rest = ROLES[kind]
    members = [FindingFigure(anchor.id, anchor.claim_id, anchor.text, first)]
    members += [FindingFigure(f.id, f.claim_id, f.text, rest) for f in figs[1:]]
    key = finding_key(kind, figs)
    acked = key in acks
    return Finding(
        key=key, relation=rel.id, kind=kind, outcome=outcome, severity=SEVERITY[outcome],
        origin=rel.origin, message=message, figures=tuple(members), rule=rel.rule,
        remainder=remainder, acknowledged=acked, note=acks.get(key) if acked else None,
        article=anchor.article, path=anchor.origin, line=anchor.line,
        confidence=None if rel.origin == "manual" else rel.confidence,
        gating=gates(rel, min_confidence), extra=extra,
    )


def iter_check(
    groups: Iterable[tuple[Relation, Sequence[CheckedFigure | None]]],
    acks: Mapping[str, str],
    min_confidence: str = "high",
) -> Iterator[Finding]:
    """Findings one by one as (relation, its member figures in order) pairs arrive.

    The gate streams a newsroom's relations through this, so no finding, and no figure
    beyond the current relation's, has to stay in memory. Rejected relations and those
    with a figure missing (`None`) are skipped, as in `check`.
    """
    for rel, figs in groups:
        if rel.state == "rejected" or None in figs:
            continue
        yield check_one(rel, cast("Sequence[CheckedFigure]", figs), acks, min_confidence)


def check(
    relations: Sequence[Relation],
    figures: Mapping[int, FigureFact],
    acks: Mapping[str, str] | None = None,
    min_confidence: str = "high",
) -> tuple[Finding, ...]:
    """One finding per checkable relation, in input order.

    Rejected relations are skipped (reviewers said they do not hold), and so are
    relations with a figure missing from `figures` (filtered out by `--article`).
    """
    get = figures.get
    return tuple(iter_check(((r, [get(i) for i in r.figure_ids]) for r in relations), acks or {},
                            min_confidence))
