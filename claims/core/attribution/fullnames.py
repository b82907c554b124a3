"""A person named by a surname alone, where the article gives the whole name.

A cue often meets a person only by surname ("Roe said"), the full name standing in a
sentence that credits nobody ("Ann Roe, who runs the shop, …") or in a byline. The
source then reached the registry as "Roe", which no reader can tell from the other Roes.
`complete_surnames` names such a source by the one full name the article writes with
that surname (a known first name, an initial allowed: "Ann Roe", "Ann B. Roe"); the
surname stays an alias. Nothing changes when the article gives two first names for the
surname (a couple, a family), when another source already bears the full name (the
resolver kept them apart), when a title gives the source another gender ("Mrs. Holt"
beside "Ben Holt"), or when the word is no surname (a place, an outlet, initials, a first name).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from claims.core.attribution.first_names import FEMALE, MALE
from claims.core.attribution.kinds import broadcaster, outlet_word
from claims.core.attribution.offices import LEGAL_FORM
from claims.core.attribution.persons import PERSON_NOUNS, person_gender
from claims.core.attribution.roles import roles_in
from claims.core.attribution.sources import (
    GENERIC_HEADS,
    ORG_WORDS,
    PLACE_HINT,
    TITLES,
    Entity,
    gender_of,
    norm,
)
from claims.core.places import demonym

_FIRST_NAMES = FEMALE | MALE
_SURNAME = re.compile(r"^[A-Z][a-z]+(?:[-'’][A-Z][a-z]+)?$|^(?:Mc|Mac|O['’]|De|Di|La|Le)"
                      r"[A-Z][a-z]+$")
# A first name (and an initial) right before the surname: "Ann Roe", "Ann B. Roe".
_BEFORE = re.compile(r"\b([A-Z][a-z]+)((?:\s+[A-Z]\.)?)\s+$")


def complete_surnames(entities: Iterable[Entity], text: str) -> dict[int, Entity]:
    """Rename, in place, each entity named by a surname alone to the full name the
    article gives it (see the module's docstring); a role ("the admiral") or a given
    name alone ("Zoe") that is one named person of the article joins that person.
    Returns the joins: `id` of the entity that joined → the one it joined."""
    found = list(entities)
    joined: dict[int, Entity] = {}
    _join_legal_forms(found, joined)
    taken = {k: e for e in found for k in e.name_keys()}
    for e in found:
        word = e.name
        if " " in word:
            whole = _whole(text, word) if e.person and word.count(" ") == 1 else None
            if whole is not None and norm(whole) not in taken:
                e.name = whole  # "Kessel Roe" is "Ann Kessel Roe" wherever the text has it
                e.add_alias(word)
                taken[norm(whole)] = e
            elif word.count(" ") == 1 and id(e) not in joined and word[:1].isupper():
                bearer = _double_surname(word, found, joined)
                if bearer is not None and bearer is not e:
                    _join(bearer, e, joined)  # "Kessel Roe said" of "Ann Kessel Roe"
            continue
        if outlet_word(word) or word.lower() in ORG_WORDS:
            body = _full_body(text, word)  # "the Journal" of "The Velmar Street Journal"
            other = taken.get(norm(body)) if body else None
            if body is not None and other is None:
                e.name = body
                e.add_alias(word)
                taken[norm(body)] = e
            elif other is not None and other is not e and not other.person:
                _join(other, e, joined)
            continue
        if not _SURNAME.match(word) or _not_surname(word):
            continue
        full = _full_name(text, word)
        given = full is None and word.lower() in _FIRST_NAMES
        if given:
            full = _from_first(text, word)  # "Zoe" of "Zoe Pellam"
        family = full is None and not given
        if family:
            full = _surname_first(text, word)  # "Lin" of "Finance Minister Lin Weijie"
        if full is None and family and not e.person:
            body = _body_from_first(text, word)  # "Velmar" of "the Velmar Research Center"
            other = taken.get(norm(body)) if body else None
            if body is not None and other is None:
                e.name = body
                e.add_alias(word)
                e.descriptors[:] = [d for d in e.descriptors if d != PLACE_HINT]
                taken[norm(body)] = e
            elif other is not None and other is not e and not other.person:
                _join(other, e, joined)
            continue
        if full is None or _other_gender(e, full) or _related(e, full):
            continue
        other = taken.get(norm(full), e)
        if other is not e:  # another source bears the full name: the resolver kept a
            if (given or family) and other.person and id(other) not in joined:  # surname
                _join(other, e, joined)  # apart, not a given name or a family name alone
                if family:  # "Weijie" is no surname of "Lin Weijie"
                    other.aliases[:] = [a for a in other.aliases if a != full.split()[1]]
            continue
        e.name = full
        e.add_alias(word)  # after the rename: `add_alias` skips the current name
        e.person = True
        taken[norm(full)] = e
    for e in found:  # once the surnames are whole: "the admiral" is "Adm. Ann Roe"
        if e.name[e.name.rfind(" ") + 1:].lower() not in PERSON_NOUNS or id(e) in joined:
            continue  # no role noun: most sources, skipped before any call
        keep = _role_person(e, found, text, taken)
        if keep is not None and id(keep) not in joined:
            _join(keep, e, joined)
    return joined


def _double_surname(word: str, found: list[Entity], joined: dict[int, Entity]) -> Entity | None:
    """The one person of the article named with a known first name before the two words
    `word` ("Ann Kessel Roe" for "Kessel Roe"), or None."""
    key = " " + norm(word)
    if word.split()[0].lower() in _FIRST_NAMES:
        return None  # "Ann Roe" is a whole name, not a double surname
    hits = [o for o in found if id(o) not in joined and norm(o.name).endswith(key) and (
        norm(o.name).split()[0] in _FIRST_NAMES) and len(o.name.split()) == 3]
    return hits[0] if len(hits) == 1 else None


def _join_legal_forms(found: list[Entity], joined: dict[int, Entity]) -> None:
    """A company named with its legal form ("Velmora Oyj") is also its name without it,
    never the legal form alone: "Oyj" leaves its aliases, "Velmora" joins them, and a
    source the article named "Velmora" elsewhere joins it."""
    for e in found:
        m = LEGAL_FORM.search(e.name)
        if m is None or " " not in e.name[: m.start()].strip() and len(e.name[: m.start()]) < 3:
            continue
        stem, form = e.name[: m.start()].strip(), m.group(0).strip()
        e.aliases[:] = [a for a in e.aliases if a.strip(" .") != form.strip(" .")]
        e.add_alias(stem)
        for other in found:
            if other is not e and id(other) not in joined and norm(other.name) == norm(stem):
                _join(e, other, joined)


def _join(keep: Entity, drop: Entity, joined: dict[int, Entity]) -> None:
    """`drop` is `keep`, named otherwise: its names become aliases."""
    for name in drop.names():
        keep.add_alias(name)
    keep.descriptors.extend(d for d in drop.descriptors if d not in keep.descriptors)
    keep.last = max(keep.last, drop.last)
    keep.first = min(keep.first, drop.first) if keep.first >= 0 else drop.first
    joined[id(drop)] = keep


# Abbreviated forms of titles a role noun refers back to ("the senator": "Sen. Roe").
_ABBREVIATED = {"senator": "sen", "governor": "gov", "representative": "rep",
                "congressman": "rep", "congresswoman": "rep", "general": "gen",
                "admiral": "adm", "professor": "prof", "doctor": "dr"}


def _role_person(e: Entity, found: list[Entity], text: str,
                 taken: dict[str, Entity]) -> Entity | None:
    """The one named person a definite role stands for ("the admiral" → Ann Roe, whom the
    article calls "Adm. Ann Roe"; "the actress" → the one person it calls an actress):
    a person of the article whose title or description holds the role's noun, else the
    one person the article writes with the role as a title ("Admiral Roe"). None when
    the role is indefinite ("a hacker": someone new), or two people fit."""
    head = _role_noun(e, text)
    if head is None:
        return None
    gender = person_gender(head)
    short = _ABBREVIATED.get(head)
    modifiers = [w for w in e.name.lower().split()[:-1] if w not in _SOFT]
    fits: list[Entity] = []
    for p in found:
        if p is e or not p.person or p.speaks_for is not None or " " not in p.name or not (
                p.name.replace(".", "").replace(" ", "").isalpha()) or not all(
                w[:1].isupper() for w in p.name.split()):
            continue
        if gender is not None and (p.gender or gender_of(p.name)) not in (None, gender):
            continue
        said = set(_WORDS.findall(" ".join([*p.names(), *p.descriptors, *roles_in(
            text, p.name)]).lower()))
        if (head in said or short in said) and all(w in said for w in modifiers):
            fits.append(p)  # "the Vermont senator": a senator the article ties to Vermont
    if len(fits) == 1:
        return fits[0]
    if fits or modifiers or head.capitalize() not in text and (
            short is None or f"{short.capitalize()}." not in text):
        return None
    titled = {m.group(1) for m in _titled(head).finditer(text)}
    if len(titled) != 1:
        return None
    name = next(iter(titled))
    other = taken.get(norm(name))
    if other is not None:
        return other if other.person and other is not e else None
    role = e.name
    e.name = name  # "the admiral", nowhere else named, is the "Admiral Roe" of the text
    e.add_alias(role)
    e.person = True
    taken[norm(name)] = e
    return None


_WORDS = re.compile(r"[a-z][a-z-]*")
_SOFT = frozenset(("former", "longtime", "veteran", "current", "then"))  # any of them fits


def _role_noun(e: Entity, text: str) -> str | None:
    """The person noun a role-only source is named by ("Admiral", "Former actress"),
    when the article wrote it definite ("the admiral") or in its headline, which drops
    articles ("Velmar senator backs plan"); else None."""
    head = e.name[e.name.rfind(" ") + 1:].lower()
    if head not in PERSON_NOUNS or head in _NOT_ROLE:
        return None  # most sources: asked first, as it is the cheapest test
    words = e.name.split()
    if len(words) > 3 or not all(
            w[1:].islower() and w.isalpha() for w in words) or any(
            w[:1].isupper() for w in words[1:]):
        return None
    low = e.name.lower()  # written in lower case: "The Advocate" is a newspaper
    if any(a[:4].lower() == "the " and a[4:] == low for a in e.aliases):
        return head
    headline = text.find("\n")
    return head if 0 <= e.first < headline and e.last < headline else None


# Person nouns that refer to someone speaking for another or to many people.
_NOT_ROLE = frozenset(("spokesman", "spokeswoman", "spokesperson", "lawyer", "attorney",
                       "aide", "adviser", "advisor", "counsel", "voter", "resident",
                       "witness", "victim", "worker", "employee", "official", "man",
                       "woman", "guy", "lady", "girl", "boy", "person"))


@lru_cache(maxsize=256)
def _titled(head: str) -> re.Pattern[str]:
    """A name written after the role as a title ("Admiral Roe", "Adm. Ann Roe")."""
    short = _ABBREVIATED.get(head)
    title = head.capitalize() + (f"|{short.capitalize()}\\." if short else "")
    return re.compile(rf"(?<!Vice )(?<!Lt\. )\b(?:{title}) ((?:[A-Z][a-z]+ )?[A-Z][a-z]+)\b"
                      rf"(?!\.? [A-Z][a-z])")


def _related(e: Entity, full: str) -> bool:
    """Whether the source is described by the full name ("brother of Ron Howard"): a
    relative of that person, not that person."""
    low = full.lower()
    return any(low in d.lower() for d in (*e.aliases, *e.descriptors))


def _other_gender(e: Entity, full: str) -> bool:
    """Whether the source is someone else than `full` by gender ("Mrs. Holt" beside
    "Ben Holt")."""
    his = gender_of(full)
    hers = {g for g in (e.gender, *(gender_of(a) for a in e.names())) if g is not None}
    return his is not None and bool(hers - {his})


def _not_surname(word: str) -> bool:
    low = word.lower()
    if low in ORG_WORDS or low in GENERIC_HEADS or outlet_word(word) or broadcaster(word):
        return True
    from claims.core.places import is_place  # the gazetteer loads on first use

    return is_place(word)


def _full_name(text: str, surname: str) -> str | None:
    """The one full name the article writes with `surname`, or None (none, or two
    different first names). A first name the list does not know counts when nothing
    else explains the capital before the surname (`_given`: "Ian", "Emmet G.")."""
    if text.count(surname) < 2:
        return None  # the surname alone, once: the cue's own mention
    names: dict[str, str] = {}
    unknown: dict[str, str] = {}  # given names the list does not know
    end = len(surname)
    at = text.find(surname)
    while at >= 0:
        after = at + end
        if at and (after >= len(text) or not text[after].isalnum()):
            m = _BEFORE.search(text, max(0, at - 40), at)
            if m is not None and m.group(1).lower() in _FIRST_NAMES:
                names.setdefault(m.group(1), f"{_first(text, m, after)}{m.group(2)} {surname}")
            elif m is not None and _given(m.group(1), text, m.start(), after):
                unknown.setdefault(m.group(1), f"{_first(text, m, after)}{m.group(2)} {surname}")
        at = text.find(surname, after)
    if not names and f" {surname.lower()} " not in text and not _PLURAL.search(surname):
        names = unknown  # "Tamsin Morrow", when no known first name goes with the surname
    if len(names) != 1:
        return None
    return next(iter(names.values()))


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_LEADING = _words("The A An In At By For From Of On To And But As When While With After "
                  "Before Since Under Over")


def _full_body(text: str, word: str) -> str | None:
    """The one longer name the article gives a body or outlet named by its last word
    alone ("Department" of "the Labor Department", "Journal" of "The Velmar Street
    Journal"), or None (none, or two: "State Department" and "Labor Department")."""
    found: set[str] = set()
    for m in _body_pattern(word).finditer(text):
        words = m.group(1).split()
        while words and words[0] in _LEADING:
            words.pop(0)
        if words and not any(w.endswith(("'s", "’s")) or w in _LEADING for w in words):
            found.add(" ".join([*words, word]))  # not a title-case run ("… Of Network")
        if len(found) > 1:
            return None
    return found.pop() if found else None


@lru_cache(maxsize=256)
def _body_pattern(word: str) -> re.Pattern[str]:
    return re.compile(rf"((?:[A-Z][\w.&'’-]*\s){{1,4}}){re.escape(word)}\b")


def _whole(text: str, name: str) -> str | None:
    """A two-word name cut from a longer one: the article writes it only after one and
    the same known first name ("Ann" before every "Kessel Roe"), else None."""
    first = name.split()[0]
    if first.lower() in _FIRST_NAMES or not first[1:].islower():
        return None
    given: set[str] = set()
    at = text.find(name)
    while at >= 0:
        m = _BEFORE.search(text, max(0, at - 30), at)
        if m is None or m.group(2) or m.group(1).lower() not in _FIRST_NAMES:
            return None
        given.add(m.group(1))
        at = text.find(name, at + len(name))
    return f"{given.pop()} {name}" if len(given) == 1 else None


def _first(text: str, m: re.Match[str], after: int) -> str:
    """The given names before a surname: a middle name keeps the known first name before
    it ("Ann Kessel" of "Ann Kessel Roe", never "Kessel Roe" alone)."""
    before = _BEFORE.search(text, max(0, m.start() - 30), m.start())
    if before is not None and not before.group(2) and (
            before.group(1).lower() in _FIRST_NAMES or _given(
                before.group(1), text, before.start(), after)):
        return f"{before.group(1)} {m.group(1)}"  # "Marek Tibor Roe", not "Tibor Roe"
    return m.group(1)


# Capitalised words before a surname that are no given name: titles and honorifics,
# party and describing words, months and days, and the words that open a sentence.
_NOT_GIVEN = _words(
    "republican democrat democratic gop former rival fellow senate house state federal "
    "january february march april june july august september october november december "
    "monday tuesday wednesday thursday friday saturday sunday the a an and but or if when "
    "as at in on of for from by with to that this then so while after before since "
    "said says told according new old young north south east west jr sr")


def _given(word: str, text: str, start: int, end: int) -> bool:
    """Whether `word`, written right before a surname, is a given name the list does
    not know ("Tamsin Morrow", "Eilidh G. Pellam"): no title, body, place or function
    word, never written in lower case in the article, not a sentence's first word, and
    the name not inside a run of capitals (a title-case headline)."""
    low = word.lower()
    if low in _NOT_GIVEN or low in TITLES or low in ORG_WORDS or low in GENERIC_HEADS or (
            low in PERSON_NOUNS) or (
            len(word) < 3 or low.endswith(("ans", "ese", "ish"))):
        return False
    before = text[max(0, start - 2):start]
    if not before or before[-1:] == "\n" or before.rstrip()[-1:] in (".", "!", "?", ":", '"', "“"):
        return False  # a sentence's first word: its capital proves nothing
    if _CAPITAL_AFTER.match(text, end) or f" {low} " in text or f" {low}," in text:
        return False
    return not _not_surname(word) and not outlet_word(word)


_CAPITAL_AFTER = re.compile(r" [A-Z][a-z]")
_PLURAL = re.compile(r"(?:ans|ats|ists|ives|als)$")  # "Latino Republicans": a group


def _surname_first(text: str, surname: str) -> str | None:
    """The one name the article writes with the family name first ("Lin Weijie",
    "Pak Ki-tae") and gives a role ("Finance Minister Lin Weijie", "Lin Weijie, a
    doctoral candidate"), for a surname no given name precedes; None otherwise. The
    role tells a person from a body named so ("Velmar Motor")."""
    if text.count(surname) < 2:
        return None
    found = {m.group(1) for m in _family_first(surname).finditer(text)}
    found = {s for s in found if s.lower() not in TITLES and s.lower() not in ORG_WORDS
             and s.lower() not in _NOT_GIVEN and f" {s.lower()} " not in text}
    if len(found) != 1:
        return None
    full = f"{surname} {next(iter(found))}"
    return full if not _not_surname(full.split()[1]) and roles_in(text, full) else None


@lru_cache(maxsize=256)
def _family_first(surname: str) -> re.Pattern[str]:
    return re.compile(rf"\b{re.escape(surname)} ([A-Z][a-z]+(?:-[a-z]+)?)\b(?![ -][A-Z])")


@lru_cache(maxsize=256)
def _titled_word(word: str) -> re.Pattern[str]:
    """A title before the word (a person), or a preposition of place (a town that has
    a clinic or a university of its name: "in Velmar")."""
    return re.compile(r"\b(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|President|Senator|Governor|"
                      r"Secretary|Minister|Judge|Justice|in|from|to|near|outside)\.?\s+"
                      rf"{re.escape(word)}\b(?!\s+[A-Z])")


def _body_from_first(text: str, word: str) -> str | None:
    """The one body the article names with `word` first and a body word last ("Velmar
    Research Center", "Velmar Polling", "Velmar News"), for a source named by that first
    word alone; None when there are two, when none ends on a body word, or when a title
    ever stands before the word (a person: "Mr. Velmar" beside "the Velmar Foundation")."""
    if _PLURAL.search(word) or word.endswith("s") or _titled_word(word).search(text):
        return None  # a group ("Democrats") or a person ("Mr. Velmar")
    if f" {word.lower()}" in text or _PARTY_WORD.match(word) or demonym(word) is not None:
        return None  # a common noun ("the campaign"), a party's or a people's word
    found: set[str] = set()
    for m in _body_after(word).finditer(text):
        before = text[max(0, m.start() - 12):m.start()].split()
        if before and (before[-1][:1].isupper() and before[-1] not in ("The", "A", "An") or (
                before[-1] in ("of", "for", "and", "&"))):
            return None  # inside a longer name ("the Center for Velmar Research")
        words = m.group(1).split()
        while words and not _body_word(words[-1]):
            words.pop()
        if words:
            found.add(f"{word} {' '.join(words)}")
        if len(found) > 1:
            return None
    return found.pop() if found else None


def _body_word(word: str) -> bool:
    low = word.lower()
    return low in ORG_WORDS or outlet_word(word) or _BODY_LAST.fullmatch(word) is not None


_PARTY_WORD = re.compile(r"(?:Republican|Democrat|Democratic|Conservative|Liberal|Labour|"
                         r"Progressive|Libertarian|Green|Independent)$")
_BODY_LAST = re.compile(r"Poll|Polling|Research|Reports|Analytics|Institution|Clinic|"
                        r"Company|Corporation|Inc\.?|Corp\.?|University|College|Magazine|"
                        r"Partners|Holdings|Capital|Ventures|Advisors|Advisers|Strategies|"
                        r"Consulting|Industries|Technologies|Enterprises|Securities|LLC")


@lru_cache(maxsize=256)
def _body_after(word: str) -> re.Pattern[str]:
    return re.compile(rf"\b{re.escape(word)}((?:\s+(?:of\s+|for\s+|the\s+|&\s+)*"
                      rf"[A-Z][\w&'’-]*){{1,4}})")


def _from_first(text: str, first: str) -> str | None:
    """The one full name the article writes with the given name `first` ("Zoe" of
    "Zoe Pellam"), a run of title-case words left out; None for none or two."""
    found = {m.group(1) for m in re.finditer(
        rf"\b{re.escape(first)} ([A-Z][a-z]+(?:-[A-Z][a-z]+)?)\b(?! [A-Z][a-z])", text)}
    found = {s for s in found if s.lower() not in TITLES and s.lower() not in ORG_WORDS
             and s.lower() not in _NOT_GIVEN and f" {s.lower()} " not in text}
    if len(found) != 1:
        return None
    surname = next(iter(found))
    return None if _not_surname(surname) else f"{first} {surname}"
