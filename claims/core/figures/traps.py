"""Numbers that are not figures: dates, clock times, phone numbers, designations.

Each pattern describes a general written form (a month name beside a day, "a.m.", a
letter-hyphen-digit model name, digit groups after a leading 0), never a particular
string, so the same rules hold on articles the dev set has never seen. The figure parser
drops any number that overlaps one of these spans.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from claims.core.figures.candidate import Candidate
from claims.core.figures.gates import TRAP_GATES, TRAP_SEQUENCES, claim_folded
from claims.core.figures.money import CODES
from claims.core.figures.numbers import WORD_NUMBER, alternation, word_set
from claims.core.figures.units import is_plural

_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November"
    r"|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)"
)
_MONTH_LOWER = (
    r"(?:(?i:jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\.|(?i:january|february|april|june"
    r"|july|august|september|october|november|december))"
)
"""Month names a lower-case or tokenised text writes ("oct. 13", "december 1"); a lower-case
"may" or "march" before a number is a verb as often as a date."""
_MONTH_ANY = rf"(?i:{_MONTH})"
_CODES = alternation(CODES)
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
DESIGNATORS = word_set(
    "article articles section chapter clause paragraph resolution amendment route highway "
    "interstate flight gate platform room level phase stage category grade division act rule "
    "title line bus block building floor no. nr. number vol. volume page episode season "
    "channel track lane pier terminal ward zone sector apartment suite model version windows "
    "formula apollo soyuz boeing airbus galaxy iphone protocol directive regulation bill "
    "motion item table figure annex schedule unit junction exit nikkei stoxx russell nasdaq "
    "dow euro fortune forbes district precinct tower hall station terminal camp wing bay "
    "berth hangar reactor plot lot cell court pitch stand carriage coach runway checkpoint "
    "bunker studio area road street avenue square pavilion sector silo vault"
)
"""Words that turn the number after them into a name ("Article 5", "junction 5")."""
_DESIGNATED = re.compile(
    r"(?P<w>[A-Za-z](?<!\w.)[A-Za-z]*\.?)\s+\d+[A-Za-z]?\b"  # (?<!\w.): "\b", after the letter
    # a list after a plural designator: "junctions 10 and 11", "Articles 4, 5 or 6"
    r"(?:\s*(?:,|and|or|to|[-–])\s*\d+[A-Za-z]?\b)*"
    # a variant name chained on: "Boeing 737 Max 9", "Windows 11 Pro 2"
    r"(?:\s+[A-Z][A-Za-z]+\s+\d+[A-Za-z]?\b)?"
)
_SMALL_WORD = (
    r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen"
    r"|fifteen|sixteen|seventeen|eighteen|nineteen|twenty)"
)
_NOT_BEFORE_PLURAL = r"(?!\s+(?:[a-z]+s|people|children|men|women|staff|police)\b)"
"""A guard: "stage three people" or "245 for six charities" still count things."""
_TRAP_SOURCES: tuple[str, ...] = (
    # a designation in words: "day two", "round three", "phase four", "game seven"
    rf"(?i:\b(?:day|round|stage|phase|level|game|category|grade|division|season|series"
    rf"|episode|chapter|part|tier|group|week|leg|set|heat|race|act|lane|gate|platform)\s+"
    rf"{_SMALL_WORD}\b){_NOT_BEFORE_PLURAL}",
    # a cricket total, runs for wickets: "245 for six", "180-4"
    rf"\b\d{{2,3}}\s+for\s+(?:[0-9]|10|(?i:{_SMALL_WORD}))\b{_NOT_BEFORE_PLURAL}",
    # calendar dates: "Sept 13", "December 10, 2026", "13 September", "1st of May"
    rf"\b(?:{_MONTH}\.?|{_MONTH_LOWER})\s+\d{{1,2}}(?:st|nd|rd|th)?\b(?:,?\s+\d{{4}}\b)?",
    rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH_ANY}\b\.?(?:,?\s+\d{{4}}\b)?",
    rf"\b{_WEEKDAY},?\s+\d{{1,2}}(?:st|nd|rd|th)?\b",
    r"\b\d{4}-\d{2}-\d{2}\b",
    # (not a fraction: "7 3/4 %", "101 1/4", "a 1/4 mile", "1/2 cup")
    r"(?<!\d\s)\b\d{1,2}/\d{1,2}(?:/\d{2,4})?\b(?!\s?(?:%|(?i:per\s?cent|percent|points?"
    r"|miles?|inch(?:es)?|cups?|teaspoons?|tablespoons?|pounds?|ounces?|of\s+an?)\b))",
    # clock times: "2 a.m.", "8pm", "18:40", "9 o'clock"
    r"\b\d{1,2}(?:[:.]\d{2})?\s*(?:[aApP]\.[mM]\.?|[aApP][mM]\b)",
    r"(?i:\b\d{1,2}[:.]\d{2}\s*(?:GMT|UTC|BST|CET|EST|local\s+time)\b)",
    r"\b\d{1,2}:\d{2}(?::\d{2})?\b",
    r"\b\d{1,2}\s*o['’]clock\b",
    r"\b\d{4}\s*(?:GMT|UTC|hrs|hours\s+(?:GMT|UTC|local))\b",
    # phone numbers: a leading 0 then more digit groups, international, US style
    r"(?<![\w,.])0\d{1,4}(?:[ \-]\d{2,4}){1,4}(?![\w])",
    r"\+\d{1,3}(?:[ \-]?\(?\d{1,4}\)?){2,6}",
    r"(?<![\w,.])\(?\d{3}\)?[ \-.]\d{3}[\-.]\d{4}(?![\w])",
    # designations and model names: "Su-34", "F-16", "Covid-19", "Article 5", "G7"
    r"\b[A-Za-z]{1,12}-\d+[A-Za-z\d]*\b",
    rf"\b(?!(?=[A-Z]{{3}}\d)(?:{_CODES})\d)[A-Za-z]+\d+[A-Za-z\d]*\b",
    # index and product names: an all-caps word then a number ("FTSE 100", "S&P 500")
    r"\b(?!(?:USD|EUR|GBP|CHF|JPY|CNY|SEK|NOK|DKK|CZK|PLN|INR|RUB|UAH|GW|MW|KM|KG|MM|CM)\b)"
    r"[A-Z][A-Z&]+\s\d+\b(?![.,]\d)",
    r"(?:#|\bNo\.?\s?)\d+\b",
    # ordinals and decades: "21st", "the 1990s", "the late 2030s", "'90s"
    r"\b\d+(?:st|nd|rd|th)\b",
    r"(?=[\d'’])(?:\b\d{2}|\b\d{4}|['’]\d{2})['’]?s\b",
    # year spans: "2021–2029", "2024-25"
    r"\b(?:1[89]|20|21)\d{2}\s*[-–—/]\s*(?:(?:1[89]|20|21)\d{2}|\d{2})\b",
    # a point in time counted back, not a duration: "two weeks ago", "three years earlier"
    rf"(?i:\b(?:\d+|an?|{WORD_NUMBER})\s+(?:seconds?|minutes?|hours?|days?|weeks?|months?"
    r"|years?|decades?)\s+(?:ago|earlier|previously)\b)",
    # a number to ring: "call 101", "dial 999", "text 85258"
    r"(?i:\b(?:call|calling|dial|dialling|dialing|ring|text|texting|phone|phoning)"
    r"\s+(?:us\s+)?(?:on\s+)?\d{3,}\b)",
    # a ranking band, not a count: "the top 10 banks", "a top-five finish" (not "top 1%")
    r"(?i:\btop[\s-](?:\d{1,3}|three|five|ten|twenty|fifty|hundred)\b(?![.,]?\d|\s*%"
    r"|\s*per\s*cent|\s*percent|\s+(?:thousand|million|billion|trillion)\b))",
    # page furniture: "6 min read", "12 comments", "page 3"
    r"(?i:\b\d+\s*(?:min|mins|minute|minutes)\s+read\b)",
    r"(?i:\b\d+\s+comments?\b)",
    r"(?i:\bpage\s+\d+\b)",
    # maturities that name an instrument, not a duration: "10-year bond", "2-year yield"
    r"(?i:\b\d+-(?:year|month|week|day)[\s-](?:bonds?|notes?|bills?|yields?|treasur\w*"
    r"|gilts?|bunds?|mortgages?|paper|securities|swaps?|benchmark|maturity|rate)\b)",
    # scores and versions: "won 3-1", "version 2.1.4"
    r"\b\d+\.\d+\.\d+\b",
    # a street address: "123 Random Street", "10 Downing St"
    r"\b\d{1,5}[A-Za-z]?\s+(?:[A-Z][a-z]+\s+){1,3}(?:Street|St|Road|Rd|Avenue|Ave|Boulevard"
    r"|Blvd|Lane|Drive|Place|Square|Terrace|Crescent|Close|Way)\b",
)
TRAP_PATTERNS: tuple[re.Pattern[str], ...] = tuple(re.compile(p) for p in _TRAP_SOURCES)
assert len(TRAP_GATES) == len(TRAP_PATTERNS), "fig_gates.TRAP_GATES must follow _TRAP_SOURCES"

# `fig_gates.trap_may_match` inlined: the gate runs for every pattern of every claim
_GATED_TRAPS = tuple((p, needles, insensitive)
                     for p, (needles, insensitive) in zip(TRAP_PATTERNS, TRAP_GATES, strict=True))


class _Gates:
    """Trap patterns behind their gates. Each distinct needle is looked for once per text
    (one `in` each), then every gate is a set test: cheaper than a scan of each pattern's
    needles in turn."""

    def __init__(self, gated: Sequence[tuple[re.Pattern[str], Sequence[str], bool]]) -> None:
        self.gates = tuple((p, frozenset(ns), i) for p, ns, i in gated)
        self.cased = tuple(sorted({n for _, ns, i in self.gates if not i for n in ns}))
        self.folded = tuple(sorted({n for _, ns, i in self.gates if i for n in ns}))

    def patterns(self, text: str, low: str | None) -> list[re.Pattern[str]]:
        """The patterns `fig_gates.trap_may_match` lets run on `text` (`low`: its fold)."""
        if low is None:  # no exact fold: every case-insensitive pattern runs
            return [p for p, needles, insensitive in self.gates
                    if not needles or insensitive or any(map(text.__contains__, needles))]
        cased = {n for n in self.cased if n in text}
        folded = {n for n in self.folded if n in low}
        return [p for p, needles, insensitive in self.gates
                if not needles or not needles.isdisjoint(folded if insensitive else cased)]


_ALL_GATES = _Gates(_GATED_TRAPS)
gated_patterns = _ALL_GATES.patterns


_YEAR_RANGE = (1800, 2100)
_FOUR_DIGITS = re.compile(r"\d{4}")


_SCORE = re.compile(r"(?<![\w.,])(?P<a>\d{1,3})\s?[-–]\s?(?P<b>\d{1,3})(?![\w%]|[.,]\d)")


_SPORT = re.compile(
    r"(?i:\b(?:beat|beats|beaten|won|win|wins|lost|lose|loses|drew|draw|defeat\w*|victory"
    r"|score\w*|scoreline|lead|led|trail\w*|aggregate|match|game|final|semi-final|set|sets"
    r"|goals?|innings|points? to)\b)"
)


_MARGIN = 60
"""Context scanned either side of a number: longer than any trap form ("0800 211 450")."""


def windows_around(text: str, spans: list[tuple[int, int]]) -> tuple[tuple[int, int], ...]:
    """Merged stretches of `text` around the given spans, so traps scan only near numbers."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        lo, hi = max(0, start - _MARGIN), min(len(text), end + _MARGIN)
        if merged and lo <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], hi))
        else:
            merged.append((lo, hi))
    return tuple(merged)


# -- the scan ---------------------------------------------------------------------------
# Most trap forms start on a digit with no word character before it ("18:40", "21st",
# "0800 211 450") or one character before such a digit ("(555) 123-4567", "'90s"). A
# match can only start at the first digit of a run of digits (or just before it), so
# those forms are tried together, as lookaheads of one pattern, only there: each form
# keeps its own matches, the next one searched from the end of the last, as `finditer`
# does. The other forms (a word, "#", "+" first) scan the stretch behind their gates.
_DIGIT_FIRST = (1, 3, 5, 6, 7, 8, 9, 10, 11, 12, 14, 19, 20, 21, 25, 26, 28, 29, 30)
"""Indexes of the forms whose every match starts on a digit that follows no word
character, or on the "(" or apostrophe right before one (forms 14 and 20)."""
_BEFORE_DIGIT = frozenset("('’")
_AT_DIGITS = re.compile("".join(f"(?:(?=(?P<t{i}>{_TRAP_SOURCES[i]}))|)" for i in _DIGIT_FIRST))
_AT_GROUPS = tuple(_AT_DIGITS.groupindex[f"t{i}"] for i in _DIGIT_FIRST)
_AT_DIGITS_GATE = re.compile(
    r"\d++(?:[-/:.'’)–—snrt]|[aApP]\.?[mM]|[oGUh]|(?i:min)|[A-Za-z]\s"
    r"|\s+(?:for|of|o['’]|[aApP]\.?[mM]|GMT|UTC|hrs|hours|(?i:min|comment)|[A-Z\d]|[-–—/]"
    r"|(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)))"
)
"""What some digit-first form needs right after a run of digits, read form by form: a
dash, slash, colon, point, bracket or apostrophe ("2024-01-05", "5/11", "18:40",
"'90s"), an ordinal or decade ending ("21st", "1990s"), "am"/"pm", "o'clock", "GMT",
"hrs", "min" ("8pm", "6 min read"), a letter then a space ("10A Downing"), or spaces and
then "for", "of", a month, a capital or a digit ("245 for", "13 September", "123 Random
Street", "0800 211"). A necessary condition, matched at the run (forms tried at the "("
or apostrophe before it need the same): "12 people", "1,500" and "40%" meet none, and
the nineteen forms are not tried there."""
_OTHER_FORMS = tuple((p, TRAP_SEQUENCES.get(i)) for i, p in enumerate(TRAP_PATTERNS)
                     if i not in _DIGIT_FIRST)


def _other_patterns(text: str, low: str | None) -> list[re.Pattern[str]]:
    """The forms that do not start on a digit which can match in `text` (`low`: its
    fold), by the sequences of `fig_gates.TRAP_SEQUENCES` (a form without one always
    runs; forms 16 and 17 are gated in `trap_spans`). A subset of what `gated_patterns`
    lets run, holding every form that matches (`tests/core/test_speed_speed7.py`)."""
    out = []
    for pattern, gate in _OTHER_FORMS:
        if gate is not None:
            seq, insensitive = gate
            if (low is not None and seq.search(low) is None) if insensitive else (
                    seq.search(text) is None):
                continue
        out.append(pattern)
    return out

_LETTER_DIGIT = TRAP_PATTERNS[16]  # "G7", "A320": letters glued to digits
_CAPS_DIGIT = TRAP_PATTERNS[17]  # "FTSE 100": capitals, one space, digits
_DIGIT_RUN = re.compile(r"\d\d*")  # `\d+`, opening on a set (see gates._DIGIT_RUN)
_ASCII_LETTERS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")
_CAPS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ&")


def _designator_before(text: str, lo: int, r: int) -> bool:
    """Whether the word before the spaces before text[r] is a designator ("Article 5"):
    the word `_DESIGNATED` would read there as `w`, letters and an optional dot."""
    j = r - 1
    while j >= lo and text[j].isspace():
        j -= 1
    end = j + 1
    if j >= lo and text[j] == ".":
        j -= 1
    while j >= lo and text[j] in _ASCII_LETTERS:
        j -= 1
    word = text[j + 1 : end].lower()
    return word in DESIGNATORS or (word.endswith("s") and word[:-1] in DESIGNATORS)


def _digit_first_spans(text: str, lo: int, hi: int, spans: list[tuple[int, int]]) -> int:
    """Add the matches of the digit-first forms in text[lo:hi] (as `finditer(text, lo,
    hi)` of each finds them) to `spans`; return what the runs say of forms 16 and 17
    and of designations: bit 1, a digit run right after an ASCII letter; bit 2, after a
    capital (or "&") and one space; bit 4, after a designator word and spaces (each a
    necessary condition; over-approximated, which only runs the scan)."""
    nxt = [lo] * len(_AT_GROUPS)
    seen = 0
    for run in _DIGIT_RUN.finditer(text, lo, hi):
        r = run.start()
        before = text[r - 1] if r > 0 else ""
        if before in _ASCII_LETTERS:
            seen |= 1
        elif before.isspace():
            if r > 1 and text[r - 2] in _CAPS:
                seen |= 2
            if not seen & 4 and _designator_before(text, lo, r):
                seen |= 4
        if before and (before.isalnum() or before == "_"):
            continue  # "\b" or "(?<![\w…])" fails before every digit-first form
        if _AT_DIGITS_GATE.match(text, r, hi) is None:
            continue  # no digit-first form can match here (most runs)
        starts = (r - 1, r) if before in _BEFORE_DIGIT and r - 1 >= lo else (r,)
        for at in starts:
            m = _AT_DIGITS.match(text, at, hi)  # always matches: each form is optional
            if m is None or m.lastindex is None:
                continue  # no form matches here (most runs)
            regs = m.regs
            for k, g in enumerate(_AT_GROUPS):
                s, e = regs[g]
                if s >= nxt[k]:  # a form's matches never overlap: the next from its end
                    spans.append((s, e))
                    nxt[k] = e
    return seen


def trap_spans(
    text: str, windows: tuple[tuple[int, int], ...] | None = None
) -> tuple[tuple[int, int], ...]:
    """Spans of `text` where a number is a date, time, phone number or designation.

    `windows` limits the scan to stretches around candidate numbers (a speed-up for long
    articles); the default scans the whole text.
    """
    spans: list[tuple[int, int]] = []
    scan = windows if windows is not None else ((0, len(text)),)
    if not scan:
        return ()
    low = claim_folded(text)  # (memoised: asked of a claim by both steps and the frames)
    # only the patterns whose literals occur in the text (fig_gates): the same spans
    patterns = _other_patterns(text, low)
    score = "-" in text or "–" in text
    for lo, hi in scan:
        seen = _digit_first_spans(text, lo, hi, spans)
        for pattern in patterns:
            if (pattern is _LETTER_DIGIT and not seen & 1) or (
                    pattern is _CAPS_DIGIT and not seen & 2):
                continue
            spans.extend(m.span() for m in pattern.finditer(text, lo, hi))
        # a match whose word is no designator is dropped: without one, none is kept
        for m in _DESIGNATED.finditer(text, lo, hi) if seen & 4 else ():
            word = m["w"].lower()
            if word in DESIGNATORS or (word.endswith("s") and word[:-1] in DESIGNATORS):
                spans.append(m.span())
        if not score:
            continue
        # a falling pair ("beat Arsenal 3-1", "a 5-5 draw") is a score, not a range
        for m in _SCORE.finditer(text, lo, hi):
            context = text[max(0, m.start() - 40) : m.end() + 25]
            if int(m["a"]) >= int(m["b"]) or _SPORT.search(context):
                spans.append(m.span())
    return tuple(sorted(spans))


def overlaps(spans: Sequence[tuple[int, int]], start: int, end: int) -> bool:
    """Whether [start, end) touches any span (spans are few, a scan is fine)."""
    return any(s < end and start < e for s, e in spans)


def is_year_like(raw: str) -> bool:
    """A plain four-digit number in the years news writes about (no comma, no decimal)."""
    if len(raw) != 4 or not _FOUR_DIGITS.fullmatch(raw):
        return False
    return _YEAR_RANGE[0] <= int(raw) <= _YEAR_RANGE[1]


# -- years: a four-digit number is a date unless the words around it count things ---------

_NEXT_WORD = re.compile(r"\s+(?P<w>[A-Za-z][\w'’-]*)")
_PREV_WORD = re.compile(r"(?P<w>[A-Za-z][\w'’-]*)\s+$")


def is_bare_year(c: Candidate) -> bool:
    """A plain four-digit year such as 2019 (no currency, scale, symbol or comma)."""
    return c.kind == "digits" and is_year_like(c.raw)


_YEAR_BEFORE = word_set(
    "the a an in of since by from until till to for during before after between and or its "
    "their his her our this that which early late mid fiscal year"
)
_EVENT_NOUNS = word_set(
    "elections polls games olympics floods fires protests riots attacks talks accords "
    "negotiations championships finals results figures accounts budgets levels prices "
    "rates estimates forecasts sales earnings profits revenues losses returns"
)


def year_is_a_count(text: str, start: int, end: int, qualified: bool) -> bool:
    """Whether a year-shaped number counts things: "killed 1500 troops", "over 2000 people".

    "the 2019 floods", "in 2019, when" and "since 2021" stay years: a determiner or
    preposition before, or no lowercase plural count noun after, means a date.
    """
    after = _NEXT_WORD.match(text, end)
    noun = after.group("w") if after else ""
    if not (noun.islower() and is_plural(noun)) or noun in _EVENT_NOUNS:
        return False
    if qualified:
        return True
    before = _PREV_WORD.search(text, max(0, start - 30), start)
    return not (before and before.group("w").lower().strip("'’s") in _YEAR_BEFORE)
