"""The store's lookup of cross-article `same` candidates finds the relations the core
rule finds against every earlier figure: reading fewer rows changes nothing, also when
the bound on candidates (`SAME_CANDIDATES`) cuts lists short, as it does when many
articles share one date."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from sqlalchemy import select

from claims.bench_corpus import articles
from claims.config import resolve_db
from claims.core.reconcile.same import infer_same
from claims.inputs import ArticleInput, InputFailure
from claims.pipeline import ingest_all
from claims.store import open_store
from claims.store.ingest import SAME_WINDOW_DAYS, _same_candidates
from claims.store.tables import article, claim, figure, relation, relation_member


@pytest.mark.parametrize(("one_date", "limit", "at_least"), [
    (False, 64, 20),  # six days: the window fills and moves; the bound is not reached
    (False, 2, 20),  # the bound cuts candidate lists inside the window
    (True, 3, 60),  # one date for all: without the bound every article meets all before
])
def test_the_lookup_finds_what_the_rule_finds_over_all_earlier_figures(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, one_date: bool, limit: int, at_least: int
) -> None:
    monkeypatch.setattr("claims.store.ingest.SAME_CANDIDATES", limit)
    docs = list(articles(90, seed=5, per_day=15))
    if one_date:
        docs = [dataclasses.replace(a, published="2026-01-01") for a in docs]
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
            per_figure: dict[int, int] = {}
            ids = list(conn.execute(select(article.c.id).order_by(article.c.id)).scalars())
            for aid in ids:
                new = _same_candidates(conn, claim.c.article_id == aid)
                earlier = _same_candidates(conn, claim.c.article_id < aid)
                for p in infer_same(new, earlier, window_days=SAME_WINDOW_DAYS, limit=limit):
                    brute.add(p[:3])
                    per_figure[p[0]] = per_figure.get(p[0], 0) + 1
    assert len(stored) > at_least  # the corpus has cross-article `same` to find
    assert stored == brute
    # a new figure meets at most `limit` figures of its key and day window (headline
    # twins aside, each pairs once): nothing grows with the archive
    assert max(per_figure.values()) <= limit
