"""Where the tests find data kept outside the repository.

The dev set lives in `shared/devset` beside the clone (as on developers' machines and
in CI); `CLAIMS_DEVSET` overrides it. On CI (`CI` set) a missing dev set is an error,
elsewhere the tests that need it are skipped.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
DEVSET = Path(os.environ.get("CLAIMS_DEVSET") or REPO.parent / "shared" / "devset")


def require_devset() -> Path:
    if (DEVSET / "score.py").exists():
        return DEVSET
    if os.environ.get("CI"):
        pytest.fail(f"dev set not found at {DEVSET} (set CLAIMS_DEVSET)")
    pytest.skip(f"dev set not found at {DEVSET}")
