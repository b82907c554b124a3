"""Sentences → attributed claim drafts: the discourse rules around single cues.

Each clause takes the cue found in it (`find_hits`), resolved against the article's
sources as met so far (`SourceBook`). Around that, discourse carries attribution where
no cue is written: a quotation without a cue takes the speaker of the sentence that
opens or closes it, also across paragraphs ("“…” he said. / “…”"); an "according to X"
that opens a paragraph covers its following sentences, one that closes it covers the
sentences before; and a trailing "…, X reported" wraps an inner claim ("Country A
claims …, X reported, citing Y": source X, via A and Y). Every rule looks back a
bounded distance (this sentence, this paragraph), so the cost is linear in the text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from itertools import pairwise

from claims.core.attribution.cues import is_role, speaker_label
from claims.core.attribution.producers import according_object
from claims.core.attribution.resolve import CueHit, SourceBook, find_hits
from claims.core.attribution.signatures import Signature, signature_line, trailing_signature
from claims.core.attribution.sources import Entity, words
from claims.core.attribution.subjects import PARTICIPLES
from claims.core.text.segmentation import Sentence, clause_spans, quote_mask

_QUOTE_OPENERS = ("\"", "“", "''", "``")
# Cues that report a claim made by someone else: a trailing one wraps the sentence.
_REPORTING = frozenset({"said", "reported", "according to", "told", "wrote", "added",
                        "announced", "stated", "confirmed", "cited"})
_PRONOUNS = ("he", "she", "it", "they")
# A first cue whose subject is a pronoun left unresolved keeps the clause in the voice it
# gives ("I think …", "we know …"): no later cue takes it over.
_PERSONAL = words("i we you he she it they this that let's let’s one")
_SUBORDINATE = re.compile(r"\s*(?:although|though|even though|even as|while|whereas|when|"
                          r"whenever|as|because|since|if|unless|once|after|before)\b",
                          re.IGNORECASE)
# A subject right after a subordinator of time ("…, a day after the board said …").
# "with" too: an absolute clause ("…, with Roe calling the plan a sham") is its own claim.
_SUBORDINATE_SUBJECT = re.compile(r"\b(?:after|before|since|with)\s+\Z", re.IGNORECASE)
_OPENING_TIME_CLAUSE = re.compile(r"\s*(?:after|before|since|with)\b", re.IGNORECASE)
_RELATIVE_OPENING = re.compile(r"[\s,]*(?:which|who)\s")
# "…, some analysts, who pointed out …": a relative clause set off by a comma.
_SET_OFF_RELATIVE = re.compile(r"\s*,\s*(?:who|which)\b")
_CITING_TAIL = re.compile(r",?\s*(?:citing|quoting)\b[^.;]*")
# The question a speaker answered is nobody's claim: "Asked whether …, Roe said …" and
# "…, Roe said when asked whether …" keep the question in the article's voice.
_ASKED = (r"(?:(?:when|after|once|if|while|before|as)\s+(?:(?:he|she|they|it|I|we)\s+"
          r"(?:was|were|is|are)\s+|being\s+)?)?(?:(?:first|later|again|directly|"
          r"specifically|repeatedly|then)\s+)?(?:asked|pressed|questioned)\b")
_ASKED_OPENING = re.compile(r"\s*(?:(?:and|but|yet|so)\s+)?" + _ASKED, re.IGNORECASE)
# "Sunday on a talk show, when asked about X, Roe said": the question after an opening
# phrase, before the speaker.
_ASKED_AFTER_OPENING = re.compile(r",\s*" + _ASKED, re.IGNORECASE)
_ASKED_TRAILING = re.compile(r"(?:,?\s+(?=(?:when|after|once|if|while|before|as)\s)|,\s+)"
                             + _ASKED, re.IGNORECASE)
_RELATIVES = words("which who whom whose that")
_ANSWER_AFTER = re.compile(r":|\bthat\b")


@dataclass
class Draft:
    """One claim before sources are consolidated (mutable only while assembling)."""

    start: int
    end: int
    source: Entity | None
    cue: str | None
    sentence: Sentence
    via: list[Entity] = field(default_factory=list)
    leading: bool = True  # the cue's content follows it
    local: bool = False  # its source covers this claim only, never its paragraph
    question: bool = False  # the question a speaker answered ("when asked whether …")


@dataclass
class _Group:
    """A run of clauses that becomes one claim."""

    start: int
    end: int
    hit: CueHit | None
    source: Entity | None
    via: list[Entity] = field(default_factory=list)
    local: bool = False  # a producer read out of a document description
    question: bool = False  # the question its neighbour answers: no speaker goes on from it


def _main_hit(hits: list[CueHit], text: str, lo: int, hi: int
              ) -> tuple[CueHit | None, CueHit | None]:
    """(the hit a clause is credited to, an inner hit it wraps): a reporting cue that
    closes the clause after another cue is the outer attribution ("A claims …, B
    reported, citing C"); a cue in an opening subordinate clause ("Although X agreed,
    critics say …") yields to the main clause's."""
    if not hits:
        return None, None
    opener = _SUBORDINATE.match(text, lo) or _SUBORDINATE_SUBJECT.search(
        text, max(lo, hits[0].phrase_start - 12), hits[0].phrase_start)
    first_comma = text.find(",", lo, hi)
    if opener is not None and opener.start() < first_comma and len(hits) > 1 and 0 <= min(
            hits[0].phrase_start, hits[0].start) < first_comma:
        comma = text.find(",", hits[0].end, hi)
        main = [h for h in hits[1:] if comma >= 0 and min(h.phrase_start, h.start) > comma]
        if main:
            hits = main
    last, first = hits[-1], hits[0]
    if len(hits) > 1 and not last.leading and last.cue in _REPORTING and (
            first.cue != "according to" and last.start > first.end
            and first.phrase_start < last.phrase_start and last.phrase_start >= first.end
            and _set_off(text, lo, min(last.start, last.phrase_start))
            and len(_closing_tail(text, last, hi)) <= 8):
        return last, first
    return first, None


def _closing_tail(text: str, hit: CueHit, hi: int) -> list[str]:
    """The words after a closing cue, past its speaker when the speaker follows the cue;
    a description or circumstance a comma sets off after them ("…, said Ann Roe,
    director of the X Institute at Y University.", "…, Roe said on Monday at a rally, in
    a break with …") is no content the cue could precede, a clause is ("according to Y,
    Roe tried …")."""
    after = max(hit.end, hit.phrase_start + len(hit.phrase))
    comma = text.find(",", after, hi)
    if comma >= 0 and _aside(text[comma + 1 : hi]):
        hi = comma
    return _CITING_TAIL.sub("", text[after:hi]).split()


_ASIDE_OPENERS = words(
    "a an the who whom whose which in on at during after before while as when his her its "
    "their")


def _aside(rest: str) -> bool:
    """A description or circumstance after a comma, not a clause: it opens on an article,
    a relative pronoun, a preposition or a participle going on with the speaker's words,
    or is a role ("director of the X Institute")."""
    toks = rest.split()
    return bool(toks) and (toks[0].lower() in _ASIDE_OPENERS or toks[0] in PARTICIPLES
                           or is_role(rest.split(",")[0]))  # "…, Roe said, adding …"


def _set_off(text: str, lo: int, at: int) -> bool:
    """Whether a cue's clause is set off from what it reports ("…, X reported", "…,"
    said X"), not a clause inside it ("he said that X would announce …")."""
    before = text[lo:at].rstrip()
    return before.endswith((",", "”", '"', "''", "—", "–", ";", ":"))


def _resolve_via(book: SourceBook, s: Sentence, hit: CueHit, inner: CueHit | None,
                 source: Entity | None) -> list[Entity]:
    """The entities of the chain before `source`, origin first, without repeats."""
    chain: list[Entity] = []
    phrases: list[tuple[str, int]] = []
    if inner is not None:
        phrases.append((inner.phrase, inner.phrase_start))
    phrases += [(p, hit.phrase_start) for p in hit.via]
    for phrase, at in phrases:
        e = book.resolve(CueHit(hit.start, hit.end, hit.cue, phrase, at), s.start + at, s.text)
        if e is not None and e is not source and all(e is not c for c in chain):
            chain.append(e)
    return chain


def _groups(s: Sentence, mask: list[bool], book: SourceBook) -> list[_Group]:
    """Clauses merged into claims: one per distinct source, own-voice parts kept apart."""
    out: list[_Group] = []
    for cs, ce, hit, inner, alone, rest in _clause_hits(s, mask):
        if alone and hit is None and rest is _QUESTION:
            out.append(_Group(cs, ce, None, None, question=True))
            continue
        src = book.resolve(hit, s.start + hit.phrase_start, s.text, s.headline) if hit else None
        if hit is not None and src is None and inner is None and hit.cue != "according to" and (
                hit.phrase.lower() not in _PERSONAL):
            hit, src = _next_resolved(book, s, hit, rest)
        local = False
        if hit is not None and src is None and hit.cue == "according to":
            read, src = _producer(book, s, hit)  # "according to polls compiled by X": X
            hit, local = read, read is not hit
        if hit is not None and src is None and hit.phrase.lower() in _PRONOUNS:
            hit = None
        via = _resolve_via(book, s, hit, inner, src) if hit is not None and src else []
        if src is not None and src.speaks_for is not None and all(
                v is not src.speaks_for for v in via):
            via.insert(0, src.speaks_for)  # "his lawyer said": the client is the origin
        if not out or alone:
            out.append(_Group(cs, ce, hit, src, via, local))
            continue
        last = out[-1]
        if hit is None or last.hit is not None and last.source is src:
            last.end = ce
        elif last.hit is None and (not hit.leading or _short(s.text[last.start : last.end])
                                   or _across_relative(s.text, cs, hit)):
            last.end, last.hit, last.source, last.via, last.local = ce, hit, src, via, local
        else:
            out.append(_Group(cs, ce, hit, src, via, local))
    return out


def _producer(book: SourceBook, s: Sentence, hit: CueHit) -> tuple[CueHit, Entity | None]:
    """An "according to" whose object did not resolve, read again as the party the
    document names ("first results of surveys carried out for X", "a Ministry transcript")."""
    producer = according_object(hit.phrase)
    if producer == hit.phrase:
        return hit, None
    named = replace(hit, phrase=producer,
                    phrase_start=hit.phrase_start + max(0, hit.phrase.find(producer)))
    src = book.resolve(named, s.start + named.phrase_start, s.text, s.headline)
    return (hit, None) if src is None else (named, src)


def _across_relative(text: str, cs: int, hit: CueHit) -> bool:
    """A verb whose subject precedes the clause ("Roe used the phrase often, | and
    criticized …", "Roe, head of X, | which represents teachers, said …"): one claim with
    the one before; not a relative pronoun's own verb ("…, | which have ruled …")."""
    return hit.phrase_start < cs and (
        "," in text[cs : hit.start] or not _RELATIVE_OPENING.match(text, cs))


def _next_resolved(book: SourceBook, s: Sentence, hit: CueHit, rest: list[CueHit]
                   ) -> tuple[CueHit, Entity | None]:
    """A clause whose first cue names no party ("The remark worried some analysts, who
    pointed out …", "The plan, which Roe said …"): the first later cue that does."""
    for other in rest:
        if other is hit or other.start <= hit.end or not _SET_OFF_RELATIVE.match(
                s.text, other.phrase_start + len(other.phrase), other.start):
            continue
        src = book.resolve(other, s.start + other.phrase_start, s.text, s.headline)
        if src is not None:
            return other, src
    return hit, None


def _clause_hits(s: Sentence, mask: list[bool]
                 ) -> list[tuple[int, int, CueHit | None, CueHit | None, bool, list[CueHit]]]:
    """Each clause with its main and inner hit (and whether it must stand alone). A clause
    whose only cue sits in a subordinate clause of time is split there, so the main clause
    stays the article's own voice: a trailing one ("The vote came a day after the board
    said …") and an opening one ("After the board said …, the vote came")."""
    out: list[tuple[int, int, CueHit | None, CueHit | None, bool, list[CueHit]]] = []
    text = s.text
    for cs, ce, _joiner in clause_spans(text, mask):
        hits = find_hits(text, mask, cs, ce, s.headline)
        hit, inner = _main_hit(hits, text, cs, ce)
        if hit is None or hit.cue == "according to":
            out.append((cs, ce, hit, inner, False, hits))
            continue
        asked = _asked_split(text, mask, cs, ce, hits, hit) if inner is None and (
            text.find("sked", cs, ce) >= 0 or text.find("essed", cs, ce) >= 0
            or text.find("stioned", cs, ce) >= 0) else None
        if asked is not None:
            at, opening = asked
            if opening:
                answer = [h for h in hits if h.phrase_start >= at]
                hit, inner = _main_hit(answer, text, at, ce)
                assert hit is not None
                said = replace(hit, leading=not text[at : min(hit.phrase_start, hit.start)
                                                    ].strip(" ,"))
                hits = answer
                out.append((cs, at, None, None, True, _QUESTION))
                out.append((at, ce, said, inner, True, hits))
            else:
                out.append((cs, at, hit, inner, False, hits))
                out.append((at, ce, None, None, True, _QUESTION))
            continue
        sub = _SUBORDINATE_SUBJECT.search(text, max(cs, hit.phrase_start - 12), hit.phrase_start)
        first = min(min(h.start, h.phrase_start) for h in hits)
        if sub is not None and sub.start() > cs and first >= sub.start() and not _short(
                text[cs : sub.start()]):
            out.append((cs, sub.start(), None, None, False, []))
            out.append((sub.start(), ce, replace(hit, leading=True), inner, False, []))
            continue
        comma = text.find(",", hit.end, ce)
        if sub is not None and _OPENING_TIME_CLAUSE.match(text, cs) and comma > 0 and all(
                h.end <= comma for h in hits) and not _short(text[comma + 1 : ce]):
            out.append((cs, comma + 1, hit, inner, False, []))
            out.append((comma + 1, ce, None, None, True, []))
            continue
        out.append((cs, ce, hit, inner, False, hits))
    return out


_QUESTION: list[CueHit] = []  # marks a clause split off as the question answered


def _asked_split(text: str, mask: list[bool], cs: int, ce: int, hits: list[CueHit],
                 main: CueHit) -> tuple[int, bool] | None:
    """Where a clause's question part ends or starts ("Asked whether …, | Roe said",
    "“…,” Roe said | when asked whether …"), and whether it opens the clause. None when
    the clause answers no question or the answer follows the question ("Roe told the
    panel when asked …: “…”")."""
    opening = _ASKED_OPENING.match(text, cs) is not None or (
        _ASKED_AFTER_OPENING.search(text, cs, main.phrase_start) is not None
        and not any(h.phrase_start < main.phrase_start for h in hits if h is not main))
    if opening:
        for h in hits:  # the first speaker set off by a comma, not a relative pronoun's
            comma = text.rfind(",", cs, h.phrase_start)
            if comma > cs and not mask[comma] and not text[comma + 1 : h.phrase_start].strip(
                    ) and h.phrase.split()[0].lower() not in _RELATIVES:
                return comma + 1, True
        return None
    after = max(main.end, main.phrase_start + len(main.phrase))
    if main.leading and not text[:cs].rstrip().endswith(
            _QUOTE_CLOSERS):  # "Roe said the video shows X leaving when asked to": content
        return None
    m = _ASKED_TRAILING.search(text, after, ce)
    if m is None or any(mask[m.start() : ce]) or _ANSWER_AFTER.search(text, m.end(), ce):
        return None  # the answer follows the question: "… when asked: “…”", "…, that …"
    if any(after < h.end <= m.start() for h in hits) or len(
            text[after : m.start()].split()) > 12:
        return None  # "Roe said the videos show X leaving when asked to": reported content
    return m.start(), False


def _short(clause: str) -> bool:
    """Too short to stand as its own claim ("The city, which X said …")."""
    return len(clause.split()) < 4


def _span(s: Sentence, start: int, end: int) -> tuple[int, int]:
    text = s.text
    while start < end and (text[start] in ",;" or text[start].isspace()):
        start += 1  # a line break inside a joined paragraph trims like a space
    while end > start and (text[end - 1] in ",;" or text[end - 1].isspace()):
        end -= 1
    return s.start + start, s.start + end


def _opens_quote(s: Sentence) -> bool:
    return s.text.lstrip().startswith(_QUOTE_OPENERS)


def attribute(text: str, sentences: tuple[Sentence, ...]) -> tuple[list[Draft], SourceBook]:
    """Claim drafts in reading order, each with its source (None: the article's voice)."""
    book = SourceBook(text)
    drafts: list[Draft] = []
    open_quote = False
    prev: tuple[int, Entity | None, str | None] | None = None  # paragraph, source, cue
    pending: list[int] = []
    orphan: int | None = None  # a closed quotation no speaker took, right before `s`
    closed: list[int] = []  # the sentences of a quotation closed on a full stop before `s`
    ordered = [s for s in sentences if not s.headline] + [s for s in sentences if s.headline]
    label: tuple[int, CueHit, Entity, int] | None = None  # paragraph, cue, source, at
    for s in ordered:
        if (prev is None or prev[0] != s.paragraph) and not s.headline:
            label = _labelled(s, book)
        if prev is None or prev[0] != s.paragraph:
            continuing = open_quote and prev is not None and _opens_quote(s) and (
                s.paragraph == prev[0] + 1)  # a quotation running on into this paragraph
            if not continuing or prev is None:
                _settle(drafts, pending, prev)
                open_quote, pending, prev = False, [], None
            else:
                prev = (s.paragraph, prev[1], prev[2])
                open_quote = False  # the paragraph's own opening mark reopens it
        started_open = open_quote
        mask, open_quote = quote_mask(s.text, started_open)
        groups = _groups(s, mask, book)
        if label is not None and _label_speaks(groups, label, s):  # a transcript's turn
            groups = [_Group(groups[0].start, groups[-1].end, label[1], label[2])]
        quoted = started_open or _opens_quote(s)
        if orphan is not None and _speaks_before(s, groups, drafts[orphan]):
            drafts[orphan].source, drafts[orphan].cue = groups[0].source, groups[0].hit.cue \
                if groups[0].hit else None
        elif closed and _speaks_before(s, groups, drafts[closed[-1]]) and _bare_tag(s, groups):
            for i in closed:  # "“… end.” | Roe said.": the tag the segmentation cut off
                drafts[i].source, drafts[i].cue = groups[0].source, groups[0].hit.cue \
                    if groups[0].hit else None
        orphan, closed = None, []
        if len(groups) == 1 and groups[0].hit is None and quoted:
            pending.append(len(drafts))
            drafts.append(Draft(*_span(s, 0, len(s.text)), None, None, s))
            if not open_quote:  # the quotation ends here without a cue: its last speaker
                _settle(drafts, pending, prev)
                if drafts[-1].source is None and _CUT_QUESTION.search(s.text):
                    orphan = len(drafts) - 1  # "“… who knows?” | Roe told a radio station"
                elif _CUT_STOP.search(s.text):
                    closed = pending  # "“… end.” | Roe said.": a bare tag may follow
                pending = []
            prev = (s.paragraph, *(prev[1:] if prev is not None else (None, None)))
            continue
        for g in groups:
            cue = g.hit.cue if g.hit and g.source else None
            drafts.append(Draft(*_span(s, g.start, g.end), g.source, cue, s, g.via,
                                g.hit.leading if g.hit else True, g.local, g.question))
        first = groups[0]
        if started_open and first.source is not None:
            for i in pending:
                drafts[i].source, drafts[i].cue = first.source, first.hit.cue if first.hit else None
        elif pending:
            _settle(drafts, pending, prev)
        pending = []
        last = groups[-2] if groups[-1].question and len(groups) > 1 else groups[-1]
        prev = (s.paragraph, last.source, last.hit.cue if last.hit else None)
    _settle(drafts, pending, prev)
    drafts = [d for d in sorted(drafts, key=lambda d: d.start) if d.end > d.start]
    _according_to_paragraphs(drafts)
    drafts = _signed(drafts, text, book)
    _quoted_paragraphs(drafts)
    return drafts, book


def _labelled(s: Sentence, book: SourceBook) -> tuple[int, CueHit, Entity, int] | None:
    """A paragraph a transcript gives to one speaker ("HOLT: Well, look, …"): the
    speaker's label names the source of every sentence in it that names no other party
    (one that does, "The Ledger reported …", keeps its own: measured on PolNeAR train, a
    label over every sentence lost more speech cues than it won). A label in capitals
    takes the article's own spelling of the name when it has one ("HOLT" → "Holt")."""
    hit = speaker_label(s.text)
    if hit is None:
        return None
    name = hit.phrase
    if name.isupper() and name.title() in book.text:
        hit = replace(hit, phrase=name.title())
    src = book.resolve(hit, s.start, s.text)
    return None if src is None else (s.paragraph, hit, src, s.start)


def _label_speaks(groups: list[_Group], label: tuple[int, CueHit, Entity, int],
                  s: Sentence) -> bool:
    """Whether a transcript turn's label speaks every clause of `s`: each has no source
    of its own, or is credited to the label itself (in the turn's first sentence)."""
    para, hit, _, at = label
    return para == s.paragraph and all(
        g.source is None or s.start == at and g.hit is not None and (
            g.hit.start, g.hit.phrase_start) == (hit.start, hit.phrase_start)
        for g in groups)


def _speaks_before(s: Sentence, groups: list[_Group], quote: Draft) -> bool:
    """Whether `s` opens on a speaker and a quoting cue that finish the quotation before
    it, which the segmentation cut off at its question or exclamation mark ("“…, who
    knows?” | Roe told a radio station on Monday")."""
    first = groups[0]
    return quote.sentence.paragraph == s.paragraph and first.source is not None and (
        first.hit is not None and first.hit.cue in _QUOTING
        and not s.text[: first.hit.phrase_start].strip()
        and not s.text[first.hit.phrase_start + len(first.hit.phrase) : first.hit.start].strip(
            " ,"))


def _settle(drafts: list[Draft], pending: list[int],
            prev: tuple[int, Entity | None, str | None] | None) -> None:
    """Quoted sentences no cue closed take the speaker last quoted before them."""
    if prev is None or prev[1] is None:
        return
    for i in pending:
        if drafts[i].source is None:
            drafts[i].source, drafts[i].cue = prev[1], prev[2]


def _according_to_paragraphs(drafts: list[Draft]) -> None:
    """An "according to X" that opens a paragraph covers the paragraph's following
    sentences without a cue of their own; one that closes it (the paragraph's last
    sentence, its content before the cue) covers the sentences before it. A producer
    read out of a long document description ("according to a complaint filed by X")
    covers its own sentence only: the weaker reading is not stretched over sentences
    that may be the article's own."""
    i = 0
    while i < len(drafts):
        j = i
        while j < len(drafts) and drafts[j].sentence.paragraph == drafts[i].sentence.paragraph:
            j += 1
        para = drafts[i:j]
        first, last = para[0], para[-1]
        if len(para) > 1 and not first.sentence.headline:
            if first.cue == "according to" and first.leading and first.source is not None and (
                    not first.local):
                _cover(para[1:], first)
            elif last.cue == "according to" and not last.leading and last.source is not None \
                    and not last.local:
                _cover(para[:-1], last)
        i = j


def _cover(drafts: list[Draft], by: Draft) -> None:
    """Give `by`'s source to the drafts, as long as none has a source of its own."""
    if any(d.source is not None for d in drafts):
        return
    for d in drafts:
        d.source, d.cue, d.via = by.source, by.cue, list(by.via)


# Cues that quote a speaker's words: a quotation paragraph after one of them goes on.
_QUOTING = frozenset({"said", "told", "added", "stated", "wrote", "continued", "explained",
                      "argued", "insisted", "noted", "replied", "responded", "asked"})
_QUOTE_CLOSERS = ("\"", "”", "''")
# A quotation that ends on its own question or exclamation mark: the sentence may go on.
_CUT_QUESTION = re.compile(r"[?!](?:[”\"]|'')\s*\Z")
# A quotation closed on a full stop, which the segmentation parts from a tag after it.
_CUT_STOP = re.compile(r"\.(?:[”\"]|'')\s*\Z")
# What may follow a bare tag's cue: the listener of "told" ("reporters", "CNN"), then a
# circumstance opened by a preposition or time word ("on Monday", "in an interview").
_TAG_TAIL = re.compile(
    r"(?:\s+(?:reporters|(?:The\s+)?[A-Z][\w.&'’-]*(?:\s+[A-Z][\w.&'’-]*){0,2}))?"
    r"(?:,?\s+(?:in|on|at|during|after|before|from|via|by|over|later|earlier|then|again|"
    r"afterward|afterwards|recently|last|this|yesterday|today|tonight)\b[^.;:“”\"]{0,40})?"
    r"[.!]?\s*\Z")


def _bare_tag(s: Sentence, groups: list[_Group]) -> bool:
    """Whether `s` is only a speaker tag ("Roe said.", "Roe told reporters on Monday."):
    its cue ends the sentence but for a short circumstance, no content of its own."""
    hit = groups[0].hit
    return len(groups) == 1 and hit is not None and hit.cue in _QUOTING and bool(
        _TAG_TAIL.match(s.text, hit.end))


def _quoted_paragraphs(drafts: list[Draft]) -> None:
    """A paragraph that is one quotation with no speaker of its own, right after a
    paragraph whose last sentence quotes a speaker ("“…,” Roe told reporters. / “…”"),
    goes on quoting that speaker, as a multi-paragraph quotation does."""
    for before, para in pairwise(_paragraphs(drafts)):
        last = before[-2] if before[-1].question and len(before) > 1 else before[-1]
        if para[0].sentence.paragraph != last.sentence.paragraph + 1 or last.source is None or (
                last.cue not in _QUOTING) or not any(q in last.sentence.text
                                                    for q in _QUOTE_OPENERS):
            continue
        if any(d.source is not None for d in para) or not _opens_quote(para[0].sentence) or (
                not para[-1].sentence.text.rstrip(" .").endswith(_QUOTE_CLOSERS)):
            continue
        for d in para:
            d.source, d.cue, d.via = last.source, last.cue, list(last.via)


def _paragraphs(drafts: list[Draft]) -> list[list[Draft]]:
    """The drafts of the body (no headline) grouped by paragraph, in reading order."""
    paragraphs: list[list[Draft]] = []
    for d in drafts:
        if d.sentence.headline:
            continue
        if paragraphs and paragraphs[-1][0].sentence.paragraph == d.sentence.paragraph:
            paragraphs[-1].append(d)
        else:
            paragraphs.append([d])
    return paragraphs


def _signed(drafts: list[Draft], text: str, book: SourceBook) -> list[Draft]:
    """Quotations signed after a dash (`signatures`). A line that is only a signature
    gives its signer to the quotation paragraph right before it, when no cue gave that
    one a speaker, and is dropped: it is no claim. A signature closing a quotation's or a
    post's own line gives its signer to that paragraph and is cut off the claim."""
    if not any(c in text for c in "-–—―"):
        return drafts
    dropped: set[int] = set()
    before: list[Draft] | None = None
    for para in _paragraphs(drafts):
        last = para[-1]
        if last.source is None and all(d.source is None for d in para):
            line = text[text.rfind("\n", 0, last.start) + 1 : last.end]
            sig = signature_line(line) if len(para) == 1 else None
            if sig is not None:
                if before is not None and _quotation(before, para[0]):
                    at = last.end - len(line)
                    if _sign(before, sig, at, line, book):
                        dropped.add(id(last))
            else:
                piece = text[last.start : last.end]
                quoted = _opens_quote(para[0].sentence)
                sig = trailing_signature(piece) if quoted or "(@" in piece else None
                if sig is not None and (quoted or "(@" in piece[sig.dash :]) and _sign(
                        para, sig, last.start, piece, book):
                    last.end = last.start + len(piece[: sig.dash].rstrip())
                    if last.end <= last.start:
                        dropped.add(id(last))
        before = para
    return [d for d in drafts if id(d) not in dropped] if dropped else drafts


def _quotation(para: list[Draft], after: Draft) -> bool:
    """Whether `para` is a quotation without a speaker, the paragraph right before
    `after`'s."""
    return para[-1].sentence.paragraph + 1 == after.sentence.paragraph and all(
        d.source is None for d in para) and _opens_quote(para[0].sentence) and (
        para[-1].sentence.text.rstrip(" .").endswith(_QUOTE_CLOSERS))


def _sign(para: list[Draft], sig: Signature, at: int, line: str, book: SourceBook) -> bool:
    """Give the signer to every draft of `para`; False when the name is no party."""
    hit = CueHit(sig.dash, sig.dash + 1, "—", sig.name, sig.at, None, False)
    src = book.resolve(hit, at + sig.at, line)
    if src is None:
        return False
    for d in para:
        d.source, d.cue = src, "—"
    return True
