"""Part-of links the words between figures state: "31 out of 88", "40 of them", "of
which 300", "including", "Of the 500 staff, 300 …", "the remaining 1,400", "a third of
all spending". `Links` collects them per total and assembles partitions and bounds;
`reconcile.relations` adds the links frames give and the `same` pairs.

Every search looks back a bounded number of claims from the figure it starts at, so the
cost grows with the number of figures, not with its square.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from typing import NamedTuple

from claims.core.figures.gates import any_in, claim_folded
from claims.core.model import Claim, Figure, FigureRef, InferredRelation
from claims.core.reconcile.context import (
    _STOP,
    _WORD,
    BLOCKER,
    LIMIT_WORDS,
    is_limit,
    singular,
    years_near,
)
from claims.core.reconcile.fit import Fit, area_level, fit_in, part_role, periods_clash
from claims.core.reconcile.frames import counted_unit
from claims.core.textkeys import fold

RANK = {"high": 3, "medium": 2, "low": 1}
BACK = 10  # how many claims back "a third of all spending" may point
NOUN_BACK = 10  # "610,000 of the children vaccinated so far": the words find the total
BARE_BACK = 1  # "five of the casinos": only the noun, so only the sentence before

_OUT_OF = re.compile(
    r"^\s+(?:out\s+)?of\s+(?!them\b|those\b|whom\b|which\b|these\b)"
    r"(?:(?!and\b|or\b|while\b|but\b)[^\s,;:.()]+\s+){0,5}$", re.I)
_OF_PRONOUN_AFTER = re.compile(r"^(?:\s+[a-z]+)?\s+of\s+(them|those|whom|which|these)\b", re.I)
_OF_PRONOUN_BEFORE = re.compile(r"\bof\s+(which|whom|them|those)\s*,?\s*$", re.I)


def _ends_on_pronoun(before: str) -> bool:
    """What `_OF_PRONOUN_BEFORE` needs: `before` ends on a pronoun, then spaces and one
    comma at most (`fold` reads the letters as `re.IGNORECASE` does). The search tries
    every start of the claim before the figure; this reads its last characters."""
    tail = before.rstrip()
    if tail.endswith(","):
        tail = tail[:-1].rstrip()
    return fold(tail[-6:]).endswith(_PRONOUNS_BEFORE)


_PRONOUN_RULE = {"them": "those", "those": "those", "these": "those", "whom": "which",
                 "which": "which"}
# Gates (each a necessary condition, read off the pattern): a pronoun reference names
# its pronoun; "of the runners," ends on a comma (`\s` is `str.isspace`); "including"
# and "among them" need their word in the claim.
_PRONOUNS = ("which", "whom", "them", "those", "these")
_PRONOUNS_BEFORE = ("which", "whom", "them", "those")  # the pronouns of `_OF_PRONOUN_BEFORE`
_INCLUDING_WORDS = ("includ", "among")
_OF_THE_AFTER = re.compile(r"^\s+of\s+(?:the|these|those|its|their)\s+((?:[a-z-]+\s*){1,4})")
_OF_THE_BEFORE = re.compile(r"(?:^|[,;:]\s*)of\s+(?:the|these|those)\s+([a-z -]{2,40}),\s*$", re.I)
_OF_TOTAL_BEFORE = re.compile(r"(?:^|[;:]\s*)of\s+(?:the|these|those|its|their|all)?\s*$", re.I)
# A part more than ten times its total measures something else ("two of the busiest
# ports, including an estimated 31,000"), not a contradiction.
APART = 10.0
_INCLUDING = re.compile(r"\b(?:including|includes|included|among\s+them)\s+$", re.I)
_OF_ALL = re.compile(r"\bof\s+(?:all|total|the\s+total|overall)\s+([a-z]{3,})\b[^.;]{0,30}$",
                     re.I)
_BREAKDOWN = re.compile(
    r"\b(?:leaving|split|divided|broken\s+down|consist\w*|compris\w*|made\s+up|"
    r"allocat\w*|of\s+which|in\s+total|a\s+total|altogether)\b", re.I)
_ALLOCATED = re.compile(
    r"^\s*(?:[a-z-]+\s+){0,2}(?:for|in|to|on|at|into|towards|among|across)\b", re.I)
_REST = re.compile(r"\b(?:remaining|rest|remainder|other)\s+(?:of\s+the\s+)?$", re.I)
_RATE = re.compile(r"^-?\s*(?:an?|per)[\s-]+(?:hour|day|week|month|year|head|person|capita)\b",
                   re.I)
# "farms with 500 or more acres": a class of things, not a count of them.
_CLASS = re.compile(r"\b(?:or|and)\s+(?:more|fewer|less|greater|older|younger|over|above|up)$",
                    re.I)
_CLASS_LAST = frozenset("erspERSP\u017f")
"""The letters `_CLASS`'s last words end on, as (?i) reads them (the long s is an "s")."""


def _is_class(text: str) -> bool:
    """`_CLASS.search(text)`: the search tries every position of the text, and a match
    ends on its last word's last letter, at the end or before one final newline."""
    last = text[-2:-1] if text.endswith("\n") else text[-1:]
    return last in _CLASS_LAST and _CLASS.search(text) is not None


_VAGUE = re.compile(r"^(?:tens\s+of\s+)?(?:hundreds|thousands|millions|billions|dozens|scores)$",
                    re.I)


@lru_cache(maxsize=256)
def _word_prefix(noun: str) -> re.Pattern[str]:
    return re.compile(rf"\b{re.escape(noun)}")


def _unit_forms(unit: str) -> set[str]:
    return {unit, unit + "s", unit + "es", singular(unit)}


def _content(text: str) -> set[str]:
    return {singular(w) for w in _WORD.findall(text.lower()) if w not in _STOP and len(w) > 2}


class Fig(NamedTuple):
    """A figure as the rules see it: where it is, and its frame made comparable.

    `unit` is the figure's, or "person" for a count of people written without a noun
    ("18 died", "nine were injured"): the role says what is counted. (A named tuple:
    one is built per figure, and a frozen dataclass costs several times more to build;
    nothing orders or unpacks a Fig.)"""

    ref: FigureRef
    unit: str | None
    claim: int
    pos: int  # index in the article's flat list
    fig: Figure
    start: int  # offsets inside the claim text
    end: int
    fit: Fit
    years: frozenset[str]
    limit: bool  # a ceiling, target or rate: never reconciled
    vague: bool  # "thousands": a count of things, never a part ("thousands of $12 …")


def _local_span(claim: Claim, fig: Figure) -> tuple[int, int]:
    s, e = fig.start - claim.start, fig.end - claim.start
    if s >= 0 and e <= len(claim.text) and claim.text[s:e] == fig.text:
        return s, e
    found = claim.text.find(fig.text)
    return (found, found + len(fig.text)) if found >= 0 else (0, 0)


def _after_comma(text: str, end: int) -> str:
    """`text[:end].split(",")[-1][-25:]` without splitting the whole prefix."""
    end = min(max(end, 0), len(text))
    return text[text.rfind(",", 0, end) + 1 : end][-25:]


def prepare(claims: Sequence[Claim]) -> list[list[Fig]]:
    out: list[list[Fig]] = []
    pos = 0
    for ci, c in enumerate(claims):
        row = []
        spans = [(_local_span(c, f), fi, f) for fi, f in enumerate(c.figures)]
        may_limit = bool(spans) and any_in(claim_folded(c.text), LIMIT_WORDS)  # is_limit's gate
        may_year = "19" in c.text or "20" in c.text  # a year opens on one
        whole: tuple[int | None, bool, bool] | None = None  # area_level(c.text), once
        for (s, e), fi, f in sorted(spans, key=lambda x: x[0][0]):
            if s > 120 or e + 80 < len(c.text):
                area = area_level(c.text[max(0, s - 120) : e + 80])
            else:  # the window is the whole claim
                area = whole = area_level(c.text) if whole is None else whole
            fit = fit_in(f.frame, area)
            unit = counted_unit(f.unit, fit.role)
            limit = (may_limit and is_limit(c.text, s, e)) or bool(
                _RATE.match(c.text[e : e + 20]) or _is_class(f.text)
                or _is_class(_after_comma(c.text, e + 15)))
            row.append(Fig(
                ref=FigureRef(ci, fi), unit=unit, claim=ci, pos=pos, fig=f, start=s, end=e,
                fit=fit, years=years_near(c.text, s, e) if may_year else _NO_YEARS, limit=limit,
                vague=bool(_VAGUE.match(f.text.strip())),
            ))
            pos += 1
        out.append(row)
    return out


_NO_YEARS: frozenset[str] = frozenset()
_Link = tuple[Fig, str, bool, str, tuple[str, ...]]  # part, rule, mergeable, confidence, evidence


class Links:
    """Part-of links per total, then partitions (two or more mergeable parts) and bounds.

    Figures are keyed by their place in the article's flat list (`Fig.pos`, one per
    figure as `Fig.ref` is): an int hashes and compares in C, a `FigureRef` through
    Python methods, and the rules ask these dictionaries tens of times per figure."""

    def __init__(self, claims: Sequence[Claim], rows: list[list[Fig]]) -> None:
        self.claims = claims
        self.rows = rows
        self.flat = [f for row in rows for f in row]  # flat[f.pos] is f
        self.parts: dict[int, list[_Link]] = {}
        self.part_of: dict[int, int] = {}
        self.groups: dict[int, set[int]] = {}
        self._pos: dict[FigureRef, int] | None = None
        # each claim's lower case for the word gates of the rules (None: no gate is exact)
        self.lows = [claim_folded(c.text) if row else None
                     for c, row in zip(claims, rows, strict=True)]

    # -- helpers ---------------------------------------------------------------------
    def text(self, f: Fig) -> str:
        return self.claims[f.claim].text

    def usable(self, f: Fig) -> bool:
        return f.unit is not None and not f.limit

    def compatible(self, a: Fig, b: Fig) -> bool:
        if a.pos == b.pos or a.unit != b.unit or not (self.usable(a) and self.usable(b)):
            return False
        if (a.years or b.years) and a.years != b.years:
            return False
        return not periods_clash(a.fit, b.fit)

    def link(self, total: Fig, part: Fig, rule: str, conf: str = "high",
             evidence: tuple[str, ...] = (), mergeable: bool = True) -> bool:
        """Record `part` inside `total`; a figure has one total, and no cycles. Rates
        (percent) are never parts, nor a figure an order of magnitude above its total."""
        if part.pos in self.part_of or part.pos in self.ancestors(total.pos):
            return False
        if part.unit == "percent" or part.vague:
            return False
        low, high = part.fig.low, total.fig.high
        if low is not None and high is not None and low > APART * max(high, 1.0):
            return False
        self.parts.setdefault(total.pos, []).append(
            (part, rule, mergeable, conf, tuple(e for e in evidence if e)))
        self.part_of[part.pos] = total.pos
        return True

    def siblings(self, total: Fig, anchor: Fig, rule: str, conf: str) -> None:
        """Same-unit figures listed after a part in its sentence are parts too
        ("96 of them by helicopter and 40 by boat"), until the list breaks."""
        prev = anchor
        for f in self.rows[anchor.claim]:
            if f.start <= anchor.start or f.unit != anchor.unit:
                continue
            gap = self.text(anchor)[prev.end : f.start]
            if BLOCKER.search(gap) or not self.compatible(total, f):
                break
            if not (part_role(f.fit, total.fit) or part_role(f.fit, anchor.fit)) or (
                    f.fit.role and anchor.fit.role and f.fit.role != anchor.fit.role
                    and not part_role(f.fit, total.fit)):
                break
            self.link(total, f, rule, conf, (f"list: after {anchor.fig.text}",))
            prev = f

    def referent(self, x: Fig, back_claims: int, words: set[str] | None = None) -> Fig | None:
        """The nearest earlier figure of the same unit that "of them"/"of the N" points to;
        a figure that is itself a part stands for its total."""
        best: Fig | None = None
        for i in range(x.pos - 1, -1, -1):
            f = self.flat[i]
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
        return self.flat[self.ancestors(best.pos)[-1]]

    def ancestors(self, pos: int) -> list[int]:
        chain = [pos]
        while chain[-1] in self.part_of and self.part_of[chain[-1]] not in chain:
            chain.append(self.part_of[chain[-1]])
        return chain

    def grouped(self, a: Fig, b: Fig) -> bool:
        ga, gb = self.groups.get(a.pos), self.groups.get(b.pos)
        return ga is not None and gb is not None and not ga.isdisjoint(gb)

    def group(self, rel: InferredRelation, i: int) -> None:
        if self._pos is None:
            self._pos = {f.ref: f.pos for f in self.flat}
        for m in rel.members:
            self.groups.setdefault(self._pos[m], set()).add(i)

    # -- rules -----------------------------------------------------------------------
    def syntax_rules(self) -> None:
        self.rule_out_of()
        self.rule_of_ref()
        self.rule_including()
        self.rule_total_first()
        self.rule_the_rest()
        self.rule_of_all()

    def rule_out_of(self) -> None:
        for row in self.rows:
            for x, y in zip(row, row[1:], strict=False):
                gap = self.text(x)[x.end : y.start]
                if not self.compatible(x, y) or not _OUT_OF.match(gap) or len(gap.split()) > 7:
                    continue
                if x.vague or x.unit == "percent":
                    continue
                rule = "out-of" if gap.strip().startswith("out") else "of"
                if self.link(y, x, rule, "high", (f"words: {x.fig.text}{gap}{y.fig.text}",)):
                    self.siblings(y, x, rule, "high")

    def rule_of_ref(self) -> None:
        """"40 of them", "four of whom", "of which 300", "Of those ballots, 40,000",
        "52,000 of the runners who started": a part pointing back at its total."""
        for x in self.flat:
            if x.pos in self.part_of or not self.usable(x) or x.vague:
                continue
            if x.unit == "percent":
                continue  # "40 percent of whom": a share of the people, not of a percentage
            t = self.text(x)
            after, before = t[x.end :], t[: x.start]
            total: Fig | None
            m = (_OF_PRONOUN_AFTER.match(after) or (
                _OF_PRONOUN_BEFORE.search(before) if _ends_on_pronoun(before) else None)
                 ) if any_in(self.lows[x.claim], _PRONOUNS) else None
            if m:
                total, rule = self.referent(x, 2), f"of-{_PRONOUN_RULE[fold(m.group(1))]}"
            elif m := (_OF_THE_AFTER.match(after) or (
                    _OF_THE_BEFORE.search(before) if before.rstrip().endswith(",") else None)):
                noun = {singular(w) for w in m.group(1).lower().split()}
                if x.unit is None or singular(x.unit.split()[-1]) not in noun:
                    continue
                words = _content(m.group(1)) - _unit_forms(x.unit)
                back = NOUN_BACK if words else BARE_BACK
                total, rule = self.referent(x, back, words or None), "of-those"
            else:
                continue
            if total is None or not part_role(x.fit, total.fit):
                continue
            # a pronoun reaches one sentence back; "of the children vaccinated" names its total
            named = m.re in (_OF_THE_AFTER, _OF_THE_BEFORE) and bool(
                _content(m.group(1)) - _unit_forms(x.unit or ""))
            conf = "high" if total.claim == x.claim or named or (
                x.claim - total.claim <= 1 and m.re not in (_OF_THE_AFTER, _OF_THE_BEFORE)
            ) else "medium"
            if self.link(total, x, rule, conf, (f"words: {m.group(0).strip()}",)):
                self.siblings(total, x, rule, conf)

    def rule_total_first(self) -> None:
        """"Of the 500 staff, 300 …" and "a €2.1bn fund: €1.2bn for rail, €0.5bn for
        roads and €0.4bn for hospitals": a total followed by its list of parts."""
        for row in self.rows:
            for i, t in enumerate(row):
                if t.pos in self.part_of or t.pos in self.parts or not self.usable(t):
                    continue
                rest = [f for f in row[i + 1 :] if f.unit == t.unit]
                if not rest or rest[0].pos in self.part_of:
                    continue
                gap0 = self.text(t)[t.end : rest[0].start]
                head = self.text(t)[: t.start]
                if _OF_TOTAL_BEFORE.search(head) and not BLOCKER.search(gap0):
                    self.link(t, rest[0], "of-the", "high", ("words: of the …",))
                    self.siblings(t, rest[0], "of-the", "high")
                    continue
                if t.unit == "percent" or len(rest) < 2 or BLOCKER.search(gap0):
                    continue
                if any(f.fig.value > t.fig.value or f.pos in self.part_of for f in rest):
                    continue
                if t.fit.place and any(f.fit.place and f.fit.place != t.fit.place
                                       and f.fit.level == t.fit.level for f in rest):
                    continue  # "18 in Alden County, 9 in Brook County": siblings, no total
                text = self.text(t)
                if _ALLOCATED.match(text[t.end :]):
                    continue  # "37 votes for Holt, 21 for Vance": the first is a part too
                # "won 30, lost 10 and drew 5" lists no parts of the 30: a breakdown says
                # where each amount goes ("£50m for schools") or says it is one.
                if not (_BREAKDOWN.search(text)
                        or all(_ALLOCATED.match(text[f.end :]) for f in rest)):
                    continue
                if self.link(t, rest[0], "same-source-parts", "medium", ("words: a breakdown",)):
                    self.siblings(t, rest[0], "same-source-parts", "medium")

    def rule_including(self) -> None:
        """"30,000 tickets, including 4,000 to away fans": parts in the total's sentence."""
        for x in self.flat:
            if x.pos in self.part_of or not any_in(self.lows[x.claim], _INCLUDING_WORDS) or (
                    not _INCLUDING.search(self.text(x)[: x.start])):
                continue
            total = self.referent(x, 0)
            if total is None:
                continue
            conf = "high"
            if not self.link(total, x, "including", conf, ("words: including",),
                             mergeable=False):
                continue
            prev = x
            for f in self.rows[x.claim]:
                if f.start <= x.start or f.unit != x.unit:
                    continue
                if BLOCKER.search(self.text(x)[prev.end : f.start]) or not self.compatible(x, f):
                    break
                self.link(total, f, "including", conf, ("words: including",), mergeable=False)
                prev = f

    def rule_the_rest(self) -> None:
        """"The remaining 1,400 …" adds a part to the breakdown just given."""
        for x in self.flat:
            before = self.text(x)[max(0, x.start - 25) : x.start]
            tail = before.rstrip()  # a match ends on spaces after one of these letters
            if x.pos in self.part_of or len(tail) == len(before) or tail[-1:] not in (
                    "gtreGTRE") or not _REST.search(before):
                continue
            for i in range(x.pos - 1, -1, -1):
                y = self.flat[i]
                if x.claim - y.claim > 2:
                    break
                if not self.compatible(x, y):
                    continue
                total = self.part_of.get(y.pos, y.pos if y.pos in self.parts else None)
                if total is not None:
                    self.link(self.flat[total], x, "the-rest", "high", ("words: the remaining",))
                break

    def rule_of_all(self) -> None:
        """"a third of all spending, some €28 billion": a share of a whole named earlier."""
        for x in self.flat:
            if x.pos in self.part_of or not self.usable(x):
                continue
            m = _OF_ALL.search(self.text(x)[max(0, x.start - 60) : x.start])
            if not m:
                continue
            noun = m.group(1).lower()
            for i in range(x.pos - 1, -1, -1):
                y = self.flat[i]
                if x.claim - y.claim > BACK:
                    break
                if not self.compatible(x, y):
                    continue
                near = self.text(y)[max(0, y.start - 40) : y.end + 40].lower()
                if _word_prefix(noun).search(near):
                    self.link(y, x, "of-all", "medium", (f"words: {m.group(0).strip()}",),
                              mergeable=False)
                    break

    # -- assembly --------------------------------------------------------------------
    def assemble(self) -> list[InferredRelation]:
        out: list[InferredRelation] = []
        for at, links in self.parts.items():
            total = self.flat[at].ref
            merge = [p for p in links if p[2]]
            if len(merge) >= 2:
                parts = sorted((p[0] for p in merge), key=lambda f: (f.claim, f.start))
                conf = min((p[3] for p in merge), key=RANK.__getitem__)
                evidence = tuple(dict.fromkeys(e for p in merge for e in p[4]))
                out.append(InferredRelation("partition", (total, *(p.ref for p in parts)),
                                            merge[0][1], conf, evidence))
                links = [p for p in links if not p[2]]
            for part, rule, _, conf, evidence in links:
                out.append(InferredRelation("bound", (part.ref, total), rule, conf, evidence))
        return out
