"""Folding a dump into a database that already holds work, without duplicating any of it.

Kept apart from `snapshot` (format, dump, validation, restore into an empty database)
because the merge rules are their own concept: what counts as "the same" article,
source, claim, relation, acknowledgement and verdict when two desks exchange snapshots.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import Table, select
from sqlalchemy.engine import Connection

from claims.store.paging import pages
from claims.store.snapshot import KINDS, PAGE, LoadResult, Record, Records, columns
from claims.store.snapshot_desk import merge_desk_records
from claims.store.tables import (
    article,
    claim,
    claim_duplicate,
    claim_via,
    evidence_body,
    evidence_snapshot,
    figure,
    finding_ack,
    relation,
    relation_member,
    source,
    source_alias,
    verdict,
)

FIGURE_VALUES = ("value", "low", "high", "qualifier", "unit", "metric")


def merge(conn: Connection, records: Records) -> LoadResult:
    """Merge validated dump records inside the caller's transaction."""
    return _Merge(conn, records).run()


def _insert_new(conn: Connection, table: Table, rows: list[Record]) -> list[int]:
    """Insert without the dumped ids; the new ids in the order of `rows`."""
    ids: list[int] = []
    stmt = table.insert().returning(table.c.id, sort_by_parameter_order=True)
    for batch in pages([{k: v for k, v in r.items() if k != "id"} for r in rows], PAGE):
        ids.extend(row[0] for row in conn.execute(stmt, batch))
    return ids


def _in(conn: Connection, stmt: Any, column: Any, values: Iterable[Any]) -> list[Any]:
    """`stmt WHERE column IN values`, in batches so huge merges stay within driver limits."""
    found: list[Any] = []
    for batch in pages(sorted(set(values)), PAGE):
        found.extend(conn.execute(stmt.where(column.in_(batch))).all())
    return found


def relation_key(kind: str, figure_ids: Iterable[int]) -> tuple[Any, ...]:
    """Two relations are the same when kind and member figures agree (`same` is symmetric)."""
    ids = tuple(figure_ids)
    return (kind, *sorted(ids)) if kind == "same" else (kind, *ids)


class _Merge:
    """Fold a dump into a database that already holds work, never duplicating it.

    Articles match by content hash: one already present keeps its rows, and the dump's
    claims and figures are matched to them by span so history and relations still land.
    Where the dump's claim has the higher version (reviewed further elsewhere), the claim
    takes its status, attribution, dismissal and figure fixes: the history explains them.
    """

    def __init__(self, conn: Connection, records: Records) -> None:
        self.conn = conn
        self.records = records
        self.ids: dict[str, dict[int, int]] = {k: {} for k in KINDS}
        self.present: dict[str, set[int]] = {k: set() for k in KINDS}  # old ids merged
        self.added = dict.fromkeys(KINDS, 0)
        self.merged = dict.fromkeys(KINDS, 0)
        self.dropped = dict.fromkeys(KINDS, 0)
        self.newer: dict[int, Record] = {}  # merged claim id -> the dump's newer claim row

    def run(self) -> LoadResult:
        self._by_natural_key("article", article, "content_hash")
        self._by_natural_key("source", source, "name")
        self._aliases()
        self._claims()
        self._via()
        self._figures()
        self._relations()
        self._acks()
        self._verdicts()
        self._duplicates()
        self._bodies()
        self._snapshots()
        merge_desk_records(self)
        return LoadResult(self.added, self.merged, self.dropped, kept_ids=False)

    def _rows(self, kind: str) -> list[Record]:
        return [columns(r) for _, r in self.records[kind]]

    def _add(self, kind: str, rows: list[Record]) -> None:
        new_ids = _insert_new(self.conn, KINDS[kind], rows)
        self.ids[kind].update(zip((r["id"] for r in rows), new_ids, strict=True))
        self.added[kind] += len(rows)

    def _hit(self, kind: str, old: int, new: int) -> None:
        self.ids[kind][old] = new
        self.present[kind].add(old)
        self.merged[kind] += 1

    def _by_natural_key(self, kind: str, table: Table, key: str) -> None:
        """Match dumped rows to stored ones by a unique natural key (an article's content
        hash, a source's name); the rest are added."""
        rows = self._rows(kind)
        column = table.c[key]
        found = dict(
            _in(self.conn, select(column, table.c.id), column, (r[key] for r in rows))
        )
        for r in rows:
            if r[key] in found:
                self._hit(kind, r["id"], found[r[key]])
        self._add(kind, [r for r in rows if r[key] not in found])

    def _aliases(self) -> None:
        known = {
            (row.source_id, row.alias_norm)
            for row in _in(
                self.conn,
                select(source_alias.c.source_id, source_alias.c.alias_norm),
                source_alias.c.source_id,
                self.ids["source"].values(),
            )
        }
        new = []
        for r in self._rows("alias"):
            r["source_id"] = self.ids["source"][r["source_id"]]
            if (r["source_id"], r["alias_norm"]) in known:
                self.merged["alias"] += 1
            else:
                known.add((r["source_id"], r["alias_norm"]))
                new.append(r)
        self._add("alias", new)

    def _claims(self) -> None:
        merged_articles = {self.ids["article"][a] for a in self.present["article"]}
        existing = {  # a live claim and one superseded by re-extraction may share a span
            (row.article_id, row.start, row.end, row.superseded is None): row
            for row in _in(
                self.conn,
                select(
                    claim.c.id,
                    claim.c.article_id,
                    claim.c.start,
                    claim.c.end,
                    claim.c.version,
                    claim.c.superseded,
                ),
                claim.c.article_id,
                merged_articles,
            )
        }
        new = []
        for r in self._rows("claim"):
            r["article_id"] = self.ids["article"][r["article_id"]]
            if r["source_id"] is not None:
                r["source_id"] = self.ids["source"][r["source_id"]]
            if r["article_id"] not in merged_articles:
                new.append(r)
                continue
            live = r["superseded"] is None
            match = existing.get((r["article_id"], r["start"], r["end"], live))
            if match is None:
                self.dropped["claim"] += 1
                continue
            self._hit("claim", r["id"], match.id)
            if r["version"] > match.version:  # reviewed further on the other machine
                self.newer[match.id] = r
        self._add("claim", new)
        for claim_id, r in self.newer.items():
            self.conn.execute(
                claim.update()
                .where(claim.c.id == claim_id)
                .values(
                    status=r["status"],
                    version=r["version"],
                    dismissed=r["dismissed"],
                    source_id=r["source_id"],
                )
            )

    def _figures(self) -> None:
        merged_claims = {self.ids["claim"][c] for c in self.present["claim"]}
        existing = {
            (row.claim_id, row.start, row.end): row.id
            for row in _in(
                self.conn,
                select(figure.c.id, figure.c.claim_id, figure.c.start, figure.c.end),
                figure.c.claim_id,
                merged_claims,
            )
        }
        new = []
        for r in self._rows("figure"):
            old_claim = r["claim_id"]
            if old_claim not in self.ids["claim"]:
                self.dropped["figure"] += 1
                continue
            r["claim_id"] = self.ids["claim"][old_claim]
            if old_claim not in self.present["claim"]:
                new.append(r)
            elif (hit := existing.get((r["claim_id"], r["start"], r["end"]))) is not None:
                self._hit("figure", r["id"], hit)
                if r["claim_id"] in self.newer:  # carries the reviewer's figure fixes
                    self.conn.execute(
                        figure.update()
                        .where(figure.c.id == hit)
                        .values({k: r[k] for k in FIGURE_VALUES})
                    )
            else:
                self.dropped["figure"] += 1
        self._add("figure", new)

    def _existing_relations(self) -> dict[tuple[Any, ...], tuple[int, str]]:
        """Relations already stored that touch a merged figure: key -> (id, state)."""
        touching = _in(
            self.conn,
            select(relation_member.c.relation_id),
            relation_member.c.figure_id,
            (self.ids["figure"][f] for f in self.present["figure"]),
        )
        rel_ids = {row[0] for row in touching}
        members: dict[int, list[int]] = {}
        for row in sorted(
            _in(self.conn, select(relation_member), relation_member.c.relation_id, rel_ids),
            key=lambda m: (m.relation_id, m.position),
        ):
            members.setdefault(row.relation_id, []).append(row.figure_id)
        stored = _in(
            self.conn,
            select(relation.c.id, relation.c.kind, relation.c.state),
            relation.c.id,
            rel_ids,
        )
        return {relation_key(r.kind, members.get(r.id, ())): (r.id, r.state) for r in stored}

    def _relations(self) -> None:
        members: dict[int, list[Record]] = {}
        for m in sorted(self._rows("member"), key=lambda m: (m["relation_id"], m["position"])):
            members.setdefault(m["relation_id"], []).append(m)
        existing = self._existing_relations()
        for r in self._rows("relation"):
            mine = members.get(r["id"], [])
            if not mine or any(m["figure_id"] not in self.ids["figure"] for m in mine):
                self.dropped["relation"] += 1
                self.dropped["member"] += len(mine)
                continue
            key = relation_key(r["kind"], (self.ids["figure"][m["figure_id"]] for m in mine))
            if key in existing:
                rid, state = existing[key]
                self._hit("relation", r["id"], rid)
                self.merged["member"] += len(mine)
                if state == "proposed" and r["state"] != "proposed":  # a reviewer's decision
                    self.conn.execute(
                        relation.update().where(relation.c.id == rid).values(state=r["state"])
                    )
                continue
            self._add("relation", [r])
            existing[key] = (self.ids["relation"][r["id"]], r["state"])
            rows = [
                {
                    **m,
                    "relation_id": self.ids["relation"][r["id"]],
                    "figure_id": self.ids["figure"][m["figure_id"]],
                }
                for m in mine
            ]
            self.conn.execute(relation_member.insert(), rows)
            self.added["member"] += len(rows)

    def _acks(self) -> None:
        self._insert_unknown("ack", finding_ack.c.key)

    def _insert_unknown(self, kind: str, key: Any) -> None:
        """Rows keyed by a unique column: one whose key is stored already is merged."""
        rows = self._rows(kind)
        known = {row[0] for row in _in(self.conn, select(key), key, (r[key.name] for r in rows))}
        new = [r for r in rows if r[key.name] not in known]
        self.merged[kind] += len(rows) - len(new)
        for batch in pages(new, PAGE):
            self.conn.execute(key.table.insert(), batch)
        self.added[kind] += len(new)

    def _verdicts(self) -> None:
        """History is append-only: rows missing here are inserted, nothing is changed."""
        identity = (
            verdict.c.claim_id,
            verdict.c.at,
            verdict.c.reviewer,
            verdict.c.to_status,
            verdict.c.version,
        )
        known = {  # identity -> stored id, so evidence snapshots of a known row still land
            tuple(row[1:]): row[0]
            for row in _in(
                self.conn,
                select(verdict.c.id, *identity),
                verdict.c.claim_id,
                (self.ids["claim"][c] for c in self.present["claim"]),
            )
        }
        new = []
        for r in self._rows("verdict"):
            if r["claim_id"] not in self.ids["claim"]:
                self.dropped["verdict"] += 1
                continue
            r["claim_id"] = self.ids["claim"][r["claim_id"]]
            key = (r["claim_id"], r["at"], r["reviewer"], r["to_status"], r["version"])
            if key in known:
                self.merged["verdict"] += 1
                if known[key] is not None:
                    self.ids["verdict"][r["id"]] = known[key]
            else:
                known[key] = None  # a repeat within the dump is merged, not mapped
                new.append(r)
        self._add("verdict", new)

    def _via(self) -> None:
        """Chains of the claims the dump adds; a merged claim keeps the chain it has."""
        claims, sources = self.ids["claim"], self.ids["source"]
        new = []
        for r in self._rows("via"):
            if r["claim_id"] in self.present["claim"] or r["claim_id"] not in claims:
                self.merged["via"] += r["claim_id"] in self.present["claim"]
                self.dropped["via"] += r["claim_id"] not in claims
                continue
            new.append({"claim_id": claims[r["claim_id"]], "position": r["position"],
                        "source_id": sources[r["source_id"]]})
        if new:
            self.conn.execute(claim_via.insert(), new)
        self.added["via"] += len(new)

    def _duplicates(self) -> None:
        rows = self._rows("duplicate")
        mapped = self.ids["claim"]
        known = {
            tuple(row)
            for row in _in(
                self.conn,
                select(claim_duplicate.c.claim_id, claim_duplicate.c.other_claim_id),
                claim_duplicate.c.claim_id,
                mapped.values(),
            )
        }
        new = []
        for r in rows:
            if r["claim_id"] not in mapped or r["other_claim_id"] not in mapped:
                self.dropped["duplicate"] += 1
                continue
            pair = (mapped[r["claim_id"]], mapped[r["other_claim_id"]])
            if pair in known:
                self.merged["duplicate"] += 1
            else:
                known.add(pair)
                new.append({"claim_id": pair[0], "other_claim_id": pair[1]})
        if new:
            self.conn.execute(claim_duplicate.insert(), new)
        self.added["duplicate"] += len(new)

    def _bodies(self) -> None:
        """Evidence bodies are content-addressed: one already stored is the same body."""
        self._insert_unknown("body", evidence_body.c.sha256)

    def _snapshots(self) -> None:
        """A snapshot lands on its verdict's row here; one already there (same link,
        retrieval time and body) is not added twice."""
        mapped = self.ids["verdict"]
        snap = evidence_snapshot.c
        known = {
            tuple(row)
            for row in _in(
                self.conn,
                select(snap.verdict_id, snap.url, snap.retrieved_at, snap.sha256),
                snap.verdict_id,
                mapped.values(),
            )
        }
        new = []
        for r in self._rows("snapshot"):
            if r["verdict_id"] not in mapped:
                self.dropped["snapshot"] += 1
                continue
            r["verdict_id"] = mapped[r["verdict_id"]]
            key = (r["verdict_id"], r["url"], r["retrieved_at"], r["sha256"])
            if key in known:
                self.merged["snapshot"] += 1
            else:
                known.add(key)
                new.append(r)
        self._add("snapshot", new)
