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
from hypothesis import given
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
