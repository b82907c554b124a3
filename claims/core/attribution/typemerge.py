"""One type for a registry source that several articles typed differently.

Each article types its sources from its own words, so one person is `other` where the
article gives no role and `politician` where it writes "Sen."; a surname is
`government` where a rule read "the Roe administration" as a place's. The registry
used to keep the type of the first article that named the source, so the most quoted
people of a corpus stayed `other`. `merged_type` is a join: evidence beats no
evidence (`other`), and between two kinds of evidence a fixed precedence decides,
which depends on whether the registry name is a person's or a body's. Being a join
(commutative, associative, idempotent), the type a registry source ends with does not
depend on the order its articles were ingested in.
"""

from __future__ import annotations

import re
from functools import lru_cache

from claims.core.attribution.kinds import outlet_word
from claims.core.model import SourceType

_T = SourceType
# For a person's name, the offices people hold come first: a role word says more
# about a person than a body word that found its way into one article's wording.
# A rank ("Gen.", "Adm.") outranks the offices a general holds ("commander of X").
_PERSON_ORDER = (_T.POLITICIAN, _T.MILITARY, _T.OFFICIAL, _T.ANALYST, _T.MEDIA, _T.THINK_TANK,
                 _T.ORGANISATION, _T.OSINT, _T.GOVERNMENT, _T.OTHER)
# For a body's name, body types first, then the person types a spokesperson's wording
# lent it ("a White House spokesman" typed `official`).
_BODY_ORDER = (_T.GOVERNMENT, _T.MILITARY, _T.MEDIA, _T.THINK_TANK, _T.OSINT,
               _T.ORGANISATION, _T.OFFICIAL, _T.ANALYST, _T.POLITICIAN, _T.OTHER)
# For a group of people named by a plural ("Analysts", "Republicans", "Voters"), the
# name says what they are: a body type lent by one article's wording ("voters in the
# poll", "Republicans in Congress") does not make the group a body.
_GROUP_ORDER = (_T.ANALYST, _T.OFFICIAL, _T.MEDIA, _T.POLITICIAN, _T.OTHER, _T.ORGANISATION,
                _T.GOVERNMENT, _T.THINK_TANK, _T.MILITARY, _T.OSINT)
_GROUP_RANK = {t.value: i for i, t in enumerate(_GROUP_ORDER)}
# For a plural the word alone leaves untyped ("Supporters", "Independents"), `other`
# first: one article that read the group as people at all outweighs another whose
# wording around it lent a type.
_PLAIN_GROUP_RANK = {t.value: i for i, t in enumerate(
    (_T.OTHER, *(t for t in _GROUP_ORDER if t is not _T.OTHER)))}
_PERSON_RANK = {t.value: i for i, t in enumerate(_PERSON_ORDER)}
_BODY_RANK = {t.value: i for i, t in enumerate(_BODY_ORDER)}
# A capitalised name that is a body's: initials, or a body word in it.
_BODY_WORD = re.compile(
    r"^[A-Z0-9&./-]{2,}$|\b(?:Department|Ministry|Office|Agency|Committee|Council|"
    r"Commission|Bureau|Administration|Government|Party|Campaign|Court|Senate|House|"
    r"Congress|Police|Army|Navy|Force|Institute|Center|Centre|Foundation|University|"
    r"College|Group|Association|Union|Network|News|Times|Post|Journal|Press|Media|Poll|"
    r"Polling|Research|Inc|Corp|LLC|Company|Bank|Fund|Coalition|Alliance|Project|"
    r"Report|Magazine|Radio|Television|TV|Watch|Club|League|Society|Board|Authority|"
    r"Service|Services|Exchange|Trust|Caucus|PAC)\b")


@lru_cache(maxsize=4096)
def _ranks(name: str) -> dict[str, int]:
    """The precedence for a registry name: a body's (initials, a body or outlet word, a
    known place, a lower-case head: "the ministry"), a group's (one plural word:
    "Republicans", "Analysts") or a person's."""
    words = name.split()
    if not words or _BODY_WORD.search(name) or any(outlet_word(w) for w in words):
        return _BODY_RANK  # "Daily Courier"
    if len(words) == 1 and _GROUP.match(name):
        return _GROUP_RANK
    if not all(w[:1].isupper() for w in words):
        return _GROUP_RANK if _PLURAL.search(words[-1]) else _BODY_RANK
    from claims.core.places import is_place  # the gazetteer loads on first use

    return _BODY_RANK if is_place(name) else _PERSON_RANK


_PLURAL = re.compile(r"[a-rt-z]s$")  # "Voters", not "Ross" or "Congress"
_GROUP = re.compile(r"^[A-Z][a-z]+[a-rt-z]s$")  # "Republicans", not "RealClearPolitics"


def merged_type(name: str, stored: str, new: str) -> str:
    """The registry type of the source `name` once an article types it `new`, having
    been `stored` so far: the one earlier in the precedence for that kind of name.
    A type outside `SourceType` (a database written by another version) is kept."""
    ranks = _ranks(name)
    if stored not in ranks or new not in ranks:
        return stored
    if ranks is _GROUP_RANK and _plain_group(name):
        ranks = _PLAIN_GROUP_RANK  # "Supporters" typed `official` by one article's wording
    return new if ranks[new] < ranks[stored] else stored


@lru_cache(maxsize=4096)
def _plain_group(name: str) -> bool:
    """Whether a one-word plural names people whom the word alone does not type
    ("Supporters", "Independents", "Residents"; not "Analysts" or "Officials"): a type
    an article lent them came from its wording around the word, so across the
    registry `other` wins over it (see `_PLAIN_GROUP_RANK`)."""
    # Imported here, not at the top: the store imports this module for every registry
    # write, and the name rules (about 20 ms to import) are needed only for such groups.
    from claims.core.attribution.names import party_noun
    from claims.core.attribution.sources import name_type

    return party_noun(name) and name_type(name) is _T.OTHER
