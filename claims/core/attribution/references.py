"""Reference classes the source book resolves: people met in the text, proxies, generics.

Kept apart from `claims.core.attribution.resolve` so each concern stays small: which spans of
the text are people ("Finance Minister Petra Lund", or a bare person-shaped name such
as "Amara Quist of the Green Party"), which phrases speak for a party named before
("her campaign", "his office", "its spokesperson", "the company's report"), and which
generic nouns ("the company", "the firm") may stand for a body of which type, and which
body a role phrase speaks for (`role_body`).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache

from claims.core.attribution.cues import ROLE_NOUNS
from claims.core.attribution.persons import PERSON_NOUNS
from claims.core.attribution.sources import (
    _FIRST_F,
    _FIRST_M,
    GENERIC_HEADS,
    GENERIC_MODIFIERS,
    ORG_WORDS,
    TITLES,
    gender_of,
    norm,
    words,
)
from claims.core.text.anchored import matches_at, minimal_literals, word_offsets
from claims.core.textkeys import (
    chain_from,
    is_word_char,
    previous_word,
    word_alternation,
)

# The titles `_PERSON_SCAN` knows, in its order.
_TITLE_WORDS = (
    r"Mr\.?", r"Mrs\.?", r"Ms\.?", r"Dr\.?", "President", "Minister", "Governor", "Mayor",
    "Senator", r"Sen\.", r"Rep\.", r"Gov\.", r"Gen\.", "General", "Judge", "Justice",
    "Chancellor", "Premier", "Secretary", "Professor", r"Prof\.", "Coroner", "Commissioner",
    "Ambassador", "leader", "governor", "mayor", "spokesman", "spokeswoman", "minister",
    "president", "chief", "director", "judge", "coach", "manager", "executive", "officer",
)
_PERSON_SCAN = re.compile(
    # (the lookahead: the first letters of the alternatives, a cheap test per word)
    r"\b(?=[A-Zcdegjlmops])(?:[A-Z][a-z]+\s)?(?:" + "|".join(_TITLE_WORDS) + r")\s+"
    r"((?:[A-Z][\w'’-]+)(?:\s[A-Z][\w'’-]+){0,2})"
)
# The letters every title opens with ("Gov" for "Gov." and "Governor"), one pattern
# factored by shared prefixes (no stem opens another, so one match per offset).
_TITLE_STEMS = minimal_literals(re.split(r"\\", t)[0] for t in _TITLE_WORDS)
_TITLE_STEM = re.compile(word_alternation(frozenset(_TITLE_STEMS)))


def _titled_matches(text: str) -> list[re.Match[str]]:
    """`_PERSON_SCAN.finditer(text)`, matched only where a match can start.

    Every match holds a title, so it starts where a title's first letters (`_TITLE_STEMS`)
    occur, or at the "[A-Z][a-z]+\\s" first name right before them: the one capital
    before the run of lower-case letters that ends at the space before the title. The
    stems are found without overlaps: a stem that begins inside another is preceded by
    a letter, so it can neither open a match nor follow a first name.
    """
    starts = [m.start() for m in _TITLE_STEM.finditer(text)]
    for at in list(starts):
        k = at - 1
        if k > 0 and text[k].isspace():  # `\s` is `str.isspace`
            while k > 0 and "a" <= text[k - 1] <= "z":
                k -= 1
            if 0 < k < at - 1 and "A" <= text[k - 1] <= "Z":
                starts.append(k - 1)
    return matches_at(_PERSON_SCAN, text, starts)


# Two capitalised words standing alone: "Amara Quist", not "the Associated Press".
# Scans that start at a capital test what precedes it right after it ("[A-Z](?<!x.)" is
# "(?<!x)[A-Z]"): a pattern opening with a character class lets `re` skip to the next
# capital, several times faster than trying the lookbehind at every position.
_BARE_NAME = re.compile(
    r"([A-Z](?<![\w’'.-] .)(?<![\w’'-].)[a-z]+(?:-[A-Z][a-z]+)?) (?:[A-Z]\. )?"
    r"([A-Z][a-z][\w’'-]*[a-z])\b"
    r"(?! [A-Z(])(?![’']s? [A-Z])"
)
# The same two words after a lower-case word or a sentence's end ("front-runner Jim
# Brown", "… said. Jim Brown arrived.", a dateline's "CITY - Jim Brown"), where a capital
# proves nothing: kept only when the first word is a known first name (`gender_of`). Both
# take a middle initial ("Jim B. Brown"), which names the same person.
_OPENING_NAME = re.compile(
    r"([A-Z](?<=[a-z.!?–—-] .)[a-z]+) (?:[A-Z]\. )?([A-Z][a-z][\w’'-]*[a-z])\b"
    r"(?! [A-Z(])(?![’']s? [A-Z])"
)
NOT_FIRST_NAMES = words(
    "the a an in on at for of and but as by to with from said says this that when after "
    "before while if last next new his her its their our under over since during until "
    "monday tuesday wednesday thursday friday saturday sunday january february march april "
    "may june july august september october november december north south east west "
    "central northern southern eastern western upper lower greater old great united royal "
    "national federal state city county global international european"
)
# Last words that mark an organisation, a place or a product, never a surname.
_ORG_TAILS = ORG_WORDS | words(
    "securities holdings partners capital markets services systems media energy foods "
    "motors airlines airways group groups inc corp ltd plc bank bancorp insurance "
    "industries technologies labs works party unions street square road avenue river "
    "valley island islands mountains hills park airport station bridge port bay coast "
    "province region district county city state republic kingdom times post news "
    "gazette herald journal daily weekly review office trust council residents association "
    "union court ministry exchange index fund agency shipping logistics mining steel "
    "telecom telecoms pharma pharmaceuticals health healthcare construction transport "
    "dairy brewing brewery chemicals oil gas power water waste software digital "
    "solutions consulting retail finance financial ventures electric electronics "
    "semiconductor semiconductors aerospace defence defense automotive mobile networks "
    "communications broadcasting studios entertainment games pictures records hotels "
    "resorts properties realty estates investments advisors advisers analytics research "
    "robotics biotech therapeutics medical farms foods drinks beverages textiles "
    "paper packaging cement metals minerals resources petroleum "
    "international global worldwide radio tv television channel network networks "
    "newspaper magazine monitor watch observatory institute centre center foundation"
)
_PREPOSITIONS = words("in at from to into of for on by near across via through with")
# "Other Democrats", "Some Republicans", "Senate Democrats": a group, never a person's
# first name and surname.
_QUANTIFIERS = words("other others some many most several few both all each every any "
                     "another fellow top senior")
GROUP_TAILS = words("democrats republicans americans conservatives liberals progressives "
                    "independents libertarians socialists officials leaders members "
                    "supporters critics voters delegates lawmakers")


def is_org_word(word: str) -> bool:
    """Whether a name's last word marks an organisation, a place or a product."""
    return _plain(word) in _ORG_TAILS


def _plain(word: str) -> str:
    w = word.lower().rstrip(".")
    return w[:-1] if w.endswith("s") and w[:-1] in _ORG_TAILS else w


_OWNER_S = re.compile(r"['’]s$")
Person = tuple[int, str, str | None, str]


def scan_people(text: str, bare: bool = False) -> list[Person]:
    """(position, name, gender, title phrase) for every person mention worth a pronoun.

    Titled names ("Finance Minister Petra Lund") and their later surnames; with `bare`,
    the bare two-word names instead ("Amara Quist of the Green Party won …"), unless one
    reads as an organisation, a place or a product (a tail word such as "Securities" or
    "Shipping", a preceding preposition or "the"). Bare names only serve "he"/"she":
    they never make a speaker phrase a person.
    """
    return list(_scan_people(text, bare))


def people_mentions(text: str, bare: bool = False) -> list[Person]:
    """`scan_people` without repeated entries: sorted(set(scan_people(text, bare))).

    Every titled mention of a person adds each later surname, so a long article naming
    one minister fifty times would list each surname fifty times over. Lookups that
    only ask "who is there" (the source book's) read this linear-size list instead.
    """
    return list(_scan_people(text, bare, unique=True))


@lru_cache(maxsize=4)
def _titled_people(text: str) -> tuple[tuple[Person, ...], tuple[str, ...]]:
    """The titled mentions, and their distinct names in order (both scans need them)."""
    people: list[Person] = []
    named: dict[str, None] = {}
    for m in _titled_matches(text):
        name = _OWNER_S.sub("", m.group(1))
        if any(w.lower() in ORG_WORDS for w in name.split()):
            continue
        title = text[m.start() : m.end()]
        people.append((m.start(1), name, gender_of(name, title), title))
        named.setdefault(name)
    return tuple(people), tuple(named)


@lru_cache(maxsize=8)
def _scan_people(text: str, bare: bool, unique: bool = False) -> tuple[Person, ...]:
    """`scan_people` (or `people_mentions`), cached: the source book and the place scan
    both ask per article."""
    titled, names = _titled_people(text)
    people: list[Person] = [] if bare else list(titled)
    named = set(names)
    # every name met, joined by a character no name contains: one substring test
    # tells whether a bare name is part of any of them
    joined = "".join("\0" + name for name in names)
    for m in _bare_names(text) if bare else ():
        first, last = m.group(1), m.group(2)
        if gender_of(first) is not None:
            last = _OWNER_S.sub("", last)  # "Ann Roe’s": Ann Roe (a known first name)
        prev_word = previous_word(text, m.start())
        if (first.lower() in NOT_FIRST_NAMES or first.lower() in TITLES
                or _plain(last) in _ORG_TAILS or last.lower() in TITLES
                or first.lower() in _QUANTIFIERS or last.lower() in GROUP_TAILS
                or prev_word in _PREPOSITIONS or prev_word in ("the", "a", "an")):
            continue
        name = m.group(0)[: len(m.group(0)) - len(m.group(2)) + len(last)]  # group 2 ends it
        if name in joined:
            continue
        people.append((m.start(), name, gender_of(name), ""))
        if name not in named:
            named.add(name)
            joined += "\0" + name
    if unique:
        return tuple(sorted(_unique_surnames(text, people), key=_person_order))
    out = list(people)
    starts: dict[str, list[int]] = {}
    for pos, name, gender, title in people:
        surname = name.split()[-1]
        if surname not in starts:
            starts[surname] = word_offsets(surname, text)
        for at in chain_from(starts[surname], pos + len(name), len(surname)):
            out.append((at, name, gender, title))
    return tuple(sorted(out, key=_person_order))


def _bare_names(text: str) -> list[re.Match[str]]:
    """`_BARE_NAME` matches, and `_OPENING_NAME` ones whose first word is a first name."""
    found = list(_BARE_NAME.finditer(text))
    found += [m for m in _OPENING_NAME.finditer(text) if gender_of(m.group(1)) is not None or (
        previous_word(text, m.start()) in PERSON_NOUNS)]  # "campaign consultant Ty Orr"
    return found


def _person_order(p: Person) -> tuple[int, str, str, str]:
    """Position, name, gender, title: the tuple order, with an unknown gender ("") able
    to sit beside a known one (two mentions at one place and name used to raise)."""
    return p[0], p[1], p[2] or "", p[3]


def _unique_surnames(text: str, people: list[Person]) -> set[Person]:
    """The mentions and their later surnames as a set. A surname that cannot overlap
    itself is found at every occurrence after a mention, so the earliest mention of a
    (name, gender, title) yields all the others' entries."""
    froms: dict[tuple[str, str | None, str], list[int]] = {}
    for pos, name, gender, title in people:
        froms.setdefault((name, gender, title), []).append(pos + len(name))
    out = set(people)
    for (name, gender, title), after in froms.items():
        surname = name.split()[-1]
        starts = word_offsets(surname, text)
        overlapping = any(surname[:k] == surname[-k:] for k in range(1, len(surname)))
        for a in after if overlapping else [min(after)]:
            out.update((at, name, gender, title) for at in chain_from(starts, a, len(surname)))
    return out


# Nouns a possessive pronoun ties to the party named before ("her campaign").
PROXY_NOUNS = words(
    "campaign office spokesperson spokesman spokeswoman spokespeople team aides aide "
    "lawyer lawyers attorney attorneys representative representatives staff press "
    "statement report website account filing letter study survey data figures results "
    "government administration ministry department press-office party allies camp "
    "officials management board"
)
_POSSESSED = re.compile(r"^(his|her|its|their)\s+((?:[\w-]+\s+){0,2}?)([\w-]+)$", re.IGNORECASE)
_OWNED_DOC = re.compile(
    r"^(?:the\s+)?(.+?)['’]s?\s+(?:(?:[\w-]+)\s+){0,2}?(?:reports?|study|studies|surveys?|"
    r"data|figures|statistics|analysis|review|results|findings|polls?|estimates?|statement|"
    r"forecasts?|projections?|records|audit|investigation|assessment|research|account|"
    r"emails?|memo|letter|filings?|tally|count|averages?)$",
    re.IGNORECASE,
)


@lru_cache(maxsize=4096)
def possessed(phrase: str) -> tuple[str, str] | None:
    """("her", "campaign") for "her campaign"; None when the noun is no proxy."""
    m = _POSSESSED.match(phrase.strip())
    if m is None or m.group(3).lower() not in PROXY_NOUNS:
        return None
    return m.group(1).lower(), f"{m.group(2)}{m.group(3)}".strip()


_NAMED_DOC = re.compile(
    r"^(?:(?:the|a|an|(?-i:new|latest|recent|another))\s+)*(?!(?:the|a|an|this|that|its|their)\s)((?-i:[A-Z])[\w&'’.-]*(?:\s+(?-i:[A-Z])[\w&'’.-]*)*)"
    r"\s+(?:(?-i:reports?|study|survey|data|figures|statistics|analysis|review|results|"
    r"findings|estimates?|statement|forecasts?|projections?|audit|assessment|research)|polls?)"
    r"(?:\s+(?:released|published|issued|conducted|from\s+\d{4}|in\s+\d{4})\b.*)?$",
    re.IGNORECASE,
)


@lru_cache(maxsize=4096)
def owned_document(phrase: str) -> str | None:
    """"The Shipping Institute's report", "a Civis poll released Monday" → the publisher."""
    m = _OWNED_DOC.match(phrase.strip()) or _NAMED_DOC.match(phrase.strip())
    if m is None or not m.group(1)[:1].isupper():
        return None
    return m.group(1)


_ORG = frozenset({"organisation", "other"})
# Generic nouns a back-reference may use, and the source types it may then stand for.
# Only near-synonyms of a body: "the court" or "the police" never stand for a ministry.
GENERIC_TYPES: dict[str, frozenset[str]] = {
    "agency": frozenset({"government", "organisation", "media", "think_tank"}),
    "think tank": frozenset({"think_tank"}),
    "institute": frozenset({"think_tank"}),
    "group": frozenset({"organisation", "osint", "think_tank", "other"}),
    "organisation": frozenset({"organisation", "think_tank"}),
    "organization": frozenset({"organisation", "think_tank"}),
    "military": frozenset({"military"}),
    "army": frozenset({"military"}),
    "outlet": frozenset({"media"}),
    "newspaper": frozenset({"media"}),
    "report": frozenset({"media", "think_tank"}),
    "study": frozenset({"think_tank", "organisation"}),
    "survey": frozenset({"organisation", "think_tank"}),
    **dict.fromkeys(("company", "firm", "corporation", "business", "operator",
                     "carrier", "airline", "retailer", "lender", "insurer", "bank", "maker",
                     "manufacturer", "producer", "developer", "club", "union", "charity",
                     "association", "federation", "party", "utility", "chain", "startup",
                     "provider", "pollster", "broker"), _ORG | {"organisation"}),
}


# Heads a describing word may precede and still mean the firm last met ("the German
# carmaker", "the online retailer"); "the Republican party", "the trade group" or "the
# staff association" name or describe another body, so those heads are not in this set.
FIRM_HEADS = words("company firm corporation business carrier airline retailer lender "
                   "insurer bank maker manufacturer producer developer startup provider "
                   "utility chain broker operator")

# Makers that are firms; "lawmaker", "policymaker" and "decision-maker" are people.
_FIRM_MAKERS = words("automaker carmaker drugmaker chipmaker planemaker toymaker steelmaker "
                     "shoemaker phonemaker")
# Modifiers that point away from the body last met ("the rival company", "a new firm").
_OTHER_BODY = words("other another rival second third new parent sister competing smaller "
                    "larger bigger former")


@lru_cache(maxsize=4096)
def generic_key(key: str) -> str | None:
    """The generic noun a description ends on ("german company" → "company", "the
    carmaker" → "maker"), when the words before it only describe the body.

    Wire copy rarely repeats a company's name: it writes "the Swiss drugmaker" or "the
    tech giant", and such a phrase is the body last met as surely as "the company" is.
    """
    if key in GENERIC_TYPES:
        return key
    parts = key.split()
    if not parts or len(parts) > 4:
        return None
    *mods, head = parts
    if head in _FIRM_MAKERS:
        head = "maker"
    elif head == "giant" and mods:
        head = "company"
    if head not in FIRM_HEADS or any(m in _OTHER_BODY or not m.isalpha() and "-" not in m
                                     for m in mods):
        return None  # "the trade group", "the staff association": often another body
    return head


_LEAD_NAME = re.compile(
    r"^(?:(?:The|A|An)\s+(?:[a-z][\w-]*\s+){0,3}[a-z][\w-]*,\s+)?"
    r"((?:[A-Z][\w'’&.-]*)(?:\s+(?:of\s+|for\s+|and\s+)?[A-Z][\w'’&.-]*){0,4})(?=,|\s+[a-z])"
)


SHARES_OF = re.compile(r"(?:The )?(?:[Ss]hares|[Ss]tock) (?:of|in) (?=[A-Z])")


@lru_cache(maxsize=4096)
def sentence_subject_name(sentence: str) -> str | None:
    """The name a sentence opens with ("The national railway, EstRail, suspended …").

    "…, a spokesperson for the company said" points back to that name first: the body a
    sentence is about is the nearest antecedent of its own generic noun.
    """
    lead = sentence.strip()
    shares = SHARES_OF.match(lead)  # "Shares of Acme fell after the company said …"
    m = _LEAD_NAME.match(lead[shares.end():] if shares else lead)
    if m is None:
        return None
    name = m.group(1)
    if name.startswith("The ") and len(name.split()) > 1:
        name = name[4:]  # "The World Bank cut …"
    first = name.split()[0].lower()
    if first in NOT_FIRST_NAMES or first in ("he", "she", "it", "they", "we", "shares"):
        return None
    return name


_ROLES = "|".join(sorted(ROLE_NOUNS))
_BODY = re.compile(
    rf"^(?:the |a |an )?(?:(.+?)(?:'s|’s)\s+(?:\w+\s+)?(?:{_ROLES})|(?:\w+\s+)?(?:{_ROLES})\s+"
    rf"(?:of|for|at)\s+(.+)|(.+?)\s+(?:{_ROLES}))$",
    re.IGNORECASE,
)


_NO_BODY = words("a an the")
_PRONOUN_OWNERS = words("its their his her")
# Roles that speak in their own name, never merged into the body they belong to.
OWN_VOICE_ROLES = words(
    "minister president senator leader premier chancellor mp lawmaker deputy governor"
)


@lru_cache(maxsize=4096)
def role_body(role: str) -> str | None:
    """The body a role phrase speaks for: "head of the X", "the X's director", "An X spokesman"."""
    m = _BODY.match(role.strip())
    if not m:
        return None
    body = next(g for g in m.groups() if g)
    body = body.strip()
    if body.lower() in _NO_BODY or body.split()[0].lower() in _PRONOUN_OWNERS:
        return None  # "a spokesman", "its chief executive": no body named in the role
    return body


# Nouns that mark a possessive proper name as a place ("Ukraine's air force").
_PLACE_NOUNS = "|".join(sorted(GENERIC_HEADS | words(
    "province provinces region regions capital economy border borders territory coast "
    "rivers river cities city towns country president prime people population war "
    "army navy military troops defences defenses allies neighbours neighbors parliament "
    "southern northern eastern western central")))
_POSSESSIVE_PLACE = re.compile(
    rf"([A-Z](?<![\w-].)[a-z][\w]*(?: [A-Z][a-z]\w*)?)['’]s\s+(?:[a-z][\w-]*\s+){{0,2}}?"
    rf"(?:{_PLACE_NOUNS})\b"
)
_DEMONYM = re.compile(
    r"([A-Z](?<![\w-].)[a-z]{2,}(?:ian|ean|an|ese|ish|i))(?=\s+(?!(?:said|says|told|added|"
    r"wrote|is|was|are|were|has|had|who|will|would|from|to|in|on|at|by|with|for|of|into|"
    r"over|under|after|before|since)\b)[a-z])"
)
# "Ministry of X" or "X Government": every match opens on a capital, consumed first so
# that `re` skips to capitals; each alternative then tests it by a look-behind. The
# second alternative's place is that capital and group 2 ("X Ministry": "M" + "inistry").
_OF_PLACE = re.compile(
    r"[A-Z](?:(?<!\w.)(?:(?<=M)inistry|(?<=A)ssembly|(?<=P)arliament|(?<=G)overnment|"
    r"(?<=R)epublic|(?<=K)ingdom|(?<=P)resident|(?<=E)mbassy|(?<=P)eople) of "
    r"([A-Z][a-z]\w+)\b(?!\s+[A-Z])|"
    r"(?<![\w-].)([a-z]\w+) (?:Ministry|Government|Parliament|Armed Forces|Air Force|"
    r"Army|Navy)\b)"
)
# "in X", "across X Y": matched from the place's capital, the words before it tested by
# look-behinds (so `re` skips to capitals instead of trying every offset).
_IN_PLACE = re.compile(r"([A-Z](?:(?<=\bin .)|(?<=\bacross .)|(?<=\bthroughout .))[a-z]\w+"
                       r"(?: [A-Z][a-z]\w+)?)\b(?!['’]| [A-Z])")
# What follows the name in `_POSSESSIVE_PLACE`: a text without it has no match.
_POSSESSIVE_TAIL = re.compile(
    rf"['’]s\s+(?:[a-z][\w-]*\s+){{0,2}}?(?:{_PLACE_NOUNS})\b"
)
_FIRST_NAMES = _FIRST_F | _FIRST_M
_PLACE_PREFIXES = words(
    "north south east west central northern southern eastern western upper lower greater "
    "old great united new"
)
_NOT_PLACES = (NOT_FIRST_NAMES - _PLACE_PREFIXES) | TITLES | GENERIC_MODIFIERS | words(
    "god parliament government ministry army navy police court council republican "
    "republicans democrat democrats democratic partisan veteran")


def place_mentions(text: str) -> list[tuple[int, str, bool]]:
    """(position, place, strong) for every country- or place-like name in the text.

    Strong mentions tie a place to a body or a group ("Ukraine's air force", "Russian
    forces", "Assembly of Marovia"); weak ones only locate ("in Riverton"). Persons met
    with a title are no places ("Lund's budget").
    """
    people = {w for _, name, _, _ in people_mentions(text) for w in name.split()}
    found: list[tuple[int, str, bool]] = []
    for rx, strong in ((_POSSESSIVE_PLACE, True), (_DEMONYM, True), (_OF_PLACE, True),
                       (_IN_PLACE, False)):
        if rx is _POSSESSIVE_PLACE and _POSSESSIVE_TAIL.search(text) is None:
            continue  # the pattern's own tail: without it, no match
        for m in rx.finditer(text):
            if m.group(1) is not None:
                at, name = m.start(1), m.group(1)
            else:  # `_OF_PLACE`'s "X Ministry": the capital and group 2
                at, name = m.start(), text[m.start() : m.end(2)]
            first = name.split()[0]
            if first.lower() in _NOT_PLACES or first in people or name in people or (
                    rx is _DEMONYM and (first.lower() in _FIRST_NAMES or _after_name(text, m)
                                        or not _body_follows(text, m.end()))):
                continue
            found.append((at, name, strong))
    return sorted(found)


# Nouns after a country adjective that tie the country to a party ("Russian forces",
# "Marovian officials"); "Chinese goods" or "Florida retirees" tie it to nothing.
_PARTY_NOUNS = GENERIC_HEADS | GENERIC_MODIFIERS | words(
    "forces troops soldiers people citizens nationals leaders leader president prime "
    "premier minister ministers lawmakers parliament legislature government authorities "
    "state media press diplomats embassy ambassador negotiators delegation regime junta "
    "army navy military police officials agency ministry side counterparts"
)
_NEXT = re.compile(r"\s+([a-z][\w-]*)")


def _body_follows(text: str, end: int) -> bool:
    m = _NEXT.match(text, end)
    return m is not None and m.group(1) in _PARTY_NOUNS


def _after_name(text: str, m: re.Match[str]) -> bool:
    """Whether a match continues a capitalised name ("Lower Harran"), mid-sentence."""
    before = re.search(r"(\S+)\s+$", text[max(0, m.start() - 40) : m.start()])
    if before is None:
        return False
    word = before.group(1)
    return word[:1].isupper() and word[-1:] not in ".!?:”\""


@lru_cache(maxsize=256)  # keyed on the article too: keep few texts alive
def place_form(place: str, text: str) -> str:
    """The adjective the article itself uses for a place ("Russia" → "Russian"), else it."""
    stem = place.lower()
    stem = stem[:-1] if stem[-1:] in "aeiouy" else stem
    if " " in place or len(stem) < 4:
        return place
    return adjective_form(place[0] + stem[1:], text) or place


_ADJECTIVE_ENDS = ("ian", "ean", "an", "ese", "ish", "i")


def adjective_form(prefix: str, text: str) -> str | None:
    """The first word that opens with `prefix` and ends in an adjective ending, as
    `\\b(prefix\\w*?(?:ian|ean|an|ese|ish|i))\\b` finds it (without compiling a
    pattern for every place an article names)."""
    at = text.find(prefix)
    while at >= 0:
        before = at > 0 and is_word_char(text[at - 1])
        if before != (at < len(text) and is_word_char(text[at])):  # "\b" at the start
            start = end = at + len(prefix)
            while end < len(text) and is_word_char(text[end]):
                end += 1
            tail = text[start:end]  # "\w*?" and the ending, up to the word's end
            if any(tail.endswith(e) for e in _ADJECTIVE_ENDS):
                return text[at:end]
        at = text.find(prefix, at + 1)
    return None


class Mentions:
    """One sorted people list, searchable by position and by name."""

    def __init__(self, entries: list[Person]) -> None:
        self.entries = entries
        self.starts = [e[0] for e in entries]
        self.names = frozenset(e[1] for e in entries)

    def latest(self, pos: int, gender: str | None) -> Person | None:
        """The first entry, in list order, of those at the last position before `pos`
        with a compatible gender (what a forward scan keeping the strict maximum finds)."""
        entries = self.entries
        j = bisect_left(self.starts, pos) - 1
        while j >= 0 and not _compatible(entries[j][2], gender):
            j -= 1
        if j < 0:
            return None
        at = entries[j][0]
        for i in range(j - 1, -1, -1):
            if entries[i][0] != at:
                break
            if _compatible(entries[i][2], gender):
                j = i
        return entries[j]

    def latest_titled(self, pos: int, title_words: set[str], gender: str | None
                      ) -> Person | None:
        """The last entry before `pos` whose title holds one of the words ("senator"
        for "Sen. Tom Brisk"), walking back at most a few dozen mentions."""
        j = bisect_left(self.starts, pos) - 1
        stop = max(-1, j - 40)
        while j > stop:
            entry = self.entries[j]
            if _compatible(entry[2], gender) and title_words & set(
                    entry[3].lower().replace(",", " ").split()):
                return entry
            j -= 1
        return None


def _compatible(g: str | None, gender: str | None) -> bool:
    return gender is None or g in (None, gender)


class PeopleIndex:
    """Lookups over `scan_people` lists that would otherwise rescan them per phrase."""

    def __init__(self, people: list[Person], bare: list[Person]) -> None:
        self.people = Mentions(people)
        self.bare = Mentions(bare)
        # first titled entry per normal form of a name, and first entry per normal form
        # or word-suffix of one ("lund" and "petra lund" for Petra Lund)
        self.title_by_key: dict[str, str] = {}
        self.by_word_suffix: dict[str, Person] = {}
        self.surnames: dict[str, set[str]] | None = None  # last word → full names, lazily
        for entry in people:
            key = norm(entry[1])
            if entry[3]:
                self.title_by_key.setdefault(key, entry[3])
            self.by_word_suffix.setdefault(key, entry)
            for i, ch in enumerate(key):
                if ch == " ":
                    self.by_word_suffix.setdefault(key[i + 1 :], entry)


# What may open a sentence before its subject: an adverb or a short fronted phrase set
# off by a comma ("Instead,", "On Monday,", "In a statement Tuesday,"), then the words of
# a noun phrase (capitalised words, determiners, titles and adjective-like modifiers:
# "Democratic presidential candidate", "the former governor").
_OPENER = re.compile(
    r"(?:(?:But|And|So|Yet|Still|Then|Later|Now|Earlier|Also|Instead|Meanwhile|However|"
    r"Afterward|Afterwards|Separately|Similarly|Likewise|Indeed|Previously|Today|"
    r"Yesterday)\b,?|(?:On|In|At|During|After|Before|Since|Speaking|Asked|Like)\b"
    r"[^,.;:!?“”\"]{0,40},)\s+"
)
_LATER_OPENER = re.compile(_OPENER.pattern, re.IGNORECASE)  # "But on Monday, …"
_DETERMINERS = words("the a an this that these those")
_SUBJECT_LEAD = words(
    "the a an former then ex- later late current outgoing incoming acting interim "
    "presidential vice deputy senior top chief state federal party campaign gop "
    "white house front-runner frontrunner longtime fellow rival republican democratic "
    "democrat independent conservative liberal progressive u.s. us american"
)
_LEAD_SUFFIXES = ("al", "ic", "an", "ive", "ary", "ist")
# Capitalised words that open a subject without being anybody's surname.
NOT_SURNAMES = _SUBJECT_LEAD | NOT_FIRST_NAMES | words(
    "republicans democrats americans senate house congress court state county city")
_BOUNDARY_CHARS = ".!?\n"
# How far into its sentence a name may stand and still be the subject: a short lead
# ("Former Velmora mayor Ann Roe"), or a long fronted clause set off by a comma right
# before it ("Asked whether the levy would pass in the spring, Roe demurred").
_SUBJECT_REACH = 160
_FRONTED_REACH = 320
_QUOTE_MARKS = "“\"”‘’'"


def subject_position(text: str, pos: int, clause: bool = False) -> bool:
    """Whether the name at `pos` is its sentence's subject, not an object or part of a
    quotation ("Ann Roe met Ben Holt." makes Ann Roe the subject, Ben Holt an object).

    News refers back with "he"/"she" to the person its last sentence was about, the
    subject, far more often than to one that sentence only mentioned. The subject of an
    opening subordinate clause ("If Roe wins, …") counts only with `clause`, for a
    pronoun in the same sentence ("While Roe agreed, he …"); a later sentence is about
    the main clause's subject.
    """
    start = pos
    lo = max(0, pos - _FRONTED_REACH)
    while start > lo and not _boundary(text, start - 1):
        start -= 1
    if start == lo and lo > 0:
        return False  # too far from the sentence's start to be its subject
    lead = text[start:pos].strip()
    far = pos - start > _SUBJECT_REACH
    if far and not (lead.endswith(",") and _fronted(lead)):
        return False  # far from the start, unless right after a long fronted clause
    if any(ch in lead for ch in "“\"") or lead and lead[0] in _QUOTE_MARKS:
        return False  # inside a quotation: the quoted sentence's subject
    if _quote_open(text, start):
        return False  # a later sentence of a quotation opened before it
    if far:
        lead = ""  # the name opens the main clause, right after the fronted one's comma
    dateline = _DATELINE.match(lead)
    if dateline is not None:
        lead = lead[dateline.end():]  # "RIVERTON, Estmark - Ann Roe …"
    m = _OPENER.match(lead + " ")
    while m is not None and lead:  # "But like Roe, Holt …": openers in a row
        lead = lead[m.end():]
        m = _LATER_OPENER.match(lead + " ")
    comma = lead.rfind(",")
    if comma > 0 and _fronted(lead):
        lead = lead[comma + 1:].strip()  # "When she ran the board, Ann Roe …": the main
    toks = lead.split()
    if toks and not clause and toks[0].lower() in _SUBORDINATORS:
        return False  # "If Roe wins, …": the subject of a clause the sentence depends on
    if toks and toks[-1].lower() in _DETERMINERS:
        return False  # "The Roe outlets have …": the name only modifies a noun
    if len(toks) > 6:
        return False
    for t in toks:
        low = t.lower().strip(",")
        if t[:1].isupper() and t[-1:] != ",":
            continue
        if low in _SUBJECT_LEAD or low.endswith(_LEAD_SUFFIXES) and len(low) > 4 or (
                low.startswith(("then-", "ex-", "former-")) or low in _TITLE_NOUNS
                or low in PERSON_NOUNS):
            continue
        return False
    end = pos
    while end < len(text) and (text[end].isalnum() or text[end] in "-.’'") or (
            end + 1 < len(text) and text[end] == " " and text[end + 1].isupper()):
        end += 1  # the whole name: "Ann Roe's aide", "Roe's Iraq vote"
    if _CONTRACTED_IS.match(text, end):
        return True  # "Roe's been saying": "has", no possessive
    return not any(w.endswith(("’s", "'s", "’", "'")) or "’t" in w or "'t" in w
                   for w in text[pos:end].split())  # a possessive ("Don't" no name)


# After a name's "'s", the words that show it stands for "is" or "has".
_CONTRACTED_IS = re.compile(r"(?<=['’]s) (?:been|got|gotten|not|never|also|already|still|"
                            r"going|done|made|said|told)\b")


# A dateline before a paragraph's first sentence: a place in capitals, then a dash.
_DATELINE = re.compile(r"[A-Z][A-Z'.-]+(?:[ ,]+[A-Z][A-Za-z'.-]*){0,4}\s*(?:\([^)]{0,30}\)\s*)?"
                       r"[-–—]\s+")
_SUBORDINATORS = words("if when whenever although though while whereas because since as unless "
                       "until once after before whether")
# Words that open a phrase fronted before a sentence's subject and set off by a comma
# ("Until last week, …", "Despite the loss, …", "Within minutes, …").
_FRONT_WORDS = _SUBORDINATORS | words(
    "in on at during despite within without amid among by for from with under over "
    "following unlike like last this earlier later"
)


def _fronted(lead: str) -> bool:
    """Whether a sentence's words before a name open with a fronted phrase: a
    subordinate clause, a prepositional or time phrase, a participle ("Having lost the
    seat, …") or an adverb in -ly; the name after its comma is the main clause's."""
    first = lead.split(None, 1)[0].lower().strip(",")
    return first in _FRONT_WORDS or len(first) > 4 and first.endswith(("ing", "ed", "ly"))


def _quote_open(text: str, start: int) -> bool:
    """Whether a quotation opened earlier in the paragraph is still open at `start`:
    more opening than closing curly marks, or an odd number of straight ones."""
    para = text.rfind("\n", 0, start) + 1
    if start - para > 3000:
        return False  # a paragraph far beyond a real one: not worth the count
    chunk = text[para:start]
    if "“" in chunk or "”" in chunk:
        return chunk.count("“") > chunk.count("”")
    if '"' in chunk:
        return chunk.count('"') % 2 == 1
    return chunk.count("''") % 2 == 1


_ABBREVIATIONS = words("mr mrs ms dr sen rep gov gen st jr sr lt col sgt capt rev prof "
                       "u.s u.n d.c n.y n.h n.c s.c mt ft no")


def sentence_start(text: str, pos: int) -> int:
    """Where the sentence holding `pos` starts (after its boundary and any space),
    looking back at most 400 characters."""
    start, lo = pos, max(0, pos - 400)
    while start > lo and not _boundary(text, start - 1):
        start -= 1
    while start < pos and text[start].isspace():
        start += 1
    return start


def _boundary(text: str, i: int) -> bool:
    """Whether text[i] ends a sentence: a line break, or "." "!" "?" before a space,
    not the point of "Mr." or of an initial ("J. Roe")."""
    ch = text[i]
    if ch == "\n":
        return True
    if ch in "”’\"'" and i > 0 and text[i - 1] in ".!?,":  # '…end.” Ann Roe said'
        return text[i - 1] != "," and (i + 1 == len(text) or text[i + 1].isspace())
    if ch not in ".!?" or i + 1 < len(text) and not text[i + 1].isspace():
        return False
    if ch != ".":
        return True
    j = i
    while j > 0 and (text[j - 1].isalpha() or text[j - 1] == "."):
        j -= 1
    word = text[j:i].lower()
    return not (len(word) == 1 or word in _ABBREVIATIONS)


_TITLE_NOUNS = words(
    "candidate nominee hopeful senator sen. governor gov. rep. representative congressman "
    "congresswoman mayor president secretary minister leader chairman chairwoman chair "
    "spokesman spokeswoman spokesperson businessman billionaire host judge justice "
    "attorney general speaker majority minority whip director adviser advisor aide "
    "strategist manager commissioner ambassador"
)
