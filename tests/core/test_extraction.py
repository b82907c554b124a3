"""extract(): spans, sources, figures placement, robustness, speed and dev-set quality."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import claims.core.extraction as extraction
from claims.core.documents import make_document
from claims.core.extraction import EXTRACTOR_VERSION, extract
from claims.core.model import Figure, Qualifier
from claims.core.sources import PRONOUNS, norm
from claims.quality import main as quality_main
from claims.quality import score_dir

DEVSET = Path("/work/shared/devset")
UNSEEN = Path(__file__).resolve().parents[1] / "data" / "unseen"
needs_devset = pytest.mark.skipif(not DEVSET.is_dir(), reason="shared dev set not present")

ARTICLE = (
    "Floods kill 40, agency says\n"
    "By Jane Doe\n"
    "RIVERTON, Sept 13 (Wire) - Floods killed 40 people, the National Civil Protection "
    "Agency (NCPA) said on Sunday.\n"
    "The agency put the number missing at 18, while the Red Cross said more than 30 were missing.\n"
    "Read more: the cost of floods\n"
    "The river rose by 2 metres."
)


def test_extract_claims_sources_and_spans() -> None:
    ex = extract(make_document(ARTICLE, "a.txt"))
    assert ex.extractor_version == EXTRACTOR_VERSION == "2"
    assert ex.relations == ()
    assert [(c.text, c.source, c.cue, c.paragraph) for c in ex.claims] == [
        ("Floods kill 40, agency says", "National Civil Protection Agency", "said", 0),
        ("Floods killed 40 people, the National Civil Protection Agency (NCPA) said on Sunday.",
         "National Civil Protection Agency", "said", 2),
        ("The agency put the number missing at 18", "National Civil Protection Agency", "put", 3),
        ("the Red Cross said more than 30 were missing.", "Red Cross", "said", 3),
        ("The river rose by 2 metres.", None, None, 5),
    ]
    for c in ex.claims:
        assert ARTICLE[c.start : c.end] == c.text
    assert [(s.name, s.type.value, s.aliases) for s in ex.sources] == [
        ("National Civil Protection Agency", "government",
         ("the National Civil Protection Agency", "NCPA")),
        ("Red Cross", "organisation", ("the Red Cross",)),
    ]


def test_figures_are_shifted_to_article_offsets(monkeypatch: pytest.MonkeyPatch) -> None:
    def fake(text: str) -> tuple[Figure, ...]:
        i = text.find("2")
        if i < 0:
            return ()
        return (Figure("2", i, i + 1, 2.0, 2.0, 2.0, Qualifier.EXACT, "metre"),)

    monkeypatch.setattr(extraction, "extract_figures", fake)
    text = "Head\nThe river rose by 2 metres."
    claim = extract(make_document(text, "a.txt")).claims[1]
    assert [(f.text, f.start, f.end) for f in claim.figures] == [("2", 23, 24)]
    assert text[23:24] == "2"


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab C.,;:'\"“”—-\n0123456789 said he The ")),
               max_size=300))
def test_extract_never_fails_and_spans_are_exact(text: str) -> None:
    ex = extract(make_document(text, "x"))
    names = {s.name for s in ex.sources}
    for c in ex.claims:
        assert 0 <= c.start < c.end <= len(ex.document.text)
        assert ex.document.text[c.start : c.end] == c.text == c.text.strip()
        assert c.source is None or c.source in names
        for f in c.figures:
            assert c.start <= f.start < f.end <= c.end
    for s in ex.sources:
        assert all(norm(a) not in PRONOUNS for a in s.aliases)


@given(st.text(max_size=500))
@settings(deadline=None)
def test_extract_on_arbitrary_unicode(text: str) -> None:
    ex = extract(make_document(text, "x"))
    for c in ex.claims:
        assert ex.document.text[c.start : c.end] == c.text


@needs_devset
def test_devset_meets_the_targets() -> None:
    overall = score_dir(DEVSET)["overall"]
    assert overall["claim_f1"] >= 0.95
    assert overall["attribution_accuracy"] >= 0.95


@needs_devset
def test_extracting_the_devset_is_fast() -> None:
    docs = [make_document(p.read_text(encoding="utf-8"), p.name) for p in DEVSET.glob("*.txt")]
    start = time.perf_counter()
    for d in docs:
        extract(d)
    assert time.perf_counter() - start < 1.0


def test_unseen_gold_files_are_well_formed() -> None:
    golds = sorted(UNSEEN.glob("*.gold.json"))
    assert len(golds) == 3
    for g in golds:
        gold = json.loads(g.read_text(encoding="utf-8"))
        text = (UNSEEN / gold["article"]).read_text(encoding="utf-8")
        assert 250 <= len(text.split()) <= 400
        for c in gold["claims"]:
            assert c["quote"] in text
            assert c["source"] is None or c["source"] in gold["sources"]


def test_quality_cli_prints_a_table_and_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert quality_main([str(UNSEEN)]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0].startswith("article")
    assert out.splitlines()[-1].startswith("OVERALL")
    assert quality_main([str(UNSEEN), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert set(data) == {"overall", "articles"}
    assert set(data["overall"]) == {"claim_precision", "claim_recall", "claim_f1",
                                    "attribution_accuracy", "figure_recall", "figure_precision"}


def test_quality_cli_missing_gold(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert quality_main([str(tmp_path)]) == 2
    assert capsys.readouterr().err == f"Error: no *.gold.json in {tmp_path}\n"
