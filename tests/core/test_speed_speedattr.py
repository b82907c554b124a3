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
from claims.core.text import segmentation
from claims.core.text.anchored import (
    caseless,
    literal_offsets,
    matches_at,
    minimal_literals,
    word_offsets,
)

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


# ------------------------------------------------------------- a kept paragraph
_STAMP_WORDS = ["Updated", "updated", "12:30", "GMT", "Sept", "sepember", "Mon", "Monday",
                "the", "The", "at", "a.m.", "p.m.", "pm", "hours", "hrs", "ago", "Just",
                "now", "2024", "–", "|", "Theé", "mınutes", "weeK", "daysx", "ſep", "x",
                "Photo", "Sign", "up", "subscribe", "newsletter", "cookies", "COOKIE",
                "our", "site", "privacy", "policy", "5", "min", "read", "READ", "Enter",
                "your", "email", "İ", "ı"]


@settings(max_examples=300)
@given(_joined(_STAMP_WORDS, 12) | _TEXT, _joined(_STAMP_WORDS, 12) | _TEXT)
def test_a_whole_kept_paragraph_is_no_boilerplate_sentence(para: str, sentence: str) -> None:
    if not segmentation.is_boilerplate(para):
        kept = para.strip()
        for s in (sentence, para, f" {para}\n"):
            assert segmentation.is_boilerplate_sentence(s, kept) == (
                segmentation.is_boilerplate_sentence(s))


# ------------------------------------------------------------- consolidation caches
def _consolidate_reference(entities: list[Any], text: str) -> dict[int, Any]:
    """`consolidate` as first written: scores, proper-name tests and name keys computed
    afresh for every pair (now cached on the names, and renewed when one absorbs)."""
    from claims.core.attribution.consolidate import (
        _GROUP_HEADS,
        _LOCAL_OWNER,
        _NOT_PROPER,
        _OWN_VOICE,
        _ROLE_OFFICE,
        _SENTENCE_END,
        _TOKEN,
        _absorb,
        _body_words,
        _content,
        _drop_shared_surnames,
        _final,
        _has,
        _join_surnames,
        _name_tokens,
        _place_for,
        _possessed_place,
        _rename,
    )
    from claims.core.attribution.sources import TITLES, is_generic, is_unqualified, spelling_key

    def proper(e: Any) -> bool:
        lower = {t.lower() for n in e.names() for t in _TOKEN.findall(n) if t[:1].islower()}
        return any(t[:1].isupper() and t.lower() not in lower and t.lower() not in _NOT_PROPER
                   for n in e.names() for t in _TOKEN.findall(n))

    def score(weak: Any, strong: Any) -> int:
        office = _ROLE_OFFICE.search(weak.name)
        need = _content(weak.name)
        words_ = _TOKEN.findall(weak.name)
        head = spelling_key(words_[-1]) if words_ else ""
        best = 0
        for name in strong.names():
            toks = _name_tokens(name)
            if toks & _OWN_VOICE:
                continue
            if office and office.group(1).lower() in TITLES:
                if strong.person and spelling_key(office.group(1)) in toks:
                    best = max(best, 1)
            elif head in toks and all(_has(t, toks) for t in need):
                best = max(best, len(need))
        return best

    into = {id(e): e for e in entities}
    persons = {w for e in entities if e.person for w in e.name.split()}
    keys: dict[str, Any] = {}
    for e in entities:
        plain = _possessed_place(e, text, persons)
        if plain:
            e.add_alias(plain)
        key = " ".join(spelling_key(t) for t in _TOKEN.findall(plain or e.name))
        if key in keys and not e.person and not keys[key].person:
            keep, drop = (e, keys[key]) if plain is None else (keys[key], e)
            _absorb(keep, drop, into)
            keys[key] = keep
        else:
            keys.setdefault(key, e)
    kept = [e for e in entities if into[id(e)] is e]
    _drop_shared_surnames([e for e in kept if e.person])
    if _join_surnames(kept, text, into):  # a later rule (coref6), not a speed step
        kept = [e for e in kept if into[id(e)] is e]
    strong = [e for e in kept if not is_unqualified(e.name) and proper(e)]
    for weak in [e for e in kept if is_unqualified(e.name)]:
        scored = sorted(((score(weak, s), i) for i, s in enumerate(strong)), reverse=True)
        if scored and scored[0][0] > 0 and (len(scored) == 1 or scored[1][0] < scored[0][0]):
            _absorb(strong[scored[0][1]], weak, into)
    places = references.place_mentions(text)
    bounds: list[int] = []
    for e in kept:
        if into[id(e)] is e and not e.person and is_generic(e.name):
            head = _TOKEN.findall(e.name)[-1].lower()
            local = _LOCAL_OWNER.search(e.name)
            if not bounds and not (head in _GROUP_HEADS or local):
                bounds = [0] + [m.end() for m in _SENTENCE_END.finditer(text)] + [len(text)]
            place = None if head in _GROUP_HEADS or local else _place_for(
                e, text, places, persons, bounds)
            if place:
                _rename(e, f"{place} {_body_words(e.name)}")
    return {k: _final(v, into) for k, v in into.items()}


_SOURCE_NAMES = [
    "Marovian Air Force", "Marovia's air force", "the air force", "the Air Force", "air force",
    "the defence ministry", "Defense Ministry", "Marovian Defence Ministry", "the ministry",
    "Ministry of Defence", "the national defence ministry", "officials", "Analysts",
    "the coroner's office", "Chief Coroner Ruth Adler", "Ann Roe", "Ben Roe", "Roe",
    "the mayor", "NATO", "the alliance", "Terrano", "the company", "Terrano Group",
    "the finance ministry", "Lorantia Ministry of Finance", "the regional defance ministry",
]
_ARTICLE = ("Marovia's air force said. The Marovian defence ministry and Lorantia Ministry "
            "of Finance spoke in Riverton. Ann Roe, Ben Roe and Chief Coroner Ruth Adler "
            "agreed.\nRussian forces moved. The finance ministry said.")


@st.composite
def _source_lists(draw: Any) -> tuple[list[Any], str]:
    from claims.core.attribution.sources import Entity
    out = []
    for _ in range(draw(st.integers(0, 8))):
        name = draw(st.sampled_from(_SOURCE_NAMES))
        e = Entity(name=name, person=draw(st.booleans()) if name[:1].isupper() else False)
        for alias in draw(st.lists(st.sampled_from(_SOURCE_NAMES), max_size=2)):
            e.add_alias(alias)
        e.first = draw(st.integers(-1, len(_ARTICLE) - 1))
        e.last = max(e.first, draw(st.integers(-1, len(_ARTICLE) - 1)))
        out.append(e)
    return out, draw(st.sampled_from([_ARTICLE, _ARTICLE[:120], ""]))


@settings(max_examples=300)
@given(_source_lists())
def test_consolidate_equals_the_first_version(case: tuple[list[Any], str]) -> None:
    import copy
    entities, text = case
    plain = copy.deepcopy(entities)
    got = consolidate.consolidate(entities, text)
    want = _consolidate_reference(plain, text)
    index = {id(e): i for i, e in enumerate(entities)}
    index_plain = {id(e): i for i, e in enumerate(plain)}
    assert [repr(e) for e in entities] == [repr(e) for e in plain]
    assert sorted((index[k], index[id(v)]) for k, v in got.items()) == sorted(
        (index_plain[k], index_plain[id(v)]) for k, v in want.items())


@settings(max_examples=500)
@given(st.text(alphabet="ab-' x\u0307é_", max_size=30) | _TEXT,
       st.text(alphabet="ab-' é_", min_size=1, max_size=3))  # (`word_starts` loops on "")
@example("a-a-a", "a-a")
def test_word_offsets_are_the_word_pattern(text: str, word: str) -> None:
    from claims.core.textkeys import word_starts
    assert word_offsets(word, text) == word_starts(word, text)


_REPORT_WORDS = ["report", "Reports", "STUDY", "studies", "survey", "surveys", "analysis",
                 "data", "review", "statement", "poll", "polls", "polling", "reported",
                 "stUdıes", "ſurvey", "dataset", "the", "x"]


@settings(max_examples=400)
@given(_joined(_REPORT_WORDS, 10) | _TEXT)
def test_reportish_gate_is_the_pattern(text: str) -> None:
    from claims.core.attribution import resolve
    assert resolve._reportish(text) == (resolve._REPORTISH.search(text) is not None)


_THE_WORDS = ["the", "The", "former", "Vermont", "senator", "Senator", "spokesman",
              "secretary", "of", "state", "billionaire", "actress", "candidate", "x", "s"]


@settings(max_examples=300)
@given(_joined(_THE_WORDS, 7))
def test_person_noun_is_the_described_person_test(phrase: str) -> None:
    from claims.core.attribution import resolve
    from claims.core.attribution.persons import PERSON_NOUNS, SPEAKER_NOUNS
    m = resolve._THE_PERSON.match(phrase)
    noun = m.group(1).lower() if m is not None else None
    want = noun if noun in PERSON_NOUNS and noun not in SPEAKER_NOUNS else None
    assert resolve._person_noun(phrase) == want
