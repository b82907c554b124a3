"""Attribution recall: cue shapes the tool used to leave unsourced, on made-up texts.

Each shape is checked both ways: the attributive sentence gets its exact source, and a
sentence of the same surface shape that reports nothing gets none.
"""

from __future__ import annotations

import pytest

from claims.core.attribution.cues import find_hits
from tests.core.attribution_support import in_context, last_paragraph


def sources(body: str) -> list[tuple[str, str | None, str | None]]:
    """(claim text, source, cue) of the last paragraph, after a context naming a person."""
    return [(c.text, c.source, c.cue) for c in last_paragraph(in_context(body))]


@pytest.mark.parametrize(
    ("sentence", "source", "cue"),
    [
        # a set-off subject keeps its verb across auxiliaries and adverbs
        ("Moreno, in particular, has slammed the council's plans for the harbour.",
         "Anna Moreno", "slammed"),
        ("Moreno, who was once a teacher in Ohio, has vowed to block the bill.",
         "Anna Moreno", "vowed"),
        ("Moreno, as expected, has repeatedly argued that the levy is unfair.",
         "Anna Moreno", "argued"),
        # a contracted progressive
        ("She's also praising the former governor of the state.", "Anna Moreno", "praised"),
        # an appositive with an age, or an indefinite description before a relative clause
        ("Jon Park, 60, a doctor, said he was worried about the levy.", "Jon Park", "said"),
        ("Jon Park, 41, of Dayton, dismisses the notion that the levy matters.",
         "Jon Park", "dismissed"),
        # descriptions set off by commas around or after the name
        ("Jon Park, Ohio organizer for the Brown campaign, said the phone bank was busy.",
         "Jon Park", "said"),
        ("Another member of the Brown team, Jon Park, said he was only half convinced.",
         "Jon Park", "said"),
        ("County clerk Mary Park, wearing a yellow raincoat, said the count could slip.",
         "Mary Park", "said"),
        ("Sen. Jon Park (D-Ohio), said after a hearing that he had not seen the budget.",
         "Jon Park", "said"),
        # verbal acts of evaluation and support
        ("Jon Park took aim at the governor over the levy.", "Jon Park", "took"),
        ("Jon Park threw his support behind the levy.", "Jon Park", "threw"),
        ("Jon Park made clear that he opposes the levy.", "Jon Park", "made"),
        ("Jon Park pushed for a new levy on farms.", "Jon Park", "pushed"),
        # a noun-like -s verb after a singular noun phrase, its object right after
        ("The farmers union backs the governor.", "Farmers union", "backed"),
        ("A new ad from the Park campaign attacks the governor.",
         "Park campaign", "attacked"),
        ("Senator Jon Park of Ohio, a Democrat on the farm committee, advocates a new "
         "fee on ferries.", "Jon Park", "advocated"),
        ("And then, once the bill passes, the president hopes he can sign it.",
         "President", "hoped"),
        # adverbial and parenthetical asides between subject and verb
        ("Glass makers, for instance, argue tariffs hurt their sales.", "Glass makers", "argued"),
        ("Sen. Jon Park (a Democrat so tall he ducks under doorways) says he was "
         "distracted.", "Jon Park", "said"),
        ("Jon Park also took a swipe at the mayor without naming him.", "Jon Park", "took"),
        # a time adverbial between a set-off subject and its verb
        ("Jon Park, the club treasurer, this past week announced a new fee schedule.",
         "Jon Park", "announced"),
        ("Jon Park, the club treasurer, on Tuesday announced a new fee schedule.",
         "Jon Park", "announced"),
        # "made the case that", "made a call for"
        ("At the hearing, Jon Park made a surprise call for a cap on ferry fares.",
         "Jon Park", "made"),
        ("Jon Park made the case that the levy is unfair.", "Jon Park", "made"),
        # communication verbs and particle verbs of stance
        ("Jon Park likened the levy to theft.", "Jon Park", "likened"),
        ("Jon Park addressed the levy in his speech.", "Jon Park", "addressed"),
        ("Jon Park vouched for the governor on Monday.", "Jon Park", "vouched"),
        ("Jon Park balked at the cost of the levy.", "Jon Park", "balked"),
        ("Jon Park touched on the levy in his speech.", "Jon Park", "touched"),
        # progressives of particle verbs
        ("Jon Park is talking about the levy again.", "Jon Park", "talked"),
        ("The farmers are pushing for a new levy.", "Farmers", "pushed"),
        # "as X put it"
        ("As Jon Park put it, the levy is a disaster.", "Jon Park", "put"),
        ("The levy, as Jon Park put it, is a disaster.", "Jon Park", "put"),
        # "more likely to say", "inclined to believe": the subject of the catenative
        ("Democratic voters in Ohio were more likely to say the levy is unfair.",
         "Democratic voters in Ohio", "said"),
        ("Farmers are inclined to believe the rumors about the levy.", "Farmers", "believes"),
        # evaluation: "complain of", "cast X as", "love"
        ("Workers complain of long hours at the mill.", "Workers", "complained"),
        ("Jon Park has cast the governor as a tool of the banks.", "Jon Park", "cast"),
        ("Hotel owners love the new levy.", "Hotel owners", "loved"),
        # an intention before "to" after a plain subject
        ("The Brown campaign wants to settle doubts about its ledger.",
         "Brown campaign", "wanted"),
        # a cue noun owned by a name
        ("Moreno's claim that the levy failed was false.", "Anna Moreno", "claimed"),
        ("Jon Park's assertion that the dam is safe drew scorn from engineers.",
         "Jon Park", "claimed"),
    ],
)
def test_recalled_shape_gets_its_source(sentence: str, source: str, cue: str) -> None:
    claims = sources(sentence)
    assert len(claims) == 1
    assert claims[0][1:] == (source, cue)


@pytest.mark.parametrize(
    "sentence",
    [
        "The river, as expected, has risen after the storm.",
        "The river rose after the storm.",
        "The storm took aim at the coast.",
        "The flood pushed for miles into the valley.",
        "The tide made clear water murky.",
        "The company plans were shelved.",
        "The rain was more likely to fall in the north.",
        "The fisherman cast the net into the river.",
        "As the baker put it in the oven, the bread rose.",
        "The children are talking in the yard.",
        "The river is pushing against the dam.",
        "The address of the mill is unknown.",
        "The references to the mill were removed.",
        "The plane touched down in Dayton.",
        "The river, this past week, rose above the bridge.",
        "The mill made a call for workers.",
        "The new stadium helped the city make the case for hosting the games.",
        "The old bridge (built in 1900) stands near the mill.",
        "The heavy rain, for instance, flooded the valley.",
        "The campaign attacks on the governor were shelved.",
        "His plans to expand were shelved.",
        "The bridge, 60 years old, a landmark, was closed for repairs.",
        "The town's claim to fame is its bridge.",
        "Moreno's house is large.",
        "The bridge in Dayton, Ohio, was closed for repairs.",
        "Park, referred to as the town's oldest man, has been seen as a local hero.",
        "Moreno's statements to the council were brief.",
    ],
)
def test_same_shape_without_attribution_gets_none(sentence: str) -> None:
    claims = sources(sentence)
    assert [c[1] for c in claims] == [None] * len(claims)


def test_cue_noun_yields_to_a_verb_in_the_same_clause() -> None:
    """"Before Park's remarks on the dam, Moreno had criticized …": the verb's subject."""
    claims = sources("Long before Jon Park's remarks on the dam, Moreno had criticized "
                     "the engineers.")
    assert [c[1] for c in claims] == ["Anna Moreno"]


def test_indefinite_description_before_relative_clause_is_no_subject() -> None:
    """"Park, an aide at X, which has …, said": the name, with the description as role."""
    text = ("Jon Park, an aide at the city hall, which has a backlog of cases, said the rule "
            "was costly.")
    hits = find_hits(text, [False] * len(text))
    assert [(h.cue, h.phrase, h.role) for h in hits] == [
        ("said", "Jon Park", "an aide at the city hall")]
