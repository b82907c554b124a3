"""Quality ratchet: extraction scores may not fall below the last recorded ones.

`tests/quality_record.json` holds the scores last achieved on the dev set, the unseen
set and the held-out set. A rule change that costs more than the tolerance (0.01 on the
dev set, 0.02 on the smaller unseen/held-out sets) fails here; a change that improves
the scores should raise the record in the same commit, so the gain is kept.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from claims.quality import score_dir
from tests.paths import DEVSET

TESTS = Path(__file__).resolve().parent.parent
RECORD = TESTS / "quality_record.json"
SETS = {
    "devset": DEVSET,
    "unseen": TESTS / "data" / "unseen",
    "heldout": TESTS / "data" / "heldout",
}
SCORES = ("claim_f1", "attribution_accuracy", "figure_recall", "figure_precision")


def _record() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(RECORD.read_text(encoding="utf-8"))
    return data


def test_record_names_every_set_and_score() -> None:
    record = _record()
    for name in SETS:
        assert sorted(record[name]) == sorted(SCORES)
        assert all(0.0 <= record[name][s] <= 1.0 for s in SCORES)
    assert record["tolerance"] == {"devset": 0.01, "unseen": 0.02, "heldout": 0.02}


@pytest.mark.parametrize("name", list(SETS))
def test_scores_hold_the_recorded_level(name: str) -> None:
    folder = SETS[name]
    if not any(folder.glob("*.gold.json")):
        pytest.skip(f"{folder} has no gold files here")
    record = _record()
    got = score_dir(folder)["overall"]
    floor = record["tolerance"][name]
    drops = {s: (got[s], record[name][s]) for s in SCORES if got[s] < record[name][s] - floor}
    assert not drops, f"{name}: scores fell below the record (got, record): {drops}"
