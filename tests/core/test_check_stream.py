"""The streaming check: `iter_check` over (relation, figures) pairs gives exactly the
findings the list-based `check` gave before the gate streamed (reference copied below)."""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence

from hypothesis import given, settings
from hypothesis import strategies as st

from claims.core.model import (
    CheckFigure,
    FigureFact,
    Finding,
    FindingFigure,
    Interval,
    Qualifier,
    Relation,
)
from claims.core.reconcile import consistency as c
from claims.core.reconcile.consistency import (
    check,
    check_one,
    clean,
    finding_key,
    fmt_number,
    iter_check,
)

# -- the implementation as it stood before streaming (commit 3840d59), for comparison ------


def old_key(kind: str, figures: Sequence[FigureFact]) -> str:
    h = hashlib.sha256(kind.encode())
    for f in figures:
        h.update(f"\x1f{f.article}\x1e{f.start}\x1e{f.end}".encode())
    return f"{kind}:{h.hexdigest()[:16]}"


def old_check_one(rel: Relation, figs: Sequence[FigureFact], acks: Mapping[str, str]) -> Finding:
    kind = rel.kind
    remainder: Interval | None = None
    extra: dict[str, object] = {}
    if kind == "partition":
        total, parts = figs[0], figs[1:]
        psum = c._sum(parts)
        tiv = Interval(total.low, total.high)
        outcome = c.partition_outcome(tiv, psum)
        point_sum = sum(p.value for p in parts)
        remainder = c.sub(tiv, psum)
        exact = all(p.qualifier == Qualifier.EXACT for p in parts)
        sum_text = c.fmt_number(point_sum) if exact else c._amount(psum, point_sum)
        shown = [c._shown(p) for p in parts]
        head = f"{' + '.join(shown)} = {sum_text} of {c._shown(total)}"
        message = head
        if outcome == "incomplete":
            message = f"{head}: {c._amount(remainder, total.value - point_sum)} unaccounted"
        elif outcome == "contradiction":
            over = c._amount(c.sub(psum, tiv), point_sum - total.value)
            message = f"{head}: {over} too many"
        extra["remainder_value"] = figs[0].value - sum(p.value for p in figs[1:])
    elif kind == "bound":
        outcome, message = c._bound(figs[0], figs[1])
    else:
        outcome, message = c._same(figs[0], figs[1])
    first, rest = c.ROLES[kind]
    members = tuple(
        FindingFigure(id=f.id, claim=f.claim_id, text=f.text, role=first if i == 0 else rest)
        for i, f in enumerate(figs)
    )
    key = old_key(kind, figs)
    anchor = figs[0]
    return Finding(
        key=key, relation=rel.id, kind=kind, outcome=outcome, severity=c.SEVERITY[outcome],
        origin=rel.origin, message=message, figures=members, rule=rel.rule,
        remainder=remainder, acknowledged=key in acks, note=acks.get(key),
        article=anchor.article, path=anchor.origin, line=anchor.line,
        confidence=None if rel.origin == "manual" else rel.confidence,
        gating=rel.origin == "manual" or rel.state == "accepted" or rel.confidence == "high",
        extra=extra,
    )


def old_check(
    relations: Sequence[Relation], figures: Mapping[int, FigureFact], acks: Mapping[str, str]
) -> tuple[Finding, ...]:
    out = []
    for rel in relations:
        if rel.state == "rejected":
            continue
        figs = [figures.get(i) for i in rel.figure_ids]
        present = [f for f in figs if f is not None]
        if len(present) == len(figs):
            out.append(old_check_one(rel, present, acks))
    return tuple(out)


# -- strategies ---------------------------------------------------------------------------

numbers = st.floats(min_value=-1e12, max_value=1e12, allow_nan=False) | st.integers(
    -10**6, 10**6
).map(float)


@st.composite
def facts(draw: st.DrawFn, i: int) -> FigureFact:
    value = draw(numbers)
    low = draw(st.none() | st.just(value) | numbers)
    high = draw(st.none() | st.just(value) | numbers)
    return FigureFact(
        id=i, claim_id=draw(st.integers(1, 5)), article_id=1,
        article=draw(st.sampled_from(["a.txt", "b é.txt", "<c>&\"d\".txt"])),
        origin=draw(st.sampled_from(["seeds/a.txt", "https://x.test/a?b=1"])),
        text=draw(st.text(max_size=12)), start=draw(st.integers(0, 10**6)),
        end=draw(st.integers(0, 10**6)), value=value, low=low, high=high,
        qualifier=draw(st.sampled_from(list(Qualifier))), line=draw(st.integers(1, 500)),
    )


@st.composite
def scenarios(draw: st.DrawFn) -> tuple[list[Relation], dict[int, FigureFact], dict[str, str]]:
    figures = {i: draw(facts(i)) for i in range(1, draw(st.integers(3, 8)) + 1)}
    ids = st.sampled_from([*figures, 99])  # 99: a figure filtered out (or gone)
    rels = []
    for rid in range(1, draw(st.integers(0, 6)) + 1):
        kind = draw(st.sampled_from(["partition", "bound", "same"]))
        n = draw(st.integers(3, min(5, len(figures) + 1))) if kind == "partition" else 2
        members = tuple(draw(st.lists(ids, min_size=n, max_size=n, unique=True)))
        state = draw(st.sampled_from(["proposed", "accepted", "rejected"]))
        rels.append(Relation(rid, kind, members, draw(st.sampled_from(["inferred", "manual"])),
                             state, draw(st.none() | st.just("of-the")),
                             draw(st.sampled_from([None, "high", "medium", "low"]))))
    acks = {}
    for rel in rels:
        present = [figures[i] for i in rel.figure_ids if i in figures]
        acked = draw(st.booleans())
        if present and acked:
            acks[old_key(rel.kind, present)] = draw(st.text(max_size=5))
    return rels, figures, acks


def lean(f: FigureFact) -> CheckFigure:
    return CheckFigure(f.id, f.claim_id, f.article, f.origin, f.text, f.start, f.end,
                       f.value, f.low, f.high, f.qualifier, f.line)


def same_findings(a: Sequence[Finding], b: Sequence[Finding]) -> bool:
    """Equal, and `extra` (left out of dataclass equality) equal too."""
    return list(a) == list(b) and [f.extra for f in a] == [f.extra for f in b]


# -- tests --------------------------------------------------------------------------------


@settings(max_examples=300)
@given(scenarios())
def test_check_and_iter_check_equal_the_old_check(
    s: tuple[list[Relation], dict[int, FigureFact], dict[str, str]],
) -> None:
    rels, figures, acks = s
    expected = old_check(rels, figures, acks)
    assert same_findings(check(rels, figures, acks), expected)
    groups = [(r, [figures.get(i) for i in r.figure_ids]) for r in rels]
    assert same_findings(list(iter_check(groups, acks)), expected)
    lean_groups = [(r, [None if f is None else lean(f) for f in figs]) for r, figs in groups]
    assert same_findings(list(iter_check(lean_groups, acks)), expected)


@given(st.floats(min_value=-1e15, max_value=1e15, allow_nan=False))
def test_fmt_number_fast_path_equals_the_rounding_path(x: float) -> None:
    """Integers skip the rounding; the rounding keeps them as they are."""
    r = clean(x)
    assert fmt_number(x) == (f"{int(r):,}" if r == int(r)
                             else f"{r:,.15f}".rstrip("0").rstrip("."))


def test_fmt_number_drops_float_noise() -> None:
    assert fmt_number(65400000000.000007629) == "65,400,000,000"
    assert fmt_number(0.1 + 0.2) == "0.3"
    assert fmt_number(242.00000000000003) == "242"
    assert fmt_number(1.5e-7) == "0.00000015"
    assert fmt_number(33.333333333333336) == "33.3333333333333"
    assert fmt_number(1000000000001.0) == "1,000,000,000,001"


@given(st.lists(facts(1), min_size=1, max_size=4), st.sampled_from(["partition", "same"]))
def test_finding_key_is_unchanged(figs: list[FigureFact], kind: str) -> None:
    assert finding_key(kind, figs) == old_key(kind, figs)


def test_iter_check_is_lazy_and_skips_rejected_and_incomplete() -> None:
    a = CheckFigure(1, 10, "a.txt", "seeds/a.txt", "188", 5, 8, 188.0, 188.0, 188.0,
                    Qualifier.EXACT, 3)
    b = CheckFigure(2, 10, "a.txt", "seeds/a.txt", "200", 9, 12, 200.0, 200.0, 200.0,
                    Qualifier.EXACT)

    def groups():  # type: ignore[no-untyped-def]
        yield Relation(1, "bound", (1, 2), state="rejected"), (a, b)
        yield Relation(2, "bound", (1, 3), state="accepted"), (a, None)
        yield Relation(3, "bound", (2, 1), state="accepted", rule="r"), (b, a)
        raise AssertionError("read past the first finding")

    stream = iter_check(groups(), {})
    first = next(stream)
    assert (first.relation, first.outcome, first.message, first.line, first.path) == (
        3, "contradiction", "200 > 188: exceeds its bound", None, "seeds/a.txt")
    assert first == check_one(Relation(3, "bound", (2, 1), state="accepted", rule="r"),
                              (b, a), {})
