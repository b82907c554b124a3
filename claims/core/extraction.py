"""`extract`: article text → claims with spans, sources and figures.

The pipeline is segmentation (sentences, clauses, boilerplate), cue detection,
back-reference resolution against the sources met so far, and the figure parser on each
claim's own text. Bump `EXTRACTOR_VERSION` whenever the output for some text changes,
so stored articles can be re-extracted.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from claims.core.attribution import CueHit, SourceBook, find_hits
from claims.core.figures import extract_figures
from claims.core.model import Claim, Document, Extraction
from claims.core.relations import infer_relations
from claims.core.segmentation import Sentence, clause_spans, quote_mask, segment
from claims.core.sources import Entity, to_source

EXTRACTOR_VERSION = "2"
_QUOTE_OPENERS = "\"“"


@dataclass
class _Group:
    """A run of clauses that becomes one claim (mutable only inside `extract`)."""

    start: int
    end: int
    hit: CueHit | None
    source: Entity | None


def _groups(s: Sentence, mask: list[bool], book: SourceBook) -> list[_Group]:
    """Clauses merged into claims: one per distinct source, own-voice parts kept apart."""
    out: list[_Group] = []
    for cs, ce, _joiner in clause_spans(s.text, mask):
        hit = next(iter(find_hits(s.text, mask, cs, ce, s.headline)), None)
        src = book.resolve(hit, s.start + hit.phrase_start, s.text, s.headline) if hit else None
        if hit is not None and src is None and hit.phrase.lower() in ("he", "she", "it", "they"):
            hit = None
        if not out:
            out.append(_Group(cs, ce, hit, src))
            continue
        last = out[-1]
        if hit is None or last.hit is not None and last.source is src:
            last.end = ce
        elif last.hit is None and (not hit.leading or _short(s.text[last.start : last.end])):
            last.end, last.hit, last.source = ce, hit, src
        else:
            out.append(_Group(cs, ce, hit, src))
    return out


def _short(clause: str) -> bool:
    """Too short to stand as its own claim ("The city, which X said …")."""
    return len(clause.split()) < 4


def _span(s: Sentence, start: int, end: int) -> tuple[int, int]:
    text = s.text
    while start < end and text[start] in " ,;":
        start += 1
    while end > start and text[end - 1] in " ,;":
        end -= 1
    return s.start + start, s.start + end


def extract(document: Document) -> Extraction:
    """Claims in reading order; each names a source of `sources` or None (own voice)."""
    text = document.text
    sentences = segment(text)
    book = SourceBook(text)
    drafts: list[tuple[int, int, Entity | None, str | None, Sentence]] = []
    open_quote = False
    prev: tuple[int, Entity | None, str | None] | None = None  # paragraph, source, cue
    pending: list[int] = []
    ordered = [s for s in sentences if not s.headline] + [s for s in sentences if s.headline]
    for s in ordered:
        if prev is None or prev[0] != s.paragraph:
            open_quote, pending, prev = False, [], None
        started_open = open_quote
        mask, open_quote = quote_mask(s.text, started_open)
        groups = _groups(s, mask, book)
        quoted = started_open or s.text.lstrip()[:1] in _QUOTE_OPENERS
        if len(groups) == 1 and groups[0].hit is None and quoted:
            if open_quote:
                pending.append(len(drafts))
                drafts.append((*_span(s, 0, len(s.text)), None, None, s))
                prev = (s.paragraph, None, None)
                continue
            if prev is not None and prev[1] is not None:
                drafts.append((*_span(s, 0, len(s.text)), prev[1], prev[2], s))
                continue
        for g in groups:
            cue = g.hit.cue if g.hit and g.source else None
            drafts.append((*_span(s, g.start, g.end), g.source, cue, s))
        first = groups[0]
        if started_open and first.source is not None:
            for i in pending:
                drafts[i] = (*drafts[i][:2], first.source, first.hit.cue if first.hit else None,
                             drafts[i][4])
            pending = []
        last = groups[-1]
        prev = (s.paragraph, last.source, last.hit.cue if last.hit else None)
    drafts.sort(key=lambda d: d[0])
    used: list[Entity] = []
    claims: list[Claim] = []
    for start, end, src, cue, s in drafts:
        if end <= start:
            continue
        if src is not None and all(src is not u for u in used):
            used.append(src)
        figs = tuple(
            replace(f, start=f.start + start, end=f.end + start)
            for f in extract_figures(text[start:end])
        )
        claims.append(Claim(text=text[start:end], start=start, end=end,
                            source=src.name if src else None, cue=cue if src else None,
                            figures=figs, paragraph=s.paragraph, sentence=s.index))
    return Extraction(document=document, sources=tuple(to_source(e) for e in used),
                      claims=tuple(claims), relations=infer_relations(claims),
                      extractor_version=EXTRACTOR_VERSION)
