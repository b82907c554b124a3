"""Wire-copy shapes the lead found in invented health, business and local copy
(issue 14, items 2 and 3): a product recall is no memory, a noun-like cue form set off
before "who" heads its subject, a study "published in" a journal speaks for the journal,
and a body's initialism without its country's initials is the same body.

Every text here is invented; none comes from a corpus.
"""

from __future__ import annotations

import pytest

from tests.core.attribution_support import aliases, names, run, source_of, sources_of, types


@pytest.mark.parametrize("text", [
    "Halden Pharma is recalling about 2 million bottles of a drug, the Velmoran drug "
    "regulator said on Friday.",
    "Halden Pharma recalled 40,000 bottles of a drug, the Velmoran drug regulator said "
    "on Friday.",
])
def test_goods_recalled_are_no_memory_and_no_earlier_party(text: str) -> None:
    x = run(text, "Headline here")
    claim = next(c for c in x.claims if c.text.startswith("Halden"))
    assert claim.source == "Velmoran drug regulator"
    assert claim.via == ()
    assert "Halden Pharma" not in names(x)


def test_a_memory_recalled_keeps_its_speaker() -> None:
    x = run("Ann Roe recalled that the plant had closed twice.", "Headline here")
    assert sources_of(x)[1:] == ["Ann Roe"]


def test_a_noun_like_cue_before_who_heads_the_subject() -> None:
    x = run("Tenant advocates, who have pushed for the plan for years, welcomed the vote.",
            "Headline here")
    assert source_of(x, "Tenant") == "Tenant advocates"
    assert "Tenant" not in names(x)


@pytest.mark.parametrize(("sentence", "journal"), [
    ("A separate study, published in The Lancet, found that one in five adults skipped "
     "doses.", "Lancet"),
    ("The study, published in the journal Science, found that the ice sheet thinned.",
     "Science"),
    ("A new study in the journal Nature found that glaciers shrank by a third.", "Nature"),
    ("Research published on Monday in the BMJ suggested that the drug cut deaths by 12 "
     "per cent.", "BMJ"),
])
def test_a_study_speaks_for_the_journal_it_appeared_in(sentence: str, journal: str) -> None:
    x = run(sentence, "Headline here")
    assert sources_of(x)[1:] == [journal]
    assert "Study" not in names(x)


@pytest.mark.parametrize("sentence", [
    "The report, published in March, found that the ice sheet thinned.",
    "A report, published in 2019, found that the ice sheet thinned.",
])
def test_a_date_of_publication_names_no_producer(sentence: str) -> None:
    x = run(sentence, "Headline here")
    assert sources_of(x)[1:] == ["Report"]


def test_an_initialism_without_the_country_is_the_same_body() -> None:
    x = run("The U.S. Food and Drug Administration said on Friday the pills were "
            "safe.\n\nThe FDA said patients should keep taking them.", "Headline here")
    assert sources_of(x)[1:] == ["U.S. Food and Drug Administration"] * 2
    assert "FDA" in aliases(x)["U.S. Food and Drug Administration"]
    assert "FDA" not in names(x)


@pytest.mark.parametrize(("text", "company"), [
    ("Shares in Norvax fell 12 per cent on Thursday after the chipmaker cut its forecast.",
     "Norvax"),
    ("Norvax shares fell on Thursday.\n\nThe lender said it had cut its forecast.",
     "Norvax"),
    ("Halden Pharma is recalling about 2 million bottles. The company said no one was "
     "hurt.", "Halden Pharma"),
    ("Velcor Holdings lost 40 million dollars.\n\nThe firm said demand had slumped.",
     "Velcor Holdings"),
])
def test_a_firms_generic_noun_takes_up_the_company_a_sentence_opened_with(
        text: str, company: str) -> None:
    x = run(text, "Headline here")
    assert names(x) == [company]
    assert x.sources[0].type.value == "organisation"
    assert x.claims[-1].source == company


@pytest.mark.parametrize("text", [
    "Ann Assem, the co-pilot, had flown for years.\n\nAssem had no debts, the airline said.",
    "The Velmar 50 stock index fell 1 per cent. The company said it cut its "
    "forecast.",
    "Shares fell across Velmora on Monday. The company said it cut its forecast.",
])
def test_a_person_an_index_or_a_place_is_no_company(text: str) -> None:
    x = run(text, "Headline here")
    assert all(n not in ("Ann Assem", "Assem", "Velmar 50", "Velmar", "Velmora")
               for n in names(x))


@pytest.mark.parametrize("lead", ["A judge", "A federal judge"])
def test_a_stories_unnamed_judge_is_the_judge_it_names_next(lead: str) -> None:
    x = run(f"{lead} on Monday blocked a law on voter IDs, ruling that it was unfair.\n\n"
            "U.S. District Judge Carla Brenn wrote that the state had failed to show "
            "evidence.", "Headline here")
    assert sources_of(x)[1:] == ["Carla Brenn", "Carla Brenn"]
    assert names(x) == ["Carla Brenn"]
    assert not any(a.lower().split()[-1] == "judge" for a in aliases(x)["Carla Brenn"])


def test_a_judge_named_paragraphs_later_may_be_another_one() -> None:
    x = run("A judge on Monday blocked a law on voter IDs, ruling that it was unfair.\n\n"
            "The state said it would appeal.\n\nThe law had passed in May.\n\n"
            "Turnout fell in the spring.\n\n"
            "Judge Carla Brenn, who heard an earlier case, said the rules were clear.",
            "Headline here")
    assert sources_of(x)[1] == "Judge"
    assert "Carla Brenn" in names(x)


@pytest.mark.parametrize(("sentence", "body"), [
    ("The Ohio branch of the Farmers Union said prices fell.", "Farmers Union"),
    ("The local affiliate of the Velmar Teachers Federation said pay was low.",
     "Velmar Teachers Federation"),
    ("The Velmont chapter of the League of Voters estimated that 80,000 residents lacked "
     "a second ID.", "League of Voters"),
])
def test_a_branch_of_a_body_speaks_for_the_body(sentence: str, body: str) -> None:
    x = run(sentence, "Headline here")
    assert sources_of(x)[1:] == [body]
    assert names(x) == [body]


def test_a_chamber_of_commerce_keeps_its_whole_name() -> None:
    x = run("The Velmar Chamber of Commerce said taxes were too high.", "Headline here")
    assert sources_of(x)[1:] == ["Velmar Chamber of Commerce"]
    assert types(x) == {"Velmar Chamber of Commerce": "organisation"}
