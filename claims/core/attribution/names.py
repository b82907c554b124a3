"""Whether a phrase can name a source: the structural test every speaker phrase and
every registry name passes.

A source is a noun phrase naming a person, a body or a document's producer. Phrases
cut from a sentence by punctuation ("Although Vance", "Marlow has long", "Records clerk at
the Port Authority who") are not: they open with a conjunction, adverb or quantity
word, hold a finite verb, or end on a function word. Nothing here knows a name; the
rules are about the shape of English noun phrases.
"""

from __future__ import annotations

import re
from functools import lru_cache

from claims.core.attribution.first_names import FEMALE, MALE
from claims.core.attribution.lexicon import GERUNDS, NOUN_LIKE, SPEECH_FORMS, STANCE_FORMS
from claims.core.attribution.persons import PERSON_NOUNS
from claims.core.attribution.sources import DESCRIPTORS, GENERIC_HEADS, ORG_WORDS, split_person


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


CONJUNCTIONS = _words(
    "and but or nor yet so although though because while whereas if unless since when "
    "whether neither either as once after before until whenever wherever whatever "
    "however whoever"
)
ADVERBS = _words(
    "also still even just only now then however meanwhile instead indeed moreover "
    "furthermore perhaps probably really actually finally later earlier already again "
    "rather nearly almost too thus hence nonetheless nevertheless otherwise likewise "
    "similarly besides anyway today yesterday tonight recently previously here there "
    "not never maybe therefore"
)
PRONOUNS = _words(
    "i me my we us our you your he him his she her it its they them their this that "
    "these those who whom whose which what there one's i'm it's that's there's he's "
    "she's they're we're"
)
QUANTITY = _words(
    "another two three four five six seven eight nine ten dozens hundreds thousands "
    "millions half most more less fewer few several some many all both each every any "
    "no none such"
)
_ARTICLES = _words("a an the")
PREPOSITIONS = _words(
    "of in on at to for from by with about against over under into onto upon via "
    "through during after before between among than like per toward towards including"
)
# Finite forms of the auxiliaries and of common verbs that are never nouns.
FINITE = _words(
    "is are was were am be been being has have had do does did will would can could "
    "should shall may might must isn't aren't wasn't weren't hasn't haven't hadn't "
    "don't doesn't didn't won't wouldn't can't couldn't shouldn't 's 're 've 'd 'll "
    "won lost took made got gave went came became began left ran met kept led brought "
    "sent spent paid put set told said wrote thought knew saw felt sought spoke "
    "seems seemed appears appeared remains remained wants wanted"
)
_PARTICIPLE_OPENERS = _words(
    "speaking talking appearing campaigning responding asked testifying addressing "
    "visiting returning standing sitting looking following according reacting referring "
    "pointing explaining commenting interviewed reached contacted reached asked pressed "
    "having being given"
)
# Participles that work as prepositions: before a capitalised word they open a phrase
# about somebody ("Following Roe on the radio, …"), never a party's name.
_PREPOSITION_PARTICIPLES = _words("following according regarding concerning")
# Adverb particles of phrasal verbs ("stared down the camera", "backed off the plan").
_VERB_PARTICLES = _words("down up out off away")
_OBJECT_OPENERS = _ARTICLES | PRONOUNS | _words("that whether how why what")
_LOCATIVES = _words(
    "inside outside amid despite within across beyond behind near ahead along alongside")
_AUXILIARIES = _words(
    "is are was were am be been being has have had do does did will would can could "
    "should shall may might must"
)
_NAME_MODALS = _words("may will")
_FIRST_NAMES = FEMALE | MALE
_AMOUNTS = _words("numerous multiple various countless repeated")
_VERB_FORMS = frozenset(SPEECH_FORMS) | frozenset(STANCE_FORMS)
_TOKEN = re.compile(r"[\w'’.&-]+")
MAX_WORDS = 7
SPEAKER_WORDS = 14  # a speaker phrase may carry a title and an affiliation


def _low(token: str) -> str:
    return token.lower().replace("’", "'")


def first_name(word: str) -> bool:
    """Whether a capitalised word is a common first name ("Jane" in "Jane May")."""
    return word[:1].isupper() and word.lower() in _FIRST_NAMES


@lru_cache(maxsize=8192)
def name_fault(name: str, max_words: int = MAX_WORDS) -> str | None:
    """Why `name` cannot name a source (None when it can).

    Checked: the first word is no conjunction, adverb, pronoun or quantity word; no word
    is a finite verb ("is seizing", "has long", a cue verb, or an "-ed" word right after
    a capitalised one: "Claim Check rated"); the last word is no preposition, article,
    "who" or "and"; at most seven words, unless every content word is capitalised
    (a full official name).
    """
    toks = [t for t in _TOKEN.findall(name) if any(c.isalnum() for c in t)]
    if not toks:
        return "no word"
    first = _low(toks[0])
    if first in CONJUNCTIONS or first in ADVERBS:
        return "opens with a conjunction or adverb"
    if first in PRONOUNS and len(toks) > 1:
        return "opens with a pronoun"
    if first in QUANTITY:
        return "opens with a quantity word"
    if first[:1].isdigit():
        return "opens with a number"
    if (first in PREPOSITIONS or first in _LOCATIVES) and not (
            first in ("outside", "inside") and len(toks) == 2 and toks[1][:1].islower()
            and party_noun(_low(toks[1]))):  # "Outside experts", "an inside source": adjectives
        return "opens with a preposition"
    if toks[0][:1].isupper() and (first in GERUNDS or first in _PARTICIPLE_OPENERS or (
            first.endswith("ing") and any(_low(t) in _OBJECT_OPENERS or _low(t) in PREPOSITIONS
                                         for t in toks[1:3]))) and not (
            len(toks) in (2, 3) and party_noun(_low(toks[-1])) and not any(
                _low(t) in _OBJECT_OPENERS or _low(t) in PREPOSITIONS for t in toks[1:])
            and not (first in _PREPOSITION_PARTICIPLES and toks[1][:1].isupper())):
        # "Ruling party (officials)" is a body, not "Ruling out a cut"
        return "opens with a participle"  # "Speaking on Sunday", "Taking home a first win"
    if all(t[:1].islower() for t in toks) and _low(toks[-1]).endswith(("ed", "ing")):
        return "no noun"  # "prompted"
    last = _low(toks[-1])
    if last in PREPOSITIONS or last in _ARTICLES or last in ("who", "and", "or", "that"):
        return "ends on a function word"
    for i, t in enumerate(toks):
        low = _low(t)
        if i and (low in FINITE or "n't" in low) and not (
                low in _NAME_MODALS and t[:1].isupper() and first_name(toks[i - 1])
                and i == len(toks) - 1):
            return "holds a finite verb"  # but "Jane May", "Ann Will" end on a surname
        if i and t[:1].islower() and low in _VERB_FORMS and not _noun_like(low):
            return "holds a finite verb"
        if 0 < i < len(toks) - 1 and t[:1].islower() and toks[i - 1][:1].isupper() and (
                _low(toks[i + 1]) in _POSSESSIVE_PRONOUNS | _ARTICLES) and low not in (
                PREPOSITIONS) and low not in ("and", "or", "de", "del", "van", "von", "da"):
            return "holds a finite verb"  # "The World Bank cut its …"
        if t[:1].islower() and low.endswith("ed") and (i == 0 or toks[i - 1][:1].isupper() and (
                i > 1 or _low(toks[0]) not in _ARTICLES)) and i + 1 < len(toks) and (
                _low(toks[i + 1]) in _OBJECT_OPENERS or toks[i + 1][:1].isdigit()
                or _low(toks[i + 1]) in QUANTITY or _low(toks[i + 1]) in _AMOUNTS
                or _low(toks[i + 1]) in _VERB_PARTICLES and i + 2 < len(toks)):
            return "holds a finite verb"  # "Claim Check rated 18%", "Three filmed an hourlong"
    if len(toks) > max_words and not all(
            t[:1].isupper() or _low(t) in PREPOSITIONS or _low(t) in _ARTICLES
            or _low(t) == "and" for t in toks):
        return "longer than seven words"
    return None


# Verb forms that are as often nouns inside a name ("the Senate report", "Support").
_NOUNS = _words(
    "report reports claim claims note notes estimate estimates forecast forecasts post "
    "posts show shows find finds call calls plan plans hope hopes fear fears view views "
    "support supports attack attacks question questions challenge challenges answer "
    "answers promise promises pledge pledges vow vows demand demands doubt doubts praise "
    "comment comments joke jokes tweet tweets wish wishes push press signal signals label "
    "labels brand brands counter echo email emails thanks bet bets guess rule rules "
    "charge concern concerns remark remarks lament boast defend back favor favour welcome "
    "want wants need state states project projects review reviews survey study "
    "statement record records ruling"
) | NOUN_LIKE


def _noun_like(low: str) -> bool:
    return low in _NOUNS


def is_source_name(name: str) -> bool:
    return name_fault(name) is None


_DAYS = ("monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday|"
         "tonight|week|weekend|month|year|morning|afternoon|evening|night|"
         "january|february|march|april|may|june|july|august|september|october|"
         "november|december|jan\\.|feb\\.|aug\\.|sept\\.|oct\\.|nov\\.|dec\\.")
# Month names are also names ("Jane May", "Ann April"): one closing a run of capitalised
# words is a surname, not a time ("in May", "last June" are times).
_BARE_MONTH = re.compile(r"(?:\s+[A-Z][\w'’.-]*)*\s+(?:January|February|March|April|May|June|"
                         r"July|August|September|October|November|December)")
_OCCASIONS = ("interview|statement|speech|rally|debate|email|e-mail|tweet|post|letter|"
              "conference|call|appearance|hearing|meeting|event|town hall|op-ed|memo|"
              "filing|session|video|ad|address|remarks|briefing|release|book|column|"
              "essay|report|message|forum|campaign stop|news conference|press conference")
# Adverbs a title-case headline capitalises after its subject ("Ann Roe Just Said …",
# "Tom Brisk Fully Backs …"); no surname is one of these words.
_TITLE_CASE_ADVERBS = ("just fully finally officially formally openly publicly secretly "
                       "quickly really actually literally totally completely already "
                       "reportedly apparently allegedly suddenly quietly")
# A trailing circumstance between a subject and its verb ("Marlow on Tuesday said",
# "Holt, in a statement, said", "Vance earlier Thursday said").
_DETS_OPT = r"(?:(?:the|a|an|his|her|its|their|recent|past|several|two|three|few|same|\d+)\s+)*"
_TRAILING = re.compile(
    rf"(?:,?\s+(?:(?:on|in|at|during|over|after|before|by|since|late|early|earlier|later|"
    rf"last|this|next|for)\s+)?{_DETS_OPT}(?:[\w-]+\s+){{0,2}}?(?i:(?:{_DAYS})s?)\b\.?"
    rf"|,?\s+(?:in|at|during|on|via|through|after|before)\s+{_DETS_OPT}(?:[\w-]+\s+){{0,2}}?"
    rf"(?:{_OCCASIONS})s?\b(?:\s+(?:with|to|on|for)\s+[^,]{{1,40}})?"
    rf"|,?\s+(?:not|also|again|repeatedly|recently|previously|publicly|privately|now|then|"
    rf"later|earlier|once|long|first|often|still|even|already|never|always|just|"
    rf"initially|quickly|immediately|reportedly|separately|further|too|herself|himself|"
    rf"themselves|itself|has|have|had|would|will|could|may|might|did|does|do|can|"
    rf"should|must|(?-i:[a-z]+ly)))\s*$"
)
_LEADING = re.compile(
    r"^(?:(?:and|but|so|yet|or|still|now|then|also|even|only|just|meanwhile|however|"
    r"instead|indeed|moreover|plus|thus|later|earlier|today|yesterday|separately|"
    r"finally|ultimately|again|in turn|for (?:his|her|its|their) part)\b,?\s+)+",
    re.IGNORECASE,
)
_OPENERS = PRONOUNS | QUANTITY | _words("one")
# A sentence adverb set off by a comma before the subject ("Publicly, the nominee …").
_LY_COMMA = re.compile(r"([A-Z][a-z]{3,}ly),\s+")
# A relative clause inside a subject ("officials who spoke with reporters").
_RELATIVE = re.compile(r"\s+(?:who|whom|whose|which|that)\s.*$", re.IGNORECASE)
_NUMBER = (r"(?:\d[\d,.]*%?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
           r"twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|a\s+third|a\s+quarter|"
           r"two-thirds|three-quarters|(?:one|two|three|four)-(?:fourths|fifths)|half|"
           r"(?:(?:a|the)\s+)?(?:(?:vast|slim|narrow|large|clear|"
           r"overwhelming|bare)\s+)?majority|a\s+minority|most|many|some|few|"
           r"several|all|both|each|a\s+(?:handful|number|plurality)|"
           r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)-\w+)")
# A bare quantity is a source only when it counts respondents: "Six in 10", "22 percent".
_COUNTED = re.compile(r"\d|\bin\b|percent|%|half|majority|third|quarter|fourths|fifths",
                      re.IGNORECASE)
_QUANTITY_PREFIX = re.compile(
    rf"^(?:(?:about|almost|nearly|roughly|some|only|just|fully|more\s+than|less\s+than|"
    rf"fewer\s+than|at\s+least|over|under|around|another|an\s+additional)\s+)?{_NUMBER}(?:[\s-]+{_NUMBER})?"
    rf"(?:(?:\s+|-)(?:in|out\s+of)(?:\s+|-)(?:\d+|ten|four|five|three|two|every\s+\w+))?"
    rf"(?:\s+(?:percent|per\s+cent|%))?(?:\s+(?:of|among))?(?:\s+(?:the|them|those|these|all|his|her|their|its|our))?\b",
    re.IGNORECASE,
)
_POSSESSIVE_PRONOUNS = _words("his her its their our my your")
# The people a poll asked, named by the asking: "those surveyed", "voters polled".
_POLLED = re.compile(r"^(?:those|these|[a-z]+)\s+(?:surveyed|polled|questioned|interviewed|"
                     r"sampled)$", re.IGNORECASE)


@lru_cache(maxsize=8192)
def speaker_phrase(phrase: str) -> tuple[int, str] | None:
    """(offset, phrase) of the subject noun phrase a cue's subject stretch holds, or None.

    Leading conjunctions and adverbs ("But critics") and trailing circumstances and
    auxiliaries ("Marlow on Tuesday", "Marlow has long") are cut off; what is left must be
    a pronoun, a possessive role ("his lawyer"), a quantity of a group ("two officials",
    "many of the voters") or pass `name_fault`.
    """
    lead = _LEADING.match(phrase)
    off = lead.end() if lead else 0
    adverb = _LY_COMMA.match(phrase, off)
    if adverb and adverb.group(1).lower() not in _FIRST_NAMES:
        off = adverb.end()  # "Publicly, the nominee …" (but "Kelly, the aide …")
    core = phrase[off:]
    while True:
        cut = _TRAILING.search(core)
        if cut is None or cut.start() == 0 or _BARE_MONTH.fullmatch(cut.group()) and (
                core[: cut.start()].split()[-1][:1].isupper()):  # "(Prime Minister) Jane May"
            break
        core = core[: cut.start()]
    core = core.strip(" ,")
    last = core.rfind(" ")
    if last > 0 and core[last + 1:].lower() in _TITLE_ADVERBS and core[last + 1].isupper():
        core = core[:last]  # "Ann Roe Just (Said …)": a headline's capitalised adverb
    whole, core = core, _RELATIVE.sub("", core).strip(" ,")  # the head decides
    if not core:
        return None
    if _POLLED.match(core):
        return off, whole  # "those surveyed", "voters polled"
    quantity = _QUANTITY_PREFIX.match(core)
    if quantity:
        rest = core[quantity.end():].strip()
        if rest and name_fault(rest, SPEAKER_WORDS) is None or not rest and (
                _COUNTED.search(quantity.group())):
            return off, whole  # "Six in 10", "Seven in 10 registered voters", "Some 31 percent"
    toks = core.split()
    low = _low(toks[0])
    if len(toks) == 1 and low in PRONOUNS:
        return off, whole
    rest = core
    if low in _POSSESSIVE_PRONOUNS or low in QUANTITY or low in ("one", "a", "an", "the"):
        rest = " ".join(toks[1:])
        if rest.lower().startswith("of "):
            rest = rest[3:]
        if not rest:
            return (off, whole) if low in QUANTITY or low == "one" else None
        if low == "the" and rest.startswith(("most ", "least ")) and rest.count(" ") > 1:
            rest = rest.split(" ", 1)[1]  # "the most recent poll": a superlative, no count
        aged = _AGE_WORD.match(rest) if low in ("the", "a", "an") else None
        if aged is not None:  # "the 72-year-old (senator)": the age describes a person
            rest = rest[aged.end():]
            if not rest:
                return (off, whole) if low == "the" else None
    return (off, whole) if name_fault(rest, SPEAKER_WORDS) is None else None


_AGE_WORD = re.compile(r"(?:\d{1,3}|[a-z]+(?:-[a-z]+)?)-(?:year|month)-old\b\s*", re.I)


def only_circumstance(stretch: str) -> bool:
    """Whether a stretch is only adverbs, auxiliaries and time phrases ("on Monday",
    "has also"): what may stand between a coordinator and the verb it coordinates."""
    core = " " + stretch.strip()
    while core.strip():
        cut = _TRAILING.search(core)
        if cut is None:
            return False
        core = core[: cut.start()]
    return True


_LEAD_QUANTITY = re.compile(
    r"^(?:(?:about|almost|nearly|roughly|some|only|just|fully|more\s+than|less\s+than|"
    r"fewer\s+than|at\s+least|over|under|around|another|an\s+additional)\s+)?"
    rf"{_NUMBER}(?:[\s-]+{_NUMBER})?(?:(?:\s+|-)(?:in|out\s+of)(?:\s+|-)(?:\d+|ten|four|five|"
    r"three|two|"
    r"every\s+\w+))?(?:\s+(?:percent|per\s+cent|%))?(?:\s+(?:of|among))?\s+(?:the\s+)?",
    re.IGNORECASE,
)
RESPONDENTS = "Respondents"
UNNAMED = "Unnamed people"
_INDEFINITE = re.compile(
    r"^(?:another|other|others|some|many|most|several|both|each|all|any|few|a\s+few|"
    r"(?P<collective>various|numerous|multiple|countless|(?:an?\s+)?(?:(?:wide|broad|long|"
    r"growing|whole)\s+)?(?:array|range|slew|variety|string|chorus|litany|bevy)\s+of)|"
    r"dozens|hundreds|thousands|millions|one|(?:a\s+)?(?:significant|large|small|growing|"
    r"substantial|sizable|sizeable|considerable|increasing|record|majority)\s+(?:number|share|"
    r"portion|proportion|percentage))(?:\s+of)?(?:\s+(?:the|his|her|their|its|our|"
    r"these|those))?\s+", re.IGNORECASE)
_OWNED_PERSON = re.compile(
    r"^(?:[A-Z][\w.&-]*\s+){0,3}[A-Z][\w.&-]*(?:['’]s|s['’])\s+([A-Z][a-z][\w'’-]*"
    r"(?:\s+(?:[A-Z]\.|[A-Z][a-z][\w'’-]*))?\s+[A-Z](?:[a-z]|['’][A-Z])[\w'’-]*)$")
_AGE = re.compile(r"^\d+-year-old\s+", re.IGNORECASE)
_TRAILING_QUANTIFIER = re.compile(r"\s+(?:both|each|all|alike|too|also|themselves|"
                                  r"himself|herself|itself)$", re.IGNORECASE)
# How widely a plural group is meant, after its head: no part of its name.
_TRAILING_SCOPE = re.compile(r"(?<=[a-z]s)\s+in\s+(?:general|each\s+[a-z]+)$")
_CUT_DESCRIPTION = re.compile(r"\s(?:of|for|at|in|from|with|on|who|which|that|based)\s")


@lru_cache(maxsize=8192)  # a pure function of a short phrase, asked per cue and per source
def group_name(phrase: str) -> str:
    """The canonical name of a speaker phrase, as a noun phrase of at most seven words.

    Counted and indefinite subjects name their group: "Seven in 10 registered voters" →
    "registered voters", "Many of her supporters" → "supporters", "Another Civis study" →
    "Civis study"; a bare count of respondents ("Six in 10", "Some 31 percent") →
    "Respondents", a bare indefinite ("Some", "Another") → "Unnamed people". Leading
    conjunctions and adverbs ("Yet Vexel"), ages ("62-year-old Jane Roe") and
    trailing quantifiers ("… both") go; a description longer than seven words is cut
    before its first preposition ("nominee for the November election" → "nominee").
    """
    name = phrase.strip()
    lead = _LEADING.match(name)
    if lead and lead.end() < len(name):
        name = name[lead.end():]
    if _POLLED.match(name) and name.split()[0].lower() in ("those", "these"):
        return RESPONDENTS  # "those surveyed"
    m = _LEAD_QUANTITY.match(name + " ")
    if m is not None:
        rest = (name + " ")[m.end():].strip()
        if not rest or rest.split()[0].lower() in ("those", "them", "these"):
            return RESPONDENTS if _COUNTED.search(name) else UNNAMED  # "31% of those polled"
        name = rest
    indefinite = _INDEFINITE.match(name + " ")
    if indefinite is not None:
        rest = (name + " ")[indefinite.end():].strip()
        if not rest or rest.lower() in PRONOUNS:
            return UNNAMED
        if not indefinite.group("collective") or " " in rest or rest[:1].isupper() or (
                party_noun(rest)):
            name = rest  # but "various shades" names no party: left whole, it is no source
    name = _TRAILING_QUANTIFIER.sub("", _AGE.sub("", name)).rstrip(" -–—")  # "The justice --"
    if " in " in name:
        name = _TRAILING_SCOPE.sub("", name)  # "Voters in each state", "Lobbyists in general"
    owned = _OWNED_PERSON.match(name)
    if owned:  # "Velmar's Jane Roe", "Kestrel Radio's Jane Roe": the person
        name = owned.group(1)
    toks = name.split()
    if toks and toks[0].lower() in _POSSESSIVE_PRONOUNS and len(toks) > 1:
        name = " ".join(toks[1:])
    toks = name.split()
    if len(toks) > 3 and toks[0].lower() in _RIVAL and first_name(toks[1]) and (
            "'s" in name or "’s" in name):
        name = " ".join(toks[1:])  # "Rival Ann Roe's campaign": the campaign, not the rival
    name = _after_role(name)  # "Tennis great Ann Roe", "Former X chief of staff Ann Roe"
    example = _EXAMPLE.match(name)
    if example and party_noun(example.group(1).split()[-1]):
        name = example.group(2)  # "experts like Ann Roe": the one the article names
    name = _cut_participle(name)
    name = _first_party(name)
    producer = _producer(name)
    if producer is not None:
        return producer  # "the Monmouth poll" → "Monmouth", "FBI records" → "FBI"
    if len(name.split()) > MAX_WORDS and name_fault(name) is not None and " and " in name:
        titled = split_person(name.rsplit(" and ", 1)[1])
        if titled is not None and " " in titled[0]:  # "Former Secretary of State and
            return titled[0]  # presidential candidate Ann Roe": one person, two titles
    if len(name.split()) > MAX_WORDS and name_fault(name) is not None:
        cut = _CUT_DESCRIPTION.search(name)
        if cut is not None and cut.start() > 0:
            name = name[: cut.start()]
    return name


_RIVAL = _words("rival fellow longtime veteran")
# A person's name closing a phrase: two or three capitalised words (an initial allowed).
_NAME_TAIL = re.compile(r"\s([A-Z][a-z][\w'’-]*(?:\s+(?:[A-Z]\.|[A-Z][a-z][\w'’-]*)){0,1}"
                        r"\s+[A-Z](?:[a-z]|['’][A-Z])[\w'’-]*)$")


def _after_role(name: str) -> str:
    """The person a long role glued to their name describes ("Tennis great Ann Roe",
    "Labour party boss Ann Roe", "Former Velmar chief of staff Ann Roe"): the
    capitalised name after a lower-case role word, when the name opens on a known first
    name; a function word before it ("head of the X", "analysts at Y") keeps the phrase."""
    m = _NAME_TAIL.search(name) if " " in name else None
    if m is None or m.start() == 0:
        return name
    before = name[: m.start()].split()
    word = before[-1]
    if not word[:1].islower() or word in CONJUNCTIONS or word in PREPOSITIONS or (
            word in _ARTICLES or word in PRONOUNS or word.endswith(("'s", "’s"))) or (
            not first_name(m.group(1).split()[0])):
        return name
    return m.group(1)
# A group followed by the one member the article names ("experts like Ann Roe").
_EXAMPLE = re.compile(r"^([\w'’ -]+?)\s+(?:like|such as|including)\s+"
                      r"([A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){1,3})$")


def _first_party(name: str) -> str:
    """One party of two joined by "and": "Port experts and city officials" → "Port
    experts"; "Acme and Vela spokesmen" → "Acme spokesmen" (the head is shared). A
    body's own "and" ("Department of Health and Human Services", "Procter and Gamble")
    is kept: the words before "and" must end on a plural party noun, or the words after
    it must be capitalised words and a shared plural party noun."""
    if " and " not in name:
        return name
    left, right = name.split(" and ", 1)
    lt, rt = left.split(), right.split()
    if not lt or not rt or " of " in left or " and " in right:
        return name
    plural = _plural_party(rt[-1]) and rt[-1][:1].islower()
    if lt[-1][:1].islower() and _plural_party(lt[-1]) and (plural or rt[-1][:1].isupper() and (
            _plural_party(rt[-1]))):
        return left  # "Port experts and city officials", "Analysts and Democrats"
    if plural and len(rt) >= 2 and all(w[:1].isupper() and not w.endswith(("'s", "’s"))
                                       for w in lt + rt[:-1]) and (
            not party_noun(lt[-1]) and len(lt) <= 3):
        return f"{left} {rt[-1]}"  # "Acme and Vela spokesmen"
    return name


def _plural_party(word: str) -> bool:
    w = word.lower()
    return w.endswith(("s", "men", "people")) and not w.endswith("ss") and party_noun(w)


# Nouns that name a document or a count, not whoever made it ("the poll", "records").
DOCUMENT_NOUNS = _words(
    "poll polls survey surveys report reports study studies paper papers analysis data "
    "figures records record average averages account accounts claim claims email emails "
    "investigation investigations ad ads memo memos document documents filing filings "
    "statement statements letter letters video videos tweet tweets post posts book article "
    "articles story stories review reviews estimate estimates count tally numbers results "
    "projections transcript transcripts website page"
)
# A name made only of common nouns is a party only when its head is a party noun.
_LOCATIVE_ONE = _words("home abroad here there overseas inside outside")


@lru_cache(maxsize=8192)
def entity_fault(name: str) -> str | None:
    """Why `name` cannot be a source beyond `name_fault`: a lone pronoun or verb form,
    a possessive ("Marlow's"), a trailing adverb ("Marlow originally"), a document rather
    than its producer ("Public records"), or two parties joined ("Vance and Holt")."""
    fault = name_fault(name)
    if fault is not None:
        return fault
    toks = [t for t in _TOKEN.findall(name) if any(c.isalnum() for c in t)]
    low = [_low(t) for t in toks]
    opener = low[0] in _AUXILIARIES or low[0] in PRONOUNS or low[0] in _NO_PARTY_OPENERS
    if opener or len(toks) == 1 and (
            low[0] in _LOCATIVE_ONE or low[0] in _VERB_FORMS and low[0] not in _NOUNS
            or low[0] in FINITE):
        return "no noun"
    if low[-1].endswith("'s") or low[-1].endswith("s'") and toks[-1][:1].isupper():
        return "ends on a possessive"
    if low[-1] in ("ago", "later", "earlier", "before", "after") or len(toks) > 1 and (
            toks[-1][:1].islower() and low[-1].endswith("ed") and toks[-2][:1].isupper()):
        return "a time or a verb, not a party"  # "Weeks ago", "Vance wavered"
    if not name.strip()[:1].isalnum() and name.strip()[:1] not in "'‘\"“(":
        return "opens with a mark"  # ">Holt aide"
    if len(toks) > 1 and low[-1].endswith("ly") and toks[-1][:1].islower():
        return "ends on an adverb"
    if low[-1] in DOCUMENT_NOUNS and toks[-1][:1].islower() and not _held_by_party(low) and not any(
            t[:1].isupper() for t in toks[1:-1]) and not (
            _CAMEL.match(toks[0]) or toks[0].isupper() and len(toks) > 1):
        return "a document, not its producer"
    if any(t.endswith("'s") for t in low[:-1]) and low[-1] in DOCUMENT_NOUNS:
        return "a document, not its producer"  # "Farley's account"
    if len(toks) == 1 and (low[0] in _NEEDS_NOUN or low[0] in _QUESTION or len(low[0]) == 1
                           or low[0] in _DAY_WORDS):
        return "no noun"  # "Former", "How", "U"
    if len(toks) == 1 and toks[0][1:].islower() and (low[0] in _NOT_AGENTS or low[0] in _THINGS):
        return "a thing, not a party"  # "Signs pointed to …", "Polls show …"
    if len(toks) == 1 and toks[0][1:].islower() and (
            _LONE_MODIFIER.search(low[0]) or low[0] in _NAME_ADJECTIVES) and (
            not first_name(toks[0])) and not party_noun(low[0]):  # "Official", "Conservative"
        return "no noun"  # "Initially", "Presidential", "Federal": a sentence's first word
    if len(toks) == 1 and toks[0][1:].islower() and low[0].endswith("ing") and (
            len(low[0]) > 5 and low[0] not in _ING_NOUNS and not party_noun(low[0])
            and not _gerund_name(toks[0])):
        return "no noun"  # "Running counter to …", "Trying"
    if len(toks) > 1 and low[0] in FINITE and (
            "'" in low[0] or "’" in low[0] or low[0] in _AUXILIARIES):
        return "opens with a verb"  # "Don't Republicans …" (but "Met Office": a name)
    if len(toks) > 1 and (low[-1] in _NEEDS_NOUN and (toks[-1][:1].islower() or low[0] in (
            _NEEDS_NOUN)) or low[-1] in _NAME_ADJECTIVES):
        return "no noun"  # "Presumptive Democratic", "Republican National"
    if len(toks) == 1 and len(low[0]) >= 7 and _ABSTRACT.search(low[0]) and not (
            party_noun(low[0])):
        return "an abstract noun"  # "Resistance", "Development": a sentence's first word
    if any(t in ("I", "me") or low[i] in ("he", "she", "we", "they") for i, t in enumerate(
            toks) if i):
        return "holds a pronoun"  # "Kid I"
    for i in range(1, len(toks) - 1):
        if low[i] in _ARTICLES and toks[i + 1][:1].islower() and toks[i - 1][:1].isupper() and (
                low[i - 1] not in PREPOSITIONS):
            return "holds a clause"  # "Way the public"
    if len(toks) > 2 and low[-2] == "to" and toks[-1][:1].islower() and (
            low[-1] not in _OBJECT_PRONOUNS):  # but "a source close to her"
        return "holds an infinitive"  # "… D.C. to pay"
    if "and" in low[1:-1] and low[low.index("and") + 1] in _POSSESSIVE_PRONOUNS:
        return "two parties"  # "Senator and his allies"
    if len(toks) > 1 and low[0].endswith("ed") and low[1] in PREPOSITIONS:
        return "opens with a participle"  # "Followed by attempts …"
    if any(w in _TITLE_ADVERBS or w in ADVERBS and t[:1].islower()
           for t, w in zip(toks[1:], low[1:], strict=True)):
        return "holds an adverb"  # "Vance also takes", "Voters Finally"
    if len(toks) >= 2 and low[-2].endswith("'s") and all(t[:1].isupper() for t in toks[:-1]) and (
            toks[-1][:1].islower() and not _owned_party(low[-1])):
        return "a thing of its owner's"  # "Holt's metaphor", "Mr. Holt's fire-breathing"
    head = _common_head(toks, low)
    if head is not None and not party_noun(head):
        return "its head is no party"  # "Celebrated graduation speeches", "X's efforts"
    if "and" in low and len(toks) <= 5 and toks[0][:1].isupper() and not any(
            w in PREPOSITIONS or w in _BODY_WORDS for w in low):
        after = low.index("and") + 1
        if after < len(toks) and (toks[after][:1].isupper() or low[after] == "other"):
            return "two parties"
    return None


_CAMEL = re.compile(r"^[A-Z][a-z]+[A-Z]")


def _held_by_party(low: list[str]) -> bool:
    """Whether a party noun heads the name and the document noun at its end only sits in
    its modifier ("a source familiar with Velmora's mailer", "voters in the Velmar poll")."""
    cut = next((i for i, w in enumerate(low) if i and modifier_end(w)), 0)
    return cut > 0 and party_noun(low[cut - 1])


# Object pronouns that may end a speaker's modifier ("a source close to her").
_OBJECT_PRONOUNS = _words("her him them us me it")
_BODY_WORDS = ORG_WORDS | GENERIC_HEADS | _words(
    "partners brothers sons co inc ltd llc news post times journal media press rescue "
    "research"
)


# Words that need a noun after them ("the former …", "an early …"): alone, no party.
_NEEDS_NOUN = _words(
    "former early late presumptive longtime top senior junior recent latest new old "
    "democratic current previous next last first second third certain various other same "
    "own fellow prominent leading"
)
# Words after a head that open its modifier ("officials familiar with …").
_POSTMODIFIERS = _words(
    "who whom whose which that to familiar close closest loyal opposed aligned "
    "responsible involved knowledgeable connected tied sympathetic friendly hostile"
)
_QUESTION = _words("how why where when what which whether")
# Words that open a clause or stand for a thing, never a party ("Something many … urged",
# "Whichever view …", "Absent a defence, …").
_NO_PARTY_OPENERS = _words(
    "something anything everything nothing whichever whatever whoever however absent "
    "everybody everyone nobody same")  # "Everybody hates …", "the same candidates"
# Adjectives a body's name never ends on ("the Republican National …" cut short).
_NAME_ADJECTIVES = _words("national federal international")
_ABSTRACT = re.compile(r"(?:tion|ment|ness|\w{5}ity|ism|ship|\w{6}ance|\w{6}ence)$")
_TITLE_ADVERBS = frozenset(_TITLE_CASE_ADVERBS.split())
# Nouns in "-ing" that head or modify a name ("polling firm", "the Brookings …").
_ING_NOUNS = _words(
    "polling funding spending building training ruling hearing meeting briefing housing "
    "banking lobbying planning marketing engineering broadcasting publishing "
    "manufacturing accounting consulting fundraising mining shipping bring king "
    "nursing printing trading counting voting reporting thinking wing ring"
)
# Party nouns: what a common-noun name may head (a person, a group of people, a body).
_PARTY_NOUNS = PERSON_NOUNS | GENERIC_HEADS | ORG_WORDS | DESCRIPTORS | _words(
    "people group groups critics supporters opponents voters residents witnesses activists "
    "protesters campaigners lawmakers members leaders donors advocates conservatives "
    "liberals progressives moderates democrats republicans independents evangelicals "
    "respondents americans citizens workers students parents fans allies aides rivals "
    "insiders sources camp campaign campaigns team teams family families friends friend "
    "relatives neighbors neighbours colleagues crowd crowds audience jury public panel "
    "coalition movement establishment elites leadership caucus delegation members "
    "operatives observers pundits hosts commenters users user person persons individual "
    "individuals backers founders owners staffers employees officers troops forces "
    "authorities administration government regime majority minority plurality others "
    "nations countries states governments cities towns companies firms banks outlets "
    "networks agencies groups unions parties pollsters pac pacs state city county "
    "town village church museum library school college academy project head chief "
    "journal chamber headquarters maps map footage images imagery chorus slew handful "
    "bevy trio pair couple array band opposition community partnership guru gurus "
    "republic kingdom media television radio press partisans associates bosses businesses "
    "criminals faction factions folks heavyweights personnel adults brass nonprofits "
    "nonprofit non-profit non-profits"
)
# Plural and "-er" nouns that are things or events, not agents ("murders", "orders").
_NOT_AGENTS = _words(
    "murders orders offers answers numbers letters papers matters powers borders chambers "
    "quarters layers shares others waters weather manner manners corners posters "
    "computers helicopters cancers disorders transfers barriers"
)
def _gerund_name(word: str) -> bool:
    """Whether a lone "-ing" word is a name after all: a place ("Beijing") or a first
    name ("Irving", "Sterling")."""
    if first_name(word):
        return True
    from claims.core.places import is_place  # the gazetteer loads on first use

    return is_place(word)


# Adverb and adjective endings of a lone word, which no surname has ("Hastily",
# "Financial", "Anxious"; but "Kelly", "Daly", "Neal").
_LONE_MODIFIER = re.compile(r"(?:[^l]ally|[^l]ily|[^l]ely|ously|ntly|edly|ingly|[^l]tly|ical|"
                            r"[^l]ial|ious|[^l]ive|ful|less)$")
# Plural common nouns that open sentences as subjects but are no party ("Signs pointed").
_THINGS = _words(
    "signs names screens questions hours elections jobs sides guidelines hypotheses "
    "depositions investigations photos pictures images results polls surveys studies "
    "headlines rumors rumours reports documents records emails messages texts "
    "lesson lessons move moves precedent precedents name idea ideas "
    "problem problems fact facts reason reasons"
)
_AGENT = re.compile(r"(?:ist|ian|er|or|ant|ent|man|men|woman|women|eer|ee)s?$")


def party_noun(word: str) -> bool:
    """Whether a common noun can head a source: a person, a group or a body ("aides",
    "the federation"), or an agent noun ("backers", "organizers"), not a thing."""
    w = word.lower().replace("’", "'")
    if w.endswith("'s") or w.endswith("s'"):
        w = w.rstrip("'").removesuffix("'s")
    if w in _PARTY_NOUNS or w.rstrip("s") in _PARTY_NOUNS or w.removesuffix("es") in (
            _PARTY_NOUNS) or w + "s" in _PARTY_NOUNS:
        return True
    if w.endswith("ies") and w[:-3] + "y" in _PARTY_NOUNS:
        return True
    return w not in _NOT_AGENTS and bool(_AGENT.search(w)) and w not in DOCUMENT_NOUNS and (
        not w.endswith(("ment", "ments")))


def modifier_end(word: str) -> bool:
    """Whether a lower-case word ends a noun phrase's head part: a preposition, a
    relative or postmodifying word ("familiar with"), or a participle ("buying")."""
    w = _low(word)
    return w in PREPOSITIONS or w in _POSTMODIFIERS or w.endswith("ed") or (
        w.endswith("ing") and w not in _ING_NOUNS)


def _common_head(toks: list[str], low: list[str]) -> str | None:
    """The head of a name written as a common noun phrase, or None for a proper name.

    The head is the last word before a preposition, a participle or a relative word. It
    is common when it is lower case ("FBI investigation", "Canada's efforts"), or when it
    is the only capitalised word and the words after it are lower case (a sentence's
    first word: "Calls intensified …", "Review of his work")."""
    end = len(toks)
    for i in range(1, len(toks)):
        if toks[i][:1].islower() and modifier_end(toks[i]) and not (
                low[i].endswith("ed") and i + 1 < len(toks) and toks[i + 1][:1].islower()
                and party_noun(low[i + 1])):  # "registered voters": before its noun
            end = i
            break
    head = toks[end - 1]
    if head[:1].islower():
        return None if low[end - 1] in CONJUNCTIONS or low[end - 1] in _ARTICLES else head
    named = [t for t in toks[2:4] if t.lower() != "the"][:1]  # "Republic of Turkey"
    if end == 1 and len(toks) > 1 and toks[1][:1].islower() and not (
            head.isupper() or _CAMEL.match(head) or named and named[0][:1].isupper()):
        return head
    return None


# After a possessive only a person, a group or a body is a party ("Holt's lawyer", "Acme's
# board"): the agent shapes `party_noun` also allows ("-or", "-ent": "metaphor",
# "statement") name the owner's things there.
_OWNED_AGENT = re.compile(r"(?:ist|ian|er|ator|ant|man|men|woman|women|eer)s?$")


def _owned_party(word: str) -> bool:
    w = word.replace("’", "'")
    if w in _PARTY_NOUNS or w.rstrip("s") in _PARTY_NOUNS or w.removesuffix("es") in (
            _PARTY_NOUNS) or w.endswith("ies") and w[:-3] + "y" in _PARTY_NOUNS:
        return True
    return not w.endswith("ing") and _OWNED_AGENT.search(w) is not None and (
        w not in _NOT_AGENTS) and w not in DOCUMENT_NOUNS


def _cut_participle(name: str) -> str:
    """A name without its participle clause: "activists hoping to block X" → "activists"."""
    toks = name.split()
    for i in range(1, len(toks) - 1):
        w = toks[i]
        prev = toks[i - 1].lower()
        if w.endswith("ing") and w[:1].islower() and w.lower() not in _ING_NOUNS and (
                prev not in _ARTICLES and prev not in PREPOSITIONS
                and prev not in _POSSESSIVE_PRONOUNS and not prev.endswith(("'s", "’s"))):
            return " ".join(toks[:i])
    return name


# What a producer makes: a name ending in one of these names its maker by the words before.
_PRODUCTS = _words(
    "poll polls survey surveys report reports study studies analysis analyses average "
    "averages summary summaries records record data figures tally count estimate "
    "estimates projections projection findings review audit index ranking rankings "
    "statistics numbers forecast forecasts database databases tracker brief complaint "
    "lawsuit filing filings motion memo letter ad ads book website memoir column "
    "editorial op-ed blog regulations polling"
)
_PRODUCT_MODIFIERS = _words(
    "polling national state latest new recent final weekly monthly annual daily internal "
    "exit tracking public official preliminary own opinion online phone telephone campaign "
    "pool land lobbying business corporate court property voter tax financial disclosure "
    "registration"
)
# Lower-case heads that make a capitalised run before them a body ("the Roe campaign").
_BODY_HEADS = ORG_WORDS | _words("campaign campaigns")
# Bodies a lower-case word before a document noun names as its producer.
# Not "court": court filings are the parties' ("according to court filings" is no court).
_PRODUCER_BODIES = _words("police government military army navy coroner sheriff")
_MADE = _words("published released conducted commissioned compiled issued produced carried")
_LEAD_ADJECTIVES = _words("recent latest most final")
# The kind of publication a name follows ("the journal Nature", "the magazine X").
_OUTLET_KINDS = _words("journal magazine newspaper website")


def _producer(name: str) -> str | None:
    """The named producer of a document ("Quinnipiac poll", "a new Civis survey of
    voters", "Jane Roe's brief" → "Quinnipiac", "Civis", "Jane Roe"), or None.

    The producer is the run of capitalised words right before the first lower-case
    document noun; lower-case adjectives before the run and the noun's own modifiers
    ("national", "opinion") go."""
    toks = name.split()
    at = next((i for i, t in enumerate(toks) if i and t.lower() in _PRODUCTS
               and t[:1].islower() or not i and t.lower() == "research" and len(toks) > 2
               and toks[1].lower() in _MADE), None)
    if at is None:
        return None
    after = toks[at + 1:]
    if after and after[0].lower() in _MADE:
        after = after[1:]  # "a study published in JAMA"
        if len(after) > 2 and after[0].lower() == "on" and after[1].lower() in _DAY_WORDS:
            after = after[2:]  # "published on Monday in the BMJ"
    if after and after[0].lower() in ("by", "from", "in", "at") and len(after) > 1:
        rest = after[2:] if after[1].lower() == "the" else after[1:]
        if len(rest) > 1 and rest[0].lower() in _OUTLET_KINDS:
            rest = rest[1:]  # "in the journal Nature": the journal's name
        by: list[str] = []
        for t in rest:
            if not (t[:1].isupper() or by and t.lower() in ("of", "for", "and", "&")):
                break
            by.append(t)
        while by and not by[-1][:1].isupper():
            by.pop()
        head = rest[len(by)].rstrip(",.") if by and len(rest) > len(by) else ""
        if head in _BODY_HEADS:
            by.append(head)  # "an ad from the Roe campaign": the campaign made it
        if by:
            return " ".join(by).rstrip(",.")  # "a study in JAMA", "a report by the X Office"
    end = at
    while end > 0 and toks[end - 1][:1].islower() and toks[end - 1].lower() in (
            _PRODUCT_MODIFIERS | _PRODUCTS):
        end -= 1
    owner = next((i for i in range(end - 1, max(end - 4, 0) - 1, -1)
                  if toks[i][:1].isupper() and toks[i].endswith(("'s", "’s"))), None)
    if owner is not None and all(t[:1].islower() for t in toks[owner + 1:end]):
        end = owner + 1  # "Acme Media's closely watched ad tracker": the owner made it
    if end > 0 and toks[end - 1] in _PRODUCER_BODIES:
        return toks[end - 1]  # "a police report", "court records": the police, the court
    start = 0
    while start < end and (toks[start][:1].islower() or toks[start].lower() in (
            _LEAD_ADJECTIVES | _ARTICLES)):
        start += 1
    run = toks[start:end]
    if not run or not all(t[:1].isupper() or t.lower() in ("of", "for", "and", "&")
                          for t in run) or not run[-1][:1].isupper():
        return None
    last = run[-1]
    for mark in ("'s", "’s", "'", "’"):
        if last.endswith(mark):
            run[-1] = last[: -len(mark)]
            break
    if len(run) == 1 and run[0].lower() in (_NEEDS_NOUN | PRONOUNS | _DAY_WORDS
                                             | _PRODUCT_MODIFIERS):
        return None
    return " ".join(run)


_DAY_WORDS = _words(
    "monday tuesday wednesday thursday friday saturday sunday today yesterday "
    "january february march april may june july august september october november december"
)
