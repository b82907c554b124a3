"""Measure relation inference + checking against the dev set's gold `checks`.

Claims are built from the gold files (quotes, sources, figures), so this measures the
reconciliation rules alone, not the extraction in front of them. Run with `-s` to see
the numbers: `pytest tests/core/test_relations_devset.py -s`.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field, replace
from typing import Any

import pytest

from claims.core.model import Claim, Figure, FigureFact, FigureRef, Qualifier, Relation
from claims.core.reconcile.consistency import check
from claims.core.reconcile.frames import frame_claims
from claims.core.reconcile.relations import infer_relations
from claims.core.reconcile.same import infer_same
from tests.paths import DEVSET  # noqa: E402  (shared/devset beside the clone, or $CLAIMS_DEVSET)

pytestmark = pytest.mark.skipif(not DEVSET.is_dir(), reason="dev set not available")

CROSS = ("flood-riverton-wire", "flood-riverton-local")


def _interval(value: float, q: Qualifier, low: Any, high: Any) -> tuple[Any, Any]:
    try:
        from claims.core.figures.intervals import qualifier_interval
    except ImportError:  # pragma: no cover - built inline until intervals.py lands
        table = {"exact": (value, value), "approx": (0.9 * value, 1.1 * value),
                 "nearly": (0.9 * value, value), "more_than": (value, None),
                 "at_least": (value, None), "less_than": (None, value),
                 "at_most": (None, value), "range": (low, high)}
        return table[q.value]
    return qualifier_interval(value, q, low, high)


@dataclass
class Article:
    name: str
    text: str
    published: str | None
    claims: list[Claim]
    claim_ids: list[str]
    gold: dict[str, Any]
    facts: dict[FigureRef, FigureFact] = field(default_factory=dict)


def _metric(mode: str, quote: str, fig: dict[str, Any]) -> str | None:
    """gold: the annotated label; none: no label; extractor: what the figure parser says."""
    if mode == "gold":
        return str(fig["metric"])
    if mode == "extractor":
        from claims.core.figures.metric import metric_label

        s = quote.find(fig["text"])
        e = s + len(fig["text"])
        nxt = quote[e:].split()
        noun = nxt[0].strip(",.;:") if nxt and nxt[0].isalpha() else None
        return metric_label(quote, s, e, noun, fig["unit"])
    return None


def load_article(name: str, metrics: str = "gold", first_id: int = 1) -> Article:
    text = (DEVSET / f"{name}.txt").read_text(encoding="utf-8")
    gold = json.loads((DEVSET / f"{name}.gold.json").read_text(encoding="utf-8"))
    line_starts = [0]
    for i, ch in enumerate(text):
        if ch == "\n":
            line_starts.append(i + 1)
    claims: list[Claim] = []
    ids: list[str] = []
    for order, c in enumerate(gold["claims"]):
        start = text.find(c["quote"])
        assert start >= 0, c["id"]
        figs = []
        for g in c["figures"]:
            fs = start + c["quote"].find(g["text"])
            q = Qualifier(g["qualifier"])
            low, high = _interval(float(g["value"]), q, g.get("low"), g.get("high"))
            figs.append(Figure(
                text=g["text"], start=fs, end=fs + len(g["text"]), value=float(g["value"]),
                low=low, high=high, qualifier=q, unit=g["unit"],
                metric=_metric(metrics, c["quote"], g),
            ))
        para = sum(1 for s in line_starts if s <= start) - 1
        claims.append(Claim(
            text=c["quote"], start=start, end=start + len(c["quote"]), source=c["source"],
            figures=tuple(figs), paragraph=para, sentence=order,
        ))
        ids.append(c["id"])
    claims = list(frame_claims(claims, gold.get("published")))  # as `extract` frames them
    art = Article(name, text, gold.get("published"), claims, ids, gold)
    next_id = first_id
    for ci, c in enumerate(claims):
        for fi, f in enumerate(c.figures):
            art.facts[FigureRef(ci, fi)] = FigureFact(
                id=next_id, claim_id=1000 * first_id + ci, article_id=first_id,
                article=f"{name}.txt", origin=f"devset/{name}.txt", text=f.text,
                start=f.start, end=f.end, value=f.value, low=f.low, high=f.high,
                qualifier=f.qualifier, unit=f.unit, metric=f.metric, source=c.source,
                published=art.published, line=text.count("\n", 0, f.start) + 1,
                context=c.text, frame=f.frame,
            )
            next_id += 1
    return art


def gold_ref(art: Article, ref: str) -> int:
    cid, ftext = ref.split(":", 1)
    ci = art.claim_ids.index(cid)
    fi = next(i for i, f in enumerate(art.claims[ci].figures) if f.text == ftext)
    return art.facts[FigureRef(ci, fi)].id


def gold_members(check_: dict[str, Any], arts: dict[str, Article], home: str) -> tuple[int, ...]:
    def resolve(ref: str) -> int:
        if "#" in ref:
            a, r = ref.split("#", 1)
            return gold_ref(arts[a], r)
        return gold_ref(arts[home], ref)

    if check_["kind"] == "partition":
        return (resolve(check_["total"]), *(resolve(p) for p in check_["parts"]))
    if check_["kind"] == "bound":
        return (resolve(check_["smaller"]), resolve(check_["larger"]))
    return tuple(resolve(r) for r in check_["figures"])


def same_members(kind: str, a: tuple[int, ...], b: tuple[int, ...]) -> bool:
    if kind == "partition":
        return a[0] == b[0] and sorted(a[1:]) == sorted(b[1:])
    if kind == "bound":
        return a == b
    return sorted(a) == sorted(b)


@dataclass
class Score:
    gold: int = 0
    found: int = 0
    proposals: int = 0
    proposals_ok: int = 0
    spurious_errors: int = 0
    missed: list[str] = field(default_factory=list)
    extra: list[str] = field(default_factory=list)


def evaluate(metrics: str = "gold") -> Score:
    names = sorted(p.name[: -len(".gold.json")] for p in DEVSET.glob("*.gold.json"))
    arts: dict[str, Article] = {}
    for k, n in enumerate(names):
        arts[n] = load_article(n, metrics, first_id=1 + 1000 * k)
    relations: list[Relation] = []
    facts: dict[int, FigureFact] = {}
    rid = 1
    for art in arts.values():
        facts.update({f.id: f for f in art.facts.values()})
        for r in infer_relations(art.claims, art.published):
            ids = tuple(art.facts[m].id for m in r.members)
            relations.append(Relation(rid, r.kind, ids, rule=r.rule))
            rid += 1
    wire, local = (list(arts[n].facts.values()) for n in CROSS)
    for a, b, rule, conf, _evidence in infer_same(local, wire):
        relations.append(Relation(rid, "same", (a, b), rule=rule, confidence=conf))
        rid += 1
    findings = check(relations, facts)
    gold = [(n, k) for n, art in arts.items() for k in art.gold["checks"]]
    score = Score(gold=len(gold), proposals=len(relations))
    matched_findings: set[int] = set()
    for home, k in gold:
        want = gold_members(k, arts, home)
        hit = [f for f in findings if f.kind == k["kind"]
               and same_members(k["kind"], tuple(x.id for x in f.figures), want)]
        if hit:
            matched_findings.update(f.relation for f in hit)
        if any(f.outcome == k["expect"] for f in hit):
            score.found += 1
        else:
            score.missed.append(f"{home} {k['id']} {k['kind']} {k['expect']}")
    score.proposals_ok = len(matched_findings)
    for f in findings:
        if f.relation not in matched_findings:
            score.extra.append(f"{f.article} {f.kind}/{f.rule} {f.outcome}: {f.message}")
            if f.severity == "error":
                score.spurious_errors += 1
    return score


def _report(label: str, s: Score) -> None:
    print(f"\n[{label}] check recall {s.found}/{s.gold} = {s.found / s.gold:.3f}; "
          f"proposals {s.proposals}, precision {s.proposals_ok / max(1, s.proposals):.3f}; "
          f"spurious errors {s.spurious_errors}")
    for m in s.missed:
        print("  missed:", m)
    for e in s.extra:
        print("  extra:", e)


def test_devset_with_gold_metrics() -> None:
    s = evaluate("gold")
    _report("gold metrics", s)
    assert s.found / s.gold >= 0.9
    assert s.spurious_errors == 0
    assert s.proposals_ok / s.proposals >= 0.8


def test_devset_without_metrics() -> None:
    """An extractor may leave `metric` empty: the text rules must still carry most checks."""
    s = evaluate("none")
    _report("no metrics", s)
    assert s.spurious_errors == 0
    assert s.found / s.gold >= 0.85


def test_devset_with_the_extractors_metric_labels() -> None:
    """The figure parser's labels are coarse ("people died"): no false `same` from them."""
    pytest.importorskip("claims.core.figures.metric")
    s = evaluate("extractor")
    _report("extractor metrics", s)
    assert s.spurious_errors == 0
    assert s.found / s.gold >= 0.85


def test_gold_claims_keep_their_spans() -> None:
    art = load_article("seed-nato-oreshnik")
    c = art.claims[art.claim_ids.index("c16")]
    assert art.text[c.start : c.end] == c.text
    f = c.figures[1]
    assert (art.text[f.start : f.end], f.low, f.high) == ("188", 188, 188)
    assert replace(f, metric=None).metric is None


def evaluate_extracted() -> Score:
    """The same measure on what the real extractor finds in the article texts."""
    from claims.core.extraction import extract
    from claims.core.text.documents import make_document

    facts: dict[int, FigureFact] = {}
    by_span: dict[tuple[str, int], int] = {}
    per_article: dict[str, list[FigureFact]] = {}
    relations: list[Relation] = []
    golds: dict[str, dict[str, Any]] = {}
    texts: dict[str, str] = {}
    for k, path in enumerate(sorted(DEVSET.glob("*.gold.json"))):
        name = path.name[: -len(".gold.json")]
        golds[name] = json.loads(path.read_text(encoding="utf-8"))
        texts[name] = text = (DEVSET / f"{name}.txt").read_text(encoding="utf-8")
        published = golds[name].get("published")
        ex = extract(make_document(text, name=f"{name}.txt", published=published))
        ids: dict[FigureRef, int] = {}
        for ci, c in enumerate(ex.claims):
            for fi, fig in enumerate(c.figures):
                fid = len(facts) + 1
                facts[fid] = FigureFact(
                    fid, 1000 * k + ci, k, f"{name}.txt", f"devset/{name}.txt", fig.text,
                    fig.start, fig.end, fig.value, fig.low, fig.high, fig.qualifier, fig.unit,
                    fig.metric, c.source, published, text.count("\n", 0, fig.start) + 1, c.text,
                    fig.frame)
                ids[FigureRef(ci, fi)] = by_span[(name, fig.start)] = fid
                per_article.setdefault(name, []).append(facts[fid])
        for r in infer_relations(ex.claims):
            relations.append(Relation(len(relations) + 1, r.kind,
                                      tuple(ids[m] for m in r.members), rule=r.rule))
    for a, b, rule, conf, _ev in infer_same(per_article.get(CROSS[1], []),
                                            per_article.get(CROSS[0], [])):
        relations.append(Relation(len(relations) + 1, "same", (a, b), rule=rule,
                                  confidence=conf))
    findings = check(relations, facts)

    def resolve(ref: str, home: str) -> int | None:
        name, r = ref.split("#", 1) if "#" in ref else (home, ref)
        cid, ftext = r.split(":", 1)
        c = next(c for c in golds[name]["claims"] if c["id"] == cid)
        return by_span.get((name, texts[name].find(c["quote"]) + c["quote"].find(ftext)))

    score = Score(proposals=len(relations))
    matched: set[int] = set()
    for home, gold in golds.items():
        for k in gold["checks"]:
            score.gold += 1
            refs = ([k["total"], *k["parts"]] if k["kind"] == "partition" else
                    [k["smaller"], k["larger"]] if k["kind"] == "bound" else k["figures"])
            want = tuple(resolve(r, home) for r in refs)
            hit = [f for f in findings if f.kind == k["kind"] and None not in want
                   and same_members(k["kind"], tuple(x.id for x in f.figures),
                                    want)]  # type: ignore[arg-type]
            matched.update(f.relation for f in hit)
            if any(f.outcome == k["expect"] for f in hit):
                score.found += 1
            else:
                score.missed.append(f"{home} {k['id']} {k['kind']} {k['expect']}")
    score.proposals_ok = len(matched)
    for f in findings:
        if f.relation not in matched:
            score.extra.append(f"{f.article} {f.kind}/{f.rule} {f.outcome}: {f.message}")
            score.spurious_errors += f.severity == "error"
    return score


def test_devset_end_to_end_with_the_extractor() -> None:
    """Measured on the real extraction; loose bounds, as extraction changes under it."""
    pytest.importorskip("claims.core.extraction")
    s = evaluate_extracted()
    _report("real extraction", s)
    assert s.found / s.gold >= 0.5
    assert s.spurious_errors <= 1
