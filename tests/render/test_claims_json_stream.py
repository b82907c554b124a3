"""`claims extract --format json` is written claim by claim: the same bytes as the one
document, without holding all of it (and the encoder's fragments) in memory."""

from __future__ import annotations

from pathlib import Path

import pytest

from claims.core.extraction import extract
from claims.core.text.documents import make_document
from claims.render.claims import dumps, extraction_dict, extraction_json

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


@pytest.mark.parametrize("text", [
    (SEEDS / "seed-nato-oreshnik.txt").read_text(encoding="utf-8"),
    "Nothing here to claim.\n",
    "",
    "".join(f"Police said {i} homes flooded in Arden.\n" for i in range(600)),  # > a batch
    "The mayor said \"17\" homes\nflooded in district \u201c9\u201d, \u00e9t\u00e9.\n",
])
def test_streamed_json_is_the_same_bytes(text: str) -> None:
    x = extract(make_document(text, "a.txt"))
    assert "".join(extraction_json(x)) == dumps(extraction_dict(x))
