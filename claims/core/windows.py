"""Bounded windows for sentences far beyond any real one.

A PDF dump with no full stop, a minified page or a table flattened into one line can
make one "sentence" of hundreds of kilobytes. Every stage after segmentation (clauses,
cues, figures, frames, relations) reads the text around each figure, which is cheap in
a real sentence and quadratic in such a one. So a sentence longer than `MAX_SENTENCE`
characters is read as consecutive windows of at most that many characters, cut after
a clause mark ("; ", ", ") where there is one, else at a space, else anywhere: every
character stays in exactly one window, so no claim or figure is dropped (a figure cut
in two at a hard cut is the only loss, and only where the text has no space at all).
The caller says which document was windowed (`notes`), since its claims then follow
the windows rather than the sentence.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from claims.core.text.segmentation import Sentence

MAX_SENTENCE = 2_000  # characters; real sentences run to a few hundred, legal ones 1-2k
_BREAKS = ("; ", ", ", " ")


def window_spans(text: str, limit: int = MAX_SENTENCE) -> list[tuple[int, int]]:
    """Consecutive (start, end) spans covering `text`, each at most `limit` long, cut
    after the last clause mark or space in the second half of each window."""
    spans: list[tuple[int, int]] = []
    pos, n = 0, len(text)
    while n - pos > limit:
        end = pos + limit
        cut = -1
        for mark in _BREAKS:
            at = text.rfind(mark, pos + limit // 2, end)
            if at >= 0:
                cut = at + len(mark)
                break
        if cut <= pos:
            cut = end
        spans.append((pos, cut))
        pos = cut
    spans.append((pos, n))
    return spans


def window_sentences(
    sentences: Sequence[Sentence], text: str, limit: int = MAX_SENTENCE
) -> tuple[tuple[Sentence, ...], tuple[str, ...]]:
    """The sentences with each one longer than `limit` replaced by its windows (same
    paragraph, running indexes renumbered), and a note per windowed sentence."""
    if all(len(s.text) <= limit for s in sentences):
        return tuple(sentences), ()
    out: list[Sentence] = []
    notes: list[str] = []
    line, counted = 1, 0  # line numbers counted forward once, however many windowed
    for s in sentences:
        if len(s.text) <= limit:
            out.append(replace(s, index=len(out)))
            continue
        spans = window_spans(s.text, limit)
        if s.start >= counted:
            line += text.count("\n", counted, s.start)
            counted = s.start
        else:  # sentences out of text order (a headline moved): count from the top
            line, counted = 1 + text.count("\n", 0, s.start), s.start
        notes.append(f"the sentence at line {line} is {len(s.text):,} characters long: "
                     f"read in {len(spans)} windows of at most {limit:,}")
        for a, b in spans:
            out.append(Sentence(s.text[a:b], s.start + a, s.start + b, s.paragraph, len(out),
                                s.headline))
    return tuple(out), tuple(notes)
