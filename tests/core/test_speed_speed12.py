"""Fast paths of the twelfth speed round, each held to the scan it replaces.

Every rewrite here must find exactly what the slower pattern found; the texts are built
from pieces that reach the edges (case-blind letters that `str.lower` keeps apart, word
boundaries, a final newline before `$`, non-ASCII text on the fallbacks).
"""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from claims.core.figures import gates
from claims.core.reconcile import frames, syntax
from claims.core.text import segmentation


def _pieces(pieces: list[str], size: int = 10) -> st.SearchStrategy[str]:
    return st.lists(st.sampled_from(pieces), max_size=size).map("".join) | st.text(max_size=40)


_COMMON = [" ", "  ", "\n", "-", ".", ",", "(", "x", "12", "é", "’", "İ", "ı", "ſ", "\u212a"]

_SENTENCES = _pieces([*_COMMON, "Holt said.", "?", "!", "...", "”", '"', "'", "''", "``", " The",
                      " 3", ")", "]", "“A", " (B"])


@settings(max_examples=300, deadline=None)
@given(_SENTENCES)
def test_sentence_ends_as_the_repeat_found_them(text: str) -> None:
    old = re.compile(r"[.!?]+[\"”’')\]]*(?=\s+(?:``|''|[\"“‘(\[])?[A-Z0-9])")
    assert [m.span() for m in segmentation._SENT_END.finditer(text)] == [
        m.span() for m in old.finditer(text)]


@settings(max_examples=300, deadline=None)
@given(_pieces([*_COMMON, "12", "3", "٣", "a", "The", "Ab-c", "o'x", "a’b"]))
def test_runs_and_lower_words_as_before(text: str) -> None:
    assert [m.span() for m in gates._DIGIT_RUN.finditer(text)] == [
        m.span() for m in re.finditer(r"\d+", text)]
    assert frames._WORD.findall(text) == re.findall(r"[a-z]+", text)
    assert [m.span() for m in segmentation._LOWER_WORD.finditer(text)] == [
        m.span() for m in re.finditer(r"(?<![\w'’-])[a-z][\w'’-]*", text)]


_STAMPS = _pieces([*_COMMON, "Updated", "MONDAY", "Sept", "sepember", "a.m.", "GMT", "3:40",
                   "ago", "hours", "The mayor", "an", "AN", "at", "İn", "ſept", "may", "mayor"])


@settings(max_examples=400, deadline=None)
@given(_STAMPS)
def test_timestamp_trie_matches_as_the_word_alternation(text: str) -> None:
    words = (
        r"(?:mon|tues|wednes|thurs|fri|satur|sun)day|jan(?:uary)?|feb(?:ruary)?|march|mar|"
        r"april|apr|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|"
        r"dec(?:ember)?|gmt|utc|bst|cet|est|edt|pst|am|pm|a\.m\.|p\.m\.|updated|published|"
        r"posted|at|on|of|the|ago|just|now|hours?|hrs?|minutes?|mins?|days?|weeks?|an?")
    old = re.compile(rf"^(?:(?:{words})\b|[\d:.,/|–-]|\s)+$", re.IGNORECASE)
    assert bool(segmentation._TIMESTAMP.match(text)) == bool(old.match(text))


_CREDITS = _pieces([*_COMMON, "Ann Roe", " contributed ", "CONTRIBUTED", "contrİbuted",
                    "reporting", " to this story", "The ", "&", "Related:"])


@settings(max_examples=400, deadline=None)
@given(_CREDITS)
def test_contributed_credit_read_apart_as_in_the_openers(text: str) -> None:
    both = re.compile(
        rf"(?:{segmentation._BOILER_PARAGRAPH.pattern}|{segmentation._CONTRIBUTED.pattern})",
        re.IGNORECASE | re.VERBOSE)
    low = gates.folded(text)
    split = bool(segmentation._BOILER_PARAGRAPH.match(text)) or bool(
        (low is None or "contributed" in low) and segmentation._CONTRIBUTED.match(text))
    assert split == bool(both.match(text))


@settings(max_examples=400, deadline=None)
@given(_pieces([*_COMMON, "or", "and", " more", "MORE", " leſſ", " up", "Up", "over",
                " above", "\n\n", "ers"]))
def test_class_gate_is_the_search(text: str) -> None:
    assert syntax._is_class(text) == (syntax._CLASS.search(text) is not None)


_ROLE_TEXT = _pieces([*_COMMON, "killed", "kill", "injured", "Shot down", "lead", "leading",
                      "fatalities", "supporters", "jobless", "deaths", "launched,", "caf"])


@settings(max_examples=400, deadline=None)
@given(_ROLE_TEXT)
def test_role_spans_are_the_token_scan(text: str) -> None:
    low = text.lower()
    assert frames._role_spans(low) == [m.span() for m in frames._ROLE_TOKEN.finditer(low)]
