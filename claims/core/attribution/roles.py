"""What an article says a person is, wherever it says it.

A source's type is read from its speaker phrase and the appositive next to its cue;
when those hold no role ("Ann Roe said"), the person is `other`, though the article
introduced her three paragraphs earlier as "Republican strategist Ann Roe" or "Ann
Roe, a former candidate for governor,". `roles_in` finds those descriptions: the role
words right before the full name, and an appositive right after it, cut at its first
preposition or clause word (so "an aide to Sen. Ben Holt" describes an aide, not a
senator). Only the full name is looked for: a surname alone may be a relative's.
"""

from __future__ import annotations

import re
from functools import lru_cache

from claims.core.attribution.first_names import FEMALE, MALE
from claims.core.attribution.offices import ROLE_WORDS
from claims.core.attribution.persons import PERSON_NOUNS

_MAX_MENTIONS = 12
# Role words before a name: up to four words after the last break, the last of them a
# person noun ("Republican strategist", "MSNBC host", "former Florida Gov.").
_BREAK = re.compile(r"(?<!\b[A-Z])(?<!\b[A-Z][a-z])(?<!\b[A-Z][a-z][a-z])\.|"
                    r"[,;:!?\"“”()\[\]—–]|\b(?:said|says|told|and|or|but|by|with|to|"
                    r"for|from|of|in|on|at|as|that|than|like|asked|according)\b")
# The head of an appositive after the name (an age set off before it is skipped): a
# determiner, up to five words, cut at a preposition, a relative word or punctuation
# ("a Republican strategist", "then ambassador to X", "President Roe's budget
# director"; not the dot inside "a D.C.-based economist"), or two to four words ending
# on the role with no determiner ("Acme chief executive."), or one to three words
# before "of", "at" or "for" ("co-director of …", "President of Velmar Radio").
_APPOSITIVE = re.compile(
    r",\s+(?:\d{1,3},\s+)?(?:(?:a|an|the|then|now|formerly|"
    r"(?:[A-Z][\w.'’-]*\s+){0,3}[A-Z][\w.-]*['’]s)\s+"
    r"(?P<head>(?:[\w.'’-]+\s+){0,5}?[\w'’-]+)(?=\s+(?:of|for|to|at|with|in|on|from|who|"
    r"which|that|whose|and|since|based|turned)\b|\s*(?:[,;:)—–]|\.(?![\w-])))|"
    r"(?P<bare>(?:[\w.'’-]+\s+){1,3}[a-z][\w'’-]+)(?=\s*(?:[,;:)—–]|\.(?![\w-])))|"
    r"(?P<titled>(?:[\w'’-]+\s+){0,2}[\w'’-]+)(?=\s+(?:of|at|for)\s))")
# A role set off before the name: "An Israeli blogger, Ann Roe".
_ROLE_BEFORE = re.compile(r"\b(?:[Aa]n?|[Tt]he)\s+((?:[\w.'’-]+\s+){0,4}?[\w'’-]+),\s*$")
_FIRST_NAMES = FEMALE | MALE
# A relative clause saying the person runs a body ("Ann Roe, who heads the Velmar Fund").
_HEADS = re.compile(r",\s+who\s+(?:now\s+|also\s+)?(?:runs|heads|chairs|directs|oversees)\s+"
                    r"(?:the|a|an|[A-Z])")


# A legislator's party and state right after the name ("Ann Roe (D-Ohio)", "(R-N.M.)",
# "(I-Vt.)", "(R)"): a lawmaker, which the politician rule reads in the tag.
_PARTY_TAG = re.compile(r"\s*\([DRI](?:-[A-Z][\w. ]{0,20})?\)")
# A plural abbreviated title before a list of names ("Sens. Ann Roe and Ben Holt"), whose
# dot `_BREAK` takes for a sentence's end.
_PLURAL_TITLE = re.compile(r"\b(Sens|Reps|Govs)\.\s+$")
# The same title before a list the name closes ("Reps. Ann Roe and Ben Holt", "Sens. Ann
# Roe, Ben Holt and Tom Brisk"): each is so titled.
_LISTED = r"[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}"
_PLURAL_TITLE_LIST = re.compile(rf"\b(Sens|Reps|Govs)\.\s+{_LISTED}(?:,\s+{_LISTED})*,?\s+and\s+$")
# Abbreviated titles before a name ("Sen. Ann Roe", "Lt. Gov. Ann Roe").
_TITLES = frozenset(["sen", "rep", "gov", "lt", "gen", "amb", "atty", "supt", "cmdr", "adm",
                     "col", "capt", "maj", "sgt"])


# Titles written capitalised before a name that the person nouns lack ("Speaker Ann
# Roe", "Senate Minority Whip Ann Roe", "Assemblywoman Ann Roe").
_TITLE_WORDS = frozenset(["speaker", "whip", "assemblyman", "assemblywoman", "assemblymember",
                          "councilman", "councilwoman", "councilmember"])


@lru_cache(maxsize=2048)
def _role_word(word: str) -> bool:
    w = word.lower().strip(".,’'").rsplit("-", 1)[-1]  # "co-host"
    return w in PERSON_NOUNS or w in _TITLES or w in ROLE_WORDS or w.endswith(
        ("ist", "ian")) and len(w) > 5 or w in _TITLE_WORDS and word[:1].isupper()


def roles_in(text: str, name: str) -> tuple[str, ...]:
    """The descriptions the article gives the person called `name` (two or more
    words), in reading order: the role words before each mention of the full name
    and the head of an appositive after it."""
    if " " not in name.strip():
        return ()
    found: list[str] = []
    at = text.find(name)
    seen = 0
    while at >= 0 and seen < _MAX_MENTIONS:
        seen += 1
        end = at + len(name)
        if (at == 0 or not text[at - 1].isalnum()) and (
                end >= len(text) or not text[end].isalnum()):
            before = text[max(0, at - 60):at]
            cut = list(_BREAK.finditer(before))
            lead = before[cut[-1].end():] if cut else before
            words = lead.split()[-4:]
            if words and _role_word(words[-1]):
                found.append(" ".join(words) if words[-1] != "Speaker" else "house speaker")
            elif plural := _PLURAL_TITLE.search(before) or before.endswith(" and ") and (
                    _PLURAL_TITLE_LIST.search(before)):
                found.append(plural.group(1)[:-1])  # "Sens." → "Sen"
            elif not words and (r := _ROLE_BEFORE.search(before)) and _role_word(
                    r.group(1).split()[-1]):
                found.append(r.group(1))
            if tag := _PARTY_TAG.match(text, end, min(len(text), end + 30)):
                found.append(tag.group(0).strip())
            if _HEADS.match(text, end, min(len(text), end + 30)):
                found.append("head")  # "Ann Roe, who runs the Velmar Fund,"
            m = _APPOSITIVE.match(text, end, min(len(text), end + 90))
            head = m and (m.group("head") or m.group("bare") or m.group("titled"))
            if m and not m.group("head") and not m.group("bare") and head and (
                    head.lower().endswith("president")):
                head = None  # "President of Velmar Radio" holds no elected office
            if m and head and _role_word(head.split()[-1]):
                found.append(head + _of_body(text, m.end()) if head.endswith(
                    "member") else head)  # "a member of the Velmar parliament"
        at = text.find(name, end)
    return tuple(found)


_OF_BODY = re.compile(r"\s+of\s+(?:the\s+)?(?:[\w'’-]+\s+){0,3}[\w'’-]+")


def _of_body(text: str, at: int) -> str:
    """The body a member belongs to, "of the Velmar parliament", read on from `at`."""
    m = _OF_BODY.match(text, at, min(len(text), at + 60))
    return m.group(0) if m else ""


@lru_cache(maxsize=2048)
def _surname_pattern(name: str) -> re.Pattern[str]:
    return re.compile(r"\b([A-Z][a-z]+)\s+" + re.escape(name) + r"\b")


def surname_in(text: str, name: str) -> bool:
    """Whether the article writes the one-word `name` after a known first name ("Ann
    Roe" for "Roe"): a surname, which "from Roe" does not make a place."""
    if " " in name or name not in text:
        return False
    return any(m.group(1).lower() in _FIRST_NAMES
               for m in _surname_pattern(name).finditer(text))
