"""Signed quotations: a speaker written after a dash, with no verb of saying.

Fact-checks and pull quotes set a quotation as its own paragraph and sign it on the next
line ("“…” / — Ann Roe, at a rally in Ohio."), or after the closing mark on the same line
("“…” — Ann Roe"); an embedded social post, as pasted from its page, ends on its author,
handle and date ("… — Ann Roe (@annroe) May 4, 2016"). No cue is written, so the cue
finder sees none: these patterns read the signature, and `assemble` gives its name to the
quotation. Each is anchored at the end of one line, so the cost is one bounded match per
paragraph.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from claims.core.attribution.cues import is_name

_DASH = r"(?:--|[-–—―])"
# A name as signed: capitalised words, initials, "van"/"de" particles, a party aside.
_NAME = (r"(?P<name>[A-Z][\w.'’-]*"
         r"(?:\s+(?:[A-Z][\w.'’-]*|van|von|de|da|del|der|la|le|bin|al)){0,5}"
         r"(?:\s*\([A-Z][\w.-]{0,6}(?:-[A-Z][\w.]{0,12})?\))?)")
_HANDLE = r"(?:\s*\(@\w{1,30}\))"
_DATE = r"(?:\s+[A-Z][a-z]{2,8}\.?\s+\d{1,2},\s+\d{4})"
# What may close a pasted post: its page's closing tag and a stray full stop.
_END = r"\s*(?:</\w+>)?[\s.]*\Z"
# A line that is only a signature: "— Ann Roe.", "-Sen. Ann Roe, speaking in Ohio."
_SIGNATURE_LINE = re.compile(
    rf"\s*{_DASH}\s*{_NAME}{_HANDLE}?(?:,\s*(?P<about>[^“”\"]{{1,120}}?))?{_DATE}?{_END}")
# A signature after the quotation it signs, on its line: "“…” — Ann Roe" or a post's
# "… — Ann Roe (@annroe) May 4, 2016" (there the handle is the evidence, not a quote mark).
_QUOTE_SIGNED = re.compile(rf"(?:[”\"]|'')\s*{_DASH}\s*{_NAME}(?:,\s*[^“”\"]{{1,120}}?)?{_END}")
_POST_SIGNED = re.compile(rf"\s{_DASH}\s*{_NAME}{_HANDLE}{_DATE}?{_END}")
_DASH_CHARS = "-–—―"
# Words a dash may open a line with that sign nothing: credits and section labels.
_NOT_SIGNERS = frozenset({"photo", "photos", "video", "credit", "source", "sources", "image",
                          "file", "update", "editor", "note", "related", "read", "more"})


# Last words whose full stop is their own.
_ABBREVIATIONS = frozenset({"Jr.", "Sr.", "Inc.", "Co.", "Corp.", "Ltd.", "Bros."})


@dataclass(frozen=True)
class Signature:
    """A signer's name and where, in the line read, the signature starts."""

    name: str
    at: int  # offset of the name in the line
    dash: int  # offset of the dash: the quotation it signs ends before it


def _signer(m: re.Match[str], dash: int) -> Signature | None:
    name = m.group("name").strip()
    if name.endswith(".") and len(name.rsplit(None, 1)[-1]) > 2 and (
            name.rsplit(None, 1)[-1] not in _ABBREVIATIONS):
        name = name[:-1]  # the line's full stop, not an initial's or "Jr."'s
    if name.split()[0].lower().strip(".") in _NOT_SIGNERS or not is_name(name):
        return None
    return Signature(name, m.start("name"), dash)


def signature_line(line: str) -> Signature | None:
    """The signer when `line` is only a dash and a name (a description after a comma,
    a handle and a date allowed): the line signs the quotation before it."""
    if line.lstrip()[:1] not in _DASH_CHARS:
        return None
    m = _SIGNATURE_LINE.match(line)
    return None if m is None else _signer(m, line.index(line.lstrip()[0]))


def trailing_signature(line: str) -> Signature | None:
    """The signer of a quotation or post that ends `line` on a dash and a name."""
    if not any(c in line for c in _DASH_CHARS):
        return None
    m = _POST_SIGNED.search(line) if "(@" in line else None
    if m is None:
        m = _QUOTE_SIGNED.search(line)
        if m is None:
            return None
        dash = m.start() + 1 + (m.group(0)[1:2] == "'")
    else:
        dash = m.start() + 1
    while dash < len(line) and line[dash] not in _DASH_CHARS:
        dash += 1
    return _signer(m, dash)
