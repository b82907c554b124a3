"""Propose numeric relations between the figures of one article (across articles:
`reconcile.same`; frames: `reconcile.frames`; how frames fit: `reconcile.fit`).

Two kinds of evidence propose a relation. The words between figures ("31 out of 88",
"40 of them", "including", "the remaining") are read by `reconcile.syntax`; frames
(role, actor, period, place) give the rest: a town's toll inside the region's, a week
inside a month, a total and its parts in the next sentence, two sources on one
quantity. Each proposal carries a confidence (`high`, `medium`, `low`) and the evidence
behind it; only high-confidence proposals can fail the gate by default.

Cost is linear in the figures: candidates are found through keys (unit, role) and a
bounded window of neighbouring claims (`WINDOW`), never by comparing every pair of an
article's figures.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence

from claims.core.model import Claim, InferredRelation
from claims.core.reconcile.context import informative, is_forecast, metric_key
from claims.core.reconcile.fit import Fit, one_quantity, part_role, period_inside, place_inside
from claims.core.reconcile.frames import INDICATORS, SHARE_ROLES, TALLY_ROLES, frame_claims
from claims.core.reconcile.periods import same_period
from claims.core.reconcile.syntax import Fig, Links, prepare

WINDOW = 10  # how far (in claims) a frame relation may reach
INDICATOR_WINDOW = 40  # a headline rate (deficit, inflation) is one figure per article
NEAR = 3  # how far apart two sources' counts with fully agreeing frames may be


class _Index:
    """Figures by (unit, role), each list in article order, for windowed lookups."""

    def __init__(self, flat: Sequence[Fig]) -> None:
        self.lists: dict[tuple[str | None, str | None], list[Fig]] = {}
        for f in flat:
            self.lists.setdefault((f.unit, f.fit.role), []).append(f)
        self.claims = {k: [f.claim for f in v] for k, v in self.lists.items()}

    def near(self, key: tuple[str | None, str | None], claim: int, before: int,
             after: int) -> list[Fig]:
        items, at = self.lists.get(key, []), self.claims.get(key, [])
        return items[bisect_left(at, claim - before) : bisect_right(at, claim + after)]


def _same_period_or_unknown(a: Fit, b: Fit) -> bool:
    """One period, or nothing says they differ ("this month" and "October", undated)."""
    if a.period is None or b.period is None:
        return True
    return same_period(a.period, b.period) is not False


def _stated_alike(a: Fit, b: Fit) -> bool:
    """Both periods stated, or neither: a count "last November" and one without a date
    may be of different events."""
    return (a.period is None) == (b.period is None)


def rule_scope(links: Links, index: _Index) -> None:
    """A figure inside a wider one of the same role: a town inside its region ("sub-area",
    "alone" when the speaker says so), a week inside a month ("sub-period")."""
    for x in links.flat:
        if x.pos in links.part_of or not links.usable(x) or x.fit.role not in TALLY_ROLES:
            continue
        if x.unit == "percent":
            continue  # a town's rate may exceed the country's: rates are not parts
        found: tuple[int, Fig, str, str, bool] | None = None
        for y in index.near((x.unit, x.fit.role), x.claim, WINDOW, WINDOW):
            if y.claim == x.claim or not links.compatible(x, y):
                continue
            if links.part_of.get(y.pos) == x.pos or (x.fit.actor and y.fit.actor
                                                     and x.fit.actor != y.fit.actor):
                continue
            if x.fit.event and y.fit.event and x.fit.event != y.fit.event:
                continue  # the disaster's toll is not the car bomb's
            ok, explicit, ev = place_inside(x.fit, y.fit)
            if ok and (y.fit.level or 0) >= 5 and not (x.fit.narrow or (x.fit.level or 9) <= 3):
                ok = False  # nothing says the wider count covers more than this one
            explicit = explicit and _stated_alike(x.fit, y.fit)
            if ok and _same_period_or_unknown(x.fit, y.fit):
                rule = "alone" if x.fit.narrow else "sub-area"
            else:
                inside, explicit, ev = period_inside(x.fit, y.fit)
                same_place = x.fit.place == y.fit.place or x.fit.place is None or (
                    y.fit.place is None)
                wider = x.fit.level is not None and y.fit.level is not None and (
                    5 > x.fit.level > y.fit.level)
                if not inside or not same_place or wider:
                    continue
                rule = "sub-period"
            dist = (x.claim - y.claim) if y.claim < x.claim else 100 + (y.claim - x.claim)
            if found is None or dist < found[0]:
                found = (dist, y, rule, ev, explicit)
        if found is not None:
            _, y, rule, ev, explicit = found
            conf = "high" if explicit and "role" not in x.fit.lead else "medium"
            links.link(y, x, rule, conf, (f"role: {x.fit.role}", ev),
                       mergeable=rule != "sub-period")


def rule_adjacent_parts(links: Links) -> None:
    """A total and, in the next sentence, its parts: two or more figures of its role, each
    in a distinct place inside the total's ("35 died across the state. At least 18 died
    in Alden County, 9 in Brook County…")."""
    for i, row in enumerate(links.rows[:-1]):
        nxt = links.rows[i + 1]
        if not nxt:
            continue
        for t in row:
            if t.pos in links.part_of or t.pos in links.parts or not links.usable(t):
                continue
            if t.unit == "percent" or t.fit.role not in TALLY_ROLES:
                continue
            parts = [p for p in nxt if p.unit == t.unit and p.pos not in links.part_of
                     and p.pos not in links.parts and links.compatible(t, p)
                     and part_role(p.fit, t.fit)]
            placed = [p for p in parts if place_inside(p.fit, t.fit)[0]
                      and _same_period_or_unknown(p.fit, t.fit)]
            names = [p.fit.place for p in placed]
            if len(placed) < 2 or len(set(names)) != len(names) or None in names:
                continue
            if any(p.fig.value > t.fig.value for p in placed if t.fig.high is not None):
                continue
            explicit = all(place_inside(p.fit, t.fit)[1] for p in placed) and all(
                p.fit.role == t.fit.role and p.fit.role for p in placed)
            conf = "high" if explicit else "medium"
            for p in placed:
                links.link(t, p, "adjacent-parts", conf,
                           (f"role: {t.fit.role}", place_inside(p.fit, t.fit)[2]))
            break


def rule_same(links: Links, index: _Index) -> list[InferredRelation]:
    """Two sources in one article giving one quantity: the same role (or the same
    informative metric label), with frames that agree. Each figure is paired with the
    nearest earlier figure of its key from another source, within the window."""
    out: list[InferredRelation] = []
    forecast: dict[int, bool] = {}

    def forecasts(ci: int) -> bool:
        if ci not in forecast:
            forecast[ci] = is_forecast(links.claims[ci].text)
        return forecast[ci]

    by_metric: dict[tuple[str | None, str], list[Fig]] = {}
    for f in links.flat:
        if links.claims[f.claim].source is not None and links.usable(f) and (
                informative(f.fig.metric, f.unit)):
            by_metric.setdefault((f.unit, metric_key(f.fig.metric or "")), []).append(f)
    # each list is in article order: a window of claims is a slice (bisect), not a scan
    metric_claims = {k: [f.claim for f in v] for k, v in by_metric.items()}
    seen: set[tuple[int, int]] = set()
    for b in links.flat:
        cb = links.claims[b.claim]
        if cb.source is None or not links.usable(b):
            continue
        if b.fit.role in SHARE_ROLES and b.unit == "percent":
            continue  # one group's share ("managers favored him 51%") is not another's
        found: dict[int, tuple[Fig, str]] = {}  # by Fig.pos (see `Links`)
        if informative(b.fig.metric, b.unit):  # a label alone: the weaker evidence
            key = (b.unit, metric_key(b.fig.metric or ""))
            items, at = by_metric.get(key, []), metric_claims.get(key, [])
            found.update((a.pos, (a, "same-metric")) for a in
                         items[bisect_left(at, b.claim - WINDOW) : bisect_right(at, b.claim)])
        if b.fit.role is not None:
            indicator = b.fit.role in INDICATORS and b.unit == "percent"
            far = INDICATOR_WINDOW if indicator else NEAR
            found.update((a.pos, (a, "same-context"))
                         for a in index.near((b.unit, b.fit.role), b.claim, far, 0))
        here = (b.claim, b.start)  # only earlier figures pair with b: the rest leave now
        pool = sorted((p for p in found.values() if (p[0].claim, p[0].start) < here),
                      key=lambda p: (p[0].claim, p[0].start))
        for a, rule in reversed(pool):
            if (a.pos, b.pos) in seen:
                continue
            ca = links.claims[a.claim]
            if ca.source is None or ca.source == cb.source or not links.compatible(a, b):
                continue
            if links.grouped(a, b) or forecasts(a.claim) != forecasts(b.claim):
                continue
            ok, strong, ev = one_quantity(a.fit, b.fit)
            if not ok:
                continue
            beside = b.claim - a.claim <= 1 and ca.paragraph == cb.paragraph
            if rule == "same-context" and not (beside or strong or (
                    b.fit.role in INDICATORS and b.unit == "percent")):
                continue  # further apart, only frames that agree in full are one count
            conf = "high" if strong and rule == "same-context" else (
                "medium" if a.fit.role else "low")
            seen.add((a.pos, b.pos))
            out.append(InferredRelation("same", (a.ref, b.ref), rule, conf, tuple(ev)))
            break
    return out


def infer_relations(claims: Sequence[Claim], published: str | None = None
                    ) -> tuple[InferredRelation, ...]:
    """Relations proposed from one article's claims (in article order). Figures without
    a frame are framed first (against `published`, when known)."""
    if any(f.frame is None for c in claims for f in c.figures):
        claims = frame_claims(claims, published)
    links = Links(claims, prepare(claims))
    index = _Index(links.flat)
    links.syntax_rules()
    rule_adjacent_parts(links)
    rule_scope(links, index)
    out = links.assemble()
    for r in out:
        links.group(r, len(links.groups))
    out += rule_same(links, index)
    out.sort(key=lambda r: (r.members[0].claim, r.members[0].figure, r.kind))
    return tuple(out)

