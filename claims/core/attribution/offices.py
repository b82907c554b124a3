"""Offices and ranks the keyword rules in `sources` read wrongly or not at all.

The person rules in `sources._PERSON_RULES` go by the first keyword that matches, in a
fixed order: "president" makes a politician, "chief" or "commander" an official, and a
word they do not list leaves a person `other`. Real news gives people roles those
words miss or misread: a military rank ("Gen.", "Adm.", "Col."), an office of a company
("senior vice president"), the people who comment on markets and policy ("portfolio
manager", "senior fellow", "chief economist"), local and foreign legislators
("alderman", "MP", "member of parliament"), and groups of legislators named after a
chamber ("Senate Republicans", "state lawmakers"), which the body rules read as the
chamber. The rules here run before the keyword rules and only where their words are.
"""

from __future__ import annotations

import re

from claims.core.attribution.persons import PERSON_NOUNS
from claims.core.model import SourceType

# Ranks of the armed forces, in a person's lower-cased names and descriptions ("Lt.
# Gen. Ann Roe", "a retired admiral"). Not the civilian generals (attorney, surgeon,
# inspector, consul, secretary, director, governor) nor a general manager or counsel,
# and not a lieutenant governor.
_RANK = re.compile(
    r"(?<!attorney )(?<!surgeon )(?<!inspector )(?<!consul )(?<!secretary[- ])"
    r"(?<!director[- ])(?<!governor[- ])(?<!solicitor )(?<!auditor )(?<!accountant )"
    r"(?<!\bin )"  # "Lobbyists in general": an adverb, no rank
    r"\b(?:gen|general|admiral|adm|brig|brigadier|colonel|col|sgt|sergeant|"
    r"lt|lieutenant|maj|capt|captain|cpl|corporal|pvt)"
    r"\b(?!-[a-z])(?!\.?[- ]?gov)(?! (?:manager|counsel|secretary|"
    r"partner|election|public|assembly|motors|electric|mills|dynamics)\b)")
# An office of a company or body, not the vice-presidency of a country.
_CORPORATE_VP = re.compile(r"\b(?:senior|executive|assistant|associate|regional|corporate|"
                           r"group|first)\s+vice[- ]president\b|\bvice[- ]president\s+(?:of|for)"
                           r"\s+(?!the united states)[a-z]")
# People who comment on markets, data and policy without holding an office.
_ANALYST = re.compile(r"\b(?:portfolio|fund|money|investment|asset)\s+manager\b|"
                      r"\bchief\s+(?:\w+\s+)?(?:economist|strategist|analyst)\b|"
                      r"\b(?:senior|research|visiting|resident|distinguished|policy)\s+fellow\b|"
                      r"\bfellow\s*(?:$|\|)")
# The director of a university's or a research institute's centre, programme or poll
# ("director of the Velmar University Polling Center", "co-director of the Roe Institute
# for Policy"), or a person written as of such a place ("Ann Roe of the Velmar
# Institute"): a scholar quoted for what she studies, not an official of a public body.
_ACADEMIC = re.compile(r"\b(?:co-?)?director\s+of\s+(?:the\s+)?[^|]*?\b(?:university|college|"
                       r"institute)\b(?! of health)|"
                       r"\b(?:university|college)['’]s\s+[^|]*?\b(?:center|centre|institute|"
                       r"program|programme|project|poll)\b")
_AFFILIATE = re.compile(r"(?:^|\| )[a-z][\w.'’ -]*? of (?:the )?[^|,]*?\b(?:institute|"
                        r"university|college|institution)\b")
_HELD_OFFICE = re.compile(r"\b(?:senator|sen|rep|governor|gov|minister|mayor|congress\w*|"
                          r"secretary|ambassador|president)\b")
# Legislators the politician rule does not name.
_LEGISLATOR = re.compile(r"\balder(?:man|woman|men|women|person)\b|\bmeps?\b|\bmsps?\b|"
                         r"\bmember of (?:the )?(?:[\w'’-]+ ){0,3}(?:parliament|assembly|"
                         r"congress|senate|house|legislature|duma|bundestag|knesset|diet)\b|"
                         r"\bselect(?:man|woman|men|women)\b|\bfreeholder|\bfront-?runner\b")
# A group of legislators, named by its chamber or its party ("Senate Republicans",
# "House Democrats", "Republican senators", "state lawmakers"): politicians, not the
# chamber's government.
_LEGISLATORS = re.compile(
    r"(?:^|\s)(?:house|senate|congressional|legislative|parliamentary|assembly)\s+"
    r"(?:[\w'’-]+\s+)?(?:republicans|democrats|conservatives|liberals)$|"
    r"(?:^|\s)(?:senators|lawmakers|legislators|congressmen|congresswomen|politicians|"
    r"parliamentarians|mps|meps|aldermen|councilmembers|council members)$")


# Whose role it is ("President Roe's special envoy", "Sen. Holt's chief of staff"): the
# office named before a possessive is the employer's, not the person's.
_EMPLOYER = re.compile(r"\b(?:former\s+)?(?:president|vice president|senator|sen\.?|"
                       r"rep\.?|gov\.?|governor|mayor|minister|prime minister)\s+"
                       r"(?:[\w.-]+\s+){0,2}[\w.-]+['’]s\s+")
# A president of something that is no country ("president of the Velmar Tenants
# Alliance"): a body's officer.
_PRESIDENT_OF = re.compile(r"\bpresident of (?:the )?([a-z][\w'’. -]*?)\s*(?:\||$|,)")
_ENVOY = re.compile(r"\benvoy\b|\bemissary\b|\bliaison\b")


def without_employer(text: str) -> str:
    """A person's lower-cased descriptions without whose staff they are on ("President
    Roe's special envoy" → "special envoy"), so the employer's office does not type them."""
    return _EMPLOYER.sub("", text) if "'s " in text or "’s " in text else text


def person_office(text: str) -> SourceType | None:
    """The type the roles in a person's lower-cased names and descriptions give before
    the keyword rules: a rank is military, a company's vice president an official, a
    fund manager or fellow an analyst, an alderman or MP a politician."""
    if _CORPORATE_VP.search(text) or _ENVOY.search(text):
        return SourceType.OFFICIAL
    m = _PRESIDENT_OF.search(text) if "president of" in text else None
    if m and " " in m.group(1) and not _country(m.group(1)):
        return SourceType.OFFICIAL  # "president of the Velmar Tenants Alliance"
    if _LEGISLATOR.search(text):
        return SourceType.POLITICIAN
    if _ANALYST.search(text):
        return SourceType.ANALYST
    return None


def academic_director(text: str) -> bool:
    """Whether a person's lower-cased names and whole descriptions (whom the role serves
    included) make her the director of a university's or institute's centre ("director
    of the Velmar Project at Dunmore University"), with no public office."""
    return ("director" in text or "'s " in text or "’s " in text) and (
        _ACADEMIC.search(text) is not None and _HELD_OFFICE.search(text) is None)


def academic_affiliate(text: str) -> bool:
    """Whether a person's lower-cased names say whose scholar she is ("Ann Roe of the
    Velmar Institute", "Tom Brisk of Velmar University"); read only when no role typed
    the person."""
    return " of " in text and _AFFILIATE.search(text) is not None and (
        _HELD_OFFICE.search(text) is None)


def _country(words: str) -> bool:
    from claims.core.places import is_place  # the gazetteer loads on first use

    return is_place(words.title()) or words.startswith(("united ", "republic "))


def military_rank(text: str) -> bool:
    """Whether a person's lower-cased names and descriptions give a military rank. Read
    after the politician rule, so a general who became a minister stays a politician."""
    return _RANK.search(text) is not None


def legislators(name: str) -> bool:
    """Whether a group's name is a group of legislators ("Senate Republicans")."""
    return _LEGISLATORS.search(name.lower().strip()) is not None


# Words an appositive or a role before a name ends on that name a role the person
# nouns do not list ("Ann Roe, a senior fellow at X", "Alderman Ann Roe").
ROLE_WORDS = frozenset(("alderman", "alderwoman", "alderperson", "fellow", "mp", "mep",
                        "msp", "selectman", "selectwoman", "freeholder", "member"))

# Legal forms of companies, which no surname is ("Velmora Oyj", "Acme AG").
LEGAL_FORM = re.compile(r"\s(?:Oyj|Oy|AG|SA|S\.A|NV|N\.V|BV|B\.V|GmbH|ASA|AB|SpA|S\.p\.A|SE|"
                        r"KK|Bhd|Pty|Co|Corp|Corporation|Company|LLP|PLC|Limited|SAS|Srl|"
                        r"A/S)\.?$")


# Plural heads naming people the person nouns do not list.
_PEOPLE_PLURALS = frozenset((
    "members", "supporters", "opponents", "critics", "backers", "allies", "insiders",
    "operatives", "observers", "people", "sources", "figures", "elders", "loyalists",
    "defenders", "fans", "followers", "colleagues", "friends", "relatives", "neighbors",
    "neighbours", "protesters", "demonstrators", "organizers", "organisers", "insurgents",
    "militants", "rebels", "fighters", "officials", "experts", "leaders", "staffers",
    "aides", "delegates", "donors", "voters", "residents", "workers", "employees",
    "executives", "investors", "scientists", "analysts", "strategists", "advisers",
    "advisors", "economists", "researchers", "reporters", "journalists", "editors",
    "moderators", "specialists", "commentators", "hosts", "anchors", "pundits", "columnists",
    "correspondents", "consultants", "lobbyists", "historians", "scholars", "academics",
    "attendees", "participants", "caucusgoers", "caucus-goers", "viewers", "listeners",
    "readers", "callers", "commenters", "users", "subscribers", "customers", "consumers",
    "shoppers", "spectators", "onlookers", "bystanders", "passengers"))


# Where a group's head ends: a lower-case preposition or the word opening its modifier
# ("Sources familiar with X", "People with ties to Y", "Experts like Z").
_HEAD_END = re.compile(r"\s(?:familiar|close|involved|knowledgeable|aligned|loyal|opposed|"
                       r"with|of|in|at|for|from|on|to|like|who|that|whose|inside|within|"
                       r"near|outside|across|around|by|[a-z]+ed\s+(?:by|in|at|with|to))\s")
_PEOPLE_SINGULAR = frozenset(("source", "person", "someone", "member", "supporter",
                              "opponent", "critic", "insider", "operative", "observer"))


def people_head(name: str) -> str | None:
    """The head of a group's or an unnamed person's name when it is a noun of people
    ("Party members", "Senior campaign advisers", "Source familiar with X", "People with
    ties to Y"), cut before its modifier, else None. Such a source is typed by the
    person rules over that head, never by the body a modifier names ("party", "union",
    "White House")."""
    cut = _HEAD_END.search(name)
    head = name[: cut.start()] if cut else name
    words = head.split()
    if not words or len(words) > 1 and not words[-1][:1].islower():
        return None  # "Tenant Voters", "Doctors for Clean Water": a body's name
    last = words[-1].lower()
    if last in ("pollster", "pollsters") or last.startswith("spokes"):
        return None  # "Brightwater University pollsters": the polling shop; "White House
        # spokesmen" speak for their body, which types them
    if last in _PEOPLE_PLURALS or cut is not None and (
            last in _PEOPLE_SINGULAR or last in PERSON_NOUNS):
        return head
    stem = last[:-3] + "man" if last.endswith("men") else last[:-1] if last.endswith(
        "s") else ""
    return head if len(stem) > 3 and stem in PERSON_NOUNS else None
