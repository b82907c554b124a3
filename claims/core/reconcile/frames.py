"""Figure frames: what a figure counts (its role in an event), who did it, when, where.

"76 out of 188 drones launched by Russia overnight" gives 188 the frame role
`launched`, actor `Russia`, period `overnight` (resolved against the publication day),
and 76 the role `downed`. Relations are proposed between figures whose frames fit
(`core.reconcile.relations`), so a launch count is never "the same" as a shoot-down count,
nor this year's gains the same as last year's.

Each part is read from the words of the figure's own clause, nearest first, and keeps
the words it came from (`Frame.words`). A claim that names no event or place takes the
article's lead ones ("Floods have killed 40 in Lower Harran…": every later toll is the
flood's, in Lower Harran, unless it says otherwise), marked "(lead)" in its words.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import fields, replace
from functools import lru_cache

from claims.core import places
from claims.core.figures.gates import claim_folded
from claims.core.model import Claim, Figure, Frame
from claims.core.reconcile.context import opens_sentence, singular
from claims.core.reconcile.periods import period_near
from claims.core.reconcile.placewords import (
    _LOCATIVE,
    _NAME,
    _NOT_PLACE,
    clause_break,
    clause_start,
    place_near,
    places_in,
)
from claims.core.textkeys import word_alternation

# -- roles: what the figure counts in the event -------------------------------------
# A trailing "*" marks a stem; other entries are whole words or two-word phrases.
ROLES: dict[str, tuple[str, ...]] = {
    "killed": ("die", "died", "dies", "dead", "death", "deaths", "kill", "killed", "killing",
               "kills", "fatalit*", "toll", "bodies", "perished", "lives"),
    "injured": ("injur*", "wound*", "hurt"),
    "missing": ("missing", "unaccounted", "disappeared"),
    "evacuated": ("evacuat*", "displaced", "fled", "flee", "fleeing", "homeless"),
    "rescued": ("rescue*",),
    "downed": ("shot down", "shoot down", "shooting down", "brought down", "downing",
               "downed", "destroy*", "intercept*", "neutralis*", "neutraliz*", "repelled"),
    "launched": ("launch*", "fired"),
    "lost": ("lost track", "locationally lost", "were lost"),
    "diverted": ("headed towards", "headed toward", "headed for", "diverted", "redirected",
                 "jammed", "veered"),
    "captured": ("captur*", "seiz*", "gain", "gains", "gained", "occupied", "advanced",
                 "conquered", "took control"),
    "retaken": ("liberat*", "retook", "retaken", "recaptur*", "regained"),
    "vaccinated": ("vaccinat*", "immunis*", "immuniz*", "inoculat*", "jabbed"),
    "cases": ("case", "cases", "infection*", "infected"),
    "arrested": ("arrest*", "detain*"),
    "jobs": ("job", "jobs", "hired", "hiring", "employ*", "layoff*", "laid off", "redundanc*"),
    "votes": ("vote", "votes", "voted", "ballot*"),
    "support": ("support*", "backing", "backed", "favor*", "favour*", "lead", "leads",
                "leading", "trail*", "approv*"),
    "deficit": ("deficit", "deficits"),
    "debt": ("debt", "debts"),
    "surplus": ("surplus",),
    "inflation": ("inflation",),
    "unemployment": ("unemployment", "jobless"),
}
INDICATORS = frozenset(("deficit", "debt", "surplus", "inflation", "unemployment"))
# Shares of a group: a poll's or a vote's percentages belong to the group asked (voters,
# officers, Republicans) and to the candidate, so two parties' shares in one article are
# two groups' or two candidates', never two values of one quantity.
SHARE_ROLES = frozenset(("support", "votes"))
# The outcomes of a launch: parts of the launched total, never the same quantity.
OUTCOMES = {"launched": frozenset(("downed", "lost", "diverted"))}

# -- events: the occurrence a figure belongs to --------------------------------------
EVENTS = (
    "attack", "attacks", "strike", "strikes", "assault", "offensive", "bombardment",
    "shelling", "bombing", "barrage", "raid", "raids", "flood", "floods", "flooding",
    "earthquake", "quake", "storm", "storms", "hurricane", "typhoon", "cyclone", "tornado",
    "wildfire", "wildfires", "blaze", "landslide", "heatwave", "drought", "eruption",
    "explosion", "blast", "crash", "collapse", "shooting", "stampede", "outbreak",
    "epidemic", "pandemic", "election", "primary", "caucus", "caucuses", "referendum",
    "poll", "survey", "debate", "protest", "protests", "war", "invasion", "campaign",
    "regatta", "marathon", "race", "tournament", "disaster", "massacre", "ambush",
)
_EVENT_WORD = re.compile(r"\b(?=[" + "".join(sorted({w[0] for w in EVENTS})) + r"])("
                         + word_alternation(frozenset(EVENTS)) + r")\b", re.I)  # a trie
_EVENT_LOW = re.compile(_EVENT_WORD.pattern)
_NAMED_BEFORE = re.compile(rf"({_NAME})\s+$")
_NAMED_AFTER = re.compile(rf"^\s+({_NAME})")

# Roles of a toll or a tally (wars, disasters, attacks, outbreaks, arrests): one area's or
# one period's count lies inside a wider one's. Votes, jobs or poll shares of different
# places and contests are not parts of each other's, so frames relate them only as `same`.
TALLY_ROLES = frozenset(("killed", "injured", "missing", "evacuated", "rescued", "downed",
                         "launched", "lost", "diverted", "captured", "retaken", "vaccinated",
                         "cases", "arrested"))

# Roles that count people: "18 died" needs no noun to be a count of people.
PERSON_ROLES = frozenset(("killed", "injured", "missing", "evacuated", "rescued", "arrested",
                          "vaccinated"))
# Nouns that count people under those roles ("52 arrests" = 52 people arrested).
PERSON_UNITS = frozenset(("person", "arrest", "death", "fatality", "casualty", "injury",
                          "victim", "evacuee", "body", "life"))


def counted_unit(unit: str | None, role: str | None) -> str | None:
    """The unit relations compare: a count of people under any of its names ("18 died",
    "52 arrests", "80 people arrested"), else the figure's own."""
    if role in PERSON_ROLES and (unit is None or unit in PERSON_UNITS):
        return "person"
    return unit

# -- actors --------------------------------------------------------------------------
_BY_ACTOR = re.compile(rf"^[^.;:]{{0,30}}?\bby\s+(?:the\s+)?({_NAME})")
# (?<![\w’'-])({_NAME})(?:['’]s)?, written to open on a character set so that `re`
# looks for a capital letter in C before trying anything: the look behind the capital
# is taken after it, and its first word is `_NAME`'s atomic word less its capital.
_CAP_RUN = re.compile(r"([A-Z](?<![\w’'-].)(?>[a-z][\w-]*)(?:\s+(?>[A-Z][a-z][\w-]*)){0,2})"
                      r"(?:['’]s)?")
_ACTOR_HEAD = re.compile(r"(?:['’]s)?\s+(?:forces|troops|army|units|military|soldiers|"
                         r"fighters|rebels|militants|government|navy|air\s+force)\b")
_LOC_BEFORE = re.compile(rf"\b(?:{_LOCATIVE}|on|of|to|towards|toward|into)\s+(?:the\s+)?$")
_DEMONYM_AFTER = re.compile(r"^\s+([A-Z][a-z]+)\s")
_SPEAKER = re.compile(r"\b(?:said|says|told|tells|reported|reports|announced|stated|wrote|"
                      r"added|posted|according\s+to|claimed|estimated)\b", re.I)
_SPEAKER_LOW = re.compile(_SPEAKER.pattern)


@lru_cache(maxsize=1 << 12)
def _role_lookup(word: str) -> str | None:
    """The role a word (or a two-word phrase, matched only against phrases) names."""
    phrase = " " in word
    for role, stems in ROLES.items():
        for s in stems:
            if phrase != (" " in s):
                continue
            if word == s or (s.endswith("*") and word.startswith(s[:-1])):
                return role
    return None


_ROLE_PREFIXES = tuple(s[:-1] for st in ROLES.values() for s in st if s.endswith("*"))
_ROLE_WORDS = frozenset(w for st in ROLES.values() for s in st if "*" not in s
                        for w in [s.split()[0]])
_ROLE_TOKEN = re.compile(
    r"(?<![a-z])(?:" + word_alternation(_ROLE_WORDS)
    + r"(?![a-z])|(?:" + "|".join(_ROLE_PREFIXES) + r")[a-z]*)")
_WORD = re.compile(r"[a-z][a-z]*")  # `[a-z]+`, opening on a set (see gates._DIGIT_RUN)
LETTERS_ONLY = bytes(b + 32 if 65 <= b <= 90 else b if 97 <= b <= 122 else 32 for b in range(256))
"""A byte table: an ASCII letter to its lower case, any other byte to a space."""
# `_ROLE_TOKEN` on an ASCII text made letters and spaces (`LETTERS_ONLY`) after one space:
# its look-behind is then the space, a literal `re` skips to in C, where the look-behind
# is tried at every position of the text.
_ROLE_SPACED = re.compile(
    (" (?:" + word_alternation(_ROLE_WORDS) + "(?![a-z])|(?:" + "|".join(_ROLE_PREFIXES)
     + ")[a-z]*)").encode())


def _role_spans(low: str) -> list[tuple[int, int]]:
    """The spans of `_ROLE_TOKEN.finditer(low)`."""
    if not low.isascii():
        return [m.span() for m in _ROLE_TOKEN.finditer(low)]
    spaced = b" " + low.encode().translate(LETTERS_ONLY)  # a match opens on the space
    return [(m.start(), m.end() - 1) for m in _ROLE_SPACED.finditer(spaced)]


@lru_cache(maxsize=1 << 12)
def _metric_role(metric: str) -> tuple[str, str] | None:
    """The role a metric label names and the words naming it (labels repeat: memoised)."""
    low = metric.lower()
    for m in _WORD.finditer(low):
        nxt = _WORD.search(low, m.end())
        two = m.group() + (" " + nxt.group() if nxt else "")
        role = _role_lookup(two) or _role_lookup(m.group())
        if role:
            return role, two if _role_lookup(two) else m.group()
    return None


def role_near(text: str, start: int, end: int, metric: str | None) -> tuple[str, str] | None:
    """(role, words): from the metric label when it names one, else the nearest role
    word around the figure in its clause."""
    if metric:
        named = _metric_role(metric)
        if named is not None:
            return named
    lo = max(0, start - 60)
    low = text[lo : end + 40].lower()
    best: tuple[int, str, str] | None = None
    for a, b in _role_spans(low):
        pos = lo + a
        if start <= pos < end:
            continue
        between = text[pos + b - a : start] if pos < start else text[end:pos]
        if clause_break(between):
            continue
        word = low[a:b]
        nxt = _WORD.search(low, b)
        two = word + (" " + nxt.group() if nxt else "")
        role = _role_lookup(two) or _role_lookup(word)
        if role:
            dist = start - pos if pos < start else pos - end
            if best is None or dist < best[0]:
                best = (dist, role, two if _role_lookup(two) else word)
    return None if best is None else (best[1], best[2])


@lru_cache(maxsize=1 << 12)
def events_in(text: str) -> tuple[tuple[int, str, str], ...]:
    """(position, event, words) of each event noun; a name beside it makes it a named
    event ("Hurricane Matthew", "the Orrin regatta")."""
    out = []
    low = claim_folded(text)  # no (?i) on the exact lower case: see periods._ANY_LOW
    for m in _EVENT_WORD.finditer(text) if low is None else _EVENT_LOW.finditer(low):
        word = text[m.start(1) : m.end(1)]
        noun = singular(word.lower())
        before = _NAMED_BEFORE.search(text[max(0, m.start() - 40) : m.start()])
        after = _NAMED_AFTER.match(text[m.end() : m.end() + 40])
        name = None
        if before and not opens_sentence(text, m.start() - len(before.group(0))):
            name = before.group(1)
        elif after and word[0].isupper():
            name = after.group(1)
        if name and name.split()[0].lower() in _NOT_PLACE:
            name = None
        event = f"{name} {noun}".lower() if name and not after else (
            f"{noun} {name}".lower() if name else noun)
        words = text[m.start() - (len(before.group(0)) if name and before and not after else 0)
                     : m.end() + (len(after.group(0)) if name and after and not before else 0)]
        out.append((m.start(), event, words.strip()))
    return tuple(out)


def event_near(text: str, start: int, end: int) -> tuple[str, str] | None:
    best: tuple[int, str, str] | None = None
    for pos, event, words in events_in(text):
        dist = abs(pos - start) if pos < start else pos - end
        if best is None or dist < best[0]:
            best = (dist, event, words)
    return None if best is None else (best[1], best[2])


def actor_near(text: str, start: int, end: int, exclude: frozenset[str]) -> tuple[str, str] | None:
    """Who did what the figure counts: "launched by Russia", "Korvan forces captured
    96", "Russian drones", "Holt was supported by 44 percent"."""
    # the pattern's literal "by" within the next 60 characters (most figures have none)
    after = _BY_ACTOR.match(text[end : end + 60]) if text.find("by", end, end + 60) >= 0 else None
    by = _actor(after.group(1), exclude) if after else None
    if after and by:
        return by, after.group(0).strip()
    lo = clause_start(text, start)
    best: tuple[str, str] | None = None
    low = claim_folded(text)  # the speaker test without (?i) on the lower case (see events_in)
    speaker, hay = (_SPEAKER, text) if low is None else (_SPEAKER_LOW, low)
    for m in _CAP_RUN.finditer(text, lo, start):
        name = m.group(1)
        if _LOC_BEFORE.search(text[max(0, m.start() - 20) : m.start()]):
            continue
        if opens_sentence(text, m.start()) and not (
                places.is_place(name) or places.demonym(name) or " " in name
                or _ACTOR_HEAD.match(text, m.end())):
            continue  # "Officials said …": a capital for the sentence, not a name
        if speaker.search(hay[m.end() : start]):
            continue  # "Piet Janssen, said crews had carried out 342": the speaker
        who = _actor(name, exclude)
        if who:
            best = (who, m.group(0))
    if best is None:  # "… shot down more than ten Russian drones"
        m2 = _DEMONYM_AFTER.match(text[end : end + 30])
        if m2 and places.demonym(m2.group(1)):
            return places.demonym(m2.group(1)) or "", m2.group(1)
    return best


def _actor(name: str, exclude: frozenset[str]) -> str | None:
    words = name.split()
    if not words or words[0].lower() in _NOT_PLACE or name.lower() in exclude:
        return None
    if any(w.lower() in exclude for w in words):
        return None
    country = places.demonym(words[0]) if len(words) == 1 or words[0].endswith(
        ("ian", "an", "ese", "ish", "i")) else None
    if country:
        return country
    return places.canonical(name) or name


@lru_cache(maxsize=1 << 10)
def _source_words(source: str | None) -> frozenset[str]:
    """The words of a claim's source, which never name the actor of its figures."""
    return frozenset(w.lower() for w in (source or "").replace("’s", "").split())


def frame_of(claim: Claim, start: int, end: int, metric: str | None, published: str | None,
             lead: Frame | None = None) -> Frame:
    """The frame of the figure at claim.text[start:end] (offsets inside the claim)."""
    text = claim.text
    words: list[tuple[str, str]] = []
    c0 = claim.start
    others = [(f.start - c0, f.end - c0) for f in claim.figures
              if f.start - c0 != start or f.end - c0 != end]
    role = role_near(text, start, end, metric)
    event = event_near(text, start, end)
    place = place_near(text, start, end, others)
    period = period_near(text, start, end, published)
    exclude = _source_words(claim.source)
    actor = actor_near(text, start, end, exclude)
    if place is None and claim.source and places.is_place(claim.source):
        place = (places.canonical(claim.source) or claim.source, claim.source)
    for dim, found in (("event", event), ("role", role), ("actor", actor), ("place", place)):
        if found:
            words.append((dim, found[1]))
    if period:
        words.append(("period", period.words))
    ev = event[0] if event else None
    pl = place[0] if place else None
    if lead is not None:
        if ev is None and lead.event:
            ev = lead.event
            words.append(("event", f"(lead) {dict(lead.words).get('event', lead.event)}"))
        if pl is None and lead.place:
            pl = lead.place
            words.append(("place", f"(lead) {dict(lead.words).get('place', lead.place)}"))
    return Frame(event=ev, role=role[0] if role else None, actor=actor[0] if actor else None,
                 period=period.period.label if period else None, place=pl,
                 words=tuple(words))


def lead_frame(claims: Sequence[Claim], published: str | None) -> Frame | None:
    """The event and place of the article's lead: the first claim (past the headline)
    that counts something ("Floods have killed at least 40 people in Lower Harran")."""
    for c in claims[:8]:
        if not any(role_near(c.text, f.start - c.start, f.end - c.start, f.metric)
                   for f in c.figures):
            continue
        evs = events_in(c.text)
        pls = [p for p in places_in(c.text) if not p[2].startswith("the ")]
        event = (evs[0][1], evs[0][2]) if evs else None
        place = (pls[0][2], pls[0][3]) if pls else None
        if event is None and place is None:
            return None
        words = tuple((d, f[1]) for d, f in (("event", event), ("place", place)) if f)
        return Frame(event=event[0] if event else None, place=place[0] if place else None,
                     words=words)
    return None


def frame_claims(claims: Sequence[Claim], published: str | None = None) -> tuple[Claim, ...]:
    """The claims with a frame on every figure that has none (a reviewer's or stored
    frame is kept)."""
    lead = lead_frame(claims, published)
    out = []
    for c in claims:
        if not c.figures or all(f.frame is not None for f in c.figures):
            out.append(c)
            continue
        figs = []
        for f in c.figures:
            if f.frame is not None:
                figs.append(f)
                continue
            s, e = f.start - c.start, f.end - c.start
            if not (0 <= s <= e <= len(c.text)) or c.text[s:e] != f.text:
                found = c.text.find(f.text)
                s, e = (found, found + len(f.text)) if found >= 0 else (0, 0)
            frame = frame_of(c, s, e, f.metric, published, lead)
            if frame.role is None and figs and _listed_after(c, figs[-1], f):
                frame = _with_role_of(frame, figs[-1].frame)
            figs.append(_framed(f, frame))
        out.append(_with_figures(c, tuple(figs)))
    return tuple(out)


def _framed(f: Figure, frame: Frame) -> Figure:
    """`f` with its frame (field by field: `replace` costs twice as much per figure; the
    field list is checked in `claims.core.extraction`)."""
    return Figure(f.text, f.start, f.end, f.value, f.low, f.high, f.qualifier, f.unit,
                  f.metric, f.change, frame)


assert tuple(x.name for x in fields(Claim)) == (
    "text", "start", "end", "source", "cue", "figures", "paragraph", "sentence", "via"
), "Claim gained a field: update frames._with_figures"


def _with_figures(c: Claim, figures: tuple[Figure, ...]) -> Claim:
    return Claim(c.text, c.start, c.end, c.source, c.cue, figures, c.paragraph, c.sentence,
                 c.via)


_LIST_JOIN = re.compile(r"^[^.;:!?()]{0,50}?(?:,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+)$")


def _listed_after(claim: Claim, prev: Figure, f: Figure) -> bool:
    """`f` is the next item of a list whose verb the first item carries ("18 died in A,
    9 in B and one in C"): same unit, joined by a comma or "and" within one clause."""
    if prev.frame is None or prev.frame.role is None or prev.unit != f.unit:
        return False
    between = claim.text[prev.end - claim.start : f.start - claim.start]
    return bool(_LIST_JOIN.match(between)) and not clause_break(between)


def _with_role_of(frame: Frame, prev: Frame | None) -> Frame:
    if prev is None or prev.role is None:
        return frame
    said = dict(prev.words).get("role", prev.role)
    return replace(frame, role=prev.role, words=(*frame.words, ("role", f"(list) {said}")))
