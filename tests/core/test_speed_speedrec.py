"""Fast paths of figure frames and relations equal the computations they replace.

Speed work on `reconcile` (frames, periods, places, relations) read some scans once per
claim instead of once per figure and put gates and caches in front of patterns. Each
test here holds one shortcut to its plain version, written out in the test, on random
text built from the words, digits and punctuation the patterns read (lookalike letters
and odd whitespace included), so the shortcuts can never change what `extract` returns.
"""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from claims.core.figures.gates import any_in, folded
from claims.core.model import Frame
from claims.core.reconcile import fit, periods, placewords, syntax

_ODD = ["\t", "\n", "\xa0", "\u2028", "İ", "ı", "ſ", "\u212a", "é", "’", "'", "-", "_", "x"]


def _pieces(words: list[str], max_size: int = 24) -> st.SearchStrategy[str]:
    """Texts made of the given pieces, joined by nothing or by a space."""
    alphabet = st.sampled_from([*words, *_ODD, " ", "  ", ",", ".", ";", ":", "7", "1,240"])
    return (st.lists(alphabet, max_size=max_size).map("".join)
            | st.lists(alphabet, max_size=max_size).map(" ".join))


# ----------------------------------------------------------------------- clauses
_CLAUSE_TEXT = _pieces(["while", "whereas", "but", "and", "that", "and that", ", and ",
                        " while ", ", but ", "; ", ": ", "Riverton", "40 died", "in"])


def _plain_clause(text: str, start: int, end: int) -> tuple[int, int]:
    """`clause` as first written: a scan cut at the figure, a search after it."""
    lo = 0
    for m in placewords._CLAUSE_START.finditer(text, 0, start):
        lo = m.end()
    m2 = placewords._CLAUSE_START.search(text, end)
    return lo, (m2.start() if m2 else len(text))


@settings(max_examples=600, deadline=None)
@given(_CLAUSE_TEXT, st.integers(-2, 90), st.integers(0, 12))
@example(", and  x", 6, 0)
@example("a  while  b", 3, 1)
def test_clause_from_the_breaks_of_the_whole_text(text: str, start: int, width: int) -> None:
    end = start + width
    assert placewords.clause(text, start, end) == _plain_clause(text, start, end)
    assert placewords.clause_start(text, start) == _plain_clause(text, start, end)[0]


# ----------------------------------------------------------------------- periods
_PERIOD_TEXT = _pieces(["since", "the start of", "this", "last", "past", "previous", "year",
                        "month", "week", "overnight", "into", "Monday", "monday", "night",
                        "on", "in", "3", "March", "Sept.", "2024", "1999", "so far", "ago",
                        "a year earlier", "yesterday", "today", "24 hours", "the", "of"])


def _plain_mentions(text: str, published: str | None) -> tuple[periods.Mention, ...]:
    """`mentions` as first written: the case-blind pattern over the whole text, every
    phrase resolved afresh."""
    if not periods._HINT.search(text):
        return ()
    today = periods._day.__wrapped__(published)
    slices = periods._group_slices()
    out = []
    for m in periods._ANY.finditer(text):
        kind = m.lastgroup or ""
        a, b = slices[kind]
        groups = tuple(m.group(i) for i in range(a, b))
        out.append(periods.Mention(m.start(), m.end(), m.group(),
                                   periods._resolve.__wrapped__(kind, groups, m.group(), today)))
    return tuple(out)


@settings(max_examples=600, deadline=None)
@given(_PERIOD_TEXT, st.sampled_from([None, "2024-11-26", "2024-03-01T08:00", "bad"]))
@example("last  week and on 3 March", "2024-11-26")
@example("MONDAY or the ſince 2024", None)
def test_mentions_equal_the_pattern_over_the_whole_text(text: str, published: str | None
                                                          ) -> None:
    assert periods.mentions.__wrapped__(text, published) == _plain_mentions(text, published)
    assert periods.mentions(text, published) == _plain_mentions(text, published)


# ----------------------------------------------------------------------- fits
_AREA_TEXT = _pieces(["town", "towns", "city", "county", "region", "state", "states",
                      "nationwide", "itself", "alone", "across", "whole", "all", "the",
                      "Town", "REGION", "statewide", "Σtate", "regional", "x", "ab"])
_FRAMES = [None, Frame(place="Riverton", words=(("place", "(lead) in Riverton"),)),
           Frame(place="Lower Harran province"), Frame(place="Kyiv"),
           Frame(place="Riverton, Estmark", role="killed", period="2024"),
           Frame(place="the north", actor="Russia", words=(("event", "(lead) floods"),))]


@settings(max_examples=400, deadline=None)
@given(_AREA_TEXT, st.sampled_from(_FRAMES))
def test_fit_in_is_fit_of(window: str, frame: Frame | None) -> None:
    """The uncached fit (with its place parsed once per place) is the cached one."""
    assert fit.fit_in(frame, window) == fit.fit_of.__wrapped__(frame, window)
    assert fit.fit_in(frame, window) == fit.fit_of(frame, window)


# ----------------------------------------------------------------------- word gates
_REF_TEXT = _pieces(["of", "Of", "OF", "which", "WHOM", "them", "those", "these", "the",
                     "runners", "including", "Includes", "among", "AMONG", "them,", ", of the",
                     "40", "ſ", "İ", "ı"])


@settings(max_examples=800, deadline=None)
@given(_REF_TEXT, _REF_TEXT)
@example("of the runners,\n", "")
@example("40 of THEM", "")
@example("of the runners ,\u2028 ", "")
def test_word_gates_of_the_syntax_rules_are_necessary(before: str, after: str) -> None:
    """Where a gate says no, its pattern finds nothing: the rule skips no figure the
    pattern would take."""
    low = folded(before + "40" + after)
    if syntax._OF_PRONOUN_AFTER.match(after) or syntax._OF_PRONOUN_BEFORE.search(before):
        assert any_in(low, syntax._PRONOUNS)
    if syntax._OF_THE_BEFORE.search(before):
        assert before.rstrip().endswith(",")
    if syntax._INCLUDING.search(before):
        assert any_in(low, syntax._INCLUDING_WORDS)

