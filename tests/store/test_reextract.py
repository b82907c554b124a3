"""Re-extraction keeps reviewers' work; the 0002 migration keeps the history triggers."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator

import pytest
from sqlalchemy import create_engine, select, text

from claims.config import DbTarget
from claims.core.model import (
    Claim,
    Document,
    Extraction,
    Figure,
    FigureRef,
    InferredRelation,
    Qualifier,
    Source,
    SourceType,
)
from claims.errors import NotFound
from claims.render.tables import claim_detail
from claims.render.workflow import reextract_summary
from claims.store import Store, open_store, upgrade
from claims.store.engine import alembic_config, head_revision
from claims.store.ingest import save_extraction
from claims.store.queries import get_claim, list_claims, list_sources
from claims.store.reextract import match_claims, reextract_articles
from claims.store.relations import add_relation, list_relations, set_relation_state
from claims.store.tables import article, verdict
from claims.store.verdicts import history, record_verdict
from claims.store.workflow import fix_figure, get_claim_detail, reattribute, set_dismissed

TEXT = (
    "Strikes continue\n"
    "The Ukrainian Air Force said Russia launched 188 drones overnight.\n"
    "It said 76 were shot down and 96 were lost to jamming.\n"
    "Analysts at the Institute for the Study of War said nearly 40 missiles were fired.\n"
    "The mayor said 12 buildings were damaged.\n"
    "Talks are planned for Friday.\n"
)
S_HEAD = "Strikes continue"
S_AIR = "The Ukrainian Air Force said Russia launched 188 drones overnight."
S_PARTS = "It said 76 were shot down and 96 were lost to jamming."
S_PARTS_V2 = "76 were shot down and 96 were lost to jamming."
S_ISW = "Analysts at the Institute for the Study of War said nearly 40 missiles were fired."
S_MAYOR = "The mayor said 12 buildings were damaged."
S_TALKS = "Talks are planned for Friday."

SOURCES = (
    Source("Ukrainian Air Force", SourceType.MILITARY),
    Source("Institute for the Study of War", SourceType.THINK_TANK, ("ISW",)),
    Source("Mayor", SourceType.OFFICIAL),
)


def fig(number: str, value: float, unit: str) -> Figure:
    start = TEXT.index(f" {number} ") + 1
    return Figure(number, start, start + len(number), value, value, value, Qualifier.EXACT, unit)


def cl(sentence: str, source: str | None, *figures: Figure) -> Claim:
    start = TEXT.index(sentence)
    return Claim(
        sentence, start, start + len(sentence), source, "said" if source else None, figures
    )


def partition(total: int) -> tuple[InferredRelation, ...]:
    """188 = 76 + 96, with the total in claim `total` and the parts in the next one."""
    refs = (FigureRef(total, 0), FigureRef(total + 1, 0), FigureRef(total + 1, 1))
    return (InferredRelation("partition", refs, "said-of-them"),)


def v1(document: Document) -> Extraction:
    claims = (
        cl(S_HEAD, None),
        cl(S_AIR, "Ukrainian Air Force", fig("188", 188, "drone")),
        cl(S_PARTS, "Ukrainian Air Force", fig("76", 76, "drone"), fig("96", 96, "drone")),
        cl(S_ISW, "Institute for the Study of War", fig("40", 40, "missile")),
        cl(S_MAYOR, "Mayor", fig("12", 12, "building")),
    )
    return Extraction(document, SOURCES, claims, partition(1), "test-1")


def v2(document: Document) -> Extraction:
    """Drops the headline and the ISW claim, trims a claim, finds a new one."""
    claims = (
        cl(S_AIR, "Ukrainian Air Force", fig("188", 188, "drone")),
        cl(S_PARTS_V2, None, fig("76", 76, "drone"), fig("96", 96, "drone")),
        cl(S_MAYOR, "Mayor", fig("12", 12, "building")),
        cl(S_TALKS, None),
    )
    return Extraction(document, SOURCES, claims, partition(0), "test-2")


DOC = Document(TEXT, "r.txt", "hash-r", published="2026-11-20")


@pytest.fixture
def desk(backend: DbTarget) -> Iterator[Store]:
    """Claims 1-5 from v1, with reviewers' work on 2, 3, 4 and 5 (figures 1-5)."""
    upgrade(backend)
    with open_store(backend) as store:
        save_extraction(store, v1(DOC), origin="news/r.txt")
        reattribute(store, claim_id=2, source_id=2, reviewer="ana")  # → ISW
        record_verdict(store, claim_id=3, status="supported", reviewer="ana")
        record_verdict(store, claim_id=4, status="refuted", reviewer="bo")
        fix_figure(store, claim_id=5, figure_id=5, value=14, reviewer="bo")
        set_dismissed(store, claim_id=5, dismissed=True, reviewer="bo")
        add_relation(store, kind="bound", figure_ids=[2, 1])  # 76 ≤ 188: both survive
        add_relation(store, kind="bound", figure_ids=[5, 4])  # 12 ≤ 40: 40 goes away
        set_relation_state(store, 1, "accepted")  # the inferred partition
        yield store


def test_reextract_carries_reviewers_work(desk: Store) -> None:
    verdicts_before = _verdict_count(desk)
    result = reextract_articles(desk, extract=v2, version="test-2")
    assert reextract_summary(len(result.articles), result.carried, result.superseded) == (
        "1 article re-extracted, 3 verdicts carried over, 1 unmatched (claim 4 kept as superseded)"
    )
    live = list_claims(desk, include_dismissed=True)
    assert [(c.id, c.text, c.source, c.status, c.version) for c in live] == [
        (2, S_AIR, "Institute for the Study of War", "unverified", 2),  # re-attribution kept
        (3, S_PARTS_V2, None, "supported", 2),  # matched by text, rewritten in place
        (5, S_MAYOR, "Mayor", "unverified", 3),
        (6, S_TALKS, None, "unverified", 1),
    ]
    assert live[1].start == TEXT.index(S_PARTS_V2)
    assert [c.id for c in list_claims(desk)] == [2, 3, 6]  # 5 stays dismissed
    assert [(f.id, f.value) for f in live[2].figures] == [(5, 14)]  # the fix survives
    assert [f.id for c in live for f in c.figures] == [1, 2, 3, 5]
    assert get_claim(desk, 1) is None  # unreviewed and unmatched: gone
    old = get_claim(desk, 4)
    assert old is not None and [v.to_status for v in history(desk, 4)] == ["refuted"]
    assert old.claim.figures == ()
    shown = get_claim_detail(desk, 4)
    assert shown is not None and shown.superseded is not None
    assert claim_detail(shown)[0].plain == (  # type: ignore[union-attr]
        f"Claim 4  refuted, version 2  (superseded by a re-extraction at {shown.superseded})"
    )
    assert [get_claim_detail(desk, i).superseded for i in (2, 3, 5, 6)] == [None] * 4  # type: ignore[union-attr]
    assert _verdict_count(desk) == verdicts_before
    rels = [(r.id, r.kind, r.figure_ids, r.origin, r.state) for r in list_relations(desk)]
    assert rels == [
        (1, "partition", (1, 2, 3), "inferred", "accepted"),
        (2, "bound", (2, 1), "manual", "accepted"),
    ]
    with desk.read() as conn:
        assert conn.execute(select(article.c.extractor_version)).scalar_one() == "test-2"


def test_reextract_again_is_stable_and_skips_current_articles(desk: Store) -> None:
    reextract_articles(desk, extract=v2, version="test-2")
    assert reextract_articles(desk, extract=v2, version="test-2").articles == ()
    before = list_claims(desk, include_dismissed=True)
    again = reextract_articles(desk, article="r.txt", force=True, extract=v2, version="test-2")
    assert (len(again.articles), again.carried, again.superseded) == (1, 3, ())
    assert list_claims(desk, include_dismissed=True) == before
    with pytest.raises(NotFound, match="^no article 'nope.txt'$"):
        reextract_articles(desk, article="nope.txt", extract=v2, version="test-2")


def _verdict_count(store: Store) -> int:
    with store.read() as conn:
        return len(conn.execute(select(verdict.c.id)).all())


def test_match_claims_by_span_then_text() -> None:
    old = [
        (10, 0, 5, "alpha"),
        (11, 6, 40, "The army said 40 tanks were destroyed."),
        (12, 50, 60, "x"),
    ]
    new = [
        Claim("alpha", 0, 5),
        Claim("The army said 40 tanks were destroyed", 6, 39),
        Claim("Something else entirely", 70, 90),
    ]
    assert match_claims(old, new) == {0: 10, 1: 11}
    assert match_claims(old, [Claim("x", 50, 60), Claim("x", 50, 60)]) == {0: 12}


def test_migration_0002_keeps_data_and_triggers(db_target: DbTarget) -> None:
    from alembic import command

    command.upgrade(alembic_config(db_target.url), "0001")
    engine = create_engine(db_target.url)
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO article (name, origin, content_hash, extractor_version, text, "
                "ingested_at) VALUES ('a', 'a', 'h', '', 't', 'now')"
            )
        )
        conn.execute(
            text(
                'INSERT INTO claim (article_id, seq, text, start, "end", paragraph, sentence) '
                "VALUES (1, 0, 't', 0, 1, 0, 0)"
            )
        )
        conn.execute(
            text(
                "INSERT INTO verdict (claim_id, at, reviewer, from_status, to_status, evidence, "
                "version, kind) VALUES (1, 'now', 'ana', 'unverified', 'supported', '[]', 2, "
                "'verdict')"
            )
        )
    engine.dispose()
    assert upgrade(db_target) == ("0001", head_revision())
    with sqlite3.connect(db_target.path) as conn:  # type: ignore[arg-type]
        triggers = {
            r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='trigger'")
        }
        assert {"verdict_no_update", "verdict_no_delete"} <= triggers
        assert conn.execute("SELECT id, superseded FROM claim").fetchall() == [(1, None)]
        with pytest.raises(sqlite3.DatabaseError, match="append-only"):
            conn.execute("DELETE FROM verdict")
    conn.close()


def test_reextract_keeps_each_articles_own_bare_source(backend: DbTarget) -> None:
    """"Analysts" in three articles is one bare source; re-extracting keeps it, and mints
    no "Analysts (2)"."""
    from claims.inputs import ArticleInput
    from claims.pipeline import ingest_all

    texts = {
        "a.txt": "Flood update\nAnalysts said 40 people were evacuated from the valley.\n",
        "b.txt": "Storm update\nAnalysts said 12 homes were damaged along the coast.\n",
        "c.txt": "Fire update\nAnalysts said 7 barns burned near the ridge on Friday.\n",
    }
    upgrade(backend)
    with open_store(backend) as store:
        ingest_all(store, [ArticleInput(name, name, text) for name, text in texts.items()])
        before = [(s.id, s.name, s.claims) for s in list_sources(store)]
        assert [(name, n) for _, name, n in before] == [("Analysts", 3)]
        attributed = [(c.id, c.source) for c in list_claims(store)]
        result = reextract_articles(store, force=True)
        assert len(result.articles) == 3
        assert [(s.id, s.name, s.claims) for s in list_sources(store)] == before
        assert [(c.id, c.source) for c in list_claims(store)] == attributed
