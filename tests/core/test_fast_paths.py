"""Fast paths of the extractor equal the computations they replace.

Speed work on attribution, cues, references, sources and segmentation swapped regex
scans of whole texts and linear searches for backward scans, indexes, gates and caches.
Each test here holds one shortcut to the original definition, written out in the test,
on random text (lookalike letters, odd whitespace and apostrophes included), so the
shortcuts can never change what `extract` returns.
"""

from __future__ import annotations

import re
from typing import Any

from hypothesis import example, given, settings
from hypothesis import strategies as st

from claims.core.attribution import cues, references, sources
from claims.core.attribution.consolidate import _between, _qualified_by, _sentence_at
from claims.core.attribution.cues import CUE_BASE
from claims.core.attribution.persons import PERSON_NOUNS
from claims.core.attribution.references import (
    _BARE_NAME,
    _OPENING_NAME,
    _ORG_TAILS,
    _PERSON_SCAN,
    _PREPOSITIONS,
    NOT_FIRST_NAMES,
    Mentions,
    PeopleIndex,
    Person,
    _plain,
    adjective_form,
    people_mentions,
    scan_people,
)
from claims.core.attribution.sources import ORG_WORDS, TITLES, Entity, gender_of, norm
from claims.core.figures import traps as fig_traps
from claims.core.figures.gates import TRAP_GATES, folded, trap_may_match
from claims.core.figures.traps import TRAP_PATTERNS, gated_patterns
from claims.core.text import segmentation
from claims.core.text.segmentation import quote_mask
from claims.core.textkeys import (
    chain_from,
    previous_word,
    word_alternation,
    word_before,
    word_starts,
)

try:  # the parser of `re` patterns (Python 3.11+), to read `_VERBAL_ACT`'s alternatives
    from re import _parser as sre_parse  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover
    import sre_parse

# Characters that trip naive equivalents of \w, \s and (?i): lookalike letters, a
# combining dot, non-breaking and control spaces, both apostrophes, digits, marks.
_TRICKY = list("aAbBeEsSiIkK’'.-_ ,;:()\"“”/\t\n\r\xa0\x1c\u2028İıſ\u212aé\u0307٣0 ")
_TEXT = st.text(alphabet=st.sampled_from(_TRICKY) | st.characters(), max_size=40)

_NAME_WORDS = [
    "Minister", "President", "Mr", "Mrs.", "Dr.", "Prof.", "Petra", "Lund", "Lund's",
    "Lund’s", "Anna", "Berg", "Maria", "Keller", "Havik", "O'Neil", "Smith-Smith", "the",
    "in", "said", "Ministry", "Green", "Party", "Shipping", "Monday", "Acme", "mayor",
    "spokesman", "director", "Jan", "Lundqvist", "BERG",
]
_SEPARATORS = [" ", " ", " ", "  ", "\n", ", ", ". ", "-", "’s ", "\t", ""]


@st.composite
def _name_texts(draw: Any) -> str:
    """Sentences made of names, titles and joiners: what the people scan reads."""
    n = draw(st.integers(0, 30))
    parts = [draw(st.sampled_from(_NAME_WORDS)) + draw(st.sampled_from(_SEPARATORS))
             for _ in range(n)]
    return "".join(parts)


# ------------------------------------------------------------ backward word scans
@settings(max_examples=400)
@given(_TEXT, st.data())
def test_previous_word_is_the_regex_on_the_prefix(text: str, data: Any) -> None:
    pos = data.draw(st.integers(0, len(text)))
    m = re.search(r"([\w’'.-]+)\s*$", text[:pos])
    assert previous_word(text, pos) == (m.group(1).lower() if m else "")


@settings(max_examples=400)
@given(_TEXT, st.data())
def test_words_before_is_the_regex_on_the_prefix(text: str, data: Any) -> None:
    pos = data.draw(st.integers(0, len(text)))
    m = re.search(r"([\w'’]+)\W*$", text[:pos])
    assert word_before(text, pos) == (m.group(1).lower() if m else "")


def test_words_before_reads_the_last_word() -> None:
    assert word_before("the ministry’s, ", 16) == "ministry’s"
    assert word_before("’’ ...", 6) == "’’"
    assert word_before("... ", 4) == ""


# ------------------------------------------------------------- surname occurrences
@settings(max_examples=300)
@given(st.text(alphabet="ab-' x", max_size=30), st.text(alphabet="ab-'", min_size=1,
                                                          max_size=3), st.data())
def test_chained_word_starts_are_finditer_from_a_position(text: str, word: str,
                                                          data: Any) -> None:
    pos = data.draw(st.integers(0, len(text)))
    expected = [m.start() for m in re.finditer(rf"\b{re.escape(word)}\b", text[pos:])] \
        if pos == 0 else [m.start() for m in re.compile(
            rf"\b{re.escape(word)}\b").finditer(text, pos)]
    assert chain_from(word_starts(word, text), pos, len(word)) == expected


def _scan_people_reference(text: str, bare: bool) -> list[Person]:
    """`scan_people` as first written: a regex per prefix and per surname, linear tests."""
    people: list[Person] = []
    named: set[str] = set()
    for m in _PERSON_SCAN.finditer(text):
        name = re.sub(r"['’]s$", "", m.group(1))
        if any(w.lower() in ORG_WORDS for w in name.split()):
            continue
        title = text[m.start() : m.end()]
        if not bare:
            people.append((m.start(1), name, gender_of(name, title), title))
        named.add(name)
    # (a person noun before an opening name, "consultant Ty Orr", and a possessive
    # after a known first name, "Ann Roe’s aides", are later rounds' intended additions)
    opening = [m for m in _OPENING_NAME.finditer(text) if gender_of(m.group(1)) is not None
               or previous_word(text, m.start()) in PERSON_NOUNS]
    for m in [*_BARE_NAME.finditer(text), *opening] if bare else []:
        first, last = m.group(1), m.group(2)
        if gender_of(first) is not None:
            last = re.sub(r"['’]s$", "", last)
        prev = re.search(r"([\w’'.-]+)\s*$", text[: m.start()])
        prev_word = prev.group(1).lower() if prev else ""
        if (first.lower() in NOT_FIRST_NAMES or first.lower() in TITLES
                or _plain(last) in _ORG_TAILS or last.lower() in TITLES
                or prev_word in _PREPOSITIONS or prev_word in ("the", "a", "an")):
            continue
        name = m.group(0)[: len(m.group(0)) - len(m.group(2)) + len(last)]
        if any(name in n for n in named):
            continue
        people.append((m.start(), name, gender_of(name), ""))
        named.add(name)
    out = list(people)
    for pos, name, gender, title in people:
        surname = name.split()[-1]
        for o in re.finditer(rf"\b{re.escape(surname)}\b", text[pos + len(name) :]):
            out.append((pos + len(name) + o.start(), name, gender, title))
    return sorted(out, key=_mention_order)


def _mention_order(p: Person) -> tuple[int, str, str, str]:
    """Position, name, gender, title, with an unknown gender sorting first.

    The first version sorted the bare tuples, which raises TypeError when one place holds
    two mentions of one name, one with a gender and one without ("Minister Minister
    spokesman Minister": the second "Minister" is both a repeat of the first, gender
    unknown, and a spokesman, male). `scan_people` was fixed to order such mentions; the
    reference kept raising, and the test counted "raises" as an outcome to preserve, so
    Hypothesis failed whenever its random draw reached that shape.
    """
    return p[0], p[1], p[2] or "", p[3]


@settings(max_examples=300)
@given(_name_texts(), st.booleans())
@example("Minister Minister spokesman Minister ", False)
@example("Minister Minister Mr Minister ", False)
def test_scan_people_equals_the_first_version(text: str, bare: bool) -> None:
    assert scan_people(text, bare) == _scan_people_reference(text, bare)


def test_scan_people_repeats_a_titled_surname() -> None:
    text = "Finance Minister Petra Lund spoke. Lund said. Later Lund left."
    assert scan_people(text) == _scan_people_reference(text, False)
    assert [p[0] for p in scan_people(text)] == [17, 35, 52]


# ----------------------------------------------------------------- source lookups
_KEY_WORDS = st.sampled_from(["the", "air", "force", "Air Force", "ministry", "’s", "of",
                              "a-b", "x", "  ", "İ", "ſ", "Dr.", "o'neil"])
_PHRASE = st.lists(_KEY_WORDS, min_size=1, max_size=4).map(" ".join)


@settings(max_examples=300)
@given(_PHRASE, st.lists(_PHRASE, max_size=4), _PHRASE)
def test_joined_keys_hold_a_key_as_whole_words(name: str, aliases: list[str],
                                               phrase: str) -> None:
    e = Entity(name=name)
    for a in aliases:
        e.add_alias(a)
    key = norm(phrase)
    pat = re.compile(rf"(?:^|\s){re.escape(key)}(?:$|\s)")
    expected = any(pat.search(norm(n)) for n in e.names())
    assert (f" {key} " in e.joined_keys()) == expected
    assert e.name_keys() == {norm(n) for n in e.names()}


def test_name_keys_follow_renames_and_new_aliases() -> None:
    e = Entity(name="The Ministry")
    assert e.name_keys() == {"ministry"}
    e.add_alias("Defence Ministry")
    assert e.name_keys() == {"ministry", "defence ministry"}
    e.name = "Marovian defence ministry"
    assert e.name_keys() == {"marovian defence ministry", "defence ministry"}


@settings(max_examples=300)
@given(_name_texts(), st.booleans(), st.sampled_from(["lund", "petra lund", "berg", "x",
                                                       "", "smith smith", "o'neil"]),
       st.integers(0, 400), st.sampled_from([None, "m", "f"]))
def test_people_index_answers_as_the_linear_scans(text: str, bare: bool, key: str,
                                                  pos: int, gender: str | None) -> None:
    people = scan_people(text, bare)
    index = PeopleIndex(people, [])
    first = next((p for p in people
                  if norm(p[1]) == key or norm(p[1]).endswith(" " + key)), None)
    assert index.by_word_suffix.get(key) == first
    titled = next((t for _, n, _, t in people if t and norm(n) == key), None)
    assert index.title_by_key.get(key) == titled
    best: Person | None = None
    for p in people:
        if p[0] < pos and (best is None or p[0] > best[0]) and (
                gender is None or p[2] in (None, gender)):
            best = p
    assert Mentions(people).latest(pos, gender) == best


# -------------------------------------------------------------------- cue scans
_CUE_VOCAB = sorted({w for w in re.findall(r"[a-z]+", cues._VERBAL_ACT.pattern)}
                    | set(CUE_BASE) | {"Said", "saidx", "x", "its", "the"})
_CUE_TEXT = st.lists(st.sampled_from(_CUE_VOCAB) | st.sampled_from(["-", "_", "é", "’"]),
                     max_size=12).flatmap(
    lambda ws: st.lists(st.sampled_from([" ", "", ", "]), min_size=len(ws),
                        max_size=len(ws)).map(lambda seps: "".join(
                            w + s for w, s in zip(ws, seps, strict=True))))


@settings(max_examples=400)
@given(_CUE_TEXT, st.data())
def test_cue_scan_finds_the_words_the_cue_loop_acts_on(text: str, data: Any) -> None:
    lo = data.draw(st.integers(0, len(text)))
    hi = data.draw(st.integers(lo, len(text)))
    old = [(m.start(), m.group()) for m in re.compile(r"\b[a-z]+\b").finditer(text, lo, hi)
           if m.group() in cues._CUE_WORDS or cues._VERBAL_ACT.fullmatch(m.group())]
    new = [(m.start(), m.group()) for m in cues._CUE_SCAN.finditer(text, lo, hi)
           if m.group() in cues._CUE_WORDS]
    assert new == old
    if cues._VERBAL_ACT.search(text, lo, hi):  # the gate never hides an act
        assert any(m.group() in cues._ACT_OPENERS
                   for m in cues._CUE_SCAN.finditer(text, lo, hi))


def _leading_words(items: Any) -> tuple[set[str], set[str]]:
    """(first words, whole one-word alternatives) of a parsed alternation's branches."""
    firsts: set[str] = set()
    whole: set[str] = set()
    for op, av in items:
        if op is sre_parse.SUBPATTERN:
            f, w = _leading_words(av[-1])
            return f, w
        if op is sre_parse.BRANCH:
            for branch in av[1]:
                word = ""
                for bop, bav in branch:
                    if bop is sre_parse.LITERAL and chr(bav) != " ":
                        word += chr(bav)
                        continue
                    break
                else:
                    whole.add(word)
                if word:
                    firsts.add(word)
                else:
                    f, _ = _leading_words(branch)
                    firsts |= f
            return firsts, whole
    return firsts, whole


def test_act_openers_are_the_verbal_acts_first_words() -> None:
    parsed = list(sre_parse.parse(cues._VERBAL_ACT.pattern))
    firsts, whole = _leading_words(parsed[1:])
    assert firsts == cues._ACT_OPENERS
    assert whole == cues._ONE_WORD_ACTS


@settings(max_examples=200)
@given(st.sets(st.text(alphabet="abs", min_size=1, max_size=4), min_size=1, max_size=8),
       st.text(alphabet="abs x-", max_size=30))
def test_word_alternation_matches_as_the_flat_alternation(vocab: set[str], text: str) -> None:
    flat = re.compile(r"\b(?:" + "|".join(sorted(vocab)) + r")\b")
    trie = re.compile(rf"\b{word_alternation(frozenset(vocab))}\b")
    assert [m.span() for m in trie.finditer(text)] == [m.span() for m in flat.finditer(text)]


# -------------------------------------------------------------- page furniture
@settings(max_examples=300)
@given(st.lists(st.sampled_from(["Photo:", "(Reuters/Jane Doe)", "AP / Getty", "Credit :",
                                 "(photo credit)", "Source", ")", " "]) | _TEXT,
                max_size=4).map(" ".join))
def test_sentence_and_credit_gates_never_hide_a_match(text: str) -> None:
    if segmentation._BOILER_SENTENCE.match(text.strip()):
        assert "/" in text or ":" in text
    if segmentation._TRAILING_CREDIT.search(text):
        assert text.rstrip().endswith(")")


# ------------------------------------------------------------------ trap gates
@settings(max_examples=300)
@given(st.lists(st.sampled_from(["Sept 13", "2 a.m.", "18:40 GMT", "No. 5", "day two",
                                 "top 10", "10-year bond", "ſ", "İ", "call 999", "1990s"])
                | _TEXT, max_size=5).map(" ".join))
def test_inlined_trap_gates_equal_trap_may_match(text: str) -> None:
    low = folded(text)
    expected = [p for i, p in enumerate(TRAP_PATTERNS) if trap_may_match(i, text, low)]
    assert gated_patterns(text, low) == expected
    assert len(fig_traps._GATED_TRAPS) == len(TRAP_GATES)


# ----------------------------------------------------------- place by sentence
@settings(max_examples=300)
@given(st.lists(st.integers(1, 200), max_size=8), st.integers(0, 250),
       st.lists(st.tuples(st.integers(0, 250), st.sampled_from(["A", "B"]), st.booleans()),
                max_size=10), st.integers(0, 250), st.integers(0, 250))
def test_sentence_and_place_lookups_equal_linear_scans(
        ends: list[int], pos: int, places: list[tuple[int, str, bool]], lo: int,
        hi: int) -> None:
    bounds = [0, *sorted(ends), 250]
    expected = max(k for k in range(len(bounds) - 1) if bounds[k] <= pos)
    assert _sentence_at(bounds, pos) == expected
    ordered = sorted(places)
    starts = [p for p, _, _ in ordered]
    assert _between(ordered, starts, lo, hi) == [x for x in ordered if lo <= x[0] < hi]


# ----------------------------------------------- patterns that open with a capital
_OLD_PATTERNS = {
    # (a middle initial, "Ann B. Roe", and a name after a dateline's dash are later
    # rounds' intended additions, written here in the plain form)
    "_BARE_NAME": r"(?<![\w’'.-] )(?<![\w’'-])([A-Z][a-z]+(?:-[A-Z][a-z]+)?) (?:[A-Z]\. )?"
                  r"([A-Z][a-z][\w’'-]*[a-z])\b(?! [A-Z(])(?![’']s? [A-Z])",
    "_OPENING_NAME": r"(?<=[a-z.!?–—-] )([A-Z][a-z]+) (?:[A-Z]\. )?([A-Z][a-z][\w’'-]*[a-z])\b"
                     r"(?! [A-Z(])(?![’']s? [A-Z])",
    "_POSSESSIVE_PLACE": r"(?<![\w-])([A-Z][a-z][\w]*(?: [A-Z][a-z]\w*)?)['’]s\s+"
                         r"(?:[a-z][\w-]*\s+){0,2}?(?:" + references._PLACE_NOUNS + r")\b",
    "_DEMONYM": r"(?<![\w-])([A-Z][a-z]{2,}(?:ian|ean|an|ese|ish|i))(?=\s+(?!(?:said|says|"
                r"told|added|wrote|is|was|are|were|has|had|who|will|would|from|to|in|on|at|"
                r"by|with|for|of|into|over|under|after|before|since)\b)[a-z])",
}
_OLD_ACRONYM = r"((?:[A-Z][\w'’-]*\s+(?:(?:of|for|the|and|on)\s+)*){1,8})\(([A-Z]{2,8})\)"
_CAPITAL_TEXT = st.lists(st.sampled_from(
    ["Anna", "Quist", "Lower", "Harran", "Marovian", "Ukraine's", "Kyiv’s", "air", "force",
     "government", "said", "the", "-", "'", "’", ".", "(WHO)", "(NCPA)", "World", "of",
     "Health", "Organization", "Ministry", "for", "Ab", "Xy-Zq", "\n", "é"]),
    max_size=14).flatmap(lambda ws: st.lists(st.sampled_from([" ", "", "  ", ", "]),
                                             min_size=len(ws), max_size=len(ws)).map(
    lambda seps: "".join(w + s for w, s in zip(ws, seps, strict=True))))


@settings(max_examples=400)
@given(_CAPITAL_TEXT | _TEXT)
def test_capital_first_patterns_match_as_before(text: str) -> None:
    for name, old in _OLD_PATTERNS.items():
        new = getattr(references, name)
        assert [(m.span(), m.groups()) for m in new.finditer(text)] == [
            (m.span(), m.groups()) for m in re.finditer(old, text)], name
    assert [(m.span(), m.groups()) for m in sources._ACRONYM_DEFINED.finditer(text)] == [
        (m.span(), m.groups()) for m in re.finditer(_OLD_ACRONYM, text)]


@settings(max_examples=300)
@given(_CAPITAL_TEXT | _TEXT, st.sampled_from(["air force", "ministry", "defen[cs]e ministry",
                                               "ministry of (?:the )?health", "force"]))
def test_qualified_body_pattern_matches_as_before(text: str, body: str) -> None:
    cap = r"(?-i:[A-Z][a-z][\w-]*)"
    old = rf"\b({cap}(?: {cap})?)(?:['’]s)? {body}\b"
    assert [(m.span(), m.groups()) for m in re.finditer(_qualified_by(body), text, re.I)] == [
        (m.span(), m.groups()) for m in re.finditer(old, text, re.I)]


@settings(max_examples=300)
@given(_name_texts(), st.booleans())
def test_people_mentions_are_the_scan_without_repeats(text: str, bare: bool) -> None:
    expected = sorted(set(scan_people(text, bare)), key=_mention_order)
    assert people_mentions(text, bare) == expected


def test_people_mentions_stay_linear_in_repeated_mentions() -> None:
    text = " ".join(["Finance Minister Petra Lund spoke."] * 50)
    assert len(scan_people(text)) == 50 + 50 * 49 // 2
    assert len(people_mentions(text)) == 50 + 49  # each mention, each later surname


def _quote_mask_reference(text: str, open_at_start: bool) -> tuple[list[bool], bool]:
    """`quote_mask` as first written: one flag per character, in a loop (plus the
    misplaced opening mark read as a closing one)."""
    mask = [False] * len(text)
    inside = open_at_start
    pair = False  # the second character of a '' or `` mark
    for i, ch in enumerate(text):
        if pair:
            mask[i], pair = True, False
            continue
        if text[i : i + 2] in ("''", "``"):  # a typewriter pair: one mark of two characters
            mask[i], pair = True, True
            inside = True if ch == "`" else not inside
            continue
        if ch == "“" and inside and i > 0 and not text[i - 1].isspace() and (
                i + 1 == len(text) or text[i + 1].isspace()):
            ch = "”"  # an opening mark typed where a closing one goes ("…here,“ said X")
        if ch == "“":
            inside = True
        elif ch == "”":
            mask[i] = True
            inside = False
            continue
        elif ch == '"':
            if inside:
                mask[i] = True
                inside = False
                continue
            inside = True
        mask[i] = inside
    return mask, inside


@settings(max_examples=400)
@given(st.text(alphabet='ab “”"\'‘’`', max_size=30), st.booleans())
def test_quote_mask_equals_the_character_loop(text: str, open_at_start: bool) -> None:
    assert quote_mask(text, open_at_start) == _quote_mask_reference(text, open_at_start)


@settings(max_examples=400)
@given(st.sampled_from(["Ukrain", "Russi", "Marovi", "Lorant", "Chin", "G-b", "Ab"]),
       st.lists(st.sampled_from(["Ukrainian", "Ukrainians", "Ukraine", "xUkrainian", "Russian",
                                 "Russia", "Russi", "Marovian", "Marovianx", "Lorantish",
                                 "Chinese", "Chin", "G-bian", "Abi", "Ab_an", "Abé", "Abiané"])
                | _TEXT, max_size=6).map(" ".join))
def test_adjective_form_is_the_demonym_regex(prefix: str, text: str) -> None:
    m = re.search(rf"\b({re.escape(prefix)}\w*?(?:ian|ean|an|ese|ish|i))\b", text)
    assert adjective_form(prefix, text) == (m.group(1) if m else None)
