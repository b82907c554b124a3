"""The named subject behind an appositive the writer did not close with a comma.

"Ann Roe, a former agent for the service has written …" and "Ann Roe of Dayton, Ohio
says …" leave only the role or the place between the last comma and the verb, so the
subject stretch the cue reads is "a former agent for the service" or "Ohio": a role
standing for the person the sentence names, or a place locating her town. The person
is the name before the comma; the role becomes a description of her.
"""

from __future__ import annotations

import re
from functools import lru_cache

from claims.core.attribution.names import name_fault, party_noun
from claims.core.attribution.sources import ORG_WORDS, TITLES, gender_of

# A role appositive: an article, up to five modifiers, a person noun, and what follows
# it ("a former park ranger for the county", "an American prisoner of the rebels").
_ROLE = re.compile(r"^(?P<article>a|an|the)\s+(?P<head>(?:[\w.'’-]+\s+){0,5}?[\w'’-]+)"
                   r"(?:\s+(?:of|for|at|with|in|from|on|to|who|now|since)\b.*)?$")
# The name at the end of the stretch before the comma: capitalised words, initials and
# titles ("Sgt. Ann B. Roe"), at most five.
_NAME_RUN = re.compile(r"(?:^|(?<=\s))((?:[A-Z][\w'’.-]*\s+){0,4}[A-Z][\w'’-]+)$")
_OF_TOWN = re.compile(r"(?:^|(?<=\s))(?P<name>(?:[A-Z][\w'’.-]*\s+){1,4}?[A-Z][\w'’-]+)\s+of\s+"
                      r"[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)?$")


@lru_cache(maxsize=4096)
def _person_name(run: str) -> str | None:
    """The run as a person's name with its titles, when it is one: two or more words
    past the titles, none of them a body word ("Ann B. Roe", not "Acme Group"), after a
    title or opening on a known first name."""
    toks = run.split()
    i = 0
    while i < len(toks) - 1 and toks[i].lower().rstrip(".") in TITLES:
        i += 1
    name = toks[i:]
    if len(name) < 2 or len(name) > 4 or any(t.lower() in ORG_WORDS for t in name):
        return None
    if not all(t[:1].isupper() for t in name) or name_fault(" ".join(name)) is not None:
        return None
    # a title or a known first name makes it a person's ("In Ohio" has neither)
    return run if i or gender_of(" ".join(name)) is not None else None


def _state_or_country(phrase: str) -> bool:
    from claims.core.places import kind_of  # the gazetteer loads on first use

    return kind_of(phrase) in ("country", "region")


@lru_cache(maxsize=4096)
def _role_head(phrase: str) -> bool:
    m = _ROLE.match(phrase)
    if m is None:
        return False
    head = m.group("head").split()[-1]
    return head[:1].islower() and party_noun(head)


def named_before(text: str, lo: int, start: int, phrase: str) -> tuple[int, str, str | None] | None:
    """(start, name, description) of the person an unclosed appositive describes, or None.

    `phrase` starts at `start` and reaches the verb. Only a role opened by "a", "an" or
    "the" (then only after a name opening its stretch) or a state or country qualifies,
    only after a comma, and only when a person's name (or "Name of Town") ends the words
    before it.
    """
    comma = start
    while comma > lo and text[comma - 1] == " ":
        comma -= 1
    if comma <= lo or text[comma - 1] != ",":
        return None
    is_place = False
    if not _role_head(phrase):
        if not phrase[:1].isupper() or phrase.count(" ") > 2 or " of " not in text[
                max(lo, comma - 40):comma]:
            return None  # a state or country after "Name of Town," only
        is_place = _state_or_country(phrase)
        if not is_place:
            return None
    before_end = comma - 1
    line_start = max(text.rfind(c, lo, before_end) for c in ",;:(\"“—")
    seg_start = max(lo, line_start + 1)
    seg = text[seg_start:before_end].rstrip()
    if is_place:
        town = _OF_TOWN.search(seg)
        if town is None or _person_name(town.group("name")) is None:
            return None
        at = seg_start + town.start()
        return at, town.group("name"), None
    run = _NAME_RUN.search(seg)
    if run is None or _person_name(run.group(1)) is None:
        return None
    if phrase.startswith("the ") and seg[: run.start(1)].strip():
        return None  # "Roe met Ann Kotter, the mayor said": the mayor may be another
    return seg_start + run.start(1), run.group(1), phrase
