"""Frozen value types shared by the functional core, the store and the renderers.

They are the seams between layers: extraction produces them from text, the store maps
them to rows (and back, adding ids), reconciliation and rendering read them. Keeping them
plain and immutable means any layer can be tested with literals.
"""

from __future__ import annotations

from dataclasses import MISSING, dataclass, field, fields
from enum import StrEnum
from typing import NamedTuple, TypeVar

_T = TypeVar("_T")


def slot_init(cls: type[_T]) -> type[_T]:
    """`cls` (a frozen, slotted dataclass) with an `__init__` that stores each field
    through its slot's own descriptor.

    The dataclass `__init__` of a frozen class stores each field with
    `object.__setattr__(self, name, value)`, which looks the slot up by name on every
    call; the slot descriptor's `__set__` is the same store without that look-up, and
    halves the cost of building one (extraction builds several per figure and claim).
    Same signature, defaults and result; assignment after construction still raises
    `FrozenInstanceError` (`__setattr__` is untouched). Only for fields without a
    default factory (checked here); `tests/core/test_speed_speed7.py` holds each class to
    what the dataclass `__init__` builds.
    """
    params, body, env = [], [], {}
    for f in fields(cls):  # type: ignore[arg-type]
        assert f.default_factory is MISSING and f.init, f"{cls.__name__}.{f.name}"
        env[f"_set_{f.name}"] = getattr(cls, f.name).__set__
        if f.default is MISSING:
            params.append(f.name)
        else:
            env[f"_default_{f.name}"] = f.default
            params.append(f"{f.name}=_default_{f.name}")
        body.append(f"    _set_{f.name}(self, {f.name})\n")
    code = f"def __init__(self, {', '.join(params)}):\n{''.join(body)}"
    exec(code, env)  # noqa: S102 (built from the field names above, as dataclasses does)
    init = env["__init__"]
    init.__qualname__ = f"{cls.__qualname__}.__init__"
    init.__doc__ = cls.__init__.__doc__
    setattr(cls, "__init__", init)  # noqa: B010
    return cls


class Qualifier(StrEnum):
    """How a figure's words bound its value (DESIGN.md, SCHEMA.md)."""

    EXACT = "exact"
    APPROX = "approx"
    NEARLY = "nearly"
    MORE_THAN = "more_than"
    AT_LEAST = "at_least"
    LESS_THAN = "less_than"
    AT_MOST = "at_most"
    RANGE = "range"


class SourceType(StrEnum):
    GOVERNMENT = "government"
    MILITARY = "military"
    OFFICIAL = "official"
    POLITICIAN = "politician"
    THINK_TANK = "think_tank"
    OSINT = "osint"
    MEDIA = "media"
    ORGANISATION = "organisation"
    ANALYST = "analyst"
    OTHER = "other"


@slot_init
@dataclass(frozen=True, slots=True)
class Frame:
    """What a figure counts: its role in an event, the actor, the period, the place.

    Each is a normalised string or None (DESIGN.md `figure.frame`); `words` pairs a
    dimension with the words of the article it was read from ("(lead) …" when it was
    taken from the article's lead), or "(reviewer)" when a reviewer set it.
    """

    event: str | None = None
    role: str | None = None
    actor: str | None = None
    period: str | None = None
    place: str | None = None
    words: tuple[tuple[str, str], ...] = ()


FRAME_KEYS = ("event", "role", "actor", "period", "place")


@slot_init
@dataclass(frozen=True, slots=True)
class Figure:
    """One quantity inside a claim.

    `start`/`end` are offsets into the text the figure was extracted from (the article
    text once extraction has placed it). `low`/`high` are the interval from the
    qualifier; `None` is an open end.
    """

    text: str
    start: int
    end: int
    value: float
    low: float | None
    high: float | None
    qualifier: Qualifier
    unit: str | None = None
    metric: str | None = None
    change: str | None = None
    """`"up"`/`"down"` when the figure is itself a change ("rose 0.4%"); None for a level."""
    frame: Frame | None = None  # set by `reconcile.frames` after figure extraction


@slot_init
@dataclass(frozen=True, slots=True)
class Source:
    """A party an article credits with claims, under one canonical name."""

    name: str
    type: SourceType = SourceType.OTHER
    aliases: tuple[str, ...] = ()


@slot_init
@dataclass(frozen=True, slots=True)
class Claim:
    """One check-worthy statement with its span in the article text.

    `source` is a canonical `Source.name` of the same extraction, or `None` for the
    article's own voice. `cue` is the attribution cue as written ("said", "according to").
    `paragraph` and `sentence` are 0-based indices, used for adjacency rules and context.
    `via` is the attribution chain: earlier parties, origin first (DESIGN.md).
    """

    text: str
    start: int
    end: int
    source: str | None = None
    cue: str | None = None
    figures: tuple[Figure, ...] = ()
    paragraph: int = 0
    sentence: int = 0
    # the parties the claim came through before `source`, from the origin on
    # ("Agentstvo, citing ISW": source Agentstvo, via ("ISW",)); names of `sources`
    via: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Document:
    """An article's text and provenance, before analysis."""

    text: str
    name: str
    content_hash: str
    title: str | None = None
    url: str | None = None
    publisher: str | None = None
    published: str | None = None  # ISO date, when known


@slot_init
@dataclass(frozen=True, slots=True)
class FigureRef:
    """Which figure, inside one extraction: (claim index, figure index)."""

    claim: int
    figure: int


@slot_init
@dataclass(frozen=True, slots=True)
class InferredRelation:
    """A relation proposed by a rule over one extraction (ids do not exist yet).

    `members` order: partition = total then parts; bound = smaller then larger;
    same = the two figures.
    """

    kind: str  # "partition" | "bound" | "same"
    members: tuple[FigureRef, ...]
    rule: str
    confidence: str = "medium"  # "high" | "medium" | "low"
    evidence: tuple[str, ...] = ()  # the frame and word evidence, as a reviewer reads it


@dataclass(frozen=True, slots=True)
class Extraction:
    """Everything `extract` finds in one document."""

    document: Document
    sources: tuple[Source, ...]
    claims: tuple[Claim, ...]
    relations: tuple[InferredRelation, ...] = ()
    extractor_version: str = ""
    # what the reader should know about how it was read ("the sentence at line 3 is
    # 120,000 characters long: read in 61 windows"); shown as warnings naming the file
    notes: tuple[str, ...] = ()


# --- reconciliation inputs/outputs (ids assigned by the store) -------------------------


@dataclass(frozen=True, slots=True)
class FigureFact:
    """A stored figure with the context reconciliation needs."""

    id: int
    claim_id: int
    article_id: int
    article: str
    origin: str  # the path or URL as given at ingest
    text: str
    start: int
    end: int
    value: float
    low: float | None
    high: float | None
    qualifier: Qualifier
    unit: str | None = None
    metric: str | None = None
    source: str | None = None
    published: str | None = None
    line: int = 1  # 1-based physical line of the figure in the article text
    context: str = ""  # the claim's text, for rules that need the words around a figure
    frame: Frame | None = None


@dataclass(frozen=True, slots=True)
class Relation:
    """A stored numeric relation between figures (order as in `InferredRelation`)."""

    id: int
    kind: str
    figure_ids: tuple[int, ...]
    origin: str = "inferred"  # "inferred" | "manual"
    state: str = "proposed"  # "proposed" | "accepted" | "rejected"
    rule: str | None = None
    confidence: str | None = None  # of a proposal ("high" | "medium" | "low"); None: declared
    evidence: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Interval:
    low: float | None
    high: float | None


@dataclass(frozen=True, slots=True)
class FindingFigure:
    id: int
    claim: int
    text: str
    role: str  # "total" | "part" | "smaller" | "larger" | "a" | "b"


@dataclass(frozen=True, slots=True)
class Finding:
    """The outcome of checking one relation (DESIGN.md, check-consistency JSON)."""

    key: str
    relation: int
    kind: str
    outcome: str  # consistent | incomplete | contradiction | conflict
    severity: str  # ok | warning | error
    origin: str
    message: str
    figures: tuple[FindingFigure, ...]
    rule: str | None = None
    remainder: Interval | None = None
    acknowledged: bool = False
    note: str | None = None
    article: str | None = None
    path: str | None = None
    line: int | None = None
    confidence: str | None = None  # the proposal's; None for a declared relation
    gating: bool = True  # can fail the gate (trusted, or a proposal at --min-confidence)
    extra: dict[str, object] = field(default_factory=dict, compare=False, hash=False)


class CheckFigure(NamedTuple):
    """The fields of a stored figure that checking a relation reads, for the streaming gate.

    A tuple, not a frozen dataclass: `check-consistency` builds one per relation member
    (a million on a large newsroom) and a frozen dataclass's `__init__` costs about six
    times as much. It is as immutable; `FigureFact` keeps the full context for inference.
    `line` is computed only for a relation's first member, which anchors its finding.
    """

    id: int
    claim_id: int
    article: str
    origin: str
    text: str
    start: int
    end: int
    value: float
    low: float | None
    high: float | None
    qualifier: Qualifier
    line: int | None = None
