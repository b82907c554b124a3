"""Currencies: symbols, ISO codes and words, with the country a text names.

"$" alone is a dollar, and stays one; "A$", "AUD" and "Australian dollars" are the
Australian dollar, and a figure keeps that, so a story's "4.2 million New Zealand
dollars" is never compared with its "$4.2 million". The currency a bare word or symbol
means in English news (the US dollar, the pound sterling, the yen, the yuan, the Indian
rupee, the euro) is written as the bare noun whatever the text calls it ("US$",
"pounds sterling", "Indian rupees"), so the same money has one name.
"""

from __future__ import annotations

from claims.core.figures.numbers import alternation

BARE: dict[str, str] = {
    "euros": "euro", "euro": "euro", "dollars": "dollar", "dollar": "dollar", "pounds":
    "pound", "pound": "pound", "sterling": "pound", "crowns": "crown", "kronor": "crown",
    "kroner": "crown", "krona": "crown", "krone": "crown", "korun": "crown", "kronur": "crown",
    "yen": "yen", "yuan": "yuan", "renminbi": "yuan", "rupees": "rupee", "rupee": "rupee",
    "roubles": "rouble", "rouble": "rouble", "rubles": "rouble", "ruble": "rouble",
    "hryvnias": "hryvnia", "hryvnia": "hryvnia", "hryvnias'": "hryvnia", "francs": "franc",
    "franc": "franc", "pesos": "peso", "peso": "peso", "shekels": "shekel", "shekel": "shekel",
    "lira": "lira", "liras": "lira", "lire": "lira", "zlotys": "zloty", "zloty": "zloty",
    "rand": "rand", "naira": "naira", "dinars": "dinar", "dinar": "dinar", "dirhams":
    "dirham", "dirham": "dirham", "riyals": "riyal", "riyal": "riyal", "cents": "cent",
    "cent": "cent", "pence": "penny", "penny": "penny", "forints": "forint", "forint":
    "forint", "lei": "leu", "reais": "real", "won": "won", "ringgit": "ringgit", "baht":
    "baht", "rupiah": "rupiah", "shillings": "shilling", "shilling": "shilling", "pesetas":
    "peseta", "peseta": "peseta", "guilders": "guilder", "guilder": "guilder", "marks":
    "mark", "markka": "markka", "markkas": "markka", "taka": "taka", "dong": "dong",
    "kwacha": "kwacha", "cedis": "cedi", "cedi": "cedi", "bitcoins": "bitcoin",
    "bitcoin": "bitcoin", "satoshis": "satoshi", "lari": "lari", "drams": "dram",
}  # fmt: skip
"""Currency words as written (lower case) → the currency's noun."""

COUNTRY: dict[str, str] = {
    "us": "", "u.s.": "", "american": "", "united states": "", "british": "", "uk": "",
    "indian": "", "japanese": "", "chinese": "", "australian": "Australian", "aussie":
    "Australian", "canadian": "Canadian", "new zealand": "New Zealand", "nz": "New Zealand",
    "hong kong": "Hong Kong", "singapore": "Singapore", "singaporean": "Singapore",
    "taiwan": "Taiwan", "new taiwan": "Taiwan", "taiwanese": "Taiwan", "jamaican":
    "Jamaican", "zimbabwe": "Zimbabwe", "zimbabwean": "Zimbabwe", "namibian": "Namibian",
    "fijian": "Fijian", "liberian": "Liberian", "bahamian": "Bahamian", "barbados":
    "Barbados", "brunei": "Brunei", "swiss": "Swiss", "french": "French", "belgian":
    "Belgian", "cfa": "CFA", "mexican": "Mexican", "argentine": "Argentine", "argentinian":
    "Argentine", "chilean": "Chilean", "colombian": "Colombian", "philippine": "Philippine",
    "cuban": "Cuban", "uruguayan": "Uruguayan", "dominican": "Dominican", "egyptian":
    "Egyptian", "lebanese": "Lebanese", "syrian": "Syrian", "sudanese": "Sudanese",
    "pakistani": "Pakistani", "sri lankan": "Sri Lankan", "nepalese": "Nepalese",
    "nepali": "Nepalese", "mauritian": "Mauritian", "swedish": "Swedish", "norwegian":
    "Norwegian", "danish": "Danish", "czech": "Czech", "icelandic": "Icelandic",
    "turkish": "Turkish", "south african": "South African", "russian": "Russian",
    "belarusian": "Belarusian", "brazilian": "Brazilian", "saudi": "Saudi", "qatari":
    "Qatari", "omani": "Omani", "yemeni": "Yemeni", "iranian": "Iranian", "kuwaiti":
    "Kuwaiti", "iraqi": "Iraqi", "jordanian": "Jordanian", "bahraini": "Bahraini",
    "libyan": "Libyan", "tunisian": "Tunisian", "algerian": "Algerian", "serbian":
    "Serbian", "uae": "UAE", "emirati": "UAE", "moroccan": "Moroccan", "kenyan": "Kenyan",
    "ugandan": "Ugandan", "tanzanian": "Tanzanian", "somali": "Somali", "nigerian":
    "Nigerian", "south korean": "South Korean", "korean": "South Korean", "north korean":
    "North Korean", "israeli": "Israeli", "malaysian": "Malaysian", "thai": "Thai",
    "indonesian": "Indonesian", "vietnamese": "Vietnamese", "ukrainian": "Ukrainian",
    "polish": "Polish", "hungarian": "Hungarian", "romanian": "Romanian", "german": "German",
    "deutsche": "German", "finnish": "Finnish", "dutch": "Dutch", "spanish": "Spanish",
    "italian": "Italian", "ghanaian": "Ghanaian", "zambian": "Zambian", "bangladeshi":
    "Bangladeshi",
}
"""A country or its adjective before a currency word (lower case) → the adjective kept in
the unit ("Swiss franc"); "" where the bare noun already means that country's money."""

SYMBOLS: dict[str, str] = {
    "$": "dollar", "us$": "dollar", "u.s.$": "dollar", "us $": "dollar", "u.s. $": "dollar",
    "usd$": "dollar", "a$": "Australian dollar", "au$": "Australian dollar",
    "aud$": "Australian dollar", "c$": "Canadian dollar", "cad$": "Canadian dollar",
    "ca$": "Canadian dollar", "c $": "Canadian dollar", "nz$": "New Zealand dollar",
    "nzd$": "New Zealand dollar", "nz $": "New Zealand dollar", "hk$": "Hong Kong dollar",
    "hk $": "Hong Kong dollar", "s$": "Singapore dollar", "nt$": "Taiwan dollar",
    "r$": "real", "mex$": "Mexican peso", "mx$": "Mexican peso",
    "mxn$": "Mexican peso", "€": "euro", "£": "pound", "¥": "yen", "₹": "rupee",
    "₽": "rouble", "₴": "hryvnia", "₩": "won", "₪": "shekel", "₺": "lira", "₦": "naira",
    "₱": "peso", "₫": "dong", "₡": "colón", "₾": "lari", "₭": "kip", "₿": "bitcoin",
    "元": "yuan", "rs": "rupee", "rs.": "rupee", "¢": "cent",
}  # fmt: skip
"""Currency symbols (lower case) → unit; a symbol with a country prefix keeps it."""

CODES: dict[str, str] = {
    "USD": "dollar", "EUR": "euro", "GBP": "pound", "JPY": "yen", "CNY": "yuan",
    "RMB": "yuan", "INR": "rupee", "AUD": "Australian dollar", "CAD": "Canadian dollar",
    "NZD": "New Zealand dollar", "HKD": "Hong Kong dollar", "SGD": "Singapore dollar",
    "TWD": "Taiwan dollar", "CHF": "Swiss franc", "SEK": "Swedish crown",
    "NOK": "Norwegian crown", "DKK": "Danish crown", "CZK": "Czech crown",
    "ISK": "Icelandic crown", "PLN": "zloty", "HUF": "forint", "RON": "leu",
    "RUB": "rouble", "UAH": "hryvnia", "TRY": "lira", "ZAR": "rand", "NGN": "naira",
    "KES": "Kenyan shilling", "EGP": "Egyptian pound", "MXN": "Mexican peso",
    "BRL": "real", "ARS": "Argentine peso", "CLP": "Chilean peso",
    "COP": "Colombian peso", "PHP": "Philippine peso", "PKR": "Pakistani rupee",
    "LKR": "Sri Lankan rupee", "BDT": "taka", "KRW": "won", "ILS": "shekel",
    "SAR": "Saudi riyal", "QAR": "Qatari riyal", "AED": "UAE dirham", "KWD": "Kuwaiti dinar",
    "MYR": "ringgit", "THB": "baht", "IDR": "rupiah", "VND": "dong", "BTC": "bitcoin",
}  # fmt: skip
"""ISO 4217 codes (the common ones) → unit. Upper case in running text; the lower-case
forms of those that are not English words are read too ("10 usd")."""
_WORDLIKE = frozenset(("TRY", "RON", "PHP", "COP", "SAR", "ARS", "ALL", "CUP", "TOP"))
CODE_FORMS: dict[str, str] = {
    **CODES,
    **{c.lower(): u for c, u in CODES.items() if c not in _WORDLIKE},
}

SYMBOL_RE = (
    r"(?:(?:US|U\.S\.|A|AU|AUD|C|CA|CAD|NZ|NZD|HK|S|NT|R|Mex|MX|MXN|USD)\$"
    r"|(?:US|U\.S\.|NZ|HK|C)\s\$(?=\s?\d)|[$€£¥₹₽₴₩₪₺₦₱₫₡₾₭₿元¢])"
)
"""A currency symbol, with a country prefix glued on or (the multi-letter ones and "C",
which is no English word) spaced before the "$"."""
CODE_RE = alternation(CODE_FORMS)


def symbol_unit(symbol: str) -> str | None:
    """'€' → 'euro', 'A$' → 'Australian dollar', 'USD' → 'dollar'; None if unknown."""
    s = " ".join(symbol.split())
    if s in CODE_FORMS:
        return CODE_FORMS[s]
    s = s.lower()
    return SYMBOLS.get(s) or SYMBOLS.get(s.replace(" ", ""))


SHARED = frozenset(
    ("dollar", "franc", "peso", "pound", "rupee", "crown", "dinar", "riyal", "dirham",
     "shilling", "rouble")
)
"""Currency nouns several countries use: only these keep the country ("Swiss franc");
"Turkish lira" is the lira, as "TRY" and "₺" are."""


def with_country(country: str, unit: str) -> str:
    """'swiss' + 'franc' → 'Swiss franc'; a home currency's adjective drops ("US dollars")."""
    adjective = COUNTRY.get(country.lower())
    if not adjective or unit not in SHARED:
        return unit
    return f"{adjective} {unit}"
