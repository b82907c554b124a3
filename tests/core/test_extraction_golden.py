"""Golden outputs of `extract`: speed work on figures, relations and segmentation must not
change a single byte of what they produce.

`tests/data/golden_extraction.json` holds, for every article of the dev, unseen,
held-out and seed sets, the sentences, the claims (spans, source, cue, paragraph,
sentence, figures with every field) and the relations `extract` returned when it was
written. Two kinds of test read it:

- *component* tests re-run `extract_figures` on each stored claim text and
  `infer_relations` on the stored claims, and `segment` on each article. They depend only
  on the figure, relation and segmentation modules, so they keep passing while the
  attribution and source rules (which decide where claims split and who says them)
  change underneath;
- *end-to-end* tests compare `extract` itself on claim spans, figures and relations
  (sources and cues are stored for reading diffs, never compared). When an intended
  change to attribution, sources or extraction moves claim spans, regenerate:

      .venv/bin/python -m tests.core.test_extraction_golden --regenerate

  and review the diff of the golden file before committing it.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
from collections.abc import Callable
from dataclasses import asdict
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claims.core.extraction import extract
from claims.core.figures import forms as fig_forms
from claims.core.figures import more_forms as fig_more_forms
from claims.core.figures.extract import extract_figures
from claims.core.figures.traps import TRAP_PATTERNS, trap_spans
from claims.core.model import Claim, Document, Figure, Frame, Qualifier
from claims.core.reconcile.context import _OPENER, opens_sentence
from claims.core.reconcile.relations import infer_relations
from claims.core.text.segmentation import segment
from tests.paths import DEVSET

ROOT = Path(__file__).resolve().parents[2]
GOLDEN = ROOT / "tests" / "data" / "golden_extraction.json"
SETS: dict[str, Path] = {
    "devset": DEVSET,
    "unseen": ROOT / "tests" / "data" / "unseen",
    "heldout": ROOT / "tests" / "data" / "heldout",
    "seeds": ROOT / "seeds",
}


def article_paths() -> list[tuple[str, Path]]:
    """(key, path) of every article the golden file covers, in a stable order."""
    return [(f"{name}/{p.name}", p) for name, folder in SETS.items()
            for p in sorted(folder.glob("*.txt"))]


def _document(path: Path) -> Document:
    text = path.read_text(encoding="utf-8")
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    return Document(text=text, name=path.name, content_hash=digest)


def figure_json(f: Figure) -> dict[str, Any]:
    out = asdict(f)
    out["qualifier"] = str(f.qualifier)
    if f.frame is not None:  # lists, as JSON gives them back
        out["frame"]["words"] = [list(w) for w in f.frame.words]
    return out


def _figure(f: dict[str, Any]) -> Figure:
    frame = f.get("frame")
    return Figure(**{**f, "qualifier": Qualifier(f["qualifier"]), "frame": None if frame is None
                     else Frame(**{**frame, "words": tuple(tuple(w) for w in frame["words"])})})


def serialise(doc: Document) -> dict[str, Any]:
    """Everything `extract` and `segment` return for one document, as plain JSON."""
    ex = extract(doc)
    return {
        "sha256": doc.content_hash,
        "sentences": [[s.start, s.end, s.paragraph, s.index, s.headline]
                      for s in segment(doc.text)],
        "sources": [{"name": s.name, "type": str(s.type), "aliases": list(s.aliases)}
                    for s in ex.sources],
        "claims": [{"start": c.start, "end": c.end, "source": c.source, "cue": c.cue,
                    "paragraph": c.paragraph, "sentence": c.sentence,
                    "figures": [figure_json(f) for f in c.figures]} for c in ex.claims],
        "relations": [[r.kind, [[m.claim, m.figure] for m in r.members], r.rule,
                       r.confidence, list(r.evidence)] for r in ex.relations],
    }


def build() -> dict[str, Any]:
    return {key: serialise(_document(path)) for key, path in article_paths()}


def _golden() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(GOLDEN.read_text(encoding="utf-8"))
    return data


def _stored_claims(text: str, entry: dict[str, Any]) -> list[Claim]:
    return [
        Claim(text=text[c["start"]:c["end"]], start=c["start"], end=c["end"],
              source=c["source"], cue=c["cue"], paragraph=c["paragraph"],
              sentence=c["sentence"],
              figures=tuple(_figure(f) for f in c["figures"]))
        for c in entry["claims"]
    ]


def _mine(entry: dict[str, Any]) -> dict[str, Any]:
    """The parts the end-to-end test compares: spans, figures, relations."""
    return {
        "claims": [(c["start"], c["end"], c["figures"]) for c in entry["claims"]],
        "relations": entry["relations"],
    }


REGENERATE = "regenerate: .venv/bin/python -m tests.core.test_extraction_golden --regenerate"
CASES = article_paths()
IDS = [key for key, _ in CASES]


def test_golden_covers_every_article() -> None:
    """Every article here is in the golden file (the dev set may be absent on a machine)."""
    stored = sorted(k for k in _golden() if DEVSET.is_dir() or not k.startswith("devset/"))
    assert stored == sorted(IDS)


@pytest.mark.parametrize(("key", "path"), CASES, ids=IDS)
def test_figures_of_stored_claims(key: str, path: Path) -> None:
    entry = _golden()[key]
    text = path.read_text(encoding="utf-8")
    for c in entry["claims"]:
        got = [figure_json(f) for f in extract_figures(text[c["start"]:c["end"]])]
        want = [{**f, "start": f["start"] - c["start"], "end": f["end"] - c["start"],
                 "frame": None} for f in c["figures"]]  # frames come after, from the claims
        assert got == want, (key, c["start"], c["end"])


@pytest.mark.parametrize(("key", "path"), CASES, ids=IDS)
def test_relations_of_stored_claims(key: str, path: Path) -> None:
    entry = _golden()[key]
    claims = _stored_claims(path.read_text(encoding="utf-8"), entry)
    got = [[r.kind, [[m.claim, m.figure] for m in r.members], r.rule, r.confidence,
            list(r.evidence)] for r in infer_relations(claims)]
    assert got == entry["relations"]


@pytest.mark.parametrize(("key", "path"), CASES, ids=IDS)
def test_segmentation(key: str, path: Path) -> None:
    got = [[s.start, s.end, s.paragraph, s.index, s.headline]
           for s in segment(path.read_text(encoding="utf-8"))]
    assert got == _golden()[key]["sentences"]


@pytest.mark.parametrize(("key", "path"), CASES, ids=IDS)
def test_extract_end_to_end(key: str, path: Path) -> None:
    entry = _golden()[key]
    doc = _document(path)
    assert doc.content_hash == entry["sha256"], f"{key} changed on disk; {REGENERATE}"
    assert _mine(serialise(doc)) == _mine(entry), REGENERATE


# -- the speed-ups that skip work are exact: each equals the plain computation ---------

_PIECES = st.sampled_from([
    " ", "  ", "\n", "\u00a0", ".", ",", ":", ";", "!", "?", "-", "–", "/", "+", "#", "%",
    "\"", "“", "”", "‘", "'", "(", ")", "0", "7", "12", "2024", "1,240", "3.5", "½", "ſ", "ı",
    "a", "an", "one", "Two", "twelve", "hundred", "Thousands", "dozen", "half", "third",
    "fold", "between", "and", "to", "of", "in", "out", "for", "day", "Monday", "May",
    "Sept", "pm", "GMT", "hours", "ago", "call", "top", "min read", "comments", "page",
    "year", "bonds", "No", "st", "th", "s", "Su", "FTSE", "people", "said", "Police",
])
_TEXTS = st.lists(_PIECES, max_size=25).map("".join)


def _around_match(patterns: list[re.Pattern[str]]) -> st.SearchStrategy[str]:
    """Text holding a match of one of `patterns` (drawn from the pattern itself), so
    every gate meets the strings its pattern accepts, Unicode digits and spaces too."""
    return st.tuples(_TEXTS, st.one_of([st.from_regex(p, fullmatch=True) for p in patterns]),
                     _TEXTS).map("".join)


_READER_PATTERNS = [fig_forms.DIGIT_RE, fig_forms.BETWEEN_RE, fig_forms.DASH_RE,
                    fig_forms.RATIO_RE, fig_forms.DOZEN_RE, fig_forms.VAGUE_RE,
                    fig_forms.A_UNIT_RE, fig_more_forms.AND_A_HALF_RE,
                    fig_more_forms.VULGAR_RE, fig_more_forms.FOLD_RE]


@settings(max_examples=400, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.one_of(_TEXTS, _around_match(list(TRAP_PATTERNS))))
def test_gated_traps_equal_every_pattern(text: str) -> None:
    """`fig_gates.TRAP_GATES` only skips patterns that cannot match."""
    gated = trap_spans(text)
    for pattern in TRAP_PATTERNS:
        for m in pattern.finditer(text):
            assert m.span() in gated, (pattern, m)


_GENERATORS = (
    fig_forms._range_candidates, fig_forms._ratio_candidates,
    fig_forms._fraction_candidates, fig_forms._vague_candidates,
    fig_forms._word_candidates, fig_forms._digit_candidates,
    fig_forms._single_unit_candidates, fig_more_forms.duration_candidates,
    fig_more_forms.and_a_half_candidates, fig_more_forms.vulgar_candidates,
    fig_more_forms.fold_candidates,
)


@settings(max_examples=400, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.one_of(_TEXTS, _around_match(_READER_PATTERNS)))
def test_gated_candidates_equal_every_reader(text: str) -> None:
    """`candidates` skips a reader only when it would find nothing."""
    assert _outcome(lambda: fig_forms.candidates(text)) == _outcome(
        lambda: [c for gen in _GENERATORS for c in gen(text)])


def _outcome(run: Callable[[], object]) -> object:
    """The result, or the error: "hundredſ" (a long s) matches the vague-plural pattern
    but not its lexicon, and the gates must keep even that behaviour."""
    try:
        return run()
    except KeyError as exc:
        return ("KeyError", str(exc))


@settings(max_examples=400, deadline=None)
@given(_TEXTS, st.integers(min_value=0, max_value=200))
def test_opens_sentence_equals_the_pattern(text: str, pos: int) -> None:
    pos = min(pos, len(text))
    assert opens_sentence(text, pos) == bool(_OPENER.search(text[:pos]))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.core.test_extraction_golden")
    parser.add_argument("--regenerate", action="store_true",
                        help="rewrite tests/data/golden_extraction.json from the current code")
    parser.add_argument("--check", action="store_true",
                        help="compare everything (sources and cues too); exit 1 on a diff")
    args = parser.parse_args(argv)
    data = build()
    if args.regenerate:
        GOLDEN.write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n",
                          encoding="utf-8")
        print(f"wrote {GOLDEN} ({len(data)} articles)")
        return 0
    old = _golden()
    diffs = [k for k in sorted(set(data) | set(old)) if data.get(k) != old.get(k)]
    for k in diffs:
        print(f"differs: {k}")
    return 1 if diffs else 0


if __name__ == "__main__":
    sys.exit(main())
