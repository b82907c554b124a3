"""The measure lexicon: each unit's canonical singular name with its spellings and symbols.

News and the text it is copied from write one unit many ways: "kilometres", "kilometers",
"km", "kms"; "°C", "degrees C", "deg celsius", "celcius"; "512GB", "2 TB". Every spelling
maps to one singular noun in British spelling ("kilometre", "degree Celsius",
"gigabyte"), so figures that measure the same thing carry the same unit and
`claims.core.figures.convert` can relate them. Words match in any case; symbols keep
their case where it carries meaning ("MB" a megabyte, "Mb" a megabit, "mb" a millibar).
"""

from __future__ import annotations

import re

CELSIUS = "degree Celsius"
FAHRENHEIT = "degree Fahrenheit"

# (canonical name, other written forms); the plural of the name and of every form
# ending in a letter is added by `_plural` unless the form is listed as it is
_WORDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("kilometre", ("kilometer", "kms")),
    ("metre", ("meter",)),
    ("centimetre", ("centimeter",)),
    ("millimetre", ("millimeter",)),
    ("micrometre", ("micrometer", "micron")),
    ("nanometre", ("nanometer",)),
    ("picometre", ("picometer",)),
    ("decimetre", ("decimeter",)),
    ("mile", ()),
    ("nautical mile", ()),
    ("foot", ("feet",)),
    ("inch", ("inches",)),
    ("yard", ()),
    ("square kilometre", ("square kilometer", "square km", "sq km", "sq. km", "sq.km")),
    ("square metre", ("square meter", "sq m", "sq. m")),
    ("square mile", ("sq mi", "sq. mi")),
    ("square foot", ("square feet", "sq ft", "sq. ft", "sq. ft.")),
    ("square inch", ("square inches",)),
    ("cubic metre", ("cubic meter",)),
    ("cubic foot", ("cubic feet",)),
    ("hectare", ()),
    ("acre", ()),
    ("litre", ("liter",)),
    ("millilitre", ("milliliter",)),
    ("gallon", ()),
    ("barrel", ()),
    ("pint", ()),
    ("quart", ()),
    ("cup", ()),
    ("teaspoon", ()),
    ("tablespoon", ()),
    ("kilogram", ("kilogramme", "kilo")),
    ("gram", ("gramme",)),
    ("milligram", ("milligramme",)),
    ("microgram", ("microgramme",)),
    ("tonne", ("metric ton", "metric tonne")),
    ("ton", ()),
    ("ounce", ()),
    ("carat", ()),
    ("mile per hour", ("miles an hour", "mile an hour")),
    ("kilometre per hour", ("kilometers per hour", "kilometres an hour", "kilometers an hour")),
    ("metre per second", ("meters per second",)),
    ("knot", ()),
    ("watt", ()),
    ("kilowatt", ()),
    ("megawatt", ()),
    ("gigawatt", ()),
    ("terawatt", ()),
    ("kilowatt hour", ("kilowatt-hour",)),
    ("megawatt hour", ("megawatt-hour",)),
    ("gigawatt hour", ("gigawatt-hour",)),
    ("terawatt hour", ("terawatt-hour",)),
    ("horsepower", ()),
    ("joule", ()),
    ("calorie", ()),
    ("kilocalorie", ()),
    ("volt", ()),
    ("kilovolt", ()),
    ("ampere", ("amp",)),
    ("milliampere hour", ("milliamp hour", "milliampere-hour", "milliamp-hour")),
    ("hertz", ()),
    ("kilohertz", ()),
    ("megahertz", ()),
    ("gigahertz", ()),
    ("byte", ()),
    ("kilobyte", ()),
    ("megabyte", ()),
    ("gigabyte", ()),
    ("terabyte", ()),
    ("petabyte", ()),
    ("bit", ()),
    ("kilobit", ()),
    ("megabit", ()),
    ("gigabit", ()),
    ("megabit per second", ()),
    ("gigabit per second", ()),
    ("pascal", ()),
    ("hectopascal", ()),
    ("millibar", ()),
    ("decibel", ()),
    ("kelvin", ()),
    ("radian", ()),
    ("degree", ()),
    ("percentage point", ("percent point", "per cent point")),
    ("basis point", ()),
    ("part per million", ("parts per million",)),
    ("part per billion", ("parts per billion",)),
    ("revolution per minute", ("revolutions per minute",)),
    ("percent", ("per cent", "pct", "percentage")),
)
_INVARIANT = frozenset(
    ("feet", "inches", "hertz", "kilohertz", "megahertz", "gigahertz", "horsepower",
     "kelvin", "percent", "per cent", "pct", "percentage", "kms")
)  # fmt: skip
"""Forms with no plural of their own ("percentage" is the share, not a count of them)."""


def _plural(form: str) -> str:
    """'square kilometre' → 'square kilometres'; 'mile per hour' → 'miles per hour'."""
    words = form.split(" ")
    i = 0 if len(words) > 2 and words[1] in ("per", "an") else len(words) - 1
    w = words[i]
    words[i] = w + ("es" if w.endswith(("ch", "sh", "s", "x")) else "s")
    return " ".join(words)


def _word_table() -> dict[str, str]:
    table: dict[str, str] = {}
    for name, forms in _WORDS:
        for form in (name, *forms):
            table[form] = name
            if form not in _INVARIANT and form[-1].isalpha() and not form.endswith("s"):
                table.setdefault(_plural(form), name)
    return table


MEASURES: dict[str, str] = _word_table()
"""Unit words, lower case, as written → canonical name."""
MEASURES.update({
    "degrees celsius": CELSIUS, "degree celsius": CELSIUS, "degrees fahrenheit": FAHRENHEIT,
    "degree fahrenheit": FAHRENHEIT, "celsius": CELSIUS, "centigrade": CELSIUS,
    "fahrenheit": FAHRENHEIT, "percentage points": "percentage point",
})  # fmt: skip

SYMBOLS: dict[str, str] = {
    "km": "kilometre", "m": "metre", "cm": "centimetre", "mm": "millimetre",
    "μm": "micrometre", "µm": "micrometre", "nm": "nanometre", "dm": "decimetre",
    "mi": "mile", "ft": "foot", "in": "inch", "yd": "yard", "yds": "yard",
    "km²": "square kilometre", "km2": "square kilometre", "m²": "square metre",
    "m2": "square metre", "ft²": "square foot", "sqft": "square foot", "m³": "cubic metre",
    "m3": "cubic metre", "ha": "hectare", "l": "litre", "ml": "millilitre",
    "kg": "kilogram", "kgs": "kilogram", "g": "gram", "mg": "milligram", "μg": "microgram",
    "µg": "microgram", "mcg": "microgram", "t": "tonne", "oz": "ounce", "lb": "pound weight",
    "lbs": "pound weight", "mph": "mile per hour", "km/h": "kilometre per hour",
    "km/hr": "kilometre per hour", "kmh": "kilometre per hour", "kph": "kilometre per hour",
    "kmph": "kilometre per hour", "m/s": "metre per second", "kt": "knot", "kts": "knot",
    "W": "watt", "kW": "kilowatt", "KW": "kilowatt", "kw": "kilowatt", "MW": "megawatt",
    "mw": "megawatt", "GW": "gigawatt", "gw": "gigawatt", "TW": "terawatt",
    "kWh": "kilowatt hour", "kwh": "kilowatt hour", "KWh": "kilowatt hour",
    "MWh": "megawatt hour", "mwh": "megawatt hour", "GWh": "gigawatt hour",
    "gwh": "gigawatt hour", "TWh": "terawatt hour", "twh": "terawatt hour",
    "hp": "horsepower", "bhp": "horsepower", "kcal": "kilocalorie", "V": "volt",
    "kV": "kilovolt", "mAh": "milliampere hour", "mah": "milliampere hour",
    "Hz": "hertz", "kHz": "kilohertz", "MHz": "megahertz", "GHz": "gigahertz",
    "hz": "hertz", "khz": "kilohertz", "mhz": "megahertz", "ghz": "gigahertz",
    "KB": "kilobyte", "kB": "kilobyte", "kb": "kilobyte", "MB": "megabyte",
    "GB": "gigabyte", "gb": "gigabyte", "TB": "terabyte", "tb": "terabyte",
    "PB": "petabyte", "Kb": "kilobit", "Mb": "megabit", "Gb": "gigabit",
    "Mbps": "megabit per second", "mbps": "megabit per second", "Mbit/s": "megabit per second",
    "Gbps": "gigabit per second", "gbps": "gigabit per second",
    "hPa": "hectopascal", "mb": "millibar", "mbar": "millibar", "dB": "decibel",
    "db": "decibel", "rad": "radian", "deg": "degree", "°": "degree",
    "pp": "percentage point", "ppt": "percentage point", "bp": "basis point",
    "bps": "basis point", "ppm": "part per million", "ppb": "part per billion",
    "rpm": "revolution per minute", "%": "percent", "pc": "percent", "pct": "percent",
    "bpd": "barrel per day", "b/d": "barrel per day",
}  # fmt: skip
"""Unit symbols, case as written. A symbol whose case carries no meaning also matches in
upper and title case ("KM", "Kg"); those listed with several cases do not."""

ATTACHED_ONLY = frozenset(
    ("in", "g", "ha", "pc", "m", "t", "l", "W", "V", "mi", "kt", "rad", "m2", "m3", "b/d")
)  # fmt: skip
"""Symbols that are also words or letters: a unit only when glued to the number ("9in",
"100t"); "280,000 in the north" is a preposition."""
_CASED = frozenset(
    s for s in SYMBOLS if sum(1 for o in SYMBOLS if o.lower() == s.lower()) > 1 or s != s.lower()
)


def _symbol_forms() -> dict[str, str]:
    out: dict[str, str] = {}
    for sym, name in SYMBOLS.items():
        out[sym] = name
        if sym not in _CASED:
            out.setdefault(sym.upper(), name)
            out.setdefault(sym.capitalize(), name)
    return out


SYMBOL_FORMS: dict[str, str] = _symbol_forms()
"""Every symbol in the cases it may be written in → canonical name."""

TEMPERATURE = re.compile(
    r"\s*(?:°\s?|(?:degrees?|degs?)\.?\s*)?"
    r"(?P<c>ce[lc]{1,2}[iu]?[cs]?i?us|centigra[dt]e)(?![\w])"
    r"|\s*(?:°\s?|(?:degrees?|degs?)\.?\s*)?(?P<f>f[ae]h?r[ae]nh?[ae]?i?g?h?t)(?![\w])"
    r"|\s*(?:°\s?|(?:degrees?|degs?)\.?\s+|(?:degrees?|degs?)\.?(?=[CF]\b))(?P<l>[cfCF])(?![\w])"
    r"(?!\.\w)",
    re.IGNORECASE,
)
"""A temperature after a number, in every spelling the scale name is written ("°C",
"degrees F", "deg celsius", "celcius", "farenheit"); a bare letter needs a degree mark
or word before it ("20 degrees c"), glued letters ("5C") are read with the number."""


def temperature_unit(m: re.Match[str]) -> str:
    """The canonical scale a `TEMPERATURE` match names."""
    if m.group("c"):
        return CELSIUS
    if m.group("f"):
        return FAHRENHEIT
    return CELSIUS if m.group("l").lower() == "c" else FAHRENHEIT


TEMPERATURES = frozenset((CELSIUS, FAHRENHEIT, "kelvin"))
