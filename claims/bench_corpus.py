"""Synthetic corpora for `python -m claims.bench`: articles as text, and figure rows.

Two builders, both deterministic for a seed:

- `articles(n, seed)` writes news-like articles (varied sources and types, qualifiers,
  units, partitions, "out of" bounds, two sources on one count) that go through the real
  ingest, so ingest throughput and the read path are measured on what users store.
- `insert_figure_corpus(url, n_figures, seed)` writes the rows of a corpus directly with
  batched SQL inserts (documented in docs/performance.md): a million figures through the
  extractor would take the benchmark longer than the check it is there to measure. The
  shape follows what ingest stores: articles, claims with sources, two figures a claim,
  partitions (total + parts), bounds and cross-article `same` relations, some of them
  deliberately inconsistent.
"""

from __future__ import annotations

import random
import sqlite3
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

SOURCES: tuple[tuple[str, str], ...] = (
    ("the Ministry of Defence", "government"),
    ("the Interior Ministry", "government"),
    ("the Health Ministry", "government"),
    ("the Air Force", "military"),
    ("the General Staff", "military"),
    ("the regional governor", "official"),
    ("the mayor", "official"),
    ("the Institute for the Study of War", "think_tank"),
    ("the Centre for Economic Research", "think_tank"),
    ("the Red Cross", "organisation"),
    ("the United Nations refugee agency", "organisation"),
    ("the national statistics office", "government"),
    ("police", "official"),
    ("the fire service", "official"),
    ("analysts at Northbank", "analyst"),
)
PEOPLE = (
    "Maria Keller", "Tomas Ruiz", "Anika Brandt", "Joseph Osei", "Lena Novak", "Samir Haddad",
    "Ingrid Dahl", "Pavel Orlov", "Chiara Conti", "David Mensah",
)
CUES = ("said", "reported", "announced", "told reporters", "estimated", "claimed")
_STEMS = ("River", "Kal", "Dun", "East", "Lin", "Marsh", "Hal", "Ost", "West", "Grey", "Nor",
          "Ash", "Bel", "Cor", "Fen", "Hart")
_ENDS = ("ton", "mar", "more", "field", "den", "bay", "ava", "brook", "haven", "wick")
# 160 towns: a newsroom's week covers many places, and two counts of one place and one
# event are what cross-article `same` links, so a handful of towns would overstate them.
PLACES = tuple(stem + end for stem in _STEMS for end in _ENDS)
ARTICLES_PER_DAY = 40
QUALIFIERS = ("", "", "", "about ", "more than ", "nearly ", "at least ", "almost ", "fewer than ")
EVENTS = (
    ("drones", "launched", "shot down"),
    ("people", "evacuated", "rescued"),
    ("people", "injured", "hospitalised"),
    ("homes", "damaged", "destroyed"),
    ("missiles", "fired", "intercepted"),
    ("workers", "hired", "laid off"),
)
# Own-voice sentences with no figure: context, never duplicates of another article's claim.
FILLER = (
    "Sirens sounded across {place} for most of the night.",
    "Power was cut in parts of {place} until the early morning.",
    "Schools in {place} stayed closed while roads were cleared.",
    "Independent verification of the account from {place} was not immediately possible.",
    "Emergency crews worked through the night on the outskirts of {place}.",
    "Talks on the situation in {place} are expected to resume next month.",
)


@dataclass(frozen=True)
class SyntheticArticle:
    name: str
    text: str
    published: str


def _num(rng: random.Random, lo: int, hi: int) -> int:
    return rng.randint(lo, hi)


def _fmt(n: int) -> str:
    return f"{n:,}"


def _who(rng: random.Random) -> str:
    src = rng.choice(SOURCES)[0]
    if rng.random() < 0.3:
        return f"{rng.choice(PEOPLE)}, a spokesperson for {src},"
    return src[0].upper() + src[1:]


def _paragraph(rng: random.Random, place: str) -> list[str]:
    unit, verb, subverb = rng.choice(EVENTS)
    total = _num(rng, 40, 5000)
    part = _num(rng, 1, total)
    q = rng.choice(QUALIFIERS)
    kind = rng.random()
    out: list[str] = []
    if kind < 0.25:
        out.append(
            f"{_who(rng)} {rng.choice(CUES)} that {q}{_fmt(total)} {unit} were {verb} "
            f"in {place} overnight, of which {_fmt(part)} were {subverb}."
        )
    elif kind < 0.45:
        a, b = _num(rng, 1, total // 2 + 1), _num(rng, 1, total // 2 + 1)
        out.append(
            f"Of the {_fmt(total)} {unit} {verb} in the {place} region, {_fmt(a)} were "
            f"{subverb} in the city and {_fmt(b)} in the villages, {_who(rng)} "
            f"{rng.choice(CUES)}."
        )
    elif kind < 0.65:
        out.append(
            f"{_who(rng)} {rng.choice(CUES)} {q}{_fmt(total)} {unit} had been {verb} in "
            f"{place} since Monday."
        )
        other = total + rng.choice((0, 0, _num(rng, 1, 300)))
        out.append(
            f"{_who(rng)} put the number of {unit} {verb} in {place} at {_fmt(other)}."
        )
    elif kind < 0.8:
        lo = _num(rng, 10, 400)
        out.append(
            f"Between {lo} and {lo + _num(rng, 5, 200)} {unit} were {verb} near {place}, "
            f"{_who(rng)} {rng.choice(CUES)}."
        )
    else:
        pct = rng.randint(1, 99)
        out.append(
            f"{_who(rng)} {rng.choice(CUES)} that {pct}% of {unit} in {place} were {verb}, "
            f"up from {rng.randint(1, 99)}% a year earlier."
        )
    out.append(rng.choice(FILLER).format(place=place))
    return out


def article(
    i: int, rng: random.Random, start: date, per_day: int = ARTICLES_PER_DAY
) -> SyntheticArticle:
    place = rng.choice(PLACES)
    day = start + timedelta(days=i // per_day)
    title = f"Night of strikes near {place}: officials give new figures ({i})"
    paras = [" ".join(_paragraph(rng, rng.choice(PLACES))) for _ in range(rng.randint(4, 9))]
    text = f"{title}\n\n" + "\n\n".join(paras) + f"\n\nReport number {i} ends here.\n"
    return SyntheticArticle(name=f"bench-{i:06d}.txt", text=text, published=day.isoformat())


def articles(
    n: int, seed: int = 1, per_day: int = ARTICLES_PER_DAY
) -> Iterator[SyntheticArticle]:
    """`n` articles, the same for the same seed (`per_day` a day from 2026-01-01)."""
    rng = random.Random(seed)
    start = date(2026, 1, 1)
    for i in range(n):
        yield article(i, rng, start, per_day)


# -- files for the real ingest ----------------------------------------------------------


def write_articles(
    root: Path, n: int, seed: int, per_day: int = ARTICLES_PER_DAY
) -> tuple[list[tuple[Path, str]], int]:
    """The corpus as text files, one folder per publication day (one `claims ingest
    --published DAY` each, as a desk ingests its day); the folders and total bytes."""
    days: dict[str, Path] = {}
    size = 0
    for art in articles(n, seed, per_day):
        folder = days.get(art.published)
        if folder is None:
            folder = days[art.published] = root / art.published
            folder.mkdir(parents=True, exist_ok=True)
        data = art.text.encode()
        (folder / art.name).write_bytes(data)
        size += len(data)
    return [(folder, day) for day, folder in days.items()], size


def read_and_split(dirs: Sequence[Path]) -> int:
    lines = 0
    for d in dirs:
        for p in sorted(d.iterdir()):
            lines += len(p.read_text(encoding="utf-8").splitlines())
    return lines


# -- rows written directly (the check-consistency scaling corpora) -------------------------

UNITS = (("drone", "drones launched"), ("person", "people evacuated"), ("person", "deaths"),
         ("home", "homes damaged"), ("missile", "missiles intercepted"), ("euro", "budget"))
ROW_QUALIFIERS = ("exact", "exact", "exact", "approx", "more_than", "nearly", "at_most", "range")
FIGURES_PER_CLAIM = 2
CLAIMS_PER_ARTICLE = 20
N_SOURCES = 200
_BATCH = 20_000


def _interval(rng: random.Random, value: int, qualifier: str) -> tuple[float, float | None,
                                                                     float | None]:
    if qualifier == "approx":
        return value, value * 0.9, value * 1.1
    if qualifier == "nearly":
        return value, value * 0.9, value
    if qualifier == "more_than":
        return value, value, None
    if qualifier == "at_most":
        return value, None, value
    if qualifier == "range":
        lo = max(0, value - rng.randint(1, 50))
        hi = value + rng.randint(1, 50)
        return (lo + hi) / 2, lo, hi
    return value, value, value


def insert_figure_corpus(path: str, n_figures: int, seed: int = 1) -> dict[str, int]:
    """Fill an empty, migrated SQLite claims database with about `n_figures` figures.

    Per article: 20 claims of 2 figures, each claim on its own line (so line numbers are
    real). Per 10 figures: a partition (total + 2 parts, a quarter of them short or over),
    a bound and a `same` with the previous article's figure of the same slot, which is
    what ingest proposes across articles. Returns the row counts.
    """
    rng = random.Random(seed)
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=OFF")
    conn.executemany(
        "INSERT INTO source (id, name, type) VALUES (?, ?, ?)",
        [(i + 1, f"Source {i:03d} Agency", SOURCES[i % len(SOURCES)][1])
         for i in range(N_SOURCES)],
    )
    conn.executemany(
        "INSERT INTO source_alias (source_id, alias, alias_norm) VALUES (?, ?, ?)",
        [(i + 1, f"SA{i:03d}", f"sa{i:03d}") for i in range(N_SOURCES)],
    )
    per_article = CLAIMS_PER_ARTICLE * FIGURES_PER_CLAIM
    n_articles = max(1, -(-n_figures // per_article))
    counts = {"articles": 0, "claims": 0, "figures": 0, "relations": 0, "members": 0}
    claim_id = figure_id = relation_id = 0
    arts: list[tuple[object, ...]] = []
    claims: list[tuple[object, ...]] = []
    figures: list[tuple[object, ...]] = []
    rels: list[tuple[object, ...]] = []
    members: list[tuple[object, ...]] = []
    previous: list[int] = []
    start_day = date(2026, 1, 1)

    def flush(force: bool = False) -> None:
        if not force and len(figures) < _BATCH:
            return
        conn.executemany(
            "INSERT INTO article (id, name, origin, published, content_hash, "
            "extractor_version, text, ingested_at) VALUES (?, ?, ?, ?, ?, 'bench', ?, "
            "'2026-11-25T00:00:00Z')", arts)
        conn.executemany(
            'INSERT INTO claim (id, article_id, seq, text, start, "end", source_id, cue, '
            "status, version, dismissed, paragraph, sentence) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, 'said', ?, 1, 0, ?, 0)", claims)
        conn.executemany(
            'INSERT INTO figure (id, claim_id, seq, text, start, "end", value, low, high, '
            "qualifier, unit, metric) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", figures)
        conn.executemany(
            "INSERT INTO relation (id, kind, origin, state, rule, created_at) "
            "VALUES (?, ?, 'inferred', ?, ?, '2026-11-25T00:00:00Z')", rels)
        conn.executemany(
            "INSERT INTO relation_member (relation_id, position, figure_id, role) "
            "VALUES (?, ?, ?, ?)", members)
        for key, rows in (("articles", arts), ("claims", claims), ("figures", figures),
                          ("relations", rels), ("members", members)):
            counts[key] += len(rows)
            rows.clear()

    def relate(kind: str, rule: str, ids: list[int], roles: tuple[str, str]) -> None:
        nonlocal relation_id
        relation_id += 1
        state = rng.choices(("proposed", "accepted", "rejected"), (8, 3, 1))[0]
        rels.append((relation_id, kind, state, rule))
        members.extend((relation_id, pos, fid, roles[0] if pos == 0 else roles[1])
                       for pos, fid in enumerate(ids))

    for a in range(1, n_articles + 1):
        lines: list[str] = [f"Synthetic report {a}", ""]
        offset = len(lines[0]) + 2
        slot_ids: list[int] = []
        values: list[int] = []
        for c in range(CLAIMS_PER_ARTICLE):
            claim_id += 1
            unit, metric = UNITS[(a + c // 5) % len(UNITS)]
            v1, v2 = rng.randint(50, 5000), rng.randint(1, 2500)
            t1, t2 = f"{v1:,}", f"{v2:,}"
            text = (f"Source {c} said that {t1} {metric} were counted in Town{a % 97}, "
                    f"and {t2} more in the region.")
            claims.append((claim_id, a, c, text, offset, offset + len(text),
                           1 + rng.randrange(N_SOURCES),
                           rng.choices(("unverified", "supported", "refuted"), (8, 1, 1))[0],
                           c // 4))
            for seq, (tx, v) in enumerate(((t1, v1), (t2, v2))):
                figure_id += 1
                s = offset + text.index(tx, 16 if seq == 0 else text.index("and"))
                q = rng.choice(ROW_QUALIFIERS)
                value, low, high = _interval(rng, v, q)
                figures.append((figure_id, claim_id, seq, tx, s, s + len(tx), value, low, high,
                                q, unit, metric))
                slot_ids.append(figure_id)
                values.append(v)
            lines.append(text)
            offset += len(text) + 1
        for g in range(0, len(slot_ids) - 9, 10):
            ids = slot_ids[g : g + 10]
            relate("partition", "of-the", [ids[0], ids[1], ids[3]], ("total", "part"))
            relate("bound", "of-which", [ids[5], ids[4]], ("smaller", "larger"))
            if previous:
                relate("same", "same-metric", [ids[6], previous[g + 6]], ("a", "b"))
        previous = slot_ids
        day = start_day + timedelta(days=a // 40)
        arts.append((a, f"synthetic-{a:07d}.txt", f"corpus/synthetic-{a:07d}.txt",
                     day.isoformat(), f"hash{a:012d}", "\n".join(lines) + "\n"))
        flush()
    flush(force=True)
    conn.commit()
    conn.close()
    return counts
