"""Plain records the store returns and the renderers read.

They carry database ids, statuses and versions, which the pure extraction types do not.
This module imports nothing heavy, so renderers and the CLI can use it at no start-up cost.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from claims.core.model import Frame, Relation


@dataclass(frozen=True)
class FigureRecord:
    id: int
    claim_id: int
    text: str
    start: int  # offsets into the article text
    end: int
    value: float
    low: float | None
    high: float | None
    qualifier: str
    unit: str | None
    metric: str | None
    change: str | None = None  # "up" | "down" when the figure is itself a change
    frame: Frame | None = None


def frame_of_columns(event: str | None, role: str | None, actor: str | None,
                     period: str | None, place: str | None, words: str | None) -> Frame | None:
    """A stored frame (the `figure.frame_*` columns), or None for a figure no frame was
    computed for (rows loaded from an old dump). Plain stdlib, for the fast read path."""
    if words is None and not any((event, role, actor, period, place)):
        return None
    try:
        pairs = tuple((str(d), str(w)) for d, w in json.loads(words or "[]"))
    except (ValueError, TypeError):
        pairs = ()
    return Frame(event, role, actor, period, place, pairs)


def evidence_of(text: str | None) -> tuple[str, ...]:
    """A relation's stored evidence (a JSON array), as a tuple; () when there is none."""
    if not text:
        return ()
    try:
        return tuple(str(e) for e in json.loads(text))
    except (ValueError, TypeError):
        return ()


@dataclass(frozen=True)
class ClaimRecord:
    id: int
    article_id: int
    article: str  # the article's name
    text: str
    start: int
    end: int
    source: str | None
    source_type: str | None
    cue: str | None
    status: str
    version: int
    figures: tuple[FigureRecord, ...] = ()
    dismissed: bool = False
    article_hash: str = ""  # the article's content hash, for `key`
    via: tuple[str, ...] = ()  # the attribution chain before `source`, origin first

    @property
    def key(self) -> str:
        """The stable key exports carry and `claims import` matches on (`claim_key`)."""
        from claims.core.claim_key import claim_key

        return claim_key(self.article_hash, self.text)


@dataclass(frozen=True)
class ArticleRecord:
    id: int
    name: str
    origin: str
    content_hash: str
    extractor_version: str
    title: str | None = None
    url: str | None = None
    publisher: str | None = None
    published: str | None = None
    ingested_at: str | None = None
    retracted: bool = False


@dataclass(frozen=True)
class ArticleSummary:
    """One row of `claims articles`: the article and what the desk has done with it."""

    article: ArticleRecord
    claims: int  # live claims (not dismissed, not superseded)
    verdicts: int  # verdict rows recorded on its claims
    findings: int  # inconsistencies (not `consistent`) touching its figures
    removal: Removal | None = None  # the retraction in force, if any


@dataclass(frozen=True)
class ArticleEvent:
    """One row of an article's record: retract, restore, purge or edit."""

    id: int
    article_id: int | None
    name: str
    action: str
    at: str
    reviewer: str
    note: str | None
    detail: str | None  # JSON object (an edit's from/to)


@dataclass(frozen=True)
class SourceRecord:
    id: int
    name: str
    type: str
    aliases: tuple[str, ...]
    claims: int = 0


@dataclass(frozen=True)
class VerdictRecord:
    """One append-only history row: a verdict or a reviewer's correction."""

    id: int
    claim_id: int
    at: str  # ISO 8601 UTC, "2026-11-25T09:30:00Z"
    reviewer: str
    from_status: str
    to_status: str
    note: str | None
    evidence: tuple[str, ...]
    version: int
    kind: str = "verdict"  # "verdict" | "correction"
    reverts: int | None = None  # the id of the verdict row this one undid (`--revert`)


def reverted_id(detail: str | None) -> int | None:
    """The verdict id a history row's JSON `detail` says it reverts, if any."""
    if not detail or '"reverts"' not in detail:
        return None
    import json

    value = json.loads(detail).get("reverts")
    return value if isinstance(value, int) else None


@dataclass(frozen=True)
class ClaimDetail:
    """What `claims show` needs, loaded in a fixed number of queries."""

    claim: ClaimRecord
    article: ArticleRecord
    article_text: str
    relations: tuple[Relation, ...] = ()
    history: tuple[VerdictRecord, ...] = ()
    duplicates: tuple[int, ...] = ()  # ids of claims linked as the same claim elsewhere
    superseded: str | None = None  # when a re-extraction replaced it (kept for its history)


@dataclass(frozen=True)
class RelationMember:
    """One figure of a relation as `claims relations` lists it."""

    figure_id: int
    role: str  # total | part | smaller | larger | a | b
    text: str | None  # None when the figure is gone (re-extraction removed it)
    claim_id: int | None
    article: str | None


@dataclass(frozen=True)
class RelationRecord:
    relation: Relation
    members: tuple[RelationMember, ...]


@dataclass(frozen=True)
class Removal:
    """The last retraction of an article's text: who, when, why, and whether the
    article was purged (its claims deleted) or only retracted (kept, out of sight)."""

    at: str
    reviewer: str
    note: str | None
    purged: bool = False


@dataclass(frozen=True)
class IngestOutcome:
    article_id: int
    name: str
    new: bool  # False when the same text (content hash) was already stored
    claims: int
    figures: int
    sources: int  # sources newly added to the registry
    relations: int = 0
    notes: tuple[str, ...] = ()  # how it was read (`Extraction.notes`): shown as warnings
    published: str | None = None  # the publication date stored, if any (new articles)
    retracted: Removal | None = None  # its text was retracted: nothing was stored
    restored: bool = False  # `ingest --restore` brought a retracted article back
