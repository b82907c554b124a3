"""Fast paths of the cue finder equal the computations they replace (see
`test_fast_paths.py`): each test holds one shortcut to its original definition."""

from __future__ import annotations

import re
from typing import Any

from hypothesis import example, given, settings
from hypothesis import strategies as st

from claims.core.attribution import cues

_ACT_VOCAB = sorted({w for w in re.findall(r"[a-z]+", cues._VERBAL_ACT.pattern)}
                    | {"Made", "it", "the", "x", "made-up"})
_ACT_TEXT = st.lists(st.sampled_from(_ACT_VOCAB), max_size=14).flatmap(
    lambda ws: st.lists(st.sampled_from([" ", " ", "", ", ", "’"]), min_size=len(ws),
                        max_size=len(ws)).map(lambda seps: "".join(
                            w + s for w, s in zip(ws, seps, strict=True))))


@settings(max_examples=400)
@given(_ACT_TEXT, st.data())
@example("made it clear made the case for it", None)
def test_verbal_acts_at_the_scanned_openers_are_finditer(text: str, data: Any) -> None:
    lo = data.draw(st.integers(0, len(text))) if data else 0
    hi = data.draw(st.integers(lo, len(text))) if data else len(text)
    scanned = list(cues._CUE_SCAN.finditer(text, lo, hi))
    old = [m.span() for m in cues._VERBAL_ACT.finditer(text, lo, hi)]
    assert [m.span() for m in cues._verbal_acts(text, scanned, hi)] == old


_TITLE_WORD = re.compile(r"\b[A-Za-z][\w'’-]*")
_CASE_TEXT = st.text(alphabet=st.sampled_from(list("aAbBzZ é’'-_0 \t\n,.İı")), max_size=40)


@settings(max_examples=600)
@given(_CASE_TEXT)
@example("Holt Says She Will Stay")
@example("Holt says she will stay")
def test_title_case_bound_never_changes_the_answer(text: str) -> None:
    toks = _TITLE_WORD.findall(text)
    old = len(toks) >= 3 and sum(t[0].isupper() for t in toks) >= 0.7 * len(toks)
    assert cues._title_case(text) == old


_CUT_DEFINITION = re.compile(r"[;:“”\"—–]|''|\s-\s|,(?!\d)")
_CUT_TEXT = st.text(alphabet=st.sampled_from(list(";:“”\"—–'’ -,\t\n\xa0a1")), max_size=16)


@settings(max_examples=600)
@given(_CUT_TEXT, st.data())
@example("a ''' b - - c,1", None)
def test_segment_cut_opens_on_a_class_and_cuts_where_the_alternation_does(
        text: str, data: Any) -> None:
    lo = data.draw(st.integers(0, len(text))) if data else 0
    end = data.draw(st.integers(lo, len(text))) if data else len(text)
    old = [m.span() for m in _CUT_DEFINITION.finditer(text[lo:end])]
    assert [(m.start() - lo, m.end() - lo) for m in cues._CUT.finditer(text, lo, end)] == old
