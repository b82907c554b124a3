"""The written forms of a quantity, as candidate spans with a value.

Each form ("1.5bn", "seventy-six", "a quarter of a million", "Nine in ten", "between 20
and 30", "20-25%", "hundreds", "a dozen", "a metre") has one precompiled pattern and one
reader. Candidates may overlap; the figure parser keeps the longest and then decides
qualifiers, traps and units.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from claims.core.figures import money
from claims.core.figures.candidate import Candidate
from claims.core.figures.digits import (
    DIGIT_GROUPS,
    NUMBER_END,
    NUMBER_START,
    Num,
    digit_matches,
    digit_number,
    digit_value,
)
from claims.core.figures.digits import (
    DIGIT_RE as DIGIT_RE,  # (re-exported: the digit form is one of the readers)
)
from claims.core.figures.durations import COMPOUND_RE, UNIT_NAMES
from claims.core.figures.gates import (
    DIGIT,
    FRACTION_WORDS,
    NUMBER_WORDS,
    VAGUE_WORDS,
    any_in,
    claim_folded,
    finditer_numbers,
    has_number_word,
    has_vulgar,
    needle_scan,
)
from claims.core.figures.more_forms import (
    MAJOR_WORDS,
    MONEY_PAIR_RE,
    MONEY_WORDS,
    and_a_half_candidates,
    duration_candidates,
    fold_candidates,
    money_pair_candidates,
    slash_fraction_candidates,
    vulgar_candidates,
)
from claims.core.figures.numbers import (
    FRACTIONS,
    ONES,
    TENS,
    VAGUE_PLURALS,
    WORD_NUMBER,
    alternation,
    parse_digits,
    parse_word_number,
    scale_of,
    word_set,
)
from claims.core.figures.traps import is_year_like
from claims.core.figures.units import (
    SINGLE_MEASURE_VALUE,
    SINGLE_UNITS,
    UNIT_PHRASES,
    is_plural,
)
from claims.core.model import Qualifier
from claims.core.textkeys import fold, word_alternation

_WORD_SCALE = r"(?:thousand|lakh)\s+crores?|thousand|lakhs?|million|crores?|billion|trillion"


def _any_number(p: str) -> str:
    return (
        rf"(?:{digit_number(p)}|(?P<{p}word>{WORD_NUMBER})"
        rf"(?:\s+(?P<{p}wscale>{_WORD_SCALE}))?)"
    )


_WORD_START = r"(?=[aefnostzAEFNOSTZ])"  # first letters of every number word: a fast reject
_FIRSTS = {w[0] for w in (*money.CODE_FORMS, *money.SYMBOLS, "MX", "NT", "U.S.")}
_NUM_START = (
    rf"(?=[-−.\d{re.escape(''.join(sorted(_FIRSTS | {c.upper() for c in _FIRSTS})))}"
    r"aefnostzAEFNOSTZRr])"
)
_I = re.IGNORECASE

WORD_RE = re.compile(
    rf"\b{_WORD_START}(?:an?\s+(?P<ascale>hundred|thousand|million|billion|trillion)"
    rf"|(?P<word>{WORD_NUMBER})(?:\s+(?P<wscale>{_WORD_SCALE}))?)\b",
    _I,
)
BETWEEN_RE = re.compile(
    rf"\bbetween\s+{_any_number('a')}\s+and\s+{_any_number('b')}{NUMBER_END}", _I
)
DASH_RE = re.compile(
    rf"{NUMBER_START}{_NUM_START}{_any_number('a')}(?:\s*[-–—]\s*|\s+to\s+)"
    rf"{_any_number('b')}{NUMBER_END}",
    _I,
)
_SMALL = rf"(?:{WORD_NUMBER}|\d{{1,4}})"
RATIO_RE = re.compile(
    rf"\b(?=[\daefnostzAEFNOSTZ])(?P<a>{_SMALL})\s+(?P<link>in|out\s+of)\s+(?P<b>{_SMALL})\b", _I
)
_DASH_TAIL = re.compile(rf"[-–—\s](?:(?<=[-–—])\s*|(?<=\s)to\s+){_any_number('t')}{NUMBER_END}", _I)
"""`DASH_RE` from its separator on (a dash, or the last space before "to"), under the
same flags: a gate, since a text the tail never matches cannot hold a range; it opens
on a character class `re` skips to directly, unlike the whole pattern."""
_FROM_DIGIT_FORMS = (RATIO_RE, COMPOUND_RE, MONEY_PAIR_RE)
_ANY_FROM_DIGITS = re.compile(
    "|".join(f"(?:{re.sub(r'[(][?]P<[a-z]+>', '(?:', p.pattern)})" for p in _FROM_DIGIT_FORMS), _I)
"""The ratio, compound-duration and money-pair patterns as one (their groups unnamed):
when a claim has no number word each starts on a digit run, and a claim where none
matches at any run start needs none of the three scans (most claims)."""
_AFTER_FIRST_RUN = (
    rf"(?:\.|\s*(?i:{word_alternation(frozenset(w.lower() for w in UNIT_NAMES))})"
    rf"|\s+(?i:{word_alternation(frozenset(w.lower() for w in ('in', 'out', *MAJOR_WORDS)))}))"
)
"""What a ratio, compound duration or money pair needs right after its first run of
digits: a decimal point or a duration unit ("4.5 hours", "4h 12m"), or spaces and then
"in"/"out of" or a currency word ("3 in 10", "5 dollars 50"); the words' beginnings are
enough."""
_FIRST_RUN = re.compile(rf"\d(?<![\w]\d)\d*+{_AFTER_FIRST_RUN}")
"""A run of digits with no word character before it, followed as `_AFTER_FIRST_RUN`
says: where the three patterns of `_ANY_FROM_DIGITS` can start. Opening on a digit,
`re` skips to each digit directly; a match holds no digit after its run, so `finditer`
meets every such run."""


def _any_from_digits(text: str) -> bool:
    """`any_from_digits(_ANY_FROM_DIGITS, text)`: the pattern tried only at the runs
    `_FIRST_RUN` finds (most claims have none)."""
    return any(_ANY_FROM_DIGITS.match(text, m.start()) for m in _FIRST_RUN.finditer(text))


_FRAC_COUNT = r"a|an|one|two|three|four|five|six|seven|eight|nine"
FRACTION_RE = re.compile(
    rf"\b(?=[aefhnoqstAEFHNOQST])(?:(?P<n>{_FRAC_COUNT})[\s-]+)?(?P<f>{alternation(FRACTIONS)})\b"
    rf"(?:\s+(?:of\s+)?an?\s+(?P<s>million|billion|trillion|thousand|dozen)\b"
    rf"|\s+(?P<s2>million|billion|trillion)\b)?",
    _I,
)
DOZEN_RE = re.compile(r"\b(?P<n>a|one|two|three|four|five|six)\s+dozen\b", _I)
VAGUE_RE = re.compile(rf"\b(?:{alternation(VAGUE_PLURALS)})\b", _I)
_SINGLE_UNITS = [u for u in SINGLE_UNITS if " " not in u]
_OF_A_UNIT = re.compile(rf"\s+(?:of\s+)?an?\s+(?P<u>{alternation(SINGLE_UNITS)})\b", _I)
A_UNIT_RE = re.compile(rf"\ban?\s+(?P<u>{alternation(_SINGLE_UNITS)})\b", _I)
_A_UNIT_FAST = re.compile(
    rf"[aA](?<!\w[aA])(?i:n?\s+(?P<u>{word_alternation(frozenset(_SINGLE_UNITS))})\b)")
"""`A_UNIT_RE` as `re` scans fastest: opening on a case-sensitive character class (not on
"\b" under `re.IGNORECASE`), the scan skips to each "a" directly instead of trying every
position; "\b" before the "a" is the lookbehind after it, the flat alternation a trie."""

_CHANGE_BEFORE = re.compile(
    r"\b(?:rose|rise|rises|risen|rising|fell|fall|falls|fallen|falling|grew|grow|grows"
    r"|increased?|increases|increasing|decreased?|decreases|dropped|drops?|climbed|climbs?"
    r"|jumped|jumps?|cut|cuts|raised?|raises|lowered|lowers|up|down|slipped|surged|soared"
    r"|plunged|slumped|eased|doubled|tripled|changed|moved|went|gone|revised|gained|gains?"
    r"|added|adds|advanced|advances|lost|loses|shed|sheds|declined|declines|slid|slides"
    r"|tumbled|rallied|edged|widened|narrowed|grown|increase|decrease)"
    r"(?:(?:\s+[\w,.%$€£-]+){0,3}?\s+from)?\s+$",
    _I,
)
_NEXT_WORD = re.compile(r"\s+(?P<w>[A-Za-z][\w'’-]*)")
_MINUS = re.compile(r"(?<![\w])minus\s+$", _I)
_HYPHEN_UNIT = re.compile(r"-(?P<w>[A-Za-z]+)")
_PREV_WORD = re.compile(r"(?P<w>[A-Za-z][\w'’-]*)\s+$")
_ONE_NOT_BEFORE = word_set(
    "a the single no any every each this that which someone anyone other another"
)
_ONE_NOT_AFTER = word_set(
    "of another day time point hand side way thing who that which such more or and by in on "
    "at is was has had would will can could must may might should said says do does to "
    "for with after"
)
_COUNT_VERBS = word_set(
    "kills killed injures injured wounds wounded hurts hurt arrests arrested rescues rescued "
    "detains detained frees freed evacuates evacuated leaves left infects infected"
)
"""Verbs whose object a bare "one" counts ("Blast injures one")."""
_COUNT_BEFORE = re.compile(
    rf"(?:\d|\b(?:{alternation(w for w in ONES if w != 'one')}|{alternation(TENS)})\b)"
    r"[^.!?;\n]*,[^.!?;\n]*$",
    _I,
)
"""An earlier count in the same sentence, with a list comma after it."""
_HALF_NOT_BEFORE = word_set("the first second third last latter other its their his her")


def _read(m: re.Match[str], p: str) -> Num | None:
    """One number of a range or a plain match, with its currency/percent/scale."""
    num, scale, sign, att, cur = m.group(*DIGIT_GROUPS[p])
    if num is not None:
        return digit_value(num, scale, sign, att, cur)
    word = parse_word_number(m.group(f"{p}word") or "")
    if word is None:
        return None
    wscale = m.group(f"{p}wscale")
    return Num(word * scale_of(wscale), None, bool(wscale), "")


_METRE_NEXT = word_set(
    "freestyle backstroke breaststroke butterfly medley hurdles relay sprint dash race final "
    "finals semi-final semifinal heat heats steeplechase event title record gold silver bronze "
    "swim run high long wide deep tall thick underground underwater above below away down "
    "up across beneath inland offshore"
)
"""Words after "100m" that make it metres (a race, a height), not a million."""
_METRE_BEFORE = word_set("the men's women's mens womens")
_METRE_RACE_END = word_set("in at on was is when after before with and") | {""}
"""Words after "the 400m" that end the race name ("" is punctuation or the end)."""
_METRE_HYPHEN = re.compile(r"-(?:high|long|wide|deep|tall|thick)\b", _I)


def _is_metres(text: str, m: re.Match[str]) -> bool:
    """Whether an unspaced "m" after digits is metres ("the 100m final", "100m underground").

    With a currency sign or before a counted noun it is a million ("£100m", "1.5m people").
    """
    if m.group("scale") != "m" or m.group("cur") or m.group("att"):
        return False
    if _METRE_HYPHEN.match(text, m.end()):
        return True
    after = _NEXT_WORD.match(text, m.end())
    word = after.group("w").lower() if after else ""
    if word in _METRE_NEXT:
        return True
    before = _PREV_WORD.search(text, max(0, m.start() - 30), m.start())
    prev = before.group("w").lower().replace("’", "'") if before else ""
    # "won the women's 400m." / "the 100m in 9.79": the race, with no noun after it
    return prev in _METRE_BEFORE and word in _METRE_RACE_END


def _minus_before(text: str, start: int) -> re.Match[str] | None:
    """`_MINUS.search(text, max(0, start - 8), start)`. It needs the "s" of "minus" (or a
    letter `re.IGNORECASE` reads as one) before the spaces that end at `start`; that is
    tested first, since most numbers follow some other word."""
    lo = max(0, start - 8)
    if text[lo:start].rstrip()[-1:] not in ("s", "S", "ſ"):
        return None
    return _MINUS.search(text, lo, start)


def _digit_candidates(text: str) -> Iterator[Candidate]:
    for m in digit_matches(text):
        num, scale, sign, att, cur = m.group(*DIGIT_GROUPS[""])
        metric_m = scale == "m" and not (cur or att)  # `_is_metres` needs it
        if metric_m and _is_metres(text, m):
            yield Candidate(m.start(), m.end(), parse_digits(num), "digits", unit="metre",
                            bare=False)  # fmt: skip
            continue
        n = digit_value(num, scale, sign, att, cur)
        minus = _minus_before(text, m.start())
        if minus and not sign:  # "minus 12 degrees"
            n = Num(-n.value, n.unit, n.scaled, "")
            start = minus.start()
        else:
            start = m.start()
        fixed = n.unit is not None
        metres = parse_digits(num) if metric_m else None
        yield Candidate(start, m.end(), n.value, "digits", unit=n.unit,
                        bare=not fixed, raw="" if n.scaled or fixed else n.raw,
                        metres=metres)  # fmt: skip


def _one_is_pronoun(text: str, start: int, end: int) -> bool:
    """'a single one', 'one of the', 'no one': the pronoun, not the count."""
    hyphen = _HYPHEN_UNIT.match(text, end)
    if hyphen and hyphen.group("w").lower() in UNIT_PHRASES:
        return False  # "a one-year contract"
    before = _PREV_WORD.search(text, max(0, start - 30), start)
    prev = before.group("w").lower() if before else ""
    if prev in _ONE_NOT_BEFORE:
        return True
    after = _NEXT_WORD.match(text, end)
    nxt = after.group("w").lower() if after else ""
    if nxt not in ("of", "another", "day", "time", "who", "that", "which", "more", "such"):
        if prev in _COUNT_VERBS:  # "Blast injures one", "killed one and wounded two"
            return False
        if prev == "and" and _COUNT_BEFORE.search(text, max(0, start - 120), start):
            return False  # "…, 7 in Carver County and one in Dale County": a list of counts
    return after is None or nxt in _ONE_NOT_AFTER


_SENTENCE_OPEN = re.compile(r"(?:^|[.!?:;\n(\"“‘'—–-])\s*$")


def _is_name(text: str, start: int, end: int) -> bool:
    """A capitalised number word inside a sentence names something ("Vodafone and Three",
    "Formula One"), unless a plural noun follows as in a title-case headline ("Kills Three
    People")."""
    if not text[start].isupper() or _SENTENCE_OPEN.search(text, max(0, start - 3), start):
        return False
    after = _NEXT_WORD.match(text, end)
    return not (after and is_plural(after.group("w")))


def _word_candidates(text: str) -> Iterator[Candidate]:
    for m in WORD_RE.finditer(text):
        if m.group("ascale"):
            yield Candidate(m.start(), m.end(), scale_of(m.group("ascale")), "words")
            continue
        value = parse_word_number(m.group("word"))
        if value is None:
            continue
        lone_one = m.group("word").lower() == "one" and not m.group("wscale")
        if lone_one and _one_is_pronoun(text, m.start(), m.end()):
            continue
        if _is_name(text, m.start(), m.end()):
            continue
        yield Candidate(m.start(), m.end(), value * scale_of(m.group("wscale")), "words")


def _range(m: re.Match[str], text: str, kind: str) -> Candidate | None:
    a, b = _read(m, "a"), _read(m, "b")
    if a is None or b is None:
        return None
    to_form = kind == "dash" and re.search(r"\sto\s", m.group(0)) is not None
    if to_form and _CHANGE_BEFORE.search(text, max(0, m.start() - 20), m.start()):
        return None  # "rose from 20 to 30" is a change, not a range
    if is_year_like(a.raw) or is_year_like(b.raw):
        return None
    if to_form and a.unit and a.unit != b.unit:
        return None  # "rose 0.4% to $1.27", "gained 1.1% to 5,432.1": a change and a level
    lo, hi = a.value, b.value
    b_digits = parse_digits(b.raw) if b.raw else 0.0
    if b.scaled and not a.scaled and lo < hi and b_digits > 0:
        lo *= hi / b_digits  # "$2-3 billion"
    if lo >= hi:
        return None
    unit = b.unit or a.unit
    return Candidate(m.start(), m.end(), (lo + hi) / 2, "range", Qualifier.RANGE, unit,
                     lo, hi, bare=unit is None)  # fmt: skip


def _range_candidates(text: str, low: str | None = None) -> list[Candidate]:
    """`low` is `folded(text)`: a range needs "between", or a dash or "to" between its
    numbers, and most sentences have neither (a gate, as in `candidates`)."""
    dash = ("-" in text or "–" in text or "—" in text or any_in(low, ("to",))) and (
        _DASH_TAIL.search(text) is not None)
    between = any_in(low, ("between",))
    if not (dash or between):
        return []
    found = []
    for regex, kind, run in ((BETWEEN_RE, "between", between), (DASH_RE, "dash", dash)):
        for m in regex.finditer(text) if run else ():
            c = _range(m, text, kind)
            if c is not None:
                found.append(c)
    return found


def _small(raw: str) -> float | None:
    return float(raw) if raw.isdigit() else parse_word_number(raw)


_RATIO_BASES = frozenset((2.0, 3.0, 4.0, 5.0, 10.0, 100.0, 1000.0))


def _ratio_candidates(text: str, words: bool = True) -> Iterator[Candidate]:
    """`words`: whether the text may hold a number word (else ratios start on digits)."""
    for m in finditer_numbers(RATIO_RE, text, words):
        a, b = _small(m.group("a")), _small(m.group("b"))
        if a is None or b is None or not (2 <= b <= 1000) or not (0 <= a <= b):
            continue
        nxt = _NEXT_WORD.match(text, m.end())
        word = nxt.group("w") if nxt else ""
        if "out" in m.group("link").lower() and (
            (not m.group("b").isalpha() and b not in _RATIO_BASES)
            or (word.islower() and is_plural(word) and b >= 100)
        ):
            continue  # "76 out of 188 drones" are two counts, "nine out of 10" a share
        if word.lower() in UNIT_PHRASES:
            continue  # "12 in 100 days"
        yield Candidate(m.start(), m.end(), 100 * a / b, "ratio", unit="percent", bare=False)


def _fraction_candidates(text: str) -> Iterator[Candidate]:
    for m in FRACTION_RE.finditer(text):
        n, f = (m.group("n") or "").lower(), m.group("f").lower()
        scale = m.group("s") or m.group("s2")
        count = 1.0 if n in ("", "a", "an") else parse_word_number(n) or 1.0
        plural = f.endswith("s")
        if plural != (count > 1) or (not n and f != "half" and not m.group("s2")):
            continue
        before = _PREV_WORD.search(text, max(0, m.start() - 30), m.start())
        if f == "half" and not n and before and before.group("w").lower() in _HALF_NOT_BEFORE:
            continue
        share = count * FRACTIONS[f]
        if scale:
            mult = 12.0 if scale.lower() == "dozen" else scale_of(scale)
            yield Candidate(m.start(), m.end(), share * mult, "fraction")
            continue
        of_unit = _OF_A_UNIT.match(text, m.end())
        if of_unit:  # "half an hour", "a quarter of a percentage point"
            unit = UNIT_PHRASES[fold(of_unit.group("u"))]
            yield Candidate(m.start(), of_unit.end(), share, "fraction", unit=unit, bare=False)
            continue
        after = text[m.end() : m.end() + 6]
        by = before is not None and before.group("w").lower() == "by"  # "cut by half"
        loose = not (plural or by) and not re.match(r"\s+of\b|\s*[,.;:)!?]|\s*$", after)
        yield Candidate(m.start(), m.end(), 100 * share, "fraction", unit="percent",
                        needs_qualifier=loose, bare=False)  # fmt: skip


def _vague_candidates(text: str) -> Iterator[Candidate]:
    for m in DOZEN_RE.finditer(text):
        count = parse_word_number(m.group("n")) or 1.0
        yield Candidate(m.start(), m.end(), 12 * count, "dozen")
    for m in VAGUE_RE.finditer(text):
        value = VAGUE_PLURALS[re.sub(r"\s+", " ", fold(m.group(0)))]
        yield Candidate(m.start(), m.end(), value, "vague", Qualifier.AT_LEAST)


_A_UNITS = SINGLE_UNITS


def _single_unit_candidates(text: str) -> Iterator[Candidate]:
    for m in _A_UNIT_FAST.finditer(text):
        word = fold(m.group("u"))
        unit = _A_UNITS[word]
        value = SINGLE_MEASURE_VALUE.get(word, 1.0)
        yield Candidate(m.start(), m.end(), value, "a_unit", unit=unit,
                        needs_qualifier=True, bare=False)  # fmt: skip


_MONEY_WORD_LOW = needle_scan(MONEY_WORDS)
_WORD_OR_RARE_LOW = needle_scan((*NUMBER_WORDS, *FRACTION_WORDS, *VAGUE_WORDS, "fold"))
_RARE_WORD_LOW = needle_scan((*FRACTION_WORDS, *VAGUE_WORDS, "fold"))
"""Needles of the fraction, vague, "and a half" and "-fold" gates ("half" is a fraction
word): when none occurs, none of those gates needs testing."""


def candidates(text: str) -> list[Candidate]:
    """Every quantity-shaped span in `text`, overlapping, in the order of the readers
    (`_longest_first` keeps the first of two equal spans).

    A form whose literal is absent (`fig_gates`) is not scanned: a sentence without a
    digit or a number word only ever meets the fraction, vague and "a year" readers. A
    sentence with digits and no number word (most of them) has every number start on a
    digit, and the forms that start with a number are tried only there.
    """
    low = claim_folded(text)  # (memoised: asked of a claim by both steps and the frames)
    digit = DIGIT.search(text) is not None
    # trie searches for the needles of several gates: one for all (most claims hold
    # none of them), then one for each group
    if low is not None and _WORD_OR_RARE_LOW(low) is None:
        words = rare = False
    else:
        words = has_number_word(text, low)  # WORD_RE reads one: "a million" too
        rare = low is None or _RARE_WORD_LOW(low) is not None
    number = digit or words  # `has_number`
    half = number and rare and any_in(low, ("half",))
    fold = number and rare and any_in(low, ("fold",))
    words = number and words
    # no number word: ratios, durations and money pairs start on a digit run, if at all
    from_digits = number and (words or _any_from_digits(text))
    money = from_digits and (not words or low is None or _MONEY_WORD_LOW(low) is not None)
    found: list[Candidate] = []
    if number:
        found.extend(_range_candidates(text, low))
    if from_digits:
        found.extend(_ratio_candidates(text, words))
    if rare and any_in(low, FRACTION_WORDS):
        found.extend(_fraction_candidates(text))
    if rare and any_in(low, VAGUE_WORDS):
        found.extend(_vague_candidates(text))
    if words:
        found.extend(_word_candidates(text))
    if digit:
        found.extend(_digit_candidates(text))
    found.extend(_single_unit_candidates(text))
    if from_digits:
        found.extend(duration_candidates(text, words))
    if half:
        found.extend(and_a_half_candidates(text))
    if has_vulgar(text):
        found.extend(vulgar_candidates(text))
    if fold:
        found.extend(fold_candidates(text))
    if number and "/" in text:
        found.extend(slash_fraction_candidates(text))
    if money:
        found.extend(money_pair_candidates(text, words))
    return found
