"""Definite descriptions that refer back to a named party ("the company", "the group").

"Acme Corp cut 300 jobs. The company said …": the description resolves to Acme (the
source book decides that), and the article's wording is worth keeping on Acme as an
alias: a reader searching the claims of this article for "the company" finds them, and
the registry never sees it (`store.sources.registry_alias` drops back-references).

Such an alias must not steer later look-ups, though: a second "the company" three
paragraphs on, after "Bolt Inc said …", means Bolt, not whichever party first answered
to the description. `BackReferences` remembers which aliases were only descriptions so
that the look-ups can ignore them.
"""

from __future__ import annotations

import re

from claims.core.attribution.names import modifier_end
from claims.core.attribution.sources import Entity, capitalise, norm, strip_determiner, words


class BackReferences:
    """The description aliases of one article's sources, by source."""

    def __init__(self) -> None:
        self._by_entity: dict[int, set[str]] = {}

    def add(self, e: Entity, phrase: str) -> None:
        """Keep `phrase` ("the company") as an alias of `e`, marked as a description."""
        key = norm(strip_determiner(phrase))
        if not key or key in e.name_keys():
            return  # already one of its names: nothing to hide later
        e.add_alias(phrase)
        self._by_entity.setdefault(id(e), set()).add(key)

    def hides(self, e: Entity, key: str) -> bool:
        """Whether `e` answers to `key` only through a description alias: its own
        name may still hold the word ("agency" in "Civil Protection Agency")."""
        keys = self._by_entity.get(id(e))
        if keys is None or key not in keys:
            return False
        padded = f" {key} "
        return not any(padded in f" {k} " for k in e.name_keys() if k not in keys)


# Documents and recordings that speak in news ("the poll found", "the lawsuit alleges",
# "a memo says"): heads that make an unnamed document its own source.
_DOCUMENT_HEADS = words(
    "poll polls polling survey surveys report reports study studies analysis analyses "
    "data figures statistics results findings records documents document filing filings "
    "lawsuit lawsuits suit complaint letter letters memo memos email emails ad ads "
    "editorial editorials statement statements video videos affidavit indictment "
    "estimates projections forecast forecasts tally census transcript article paper "
    "release cable petition opinion remarks biography test tests materials inquiry "
    "investigation probe audit review"
)


def unnamed_document(phrase: str) -> str | None:
    """The name of the document a speaker phrase is when it names no producer ("the
    lawsuit", "a new poll of likely voters", "exit polls"): its words before the first
    preposition or participle, led by a capital ("Lawsuit", "New poll", "Exit polls");
    None for anything else, and for a document whose words name somebody ("the
    Quinnipiac poll", "Smith's letter": those speak for their producer)."""
    toks = strip_determiner(phrase.strip()).split()
    if not toks or len(toks) > 12:
        return None
    of = next((i for i, t in enumerate(toks[:4]) if t == "of"), 0)
    if of and toks[of - 1].lower() in _COLLECTIVES and of + 1 < len(toks):
        toks = toks[of + 1 :]  # "a new batch of emails": the emails
    cut = next((i for i, t in enumerate(toks) if i and (modifier_end(t) or t in _PARTICIPLES)
                and t.lower() not in _DOCUMENT_HEADS), len(toks))  # "court filing": the head
    head = toks[:cut]
    while len(head) > 1 and _DATE_WORD.match(head[0]):
        head = head[1:]  # "the April survey", "Tuesday's results": a date names nobody
    if len(head) > 4 or head[-1].lower() not in _DOCUMENT_HEADS:
        return None
    if not all(_WORD.match(t) for t in head) or modifier_end(head[0]) and (
            head[0].lower() not in _DOCUMENT_HEADS) or any(
            t.lower() in _NOT_IN_NAME for t in head):
        return None  # "-one poll", "Putting out a statement", "said his survey"
    initial = phrase.split()[0] == toks[0]  # no determiner: its capital proves nothing
    for i, t in enumerate(head):
        if "'" in t or "’" in t or t[:1].isupper() and not (i == 0 and initial and (
                len(head) == 1 or t.lower() in _COMMON_LEADS)):
            return None
    while len(head) > 1 and (head[0].lower() in _QUANTIFIERS or head[0][:1].isdigit()
                             or head[0].lower() in _DATING):
        head = head[1:]  # "Many recent studies", "the most recent poll": the kind alone
    return capitalise(" ".join(head).lower())


_WORD = re.compile(r"\w[\w-]*\Z")
# Nouns that only count the documents after "of" ("a batch of emails", "a series of reports").
_COLLECTIVES = words("batch batches series set sets trove cache stack pile number handful pair")
# Irregular participles that end a document's head as "-ed" ones do ("exit polls taken in X").
_PARTICIPLES = words("taken written given seen shown made done kept sent")
_DATE_WORD = re.compile(
    r"(?:January|February|March|April|June|July|August|September|October|November|December|"
    r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|[Ll]ast|[Tt]his|night|"
    r"morning|week|month|year)(?:['’]s)?\Z")
_QUANTIFIERS = words(
    "many several multiple numerous various other two three four both most some every each all "
    "one another")
# Words that only date or rank a document ("the most recent poll", "a new federal
# lawsuit"): the source is named by its kind alone, as a bare body is ("Poll").
_DATING = words(
    "new latest recent early earlier final preliminary previous subsequent same separate "
    "least internal leaked secret official national statewide nationwide federal "
    "congressional independent fresh")
# Lower-case words a sentence may open a document phrase with ("New poll shows …",
# "Many recent studies found …").
_COMMON_LEADS = _QUANTIFIERS | words(
    "new latest recent early exit national state internal final preliminary public "
    "leaked congressional federal court official secret classified separate earlier "
    "previous subsequent same"
)
# Words no document's name holds: pronouns (an owner: "his survey" is his), verbs of
# saying and conjunctions (a phrase cut in the wrong place: "said his survey").
_NOT_IN_NAME = words(
    "his her its their our my your he she it they we you i said says say told tells "
    "and or but nor that which who is was are were has have had")
