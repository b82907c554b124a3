"""The dev set scored end to end by the project's own scorer (shared/devset/score.py).

This is the one test that runs the real command line over every gold article, so it
also guards what no unit test sees: relations inferred from extracted figures and the
checks `check-consistency` reports. Floors are the last achieved scores (ratchet).
"""

from __future__ import annotations

import importlib.util
import sys

from tests.paths import require_devset

FLOORS = {
    "claim_f1": 0.99,
    "attribution_accuracy": 0.99,
    "figure_recall": 0.99,
    "figure_precision": 0.99,
    "check_recall": 0.96,
}


def test_devset_scores_do_not_drop() -> None:
    devset = require_devset()
    spec = importlib.util.spec_from_file_location("devset_score", devset / "score.py")
    assert spec and spec.loader
    score = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(score)
    per_article, totals = score.score(devset, [sys.executable, "-m", "claims"], None)
    overall = score.ratios(totals)
    low = {k: (overall[k], floor) for k, floor in FLOORS.items() if overall[k] < floor}
    assert not low, f"dev-set scores below their floors: {low}"
