"""What a figure counts: the unit noun after a number, singularised, and a metric label.

The unit is the head of the noun phrase that follows the number ("188 drones", "five
Russian drones", "1,850 new teaching posts"), mapped to a canonical singular; measures
and currencies come from lexicons. Generic words for people all become "person" so that
"31 deaths" and "27 people" can be reconciled; role nouns ("children", "soldiers") stay.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from claims.core.figures import money
from claims.core.figures.measures import (
    ATTACHED_ONLY,
    MEASURES,
    SYMBOL_FORMS,
    TEMPERATURE,
    temperature_unit,
)
from claims.core.figures.numbers import alternation, word_set
from claims.core.textkeys import fold, word_alternation

TIME_UNITS: dict[str, str] = {
    "seconds": "second", "second": "second", "minutes": "minute", "minute": "minute",
    "hours": "hour", "hour": "hour", "days": "day", "day": "day", "nights": "night",
    "night": "night", "weeks": "week", "week": "week", "fortnight": "week", "months":
    "month", "month": "month", "years": "year", "year": "year", "decades": "year",
    "decade": "year", "centuries": "year", "century": "year", "yo": "year", "yrs": "year",
    "yr": "year", "milliseconds": "millisecond", "millisecond": "millisecond",
    "microseconds": "microsecond", "microsecond": "microsecond",
}  # fmt: skip
SINGLE_MEASURE_VALUE: dict[str, float] = {"decade": 10, "century": 100, "fortnight": 2}
"""What "a decade" or "a century" is worth in its unit ("more than a decade" = 10 years)."""
PERSON_NOUNS = word_set(
    "people persons person individuals deaths dead fatalities casualties victims civilians "
    "residents inhabitants population lives souls"
)
UNIT_PHRASES = {**MEASURES, **TIME_UNITS, **money.BARE}
"""Unit words (any case) → canonical unit; symbols are `measures.SYMBOL_FORMS`."""
SINGLE_UNITS = {
    w: u for w, u in UNIT_PHRASES.items() if w in word_set(
        "kilometre kilometer metre meter centimetre centimeter millimetre millimeter mile "
        "foot inch kilogram kilo gram tonne ton litre liter gallon ounce barrel hectare acre "
        "degree percent second minute hour day night week fortnight month year decade "
        "century euro dollar pound cent penny yen yuan rupee rouble franc peso shekel lira "
        "knot")
    or w in ("percentage point", "basis point", "square kilometre", "square mile",
             "square metre", "square kilometer", "square meter", "per cent")
}  # fmt: skip
"""Units a lone "a" can count under a qualifier ("more than a metre", "half a percentage
point"); "a bit", "a mark" and "a won" are not read as quantities."""
# A trie of the 388 phrases, not a flat list tried phrase by phrase: the same matches,
# since phrases matching at one place are prefixes of each other and the trie tries the
# longer first (all lower-case ASCII, so no two branches are case variants under (?i)).
_UNIT_ALT = word_alternation(frozenset(UNIT_PHRASES))
_STOP = word_set(
    "a an the of in on at by for from to into onto over under with without and or but nor "
    "as than that which who whom whose what when where while if then so because since until "
    "is are was were be been being has have had do does did will would can could may might "
    "must shall should not no also each every this these those its their his her our your "
    "my it they them we he she i you there here more most less least very just only still "
    "all both some any about around per via amid among against between across along up "
    "down out off said says say told according including like such same own other"
)
_NON_PLURAL_S = word_set(
    "measles mumps news means headquarters diabetes politics economics "
    "physics gas bus lens bias atlas canvas alias chaos thesis crisis basis analysis"
)
_INVARIANT = word_set(
    "aircraft personnel staff police cattle livestock sheep deer fish troops equipment "
    "offspring crew species series"
)
_IRREGULAR = {
    "people": "person", "children": "child", "men": "man", "women": "woman",
    "feet": "foot", "teeth": "tooth", "mice": "mouse", "geese": "goose", "lives": "life",
    "wives": "wife", "knives": "knife", "thieves": "thief", "wolves": "wolf",
    "halves": "half", "shelves": "shelf", "leaves": "leaf", "analyses": "analysis",
    "crises": "crisis", "theses": "thesis", "criteria": "criterion", "phenomena":
    "phenomenon", "indices": "index", "data": "data", "media": "media", "shoes": "shoe",
    "canoes": "canoe", "toes": "toe", "buses": "bus", "viruses": "virus", "bonuses":
    "bonus", "campuses": "campus", "censuses": "census", "surpluses": "surplus",
    "statuses": "status", "aches": "ache", "headaches": "headache", "niches": "niche",
}  # fmt: skip
_HYPHEN_STOP = word_set("way fold sided thirds quarters halves off on time strong odd plus")

_UNIT_AT = re.compile(rf"\s*(?:{_UNIT_ALT})(?![\w])", re.IGNORECASE)
# The symbol, country and currency alternations below are tries, as `_UNIT_ALT` (the
# same matches: literals matching at one place are prefixes of one another, tried longer
# first; the country and currency words are lower-case ASCII under (?i)).
_SYMBOL_AT = re.compile(
    rf"\s?(?P<o>[(\[{{<]\s?)?(?P<s>{word_alternation(frozenset(SYMBOL_FORMS))})"
    r"(?![\w²³$])(?!/\d|-\d)"
    r"(?(o)\s?[)\]}>])"
)
"""A unit symbol after the number, glued, spaced or bracketed as a table writes it
("2 TB", "20 (kg)")."""
_ATTACHED_ONLY_LOWER = frozenset(s.lower() for s in ATTACHED_ONLY)
_SPACED_METRE = re.compile(
    r"\s(?P<s>m)(?=\s*(?:[x×]\s*\d|[.,;:)]|$)|\s+\d|\s+(?:long|high|wide|deep|tall|thick"
    r"|away|below|above|under|across)\b)"
)
"""A spaced "m" is metres where no noun follows ("12 m 2 dm", "1 m x 1 m", "5 m long")."""
_SPACED_HYPHEN = re.compile(rf"\s-\s(?P<w>{_UNIT_ALT})(?![\w])", re.IGNORECASE)
"""A tokeniser's spaced hyphen before a unit word ("30 - year bonds")."""
_CODE_AT = re.compile(rf"\s(?P<c>{money.CODE_RE})(?![\w$])")
_COUNTRY_CURRENCY = re.compile(
    rf"\s+(?P<c>{word_alternation(frozenset(w.lower() for w in money.COUNTRY))})\s+"
    rf"(?P<u>{word_alternation(frozenset(w.lower() for w in money.BARE))})(?![\w])",
    re.IGNORECASE,
)
"""A currency with its country: "4.2 million New Zealand dollars", "a 5 lakh rupee fund"."""
_PER_NOUNS = word_set(
    "share head person household dose ticket passenger unit item kilo dozen"
)
"""Count nouns a price is quoted per ("$2.30 a share", "£40 per head")."""
_PER_SYMBOLS = {
    "s": "second", "sec": "second", "ms": "millisecond", "h": "hour", "hr": "hour",
    "yr": "year", "annum": "year", "km": "kilometre", "kg": "kilogram", "l": "litre",
}  # fmt: skip
"""What a rate is quoted per after a slash or "per": "km/ms", "15 % per annum"."""
_PER_UNIT = re.compile(
    rf"(?:(?:\s+|\s*-\s*)(?:a|an|per)(?:\s+|\s*-\s*)|/)(?P<u>{alternation(_PER_SYMBOLS)}(?![\w])|{_UNIT_ALT}|{alternation(_PER_NOUNS)})(?![\w])"
    r"(?!\s+(?:ago|earlier|before|later|previously)\b)",  # "a year ago" is a date
    re.IGNORECASE,
)
_HYPHEN_PHRASE = re.compile(r"-(?P<a>[A-Za-z]+)-(?P<b>[A-Za-z]+)\b")
_HYPHEN_WORD = re.compile(r"-(?P<w>[A-Za-z]+)\b")
_OF_PRONOUN = re.compile(r"\s+(?:out\s+)?of\s+(?:them|whom|which|us)\b")
_OF_DETERMINER = re.compile(
    r"\s+(?:out\s+)?of\s+(?:all\s+(?:the\s+)?|the\s+|those\s+|these\s+|its\s+|their\s+"
    r"|our\s+|his\s+|her\s+|every\s+)"
)
_OF_NUMBER = re.compile(r"\s+(?:out\s+)?of\s+[^.,;:!?\d]{0,40}?[$€£¥]?\d")
_TO_NUMBER = re.compile(r"\s+(?:to|and|or)\s+[$€£¥]?\d")
_NUMBER_NEXT = re.compile(r"[$€£¥]?\d")
_OF_PLAIN = re.compile(r"\s+of\s+")
_OF_OPENS = re.compile(r"\s+(?:out\s+)?of\s")
"""What the four "of" patterns above open on: "of" between spaces, "out" before it."""
_TOKEN = re.compile(r"\s*(?P<t>[A-Za-z][\w'’-]*|\d[\w-]*|[^\sA-Za-z\d])")


class UnitHint(NamedTuple):
    """The unit found after a number, or which neighbour to borrow it from.

    `link` is "previous" for "96 of them" and "next" for "four of 12 jets"; `noun` is the
    counted noun as written (plural), kept for the metric label. (A named tuple: built
    for every number, faster than a frozen dataclass and as immutable.)
    """

    unit: str | None = None
    noun: str | None = None
    link: str = ""


def singular(word: str) -> str:
    """A plural English noun's singular, by irregulars then suffix rules."""
    w = word.lower().strip("'’")
    if w in _IRREGULAR:
        return _IRREGULAR[w]
    if w in _NON_PLURAL_S or w in _INVARIANT or not w.endswith("s") or len(w) < 3:
        return w
    if w.endswith(("ss", "us", "is")):
        return w
    if w.endswith("ies") and len(w) > 4:
        return w[:-3] + "y"
    if w.endswith(("sses", "xes", "zzes", "ches", "shes")):
        return w[:-2]
    if w.endswith("oes"):
        return w[:-2]
    return w[:-1]


def canonical_unit(noun: str) -> str:
    """Lexicon unit for a noun as written ("kilometers" → "kilometre", "deaths" → "person")."""
    w = noun.lower()
    if w in PERSON_NOUNS:
        return "person"
    if w in UNIT_PHRASES:
        return UNIT_PHRASES[w]
    return singular(w)


def is_plural(word: str) -> bool:
    """Whether a noun reads as a plural count noun (the head of "12 new cases")."""
    w = word.lower()
    if w in _IRREGULAR or w in _INVARIANT or w in PERSON_NOUNS:
        return True
    return w.endswith("s") and not w.endswith(("ss", "us", "is")) and w not in _NON_PLURAL_S


def with_per(text: str, pos: int, unit: str) -> str:
    """'6 cents a litre' → 'cent per litre'."""
    m = _PER_UNIT.match(text, pos)
    if m is None:
        return unit
    per = m.group("u").lower()
    return f"{unit} per {_PER_SYMBOLS.get(per) or UNIT_PHRASES.get(per, per)}"


def noun_head(text: str, pos: int) -> tuple[str | None, int]:
    """The head noun of the phrase starting at `pos`, skipping adjectives, and its end."""
    head: str | None = None
    head_end = pos
    proper: tuple[str, int] | None = None  # "two Republicans": a capitalised plural head
    for _ in range(6):
        m = _TOKEN.match(text, pos)
        if not m:
            break
        tok = m.group("t")
        pos = m.end()
        if not tok[0].isalpha():
            break
        low = tok.lower()
        if low in _STOP:
            break
        if tok[0].isupper() or (not tok.isalpha() and any(c.isdigit() for c in tok)):
            if head is not None:
                break
            possessive = low.endswith(("'s", "’s"))  # "England's": a name, not a count
            if (
                tok[0].isupper()
                and is_plural(low)
                and not (tok.isupper() or possessive)
                and proper is None
            ):
                proper = (low, m.end())
            continue
        if low.endswith(("ed", "ing")) and low not in PERSON_NOUNS and not is_plural(low):
            if head is not None and is_plural(head):
                break
            continue
        head, head_end = low, m.end()
        if is_plural(low) and low not in _NON_PLURAL_S:
            break
    if head is None and proper is not None:
        return proper
    return head, head_end


def _from_head(text: str, head: str | None, end: int, value: float) -> UnitHint:
    if head is None:
        return UnitHint()
    unit = canonical_unit(head)
    if not 0 < abs(value) <= 1 and not is_plural(head) and head not in UNIT_PHRASES:
        return UnitHint()  # "a 1.5bn hole": the number modifies the noun, it does not count it
    return UnitHint(with_per(text, end, unit), head)


def _unnamed(p: re.Pattern[str]) -> str:
    """`p`'s source under its case flag, its groups unnamed but "o" (a conditional reads
    it), to be one alternative of a larger pattern."""
    source = re.sub(r"\(\?P<(?!o>)\w+>", "(?:", p.pattern)
    return f"(?i:{source})" if p.flags & re.IGNORECASE else source


_LEXICAL_ANY = re.compile("|".join(f"(?:{_unnamed(p)})" for p in (
    TEMPERATURE, _COUNTRY_CURRENCY, _SYMBOL_AT, _SPACED_METRE, _SPACED_HYPHEN, _CODE_AT,
    _UNIT_AT)))
"""The seven patterns `_lexical_unit` tries in turn, as one: where it does not match,
none of them does (most numbers are followed by a plain noun), and one match stands for
seven."""


def _lexical_unit(text: str, end: int) -> UnitHint | None:
    """A unit the lexicons name right after the number: a temperature in any spelling, a
    currency with its country, a symbol ("2 TB", "27 %"), an ISO code, a unit word."""
    if _LEXICAL_ANY.match(text, end) is None:
        return None
    m = TEMPERATURE.match(text, end)
    if m:
        return UnitHint(temperature_unit(m), None)
    m = _COUNTRY_CURRENCY.match(text, end)
    if m:
        word = m.group("u").lower()
        unit = money.with_country(m.group("c"), money.BARE[word])
        return UnitHint(with_per(text, m.end(), unit), word)
    m = _SYMBOL_AT.match(text, end)
    if m and (m.start("s") == end or m.group("s").lower() not in _ATTACHED_ONLY_LOWER):
        return UnitHint(with_per(text, m.end(), SYMBOL_FORMS[m.group("s")]), None)
    m = _SPACED_METRE.match(text, end)
    if m:
        return UnitHint("metre", None)
    m = _SPACED_HYPHEN.match(text, end)
    if m:
        word = fold(m.group("w"))
        return UnitHint(UNIT_PHRASES[word], word)
    m = _CODE_AT.match(text, end)
    if m:
        return UnitHint(with_per(text, m.end(), money.CODE_FORMS[m.group("c")]), None)
    m = _UNIT_AT.match(text, end)
    if m and (m.start() == end or text[end].isspace()):
        word = fold(m.group(0).strip())
        return UnitHint(with_per(text, m.end(), UNIT_PHRASES[word]), word)
    return None


def unit_after(text: str, end: int, value: float) -> UnitHint:
    """The unit of a bare number ending at `end` in `text`, from the words that follow."""
    hint = _lexical_unit(text, end)
    if hint is not None:
        return hint
    if text.startswith("-", end):  # (both hyphen patterns open on it)
        m = _HYPHEN_PHRASE.match(text, end)
        phrase = f"{m['a']} {m['b']}".lower() if m else ""
        if phrase in UNIT_PHRASES:  # "a 50-basis-point cut", "a 2-square-mile site"
            return UnitHint(UNIT_PHRASES[phrase], phrase)
        m = _HYPHEN_WORD.match(text, end)
        if m:
            word = m.group("w").lower()
            if word in _HYPHEN_STOP:
                return UnitHint()
            return UnitHint(with_per(text, m.end(), canonical_unit(word)), word)
    of = _OF_OPENS.match(text, end) is not None  # (every "of" pattern opens so)
    if of and _OF_PRONOUN.match(text, end):
        return UnitHint(link="previous")
    m = _OF_DETERMINER.match(text, end) if of else None
    if m:
        head, head_end = noun_head(text, m.end())
        if head is not None:
            return _from_head(text, head, head_end, 2.0)
        return UnitHint(link="next" if _NUMBER_NEXT.match(text, m.end()) else "previous")
    head, head_end = noun_head(text, end)
    if head is not None:
        return _from_head(text, head, head_end, value)
    if (of and _OF_NUMBER.match(text, end)) or _TO_NUMBER.match(text, end):
        return UnitHint(link="next")
    m = _OF_PLAIN.match(text, end) if of else None
    if m:
        head, head_end = noun_head(text, m.end())
        return _from_head(text, head, head_end, 2.0)
    return UnitHint()
