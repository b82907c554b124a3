"""Figure frames in the `figure` table: columns to `Frame` and back, and the derived
cross-article keys (`block`, `places`, `day`) that ingest looks candidates up by."""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import text
from sqlalchemy.engine import Connection

from claims.core.model import FRAME_KEYS, Claim, Frame
from claims.core.reconcile.frames import frame_of
from claims.core.reconcile.same import block_key, day_of, place_key
from claims.records import frame_of_columns

COLUMNS = tuple(f"frame_{k}" for k in FRAME_KEYS)


def frame_columns(frame: Frame | None) -> dict[str, Any]:
    """The frame columns of one figure, and its `block`/`places` keys."""
    f = frame or Frame()
    values: dict[str, Any] = {f"frame_{k}": getattr(f, k) for k in FRAME_KEYS}
    values["frame_words"] = json.dumps([list(w) for w in f.words], ensure_ascii=False) \
        if frame is not None else None
    block = block_key(frame)
    values["block"] = block
    values["places"] = place_key(frame) if block else ""
    return values


frame_from_row = frame_of_columns


def frame_columns_for(claim_text: str, claim_start: int, text: str, start: int,
                      metric: str | None, published: str | None) -> dict[str, Any]:
    """Frame columns for a stored figure, read from its claim alone (migration 0007; the
    article's lead is not consulted, so the event and place of the lead stay unknown)."""
    s = start - claim_start
    if not (s >= 0 and claim_text[s : s + len(text)] == text):
        s = max(0, claim_text.find(text))
    claim = Claim(claim_text, claim_start, claim_start + len(claim_text))
    return frame_columns(frame_of(claim, s, s + len(text), metric, published))


def set_article_day(conn: Connection, article_id: int, published: str | None) -> None:
    """A corrected publication date moves the article's figures in the cross-article
    window: ingest finds `same` candidates by the stored `day`, not by the article row."""
    conn.execute(text(
        "UPDATE figure SET day = :day WHERE claim_id IN "
        "(SELECT id FROM claim WHERE article_id = :article)"),
        {"day": day_of(published), "article": article_id})


def fill_days(conn: Connection) -> int:
    """Give every figure without a `day` its article's publication day (migration 0010,
    and `load` of a dump older than it); figures of undated articles keep NULL. Returns
    the number of distinct dates seen. One statement per date, so the work follows the
    number of dates, not of figures."""
    dates = conn.execute(text(
        "SELECT DISTINCT published FROM article WHERE published IS NOT NULL")).scalars().all()
    stmt = text(
        "UPDATE figure SET day = :day WHERE day IS NULL AND claim_id IN "
        "(SELECT claim.id FROM claim JOIN article ON article.id = claim.article_id "
        "WHERE article.published = :published)")
    params = [{"day": day, "published": p} for p in dates if (day := day_of(p)) is not None]
    if params:
        conn.execute(stmt, params)
    return len(dates)
