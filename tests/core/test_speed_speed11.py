"""The eleventh speed round's gates are necessary conditions: where a gate does not
match, none of the patterns behind it does, on random text built from the words and
punctuation they read (with the characters `re.IGNORECASE` matches to ASCII letters)."""

from __future__ import annotations

from hypothesis import example, given
from hypothesis import strategies as st

from claims.core.figures import units

_LEXICAL = (units.TEMPERATURE, units._COUNTRY_CURRENCY, units._SYMBOL_AT,
            units._SPACED_METRE, units._SPACED_HYPHEN, units._CODE_AT, units._UNIT_AT)
_OF = (units._OF_PRONOUN, units._OF_DETERMINER, units._OF_NUMBER, units._OF_PLAIN)
_PIECES = ("12", " ", "  ", "\n", "-", " - ", "°", "C", "degrees", "celsius", "F", "m",
           "km", "kg", "(", ")", "[", "]", "%", "USD", "EUR", "$", "mexican", "pesos",
           "dollars", "years", "people", "of", "out", "them", "the", "their", "to", "and",
           "or", "long", "x", ".", ",", "ſ", "K", "İ", "Velmora", "per", "a")


@given(st.lists(st.sampled_from(_PIECES), max_size=10).map("".join))
@example(" (kg)")
@example(" mexican pesos")
@example(" - year bonds")
@example(" out of them")
@example(" of the 40")
def test_the_unit_gates_hold_every_match(text: str) -> None:
    for end in range(len(text) + 1):
        if units._LEXICAL_ANY.match(text, end) is None:
            assert all(p.match(text, end) is None for p in _LEXICAL)
        if units._OF_OPENS.match(text, end) is None:
            assert all(p.match(text, end) is None for p in _OF)


def test_the_gates_let_the_forms_through() -> None:
    assert units.unit_after("12 kg of rice", 2, 12.0).unit == "kilogram"
    assert units.unit_after("40 of them", 2, 40.0).link == "previous"
    assert units.unit_after("12-year terms", 2, 12.0).noun == "year"
