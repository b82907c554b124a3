"""Properties of the small parsers the store relies on (hypothesis)."""

from __future__ import annotations

import hashlib
import itertools

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from claims.core.model import Claim, Document, Extraction, Figure, Qualifier
from claims.core.search import fold, search_words
from claims.store import Store
from claims.store.ingest import line_of, save_extraction
from claims.store.queries import list_claims
from claims.store.relations import load_facts
from claims.store.sources import norm
from claims.store.tables import figure

# No NUL: PostgreSQL text cannot hold it and SQLite's length() stops at it.
TEXT = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"),
    min_size=1,
    max_size=300,
).map(lambda s: s.replace("\r", "\n"))
_counter = itertools.count()
FAST = settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


def _article(store: Store, text: str, start: int, end: int) -> int:
    """Store `text` as one claim with one figure at [start, end); returns the figure id."""
    digest = hashlib.sha256(f"{next(_counter)}:{text}".encode()).hexdigest()
    fig = Figure(text[start:end] or "x", start, end, 1, 1, 1, Qualifier.EXACT, "unit")
    extraction = Extraction(
        Document(text, "p.txt", digest), (), (Claim(text, 0, len(text), figures=(fig,)),)
    )
    outcome = save_extraction(store, extraction, origin="p.txt")
    with store.read() as conn:
        ids = conn.execute(
            figure.select().with_only_columns(figure.c.id).order_by(figure.c.id.desc()).limit(1)
        ).scalar_one()
    assert outcome.figures == 1
    return int(ids)


@FAST
@given(text=TEXT, data=st.data())
def test_sql_line_equals_python_line(store: Store, text: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(text)))
    fid = _article(store, text, start, start)
    with store.read() as conn:
        (fact,) = load_facts(conn, figure.c.id == fid)
    assert fact.line == line_of(text, start) == 1 + text[:start].count("\n")


@FAST
@given(text=TEXT, data=st.data())
def test_search_finds_every_word_ignoring_case_and_accents(
    store: Store, text: str, data: st.DataObject
) -> None:
    """A piece of the text (case swapped where that is safe) finds it; whatever is found
    holds every folded word of the query, wildcards and backslashes taken literally."""
    fid_text = text + " %_\\ end"
    _article(store, fid_text, 0, 0)
    i = data.draw(st.integers(0, len(fid_text) - 1))
    j = data.draw(st.integers(i + 1, len(fid_text)))
    query = fid_text[i:j]
    if query.isascii():
        query = query.swapcase()
    found = [c.text for c in list_claims(store, search=query)]
    assert fid_text in found or not search_words(query)
    assert all(w in fold(t) for t in found for w in search_words(query))


@example("the the Kremlin")
@example("the 'X'")
@example(" a  The  ISW. ")
@given(st.text(max_size=60))
def test_norm_is_idempotent_and_case_free(name: str) -> None:
    key = norm(name)
    assert norm(key) == key
    assert norm(name.upper()) == norm(name.lower()) or not name.isascii()
    assert key == key.strip()
