"""Each failure class real news showed (issue 14), in short texts written for the test.

Every test asserts the right source and that the fragment a naive reading makes of the
sentence never becomes one. No text here comes from any corpus.
"""

from __future__ import annotations

import pytest

from claims.core.attribution.names import entity_fault, name_fault
from claims.core.extraction import extract
from claims.core.model import Extraction
from claims.core.text.documents import make_document
from claims.core.text.segmentation import segment
from tests.core import attribution_support as support
from tests.core.attribution_support import names


def run(body: str, head: str = "Story of the day") -> Extraction:
    return support.run(body, head)


def credited(x: Extraction) -> list[tuple[str, str | None]]:
    return [(c.text, c.source) for c in x.claims if not c.text.startswith("Story of")]


def assert_clean_registry(x: Extraction) -> None:
    """No source of the extraction fails the structural test or names no party."""
    for s in x.sources:
        assert name_fault(s.name) is None, s.name
        assert entity_fault(s.name) is None, s.name


# ------------------------------------------------------------- registry fragments
@pytest.mark.parametrize(
    ("body", "source", "fragment"),
    [
        ("Although Vance agreed, critics say the levy will fail.", "Critics", "Although Vance"),
        ("But critics say the levy will fail.", "Critics", "But critics"),
        ("Marlow has long said the levy would fail.", "Marlow", "Marlow has long"),
        ("Another 12 percent said they would back the levy.", "Respondents",
         "Another 12 percent"),
        ("Some Democrats now fear that the levy will fail.", "Democrats", "Some Democrats"),
        ("Claim Check rated 18% of the statements misleading, the group said.",
         "Claim Check", "Claim Check rated 18% of"),
    ],
)
def test_fragments_never_become_sources(body: str, source: str, fragment: str) -> None:
    x = run(body)
    assert credited(x)[-1][1] == source
    assert fragment not in names(x)
    assert_clean_registry(x)


@pytest.mark.parametrize(
    "fragment",
    ["Although Vance", "Another 12 percent", "But Critics", "Marlow has long",
     "She has been sharply", "Neither Holt", "Three filmed an hourlong",
     "Rival Dana Holt is pouncing on a report", "Aide at the ministry who",
     "Claim Check rated 18% of Labour", "That's a small share of the total"],
)
def test_the_structural_test_rejects_sentence_fragments(fragment: str) -> None:
    assert name_fault(fragment) is not None


@pytest.mark.parametrize(
    "name",
    ["Institute for the Study of War", "Dana Holt", "Lower Harran Fire and Rescue Service",
     "Respondents", "Health Canada", "World Health Organization", "Democrats"],
)
def test_the_structural_test_keeps_names(name: str) -> None:
    assert name_fault(name) is None and entity_fault(name) is None


# ------------------------------------------------------------------ wrong aliases
def test_a_persons_lawyer_and_spokeswoman_are_no_aliases_of_the_person() -> None:
    x = run("Dana Holt denied the charges on Monday. A spokeswoman for Dana Holt said the "
            "emails were lawful. Her lawyer said the case would be dropped.")
    got = credited(x)
    assert got[1][1] == "Dana Holt's spokeswoman"
    assert got[2][1] == "Dana Holt's lawyer"
    assert [c.via for c in x.claims[-2:]] == [("Dana Holt",), ("Dana Holt",)]
    holt = next(s for s in x.sources if s.name == "Dana Holt")
    assert not {"Her lawyer", "A spokeswoman for Dana Holt", "lawyer"} & set(holt.aliases)


def test_a_surname_two_people_share_is_nobodys_alias() -> None:
    x = run("Mara Holt said taxes would rise. Ben Holt said they would fall. "
            "Mara Holt added that spending would rise.")
    for s in x.sources:
        assert "Holt" not in s.aliases


def test_pronouns_agree_in_gender() -> None:
    x = run("Tomas Lind of the Green Party won the seat.\n"
            "She told supporters the city had voted for change.")
    assert credited(x)[-1][1] is None  # nobody female to be "she"


# ------------------------------------------------------------- people and bodies
@pytest.mark.parametrize(
    ("body", "source"),
    [
        ("The World Health Organization said 12 new cases were confirmed.",
         "World Health Organization"),
        ("Health Canada said the vaccine was safe.", "Health Canada"),
    ],
)
def test_bodies_named_with_portfolio_words_are_bodies(body: str, source: str) -> None:
    x = run(body)
    assert credited(x)[0][1] == source
    assert x.sources[0].type.value != "politician"
    assert "Organization" not in names(x) and "Canada" not in names(x)


@pytest.mark.parametrize(
    ("body", "source"),
    [
        ("Stocks fell as tariffs on Chinese goods rose. The Justice Department said it "
         "would review the merger.", "Justice Department"),
        ("Retirees in Florida were worried. Police said 3 people were arrested.", "Police"),
    ],
)
def test_no_country_is_guessed_for_a_bare_body(body: str, source: str) -> None:
    x = run(body)
    assert credited(x)[-1][1] == source


def test_the_bank_is_only_a_body_shown_to_be_a_bank() -> None:
    x = run("Orchard Devices reported revenue of $90 billion on Thursday. Kestrel Capital "
            "analysts expect margins to narrow. The bank said demand would slow next year.")
    assert credited(x)[-1][1] != "Orchard Devices"


def test_a_study_in_a_journal_is_the_journals() -> None:
    x = run("About one in five adults skip breakfast, a study published in the Northfield "
            "Medical Journal found.")
    assert credited(x)[0][1] == "Northfield Medical Journal"
    assert "About one in five adults" not in names(x)


def test_it_said_after_a_body_opening_the_sentence_is_that_body() -> None:
    x = run("The World Bank cut its global growth forecast to 2.4%, it said.")
    assert credited(x)[0][1] == "World Bank"
    assert not [n for n in names(x) if "cut" in n]


def test_a_headline_makes_no_fragment_source() -> None:
    x = extract(make_document("Orchard beats revenue forecasts as sales jump\n"
                              "Orchard Devices said sales rose 12%.", "a.txt"))
    assert x.claims[0].source is None
    assert names(x) == ["Orchard Devices"]


# ------------------------------------------------------------- text lost or split
@pytest.mark.parametrize(
    "line",
    ["Orchard said it would stop supporting third-party cookies next year.",
     "Residents can sign up for the scheme until Friday, the council said.",
     "The ministry said 3,000 people subscribe to the alert service."],
)
def test_paragraphs_with_furniture_words_are_kept(line: str) -> None:
    assert [s.text for s in segment(f"Head\n{line}")] == ["Head", line]


def test_prompts_are_dropped_on_their_shape() -> None:
    text = "Head\nWant the morning news in one email? Sign up for the Briefing.\nBody."
    assert [s.text for s in segment(text)] == ["Head", "Body."]


def test_hard_wrapped_lines_are_joined() -> None:
    text = ("Head\n\nThe ministry said 40 people died in the floods, according to court\n"
            "filings seen by reporters.\n\nNext paragraph.")
    sents = [s.text for s in segment(text)]
    assert sents[1] == ("The ministry said 40 people died in the floods, according to court\n"
                        "filings seen by reporters.")
    x = extract(make_document(text, "a.txt"))
    # no fragment of the wrapped line; unnamed court filings speak as their bare kind
    assert "Court" not in names(x) and set(names(x)) <= {"Ministry", "Court filings"}


def test_a_file_wrapped_at_a_fixed_width_is_joined_into_paragraphs() -> None:
    text = ("Head\n\n"
            "The regional council said on Monday that the new bridge over the river\n"
            "Tamsin would cost 40 million euros, twice the estimate given last year\n"
            "by the transport ministry, and would open in the spring of 2029 at the\n"
            "earliest.\n\nA second paragraph follows here.")
    sents = segment(text)
    assert len([s for s in sents if s.paragraph == sents[1].paragraph]) == 1
    assert sents[1].text.endswith("at the\nearliest.")


def test_wrapped_list_items_are_joined() -> None:
    text = ("Head\n\n- The council said the first bridge would cost 40 million euros and\n"
            "  open in 2029.\n- The second would cost 12 million.\n")
    assert [s.text for s in segment(text)][1:] == [
        "The council said the first bridge would cost 40 million euros and\n  open in 2029.",
        "The second would cost 12 million."]


def test_one_paragraph_a_line_comes_out_as_before() -> None:
    text = "Head\nFirst paragraph here.\nSecond paragraph here"
    assert [(s.text, s.paragraph) for s in segment(text)] == [
        ("Head", 0), ("First paragraph here.", 1), ("Second paragraph here", 2)]


def test_a_quotation_running_over_paragraphs_keeps_its_speaker() -> None:
    x = run("“We tried everything,” Dana Holt said. “Nothing worked.\n"
            "“We will try again next year.”")
    assert [c.source for c in x.claims[1:]] == ["Dana Holt"] * 3


def test_a_caption_credit_never_runs_into_the_next_paragraph() -> None:
    text = "Head\nFirefighters at the scene on Sunday\nPhoto: Kestrel Wire\nThe fire spread."
    x = extract(make_document(text, "a.txt"))
    assert "Kestrel Wire" not in names(x)
    assert [s.text for s in segment(text)][-1] == "The fire spread."


# ------------------------------------------------------------------- wire copy
def test_claims_to_is_a_cue() -> None:
    x = run("Vardia claims to control 400 square kilometres of the valley.")
    assert credited(x)[0][1] == "Vardia"


def test_outlet_citing_a_think_tank_keeps_both() -> None:
    x = run("Kestrel Radio, citing the Borland Institute, said 400 square kilometres "
            "were taken.")
    assert (x.claims[1].source, x.claims[1].via) == ("Kestrel Radio", ("Borland Institute",))
    assert {"Kestrel Radio", "Borland Institute"} <= set(names(x))


def test_a_closing_report_wraps_the_claim_it_reports() -> None:
    x = run("Vardia claims to control 400 square kilometres, Kestrel Radio reported, "
            "citing the Borland Institute.")
    assert (x.claims[1].source, x.claims[1].via) == (
        "Kestrel Radio", ("Vardia", "Borland Institute"))


def test_gathered_by_one_and_analysed_by_another() -> None:
    x = run("The toll rose to 40, according to figures gathered by the Orvik Monitoring "
            "Group and analysed by Kestrel Radio.")
    assert (x.claims[1].source, x.claims[1].via) == ("Kestrel Radio", ("Orvik Monitoring Group",))


def test_according_to_opening_a_paragraph_covers_it() -> None:
    x = run("According to an analysis by Kestrel Radio, 40 villages were shelled. "
            "Another 12 were hit twice. Most were near the border.\nThe weather was mild.")
    assert [c.source for c in x.claims[1:]] == ["Kestrel Radio"] * 3 + [None]


def test_according_to_closing_a_paragraph_covers_it() -> None:
    x = run("Forty villages were shelled. Twelve were hit twice, according to Kestrel Radio."
            "\nThe weather was mild.")
    assert [c.source for c in x.claims[1:]] == ["Kestrel Radio", "Kestrel Radio", None]


@pytest.mark.parametrize(
    ("body", "source"),
    [
        ("Dana Holt believes the levy will fail.", "Dana Holt"),
        ("Dana Holt wants the levy scrapped.", "Dana Holt"),
        ("The union warned that strikes would follow.", "Union"),
        ("The Fiscal Council estimated the gap at 2 billion euros.", "Fiscal Council"),
        ("A poll by Civis showed the mayor ahead.", "Civis"),
        ("Dana Holt, who chairs the committee, said the levy would fail.", "Dana Holt"),
        ("The bill was backed by Dana Holt, who called for a vote in May.", "Dana Holt"),
    ],
)
def test_non_speech_cues_and_relative_clauses(body: str, source: str) -> None:
    assert credited(run(body))[0][1] == source
