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


@pytest.mark.parametrize(("one_date", "undated", "limit", "at_least"), [
    (False, 0, 64, 20),  # six days: the window fills and moves; the bound is not reached
    (False, 0, 2, 20),  # the bound cuts candidate lists inside the window
    (True, 0, 3, 60),  # one date for all: without the bound every article meets all before
    # every third article undated: it may pair with any day, and dated ones with it
    (False, 3, 2, 10),
    (False, 3, 64, 10),
])
def test_the_lookup_finds_what_the_rule_finds_over_all_earlier_figures(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, one_date: bool, undated: int,
    limit: int, at_least: int
) -> None:
    monkeypatch.setattr("claims.store.ingest.SAME_CANDIDATES", limit)
    docs = list(articles(90, seed=5, per_day=15))
    if one_date:
        docs = [dataclasses.replace(a, published="2026-01-01") for a in docs]
    if undated:
        docs = [dataclasses.replace(a, published=None) if i % undated == 0 else a
                for i, a in enumerate(docs)]
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


def _cross_pairs(tmp_path: Path, texts: list[tuple[str, str | None]],
                 retract_first: bool = False,
                 redate_first: str | None = None) -> list[tuple[str, str]]:
    """Ingest `texts` in order (each (text, published)); the cross-article `same`
    pairs stored, as (new figure, earlier figure) texts."""
    from claims.store.articles import edit_article
    from claims.store.retraction import retract_article

    tmp_path.mkdir(exist_ok=True)
    with open_store(resolve_db(str(tmp_path / "p.db"))) as store:
        for i, (body, published) in enumerate(texts):
            item = ArticleInput(origin=f"{i}.txt", name=f"{i}.txt", text=body,
                                published=published)
            assert ingest_all(store, [item], jobs=0).new == 1
            if i == 0 and retract_first:
                retract_article(store, article_id=1, reviewer="ana", note="withdrawn")
            if i == 0 and redate_first is not None:
                edit_article(store, article_id=1, changes={"published": redate_first},
                             reviewer="ana")
        with store.read() as conn:
            rows = conn.execute(
                select(relation_member.c.relation_id, figure.c.text, claim.c.article_id)
                .join(figure, figure.c.id == relation_member.c.figure_id)
                .join(claim, claim.c.id == figure.c.claim_id)
                .join(relation, relation.c.id == relation_member.c.relation_id)
                .where(relation.c.kind == "same")
                .order_by(relation_member.c.relation_id, relation_member.c.position)
            ).all()
    pairs: dict[int, list[tuple[str, int]]] = {}
    for rid, text, aid in rows:
        pairs.setdefault(rid, []).append((text, aid))
    return [(m[0][0], m[1][0]) for m in pairs.values() if m[0][1] != m[1][1]]


DATED = ("The Dunmore strike killed 12 people in Dunmore on 17 March 2025, officials said.\n",
         "2025-03-18")
UNDATED = ("The Dunmore strike killed at least 13 people in Dunmore on 17 March 2025, the "
           "mayor said.\n", None)


def test_an_undated_article_meets_dated_ones_and_they_meet_it(tmp_path: Path) -> None:
    """The lookup reads undated figures for a dated article and every day for an
    undated one: an unknown date never rules a pair out (the core decides on the event)."""
    assert _cross_pairs(tmp_path / "a", [DATED, UNDATED]) == [("at least 13", "12")]
    assert _cross_pairs(tmp_path / "b", [UNDATED, DATED]) == [("12", "at least 13")]


def test_a_retracted_article_is_nobodys_candidate(tmp_path: Path) -> None:
    assert _cross_pairs(tmp_path, [DATED, UNDATED], retract_first=True) == []


def test_a_corrected_date_moves_the_article_into_the_window(tmp_path: Path) -> None:
    """`articles edit --published` re-dates the stored figures the lookup reads."""
    undated_twin = (UNDATED[0], "2024-11-26")
    assert _cross_pairs(tmp_path / "a", [undated_twin, DATED]) == []
    assert _cross_pairs(tmp_path / "b", [undated_twin, DATED],
                        redate_first="2025-03-17") == [("12", "at least 13")]
