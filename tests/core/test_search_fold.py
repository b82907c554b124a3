"""The search key: case, accents, quote and dash styles folded the same way for claims and
queries, and PostgreSQL's translate/replace form equal to the Python one."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from claims.core.search import fold, fold_table, postgres_fold_map, search_words


def test_what_people_type_finds_what_articles_print() -> None:
    assert fold("Kyiv’s") == fold("kyiv's") == "kyiv's"
    assert fold("São Paulo") == "sao paulo"
    assert fold("NATO") == fold("Nato") == "nato"
    assert fold("“plan”") == '"plan"' and fold("‘x’") == "'x'"
    assert fold("Kharkiv–Kyiv — road") == "kharkiv-kyiv - road"
    assert fold("Straße Ærø Łódź") == "strasse aero lodz"
    assert fold("ＮＡＴＯ ﬁnal") == "nato final"
    assert fold("e\u0301") == "e"  # a decomposed accent goes too
    assert fold("Ёлка İstanbul") == "елка istanbul"
    assert fold("한국 北京") == "한국 北京"  # outside the folded blocks: left as it is


def test_query_terms() -> None:
    assert search_words("Kyiv’s  DRONES kyiv's") == ("kyiv's", "drones")
    assert search_words('"air force" 188') == ("air force", "188")
    assert search_words("“Air Force” 188") == ("air force", "188")
    assert search_words('"unclosed phrase') == ('"unclosed', "phrase")
    assert search_words('"" ') == ()


@given(st.text())
def test_fold_is_idempotent_and_character_wise(text: str) -> None:
    once = fold(text)
    assert fold(once) == once
    assert once == "".join(fold(ch) for ch in text)


def _postgres(text: str) -> str:
    """What `lower(...)`-free `translate(replace(...))` computes on the server."""
    replaced, source, target = postgres_fold_map()
    for old, new in replaced:
        text = text.replace(old, new)
    table = {ord(a): (target[i] if i < len(target) else None) for i, a in enumerate(source)}
    return text.translate(table)


@given(st.text())
def test_the_postgres_form_equals_fold(text: str) -> None:
    assert _postgres(text) == fold(text)


def test_the_postgres_form_covers_every_folded_character() -> None:
    replaced, source, target = postgres_fold_map()
    assert len(set(source)) == len(source)
    assert len(source) - len(target) == sum(1 for v in fold_table().values() if not v)
    for code, folded in fold_table().items():
        assert _postgres(chr(code)) == folded
