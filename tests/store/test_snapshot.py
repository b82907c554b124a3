"""`dump`/`load`: byte-identical round trips, all-or-nothing validation, merging."""

from __future__ import annotations

import io
import json
from dataclasses import replace
from pathlib import Path

import pytest
from sqlalchemy import func, select

from claims.config import DbTarget, resolve_db
from claims.core.model import (
    Claim,
    Document,
    Extraction,
    Figure,
    FigureRef,
    Frame,
    InferredRelation,
    Qualifier,
    Source,
    SourceType,
)
from claims.errors import InputError
from claims.evidence import PageSnapshot
from claims.store import Store, open_store, upgrade
from claims.store.engine import head_revision
from claims.store.evidence import record_verdict_with_snapshots
from claims.store.ingest import save_extraction
from claims.store.queries import list_claims
from claims.store.relations import (
    ack_finding,
    add_relation,
    list_relations,
    set_relation_state,
)
from claims.store.snapshot import KINDS, dump, load
from claims.store.snapshot_merge import relation_key
from claims.store.verdicts import record_verdict

TEXT_A = "The ministry said 188 drones were launched. Of them, 76 were shot down and 96 lost."
TEXT_B = "Analysts said about 190 drones were launched overnight,\u2028the ministry says 188.\x85"


def _figure(text: str, word: str, value: float, unit: str = "drone") -> Figure:
    start = text.index(word)
    return Figure(word, start, start + len(word), value, value, value, Qualifier.EXACT, unit)


LAUNCH = Frame(event="attack", role="launched", actor="Russia", period="2026-11-20",
               place="Kyiv, Ukraine", words=(("role", "launched"), ("actor", "by Russia"),
                                              ("period", "overnight"), ("place", "(lead) in Kyiv")))


def extraction_a() -> Extraction:
    doc = Document(
        TEXT_A,
        "a.txt",
        "hash-a",
        title="Drones",
        url="https://news.example/a",
        publisher="Example News",
        published="2026-11-20",
    )
    first = TEXT_A.index(".") + 1
    claims = (
        Claim(
            TEXT_A[:first],
            0,
            first,
            source="Ministry of Defence",
            cue="said",
            figures=(replace(_figure(TEXT_A, "188", 188), frame=LAUNCH),),
        ),
        Claim(
            TEXT_A[first + 1 :],
            first + 1,
            len(TEXT_A),
            source=None,
            figures=(_figure(TEXT_A, "76", 76), _figure(TEXT_A, "96", 96)),
        ),
    )
    rel = InferredRelation(
        "partition", (FigureRef(0, 0), FigureRef(1, 0), FigureRef(1, 1)), "of-them", "high",
        ("words: of them", "role: launched ⊇ downed"),
    )
    sources = (Source("Ministry of Defence", SourceType.MILITARY, ("MoD",)),)
    return Extraction(doc, sources, claims, (rel,), extractor_version="test-1")


def extraction_b() -> Extraction:
    doc = Document(TEXT_B, "b.txt", "hash-b", published="2026-11-21")
    claims = (
        Claim(
            TEXT_B,
            0,
            len(TEXT_B),
            source="Ministry of Defence",
            cue="said",
            figures=(_figure(TEXT_B, "190", 190),),
        ),
    )
    sources = (Source("Ministry of Defence", SourceType.MILITARY, ("Defence Ministry",)),)
    return Extraction(doc, sources, claims, extractor_version="test-1")


def populate(store: Store) -> None:
    """Two articles, a manual relation, verdicts (one claim twice), an ack, a duplicate."""
    a = save_extraction(store, extraction_a(), origin="seeds/a.txt")
    b = save_extraction(store, extraction_b(), origin="seeds/b.txt")
    with store.read() as conn:
        from claims.store.tables import claim, figure

        claim_ids = [r[0] for r in conn.execute(select(claim.c.id).order_by(claim.c.id))]
        fig_ids = [r[0] for r in conn.execute(select(figure.c.id).order_by(figure.c.id))]
    assert a.new and b.new and len(claim_ids) == 3
    add_relation(store, kind="same", figure_ids=[fig_ids[0], fig_ids[3]])
    record_verdict_with_snapshots(
        store,
        claim_id=claim_ids[0],
        status="supported",
        reviewer="ana",
        note="matches the post",
        evidence=["https://t.example/1"],
        expect_version=None,
        snapshots=[PAGE],
    )
    record_verdict(store, claim_id=claim_ids[0], status="disputed", reviewer="bo")
    record_verdict_with_snapshots(  # the same body again (stored once), and a PDF
        store,
        claim_id=claim_ids[2],
        status="refuted",
        reviewer="ana",
        note=None,
        evidence=["https://t.example/1", "https://t.example/2.pdf"],
        expect_version=None,
        snapshots=[PAGE, PDF],
    )
    ack_finding(store, key="partition:abc", note="known gap", reviewer="ana")
    with store.write() as conn:
        from claims.store.tables import claim_duplicate

        # a link as an earlier version made it (ingest no longer links these two: the
        # second claim gives another figure), both ways as ingest stores links
        for one, other in ((0, 2), (2, 0)):
            link = {"claim_id": claim_ids[one], "other_claim_id": claim_ids[other]}
            linked = conn.execute(claim_duplicate.select().filter_by(**link)).first()
            if linked is None:
                conn.execute(claim_duplicate.insert().values(**link))


PAGE = PageSnapshot(
    url="https://t.example/1",
    retrieved_at="2026-11-25T09:30:00Z",
    final_url="https://t.example/one",
    status=200,
    content_type="text/html; charset=utf-8",
    sha256="a" * 64,
    text="The ministry said 188 drones\u2028were launched.",
    size=1234,
)
PDF = PageSnapshot(
    url="https://t.example/2.pdf",
    retrieved_at="2026-11-25T09:31:00Z",
    final_url="https://t.example/2.pdf",
    status=200,
    content_type="application/pdf",
    sha256="b" * 64,
    text=None,
    size=99,
)


def dump_text(store: Store) -> str:
    out = io.StringIO()
    lines = dump(store, out)
    text = out.getvalue()
    assert lines == text.count("\n")
    return text


def counts(store: Store) -> dict[str, int]:
    with store.read() as conn:
        return {
            k: conn.execute(select(func.count()).select_from(t)).scalar_one()
            for k, t in KINDS.items()
        }


@pytest.fixture
def other(tmp_path: Path) -> Store:
    opened = open_store(resolve_db(str(tmp_path / "other.db")))
    yield opened  # type: ignore[misc]
    opened.close()


def test_dump_format_header_order_and_every_column(store: Store) -> None:
    populate(store)
    lines = dump_text(store).rstrip("\n").split("\n")
    header = json.loads(lines[0])
    assert header == {"type": "claims-dump", "format": 1, "schema": head_revision()}
    assert lines[0] == f'{{"format":1,"schema":"{head_revision()}","type":"claims-dump"}}'
    records = [json.loads(line) for line in lines[1:]]
    kinds = [r["type"] for r in records]
    assert kinds == sorted(kinds, key=list(KINDS).index)
    assert kinds.count("article") == 2 and kinds.count("verdict") == 3
    assert kinds.count("ack") == 1 and kinds.count("duplicate") == 2  # ingest links both ways
    assert kinds.count("body") == 2 and kinds.count("snapshot") == 3
    assert kinds.count("relation") == 2 and kinds.count("member") == 5
    for r in records:
        assert set(r) == {c.name for c in KINDS[r["type"]].columns} | {"type"}
    art = next(r for r in records if r["type"] == "article")
    assert art["text"] == TEXT_A and art["url"] == "https://news.example/a"
    for line in lines:  # canonical JSON; U+2028/U+2029/NEL escaped so a record is one line
        assert line == json.dumps(
            json.loads(line), sort_keys=True, ensure_ascii=False, separators=(",", ":")
        ).replace("\u2028", "\\u2028").replace("\x85", "\\u0085")
    assert json.loads(lines[2])["text"] == TEXT_B


def test_same_database_dumps_identically(store: Store) -> None:
    populate(store)
    assert dump_text(store) == dump_text(store)


def test_round_trip_into_empty_database_is_byte_identical(store: Store, other: Store) -> None:
    populate(store)
    first = dump_text(store)
    result = load(other, first.split("\n"), name="snap.jsonl")
    assert result.kept_ids
    assert result.added == counts(store)
    assert dump_text(other) == first


def test_load_twice_merges_without_duplicates(store: Store, other: Store) -> None:
    populate(store)
    first = dump_text(store)
    load(other, first.split("\n"), name="snap.jsonl")
    again = load(other, first.split("\n"), name="snap.jsonl")
    assert not again.kept_ids
    assert again.total_added == 0
    assert again.merged["article"] == 2 and again.merged["verdict"] == 3
    assert again.merged["relation"] == 2 and again.merged["ack"] == 1
    assert again.merged["body"] == 2 and again.merged["snapshot"] == 3
    assert dump_text(other) == first


def test_merge_into_non_empty_database(store: Store, other: Store) -> None:
    """The other desk has article A (unreviewed); the dump brings B and A's history."""
    populate(store)
    record_verdict(
        store,
        claim_id=1,
        status="disputed",
        reviewer="bo",
        kind="correction",
        detail={"figure": {"id": 1, "value": 180, "low": 180, "high": 180}},
    )
    set_relation_state(store, 1, "accepted")  # the inferred partition, decided here
    save_extraction(other, extraction_a(), origin="elsewhere/a.txt")
    before = counts(other)
    result = load(other, dump_text(store).split("\n"), name="snap.jsonl")
    after = counts(other)
    assert result.added["article"] == 1 and result.merged["article"] == 1
    assert result.merged["claim"] == 2 and result.added["claim"] == 1
    assert result.merged["relation"] == 1 and result.added["relation"] == 1
    assert result.added["verdict"] == 4 and result.added["ack"] == 1
    assert result.added["body"] == 2 and result.added["snapshot"] == 3
    assert result.added["source"] == 0 and result.merged["source"] == 1
    assert result.added["alias"] == 1  # "Defence Ministry" joins the existing source
    assert after["article"] == before["article"] + 1
    assert after == counts(store)
    from claims.store.queries import list_claims
    from claims.store.verdicts import history

    statuses = {c.text: (c.status, c.version) for c in list_claims(other)}
    assert statuses[TEXT_A[: TEXT_A.index(".") + 1]] == ("disputed", 4)
    merged_claim = next(c for c in list_claims(other) if c.text.startswith("The ministry"))
    assert [(v.to_status, v.kind) for v in history(other, merged_claim.id)] == [
        ("supported", "verdict"),
        ("disputed", "verdict"),
        ("disputed", "correction"),
    ]
    assert merged_claim.figures[0].value == 180  # the correction's effect travels too
    assert [r.state for r in list_relations(other) if r.kind == "partition"] == ["accepted"]
    # and once more: nothing new
    assert load(other, dump_text(store).split("\n"), name="snap.jsonl").total_added == 0
    assert counts(other) == after


def _corrupt(text: str, index: int, line: str) -> list[str]:
    lines = text.split("\n")
    lines[index] = line
    return lines


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("{not json", "not JSON (Expecting property name enclosed in double quotes at column 2)"),
        ('{"type":"planet"}', 'unknown record type "planet"'),
        ("[1, 2]", "a record must be a JSON object"),
        ('{"type":"ack","key":"k","note":"n","reviewer":"r"}', "ack record lacks 'at'"),
        (
            '{"type":"ack","key":"k","note":"n","reviewer":"r","at":5}',
            "ack 'at' must be a string, not 5",
        ),
        (
            '{"type":"ack","key":"k","note":"n","reviewer":"r","at":"t","x":1}',
            "unknown field 'x' in ack record",
        ),
        (
            '{"type":"duplicate","claim_id":999,"other_claim_id":1}',
            "duplicate 'claim_id' 999: no such claim",
        ),
        (
            '{"type":"duplicate","claim_id":true,"other_claim_id":1}',
            "duplicate 'claim_id' must be an integer, not true",
        ),
    ],
)
def test_bad_line_names_file_and_line_and_changes_nothing(
    store: Store, other: Store, line: str, message: str
) -> None:
    populate(store)
    text = dump_text(store)
    save_extraction(other, extraction_b(), origin="b.txt")
    before = counts(other)
    lines = _corrupt(text, 5, line) + [
        '{"type":"ack","key":"z","note":"n","reviewer":"r","at":"t"}'
    ]
    with pytest.raises(InputError) as caught:
        load(other, lines, name="snap.jsonl")
    assert str(caught.value) == f"snap.jsonl:6: {message}"
    assert counts(other) == before


def test_header_is_required_and_checked(store: Store) -> None:
    with pytest.raises(InputError, match=r"^x:1: not a claims dump"):
        load(store, ['{"type":"ack"}'], name="x")
    with pytest.raises(InputError, match=r'^x:1: dump schema "9999" is newer than this build'):
        load(store, ['{"type":"claims-dump","format":1,"schema":"9999"}'], name="x")
    with pytest.raises(InputError, match=r"^x:1: empty file, not a claims dump$"):
        load(store, [], name="x")


def test_duplicate_primary_key_is_refused(store: Store, other: Store) -> None:
    populate(store)
    lines = dump_text(store).rstrip("\n").split("\n")
    ack = next(n for n, line in enumerate(lines, 1) if '"type":"ack"' in line)
    with pytest.raises(InputError) as caught:
        load(other, [*lines, lines[ack - 1]], name="s")
    assert str(caught.value) == (
        f"s:{len(lines) + 1}: duplicate ack partition:abc (first on line {ack})"
    )
    assert counts(other)["article"] == 0


def test_relation_key_is_symmetric_only_for_same() -> None:
    assert relation_key("same", [5, 2]) == relation_key("same", [2, 5])
    assert relation_key("bound", [5, 2]) != relation_key("bound", [2, 5])


def test_round_trip_on_each_backend_keeps_ids_and_sequences(
    store: Store, backend: DbTarget
) -> None:
    """SQLite -> (SQLite | PostgreSQL) -> the same bytes; new rows then get fresh ids."""
    populate(store)
    first = dump_text(store)
    upgrade(backend)
    with open_store(backend) as target:
        assert load(target, first.split("\n"), name="snap.jsonl").kept_ids
        assert dump_text(target) == first
        later = save_extraction(target, extraction_c(), origin="c.txt")
        assert later.new and later.article_id == 3
        v = record_verdict(target, claim_id=1, status="supported", reviewer="cy")
        assert (v.id, v.version) == (4, 4)
        again = load(target, first.split("\n"), name="snap.jsonl")
        assert again.total_added == 0


def test_frames_confidence_and_evidence_travel_through_dump_and_load(
    store: Store, backend: DbTarget
) -> None:
    populate(store)
    upgrade(backend)
    with open_store(backend) as target:
        load(target, dump_text(store).split("\n"), name="snap.jsonl")
        (figure,) = [f for c in list_claims(target) for f in c.figures if f.text == "188"]
        assert figure.frame == LAUNCH
        part = next(r for r in list_relations(target) if r.kind == "partition")
        assert (part.rule, part.confidence, part.evidence) == (
            "of-them", "high", ("words: of them", "role: launched ⊇ downed"))


def extraction_c() -> Extraction:
    text = "Officials said 12 drones were shot down."
    doc = Document(text, "c.txt", "hash-c")
    claims = (Claim(text, 0, len(text), figures=(_figure(text, "12", 12),)),)
    return Extraction(doc, (), claims, extractor_version="test-1")


def test_dump_of_an_older_schema_loads_with_defaults(store: Store, other: Store) -> None:
    """A 0001 snapshot (before claim.superseded) loads; the new column takes its default."""
    populate(store)
    current = dump_text(store)
    old = []
    for line in current.rstrip("\n").split("\n"):
        record = json.loads(line)
        if record["type"] == "claims-dump":
            record["schema"] = "0001"
        record.pop("superseded", None)
        old.append(json.dumps(record))
    assert load(other, old, name="old.jsonl").kept_ids
    assert dump_text(other) == current
    with pytest.raises(InputError, match=r"^new\.jsonl:\d+: claim record lacks 'superseded'$"):
        load(other, [current.split("\n")[0], *old[1:]], name="new.jsonl")
