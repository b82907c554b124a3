"""Each class of real-news mistake issue 13 lists, on short texts written for these tests
(invented places and numbers): the right relation is proposed, the wrong one is not.

The texts go through the whole extractor (`extract`), so frames are read from the words
exactly as at ingest.
"""

from __future__ import annotations

from claims.core.extraction import extract
from claims.core.model import Extraction, FigureFact
from claims.core.reconcile.same import infer_same
from claims.core.text.documents import make_document

Rel = tuple[str, list[str]]


def run(text: str, published: str | None = "2025-03-20") -> Extraction:
    return extract(make_document(text, "t.txt", published=published))


def rels(x: Extraction, confidence: str | None = None) -> list[Rel]:
    """(kind, member figure texts), in the order `extract` gives them."""
    def text(m: object) -> str:
        return x.claims[m.claim].figures[m.figure].text  # type: ignore[attr-defined]

    return [(r.kind, [text(m) for m in r.members]) for r in x.relations
            if confidence is None or r.confidence == confidence]


def confidence_of(x: Extraction, kind: str, members: list[str]) -> str:
    return next(r.confidence for r in x.relations
                if r.kind == kind and [x.claims[m.claim].figures[m.figure].text
                                       for m in r.members] == members)


def test_launched_and_downed_are_parts_never_the_same_quantity() -> None:
    x = run("Russia launched 90 missiles at Ukraine overnight, the air force said. "
            "The defence ministry said air defences shot down 81 missiles.\n")
    assert not [r for r in rels(x) if r[0] == "same"]
    x = run("Russia launched 90 missiles overnight, the air force said, and air defences "
            "shot down 81 of them.\n")
    assert rels(x) == [("bound", ["81", "90"])]


def test_this_year_is_not_last_year() -> None:
    x = run("Vossian forces have captured 300 square kilometres this year, the think tank "
            "said. Analysts at the institute said Vossian forces captured 1,100 square "
            "kilometres last year.\n")
    assert rels(x) == []
    x = run("Vossian forces captured 120 square kilometres in March, the think tank said. "
            "The institute said Vossian forces captured 1,100 square kilometres last year.\n")
    assert rels(x) == []  # one month of this year is not inside last year


def test_a_state_count_is_inside_the_national_one_not_the_same() -> None:
    x = run("Ohio has reported 81 measles cases this year, the state health department "
            "said.\nNationwide, 1,200 measles cases have been reported this year, federal "
            "officials said.\n")
    assert ("same", ["81", "1,200"]) not in rels(x)
    assert rels(x) == [("bound", ["81", "1,200"])]


def test_two_groups_shares_of_one_candidate_are_not_one_quantity() -> None:
    x = run("Junior staff favored Vance by 6 percent, the survey found.\n"
            "Managers favored Vance 51 percent to 37 percent, the survey found.\n")
    assert [r for r in rels(x) if r[0] == "same"] == []


def test_two_candidates_poll_shares_are_not_one_quantity() -> None:
    x = run("In the Redfield poll, Marsh was supported by 46 percent of likely voters, "
            "the pollster said.\nOkafor received 41 percent, the campaign said.\n")
    assert rels(x) == []


def test_a_total_with_its_parts_in_the_next_sentence() -> None:
    x = run("Storms killed 35 people across the state on Sunday, the governor said.\n"
            "At least 18 died in Alden County, 9 in Brook County and 7 in Carver County, "
            "officials said.\n")
    assert rels(x) == [("partition", ["35", "At least 18", "9", "7"])]
    assert ("partition", ["At least 18", "9", "7"]) not in rels(x)


def test_a_county_list_is_never_its_own_total() -> None:
    x = run("Floods killed at least 24 people across the province, the agency said.\n"
            "At least 12 died in Alden County, 7 in Brook County and 5 in Carver County.\n")
    assert ("partition", ["At least 12", "7", "5"]) not in rels(x)
    assert rels(x) == [("partition", ["at least 24", "At least 12", "7", "5"])]


def test_nested_periods_are_bounds_inside_bounds() -> None:
    x = run("Police made 52 arrests since 3 March, the force said.\n"
            "Officers have arrested 80 people since the start of the month, it said.\n"
            "The force said it had arrested 610 people since January.\n")
    assert rels(x) == [("bound", ["52", "80"]), ("bound", ["80", "610"])]
    assert confidence_of(x, "bound", ["52", "80"]) == "high"


def test_two_regions_tolls_are_parts_of_the_country_toll() -> None:
    x = run("The war has killed 500 people across the country this month, the monitor "
            "said.\nIn the rebel-held north, 310 people were killed, it said.\n"
            "The health ministry said 150 people were killed in the south.\n")
    assert ("bound", ["150", "310"]) not in rels(x)
    assert ("bound", ["310", "150"]) not in rels(x)
    assert ("same", ["310", "150"]) not in rels(x)
    assert rels(x) == [("partition", ["500", "310", "150"])]


def test_the_seed_drone_partition_is_high_confidence() -> None:
    x = run("Ukraine's military reported downing 76 out of 188 drones launched by Russia "
            "overnight.\nThe air force said it lost track of 96 of those drones, while five "
            "drones headed towards Belarus.\n", published="2024-11-26")
    assert rels(x) == [("partition", ["188", "76", "96", "five"])]
    assert confidence_of(x, "partition", ["188", "76", "96", "five"]) == "high"


def _facts(x: Extraction, article_id: int, first_id: int) -> list[FigureFact]:
    out = []
    for ci, c in enumerate(x.claims):
        for f in c.figures:
            out.append(FigureFact(
                id=first_id + len(out), claim_id=ci, article_id=article_id,
                article=x.document.name, origin=x.document.name, text=f.text, start=f.start,
                end=f.end, value=f.value, low=f.low, high=f.high, qualifier=f.qualifier,
                unit=f.unit, metric=f.metric, source=c.source,
                published=x.document.published, context=c.text, frame=f.frame))
    return out


def _pairs(a: Extraction, b: Extraction) -> list[tuple[str, str, str]]:
    fa, fb = _facts(a, 1, 1), _facts(b, 2, 100)
    by_id = {f.id: f.text for f in fa + fb}
    return [(by_id[p], by_id[q], conf) for p, q, _rule, conf, _ev in infer_same(fb, fa)]


def test_two_wire_reports_of_one_night_agree_figure_by_figure() -> None:
    a = run("Missile strike on Dunmore kills 12, injures 40\n"
            "DUNMORE (Wire One) - A missile strike killed 12 people in Dunmore overnight, "
            "regional officials said on Tuesday, and 40 people were injured in Dunmore.\n",
            published="2025-03-18")
    b = run("Dunmore counts its dead\n"
            "At least 13 people were killed in Dunmore overnight, the mayor said.\n"
            "Doctors said 38 people were injured in Dunmore.\n", published="2025-03-18")
    pairs = _pairs(a, b)
    assert ("At least 13", "12", "high") in pairs  # killed: a conflict worth a look
    assert ("38", "40", "high") in pairs  # injured
    assert ("At least 13", "40", "high") not in [(p, q, c) for p, q, c in pairs]


def test_undated_reports_need_the_event_place_and_period_named() -> None:
    a = run("A missile strike killed 12 people in Dunmore overnight, officials said.\n",
            published=None)
    b = run("At least 13 people were killed in Dunmore overnight, the mayor said.\n",
            published=None)
    assert _pairs(a, b) == []  # "a missile strike" in one, nothing named in the other
    c = run("The Dunmore strike killed 12 people in Dunmore on Monday, officials said.\n",
            published=None)
    d = run("The Dunmore strike killed at least 13 people in Dunmore on Monday, the mayor "
            "said.\n", published=None)
    assert _pairs(c, d) == [("at least 13", "12", "high")]


def test_an_unknown_date_never_rules_a_pair_out_but_needs_the_event_named() -> None:
    """A wire copy dated only "Sept 13" has no year, so no date; a dated local paper
    still meets it, both ways, when both name the event, the place and the period."""
    dated = run("The Dunmore strike killed 12 people in Dunmore on 17 March 2025, officials "
                "said.\n", published="2025-03-18")
    undated = run("The Dunmore strike killed at least 13 people in Dunmore on 17 March 2025, "
                  "the mayor said.\n", published=None)
    assert _pairs(dated, undated) == [("at least 13", "12", "high")]
    assert _pairs(undated, dated) == [("12", "at least 13", "high")]
    vague = run("At least 13 people were killed in Dunmore overnight, the mayor said.\n",
                published=None)
    assert _pairs(dated, vague) == [] and _pairs(vague, dated) == []


def test_a_revised_estimate_is_the_same_quantity() -> None:
    a = run("Vossian forces captured almost 300 square kilometres in Elbaria in February, "
            "the institute said.\n", published="2025-03-02")
    b = run("The institute said Vossian forces captured 301 square kilometres in Elbaria in "
            "February, revising its estimate.\n", published="2025-03-04")
    assert _pairs(a, b) == [("301", "almost 300", "high")]


def test_a_toll_that_passed_a_number_is_a_lower_bound() -> None:
    x = run("The toll passed 4,000 across the country, the ministry said.\n"
            "Officials said 2,500 died in the north and 1,200 in the south.\n")
    figure = x.claims[0].figures[0]
    assert (figure.low, figure.high) == (4000, None)


def test_a_bare_one_in_a_county_list_is_a_part() -> None:
    x = run("Storms killed 35 people across the state on Sunday, the governor said.\n"
            "At least 18 died in Alden County, 9 in Brook County, 7 in Carver County and "
            "one in Dale County.\n")
    assert rels(x) == [("partition", ["35", "At least 18", "9", "7", "one"])]
