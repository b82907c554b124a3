"""`stats` lists in one order on every backend (issue 15): SQLite put NULL (the
article's own voice) first and PostgreSQL last, and names followed each backend's
collation. The order is now decided in Python: statuses in workflow order, the rest by
count (largest first), then name by code point."""

from __future__ import annotations

import hashlib

from claims.config import DbTarget
from claims.core.model import Document, Extraction, Source, SourceType
from claims.store import open_store, upgrade
from claims.store.ingest import save_extraction
from claims.store.queries import stats
from claims.store.verdicts import record_verdict
from tests.store.conftest import claim_of

SENTENCES = [  # (sentence, source)
    ("Zeta said 1 ship sank.", "Zeta"),
    ("Beta said 2 ships sank.", "Beta"),
    ("The ábc Institute said 3 ships sank.", "ábc Institute"),
    ("alpha said 4 ships sank.", "alpha"),
    ("alpha said 5 ships sank.", "alpha"),
    ("Five ships sank.", None),
    ("Six ships sank.", None),
]


def _extraction(name: str, sentences: list[tuple[str, str | None]]) -> Extraction:
    text = " ".join(s for s, _ in sentences)
    claims = tuple(claim_of(text, s, src, (), index=i) for i, (s, src) in enumerate(sentences))
    sources = tuple(Source(n, SourceType.OTHER, ()) for n in sorted({s for _, s in sentences
                                                                     if s}))
    digest = hashlib.sha256(text.encode()).hexdigest()
    return Extraction(Document(text, name, digest), sources, claims, (), "test-1")


def test_stats_order_is_the_same_on_every_backend(backend: DbTarget) -> None:
    upgrade(backend)
    with open_store(backend) as store:
        save_extraction(store, _extraction("zeta.txt", SENTENCES[:3]), origin="zeta.txt")
        save_extraction(store, _extraction("Ábc.txt", SENTENCES[3:5]), origin="Ábc.txt")
        save_extraction(store, _extraction("beta.txt", SENTENCES[5:]), origin="beta.txt")
        for cid, status, who in [(1, "refuted", "Zed"), (2, "supported", "ana"),
                                 (3, "disputed", "Ánna"), (4, "in_review", "ana"),
                                 (5, "refuted", "Zed")]:
            record_verdict(store, claim_id=cid, status=status, reviewer=who)
        got = {k: list(v.items()) for k, v in stats(store).items()}
    assert got == {
        "by_status": [("unverified", 2), ("in_review", 1), ("supported", 1), ("refuted", 2),
                      ("disputed", 1)],
        "by_source": [("(article)", 2), ("alpha", 2), ("Beta", 1), ("Zeta", 1),
                      ("ábc Institute", 1)],
        "by_article": [("zeta.txt", 3), ("beta.txt", 2), ("Ábc.txt", 2)],
        "by_reviewer": [("Zed", 2), ("ana", 2), ("Ánna", 1)],
    }
