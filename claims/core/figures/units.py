"""What a figure counts: the unit noun after a number, singularised, and a metric label.

The unit is the head of the noun phrase that follows the number ("188 drones", "five
Russian drones", "1,850 new teaching posts"), mapped to a canonical singular; measures
and currencies come from lexicons. Generic words for people all become "person" so that
"31 deaths" and "27 people" can be reconciled; role nouns ("children", "soldiers") stay.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from claims.core.figures.numbers import alternation, word_set
from claims.core.textkeys import fold

MEASURES: dict[str, str] = {
    "square kilometres": "square kilometre", "square kilometers": "square kilometre",
    "square kilometre": "square kilometre", "square kilometer": "square kilometre",
    "sq km": "square kilometre", "km²": "square kilometre", "km2": "square kilometre",
    "square miles": "square mile", "square mile": "square mile", "square metres":
    "square metre", "square meters": "square metre", "square metre": "square metre",
    "square meter": "square metre", "m²": "square metre", "square feet": "square foot",
    "cubic metres": "cubic metre", "cubic meters": "cubic metre", "hectares": "hectare",
    "hectare": "hectare", "ha": "hectare", "acres": "acre", "acre": "acre",
    "kilometres": "kilometre", "kilometers": "kilometre", "kilometre": "kilometre",
    "kilometer": "kilometre", "km": "kilometre", "metres": "metre", "meters": "metre",
    "metre": "metre", "meter": "metre", "centimetres": "centimetre", "centimeters":
    "centimetre", "cm": "centimetre", "millimetres": "millimetre", "millimeters":
    "millimetre", "millimetre": "millimetre", "mm": "millimetre", "miles": "mile",
    "mile": "mile", "feet": "foot", "foot": "foot", "ft": "foot", "lb": "pound weight",
    "lbs": "pound weight", "inches": "inch",
    "inch": "inch", "kilograms": "kilogram", "kilogram": "kilogram", "kg": "kilogram",
    "grams": "gram", "g": "gram", "mg": "milligram", "ml": "millilitre", "in": "inch",
    "tonnes": "tonne", "tonne": "tonne", "tons": "ton", "ton": "ton",
    "litres": "litre", "liters": "litre", "litre": "litre", "liter": "litre",
    "gallons": "gallon", "gallon": "gallon", "ounces": "ounce", "ounce": "ounce",
    "oz": "ounce", "barrels": "barrel", "barrel": "barrel", "mph": "mile per hour",
    "km/h": "kilometre per hour", "kmh": "kilometre per hour", "kph": "kilometre per hour",
    "m/s": "metre per second", "bpd": "barrel per day", "b/d": "barrel per day",
    "nanometres": "nanometre", "nanometers": "nanometre", "nm": "nanometre", "knots": "knot",
    "degrees celsius":
    "degree celsius", "degrees fahrenheit": "degree fahrenheit", "degrees": "degree",
    "°c": "degree celsius", "°f": "degree fahrenheit", "°": "degree", "megawatts":
    "megawatt", "mw": "megawatt", "gigawatts": "gigawatt", "gw": "gigawatt", "kw":
    "kilowatt", "kwh": "kilowatt hour", "mwh": "megawatt hour", "gwh": "gigawatt hour",
    "twh": "terawatt hour", "percentage points": "percentage point", "percentage point":
    "percentage point", "basis points": "basis point", "basis point": "basis point",
    "bps": "basis point",
    "per cent": "percent", "percent": "percent", "pct": "percent", "pc": "percent", "%": "percent",
}  # fmt: skip
TIME_UNITS: dict[str, str] = {
    "seconds": "second", "second": "second", "minutes": "minute", "minute": "minute",
    "hours": "hour", "hour": "hour", "days": "day", "day": "day", "nights": "night",
    "night": "night", "weeks": "week", "week": "week", "fortnight": "week", "months":
    "month", "month": "month", "years": "year", "year": "year", "decades": "year",
    "decade": "year", "centuries": "year", "century": "year",
}  # fmt: skip
ATTACHED_ONLY = frozenset({"in", "g", "ha", "pc", "m"})
"""Abbreviations that are also common words: a unit only when glued to the number."""
SINGLE_MEASURE_VALUE: dict[str, float] = {"decade": 10, "century": 100, "fortnight": 2}
"""What "a decade" or "a century" is worth in its unit ("more than a decade" = 10 years)."""
CURRENCY_WORDS: dict[str, str] = {
    "euros": "euro", "euro": "euro", "dollars": "dollar", "dollar": "dollar", "pounds":
    "pound", "sterling": "pound", "crowns": "crown", "kronor": "crown", "kroner":
    "crown", "krona": "crown", "krone": "crown", "korun": "crown", "yen": "yen", "yuan":
    "yuan", "renminbi": "yuan", "rupees": "rupee", "roubles": "rouble", "rubles":
    "rouble", "hryvnias": "hryvnia", "hryvnia": "hryvnia", "hryvnias'": "hryvnia",
    "francs": "franc", "pesos": "peso", "shekels": "shekel", "lira": "lira", "zlotys":
    "zloty", "zloty": "zloty", "rand": "rand", "naira": "naira", "dinars": "dinar",
    "dirhams": "dirham", "riyals": "riyal", "cents": "cent", "cent": "cent", "pence":
    "penny", "forints": "forint", "lei": "leu", "reais": "real", "won": "won",
}  # fmt: skip
PERSON_NOUNS = word_set(
    "people persons person individuals deaths dead fatalities casualties victims civilians "
    "residents inhabitants population lives souls"
)
UNIT_PHRASES = {**MEASURES, **TIME_UNITS, **CURRENCY_WORDS}
ATTACHED_UNITS = {**MEASURES, "c": "degree celsius", "f": "degree fahrenheit", "p": "penny"}
"""Symbols written against the digits ("5C", "30cm", "3.2%")."""
_UNIT_ALT = alternation(UNIT_PHRASES)
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
_PER_NOUNS = word_set("share head person household dose ticket passenger unit item kilo")
"""Count nouns a price is quoted per ("$2.30 a share", "£40 per head")."""
_PER_UNIT = re.compile(
    rf"\s+(?:a|an|per)\s+(?P<u>{_UNIT_ALT}|{alternation(_PER_NOUNS)})(?![\w])"
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
_TOKEN = re.compile(r"\s*(?P<t>[A-Za-z][\w'’-]*|\d[\w-]*|[^\sA-Za-z\d])")


@dataclass(frozen=True)
class UnitHint:
    """The unit found after a number, or which neighbour to borrow it from.

    `link` is "previous" for "96 of them" and "next" for "four of 12 jets"; `noun` is the
    counted noun as written (plural), kept for the metric label.
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
    return f"{unit} per {UNIT_PHRASES.get(per, per)}"


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
        if tok[0].isupper() or any(c.isdigit() for c in tok):
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
    if value != 1 and not is_plural(head) and head not in UNIT_PHRASES:
        return UnitHint()  # "a 1.5bn hole": the number modifies the noun, it does not count it
    return UnitHint(with_per(text, end, unit), head)


def unit_after(text: str, end: int, value: float) -> UnitHint:
    """The unit of a bare number ending at `end` in `text`, from the words that follow."""
    m = _UNIT_AT.match(text, end)
    if m and (m.start() == end or text[end].isspace()):
        word = fold(m.group(0).strip())
        # "9in" is inches; "280,000 in the north" is a preposition
        if not (word in ATTACHED_ONLY and text[end].isspace()):
            return UnitHint(with_per(text, m.end(), UNIT_PHRASES[word]), word)
    m = _HYPHEN_PHRASE.match(text, end)
    phrase = f"{m['a']} {m['b']}".lower() if m else ""
    if phrase in UNIT_PHRASES:  # "a 50-basis-point cut", "a 2-square-mile site"
        return UnitHint(UNIT_PHRASES[phrase], phrase)
    m = _HYPHEN_WORD.match(text, end)
    if m:
        word = m.group("w").lower()
        if word in _HYPHEN_STOP:
            return UnitHint()
        return UnitHint(canonical_unit(word), word)
    if _OF_PRONOUN.match(text, end):
        return UnitHint(link="previous")
    m = _OF_DETERMINER.match(text, end)
    if m:
        head, head_end = noun_head(text, m.end())
        if head is not None:
            return _from_head(text, head, head_end, 2.0)
        return UnitHint(link="next" if _NUMBER_NEXT.match(text, m.end()) else "previous")
    head, head_end = noun_head(text, end)
    if head is not None:
        return _from_head(text, head, head_end, value)
    if _OF_NUMBER.match(text, end) or _TO_NUMBER.match(text, end):
        return UnitHint(link="next")
    m = _OF_PLAIN.match(text, end)
    if m:
        head, head_end = noun_head(text, m.end())
        return _from_head(text, head, head_end, 2.0)
    return UnitHint()
