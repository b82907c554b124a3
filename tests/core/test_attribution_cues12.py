"""Cue recall, twelfth round: participle clauses whose subject the plain reading missed."""

from __future__ import annotations

from tests.core.attribution_support import names, run, source_of


def test_participle_after_an_opening_takes_a_lower_case_pronoun() -> None:
    # "Later that evening, she …, criticizing …", "And she pressed on, deriding …": the
    # pronoun after the opening is the subject; the opening itself never is.
    x = run("Headline here\nAnn Roe spoke in Dayton. Later that evening, she escalated her "
            "attacks on the levy, criticizing it for hurting renters. And she pressed on, "
            "deriding the council's talk of a better deal.\n")
    assert source_of(x, "Later that evening") == "Ann Roe"
    assert source_of(x, "And she pressed") == "Ann Roe"
    assert "Later" not in names(x)


def test_aiming_participle_takes_its_to_clause() -> None:
    # "…, hoping to …": the hope is the subject's; "adding to the pressure" stays no cue.
    x = run("Headline here\nAnn Roe set out ten months ago to energize the party, hoping to "
            "bring together young voters.\nThe levy rose again, adding to the pressure on "
            "renters.\n")
    assert source_of(x, "Ann Roe set out") == "Ann Roe"
    assert source_of(x, "The levy rose") is None


def test_opening_participle_or_place_adverb_is_no_subject() -> None:
    # "Walking to …, Roe …, and said": the name after the opening, never "Walking".
    x = run("Headline here\nWalking to her car, Ann Roe talked about her youth in "
            "Dayton, and said the town had changed.\nHere in Velmora, Tom Holt stepped up "
            "his attacks on the levy, saying renters pay too much.\n")
    assert source_of(x, "Walking to her car") == "Ann Roe"
    assert None not in [c.source for c in x.claims if "town had changed" in c.text]
    assert source_of(x, "Here in Velmora") == "Tom Holt"
    assert "Walking" not in names(x) and "Here" not in names(x)


def test_document_subject_keeps_its_head_before_a_publishing_participle() -> None:
    # "A wire report issued Tuesday said": the report, never "A wire".
    x = run("Headline here\nA wire report issued Tuesday said the mayor used a "
            "private email account.\n")
    assert source_of(x, "A wire report") == "Wire report"
    assert "Wire" not in names(x)


def test_participle_subject_follows_an_opening_phrase_and_its_comma() -> None:
    # "For weeks, Roe has …, arguing …": Roe, never the opening's "For" or "Once".
    x = run("Headline here\nFor weeks, Ann Roe has kept out of the contest, "
            "arguing she did not wish to sway the vote.\nOnce he was mayor, Tom Holt made "
            "the harbour a priority, announcing a new plan for the docks.\n")
    assert source_of(x, "For weeks") == "Ann Roe"
    assert source_of(x, "Once he was mayor") == "Tom Holt"
    assert "For" not in names(x) and "Once" not in names(x)


def test_in_a_partys_view_credits_the_owner() -> None:
    # "In Holt's view, …", "In her view, …": the owner's opinion; "In other words" no one's.
    x = run("Headline here\nIn Tom Holt's view, the levy is unfair to renters.\nAnn Roe spoke "
            "on Monday. In her view, the harbour needs a new pier.\nIn other words, the "
            "council will vote again.\n")
    assert source_of(x, "In Tom Holt's view") == "Tom Holt"
    assert source_of(x, "In her view") == "Ann Roe"
    assert source_of(x, "In other words") is None


def test_particle_verb_takes_an_adverb_before_its_particle() -> None:
    # "spoke favorably of", "spoke briefly about": the particle after a manner adverb;
    # "spoke only" or a bare "spoke briefly." stays no cue.
    x = run("Headline here\nTom Holt spoke favorably of the new levy during the debate.\n"
            "Ann Roe spoke briefly at the pier on Friday.\n")
    assert source_of(x, "Tom Holt spoke") == "Tom Holt"
    assert source_of(x, "Ann Roe spoke") is None


def test_contracted_relative_pronoun_reads_its_antecedent() -> None:
    # "the delegates who've already said …": the delegates; "who's" (is or has) stays
    # unread, so "a mayor who's planned little" credits no one.
    x = run("Headline here\nThe delegates who've already said they back Ann Roe may yet "
            "change their minds.\nTom Holt is a mayor who's planned "
            "little for the harbour.\n")
    assert source_of(x, "The delegates") == "Delegates"
    assert source_of(x, "Tom Holt is a mayor") is None


def test_reduced_time_clause_between_commas_is_an_aside() -> None:
    # "X, when reached by reporters, said …": X; the clause names no speaker of its own.
    x = run("Headline here\nThe mayor's office, when reached by reporters, said the mayor "
            "could not recall the meeting.\n")
    assert source_of(x, "The mayor's office") == "Mayor's office"
    assert "Reporters" not in names(x)


def test_owned_kin_noun_heads_a_coordinated_subject_within_its_commas() -> None:
    # "Roe's elder brother studied …, and told …": the brother; a head past a comma
    # ("Holt's relatives, including his wife, …") is never read into the name.
    x = run("Headline here\nAnn Roe's elder brother studied law with Tom Holt, and told "
            "tales of the choir they both joined.\nTom Holt's relatives, including "
            "his wife, watched the videos on Thursday and said they had more questions.\n")
    assert source_of(x, "Ann Roe's elder brother") == "Ann Roe's elder brother"
    assert all("," not in n for n in names(x))
