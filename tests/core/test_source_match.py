"""The precomputed matcher picks what `match_source` picks, on any registry."""

from __future__ import annotations

from collections.abc import Sequence

from hypothesis import given, settings
from hypothesis import strategies as st

from claims.core.attribution.matching import CandidateKey, best_fuzzy, candidate_key
from claims.core.attribution.sources import match_source
from claims.core.model import Source

# Words that collide on purpose: topics ("Defence"/"Finance"), US spellings, typos,
# short acronyms, curly apostrophes, pinned names, leading articles, punctuation.
WORDS = (
    "Defence", "Defense", "Finance", "Health", "ministry", "Ministry", "Minstry", "NATO",
    "NAT0", "UN", "ISW", "Air", "Force", "Forces", "the", "The", "Estmark", "Red", "Cross",
    "Europe’s", "Europe's", "Institute", "Institue", "(b.txt)", "(a.txt)", "Analysts",
    "U.N.", "—", "of", "War", "Centre", "Center",
)
phrase = st.lists(st.sampled_from(WORDS), min_size=1, max_size=4).map(" ".join)
registries = st.lists(
    st.tuples(phrase, st.lists(phrase, max_size=3)), max_size=12, unique_by=lambda t: t[0]
).map(lambda rows: tuple(Source(name, aliases=tuple(aliases)) for name, aliases in rows))


def indexed_match(name: str, registry: Sequence[Source], cutoff: float = 90) -> str | None:
    """What `RegistryIndex` does with the precomputed keys: exact keys, then fuzzy."""
    query = candidate_key(name)
    if not query.key:
        return None
    choices: list[str | None] = []
    topics, ranks, owners = [], [], []
    for pos, src in enumerate(registry):
        for seq, text in enumerate((src.name, *src.aliases)):
            cand = candidate_key(text)
            if cand.key == query.key:
                return src.name  # the first source holding the key, as the scan finds
            choices.append(cand.key if cand.fuzzy else None)
            topics.append(cand.topics)
            ranks.append((pos, seq))
            owners.append(src.name)
    found = best_fuzzy(query, choices, topics, ranks, cutoff=cutoff)
    return None if found is None else owners[found]


@settings(max_examples=400, deadline=None)
@given(registries, phrase)
def test_same_winner_as_match_source(registry: tuple[Source, ...], name: str) -> None:
    assert indexed_match(name, registry) == match_source(name, registry)


@settings(max_examples=200, deadline=None)
@given(registries, phrase, st.sampled_from([60.0, 75.0, 90.0]))
def test_same_winner_at_any_cutoff(
    registry: tuple[Source, ...], name: str, cutoff: float
) -> None:
    assert indexed_match(name, registry, cutoff) == match_source(name, registry, cutoff=cutoff)


def test_topics_keep_portfolios_apart() -> None:
    registry = (Source("Defence ministry"),)
    assert indexed_match("Finance ministry", registry) is None
    assert indexed_match("Defense ministry", registry) == "Defence ministry"


def test_tie_goes_to_the_first_in_registry_order() -> None:
    # "institute of warx" is one edit from both; the earlier source wins
    registry = (Source("Institute of Ward"), Source("Institute of Wart"))
    assert indexed_match("Institute of Warx", registry) == "Institute of Ward"
    assert indexed_match("Institute of Warx", registry[::-1]) == "Institute of Wart"


def test_short_keys_only_match_exactly() -> None:
    assert candidate_key("UN") == CandidateKey("un", frozenset())
    assert not candidate_key("the UN").fuzzy
    assert indexed_match("UNO", (Source("UN"),)) is None
    assert indexed_match("NATO", (Source("NAT0"),)) is None  # 75: below the cutoff


def test_curly_apostrophe_is_the_straight_one() -> None:
    assert candidate_key("Europe’s Institute").key == "europe's institute"
    assert indexed_match("Europe’s Institute", (Source("Europe's Institute"),)) == (
        "Europe's Institute"
    )


def test_removed_candidates_are_skipped() -> None:
    query = candidate_key("Institute of War")
    keys = [candidate_key("Institute of War").key, candidate_key("Institute of Wax").key]
    topics = [frozenset[str](), frozenset[str]()]
    assert best_fuzzy(query, [None, keys[1]], topics, [(0, 0), (1, 0)], cutoff=90) == 1
    assert best_fuzzy(query, [None, None], topics, [(0, 0), (1, 0)], cutoff=90) is None
    assert best_fuzzy(candidate_key("..."), keys, topics, [(0, 0), (1, 0)], cutoff=90) is None
