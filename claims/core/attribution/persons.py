"""Nouns that name a person by role, occupation or relation ("the candidate", "counsel").

News names people by what they do as often as by name: "FBI general counsel Ann Roe"
is the person Ann Roe, and "the actress" or "the senator" a few sentences on is
somebody already met. These are general English nouns; a few carry a gender.
"""

from __future__ import annotations


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


FEMININE = _words(
    "actress businesswoman chairwoman congresswoman spokeswoman mother wife daughter "
    "sister widow grandmother woman lady girl queen princess congresswoman "
    "councilwoman stepmother aunt niece girlfriend heiress ex-wife granddaughter "
    "stepdaughter"
)
MASCULINE = _words(
    "actor businessman chairman congressman spokesman father husband son brother widower "
    "grandfather man guy gentleman boy king prince councilman stepfather uncle nephew "
    "boyfriend heir ex-husband grandson stepson"
)
PERSON_NOUNS = FEMININE | MASCULINE | _words(
    "candidate nominee hopeful contender challenger incumbent frontrunner front-runner "
    "senator lawmaker legislator representative governor mayor president vice-president "
    "secretary minister ambassador diplomat envoy official spokesperson aide adviser "
    "advisor strategist consultant pollster operative staffer organizer organiser "
    "activist advocate campaigner donor fundraiser lobbyist lawyer attorney counsel "
    "prosecutor judge justice magistrate sheriff officer detective agent investigator "
    "analyst economist scientist researcher professor scholar historian expert doctor "
    "physician surgeon neurosurgeon nurse teacher student pastor priest rabbi imam bishop "
    "preacher reverend executive entrepreneur billionaire millionaire mogul tycoon "
    "investor banker owner founder chief director manager host anchor commentator "
    "columnist journalist reporter correspondent editor writer author blogger pundit "
    "singer star comedian celebrity athlete player coach veteran soldier general "
    "commander admiral colonel voter resident witness victim survivor teenager immigrant "
    "refugee worker employee retiree delegate superdelegate elector chair leader speaker "
    "politician statesman governor-elect president-elect congressman-elect nominee-elect "
    "developer publisher producer director filmmaker artist musician rapper novelist "
    "poet philanthropist heiress chancellor premier monarch pope cardinal archbishop "
    "sergeant lieutenant captain major marshal trooper deputy commissioner inspector "
    "superintendent principal dean provost chancellor administrator supervisor "
    "treasurer comptroller auditor clerk registrar coroner mediator negotiator "
    "contractor landlord tenant farmer rancher owner shopkeeper merchant "
    # descriptions news uses to refer back to a person named before ("the football
    # legend", "the shipping magnate", "the former chat-show star")
    "legend icon magnate superstar insurgent populist firebrand maverick socialite "
    "strongman dictator autocrat newcomer outsider physicist quarterback champion boxer "
    "golfer olympian pitcher defendant plaintiff suspect gunman attacker assailant "
    "loyalist mentor predecessor successor spouse parent teen youngster graduate "
    "entertainer personality provocateur demagogue agitator dissident whistleblower "
    "hacker leaker businessperson ex-president ex-governor ex-senator retiree ex-wife "
    "ex-husband grandson granddaughter stepson stepdaughter "
    "child kid architect engineer designer chef"
)


def person_gender(noun: str) -> str | None:
    """"f"/"m" for a noun with a gender of its own ("actress", "businessman")."""
    low = noun.lower()
    return "f" if low in FEMININE else "m" if low in MASCULINE else None


# Someone who speaks for another person or body ("lawyer", "spokeswoman").
SPEAKER_NOUNS = _words(
    "spokesperson spokesman spokeswoman spokespeople lawyer lawyers attorney attorneys aide "
    "aides adviser advisers advisor advisors representative representatives counsel "
    "strategist strategists"
)


def speaks_for_another(name: str) -> bool:
    """Whether a source is named by a role for another party ("Spokesman for St. Anne's
    Hospital"): that party's name inside it does not make it the party."""
    parts = name.split(maxsplit=2)
    return len(parts) == 3 and parts[1] == "for" and parts[0].lower() in SPEAKER_NOUNS
