"""Number agreement for "it" and "they" (issue 14, item 3: pronouns agree).

"It said" refers back to one body, never to a group of people ("Officials said … . The
letter …, it read" is not the officials) nor to a person ("Ann Roe"); "they said" may be
a body ("the company … they said") or a group, never one person ("Ann Roe", "a top
aide"). A source's number is read from its name: the head noun (the last word before a
modifier such as "familiar with …", "of …") and whether it is a plural noun of people,
and its person-ness from the source book's flag or a known first name.
"""

from __future__ import annotations

from functools import lru_cache

from claims.core.attribution.names import RESPONDENTS, UNNAMED
from claims.core.attribution.persons import PERSON_NOUNS
from claims.core.attribution.references import is_org_word
from claims.core.attribution.sources import Entity, gender_of, words

# Words that open a modifier after a head noun ("officials familiar with the plan",
# "people briefed on the plan", "members within both unions", "aides to the mayor").
_MODIFIER_OPENERS = words(
    "of from in at on for with within to familiar close briefed who that near across "
    "inside outside around involved"
)
# Plural nouns of people whose singular is no person noun of `PERSON_NOUNS`.
_PEOPLE_PLURALS = words(
    "people democrats republicans conservatives liberals progressives critics supporters "
    "opponents backers defenders allies insiders sources members leaders officials "
    "experts economists analysts researchers scientists thinkers observers residents "
    "citizens voters respondents americans aides advisers advisors staffers operatives "
    "strategists lawmakers politicians organizers organisers activists protesters "
    "executives investors publishers friends colleagues donors women men families "
    "parents workers employees students teachers doctors nurses police officers troops "
    "soldiers immigrants refugees borrowers customers consumers fans delegates "
    "superdelegates electors senators governors mayors candidates opponents rivals"
)


# Singular heads of a description of one person ("Harlan insider", "Harlan supporter").
_ONE_PERSON_HEADS = PERSON_NOUNS | words(
    "supporter insider critic backer ally member source friend colleague fact-checker")


def _head(name: str) -> str:
    """The head noun of a source's name: its last word before a modifier opener."""
    toks = name.split()
    cut = next((i for i, t in enumerate(toks) if i and t.lower() in _MODIFIER_OPENERS),
               len(toks))
    return toks[cut - 1].strip(".,;:’'\"") if cut else ""


@lru_cache(maxsize=4096)  # a pure function of a short name, asked per "it"/"they"
def plural_people(name: str) -> bool:
    """Whether a source's name is a plural group of people ("Officials familiar with
    the talks", "Council Republicans", "Unnamed people"), which "it" never refers to."""
    if name in (RESPONDENTS, UNNAMED):
        return True
    head = _head(name).lower()
    if len(head) < 4 or not head.endswith("s") or head.endswith(("ss", "us", "is")):
        return False
    singular = head[:-3] + "y" if head.endswith("ies") else head[:-1]
    return head in _PEOPLE_PLURALS or singular in PERSON_NOUNS or (
        head.endswith(("ans", "ians", "ers", "ists")) and singular in _PEOPLE_PLURALS)


@lru_cache(maxsize=4096)
def _one_person_name(name: str) -> bool:
    """A name that is one person's: a known first name and a surname ("Ann Roe"), or a
    singular person noun as head of a common noun phrase ("Top aide", "Harlan insider")."""
    toks = name.split()
    if len(toks) > 1 and all(t[:1].isupper() and not t.endswith(("'s", "’s", "s'", "s’"))
                             for t in toks) and gender_of(name) is not None and (
            not is_org_word(toks[-1])):
        return True  # not "Ann Roe's campaign", nor the "Ann Roe Foundation"
    head = _head(name)
    return bool(head) and head[:1].islower() and head.lower() in _ONE_PERSON_HEADS and (
        len(toks) > 1)


def described_person(e: Entity) -> bool:
    """Whether a source no rule made a person is one all the same, named by a singular
    person noun ("A senior aide", "Harlan insider"): "he"/"she" may refer back to it."""
    return not e.person and _one_person_name(e.name) and e.name[:1].isupper() and (
        not e.name.split()[-1][:1].isupper())


def one_person(e: Entity) -> bool:
    """Whether a source is one person, so neither "it" nor "they"."""
    return e.person or e.gender is not None or _one_person_name(e.name)
