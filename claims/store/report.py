"""Gather what `claims report` shows, in a fixed number of queries per 500 claims.

Claims come from `queries.list_claims` (so `--article` and `--status` mean what they
mean for `claims list`), findings from the same stream `check-consistency` checks
(`relations.iter_check_groups` + `core.reconcile.consistency.iter_check`).
"""

from __future__ import annotations

from claims.core.model import Finding
from claims.core.reconcile.consistency import iter_check
from claims.records import ArticleRecord
from claims.reporting import ArticleEntry, ClaimEntry, Report, status_counts
from claims.store.engine import Store
from claims.store.evidence import evidence_by_claim
from claims.store.ingest import now_utc
from claims.store.queries import articles_by_id, list_claims
from claims.store.relations import iter_check_groups, load_acks
from claims.store.verdicts import latest_verdicts


def load_report(
    store: Store, *, article: ArticleRecord | None = None, status: str | None = None
) -> Report:
    """Claims (not dismissed, not superseded) matching the filters, grouped by article in
    reading order, with every finding of the relations `check-consistency` would check
    for the same `--article` (a status filter narrows claims, not findings)."""
    article_id = article.id if article is not None else None
    claims = list_claims(store, article=article_id, status=status)
    findings = tuple(
        iter_check(iter_check_groups(store, relations="all", article=article_id), load_acks(store))
    )
    ids = [c.id for c in claims]
    with store.read() as conn:
        articles = articles_by_id(conn, sorted({c.article_id for c in claims}))
        latest = latest_verdicts(conn, ids)
        evidence = evidence_by_claim(conn, ids)
    touching: dict[int, list[Finding]] = {}
    for f in findings:
        for cid in dict.fromkeys(g.claim for g in f.figures):
            touching.setdefault(cid, []).append(f)
    grouped: dict[int, list[ClaimEntry]] = {}
    for c in claims:
        grouped.setdefault(c.article_id, []).append(
            ClaimEntry(
                claim=c,
                verdict=latest.get(c.id),
                evidence=tuple(evidence.get(c.id, ())),
                findings=tuple(touching.get(c.id, ())),
            )
        )
    return Report(
        articles=tuple(ArticleEntry(articles[a], tuple(grouped[a])) for a in grouped),
        findings=findings,
        generated_at=now_utc(),
        article_filter=article.name if article is not None else None,
        status_filter=status,
        by_status=status_counts(claims),
    )
