"""Sentence shapes around cues that the lexicon scan alone misreads.

Structures of general English, each measured on PolNeAR train and dev before it was kept
(`cues`, `subjects` and `assemble` call them):

- A noun-like cue form that heads the subject of a verb right after it is a noun, not
  the cue: "Transit advocates hailed the ruling" (the cue is "hailed", not "advocates"),
  "The sales report gives …" (no cue at all); "maintains a lead" keeps, says nothing.
- A figure stated "in" a named poll or survey is the poll's finding: "Holt leads by five
  points in a new Gallup poll" credits the poll as an "according to" would.
- An absolute clause "with X saying/calling …" is said by X.
- A time or place adverbial between a subject and its verb ("The council last week
  said") and a sentence adverb before the subject ("Recently she announced") are no
  part of the speaker.
- The wording of a document beside a quotation: "“…,” reads an editorial".
- An inverted speaker ends before the circumstance after it: "“…,” said Ann Roe (D-Ohio)
  in an interview" is said by Ann Roe.
- A reduced relative clause of stance with no other cue in its clause: "a super PAC
  backing Roe", "groups supporting the levy" credit the party before the participle.
"""

from __future__ import annotations

import re

from claims.core.attribution.lexicon import GERUNDS, SPEECH_FORMS, STANCE_FORMS
from claims.core.attribution.names import FINITE
from claims.core.attribution.sources import words

# Past forms of every cue verb ("hailed", "said"): a verb, whatever precedes it.
_CUE_PASTS = frozenset(SPEECH_FORMS.values()) | frozenset(STANCE_FORMS.values())
_NEXT_TWO = re.compile(r"\s+([A-Za-z][\w'’-]*)(?:\s+([\w'’-]+))?")
# Words that open an object noun phrase: after "gives", "sees" they make those verbs.
_OBJECT_DETS = words("the a an his her its their this that these those no some every each our")
_PRONOUNS = words("he she they it we i you who")
# Finite verbs that never head a noun phrase themselves, beyond the auxiliaries.
# Modals are left out: "the bill Holt hopes can pass" is an object relative.
_PLAIN_FINITE = FINITE - words("be been being can could will would may might should shall must")


def verb_follows(text: str, end: int, before: str = "") -> bool:
    """Whether the word after `end` is a finite verb, so that a noun-like cue form just
    before it heads the subject: "advocates hailed", "report gives the", "claims are"."""
    m = _NEXT_TWO.match(text, end)
    if m is None or before in _PRONOUNS:
        return False  # "which he claims has failed": a pronoun's verb
    nxt = m.group(1)
    low = nxt.lower()
    if nxt[:1].isupper():
        return False
    if low in _PLAIN_FINITE or low in _CUE_PASTS and low.endswith("ed"):
        return True
    after = (m.group(2) or "").lower()
    return low.endswith("s") and not low.endswith(("ss", "us", "is", "news")) and (
        after in _OBJECT_DETS)


def takes_object(after: str) -> bool:
    """Whether the word after a verb opens a noun phrase object ("maintains a lead", "his
    innocence"), not a clause ("maintains that …") or the end of a trailing cue."""
    return after != "that" and after in _OBJECT_DETS


# "in a new Gallup poll", "in the latest Harbor News/Vexel survey released Monday": the
# phrase names its producer with a capitalised word.
_IN_POLL = re.compile(
    r"\b[Ii]n\s+((?:the|a|an|[A-Z][\w.'’&-]*['’]s?)\s+(?:[\w./&'’-]+\s+){0,6}?"
    r"(?:poll|polls|survey|surveys|tracking poll))\b(?!\s+(?:of|on|about)\s+(?:whether|how))")


def poll_hit(text: str, mask: list[bool], lo: int, hi: int
             ) -> tuple[int, int, str, int, bool] | None:
    """A figure stated in a named poll: (cue start, cue end, phrase, phrase start,
    leading), or None when the clause names no poll with a capitalised producer."""
    if text.find("poll", lo, hi) < 0 and text.find("survey", lo, hi) < 0:
        return None
    for m in _IN_POLL.finditer(text, lo, hi):
        phrase = m.group(1)
        if mask[m.start()] or not any(w[:1].isupper() for w in phrase.split()):
            continue
        leading = not text[lo : m.start()].strip(" ,")
        return m.start(), m.start() + 2, phrase, m.start(1), leading
    return None


# "…, with Roe calling the plan a sham", "with 22 percent saying …": an absolute clause
# whose gerund of saying or stance has its own subject, right after "with".
_WITH_GERUND = re.compile(r"\b[Ww]ith\s+((?:[\w.'’%-]+\s+){0,6}?[\w.'’%-]+)\s+([a-z]+ing)\b")
# Words that end a subject noun phrase: conjunctions, relatives and every preposition
# but "of" ("one of her ads").
_NOT_IN_SUBJECT = re.compile(
    r"\b(?:and|or|but|as|while|than|that|who|which|after|before|since|in|on|at|to|for|"
    r"from|by|about|over|into|during|against|through|under|between|among|without|within)\b")


def with_gerund_hit(text: str, mask: list[bool], lo: int, hi: int,
                    participles: dict[str, str]) -> tuple[int, int, str, int, str] | None:
    """(gerund start, end, past form, subject start, subject) of "with X saying …"."""
    if text.find("ith ", lo, hi) < 0:
        return None
    for m in _WITH_GERUND.finditer(text, lo, hi):
        past = participles.get(m.group(2))
        if past is None or mask[m.start()] or _NOT_IN_SUBJECT.search(m.group(1)):
            continue
        return m.start(2), m.end(2), past, m.start(1), m.group(1)
    return None


# A sentence adverb before the subject, with no comma ("Recently she announced …").
LEAD_ADVERB = re.compile(
    r"(?:Recently|Previously|Initially|Eventually|Finally|Ultimately|Subsequently|"
    r"Additionally|Similarly|Likewise|Notably|Privately|Publicly|Repeatedly|Reportedly|"
    r"Apparently|Originally|Last\s+(?:week|month|year|night)|This\s+(?:week|month|year)|"
    r"On\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday))\s+(?=[A-Za-z])")
# A bound on a counted group the subject test does not take ("At least a dozen council
# members told …", "as many as two-thirds of the delegates"): the group after it speaks.
COUNT_BOUND = re.compile(
    r"(?i:at\s+least|as\s+many\s+as|more\s+than|fewer\s+than|nearly|almost|roughly)"
    r"\s+(?=(?:a\s+|an\s+|\d|one|two|three|four|five|six|seven|eight|nine|ten|twenty|"
    r"thirty|forty|fifty|sixty|seventy|eighty|ninety|half|dozens?|hundreds)(?![\w-]*ly\b))")

_DAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
# The last words `TRAILING_TIME` can end on: a cheap test before the search.
TIME_ENDS = words(
    "ago week month year night weekend morning afternoon evening spring summer fall autumn "
    "winter Monday Tuesday Wednesday Thursday Friday Saturday Sunday today yesterday tonight "
    "here there time however meanwhile")
# A time or place adverbial between a subject and its verb ("The council last week said",
# "The ministry less than three days ago said", "Her aides here said"): never a name's part.
TRAILING_TIME = re.compile(
    r"(?:\s+(?:(?:less|more)\s+than|about|nearly|almost|just|only|some))?\s+(?:a|an|one|two|"
    r"three|four|five|six|seven|eight|nine|ten|several|a\s+few|few|\d+)\s+(?:minutes?|hours?|"
    r"days?|weeks?|months?|years?|decades?)\s+ago$"
    r"|\s+(?:last|this|next|earlier\s+this|later\s+this|late\s+last|early\s+last|earlier|"
    r"later)\s+(?:week|month|year|night|weekend|morning|afternoon|evening|spring|summer|fall|"
    rf"autumn|winter|{_DAY})$"
    rf"|\s+on\s+{_DAY}(?:\s+(?:morning|afternoon|evening|night))?$"
    r"|\s+(?:today|yesterday|tonight|here|there|however|meanwhile)$"
    r"|\s+at\s+(?:the|that)\s+time$")


# "“…,” the sign read.", "“…,” reads a new editorial.", "The banner read: “…”": the wording
# of a document, sign or message, read only right after a quotation or before one.
_READ_AFTER_QUOTE = re.compile(
    r"[,!?](?:[”\"]|'')\s+(?:((?:it|(?:the|a|an|one|his|her|its|their)\s+[^,.;:“”\"]{1,50}?))"
    r"\s+(read|reads)\b|(read|reads)\s+((?:the|a|an|one|his|her|its|their)\s+[^,.;:“”\"]{1,60}))")
_READ_BEFORE_QUOTE = re.compile(
    r"\b((?:the|a|an|one|his|her|its|their)\s+[^,.;:“”\"]{1,50}?)\s+(read|reads):?\s+[“\"]",
    re.IGNORECASE)


def read_hit(text: str, lo: int, hi: int) -> tuple[int, int, str, int, bool] | None:
    """(cue start, end, phrase, phrase start, leading) of a document's wording."""
    if text.find(" read", lo, hi) < 0:
        return None
    m = _READ_AFTER_QUOTE.search(text, lo, hi)
    if m is not None:
        if m.group(1) is not None:
            return m.start(2), m.end(2), m.group(1), m.start(1), False
        return m.start(3), m.end(3), m.group(4).strip(), m.start(4), False
    m = _READ_BEFORE_QUOTE.search(text, lo, hi)
    if m is not None:
        return m.start(2), m.end(2), m.group(1), m.start(1), True
    return None


# A circumstance after an inverted speaker: a lower-case preposition opening a phrase of
# its own ("in an interview", "at a rally on Monday", "during the debate").
_CIRCUMSTANCE = re.compile(
    r"\s+(?:in|at|on|during|while|when|as|after|before|via|through|over|from|with)\s+"
    rf"(?:a|an|the|his|her|its|their|this|that|last|[a-z]+ing|{_DAY})\b")


def inverted_speaker(phrase: str) -> str:
    """An inverted speaker without the circumstance that follows it ("said Ann Roe in an
    interview" → "Ann Roe"); a name keeps its own prepositions ("the Board on Port
    Affairs", "a spokesman for the union")."""
    cut = _CIRCUMSTANCE.search(phrase)
    if cut is None or cut.start() == 0:
        return phrase
    last = phrase[: cut.start()].split()[-1].lower()
    if last.endswith("ed") or last in _COMPLEMENTED:
        return phrase  # "an aide briefed on the talks", "an aide familiar with it"
    return phrase[: cut.start()]


# Adjectives whose phrase describes the speaker ("familiar with the plan").
_COMPLEMENTED = words("familiar close based responsible present")


# A party or document named right before a participle of stance, with no comma: a reduced
# relative clause ("a super PAC backing Roe", "groups supporting the levy", "polls showing
# Roe ahead", "a sign saying …"). The head noun must be a party or a document that speaks.
_REDUCED_HEADS = (
    r"groups?|PACs?|committees?|organi[sz]ations?|coalitions?|unions?|campaigns?|"
    r"polls?|surveys?|signs?|placards?|banners?|ads?|advertisements?|ledgers?|records?|"
    r"documents?|reports?|data|figures|statistics|calls|letters?|petitions?|"
    r"voters|supporters|protesters|demonstrators|activists|donors|lawmakers|legislators|"
    r"senators|delegates|Democrats|Republicans|candidates|respondents|those")
REDUCED_PARTICIPLES = words("supporting backing opposing showing saying urging endorsing "
                            "demanding touting")
_REDUCED_PARTICIPLE = re.compile(rf"(?<=\w )({'|'.join(sorted(REDUCED_PARTICIPLES))})\b")
# The head before the participle, read back from it: up to two modifiers and a head noun.
_REDUCED_HEAD = re.compile(
    r"\b((?:(?:a|an|the|some|many|several|other|rival|outside|two|three|four)\s+)?"
    r"(?:[A-Za-z][\w'’-]*\s+){0,2}?(?:" + _REDUCED_HEADS + r"))\s+\Z")
_NOT_IN_HEAD = words("of in on at to for from by with and or that which who is are was were "
                     "has have had not despite up down out off over into onto about after "
                     "before during against among amid between through without within under "
                     "like than as")


def reduced_relative_hit(text: str, mask: list[bool], lo: int, hi: int
                         ) -> tuple[int, int, str, int, str] | None:
    """(participle start, end, past form, head start, head phrase) of the first reduced
    relative clause of stance in text[lo:hi] outside quotations."""
    for p in _REDUCED_PARTICIPLE.finditer(text, lo, hi):
        m = _REDUCED_HEAD.search(text, max(lo, p.start() - 60), p.start())
        if m is None or mask[m.start()] or mask[p.start()]:
            continue
        head = m.group(1)
        if any(w.lower() in _NOT_IN_HEAD for w in head.split()[:-1]):
            head_start = m.start(1) + head.rfind(" ", 0, len(head) - len(head.split()[-1])) + 1
            head = text[head_start : m.end(1)]
        else:
            head_start = m.start(1)
        return p.start(), p.end(), GERUNDS[p.group(1)], head_start, head
    return None
