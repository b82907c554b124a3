"""Review queue, corrections, duplicates and propagation against a real SQLite store."""

from __future__ import annotations

import hashlib
import json

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import select

from claims.core.model import Claim, Document, Extraction, Figure, Qualifier, Source, SourceType
from claims.errors import InputError, NotFound
from claims.store import Store
from claims.store.duplicates import (
    Candidate,
    dismissed_duplicates,
    link_duplicates,
    propagate_verdict,
    same_claim,
)
from claims.store.ingest import save_extraction
from claims.store.queries import list_claims
from claims.store.tables import claim_duplicate, verdict
from claims.store.verdicts import history, record_verdict
from claims.store.workflow import (
    ensure_source,
    fix_figure,
    get_claim_detail,
    reattribute,
    review_queue,
    set_dismissed,
)

TEXT_A = (
    "Drones over the border\n"
    "The Ukrainian Air Force said Russia launched 188 drones overnight.\n"
    "Officials met in the capital on Monday.\n"
    "Analysts at the Institute for the Study of War said the offensive had stalled.\n"
)
TEXT_B = (
    "Night of drones\n"
    "The Ukrainian Air Force said that Russia launched 188 drones overnight.\n"
    "The Institute for the Study of War said 188 drones were launched.\n"
)


def fig(text: str, article: str, value: float, unit: str = "drone") -> Figure:
    start = article.index(text)
    return Figure(text, start, start + len(text), value, value, value, Qualifier.EXACT, unit)


def claim(article: str, sentence: str, source: str | None, *figures: Figure, n: int = 0) -> Claim:
    start = article.index(sentence)
    cue = "said" if source else None
    return Claim(sentence, start, start + len(sentence), source, cue, figures, paragraph=n)


AIR = Source("Ukrainian Air Force", SourceType.MILITARY, ("Air Force",))
ISW = Source("Institute for the Study of War", SourceType.THINK_TANK, ("ISW",))


def doc(text: str, name: str) -> Document:
    return Document(text, name, hashlib.sha256(text.encode()).hexdigest())


def extraction_a() -> Extraction:
    t = TEXT_A
    return Extraction(
        doc(t, "a.txt"),
        (AIR, ISW),
        (
            claim(t, "Drones over the border", None),
            claim(
                t,
                "The Ukrainian Air Force said Russia launched 188 drones overnight.",
                "Ukrainian Air Force",
                fig("188", t, 188),
                n=1,
            ),
            claim(t, "Officials met in the capital on Monday.", None, n=2),
            claim(
                t,
                "Analysts at the Institute for the Study of War said the offensive had stalled.",
                "Institute for the Study of War",
                n=3,
            ),
        ),
        (),
        "test-1",
    )


def extraction_b() -> Extraction:
    t = TEXT_B
    return Extraction(
        doc(t, "b.txt"),
        (AIR, ISW),
        (
            claim(
                t,
                "The Ukrainian Air Force said that Russia launched 188 drones overnight.",
                "Ukrainian Air Force",
                fig("188", t, 188),
            ),
            claim(
                t,
                "The Institute for the Study of War said 188 drones were launched.",
                "Institute for the Study of War",
                fig("188", t, 188),
                n=1,
            ),
        ),
        (),
        "test-1",
    )


@pytest.fixture
def desk(store: Store) -> Store:
    """Article a (claims 1-4) and article b (claims 5-6), duplicates linked at ingest."""
    a = save_extraction(store, extraction_a(), origin="a.txt")
    link_duplicates(store, a.article_id)
    b = save_extraction(store, extraction_b(), origin="b.txt")
    link_duplicates(store, b.article_id)
    return store


def ids(claims: list) -> list[int]:  # type: ignore[type-arg]
    return [c.id for c in claims]


def details(store: Store, claim_id: int) -> list[dict[str, object]]:
    with store.read() as conn:
        rows = conn.execute(
            select(verdict.c.kind, verdict.c.detail)
            .where(verdict.c.claim_id == claim_id)
            .order_by(verdict.c.id)
        ).all()
    return [{"kind": k, **json.loads(d or "{}")} for k, d in rows]


# --- review queue ------------------------------------------------------------------------


def test_queue_puts_figures_and_sources_first_then_reading_order(desk: Store) -> None:
    # 2, 5, 6: figures + source; 4: source only; 1, 3: neither (article, position).
    assert ids(review_queue(desk)) == [2, 5, 6, 4, 1, 3]


def test_queue_skips_verdicts_and_dismissed_and_filters(desk: Store) -> None:
    record_verdict(desk, claim_id=2, status="supported", reviewer="ana")
    set_dismissed(desk, claim_id=3, dismissed=True, reviewer="ana")
    assert ids(review_queue(desk)) == [5, 6, 4, 1]
    assert ids(review_queue(desk, article="b.txt")) == [5, 6]
    assert ids(review_queue(desk, source_id=2)) == [6, 4]


# --- corrections -------------------------------------------------------------------------


def test_reattribute_records_a_correction_and_updates_the_claim(desk: Store) -> None:
    record_verdict(desk, claim_id=2, status="supported", reviewer="ana")
    v = reattribute(desk, claim_id=2, source_id=2, reviewer="bo", note="the quote is ISW's")
    assert (v.kind, v.from_status, v.to_status, v.version) == (
        "correction",
        "supported",
        "supported",
        3,
    )
    assert v.note == (
        "re-attributed: Ukrainian Air Force → Institute for the Study of War: the quote is ISW's"
    )
    assert details(desk, 2)[-1] == {
        "kind": "correction",
        "source_id": 2,
        "from": {"source": "Ukrainian Air Force"},
        "to": {"source": "Institute for the Study of War"},
    }
    c = list_claims(desk, article="a.txt")[1]
    assert (c.id, c.source, c.status, c.version) == (
        2,
        "Institute for the Study of War",
        "supported",
        3,
    )


def test_reattribute_to_own_voice_and_refusals(desk: Store) -> None:
    v = reattribute(desk, claim_id=4, source_id=None, reviewer="bo")
    assert v.note == "re-attributed: Institute for the Study of War → the article's own voice"
    assert list_claims(desk, article="a.txt")[3].source is None
    with pytest.raises(InputError, match="^claim 4 is already attributed to the article's own"):
        reattribute(desk, claim_id=4, source_id=None, reviewer="bo")
    with pytest.raises(NotFound, match="^no source with id 99$"):
        reattribute(desk, claim_id=4, source_id=99, reviewer="bo")
    with pytest.raises(NotFound, match="^no claim with id 99$"):
        reattribute(desk, claim_id=99, source_id=1, reviewer="bo")
    assert len(history(desk, 4)) == 1


def test_fix_figure_recomputes_the_interval(desk: Store) -> None:
    v = fix_figure(
        desk, claim_id=2, figure_id=1, value=190, qualifier="approx", reviewer="bo"
    ).verdict
    assert v.note == "figure 1 '188': exact 188 [188, 188] drone → approx 190 [171, 209] drone"
    f = list_claims(desk, article="a.txt")[1].figures[0]
    assert (f.value, f.qualifier, f.unit) == (190, "approx", "drone")
    assert f.low == pytest.approx(171) and f.high == pytest.approx(209)
    d = details(desk, 2)[-1]
    assert d["from"] == {
        "value": 188,
        "low": 188,
        "high": 188,
        "qualifier": "exact",
        "unit": "drone",
    }
    assert d["span"] == [TEXT_A.index("188"), TEXT_A.index("188") + 3]
    assert d["text"] == "188"


def test_fix_figure_open_ends_ranges_and_errors(desk: Store) -> None:
    fix_figure(desk, claim_id=2, figure_id=1, qualifier="more-than", unit="UAV", reviewer="bo")
    f = list_claims(desk, article="a.txt")[1].figures[0]
    assert (f.value, f.low, f.high, f.qualifier, f.unit) == (188, 188, None, "more_than", "UAV")
    with pytest.raises(InputError, match="^a range needs --low and --high$"):
        fix_figure(desk, claim_id=2, figure_id=1, qualifier="range", reviewer="bo")
    fix_figure(desk, claim_id=2, figure_id=1, qualifier="range", low=180, high=200, reviewer="bo")
    f = list_claims(desk, article="a.txt")[1].figures[0]
    assert (f.value, f.low, f.high, f.qualifier) == (190, 180, 200, "range")
    with pytest.raises(InputError, match="^unknown qualifier 'roughly'; valid: exact, approx"):
        fix_figure(desk, claim_id=2, figure_id=1, qualifier="roughly", reviewer="bo")
    with pytest.raises(InputError, match="^figure 1 already has these values$"):
        fix_figure(desk, claim_id=2, figure_id=1, value=190, reviewer="bo")
    with pytest.raises(NotFound, match="^no figure with id 2 in claim 2$"):
        fix_figure(desk, claim_id=2, figure_id=2, value=1, reviewer="bo")
    assert [v.version for v in history(desk, 2)] == [2, 3]


def test_a_frame_fix_proposes_relations_again_in_its_own_transaction(desk: Store) -> None:
    fixed = fix_figure(desk, claim_id=2, figure_id=1, frame={"place": "Ukraine"}, reviewer="bo")
    assert fixed.reproposed is not None
    assert fixed.verdict.version == 2
    frame = list_claims(desk, article="a.txt")[1].figures[0].frame
    assert frame is not None and frame.place == "Ukraine"
    assert fix_figure(desk, claim_id=2, figure_id=1, value=190, reviewer="bo").reproposed is None


def test_a_failed_reproposal_leaves_no_correction(
    desk: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The figure and its history stay as they were when relations cannot be proposed
    again: a correction never lands without them."""
    import claims.store.repropose as repropose

    def broken(*_: object) -> None:
        raise RuntimeError("relations could not be written")

    monkeypatch.setattr(repropose, "repropose_article", broken)
    with pytest.raises(RuntimeError, match="relations could not be written"):
        fix_figure(desk, claim_id=2, figure_id=1, frame={"place": "Ukraine"}, reviewer="bo")
    assert history(desk, 2) == []
    assert list_claims(desk, article="a.txt")[1].figures[0].frame is None


def test_dismiss_hides_and_restore_brings_back(desk: Store) -> None:
    v = set_dismissed(desk, claim_id=1, dismissed=True, reviewer="bo", note="a headline")
    assert (v.note, v.version, v.to_status) == (
        "dismissed: not a claim: a headline",
        2,
        "unverified",
    )
    assert 1 not in ids(list_claims(desk))
    assert 1 in ids(list_claims(desk, include_dismissed=True))
    with pytest.raises(InputError, match="^claim 1 is already dismissed$"):
        set_dismissed(desk, claim_id=1, dismissed=True, reviewer="bo")
    assert set_dismissed(desk, claim_id=1, dismissed=False, reviewer="bo").note == "restored"
    assert 1 in ids(review_queue(desk))
    assert [d["dismissed"] for d in details(desk, 1)] == [True, False]


def test_ensure_source_finds_by_alias_or_creates(desk: Store) -> None:
    assert ensure_source(desk, "isw").name == "Institute for the Study of War"
    created = ensure_source(desk, "  Kyiv  Independent ", "media")
    assert (created.name, created.type, created.aliases) == ("Kyiv Independent", "media", ())
    assert ensure_source(desk, "the Kyiv Independent").id == created.id
    with pytest.raises(InputError, match="^unknown source type 'blog'"):
        ensure_source(desk, "Someone", "blog")


# --- duplicates --------------------------------------------------------------------------


def test_duplicates_are_linked_both_ways_with_the_same_source(desk: Store) -> None:
    with desk.read() as conn:
        pairs = sorted((r[0], r[1]) for r in conn.execute(select(claim_duplicate)))
    # 2 ~ 5 (same source, texts agree); 6 shares the figure but not the source with 2.
    assert pairs == [(2, 5), (5, 2)]
    assert link_duplicates(desk, 2) == 0  # idempotent
    detail = get_claim_detail(desk, 5)
    assert detail is not None and detail.duplicates == (2,)
    assert get_claim_detail(desk, 99) is None


def cand(i: int, art: int, text: str, who: str, *figs: tuple[float, str]) -> Candidate:
    return Candidate(i, art, text, who, tuple(sorted(figs)))


def test_same_claim_rule() -> None:
    drones = (188, "drone")
    a = cand(1, 1, "Russia launched 188 drones overnight, the air force said", "#1", drones)
    assert same_claim(
        a, cand(2, 2, "The air force said Russia launched 188 drones overnight", "#1", drones))
    assert not same_claim(a, cand(2, 1, a.text, "#1", drones))  # same article
    assert not same_claim(a, cand(2, 2, a.text, "#2", drones))  # other source
    assert not same_claim(a, cand(2, 2, a.text, "", drones))
    assert not same_claim(a, cand(2, 2, a.text, "#1", (189, "drone")))  # another number
    assert not same_claim(a, cand(2, 2, a.text, "#1"))  # no number
    close = "Russia fired 188 drones at Ukraine overnight, the air force reported"
    assert same_claim(a, cand(2, 2, close, "#1", drones))
    assert not same_claim(a, cand(2, 2, close, "#1", (188, "missile")))
    wide, narrow = (253, "person", 188, 318), (253, "person", 245, 261)  # same midpoint
    injured = "Between {} people were injured near the dam, the air force said"
    assert not same_claim(cand(1, 1, injured.format("188 and 318"), "#1", wide),
                          cand(2, 2, injured.format("245 and 261"), "#1", narrow))
    plain = "The air force said the night was quiet along the whole front"
    reworded = "The air force said the night had been quiet along the whole front"
    assert same_claim(cand(1, 1, plain, "#1"), cand(2, 2, reworded, "#1"))  # no figures
    assert not same_claim(cand(1, 1, "the air force said", "#1"), cand(2, 2, plain, "#1"))
    own = cand(3, 1, "Prices rose by 4 percent in May", "", (4, "percent"))
    assert same_claim(own, cand(4, 2, "Prices rose by 4 percent in May.", "", (4, "percent")))
    assert not same_claim(cand(3, 1, plain, ""), cand(4, 2, plain, ""))  # own voice, no figure


words = st.text(alphabet="abcdefgh ", min_size=0, max_size=40)
parties = st.sampled_from(["", "#1", "#2", "~police"])


@given(words, words, parties, parties, st.booleans())
def test_same_claim_is_symmetric(t1: str, t2: str, s1: str, s2: str, figs: bool) -> None:
    f = ((5, "x"),) if figs else ()
    a, b = cand(1, 1, t1, s1, *f), cand(2, 2, t2, s2, *f)
    assert same_claim(a, b) == same_claim(b, a)


def test_propagate_records_one_row_per_duplicate(desk: Store) -> None:
    rows = propagate_verdict(
        desk, claim_id=2, status="refuted", reviewer="ana", evidence=("https://e.example/1",)
    )
    assert [(r.claim_id, r.to_status, r.note, r.evidence, r.version) for r in rows] == [
        (5, "refuted", "propagated from claim 2", ("https://e.example/1",), 2)
    ]
    assert (
        propagate_verdict(desk, claim_id=2, status="refuted", reviewer="a", skip=frozenset({5}))
        == []
    )
    assert propagate_verdict(desk, claim_id=3, status="refuted", reviewer="a") == []


def test_propagate_leaves_a_dismissed_duplicate_alone(desk: Store) -> None:
    set_dismissed(desk, claim_id=5, dismissed=True, reviewer="bo")
    assert dismissed_duplicates(desk, 2) == [5]
    assert propagate_verdict(desk, claim_id=2, status="refuted", reviewer="ana") == []
    assert [(r.kind, r.to_status) for r in history(desk, 5)] == [("correction", "unverified")]
