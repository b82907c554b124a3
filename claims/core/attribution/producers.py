"""The producer an "according to" document names: who speaks through a poll, a filing, a tally.

"according to first results of street surveys carried out for a news agency", "according
to letters from Ann Roe", "according to a Ministry transcript": the object of "according to"
is often a document described at length, and the party that speaks is the one named
inside it, after "by", "from", "for" or "with", or before the document noun. A phrase
naming its producer only inside is returned without the words that only locate the
document in time ("a statewide Korvex poll taken last month" → "a statewide Korvex poll"),
so the resolver reads its producer; a document that names nobody ("court filings seen
by reporters") is left as written, and the resolver names it by its bare kind ("Court
filings"), as it names a bare body.
"""

from __future__ import annotations

import re

from claims.core.attribution.sources import words
from claims.core.places import kind_of

# Nouns naming a document, a count or a record: what a producer's name qualifies.
DOCUMENT_NOUNS = words(
    "results returns data figures numbers statistics tallies tally count counts estimate "
    "estimates calculations projections documents document records record filings filing "
    "papers cables cable memo memos emails email letter letters declaration lawsuit suit "
    "complaint indictment transcript transcripts timeline schedule readout account accounts "
    "analysis analyses review study report reports interview interviews playbook website "
    "profile page post statement release index tracker average polling polls poll survey "
    "surveys book agreement disclosures disclosure"
)
_POLLS = words("poll polls polling survey surveys")
# A party named after the document: "by X", "from X", "for X", "with X".
_NAMED_AFTER = re.compile(
    r"\b(by|from|for|with)\s+((?:the\s+)?[A-Z][\w.&'’/-]*(?:\s+(?:(?:of|for|and|&|the|de)\s+)?"
    r"[A-Z][\w.&'’/-]*)*)")
# What follows the document noun and only dates it or says how it reached the writer:
# a participle ("taken last week", "released Friday"), a relative clause, a time.
_POST_MODIFIER = re.compile(
    r"\s+(?:(?:that|which|who)\b|(?:\w+ly\s+)?(?:[a-z]+ed|taken|given|written|seen|shown|"
    r"made|kept)\b|(?:he|she|they|we|his|her|their|its)\s|(?:in|on|at|last|this|from)\s+"
    r"(?:the\s+time\b|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\b|"
    r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b|\d{4}\b|"
    r"week\b|month\b|year\b))")
# "<det> <adjectives> <Producer Name> <document nouns>": "a Ministry transcript".
_NAME_BEFORE = re.compile(
    r"^(?:(?:the|a|an|one)\s+)?(?:[a-z][\w-]*\s+){0,2}?"
    r"((?:[A-Z][\w.&'’/-]*\s+)*?[A-Z][\w.&'’/-]*)((?:\s+[a-z][\w-]*){1,2})$")


# "figures the Hale campaign released Friday": a contact relative clause whose subject
# made the document.
_MADE_BY = re.compile(
    r"^(?:(?:the|a|an|new|latest|recent|internal|official)\s+){0,2}(?:[\w-]+\s+)?"
    r"(?:figures|data|numbers|statistics|documents|records|estimates|results|emails)\s+"
    r"((?:the|his|her|its|their)\s+(?:[\w.&'’-]+\s+){0,3}?[\w.&'’-]+)\s+"
    r"(?:released|published|issued|provided|filed|compiled|gave|sent|posted|obtained)\b")
# "the union's lawyers in a motion": the party, then where it said so.
_IN_DOCUMENT = re.compile(
    r"\s+in\s+(?:a|an|the|his|her|its|their)\s+(?:[\w-]+\s+){0,2}?(?:filing|filings|"
    r"statement|letter|interview|memo|report|email|post|complaint|lawsuit|motion|brief)\b")


def according_object(phrase: str) -> str:
    """The party an "according to" object speaks for, else the object without the words
    that only date it or pass it on; `phrase` itself when neither applies."""
    made = _MADE_BY.match(phrase)
    if made is not None:
        return made.group(1)
    where = _IN_DOCUMENT.search(phrase)
    if where is not None and where.start() > 0 and not any(
            w.lower() in DOCUMENT_NOUNS for w in phrase[: where.start()].split()):
        return phrase[: where.start()]  # "the union's lawyers in a motion": the lawyers
    if not any(w.lower() in DOCUMENT_NOUNS for w in phrase.split()):
        return phrase  # "according to Ann Roe", "according to a spokesman for X"
    found = [m for m in _NAMED_AFTER.finditer(phrase) if _documented(phrase[: m.start()])]
    if found:  # "… compiled by X" beats "… from Y": the last party to handle it
        by = [m for m in found if m.group(1) == "by"]
        return (by[-1] if by else found[0]).group(2)
    cut = _POST_MODIFIER.search(phrase)
    core = phrase[: cut.start()] if cut is not None and cut.start() > 0 else phrase
    named = _NAME_BEFORE.match(core)
    if named is not None and all(w.lower() in DOCUMENT_NOUNS for w in named.group(2).split()) \
            and not any(w.lower() in _POLLS for w in named.group(2).split()) and (
            kind_of(named.group(1)) is None):
        return named.group(1)  # "a Ministry transcript", "Treasury memos"
    if not any(w[:1].isupper() for w in core.split()):
        return phrase  # "court filings seen by reporters": no producer, the bare kind speaks
    return core  # "a statewide Korvex Poll taken last month": the resolver reads the poll


def _documented(before: str) -> bool:
    """Whether the words before a named party hold a document noun ("documents from")."""
    return any(w.lower().strip(",") in DOCUMENT_NOUNS for w in before.split())
