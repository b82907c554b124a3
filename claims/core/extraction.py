"""`extract`: article text → claims with spans, sources and figures.

The pipeline is segmentation (paragraphs, sentences, clauses, boilerplate), attribution
(cues, back-references and discourse, `claims.core.attribution.assemble`), one source
per party (`claims.core.attribution.consolidate`), and the figure parser on each claim's
own text. Bump `EXTRACTOR_VERSION` whenever the output for some text changes, so stored
articles can be re-extracted.
"""

from __future__ import annotations

from dataclasses import fields

from claims.core.attribution.assemble import attribute
from claims.core.attribution.consolidate import consolidate
from claims.core.attribution.fullnames import complete_surnames
from claims.core.attribution.sources import Entity, to_source
from claims.core.figures.extract import extract_figures
from claims.core.model import Claim, Document, Extraction, Figure
from claims.core.reconcile.frames import frame_claims
from claims.core.reconcile.relations import infer_relations
from claims.core.text.segmentation import segment
from claims.core.windows import window_sentences

# 5: figure change; 6: frames, relation confidence; 7: attribution, via;
# 8: sentences over 2,000 characters read in windows (`core.windows`);
# 9: attribution, second round (stances, cues, references); 10: attribution, third round
# (cue shapes, subject salience, registry names); 11: "-ies" plurals of party nouns;
# 16: attribution, eighth round (stance verbs, bare documents, pronoun antecedents,
# registry joins, document kinds); 17: attribution, ninth and tenth rounds (answered
# questions, reduced relatives of stance, "it" subjects, fuzzy joins, types); 18: the
# eleventh round (owned stance nouns, participles of saying, fronted phrases, a firm's
# generic noun, journals, registry names and types); 19: the twelfth round (signed
# quotations, participle subjects after an opening, singular person nouns for he/she,
# registry names and types)
EXTRACTOR_VERSION = "19"

# `figures.extract._figure` and `reconcile.frames._framed` build a figure field by field
# (`dataclasses.replace` costs twice as much per figure); a new field must be added there.
assert tuple(f.name for f in fields(Figure)) == (
    "text", "start", "end", "value", "low", "high", "qualifier", "unit", "metric", "change",
    "frame"), "Figure gained a field: update figures.extract._figure and frames._framed"


def extract(document: Document) -> Extraction:
    """Claims in reading order; each names a source of `sources` or None (own voice)."""
    text = document.text
    sentences, notes = window_sentences(segment(text), text)
    drafts, _ = attribute(text, sentences)
    found: list[Entity] = []
    seen: set[int] = set()  # ids of the entities listed (all alive while `extract` runs)
    for d in drafts:
        for e in (d.source, *d.via) if d.source is not None else ():
            if id(e) not in seen:
                seen.add(id(e))
                found.append(e)
    into = consolidate(found, text)
    joined = complete_surnames({id(e): e for e in into.values()}.values(), text)
    if joined:  # a role or a given name alone that is a person named in full
        into = {k: joined.get(id(v), v) for k, v in into.items()}
    used: list[Entity] = []
    seen.clear()
    claims: list[Claim] = []
    for d in drafts:
        start, end, s = d.start, d.end, d.sentence
        src = into[id(d.source)] if d.source is not None else None
        via: list[Entity] = []
        for e in (into[id(v)] for v in d.via) if src is not None else ():
            if e is not src and all(e is not v for v in via):
                via.append(e)
        for e in (src, *via) if src is not None else ():
            if id(e) not in seen:
                seen.add(id(e))
                used.append(e)
        piece = text[start:end]  # one string: the figures' memoised fold is the frames'
        figs = extract_figures(piece, start)  # placed in the article
        claims.append(Claim(text=piece, start=start, end=end,
                            source=src.name if src else None, cue=d.cue if src else None,
                            figures=figs, paragraph=s.paragraph, sentence=s.index,
                            via=tuple(e.name for e in via)))
    framed = frame_claims(claims, document.published)
    return Extraction(document=document, sources=tuple(to_source(e, text) for e in used),
                      claims=framed, relations=infer_relations(framed, document.published),
                      extractor_version=EXTRACTOR_VERSION, notes=notes)
