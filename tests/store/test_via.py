"""`claim_via` on SQLite and PostgreSQL: stored in order, read back, searched, dumped."""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, select

from claims.config import DbTarget, resolve_db
from claims.core.model import Claim, Document, Extraction, Source, SourceType
from claims.store import Store, open_store, upgrade
from claims.store.ingest import save_extraction
from claims.store.queries import get_claim, list_claims, resolve_source
from claims.store.snapshot import dump, load
from claims.store.sources import merge_sources
from claims.store.tables import claim_via, verdict
from claims.store.workflow import reattribute


def chain_article(name: str = "wire.txt") -> Extraction:
    first = "Kestrel Radio said Vardia controls 400 square kilometres."
    second = "The Borland Institute said 12 villages were shelled."
    text = f"{first}\n{second}"
    sources = (
        Source("Kestrel Radio", SourceType.MEDIA),
        Source("Vardia", SourceType.GOVERNMENT),
        Source("Borland Institute", SourceType.THINK_TANK, ("the Borland Institute",)),
    )
    claims = (
        Claim(first, 0, len(first), "Kestrel Radio", "said",
              via=("Vardia", "Borland Institute")),
        Claim(second, len(first) + 1, len(text), "Borland Institute", "said", paragraph=1),
    )
    return Extraction(Document(text, name, f"hash-{name}"), sources, claims)


@pytest.fixture
def other(tmp_path: Path) -> Iterator[Store]:
    opened = open_store(resolve_db(str(tmp_path / "other.db")))
    yield opened
    opened.close()


def dump_text(store: Store) -> str:
    out = io.StringIO()
    dump(store, out)
    return out.getvalue()


def test_via_round_trips_on_each_backend(store: Store, backend: DbTarget) -> None:
    save_extraction(store, chain_article(), origin="wire.txt")
    first = dump_text(store)
    upgrade(backend)
    with open_store(backend) as target:
        assert load(target, first.split("\n"), name="snap.jsonl").kept_ids
        assert dump_text(target) == first
        claims = list_claims(target)
        assert [(c.source, c.via) for c in claims] == [
            ("Kestrel Radio", ("Vardia", "Borland Institute")), ("Borland Institute", ())]
        institute = resolve_source(target, "Borland Institute").id
        assert [c.id for c in list_claims(target, source_id=institute)] == [1, 2]
        vardia = resolve_source(target, "Vardia").id
        assert [c.id for c in list_claims(target, source_id=vardia)] == [1]
        detail = get_claim(target, 1)
        assert detail is not None and detail.claim.via == ("Vardia", "Borland Institute")


def test_ingest_on_each_backend_stores_the_chain_in_order(backend: DbTarget) -> None:
    upgrade(backend)
    with open_store(backend) as target:
        save_extraction(target, chain_article(), origin="wire.txt")
        assert [c.via for c in list_claims(target)] == [("Vardia", "Borland Institute"), ()]


def test_merging_a_source_moves_it_in_chains(store: Store) -> None:
    save_extraction(store, chain_article(), origin="wire.txt")
    keep = resolve_source(store, "Kestrel Radio").id
    drop = resolve_source(store, "Vardia").id
    merge_sources(store, keep=keep, drop=drop)
    assert list_claims(store)[0].via == ("Kestrel Radio", "Borland Institute")


def test_merging_a_dump_adds_the_chains_of_new_claims_only(store: Store, other: Store) -> None:
    save_extraction(store, chain_article(), origin="wire.txt")
    save_extraction(other, chain_article(), origin="wire.txt")
    result = load(other, dump_text(store).split("\n"), name="snap.jsonl")
    assert not result.kept_ids
    assert (result.added["via"], result.merged["via"]) == (0, 2)
    assert [c.via for c in list_claims(other)] == [("Vardia", "Borland Institute"), ()]


def test_a_reattribution_clears_the_chain_on_each_backend(backend: DbTarget) -> None:
    """A reviewer's attribution replaces the extractor's: source and chain together."""
    upgrade(backend)
    with open_store(backend) as target:
        save_extraction(target, chain_article(), origin="wire.txt")
        institute = resolve_source(target, "Borland Institute").id
        v = reattribute(target, claim_id=1, source_id=institute, reviewer="ana")
        assert v.note == ("re-attributed: Kestrel Radio (via Vardia; Borland Institute) → "
                          "Borland Institute")
        assert [(c.source, c.via) for c in list_claims(target)] == [
            ("Borland Institute", ()), ("Borland Institute", ())]
        vardia = resolve_source(target, "Vardia").id
        assert list_claims(target, source_id=vardia) == []
        with target.read() as conn:
            assert conn.execute(select(func.count()).select_from(claim_via)).scalar_one() == 0
            detail = conn.execute(select(verdict.c.detail).where(verdict.c.id == v.id)).scalar()
        assert json.loads(detail) == {
            "source_id": institute,
            "from": {"source": "Kestrel Radio", "via": ["Vardia", "Borland Institute"]},
            "to": {"source": "Borland Institute"},
        }
        again = reattribute(target, claim_id=1, source_id=None, reviewer="ana")
        assert again.note == "re-attributed: Borland Institute → the article's own voice"
