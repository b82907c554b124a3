"""`extract`: article text → claims with spans, sources and figures.

The pipeline is segmentation (sentences, clauses, boilerplate), cue detection,
back-reference resolution against the sources met so far, and the figure parser on each
claim's own text. Bump `EXTRACTOR_VERSION` whenever the output for some text changes,
so stored articles can be re-extracted.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from dataclasses import dataclass, replace
from functools import lru_cache

from rapidfuzz import fuzz

from claims.core.attribution.references import place_form, place_mentions
from claims.core.attribution.resolve import CueHit, SourceBook, find_hits
from claims.core.attribution.sources import (
    DETERMINERS,
    GENERIC_MODIFIERS,
    SOFT_MODIFIERS,
    TITLES,
    Entity,
    is_generic,
    is_unqualified,
    norm,
    spelling_key,
    strip_determiner,
    to_source,
    words,
)
from claims.core.figures.extract import extract_figures
from claims.core.model import Claim, Document, Extraction
from claims.core.reconcile.frames import frame_claims
from claims.core.reconcile.relations import infer_relations
from claims.core.text.segmentation import Sentence, clause_spans, quote_mask, segment
from claims.core.windows import window_sentences

EXTRACTOR_VERSION = "7"  # 5: figure change; 6: figure frames, relation confidence and evidence;
# 7: sentences over 2,000 characters read in windows (`core.windows`)
_QUOTE_OPENERS = "\"“"


@dataclass
class _Group:
    """A run of clauses that becomes one claim (mutable only inside `extract`)."""

    start: int
    end: int
    hit: CueHit | None
    source: Entity | None


def _groups(s: Sentence, mask: list[bool], book: SourceBook) -> list[_Group]:
    """Clauses merged into claims: one per distinct source, own-voice parts kept apart."""
    out: list[_Group] = []
    for cs, ce, _joiner in clause_spans(s.text, mask):
        hit = next(iter(find_hits(s.text, mask, cs, ce, s.headline)), None)
        src = book.resolve(hit, s.start + hit.phrase_start, s.text, s.headline) if hit else None
        if hit is not None and src is None and hit.phrase.lower() in ("he", "she", "it", "they"):
            hit = None
        if not out:
            out.append(_Group(cs, ce, hit, src))
            continue
        last = out[-1]
        if hit is None or last.hit is not None and last.source is src:
            last.end = ce
        elif last.hit is None and (not hit.leading or _short(s.text[last.start : last.end])):
            last.end, last.hit, last.source = ce, hit, src
        else:
            out.append(_Group(cs, ce, hit, src))
    return out


def _short(clause: str) -> bool:
    """Too short to stand as its own claim ("The city, which X said …")."""
    return len(clause.split()) < 4


def _span(s: Sentence, start: int, end: int) -> tuple[int, int]:
    text = s.text
    while start < end and text[start] in " ,;":
        start += 1
    while end > start and text[end - 1] in " ,;":
        end -= 1
    return s.start + start, s.start + end


def extract(document: Document) -> Extraction:
    """Claims in reading order; each names a source of `sources` or None (own voice)."""
    text = document.text
    sentences, notes = window_sentences(segment(text), text)
    book = SourceBook(text)
    drafts: list[tuple[int, int, Entity | None, str | None, Sentence]] = []
    open_quote = False
    prev: tuple[int, Entity | None, str | None] | None = None  # paragraph, source, cue
    pending: list[int] = []
    ordered = [s for s in sentences if not s.headline] + [s for s in sentences if s.headline]
    for s in ordered:
        if prev is None or prev[0] != s.paragraph:
            open_quote, pending, prev = False, [], None
        started_open = open_quote
        mask, open_quote = quote_mask(s.text, started_open)
        groups = _groups(s, mask, book)
        quoted = started_open or s.text.lstrip()[:1] in _QUOTE_OPENERS
        if len(groups) == 1 and groups[0].hit is None and quoted:
            if open_quote:
                pending.append(len(drafts))
                drafts.append((*_span(s, 0, len(s.text)), None, None, s))
                prev = (s.paragraph, None, None)
                continue
            if prev is not None and prev[1] is not None:
                drafts.append((*_span(s, 0, len(s.text)), prev[1], prev[2], s))
                continue
        for g in groups:
            cue = g.hit.cue if g.hit and g.source else None
            drafts.append((*_span(s, g.start, g.end), g.source, cue, s))
        first = groups[0]
        if started_open and first.source is not None:
            for i in pending:
                drafts[i] = (*drafts[i][:2], first.source, first.hit.cue if first.hit else None,
                             drafts[i][4])
            pending = []
        last = groups[-1]
        prev = (s.paragraph, last.source, last.hit.cue if last.hit else None)
    drafts = [d for d in sorted(drafts, key=lambda d: d[0]) if d[1] > d[0]]
    found: list[Entity] = []
    seen: set[int] = set()  # ids of the entities listed (all alive while `extract` runs)
    for d in drafts:
        if d[2] is not None and id(d[2]) not in seen:
            seen.add(id(d[2]))
            found.append(d[2])
    into = consolidate(found, text)
    used: list[Entity] = []
    seen.clear()
    claims: list[Claim] = []
    for start, end, draft_src, cue, s in drafts:
        src = into[id(draft_src)] if draft_src is not None else None
        if src is not None and id(src) not in seen:
            seen.add(id(src))
            used.append(src)
        figs = tuple(
            replace(f, start=f.start + start, end=f.end + start)
            for f in extract_figures(text[start:end])
        )
        claims.append(Claim(text=text[start:end], start=start, end=end,
                            source=src.name if src else None, cue=cue if src else None,
                            figures=figs, paragraph=s.paragraph, sentence=s.index))
    framed = frame_claims(claims, document.published)
    return Extraction(document=document, sources=tuple(to_source(e) for e in used),
                      claims=framed, relations=infer_relations(framed, document.published),
                      extractor_version=EXTRACTOR_VERSION, notes=notes)


# ---------------------------------------------------------------- one source per party
# Heads naming people rather than a body: never qualified by a place, only merged.
_GROUP_HEADS = words(
    "officials official analysts experts economists researchers scientists diplomats "
    "officers sources observers investigators prosecutors spokesperson spokesman "
    "spokeswoman spokespeople troops"
)
# A person under one of these titles speaks in their own name, never for a body.
_OWN_VOICE = words("minister president senator premier chancellor mp lawmaker")
_TOKEN = re.compile(r"[\w'’-]+")
_POSSESSED_NAME = re.compile(r"^([A-Z][\w-]*(?: [A-Z][\w-]*)?)['’]s (.+)$")
_ROLE_OFFICE = re.compile(r"(\w+)['’]s? office$", re.IGNORECASE)
_SENTENCE_END = re.compile(r"(?<=[.!?…])[”\"’]?\s+|\n+")
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
        key = " ".join(spelling_key(t) for t in _TOKEN.findall(plain or e.name))
        if key in keys and not e.person and not keys[key].person:
            keep, drop = (e, keys[key]) if plain is None else (keys[key], e)
            _absorb(keep, drop, into)  # the article's own adjective form is canonical
            keys[key] = keep
        else:
            keys.setdefault(key, e)
    kept = [e for e in entities if into[id(e)] is e]
    strong = [e for e in kept if not is_unqualified(e.name)]
    for weak in [e for e in kept if is_unqualified(e.name)]:
        scored = sorted(((_score(weak, s), i) for i, s in enumerate(strong)), reverse=True)
        if scored and scored[0][0] > 0 and (len(scored) == 1 or scored[1][0] < scored[0][0]):
            _absorb(strong[scored[0][1]], weak, into)
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


def _score(weak: Entity, strong: Entity) -> int:
    """How well a role-only or bare-body source fits a named one (0: not at all)."""
    office = _ROLE_OFFICE.search(weak.name)
    need = _content(weak.name)
    words_ = _TOKEN.findall(weak.name)
    head = spelling_key(words_[-1]) if words_ else ""
    best = 0
    for name in strong.names():
        toks = _name_tokens(name)
        if toks & _OWN_VOICE:
            continue  # a minister is not the ministry
        if office and office.group(1).lower() in TITLES:
            if strong.person and spelling_key(office.group(1)) in toks:
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


def _place_for(e: Entity, text: str, places: list[tuple[int, str, bool]],
               persons: set[str], bounds: list[int]) -> str | None:
    """The country the article ties to a bare body: a qualified wording of it elsewhere
    ("Lorantia Ministry of Health"), else the country of its own or the previous two
    sentences, else the article's most mentioned one when it is a clear winner."""
    body = _body_words(e.name)
    toks = body.split()
    alts = [_VARIANTS.get(t.lower(), re.escape(t)) for t in toks]
    pats = [" ".join(alts)]
    if len(toks) == 2 and toks[1].lower() in ("ministry", "department"):
        pats.append(rf"{alts[1]} of (?:the )?{alts[0]}")
    qualified = {
        place_form(m.group(1), text)
        for p in pats
        for m in re.finditer(_qualified_by(p), text, re.IGNORECASE)
        if m.group(1).split()[0].lower() not in TITLES | GENERIC_MODIFIERS | DETERMINERS
        and m.group(1) not in persons
    }
    if len(qualified) == 1:
        return qualified.pop()
    if qualified:
        return None  # two countries' ministries: the article never says which
    pos = e.first if e.first >= 0 else e.last
    i = _sentence_at(bounds, max(pos, 0))
    starts = [p for p, _, _ in places]
    for k in (i, i - 1, i - 2):
        if k >= 0:
            near = sorted((not strong, p, n) for p, n, strong in _between(
                places, starts, bounds[k], bounds[k + 1]))
            if near:
                return place_form(near[0][2], text)
    counts = Counter(place_form(n, text) for _, n, strong in places if strong)
    top = counts.most_common(2)
    if top and (len(top) == 1 or top[0][1] > top[1][1]):
        return top[0][0]
    return None


def _sentence_at(bounds: list[int], pos: int) -> int:
    """The last k with bounds[k] <= pos, k < len(bounds) - 1 (the last bound is the end
    of the text, no sentence start); `bounds` ascends and starts at 0."""
    return min(bisect_right(bounds, pos), len(bounds) - 1) - 1


def _between(places: list[tuple[int, str, bool]], starts: list[int], lo: int,
             hi: int) -> list[tuple[int, str, bool]]:
    """The places with lo <= position < hi; `places` is sorted and `starts` its positions."""
    a = bisect_left(starts, lo)
    return places[a : max(a, bisect_left(starts, hi))]
