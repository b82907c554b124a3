"""Which group "they" refers back to: a plural subject the article has just written.

News writes "Workers objected to the move. They also said …" and "Council Republicans
stalled the ordinance because they said …": "they" is the plural noun phrase that opens the
sentence (before the pronoun) or the one before it, even when no cue credited that group
yet. Without it "they" fell to the last body quoted, which is most often the party the
group argues against ("Workers … They also said" gave the company). "It" likewise takes
up a document or body that opens the sentence or the one before ("The letter urged ….
It read …"), not the last body quoted.
"""

from __future__ import annotations

import re

from claims.core.attribution.references import sentence_start
from claims.core.attribution.sources import words

# Up to three modifiers, then a plural head noun, then a lower-case word (the verb, or
# an adverb before it): "Former prosecutors said", "Council Republicans stalled", "Mexican
# officials conducted". The head's test is the caller's (a party noun, not a thing).
_PLURAL_LEAD = re.compile(
    r"[\"“‘']?((?:(?:[A-Z][\w'’.-]*|[a-z][\w'’-]*)\s+){0,3}?([A-Za-z][a-z-]+s))"
    r"\s+(?:[a-z]+ly\s+)?[a-z]")
# A subordinate clause opening the pronoun's own sentence, whose subject "they" takes up.
_SUBORDINATOR = re.compile(r"(?:While|Though|Although|Because|When|As|If|Since|After|"
                           r"Before|Even though|Even as|Whereas)\s+(?=[A-Za-z])")
_NOT_LEADS = frozenset({"this", "these", "those", "his", "her", "its", "their", "our", "my",
                        "your", "it", "he", "she", "we", "they", "as", "is", "was", "has"})


def _this_and_previous_sentence(text: str, pos: int, lo: int) -> list[int]:
    """The start of the sentence holding `pos`, then of the one before it when that one
    still lies in the paragraph (from `lo`): a pronoun's subject opens one of the two."""
    here = sentence_start(text, pos)
    starts = [here]
    if here > lo:
        before = sentence_start(text, max(lo, here - 2))
        if before >= lo:
            starts.append(before)
    return starts


def plural_subject(text: str, pos: int, lo: int) -> tuple[int, str] | None:
    """(start, phrase) of the plural subject opening the sentence at `pos` before it, or
    else the sentence before (never before `lo`, the paragraph's start); its head
    (the phrase's last word) is left for the caller to judge."""
    starts = _this_and_previous_sentence(text, pos, lo)
    here = starts[0]
    for start in starts:
        opener = _SUBORDINATOR.match(text, start, pos)
        if opener is not None and start == here:
            start = opener.end()  # "While analysts expect X, they say …": the clause's
        m = _PLURAL_LEAD.match(text, start, pos)
        if m is None or m.end(1) > pos:
            continue
        phrase = m.group(1)
        first = phrase.split()[0].lower()
        if first in _NOT_LEADS or any(ch in phrase for ch in ",;:"):
            continue
        return m.start(1), phrase
    return None


# "The letter read …", "The white paper lays out …", "Ann Roe's campaign backtracked …": a
# singular noun phrase after "the", "this", "that" or a name's possessive, with up to three
# modifiers, opening a sentence, then its verb.
_THING_LEAD = re.compile(
    r"[\"“‘']?((?:The|This|That|(?:[A-Z][\w.-]*\s+){0,2}[A-Z][\w.-]*['’]s)\s+"
    r"(?:[\w'’-]+\s+){0,3}?([a-z][a-z-]+[a-rt-z]))"
    r"\s+(?:[a-z]+ly\s+|also\s+|not\s+|still\s+)?(?:is|was|has|had|does|did|[a-z]+s|[a-z]+ed)\b")
# Heads "it" takes up from such a subject: a document or a body that speaks.
THING_HEADS = words(
    "letter memo memorandum report study survey poll analysis review statement editorial "
    "piece article paper column filing lawsuit suit complaint affidavit indictment "
    "ruling decision order opinion constitution law bill measure resolution proposal plan "
    "platform ad video website site book memoir document transcript release petition "
    "campaign committee company firm agency department ministry government administration "
    "court board council commission group organization organisation union party network "
    "newspaper magazine bureau office institute foundation"
)


def thing_subject(text: str, pos: int, lo: int) -> tuple[int, str] | None:
    """(start, phrase) of the definite singular subject opening the sentence at `pos`
    before it, or else the sentence before (never before `lo`, the paragraph's start):
    what "it" most often takes up ("The letter urged …. It read …"). Its head is one of
    `THING_HEADS`."""
    for start in _this_and_previous_sentence(text, pos, lo):
        m = _THING_LEAD.match(text, start, pos)
        if m is None or m.end(1) > pos:
            continue
        phrase = m.group(1)
        if m.group(2) not in THING_HEADS or any(ch in phrase for ch in ",;:"):
            continue
        return m.start(1), phrase
    return None
