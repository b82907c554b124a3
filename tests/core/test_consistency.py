"""Reconciliation: interval arithmetic (hypothesis), outcomes, messages and keys."""

from __future__ import annotations

from dataclasses import replace

import pytest
from hypothesis import given
from hypothesis import strategies as st

from claims.core.model import FigureFact, Interval, Qualifier, Relation
from claims.core.reconcile.consistency import (
    add,
    below,
    bound_outcome,
    check,
    finding_key,
    fmt_number,
    partition_outcome,
    same_outcome,
    sub,
)


def fact(i: int, text: str, value: float, qual: str = "exact", low: float | None = None,
         high: float | None = None, article: str = "a.txt", start: int | None = None,
         line: int = 1) -> FigureFact:
    q = Qualifier(qual)
    if low is None and high is None:
        low, high = {
            "exact": (value, value), "approx": (0.9 * value, 1.1 * value),
            "nearly": (0.9 * value, value), "more_than": (value, None),
            "at_least": (value, None), "less_than": (None, value), "at_most": (None, value),
        }[qual]
    s = 10 * i if start is None else start
    return FigureFact(
        id=i, claim_id=100 + i, article_id=1, article=article, origin=f"seeds/{article}",
        text=text, start=s, end=s + len(text), value=value, low=low, high=high, qualifier=q,
        unit="drone", line=line,
    )


def run(kind: str, *facts: FigureFact, acks: dict[str, str] | None = None):  # type: ignore[no-untyped-def]
    rel = Relation(7, kind, tuple(f.id for f in facts), rule="test")
    (finding,) = check([rel], {f.id: f for f in facts}, acks or {})
    return finding


# -- the contract's examples (DESIGN.md, the brief) -----------------------------------


def test_incomplete_partition_reports_the_remainder() -> None:
    f = run("partition", fact(1, "188", 188, line=29), fact(2, "76", 76), fact(3, "96", 96),
            fact(4, "five", 5))
    assert (f.outcome, f.severity) == ("incomplete", "warning")
    assert f.message == "76 + 96 + 5 = 177 of 188: 11 unaccounted"
    assert f.remainder == Interval(11, 11)
    assert f.extra["remainder_value"] == 11
    assert [g.role for g in f.figures] == ["total", "part", "part", "part"]
    assert (f.article, f.path, f.line) == ("a.txt", "seeds/a.txt", 29)


def test_contradicting_and_consistent_partitions() -> None:
    f = run("partition", fact(1, "31", 31), fact(2, "27", 27), fact(3, "five", 5),
            fact(4, "three", 3))
    assert (f.outcome, f.severity, f.message) == (
        "contradiction", "error", "27 + 5 + 3 = 35 of 31: 4 too many")
    f = run("partition", fact(1, "1,240", 1240), fact(2, "870", 870), fact(3, "370", 370))
    assert (f.outcome, f.severity, f.message) == ("consistent", "ok", "870 + 370 = 1,240 of 1,240")
    assert f.remainder == Interval(0, 0)


def test_lower_bounded_total_leaves_at_least_a_remainder() -> None:
    f = run("partition", fact(1, "just over 2.5 million", 2.5e6, "more_than"),
            fact(2, "1,200,000", 1.2e6), fact(3, "700,000", 7e5))
    assert f.outcome == "incomplete"
    assert f.remainder == Interval(600000, None)
    assert f.message == "1,200,000 + 700,000 = 1,900,000 of just over 2.5 million: " \
        "at least 600,000 unaccounted"


def test_bound_and_same_messages_use_verbatim_texts() -> None:
    assert run("bound", fact(1, "more than ten", 10, "more_than"), fact(2, "76", 76)).message \
        == "more than ten ≤ 76"
    f = run("bound", fact(1, "130", 130), fact(2, "96", 96))
    assert (f.outcome, f.severity, f.message) == (
        "contradiction", "error", "130 > 96: exceeds its bound")
    assert [g.role for g in f.figures] == ["smaller", "larger"]
    assert run("same", fact(1, "1,240", 1240), fact(2, "some 1,200", 1200, "approx")).message \
        == "1,240 ~ some 1,200"
    f = run("same", fact(1, "at least 40", 40, "at_least"), fact(2, "31", 31))
    assert (f.outcome, f.severity, f.message) == (
        "conflict", "error", "at least 40 vs 31: conflict")
    assert [g.role for g in f.figures] == ["a", "b"]


def test_decimal_parts_add_up_despite_binary_floats() -> None:
    f = run("partition", fact(1, "€2.1bn", 2.1), fact(2, "€1.2bn", 1.2), fact(3, "€0.9bn", 0.9))
    assert (f.outcome, f.message) == ("consistent", "1.2 + 0.9 = 2.1 of 2.1")


def test_acknowledged_keeps_outcome_and_carries_the_note() -> None:
    a, b = fact(1, "130", 130), fact(2, "96", 96)
    key = finding_key("bound", [a, b])
    f = run("bound", a, b, acks={key: "blogger's figure, known to be inflated"})
    assert (f.outcome, f.severity, f.acknowledged, f.note) == (
        "contradiction", "error", True, "blogger's figure, known to be inflated")


def test_key_depends_on_content_not_ids() -> None:
    a, b = fact(1, "130", 130), fact(2, "96", 96)
    key = finding_key("bound", [a, b])
    assert key.startswith("bound:") and len(key) == len("bound:") + 16
    assert finding_key("bound", [replace(a, id=50, claim_id=9), replace(b, id=51)]) == key
    assert finding_key("bound", [b, a]) != key
    assert finding_key("same", [a, b]) != key
    assert finding_key("bound", [replace(a, article="other.txt"), b]) != key


def test_rejected_relations_and_missing_figures_are_skipped() -> None:
    a, b = fact(1, "3", 3), fact(2, "4", 4)
    figs = {1: a, 2: b}
    assert check([Relation(1, "bound", (1, 2), state="rejected")], figs) == ()
    assert check([Relation(1, "bound", (1, 3))], figs) == ()
    with pytest.raises(ValueError):
        check([Relation(1, "bound", (1, 2, 2))], figs)


def test_format_number() -> None:
    assert [fmt_number(x) for x in (11.0, 1240.0, 4.7, 0.1 + 0.2, 52.3e9, -4.0)] == [
        "11", "1,240", "4.7", "0.3", "52,300,000,000", "-4"]


def test_a_long_chain_of_relations_gets_one_finding_each() -> None:
    """Speed on large inputs is the bench's (`check-consistency, 1,000,000 figures` and
    its growth exponent); here only that nothing is dropped or repeated."""
    n = 60_000
    figs = {i: fact(i, str(i), float(i)) for i in range(1, n + 1)}
    rels = [Relation(i, "bound", (i, i + 1)) for i in range(1, n)]
    out = check(rels, figs)
    assert len(out) == n - 1
    assert sorted(f.relation for f in out) == list(range(1, n))


# -- interval arithmetic properties ---------------------------------------------------

finite = st.floats(min_value=-1e6, max_value=1e6, allow_nan=False, allow_infinity=False)


@st.composite
def intervals(draw: st.DrawFn) -> Interval:
    a, b = sorted((draw(finite), draw(finite)))
    return Interval(draw(st.sampled_from([a, None])), draw(st.sampled_from([b, None])))


def contains(iv: Interval, x: float) -> bool:
    return (iv.low is None or iv.low <= x + 1e-6) and (iv.high is None or x <= iv.high + 1e-6)


@given(intervals(), intervals(), finite, finite)
def test_sum_and_difference_contain_every_pointwise_result(
    a: Interval, b: Interval, x: float, y: float
) -> None:
    if contains(a, x) and contains(b, y):
        assert contains(add(a, b), x + y)
        assert contains(sub(a, b), x - y)


@given(intervals(), intervals())
def test_same_is_symmetric_and_conflict_means_disjoint(a: Interval, b: Interval) -> None:
    assert same_outcome(a, b) == same_outcome(b, a)
    assert (same_outcome(a, b) == "conflict") == (below(a, b) or below(b, a))


@given(finite, st.lists(finite, min_size=1, max_size=6))
def test_exact_partition_outcome_is_the_sign_of_the_remainder(
    total: float, parts: list[float]
) -> None:
    psum = Interval(0.0, 0.0)
    for p in parts:
        psum = add(psum, Interval(p, p))
    outcome = partition_outcome(Interval(total, total), psum)
    gap = total - sum(parts)
    if abs(gap) > 1e-3 * max(1.0, abs(total)):
        assert outcome == ("incomplete" if gap > 0 else "contradiction")
    if gap == 0:
        assert outcome == "consistent"


@given(intervals(), intervals(), finite)
def test_widening_never_creates_a_finding(a: Interval, b: Interval, w: float) -> None:
    w = abs(w)
    wide_a = Interval(None if a.low is None else a.low - w, None if a.high is None else a.high + w)
    if partition_outcome(a, b) == "consistent":
        assert partition_outcome(wide_a, b) == "consistent"
    if bound_outcome(a, b) == "consistent":
        assert bound_outcome(wide_a, b) == "consistent"
    if same_outcome(a, b) == "consistent":
        assert same_outcome(wide_a, b) == "consistent"


@given(intervals(), intervals())
def test_open_ends_never_contradict(a: Interval, b: Interval) -> None:
    if a.low is None or b.high is None:
        assert bound_outcome(a, b) == "consistent"
    if a.low is None and a.high is None:
        assert partition_outcome(a, b) == "consistent"
