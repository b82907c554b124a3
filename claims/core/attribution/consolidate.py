"""One source per party: an article's sources merged once the whole text is read.

A body named with its country ("Ukraine's air force") takes the adjective the article
uses for it; a role-only or bare mention ("the head of the regional defence
headquarters", "the air force") joins the one named source it can only mean; a bare
body is qualified by a place only where its own paragraph ties one to it. Bare groups
("analysts"), lone roles ("the mayor") and back-references to a place stay bare.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import lru_cache

from rapidfuzz import fuzz

from claims.core.attribution.names import ADVERBS, CONJUNCTIONS, PRONOUNS, QUANTITY
from claims.core.attribution.persons import speaks_for_another
from claims.core.attribution.references import NOT_SURNAMES, place_form, place_mentions
from claims.core.attribution.sources import (
    DETERMINERS,
    GENERIC_MODIFIERS,
    SOFT_MODIFIERS,
    TITLES,
    Entity,
    gender_of,
    is_generic,
    is_unqualified,
    norm,
    spelling_key,
    strip_determiner,
    words,
)
from claims.core.text.anchored import caseless, literal_offsets, matches_at

# Heads naming people rather than a body: never qualified by a place, only merged.
_GROUP_HEADS = words(
    "officials official analysts experts economists researchers scientists diplomats "
    "officers sources observers investigators prosecutors spokesperson spokesman "
    "spokeswoman spokespeople troops respondents voters supporters people critics "
    "opponents residents witnesses activists campaigners protesters lawmakers members"
)
# A person under one of these titles speaks in their own name, never for a body.
_OWN_VOICE = words("minister president senator premier chancellor mp lawmaker")
_TOKEN = re.compile(r"[\w'’-]+")
_POSSESSED_NAME = re.compile(r"^([A-Z][\w-]*(?: [A-Z][\w-]*)?)['’]s (.+)$")
_ROLE_OFFICE = re.compile(r"(\w+)['’]s? office$", re.IGNORECASE)
# Where a sentence ends: spaces after a stop, or line breaks. A match opens on the stop
# or the first break (a character class `re` skips to), and only its end is read.
_SENTENCE_END = re.compile(r"[.!?…\n](?:(?<=\n)\n*|[”\"’]?\s+)")
_LOCAL_OWNER = re.compile(r"\w['’]s\b")
_VARIANTS = {"defence": "defen[cs]e", "defense": "defen[cs]e", "centre": "cent(?:re|er)",
             "center": "cent(?:re|er)", "organisation": "organi[sz]ation",
             "organization": "organi[sz]ation", "labour": "labou?r", "labor": "labou?r"}


def consolidate(entities: list[Entity], text: str) -> dict[int, Entity]:
    """`id(entity)` → the entity it stands for once the article's sources are one per party.

    Three passes, in this order: a body named with its country ("Russia's defence
    ministry") takes the country's adjective as the article spells it, and two names that
    then agree are one source; a role-only or bare-body mention ("the head of the
    regional defence headquarters", "the air force") joins the one named source whose
    name or role shares its head noun and descriptors (cataphora included, the named one
    canonical); a bare body left over is qualified by the country the article ties to it
    ("the finance ministry" of a Marovian budget story). Bare groups ("analysts"), lone
    roles ("the mayor") and back-references to a place ("the town's water utility") stay
    bare here; the registry pins them to their article as a last resort ("Analysts
    (a.txt)", `claims.store.ingest`), because only that article knows who they are.
    Canonical names are the article's own wordings wherever it has one ("Ukraine's air
    force").
    """
    into = {id(e): e for e in entities}
    persons = {w for e in entities if e.person for w in e.name.split()}
    keys: dict[str, Entity] = {}
    for e in entities:
        plain = _possessed_place(e, text, persons)
        if plain:
            e.add_alias(plain)  # "Ukraine's air force" is also "Ukrainian air force"
        key = _name_key(plain or e.name)
        if key in keys and not e.person and not keys[key].person:
            keep, drop = (e, keys[key]) if plain is None else (keys[key], e)
            _absorb(keep, drop, into)  # the article's own adjective form is canonical
            keys[key] = keep
        else:
            keys.setdefault(key, e)
    kept = [e for e in entities if into[id(e)] is e]
    _drop_shared_surnames([e for e in kept if e.person])
    if _join_surnames(kept, text, into):
        kept = [e for e in kept if into[id(e)] is e]
    strong = [e for e in kept if not is_unqualified(e.name) and _proper(e)]
    names = [tuple(s.names()) for s in strong]  # renewed when a source absorbs another
    for weak in [e for e in kept if is_unqualified(e.name)]:
        scored = sorted(((_name_score(weak.name, names[i], s.person), i)
                         for i, s in enumerate(strong)), reverse=True)
        if scored and scored[0][0] > 0 and (len(scored) == 1 or scored[1][0] < scored[0][0]):
            _absorb(strong[scored[0][1]], weak, into)
            names[scored[0][1]] = tuple(strong[scored[0][1]].names())
    _name_the_holder(kept, into, text)
    places = place_mentions(text)
    bounds: list[int] = []  # sentence starts, computed for the first bare body only
    for e in kept:
        if into[id(e)] is e and not e.person and is_generic(e.name):
            head = _TOKEN.findall(e.name)[-1].lower()
            local = _LOCAL_OWNER.search(e.name)  # "the town's", "the mayor's"
            if not bounds and not (head in _GROUP_HEADS or local):
                bounds = [0] + [m.end() for m in _SENTENCE_END.finditer(text)] + [len(text)]
            place = None if head in _GROUP_HEADS or local else _place_for(
                e, text, places, persons, bounds)
            if place:
                _rename(e, f"{place} {_body_words(e.name)}")
    return {k: _final(v, into) for k, v in into.items()}


# Roles a story has one holder of: "a federal judge" in its lead is the judge it names.
_ONE_PER_STORY = words("judge magistrate coroner sheriff")
_PARAGRAPH_BREAK = re.compile(r"\n+")


def _name_the_holder(kept: list[Entity], into: dict[int, Entity], text: str) -> None:
    """"A federal judge blocked the law … U.S. District Judge Carla Brenn wrote …": an
    unnamed holder of a role a story has one of is the one person it titles so, within
    two paragraphs (a digest of briefs has several stories, and several judges).

    The unnamed wordings are not made the person's aliases: "federal judge" in the
    registry would join every other story's unnamed judge to this one."""
    for e in kept:
        toks = e.name.lower().split()
        if not toks or toks[-1] not in _ONE_PER_STORY or len(toks) > 3 or (
                into[id(e)] is not e) or _proper(e):
            continue
        titled = [p for p in kept if p.person and p is not e and into[id(p)] is p and any(
            toks[-1] in n.lower().split()[:-1] for n in p.names()) and len(_PARAGRAPH_BREAK.findall(
                text, min(e.first, p.first), max(e.first, p.first))) <= 2]
        if len(titled) == 1:
            keep = titled[0]
            keep.first = min(x for x in (keep.first, e.first, 1 << 30) if x >= 0)
            keep.last = max(keep.last, e.last)
            into[id(e)] = keep


def _drop_shared_surnames(people: list[Entity]) -> None:
    """A one-word alias two people of the article hold ("Holt" of Mara and Ben Holt)
    names neither of them."""
    held: dict[str, set[int]] = {}
    for e in people:
        words_ = e.name.split()
        keys = {norm(a) for a in e.aliases if " " not in a.strip()}
        for k in keys | ({norm(words_[-1])} if len(words_) > 1 else set()):
            held.setdefault(k, set()).add(id(e))
    shared = {k for k, ids in held.items() if len(ids) > 1}
    for e in people if shared else ():
        e.aliases[:] = [a for a in e.aliases if " " in a.strip() or norm(a) not in shared]


def _join_surnames(kept: list[Entity], text: str, into: dict[int, Entity]) -> bool:
    """A one-word source that is the surname of exactly one person of the article
    ("Ryan", credited before "Paul D. Ryan" was) is that person, unless the article
    names someone else of that surname or the word is a body's. True when one joined."""
    full: dict[str, list[Entity]] = {}
    for e in kept:
        parts = e.name.split()
        if (e.person or gender_of(e.name) is not None) and e.speaks_for is None and len(
                parts) > 1 and all(w[:1].isupper() for w in parts):
            full.setdefault(parts[-1], []).append(e)
    joined = False
    for e in kept:
        owners = full.get(e.name) if " " not in e.name else None
        if not owners or len(owners) > 1 or e.name.lower() in NOT_SURNAMES or (
                e.speaks_for is not None or e.descriptors or e.report
                or e.gender not in (None, owners[0].gender)) or _other_bearer(
                owners[0].name, text):
            continue
        _absorb(owners[0], e, into)
        joined = True
    return joined


def _other_bearer(name: str, text: str) -> bool:
    """Whether the article names another person of this surname ("Mara Holt" beside
    "Ben Holt"): two capitalised words ending in it that are not part of `name`."""
    parts = name.split()
    surname = parts[-1]
    for m in re.finditer(rf"\b([A-Z][a-z]+)(?: [A-Z]\.)? {re.escape(surname)}\b", text):
        word = m.group(1)
        if word in parts or word.lower() in TITLES or word.lower() in NOT_SURNAMES:
            continue
        before = text[max(0, m.start() - 2) : m.start()]
        # a known first name, or a word inside a longer name or a sentence ("Teodor
        # Radu Kovar", "the Stop Holt push"), not one a sentence opens with ("But Holt")
        if gender_of(f"{word} {surname}") is not None or before[:1].isalpha() or (
                before[:1] == ","):
            return True
    return False


def _proper(e: Entity) -> bool:
    """Whether a source has a proper name to join: some word the article always
    capitalises ("Terrano", "NATO"). "Dissenting judges" has none: "the judges" of the
    same story may be the whole court."""
    return _proper_names(tuple(e.names()))


@lru_cache(maxsize=4096)
def _proper_names(names: tuple[str, ...]) -> bool:
    """`_proper` of a source with these names (a pure function of them, kept)."""
    lower = {t.lower() for n in names for t in _TOKEN.findall(n) if t[:1].islower()}
    return any(t[:1].isupper() and t.lower() not in lower and t.lower() not in _NOT_PROPER
               for n in names for t in _TOKEN.findall(n))


@lru_cache(maxsize=4096)
def _name_key(name: str) -> str:
    """The spelling key of a whole name: two names with one key are one source."""
    return " ".join(spelling_key(t) for t in _TOKEN.findall(name))


_NOT_PROPER = DETERMINERS | QUANTITY | CONJUNCTIONS | ADVERBS | PRONOUNS


def _final(e: Entity, into: dict[int, Entity]) -> Entity:
    while into[id(e)] is not e:
        e = into[id(e)]
    return e


def _rename(e: Entity, name: str) -> None:
    old = e.name
    e.name = name
    if not any(norm(a) == norm(old) for a in e.aliases):
        e.add_alias(old)


def _absorb(keep: Entity, drop: Entity, into: dict[int, Entity]) -> None:
    """`drop` speaks for `keep`: its wordings become aliases, its mentions `keep`'s."""
    for name in [*drop.aliases, drop.name]:  # the article's wordings before our capitals
        if not any(norm(name) == norm(n) for n in keep.names()):
            keep.add_alias(name)
    keep.descriptors.extend(drop.descriptors)
    keep.report = keep.report or drop.report
    keep.documents |= drop.documents
    keep.last = max(keep.last, drop.last)
    keep.first = min(x for x in (keep.first, drop.first, 1 << 30) if x >= 0)
    into[id(drop)] = keep


def _possessed_place(e: Entity, text: str, persons: set[str]) -> str | None:
    """"Ukraine's air force" → "Ukrainian air force": a body named with its country, in
    the adjective the article uses for it (the possessive wording stays canonical)."""
    m = _POSSESSED_NAME.match(e.name)
    if m is None or e.person:
        return None
    place, rest = m.groups()
    first = place.split()[0].lower()
    if first in TITLES or first in GENERIC_MODIFIERS or first in DETERMINERS or (
            place in persons or not is_generic(rest)):
        return None
    return f"{place_form(place, text)} {rest}"


@lru_cache(maxsize=4096)
def _content(name: str) -> frozenset[str]:
    """Words a compatible name must share: no determiner, jurisdiction or "the city's"."""
    out = set()
    for t in _TOKEN.findall(strip_determiner(name)):
        low = t.lower().replace("’", "'")
        if low in SOFT_MODIFIERS or low.endswith("'s") and low in GENERIC_MODIFIERS:
            continue
        out.add(spelling_key(t))
    return frozenset(out)


def _has(token: str, tokens: frozenset[str]) -> bool:
    return token in tokens or len(token) >= 5 and any(
        fuzz.ratio(token, t) >= 85 for t in tokens)


@lru_cache(maxsize=8192)
def _name_score(weak: str, names: tuple[str, ...], person: bool) -> int:
    """How well a role-only or bare-body source named `weak` fits a named one with these
    names (0: not at all)."""
    if speaks_for_another(names[0]):
        return 0  # "Spokesman for St. Anne's Hospital" is not the hospital
    office = _ROLE_OFFICE.search(weak)
    need = _content(weak)
    words_ = _TOKEN.findall(weak)
    head = spelling_key(words_[-1]) if words_ else ""
    best = 0
    for name in names:
        toks = _name_tokens(name)
        if toks & _OWN_VOICE:
            continue  # a minister is not the ministry
        last = name[name.rfind(" ") + 1:].lower()
        if last in _GROUP_HEADS and spelling_key(last) != head:
            continue  # "union members" are people, not "the union" their name mentions
        if office and office.group(1).lower() in TITLES:
            if person and spelling_key(office.group(1)) in toks:
                best = max(best, 1)  # "the coroner's office": Chief Coroner Ruth Adler
        elif head in toks and all(_has(t, toks) for t in need):
            best = max(best, len(need))
    return best


@lru_cache(maxsize=4096)
def _name_tokens(name: str) -> frozenset[str]:
    return frozenset(spelling_key(t) for t in _TOKEN.findall(name))


def _body_words(name: str) -> str:
    """"City's water utility" → "water utility": the name without article or place noun."""
    toks = [t for t in strip_determiner(name).split()
            if not (t.lower().replace("’", "'").endswith("'s")
                    and t.lower().replace("’", "'") in GENERIC_MODIFIERS)]
    rest = " ".join(toks)
    if all(t[:1].isupper() for t in toks):
        return rest  # "General Staff"
    return rest[:1].lower() + rest[1:]


_CAP = r"(?-i:[A-Z][a-z][\w-]*)"
# "\b" + `_CAP` with the boundary tested after the capital: `re` then skips to capitals
_FIRST_CAP = r"(?-i:[A-Z])(?<!\w.)(?-i:[a-z][\w-]*)"


def _qualified_by(body: str) -> str:
    """A pattern (for `re.IGNORECASE`) of `body` after one or two capitalised words."""
    return rf"({_FIRST_CAP}(?: {_CAP})?)(?:['’]s)? {body}\b"


# "St. Anne's Hospital", "Mount Sinai Hospital": the words before the body are part of
# its own name, not a country or city qualifying it.
_SAINT_BEFORE = re.compile(r"\b(?:St|Ste|Mt|Ft|Saint|San|Santa|Mount|Fort)\.? $")
_NOT_QUALIFIERS = TITLES | GENERIC_MODIFIERS | DETERMINERS | _NOT_PROPER
# The letters a body pattern opens with, before any quantifier or class ("labo" of
# "labou?r", "defen" of "defen[cs]e").
_LEAD_LETTERS = re.compile(r"[A-Za-z]+(?![?*+{])")


@lru_cache(maxsize=512)
def _qualified_rx(body: str) -> re.Pattern[str]:
    return re.compile(_qualified_by(body), re.IGNORECASE)


def _qualified_matches(body: str, text: str) -> list[re.Match[str]]:
    """`re.finditer(_qualified_by(body), text, re.IGNORECASE)`, matched only where a
    match can start.

    A match is one or two capitalised words (and "'s"), a space, then the body, so it
    holds a space and the body's first letters (found in the lower-case text); it starts
    at a capital among the word characters, hyphens, apostrophes and at most one more
    space right before that space. Those capitals are the offsets tried.
    """
    rx = _qualified_rx(body)
    lead = _LEAD_LETTERS.match(body)
    low = caseless(text) if lead is not None else None
    if lead is None or low is None:
        return list(rx.finditer(text))
    starts: list[int] = []
    for at in literal_offsets(low, (" " + lead.group().lower(),)):
        spaces = 0
        i = at - 1
        while i >= 0:
            ch = text[i]
            if ch == " ":
                if spaces:
                    break
                spaces = 1
            elif not (ch.isalnum() or ch in "_-'’"):
                break
            elif "A" <= ch <= "Z":
                starts.append(i)
            i -= 1
    return matches_at(rx, text, starts)


def _place_for(e: Entity, text: str, places: list[tuple[int, str, bool]],
               persons: set[str], bounds: list[int]) -> str | None:
    """The country the article ties to a bare body: a qualified wording of it elsewhere
    ("Lorantia Ministry of Health"), else the one country its own sentence, or the
    nearest of the two before, ties to a party ("Russian forces", "Marovia's
    parliament"). Nothing is guessed: a place merely mentioned ("retirees in Florida",
    "Chinese goods") qualifies nothing, and no article-wide count decides."""
    body = _body_words(e.name)
    toks = body.split()
    alts = [_VARIANTS.get(t.lower(), re.escape(t)) for t in toks]
    pats = [" ".join(alts)]
    if len(toks) == 2 and toks[1].lower() in ("ministry", "department"):
        pats.append(rf"{alts[1]} of (?:the )?{alts[0]}")
    qualified = {
        _qualifier(m, text, len(toks))
        for p in pats
        for m in _qualified_matches(p, text)
        if m.group(1).split()[0].lower() not in _NOT_QUALIFIERS and m.group(1) not in persons
    }
    if len(qualified) == 1:
        return qualified.pop()
    if qualified:
        return None  # two countries' ministries: the article never says which
    starts = [p for p, _, _ in places]
    for pos in dict.fromkeys(p for p in (e.first, e.last) if p >= 0):  # a headline may be first
        i = _sentence_at(bounds, pos)
        for k in (i, i - 1, i - 2):  # its own sentence, else the nearest of the two before
            if k >= 0:  # a mere "in X" counts only in its own sentence
                found = {place_form(n, text) for _, n, strong in _between(
                    places, starts, bounds[k], bounds[k + 1]) if strong or k == i}
                if found:
                    return found.pop() if len(found) == 1 else None  # two: no guess
    return None


def _qualifier(m: re.Match[str], text: str, body_words: int) -> str:
    """The place a qualified wording gives its body ("Lorantia Ministry of Health"),
    or, after "St." or "Mount", the rest of the body's own name ("St. Anne's")."""
    saint = _SAINT_BEFORE.search(text, max(0, m.start() - 8), m.start())
    if saint is None:
        return place_form(m.group(1), text)
    return " ".join(text[saint.start() : m.end()].split()[:-body_words])


def _sentence_at(bounds: list[int], pos: int) -> int:
    """The last k with bounds[k] <= pos, k < len(bounds) - 1 (the last bound is the end
    of the text, no sentence start); `bounds` ascends and starts at 0."""
    return min(bisect_right(bounds, pos), len(bounds) - 1) - 1


def _between(places: list[tuple[int, str, bool]], starts: list[int], lo: int,
             hi: int) -> list[tuple[int, str, bool]]:
    """The places with lo <= position < hi; `places` is sorted and `starts` its positions."""
    a = bisect_left(starts, lo)
    return places[a : max(a, bisect_left(starts, hi))]
