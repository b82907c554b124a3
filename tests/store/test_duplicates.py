"""Duplicate linking through the index finds exactly the pairs the rule accepts over all
pairs, for every kind of party, and the index follows the claims (load, corrections)."""

from __future__ import annotations

import random
from collections import Counter
from pathlib import Path

import pytest
from sqlalchemy import select

from claims.config import DbTarget, resolve_db
from claims.inputs import ArticleInput, InputFailure
from claims.pipeline import ingest_all
from claims.store import Store, open_store, upgrade
from claims.store.duplicate_keys import bare_body, keys_of, party, prefix, processed, rebuild
from claims.store.duplicates import load_candidates, same_claim
from claims.store.tables import claim, claim_duplicate, claim_key

TOWNS = ("Arden", "Belmor", "Corvin", "Dalby", "Eastwick", "Fenmoor")
# (base, reworded) wordings of one statement; {n} is its figure, {t} its town
STATEMENTS = (
    ("The Interior Ministry said {n} people were evacuated from {t} overnight.",
     "{n} people were evacuated from {t} overnight, the Interior Ministry said."),
    ("Maria Keller, the regional governor, said {n} homes in {t} had lost power.",
     "Maria Keller, the regional governor, said that {n} homes in {t} had lost power."),
    ("The Red Cross said the shelters in {t} were full and volunteers were needed.",
     "The Red Cross said shelters in {t} were full and that volunteers were needed."),
    ("Police said {n} cars were stolen in {t} last week.",
     "{n} cars were stolen in {t} last week, police said."),
    ("Officials said {n} schools in {t} would stay closed until Friday.",
     "Officials said {n} schools in {t} will stay closed until Friday."),
    ("Officials said the bridge at {t} would stay closed for repairs.",
     "Officials said the bridge at {t} will stay closed for repairs."),
    ("Prices in {t} rose by {n} percent in May.",
     "Prices in {t} rose by {n} percent in May, the highest in years."),
    ("The Institute for Urban Studies estimated that {n} families had left {t}.",
     "The Institute for Urban Studies estimated {n} families had left {t}."),
)


def corpus(n_articles: int = 36, seed: int = 11) -> list[ArticleInput]:
    """Articles repeating a pool of statements: as written, reworded, or with another
    number, so every kind of pair (and of near miss) occurs."""
    rng = random.Random(seed)
    pool = [(s, t, rng.randint(20, 90)) for s in range(len(STATEMENTS)) for t in range(6)]
    out = []
    for k in range(n_articles):
        lines = [f"Evening briefing {k}", ""]
        for s, t, n in rng.sample(pool, 7):
            variant = rng.randrange(3)
            wording = STATEMENTS[s][variant % 2]
            lines.append(wording.format(n=n + (variant == 2), t=TOWNS[t]))
        out.append(ArticleInput(origin=f"b{k}.txt", name=f"b{k}.txt", text="\n".join(lines)))
    return out


def ingest(target: DbTarget, items: list[ArticleInput]) -> Store:
    store = open_store(target)
    summary = ingest_all(store, list[ArticleInput | InputFailure](items), jobs=0)
    assert summary.new == len(items)
    return store


def linked(store: Store) -> set[tuple[int, int]]:
    with store.read() as conn:
        return {(r[0], r[1]) for r in conn.execute(select(claim_duplicate))}


def by_rule(store: Store) -> set[tuple[int, int]]:
    """Every pair of live claims the rule accepts: linking without the index."""
    with store.read() as conn:
        every = load_candidates(conn, claim.c.id > 0)
    return {(a.id, b.id) for a in every for b in every if a.id != b.id and same_claim(a, b)}


def keys(store: Store) -> list[tuple[int, int]]:
    with store.read() as conn:
        return sorted((r[0], r[1]) for r in conn.execute(select(claim_key)))


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory) -> Store:
    return ingest(resolve_db(str(tmp_path_factory.mktemp("dup") / "d.db")), corpus())


def test_the_index_links_exactly_the_pairs_of_the_rule(archive: Store) -> None:
    links = linked(archive)
    assert links == by_rule(archive)
    with archive.read() as conn:
        every = {c.id: c for c in load_candidates(conn, claim.c.id > 0)}
    kinds = Counter(
        ("figures" if every[a].figures else "words") + every[a].party[:1] for a, _ in links)
    # a named source with and without figures, a bare body and the article's own voice
    assert kinds["figures#"] >= 10 and kinds["words#"] >= 4
    assert kinds["figures~"] >= 4 and kinds["figures"] >= 4
    assert kinds["words~"] == 0 and kinds["words"] == 0  # no figures, no name: no link


def test_bare_bodies_pair_by_text_and_figures_whatever_their_registry_name() -> None:
    assert bare_body("Officials (b3.txt)") == bare_body("officials") == "officials"
    assert bare_body("Police (2)") == "police"
    assert bare_body("Institute for Urban Studies") is None
    assert party(7, "Officials (b3.txt)") == party(9, "Officials") == "~officials"
    assert party(7, "Institute for Urban Studies") == "#7" and party(None, None) == ""


def test_prefixes_of_texts_sharing_half_their_words_meet() -> None:
    rng = random.Random(5)
    vocab = [f"w{i}" for i in range(30)] + ["said", "the", "of"]
    for _ in range(2000):
        a = frozenset(rng.sample(vocab, rng.randint(1, 12)))
        b = frozenset(rng.sample(vocab, rng.randint(1, 12)))
        if len(a & b) >= 0.5 * max(len(a), len(b)):
            assert set(prefix(a)) & set(prefix(b)), (a, b)
    assert keys_of("The ministry said the talks failed", (), named=False) == []
    assert len(keys_of("x", ((5.0, "drone"),), named=False)) == 1
    assert processed("The  Ministry, said!")[1] == {"the", "ministry", "said"}


def test_keys_are_rebuilt_after_load_and_by_rebuild(archive: Store, tmp_path: Path) -> None:
    import io

    from claims.store.snapshot import dump, load

    before = keys(archive)
    assert before
    out = io.StringIO()
    dump(archive, out)
    assert '"claim_key"' not in out.getvalue()  # derived: not in the dump
    with open_store(resolve_db(str(tmp_path / "l.db"))) as other:
        load(other, out.getvalue().splitlines(), name="snap")
        assert keys(other) == before
        with other.write() as conn:
            conn.execute(claim_key.delete())
            rebuild(conn)
        assert keys(other) == before


def test_a_corrected_figure_moves_its_claims_key(tmp_path: Path) -> None:
    from claims.store.tables import figure
    from claims.store.workflow import fix_figure

    store = ingest(resolve_db(str(tmp_path / "c.db")), corpus(6))
    with store.read() as conn:
        first = next(c for c in load_candidates(conn, claim.c.id > 0) if c.figures)
        fig_id = conn.execute(select(figure.c.id).where(figure.c.claim_id == first.id)
                              .order_by(figure.c.id)).scalars().first()
    assert fig_id is not None
    fix_figure(store, claim_id=first.id, figure_id=fig_id, reviewer="ana", value=12345)
    with store.read() as conn:
        now = load_candidates(conn, claim.c.id == first.id)[0]
        stored = set(conn.execute(select(claim_key.c.key)
                                  .where(claim_key.c.claim_id == first.id)).scalars())
    assert 12345.0 in [f[0] for f in now.figures] and now.figures != first.figures
    assert stored == set(keys_of(now.text, now.figures, True))
    store.close()


def test_same_links_and_keys_on_postgresql(backend: DbTarget, archive: Store) -> None:
    upgrade(backend)
    store = ingest(backend, corpus())
    try:
        assert linked(store) == linked(archive)
        assert keys(store) == keys(archive)
    finally:
        store.close()


def test_revision_0006_keys_the_claims_of_an_older_database(tmp_path: Path) -> None:
    from tests.store.test_upgrade_from_first import make_old_database

    db = tmp_path / "old.db"
    make_old_database(db)
    with open_store(resolve_db(str(db))) as store:  # upgraded on open
        with store.read() as conn:
            every = load_candidates(conn, claim.c.id > 0)
        expected = sorted((k, c.id) for c in every
                          for k in set(keys_of(c.text, c.figures, c.party.startswith("#"))))
        assert expected and keys(store) == expected
