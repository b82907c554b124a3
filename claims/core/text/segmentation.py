"""Split an article into paragraphs, sentences and clauses, with spans, minus boilerplate.

Articles arrive one paragraph a line. Offsets are kept into the original text at every
step (nothing is rewritten), so a claim's span always slices back to its words.
Boilerplate is dropped by general page-furniture rules, never by matching known lines.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from claims.core.attribution.sources import words
from claims.core.textkeys import any_case, folded, word_alternation

# Titles before a name never end a sentence (plural ones too: "Sens. Ann Roe and Ben Holt").
_TITLE_ABBREVS = words(
    "mr mrs ms dr gen gov sen rep st prof lt col capt sgt maj cmdr adm rev hon mt ft pres "
    "supt insp det cpl pvt messrs mme mlle sens reps govs gens drs profs"
)
# Other abbreviations end a sentence only when a typical sentence opener follows.
_OTHER_ABBREVS = words(
    "u.s u.k u.n e.u a.m p.m no nos e.g i.e etc vs approx inc ltd co corp jan feb mar apr "
    "jun jul aug sep sept oct nov dec est fig vol ca cf al dept univ"
)
_OPENERS = words(
    "the a an he she it they we i you this that these those there but and however in on "
    "at after before when while his her its their our my"
)
_QUOTES_OPEN = "\"“‘"
# Closing marks include the typewriter pair '' (and `` opening it) of some wire copy.
# `[.!?]+` written `[.!?][.!?]*`: a pattern opening on a character set is searched by
# skipping to that set in C; one opening on a repeat is tried at every position.
_SENT_END = re.compile(r"[.!?][.!?]*[\"”’')\]]*(?=\s+(?:``|''|[\"“‘(\[])?[A-Z0-9])")

_BOILER_PARAGRAPH = re.compile(
    r"""^(?:
        (?:latest|live)\ updates\b | read\ (?:more|also|next)\b | related\s*: | see\ also\b |
        more\ on\ this\b | (?:watch|listen)\s*: | follow\ us\b | share\ (?:this|on)\b |
        advertisement$ | \(?(?:additional\ )?(?:reporting|writing|editing)\ by\b |
        correction\s*: | clarification\s*: | contributing\s*: |
        (?:this|an\ earlier\ version\ of\ this)\ (?:article|story)\ (?:was|has\ been|is)?\s*
            (?:amended|updated|corrected|changed)? |
        (?:updated|published|posted|last\ modified)\b[^.]{0,40}\d |
        (?:photo|image|picture|credit|video)s?\s*: |
        ©|copyright\b|all\ rights\ reserved | contact\ (?:us|the\ author)\b |
        our\ standards\s*: | listen\ to\ this\ article\b | (?:download|get)\ the\ app\b |
        click\ here\b
    )""",
    re.IGNORECASE | re.VERBOSE,
)
# "Ann Roe contributed reporting": apart, so that it is tried only on a paragraph holding
# the word (its run of up to forty word characters is tried back from every length).
_CONTRIBUTED = re.compile(
    r"(?:the\ )?[\w&. ]{2,40}\ contributed\ (?:reporting|to\ this\ (?:report|story))",
    re.IGNORECASE | re.VERBOSE)
_NAME = r"[A-Z][\w'’.-]+(?:\s(?:van|de|von|da|del|al|bin)?\s?[A-Z][\w'’.-]+){1,3}"
_BYLINE = re.compile(
    rf"^(?:By|BY|Words by|Written by|BYLINE:|Byline:)\s{_NAME}(?:\s*(?:,|and|&)\s*{_NAME})*"
    r"(?:\s*(?:,|\||-|–|—)\s*[^.!?]{0,80})?\.?$"
)
# Prompts and consent banners, recognised by how they open (a paragraph that merely
# mentions cookies or a newsletter is kept: "Google said it would stop supporting
# third-party cookies"), and a reading-time stamp standing alone.
_PROMPT = re.compile(
    r"""^(?:
        sign\ up\b | subscribe\b | unsubscribe\b | get\ (?:our|the)\ [\w\ -]{0,30}newsletter |
        (?:this|our)\ (?:site|website)\ uses\ cookies | we\ use\ cookies |
        (?:accept|manage|reject)\ (?:all\ )?cookies | cookie\ (?:settings|preferences|policy) |
        by\ (?:continuing|using)\ (?:to\ (?:use|browse)\ )?(?:this|our)\ (?:site|website) |
        (?:read\ our|view\ our|see\ our)\ privacy\ policy | privacy\ policy$ |
        \d+\s*min(?:ute)?s?\ read$ | (?:enter\ your\ email|delivered\ to\ your\ inbox) |
        (?:share|comment|like)\ (?:and|&)\ (?:comment|share)\b |
        (?:leave|post)\ (?:a|your)\ comment\b |
        (?:please\ )?(?:share|comment)\ below\b
    )""",
    re.IGNORECASE | re.VERBOSE,
)
_DATE_WORDS = words(
    "monday tuesday wednesday thursday friday saturday sunday jan january feb february "
    "march mar april apr may jun june jul july aug august sep sept sepember september oct "
    "october nov november dec december gmt utc bst cet est edt pst am pm a.m. p.m. updated "
    "published posted at on of the ago just now hour hours hr hrs minute minutes min mins "
    "day days week weeks a an"
)
# (`sept?(?:ember)?` was the pattern's: "sepember" stays a date word.)
# A stamp is all date words, digits and marks. The words are one trie, each letter a set
# of what (?i) matches to it: an alternation of case-blind words is tried word by word at
# every token, and `re` can skip a branch that opens on a set (whether the whole line
# matches does not depend on the order alternatives are tried in).
_DATE_TRIE = re.sub("[a-z]", lambda m: any_case(m.group()), word_alternation(_DATE_WORDS))
_TIMESTAMP = re.compile(rf"^(?:{_DATE_TRIE}\b|[\d:.,/|–-]|\s)+$")
_BOILER_SENTENCE = re.compile(
    r"^(?:photo|image|picture|credit|source|video)s?\s*:|^\([A-Z][\w .&'’-]*/[^)]*\)$|"
    # words separated by exactly one space: an optional space let a long word split
    # in exponentially many ways and stalled ingest
    r"^[A-Z][\w&'’-]*(?:\s[A-Z][\w&'’-]*){0,3}\s?/\s?[A-Z][\w'’-]*(?:\s[A-Z][\w'’-]*){0,3}\s?$",
    re.IGNORECASE,
)
_DATELINE = re.compile(
    r"^[A-Z][A-Z'’.-]{2,}(?:\s[A-Z][A-Z'’.-]+)*,?(?:\s[^\n]{0,70}?)?\s(?:-|–|—|―|--)\s"
    # a place in title case is a dateline only with the agency in brackets:
    # "Washington (AFP) – ", "Kyiv, Ukraine (Reuters) - "
    r"|^[A-Z][\w.'’-]+(?:,?\s[A-Z][\w.'’-]+){0,3}\s\((?![A-Z]-)[A-Z][\w&. -]{1,20}\)"
    r"\s(?:-|–|—|--)\s"
)
_CLOSING_QUOTES = "\"”'"
# A short attribution after a question or exclamation in quotes ("…?” Holt said.",
# "…!” she told reporters.").
_SPEAKER_TAIL = re.compile(
    r"(?:(?:[A-Z][\w.'’-]*|the|a|an)\s+){1,5}(?:said|says|asked|asks|added|adds|told|tells|"
    r"wrote|writes|replied|replies|shouted|exclaimed|continued|recalled|joked|quipped|"
    r"tweeted|wondered|yelled)\b[^.!?]{0,60}[.!?]|(?:He|She|They|I|We|It)\s+(?:said|says|asked|"
    r"asks|added|told|tells|wrote|replied|shouted|exclaimed|continued|recalled|joked|quipped|"
    r"tweeted|wondered|yelled)\b[^.!?]{0,60}[.!?]")
# An all-capitals crosshead run into the paragraph it heads ("SENATE BACKS THE PLAN The
# bill passed …"): three or more words in capitals before a word in mixed case. It is
# read as a headline of its own, so its capitals name no source and it opens no sentence.
_CAPS_RUN = re.compile(r"(?:[A-Z0-9][A-Z0-9'’.,&:-]*\s+){3,}(?=[\"“‘]?[A-Z][a-z])")
_CAPS_WORD = re.compile(r"[A-Z][A-Z]{3,}")  # `[A-Z]{4,}`, opening on a set
_LIST_MARK = re.compile(r"^(?:[-*•]|\d{1,3}[.)])\s+")
_TRAILING_CREDIT = re.compile(r"\s*\((?:[A-Z][\w&'’ .-]*/[^)]*|photo[^)]*)\)\s*$", re.IGNORECASE)
_INITIAL = re.compile(r"[a-z]")
_DOTTED = re.compile(r"(?:[a-z]\.)+[a-z]")
_NEXT_WORD = re.compile(r"[\"“‘(]?([A-Za-z]+)")
_QUOTE_MARK = re.compile(r"[“”\"]|''|``")
_JOINER = re.compile(r",\s+(while|but|and|whereas|which)\s+|;\s+")


@dataclass(frozen=True)
class Sentence:
    """One sentence (or headline/list item) with its span in the article text."""

    text: str
    start: int
    end: int
    paragraph: int
    index: int
    headline: bool = False


def _lines(text: str) -> list[tuple[int, int, int]]:
    """(start, end, indent) of every line, trimmed; a blank line is (pos, pos, -1)."""
    out = []
    pos = 0
    for line in text.split("\n"):
        stripped = line.strip()
        if stripped:
            lead = len(line) - len(line.lstrip())
            out.append((pos + lead, pos + lead + len(stripped), lead))
        else:
            out.append((pos, pos, -1))
        pos += len(line) + 1
    return out


_LINE_END = re.compile(r"[.!?:;\"”’')\]]$|\.{3}$|…$")
_WIDTH_SLACK = 25  # a wrapped line is at most this much shorter than the widest


def _wrap_width(lines: list[tuple[int, int, int]]) -> int | None:
    """The width a file wraps its lines at, when it is hard-wrapped: most lines that
    run on into another are within a few characters of the widest of them."""
    inner = [e - s + max(ind, 0) for (s, e, ind), nxt in zip(lines, lines[1:], strict=False)
             if ind >= 0 and nxt[2] >= 0]
    if len(inner) < 3:
        return None
    width = max(inner)
    near = sum(1 for n in inner if n >= width - _WIDTH_SLACK)
    return width if width <= 120 and near >= 0.8 * len(inner) else None


def _continues(text: str, line: tuple[int, int, int], nxt: tuple[int, int, int],
               in_item: bool, wrapped: bool) -> bool:
    """Whether `nxt` carries on the paragraph `line` is in: the line does not end a
    sentence, and the next one starts lower-case, is a list item's indented (or
    wrapped) continuation, or the file wraps at a fixed width. A list item, a credit
    line ("Photo: …") or a line after a blank one never continues."""
    first = text[nxt[0] : nxt[1]]
    last = text[line[0] : line[1]]
    if _LIST_MARK.match(first) or _BOILER_SENTENCE.match(first) or _BOILER_SENTENCE.match(
            last) or _PROMPT.match(first) or _BYLINE.match(last) or _BYLINE.match(first):
        return False
    if _LINE_END.search(last):
        return False
    if first[:1].islower():
        return True
    if in_item and (nxt[2] > 0 or wrapped):
        return True
    return wrapped


def paragraph_spans(text: str) -> tuple[tuple[int, int], ...]:
    """Paragraphs as spans of the text: blank lines always separate them; a line break
    inside one is joined where the next line carries the sentence on (hard-wrapped
    text, a list item wrapped onto a second line). A file with one paragraph a line
    (no line carries on into the next) gives one paragraph per line."""
    lines = _lines(text)
    wrapped = _wrap_width(lines) is not None
    spans: list[tuple[int, int]] = []
    prev: tuple[int, int, int] | None = None
    in_item = False
    for line in lines:
        if line[2] < 0:
            prev = None
            continue
        if prev is not None and _continues(text, prev, line, in_item, wrapped):
            spans[-1] = (spans[-1][0], line[1])
        else:
            spans.append((line[0], line[1]))
            in_item = bool(_LIST_MARK.match(text, line[0], line[1]))
        prev = line
    return tuple(spans)


# A reporters' credit line standing alone: "Roe reported from Velmar, Ruritania; Holt,
# from Ostrava.", "Ann Roe and Ben Holt contributed reporting.", "Ann Roe contributed."
# Only names, places and the credit: "Roe reported from Velmar that …" is news.
_PLACE = r"[A-Z][\w.'’-]*(?:,?\s[A-Z][\w.'’-]*){0,4}"
_CREDIT_LINE = re.compile(
    rf"(?:[A-Z][\w'’.-]+\s){{1,3}}(?:(?:and|&)\s(?:[A-Z][\w'’.-]+\s){{1,3}})?(?:reported\s"
    rf"from\s{_PLACE}(?:;\s(?:[A-Z][\w'’.-]+\s?){{1,3}},?\s(?:reported\s)?from\s{_PLACE})*|"
    r"contributed(?:\sreporting)?)\.")


def is_boilerplate(paragraph: str) -> bool:
    """Page furniture: navigation, bylines, stamps, prompts, banners, credits, notes."""
    p = paragraph.strip()
    if not p:
        return True
    if _BOILER_PARAGRAPH.match(p) or _TIMESTAMP.match(p) or _BYLINE.match(p):
        return True
    low = folded(p)  # None when (?i) reads some letter as one `lower` does not give
    if (low is None or "contributed" in low) and _CONTRIBUTED.match(p):
        return True
    if p[-1:] == "." and (" reported from " in p or " contributed" in p) and (
            _CREDIT_LINE.fullmatch(p)):
        return True  # "Roe reported from Velmar; Holt, from Ostrava." closes a story
    # a short paragraph that turns to the reader with a prompt ("… Sign up for …")
    # (at most one split past the limit: a long paragraph's words are not all cut out)
    short = len(p.split(None, _PROMPT_WORDS)) <= _PROMPT_WORDS
    return short and (_PROMPT.match(p) is not None or any(
        _PROMPT.match(p[m.end() :]) for m in _AFTER_STOP.finditer(p)))


_PROMPT_WORDS = 40
# Where a sentence starts after a stop: opening on the stop itself (a character class,
# which `re` skips to) rather than on "^|" and a look-behind, tried at every position.
_AFTER_STOP = re.compile(r"[.!?][\"”’]?\s+")


def is_boilerplate_sentence(sentence: str, kept: str | None = None) -> bool:
    """A credit or stamp inside an otherwise kept paragraph (a caption's photo credit).

    `kept`: the paragraph, stripped, when `is_boilerplate` kept it; a sentence that is
    all of it is then no paragraph-level furniture either (the same test, same answer).
    """
    s = sentence.strip()
    # every `_BOILER_SENTENCE` form has a colon or a slash
    return bool(("/" in s or ":" in s) and _BOILER_SENTENCE.match(s)) or (
        len(s.split(None, 12)) <= 12 and s != kept and is_boilerplate(s))


def dateline_length(paragraph: str) -> int:
    """Characters of a wire dateline ("CITY, Country, Sept 13 (Agency) - ") to skip."""
    m = _DATELINE.match(paragraph)
    return m.end() if m else 0


def _ends_sentence(text: str, dot: int, nxt: int) -> bool:
    """Whether the punctuation at `dot` ends a sentence, given the next word at `nxt`."""
    if text[dot] != ".":
        return True
    word_start = dot
    while word_start > 0 and not text[word_start - 1].isspace():
        word_start -= 1
    word = text[word_start:dot].lstrip("(\"“‘'").lower()
    if word in _TITLE_ABBREVS:
        return False
    if _INITIAL.fullmatch(word):  # an initial ("J. Smith")
        return False
    if word in _OTHER_ABBREVS or _DOTTED.fullmatch(word):
        nxt_word = _NEXT_WORD.match(text, nxt)
        return nxt_word is not None and nxt_word.group(1).lower() in _OPENERS
    return True


def sentence_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentence spans inside text[start:end], stripped of surrounding whitespace."""
    spans = []
    cur = start
    chunk = text[start:end]
    for m in _SENT_END.finditer(chunk):
        dot = start + m.start()
        nxt = start + m.end()
        while nxt < end and text[nxt].isspace():
            nxt += 1
        if not _ends_sentence(text, dot, nxt):
            continue
        if text[dot] in "?!" and m.group()[-1:] in _CLOSING_QUOTES and _SPEAKER_TAIL.match(
                text, nxt, end):
            continue  # "“Why not?” Holt said.": the attribution closes the quotation's sentence
        stop = start + m.end()
        if text[cur:stop].strip():
            spans.append((cur, stop))
        cur = nxt
    if text[cur:end].strip():
        spans.append((cur, end))
    return [_strip_span(text, s, e) for s, e in spans]


def _strip_span(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return s, e


def _is_headline(text: str, para_index: int) -> bool:
    t = text.rstrip()
    return para_index == 0 and not t.endswith((".", "!", "?", "”", '"', ":")) and len(t) < 200


# Short words a title-case headline may leave in lower case ("Appeals to Our Better …").
_TITLE_FUNCTION = frozenset((
    "a", "an", "the", "and", "or", "but", "nor", "of", "in", "on", "at", "to", "for", "from",
    "by", "with", "as", "vs", "via", "into", "onto", "over", "up", "off", "per", "than",
    "about"))
_HEADLINE_WORD = re.compile(r"[A-Za-z][\w'’-]*")
# (?<![\w'’-])[a-z][\w'’-]*, opening on its set: the look-behind is taken after the letter
_LOWER_WORD = re.compile(r"[a-z](?<![\w'’-].)[\w'’-]*")


@lru_cache(maxsize=4096)
def is_title_case(text: str) -> bool:
    """A line in title case ("Senator Backs Rival's Plan After Vote"): at least four
    content words, every one capitalised. Body sentences have lower-case verbs and nouns;
    a headline written so gives no names from its capitals (`attribution.resolve`)."""
    if len(text) > 240:
        return False  # a headline is short; a long sentence is read as one
    for m in _LOWER_WORD.finditer(text):
        if m.group() not in _TITLE_FUNCTION:
            return False  # a lower-case content word: a sentence
    content = [w for w in _HEADLINE_WORD.findall(text) if w.lower() not in _TITLE_FUNCTION]
    return len(content) >= 4


def segment(text: str) -> tuple[Sentence, ...]:
    """Sentences of the kept paragraphs, each with its paragraph and running index."""
    out: list[Sentence] = []
    for p_index, (ps, pe) in enumerate(paragraph_spans(text)):
        para = text[ps:pe]
        if is_boilerplate(para):
            continue
        ps += dateline_length(para)
        mark = _LIST_MARK.match(text[ps:pe])
        if mark:
            ps += mark.end()
        credit = _TRAILING_CREDIT.search(text[ps:pe]) if text[ps:pe].rstrip().endswith(
            ")") else None
        if credit:
            pe = ps + credit.start()
        headline = _is_headline(para, p_index)
        caps = None if headline or not text[ps:ps + 2].isupper() else _CAPS_RUN.match(text, ps, pe)
        if caps is not None and _CAPS_WORD.search(caps.group()):
            s, e = _strip_span(text, ps, caps.end())
            out.append(Sentence(text[s:e], s, e, p_index, len(out), True))
            ps = caps.end()
        spans = [(ps, pe)] if headline else sentence_spans(text, ps, pe)
        kept = para.strip()
        for s, e in spans:
            if e <= s or is_boilerplate_sentence(text[s:e], kept):
                continue
            out.append(Sentence(text[s:e], s, e, p_index, len(out), headline))
    return tuple(out)


def quote_mask(text: str, open_at_start: bool = False) -> tuple[list[bool], bool]:
    """Per-character "inside a quotation" flags, and whether a quote is still open."""
    if "“" not in text and "”" not in text and '"' not in text and "''" not in text and (
            "``" not in text):
        return [open_at_start] * len(text), open_at_start  # no mark to flip the state
    # A quotation mark is itself quoted; between marks the state holds. Runs of equal
    # flags are filled at once instead of character by character.
    mask: list[bool] = []
    inside = open_at_start
    done = 0
    for m in _QUOTE_MARK.finditer(text):
        at, stop = m.span()
        mask += [inside] * (at - done)
        mask += [True] * (stop - at)
        mark = m.group()
        if mark == "“" and inside and at > 0 and not text[at - 1].isspace() and (
                stop == len(text) or text[stop].isspace()):
            mark = "”"  # "…here,“ said X": an opening mark typed where a closing one goes
        inside = True if mark in ("“", "``") else False if mark == "”" else not inside
        done = stop
    mask += [inside] * (len(text) - done)
    return mask, inside


def clause_spans(text: str, mask: list[bool]) -> list[tuple[int, int, str]]:
    """Candidate clauses split at joiners outside quotes: (start, end, joining word).

    A clause opened by "which" keeps the word (it is the clause's subject); "while",
    "but", "and" are left out of the quoted clause.
    """
    clauses: list[tuple[int, int, str]] = []
    cur, joiner = 0, ""
    for m in _JOINER.finditer(text):
        if mask[m.start()]:
            continue
        word = (m.group(1) or ";").lower()
        clauses.append((cur, m.start(), joiner))
        cur = m.start(1) if word == "which" else m.end()
        joiner = word
    clauses.append((cur, len(text), joiner))
    return clauses
