"""Evidence snapshots in the store, on SQLite and PostgreSQL alike: content-addressed
bodies, newest snapshot per link, the watched pages, append-only rows, and merging."""

from __future__ import annotations

import io
from dataclasses import replace

import pytest
from sqlalchemy import create_engine, func, select, text
from sqlalchemy import exc as sa_exc

from claims.config import DbTarget
from claims.evidence import EvidenceItem, FetchFailure, PageState, compare, exit_code
from claims.store import Store, open_store, upgrade
from claims.store.evidence import (
    claim_evidence,
    record_newer,
    record_verdict_with_snapshots,
    snapshot_hook,
    watched_pages,
)
from claims.store.ingest import save_extraction
from claims.store.snapshot import dump, load
from claims.store.tables import evidence_body, evidence_snapshot
from claims.store.verdicts import history, record_verdicts
from tests.store.test_snapshot import PAGE, PDF, extraction_a


def _count(store: Store, table: object) -> int:
    with store.read() as conn:
        return int(conn.execute(select(func.count()).select_from(table)).scalar_one())  # type: ignore[arg-type]


def _dump(store: Store) -> str:
    out = io.StringIO()
    dump(store, out)
    return out.getvalue()


def _desk(target: DbTarget) -> Store:
    upgrade(target)
    store = open_store(target)
    save_extraction(store, extraction_a(), origin="a.txt")  # claims 1 and 2
    return store


def test_snapshots_on_each_backend(backend: DbTarget) -> None:
    with _desk(backend) as store:
        v1 = record_verdict_with_snapshots(
            store, claim_id=1, status="supported", reviewer="ana", note="n",
            evidence=[PAGE.url, "https://t.example/none"], expect_version=None, snapshots=[PAGE],
        )
        assert (v1.id, v1.version, v1.evidence) == (1, 2, (PAGE.url, "https://t.example/none"))
        record_verdict_with_snapshots(
            store, claim_id=2, status="refuted", reviewer="bo", note=None,
            evidence=[PAGE.url, PDF.url], expect_version=None, snapshots=[PAGE, PDF],
        )
        assert (_count(store, evidence_body), _count(store, evidence_snapshot)) == (2, 3)
        assert claim_evidence(store, 1) == [
            EvidenceItem(PAGE.url, PAGE, 1),
            EvidenceItem("https://t.example/none", None, 0),
        ]
        assert claim_evidence(store, 2) == [
            EvidenceItem(PAGE.url, PAGE, 1), EvidenceItem(PDF.url, PDF, 1),
        ]
        pages = watched_pages(store)
        assert [(p.url, p.claims, p.verdicts) for p in pages] == [
            (PAGE.url, (1, 2), (1, 2)), (PDF.url, (2,), (2,)),
        ]
        newer = replace(PAGE, retrieved_at="2026-11-26T09:30:00Z", sha256="c" * 64, text="new")
        check = compare(pages[0], newer)
        assert check.state is PageState.changed and check.text_changed is True
        assert record_newer(store, [(pages[0], newer)]) == 2
        assert claim_evidence(store, 1)[0] == EvidenceItem(PAGE.url, newer, 2)
        assert watched_pages(store)[0].baseline == newer
        assert history(store, 1)[-1].evidence == (PAGE.url, "https://t.example/none")


def test_compare_outcomes() -> None:
    from claims.evidence import WatchedPage

    page = WatchedPage(PAGE.url, PAGE, (1,), (1,))
    assert compare(page, replace(PAGE, retrieved_at="later")).state is PageState.unchanged
    assert compare(page, replace(PAGE, sha256="d" * 64, text=PAGE.text)).text_changed is False
    gone = compare(page, FetchFailure(PAGE.url, "HTTP 410", 410))
    assert (gone.state, gone.reason, gone.now) == (PageState.gone, "HTTP 410", None)
    assert compare(page, FetchFailure(PAGE.url, "could not connect: x")).state is PageState.gone
    big = compare(page, FetchFailure(PAGE.url, "too large: more than 50 MB", too_large=True))
    assert big.state is PageState.changed
    assert exit_code([compare(page, PAGE)]) == 0 and exit_code([gone]) == 1


def test_a_failed_snapshot_write_loses_the_verdict_too(store: Store) -> None:
    """A verdict and its snapshots are one transaction: both or neither."""
    save_extraction(store, extraction_a(), origin="a.txt")
    broken = replace(PAGE, status=None)  # type: ignore[arg-type]  # violates NOT NULL
    with pytest.raises(sa_exc.IntegrityError):
        record_verdict_with_snapshots(
            store, claim_id=1, status="supported", reviewer="ana", note=None,
            evidence=[PAGE.url], expect_version=None, snapshots=[broken],
        )
    assert history(store, 1) == [] and _count(store, evidence_body) == 0


def test_propagated_verdicts_take_their_snapshots_in_their_transaction(store: Store) -> None:
    """`verify --propagate --snapshot`: the duplicates' verdicts are written with
    `snapshot_hook`, so each batch and its snapshots are committed together or not."""
    save_extraction(store, extraction_a(), origin="a.txt")
    broken = replace(PAGE, status=None)  # type: ignore[arg-type]  # violates NOT NULL
    with pytest.raises(sa_exc.IntegrityError):
        record_verdicts(store, claim_ids=[1, 2], status="supported", reviewer="ana",
                        evidence=[PAGE.url], on_recorded=snapshot_hook([broken]))
    assert history(store, 1) == [] and history(store, 2) == []
    batch = record_verdicts(store, claim_ids=[1, 2], status="supported", reviewer="ana",
                            evidence=[PAGE.url], on_recorded=snapshot_hook([PAGE]))
    assert [v.claim_id for v in batch.recorded] == [1, 2]
    assert claim_evidence(store, 1) == [EvidenceItem(PAGE.url, PAGE, 1)]
    assert claim_evidence(store, 2) == [EvidenceItem(PAGE.url, PAGE, 1)]
    assert snapshot_hook([]) is None


@pytest.mark.parametrize("table", ["evidence_body", "evidence_snapshot"])
@pytest.mark.parametrize("statement", ["UPDATE {t} SET sha256 = 'x'", "DELETE FROM {t}"])
def test_snapshots_are_append_only(backend: DbTarget, table: str, statement: str) -> None:
    with _desk(backend) as store:
        record_verdict_with_snapshots(
            store, claim_id=1, status="supported", reviewer="ana", note=None,
            evidence=[PAGE.url], expect_version=None, snapshots=[PAGE],
        )
    engine = create_engine(backend.url)
    try:
        with (
            pytest.raises(sa_exc.DBAPIError, match="evidence snapshots are append-only"),
            engine.begin() as conn,
        ):
            conn.execute(text(statement.format(t=table)))
        with engine.connect() as conn:
            assert conn.execute(text(f"SELECT count(*) FROM {table}")).scalar() == 1
    finally:
        engine.dispose()


def test_dump_carries_snapshots_between_backends(store: Store, backend: DbTarget) -> None:
    """SQLite → (SQLite | PostgreSQL) → the same bytes; a snapshot recorded later on the
    source lands on the merged verdict when the dump is loaded again."""
    save_extraction(store, extraction_a(), origin="a.txt")
    record_verdict_with_snapshots(
        store, claim_id=1, status="supported", reviewer="ana", note=None,
        evidence=[PAGE.url, PDF.url], expect_version=None, snapshots=[PAGE, PDF],
    )
    first = _dump(store)
    assert '"type":"body"' in first and '"type":"snapshot"' in first
    upgrade(backend)
    with open_store(backend) as target:
        assert load(target, first.split("\n"), name="d.jsonl").kept_ids
        assert _dump(target) == first
        assert claim_evidence(target, 1) == claim_evidence(store, 1)
        newer = replace(PAGE, retrieved_at="2026-11-27T00:00:00Z", sha256="e" * 64, text="v2")
        record_newer(store, [(watched_pages(store)[0], newer)])
        result = load(target, _dump(store).split("\n"), name="d.jsonl")
        assert result.merged["verdict"] == 1 and result.merged["snapshot"] == 2
        assert result.added["snapshot"] == 1 and result.added["body"] == 1
        assert claim_evidence(target, 1)[0] == EvidenceItem(PAGE.url, newer, 2)
        assert _dump(target) == _dump(store)


def test_report_data_on_each_backend(backend: DbTarget) -> None:
    from claims.reporting import fails_gate
    from claims.store.article_lookup import resolve_article
    from claims.store.report import load_report

    with _desk(backend) as store:
        record_verdict_with_snapshots(
            store, claim_id=1, status="supported", reviewer="ana", note="seen",
            evidence=[PAGE.url], expect_version=None, snapshots=[PAGE],
        )
        report = load_report(store)
        narrowed = load_report(store, status="unverified", article=resolve_article(store, "a.txt"))
    assert [a.article.name for a in report.articles] == ["a.txt"]
    first, second = report.articles[0].claims
    assert (first.claim.id, first.verdict.reviewer, first.verdict.note) == (1, "ana", "seen")  # type: ignore[union-attr]
    assert first.evidence == (EvidenceItem(PAGE.url, PAGE, 1),)
    assert second.verdict is None and second.evidence == ()
    assert report.by_status["supported"] == 1 and report.by_status["unverified"] == 1
    assert [f.message for f in report.findings] == ["76 + 96 = 172 of 188: 16 unaccounted"]
    assert first.findings == second.findings == report.findings
    assert not fails_gate(report.findings[0]) and report.to_review == report.findings
    assert [e.claim.id for a in narrowed.articles for e in a.claims] == [2]
    assert narrowed.findings == report.findings  # a status filter narrows claims only
