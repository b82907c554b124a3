"""Source names: canonical forms, aliases, acronyms, types, and registry matching.

A speaker phrase as written ("Finance Minister Petra Lund", "the polling firm Civis",
"the National Civil Protection Agency (NCPA)") becomes one canonical name plus the
article's own wordings as aliases. Types come from keyword rules over the name and
any description the article gives; nothing here knows a particular organisation.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from rapidfuzz import fuzz

from claims.core.attribution.first_names import FEMALE, MALE
from claims.core.attribution.kinds import (
    body_name,
    broadcaster,
    described_kind,
    elected_words,
    outlet_journalist,
    refine_type,
)
from claims.core.attribution.offices import (
    ROLE_WORDS,
    academic_director,
    legislators,
    military_rank,
    people_head,
    person_office,
    without_employer,
)
from claims.core.attribution.persons import PERSON_NOUNS
from claims.core.attribution.roles import roles_in, surname_in
from claims.core.model import Source, SourceType
from claims.core.namekey import norm as norm  # the one normal form of names, re-exported
from claims.core.search import fold


def words(text: str) -> frozenset[str]:
    """A lexicon written as one space-separated string, for readability."""
    return frozenset(text.split())

DETERMINERS = words("the a an its their his her our some")
PRONOUNS = words("he she it they him her them his its their we i you who which this that")
TITLES = words(
    "mr mr. mrs mrs. ms ms. miss dr dr. prof prof. professor president vice prime "
    "minister premier chancellor governor gov gov. mayor senator sen sen. rep rep. "
    "representative congressman congresswoman general gen gen. colonel col col. major "
    "lieutenant captain admiral judge justice chief coroner secretary ambassador "
    "commissioner sheriff inspector superintendent leader chairman chairwoman chair "
    "director spokesman spokeswoman spokesperson king queen prince princess pope bishop "
    "father sister sir dame lord lady deputy mp councillor councilor alderman regional "
    "state opposition foreign finance defence defense health interior economy justice "
    "education environment transport trade labour labor energy agriculture manager coach "
    "ceo executive officer founder analyst economist striker defender midfielder goalkeeper "
    "player chief-executive spokesperson counsel pres pres. sgt sgt. sergeant cpl cpl. "
    "corporal lt lt. capt capt. cmdr cmdr. adm adm. pastor reverend rev rev. rabbi imam "
    "councilman councilwoman councilmember assemblyman assemblywoman assemblymember "
    "columnist correspondent anchor whip sens sens. reps reps. govs govs. editor publisher "
    "moderator"
)
# Lower-case nouns that describe whoever is named right after them.
DESCRIPTORS = words(
    "outlet newspaper broadcaster agency firm company operator group blogger analyst "
    "channel site website magazine network platform think-tank tank institute "
    "organisation organization charity union provider watchdog monitor regulator "
    "researcher expert economist lawyer airline railway maker manufacturer bank insurer "
    "retailer carrier developer startup producer lender pollster"
)
ORG_WORDS = words(
    "staff agency council ministry office force forces service department committee "
    "institute centre center group fund association bank court party alliance union army "
    "navy command administration government board university company exchange hospital "
    "cross federation headquarters police commission authority parliament assembly league "
    "club team society foundation trust network organization organisation corporation "
    "company chamber"
)
_FUNCTION = words("of for the and on in at to de la du der des van von")
_FIRST_F = FEMALE
_FIRST_M = MALE
# Heads of bare generic names ("the air force", "analysts", "the finance ministry"): a
# name made only of these (and GENERIC_MODIFIERS) could be any country's or any
# outlet's, so it never identifies a source across articles.
GENERIC_HEADS = words(
    "ministry ministries government council party office agency army navy police military "
    "force forces staff administration department headquarters authority authorities "
    "service services committee commission parliament cabinet court regulator utility "
    "company firm hospital operator spokesperson spokesman spokeswoman spokespeople "
    "officials official analysts experts economists researchers scientists diplomats "
    "officers sources observers investigators prosecutors authorities guard guards "
    "judges lawyers residents witnesses activists campaigners critics doctors "
    "economists strategists specialists academics respondents voters supporters people "
    "command directorate bureau inspectorate watchdog board unit units troops bank "
    "airline insurer lender retailer carrier union charity club pollster broker"
)
GENERIC_MODIFIERS = words(
    "defence defense health finance interior foreign economy economic justice education "
    "environment environmental transport trade labour labor energy agriculture culture "
    "home treasury emergency emergencies fire rescue tax customs border intelligence "
    "security debt management water weather climate regional region provincial state "
    "federal national local city town municipal county district central civil public "
    "general air armed coast military western eastern northern southern senior top "
    "government ministry police hospital press interim acting independent some many "
    "housing employment social welfare communications digital science research sport "
    "sports tourism fisheries mining industry commerce development planning "
    "infrastructure family youth veterans immigration migration land resources natural "
    "statistics statistical electoral budget audit procurement competition consumer "
    "privacy information media prisons disaster protection nuclear space "
    "meteorological maritime aviation railway highways roads interior "
    "several other two three four and of the for at a an country's city's town's "
    "province's region's state's nation's village's district's county's capital's "
    "head chief director deputy coroner mayor governor commander president minister "
    "secretary chair spokesperson spokesman spokeswoman"
)
# Adjectives of jurisdiction a role may drop ("the coroner's office" is the provincial one).
SOFT_MODIFIERS = words(
    "provincial regional region state federal national local city town municipal county "
    "district central the of a an for at and"
)
_SPELLING = {"defense": "defence", "regional": "region", "organization": "organisation",
             "center": "centre", "labor": "labour", "program": "programme",
             "spokesman": "spokesperson", "spokeswoman": "spokesperson", "forces": "force"}


_POSSESSIVE_END = re.compile(r"['’]s?$")
_APOSTROPHE_END = re.compile(r"'s?$")
_WORD = re.compile(r"[\w'’-]+")
# Pure string helpers below are called tens of thousands of times per batch on a small
# vocabulary of names; a bounded cache makes repeated normalisation free.
_CACHE = 8192


@lru_cache(maxsize=_CACHE)
def spelling_key(word: str) -> str:
    """One token's comparison key: lower case, no possessive, one spelling of variants."""
    w = _POSSESSIVE_END.sub("", word.lower().replace("’", "'"))
    return _SPELLING.get(w, w)


@lru_cache(maxsize=_CACHE)
def _generic_tuple(name: str) -> tuple[str, ...] | None:
    """The name's words when it is only generic words (else None); a capitalised word
    after the first is a proper name unless it is itself generic ("General Staff")."""
    toks = _WORD.findall(strip_determiner(name.strip()))
    if not toks or "(" in name:
        return None
    for i, t in enumerate(toks):
        low = t.lower().replace("’", "'")
        bare = _APOSTROPHE_END.sub("", low)
        known = low in GENERIC_MODIFIERS or bare in GENERIC_HEADS or bare in TITLES
        if not known and (i == 0 or t[:1].isupper() or not t[:1].isalpha()):
            return None
    return tuple(toks)


@lru_cache(maxsize=_CACHE)
def is_generic(name: str) -> bool:
    """"Finance ministry", "the air force", "Analysts", "the city's military administration":
    a bare body or group with no proper name, which only its own article can pin down."""
    toks = _generic_tuple(name)
    if not toks or spelling_key(toks[-1]) not in _HEAD_KEYS:
        return False
    return len(toks) == 1 or toks[0].lower() not in _ROLE_WORDS  # "head of the X": a role


@lru_cache(maxsize=_CACHE)
def is_unqualified(name: str) -> bool:
    """A name no registry may match across articles: bare generic, or a role at one
    ("the head of the regional defence headquarters", "a hospital spokeswoman")."""
    toks = _generic_tuple(name)
    if toks is None:
        return False
    keys = {spelling_key(t) for t in toks}
    return is_generic(name) or bool(keys & _ROLE_KEYS)


def by_article(name: str, article: str) -> str:
    """The last-resort qualifier of a bare source: its article ("Analysts (a.txt)")."""
    return f"{name} ({article})"


_ARTICLE_QUALIFIED = re.compile(r"(.+) \(([^()]+)\)")


def is_article_qualified(name: str) -> bool:
    """"Analysts (a.txt)": a bare source pinned to one article, matched only exactly."""
    m = _ARTICLE_QUALIFIED.fullmatch(name.strip())
    return m is not None and is_unqualified(m.group(1))


_HEAD_KEYS = frozenset(spelling_key(h) for h in GENERIC_HEADS)
_ROLE_WORDS = words(
    "head chief director spokesperson spokesman spokeswoman chair chairman chairwoman "
    "secretary governor mayor commander coroner representative official officer deputy "
    "administrator commissioner"
)
_ROLE_KEYS = frozenset(spelling_key(t) for t in _ROLE_WORDS)

_TYPE_RULES: tuple[tuple[SourceType, re.Pattern[str]], ...] = (
    (SourceType.THINK_TANK, re.compile(r"institute|think[ -]tank|research (?:group|centre|"
                                       r"center)|council of experts|centre for|center for|"
                                       r"foundation for|policy (?:centre|center|unit)")),
    (SourceType.OSINT, re.compile(r"open-source|\bosint\b|\bmaps?\b|geolocat|blogger|"
                                  r"combat footage|satellite imag")),
    (SourceType.MEDIA, re.compile(r"\bnews\b|outlet|newspaper|broadcaster|\btv\b|radio|"
                                  r"\bfree press\b|\bpost\b(?! office)|"
                                  r"magazine|press agency|news agency|\bjournal\b|times\b|"
                                  r"gazette|herald|tribune|television|\bmedia\b")),
    (SourceType.MILITARY, re.compile(r"air force|\barmy\b(?! of\b)|\bnavy\b|general staff|"
                                     r"armed forces|"
                                     r"\bmilitary\b(?! administration)|marines|command\b|"
                                     r"\btroops\b|defence forces|defense forces")),
    (SourceType.ORGANISATION, re.compile(r"\bpoll(?:s|ster|sters|ing)?\b|\bsurvey\b")),
    # a party's own committee is no body of Congress ("Democratic Congressional Campaign
    # Committee", "Republican National Committee")
    (SourceType.ORGANISATION, re.compile(r"^(?:the )?(?:national )?(?:democratic|republican)"
                                         r"\b[^|]*\bcommittee\b")),
    (SourceType.GOVERNMENT, re.compile(r"ministry|government|department|\bagency\b|council|"
                                       r"\boffice\b|administration|\bservice\b|authority|"
                                       r"police|commission|parliament|assembly|cabinet|"
                                       r"kremlin|white house|state\b|municipality|court|vatican|"
                                       r"congress|senate|bureau|pentagon|\bfbi\b|\bcia\b")),
    (SourceType.ORGANISATION, re.compile(r"\bfund\b|association|red cross|hospital|company|"
                                         r"organi[sz]ation|"
                                         r"\bfirm\b|operator|exchange|railway|union|committee|\bbank\b|"
                                         r"university|\b(?:school|college)(?:$|\s\|)|charity|centre|center|corporation|"
                                         r"\binc\b|\bltd\b|group|league|federation|club|utility|"
                                         r"utilities|provider|airline|carrier|\bparty$|"
                                         r"\bcoalition$")),
)
_PERSON_RULES: tuple[tuple[SourceType, re.Pattern[str]], ...] = (
    (SourceType.POLITICIAN, re.compile(r"president(?!ial)|minister|premier|chancellor|senator|"
                                       r"\bsen\b|\brep\b|congress|\bmp\b|opposition leader|"
                                       r"party leader|lawmaker|house speaker|"
                                       r"speaker of the house|council ?(?:member|man|woman)|"
                                       r"councill?or|assembly ?(?:member|man|woman)|legislator|"
                                       r"\brepresentative (?!(?:a|an|the|of|for|to|at|from|in|on|"
                                       r"and|with)\b)[a-z]|\b(?:democrat|republican) of [a-z]|"
                                       r"\([dri](?:-|\))|\bnominees?\b|\bhopefuls?\b|"
                                       r"(?<!doctoral )(?<!ph\.d\. )(?<!phd )\bcandidates?\b|"
                                       r"\b(?:gop|republican|democratic|party) leaders?\b|\bwhip\b|"
                                       r"\b(?:minority|majority|political) leaders?\b")),
    # A journalist speaks for the press ("columnist Ann Roe", "NBC's correspondent").
    (SourceType.MEDIA, re.compile(r"columnist|reporter|correspondent|journalist|commentator|"
                                  r"\banchor\b|\bhost\b|\beditor\b|\bpundit\b|moderator|"
                                  r"\bpresenter\b|\bblogger\b|\bpublisher\b")),
    (SourceType.OFFICIAL, re.compile(r"spokes|head\b|director|chief|mayor|governor|\bgov\b|"
                                     r"official|"
                                     r"representative|coroner|commissioner|chair|secretary|"
                                     r"administrat|commander|officer|ambassador|judge|justice|attorney|counsel\b|"
            r"prosecutor|sheriff|inspector|\baides?\b|advis[eo]r|staffer|campaign manager|"
            r"committee(?:wo)?man|\blawyer\b|committee member\b|"
            r"\bmember of (?:the |an? )?[\w'’ -]*committee\b")),
    (SourceType.ANALYST, re.compile(r"analyst|expert|economist|scientist|researcher|"
                                    r"professor|strategist|epidemiologist|specialist|scholar|historian|"
            r"academic|lecturer|consultant|pollster|[a-z]ologist\b|physician|demographer|statistician|"
            r"\b(?:lead|study|co-?)\s?author\b")),
)


@dataclass
class Entity:
    """A source under construction while one article is read (never leaves `extract`)."""

    name: str
    aliases: list[str] = field(default_factory=list)
    person: bool = False
    gender: str | None = None
    descriptors: list[str] = field(default_factory=list)
    report: bool = False
    # the kinds of document it made ("poll", "study", "statement"): "the poll" is its
    # pollster's, not the last spokesman's who spoke "in a statement"
    documents: set[str] = field(default_factory=set)
    last: int = -1
    first: int = -1
    # the person a spokesperson, lawyer or aide speaks for ("Jane Roe's lawyer"): the
    # origin of their claims (`Claim.via`), never merged with them
    speaks_for: Entity | None = field(default=None, repr=False, compare=False)
    # (name, aliases list id, alias count, keys, joined keys): keys recomputed only
    # when a name changes, since aliases are only ever appended
    _keys: tuple[str, int, int, frozenset[str], str] | None = field(
        default=None, init=False, repr=False, compare=False)

    def names(self) -> list[str]:
        return [self.name, *self.aliases]

    def name_keys(self) -> frozenset[str]:
        """`norm` of every name: the back-reference lookups ask this for each phrase."""
        return self._cached_keys()[3]

    def joined_keys(self) -> str:
        """Every key padded with spaces, joined by NUL: a word-bounded containment test
        of a key (" k ") against all names is one substring search."""
        return self._cached_keys()[4]

    def _cached_keys(self) -> tuple[str, int, int, frozenset[str], str]:
        k = self._keys
        if k is None or k[0] != self.name or k[1] != id(self.aliases) or k[2] != len(
                self.aliases):
            keys = frozenset(norm(n) for n in self.names())
            k = (self.name, id(self.aliases), len(self.aliases), keys,
                 "\0".join(f" {n} " for n in keys))
            self._keys = k
        return k

    def add_alias(self, alias: str) -> None:
        alias = alias.strip(" ,.")
        if not alias or norm(alias) in PRONOUNS or alias == self.name or alias in self.aliases:
            return
        self.aliases.append(alias)
        for variant in (alias.replace("’", "'"), alias.replace("'", "’")):
            if variant != alias and variant not in self.aliases and variant != self.name:
                self.aliases.append(variant)


@lru_cache(maxsize=_CACHE)
def strip_determiner(phrase: str) -> str:
    words = phrase.strip().split()
    while len(words) > 1 and words[0].lower() in DETERMINERS:
        words.pop(0)
    return " ".join(words)


def capitalise(name: str) -> str:
    return name[:1].upper() + name[1:] if name else name


_OWNER_END = re.compile(r"['’]s$")


@lru_cache(maxsize=_CACHE)
def initialism(name: str, min_words: int = 3, *, as_alias: bool = True) -> str | None:
    """"Institute for the Study of War" → "ISW"; None for short, lower-case or pronoun-like."""
    words = [w for w in _WORD.findall(name)
             if w.lower() not in _FUNCTION and not _OWNER_END.search(w)]
    if len(words) < min_words or not all(w[:1].isupper() for w in words):
        return None
    acr = "".join(w[0] for w in words).upper()
    return None if as_alias and acr.lower() in PRONOUNS else acr


_FEMALE_WORD = re.compile(r"\b(?:mrs|ms|miss|madam|dame|lady|spokeswoman|chairwoman|"
                          r"congresswoman|queen|princess)\b")
_MALE_WORD = re.compile(r"\b(?:mr|sir|lord|spokesman|chairman|congressman|king|prince)\b")


@lru_cache(maxsize=_CACHE)
def gender_of(name: str, role: str = "") -> str | None:
    """"f"/"m" from a title, a gendered role noun or a common first name; else None."""
    text = f"{role} {name}".lower()
    if _FEMALE_WORD.search(text):
        return "f"
    if _MALE_WORD.search(text):
        return "m"
    first = name.split()[0].lower().strip(".") if name.split() else ""
    if first in _FIRST_F:
        return "f"
    if first in _FIRST_M:
        return "m"
    if len(name.split()) >= 2 and first.endswith("a") and len(first) > 2 and not (
            body_name(name) or _NOT_A_SURNAME.search(name)):
        return "f"  # "Ilona Varga", not "Velmora Corp" or "Florida Republicans"
    return None


# Last words of a capitalised name that is a group or body, not a woman's full name.
_NOT_A_SURNAME = re.compile(r"\s(?:Republicans?|Democrats?|Democratic|Party|Conservatives?|"
                            r"Liberals?|Greens?|Socialists?|[A-Z][a-z]+ians?)$")


_OF_NAME_END = re.compile(r"\s+of\s+(?:the\s+)?[A-Z][\w'’ -]*$")
_DOTTED_ABBREV = re.compile(r"(?:[a-z]\.){2,}")
# A country's or union's initials, which open a body's name ("U.S. Geological Survey").
COUNTRY_INITIALS = frozenset(("u.s.", "u.k.", "u.n.", "e.u.", "u.s.a."))


# Portfolio words title a person only before "Minister" or "Secretary" ("Health
# Minister Jane Roe"); right before a name they name a body ("Health Canada").
_PORTFOLIOS = words(
    "foreign finance defence defense health interior economy education environment "
    "transport trade labour labor energy agriculture"
)


_HONORIFICS = words("mr mrs ms miss dr prof sen rep gov gen")


# Lower-case particles inside a person's name ("Pieter van Dam", "Ana de Souza").
NAME_PARTICLES = words("van von der den de da di du del della dos das ter ten bin ibn")


def _inner_particle(toks: list[str], k: int) -> bool:
    """Whether toks[k] is a particle between a first name and a surname: both sides
    capitalised, and no title before it ("Governor Pieter van Dam", not "Minister de")."""
    return toks[k] in NAME_PARTICLES and 0 < k < len(toks) - 1 and (
        toks[k + 1][:1].isupper() and toks[k - 1][:1].isupper() and not _is_title(
            toks[k - 1]))


def person_surname(name: str) -> str:
    """A person's surname with its particles ("van Dam" of "Pieter van Dam")."""
    parts = name.split()
    k = len(parts) - 1
    while k > 1 and parts[k - 1] in NAME_PARTICLES:
        k -= 1
    return " ".join(parts[k:])


@lru_cache(maxsize=_CACHE)
def split_person(phrase: str) -> tuple[str, str] | None:
    """(name, title phrase) when the phrase ends in a person's name after a title."""
    titled = _title_of_person(phrase.strip()) or _described_name(phrase.strip())
    if titled is not None:
        return titled
    core = _OF_NAME_END.sub("", phrase.strip())
    words = core.split()
    i = len(words)
    if i > 1 and words[-1][:1].isupper() and words[-2][:1].isupper() and not _is_title(
            words[-2]):
        i -= 1  # the last word is a surname even when it is also a title ("Ada King")
    while i > 0 and (words[i - 1][:1].isupper() and not _is_title(words[i - 1]) and (
            words[i - 1] != "Speaker") or _inner_particle(words, i - 1)):
        i -= 1
    if i == len(words) > 1 and words[-1][:1].isupper() and _is_title(words[-2]) and (
            words[-2].lower().rstrip(".") in _HONORIFICS):
        i -= 1  # "Mr. King"
    name_words = words[i:]
    if not name_words or i == 0 or any(w.lower() in ORG_WORDS for w in name_words):
        return None
    if len(name_words) == 1 and words[i - 1] == "General" and (
            name_words[0].lower() in _TRADE_NOUNS):
        return None  # "General Foods", "General Dynamics": a company, not a general
    dotted = words[i - 1].lower()
    if _DOTTED_ABBREV.fullmatch(dotted) and dotted.rstrip(".") not in TITLES:
        if dotted not in COUNTRY_INITIALS:  # a person's initials: "J.J. Roe", "Chairman
            return (" ".join(words[i - 1:]), " ".join(words)) if i == 1 or _is_title(
                words[i - 2]) else None  # G.K. Roe"
        if name_words[0].lower() not in _FIRST_NAMES:
            at = next((k for k, w in enumerate(name_words) if k and (
                w.lower() in _FIRST_NAMES or k == 1 and name_words[0].lower() in PERSON_NOUNS
                and len(name_words) > 2)), None)  # "Assistant U.S. Attorney Ann B. Roe"
            return None if at is None else (" ".join(name_words[at:]), " ".join(words))
    if _is_title(words[i - 1]) and words[i - 1].lower() not in _PORTFOLIOS or (
            words[i - 1] == "Speaker" and len(name_words) >= 2):  # "House Speaker Ann Roe"
        return " ".join(name_words), " ".join(words)
    if (words[i - 1] in PERSON_NOUNS or words[i - 1] in _ROLE_BEFORE_NAME) and len(
            name_words) >= 2:
        return " ".join(name_words), " ".join(words)  # "FBI general counsel Ann Roe"
    return None  # "Health Canada", "World Health Organization": a portfolio is no title


_FIRST_NAMES = _FIRST_F | _FIRST_M
# Lower-case roles that describe the full name after them ("radio co-host Ann Roe",
# "party boss Ann Roe") but, alone, name nobody ("the host said" is no title).
_ROLE_BEFORE_NAME = words("host co-host boss")
# Common nouns a company's name puts after "General" (never a general's surname).
_TRADE_NOUNS = words("electric motors mills dynamics atomics foods instruments")
# A title written with "of" before a name ("Secretary of State Ada Roe", "Chief of Staff
# Tom Vance"): `_OF_NAME_END` would take it for "Ada Roe of the State Party".
_TITLE_OF = re.compile(r"\b(?:Secretary|Chief|Minister|Director|Commissioner|Chairman|"
                       r"Chairwoman|Chair|Head|Administrator|Attorney General)\s+of\s+[A-Z]")


def _title_of_person(phrase: str) -> tuple[str, str] | None:
    """The person after a title written with "of": the last two or three capitalised
    words, when they open with a known first name (where the portfolio ends and the name
    begins is told by nothing else)."""
    if " of " not in phrase or not _TITLE_OF.search(phrase):
        return None
    words = phrase.split()
    for n in (2, 3):
        name = words[-n:]
        if len(words) >= n + 3 and all(w[:1].isupper() for w in name) and (
                words[-n - 1].lower() != "of" and name[0].lower() in _FIRST_NAMES):
            return " ".join(name), phrase
    return None


# Words that describe a person before their name and are no part of it ("rival Ann Roe",
# "Democratic candidate Ann Roe"), besides the person nouns ("comedian", "columnist").
_BEFORE_NAME = words(
    "rival fellow former longtime veteran republican republicans democrat democratic gop "
    "conservative liberal progressive presidential hopeful"
)


_AGENT_NOUN = re.compile(r"\w{3}(?:er|or|ist|ian|ant|ent)$")


def _person_plural(word: str) -> bool:
    """A plural person noun or describing word before one name ("Former Velmoran
    presidents Ann Roe", "Republican hopefuls Tom Brisk"): the list's first person."""
    return word.endswith("s") and (word[:-1] in PERSON_NOUNS or word[:-1] in _BEFORE_NAME)


def _described_name(phrase: str) -> tuple[str, str] | None:
    """A known first name and a surname after words that only describe the person
    ("Rival Ann Roe", "Comedian Ann Roe" at a sentence start, where the capital is no
    evidence of a name): (the name, the phrase)."""
    words = phrase.split()
    for i in range(1, len(words) - 1):
        if words[i].lower() in _FIRST_NAMES:
            name = words[i:]
            lead = [w.lower() for w in words[:i]]
            # the word before the name describes the person; capitalised words before
            # it are what she belongs to ("CBS moderator Ann Roe", "House Republican …")
            role = lead[-1].removeprefix("co-").removeprefix("ex-")  # "Co-moderator"
            if len(name) <= 3 and all(w[:1].isupper() for w in name) and (
                    role in PERSON_NOUNS or role in _BEFORE_NAME or words[i - 1][:1]
                    .islower() and _AGENT_NOUN.search(lead[-1]) or role != lead[-1] and (
                        _AGENT_NOUN.search(role)) or _person_plural(role) or i > 1 and (
                        _AGENT_NOUN.search(role) and not _body_words_in(words[i - 1]))) and all(
                    w in PERSON_NOUNS or w in _BEFORE_NAME or o[:1].isupper()
                    for w, o in zip(lead[:-1], words[:i - 1], strict=True)):
                return " ".join(name), phrase
            return None
    if len(words) == 3 and words[0].lower() in PERSON_NOUNS and words[0][1:].islower() and all(
            w[:1].isupper() and w[1:].islower() and w.lower() not in PERSON_NOUNS
            and w.lower() not in ORG_WORDS and w.lower() not in GENERIC_HEADS
            for w in words[1:]) and not _body_words_in(" ".join(words[1:])):
        return " ".join(words[1:]), phrase  # "Actor Ann Roe" opening a sentence, an
        # unknown given name after the person noun
    j = len(words) - 3
    if j >= 1 and (words[j][:1].islower() and (
            words[j] in PERSON_NOUNS or words[j] in ROLE_WORDS or _AGENT_NOUN.search(words[j])
            or _person_plural(words[j])) or words[j].lower() in PERSON_NOUNS and j >= 2) and all(
            w[:1].isupper() and w[1:].islower() and w.lower() not in ORG_WORDS
            for w in words[j + 1:]) and all(w[:1].isupper() for w in words[:j]) and (
            not _body_words_in(" ".join(words[j + 1:]))):
        return " ".join(words[j + 1:]), phrase  # "Velmar Party member Ann Roe", an
        # unknown given name after a lower-case role
    return None


# Capitalised words only bodies' names hold, besides the endings `body_name` reads.
_BODY_PART = re.compile(r"\b(?:Watch|Monitor|Rights|Institute|Center|Centre|University|"
                        r"College|Association|Union|Project|Alliance|Group|Network|Party|"
                        r"Committee|Council|Foundation|Fund|Media|Radio)\b")


def _body_words_in(name: str) -> bool:
    """Whether a capitalised name holds a body's word ("Rights Watch", "Velmar News")."""
    return _BODY_PART.search(name) is not None or body_name(name)


@lru_cache(maxsize=_CACHE)
def _is_title(word: str) -> bool:
    """"Minister", "Secretary-General", "Dr." – or an abbreviation such as "U.N."."""
    w = word.lower().strip(",")
    return w in TITLES or w.rstrip(".") in TITLES or any(
        p in TITLES for p in w.split("-")) or bool(_DOTTED_ABBREV.fullmatch(w))


@lru_cache(maxsize=_CACHE)
def split_descriptor(phrase: str) -> tuple[str, str] | None:
    """(name, descriptor) for "grid operator Harran Energi" style phrases."""
    words = phrase.strip().split()
    if len(words) > 1 and _BASED.match(words[0]) and all(w[:1].isupper() for w in words[1:]):
        return " ".join(words[1:]), words[0]  # "Shanghai-based Hurun": Hurun
    i = len(words)
    while i > 0 and (words[i - 1][:1].isupper() or 1 < i < len(words) and (
            words[i - 1] in _NAME_CONNECTORS and words[i - 2][:1].isupper())):
        i -= 1  # "Club for Growth Action": "for" inside a capitalised name
    if not 0 < i < len(words):
        return None
    lower_prefix = all(w[:1].islower() or not k and w in ("The", "A", "An")
                       for k, w in enumerate(words[:i]))  # "The independent X" opening
    if words[i - 1].lower() in DESCRIPTORS or lower_prefix and len(words) - i >= 2:
        return " ".join(words[i:]), " ".join(words[:i])
    if lower_prefix and all(_ADJECTIVE.search(w) for w in words[:i]):
        return " ".join(words[i:]), " ".join(words[:i])  # "a desperate Velmora"
    return None


_BASED = re.compile(r"^[A-Z][\w.'’-]*-based$")
_NAME_CONNECTORS = words("for of on")
# Lower-case words shaped as adjectives ("desperate", "still-struggling", "beleaguered"),
# which describe the one-word name after them rather than head a phrase of their own.
_ADJECTIVE = re.compile(r"\w{3}(?:ed|ing|ate|ful|ous|ive|less)$")


def source_type(entity: Entity) -> SourceType:
    """Keyword rules over the name, aliases and descriptions; persons by their titles.

    A body no keyword places is still a body when its name is an acronym ("the FDIC")
    or an organisation word closes it ("… Network", "… Chamber of Commerce"): an
    organisation, not `other`, which is kept for people and groups of people."""
    return _typed(_said(_typing_names(entity), entity.descriptors), entity.person, entity.name,
                  tuple(entity.descriptors))


# Lower-case nouns of what a producer makes: after the producer's name in an alias ("an
# Acme survey of superdelegates", "a Velmar College poll for the Daily Courier"), the
# words name what the document is about or who paid for it, not what the producer is.
_MADE_THINGS = words("poll polls survey surveys study studies report reports analysis "
                     "tally count data estimate estimates review index tracker")


def _typing_names(entity: Entity) -> list[str]:
    """The entity's names, a document phrase it was named through cut after its document
    noun ("an Acme survey", which says Acme polls, not whom it polled)."""
    names = entity.names()
    if len(names) < 2:
        return names
    kept = [names[0]]
    for alias in names[1:]:
        at = alias.find(entity.name)
        end = at + len(entity.name)
        nxt = alias[end:].split()[:1] if at >= 0 else []
        kept.append(alias[: end + 1 + len(nxt[0])] if nxt and nxt[0] in _MADE_THINGS else alias)
    return kept


def name_type(name: str) -> SourceType:
    """The type a body's or group's name gives alone, with no article's wording."""
    return _typed(name.lower(), False, name, ())


def _said(names: list[str], descriptors: Sequence[str]) -> str:
    """Names and descriptions as one lower-case text for the keyword rules, each set
    off by " | " so `_role_heads` can cut them one by one."""
    return " | ".join([*names, *descriptors]).lower()


_SERVED = re.compile(r"\s(?:for|to|with|at|under|on behalf of)\s.*")


@lru_cache(maxsize=_CACHE)
def _role_heads(text: str) -> str:
    """Each description cut before whom the role serves: "spokesman for the candidate"
    and "an aide to Sen. Roe" type an official, not a politician."""
    return " | ".join(_SERVED.sub("", piece) for piece in text.split(" | "))


@lru_cache(maxsize=_CACHE)
def _typed(text: str, person: bool, name: str, descriptors: tuple[str, ...]) -> SourceType:
    person = person or _PERSON_SHAPE.match(name) is not None and not any(
        w.lower() in ORG_WORDS or w.lower() in GENERIC_HEADS for w in name.split()) and (
        gender_of(name) is not None
        or any(w in PERSON_NOUNS for d in descriptors for w in d.lower().split()))
    if legislators(name):
        return SourceType.POLITICIAN  # "Senate Republicans" are no senate
    group = None if person else people_head(name)  # "Party members", "White House
    if group is not None:  # officials", "Source close to the Velmar committee"
        if _type_of(group.lower(), False) is SourceType.MILITARY:
            return SourceType.MILITARY  # "Army officers"
        said = group.lower() if group != name else _role_heads(text)
        return _type_of(_OWNER_WORD.sub("", said), True)  # "Senator's advisers": aides
    if person and " " not in name.strip() and gender_of(name) is None:
        for said in text.split(" | ")[1:]:  # "Velhua, the official Velmoran news agency":
            described = described_kind(said)  # a body the word "official" made a person
            if described is not None:
                return described
    kind = refine_type(_type_of(_role_heads(text) if person else text, person), person, name,
                       descriptors, text)
    if person and kind in (SourceType.OFFICIAL, SourceType.OTHER) and academic_director(text):
        return SourceType.ANALYST  # "director of the Velmar Project at Dunmore University"
    if kind is SourceType.OFFICIAL and "spokes" in text and "spokes" not in name.lower() and (
            gender_of(name) is None and name[:1].isupper()):
        alone = _typed(name.lower(), False, name, ())  # "the Harlow Trust", which has
        if alone not in (SourceType.OTHER, SourceType.OFFICIAL):  # a spokesman, is no
            return alone  # official itself
        if not person and f"{name.lower()} spokes" in text:
            return SourceType.ORGANISATION  # "Crowdpac", which "a Crowdpac spokesman" serves
    if kind is SourceType.OTHER and not person:
        if _BODY_NAME.search(name):
            return SourceType.ORGANISATION
        if (" " not in name.strip() or _state_or_country(name)) and (
                name.lower() not in PERSON_NOUNS) and _is_place(name):
            return SourceType.GOVERNMENT  # a place speaks through its government
    return kind


def _is_place(name: str) -> bool:
    from claims.core.places import is_place  # the gazetteer loads on first use

    return is_place(name)


def _state_or_country(name: str) -> bool:
    """A country or a state of several words ("West Virginia", "Costa Rica"); a town of
    several words may as well be a person's or a firm's name."""
    from claims.core.places import kind_of  # the gazetteer loads on first use

    return kind_of(name) in ("country", "region")


# "Ann Roe" described as "majority leader", or "Guy Roe" with a known first name: two
# or three capitalised words, no body word, an initial allowed; a person, though no
# title stood before the name.
_PERSON_SHAPE = re.compile(r"^[A-Z][a-z]+(?:\s+[A-Z]\.)?(?:\s+(?:(?:"
                           + "|".join(sorted(NAME_PARTICLES)) + r")\s+)*[A-Z][a-z'’-]+){1,2}$")


# An acronym ("DNC", "CNN/ORC", "AT&T") or a name closed by a body word.
_BODY_NAME = re.compile(r"^(?:the\s+)?[A-Z][A-Z&/.-]{1,9}$|\b(?:Network|Chamber|Committee|Caucus|"
                        r"Coalition|Council|Institute|Project|Initiative|Campaign|PAC|Fund|"
                        r"Foundation|Society|Alliance|Agency|Bureau|Post|Press|Times|Report|Legion|"
                        r"Party|Forum|Electric|Motors|Dynamics|Industries|Holdings|Airlines|Inc|Corp|"
                        r"LLC|Ltd)\b")


_ANALYST_WORDS = re.compile(r"\b(?:analysts|experts|economists|scientists|researchers|"
                            r"strategists)\b")
_OFFICIAL_WORDS = re.compile(r"\b(?:officials|diplomats|representatives?|spokes\w*|judges?|"
                             r"justices|prosecutors?|police officers)\b")


@lru_cache(maxsize=_CACHE)
def _type_of(text: str, person: bool) -> SourceType:
    if person:
        text = without_employer(text)  # "President Roe's special envoy"
        office = person_office(text)  # "senior vice president", "alderman", "fellow"
        if office is not None:
            return office
        for kind, rule in _PERSON_RULES:
            if kind is SourceType.OFFICIAL and military_rank(text):
                return SourceType.MILITARY  # "Gen. Ann Roe", "a retired admiral"
            if rule.search(text):
                return kind
        return SourceType.MILITARY if military_rank(text) else SourceType.OTHER
    for kind, rule in _TYPE_RULES:
        if rule.search(text):
            return kind
    if _ANALYST_WORDS.search(text):
        return SourceType.ANALYST
    if _OFFICIAL_WORDS.search(text):
        return SourceType.OFFICIAL
    return SourceType.OTHER


def to_source(entity: Entity, text: str = "") -> Source:
    """The extraction's source for `entity`; `text`, the article, lends its type the
    roles the article gives the person away from the cue (`roles.roles_in`)."""
    aliases = list(entity.aliases)
    first = entity.name.split()[0].lower() if entity.name.split() else ""
    if not entity.person and first not in GENERIC_HEADS and not (  # "Analysts at X" has
            _person_parts(entity.name)):  # no acronym, nor "Ann B. Roe Jr"
        acr = initialism(entity.name)
        if acr and acr not in aliases and acr != entity.name:
            aliases.append(acr)
    return Source(name=entity.name, type=_article_type(entity, text), aliases=tuple(aliases))


# Parts of a person's name no body's name has: an initial or a generational suffix.
_PERSON_PARTS = re.compile(r"(?:^|\s)[A-Z]\.\s|\s(?:Jr|Sr|II|III|IV)\.?$")


def _person_parts(name: str) -> bool:
    """Whether a name is a person's by its parts: an initial, a suffix, or a known first
    name before another capitalised word and no body word ("Daniel Ruiz Pellam", not
    "Grace Velmar Network")."""
    words = name.split()
    if _PERSON_PARTS.search(name) is not None:
        return True
    return len(words) > 1 and (words[0].lower() in _FIRST_F or words[0].lower() in _FIRST_M) and (
        words[1][:1].isupper() and not body_name(name) and _BODY_NAME.search(name) is None
        and not any(w.lower() in ORG_WORDS or w.lower() in GENERIC_HEADS for w in words))


def _article_type(entity: Entity, text: str) -> SourceType:
    """`source_type`, with what the rest of the article says: a role given the person
    anywhere in it, when the cue's own words gave none; and no place's government for
    a word the article writes as a surname ("from Roe" beside "Ann Roe")."""
    if text and PLACE_HINT in entity.descriptors and (
            surname_in(text, entity.name) or _GROUP_PLURAL.search(entity.name)
            or entity.name.isupper() or not _placed(text, entity.name)
            or entity.name.lower() in TITLES or broadcaster(entity.name)
            ) and not _is_place(entity.name):  # "a study in JAMA", "the case against Roe"
        kept = [d for d in entity.descriptors if d != PLACE_HINT]
        kind = _typed(_said(_typing_names(entity), kept), entity.person, entity.name,
                      tuple(kept))
    else:
        kind = source_type(entity)
    if kind is SourceType.OTHER and _TEAM.search(entity.name):
        return SourceType.ORGANISATION  # "Roe's campaign", "the Roe team", for the registry
    if kind is SourceType.POLITICIAN and entity.person and _body_president(entity):
        return SourceType.OFFICIAL  # "Velmar Tenants Union President Ann Roe"
    if kind is not SourceType.OTHER or not text or not (
            entity.person or _PERSON_SHAPE.match(entity.name)):
        return kind
    roles = roles_in(text, entity.name)  # whose role it is does not type it ("mayor's wife")
    said = " | ".join(_OWNER_WORD.sub("", r) for r in roles).lower()
    kind = _type_of(said, True) if roles else kind
    if kind is SourceType.OTHER and (_byline(text, entity.name) or outlet_journalist(
            text, entity.name)):
        return SourceType.MEDIA  # "CNN's Ann Roe", "Ann Roe of the Velmar Times"
    return kind


def _placed(text: str, name: str) -> bool:
    """Whether the article writes a name no gazetteer knows as a place: "in", "from" or
    "across" it (not before a possessive: "in Roe's speech"), or its government, army or
    capital. "Against Roe" or "with Roe" names a party as often as a place."""
    n = re.escape(name)
    return re.search(rf"\b(?:in|from|across|throughout) {n}\b(?!['’])|\b{n}['’]s (?:government|"
                     rf"army|military|forces|ministry|parliament|capital)\b", text) is not None


# A president titled by what they preside ("NEA President Ann Roe", "Velmar Bridge
# President Ann Roe"); a country's ("Ruritanian President", "U.S. President"), a
# chamber's ("Senate President") or a former or vice president is a politician.
_TITLED_PRESIDENT = re.compile(r"((?:[A-Z][\w.&'’-]*\s+){1,3})President\s+[A-Z]")
_NOT_PRESIDED = words("when as former vice then acting interim senate state assembly house "
                      "council student the u.s. us")


def _body_president(entity: Entity) -> bool:
    """Whether the person is a politician only by a title of president of a body that no
    place or chamber names, with no elected office in the article's words for them."""
    if elected_words(_said(entity.names(), entity.descriptors)):
        return False
    for alias in entity.aliases:
        m = _TITLED_PRESIDENT.match(alias)
        if m is None:
            continue
        body = m.group(1).split()
        return not any(w.lower() in _NOT_PRESIDED or _is_place(w) or _demonym(w)
                       for w in body) and not _is_place(" ".join(body))
    return False


def _demonym(word: str) -> bool:
    from claims.core.places import demonym  # the gazetteer loads on first use

    return demonym(word) is not None


def _byline(text: str, name: str) -> bool:
    """Whether a credit line names the person a reporter ("Roe reported from Ohio.",
    "Ann Roe contributed reporting.", "Ann Roe contributed to this report.")."""
    last = name.split()[-1]
    if " contributed" not in text and " reported from " not in text:
        return False
    return re.search(rf"\b{re.escape(last)} (?:reported from |contributed (?:reporting|to "
                     rf"this (?:report|article|story)))", text) is not None


_OWNER_WORD = re.compile(r"\S+['’]s?\s+")


# A person's campaign or team named after them: a body in the registry (typed `other`
# while the article is read, so that its named spokespeople keep their own names).
_TEAM = re.compile(r"^[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)?(?:['’]s?)?(?:\s+(?:former|"
                   r"presidential|senate|reelection|re-election|mayoral|gubernatorial|"
                   r"congressional|house|own|\d{4}))*\s+(?:campaign|team|camp|transition team)$")
PLACE_HINT = "government of a place"  # `resolve`'s mark for a name used as a place
_GROUP_PLURAL = re.compile(r"^[A-Z][a-z]+(?:ans|ats|ists|ives|als|inos|anos|ics)$")  # "Latinos"


# One to eight capitalised words before "(ABC)"; the first written out so the pattern
# opens with a character class and `re` skips straight to capitals.
_ACRONYM_DEFINED = re.compile(
    r"([A-Z][\w'’-]*\s+(?:(?:of|for|the|and|on)\s+)*"
    r"(?:[A-Z][\w'’-]*\s+(?:(?:of|for|the|and|on)\s+)*){0,7})\(([A-Z]{2,8})\)")
_ACRONYM_MARK = re.compile(r"\([A-Z]{2,8}\)")


def acronym_definitions(text: str) -> dict[str, str]:
    """"the World Health Organization (WHO)" anywhere in the text → {"WHO": "World …"}."""
    found: dict[str, str] = {}
    if _ACRONYM_MARK.search(text) is None:
        return found  # every match ends on one
    for m in _ACRONYM_DEFINED.finditer(text):
        words = m.group(1).split()
        acr = m.group(2)
        for k in range(len(words)):
            cand = " ".join(words[k:])
            if initialism(cand, 2, as_alias=False) == acr:
                found.setdefault(acr, cand)
                break
    return found


_TOPIC_WORDS = words(
    "defence health finance interior foreign economy justice education environment "
    "transport trade labour energy agriculture culture home treasury emergency tax customs "
    "border intelligence security water weather"
)


def _topics(key: str) -> frozenset[str]:
    """The portfolio words of a name, one spelling each: what a fuzzy match must keep."""
    return frozenset(w for w in (spelling_key(t) for t in key.split()) if w in _TOPIC_WORDS)


_SUFFIXES = words("jr sr ii iii iv")


def persons_differ(key: str, other: str) -> bool:
    """Whether two normalised names of two or more words are two parties' names however
    close their spelling: both their first and their last words differ ("Dan Backer",
    "Dean Baker"), or one opens with a known first name and the surnames open with
    different letters ("Richard Ross", "Richard Cross"). A typo in one word
    ("Kristen"/"Kirsten", "Vladimir Putn"), a middle initial or a generational suffix
    keeps one person."""
    a, b = key.split(), other.split()
    while len(a) > 2 and a[-1] in _SUFFIXES:
        a = a[:-1]
    while len(b) > 2 and b[-1] in _SUFFIXES:
        b = b[:-1]
    if len(a) < 2 or len(b) < 2 or fold(a[-1]) == fold(b[-1]):
        return False
    return a[0] != b[0] or a[0] in _FIRST_NAMES and a[-1][:1] != b[-1][:1]


def number_differs(a: str, b: str) -> bool:
    """Whether two one-word keys differ only by a plural "s": a group of people named
    by a plural ("Independents", "Politicos") and a body with the singular as its name
    ("the Independent", a newspaper) are different parties, though one letter apart."""
    if " " in a or " " in b or len(a) == len(b):
        return False
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    return long_ == short + "s"


def match_source(name: str, registry: Sequence[Source], *, cutoff: float = 90) -> str | None:
    """Canonical name of the registry source `name` denotes: exact name/alias, then fuzzy."""
    key = norm(name)
    if not key:
        return None
    for src in registry:
        if key == norm(src.name) or any(key == norm(a) for a in src.aliases):
            return src.name
    best, best_score = None, 0.0
    for src in registry:
        for cand in (src.name, *src.aliases):
            c = norm(cand)
            if len(c) < 4 or _topics(c) != _topics(key) or persons_differ(key, c) or (
                    number_differs(key, c)):
                continue  # "defence ministry" is no typo of "finance ministry"
            score = fuzz.ratio(key, c)
            if score > best_score:
                best, best_score = src.name, score
    return best if best_score >= cutoff else None
