"""save_extraction: idempotent, all-or-nothing, global source registry, relations."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable, Sequence
from dataclasses import replace

import pytest
from sqlalchemy import func, insert, select, update

from claims.config import DbTarget
from claims.core.model import Claim, Document, Extraction, FigureFact, Frame, Source, SourceType
from claims.records import IngestOutcome
from claims.store import Store, open_store, upgrade
from claims.store.ingest import save_extraction
from claims.store.queries import list_claims, list_sources
from claims.store.relations import list_relations
from claims.store.tables import (
    article,
    claim,
    figure,
    relation,
    relation_member,
    source,
    source_alias,
)

TABLES = (article, source, source_alias, claim, figure, relation, relation_member)


def counts(store: Store) -> dict[str, int]:
    with store.read() as conn:
        return {
            t.name: conn.execute(select(func.count()).select_from(t)).scalar_one() for t in TABLES
        }


def test_first_ingest_stores_everything(store: Store, make_a: Callable[..., Extraction]) -> None:
    outcome = save_extraction(store, make_a(), origin="seeds/a.txt")
    assert outcome == IngestOutcome(
        article_id=1, name="a.txt", new=True, claims=3, figures=4, sources=2, relations=1,
        published="2026-11-20",
    )
    assert counts(store) == {
        "article": 1,
        "source": 2,
        "source_alias": 2,
        "claim": 3,
        "figure": 4,
        "relation": 1,
        "relation_member": 3,
    }
    claims = list_claims(store)
    assert [(c.id, c.source, c.cue, c.status, c.version) for c in claims] == [
        (1, "Ukrainian Air Force", "said", "unverified", 1),
        (2, "Ukrainian Air Force", "said", "unverified", 1),
        (3, "Institute for the Study of War", "said", "unverified", 1),
    ]
    text = make_a().document.text
    for c in claims:
        assert text[c.start : c.end] == c.text
        for f in c.figures:
            assert text[f.start : f.end] == f.text
    nearly = claims[2].figures[0]
    assert (nearly.value, nearly.low, nearly.high, nearly.qualifier, nearly.unit) == (
        40.0,
        36.0,
        40.0,
        "nearly",
        "missile",
    )
    rel = list_relations(store)
    assert [(r.kind, r.figure_ids, r.origin, r.state, r.rule) for r in rel] == [
        ("partition", (1, 2, 3), "inferred", "proposed", "said-of-them")
    ]
    with store.read() as conn:
        roles = (
            conn.execute(select(relation_member.c.role).order_by(relation_member.c.position))
            .scalars()
            .all()
        )
    assert roles == ["total", "part", "part"]


def test_same_text_twice_is_idempotent(store: Store, make_a: Callable[..., Extraction]) -> None:
    first = save_extraction(store, make_a(), origin="seeds/a.txt")
    before = counts(store)
    again = save_extraction(store, make_a(name="renamed.txt"), origin="elsewhere/a.txt")
    assert again == IngestOutcome(
        article_id=first.article_id, name="a.txt", new=False, claims=3, figures=4, sources=0
    )
    assert counts(store) == before


def test_failure_midway_leaves_no_rows(
    store: Store, make_a: Callable[..., Extraction], monkeypatch: pytest.MonkeyPatch
) -> None:
    import claims.store.ingest as ingest

    def boom(*args: object, **kwargs: object) -> list[int]:
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(ingest, "insert_relations", boom)
    with pytest.raises(RuntimeError, match="disk on fire"):
        save_extraction(store, make_a(), origin="a.txt")
    assert set(counts(store).values()) == {0}
    monkeypatch.undo()
    assert save_extraction(store, make_a(), origin="a.txt").new is True


def test_sources_merge_into_the_global_registry(
    store: Store, make_a: Callable[..., Extraction], make_b: Callable[..., Extraction]
) -> None:
    save_extraction(store, make_a(), origin="a.txt")
    outcome = save_extraction(store, make_b(), origin="b.txt")
    assert outcome.sources == 1  # the Kremlin is new; "ISW" is the known think tank
    registry = [(s.name, s.type, s.aliases, s.claims) for s in list_sources(store)]
    assert registry == [
        ("Institute for the Study of War", "think_tank", ("ISW",), 2),
        ("Kremlin", "government", (), 1),  # "the Kremlin" is the same name
        ("Ukrainian Air Force", "military", ("Air Force",), 2),
    ]
    assert [c.source for c in list_claims(store, article="b.txt")] == [
        "Institute for the Study of War",
        "Kremlin",
    ]


def test_near_spelling_gains_an_alias(store: Store, make_a: Callable[..., Extraction]) -> None:
    from dataclasses import replace

    save_extraction(store, make_a(), origin="a.txt")
    variant = make_a(text=make_a().document.text + "More.\n", name="a2.txt")
    sources = (
        replace(variant.sources[0], name="Ukrainian Airforce", aliases=()),
        variant.sources[1],
    )
    claims = tuple(
        replace(c, source="Ukrainian Airforce") if c.source == "Ukrainian Air Force" else c
        for c in variant.claims
    )
    save_extraction(store, replace(variant, sources=sources, claims=claims), origin="a2.txt")
    air = [s for s in list_sources(store) if s.name == "Ukrainian Air Force"][0]
    assert air.aliases == ("Air Force", "Ukrainian Airforce")
    assert air.claims == 4


FRAMES = {
    "188": Frame(role="launched", place="Kyiv"), "76": Frame(role="downed"),
    "96": Frame(role="lost"), "40": Frame(role="launched", place="Kyiv"),
}


def framed(x: Extraction) -> Extraction:
    """The literal extraction with frames on its figures (as `frames.frame_claims` sets)."""
    claims = tuple(replace(c, figures=tuple(replace(f, frame=FRAMES.get(f.text))
                                            for f in c.figures)) for c in x.claims)
    return replace(x, claims=claims)


def test_cross_article_same_uses_the_core_rule(
    store: Store,
    make_a: Callable[..., Extraction],
    make_b: Callable[..., Extraction],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    seen: list[tuple[list[int], list[int]]] = []

    def infer_same(
        new: Sequence[FigureFact], existing: Sequence[FigureFact], window_days: int = 3,
        limit: int = 64,
    ) -> tuple[tuple[int, int, str, str, tuple[str, ...]], ...]:
        seen.append(([f.id for f in new], [f.id for f in existing]))
        return tuple(
            (n.id, e.id, "same-unit", "high", ("role: launched",))
            for n in new
            for e in existing
            if n.unit == e.unit and n.value == e.value
        )

    monkeypatch.setattr("claims.store.ingest.infer_same", infer_same)
    save_extraction(store, framed(make_a()), origin="a.txt")
    later = make_a(
        text=make_a().document.text + "Update.\n", name="later.txt", published="2026-11-22"
    )
    outcome = save_extraction(store, framed(later), origin="later.txt")
    far = make_a(
        text=make_a().document.text + "Much later.\n", name="far.txt", published="2026-12-30"
    )
    save_extraction(store, framed(far), origin="far.txt")
    save_extraction(store, make_b(), origin="b.txt")
    # Only "later" has candidates: "far" is outside the 3-day window, b has other units.
    # 2 and 3 ("76 were shot down and 96 were lost") have no place, so the rule could
    # pair them with nothing; 1 and 4 are launches in Kyiv, as are 5 and 8.
    assert seen == [([5, 6, 7, 8], [1, 4])]
    assert outcome.relations == 3  # its own partition + 2 same links
    same = [r for r in list_relations(store) if r.kind == "same"]
    assert [(r.figure_ids, r.origin, r.state, r.rule, r.confidence, r.evidence)
            for r in same] == [
        ((5, 1), "inferred", "proposed", "same-unit", "high", ("role: launched",)),
        ((8, 4), "inferred", "proposed", "same-unit", "high", ("role: launched",)),
    ]


def test_cross_article_same_loads_only_the_new_figures_blocks(
    store: Store, make_a: Callable[..., Extraction], monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[list[int]] = []

    def infer_same(
        new: Sequence[FigureFact], existing: Sequence[FigureFact], window_days: int = 3,
        limit: int = 64,
    ) -> tuple[tuple[int, int, str], ...]:
        seen.append([f.id for f in existing])
        return ()

    monkeypatch.setattr("claims.store.ingest.infer_same", infer_same)
    save_extraction(store, framed(make_a()), origin="a.txt")
    with store.read() as conn:
        assert conn.execute(select(figure.c.id, figure.c.block, figure.c.places, figure.c.day)
                            .order_by(figure.c.id)).all() == [
            (1, "r:launched", " kyiv ", "2026-11-20"), (2, "r:downed", "", "2026-11-20"),
            (3, "r:lost", "", "2026-11-20"), (4, "r:launched", " kyiv ", "2026-11-20"),
        ]
    with store.write() as conn:  # 4: another place; 3: no keys (a pre-0003 dump's row,
        # which has no frame either, so it can pair with nothing and is never read)
        conn.execute(update(figure).where(figure.c.id == 4).values(places=" lviv "))
        conn.execute(update(figure).where(figure.c.id == 3).values(block=None))
    later = make_a(text=make_a().document.text + "Update.\n", name="later.txt")
    save_extraction(store, framed(later), origin="later.txt")
    assert seen == [[1]]


def test_batched_inserts_keep_order(store: Store, make_a: Callable[..., Extraction]) -> None:
    save_extraction(store, make_a(), origin="a.txt")
    with store.read() as conn:
        rows = conn.execute(select(claim.c.id, claim.c.seq).order_by(claim.c.id)).all()
    assert [tuple(r) for r in rows] == [(1, 0), (2, 1), (3, 2)]


def test_ingest_works_on_postgres(
    pg_database: str, make_a: Callable[..., Extraction], make_b: Callable[..., Extraction]
) -> None:
    target = DbTarget(url=pg_database, is_default=False, path=None)
    upgrade(target)
    with open_store(target) as pg:
        assert save_extraction(pg, make_a(), origin="a.txt").new is True
        assert save_extraction(pg, make_a(), origin="a.txt").new is False
        save_extraction(pg, make_b(), origin="b.txt")
        assert counts(pg)["claim"] == 5
        assert [c.id for c in list_claims(pg, search="isw")] == [4]
        with pg.write() as conn:
            conn.execute(insert(source).values(name="Unused", type="other"))
        assert [s.name for s in list_sources(pg)][-1] == "Unused"


def test_shared_generic_alias_does_not_merge_sources_and_is_neithers(
    store: Store, make_a: Callable[..., Extraction]
) -> None:
    from dataclasses import replace

    save_extraction(store, make_a(), origin="a.txt")
    other = make_a(text=make_a().document.text + "Russia.\n", name="ru.txt")
    sources = (replace(other.sources[0], name="Russian Air Force"), other.sources[1])
    claims = tuple(
        replace(c, source="Russian Air Force") if c.source == "Ukrainian Air Force" else c
        for c in other.claims
    )
    outcome = save_extraction(store, replace(other, sources=sources, claims=claims), origin="r")
    assert outcome.sources == 1
    registry = {s.name: (s.aliases, s.claims) for s in list_sources(store)}
    assert registry["Russian Air Force"] == ((), 2)  # a name two sources share: ambiguous
    assert registry["Ukrainian Air Force"] == ((), 2)


def test_descriptions_are_not_registry_aliases(
    store: Store, make_b: Callable[..., Extraction]
) -> None:
    from dataclasses import replace

    b = make_b()
    kremlin = replace(b.sources[1], aliases=("the president’s office", "Presidential Office"))
    save_extraction(store, replace(b, sources=(b.sources[0], kremlin)), origin="b.txt")
    assert [(s.name, s.aliases) for s in list_sources(store)] == [
        ("ISW", ()),
        ("Kremlin", ("Presidential Office",)),
    ]


def test_claim_source_missing_from_sources_is_still_registered(
    store: Store, make_b: Callable[..., Extraction]
) -> None:
    from dataclasses import replace

    b = make_b()
    save_extraction(store, replace(b, sources=b.sources[:1]), origin="b.txt")
    assert [(c.source, c.source_type) for c in list_claims(store)] == [
        ("ISW", "think_tank"),
        ("Kremlin", "other"),
    ]


INGESTER = """
import sys
from claims.config import DbTarget
from claims.core.model import Claim, Document, Extraction, Source
from claims.store import open_store
from claims.store.ingest import save_extraction
url, i = sys.argv[1], sys.argv[2]
text = f"Article {i}: the New Agency said it counted items."
extraction = Extraction(
    Document(text, f"{i}.txt", f"hash-{i}"),
    (Source("New Agency", aliases=("NA",)),),
    (Claim(text, 0, len(text), source="New Agency", cue="said"),),
)
with open_store(DbTarget(url=url, is_default=False, path=None)) as store:
    assert save_extraction(store, extraction, origin=f"{i}.txt").new
"""


def test_parallel_ingests_share_one_new_source(backend: DbTarget) -> None:
    upgrade(backend)
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", INGESTER, backend.url, str(i)],
            stderr=subprocess.PIPE,
            text=True,
        )
        for i in range(6)
    ]
    errors = [p.communicate(timeout=120)[1] for p in procs]
    assert [p.returncode for p in procs] == [0] * 6, errors
    with open_store(backend) as db:
        assert [(s.name, s.aliases, s.claims) for s in list_sources(db)] == [
            ("New Agency", ("NA",), 6)
        ]
        assert counts(db)["article"] == 6


# --- registry rules: bare names, role aliases, fragments ----------------------------------


def one_source_article(name: str, source: Source, text: str = "") -> Extraction:
    """A one-claim article whose claim is `source`'s (literal, no extractor)."""
    body = text or f"{source.name} said 12 people were hurt in {name}."
    return Extraction(
        Document(body, name, f"hash-{name}-{body}"),
        (source,),
        (Claim(body, 0, len(body), source=source.name, cue="said"),),
    )


def registry_of(store: Store) -> list[tuple[str, tuple[str, ...], int]]:
    return [(s.name, s.aliases, s.claims) for s in list_sources(store)]


def test_bare_generic_names_are_one_source_under_the_bare_name(store: Store) -> None:
    """No per-article suffix ("Finance ministry (b.txt)"): a bare body is stored under
    its bare name, once, and matched only exactly."""
    for name in ("a.txt", "b.txt", "c.txt"):
        src = Source("Finance ministry", SourceType.GOVERNMENT, ("the finance ministry",))
        save_extraction(store, one_source_article(name, src), origin=name)
    assert registry_of(store) == [("Finance ministry", (), 3)]
    qualified = Source("Velmar finance ministry", SourceType.GOVERNMENT)
    save_extraction(store, one_source_article("d.txt", qualified), origin="d.txt")
    assert registry_of(store) == [("Finance ministry", (), 3),
                                  ("Velmar finance ministry", (), 1)]


def test_a_bare_registry_name_is_no_alias_for_a_qualified_one(store: Store) -> None:
    save_extraction(store, one_source_article("a.txt", Source("Air force")), origin="a.txt")
    qualified = Source("Valdoria’s air force", SourceType.MILITARY, ("The air force",))
    save_extraction(store, one_source_article("b.txt", qualified), origin="b.txt")
    assert registry_of(store) == [("Air force", (), 1), ("Valdoria’s air force", (), 1)]


def test_fuzzy_matching_keeps_the_portfolio(store: Store) -> None:
    for name, src in (("a.txt", "Russian defence ministry"), ("b.txt", "Russian defense ministry"),
                      ("c.txt", "Russian finance ministry")):
        save_extraction(store, one_source_article(name, Source(src)), origin=name)
    assert registry_of(store) == [
        ("Russian defence ministry", (), 2),  # one key for both spellings: no alias needed
        ("Russian finance ministry", (), 1),
    ]


def test_role_wordings_are_aliases_back_references_are_not(store: Store) -> None:
    src = Source("Tomas Brenner", SourceType.OFFICIAL, (
        "Brenner", "the head of the district water authority", "a spokesperson for the company",
        "the city’s water authority", "its spokesperson"))
    save_extraction(store, one_source_article("a.txt", src), origin="a.txt")
    assert registry_of(store) == [  # a surname alone is no registry alias (families)
        ("Tomas Brenner", ("the head of the district water authority",), 1)]


def test_a_name_fragment_used_by_another_source_is_no_alias(store: Store) -> None:
    meteo = Source("Meteo Valdor", SourceType.OTHER, ("Valdor",))
    save_extraction(store, one_source_article("a.txt", meteo), origin="a.txt")
    assert registry_of(store) == [("Meteo Valdor", ("Valdor",), 1)]
    red_cross = Source("Valdor Red Cross", SourceType.ORGANISATION, ("VRC",))
    save_extraction(store, one_source_article("b.txt", red_cross), origin="b.txt")
    save_extraction(store, one_source_article("c.txt", meteo), origin="c.txt")
    assert registry_of(store) == [("Meteo Valdor", (), 2), ("Valdor Red Cross", ("VRC",), 1)]
