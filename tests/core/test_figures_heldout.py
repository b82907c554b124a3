"""Figure recall and precision on the held-out sentence set (`pytest -s` prints them).

`tests/data/figures_heldout.jsonl` holds 177 wire-style sentences from markets, central
banks, sport, weather, elections, courts, health, science, energy, tech, transport and
disasters, annotated with the dev set's conventions before the rules they exercise were
written (blind numbers in docs/figures.md). A gold figure is found when an extracted
figure has its value (within 0.2 %) and its qualifier; an extracted figure is correct
when its value matches some gold figure of the sentence.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from claims.core.figures.extract import extract_figures
from claims.core.figures.units import singular
from claims.core.model import Qualifier

HELDOUT = Path(__file__).resolve().parent.parent / "data" / "figures_heldout.jsonl"
RECALL_FLOOR = 0.99
PRECISION_FLOOR = 0.99
UNIT_FLOOR = 0.95
QUALIFIERS = {q.value for q in Qualifier}


def _rows() -> list[dict[str, Any]]:
    lines = HELDOUT.read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def _value_eq(a: float, b: float) -> bool:
    return abs(a - b) <= max(1e-9, 0.002 * max(abs(a), abs(b)))


def test_heldout_set_is_well_formed() -> None:
    rows = _rows()
    assert len(rows) >= 120
    assert len({r["domain"] for r in rows}) >= 12
    for row in rows:
        for g in row["figures"]:
            assert g["text"] in row["text"], (g, row["text"])
            assert g["qualifier"] in QUALIFIERS
            if g["unit"]:  # units are singular
                assert all(singular(w) == w.lower() for w in g["unit"].split()), g["unit"]
            if g["qualifier"] == "range":
                assert g["low"] <= g["value"] <= g["high"]


def test_heldout_figures() -> None:
    gold_n = found = extracted = correct = units = units_ok = 0
    misses: list[str] = []
    for row in _rows():
        got = extract_figures(row["text"])
        extracted += len(got)
        for g in row["figures"]:
            gold_n += 1
            hit = [
                f
                for f in got
                if _value_eq(f.value, g["value"]) and f.qualifier.value == g["qualifier"]
            ]
            found += bool(hit)
            if not hit:
                misses.append(f"MISS {g['text']!r} {g['qualifier']}: {row['text'][:70]}")
            elif g["unit"]:
                units += 1
                units_ok += hit[0].unit == g["unit"]
        for f in got:
            ok = any(_value_eq(f.value, g["value"]) for g in row["figures"])
            correct += ok
            if not ok:
                misses.append(f"EXTRA {f.text!r}={f.value}: {row['text'][:70]}")
    print(f"held-out: recall {found}/{gold_n} = {found / gold_n:.3f}  precision "
          f"{correct}/{extracted} = {correct / extracted:.3f}  unit {units_ok}/{units} = "
          f"{units_ok / units:.3f}")  # fmt: skip
    print("\n".join(misses))
    assert found / gold_n >= RECALL_FLOOR
    assert correct / extracted >= PRECISION_FLOOR
    assert units_ok / units >= UNIT_FLOOR


@pytest.mark.parametrize("domain", ["sport", "markets", "weather", "disasters"])
def test_each_domain_is_covered(domain: str) -> None:
    assert sum(r["domain"] == domain for r in _rows()) >= 8
