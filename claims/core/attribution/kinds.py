"""A source's type from the shape of its name and what the article says it is.

`sources._type_of` reads keywords ("ministry", "newspaper", "senator"); what it cannot
place is left `other`, which is meant for people and groups of people. Companies,
outlets and pollsters are named without such keywords ("Acme Holdings Inc", "the
Daily Courier", "Marist Poll", "BuzzFeed"), and a firm introduced by an appositive
("Corwen Hale, a firm set up in 2019") is written like a person. This module settles
those from evidence in the name itself (a corporate suffix, an outlet or pollster word,
an inner capital) and from the head noun of what the article says the source is.
"""

from __future__ import annotations

import re
from functools import lru_cache

from claims.core.attribution.first_names import FEMALE, MALE
from claims.core.attribution.offices import LEGAL_FORM, academic_affiliate
from claims.core.model import SourceType


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_FIRST_NAMES = FEMALE | MALE


# Closing words of company names: legal forms and the nouns companies name themselves by.
_COMPANY_END = re.compile(
    r"(?:\b(?:Inc|Corp|Corporation|Co|Company|Cos|LLC|L\.L\.C|LLP|LP|plc|PLC|Ltd|Limited|"
    r"AG|SA|NV|GmbH|Oyj|ASA|SpA|Holdings|Group|Partners|Capital|Ventures|Industries|Motors|"
    r"Motor|Airlines|"
    r"Airways|Pharmaceuticals|Technologies|Brands|Enterprises|Associates|Bancorp|"
    r"Securities|Investments|Advisors|Advisers|Consulting|Communications|Energy|Foods|"
    r"Systems|Labs|Entertainment|Studios|Resources|Insurance)\.?)$")

# Words that make a capitalised name an outlet ("the Daily Courier", "Drudge Report").
_OUTLET = re.compile(
    r"\b(?:Times|Post|Journal|News|Newsweek|Tribune|Herald|Press|Radio|TV|"
    r"Television|Magazine|Daily|Gazette|Chronicle|Courier|Examiner|Dispatch|Inquirer|"
    r"Bulletin|Telegraph|Observer|Wire|Weekly|Monthly|Broadcasting|Media|"
    r"Channel|Podcast|Report|Beast|Caller|Insider|Blaze|Register|Sentinel|Star-\w+|"
    r"Courant|Ledger|Mercury|Mirror|Globe|Star|Presse|Agence)\b"
)
# A board named as a proper name ("National Transportation Safety Board", "Board of
# Elections"): a public body; a company's board is written in lower case ("its board"),
# and "the board" capitalised as a source name alone ("Board") names no public body.
_PUBLIC_BOARD = re.compile(r"\S\s+Board$|\bBoard of (?:Elections?|Education|Supervisors|"
                           r"Regents|Health|Trustees)\b")
_WATCH = re.compile(r"\s(?:Watch|Monitor)$")
_NEWS_WORD = re.compile(r"\b(?:Agence|Presse|News|Radio|Television|TV|Newswire)\b")
_DOMAIN = re.compile(r"\w\.(?:com|org|net|co\.uk)\b")


def body_name(name: str) -> bool:
    """Whether a capitalised name ends as companies and outlets end theirs ("Velmora Corp",
    "Daily Courier"), so that its first word is no person's first name."""
    words = name.split()
    return bool(words) and (_COMPANY_END.search(name) is not None or outlet_word(words[-1]))


def outlet_word(word: str) -> bool:
    """Whether one word is the last word of an outlet's name ("Times", "Journal", "Post"):
    "the Times" after "the Daily Times" is that paper, never a person surnamed Times."""
    return _OUTLET.fullmatch(word) is not None
# A proper name: every word capitalised but the function words inside it.
_PROPER = re.compile(r"^(?:the\s+)?[A-Z][\w.'’&-]*(?:\s+(?:(?:of|for|and|on|the|&)\s+)*"
                     r"[A-Z0-9][\w.'’&-]*)*$")
# Pollsters and research shops named without "poll" in lower case ("Marist Poll",
# "Public Policy Polling", "Civis Analytics").
_POLLSTER = re.compile(r"\b(?:Poll|Polls|Polling|Research|Survey|Surveys|Analytics|Insights|"
                       r"Strategies|Institution|Foundation|Trust)\b")
# Business bodies, which "council" and "chamber" would otherwise make government.
_BUSINESS_BODY = re.compile(r"\b(?:business council|chamber of commerce|business roundtable|"
                            r"trade (?:group|association|body))\b")
# Last words no surname has, which end body names written like a person's.
_NOT_SURNAME = re.compile(r"\s(?:Inc|Corp|LLC|Ltd|plc|Holdings|Polling|Research|Analytics|Forum|"
                          r"Strategies|Associates|Partners|Group|Industries|Technologies|"
                          r"Promotions|Enterprises|Ventures|Capital|Institution)\.?$")
# One word with an inner capital ("BuzzFeed", "WikiLeaks"), which surnames also have
# after a particle ("McCain", "DeSantis", "O'Neill"): those are left to the name rules.
_CAMEL = re.compile(r"^[A-Z][a-z]+[A-Z][A-Za-z]+$")
_CAMEL_PART = re.compile(r"[A-Z][a-z]+")  # "TheCourier" → "The", "Courier"
_SURNAME_PARTICLE = re.compile(r"^(?:Mc|Mac|De|Di|Da|Du|La|Le|Van|Von|Fitz|St)[A-Z]")

# The head noun of an appositive or a role that says what the source is ("a firm
# set up in 2019", "a pro-business political action committee", "the news site").
_HEAD_STOP = re.compile(r"\s(?:of|for|at|in|from|with|on|by|who|which|that|based|founded|"
                        r"led|run|owned|backed|funded|created|set|known|whose|to)\b|[,;(]")
_BODY_HEADS: dict[str, SourceType] = {
    **dict.fromkeys(("firm", "company", "corporation", "conglomerate", "startup", "bank",
                     "lender", "insurer", "retailer", "maker", "manufacturer", "airline",
                     "carrier", "chain", "brand", "business", "committee", "agency",
                     "pac", "super-pac", "group", "organisation", "organization",
                     "nonprofit", "non-profit", "charity", "foundation", "coalition",
                     "movement", "union", "association", "lobby", "network", "party",
                     "campaign", "university", "college", "school"),
                    SourceType.ORGANISATION),
    **dict.fromkeys(("newspaper", "outlet", "website", "site", "magazine", "broadcaster",
                     "channel", "tabloid", "daily", "weekly", "publication", "blog",
                     "paper", "station", "show", "program", "programme", "podcast"),
                    SourceType.MEDIA),
    **dict.fromkeys(("think-tank", "tank", "institute"), SourceType.THINK_TANK),
    **dict.fromkeys(("ministry", "department", "regulator", "watchdog"),
                    SourceType.GOVERNMENT),
}
# Government agencies news names by their initials alone (US, UK and EU).
_AGENCY_ACRONYMS = _words(
    "DOJ DHS DOD DoD DOE DOT EPA NSA IRS FDA CDC FEC SEC FTC FCC NIH NASA USDA HHS HUD ATF "
    "DEA GAO CBO OMB ICE TSA FAA FEMA NOAA USAID CBP NLRB MoD NHS HMRC ONS ECB")
_DOTTED = re.compile(r"^(?:the\s+)?(?:[A-Z]\.){1,5}[A-Z]\.?$")  # "F.A.A.", "F.A.A"
# Broadcasters and news sites written as a bare name or initials ("CNN's Ann Roe"); an
# outlet's last word (`outlet_word`: "the Post's Ann Roe") says the same.
_BROADCASTERS = _words(
    "cnn msnbc fox nbc abc cbs npr pbs bbc cnbc c-span politico axios reuters bloomberg "
    "univision telemundo breitbart vox slate salon buzzfeed huffpost sky itv")
_POSSESSOR = re.compile(r"([\w&.-]+)(?:['’]s|(?<=s)['’]) ")  # "CNN's", "Daily News’"


def broadcaster(name: str) -> bool:
    """Whether a bare name is a broadcaster's or news site's ("CNN", "Axios")."""
    return name.strip().lower() in _BROADCASTERS


def outlet_person(text: str, name: str) -> bool:
    """Whether an alias puts an outlet's possessive before the person's name ("CNN's Ann
    Roe", "the Post's Ann Roe", "Velmora News’ Ann Roe"): the article presents them as
    that outlet's journalist."""
    low = name.lower()
    for m in _POSSESSOR.finditer(text):
        if text.startswith(low, m.end()) and (
                m.group(1) in _BROADCASTERS or outlet_word(m.group(1).capitalize())):
            return True
    return False


def outlet_journalist(text: str, name: str) -> bool:
    """Whether the article presents the person as an outlet's own: its possessive before
    the full name ("CNN's Ann Roe", "the Velmar Times' Ann Roe") or the outlet after it
    ("Ann Roe of the Velmar Times", "Ann Roe of CNN"), anywhere in the text."""
    if " " not in name or name not in text:
        return False
    for m in _outlet_around(name).finditer(text):
        outlet = m.group(1) or m.group(2)
        last = outlet.split()[-1]
        if last.lower() in _BROADCASTERS or outlet_word(last.capitalize() if last.islower()
                                                        else last):
            return True
    return False


@lru_cache(maxsize=1024)
def _outlet_around(name: str) -> re.Pattern[str]:
    n = re.escape(name)
    return re.compile(rf"\b([\w&.-]+)(?:['’]s|(?<=s)['’]) {n}\b|"
                      rf"\b{n},? of (?:The |the )?((?:[A-Z][\w&.-]*\s)*[A-Z][\w&.-]*)")


# Common nouns heading several bodies ("casinos", "lobbying firms"). Not "campaign": a
# campaign typed a body takes over its named spokespeople and chairs (measured on train:
# "Ann Roe, a Roe campaign spokesman" then lost her name).
_BODY_PLURALS = _words(
    "companies firms banks casinos businesses retailers lenders insurers "
    "airlines utilities corporations automakers manufacturers publishers broadcasters "
    "networks outlets newspapers pollsters")
_PEOPLE_IN_PLACE = re.compile(r"^(?:voters|residents|people|citizens|americans|democrats|"
                              r"republicans)\s+(?:in|of|from|across)\s")  # not officials
# A president of a body, not of a country ("the union's president", "Watch President",
# "president and CEO", "president of the Acme Foundation"), in the lower-cased names and
# descriptions of a person.
_BODY_PRESIDENT = re.compile(
    r"(?:union|association|council|chamber|foundation|institute|federation|company|"
    r"corporation|university|college|group|network|coalition|watch|league|society|"
    r"fund|committee|party|organi[sz]ation|club|campaign|inc|corp|news|media|network)"
    r"(?:['’]s)?\s+"
    r"(?:vice\s+)?president\b|\bpresident\s+(?:and|&)\s+(?:ceo|chief|publisher)|"
    r"\bpresident\s+of\s+(?:the\s+)?(?!united\s+states|the\s+united|france|russia|china|"
    r"mexico)[\w'’ -]*?(?:union|association|council|chamber|foundation|institute|"
    r"federation|company|corporation|university|college|group|network|coalition|watch|"
    r"league|society|fund|committee|club|publishing|inc|corp)\b")
# "X's president": a body's, unless X is a place or a word for one ("the country's").
_OWNED_PRESIDENT = re.compile(r"([a-z][\w-]*)['’]s\s+(?:vice\s+)?president\b")
_STATE_OWNERS = frozenset((
    "country", "nation", "state", "city", "island", "republic", "kingdom", "region",
    "province", "county", "town", "village", "party", "world", "continent", "union"))


def _owned_president(text: str) -> bool:
    """Whether the lower-case text calls the person the president of a named owner that
    is no place and no word for one."""
    found = _OWNED_PRESIDENT.search(text)
    if found is None or found.group(1) in _STATE_OWNERS:
        return False
    from claims.core.places import is_place  # the gazetteer loads on first use

    return not is_place(found.group(1).title())


_NEWSROOM = re.compile(r"\b(?:editor|anchor|correspondent|reporter)\b")
# Words of an elected or state office, which keep a person a politician.
_ELECTED = re.compile(r"senator|\bsen\b|\brep\b|congress|lawmaker|minister|governor|"
                      r"\bgov\b|mayor|prime|chancellor|premier|president-elect|"
                      r"presidential|candidate|nominee|white house")
def elected_words(text: str) -> bool:
    """Whether lower-cased names and descriptions hold an elected or state office."""
    return _ELECTED.search(text) is not None


_STATE_OF = re.compile(r"^(?:the\s+)?(?:Republic|Kingdom|State|City|Commonwealth|"
                       r"Government|Town|County|Province|Emirate|Principality)\s+of\s+[A-Z]")
_STATE_AGENCY = frozenset(("news", "government", "federal", "state", "intelligence", "spy",
                           "security", "regulatory", "environmental", "immigration", "public"))
_DETERMINER = re.compile(r"^(?:the|a|an|its|their|his|her)\s+", re.IGNORECASE)


def described_kind(descriptor: str) -> SourceType | None:
    """The type a description's head noun gives ("a firm founded in 2014" → organisation,
    "a conservative news site" → media), or None when its head is a person or unknown."""
    lead = _DETERMINER.sub("", descriptor.strip())
    if lead == descriptor.strip():
        return None  # a bare role ("Fed governor") describes a person, not what one is
    stop = _HEAD_STOP.search(lead)
    head_words = (lead[: stop.start()] if stop else lead).split()
    if not head_words or len(head_words) > 5 or head_words[-1][:1].isupper() and not (
            head_words[-1].isupper()):
        return None  # a name ("a Fed governor" ends on a noun; "a Roe" on a name)
    head = head_words[-1].lower().strip(".,")
    if head == "agency" and len(head_words) > 1 and head_words[-2].lower() in _STATE_AGENCY:
        return SourceType.MEDIA if head_words[-2].lower() == "news" else SourceType.GOVERNMENT
    return _BODY_HEADS.get(head)  # a talent or advertising agency is a business


@lru_cache(maxsize=8192)
def refine_type(kind: SourceType, person: bool, name: str,
                descriptors: tuple[str, ...], text: str = "") -> SourceType:
    """The type `kind` should be once the name's shape and its descriptions are read.

    Only `other` (nothing placed the source) and the government a council word gave a
    business body are revised; everything a keyword rule decided stands."""
    low = name.lower()
    if kind is SourceType.POLITICIAN and person and _BODY_PRESIDENT.search(text) and not (
            _ELECTED.search(text)):
        if _NEWSROOM.search(text):
            return SourceType.MEDIA  # "Velmar News Vice President and Managing Editor"
        return SourceType.OFFICIAL  # "Acme Union President Ann Roe" holds no public office
    if kind is SourceType.POLITICIAN and person and not _ELECTED.search(text) and (
            _owned_president(text)):
        return SourceType.OFFICIAL  # "Velmora Parenthood's president Ann Roe"
    if _STATE_OF.match(name):
        return SourceType.GOVERNMENT  # "Republic of X", "the City of X"
    if kind is SourceType.GOVERNMENT and _BUSINESS_BODY.search(low):
        return SourceType.ORGANISATION
    if kind is SourceType.GOVERNMENT and _PEOPLE_IN_PLACE.match(low):
        return SourceType.OTHER  # "Voters in each state": people, not the state
    if kind is not SourceType.OTHER:
        return kind
    words = low.split()
    if words and words[-1].strip("’'") in _BODY_PLURALS and (
            len(words) == 1 or name.split()[-1][:1].islower()):
        return SourceType.ORGANISATION  # "Four casinos", "Lobbying firms"
    for d in descriptors:
        described = described_kind(d)
        if described is not None:
            return described
    if person and academic_affiliate(text):
        return SourceType.ANALYST  # "Ann Roe of the Velmar Institute"
    if person and outlet_person(text, name):
        return SourceType.MEDIA  # "CNN's Ann Roe"
    if person and _NEWS_WORD.search(name):
        return SourceType.MEDIA  # "Agence Velmar-Presse", "Velmar Radio": no surname
    if person and outlet_word(name.split()[-1]) and len(name.split()) > 1 and (
            name.split()[0].lower() not in _FIRST_NAMES):
        return SourceType.MEDIA  # "Velmar Insider", "Morning Courier": no first name
    if person:  # "Vexel Polling", "Acme Holdings": a person's shape, a body's last word
        body = _NOT_SURNAME.search(name) or LEGAL_FORM.search(name)  # "Velmora Oyj"
        return SourceType.ORGANISATION if body and (
            " of " not in name) else kind  # "Ann Roe of the Vexel Group" is a person
    if name.strip() in _AGENCY_ACRONYMS or _DOTTED.match(name) and (
            name.replace(".", "").strip() in _AGENCY_ACRONYMS):
        return SourceType.GOVERNMENT  # "FAA", "the F.A.A."
    if broadcaster(name):
        return SourceType.MEDIA  # "CNN", "Politico": a broadcaster or news site
    if _DOMAIN.search(name):
        return SourceType.MEDIA
    if not _PROPER.match(name):
        return kind  # "Independent voters", "Post readers": a lower-case head decides
    if _OUTLET.search(name):
        return SourceType.MEDIA
    if _PUBLIC_BOARD.search(name):
        return SourceType.GOVERNMENT  # "the Velmar Labor Relations Board"
    if _WATCH.search(name):
        return SourceType.ORGANISATION  # "Tenant Rights Watch"
    if " " in name.strip() and (_COMPANY_END.search(name) or _POLLSTER.search(name)):
        return SourceType.ORGANISATION  # one word ("Associates", "Trust") is no such name
    if _CAMEL.match(name) and not _SURNAME_PARTICLE.match(name):
        last = _CAMEL_PART.findall(name)[-1]
        return SourceType.MEDIA if outlet_word(last) else SourceType.ORGANISATION
    return kind


def company_name(name: str) -> bool:
    """Whether a name ends as a company's does ("Norvax Corp", "Halden Pharmaceuticals"):
    the evidence that lets "the company" take up a name no source holds yet."""
    return _COMPANY_END.search(name) is not None or name.endswith(" Pharma")
