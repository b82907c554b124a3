"""Fast paths of attribution and segmentation equal the plain computations they replace.

Each shortcut (a pattern rewritten to open on a character class, a scan tried only at
the offsets where a match can start, a gate, a cache) is held here to its plain
version, written out in the test, on generated text made of the words, capitals,
spaces, stops and apostrophes the patterns read (lookalike letters included).
"""

from __future__ import annotations

import re
from typing import Any

from hypothesis import example, given, settings
from hypothesis import strategies as st

from claims.core.attribution import consolidate, references, sources
from claims.core.text.anchored import caseless, literal_offsets, matches_at, minimal_literals

_TRICKY = list("aAbBeEsSiIkKMmPp’'.-_ ,;:()\"“”/\t\n\r\xa0\x1c\u2028İıſ\u212aé\u0307٣0 ")
_TEXT = st.text(alphabet=st.sampled_from(_TRICKY) | st.characters(), max_size=40)


def _joined(words: list[str], max_size: int = 16) -> Any:
    """Texts made of `words`, joined by spaces, nothing, stops or line breaks."""
    return st.lists(st.sampled_from(words), max_size=max_size).flatmap(
        lambda ws: st.lists(st.sampled_from([" ", " ", "", "  ", ", ", ". ", "\n", "-"]),
                            min_size=len(ws), max_size=len(ws)).map(
            lambda seps: "".join(w + s for w, s in zip(ws, seps, strict=True))))


def _found(rx: re.Pattern[str] | str, text: str) -> list[tuple[tuple[int, int], Any]]:
    return [(m.span(), m.groups()) for m in re.finditer(rx, text)]


# ------------------------------------------------------------- anchored scans
@settings(max_examples=300)
@given(st.text(alphabet="ab. ", max_size=30), st.lists(st.integers(0, 32), max_size=40))
def test_matches_at_is_finditer_when_the_starts_hold_every_match(text: str,
                                                                 extra: list[int]) -> None:
    rx = re.compile(r"(?<![ab])a[ab]*\.?|b\.")
    starts = [m.start() for m in re.finditer(r"(?=[ab])", text)] + extra
    assert [(m.span(), m.group()) for m in matches_at(rx, text, starts)] == [
        (m.span(), m.group()) for m in rx.finditer(text)]


@given(st.lists(st.text(alphabet="ab", min_size=1, max_size=3), max_size=6),
       st.text(alphabet="ab ", max_size=20))
def test_minimal_literals_find_every_literal(lits: list[str], text: str) -> None:
    found = set(literal_offsets(text, minimal_literals(lits)))
    for lit in lits:
        assert {m.start() for m in re.finditer(f"(?={lit})", text)} <= found


# ------------------------------------------------------------- the people scan
_PERSON_WORDS = [
    "Mr", "Mr.", "Mrs.", "Ms", "Dr.", "President", "president", "Prime", "Minister",
    "minister", "Gov.", "Governor", "Gen.", "General", "Sen.", "Senator", "Prof.", "spokesman",
    "spokeswoman", "chief", "executive", "Petra", "Lund", "Lund's", "Ann", "Roe’s", "O'Neil",
    "Ab", "ab", "the", "said", "Acme", "Bank", "X-Ray", "İ", "ſ", "(", "“",
]


@settings(max_examples=500)
@given(_joined(_PERSON_WORDS, 20) | _TEXT)
@example("Foreign Minister Petra Lund")
@example("Xab\u2028Mr Ab")
def test_titled_matches_are_the_person_scan(text: str) -> None:
    assert [(m.span(), m.groups()) for m in references._titled_matches(text)] == _found(
        references._PERSON_SCAN, text)


# ------------------------------------------------------------- the place scan
_OLD_OF_PLACE = (
    r"(?=[A-Z])\b(?:Ministry|Assembly|Parliament|Government|Republic|Kingdom|President|"
    r"Embassy|People) of ([A-Z][a-z]\w+)\b(?!\s+[A-Z])|(?<![\w-])([A-Z][a-z]\w+) "
    r"(?:Ministry|Government|Parliament|Armed Forces|Air Force|Army|Navy)\b")
_OLD_IN_PLACE = r"\b(?:in|across|throughout) ([A-Z][a-z]\w+(?: [A-Z][a-z]\w+)?)\b(?!['’]| [A-Z])"
_PLACE_WORDS = [
    "Ministry", "Assembly", "People", "of", "Marovia", "Lorantia", "Marovian", "Kyiv’s",
    "Ukraine's", "Government", "Air", "Force", "Armed", "Forces", "Army", "Navy", "in",
    "across", "throughout", "within", "Riverton", "Bay", "said", "the", "army", "forces",
    "capital", "its", "Lund", "Petra", "Minister", "Ab", "x", "-", "İ", "é",
]


def _place_mentions_reference(text: str) -> list[tuple[int, str, bool]]:
    """`place_mentions` as first written, with the patterns as first written."""
    people = {w for _, name, _, _ in references.people_mentions(text) for w in name.split()}
    found: list[tuple[int, str, bool]] = []
    for rx, strong in ((references._POSSESSIVE_PLACE, True), (references._DEMONYM, True),
                       (re.compile(_OLD_OF_PLACE), True), (re.compile(_OLD_IN_PLACE), False)):
        if rx is references._POSSESSIVE_PLACE and "'s" not in text and "’s" not in text:
            continue
        for m in rx.finditer(text):
            group = next(i for i in range(1, (m.lastindex or 1) + 1) if m.group(i))
            name = m.group(group)
            first = name.split()[0]
            if first.lower() in references._NOT_PLACES or first in people or name in people or (
                    rx is references._DEMONYM and (
                        first.lower() in references._FIRST_NAMES
                        or references._after_name(text, m)
                        or not references._body_follows(text, m.end()))):
                continue
            found.append((m.start(group), name, strong))
    return sorted(found)


@settings(max_examples=500)
@given(_joined(_PLACE_WORDS, 18) | _TEXT)
@example("Marovia Ministry of Lorantia")
@example("Ministry of Marovia Government")
@example("Xacross Riverton and within Lorantia")
def test_place_mentions_equal_the_first_version(text: str) -> None:
    assert references.place_mentions(text) == _place_mentions_reference(text)


@settings(max_examples=300)
@given(_joined(_PLACE_WORDS, 18) | _TEXT)
def test_place_patterns_match_as_before(text: str) -> None:
    new_of = [(m.start(1), m.group(1)) if m.group(1) is not None else (
        m.start(), text[m.start() : m.end(2)]) for m in references._OF_PLACE.finditer(text)]
    old_of = [(m.start(g), m.group(g)) for m in re.finditer(_OLD_OF_PLACE, text)
              for g in (1 if m.group(1) else 2,)]
    assert new_of == old_of
    assert _found(references._IN_PLACE, text) == [
        ((m.start(1), m.end()), m.groups()) for m in re.finditer(_OLD_IN_PLACE, text)]
    if re.search(references._POSSESSIVE_PLACE, text):
        assert references._POSSESSIVE_TAIL.search(text) is not None


# ------------------------------------------------------------- acronyms, sentence ends
@settings(max_examples=300)
@given(_joined(["World", "Health", "Organization", "of", "the", "(WHO)", "(W)", "(ABCDEFGHI)",
                "(", ")", "WHO", "Ab"]) | _TEXT)
def test_acronym_gate_never_hides_a_definition(text: str) -> None:
    if sources._ACRONYM_DEFINED.search(text):
        assert sources._ACRONYM_MARK.search(text) is not None


@settings(max_examples=500)
@given(st.text(alphabet=list(".!?…”\"’' \n\t\r\xa0\u2028ab"), max_size=30) | _TEXT)
@example("a.\n\n b")
@example("x\n.\n")
def test_sentence_ends_are_the_first_pattern(text: str) -> None:
    old = r"(?<=[.!?…])[”\"’]?\s+|\n+"
    assert [m.end() for m in consolidate._SENTENCE_END.finditer(text)] == [
        m.end() for m in re.finditer(old, text)]


# ------------------------------------------------------------- qualified bodies
_BODIES = ["air force", "defen[cs]e ministry", "ministry of (?:the )?health", "labou?r party",
           "force", "cent(?:re|er)", r"U\.S\. army", "k", "é army", "ab"]
_BODY_WORDS = [
    "Marovia", "Marovia's", "Kyiv’s", "Lorantia", "Air", "air", "AIR", "Force", "force",
    "FORCE", "defence", "Defense", "ministry", "Ministry", "of", "the", "health", "Health",
    "labor", "Labour", "party", "centre", "Center", "U.S.", "army", "k", "K", "\u212a",
    "Ab", "ab", "aB", "The", "New", "x-Ray", "é", "İ", "ı", "ſ", "’s", "'s", "(",
]


@settings(max_examples=600)
@given(_joined(_BODY_WORDS, 18) | _TEXT, st.sampled_from(_BODIES))
@example("Marovia Air Force air force", "air force")
@example("New Marovia’s labor party", "labou?r party")
def test_qualified_matches_are_the_pattern_scan(text: str, body: str) -> None:
    assert [(m.span(), m.groups()) for m in consolidate._qualified_matches(body, text)] == [
        (m.span(), m.groups())
        for m in re.finditer(consolidate._qualified_by(body), text, re.IGNORECASE)]


def test_caseless_finds_ascii_letters_where_ignorecase_does() -> None:
    """Every character `re.IGNORECASE` matches to an ASCII letter lowers to that letter,
    but for the three `caseless` refuses to read (so its offsets are the text's)."""
    for code in range(0x110000):
        ch = chr(code)
        m = re.fullmatch("[a-z]", ch, re.IGNORECASE)
        if m is not None and ch not in "İıſ":
            letters = [x for x in "abcdefghijklmnopqrstuvwxyz"
                       if re.fullmatch(x, ch, re.IGNORECASE) is not None]
            assert letters == [ch.lower()], ch
    assert caseless("İ") is None and caseless("ı") is None and caseless("ſ") is None
    assert caseless("Ab \u212a") == "ab k"
