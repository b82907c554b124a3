"""Attribution cues: who a sentence says made the claim, and where the claim sits.

A cue is found by lexicon (verbs of saying and their present forms, "according to",
"as reported by", verbal acts such as "expressed" or "raised concerns"), never by the
content of a particular article. The speaker phrase is then read off the grammar around
the cue: the subject before the verb (skipping appositives and relative clauses), the
inverted subject after it ("…, said Jane Doe"), or the object of "according to".
Back-references ("he", "the agency") are resolved later against the article's sources.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

from claims.core.attribution.apposition import named_before
from claims.core.attribution.lexicon import (
    GERUNDS,
    NOUN_LIKE,
    PARTICIPLE_ONLY,
    PARTICLE_FORMS,
    PARTICLE_GERUNDS,
    SPEECH,
    SPEECH_FORMS,
    STANCE,
    STANCE_ADJECTIVES,
    STANCE_FORMS,
)
from claims.core.attribution.names import (
    CONJUNCTIONS,
    FINITE,
    PREPOSITIONS,
    first_name,
    only_circumstance,
    speaker_phrase,
)
from claims.core.attribution.persons import PERSON_NOUNS
from claims.core.attribution.shapes import (
    COUNT_BOUND,
    LEAD_ADVERB,
    REDUCED_PARTICIPLES,
    TIME_ENDS,
    TRAILING_TIME,
    inverted_speaker,
    poll_hit,
    read_hit,
    reduced_relative_hit,
    takes_object,
    verb_follows,
    with_gerund_hit,
)
from claims.core.attribution.sources import (
    DESCRIPTORS,
    GENERIC_HEADS,
    ORG_WORDS,
    strip_determiner,
    words,
)
from claims.core.attribution.subjects import (
    DOC_SUBJECT,
    INTRO,
    PARTICIPLES,
    QUOTED_AS,
    lead_subject,
    noun_use,
    participle_hit,
)
from claims.core.places import kind_of, state_abbreviation
from claims.core.textkeys import word_alternation, word_before

_CUE_FORMS: dict[str, tuple[str, ...]] = {
    "said": ("said", "says", "say"),
    "told": ("told", "tells"),
    "added": ("added", "adds"),
    "claimed": ("claimed", "claims", "claim"),
    "stated": ("stated",),
    "announced": ("announced", "announces"),
    "reported": ("reported", "reports", "report"),
    "indicated": ("indicated", "indicates", "indicate"),
    "noted": ("noted", "notes"),
    "cautioned": ("cautioned", "cautions"),
    "warned": ("warned", "warns", "warn"),
    "wrote": ("wrote", "writes", "write"),
    "posted": ("posted",),
    "suggested": ("suggested", "suggests", "suggest"),
    "estimated": ("estimated", "estimates", "estimate"),
    "confirmed": ("confirmed", "confirms", "confirm"),
    "denied": ("denied", "denies", "deny"),
    "alleged": ("alleged", "alleges"),
    "argued": ("argued", "argues", "argue"),
    "insisted": ("insisted", "insists", "insist"),
    "explained": ("explained", "explains"),
    "mentioned": ("mentioned", "mentions"),
    "described": ("described", "describes", "describe"),
    "acknowledged": ("acknowledged", "acknowledges"),
    "admitted": ("admitted", "admits"),
    "predicted": ("predicted", "predicts", "predict"),
    "blamed": ("blamed", "blames"),
    "forecast": ("forecast", "forecasts"),
    "revealed": ("revealed", "reveals"),
    "concluded": ("concluded", "concludes"),
    "testified": ("testified",),
    "ruled": ("ruled",),
    "declared": ("declared", "declares"),
    "asserted": ("asserted", "asserts"),
    "stressed": ("stressed", "stresses"),
    "emphasised": ("emphasised", "emphasized", "emphasises", "emphasizes"),
    "conceded": ("conceded", "concedes"),
    "replied": ("replied", "replies"),
    "responded": ("responded",),
    "commented": ("commented",),
    "maintained": ("maintained", "maintains"),
    "projected": ("projected", "projects"),
    "believes": ("believes", "believe", "believed"),
    "found": ("found", "finds"),
    "showed": ("showed", "shows", "show"),
    "held": ("held", "holds"),
    "determined": ("determined",),
    "agreed": ("agreed",),
}
# The cues that are verbs of saying proper (a participle of saying names them better).
_SAYING = frozenset(base for base in _CUE_FORMS if base not in ("found", "showed", "held",
                                                                "determined", "agreed",
                                                                "believes"))
CUE_BASE: dict[str, str] = {
    **{form: past for form, past in {**SPEECH_FORMS, **STANCE_FORMS}.items()
       if form not in ("state", "states")},
    **{form: base for base, forms in _CUE_FORMS.items() for form in forms},
}
# Forms that are as often nouns ("calls", "plans", "support"): a cue only before "that"
# or after a name or pronoun.
_NOUNISH = words(
    "claims claim reports report notes states estimates estimate forecasts posts projects "
    "shows show finds found write warn call calls plan plans hope hopes fear fears view "
    "views support supports attack attacks question questions challenge challenges answer "
    "answers promise promises pledge pledges vow vows demand demands doubt doubts praise "
    "comment comments joke jokes tweet tweets wish wishes push pushes press signal signals "
    "label labels brand brands counter echo echoes email emails thanks bet bets guess rule "
    "rules charge worry worries reply replies concern concerns remark remarks lament "
    "laments boast boasts complaint defend need needs back backs favor favors favour "
    "favours welcome want wants guess"
) | NOUN_LIKE
_NEEDS_THAT = words("held holds")
# A counted object ("recalled 40,000 cars", "about 2 million bottles"): goods, not words.
_COUNTED_OBJECT = re.compile(r"\s+(?:(?:about|nearly|almost|some|roughly|around|over|up\s+to|"
                             r"more\s+than)\s+)?\d")
# A noun-like cue form set off before a relative pronoun heads its phrase: no verb is
# followed straight by ", who".
_SET_OFF_WHO = re.compile(r"\s*,\s*(?:who|which)\b")
# Verbal acts whose verb has several forms, written out one form per alternative (the
# fast-path test reads each alternative's first word).
_ACT_FRAMES = (
    ("cast casts", r"(?:[\w'’-]+ ){1,5}?as"),  # "cast the mayor as a tool of …"
    ("took takes take", r"(?:aim|a (?:shot|swipe|jab)|shots|swipes) at"),
    ("threw throws throw", r"(?:his|her|its|their) (?:full )?(?:support|weight) behind"),
    ("made makes make", r"(?:it )?clear"),
    ("made makes", r"(?:a|an|the|his|her|its|their) (?:[\w-]+ ){0,2}?"
                   r"(?:call|case|pitch|plea|appeal|argument)s? (?:for|that|to|against)"),
    # "issued a statement saying …", "sent out a letter to members saying …"
    ("issued issues released releases put puts sent sends posted published",
     r"(?:out )?(?:a|an|its|his|her|their) (?:[\w-]+ ){0,2}?(?:statement|release|message|"
     r"letter|memo|note|email|e-mail|tweet|video|post)s? (?:[\w'’-]+ ){0,5}?"
     r"(?:saying|stating|declaring)"),
)
_VERBAL_ACT = re.compile(
    r"\b(?:expressed|expresses|voiced|promised|promises|pledged|vowed|urged|urges|"
    r"called for|calls for|demanded|welcomed|condemned|criticised|criticized|accused|"
    r"raised (?:concerns?|doubts?|questions?|fears?|alarm)|tempered expectations|"
    r"played down|downplayed|"
    + "|".join(f"{verb} {rest}" for verbs, rest in _ACT_FRAMES for verb in verbs.split())
    + r"|"
    r"put (?:it|them|(?:the|its|their|his|her|a|an) (?:[\w-]+ ){1,6})"
    r"(?:at|within|between|near|around|close to|level|ahead|behind|above|below)|"
    r"(?:kept|keeps|raised|raises|cut|cuts|lowered|lowers|maintained|reaffirmed|reiterated|"
    r"upgraded|downgraded|narrowed|trimmed|lifted|withdrew|issued|published|gave|confirmed) "
    r"(?:its|their|the|his|her) (?:[\w-]+ ){0,3}(?:forecasts?|guidance|outlook|estimates?|"
    r"targets?|projections?|predictions?))\b"
)
# The one-word alternatives of `_VERBAL_ACT`: with the cue forms, the only lower-case
# words the cue loop acts on, so one scan finds them instead of visiting every word.
_ONE_WORD_ACTS = words(
    "expressed expresses voiced promised promises pledged vowed urged urges demanded "
    "welcomed condemned criticised criticized accused downplayed"
)
# The words every `_VERBAL_ACT` alternative opens with: a clause without one has no act.
_ACT_OPENERS = _ONE_WORD_ACTS | words(
    "took takes take threw throws throw made makes make cast casts "
    "called calls raised tempered played put kept keeps raises cut cuts lowered lowers "
    "maintained reaffirmed reiterated upgraded downgraded narrowed trimmed lifted withdrew "
    "issued published gave confirmed issues released releases puts sent sends posted"
)
# "He continued, “…”": speech going on (before a comma or colon only).
_CONTINUED = words("continued continues")
_CUE_WORDS = (frozenset(CUE_BASE) | _ONE_WORD_ACTS | frozenset(GERUNDS) | frozenset(
    PARTICLE_FORMS) | frozenset(PARTICLE_GERUNDS) | STANCE_ADJECTIVES | _CONTINUED)
# Verbs that take another verb with "to" and leave its subject the speaker: "Holt went
# on to criticise …", "Vance moved quickly to reassure …", "Marlow was quick to deny …".
_CATENATIVE = re.compile(
    r"\b(?:(?:went|goes|go|going|gone)\s+on|continued|continues|continue|began|begins|"
    r"started|starts|tried|tries|try|moved|moves|decided|(?:has|have|had)\s+yet|"
    r"decides|chose|chooses|managed|rushed|rushes|hastened|hurried|used|took\s+(?:the|a)\s+"
    r"(?:[\w-]+\s+){0,2}?step|took\s+to\s+(?:the\s+)?[\w-]+|made\s+a\s+point|"
    r"(?:was|were|is|are)\s+(?:quick|eager|keen|"
    r"careful|first|the\s+first)|(?:was|were|is|are)\s+(?:(?:more|less|most|least|much|"
    r"far|also|still|not|now|\w+ly)\s+)*(?:likely|unlikely|inclined|willing|prepared))"
    r"(?:\s+(?:\w+ly|also|again|then|now|quickly))*\s+to\s*$")
# "Holt is confident that …", "voters were skeptical of …": a stance stated with "be".
_BE_BEFORE = re.compile(
    r"\b(?:is|are|was|were|am|be|been|being|remains|remained|remain|seems|seemed|appears|"
    r"appeared|feels|felt|became|becomes|grew|grows|sounded|sounds|looked|looks|['’]s|"
    r"['’]re|['’]m)\s+(?:(?:not|also|still|now|very|so|too|more|less|most|increasingly|"
    r"clearly|deeply|quite|fairly|rather|all|both|far|much|openly|publicly|privately|"
    r"\w+ly)\s+)*\Z")
_PASSIVE_ADVERBS = re.compile(
    r"\b(?:is|are|was|were|be|been|being)\s+(?:(?:\w+ly|also|still|not|never|now|"
    r"already|long|since|then|once|often|even)\s+)+\Z")
# Base forms of the cue verbs: after a noun-like plural ("advocates say") they make it the
# subject's noun; a publishing participle after one ("a report published …") too.
_BARE_CUE_VERBS = words(SPEECH) | words(STANCE)
_PUBLISHED = words("published released issued obtained posted filed unveiled")
# Phrasal uses of cue verbs that state nothing ("showed up", "held up").
_NOT_CUES = frozenset({("showed", "up"), ("held", "up"), ("held", "on"), ("found", "out"),
                       ("called", "off"), ("saw", "off"), ("called", "in"), ("named", "for"),
                       ("named", "after")})  # "a role named for X": no stance
_REFLEXIVES = words("himself herself itself themselves myself ourselves yourself")
_NO_COMMENT = words("responded replied commented answered returned")
_NEGATIONS = words("not never")
# "Voters say by 55 % to 41 % that …", "say by a wide margin": a margin, not an agent.
_BY_MARGIN = re.compile(r"\s+by\s+(?:\d|a\s+(?:[\w-]+\s+){0,2}?margin\b|(?:wide|large|"
                        r"narrow|slim|roughly|about|nearly|almost|more\s+than)\s)")
# Verbs that, negated, report that nothing was said ("did not respond", "did not disclose
# details"); other negated speech is still a stance ("did not mention X", "never said").
# "said by telephone": the medium of an active verb, no passive agent.
_BY_MEDIUM = re.compile(r"\s+by\s+(?:tele)?phone|\s+by\s+e-?mail|\s+by\s+text\b|"
                        r"\s+by\s+video|\s+by\s+satellite|\s+by\s+letter\b")
# "first" as an adverb: after a relative pronoun, a name, a pronoun or a determined noun
# ("who first revealed", "Roe first said", "the clerk first said"), not right after a
# determiner ("the first report").
_FIRST_AFTER_SUBJECT = re.compile(r"(?:\b(?:who|which|that|he|she|they|it|we|I)|"
                                  r"\b[A-Z][\w'’.-]+|"
                                  r"\b(?:[Tt]he|[Tt]his|[Tt]hat|[Aa]n?)\s+(?:[\w'’-]+\s+){0,2}"
                                  r"[a-z][\w'’-]*)\s+first\s+\Z")
# "did not say how many …", "would not say whether …": an open question, nothing said.
_OPEN_QUESTION = words("how whether when why what who whom which where if")
_NOTHING_SAID = _NO_COMMENT | words("disclosed revealed specified elaborated explained "
                                    "confirmed detailed identified")
_RAISING = words("certain sure bound likely set")
# What a stance adjective takes before its content ("confident that", "wary of").
_ADJ_COMPLEMENTS = words("that about of to with over by for in on toward towards whether if "
                         "because than")
_SAID_OF = words("said says say wrote writes joked jokes quipped added adds complained "
                 "complains complain boasted remarked mused warned")
_PROGRESSIVE = re.compile(r"(?:\b(?:is|are|was|were|been)|(?<=\w)['’](?:s|re))\s+"
                          r"(?:(?:also|still|now|already|even|just|repeatedly|publicly|privately|"
                          r"increasingly|\w+ly)\s+)?\Z")
# "\b[A-Za-z]…" with the boundary tested after the letter: opening on a character class
# lets `re` skip to letters instead of trying "\b" at every position
_TITLE_WORD = re.compile(r"[A-Za-z](?<!\w.)[\w'’-]*")


# A bound read before the words: every capitalised word holds an upper-case letter, and
# every lower-case letter after a space opens a lower-case word.
_UPPER_LETTER = re.compile(r"[A-Z]")
_LOWER_OPENING = re.compile(r" [a-z]")


def _title_case(text: str) -> bool:
    """A headline in title case ("Holt Says She Will Stay"): its verbs are capitalised."""
    if 3 * len(_UPPER_LETTER.findall(text)) < 7 * len(_LOWER_OPENING.findall(text)):
        return False  # fewer than 70 % of the words can be capitalised
    toks = _TITLE_WORD.findall(text)
    return len(toks) >= 3 and sum(t[0].isupper() for t in toks) >= 0.7 * len(toks)
# Whole lower-case words that are cues or open a verbal act, in one scan.
_CUE_SCAN = re.compile(rf"\b{word_alternation(_CUE_WORDS | _ACT_OPENERS)}\b")
# A legislator's party and state ("D-Calif.", "R-Texas"), read like an age aside.
_PARTY_TAG = re.compile(r"\(?[A-Z]{1,2}-[A-Z][\w. ]{0,20}\)?")
_AS_CUE = re.compile(
    r"\bas (reported|observed|shown|seen|stated|noted|announced|confirmed|described|"
    r"indicated|estimated|documented|recorded) (?:by|in|on) "
)
# Cue nouns owned by a named party: "Roe's claim that …", "Roe's comments about …", and
# "a statement from Roe": the owner is the source of what the noun introduces.
_CUE_NOUNS = {
    **dict.fromkeys(("claim", "claims", "assertion", "assertions", "contention", "insistence",
                     "argument"), "claimed"),
    **dict.fromkeys(("statement", "statements"), "stated"),
    **dict.fromkeys(("comment", "comments", "remark", "remarks"), "commented"),
    **dict.fromkeys(("allegation", "allegations", "accusation", "accusations", "charge"),
                    "alleged"),
    **dict.fromkeys(("warning", "warnings"), "warned"),
    **dict.fromkeys(("promise", "pledge", "vow"), "promised"),
    **dict.fromkeys(("criticism", "attacks", "attack"), "criticized"),
    **dict.fromkeys(("view", "belief", "suggestion"), "suggested"),
    **dict.fromkeys(("support",), "supported"),
    **dict.fromkeys(("call", "calls"), "called"),
    **dict.fromkeys(("endorsement",), "endorsed"),
    **dict.fromkeys(("opposition",), "opposed"),
}
# What each of the nouns added for the owner's stance must be followed by ("support for",
# "calls for", "endorsement of", "opposition to"): other uses name no stance.
_STANCE_NOUN_PREPOSITIONS = {"support": "for", "call": "for", "calls": "for",
                             "endorsement": "of", "opposition": "to"}
# "his support for …", "their calls for …": the owner is the pronoun's subject form.
_POSSESSIVE_SUBJECT = {"his": "he", "her": "she", "their": "they", "its": "it"}
# Cheap tests before the owned-noun scan: a cue noun's stem after an apostrophe, or one
# of the stance nouns with its preposition.
_CUE_NOUN_STEMS = ("laim", "ssertion", "ontention", "nsistence", "rgument", "tatement",
                   "omment", "emark", "llegation", "ccusation", "harge", "arning", "romise",
                   "ledge", "vow", "riticism", "ttack", "iew", "elief", "uggestion")
_STANCE_NOUN_PHRASES = tuple(f"{noun} {prep}" for noun, prep in _STANCE_NOUN_PREPOSITIONS.items())
_CUE_NOUN_ALT = "|".join(sorted(_CUE_NOUNS, key=len, reverse=True))
_OWNED_CUE = re.compile(
    r"\b((?-i:[A-Z][\w.-]*)(?:\s+(?-i:[A-Z][\w.-]*)){0,3}['’]s?|his|her|their|its)\s+"
    r"(?:(?:recent|latest|new|repeated|public|earlier|false|frequent|strong|continued)\s+)?"
    rf"({_CUE_NOUN_ALT})\s+(?=(that|about|of|on|against|for|to)\b)", re.IGNORECASE)
_CUE_NOUN_BY = re.compile(
    r"\b(?:[Aa]|[Tt]he|[Ii]n a|[Ii]n the)\s+(?:[\w-]+\s+)?(statement|comments|remarks|"
    r"warning)\s+(?:from|by|issued by|released by)\s+((?-i:[A-Z][\w.-]*)"
    r"(?:\s+(?:of\s+)?(?-i:[A-Z][\w.-]*)){0,4})")
# "In Roe's view, …", "in their opinion": the owner holds the opinion the clause states.
_IN_VIEW = re.compile(r"\b[Ii]n\s+((?-i:[A-Z][\w.-]*)(?:\s+(?-i:[A-Z][\w.-]*)){0,3}['’]s?|his|her|"
                      r"their|its)\s+(view|opinion|estimation|judgment|judgement|words)\b"
                      r"(?=\s*[,.;:—–-])")
# "As Roe put it, …", "…, as the mayor puts it.": the speaker of the wording.
_AS_PUT_IT = re.compile(r"\b[Aa]s\s+((?:(?![Ii]t\b)[^,;:.!?“”\"\s][^,;:.!?“”\"]{0,60}?))\s+"
                        r"((?:(?:has|had|once|so\s+\w+ly)\s+)?(?:put|puts)\s+it)\b"
                        r"(?=\s*(?:[,.:;“”\"—–]|$))")
_ACCORDING = re.compile(r"\b[Aa]ccording to ")
_BLOCKERS = words(
    "was were been being be is are a an the its their his her this these to "
    "those our my new latest recent first"
)
_TO_HER = re.compile(r"\b(?:to|with|of|for|near)\s+her\s+$")  # "a source close to her said"
_STOP_WORDS = words(
    "that but while as because although though if when where which who whom whose what "
    "whereas so than after before since why"
)
_AUX = words(
    "not never has have had also later earlier again previously publicly repeatedly reportedly "
    "recently separately further then would will could may might did does do already now "
    "once first since twice even just"
)
_TRAIL = re.compile(
    r"(?:\s+(?:on|via|in|at|through|over)\s+(?:Telegram|Twitter|X|Facebook|Instagram|"
    r"social media|its website|a statement|a post|Monday|Tuesday|Wednesday|Thursday|"
    r"Friday|Saturday|Sunday)\b.*)$"
)
ROLE_NOUNS = words(
    "head chief director spokesman spokeswoman spokesperson chair chairman chairwoman "
    "president secretary minister governor mayor manager commander leader coordinator "
    "officer representative official executive ceo founder editor deputy coroner "
    "prosecutor judge attorney counsel coach captain owner administrator commissioner "
    "adviser advisor lawyer aide strategist"
)
_NAME = re.compile(r"^(?:[A-Z][\w'’.-]*)(?:\s+(?:[A-Z][\w'’.-]*|van|de|von|al|bin|da)){0,4}$")
_SPEAKER_START = re.compile(
    r"^(?:(?-i:[A-Z])|[“\"]|(?:the|a|an|some|many|several|two|three|its|their|his|her|he|she|it|they|"
    r"we|i|analysts|officials|experts|diplomats|residents|witnesses|police|economists|"
    r"scientists|critics|researchers|sources|observers|authorities|investigators|"
    r"prosecutors|lawyers|doctors|officers|commanders|soldiers|activists|campaigners|"
    r"bloggers|journalists|reporters|locals|members|lawmakers|legislators|deputies|"
    r"senators|voters|climate|military|local|western|russian|head|data|reports?|"
    r"recent|independent|regional|state|national)\b)",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class CueHit:
    """One attribution cue in a sentence; offsets are relative to the sentence."""

    start: int  # the cue's first character
    end: int
    cue: str  # base form: "said", "according to", "reported", …
    phrase: str  # the speaker as written ("the ministry", "Serhiy Nadal", "he")
    phrase_start: int
    role: str | None = None  # an appositive role ("head of the X")
    leading: bool = True  # the content follows the cue (else it precedes)
    descriptor: str | None = None  # an appositive description ("a research group …")
    via: tuple[str, ...] = ()  # earlier parties as written, origin first ("citing ISW")


_NEXT_WORD = re.compile(r"\s*([\w'’]+)")


def _joined_to_word(text: str, pos: int) -> bool:
    """Whether only spaces separate `pos` from the word before it ("will be, said X"
    has a comma between: "be" is no auxiliary of "said")."""
    i = pos
    while i > 0 and text[i - 1] == " ":
        i -= 1
    while i > 1 and text[i - 1] in "'’" and text[i - 2] in "'’":
        i -= 1  # "…, to her,'' said X": a closing typewriter quote, no contraction
    return i > 0 and (text[i - 1].isalnum() or text[i - 1] in "'’" and text[i - 2 : i - 1] not in (
        ",", ".", "?", "!"))


def _next_word(text: str, pos: int) -> str:
    m = _NEXT_WORD.match(text, pos)
    return m.group(1).lower() if m else ""


_PARTY_ASIDE = re.compile(r"\s*\((?:[A-Z]{1,2}-[A-Z][\w. ]{0,20}|[A-Z][A-Za-z.]{1,8})\)")


@lru_cache(maxsize=8192)
def is_name(seg: str) -> bool:
    seg = _PARTY_ASIDE.sub("", seg)  # "Rep. Tom Brisk (R-Ohio)", "the Fund (IMF)"
    return bool(_NAME.match(seg.strip())) and not seg.strip().isupper() or (
        seg.strip().isupper() and 2 <= len(seg.strip()) <= 8
    )


_ROLE_DETS = words("the a an its their his her")
_WORD = re.compile(r"[\w'’-]+")
_OWNER = re.compile(r"\w['’]s?$")


@lru_cache(maxsize=8192)
def is_role(seg: str) -> bool:
    words = _WORD.findall(seg.lower())[:6]
    possessive = bool(words) and bool(_OWNER.search(words[0]))
    if not words or not seg.strip()[:1].islower() and words[0] not in _ROLE_DETS and (
            not possessive):
        return False
    return any(w in ROLE_NOUNS for w in words)


# `[;:“”"—–]|''|\s-\s|,(?!\d)`, written to open on a character class (each alternative
# starts with a character of its own) so that `re` skips to the candidates.
_CUT = re.compile(r"[;:“”\"—–'\s,](?:(?<=[;:“”\"—–])|(?<=')'|(?<=\s)-\s|(?<=,)(?!\d))")
_NON_SPACE = re.compile(r"\S+")


def _segment_before(text: str, end: int, lo: int, stop: bool = True) -> tuple[int, str]:
    """Start and text of the comma-free stretch ending at `end` (a subject candidate)."""
    seg_start = lo
    for cut in _CUT.finditer(text, lo, end):  # the last cut (`end` ends the scan as a
        seg_start = cut.end()  # string end would: "(?!\d)" sees no digit past it)
    seg = text[seg_start:end]
    words = list(_NON_SPACE.finditer(seg)) if stop else []
    for i in range(len(words) - 1, -1, -1):
        w = words[i]
        word = w.group().lower().strip("'’")
        if word == "that" and i > 0 and words[i - 1].group().lower() in _DET_PREPOSITIONS:
            continue  # "one of that report's authors": a determiner, no clause
        if word in _STOP_WORDS and w.start() < len(seg):
            if word == "since" and i > 0 and words[i - 1].group().lower() in _PERFECT:
                continue  # "Roe has since said": an adverb, no clause
            if word == "why" and not (i > 0 and _IS_WHY.search(words[i - 1].group())):
                continue  # only "That is why critics say …" opens on a clause of reason
            if word in ("who", "whose") and seg[: w.start()].strip():
                break  # "a blogger who posts as X": the resolver reads the name
            seg_start += w.end()
            break
    seg = text[seg_start:end]
    lead = len(seg) - len(seg.lstrip())
    return seg_start + lead, seg.strip()


_PERFECT = words("has have had")
_IS_WHY = re.compile(r"(?:^(?:is|was)|['’]s)$", re.IGNORECASE)
# Prepositions after which "that" is a determiner ("of that report").
_DET_PREPOSITIONS = words("of in on for at from with by about to into")
_DISCOURSE = words("however meanwhile too also though instead nonetheless nevertheless "
                   "separately earlier later yesterday today")


# "Democrats, historically, have …", "X, in fact, said": an adverbial between commas.
_ADVERB_ASIDE = re.compile(r"(?:[a-z]+ly|in fact|of course|at least|for now|in turn|"
                           r"too|again|once again|as well|in the past|by contrast|"
                           r"for instance|for example|in particular|in contrast|meanwhile|"
                           r"in response|in an interview|in a statement|on the other hand|"
                           r"at the same time|after all|in other words|in the end|"
                           r"(?:like|including|such as|unlike) [^,;]{1,60}|"
                           r"in (?:a|an|its|his|her|their) (?:[\w-]+ ){0,3}?(?:effort|bid|"
                           r"attempt|push|move|drive|campaign) (?:to|toward|towards) [^,;]{1,90}|"
                           r"(?:many|most|some|all|several|both|none|each|one|two|three|half|"
                           r"a few|few) of (?:them|whom|those)\b[^,;]{0,60})")
_FOR_ONES_PART = re.compile(r"(?:for|in) (?:his|her|its|their) (?:part|turn|view)")
_OWNER_END = re.compile(r"['’]s?$")


# "Roe, dressed in a yellow raincoat, said", "Roe, flanked by aides, said": a participle
# aside. Also any participle with its agent ("Roe, pressed by her rivals, said").
_DRESSED_ASIDE = re.compile(r"(?:clad|dressed|flanked|surrounded|accompanied|joined|"
                            r"backed|armed|seated|standing)\s+(?:in|by|with|at|beside)\b|"
                            r"[a-z]+ed\s+by\s")


# A description naming what the name after it is ("One of the editors of the survey, Ann
# Roe, said", "A longtime critic of the plan, Ann Roe, said").
_DESCRIPTION_OPENER = re.compile(r"(?:[Oo]ne|[Ss]ome|[Aa]nother|A|An|The)\s+(?:of\s+)?[a-z]")
_TOWN_END = re.compile(r"[A-Z][\w.'’-]*(,)\s*$")


def _town_before(text: str, lo: int, seg_start: int, seg: str) -> int | None:
    """The end (past its comma) of the stretch before a state or country set off by
    commas after a town ("Ann Roe of Dayton, Ohio, said", "the mayor of Fresno,
    California, said"), or None: the place only locates the town."""
    if not seg or not seg[:1].isupper() or len(seg.split()) > 3 or seg_start - lo < 4:
        return None
    town = _TOWN_END.search(text, max(lo, seg_start - 40), seg_start)
    if town is None or kind_of(seg) not in ("country", "region") and not state_abbreviation(seg):
        return None
    return town.end(1)


# "Roe's office, when contacted by reporters, said", "Roe, while speaking in Dayton,
# said": a reduced clause of time whose subject is the speaker's.
_SUBORDINATE_ASIDE = re.compile(r"(?:when|while|after|before|once|if|though|although)\s+"
                                r"[a-z]+(?:ed|ing)\b")


@lru_cache(maxsize=8192)
def _is_aside(seg: str) -> bool:
    """A relative clause, participle, age, party tag or discourse marker between commas."""
    first = seg.split()[0].lower() if seg.split() else ""
    return first in ("who", "which", "whose") or first.endswith("ing") or bool(
        _SUBORDINATE_ASIDE.match(seg)) or first.rstrip(
        "%").isdigit() or (
        bool(_DRESSED_ASIDE.match(seg))) or (
        bool(_PARTY_TAG.fullmatch(seg)) or seg.lower() in _DISCOURSE
        or bool(_FOR_ONES_PART.fullmatch(seg.lower()))
        or bool(_ADVERB_ASIDE.fullmatch(seg)))


# "… in Newtown, Connecticut,": a place and its state, no description and name.
_IN_PLACE = re.compile(r"\bin\s+(?:[A-Z][\w.'’-]*\s*)+$")
_ROLE_LIKE = ROLE_NOUNS | words(
    "delegate member strategist candidate nominee activist organizer organiser pollster "
    "analyst economist professor fellow researcher scholar historian consultant veteran "
    "operative donor fundraiser volunteer supporter chairman chairwoman")


# "A spokeswoman for Norvax", "An official at the Velmar Bank": a role serving a named
# body, whose appositive then describes the body, not the speaker.
_ROLE_FOR_NAME = re.compile(r"(?:[Aa]n?|[Oo]ne|[Tt]he)\s+(?:[a-z-]+\s+)?(?:spokes(?:wo)?man|"
                            r"spokesperson|official|aide|representative|lawyer|attorney)\s+"
                            r"(?:for|at|of|with)\s+(?:the\s+)?[A-Z][\w&'’.-]*(?:\s+[A-Z][\w&'’.-]*)*$")


def _placed_person(seg: str) -> bool:
    """A description of one person placed in a town ("A pastor in Marion"): it may stand
    before the name it describes, unlike a place phrase ("the rally in Dayton")."""
    m = _IN_PLACE.search(seg)
    head = seg[: m.start()].split() if m is not None else []
    return len(head) == 2 and head[0].lower() in ("a", "an", "one", "another") and (
        head[1].lower() in PERSON_NOUNS or head[1].lower() in _ROLE_LIKE)


def _role_like(seg: str) -> bool:
    """A description holding a role noun, also after capitalised modifiers ("Ohio
    director for the campaign")."""
    return is_role(seg) or any(w in _ROLE_LIKE for w in seg.split()[:6])


def _described(seg: str) -> bool:
    """A description that precedes a name: "The operator", "Its parent", "The city's mayor"."""
    toks = seg.split()
    return 1 < len(toks) <= 6 and (toks[0].lower() in _ROLE_DETS or bool(
        _OWNER_END.search(toks[0]))) and (toks[-1][:1].islower() or toks[-1].isupper())


_OWNED = re.compile(r"^(?:(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov)\.\s+)?(?:[A-Z][\w.-]*\s+){0,2}"
                    r"[A-Z][\w.-]*['’]s?\s+(?:[a-z][\w-]*\s+){0,3}[a-z][\w-]*\b")


# A name or party noun and where it is from: "Tom Holt of Ohio", "Authorities in Bavaria".
_PLACED = re.compile(r"^(.+?)\s+(?:of|from|in)\s+[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}$")


def _placed_name(seg: str) -> bool:
    """A name or a capitalised party noun followed by its place ("Tom Holt of Ohio")."""
    m = _PLACED.match(seg)
    if m is None:
        return False
    head = m.group(1)
    return is_name(head) or " " not in head and head[:1].isupper() and _agentive(head)


def _owned_description(seg: str) -> bool:
    """A description owned by a name ("Velmont's only ally", "Mrs. Roe's chief of
    staff", "Holt's opponent in the race"): lower-case words after a possessive."""
    return bool(_OWNED.match(seg))


_CONTRACTED = re.compile(r"(?<=\w)['’](?:ve|d|ll|re|m)$", re.IGNORECASE)


def _strip_aux(phrase: str) -> str:
    """The subject without the auxiliaries after it, also contracted ("they’ve", "Voters
    don’t", "Holt wouldn't")."""
    words = phrase.split()
    while words and (words[-1].lower() in _AUX and (words[-1][:1].islower() or not (
            len(words) > 1 and first_name(words[-2]))) or _negated(words[-1].lower())):
        words.pop()
    if words and _CONTRACTED.search(words[-1]):
        words[-1] = _CONTRACTED.sub("", words[-1])
    elif words and _PRONOUN_HAS.fullmatch(words[-1]):
        words[-1] = words[-1][:-2]  # "he’s said", "she's argued": "has", not a possessive
    return " ".join(words)


_PRONOUN_HAS = re.compile(r"(?:[Hh]e|[Ss]he)['’]s")  # "it's", "who's": as often "is"


def _negated(word: str) -> bool:
    """"don’t", "wouldn't", "can't": a contracted negation."""
    return word.endswith(("n't", "n’t"))


_NAME_END = re.compile(r"\s[A-Z][\w'’-]+$")


def _valid_phrase(phrase: str, loose: bool = False) -> bool:
    """A plausible speaker; headlines (`loose`) drop determiners ("…, agency says")."""
    n = len(phrase.split())
    if loose and 0 < n <= 3 or 1 < n <= 6 and _NAME_END.search(phrase):
        return True  # a headline's bare noun, or "coach Ana Moretti"
    return 0 < n <= 14 and bool(_SPEAKER_START.match(phrase))


# Auxiliaries and adverbs between a set-off subject and its verb ("Roe, who chairs the
# board, has since vowed …", "Roe, in turn, has slammed …").
_AUX_AFTER_COMMA = re.compile(
    r",\s*(?:(?:has|have|had|also|would|will|could|may|might|did|does|do|already|now|"
    r"since|again|repeatedly|publicly|long|not|never|always|even|often|still|"
    r"\w+ly|"
    r"(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|"
    r"(?:this|last|earlier\s+this|later\s+this)\s+(?:past\s+)?(?:week|month|year|weekend|"
    r"spring|summer|fall|autumn|winter|morning|afternoon|evening)|earlier|later|today|"
    r"yesterday)\s+)+\Z")


def _comma_before_aux(text: str, lo: int, end: int) -> int:
    """`end`, moved back over an auxiliary run to the comma that closes an aside."""
    if end <= lo or text[end - 1] == ",":
        return end
    m = _AUX_AFTER_COMMA.search(text, max(lo, end - 60), end + 1) if text[end:end + 1] == " " \
        and text.find(",", max(lo, end - 60), end) >= 0 else None  # the run opens on a comma
    return m.start() + 1 if m is not None and m.start() > lo else end


def _subject(
    text: str, verb: int, lo: int, loose: bool = False
) -> tuple[int, str, str | None, str | None] | None:
    """Speaker phrase before a verb: (start, phrase, role, descriptor), or None; never a
    date or time after a subordinator ("since Feb. 3, 2019, shows …")."""
    found = _subject_phrase(text, verb, lo, loose)
    if found is not None and _ENDS_TIME_WORD.search(text, max(0, found[0] - 8), found[0]) and (
            only_circumstance(found[1]) or _DATE_START.match(found[1])):
        return None
    return found


_OPENS_ON_RELATIVE = re.compile(r"\s*(?:which|who)\s[^,]*,\s*$")


def _before_relative(text: str, lo: int, end: int
                     ) -> tuple[int, str, str | None, str | None] | None:
    """The subject of a verb after a set-off relative clause that the clause split cut
    from its sentence ("Roe, president of the X union, | which represents teachers,
    said"): the name before an apposition, else the noun phrase before the clause."""
    head = _appositive_head(text, 0, end - 1)
    if head is not None:
        return head
    at = lo
    while at > 0 and text[at - 1] in " ,":
        at -= 1
    start, phrase = _segment_before(text, at, 0)
    found = speaker_phrase(phrase) if phrase else None
    return None if found is None else (start + found[0], found[1], None, None)


def _subject_phrase(
    text: str, verb: int, lo: int, loose: bool = False
) -> tuple[int, str, str | None, str | None] | None:
    """Speaker phrase before a verb: (start, phrase, role, descriptor), or None."""
    end = verb
    while end > lo and text[end - 1].isspace():
        end -= 1
    end = _comma_before_aux(text, lo, end)
    if lo > 0 and end > lo and text[end - 1] == "," and _OPENS_ON_RELATIVE.match(text, lo, end):
        return _before_relative(text, lo, end)  # "Roe, head of X, | which …, said"
    if end > lo and text[end - 1] == ")" and not _PARTY_TAG.search(text, lo, end):
        opening = text.rfind("(", lo, end)  # "Sen. Roe (a Democrat from Ohio) says"
        if opening > lo and text[opening - 1] == " " and text.find(")", opening, end - 1) < 0 \
                and text.count(" ", opening, end) >= 2:  # a description, no "(LHFS)"
            end = opening - 1
    descriptor = None
    if end > lo and text[end - 1] in "—–":
        open_dash = max(text.rfind("—", lo, end - 1), text.rfind("–", lo, end - 1))
        if open_dash > lo:
            descriptor = text[open_dash + 1 : end - 1].strip()
            end = open_dash
    elif end > lo + 1 and text[end - 2 : end] == "--":  # "Kelby -- co-author of X -- said"
        open_dash = text.rfind("--", lo, end - 2)
        if open_dash > lo:
            descriptor = text[open_dash + 2 : end - 2].strip()
            end = open_dash
    placed = False  # "X of Dayton, Ohio, said": the state is no part of the subject
    if end > lo and text[end - 1] == ",":
        s2_start, s2 = _segment_before(text, end - 1, lo, stop=False)
        town = _town_before(text, lo, s2_start, s2)
        if town is not None:
            end, placed = town, True
            s2_start, s2 = _segment_before(text, end - 1, lo, stop=False)
        if not s2:
            return None
        s1_end = s2_start
        while s1_end > lo and text[s1_end - 1] in " ,":
            s1_end -= 1
        if s1_end == s2_start or text[s1_end] != ",":
            if placed:
                found = speaker_phrase(s2)
                return None if found is None else (s2_start + found[0], found[1], None, None)
            if not text[lo:s2_start].strip() and s2.endswith(")") and is_name(s2):
                # "Sen. Roe (D-Ohio), said": a stray comma after the party tag
                return s2_start, s2, None, None
            return None
        if text.endswith(", who", lo, s1_end):  # "Roe, who, after a talk with X, said"
            shared = _antecedent(text, lo, s1_end)
            return None if shared is None else (*shared, None, None)
        s1_start, s1 = _segment_before(text, s1_end, lo)
        town = _town_before(text, lo, s1_start, s1)
        if town is not None and not only_circumstance(text[lo : town - 1].strip()):
            # "Roe, a welder from Velton, Mo., who …, said": the state places
            s1_start, s1 = _segment_before(text, town - 1, lo)  # the town, no speaker
        elif s1 and s1_start > lo + 1 and text[s1_start - 2] == "," and _PARTY_TAG.fullmatch(s1):
            s1_start, s1 = _segment_before(text, s1_start - 2, lo)  # "Sen. Roe, R-Ohio, a
            # candidate, said": the tag belongs to the name before it
        aside = _is_aside(s2)
        if aside and s1 and _is_aside(s1) and s1_start > lo:  # "X, 61, who …, said"
            back = s1_start
            while back > lo and text[back - 1] in " ,":
                back -= 1
            if back < s1_start and text[back] == ",":
                s1_start, s1 = _segment_before(text, back, lo)
        if aside and s1 and (s1.split()[0].lower() in ("a", "an") or _role_like(s1)) and (
                s1_start > lo):  # also "Roe, president of the X union, which …, said"
            head = _appositive_head(text, lo, end - 1)  # "Roe, an aide at X, who …, said"
            if head is not None and head[0] < s1_start:
                return head
        if aside and s1 and speaker_phrase(s1):  # relative clause, participle or age
            found = speaker_phrase(s1)
            assert found is not None
            chain = s2.split()[0].lower() in ("citing", "quoting")  # a source, not a trait
            return s1_start + found[0], found[1], None, None if chain else s2
        if is_name(s2) and is_role(s1):
            tail = s1.split()[-1].lower().strip(",")
            head = _appositive_head(text, lo, end - 1) if tail in _AGENT_NOUNS and (
                tail not in ROLE_NOUNS) else None
            if head is not None and head[0] < s1_start:  # "Ann Roe, the editor of the
                return head  # city's newspaper, the Courier, said": Ann Roe
            return s2_start, s2, s1, None
        if is_name(s1) and is_role(s2):
            return s1_start, s1, s2, None
        if (is_name(s1) or DOC_SUBJECT.match(s1) or _placed_name(s1)) and (
                s2.split()[0].lower() in ("the", "a", "an") or _owned_description(s2)):
            return s1_start, s1, None, s2  # "Acme Corp, the food group, said"
        if _ROLE_FOR_NAME.match(s1) and s2.split()[0].lower() in ("the", "a", "an") and not (
                is_name(strip_determiner(s2))) and text[lo:s1_start].strip() == "":
            return s1_start, s1, None, None  # "A spokeswoman for Norvax, the maker, said"
        if _described(s1) and is_name(strip_determiner(s2)):
            return s2_start, s2, None, s1  # "The operator, Terrano Waste, warned"
        head = _appositive_head(text, lo, end - 1)
        intro = INTRO.match(text, lo, s1_start) if head is None else None
        if head is not None or text[lo:s1_start].strip() and (
                intro is None or intro.end() != s1_start):  # "In a statement, one of …"
            return head
        if is_name(s1) and _role_like(s2):
            return s1_start, s1, None, s2  # "Roe, Ohio director for the campaign, said"
        if (is_name(s2) or _placed_name(s2)) and not is_name(s1) and (not _IN_PLACE.search(
                s1) or _placed_person(
                s1)) and (speaker_phrase(
                s1) or _DESCRIPTION_OPENER.match(s1) and len(s1.split()) <= 9):
            return s2_start, s2, None, s1  # "Another delegate on the slate, Roe, said"
        named = _TRAILING_NAME.search(s2)
        if named is not None and named.start() > 0 and is_name(named.group()) and _role_like(
                s2[: named.start()]) and speaker_phrase(s1):
            return s2_start + named.start(), named.group(), None, s1  # "One delegate, party
            # chairwoman Ann Roe, pledged": the name after the role
        found = speaker_phrase(s1)
        if found is not None and (s2.split()[0].lower() in ("a", "an") or _ONE_OF.match(s2)):
            return s1_start + found[0], found[1], None, s2  # "The employee, a voter, said",
            # "The novelist Ann Roe, one of the organisers, told …"
        return None
    when = TRAILING_TIME.search(text, max(lo, end - 60), end) if text[
        text.rfind(" ", lo, end) + 1 : end] in TIME_ENDS else None
    if when is not None and when.start() > lo:  # "The council last week said"
        end = when.start()
    start, phrase = _segment_before(text, end, lo)
    whose = phrase.find(" whose ")
    phrase = _strip_aux(phrase if whose < 0 else phrase[:whose])  # "officials whose … say"
    if " even " in phrase:  # "Lawmakers and even some donors say": both parties
        phrase = phrase.replace(" and even ", " and ").replace(" or even ", " or ")
    if phrase.endswith(_SUBJECT_TAILS):  # "Voters overall said": the voters
        phrase = phrase.rsplit(" ", 1)[0]
    if text[max(lo, start - 2):start].startswith(","):  # "Roe, a former aide to X has written"
        person = named_before(text, lo, start, phrase)
        if person is not None:
            return person[0], person[1], None, person[2]
    adverb = LEAD_ADVERB.match(phrase)
    if adverb is not None:  # "Recently she announced …": the adverb is no speaker
        start, phrase = start + adverb.end(), phrase[adverb.end():]
    if loose and _valid_phrase(phrase, loose):
        return start, phrase, None, descriptor
    found = speaker_phrase(phrase)
    bound = COUNT_BOUND.match(phrase) if found is None else None
    if bound is not None:  # "At least a dozen council members told …": the members
        start, phrase = start + bound.end(), phrase[bound.end():]
        found = speaker_phrase(phrase)
    if found is None and " " in phrase and "ing " in phrase:
        group = _GROUP_DOING.match(phrase)  # "Democrats working to win X say": Democrats
        found = speaker_phrase(group.group(1)) if group is not None else None
    if (found is None or found[0] == 0 and " " in found[1]) and "ed " in phrase:
        made = _THING_MADE.match(phrase)  # "The audit released Friday said": the audit
        thing = speaker_phrase(made.group(1)) if made is not None else None
        if thing is not None and (found is None or len(thing[1]) > len(found[1])):
            found = thing  # never a head cut short ("A news | report published …")
    if found is None and _BARE_SHARE.fullmatch(phrase) and (
            start == lo or text[max(lo, start - 3) : start].rstrip()[-1:] in (",", ":", ";")):
        found = (0, phrase)  # "…: 42% say …": a poll's respondents, as "Some 42 percent"
    if found is None and phrase.endswith(_PRONOUN_ENDS):
        lead, _, pron = phrase.rpartition(" ")
        if lead and pron in _PRONOUN_SUBJECTS and only_circumstance(lead):
            start, phrase = start + len(lead) + 1, pron  # "late Saturday he announced"
            found = speaker_phrase(phrase)
    if found is not None and _ENDS_RELATIVE.search(text, max(0, start - 12), start) and (
            only_circumstance(phrase)):
        found = None  # "X, who last year threatened …": the time is no speaker
    if found is None:
        shared = _coordinated(text, lo, end) or _antecedent(text, lo, end) or _after_and(
            text, start, phrase)
        if shared is None and " and " in phrase and not text[lo:start].rstrip().endswith(","):
            shared = _first_of_pair(start, phrase)
        return None if shared is None else (*shared, None, descriptor)
    if " and " in found[1] and not text[lo:start].rstrip().endswith(","):
        pair = _first_of_pair(start + found[0], found[1])
        if pair is not None:
            return (*pair, None, descriptor)
    return start + found[0], found[1], None, descriptor


_GROUP_DOING = re.compile(r"((?:[\w'’-]+ ){0,3}?[A-Za-z][a-z'’-]+[a-rt-z]s) (?!during |according |"
                          r"including |regarding |concerning |following )[a-z]+ing ")
# "The audit released Friday said": a document noun before a publishing participle.
_THING_MADE = re.compile(r"((?:[\w'’-]+ ){0,3}?[a-z][a-z'’-]+[a-rt-z]s?) (?:"
                         + "|".join(sorted(_PUBLISHED | words("conducted compiled prepared")))
                         + r")(?: |$)")
_BARE_SHARE = re.compile(r"\d{1,2}(?:\.\d)?(?:%| percent)")
_NAME_PLACED = re.compile(r"((?:[A-Z][\w.'’-]*\s+){1,3}[A-Z][\w.'’-]*)\s+(?:of|from|at)\s+")
_ONE_OF = re.compile(r"(?:[Oo]ne|[Aa]mong) (?:of )?(?:the|his|her|its|their) ")
_SUBJECT_TAILS = (" overall", " nationwide", " nationally", " statewide")
_PAIR_LEAD = re.compile(r"(?:[Bb]oth|[Ee]ither)\s+")
_BRACKET_END = re.compile(r"\s*\([^()]*\)$")
_PAIR_TAIL = re.compile(r"\s+(?:both|all|each|together|jointly)$")


def _first_of_pair(start: int, phrase: str) -> tuple[int, str] | None:
    """"Ann Roe and Tom Brisk said …", "Both Roe and the union have argued …": two
    parties share the verb; the claim is credited to the first, a party of its own
    (the source is one entity, never the two joined as one name)."""
    lead = _PAIR_LEAD.match(phrase)
    off = lead.end() if lead else 0
    core = _strip_aux(_PAIR_TAIL.sub("", _strip_aux(phrase[off:])))
    core = _BRACKET_END.sub("", core)  # "X and Y Union (XYU)": its acronym
    first, _, second = core.partition(" and ")
    if not first or not second or " and " in second or "," in first:
        return None
    if not (_party_part(first) and _party_part(second)) or second.split()[-1].lower() in (
            ORG_WORDS) and first.split()[-1].lower() not in ORG_WORDS and is_name(
            strip_determiner(first)):
        return None  # "Lower Harran Fire and Rescue Service": one body's name
    one = speaker_phrase(first)
    return None if one is None or one[0] > 0 else (start + off, one[1].rstrip(" ,"))


_PAIR_DETS = words("the his her their its a an")


def _party_part(part: str) -> bool:
    """A party's short noun phrase with no verb in it: a name ("Sen. Ann Roe"), or a
    determiner and at most three words none of which looks finite ("the union", "her
    aides"); "Roe raised taxes" is a clause."""
    toks = part.split()
    if not toks or len(toks) > 6:
        return False
    if any(t.islower() and (t.endswith("ed") or t in FINITE or t in PREPOSITIONS)
           for t in toks[1:]) or toks[-1].lower() in ROLE_NOUNS:
        return False  # a clause, or one name holding "and" ("Bureau of X and Y")
    return is_name(part) or toks[0].lower() in _PAIR_DETS and len(toks) <= 4 or bool(
        _NAME_END.search(part))  # "Republican hopeful Ann Roe"


_AND_CLAUSE = re.compile(r"\s(?:and|but|or|so)\s+(?=\S)")


def _after_and(text: str, start: int, phrase: str) -> tuple[int, str] | None:
    """"… she was copied on the questions and Holt said …": the subject after the last
    coordinator, when the words before it hold a verb (two clauses, no comma)."""
    cuts = list(_AND_CLAUSE.finditer(phrase))
    if not cuts or speaker_phrase(phrase[: cuts[-1].start()]) is not None:
        return None
    tail = phrase[cuts[-1].end():]
    found = speaker_phrase(tail)
    if found is None or not tail[:1].isupper() and tail.split()[0].lower() not in (
            _PRONOUN_SUBJECTS):
        return None
    return start + cuts[-1].end() + found[0], found[1]


_RELATIVE_BEFORE = re.compile(
    r"(?:,\s*)?\b(?:(?:many|most|some|all|both|none|several|each|one|two|three|half|few|"
    r"any)\s+of\s+(?:whom|which)|who(?:['’](?:ve|d))?|which|that)(?:\s+(?:also|has|have|had|"
    r"would|will|now|"
    r"still|long|"
    r"repeatedly|once|never|not|first|later|then|again|previously|recently|already|"
    r"often|did|does|do|could|can|may|might|\w+ly))*\s*$")


_ENDS_TIME_WORD = re.compile(r"\b(?:after|before|since)\s*\Z", re.IGNORECASE)
_DATE_START = re.compile(r"(?:(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)[a-z]*\.?|"
                         r"May|\d{1,4})(?!\S)")
_ENDS_RELATIVE = re.compile(r"\b(?:who|which|that)\s*\Z")
_RELATIVE_WORD = re.compile(r"(?:,\s*)?\b(?:who|which|that)\b")


def _relative_at(text: str, lo: int, end: int) -> re.Match[str] | None:
    """The relative pronoun whose clause's verb is at `end`, with only auxiliaries,
    adverbs and time phrases between ("who last year threatened", "which have ruled")."""
    m = _RELATIVE_BEFORE.search(text, lo, end)
    if m is not None:
        return m
    last = None
    for found in _RELATIVE_WORD.finditer(text, max(lo, end - 80), end):
        last = found
    if last is None or not only_circumstance(text[last.end():end]):
        return None
    return last


def _antecedent(text: str, lo: int, end: int) -> tuple[int, str] | None:
    """"Jane Roe, who told the committee …", "voters who fear cuts": the noun phrase a
    relative pronoun stands for, read back from the pronoun; a relative clause that opens
    the clause at hand ("…, which have ruled …") takes it from the sentence before."""
    m = _relative_at(text, lo, end)
    if m is None:
        return None
    if m.start() <= lo:  # the clause opens on the pronoun: the antecedent ends the one before
        if not text[lo:m.start()].strip(" ,") and lo > 0:
            lo = 0
        else:
            return None
    at = m.start()
    while at > lo and text[at - 1] in " ,-—–":  # also "generals -- most of whom"
        at -= 1
    set_off = m.group().startswith(",") or "," in text[at : m.start()]
    start, head = _segment_before(text, at, lo)
    whole = _set_off_antecedent(text, lo, start, head) if set_off else None
    if whole is not None:
        start, head = whole
    else:
        start, head = _trailing_noun_phrase(text, start, head)
    if head == "those":  # "Roe is among those who insist …": Roe
        among = _AMONG_THOSE.search(text, max(lo, start - 30), start)
        subj = _subject_phrase(text, among.start(), lo) if among is not None else None
        return None if subj is None else (subj[0], subj[1])
    found = speaker_phrase(head) if head else None
    if found is None or found[1].lower() in _PRONOUN_SUBJECTS:
        return None
    if "who" not in m.group() and not _noun_free_subject(found[1]) and not _agentive(found[1]):
        return None  # "a standoff that had threatened …": no party
    return start + found[0], found[1]


_AMONG_THOSE = re.compile(r"\b(?:is|are|was|were)\s+(?:also\s+|now\s+)?among\s+\Z")
_TRAILING_NAME = re.compile(r"(?<![\w'’.-])(?:[A-Z][\w'’.-]*\s+){0,4}[A-Z][\w'’.-]*$")


def _set_off_antecedent(text: str, lo: int, start: int, seg: str) -> tuple[int, str] | None:
    """The antecedent of a relative clause set off by a comma: the whole name before it
    ("Senator Tom Brisk of Ohio, who …"), or the name a description stands beside ("Tom
    Brisk, the president of the X Institute, who …")."""
    if not seg or len(seg.split()) > 7:
        return None
    back = start
    while back > lo and text[back - 1] in " ,":
        back -= 1
    if back < start and text[back] == "," and (is_role(seg) or seg.split()[0].lower() in (
            "a", "an", "the")) and seg.split()[-1][:1].islower() or is_role(seg):
        p_start, prev = _segment_before(text, back, lo)
        name = _TRAILING_NAME.search(prev)
        if name is not None and is_name(name.group()):
            return p_start + name.start(), name.group()
    verb = _OBJECT_OF_VERB.match(seg)
    if verb is not None and "who" in text[start + len(seg) : start + len(seg) + 6]:
        found = speaker_phrase(seg[verb.end():])  # "The ruling alarmed economists, who …"
        return None if found is None else (start + verb.end() + found[0], found[1])
    if seg[:1].isupper() and speaker_phrase(seg) == (0, seg):
        return start, seg
    return None


# A clause "The <noun> <verb>ed <object>" before ", who": the object is the antecedent.
_OBJECT_OF_VERB = re.compile(r"(?:The|A|An|This|That|His|Her|Its|Their)\s+(?:[a-z][\w-]*\s+){1,3}?"
                             r"(?:[a-z]+ed|drew|left|won|led|met|hit)\s+(?=[\w])")


def _agentive(phrase: str) -> bool:
    """A common noun phrase whose head can speak or publish ("the group", "a poll")."""
    head = phrase.split()[-1].lower().strip(",.")
    return head in _AGENT_NOUNS or head.rstrip("s") in _AGENT_NOUNS


_AGENT_NOUNS = ORG_WORDS | DESCRIPTORS | GENERIC_HEADS | ROLE_NOUNS | words(
    "poll survey study report analysis newspaper paper campaign committee group agency "
    "organization organisation network station outlet website site magazine media "
    "television radio press"
)
_NP_STOP = PREPOSITIONS | CONJUNCTIONS | FINITE | words("to not")
_ARTICLES = words("a an the")
_NP_LEAD = words("the a an his her its their our some many most several two three four "
                 "five one another other")


def _trailing_noun_phrase(text: str, start: int, seg: str) -> tuple[int, str]:
    """The noun phrase that ends a stretch ("… would involve Attorney General Jane Roe"
    → "Attorney General Jane Roe"; "support from voters" → "voters")."""
    toks = list(_NON_SPACE.finditer(seg))
    i = len(toks)
    lower = 0
    while i > 0:
        w = toks[i - 1].group()
        low = w.lower().strip(",")
        if w[:1].isupper() or low[:1].isdigit():
            i -= 1
            continue
        if low in _NP_STOP or low in CUE_BASE or lower >= 3:
            break
        lower += 1
        i -= 1
    while i < len(toks) - 1 and toks[i].group()[:1].islower() and (
            toks[i].group().lower() not in _NP_LEAD) and any(
            t.group()[:1].isupper() for t in toks[i:]):
        i += 1  # "involve Attorney General …": not the verb before the name
    if i < len(toks) - 1 and toks[i].group()[:1].islower() and toks[i].group() not in _NP_LEAD:
        for j in range(i + 1, len(toks) - 1):
            if toks[j].group() in _ARTICLES:
                i = j  # "hired an architect who …": the phrase opens on its article
                break
    if i >= len(toks):
        return start, ""
    return start + toks[i].start(), seg[toks[i].start():]


_TIME_OPENERS = words("last this next earlier later on in during at early late")
_APPOSITION_OPENERS = words("who whose which a an the at of from with")
_AFFILIATION = re.compile(r"[A-Z][\w-]*\s+(?:of|from)\s+[A-Z]")  # "Republican of New York"
_QUOTE_END = re.compile(r"[”\"]|''")
_POSSESSOR = re.compile(r"^(?:[A-Z][\w.-]*\s+){0,3}[A-Z][\w.-]*['’]s\s+")  # "North Carolina's"


def _appositive_head(
    text: str, lo: int, end: int
) -> tuple[int, str, str | None, str | None] | None:
    """"Jane Roe, who grew up near the border town, Vesna, said": a name before
    the clause's first comma, when what follows it is a relative clause, a description
    ("a former official at …, …") or a role, however many commas it holds."""
    lo = max([lo, *(m.end() for m in _QUOTE_END.finditer(text, lo, end))])  # after a quote
    first = text.find(",", lo, end)
    while first >= 0:  # "For now, Marlow, at the X, said": the first comma that ends a name
        start, head = _segment_before(text, first, lo)
        middle = text[first + 1 : end].strip()
        opener = middle.split()[0] if middle.split() else ""
        found = speaker_phrase(head) if head and not (head.split()[0].lower() in (
            _TIME_OPENERS) and only_circumstance(head)) else None  # "Last month, X, …"
        core = strip_determiner(found[1]) if found else ""
        if found is not None and (opener.lower() in _APPOSITION_OPENERS or opener[:1].islower()
                                  or opener[:1].isdigit()  # an age: "Jon Roe, 60, a doctor,"
                                  or is_role(middle.split(",")[0])
                                  or _AFFILIATION.match(middle)) and (
                is_name(_POSSESSOR.sub("", core)) or DOC_SUBJECT.match(core)):
            break
        first = text.find(",", first + 1, end)
    else:
        return None
    if found is None:
        return None
    role = middle.split(",")[0].strip()
    return (start + found[0], found[1], role if is_role(role) else None,
            None if is_role(role) else middle)


_COORDINATOR = re.compile(r"(?:^|\s|,)(?:and|but|or|yet)(?:\s+([^,;]*))?$")
_ENDS_COORDINATOR = re.compile(r"(?:,|\b(?:and|but|or|yet))\s*$")
_OPENING_CONJUNCTION = re.compile(r"\s*(?:But|And|Yet|So|Still)\s+(?=\w)")


def _coordinated(text: str, lo: int, end: int) -> tuple[int, str] | None:
    """The subject a verb shares with an earlier one ("Vance has cut the fees and on
    Monday promised …", "Orvik Ltd lost two clients but says …"): the noun
    phrase opening the clause, when only adverbs stand between the coordinator and the
    verb."""
    stretch = text[lo:end]
    m = _COORDINATOR.search(stretch)
    if m is not None and only_circumstance(m.group(1) or "") and m.start() > 0:
        base = lo
    elif only_circumstance(stretch) and lo > 0 and _ENDS_COORDINATOR.search(text[:lo]):
        base = 0
    else:
        return None
    lead = lead_subject(text, base, end)
    found = speaker_phrase(lead[1]) if lead is not None and lead[0] < end else None
    opener = _OPENING_CONJUNCTION.match(text, base, end) if found is None else None
    if opener is not None:  # "But the court overruled and said …": the court
        lead = lead_subject(text, opener.end(), end)
        found = speaker_phrase(lead[1]) if lead is not None and lead[0] < end and not (
            text.startswith(",", lead[0] + len(lead[1]))) else None  # "And Roe, said X, …"
    if found is None and base == lo and m is not None:  # "On Friday, Roe visited … and said"
        comma = text.rfind(",", lo, lo + m.start())
        lead = lead_subject(text, comma + 1, end) if comma >= 0 else None
        found = speaker_phrase(lead[1]) if lead is not None and lead[0] < end else None
    return None if found is None or lead is None else (lead[0] + found[0], found[1])


_OBJECT = re.compile(
    r"(?:\([A-Z]{1,2}-[A-Z][\w. ]{0,20}\)|(?!'')[^,;.:!?“”\"]|(?<=\b[A-Z])\.|"
    r"(?<=\w)\.(?=(?:com|org|net)\b)|(?<=\b(?:Mr|Ms|Dr|St))\.|(?<=Mrs)\.|"
    r"(?<=\b(?:Rep|Sen|Gov|Gen|Col|Sgt|Rev))\.|(?<=\b(?:Prof|Capt|Supt))\.)*")
_OBJECT_DASH = re.compile(r"\s+[-–—]\s+")
_OBJECT_ROLE = re.compile(r",\s*([^,;.“”\"]+)")
_APPOSITIVE = re.compile(r",\s*([^,;.]+),")
_RELATIVE_OPENER = re.compile(r"^(?:which|who|that)\b")


def _object(text: str, pos: int, end: int) -> tuple[str, str | None, int]:
    """Phrase after "according to"/inverted verbs, up to the clause's next comma."""
    m = _OBJECT.match(text[pos:end])
    phrase = m.group().strip() if m else ""
    phrase = _TRAIL.sub("", phrase)
    if phrase.endswith(")") and "(" not in phrase:  # "(…, according to Ann Roe)."
        phrase = phrase[:-1].rstrip()
    dash = _OBJECT_DASH.search(phrase)
    if dash is not None:  # "the X Center - a research group": the aside after the dash
        phrase = phrase[: dash.start()]
    rest = pos + (m.end() if m else 0)
    role = None
    after = _OBJECT_ROLE.match(text[rest:end])
    if after and (is_role(after.group(1)) or after.group(1).lower().startswith(("a ", "an "))):
        role = after.group(1).strip()
    return phrase, role, rest


def find_hits(
    text: str, mask: list[bool], lo: int = 0, hi: int | None = None, loose: bool = False
) -> list[CueHit]:
    """Every cue in text[lo:hi] outside quotations, in order of the speaker's position."""
    hi = len(text) if hi is None else hi
    hits: list[CueHit] = []
    taken: list[tuple[int, int]] = []

    def free(a: int, b: int) -> bool:
        return not mask[a] and all(b <= s or a >= e for s, e in taken)

    for m in _ACCORDING.finditer(text, lo, hi) if text.find("ccording to ", lo, hi) >= 0 else ():
        if not free(m.start(), m.end()):
            continue
        phrase, role, rest = _object(text, m.end(), hi)
        descriptor = None
        leading = not text[lo : m.start()].strip(" ,")
        if leading:
            appos = _APPOSITIVE.match(text[rest:hi])
            if appos and is_name(appos.group(1)):
                descriptor, phrase = phrase, appos.group(1).strip()
        if role and not is_role(role):
            descriptor, role = role, None
        if phrase:
            hits.append(CueHit(m.start(), m.end() - 1, "according to", phrase, m.end(), role,
                               leading, descriptor))
            taken.append((m.start(), rest))
    for m in _AS_CUE.finditer(text, lo, hi) if text.find("as ", lo, hi) >= 0 else ():
        if not free(m.start(), m.end()):
            continue
        phrase, role, rest = _object(text, m.end(), hi)
        if phrase:
            hits.append(CueHit(m.start(), m.end(), m.group(1), phrase, m.end(), role, False))
            taken.append((m.start(), rest))
    for m in _AS_PUT_IT.finditer(text, lo, hi) if text.find(" it", lo, hi) >= 0 and (
            text.find("put", lo, hi) >= 0) else ():
        if free(m.start(), m.end()) and speaker_phrase(m.group(1)):  # "as Roe put it, …"
            hits.append(CueHit(m.start(2), m.end(2), "put", m.group(1), m.start(1), None,
                               _is_leading(text, lo, m.start(), m.end(), hi)))
            taken.append((m.start(), m.end()))
    for m in QUOTED_AS.finditer(text, lo, hi) if text.find("quoted", lo, hi) >= 0 else ():
        subj = _subject(text, m.start(), lo, loose)
        if subj is not None and free(m.start() + 1, m.end()):
            hits.append(CueHit(m.start() + 1, m.end(), "said", subj[1], subj[0], subj[2],
                               _is_leading(text, lo, subj[0], m.end(), hi), subj[3]))
            taken.append((subj[0], m.end()))
    scan = text.lower() if _title_case(text[lo:hi]) else text  # "Holt Says She …"
    scanned = list(_CUE_SCAN.finditer(scan, lo, hi))
    acts = _verbal_acts(scan, scanned, hi)
    for m in [*(m for m in scanned if m.group() in _CUE_WORDS), *acts]:
        word = m.group()
        first = word.split()[0]
        if word in GERUNDS or word in PARTICLE_GERUNDS:  # "Holt is telling supporters …"
            aux = _PROGRESSIVE.search(text, lo, m.start())
            if aux is None or not free(m.start(), m.end()):
                continue
            if word in PARTICLE_GERUNDS:  # "Holt is talking about …"
                particle = _NEXT_WORD.match(text, m.end())
                if particle is None or particle.group(1).lower() not in (
                        PARTICLE_GERUNDS[word][1]):
                    continue
            past = GERUNDS[word] if word in GERUNDS else PARTICLE_GERUNDS[word][0]
            if past == "recalled":
                continue  # "X is recalling 2 million bottles": goods taken back, no memory
            subj = _subject(text, aux.start(), lo, loose)
            if subj is not None:
                hits.append(CueHit(m.start(), m.end(), past, subj[1], subj[0],
                                   subj[2], _is_leading(text, lo, subj[0], m.end(), hi),
                                   subj[3]))
                taken.append((subj[0], m.end()))
            continue
        aux = _BE_BEFORE.search(text, lo, m.start()) if word in STANCE_ADJECTIVES else None
        if aux is not None:  # "Holt is confident that …"
            comp = _next_word(text, m.end())
            if not free(m.start(), m.end()) or comp not in _ADJ_COMPLEMENTS or (
                    word in _RAISING and comp == "to"):
                continue  # "Holt is certain to win": a forecast; "were worried.": no content
            subj = _subject(text, aux.start(), lo, loose)
            if subj is not None and subj[1].lower() not in _NOT_PARTY_SUBJECTS:
                hits.append(CueHit(m.start(), m.end(), word, subj[1], subj[0], subj[2],
                                   _is_leading(text, lo, subj[0], m.end(), hi), subj[3]))
                taken.append((subj[0], m.end()))
            continue
        end = m.end()
        nounish = word in _NOUNISH
        if word in CUE_BASE:
            base = CUE_BASE[word]
        elif word in PARTICLE_FORMS:  # "pointed out", "pushed back"
            past, particles = PARTICLE_FORMS[word]
            particle = _NEXT_WORD.match(text, end)
            if particle is not None and particle.group(1).endswith("ly") and (
                    particle.group(1) != "only"):  # "spoke favorably of", "spoke briefly about"
                particle = _NEXT_WORD.match(text, particle.end())
            if particle is None or particle.group(1).lower() not in particles:
                continue
            base, end = past, particle.end()
            nounish = not word.endswith(("ed", "ing")) and word != past
        elif word in STANCE_ADJECTIVES:
            continue
        elif word in _CONTINUED:
            if not text.startswith((",", ":"), end):
                continue
            base = "continued"
        elif " " in word or word != first or _VERBAL_ACT.fullmatch(word):
            base = "said" if word.endswith("saying") else first  # "issued a statement saying"
        else:
            continue
        if not free(m.start(), end):
            continue
        before = word_before(text, m.start()) if _joined_to_word(text, m.start()) else ""
        after = _next_word(text, end)
        if nounish and (verb_follows(text, end, word_before(text, m.start()).lower()) or (
                after in _BARE_CUE_VERBS and after not in _NOUNISH and word.endswith("s")
                or after in _PUBLISHED) and (
                text[m.start()].islower())):  # not in a title-case headline ("X Aims Insult")
            continue  # "advocates hailed", "the sales report gives": the subject's noun
        verb_at = m.start()
        if before == "to":  # "went on to criticise": the subject of the catenative
            cat = _CATENATIVE.search(text, lo, m.start())
            if cat is None:
                continue
            verb_at, before = cat.start(), word_before(text, cat.start())
        if word in PARTICIPLE_ONLY and before not in ("has", "have", "had"):
            continue  # "known as", "seen as": a passive participle, no cue
        if m.start() > 0 and text[m.start() - 1] == "-":
            continue  # "so-called"
        if (base, after) in _NOT_CUES or base in ("found", "saw") and after in _REFLEXIVES:
            continue  # "showed up", "found himself in …": no stance
        if after == "by" and (word.endswith("ed") or word in _IRREGULAR_PARTICIPLES) and (
                not _BY_MARGIN.match(text, end)) and _PASSIVE_BE.search(text, lo, m.start()):
            agent = _passive_agent(text, end, hi)
            if agent is not None and free(m.start(), agent[2]):  # "was praised by the union"
                hits.append(CueHit(m.start(), end, base, agent[1], agent[0], None, False))
                taken.append((m.start(), agent[2]))
            continue
        if word.endswith("ed") and _PASSIVE_ADVERBS.search(text, lo, verb_at):
            continue  # "is widely regarded as": a passive with an adverb between
        if before == "first" and _FIRST_AFTER_SUBJECT.search(text, max(lo, m.start() - 40),
                                                              m.start()):
            before = ""  # "the hacker who first revealed", "Roe first said": an adverb
        if before in _BLOCKERS and not (before == "her" and not nounish and _TO_HER.search(
                text, lo, m.start())) or after == "by" and not _BY_MARGIN.match(
                text, end) and not _BY_MEDIUM.match(text, end) or base in _NO_COMMENT and (
                before in ("immediately", "yet")) or (base in _NOTHING_SAID or (
                word in SPEECH_FORMS and _next_word(text, end) in _OPEN_QUESTION)) and (
                before in _NEGATIONS or _negated(before)):
            continue  # "did not respond", "did not disclose details": nothing they said
        if after == "of" and word not in _SAID_OF and " " not in word and end == m.end() or (
                noun_use(text, m.start(), word)):
            continue
        if base == "maintained" and takes_object(after):
            continue  # "Roe maintains a lead": keeping, not saying
        if base == "recalled" and _COUNTED_OBJECT.match(text, end):
            continue  # "recalled 40,000 cars": goods taken back, no memory
        if nounish and _SET_OFF_WHO.match(text, end):
            continue  # "Tenant advocates, who …": the noun heading a subject
        subj = _subject(text, verb_at, lo, loose)
        if word in _NEEDS_THAT and after != "that" and not (
                subj and DOC_SUBJECT.match(subj[1]) and word not in ("held", "holds")):
            continue
        if subj is None:
            prev = text[lo : m.start()].rstrip()
            if prev and prev[-1] in ",”“\"'" and m.end() < hi and word not in STANCE_FORMS and (
                    prev[-1] != "," or base in _SAYING):  # "X, Y, pledged her vote": no inversion
                phrase, role, rest = _object(text, m.end(), hi)
                relative = _INVERTED_RELATIVE.search(phrase)
                if relative is not None:  # "…,” said an aide who asked not to be named
                    phrase = phrase[: relative.start()]
                phrase = inverted_speaker(phrase)  # "…,” said Roe in an interview
                if phrase.count(" ") >= 8:  # "…,” said Ann Roe of the X School of Law"
                    placed = _NAME_PLACED.match(phrase)
                    if placed is not None and is_name(placed.group(1)):
                        phrase = placed.group(1)
                if prev[-1] == "," and not _INVERTED_END.match(text, rest, hi):
                    continue  # "Roe, for example, said Holt’s visit — …": content, no speaker
                if phrase and len(phrase.split()) <= 8 and (phrase[0].isupper() or (
                        phrase.split()[0].lower() in _INVERTED_OPENERS) or any(
                        w[:1].isupper() for w in phrase.split()[1:])) and speaker_phrase(phrase):
                    hits.append(CueHit(m.start(), end, base, phrase, end + 1, role, False))
                    taken.append((m.start(), rest))
            continue
        p_start, phrase, role, descriptor = subj
        if base == "named" and phrase[:2].lower() in ("a ", "an") and text[
                end + 1 : end + 2].isupper():
            continue  # "a man named Tom Brisk said": a participle naming, no stance
        if nounish and after != "that" and not (before in _MODALS and word == "vote"
                                                ) and not _noun_free_subject(
                phrase) and not (after == "to" and word in _INTENT_TO and _plain_subject(
                phrase)) and not _singular_verb(word, phrase, text, end):
            continue  # "would vote for": a poll's respondents, "vote" a verb
        leading = _is_leading(text, lo, p_start, end, hi)
        hits.append(CueHit(m.start(), end, base, phrase, p_start, role, leading, descriptor))
        taken.append((p_start, end))
    opener = _SAID_FIRST.match(text, lo, hi) if not hits and text.startswith(
        _SAID_WORDS, lo) else None
    if opener is not None and speaker_phrase(opener.group(2)):  # "Said Roe, “…”"
        hits.append(CueHit(opener.start(1), opener.end(1), "said", opener.group(2),
                           opener.start(2), None, True))
    label = speaker_label(text) if lo == 0 and not hits else None
    if label is not None:  # "Holt: the levy …"
        hits.append(label)
    if not hits:  # a cue noun only where no verb credits the clause
        hits = _noun_hits(text, mask, lo, hi)
    poll = poll_hit(text, mask, lo, hi)
    if poll is not None:  # "… in a new Gallup poll (released Monday)": the poll's finding
        hits = [h for h in hits if h.start > poll[1] + len(poll[2]) + 2 or h.start < poll[0]]
        if not hits:
            hits = [CueHit(poll[0], poll[1], "in", poll[2], poll[3], None, poll[4])]
    wording = read_hit(text, lo, hi) if not hits else None
    if wording is not None:  # "“…,” the sign read."
        hits = [CueHit(wording[0], wording[1], "read", wording[2], wording[3], None, wording[4])]
    absolute = with_gerund_hit(text, mask, lo, hi, PARTICIPLES) if not hits else None
    if absolute is not None:  # "…, with Roe calling the plan a sham"
        hits = [CueHit(absolute[0], absolute[1], absolute[2], absolute[4], absolute[3])]
    reduced = reduced_relative_hit(text, mask, lo, hi) if not hits and any(
        m.group() in REDUCED_PARTICIPLES for m in scanned) else None
    if reduced is not None:  # "a super PAC backing Roe", "polls showing Roe ahead"
        hits = [CueHit(reduced[0], reduced[1], reduced[2], reduced[4], reduced[3])]
    part = participle_hit(text, lo, hi, mask, lambda at: _participle_subject(text, at, lo))
    if part is not None and all(part[0] < h.start for h in hits):
        hits.append(CueHit(part[0], part[1], part[2], part[4], part[3], None, True))
    elif part is not None and not any(part[3] < h.start < part[0] and h.cue in _SAYING
                                      for h in hits):  # "…, Roe said, adding": Roe's
        hits = [replace(h, cue=part[2]) if h.phrase_start == part[3] and h.start < part[0]
                and h.cue not in _SAYING else h for h in hits]  # "…, ruling that …"
    hits.sort(key=lambda h: h.phrase_start)
    if hits and ("citing" in text or "quoting" in text or " by " in text):
        hits = _with_chains(hits, text, mask, lo, hi)
    return hits


def _participle_subject(text: str, verb: int, lo: int) -> tuple[int, str] | None:
    """The subject of the clause a participle of saying closes, read before its verb."""
    subj = _subject(text, verb, lo)
    return None if subj is None else (subj[0], subj[1])


_PASSIVE_BE = re.compile(r"\b(?:is|are|was|were|be|been|being)\s+(?:(?:\w+ly|not|never|also|"
                         r"first|still|now|already|often|even)\s+)*\Z")
_IRREGULAR_PARTICIPLES = words("told said written shown seen found thought")
_BY = re.compile(r"\s+by\s+")
# Where an agent phrase ends: a lower-case preposition or clause word not opening a name
# ("by the union as a victory", "by the Board on Port Affairs" keeps its "on").
_AGENT_END = re.compile(r"\s+(?:as|for|after|before|during|because|when|while|who|which|"
                        r"that|since|to|with|in|on|at|over|from|and|but|than|about|of)\b"
                        r"(?!\s+(?:the\s+)?[A-Z])")


def _passive_agent(text: str, end: int, hi: int) -> tuple[int, str, int] | None:
    """"The plan was criticized by the Harbor Union as …": (start, agent, end) when the
    agent after "by" names a speaker (a name, or a determiner and a party noun)."""
    by = _BY.match(text, end, hi)
    if by is None:
        return None
    phrase, _role, rest = _object(text, by.end(), hi)
    cut = _AGENT_END.search(phrase)
    if cut is not None:
        phrase = phrase[: cut.start()]
    phrase = phrase.rstrip(" .")
    toks = phrase.split()
    if not toks or len(toks) > 8 or not (toks[0][:1].isupper() or toks[0].lower() in (
            _INVERTED_DETS) and (_agentive(phrase) or toks[-1][:1].isupper())):
        return None
    found = speaker_phrase(phrase)
    if found is None:
        return None
    return by.end() + found[0], found[1], by.end() + len(phrase)


def _verbal_acts(scan: str, scanned: list[re.Match[str]], hi: int) -> list[re.Match[str]]:
    """What `_VERBAL_ACT.finditer(scan, lo, hi)` finds: every act opens on a word of
    `_ACT_OPENERS`, which the cue scan has already found, so the pattern is tried at
    those words only (each one past the end of the act before, as `finditer` does)."""
    acts: list[re.Match[str]] = []
    end = -1
    for m in scanned:
        if m.start() >= end and m.group() in _ACT_OPENERS:
            act = _VERBAL_ACT.match(scan, m.start(), hi)
            if act is not None:
                acts.append(act)
                end = act.end()
    return acts


def _noun_hits(text: str, mask: list[bool], lo: int, hi: int) -> list[CueHit]:
    """"Roe's claim that …", "a statement from the union": the owner of a cue noun."""
    hits: list[CueHit] = []
    owned = (text.find("'", lo, hi) >= 0 or text.find("’", lo, hi) >= 0) and any(
        text.find(n, lo, hi) >= 0 for n in _CUE_NOUN_STEMS) or any(
        text.find(p, lo, hi) >= 0 for p in _STANCE_NOUN_PHRASES)
    for m in _OWNED_CUE.finditer(text, lo, hi) if owned else ():
        noun, owner = m.group(2).lower(), m.group(1)
        needs = _STANCE_NOUN_PREPOSITIONS.get(noun)
        if mask[m.start()] or mask[m.start(2)] or (m.group(3).lower() != needs if needs else (
                m.group(3).lower() in ("for", "to"))):
            continue  # "support for", "calls for"; never "claim to the nomination"
        pronoun = _POSSESSIVE_SUBJECT.get(owner.lower())
        if pronoun is None:
            owner = owner[:-2] if owner.endswith(("'s", "’s")) else owner[:-1]
            if not speaker_phrase(owner):
                continue
        elif needs is None:
            continue  # "his comments about …": as before, a name's only
        hits.append(CueHit(m.start(2), m.end(2), _CUE_NOUNS[noun], pronoun or owner,
                           m.start(1), None, _is_leading(text, lo, m.start(1), m.end(2), hi)))
    for m in _IN_VIEW.finditer(text, lo, hi) if " view" in text or " opinion" in text or (
            " words" in text) else ():
        owner = m.group(1)
        pronoun = _POSSESSIVE_SUBJECT.get(owner.lower())
        if pronoun is None:
            owner = owner[:-2] if owner.endswith(("'s", "’s")) else owner[:-1]
            if not speaker_phrase(owner):
                continue
        if not mask[m.start()]:  # "In Roe's view, the levy …": Roe's opinion
            hits.append(CueHit(m.start(2), m.end(2), "suggested", pronoun or owner,
                               m.start(1), None, _is_leading(text, lo, m.start(1), m.end(2), hi)))
    for m in _CUE_NOUN_BY.finditer(text, lo, hi) if " by " in text or " from " in text else ():
        if not mask[m.start()] and speaker_phrase(m.group(2)):
            hits.append(CueHit(m.start(1), m.end(1), _CUE_NOUNS[m.group(1).lower()],
                               m.group(2), m.start(2), None, True))
    return hits[:1]


# "Outlet A, citing think tank B, said …", "…, Outlet A reported, quoting B."
_CITING = re.compile(r"\b(?:citing|quoting|cited|based on (?:data|figures|reports?) from)\s+"
                     r"((?:(?!\b(?:as|that|which|who)\b)[^,;:.“”\"(])+)")
# "figures gathered by a monitoring group and analysed by a news agency": the last party
# to act is the source (the according-to object), the first its origin.
_HANDLED = re.compile(
    r"\b(?:gathered|collected|compiled|assembled|produced|recorded|obtained|counted|"
    r"documented)\s+by\s+((?:(?!\band\b)[^,;:.“”\"])+?)\s+and\s+(?:then\s+)?"
    r"(?:analy[sz]ed|reviewed|verified|published|reported|processed|mapped|checked)\s+by\b")


def _with_chains(hits: list[CueHit], text: str, mask: list[bool], lo: int,
                 hi: int) -> list[CueHit]:
    """The hits with the parties their claims came through (`via`, origin first): a
    "citing X" belongs to the cue nearest before it (or right after, "X, citing Y,
    said"), "gathered by X and analysed by Y" to the cue whose object names them."""
    via: dict[int, list[str]] = {}
    handled = _HANDLED.search(text, lo, hi)
    if handled and not mask[handled.start()]:
        owner = _owner_of(hits, handled.start())
        via.setdefault(owner, []).append(handled.group(1).strip())
    for m in _CITING.finditer(text, lo, hi):
        phrase = _TRAIL.sub("", m.group(1)).strip()
        if not mask[m.start()] and phrase and speaker_phrase(phrase):
            via.setdefault(_owner_of(hits, m.start()), []).insert(0, phrase)
    return [replace(h, via=tuple(dict.fromkeys(via[i]))) if i in via else h
            for i, h in enumerate(hits)]


def _owner_of(hits: list[CueHit], at: int) -> int:
    """Index of the hit whose cue or speaker comes last before `at`, else the first."""
    before = [i for i, h in enumerate(hits) if min(h.start, h.phrase_start) < at]
    return max(before, key=lambda i: max(hits[i].start, hits[i].phrase_start)) if before else 0


_PRONOUN_SUBJECTS = words("he she it they we i you")
# Subjects of "be + adjective" that are no party ("it is clear", "this is sure to …").
_PRONOUN_ENDS = (" he", " she", " they", " we")
_NOT_PARTY_SUBJECTS = words("it this that there which what these those")
def speaker_label(text: str) -> CueHit | None:
    """The speaker a transcript or interview names before a colon at a sentence's start
    ("HOLT: Will you answer …", "Ada Marlow: The levy …"), as a cue, or None (a section
    label such as "Photo:" or "Update:")."""
    label = _COLON_SPEAKER.match(text)
    if label is None or label.group(1).lower() in _SECTION_LABELS or not is_name(
            label.group(1)) or not speaker_phrase(label.group(1)):
        return None
    name, at = label.group(1), label.start(1)
    verb = _SAID_OPENER.match(name)
    if verb is not None:  # "Said Kelby: “…”": an inverted verb, not part of the name
        name, at = name[verb.end():], at + verb.end()
    return CueHit(label.end(1), label.end(1) + 1, "said", name, at, None, True)


# "Holt: the levy is unfair" (headlines, transcripts): a name and a colon, perhaps after
# the quotation mark that opens a transcript's paragraph.
_COLON_SPEAKER = re.compile(r"[“\"‘']?([A-Z][\w.'’&-]*(?:\s+[A-Z][\w.'’&-]*){0,3}):\s+[“\"‘'A-Z]")
# "Said Ann Roe, who grew up there, “…”": an inverted verb of saying opening the sentence,
# its speaker, perhaps an aside, then the quotation.
_SAID_WORDS = ("Said ", "Says ", "Added ", "Adds ", "Wrote ", "Writes ")
_SAID_FIRST = re.compile(r"(Said|Says|Added|Adds|Wrote|Writes)\s+"
                         r"([A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3})"
                         r"(?:,[^“”\"]{0,120})?[,:]\s*(?:[“\"]|'')")
_SAID_OPENER = re.compile(r"(?:Said|Says|Added|Adds|Wrote|Writes|Asked|Asks)\s+(?=\S)")
_SECTION_LABELS = words(
    "photo photos video watch update updates live breaking exclusive analysis opinion "
    "editorial comment note correction read related listen source sources credit image "
    "q a warning review interview transcript update editor's editors"
)
# Intentions that take "to" ("the campaign wants to …", "the firm plans to …"): a verb
# after a subject that is no possessor ("his plans to …" is a noun).
_INTENT_TO = words("want wants plan plans hope hopes need needs vow vows pledge pledges "
                   "promise promises threaten threatens")
_POSSESSIVE_DETS = words("his her its their our my your")


_OBJECT_OPENERS = words("the a an his her its their him them this these those he she they "
                        "we that")


def _singular_verb(word: str, phrase: str, text: str, end: int) -> bool:
    """"The union backs the governor": an -s form after a singular noun phrase, with its
    object right after, is the verb ("the company plans were shelved" has none)."""
    if not word.endswith("s") or word.endswith("ss") or not _plain_subject(phrase):
        return False
    toks = phrase.split()
    if toks[0].lower() not in ("the", "a", "an") and not toks[0][:1].isupper() or (
            toks[-1].lower().endswith("s")):
        return False
    nxt = _NEXT_WORD.match(text, end)
    return nxt is not None and (nxt.group(1).lower() in _OBJECT_OPENERS or (
        nxt.group(1)[:1].isupper()))


def _plain_subject(phrase: str) -> bool:
    toks = phrase.split()
    return bool(toks) and toks[0].lower() not in _POSSESSIVE_DETS and not bool(
        _OWNER_END.search(toks[-1]))


_INVERTED_DETS = words("the a an one another")  # "…,” said the second official
# What follows an inverted speaker after a plain comma: the clause's end or an apposition.
_INVERTED_END = re.compile(r"\s*(?:[,.;:!?)]|$)")
_INVERTED_OPENERS = _INVERTED_DETS | words("several some many two three four five other")
# The relative clause after an inverted speaker, which the speaker does not include.
_INVERTED_RELATIVE = re.compile(r"\s+(?:who|whom|whose|which|that)\s")


def _noun_free_subject(phrase: str) -> bool:
    """Whether a subject leaves no doubt that a noun-like cue after it ("calls", "plans",
    "support") is the verb: a pronoun, a proper name, a document, a plural group or a
    counted share of one ("64 percent", "A majority of voters")."""
    core = strip_determiner(phrase)
    last = core.split()[-1] if core.split() else ""
    return phrase.lower() in _PRONOUN_SUBJECTS or is_name(core) or bool(
        DOC_SUBJECT.match(phrase)) or (last.islower() and last.endswith("s")
                                      and not last.endswith("ss")) or bool(
        _COUNTED_SUBJECT.match(phrase))


_MODALS = words("would will could should might must can cannot did does do may")
# A counted share of a group, as polls report it: "64 percent", "Nine in 10 voters",
# "A majority of Republicans", "Most of the delegates".
_COUNTED_SUBJECT = re.compile(
    r"(?:(?:only|about|nearly|almost|roughly|some|just|fully|more\s+than|less\s+than|"
    r"fewer\s+than|a\s+mere)\s+)*(?:\d[\d.,]*\s*(?:%|percent\b)|[A-Za-z-]+\s+percent\b|"
    r"[\w-]+\s+in\s+(?:10|ten)\b|(?:a|the)\s+(?:[a-z]+\s+)?(?:majority|minority|"
    r"plurality|third|quarter|half)\b|(?:majorities|most|half|many|few)\s+of\b)",
    re.IGNORECASE)


def _is_leading(text: str, lo: int, p_start: int, cue_end: int, hi: int) -> bool:
    """Whether the claim content follows the cue (subject near the clause start)."""
    before = _RELATIVE_OPENER.sub("", text[lo:p_start].strip()).strip()
    after = text[cue_end:hi].strip(" .,”\"")
    if not before:
        return True
    intro = before.endswith(",") and len(before.split()) <= 6 and before.count(",") == 1
    return intro and len(after.split()) >= 4
