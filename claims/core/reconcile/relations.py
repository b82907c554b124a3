"""Propose numeric relations between the figures of one article (across articles:
`core.same`; the word tests both use: `core.figure_context`).

Rules read the words around figures ("31 out of 88", "40 of them", "including",
"alone", a city inside a country, a week inside a month). They only propose: a reviewer
accepts or rejects, so a rule that fires rarely but rightly beats one that fires often.
Figures of different units are never related, nor legal limits or targets (a deficit
above "the 3% ceiling" is news, not an inconsistency), nor unit conversions.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from claims.core.model import Claim, Figure, FigureRef, InferredRelation
from claims.core.reconcile.context import (
    _FORECAST,
    _INDICATORS,
    _STOP,
    _WORD,
    BLOCKER,
    Scope,
    area_levels,
    event_of,
    informative,
    is_limit,
    metric_key,
    period_of,
    scope,
    singular,
    years_near,
)
from claims.core.textkeys import fold

MAX_CLAIM_GAP = 10  # how far (in claims) a sub-area or sub-period pair may be apart

# -- patterns ----------------------------------------------------------------------

_OUT_OF = re.compile(
    r"^\s+(?:out\s+)?of\s+(?!them\b|those\b|whom\b|which\b|these\b)"
    r"(?:(?!and\b|or\b|while\b|but\b)[^\s,;:.()]+\s+){0,5}$", re.I)
_OF_PRONOUN_AFTER = re.compile(r"^(?:\s+[a-z]+)?\s+of\s+(them|those|whom|which|these)\b", re.I)
_OF_PRONOUN_BEFORE = re.compile(r"\bof\s+(which|whom|them|those)\s*,?\s*$", re.I)
_PRONOUN_RULE = {"them": "those", "those": "those", "these": "those", "whom": "which",
                 "which": "which"}
_OF_THE_AFTER = re.compile(r"^\s+of\s+(?:the|these|those|its|their)\s+((?:[a-z-]+\s*){1,4})")
_OF_THE_BEFORE = re.compile(r"(?:^|[,;:]\s*)of\s+(?:the|these|those)\s+([a-z -]{2,40}),\s*$", re.I)
_OF_TOTAL_BEFORE = re.compile(r"(?:^|[,;:]\s*)of\s+(?:the|these|those|its|their|all)?\s*$", re.I)
_INCLUDING = re.compile(r"\b(?:including|includes|included|among\s+them)\s+$", re.I)
_OF_ALL = re.compile(r"\bof\s+(?:all|total|the\s+total|overall)\s+([a-z]{3,})\b[^.;]{0,30}$",
                     re.I)
_BREAKDOWN = re.compile(
    r"\b(?:leaving|split|divided|broken\s+down|consist\w*|compris\w*|made\s+up|"
    r"allocat\w*|of\s+which|in\s+total|a\s+total|altogether)\b", re.I)
_ALLOCATED = re.compile(
    r"^\s*(?:[a-z-]+\s+){0,2}(?:for|in|to|on|at|into|towards|among|across)\b", re.I)
_ALONE_BEFORE = re.compile(r"\b(?:alone|itself)\s*,?\s*$", re.I)
_REST = re.compile(r"\b(?:remaining|rest|remainder|other)\s+(?:of\s+the\s+)?$", re.I)
_ALONE = re.compile(r"^[^,;.]{0,45}?\balone\b", re.I)


@lru_cache(maxsize=256)
def _word_prefix(noun: str) -> re.Pattern[str]:
    """A word starting with `noun` (compiled once per noun, not per figure pair)."""
    return re.compile(rf"\b{re.escape(noun)}")


def _unit_forms(unit: str) -> set[str]:
    return {unit, unit + "s", unit + "es", singular(unit)}


def _content(text: str) -> set[str]:
    return {singular(w) for w in _WORD.findall(text.lower()) if w not in _STOP and
            len(w) > 2}


# -- one article -------------------------------------------------------------------


@dataclass(frozen=True)
class _Fig:
    ref: FigureRef
    claim: int
    fig: Figure
    start: int  # offsets inside the claim text
    end: int
    event: str | None
    area_min: int
    area_max: int
    period: int | None
    years: frozenset[str]
    limit: bool


def _local_span(claim: Claim, fig: Figure) -> tuple[int, int]:
    s, e = fig.start - claim.start, fig.end - claim.start
    if s >= 0 and e <= len(claim.text) and claim.text[s:e] == fig.text:
        return s, e
    found = claim.text.find(fig.text)
    return (found, found + len(fig.text)) if found >= 0 else (0, 0)


def _prepare(claims: Sequence[Claim]) -> list[list[_Fig]]:
    out: list[list[_Fig]] = []
    for ci, c in enumerate(claims):
        row = []
        for fi, f in enumerate(c.figures):
            s, e = _local_span(c, f)
            lo, hi = area_levels(c.text, s, e)
            row.append(_Fig(
                ref=FigureRef(ci, fi), claim=ci, fig=f, start=s, end=e,
                event=event_of(c.text, s, e, f.metric), area_min=lo, area_max=hi,
                period=period_of(c.text, s, e), years=years_near(c.text, s, e),
                limit=is_limit(c.text, s, e),
            ))
        row.sort(key=lambda x: x.start)
        out.append(row)
    return out


class _Builder:
    """Collects part-of links per total, then turns them into partitions and bounds."""

    def __init__(self, claims: Sequence[Claim]) -> None:
        self.claims = claims
        self.rows = _prepare(claims)
        self.flat = [f for row in self.rows for f in row]
        self.parts: dict[FigureRef, list[tuple[_Fig, str, bool]]] = {}
        self.part_of: dict[FigureRef, FigureRef] = {}
        self.extra: list[InferredRelation] = []
        self.groups: dict[FigureRef, set[int]] = {}  # figure → relations it is in

    # -- helpers ---------------------------------------------------------------------
    def text(self, f: _Fig) -> str:
        return self.claims[f.claim].text

    def usable(self, f: _Fig) -> bool:
        return f.fig.unit is not None and not f.limit

    def compatible(self, a: _Fig, b: _Fig) -> bool:
        if a.ref == b.ref or a.fig.unit != b.fig.unit or not (self.usable(a) and self.usable(b)):
            return False
        return not (a.years or b.years) or a.years == b.years

    def link(self, total: _Fig, part: _Fig, rule: str, mergeable: bool = True) -> bool:
        """Record `part` inside `total`; a figure has one total, and no cycles."""
        if part.ref in self.part_of or part.ref in self.ancestors(total.ref):
            return False
        self.parts.setdefault(total.ref, []).append((part, rule, mergeable))
        self.part_of[part.ref] = total.ref
        return True

    def siblings(self, total: _Fig, anchor: _Fig, rule: str) -> None:
        """Same-unit figures listed after a part in its sentence are parts too
        ("96 of them by helicopter and 40 by boat"), until the list breaks."""
        row, prev = self.rows[anchor.claim], anchor
        classes = {c for c in (anchor.event, total.event) if c}
        for f in row:
            if f.start <= anchor.start or f.fig.unit != anchor.fig.unit:
                continue
            gap = self.text(anchor)[prev.end : f.start]
            if BLOCKER.search(gap) or not self.compatible(total, f):
                break
            if f.event and classes and f.event not in classes:
                break
            self.link(total, f, rule)
            prev = f

    def referent(self, x: _Fig, back_claims: int, words: set[str] | None = None) -> _Fig | None:
        """The nearest earlier figure of the same unit that "of them"/"of the N" points to;
        a figure that is itself a part stands for its total."""
        best: _Fig | None = None
        for f in reversed(self.flat):
            if f.claim > x.claim or (f.claim == x.claim and f.start >= x.start):
                continue
            if x.claim - f.claim > back_claims:
                break
            if not self.compatible(f, x):
                continue
            if words is not None and not words & _content(self.text(f)):
                continue
            best = f
            break
        if best is None:
            return None
        return self.by_ref(self.ancestors(best.ref)[-1])

    def ancestors(self, ref: FigureRef) -> list[FigureRef]:
        """`ref`, its total, that total's total… (the last is the outermost)."""
        chain = [ref]
        while chain[-1] in self.part_of and self.part_of[chain[-1]] not in chain:
            chain.append(self.part_of[chain[-1]])
        return chain

    def by_ref(self, ref: FigureRef) -> _Fig:
        return next(f for f in self.rows[ref.claim] if f.ref == ref)

    # -- rules -----------------------------------------------------------------------
    def rule_out_of(self) -> None:
        for row in self.rows:
            for i, x in enumerate(row[:-1]):
                y = row[i + 1]
                gap = self.text(x)[x.end : y.start]
                if not self.compatible(x, y) or not _OUT_OF.match(gap) or len(gap.split()) > 7:
                    continue
                rule = "out-of" if gap.strip().startswith("out") else "of"
                if self.link(y, x, rule):
                    self.siblings(y, x, rule)

    def rule_of_ref(self) -> None:
        """"40 of them", "four of whom", "of which 300", "Of those ballots, 40,000",
        "52,000 of the runners who started": a part pointing back at its total."""
        for x in self.flat:
            if x.ref in self.part_of or not self.usable(x):
                continue
            t = self.text(x)
            after, before = t[x.end :], t[: x.start]
            total: _Fig | None
            if m := (_OF_PRONOUN_AFTER.match(after) or _OF_PRONOUN_BEFORE.search(before)):
                total, rule = self.referent(x, 2), f"of-{_PRONOUN_RULE[fold(m.group(1))]}"
            elif m := (_OF_THE_AFTER.match(after) or _OF_THE_BEFORE.search(before)):
                noun = {singular(w) for w in m.group(1).lower().split()}
                if x.fig.unit is None or singular(x.fig.unit.split()[-1]) not in noun:
                    continue
                words = _content(m.group(1)) - _unit_forms(x.fig.unit)
                total, rule = self.referent(x, len(self.claims), words or None), "of-those"
            else:
                continue
            if total is not None and self.link(total, x, rule):
                self.siblings(total, x, rule)

    def rule_total_first(self) -> None:
        """"Of the 500 staff, 300 …" and "a €2.1bn fund: €1.2bn for rail, €0.5bn for
        roads and €0.4bn for hospitals": a total followed by its list of parts."""
        for row in self.rows:
            for i, t in enumerate(row):
                if t.ref in self.part_of or t.ref in self.parts or not self.usable(t):
                    continue
                rest = [f for f in row[i + 1 :] if f.fig.unit == t.fig.unit]
                if not rest or rest[0].ref in self.part_of:
                    continue
                gap0 = self.text(t)[t.end : rest[0].start]
                head = self.text(t)[: t.start]
                if _OF_TOTAL_BEFORE.search(head) and not BLOCKER.search(gap0):
                    self.link(t, rest[0], "of-the")
                    self.siblings(t, rest[0], "of-the")
                    continue
                if t.fig.unit == "percent" or len(rest) < 2 or BLOCKER.search(gap0):
                    continue
                if any(f.fig.value > t.fig.value or f.ref in self.part_of for f in rest):
                    continue
                text = self.text(t)
                # "won 30, lost 10 and drew 5" lists no parts of the 30: a breakdown says
                # where each amount goes ("£50m for schools") or says it is one.
                if not (_BREAKDOWN.search(text)
                        or all(_ALLOCATED.match(text[f.end :]) for f in rest)):
                    continue
                if self.link(t, rest[0], "same-source-parts"):
                    self.siblings(t, rest[0], "same-source-parts")

    def rule_including(self) -> None:
        for x in self.flat:
            if x.ref in self.part_of or not _INCLUDING.search(self.text(x)[: x.start]):
                continue
            total = self.referent(x, 1)
            if total is None or not self.link(total, x, "including", mergeable=False):
                continue
            prev = x
            for f in self.rows[x.claim]:
                if f.start <= x.start or f.fig.unit != x.fig.unit:
                    continue
                if BLOCKER.search(self.text(x)[prev.end : f.start]) or not self.compatible(x, f):
                    break
                self.link(total, f, "including", mergeable=False)
                prev = f

    def rule_the_rest(self) -> None:
        """"The remaining 1,400 …" adds a part to the breakdown just given."""
        for x in self.flat:
            before = self.text(x)[max(0, x.start - 25) : x.start]
            if x.ref in self.part_of or not _REST.search(before):
                continue
            for y in reversed(self.flat):
                if (y.claim, y.start) >= (x.claim, x.start) or x.claim - y.claim > 2:
                    continue
                if not self.compatible(x, y):
                    continue
                total = self.part_of.get(y.ref, y.ref if y.ref in self.parts else None)
                if total is not None:
                    self.link(self.by_ref(total), x, "the-rest")
                break

    def rule_of_all(self) -> None:
        """"a third of all spending, some €28 billion": a share of a whole named earlier."""
        for x in self.flat:
            if x.ref in self.part_of or not self.usable(x):
                continue
            m = _OF_ALL.search(self.text(x)[max(0, x.start - 60) : x.start])
            if not m:
                continue
            noun = m.group(1).lower()
            for y in reversed(self.flat):
                if (y.claim, y.start) >= (x.claim, x.start) or not self.compatible(x, y):
                    continue
                near = self.text(y)[max(0, y.start - 40) : y.end + 40].lower()
                if _word_prefix(noun).search(near):
                    self.link(y, x, "of-all", mergeable=False)
                    break

    def rule_scope(self) -> None:
        """A city inside a country, "X alone", a week inside a month."""
        for x in self.flat:
            if x.ref in self.part_of or not self.usable(x):
                continue
            alone = bool(_ALONE.match(self.text(x)[x.end :])
                         or _ALONE_BEFORE.search(self.text(x)[: x.start]))
            best: tuple[int, _Fig, str] | None = None
            for y in self.flat:
                if y.claim == x.claim or abs(y.claim - x.claim) > MAX_CLAIM_GAP:
                    continue
                if not self.compatible(x, y) or y.event != x.event:
                    continue
                if x.event is None and not alone:
                    continue
                if y.ref in self.part_of and self.part_of[y.ref] == x.ref:
                    continue
                same_period = x.period is None or y.period is None or x.period == y.period
                if x.area_min < y.area_max and same_period:
                    rule = "alone" if alone else "sub-area"
                elif (x.period is not None and y.period is not None and x.period < y.period
                      and x.area_max <= y.area_max):
                    rule = "sub-period"
                else:
                    continue
                dist = (x.claim - y.claim) if y.claim < x.claim else 100 + (y.claim - x.claim)
                if best is None or dist < best[0]:
                    best = (dist, y, rule)
            if best is not None:
                _, y, rule = best
                self.link(y, x, rule, mergeable=rule != "sub-period")

    def rule_same(self) -> None:
        """Two sources in one article giving one quantity (same unit, event or metric).

        Only figures of one unit can pair, so pairs are drawn inside each unit's list
        (flat order kept); a figure's scope and a claim's forecast test are computed once,
        and only for pairs the other tests let through.
        """
        by_unit: dict[str | None, list[_Fig]] = {}
        for f in self.flat:
            if self.claims[f.claim].source is not None and self.usable(f):
                by_unit.setdefault(f.fig.unit, []).append(f)
        forecast: dict[int, bool] = {}
        scopes: dict[tuple[FigureRef, tuple[str | None, ...]], Scope] = {}

        def is_forecast(ci: int) -> bool:
            if ci not in forecast:
                forecast[ci] = bool(_FORECAST.search(self.claims[ci].text))
            return forecast[ci]

        def scope_of(f: _Fig, names: tuple[str | None, ...]) -> Scope:
            key = (f.ref, names)
            if key not in scopes:
                c = self.claims[f.claim]
                scopes[key] = scope(c.text, f.start, f.end, f.fig.metric, names)
            return scopes[key]

        for members in by_unit.values():
            for i, a in enumerate(members):
                ca = self.claims[a.claim]
                for b in members[i + 1 :]:
                    cb = self.claims[b.claim]
                    if ca.source == cb.source:
                        continue
                    if not self.compatible(a, b) or self.groups.get(a.ref, set()) & (
                        self.groups.get(b.ref, set())
                    ):
                        continue
                    ma, mb = a.fig.metric, b.fig.metric
                    by_metric = (informative(ma, a.fig.unit) and informative(mb, b.fig.unit)
                                 and metric_key(ma or "") == metric_key(mb or "")
                                 and (a.event is None or b.event is None or a.event == b.event))
                    # Labels word one count differently ("missing", "unaccounted for"): two
                    # sources side by side on one event are one quantity; so are two rates
                    # of a headline indicator anywhere in the article. Either way the same
                    # period and both measured or both forecast ("will ease to 2.9%").
                    ok = by_metric or (
                        a.event is not None and a.event == b.event
                        and (a.period is None or b.period is None or a.period == b.period)
                        and is_forecast(a.claim) == is_forecast(b.claim)
                        and ((b.claim - a.claim == 1 and ca.paragraph == cb.paragraph)
                             or (a.event in _INDICATORS and a.fig.unit == "percent")))
                    if not ok:
                        continue
                    names = (ca.source, cb.source)
                    if scope_of(a, names).agrees(scope_of(b, names), shared=False):
                        rule = "same-metric" if by_metric else "same-context"
                        self.extra.append(InferredRelation("same", (a.ref, b.ref), rule))

    # -- assembly --------------------------------------------------------------------
    def build(self) -> tuple[InferredRelation, ...]:
        self.rule_out_of()
        self.rule_of_ref()
        self.rule_including()
        self.rule_total_first()
        self.rule_the_rest()
        self.rule_of_all()
        self.rule_scope()
        out: list[InferredRelation] = []

        def emit(rel: InferredRelation) -> None:
            for m in rel.members:
                self.groups.setdefault(m, set()).add(len(out))
            out.append(rel)

        for total, links in self.parts.items():
            merge = [p for p in links if p[2]]
            if len(merge) >= 2:
                parts = sorted((p[0] for p in merge), key=lambda f: (f.claim, f.start))
                emit(InferredRelation(
                    "partition", (total, *(p.ref for p in parts)), merge[0][1]))
                links = [p for p in links if not p[2]]
            for part, rule, _ in links:
                emit(InferredRelation("bound", (part.ref, total), rule))
        self.rule_same()
        out.extend(self.extra)
        out.sort(key=lambda r: (r.members[0].claim, r.members[0].figure, r.kind))
        return tuple(out)


def infer_relations(claims: Sequence[Claim]) -> tuple[InferredRelation, ...]:
    """Relations proposed from one article's claims (in article order)."""
    return _Builder(claims).build()
