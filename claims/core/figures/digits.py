"""Numbers written in digits: "12", "1,240", "$ 75", "Rs 4,500-crore", "27 %", "30 MUSD".

One pattern (`DIGIT_RE`) reads a sign, a currency before the number, the digits, a scale
and a unit glued or spaced after them; `digit_value` turns its groups into a value and a
unit. `digit_matches` finds its matches as `finditer` does, starting each search at a
digit, and where nothing before the digit can belong to the number, at the digit itself:
a claim's numbers are found without trying every position of it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import NamedTuple

from claims.core.figures import money
from claims.core.figures.gates import DIGIT
from claims.core.figures.measures import CELSIUS, FAHRENHEIT, SYMBOL_FORMS
from claims.core.figures.numbers import DIGITS, SCALE_SUFFIX, alternation, parse_digits, scale_of
from claims.core.textkeys import fold

_CODES_UPPER = alternation(money.CODES)
_CODE_SCALE = r"(?:thousand|million|billion|trillion|bn|mn)"
_GLUED_SYMBOLS = alternation(s for s in SYMBOL_FORMS if s not in ("m", "%", "°", "deg"))
_ATTACHED = (
    r"\s?%|°\s?[CF]\b|°|(?-i:[CFc])(?![\w])|(?-i:p)(?![\w])"
    rf"|(?-i:{_GLUED_SYMBOLS})(?![\w/²³])"
    # a currency after the number: "15 €", "100₾", "115USD", "30 MUSD", "75 USD million"
    r"|\s?[$€£¥₹₽₴₩₪₺₦₱₫₡₾₭₿元](?![\w$])(?!\s?[\d$€£¥])"
    rf"|(?-i:(?:\s?[Mk]|\s(?=(?:{_CODES_UPPER})\s{_CODE_SCALE}\b)|)(?:{_CODES_UPPER})"
    rf"(?:\s{_CODE_SCALE})?(?![\w$]))"
)
_ATTACHED_OPENS = r"(?=\S|\s(?-i:[%$€£¥₹₽₴₩₪₺₦₱₫₡₾₭₿元kA-Z]))"
"""What `_ATTACHED` can begin with: a spaced one has "%", a currency sign, the "M"/"k" of a
scaled code or a code after its one space ("27 %", "75 USD"). A lookahead in front of it:
after "12 people" the long alternations of symbols and codes are not tried."""
CURRENCY = (
    rf"(?:(?=[^\w\s]|[\w.]{{1,4}}\s?\$)(?:{money.SYMBOL_RE})\s?|(?i:rs)\.?\s?"
    rf"|(?-i:(?=[A-Z]{{3}}\s?\d|[a-z]{{3}}\s?\d)(?:{money.CODE_RE}))\s?)"
)
"""A currency before the number, spaced or not: "$75", "$ 75", "HK$", "Rs 500", "USD 40"."""
_CODE_SUFFIX = re.compile(
    rf"\s?(?P<k>[Mk]?)(?P<c>{_CODES_UPPER})(?:\s(?P<s>[a-z]+))?"
)


def _attached_unit(att: str) -> tuple[str | None, float]:
    """The unit a symbol glued to (or spaced after) the digits names, and any scale it
    carries ("30 MUSD" is 30 million dollars)."""
    bare = att.strip()
    if bare == "c":  # "99c": cents (Celsius is written with a capital, "34C")
        return "cent", 1.0
    if bare in ("C", "F") or bare.startswith("°") and bare[-1] in "CF":
        return (CELSIUS if bare[-1] == "C" else FAHRENHEIT), 1.0
    if bare == "p":
        return "penny", 1.0
    if bare in SYMBOL_FORMS:
        return SYMBOL_FORMS[bare], 1.0
    if bare == "°":
        return "degree", 1.0
    if bare[0] == "%":
        return "percent", 1.0
    code = _CODE_SUFFIX.fullmatch(att)
    if code:
        scale = {"M": 1e6, "k": 1e3}.get(code.group("k"), 1.0) * scale_of(code.group("s"))
        return money.CODES[code.group("c")], scale
    return money.symbol_unit(bare), 1.0


def digit_number(p: str) -> str:
    """Regex source for a number in digits, its groups named with the prefix `p` (a
    range holds two: "a" and "b")."""
    return (
        rf"(?P<{p}sign>[-−](?=[\d$€£.]))?(?P<{p}cur>{CURRENCY})?(?P<{p}num>{DIGITS})"
        rf"(?P<{p}scale>{SCALE_SUFFIX})?(?:{_ATTACHED_OPENS}(?P<{p}att>{_ATTACHED}))?"
    )


NUMBER_END = r"(?![\w])(?![.,:]\d)"
NUMBER_START = r"(?<![\w.,/:\-−])"
_I = re.IGNORECASE

DIGIT_RE = re.compile(NUMBER_START + digit_number("") + NUMBER_END, _I)
DIGIT_REACH = 16
"""Characters a `DIGIT_RE` match can hold before its first digit: a sign, a currency
written before the number ("U.S. $ ", "Rs. ", "USD ") and a decimal point: 9 at most."""


class Num(NamedTuple):
    """A number's value, the unit its symbols name, whether a scale multiplied it, and
    its digits as written."""

    value: float
    unit: str | None
    scaled: bool
    raw: str


DIGIT_GROUPS = {
    p: tuple(p + g for g in ("num", "scale", "sign", "att", "cur")) for p in ("", "a", "b")
}
"""The groups of `digit_number(p)`, by prefix, in `digit_value`'s order (one `group`
call reads them all)."""


def digit_value(
    num: str, scale: str | None, sign: str | None, att: str | None, cur: str | None
) -> Num:
    """A number written in digits, with its currency/percent/scale."""
    value = parse_digits(num) * scale_of(scale) if scale else parse_digits(num)
    if sign:
        value = -value
    unit = money.symbol_unit(cur) if cur else None
    scaled = bool(scale)
    if att:
        att_unit, mult = _attached_unit(att)
        unit = att_unit or unit
        value *= mult
        scaled = scaled or mult != 1.0
    return Num(value, unit, scaled, num)


_PREFIX_LETTERS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyzſ")
"""Letters `(?i:rs)` and the currency codes can match ("ſ" is an "s" under (?i))."""
_CODES_BEFORE = frozenset(money.CODE_FORMS)


def _may_start_before(text: str, lo: int, digit: int) -> bool:
    """Whether a `DIGIT_RE` match can start in text[lo:digit], before its first digit.

    What stands there is a sign, a currency, a decimal point, and one space at most
    after the currency ("$ 75", "Rs. 40", "USD 40"). Every currency form with letters
    ends on "$" except "rs" and the three-letter codes, so letters there (directly or
    before one space) must be a word "rs" or a code: "killed 12", "the 12" start on the
    digit, and the search for them need not try the sixteen characters before it."""
    j = digit - 1
    if j >= lo and text[j].isspace():
        j -= 1
        if j >= lo and text[j].isspace():
            return False  # two spaces: no currency form holds them
    if j < lo:
        return False
    if text[j] not in _PREFIX_LETTERS:
        return True  # a sign, a symbol, a point: let the pattern tell
    k = j
    while k >= lo and j - k < 4 and text[k] in _PREFIX_LETTERS:
        k -= 1
    word = text[k + 1 : j + 1]
    return word in _CODES_BEFORE or (len(word) == 2 and fold(word) == "rs")


def digit_matches(text: str) -> Iterator[re.Match[str]]:
    """`DIGIT_RE.finditer(text)` as `finditer_near(DIGIT_RE, text, DIGIT_REACH)` finds
    it, each search started at the digit itself when no match can start before it (the
    leftmost match from either place is then the same)."""
    pos = 0
    while (a := DIGIT.search(text, pos)) is not None:
        digit = a.start()
        lo = max(pos, digit - DIGIT_REACH)
        m = DIGIT_RE.search(text, lo if _may_start_before(text, lo, digit) else digit)
        if m is None:
            return
        yield m
        pos = m.end()


