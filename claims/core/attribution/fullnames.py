"""A person named by a surname alone, where the article gives the whole name.

A cue often meets a person only by surname ("Roe said"), the full name standing in a
sentence that credits nobody ("Ann Roe, who runs the shop, …") or in a byline. The
source then reached the registry as "Roe", which no reader can tell from the other Roes.
`complete_surnames` names such a source by the one full name the article writes with
that surname (a known first name, an initial allowed: "Ann Roe", "Ann B. Roe"); the
surname stays an alias. Nothing changes when the article gives two first names for the
surname (a couple, a family), when another source already bears the full name (the
resolver kept them apart), when a title gives the source another gender ("Mrs. Holt"
beside "Ben Holt"), or when the word is no surname (a place, an outlet, initials, a first name).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from claims.core.attribution.first_names import FEMALE, MALE
from claims.core.attribution.kinds import broadcaster, outlet_word
from claims.core.attribution.sources import GENERIC_HEADS, ORG_WORDS, Entity, gender_of, norm

_FIRST_NAMES = FEMALE | MALE
_SURNAME = re.compile(r"^[A-Z][a-z]+(?:[-'’][A-Z][a-z]+)?$|^(?:Mc|Mac|O['’]|De|Di|La|Le)"
                      r"[A-Z][a-z]+$")
# A first name (and an initial) right before the surname: "Ann Roe", "Ann B. Roe".
_BEFORE = re.compile(r"\b([A-Z][a-z]+)((?:\s+[A-Z]\.)?)\s+$")


def complete_surnames(entities: Iterable[Entity], text: str) -> None:
    """Rename, in place, each entity named by a surname alone to the full name the
    article gives it (see the module's docstring)."""
    found = list(entities)
    taken = {k: id(e) for e in found for k in e.name_keys()}
    for e in found:
        word = e.name
        if not _SURNAME.match(word) or word.lower() in _FIRST_NAMES or _not_surname(word):
            continue
        full = _full_name(text, word)
        if full is None or taken.get(norm(full), id(e)) != id(e) or _other_gender(e, full):
            continue  # another source bears the full name: the resolver kept them apart
        e.name = full
        e.add_alias(word)  # after the rename: `add_alias` skips the current name
        e.person = True
        taken[norm(full)] = id(e)


def _other_gender(e: Entity, full: str) -> bool:
    """Whether the source is someone else than `full` by gender ("Mrs. Holt" beside
    "Ben Holt")."""
    his = gender_of(full)
    hers = {g for g in (e.gender, *(gender_of(a) for a in e.names())) if g is not None}
    return his is not None and bool(hers - {his})


def _not_surname(word: str) -> bool:
    low = word.lower()
    if low in ORG_WORDS or low in GENERIC_HEADS or outlet_word(word) or broadcaster(word):
        return True
    from claims.core.places import is_place  # the gazetteer loads on first use

    return is_place(word)


def _full_name(text: str, surname: str) -> str | None:
    """The one full name the article writes with `surname`, or None (none, or two
    different first names)."""
    if text.count(surname) < 2:
        return None  # the surname alone, once: the cue's own mention
    names: dict[str, str] = {}
    end = len(surname)
    at = text.find(surname)
    while at >= 0:
        after = at + end
        if at and (after >= len(text) or not text[after].isalnum()):
            m = _BEFORE.search(text, max(0, at - 40), at)
            if m is not None and m.group(1).lower() in _FIRST_NAMES:
                names.setdefault(m.group(1), f"{m.group(1)}{m.group(2)} {surname}")
        at = text.find(surname, after)
    if len(names) != 1:
        return None
    return next(iter(names.values()))
