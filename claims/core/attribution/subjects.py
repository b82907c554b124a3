"""Grammar helpers for cues: clause subjects, participles, and cue words used as nouns.

`claims.core.attribution.cues` finds a cue word by lexicon; these helpers decide what surrounds it
without a parser. A participle ("…, ruling that …") credits the noun phrase that opens
its clause; a cue word that is also a noun ("forecast", "estimates") is no cue after a
determiner and adjectives ("kept its full-year forecast"); "X is quoted as saying" and
a document subject ("the data showed") are statements despite their unusual shape.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from claims.core.attribution.lexicon import GERUNDS, SPEECH_FORMS
from claims.core.attribution.names import FINITE
from claims.core.attribution.persons import FEMININE, MASCULINE, PERSON_NOUNS
from claims.core.attribution.sources import DESCRIPTORS, ORG_WORDS, words

SPEECH_PAST = frozenset(SPEECH_FORMS.values())

# Participles of saying and the base cue each stands for.
PARTICIPLES: dict[str, str] = {
    "telling": "told", "saying": "said", "adding": "added", "writing": "wrote",
    "warning": "warned", "arguing": "argued", "ruling": "ruled", "noting": "noted",
    "claiming": "claimed", "insisting": "insisted", "stating": "stated",
    "explaining": "explained", "announcing": "announced", "conceding": "conceded",
    "acknowledging": "acknowledged", "estimating": "estimated", "predicting": "predicted",
    "stressing": "stressed", "cautioning": "cautioned", "alleging": "alleged",
    "declaring": "declared", "finding": "found", "concluding": "concluded",
    "confirming": "confirmed", "denying": "denied",
}
_STANCE_PARTICIPLES = words(
    "calling accusing hoping seeking urging vowing promising pledging warning questioning "
    "dismissing defending criticizing criticising praising attacking rejecting refusing "
    "declining blaming endorsing supporting backing opposing suggesting demanding touting "
    "highlighting mocking slamming blasting expressing lamenting"
)
# Speech gerunds and the stance acts a participle clause reports ("…, calling it a sham").
PARTICIPLES.update({g: past for g, past in GERUNDS.items() if g.endswith("ing") and (
    past in SPEECH_PAST or g in _STANCE_PARTICIPLES) and g not in ("citing", "quoting")})
_LONGEST_FIRST = "|".join(sorted(PARTICIPLES, key=len, reverse=True))
# "…, saying …", "… by saying …", "… after saying …": said by the main clause's subject.
# After "by"/"after" only gerunds of speech: "by buying a stake" is a means, no saying.
_SAYING_GERUNDS = "|".join(sorted((g for g, past in PARTICIPLES.items() if past in SPEECH_PAST),
                                  key=len, reverse=True))
_PARTICIPLE = re.compile(rf",[”\"']*\s+(?:also\s+|while\s+|then\s+|later\s+|"
                         rf"(?:eventual|final|immediate|repeated|previous|initial)ly\s+)?"
                         rf"({_LONGEST_FIRST})\b|"
                         rf"\s(?:by|after|and)\s+({_SAYING_GERUNDS})\b")
# "… on the spot – saying …": a participle after a spaced dash, read when a dash is there.
_DASH_PARTICIPLE = re.compile(rf"\s[–—-]\s+({_LONGEST_FIRST})\b")
# Lower-case nouns that can head a subject noun phrase ("The port council", "the firm").
_SUBJECT_NOUNS = ORG_WORDS | DESCRIPTORS | words(
    "court judge judges jury tribunal panel regulator watchdog ministry minister mayor "
    "governor president government cabinet police prosecutors prosecutor lawyers "
    "officials official analysts experts economists scientists researchers authorities "
    "council board commission committee agency company firm bank group union party "
    "operator airline insurer lender retailer manufacturer maker carrier pollster "
    "campaign spokesman spokeswoman spokesperson report study survey data poll review "
    "statement administration army military navy authority club team employers "
    "federation organisers organizers residents workers unions senator senators lawmaker "
    "lawmakers voter voters delegate delegates supporter supporters critic critics aide aides "
    "adviser advisers advisor advisors member members leader leaders candidate candidates "
    "activist activists protester protesters donor donors"
) | FEMININE | MASCULINE
# Quantifiers that open a subject like a determiner ("some senators", "many voters").
_QUANTIFIERS = words("some many several most both all few two three four five")
_QUANTIFIER_START = re.compile(
    r"\s*(?i:some|many|several|most|both|all|few|two|three|four|five)\b")
_DETS = words("the a an its their his her our this that")
_PRONOUN_SUBJECT = re.compile(r"\s*(He|She|They|It|We)\b")
_TOKEN = re.compile(r"\([A-Z][A-Za-z]{1,8}\)|[\w'’.&-]+")
_CONNECT = words("of for and the de van von")
# Words that never open a verb phrase, and the opening words they show to be a participle
# or place adverb, no subject ("Walking to …", "Here in Dayton, …", "There, the …").
_NO_VERB = words("to at in on of for from with by into through across along around the a an")
_OPENING_WORD = re.compile(r"[A-Z][a-z]+ing|There|Here")
_NOT_SUBJECT = words(
    "in on at after before when while last next this that but and however earlier later "
    "meanwhile also yesterday today then still so separately overall instead for as once "
    "since despite with without although though because if unless until amid during "
    "shortly soon monday tuesday wednesday thursday friday saturday sunday"
)


def lead_subject(text: str, lo: int, hi: int) -> tuple[int, str] | None:
    """The noun phrase opening text[lo:hi] when a lower-case word (its verb) follows; a
    quantifier opens it like a determiner ("Some senators said"), else stands alone."""
    found = _lead_subject(text, lo, hi, True)
    if found is not None or not _QUANTIFIER_START.match(text, lo, hi):
        return found
    return _lead_subject(text, lo, hi, False)


def _lead_subject(text: str, lo: int, hi: int, quantified: bool) -> tuple[int, str] | None:
    """The noun phrase opening text[lo:hi] when a lower-case word (its verb) follows.

    "The Supreme Administrative Court (SAC) on Tuesday struck down …" gives "The Supreme
    Administrative Court (SAC)"; "The port council rejected …" gives "The port council".
    """
    pron = _PRONOUN_SUBJECT.match(text, lo, hi)
    if pron:
        return pron.start(1), pron.group(1)
    toks = list(_TOKEN.finditer(text, lo, hi))
    if not toks:
        return None
    first = toks[0].group().lower()
    i = 1 if first in _DETS or quantified and first in _QUANTIFIERS else 0
    start = toks[0].start()
    end = -1
    j = i
    while j < len(toks):  # a capitalised name, with inner "of"/"for"/"and"
        w = toks[j].group()
        if w[:1].isupper() or w.startswith("(") or (
                w.lower() in _CONNECT and j + 1 < len(toks) and toks[j + 1].group()[:1].isupper()
                and end >= 0):
            end = toks[j].end()
            j += 1
            continue
        break
    if end >= 0 and j + 2 < len(toks) and toks[j].group() in PERSON_NOUNS and all(
            toks[k].group()[:1].isupper() for k in (j + 1, j + 2)):
        j += 1  # "Velmar Party leader Ann Roe said …, and accused …": the leader, not the party
        while j < len(toks) and toks[j].group()[:1].isupper() and (
                text[toks[j - 1].end() : toks[j].start()].isspace()):  # no comma between
            end, j = toks[j].end(), j + 1
    if end < 0 and i == 1:  # "the port council": up to four lower-case words, noun last
        end, j = _common_head(toks, i, end, j)
    elif end >= 0 and text[end - 2 : end] in ("'s", "’s"):
        end, j = _common_head(toks, j, end, j)  # "Ann Roe's campaign shrugged off …"
    elif end >= 0 and i == 1 and j + 1 < len(toks) and toks[j].group() in _SUBJECT_NOUNS:
        end, j = toks[j].end(), j + 1  # "The Ohio senator sought": the noun the place qualifies
    if end < 0 or j >= len(toks) or not toks[j].group()[:1].islower() or (
            toks[j].group() in _NO_VERB and j == 1 and _OPENING_WORD.fullmatch(toks[0].group())):
        return None  # "Walking to her car, Roe …", "There, the chair …": no subject
    text_np = text[start:end]
    if text_np.split()[0].lower() in _NOT_SUBJECT:
        return None
    return start, text_np


def _common_head(toks: list[re.Match[str]], i: int, end: int, j: int) -> tuple[int, int]:
    """(end, next token) of up to four lower-case words from token `i` whose last is a
    subject noun ("port council"), else `end` and `j` unchanged: after a determiner or a
    possessive name the phrase runs to its head noun, not to the first lower-case word."""
    for k in range(min(len(toks), i + 4) - 1, i - 1, -1):
        seg = [t.group().lower() for t in toks[i : k + 1]]
        if seg and all(s.islower() or s.isdigit() for s in seg) and (
                seg[-1] in _SUBJECT_NOUNS or seg[-1].rstrip("s") in _SUBJECT_NOUNS) and (
                "," not in toks[i].string[toks[i].start() : toks[k].end()]):  # one phrase
            return toks[k].end(), k + 1
    return end, j


# An opening circumstance before the subject: "On Thursday, ", "In a statement, ".
_INTRO = re.compile(r"\s*(?:On|In|At|After|Before|During|Last|Earlier|Later|Yesterday|Today|"
                    r"For (?:months|years|weeks|days|decades)|"
                    r"Meanwhile|However|Still|Now|Then|Also|But|And|Yet|Instead|Separately|"
                    r"Asked|When|While|Since|Speaking|Responding)\b[^,;“”\"]{0,60},\s+")
# A coordinator or adverb opening the clause without a comma ("And then Roe …").
_LEAD_CONJ = re.compile(r"\s*(?:And|But|So|Yet|Then|Now|Still|Instead|Later|Earlier)"
                        r"(?:\s+(?:then|now|later|also|still|again))?\s+(?=[A-Z]|(?:he|she|they)\b)")
# A subject pronoun after an opening circumstance or coordinator ("Later, she …", "And
# he …"): lower-case there, so the capitalised opening a subject reads misses it.
_LOWER_PRONOUN = re.compile(r"\s*(he|she|they)\s+(?=[a-z])")


def _lower_pronoun(text: str, lo: int, hi: int) -> tuple[int, str] | None:
    """The lower-case subject pronoun opening text[lo:hi], if a lower-case word follows."""
    m = _LOWER_PRONOUN.match(text, lo, hi)
    return None if m is None else (m.start(1), m.group(1))


# "One month after …": a span of time opening the clause, before its subject.
_SPAN_BEFORE = re.compile(r"\s*(?:[\w-]+\s+){0,2}(?:minutes?|hours?|days?|weeks?|months?|"
                          r"years?)\s+(?:after|before)\s*$", re.IGNORECASE)
INTRO = _INTRO  # also read by `cues` before an apposition ("In a statement, one of …")
_NOT_SAYING = re.compile(r"\s+(?:to|out|up|on)\b")
# Stance participles whose content opens on "to" ("…, hoping to win", "vowing to stay"):
# there "to" is the aim held, not the "adding to" or "ruling out" of a phrasal verb.
_AIMING = words("hoping vowing pledging promising seeking")


def participle_hit(text: str, lo: int, hi: int, mask: list[bool],
                   subject_at: Callable[[int], tuple[int, str] | None] | None = None
                   ) -> tuple[int, int, str, int, str] | None:
    """"The court struck down the permit, ruling that …": (start, end, base, p_start, phrase).

    `subject_at` reads the subject before a verb at a position: with it, a clause whose
    opening noun phrase the plain reading misses ("The former pilot has offered no
    timetable, saying …") takes the subject of its first finite verb."""
    part = _PARTICIPLE.search(text, lo, hi)
    if part is None and (text.find("–", lo, hi) >= 0 or text.find("—", lo, hi) >= 0
                         or text.find(" - ", lo, hi) >= 0):
        part = _DASH_PARTICIPLE.search(text, lo, hi)
    g = 1 if part is None or part.group(1) else 2
    if part is None or mask[part.start(g)] or _NOT_SAYING.match(text, part.end(g)) and not (
            part.group(g) in _AIMING and text.startswith(" to ", part.end(g))) or (
            g == 2 and _SPAN_BEFORE.match(text, lo, part.start(g))):
        return None  # "adding to pressure", "ruling out a cut", "One month after saying"
    subj = lead_subject(text, lo, part.start())
    intro = _INTRO.match(text, lo, part.start()) if subj is None else None
    if intro is not None:  # "On Friday, she wavered …, telling reporters …"
        subj = lead_subject(text, intro.end(), part.start()) or _lower_pronoun(
            text, intro.end(), part.start())
    if subj is None and (conj := _LEAD_CONJ.match(text, lo, part.start())) is not None:
        subj = lead_subject(text, conj.end(), part.start()) or _lower_pronoun(
            text, conj.end(), part.start())  # "And then Roe hit back, saying", "And he …"
    if subj is None and (comma := text.find(", ", lo, part.start())) > lo and (
            comma < part.start() - 2) and text[comma + 2].isalpha() and not mask[comma]:
        # "For weeks, Roe has …, arguing": the subject after the opening's comma
        subj = lead_subject(text, comma + 2, part.start()) or _lower_pronoun(
            text, comma + 2, part.start())
    if subj is None and subject_at is not None and g == 1 and part.group(g) in _SAYING_PROPER:
        verb = main_verb(text, lo, part.start())
        subj = subject_at(verb) if verb is not None else None
    if subj is None:
        return None
    return part.start(g), part.end(g), PARTICIPLES[part.group(g)], subj[0], subj[1]


# Participles that report words, not a stance: the ones a looser subject may take.
_SAYING_PROPER = words("saying telling adding writing noting arguing insisting claiming "
                       "stating explaining announcing declaring warning urging")
# The first finite verb of a clause: an auxiliary or common irregular past (`FINITE`), or
# a lower-case word in -ed that no determiner or adjective slot holds ("The retired
# surgeon has", not "retired").
_VERB_CANDIDATE = re.compile(r"(?<=[\w,)] )(?:[a-z]+ed|[a-z]+['’]?[a-z]*)\b")
_NOT_BEFORE_VERB = words("the a an his her its their this that these those our my your of "
                         "to for by with from in on at as and or but who which")


def main_verb(text: str, lo: int, hi: int) -> int | None:
    """Position of the first finite verb in text[lo:hi], or None."""
    for m in _VERB_CANDIDATE.finditer(text, lo, hi):
        w = m.group()
        if w not in FINITE and not w.endswith("ed"):
            continue
        before = text[max(lo, m.start() - 12) : m.start()].split()
        if before and before[-1].lower().strip(",") in _NOT_BEFORE_VERB:
            continue
        return m.start()
    return None


# Cue words that are just as often nouns ("its forecast", "the estimates").
NOUN_CUES = words(
    "forecast forecasts estimate estimates report reports claim claims notes projects "
    "posts findings warning warnings"
)
_ADJECTIVES = words(
    "full-year annual quarterly monthly weekly previous prior revised latest original "
    "initial preliminary official final earlier new own upbeat gloomy cautious bleak "
    "optimistic pessimistic rosy central main key updated current profit sales growth "
    "earnings revenue inflation budget first second third fourth"
)
_POSSESSIVE = re.compile(r"^[\w.-]+['’]s?$")
_TOKEN_OR_MARK = re.compile(r"[\w'’.-]+|[^\w\s]")
_OWNER_END = re.compile(r"\w['’]s?$")
_APOSTROPHE = re.compile(r"['’]")


def noun_use(text: str, cue_start: int, word: str) -> bool:
    """Whether a noun-like cue word is a noun here ("kept its full-year forecast")."""
    if word not in NOUN_CUES:
        return False
    before = _TOKEN_OR_MARK.findall(text[max(0, cue_start - 80) : cue_start])
    k = len(before) - 1
    if k >= 0 and _OWNER_END.search(before[k]) and not before[k].endswith("ss"):
        return True  # "the bank's forecast"
    seen_adj = False
    while k >= 0 and (before[k].lower() in _ADJECTIVES or "-" in before[k]):
        seen_adj, k = True, k - 1
    return seen_adj and k >= 0 and (before[k].lower() in _DETS or bool(
        _POSSESSIVE.match(before[k]) and _APOSTROPHE.search(before[k])))


QUOTED_AS = re.compile(
    r"\s+(?:is|was|are|were|has been|have been|had been)\s+quoted\s+"
    r"(?:(?:by|in)\s+[^,.;:“”\"]{1,60}?\s+)?as\s+(?:saying|stating|telling)\b"
)
DOC_SUBJECT = re.compile(
    r"^(?:(?:the|a|an|its|their|this|his|her|new|latest|recent|preliminary|official|"
    r"annual|quarterly|monthly|final|[\w’'-]+['’]s)\s+)*(?:[\w'’-]+\s+){0,3}?"
    r"(?:reports?|data|figures|statistics|estimates|surveys?|polls?|study|studies|"
    r"analysis|analyses|results|records|review|findings|research|audit|investigation|"
    r"inquiry|assessment|census|projections?|model|modelling|modeling)\b",
    re.IGNORECASE,
)
