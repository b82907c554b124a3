"""Relation inference on sentences from other beats (sport, business, elections, crime).

These guard the rules against fitting the dev set: none of its sentences, names or
numbers appear here.
"""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from claims.core.model import Claim, Figure, FigureFact, FigureRef, InferredRelation, Qualifier
from claims.core.reconcile.relations import infer_relations
from claims.core.reconcile.same import (
    _Around,
    _around,
    _pair_names,
    infer_same,
    place_key,
    useful_words,
)

F = tuple[str, float, str, str]  # text, value, qualifier, unit


def _fig(text: str, value: float, qual: str, unit: str, at: int, metric: str | None) -> Figure:
    q = Qualifier(qual)
    low: float | None = value
    high: float | None = value
    if q in (Qualifier.MORE_THAN, Qualifier.AT_LEAST):
        high = None
    elif q in (Qualifier.LESS_THAN, Qualifier.AT_MOST):
        low = None
    elif q is Qualifier.APPROX:
        low, high = 0.9 * value, 1.1 * value
    return Figure(text, at, at + len(text), value, low, high, q, unit, metric)


def article(*sentences: tuple[str, str | None, list[F]], paragraph_break: bool = False,
            ) -> list[Claim]:
    """Claims laid end to end as one article; figures located with str.find."""
    claims: list[Claim] = []
    pos = 0
    for i, (text, source, figs) in enumerate(sentences):
        built = []
        cursor = 0
        for ftext, value, qual, unit in figs:
            at = text.index(ftext, cursor)
            cursor = at + len(ftext)
            built.append(_fig(ftext, value, qual, unit, pos + at, None))
        para = i if paragraph_break else 0
        claims.append(Claim(text, pos, pos + len(text), source, None, tuple(built), para, i))
        pos += len(text) + 1
    return claims


def rels(claims: list[Claim]) -> list[tuple[str, str, list[str]]]:
    def name(r: FigureRef) -> str:
        return claims[r.claim].figures[r.figure].text

    return [(r.kind, r.rule, [name(m) for m in r.members]) for r in infer_relations(claims)]


def test_total_first_with_of_the_lists_every_part() -> None:
    c = article(("Of the 38 matches they played, 21 were won, 9 drawn and 8 lost.", None,
                 [("38", 38, "exact", "match"), ("21", 21, "exact", "match"),
                  ("9", 9, "exact", "match"), ("8", 8, "exact", "match")]))
    assert rels(c) == [("partition", "of-the", ["38", "21", "9", "8"])]


def test_x_of_y_is_a_bound() -> None:
    c = article(("Okafor scored 31 of the team's 88 points on Saturday.", None,
                 [("31", 31, "exact", "point"), ("88", 88, "exact", "point")]))
    assert rels(c) == [("bound", "of", ["31", "88"])]


def test_of_them_with_a_listed_sibling_is_a_partition() -> None:
    c = article(("Brightwave employs 12,000 people, 8,000 of them in Europe and 3,000 in Asia, "
                 "the company said.", "Brightwave",
                 [("12,000", 12000, "exact", "person"), ("8,000", 8000, "exact", "person"),
                  ("3,000", 3000, "exact", "person")]))
    assert rels(c) == [("partition", "of-those", ["12,000", "8,000", "3,000"])]


def test_of_those_points_back_to_the_previous_sentence() -> None:
    c = article(
        ("The election board counted 2.1 million ballots on Sunday.", "election board",
         [("2.1 million", 2.1e6, "exact", "ballot")]),
        ("Of those ballots, 40,000 were spoiled, officials said.", "election board",
         [("40,000", 40000, "exact", "ballot")]),
    )
    assert rels(c) == [("bound", "of-those", ["40,000", "2.1 million"])]


def test_a_sibling_of_another_event_ends_the_list() -> None:
    c = article(("Police detained 240 protesters, 90 of them in the old quarter, and 15 officers "
                 "were injured.", None,
                 [("240", 240, "exact", "person"), ("90", 90, "exact", "person"),
                  ("15", 15, "exact", "person")]))
    assert rels(c) == [("bound", "of-those", ["90", "240"])]


def test_including_is_a_bound_never_a_partition() -> None:
    c = article(("The club sold 30,000 tickets, including 4,000 to away fans and 2,500 to "
                 "students.", None,
                 [("30,000", 30000, "exact", "ticket"), ("4,000", 4000, "exact", "ticket"),
                  ("2,500", 2500, "exact", "ticket")]))
    assert ("bound", "including", ["4,000", "30,000"]) in rels(c)
    assert all(kind != "partition" for kind, _, _ in rels(c))


def test_alone_points_at_the_wider_count_of_the_same_event() -> None:
    c = article(
        ("Heatwaves killed 95 people across the country last summer, the ministry said.",
         "ministry", [("95", 95, "exact", "person")]),
        ("Officials said 40 people were evacuated from care homes.", "officials",
         [("40", 40, "exact", "person")]),
        ("In the capital alone, 37 people died, the mayor said.", "mayor",
         [("37", 37, "exact", "person")]),
    )
    assert rels(c) == [("bound", "alone", ["37", "95"])]


def test_a_town_inside_the_region_and_a_week_inside_a_month() -> None:
    c = article(
        ("Regional police made 310 arrests in March.", "police",
         [("310", 310, "exact", "arrest")]),
        ("Officers arrested 85 people in the past week, the force said.", "police",
         [("85", 85, "exact", "arrest")]),
    )
    assert rels(c) == [("bound", "sub-period", ["85", "310"])]


def test_two_sources_for_one_quantity_are_the_same() -> None:
    c = article(
        ("Organisers said 52,000 runners started the race.", "organisers",
         [("52,000", 52000, "exact", "runner")]),
        ("City officials put the number of runners at about 45,000.", "city officials",
         [("about 45,000", 45000, "approx", "runner")]),
    )
    c = [Claim(x.text, x.start, x.end, x.source, None,
               tuple(Figure(f.text, f.start, f.end, f.value, f.low, f.high, f.qualifier,
                            f.unit, "runners who started") for f in x.figures), 0, i)
         for i, x in enumerate(c)]
    assert rels(c) == [("same", "same-metric", ["52,000", "about 45,000"])]


def test_limits_conversions_units_and_other_years_are_never_related() -> None:
    c = article(
        ("Turnout was 64%, short of the 70% target set by the commission.", None,
         [("64%", 64, "exact", "percent"), ("70%", 70, "exact", "percent")]),
        ("The treasury raised $3 billion abroad while the shortfall hit €3 billion.", None,
         [("$3 billion", 3e9, "exact", "dollar"), ("€3 billion", 3e9, "exact", "euro")]),
        ("Sales reached 9,000 units, up from 7,000 in 2023 and 5,000 in 2022.", None,
         [("9,000", 9000, "exact", "unit"), ("7,000", 7000, "exact", "unit"),
          ("5,000", 5000, "exact", "unit")]),
    )
    assert rels(c) == []


def test_a_total_and_its_listed_parts_in_one_sentence() -> None:
    c = article(("The council will spend £90 million, with £50 million for schools, £25 million "
                 "for roads and £15 million for parks.", "council",
                 [("£90 million", 9e7, "exact", "pound"), ("£50 million", 5e7, "exact", "pound"),
                  ("£25 million", 2.5e7, "exact", "pound"),
                  ("£15 million", 1.5e7, "exact", "pound")]))
    assert rels(c) == [("partition", "same-source-parts",
                        ["£90 million", "£50 million", "£25 million", "£15 million"])]


def test_the_rest_joins_the_parts_of_the_previous_sentence() -> None:
    c = article(
        ("The union has 4,000 members, 2,600 of them nurses.", "union",
         [("4,000", 4000, "exact", "member"), ("2,600", 2600, "exact", "member")]),
        ("The remaining 1,400 are porters and cleaners, it said.", "union",
         [("1,400", 1400, "exact", "member")]),
    )
    assert rels(c) == [("partition", "of-those", ["4,000", "2,600", "1,400"])]


def test_a_score_line_is_not_a_partition() -> None:
    c = article(("The visitors won 3-1 after trailing 1-0, and 41,000 fans watched, up from "
                 "38,000 last week.", None,
                 [("41,000", 41000, "exact", "fan"), ("38,000", 38000, "exact", "fan")]))
    assert rels(c) == []


def figure_fact(i: int, art: int, text: str, value: float, ctx: str, metric: str | None = None,
          published: str | None = "2026-03-02", qual: str = "exact") -> FigureFact:
    q = Qualifier(qual)
    return FigureFact(
        id=i, claim_id=i, article_id=art, article=f"a{art}.txt", origin=f"a{art}.txt",
        text=text, start=0, end=len(text), value=value,
        low=value, high=None if q is Qualifier.AT_LEAST else value, qualifier=q,
        unit="person", metric=metric, published=published, context=ctx,
    )


def test_infer_same_needs_a_shared_event_and_place() -> None:
    a = figure_fact(1, 1, "14", 14, "Fourteen miners died in the collapse at Kestrel Ridge, the "
              "operator said: 14 bodies were recovered.")
    b = figure_fact(2, 2, "at least 16", 16, "Rescuers said at least 16 miners were killed at "
              "Kestrel Ridge.", qual="at_least")
    c = figure_fact(3, 2, "16", 16, "Sixteen people were killed in a bus crash near Dunmore on "
              "Monday: 16 dead.")
    d = figure_fact(4, 3, "14", 14, "14 miners died at Kestrel Ridge.", published="2026-05-01")
    assert infer_same([a], [b, c, d]) == ((1, 2, "same-context"),)


def test_infer_same_with_metrics_still_needs_a_shared_name() -> None:
    m = "boats taking part"
    a = figure_fact(1, 1, "300", 300, "Organisers said 300 boats took part in the Orrin regatta.",
              metric=m)
    b = figure_fact(2, 2, "about 280", 280, "Some 280 boats joined the Orrin regatta.", metric=m)
    c = figure_fact(3, 3, "300", 300, "300 boats sailed at the Orrin regatta.", metric=m,
              published="2026-04-20")  # out of the window
    d = figure_fact(4, 4, "310", 310, "Organisers said 310 boats took part.", metric=m)
    assert infer_same([a], [b, c, d]) == ((1, 2, "same-metric"),)


def test_an_unknown_publication_date_never_rules_a_pair_out() -> None:
    """A wire copy dated only "Sept 13" has no year, so no date; the local paper's
    "13 September 2026" gives one: the two still meet."""
    m = "boats taking part"
    a = figure_fact(1, 1, "300", 300, "Organisers said 300 boats took part in the Orrin regatta.",
              metric=m)
    b = figure_fact(2, 2, "280", 280, "Some 280 boats joined the Orrin regatta.", metric=m,
              published=None)
    assert infer_same([a], [b]) == ((1, 2, "same-metric"),)
    assert infer_same([b], [a]) == ((2, 1, "same-metric"),)


def test_infer_relations_returns_inferred_relations() -> None:
    c = article(("Okafor scored 31 of the team's 88 points.", None,
                 [("31", 31, "exact", "point"), ("88", 88, "exact", "point")]))
    assert infer_relations(c) == (
        InferredRelation("bound", (FigureRef(0, 0), FigureRef(0, 1)), "of"),
    )


_VOCAB = ("of them out the including alone remaining killed died in town across country "
          "week month , . and 12 40 7 300 people tickets target ceiling or from 2021 which whom")
_WORDS = st.sampled_from(_VOCAB.split(" "))


@st.composite
def random_claims(draw: st.DrawFn) -> list[Claim]:
    claims, pos = [], 0
    for i in range(draw(st.integers(1, 4))):
        words = draw(st.lists(_WORDS, min_size=1, max_size=25))
        text = " ".join(words)
        figs = []
        for m in re.finditer(r"\d+", text):
            unit = draw(st.sampled_from(["person", "ticket", None]))
            v = float(m.group())
            figs.append(Figure(m.group(), pos + m.start(), pos + m.end(), v, v, v,
                               Qualifier.EXACT, unit, draw(st.sampled_from([None, "x y"]))))
        claims.append(Claim(text, pos, pos + len(text), draw(st.sampled_from([None, "a", "b"])),
                            None, tuple(figs), i // 2, i))
        pos += len(text) + 1
    return claims


@given(random_claims())
def test_any_text_gives_well_formed_relations_of_one_unit(claims: list[Claim]) -> None:
    for r in infer_relations(claims):
        figs = [claims[m.claim].figures[m.figure] for m in r.members]
        assert r.kind in ("partition", "bound", "same")
        assert len(figs) >= 2 and (r.kind == "partition" or len(figs) == 2)
        assert len(set(r.members)) == len(r.members)
        assert len({f.unit for f in figs}) == 1 and figs[0].unit is not None


def test_a_season_record_is_not_a_breakdown() -> None:
    c = article(("The club won 30 games, lost 10 and drew 5 this season.", None,
                 [("30", 30, "exact", "game"), ("10", 10, "exact", "game"),
                  ("5", 5, "exact", "game")]))
    assert rels(c) == []


def test_two_sources_on_two_regions_are_not_one_quantity() -> None:
    c = article(
        ("The ministry said 12 people died in the north.", "ministry",
         [("12", 12, "exact", "person")]),
        ("The aid agency said 40 people died in the south.", "aid agency",
         [("40", 40, "exact", "person")]),
    )
    assert rels(c) == []
    c = article(
        ("The ministry said 12 people died in the storm.", "ministry",
         [("12", 12, "exact", "person")]),
        ("The aid agency said at least 20 people were killed.", "aid agency",
         [("at least 20", 20, "at_least", "person")]),
    )
    assert rels(c) == [("same", "same-context", ["12", "at least 20"])]


def test_a_town_figure_from_another_period_is_not_bounded() -> None:
    c = article(
        ("Storms killed 12 people nationwide on Monday, the ministry said.", "ministry",
         [("12", 12, "exact", "person")]),
        ("In the city, 40 people died of heatstroke over the past week.", None,
         [("40", 40, "exact", "person")]),
    )
    assert rels(c) == []


def test_two_sources_on_one_indicator_far_apart() -> None:
    c = article(
        ("The statistics office said unemployment stood at 6.1% in the second quarter.",
         "statistics office", [("6.1%", 6.1, "exact", "percent")]),
        ("Exports fell for a third month.", None, []),
        ("The trade union federation said 48 plants had closed.", "union federation",
         [("48", 48, "exact", "plant")]),
        ("An employers' group said unemployment was nearer 7.4%, citing its own survey.",
         "employers' group", [("7.4%", 7.4, "exact", "percent")]),
        ("The central bank aims to keep inflation below 2%, the governor said.", "governor",
         [("below 2%", 2, "less_than", "percent")]),
        ("Inflation reached 3.5% in the year to March, the statistics office said.",
         "statistics office", [("3.5%", 3.5, "exact", "percent")]),
        ("A bank economist said inflation would ease to 2.9% next year.", "economist",
         [("2.9%", 2.9, "exact", "percent")]),
    )
    assert rels(c) == [("same", "same-context", ["6.1%", "7.4%"])]


_PLACES = st.frozensets(st.sampled_from(["Kyiv", "Lviv", "north", "coastal", "Odesa", "ISW"]),
                       max_size=4)
_AROUND = st.builds(
    _Around,
    years=st.frozensets(st.sampled_from(["2024", "2025"]), max_size=1),
    local=st.booleans(),
    near=_PLACES,
    directions=st.frozensets(st.sampled_from(["north", "coastal"]), max_size=2),
    labelled=_PLACES,
)


@given(_AROUND, _AROUND, _PLACES)
def test_shares_with_equals_agreeing_scopes(a: _Around, b: _Around, names: frozenset[str]) -> None:
    agree = a.scope(names).agrees(b.scope(names), shared=True)
    assert a.shares_with(b, names) == agree
    assert not agree or a.words & b.words  # what infer_same's word index relies on


_CONTEXT_WORDS = st.sampled_from(
    ["Kyiv", "Lviv", "north", "coastal", "the", "said", "Ministry", "Interior", "in", "of",
     "Odesa's", "people", "killed", "Police", ".", "2024", "region"])
_SOURCE = st.one_of(st.none(), st.lists(st.sampled_from(
    ["Kyiv", "Interior", "Ministry", "Police", "Odesa", "North"]), min_size=1, max_size=3)
    .map(" ".join))


@given(st.lists(_CONTEXT_WORDS, max_size=12), st.lists(_CONTEXT_WORDS, max_size=12),
       _SOURCE, _SOURCE)
def test_a_pair_that_agrees_shares_a_useful_word_of_the_new_figure(
    before: list[str], after: list[str], source_a: str | None, source_b: str | None
) -> None:
    context_a = " ".join([*before, "12", *after])
    context_b = " ".join([*after, "12", *before[::-1]])
    ra, rb = _around(context_a, "12", None), _around(context_b, "12", None)
    if ra.shares_with(rb, _pair_names(source_a, source_b)):  # what ingest's query relies on
        assert useful_words(context_a, "12", None, source_a) & rb.words
        assert f" {sorted(ra.words)[0]} " in place_key(context_a, "12", None)
