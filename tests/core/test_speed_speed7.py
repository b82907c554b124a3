"""The seventh speed round's shortcuts give exactly what the plain computation gives.

Each test holds one shortcut to the plain code it replaces, written out here: the model's
slot-setting constructors to the dataclass `__init__`, and the figure and frame scans to
the patterns they stand for, on random text built from the words, digits and
punctuation they read (with the characters `re.IGNORECASE` matches to ASCII letters).
"""

from __future__ import annotations

import dataclasses
import inspect
from typing import Any

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from claims.core import model

_SLOT_INIT = (model.Frame, model.Figure, model.Source, model.Claim, model.FigureRef,
              model.InferredRelation)


def _plain(cls: type) -> type:
    """The same fields in a frozen, slotted dataclass with its own generated `__init__`."""
    spec = [(f.name, Any, dataclasses.field(default=f.default))
            if f.default is not dataclasses.MISSING else (f.name, Any)
            for f in dataclasses.fields(cls)]
    return dataclasses.make_dataclass("Plain" + cls.__name__, spec, frozen=True, slots=True)


_PLAIN = {cls: _plain(cls) for cls in _SLOT_INIT}


@pytest.mark.parametrize("cls", _SLOT_INIT, ids=lambda c: c.__name__)
def test_slot_init_keeps_the_signature(cls: type) -> None:
    ours, plain = inspect.signature(cls), inspect.signature(_PLAIN[cls])
    assert [(p.name, p.default, p.kind) for p in ours.parameters.values()] == [
        (p.name, p.default, p.kind) for p in plain.parameters.values()]


_VALUES = st.one_of(st.none(), st.integers(), st.text(max_size=5), st.tuples(st.integers()))


@pytest.mark.parametrize("cls", _SLOT_INIT, ids=lambda c: c.__name__)
@given(data=st.data())
def test_slot_init_builds_what_the_dataclass_builds(cls: type, data: st.DataObject) -> None:
    names = [f.name for f in dataclasses.fields(cls)]
    required = [f.name for f in dataclasses.fields(cls) if f.default is dataclasses.MISSING]
    n = data.draw(st.integers(len(required), len(names)))
    args = data.draw(st.lists(_VALUES, min_size=n, max_size=n))
    keywords = data.draw(st.booleans())
    call: tuple[tuple[Any, ...], dict[str, Any]] = (
        ((), dict(zip(names, args, strict=False))) if keywords else (tuple(args), {}))
    ours, plain = cls(*call[0], **call[1]), _PLAIN[cls](*call[0], **call[1])
    assert [getattr(ours, k) for k in names] == [getattr(plain, k) for k in names]
    with pytest.raises(dataclasses.FrozenInstanceError):
        setattr(ours, names[0], 1)
    with pytest.raises(TypeError):
        cls(*args, *([None] * (len(names) + 1 - n)))  # one argument too many


# ------------------------------------------------------------------- trap sequences
_TRAP_PIECES = [
    "May", "may", "MAY", "Sept", "sept.", "September", "oct.", "Oct", "march", "Monday",
    "Sunday,", "day", "Day", "round", "ROUND", "stage", "two", "Two", "twenty", "three",
    "weeks", "week", "years", "Hours", "ago", "earlier", "Previously", "call", "calling",
    "Dial", "us", "on", "top", "TOP", "top-", "page", "Page", "No", "No.", "no", "#", "+",
    "-", "Su", "F", "12", "3", "101", "2024", "1st", " ", "  ", "\n", ".", ",", "(", ")",
    "İ", "ı", "ſ", "K", "\xa0", "’", "a", "an", "people",
]
_TRAP_TEXT = st.lists(st.sampled_from(_TRAP_PIECES), max_size=12).map("".join) | st.lists(
    st.sampled_from(_TRAP_PIECES), max_size=10).map(" ".join)


@example("due May 3 the 1st page 4, Sept. 9 2024; Monday 3")
@given(_TRAP_TEXT)
def test_trap_sequences_hold_every_match(text: str) -> None:
    """A trap form behind a sequence of `TRAP_SEQUENCES` matches only where its sequence
    occurs: `_other_patterns` lets it run then, so the trap spans stay the same."""
    from claims.core.figures.gates import TRAP_SEQUENCES, folded
    from claims.core.figures.traps import (
        _OTHER_FORMS,
        TRAP_PATTERNS,
        _other_patterns,
        gated_patterns,
    )

    low = folded(text)
    for i, (seq, insensitive) in TRAP_SEQUENCES.items():
        if TRAP_PATTERNS[i].search(text):
            assert (low is None or seq.search(low)) if insensitive else seq.search(text), i
    kept = _other_patterns(text, low)
    assert all(p in gated_patterns(text, low) for p in kept)
    others = [p for p, _ in _OTHER_FORMS]
    for p in gated_patterns(text, low):
        if p in others and p not in kept:
            assert p.search(text) is None, TRAP_PATTERNS.index(p)


@example("due May 3 the 1st page 4")
@example("Sunday, 12 and No. 5 and #4, day two, three weeks ago; call us on 101 (top-10)")
@given(_TRAP_TEXT)
def test_other_forms_are_the_gated_ones_that_can_match(text: str) -> None:
    """`_other_patterns` keeps the forms that do not start on a digit, in their order."""
    from claims.core.figures.gates import folded
    from claims.core.figures.traps import _OTHER_FORMS, _other_patterns

    low = folded(text)
    kept = _other_patterns(text, low)
    order = [p for p, _ in _OTHER_FORMS]
    assert kept == sorted(kept, key=order.index)
    assert all(p in kept for p in order if p.search(text))


# ------------------------------------------------------------ figures at an offset
_FIGURE_PIECES = ["12", "1,240", "3.5", "$", "%", " people", " metres", "about", "rose",
                  "fell", "to", "of", "in 2024", "-", "two", "a dozen", " ", ", ", ". "]


@example("The river rose by 2 metres, about 1,240 people.", 5)
@given(st.lists(st.sampled_from(_FIGURE_PIECES), max_size=14).map(" ".join),
       st.integers(0, 5000))
def test_figures_at_an_offset_are_the_figures_moved(text: str, offset: int) -> None:
    """`extract_figures(text, offset)` is `extract_figures(text)` with every span moved
    `offset` characters on (what `extract` did after it, one figure copy per figure)."""
    from claims.core.figures.extract import extract_figures

    plain = extract_figures(text)
    moved = tuple(dataclasses.replace(f, start=f.start + offset, end=f.end + offset)
                  for f in plain)
    assert extract_figures(text, offset) == moved
