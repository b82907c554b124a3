"""The store's lookup of cross-article `same` candidates finds the relations the core
rule finds against every earlier figure: reading fewer rows changes nothing."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select

from claims.bench_corpus import articles
from claims.config import resolve_db
from claims.core.reconcile.same import infer_same
from claims.inputs import ArticleInput, InputFailure
from claims.pipeline import ingest_all
from claims.store import open_store
from claims.store.ingest import SAME_WINDOW_DAYS, _same_candidates
from claims.store.tables import article, claim, figure, relation, relation_member


def test_the_lookup_finds_what_the_rule_finds_over_all_earlier_figures(tmp_path: Path) -> None:
    docs = list(articles(90, seed=5, per_day=15))  # six days: the window fills and moves
    items: list[ArticleInput | InputFailure] = [
        ArticleInput(origin=a.name, name=a.name, text=a.text, published=a.published)
        for a in docs
    ]
    with open_store(resolve_db(str(tmp_path / "s.db"))) as store:
        assert ingest_all(store, items, jobs=0).new == 90
        with store.read() as conn:
            owner = dict(conn.execute(
                select(figure.c.id, claim.c.article_id).join(claim, claim.c.id == figure.c.claim_id)
            ).all())
            members: dict[int, list[int]] = {}
            for rid, fid in conn.execute(
                select(relation_member.c.relation_id, relation_member.c.figure_id)
                .join(relation, relation.c.id == relation_member.c.relation_id)
                .where(relation.c.kind == "same")
                .order_by(relation_member.c.relation_id, relation_member.c.position)
            ):
                members.setdefault(rid, []).append(fid)
            rules = dict(conn.execute(select(relation.c.id, relation.c.rule)).all())
            stored = {(a, b, rules[rid]) for rid, (a, b) in members.items()
                      if owner[a] != owner[b]}
            brute: set[tuple[int, int, str]] = set()
            ids = list(conn.execute(select(article.c.id).order_by(article.c.id)).scalars())
            for aid in ids:
                new = _same_candidates(conn, claim.c.article_id == aid)
                earlier = _same_candidates(conn, claim.c.article_id < aid)
                brute.update(p[:3] for p in infer_same(new, earlier, window_days=SAME_WINDOW_DAYS))
    assert len(stored) > 20  # the corpus has cross-article `same` to find
    assert stored == brute
