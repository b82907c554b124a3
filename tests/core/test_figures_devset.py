"""Figure recall, precision and unit accuracy on the gold dev set (`pytest -s` prints them).

Run on every non-optional gold claim's quote: a gold figure is found when an extracted
figure has its value (within 0.2 % relative) and qualifier; an extracted figure is
correct when its value matches some gold figure of that claim.
"""

from __future__ import annotations

import json

import pytest

from claims.core.figures.extract import extract_figures
from tests.paths import DEVSET

RECALL_FLOOR = 0.95
PRECISION_FLOOR = 0.95
UNIT_FLOOR = 0.85


def _value_eq(a: float, b: float) -> bool:
    return abs(a - b) <= max(1e-9, 0.002 * max(abs(a), abs(b)))


def _claims() -> list[tuple[str, dict[str, object]]]:
    out: list[tuple[str, dict[str, object]]] = []
    for path in sorted(DEVSET.glob("*.gold.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        out.extend((path.name, c) for c in gold["claims"] if not c.get("optional"))
    return out


pytestmark = pytest.mark.skipif(not DEVSET.is_dir(), reason="dev set not available")


def test_devset_figures() -> None:
    per: dict[str, list[int]] = {}
    misses: list[str] = []
    for article, claim in _claims():
        quote = str(claim["quote"])
        gold = claim["figures"]
        assert isinstance(gold, list)
        got = extract_figures(quote)
        row = per.setdefault(article, [0, 0, 0, 0, 0, 0])  # gold, found, ext, ok, units, u_ok
        row[0] += len(gold)
        row[2] += len(got)
        for g in gold:
            hit = [
                f for f in got if _value_eq(f.value, g["value"]) and f.qualifier == g["qualifier"]
            ]
            row[1] += bool(hit)
            if not hit:
                misses.append(f"MISS {article} {g['text']!r} {g['qualifier']}: {quote[:70]}")
            if g.get("unit"):
                row[4] += 1
                if hit and hit[0].unit == g["unit"]:
                    row[5] += 1
                else:
                    misses.append(f"UNIT {article} {g['text']!r} gold={g['unit']} got="
                                  f"{hit[0].unit if hit else None}")  # fmt: skip
        for f in got:
            ok = any(_value_eq(f.value, g["value"]) for g in gold)
            row[3] += ok
            if not ok:
                misses.append(f"EXTRA {article} {f.text!r}={f.value}: {quote[:70]}")
    totals = [sum(r[k] for r in per.values()) for k in range(6)]
    for article, r in [*per.items(), ("TOTAL", totals)]:
        print(f"{article:36} recall {r[1]}/{r[0]} = {r[1] / max(r[0], 1):.3f}  "
              f"precision {r[3]}/{r[2]} = {r[3] / max(r[2], 1):.3f}  "
              f"unit {r[5]}/{r[4]} = {r[5] / max(r[4], 1):.3f}")  # fmt: skip
    print("\n".join(misses))
    assert totals[1] / totals[0] >= RECALL_FLOOR
    assert totals[3] / max(totals[2], 1) >= PRECISION_FLOOR
    assert totals[5] / totals[4] >= UNIT_FLOOR
