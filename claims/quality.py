"""In-process extraction scorer: `python -m claims.quality DIR [--json]`; and
`python -m claims.quality consistency DIR`, what `check-consistency` says about a folder
of real articles (`claims.quality_consistency`).

Runs `extract` on every DIR/NAME.txt that has a NAME.gold.json and scores it with the
matching logic of the dev set's `score.py` (claim detection, attribution, figures), so
its numbers agree with the CLI-based scorer without needing a database. Consistency
checks are not scored here: they need the store and the reconciler.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path
from typing import Any

from rapidfuzz import fuzz

from claims.core.extraction import extract
from claims.core.text.documents import make_document

_COUNTERS = ("tp", "fp", "gold", "found", "attr_ok", "fig_gold", "fig_found", "fig_tool",
             "fig_tool_ok")


def norm(s: str | None) -> str:
    s = (s or "").lower().replace("\u2019", "'")
    s = re.sub(r"^the\s+", "", s.strip())
    return re.sub(r"[^a-z0-9' ]+", " ", s).strip()


def overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def span_of(claim: dict[str, Any], text: str) -> tuple[int, int]:
    s, e = claim.get("start"), claim.get("end")
    if isinstance(s, int) and isinstance(e, int) and 0 <= s < e <= len(text):
        return s, e
    i = text.find(claim.get("text", ""))
    return (i, i + len(claim.get("text", ""))) if i >= 0 else (-1, -1)


def source_ok(gold_src: str | None, tool_src: str | None, gold_sources: dict[str, Any],
              tool_aliases: dict[str | None, list[str]]) -> bool:
    """The tool's source names the gold one: by canonical name or alias, or a near-typo."""
    if gold_src is None or tool_src is None:
        return gold_src is None and tool_src is None
    gold_names = {norm(gold_src)} | {
        norm(a) for a in gold_sources.get(gold_src, {}).get("aliases", [])
    }
    tool_names = {norm(tool_src)} | {norm(a) for a in tool_aliases.get(tool_src, [])}
    if norm(tool_src) in gold_names or norm(gold_src) in tool_names:
        return True
    return any(fuzz.ratio(norm(tool_src), g) >= 90 for g in gold_names if len(g) >= 4)


def value_eq(a: Any, b: Any) -> bool:
    try:
        a, b = float(a), float(b)
    except (TypeError, ValueError):
        return False
    return bool(abs(a - b) <= max(1e-9, 0.002 * max(abs(a), abs(b))))


def _claims_json(path: Path) -> tuple[list[dict[str, Any]], dict[str | None, list[str]]]:
    """The extraction in the CLI's JSON shape (what score.py reads back)."""
    text = path.read_text(encoding="utf-8")
    ex = extract(make_document(text, path.name))
    claims = [
        {"article": path.name, "text": c.text, "start": c.start, "end": c.end,
         "source": c.source,
         "figures": [{"value": f.value, "qualifier": str(f.qualifier)} for f in c.figures]}
        for c in ex.claims
    ]
    aliases: dict[str | None, list[str]] = {s.name: list(s.aliases) for s in ex.sources}
    return claims, aliases


def score_article(text: str, gold: dict[str, Any], mine: list[dict[str, Any]],
                  tool_aliases: dict[str | None, list[str]]) -> dict[str, int]:
    """score.py's claim and figure loops for one article."""
    t = dict.fromkeys(_COUNTERS, 0)
    gspans = []
    for gc in gold["claims"]:
        i = text.find(gc["quote"])
        gspans.append((i, i + len(gc["quote"])))
    for c in mine:
        sp = span_of(c, text)
        length = max(1, sp[1] - sp[0])
        best: tuple[float, Any] = max(
            ((overlap(sp, gs), gc) for gs, gc in zip(gspans, gold["claims"], strict=True)),
            key=lambda x: x[0], default=(0, None))
        fuzzy = max((fuzz.ratio(c.get("text", ""), gc["quote"]) for gc in gold["claims"]),
                    default=0)
        if fuzzy >= 85 and best[0] < 0.5 * length:
            best = max(((fuzz.ratio(c.get("text", ""), gc["quote"]), gc)
                        for gc in gold["claims"]), key=lambda x: x[0])
        if best[0] >= 0.5 * length or fuzzy >= 85:
            if best[1] and best[1].get("optional"):
                continue
            t["tp"] += 1
        else:
            t["fp"] += 1
    for gs, gc in zip(gspans, gold["claims"], strict=True):
        if gc.get("optional"):
            continue
        t["gold"] += 1
        cands = [(overlap(span_of(c, text), gs), c) for c in mine]
        cands = [(o, c) for o, c in cands if o > 0]
        found = [c for o, c in cands if o >= 0.8 * (gs[1] - gs[0])]
        found += [c for c in mine
                  if c not in found and fuzz.ratio(c.get("text", ""), gc["quote"]) >= 85]
        if not found and sum(o for o, _ in cands) >= 0.8 * (gs[1] - gs[0]):
            found = [c for _, c in cands]
        figs_gold = gc.get("figures", [])
        t["fig_gold"] += len(figs_gold)
        if not found:
            continue
        t["found"] += 1
        best_c = max(found, key=lambda c: overlap(span_of(c, text), gs))
        if source_ok(gc.get("source"), best_c.get("source"), gold.get("sources", {}),
                     tool_aliases):
            t["attr_ok"] += 1
        tool_figs = [f for c in found for f in (c.get("figures") or [])]
        for gf in figs_gold:
            if any(value_eq(tf.get("value"), gf["value"])
                   and tf.get("qualifier") == gf["qualifier"] for tf in tool_figs):
                t["fig_found"] += 1
        for tf in tool_figs:
            t["fig_tool"] += 1
            if any(value_eq(tf.get("value"), gf["value"]) for gf in figs_gold):
                t["fig_tool_ok"] += 1
    return t


def ratios(t: dict[str, int]) -> dict[str, float]:
    def div(a: int, b: int) -> float:
        return round(a / b, 3) if b else 0.0

    p, r = div(t["tp"], t["tp"] + t["fp"]), div(t["found"], t["gold"])
    return {
        "claim_precision": p,
        "claim_recall": r,
        "claim_f1": round(2 * p * r / (p + r), 3) if p + r else 0.0,
        "attribution_accuracy": div(t["attr_ok"], t["found"]),
        "figure_recall": div(t["fig_found"], t["fig_gold"]),
        "figure_precision": div(t["fig_tool_ok"], t["fig_tool"]),
    }


def score_dir(path: str | Path) -> dict[str, Any]:
    """{"overall": ratios, "articles": {NAME.txt: ratios}} for one gold folder."""
    folder = Path(path)
    golds = sorted(folder.glob("*.gold.json"))
    if not golds:
        raise FileNotFoundError(f"no *.gold.json in {folder}")
    totals = dict.fromkeys(_COUNTERS, 0)
    per: dict[str, dict[str, float]] = {}
    runs = {}
    registry: dict[str | None, list[str]] = {}  # like the store's global source registry
    for g in golds:
        art = g.name[: -len(".gold.json")] + ".txt"
        runs[art] = (json.loads(g.read_text(encoding="utf-8")), *_claims_json(folder / art))
        for name, aliases in runs[art][2].items():
            registry.setdefault(name, [])
            registry[name] += [a for a in aliases if a not in registry[name]]
    for art, (gold, mine, _aliases) in runs.items():
        t = score_article((folder / art).read_text(encoding="utf-8"), gold, mine, registry)
        per[art] = ratios(t)
        for k in totals:
            totals[k] += t[k]
    return {"overall": ratios(totals), "articles": per}


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if args[:1] == ["consistency"]:
        from claims.quality_consistency import main as consistency_main

        return consistency_main(args[1:])
    ap = argparse.ArgumentParser(prog="python -m claims.quality", description=__doc__)
    ap.add_argument("gold_dir", type=Path)
    ap.add_argument("--json", action="store_true")
    a = ap.parse_args(args)
    try:
        out = score_dir(a.gold_dir)
    except FileNotFoundError as e:
        print(f"Error: {e}", file=sys.stderr)
        return 2
    if a.json:
        print(json.dumps(out, indent=1))
        return 0
    cols = list(out["overall"])
    print("article".ljust(34) + " ".join(c.replace("_", " ")[:12].rjust(12) for c in cols))
    for name, r in [*out["articles"].items(), ("OVERALL", out["overall"])]:
        print(name[:33].ljust(34) + " ".join(f"{r[c]:12.3f}" for c in cols))
    return 0


if __name__ == "__main__":
    sys.exit(main())
