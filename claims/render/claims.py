"""Claims, figures and sources as JSON-ready dicts, JSON text and CSV (DESIGN.md shapes)."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from claims.core.model import FRAME_KEYS, Claim, Extraction, Figure, Frame
from claims.records import ClaimRecord, FigureRecord, SourceRecord


def number(x: float | None) -> int | float | None:
    """Integers print as integers ("188", not "188.0"); open ends stay None (JSON null);
    binary float noise (242.00000000000003) is rounded away."""
    if x is None:
        return None
    if not float(x).is_integer():
        x = float(f"{x:.15g}")
    return int(x) if float(x).is_integer() and abs(x) < 2**53 else x


def frame_dict(frame: Frame | None) -> dict[str, str | None]:
    """DESIGN.md `figure.frame`: each part a string or null."""
    f = frame or Frame()
    return {k: getattr(f, k) for k in FRAME_KEYS}


def figure_dict(f: Figure | FigureRecord) -> dict[str, Any]:
    d: dict[str, Any] = {"id": f.id} if isinstance(f, FigureRecord) else {}
    d.update(
        text=f.text,
        start=f.start,
        end=f.end,
        value=number(f.value),
        low=number(f.low),
        high=number(f.high),
        qualifier=str(f.qualifier),
        unit=f.unit,
        metric=f.metric,
        change=f.change,
        frame=frame_dict(f.frame),
        frame_words={dim: w for dim, w in f.frame.words} if f.frame else {},
    )
    return d


def claim_dict(c: ClaimRecord) -> dict[str, Any]:
    """DESIGN.md's claim shape; a dismissed claim (listed with `--dismissed`) is marked
    `"dismissed": true`, the others carry no such key."""
    d = {
        "id": c.id,
        "article": c.article,
        "text": c.text,
        "start": c.start,
        "end": c.end,
        "source": c.source,
        "source_type": c.source_type,
        "cue": c.cue,
        "via": list(c.via),
        "status": c.status,
        "version": c.version,
        "figures": [figure_dict(f) for f in c.figures],
    }
    if c.dismissed:
        d["dismissed"] = True
    return d


def dumps(obj: Any) -> str:
    """JSON as scripts expect it: UTF-8 text kept readable, control characters escaped."""
    return json.dumps(obj, ensure_ascii=False, indent=2) + "\n"


def claims_json(claims: Iterable[ClaimRecord]) -> str:
    return dumps([claim_dict(c) for c in claims])


CSV_COLUMNS = (
    "id", "key", "article", "text", "start", "end", "source", "source_type", "cue", "status",
    "version", "figures", "via",
)
BOM = "\ufeff"


def claims_csv(claims: Iterable[ClaimRecord], *, bom: bool = False) -> str:
    """A header and one row per claim. `key` is the claim's stable key (`claims import`
    matches on it); a cell a spreadsheet would run as a formula starts with `'`; `bom`
    starts the text with a UTF-8 byte-order mark, which Excel needs to read UTF-8."""
    from claims.render.spreadsheet import protect

    buf = io.StringIO()
    w = csv.writer(buf)  # RFC 4180: CRLF rows, so a bare CR inside a field gets quoted
    w.writerow(CSV_COLUMNS)
    for c in claims:
        d = claim_dict(c)
        d["key"] = c.key
        d["figures"] = json.dumps(d["figures"], ensure_ascii=False)
        d["via"] = "; ".join(d["via"])  # the chain, origin first
        w.writerow([protect(v) if isinstance(v, str) else ("" if v is None else v)
                    for v in (d[k] for k in CSV_COLUMNS)])
    return (BOM if bom else "") + buf.getvalue()


def shown_of(shown: int, total: int) -> str:
    """What a cut table says on stderr, so nobody takes 50 rows for all of them."""
    return f"{shown} of {total} shown; --limit 0 for all"


def source_dict(s: SourceRecord) -> dict[str, Any]:
    return {"name": s.name, "type": s.type, "aliases": list(s.aliases), "claims": s.claims}


def sources_json(sources: Sequence[SourceRecord]) -> str:
    return dumps([source_dict(s) for s in sources])


def extraction_dict(x: Extraction) -> dict[str, Any]:
    """`claims extract --format json`: the list shape minus id, status and version."""
    return {**_extraction_head(x),
            "claims": [_extracted_claim(x, c, _types(x)) for c in x.claims]}


def _types(x: Extraction) -> dict[str, str]:
    return {s.name: str(s.type) for s in x.sources}


def _extraction_head(x: Extraction) -> dict[str, Any]:
    return {
        "article": x.document.name,
        "sources": [
            {"name": s.name, "type": str(s.type), "aliases": list(s.aliases)} for s in x.sources
        ],
    }


def _extracted_claim(x: Extraction, c: Claim, types: dict[str, str]) -> dict[str, Any]:
    return {
        "article": x.document.name,
        "text": c.text,
        "start": c.start,
        "end": c.end,
        "source": c.source,
        "source_type": types.get(c.source) if c.source else None,
        "cue": c.cue,
        "via": list(c.via),
        "figures": [figure_dict(f) for f in c.figures],
    }


def extraction_json(x: Extraction) -> Iterator[str]:
    """`dumps(extraction_dict(x))` piece by piece, the same bytes: a long document's
    claims are encoded one at a time, so neither their dicts nor the encoder's millions
    of fragments are ever all in memory (a 4 MB report makes 60 MB of JSON)."""
    if not x.claims:
        yield dumps(extraction_dict(x))
        return
    enc = json.JSONEncoder(ensure_ascii=False, indent=2)
    head = enc.encode({**_extraction_head(x), "claims": [0]})
    tail = "\n    0\n  ]\n}"
    assert head.endswith(tail)
    yield head[: -len(tail)]
    types = _types(x)
    batch: list[str] = []
    for i, c in enumerate(x.claims):
        batch.append(("\n    " if i == 0 else ",\n    ")
                     + enc.encode(_extracted_claim(x, c, types)).replace("\n", "\n    "))
        if len(batch) >= 256:
            yield "".join(batch)
            batch.clear()
    batch.append("\n  ]\n}\n")
    yield "".join(batch)
