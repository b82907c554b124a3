"""Back-reference resolution: which source a cue's speaker phrase denotes.

Cue detection lives in `claims.core.attribution.cues`; this module keeps the article's sources as
they are met and resolves each speaker phrase against them: pronouns to the nearest
compatible person or body, "the ministry"/"the report"/"the mayor" to the last source
named that way, roles ("the head of the X", "an X spokesman") to the body they speak
for. Sources themselves (names, aliases, types) are built by `claims.core.attribution.sources`.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Iterator
from functools import lru_cache
from itertools import islice

from claims.core.attribution.agreement import described_person, one_person, plural_people
from claims.core.attribution.cues import ROLE_NOUNS, CueHit, find_hits, is_name, is_role
from claims.core.attribution.descriptions import BackReferences, unnamed_document
from claims.core.attribution.groups import plural_subject, thing_subject
from claims.core.attribution.kinds import company_name, outlet_word
from claims.core.attribution.names import (
    PREPOSITIONS,
    RESPONDENTS,
    UNNAMED,
    entity_fault,
    group_name,
    modifier_end,
    name_fault,
    party_noun,
)
from claims.core.attribution.persons import (
    PERSON_NOUNS,
    SPEAKER_NOUNS,
    person_gender,
    speaks_for_another,
)
from claims.core.attribution.references import (
    FIRM_HEADS,
    GENERIC_TYPES,
    GROUP_TAILS,
    NOT_FIRST_NAMES,
    NOT_SURNAMES,
    OWN_VOICE_ROLES,
    SHARES_OF,
    PeopleIndex,
    Person,
    generic_key,
    owned_document,
    people_mentions,
    possessed,
    role_body,
    sentence_start,
    sentence_subject_name,
    subject_position,
)
from claims.core.attribution.sources import (
    COUNTRY_INITIALS,
    DESCRIPTORS,
    GENERIC_HEADS,
    ORG_WORDS,
    PLACE_HINT,
    TITLES,
    Entity,
    acronym_definitions,
    capitalise,
    gender_of,
    initialism,
    is_generic,
    norm,
    person_surname,
    source_type,
    split_descriptor,
    split_person,
    strip_determiner,
    words,
)
from claims.core.places import kind_of
from claims.core.text.anchored import caseless
from claims.core.text.segmentation import is_title_case, quote_mask
from claims.core.textkeys import previous_word

__all__ = ["CueHit", "SourceBook", "find_hits", "role_body"]

_DOC_NOUN = re.compile(
    r"^(?:(?:the|a|an|recent|new|latest|most|its|their|preliminary|official|some|\w+ly)\s+)*"
    r"(?:reports?|data|figures|statistics|estimates?|surveys?|polls?|study|studies|"
    r"analysis|analyses|statements?|assessments?|reviews?|updates?|findings|research|"
    r"results|records|numbers|projections?|forecasts?|tall(?:y|ies)|counts?|returns|"
    r"filings?|minutes|audits?|census)\b(.*)$",
    re.IGNORECASE,
)
# A document the sentence introduces ("A new poll shows", "Polls show", "New data
# suggest"): not the last outlet's report, as "the poll" would be.
_INDEFINITE_DOC = re.compile(r"(?!(?:The|This|That|These|Those|Its|Their)\b)"
                             r"(?:[Aa]n?\s|(?:[Nn]ew|[Rr]ecent|[Ll]atest|[Ss]ome)\s|[A-Z][a-z]+\b)")
_GROUP_AT = re.compile(
    r"^(?:analysts|experts|researchers|economists|officials|scientists|staff)\s+"
    r"(?:at|from|with|of)\s+(.+)$",
    re.IGNORECASE,
)
# "a terse Vance", "a teary-eyed Holt": lower-case words that describe one capitalised
# name; the description is no part of the name.
_ADJECTIVE_NAME = re.compile(r"^(?:[a-z][a-z-]+\s+){1,2}([A-Z][a-z][\w'’-]*)$")
_AFFILIATED = re.compile(r"^([A-Z][a-z]+(?: [A-Z][\w'’-]+){1,2}) (?:of|from) (?:the )?[A-Z].*$")
_ACRONYM_ASIDE = re.compile(r"\s*\(([A-Z][A-Za-z]{1,8})\)")
_PAREN_ASIDE = re.compile(r"\s*\([^)]*\)")
# "The 72-year-old", "the 45-year-old mother of three", "a 23-year-old man": an age
# describes a person; with "the" it is someone the article has named, as "he" would be.
_AGED = re.compile(r"(?i)(the|an?)\s+(?:\d{1,3}|[a-z]+(?:-[a-z]+)?)-(?:year|month)-old"
                   r"(?:\s+(.+))?$")
_AFTER_PUBLISHER = re.compile(r"\s+(?:published|released|conducted|issued|commissioned|"
                             r"out|made public)\b.*$")
# A part of a body speaking for it: "the Ohio branch of the Farmers Union".
_PART_OF = re.compile(r"^(?:[Tt]he|[Ii]ts|[Tt]heir|[Aa]n?)\s+(?:[\w.-]+\s+){0,2}?(?:branch|chapter|"
                      r"affiliate|wing|arm|division|subsidiary|office|bureau)\s+of\s+"
                      r"((?:the\s+)?[A-Z][\w.&'’-]*(?:\s+(?:of\s+|for\s+|and\s+|the\s+)*"
                      r"[A-Z][\w.&'’-]*)*)$")
# Words before "in X" that make X no place: a journal ("published in X"), a company
# ("shares in X").
_NOT_PLACE_BEFORE = ("published ", "appeared ", "appearing ", "hares ", "stake ", "stock ")


_UNDOTTED_COUNTRIES = frozenset(("us", "uk", "eu"))


@lru_cache(maxsize=4096)
def _country_free_initialism(name: str) -> str | None:
    """The initialism of a body's name without its country's initials ("FDA" for "U.S.
    Food and Drug Administration"); None when the name opens on none."""
    words_ = name.split()
    if words_[:1] in (["the"], ["The"]):
        words_ = words_[1:]
    if len(words_) < 3 or words_[0].lower() not in COUNTRY_INITIALS | _UNDOTTED_COUNTRIES:
        return None
    return initialism(" ".join(words_[1:]))


# A set-off description saying where a document appeared names its producer.
_PUBLISHED_IN = re.compile(
    r"(?:published|appearing|released)\s+(?:\w+\s+){0,3}?in\s+(?:the\s+)?(?!(?:Jan|Feb|Mar|"
    r"Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\b)[A-Z]|"
    r"(?:published|appearing|released)\s+(?:\w+\s+){0,3}?in\s+the\s+(?:journal|magazine)\s")
# A subject pronoun that ends a cue's phrase heads a clause of its own.
_CLAUSE_SUBJECTS = frozenset(("he", "she", "they"))
# Time and manner words that may stand before a clause's subject pronoun.
_ADVERBIAL_WORDS = frozenset((
    "then", "now", "later", "earlier", "online", "today", "yesterday", "tonight", "late",
    "early", "last", "night", "morning", "afternoon", "evening", "week", "month", "year",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"))


def _adverbial(words: list[str]) -> bool:
    """Whether the words before a subject pronoun are only adverbs and time words
    ("late Saturday", "naturally", "online"), not a noun the pronoun's clause describes
    ("a deal she backed", "the state he calls home")."""
    return bool(words) and len(words) <= 3 and all(
        w.lower().endswith("ly") or w.lower() in _ADVERBIAL_WORDS for w in words)
_BY_PUBLISHER = re.compile(r".*\b(?:by|from|(?:published|appearing|released) in)\s+(.+)$")
_ALIAS_INTRO = re.compile(r"\b(?:under the (?:name|pseudonym|handle)|known as|nicknamed|"
                          r"calling (?:himself|herself|itself))\s+((?-i:[A-Z])[\w'’-]*"
                          r"(?:\s(?-i:[A-Z])[\w'’-]*)*)", re.I)
_REPORTISH = re.compile(r"\b(?=[adprs])(?:report|study|survey|analysis|data|review|statement|"
                        r"polls?|polling|surveys|studies)\b", re.I)
# Lower-case literals every `_REPORTISH` word holds ("stud" of "study", "studies").
_REPORT_LITERALS = ("report", "stud", "survey", "analysis", "data", "review", "statement",
                    "poll")


def _document_kinds(sentence: str) -> set[str]:
    """The kinds of document a sentence names, one spelling each ("polls", "polling" ->
    "poll"; "studies" -> "study"), outside its quotations: "'The only poll that matters
    is on Election Day,' the spokesman said" makes no poll."""
    quoted = quote_mask(sentence)[0]
    return {_kind(m.group()) for m in _REPORTISH.finditer(sentence) if not quoted[m.start()]}


def _kind(noun: str) -> str:
    low = noun.lower()
    if low.startswith("poll"):
        return "poll"
    if low == "studies":
        return "study"
    return low[:-1] if low.endswith("s") and low not in ("analysis", "data") else low


def _reportish(sentence: str) -> bool:
    """`_REPORTISH.search(sentence)`, run only when the lower-case sentence holds one of
    its words' letters (`caseless`: None for the few texts where that test is unsafe)."""
    low = caseless(sentence)
    if low is not None and not any(map(low.__contains__, _REPORT_LITERALS)):
        return False
    return _REPORTISH.search(sentence) is not None


_DEMONYM_END = re.compile(r"(?:an|ian|ese|ish)$")  # "Republican senators", "Chinese"
_CAMEL = re.compile(r".[a-z]*[A-Z]")
# "Norvax shares fell": a one-word name before its shares is a listed company.
_SHARES_AFTER = re.compile(r"['’]?s?\s+(?:shares|stock)\b")
_NOT_FIRST_NAMES = words(
    "the a an in on at for of and but as by to with from said says this that when after "
    "before while if last next new other others some many most several few both all each "
    "every any another fellow states nations"  # "United States Senate" names no "States"
)


_NO_BODY_WORDS = words("the a an this that")
_NAME_BEFORE = re.compile(r"\b[A-Z][\w'’-]*\.? \Z")  # "Tom " before "Holt"
_INDEFINITE = words("nobody everybody everyone somebody someone anybody anyone none all "
                    "both each either neither many most few several others another")
_SUBJECT_WINDOW = 1500  # how far back a sentence's subject stays the likely "he"/"she"


# Generic nouns that name a kind of body: "the bank" is only a body the article has shown
# to be a bank (named or described so), never the last company named.
_SPECIFIC_NOUNS = words(
    "bank airline insurer lender retailer carrier union party charity club utility pollster "
    "broker chain newspaper hospital university"
)


_PARTY_HEADS = GENERIC_HEADS | ORG_WORDS | ROLE_NOUNS | DESCRIPTORS | words(
    "people group groups critics supporters opponents voters residents witnesses "
    "activists protesters campaigners lawmakers members leaders donors advocates "
    "conservatives liberals progressives democrats republicans respondents americans "
    "scholars historians doctors teachers parents workers students fans citizens "
    "candidate candidates campaign nominee challenger rival rivals aide aides allies "
    "source sources insiders strategist strategists consultant consultants pollster "
    "pollsters economist economists analyst analysts expert experts official officials "
    "spokesman spokeswoman spokesperson observers investigators prosecutors judges "
    "organizers organisers hosts host moderator moderators anchor reporter reporters "
    "journalist journalists editor editors columnist writer author authors senators "
    "governors mayors delegates superdelegates electors"
)


# "the candidate", "the Vermont senator", "the former finance minister": a person noun
# after "the" and up to four modifiers, with an optional "of …"
_THE_PERSON = re.compile(r"^the\s+(?:[\w.'’-]+\s+){0,4}?([a-z][\w-]*)"
                         r"(?:\s+of\s+(?:the\s+)?[\w .'’-]+)?$", re.IGNORECASE)
_TITLE_ABBREVIATIONS = {"senator": ("sen.", "sen"), "governor": ("gov.", "gov"),
                        "representative": ("rep.", "rep"), "congressman": ("rep.", "rep"),
                        "congresswoman": ("rep.", "rep"), "president": ("pres.",),
                        "professor": ("prof.", "prof"), "general": ("gen.", "gen"),
                        "doctor": ("dr.", "dr")}
# "the Vermont senator", "the New York governor": a title qualified by a place names
# someone the article has met even when it never wrote that title beside the name.
_PLACE_TITLE = re.compile(r"(?i:the)\s+(?:[A-Z][a-z]+\s+){1,2}[a-z]+$")
_AGENT_END = re.compile(r"(?:ist|ian|er|or|ant|ent|man|men|woman|women|eer)s?$")
_THINGS = words(
    "papers numbers letters matters computers helicopters orders others centers centres "
    "computer helicopter paper number letter matter order other center centre poster "
    "posters quarter quarters corner corners border borders chamber chambers power powers "
    "water waters weather manner manners answer answers cancer percent moment moments "
    "agreement agreements statement statements government amendment amendments document "
    "documents comment comments argument arguments event events content contents"
)


_CLOSERS = {"(": ")", "'": "'’", "‘": "’'", "“": "”\"", '"': '"', "”": "", "’": ""}


def _unopened(phrase: str) -> str:
    """`phrase` without the brackets and quote marks it opens and never closes: a
    sentence's "(" or a quotation's closing mark is no part of a name ("(Mr. Vance",
    "' Ada Marlow" after "… 'crazy election,' Ada Marlow says"), nor is an aside the
    phrase was cut inside ("Sen. Paul Vance (I-Vt.")."""
    while phrase[:1] in _CLOSERS and not any(c in phrase[1:] for c in _CLOSERS[phrase[0]]):
        phrase = phrase[1:].lstrip()
    cut = phrase.rfind("(")
    if cut > 0 and ")" not in phrase[cut:]:
        phrase = phrase[:cut].rstrip()  # "Sen. Paul Vance (I-Vt." cut at the abbreviation
    return phrase


@lru_cache(maxsize=4096)  # a pure function of two short strings, asked per new source
def _common_thing(name: str, phrase: str) -> bool:
    """A source the article names only with common nouns whose head is no party
    ("helicopters", "the watch", "a series of photos", "forcefully denouncing …"): what was
    written never capitalises the name's words, and its head is neither a known party noun
    nor an agent noun ("-ist", "-er", "-ian")."""
    toks = strip_determiner(phrase.strip()).split()
    if name in (RESPONDENTS, UNNAMED) or not toks:
        return False
    cut = next((i for i, t in enumerate(toks) if i and (
        modifier_end(t) or t in ("and", "or"))), len(toks))
    key = norm(name)
    # The name is the phrase, its words before a preposition or "and", or its first word.
    end = next((k for k in (len(toks), cut, 1) if norm(" ".join(toks[:k])) == key), 0)
    if not end or any(t[:1].isupper() for t in toks[:end]):
        return False  # a name the phrase only led to ("he" → the last speaker)
    if any(_party_word(t.lower().strip(".,")) for t in toks[:max(1, min(end, cut))]):
        return False  # "a person familiar with …", "the companies", "a bipartisan coalition"
    head = toks[min(end, cut) - 1].lower().strip(".,")  # "supporters of the bill"
    return head in _THINGS or not _AGENT_END.search(head)


_PLACE_NOUNS = words("nation country state city town village county "
                     "district region province capital")


def _party_word(word: str) -> bool:
    """A person, group or body noun; a place noun ("nations", "the state") is none here,
    since a bare one is where things happen far more often than who speaks."""
    singular = word[:-3] + "y" if word.endswith("ies") else word.rstrip("s")
    return word in _PARTY_HEADS or singular in _PARTY_HEADS or word in _FAMILY or (
        party_noun(word) and word not in _THINGS and singular not in _PLACE_NOUNS)



@lru_cache(maxsize=4096)  # asked for every phrase no cue names directly
def _person_noun(phrase: str) -> str | None:
    """The person noun a "the …" phrase refers back with ("the Vermont senator":
    "senator"), or None (no such phrase, or a speaker noun: "the spokesman")."""
    m = _THE_PERSON.match(phrase)
    if m is None:
        return None
    noun = m.group(1).lower()
    if noun in _PARTY_MEMBERS and m.group(1)[:1].isupper() and m.end(1) == len(phrase):
        return noun  # "the Wisconsin Republican": one member of a party, a person
    if noun not in PERSON_NOUNS or noun in SPEAKER_NOUNS:
        return None
    return noun


# Capitalised nouns for one member of a party ("the Ohio Democrat").
_PARTY_MEMBERS = words("republican democrat libertarian socialist")


def _named_elsewhere(e: Entity, text: str, headline: str) -> bool:
    """Whether a name met first in a title-case headline is a name: a person's with a
    known first name ("Ada Marlow Says …"), or one the article writes again elsewhere;
    else it is the headline's capitalised words ("Second Farm Group Leader Backs …")."""
    if e.person and len(e.name.split()) <= 3 and gender_of(e.name) is not None:
        return True
    return text.count(e.name) > headline.count(e.name)


_HEADLINE_OPENERS = frozenset(("how", "why", "what", "when", "where", "who", "whether",
                               "will", "can", "does", "did", "is", "are", "another",
                               "second", "third", "fourth", "fifth", "next", "one"))


def _says_subject(e: Entity, hit: CueHit, text: str, headline: str) -> bool:
    """A title-case headline's opening subject is a source though the body never writes
    it again: a description ending on a party noun ("Former Velmar Pollster Says …"),
    or a one-word subject of "Says" ("Velmora Says …") that the article writes again in
    any case ("VELMORA", "velmora's"); other capitalised words are the headline's own."""
    if hit.phrase_start != 0 or hit.phrase.strip() != e.name:
        return False
    if " " in e.name:  # "Former Velmar Pollster Says", "Velmar Debate Moderators Ignore"
        toks = e.name.split()
        return len(toks) <= 5 and toks[0].lower() not in _HEADLINE_OPENERS and (
            party_noun(toks[-1].lower()) and not toks[-1].isupper())
    if headline[hit.start:hit.end].lower() not in ("says", "said"):
        return False
    name = e.name.lower()
    return text.lower().count(name) > headline.lower().count(name)


_FAMILY = words(
    "father mother wife husband son daughter brother sister friend friends family relatives "
    "neighbor neighbors neighbour neighbours colleague colleagues cousin uncle aunt parents "
    "children person persons individual individuals panel church commenter commenters "
    "crowd crowds audience jury public maps map footage images sides side "
    "faction factions heavyweights bosses insiders elites criminals folks"
)


def _speaker_noun(noun: str) -> bool:
    """A noun naming someone who speaks for another person ("lawyer", "spokeswoman")."""
    return bool(noun) and noun.split()[-1].lower() in SPEAKER_NOUNS


def _first_name(word: str) -> bool:
    """Whether a capitalised word before a surname can be a first name."""
    w = word.lower().rstrip(".")
    return w not in TITLES and w not in _NOT_FIRST_NAMES and w not in ORG_WORDS and (
        name_fault(word) is None) and not _DEMONYM_END.search(w) and (
        "-" not in w or word.replace("-", " ").istitle())  # "Jean-Luc", not "Prize-winner"


class SourceBook:
    """The sources of one article, built while its sentences are read in order.

    Back-references resolve to the nearest earlier compatible source: "he"/"she" to a
    person of a compatible gender, "it"/"they" to a body, "the ministry" to the last
    source named with that word, "the report" to the last source that published one.
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self.entities: list[Entity] = []
        self.acronyms = acronym_definitions(text)
        # pos, name, gender, title; each listed once (lookups here ignore repeats)
        self.people = people_mentions(text)
        self.bare_people = people_mentions(text, bare=True)
        self.mentions: list[tuple[int, Entity, str | None]] = []  # person mentions
        self._mention_starts: list[int] = []
        self.sentence = ""  # the sentence being resolved
        # Indexes of the people lists and memos of whole-text searches, built on first
        # use: each lookup then costs the same however long the article is.
        self._index: PeopleIndex | None = None
        self._text_memo: dict[tuple[str, str, str], bool | str | None] = {}
        self.backrefs = BackReferences()  # "the company" kept on the party it meant

    def _people_index(self) -> PeopleIndex:
        if self._index is None:
            self._index = PeopleIndex(self.people, self.bare_people)
        return self._index

    def _first_name_before(self, name: str) -> str | None:
        """The capitalised word right before `name` at its first such place in the text."""
        key = ("first", name, "")
        if key not in self._text_memo:
            seen = Counter(m.group(1) for m in re.finditer(
                rf"\b([A-Z][a-z][\w'’-]*)\s+{re.escape(name)}\b", self.text)
                if _first_name(m.group(1)))
            top = seen.most_common(2)
            # two first names ("Ben Holt", "Mara Holt"): the surname alone is
            # the one the article names most, and neither when they tie
            self._text_memo[key] = top[0][0] if top and (
                len(top) == 1 or top[0][1] > top[1][1]) else None
        first = self._text_memo[key]
        return first if isinstance(first, str) else None

    # ------------------------------------------------------------- lookups
    def exact(self, phrase: str) -> Entity | None:
        key = norm(strip_determiner(phrase))
        if not key:
            return None
        for e in self.entities:
            if key in e.name_keys() and not self.backrefs.hides(e, key):
                return e
        if phrase.isupper():
            for e in self.entities:
                if initialism(e.name, 2) == phrase:
                    e.add_alias(phrase)  # "VP" of "the Velmora Press": one of its names
                    return e
                if len(phrase) > 2 and _country_free_initialism(e.name) == phrase:
                    e.add_alias(phrase)  # "FDA" for "the U.S. Food and Drug Administration"
                    return e
        return None

    def contained(self, phrase: str, kinds: frozenset[str] | None = None) -> Entity | None:
        key = norm(strip_determiner(phrase))
        if not key:
            return None
        padded = f" {key} "  # the key as whole words of some name
        cands = [e for e in self.entities
                 if padded in e.joined_keys() and not self.backrefs.hides(e, key) and not (
                     kinds and e.person or speaks_for_another(e.name)
                     and not key.startswith(e.name.split()[0].lower()))]
        if not cands and kinds:
            specific = key in _SPECIFIC_NOUNS  # "the bank": a body known to be one
            cands = [e for e in self.entities
                     if not e.person and source_type(e).value in kinds and not (
                         specific and key not in " ".join([*e.names(), *e.descriptors]).lower())]
        return max(cands, key=lambda e: e.last) if cands else None

    def _body(self, name: str) -> Entity | None:
        """An organisation a role speaks for; never a person or a group of people."""
        found = self.exact(name)
        kinds = GENERIC_TYPES.get(norm(strip_determiner(name)))
        lead = self._lead_name() if kinds else None
        if found is None and lead is not None:
            found = self.exact(lead) or self._new(lead, lead)
        if found is None:
            found = self.contained(name, kinds)
        bodies = ("government", "military", "think_tank", "osint", "media", "organisation",
                  *(kinds or ()))
        if found is None or found.person or source_type(found).value not in bodies:
            return None
        return found

    def _person_named(self, name: str) -> Entity | None:
        """A person already met under this name or surname ("Havik" for Lena Havik)."""
        key = norm(strip_determiner(name))
        for e in reversed(self.entities):
            if e.person and (key in e.name_keys() or norm(e.name).endswith(" " + key)):
                return e
        first = self._people_index().by_word_suffix.get(key)
        if first is not None:
            return self._person(first[1], first[3], first[0])
        return None

    def _speaker_near(self, pos: int, gender: str | None, principal: bool = False
                      ) -> tuple[int, Entity] | None:
        """The last person credited with a claim before `pos` whose gender agrees.

        `mentions` is kept in text order, so the walk back from `pos` stops at the first
        agreeing speaker: the cost does not grow with the article."""
        i = bisect_left(self._mention_starts, pos) - 1
        while i >= 0:
            p, e, g = self.mentions[i]
            g = e.gender if e.gender is not None else g
            if (gender is None or g in (None, gender)) and not (principal and (
                    e.speaks_for or not e.name[:1].isupper() or e.name.lower() in SPEAKER_NOUNS
                    or is_generic(e.name))):
                return p, e
            i -= 1
        return None

    def _person_near(self, pos: int, gender: str | None, *, speaker: bool = True
                     ) -> Entity | None:
        """"He"/"she": the last speaker of that gender (news refers back to whoever it
        just quoted), else the last person named in the text of that gender. "His"/"her"
        (`speaker=False`): the last person of that gender, speaker or not ("President X
        …. His office said")."""
        last = self._speaker_near(pos, gender, principal=not speaker)
        if speaker:
            subject = self._subject_near(pos, gender)
            bare = self._bare_speaker(pos, max(
                last[0] if last is not None else -1, subject[0] if subject else -1))
            if bare is not None:
                bare.person = True
                bare.gender = bare.gender or gender
                return bare
            if subject is not None and (last is None or subject[0] > last[0]):
                return self._subject_entity(subject[1], subject[3] or None, pos)
        if last is not None and speaker:
            return last[1]
        speaker_at = last
        best: tuple[int, Entity | None, str] = (-1, None, "")
        if speaker_at is not None:
            best = (speaker_at[0], speaker_at[1], "")
        index = self._people_index()
        for found in (index.people.latest(pos, gender), index.bare.latest(pos, gender)):
            if found is not None and found[0] > best[0]:
                best = (found[0], None, f"{found[1]}\t{found[3]}")
        if best[1] is not None or not best[2]:
            return best[1]
        name, title = best[2].split("\t")
        return self._person(name, title, pos)

    def _bare_speaker(self, pos: int, after: int) -> Entity | None:
        """A one-word name credited with a claim after `after` and before `pos`, in this
        paragraph or the one before, known as nobody's body ("Kovar told police …. He
        added …"): "he"/"she" marks it as a person, the surname alone the article uses."""
        brk = self.text.rfind("\n", 0, pos)
        while brk > 0 and self.text[brk - 1] in "\n \t\r":
            brk -= 1  # a blank line between paragraphs is one break
        lo = max(after, self.text.rfind("\n", 0, max(0, brk)))
        best: Entity | None = None
        for e in self.entities:
            if e.person or not lo < e.last < pos or (best is not None and e.last <= best.last):
                continue
            if self._bare_name(e) and (e.last > brk or self._mid_sentence(e.name)):
                best = e  # the paragraph before: a word the article capitalises mid-sentence
        return best

    def _bare_name(self, e: Entity) -> bool:
        """Whether a source no rule made a person is one word that can be a surname:
        capitalised, typed other, no place, outlet, party noun or indefinite pronoun."""
        name = e.name
        return not (" " in name or not name[:1].isupper() or not name[1:].islower() or (
            name.lower() in ORG_WORDS or self._party_name(name) or e.descriptors
            or e.report or name.lower() in NOT_SURNAMES or self._is_place(name)
            or source_type(e).value != "other" or outlet_word(name)
            or name.lower() in _INDEFINITE))

    def _party_name(self, name: str) -> bool:
        """Whether a capitalised word is a party noun ("Critics", "Organizers"), not a
        surname: a word only shaped like an agent noun ("Quellmer", "Varnster", "Tesker")
        that the article capitalises mid-sentence is a surname."""
        low = name.lower()
        if not _party_word(low):
            return False
        singular = low[:-3] + "y" if low.endswith("ies") else low.rstrip("s")
        return low in _PARTY_HEADS or singular in _PARTY_HEADS or low in _FAMILY or (
            low.endswith("s") or not self._mid_sentence(name))

    def _group_subject(self, pos: int, after: int) -> Entity | None:
        """"They": a plural group opening this sentence or the one before, written after
        the last body credited (`after`): "Workers objected …. They also said …"."""
        return self._opening_subject(pos, after, plural=True)

    def _thing_subject(self, pos: int, after: int) -> Entity | None:
        """"It": a document or body opening this sentence or the one before, written after
        the last body credited (`after`): "The letter urged …. It read …"."""
        return self._opening_subject(pos, after, plural=False)

    def _opening_subject(self, pos: int, after: int, plural: bool) -> Entity | None:
        """The body a sentence-opening subject names, for "they" (`plural`) or "it"; a
        phrase that names no party leaves the registry as it was."""
        find = plural_subject if plural else thing_subject
        found = find(self.text, pos, self.text.rfind("\n", 0, pos) + 1)
        if found is None or found[0] <= after:
            return None
        at, phrase = found
        if plural:
            head = phrase.split()[-1].lower()
            if not _party_word(head) or head in _INDEFINITE:
                return None
        known = len(self.entities)
        e = self._named(phrase, None, at, False)
        if e is not None and len(self.entities) > known and e is self.entities[-1] and (
                entity_fault(e.name) is not None
                or (plural and _common_thing(e.name, phrase))):
            self.entities.pop()  # no party after all: the pronoun keeps the last body
            return None
        if e is None or e.person:
            return None
        e.last = max(e.last, at)
        return e

    def _named_body_before(self, pos: int, after: int) -> Entity | None:
        """"It": a body whose name opens the sentence before, in the same paragraph and
        after the last body credited (`after`): "The Department of Roads kept the bill
        secret. It has refused …" is the department, however capitalised its name. The
        name must be a body the article has met, or hold an organisation word."""
        here = sentence_start(self.text, pos)
        para = self.text.rfind("\n", 0, pos) + 1
        before, lead = next(self._leads_before(here, para), (-1, None))
        if before <= after or lead is None:
            return None
        found = self.exact(lead)
        if found is None and " " in lead and any(w.lower() in ORG_WORDS for w in lead.split()):
            found = self._new(lead, lead)
        if found is None or found.person or one_person(found) or plural_people(found.name):
            return None
        return found

    def _subject_near(self, pos: int, gender: str | None) -> Person | None:
        """The last person named as a sentence's subject before `pos` whose gender agrees
        ("Ann Roe met Ben Holt. She said …": Ann Roe). A subject met after the last
        speaker is the likelier referent of "he"/"she" than that speaker."""
        index = self._people_index()
        best: Person | None = None
        here = sentence_start(self.text, pos)  # the pronoun's sentence, read once
        for mentions in (index.people, index.bare):
            j = bisect_left(mentions.starts, pos) - 1
            stop = max(-1, j - 30)
            while j > stop:
                entry = mentions.entries[j]
                if best is not None and entry[0] <= best[0]:
                    break
                first = entry[1].split()[0].lower().rstrip(".")
                g = self._titled_gender(entry[0], entry[2])
                known = g is not None or self._person_known(entry[1])
                if (gender is None or g in (None, gender)) and (
                        known or self._described_as_person(entry, gender)) and first not in (
                        NOT_FIRST_NAMES) and first not in TITLES and (
                        self._subject_at(entry[0], here)):
                    best = entry
                    break
                j -= 1
        return self._known_subject(pos, gender, best, here)

    def _described_as_person(self, entry: Person, gender: str | None) -> bool:
        """Whether a mention of unknown gender is a person all the same: titled ("Sen.
        Quist") or right after a person noun ("campaign adviser Cornell Quist"), and, for
        a surname alone, never written after a first name of the other gender."""
        if not entry[3] and previous_word(self.text, entry[0]) not in PERSON_NOUNS:
            return False
        if gender is None or " " in entry[1]:
            return True
        first = self._first_name_before(entry[1])
        return first is None or gender_of(first) in (None, gender)

    def _known_subject(self, pos: int, gender: str | None, best: Person | None,
                       here: int) -> Person | None:
        """`best`, or a later subject mention of a person already credited with a claim
        ("Republican hopeful Ann Roe" is in no people list, but "Roe toured …" names her)."""
        lo = max(best[0] if best is not None else 0, pos - _SUBJECT_WINDOW)
        for e in self.entities:
            if not (e.person or self._bare_name(e) and self._mid_sentence(e.name)) or (
                    e.speaks_for is not None) or (
                    not e.name[:1].isupper()):
                continue
            surname = e.name.split()[-1]
            if surname.lower() in NOT_SURNAMES:
                continue  # "County Republican": "The Republican …" is no mention of it
            at = self.text.rfind(surname, lo, pos)
            tries = 0
            while at > lo and tries < 4:
                tries += 1
                end = at + len(surname)
                g = self._titled_gender(at, e.gender)
                if previous_word(self.text, at) in _NO_BODY_WORDS or not e.person and (
                        _NAME_BEFORE.search(self.text, max(0, at - 30), at)):
                    g = "x"  # "the Holt family", "Tom Holt" for a bare "Holt": not them
                if not (self.text[at - 1].isalnum() or end < len(self.text) and (
                        self.text[end].isalnum())) and (gender is None or g in (None, gender)) and (
                        self._subject_at(at, here)):
                    best, lo = (at, e.name, g, ""), at
                    break
                at = self.text.rfind(surname, lo, at)
        return best

    def _subject_entity(self, name: str, title: str | None, pos: int) -> Entity:
        """The person a subject mention names: one already met under its surname alone
        ("Holt", credited before "Ben Holt" was read) rather than a second entry."""
        surname = norm(name.split()[-1])
        if " " in name and not self._shared_surname(name):
            for e in reversed(self.entities):
                if norm(e.name) == surname and e.speaks_for is None and (
                        e.person or source_type(e).value == "other"):
                    e.person = True
                    return e
        return self._person(name, title, pos)

    def _titled_gender(self, at: int, gender: str | None) -> str | None:
        """The gender of the mention at `at`: the honorific before it decides ("Mrs. Holt"),
        and one that contradicts the person's own ("Mrs. Holt" after "Ben Holt") marks
        somebody else ("x": agreeing with no pronoun)."""
        honorific = previous_word(self.text, at).rstrip(".")
        said = "f" if honorific in ("mrs", "ms", "miss") else "m" if honorific == "mr" else None
        if said is None or gender in (None, said):
            return said or gender
        return "x"

    def _person_known(self, name: str) -> bool:
        """Whether a person of this name was already credited with a claim."""
        key = norm(name)
        return any(e.person and key in e.name_keys() for e in self.entities)

    def _subject_at(self, pos: int, here: int) -> bool:
        """Whether the name at `pos` is a sentence's subject, for a pronoun in the
        sentence starting at `here` (the subject of an opening clause counts in the
        pronoun's own sentence)."""
        clause = here <= pos
        key = ("subject", "c" if clause else "", str(pos))
        if key not in self._text_memo:
            self._text_memo[key] = subject_position(self.text, pos, clause)
        return self._text_memo[key] is True

    def _mention(self, pos: int, e: Entity, gender: str | None) -> None:
        """Record a person credited at `pos`, keeping `mentions` in text order."""
        i = bisect_right(self._mention_starts, pos)
        self._mention_starts.insert(i, pos)
        self.mentions.insert(i, (pos, e, gender))

    def _person(self, name: str, title: str | None, pos: int) -> Entity:
        surname = person_surname(name)
        titled = gender_of(name, title) if title and len(name.split()) == 1 else None
        for e in self.entities:
            same = norm(e.name) == norm(name) or any(norm(a) == norm(name) for a in e.aliases)
            by_surname = len(name.split()) == 1 and norm(e.name).endswith(" " + norm(surname)) and (
                titled is None or e.gender in (None, titled))  # "Mrs. Holt" is not Ben Holt
            if e.person and (same or by_surname):
                if title:
                    e.add_alias(title)
                if by_surname and not same:
                    self._surname_used(e, surname)
                return e
            if not e.person and norm(e.name) == norm(name) and len(name.split()) == 1:
                e.person = True  # first named bare ("Smith, 45, said"), later with a title
                if title:
                    e.add_alias(title)
                return e
            if not e.person and any(norm(a) == norm(name) for a in e.aliases):
                return e
        if len(name.split()) == 1:
            first = self._first_name_before(name)
            if first and _first_name(first) and (
                    titled is None or gender_of(first) in (None, titled)):
                return self._person(f"{first} {name}", title, pos)
        if not title:  # "Petra Lund" quoted bare, titled elsewhere in the article
            title = self._people_index().title_by_key.get(norm(name))
        e = Entity(name=name, person=True, gender=gender_of(name, title or ""))
        if title:
            e.add_alias(title)
        if len(name.split()) > 1 and self._surname_alias(name, title):
            e.add_alias(surname)
        self.entities.append(e)
        return e

    def _surname_used(self, e: Entity, surname: str) -> None:
        """A person the article credits under their surname alone ("…, said Roe" after
        "Ann Roe") is known by it: the surname is their alias, unless another person of
        the article shares it."""
        if surname not in e.aliases and not self._shared_surname(e.name):
            e.add_alias(surname)

    def _shared_surname(self, name: str) -> bool:
        """Whether the article names another person with this surname."""
        index = self._people_index()
        if index.surnames is None:
            index.surnames = {}
            for full in index.people.names | index.bare.names:
                parts = full.split()
                if len(parts) > 1:
                    index.surnames.setdefault(parts[-1], set()).add(norm(full))
        full = norm(name)
        return any(other != full and not other.endswith(" " + full) and not full.endswith(
            " " + other) for other in index.surnames.get(name.split()[-1], ()))

    def _surname_alias(self, name: str, title: str | None) -> bool:
        """Whether a person's last word is their surname rather than a place or an
        organisation's ("Meteo Estmark" where the article also says "Estmark's rivers"):
        a title or a known first name settles it, else the word must never stand alone
        as a place or before another name."""
        if self._shared_surname(name):
            return False  # "Holt" of Mara and of Ben Holt: nobody's alias
        if title or gender_of(name) is not None:
            return True
        words_ = name.split()
        key = ("surname", words_[-2], words_[-1])
        if key not in self._text_memo:
            last, before = re.escape(words_[-1]), re.escape(words_[-2])
            self._text_memo[key] = not re.search(
                rf"(?<!{before} )\b{last}(?:['’]s\s+[a-z]|,|\s+[A-Z][a-z])|"
                rf"\b(?:in|from|across|of|throughout)\s+{last}\b", self.text)
        return self._text_memo[key] is True

    def _new(self, name: str, phrase: str, person: bool = False) -> Entity:
        e = Entity(name=capitalise(group_name(name)), person=person)
        if " " not in name and name[:1].isupper() and self._is_place(name):
            e.descriptors.append(PLACE_HINT)
        e.add_alias(phrase)
        e.add_alias(strip_determiner(phrase))
        self.entities.append(e)
        return e

    def _is_place(self, name: str) -> bool:
        key = ("place", name, "")
        if key not in self._text_memo:
            place = re.escape(name)
            self._text_memo[key] = any(
                not self.text.endswith(_NOT_PLACE_BEFORE, 0, m.start()) for m in re.finditer(
                    rf"\b(?:in|from|across|against|invade[sd]?) {place}\b", self.text)
            ) or re.search(rf"\b{place}['’]s (?:government|president|army|military|forces|"
                           rf"ministry|parliament|capital)", self.text) is not None
        return self._text_memo[key] is True

    # ----------------------------------------------------------- resolution
    def resolve(
        self, hit: CueHit, pos: int, sentence: str, headline: bool = False
    ) -> Entity | None:
        """The source a cue's phrase denotes, creating it when the article names a new one."""
        self.sentence = sentence
        known = len(self.entities)
        phrase = _unopened(hit.phrase.strip(" ,.—–"))
        last = phrase[phrase.rfind(" ") + 1:] if " " in phrase else ""
        if last in _CLAUSE_SUBJECTS and _adverbial(phrase[: -len(last)].split()):
            phrase = last  # "late Monday he said", "naturally she expected": the pronoun
        counted_doc = phrase[:4].lower() in ("one ", "anot") and (
            unnamed_document(phrase) is not None)  # "One poll": the poll, not a count
        if hit.descriptor and _PUBLISHED_IN.match(hit.descriptor) and (
                unnamed_document(phrase) is not None):
            producer = group_name(f"{phrase} {hit.descriptor}")
            if producer[:1].isupper() and producer.lower() not in phrase.lower():
                phrase = producer  # "A study, published in X, found": X's finding
        e = None if counted_doc else self._resolve(phrase, hit.role, pos, headline)
        if e is not None and len(self.entities) > known and e is self.entities[-1] and (
                entity_fault(e.name) is not None or _common_thing(e.name, hit.phrase)
                or is_title_case(sentence) and not _named_elsewhere(e, self.text, sentence)
                and not _says_subject(e, hit, self.text, sentence)
                or self._initial_common(e.name, hit)):
            self.entities.pop()  # a fragment of the sentence, not a party ("Word Vance")
            e = None
        if e is None and not headline and hit.role is None:
            e = self._document(phrase)  # "the lawsuit alleges": no producer named
        if e is None:
            return None
        e.last = max(e.last, pos)
        e.first = pos if e.first < 0 else min(e.first, pos)
        if hit.descriptor:
            e.descriptors.append(hit.descriptor)
            if hit.descriptor.lower().startswith("the "):
                e.add_alias(hit.descriptor)
        if _reportish(sentence):
            e.report = True
            e.documents |= _document_kinds(sentence)
        if e.person:
            self._mention(pos, e, e.gender)
        elif described_person(e):  # "a local delegate said …. He added": that delegate
            self._mention(pos, e, gender_of("x", e.name))
        return e

    def _initial_common(self, name: str, hit: CueHit) -> bool:
        """A one-word name that is only a sentence's first word, capitalised for that
        alone: an adverb or participle ("Hastily", "Rallying …"), or the head of a
        common-noun phrase the name was cut from ("Thefts targeting rural churches were
        carried out …"); never a party noun ("Critics"), a given name or a word the
        article also capitalises mid-sentence."""
        toks = hit.phrase.split()
        if " " in name or hit.phrase_start != 0 or not name[1:].islower() or (
                toks[0] != name):
            return False
        shaped = name.endswith(("ly", "ing", "ed")) or len(toks) > 1 and toks[1][:1].islower()
        return shaped and not _party_word(name.lower()) and gender_of(name) is None and (
            not self._mid_sentence(name))

    def _document(self, phrase: str) -> Entity | None:
        """An unnamed document as its own source ("Lawsuit", "New poll"), one per name in
        an article, with the article's wording as an alias; None for any other phrase."""
        name = unnamed_document(phrase)
        if name is None:
            return None
        e = self.exact(name)
        if e is None or e.person:
            e = Entity(name=name, report=True, documents=_document_kinds(name))
            self.entities.append(e)
        e.add_alias(phrase)
        return e

    def _lead_name(self) -> str | None:
        """The proper name the current sentence opens with, if it is one and no person."""
        lead = sentence_subject_name(self.sentence)
        if lead is None or lead.split()[0].lower() in TITLES or (
                lead in self._people_index().people.names):
            return None
        if " " not in lead and not self._mid_sentence(lead) and not _CAMEL.match(lead):
            return None  # one sentence-initial capital ("Twelve") is no proper name
        return lead

    def _leads_before(self, end: int, lo: int) -> Iterator[tuple[int, str | None]]:
        """(start, the name it opens with) of each sentence ending before `end`, nearest
        first, back to `lo`; the words before `end` count as the first sentence."""
        while (end := lo + len(self.text[lo:end].rstrip())) > lo:
            begin = sentence_start(self.text, end - 1)
            yield begin, sentence_subject_name(self.text[begin:end])
            end = begin

    def _earlier_firm(self, pos: int) -> Entity | None:
        """The body an earlier sentence of this or the previous paragraph opens with (or
        this one, before the noun), for a firm's generic noun that no source names yet:
        wire copy names a company once, as a sentence's subject ("Shares in Norvax fell
        12 per cent", "Halden Pharma is recalling …"), and calls it "the company" or "the
        chipmaker" after."""
        back = self.text.rfind("\n", 0, pos) + 1  # this paragraph's start
        while back > 0 and self.text[back - 1] in "\n \t\r":
            back -= 1  # the previous paragraph's end
        lo = self.text.rfind("\n", 0, back) + 1 if back > 0 else 0
        for begin, lead in islice(self._leads_before(pos, lo), 6):
            if lead is None or lead.split()[0].lower() in TITLES or gender_of(lead) or (
                    norm(lead) in self._people_index().by_word_suffix) or (
                    kind_of(lead) is not None):
                continue  # a person, or a place
            found = self.exact(lead)
            if found is None and (company_name(lead) or _SHARES_AFTER.match(
                    self.text, self.text.find(lead, begin) + len(lead)) or SHARES_OF.match(
                    self.text, begin)):  # "Norvax Corp", "Norvax shares", "Shares of Norvax"
                found = self._new(lead, lead)
                found.descriptors.append("a company")  # its type, whatever noun took it up
            if found is not None:
                return None if found.person else found
        return None

    def _mid_sentence(self, word: str) -> bool:
        key = ("mid", word, "")
        if key not in self._text_memo:
            self._text_memo[key] = bool(re.search(rf"[\w,;] {re.escape(word)}\b", self.text))
        return self._text_memo[key] is True

    def _owner(self, pronoun: str, pos: int) -> Entity | None:
        """Whom "his"/"her" (a person) or "its"/"their" (a body) points back to."""
        if pronoun in ("his", "her"):
            return self._person_near(pos, "m" if pronoun == "his" else "f", speaker=False)
        lead = self._lead_name()
        if lead is not None:  # "Acme grew, according to its report": the clause's subject
            found = self.exact(lead)
            if found is None or not found.person:
                return found or self._new(lead, lead)
        bodies = [e for e in self.entities if not e.person and e.last <= pos
                  and source_type(e).value not in ("analyst", "official")]  # not "analysts"
        if not bodies and pronoun == "their":
            bodies = [e for e in self.entities if e.last <= pos]
        return max(bodies, key=lambda e: e.last) if bodies else None

    def _described_person(self, phrase: str, pos: int) -> Entity | None:
        """"The candidate", "the Vermont senator", "the former finance minister": a
        person already met. A title ("the senator") must be one the article gave that
        person; a description ("the billionaire", "the actress") may also be the last
        person quoted, news's usual way of referring back to its speaker."""
        noun = _person_noun(phrase)
        if noun is None:
            return None
        gender = person_gender(noun)
        variants = {noun, *_TITLE_ABBREVIATIONS.get(noun, ())}
        found: Entity | None = None
        for e in self.entities:
            if not e.person or e.speaks_for is not None or e.gender not in (None, gender) and (
                    gender is not None):
                continue
            said = " ".join([*e.names(), *e.descriptors]).lower().replace(",", " ").split()
            if variants & set(said) and (found is None or e.last > found.last):
                found = e
        if found is None:
            titled = self._people_index().people.latest_titled(pos, variants, gender)
            if titled is not None:
                found = self._person(titled[1], titled[3], pos)
        if found is None and (noun not in TITLES or _PLACE_TITLE.match(phrase)):
            near = self._speaker_near(pos, gender, principal=True)
            found = near[1] if near is not None else None
        if found is not None:
            found.add_alias(strip_determiner(phrase))
        return found

    def _spokesperson(self, owner: Entity, phrase: str, noun: str) -> Entity:
        """A person who speaks for another ("his lawyer", "a spokeswoman for Jane Roe"):
        a source of their own, named for whom they serve ("Jane Roe's lawyer"), with
        that person as the origin of their claims (`via`). Never an alias of them."""
        role = noun.split()[-1].lower()
        name = f"{owner.name}'s {role}"
        for e in self.entities:
            if e.speaks_for is owner and norm(e.name) == norm(name):
                e.add_alias(phrase)
                return e
        e = Entity(name=name, person=True, gender=gender_of("x", role))
        e.speaks_for = owner
        e.descriptors.append(role)
        if phrase.split()[0].lower() not in ("his", "her", "its", "their"):
            e.add_alias(phrase)  # "a spokeswoman for Jane Roe" names them; "his lawyer" not
        self.entities.append(e)
        return e

    @staticmethod
    def _proxy(owner: Entity, phrase: str, noun: str) -> None:
        """"her campaign" speaks for its owner: merged, under the article's wordings."""
        short = owner.name.split()[-1] if owner.person else owner.name
        owner.add_alias(phrase)
        for alias in (f"{short}'s {noun}", f"{short} {noun}"):
            owner.add_alias(alias)

    def _aged(self, det: str, noun: str | None, role: str | None, pos: int,
              headline: bool) -> Entity | None:
        """A person described by age: "the 72-year-old (senator)" is the person the
        article last named, agreeing in gender, as a pronoun would be; "a 23-year-old
        man" is a new person, named by the words after the age."""
        gender = (gender_of("x", noun) or person_gender(noun.split()[0])) if noun else None
        if det == "the":
            found = self._person_near(pos, gender)
            if found is not None or noun is None:
                return found
        if noun is None:
            return None
        return self._resolve(f"{det} {noun}", role, pos, headline)

    def _resolve(self, phrase: str, role: str | None, pos: int, headline: bool) -> Entity | None:
        low = phrase.lower()
        acr = _ACRONYM_ASIDE.search(phrase)
        if acr:
            phrase = (phrase[: acr.start()] + phrase[acr.end() :]).strip()
        phrase = _PAREN_ASIDE.sub("", phrase).strip() or phrase  # "(R-Texas)"
        if low in ("he", "she"):
            return self._person_near(pos, "m" if low == "he" else "f")
        aged = _AGED.match(phrase) if "-old" in low else None
        if aged is not None:
            return self._aged(aged.group(1).lower(), aged.group(2), role, pos, headline)
        if low in ("it", "they", "we"):
            lead = self._lead_name()  # "The World Bank cut its forecast, it said"
            if lead is not None and self.sentence.find(lead) < self.sentence.find(f" {low} "):
                found = self.exact(lead)
                if found is None and lead.split()[-1].lower() in ORG_WORDS:
                    found = self._new(lead, lead)
                if found is not None and not found.person:
                    return found
            cands = [e for e in self.entities if e.last <= pos and not one_person(e) and (
                low != "it" or not plural_people(e.name))]  # number agrees (item 3)
            latest = max(cands, key=lambda e: e.last) if cands else None
            if low == "they":
                group = self._group_subject(pos, latest.last if latest is not None else -1)
                if group is not None:
                    return group
            elif low == "it":
                thing = self._thing_subject(pos, latest.last if latest is not None else -1)
                if thing is None:
                    thing = self._named_body_before(pos, latest.last if latest else -1)
                if thing is not None:
                    return thing
            return latest
        own = possessed(phrase)
        if own is not None:
            owner = self._owner(own[0], pos)
            if own[0] in ("his", "her") and _speaker_noun(own[1]):  # "his lawyer"
                return self._spokesperson(owner, phrase, own[1]) if owner else None
            if owner is not None:
                self._proxy(owner, phrase, own[1])
                return owner
        phrase = owned_document(phrase) or phrase
        doc = _DOC_NOUN.match(phrase)
        if doc:
            by = _BY_PUBLISHER.search(doc.group(1))
            if by:  # "a survey by the Norden Institute (published last week)"
                phrase = _AFTER_PUBLISHER.sub("", by.group(1).strip())
            elif not doc.group(1).strip() and not _INDEFINITE_DOC.match(phrase):
                cands = [e for e in self.entities if e.report or
                         source_type(e).value in ("media", "think_tank")]
                noun = _REPORTISH.search(phrase)
                if noun is not None:  # "the poll": whoever made one, if anyone did
                    kind = _kind(noun.group())
                    cands = [e for e in cands if kind in e.documents] or [
                        e for e in cands if e.documents != {"statement"}]
                producer = (min(cands, key=lambda e: e.first) if headline else max(
                    cands, key=lambda e: e.last)) if cands else None  # a headline sums up the lead
                if producer is not None and (phrase[:1].islower() or phrase.split()[0].lower() in (
                        "the", "this", "that", "these", "those")):
                    self.backrefs.add(producer, phrase)  # "the poll": a back-reference
                return producer
        alias = _ALIAS_INTRO.search(phrase)
        if alias:
            e = self.exact(alias.group(1)) or self._new(alias.group(1), alias.group(1))
            e.add_alias(strip_determiner(phrase.split(" who ")[0]))
            e.descriptors.append(phrase)
            return e
        phrase = phrase.split(" who ")[0]
        grp = _GROUP_AT.match(phrase)
        if grp and (self.exact(grp.group(1)) or self.contained(grp.group(1))):
            return self.exact(grp.group(1)) or self.contained(grp.group(1))
        if " and " in phrase:
            first, second = phrase.split(" and ", 1)
            if self.exact(first) or first[:1].isupper() and second[:1].islower() and len(
                    first.split()) > 1:
                phrase = first
        found = self._named(phrase, role, pos, headline)
        if found and acr:
            found.add_alias(acr.group(1))
        return found

    def _named(self, phrase: str, role: str | None, pos: int, headline: bool) -> Entity | None:
        part = _PART_OF.match(phrase) if " of " in phrase else None
        if part is not None:  # "The Ohio branch of the Farmers Union": the union speaks
            found = self._named(part.group(1), role, pos, headline)
            if found is not None:
                found.add_alias(strip_determiner(phrase))
            return found
        group = group_name(phrase)
        if group != phrase.strip() and group not in (UNNAMED, RESPONDENTS):
            found = self._named(group, role, pos, headline)  # "Some Democrats": Democrats
            if found is not None:
                found.add_alias(phrase)
            return found
        base = strip_determiner(phrase)
        if role is None and is_role(phrase) and not is_name(base) and not split_person(base):
            role, base = phrase, ""
        if role:
            body_name = role_body(role)
            body = self._body(body_name) if body_name else None
            if body is not None:
                body.add_alias(role)
                if base:
                    body.add_alias(base)
                    body.add_alias(base.split()[-1])
                self._mention(pos, body, gender_of(base or "x", role))
                return body
            own_voice = any(w in OWN_VOICE_ROLES for w in norm(role).split())
            if body is None and not own_voice and role.split()[0].lower() in ("its", "their"):
                body = self._owner(role.split()[0].lower(), pos)
                if body is not None:
                    self._proxy(body, role, " ".join(role.split()[1:]))
                    if base:
                        body.add_alias(base)
                        body.add_alias(base.split()[-1])
                    return body
            owner = self._person_named(body_name) if body_name else None
            if owner is not None and not base:
                noun = next((w for w in reversed(role.split()) if _speaker_noun(w)), "")
                if noun:  # "Havik's spokesperson", "a spokeswoman for Jane Roe"
                    return self._spokesperson(owner, role, noun)
                self._proxy(owner, role, " ".join(role.split()[1:]))
                return owner
            if not base:
                existing = self.exact(role) or self.contained(role)
                if existing:
                    return existing
                titled_before = self._described_person(role, pos) if role[:4].lower() == (
                    "the ") else None
                if titled_before is not None:  # "Gov. Ann Roe said … The governor said"
                    return titled_before
                e = self._new(strip_determiner(role), role, person=True)
                e.gender = gender_of("x", role)
                return e  # "A NATO representative" is no alias of NATO itself
            titled = split_person(base)  # "Rep. Ann Roe, chair of …"
            affiliated = None if titled else _AFFILIATED.match(base)
            if affiliated and not (_first_name(affiliated.group(1).split()[0]) and not any(
                    w.lower() in ORG_WORDS for w in affiliated.group(1).split())):
                affiliated = None  # "Ann Roe of the Velmar Group, a consulting firm,"
            e = self._person(titled[0], titled[1], pos) if titled else self._person(
                affiliated.group(1) if affiliated else base, None, pos)
            if affiliated:
                e.add_alias(base)
            e.add_alias(role)
            served = self._person_named(body_name) if body_name else None
            if served is not None and served is not e and any(
                    _speaker_noun(w) for w in role.split()):
                e.speaks_for = e.speaks_for or served  # "Ann Roe, a spokeswoman for Holt"
            elif body_name and strip_determiner(body_name)[:1].isupper() and not own_voice and (
                    served is None and gender_of(strip_determiner(body_name)) is None) and (
                    not strip_determiner(body_name).lower().endswith(" party")
                    or any(_speaker_noun(w) for w in role.split())):  # its chair is not it
                e.add_alias(strip_determiner(body_name))  # a party's leader is not the party
            return e
        described = self._described_person(phrase, pos) if not headline else None
        if described is not None:
            return described
        key = norm(base)
        definite = phrase[:4].lower() == "the "
        generic = generic_key(key) if definite or headline else None
        firm_head = generic if generic != key else None  # "the German carmaker": a firm
        if definite and (not phrase[4:5].isupper() or (
                firm_head and base.split()[-1].islower())) or headline:
            kinds = GENERIC_TYPES.get(generic) if generic else None
            found = self.exact(phrase)
            lead = self._lead_name() if kinds and found is None else None
            if lead is not None and " " not in lead and self.exact(lead) is None:
                lead = None  # one word ("Tenants in the capital …") names no body yet
            if lead is not None and 0 <= self.sentence.find(lead) < self.sentence.find(base):
                found = self.exact(lead) or self._new(lead, lead)  # "X rated …, the group said"
                if found.person:
                    found = None
            found = found or self.contained(firm_head or base, kinds)
            if found is None and not headline and generic in FIRM_HEADS:
                found = self._earlier_firm(pos)  # "Norvax shares fell. … The company said"
            if found is not None and not headline:
                self.backrefs.add(found, phrase)  # "the company": Acme, in this article
            if found or headline and (kinds or not phrase[:1].isupper()):
                return found
        if base in self.acronyms:
            known = self.exact(self.acronyms[base]) or self.exact(base)
            e_acr = known if known is not None else self._new(self.acronyms[base], base)
            e_acr.add_alias(base)
            return e_acr
        person = split_person(base)
        if person:
            return self._person(person[0], person[1], pos)
        affiliated = _AFFILIATED.match(base)
        if affiliated and _first_name(affiliated.group(1).split()[0]) and not any(
                w.lower() in ORG_WORDS for w in affiliated.group(1).split()):
            e = self._person(affiliated.group(1), None, pos)  # "Jane Roe of the Green Party"
            e.add_alias(base)
            return e
        adjectived = _ADJECTIVE_NAME.match(base)
        if adjectived and not any(w in PERSON_NOUNS or w in _PARTY_HEADS or w in (
                PREPOSITIONS) for w in base.split()[:-1]):
            return self._named(adjectived.group(1), role, pos, headline)
        desc = split_descriptor(base)
        if desc:
            e = self.exact(desc[0]) or self._new(desc[0], phrase)
            e.add_alias(phrase)
            e.descriptors.append(desc[1])
            return e
        found = self.exact(base)
        if found:
            return found
        words = base.split()
        if base[:1].isupper() and is_name(base) and not any(w.lower() in ORG_WORDS for w in words):
            if len(words) == 1:
                for e in self.entities:
                    if e.person and norm(e.name).endswith(" " + norm(base)):
                        self._surname_used(e, base)
                        return e
                if outlet_word(base):  # "the Times" after "the Daily Times": that paper
                    for e in reversed(self.entities):
                        if not e.person and norm(e.name).endswith(" " + norm(base)):
                            return e
                first = None if base.lower() in GROUP_TAILS else self._first_name_before(base)
                if not base.isupper() and first and _first_name(first) and not outlet_word(base):
                    return self._person(base, None, pos)
            elif 2 <= len(words) <= 3 and (gender_of(base) or (
                    base in self._people_index().people.names
                    or base in self._people_index().bare.names)):
                return self._person(base, None, pos)
        if len(words) > 1 and base[:1].isupper():
            found = self.contained(base)
            if found and not found.person:
                return found
        return self._new(base, phrase)

