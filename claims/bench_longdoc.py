"""Long documents for `python -m claims.bench`: one file from 10 KB to 4 MB in four shapes.

Desks ingest parliamentary transcripts, annual reports, live blogs and pages converted
from PDF; a document's cost must grow with its size, not its square. Each shape is built
deterministically to a target size:

- `lines`: a report of short lines ("The mayor said 17 homes flooded in district 17."),
- `paragraph`: the same sentences as one paragraph (no line break),
- `sentence`: one sentence of clauses with a figure each and no full stop (a PDF dump),
- `html`: the `lines` text as an HTML page, a `<p>` per line.

`bench_long` times `claims extract FILE --format json` on each, reports seconds, MB/s
and peak memory, and the growth exponent of time against size per shape (least squares
on log-log between 100 KB and the largest size).
"""

from __future__ import annotations

import math
import random
import re
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

SHAPES = ("lines", "paragraph", "sentence", "html")
SIZES = (10_000, 100_000, 400_000, 1_500_000, 4_000_000)  # bytes, about
WHO = ("The mayor", "The governor", "Police", "The fire service", "Officials", "The council")
WHAT = ("homes flooded", "roads closed", "people were evacuated", "schools shut",
        "cars were damaged", "trees fell")


def _line(rng: random.Random) -> str:
    return (f"{rng.choice(WHO)} said {rng.randint(2, 900)} {rng.choice(WHAT)} in district "
            f"{rng.randint(1, 60)}.")


def _clause(rng: random.Random) -> str:
    return f"{rng.randint(2, 900)} {rng.choice(WHAT)} in district {rng.randint(1, 60)}"


def _fill(size: int, part: Callable[[random.Random], str], sep: str, seed: int) -> str:
    rng = random.Random(seed)
    parts: list[str] = []
    total = 0
    while total < size:
        p = part(rng)
        parts.append(p)
        total += len(p) + len(sep)
    return sep.join(parts)


def shape_text(shape: str, size: int, seed: int = 1) -> tuple[str, str]:
    """(file name, text) of about `size` bytes in `shape`."""
    if shape == "lines":
        return "report.txt", _fill(size, _line, "\n", seed) + "\n"
    if shape == "paragraph":
        return "paragraph.txt", _fill(size, _line, " ", seed) + "\n"
    if shape == "sentence":
        return "sentence.txt", ("The officials said " + _fill(size, _clause, "; ", seed)
                                + "\n")
    if shape == "html":
        body = _fill(size - 104, lambda r: f"<p>{_line(r)}</p>", "\n", seed)
        return "page.html", ("<!DOCTYPE html><html><head><title>Flood report</title>"
                             f"</head><body><article>\n{body}\n</article></body></html>\n")
    raise ValueError(f"unknown shape {shape}")


def exponent(points: Sequence[tuple[float, float]]) -> float | None:
    """Least-squares slope of log(seconds) on log(bytes); None for fewer than 2 points."""
    pts = [(math.log(x), math.log(y)) for x, y in points if x > 0 and y > 0]
    if len(pts) < 2:
        return None
    mx = sum(x for x, _ in pts) / len(pts)
    my = sum(y for _, y in pts) / len(pts)
    sxx = sum((x - mx) ** 2 for x, _ in pts)
    return sum((x - mx) * (y - my) for x, y in pts) / sxx if sxx else None


def bench_long(
    run: Callable[[list[str]], tuple[float, float]], exe: list[str], work: Path,
    sizes: Sequence[int] = SIZES, shapes: Sequence[str] = SHAPES, seed: int = 1,
) -> dict[str, Any]:
    """`claims extract FILE --format json` per shape and size: seconds, MB/s, peak MB
    (`run` gives wall seconds and peak MB of one command), and the growth exponent per
    shape from 100 KB up; HTML's speed (text per second) against the same text as lines."""
    work.mkdir(parents=True, exist_ok=True)
    out: dict[str, Any] = {"sizes": list(sizes), "shapes": {}}
    for shape in shapes:
        rows = []
        for size in sizes:
            name, text = shape_text(shape, size, seed)
            path = work / f"{size}-{name}"
            data = text.encode()
            path.write_bytes(data)
            seconds, peak = run([*exe, "extract", str(path), "--format", "json"])
            path.unlink()
            # the text a reader gets (HTML: without its tags), for html against lines
            plain = len(re.sub(r"<[^>]*>", "", text).encode()) if shape == "html" else len(data)
            rows.append({"bytes": len(data), "text_bytes": plain, "seconds": round(seconds, 3),
                         "mb_s": len(data) / 1e6 / seconds, "peak_mb": round(peak, 1)})
        grow = exponent([(r["bytes"], r["seconds"]) for r in rows if r["bytes"] >= 90_000])
        out["shapes"][shape] = {"rows": rows, "exponent": grow}
    if "html" in out["shapes"] and "lines" in out["shapes"]:
        html, lines = out["shapes"]["html"]["rows"][-1], out["shapes"]["lines"]["rows"][-1]
        # speed in text read per second: the page's tags are not text to extract
        out["html_vs_lines"] = (html["text_bytes"] / html["seconds"]) / (
            lines["text_bytes"] / lines["seconds"])
    return out
