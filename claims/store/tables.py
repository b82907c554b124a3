"""The database schema: every SQLModel `table=True` class lives here and nowhere else.

Store functions use these tables through SQLAlchemy Core (`Row.__table__`), so batch
inserts and set-based queries stay cheap; the ORM classes exist to give the schema one
typed definition that Alembic can compare against the migrations.

Timestamps are ISO 8601 UTC text ("2026-11-25T09:30:00Z"): identical on SQLite and
PostgreSQL, sortable, and exactly what the JSON contract prints.
"""

from __future__ import annotations

from sqlalchemy import BigInteger, Column, ForeignKey, Index, Integer, Text
from sqlalchemy import UniqueConstraint as Unique
from sqlmodel import Field, SQLModel


class ArticleRow(SQLModel, table=True):
    """One ingested document; `content_hash` makes ingest idempotent."""

    __tablename__ = "article"
    __table_args__ = (Unique("content_hash", name="uq_article_content_hash"),)

    id: int | None = Field(default=None, primary_key=True)
    name: str
    origin: str
    title: str | None = None
    url: str | None = None
    publisher: str | None = None
    published: str | None = Field(default=None, index=True)  # ISO date text
    content_hash: str
    extractor_version: str = ""
    text: str = Field(sa_type=Text)
    ingested_at: str
    # retracted by a reviewer (`claims articles remove`): its claims leave lists, the
    # review queue, stats and checks; `article_event` says who, when and why
    retracted: bool = Field(default=False, sa_column_kwargs={"server_default": "0"})


class ArticleEventRow(SQLModel, table=True):
    """What a reviewer did to a whole article (retract, restore, purge, edit): append-only
    like the verdict history. `article_id` has no foreign key, so the record of a purge
    outlives the article; `content_hash` is how ingest recognises its text again."""

    __tablename__ = "article_event"

    id: int | None = Field(default=None, primary_key=True)
    article_id: int | None = Field(default=None, index=True)
    content_hash: str = Field(index=True)
    name: str  # the article's name when it happened
    action: str  # "retract" | "restore" | "purge" | "edit"
    at: str
    reviewer: str
    note: str | None = Field(default=None, sa_type=Text)
    detail: str | None = Field(default=None, sa_type=Text)  # JSON object: an edit's from/to


class SourceRow(SQLModel, table=True):
    """A canonical source of the global registry."""

    __tablename__ = "source"
    __table_args__ = (Unique("name", name="uq_source_name"),)

    id: int | None = Field(default=None, primary_key=True)
    name: str
    type: str = "other"


class SourceAliasRow(SQLModel, table=True):
    """Another name for a source; `alias_norm` is the matching key (see `sources.norm`)."""

    __tablename__ = "source_alias"
    __table_args__ = (Unique("source_id", "alias_norm", name="uq_source_alias_norm"),)

    id: int | None = Field(default=None, primary_key=True)
    source_id: int = Field(foreign_key="source.id")
    alias: str
    alias_norm: str = Field(index=True)


class SourceEventRow(SQLModel, table=True):
    """One change to the source registry (rename, alias add/remove, set-type, merge,
    split, prune): append-only, so it can be audited, and `sources split` undoes a merge
    from what its row recorded. `source_id` has no foreign key: merged and pruned
    sources are gone, their record stays."""

    __tablename__ = "source_event"

    id: int | None = Field(default=None, primary_key=True)
    at: str
    reviewer: str
    action: str
    source_id: int | None = Field(default=None, index=True)
    source: str  # the source's name when it happened
    detail: str = Field(default="{}", sa_type=Text)  # JSON object, per action


class ClaimRow(SQLModel, table=True):
    """A check-worthy statement; `status`/`version` are the current verdict state."""

    __tablename__ = "claim"

    id: int | None = Field(default=None, primary_key=True)
    article_id: int = Field(foreign_key="article.id", index=True)
    seq: int
    text: str = Field(sa_type=Text)
    start: int
    end: int
    source_id: int | None = Field(default=None, foreign_key="source.id", index=True)
    cue: str | None = None
    status: str = Field(
        default="unverified", index=True, sa_column_kwargs={"server_default": "unverified"}
    )
    version: int = Field(default=1, sa_column_kwargs={"server_default": "1"})
    dismissed: bool = Field(default=False, sa_column_kwargs={"server_default": "0"})
    paragraph: int = 0
    sentence: int = 0
    superseded: str | None = None  # when re-extraction replaced it (kept for its history)


class FigureRow(SQLModel, table=True):
    """A quantity inside a claim, with its interval (`None` = open end)."""

    __tablename__ = "figure"
    # cross-article `same`: a new figure's candidates are the latest of its key and day
    # (an undated article's candidates are the latest of its key on any day)
    __table_args__ = (Index("ix_figure_same_key", "block", "places", "day", "id"),
                      Index("ix_figure_same_latest", "block", "places", "id"))

    id: int | None = Field(default=None, primary_key=True)
    claim_id: int = Field(foreign_key="claim.id", index=True)
    seq: int
    text: str
    start: int
    end: int
    value: float = Field(index=True)  # duplicate linking looks figures up by value
    low: float | None = None
    high: float | None = None
    qualifier: str
    unit: str | None = None
    metric: str | None = None
    # "up"/"down" when the figure is itself a change ("rose 0.4%"), NULL for a level
    change: str | None = None
    # infer_same's block (`core.same.block_key`), "" for none; NULL on rows loaded
    # from a dump older than schema 0003, which ingest treats as unknown
    block: str | None = None
    # the place words around it (`core.same.place_key`), for the same lookup; NULL
    # as for `block`
    places: str | None = None
    # its article's publication day (`core.reconcile.same.day_of`), NULL when undated:
    # the `same` lookup reads a window of days through `ix_figure_same_key`
    day: str | None = None
    # its frame (`core.reconcile.frames`): what it counts, who, when, where; NULL = unknown
    frame_event: str | None = None
    frame_role: str | None = Field(default=None, index=True)
    frame_actor: str | None = None
    frame_period: str | None = None
    frame_place: str | None = None
    frame_words: str | None = Field(default=None, sa_type=Text)  # JSON [[dimension, words]]


class RelationRow(SQLModel, table=True):
    """A numeric relation between figures; its members are `relation_member` rows."""

    __tablename__ = "relation"

    id: int | None = Field(default=None, primary_key=True)
    kind: str
    origin: str = "inferred"
    state: str = Field(default="proposed", index=True)
    rule: str | None = None
    created_at: str
    confidence: str | None = None  # of a proposal: high | medium | low (NULL: declared)
    evidence: str | None = Field(default=None, sa_type=Text)  # JSON array of strings


class RelationMemberRow(SQLModel, table=True):
    """One figure of a relation; `position` keeps the order of `InferredRelation`."""

    __tablename__ = "relation_member"

    relation_id: int = Field(foreign_key="relation.id", primary_key=True)
    position: int = Field(primary_key=True)
    figure_id: int = Field(foreign_key="figure.id", index=True)
    role: str


class FindingAckRow(SQLModel, table=True):
    """A reviewer's acknowledgement of a finding, by its stable key."""

    __tablename__ = "finding_ack"

    key: str = Field(primary_key=True)
    note: str
    reviewer: str
    at: str


class VerdictRow(SQLModel, table=True):
    """Append-only history: the database refuses UPDATE and DELETE (migration triggers)."""

    __tablename__ = "verdict"

    id: int | None = Field(default=None, primary_key=True)
    claim_id: int = Field(foreign_key="claim.id", index=True)
    at: str
    reviewer: str = Field(index=True)
    from_status: str
    to_status: str
    note: str | None = Field(default=None, sa_type=Text)
    evidence: str = Field(default="[]", sa_type=Text)  # JSON array of URLs
    version: int
    kind: str = "verdict"  # "verdict" | "correction"
    detail: str | None = Field(default=None, sa_type=Text)  # JSON object, corrections


class ClaimDuplicateRow(SQLModel, table=True):
    """A link between two claims that state the same thing (for `verify --propagate`)."""

    __tablename__ = "claim_duplicate"

    claim_id: int = Field(foreign_key="claim.id", primary_key=True)
    other_claim_id: int = Field(foreign_key="claim.id", primary_key=True, index=True)


class EvidenceBodyRow(SQLModel, table=True):
    """A fetched page body's extracted text, stored once per distinct body (its SHA-256),
    however many verdicts cite it. `text` is None for a type that has no text (a PDF)."""

    __tablename__ = "evidence_body"

    sha256: str = Field(primary_key=True)  # lowercase hex, 64 digits
    size: int  # bytes
    text: str | None = Field(default=None, sa_type=Text)


class EvidenceSnapshotRow(SQLModel, table=True):
    """One retrieval of a link cited by a verdict; append-only like the verdict history
    (a check's `--update` adds a newer row beside the old one)."""

    __tablename__ = "evidence_snapshot"

    id: int | None = Field(default=None, primary_key=True)
    verdict_id: int = Field(foreign_key="verdict.id", index=True)
    url: str  # the link as cited (no index: a URL can pass a btree entry's size limit)
    retrieved_at: str  # ISO 8601 UTC
    final_url: str  # after redirects
    status: int  # HTTP status
    content_type: str | None = None
    sha256: str = Field(foreign_key="evidence_body.sha256", index=True)


class ClaimKeyRow(SQLModel, table=True):
    """A key of the duplicate index (`store.duplicate_keys`): derived from the claim's
    text and figures, rebuilt after `load`, never dumped."""

    __tablename__ = "claim_key"

    key: int = Field(sa_column=Column(BigInteger, primary_key=True))
    claim_id: int = Field(sa_column=Column(
        Integer, ForeignKey("claim.id", ondelete="CASCADE"), primary_key=True, index=True))


class ClaimViaRow(SQLModel, table=True):
    """One earlier party of a claim's attribution chain (`Claim.via`), origin first:
    "Agentstvo, citing ISW" stores ISW at position 0 for Agentstvo's claim."""

    __tablename__ = "claim_via"

    claim_id: int = Field(foreign_key="claim.id", primary_key=True)
    position: int = Field(primary_key=True)
    source_id: int = Field(foreign_key="source.id", index=True)


class ReviewPositionRow(SQLModel, table=True):
    """Where a reviewer stopped in a review queue (`scope`: the queue's filters), so
    `claims review` resumes there. A bookmark, not history: it is replaced."""

    __tablename__ = "review_position"

    reviewer: str = Field(primary_key=True)
    scope: str = Field(primary_key=True)
    claim_id: int = Field(foreign_key="claim.id")
    at: str


article = ArticleRow.__table__  # type: ignore[attr-defined]
source = SourceRow.__table__  # type: ignore[attr-defined]
source_alias = SourceAliasRow.__table__  # type: ignore[attr-defined]
claim = ClaimRow.__table__  # type: ignore[attr-defined]
figure = FigureRow.__table__  # type: ignore[attr-defined]
relation = RelationRow.__table__  # type: ignore[attr-defined]
relation_member = RelationMemberRow.__table__  # type: ignore[attr-defined]
finding_ack = FindingAckRow.__table__  # type: ignore[attr-defined]
verdict = VerdictRow.__table__  # type: ignore[attr-defined]
claim_duplicate = ClaimDuplicateRow.__table__  # type: ignore[attr-defined]
evidence_body = EvidenceBodyRow.__table__  # type: ignore[attr-defined]
evidence_snapshot = EvidenceSnapshotRow.__table__  # type: ignore[attr-defined]
claim_key = ClaimKeyRow.__table__  # type: ignore[attr-defined]
claim_via = ClaimViaRow.__table__  # type: ignore[attr-defined]
article_event = ArticleEventRow.__table__  # type: ignore[attr-defined]
source_event = SourceEventRow.__table__  # type: ignore[attr-defined]
review_position = ReviewPositionRow.__table__  # type: ignore[attr-defined]

__all__ = [
    "ArticleEventRow",
    "ArticleRow",
    "ClaimDuplicateRow",
    "ClaimKeyRow",
    "ClaimRow",
    "ClaimViaRow",
    "EvidenceBodyRow",
    "EvidenceSnapshotRow",
    "FigureRow",
    "FindingAckRow",
    "RelationMemberRow",
    "RelationRow",
    "ReviewPositionRow",
    "SourceAliasRow",
    "SourceEventRow",
    "SourceRow",
    "VerdictRow",
    "article",
    "article_event",
    "claim",
    "claim_duplicate",
    "evidence_body",
    "evidence_snapshot",
    "claim_key",
    "claim_via",
    "figure",
    "finding_ack",
    "relation",
    "relation_member",
    "review_position",
    "source",
    "source_alias",
    "source_event",
    "verdict",
]
