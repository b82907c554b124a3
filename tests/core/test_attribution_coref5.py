"""Back-references on real-news shapes: definite descriptions.

Each text is the project's own, written to reproduce one failure class measured on
PolNeAR train (issue 14, items 3 and 4); every test asserts the exact source and that
the phrase never becomes a fragment source of its own.
"""

from __future__ import annotations

from claims.core.extraction import extract
from claims.core.text.documents import make_document


def _run(text: str) -> tuple[list[str | None], dict[str, tuple[str, ...]]]:
    ex = extract(make_document(text, "t.txt"))
    return [c.source for c in ex.claims], {s.name: s.aliases for s in ex.sources}


def test_the_company_is_the_named_company_and_keeps_the_wording() -> None:
    sources, registry = _run(
        "Acme Corp said demand fell in May. The company said it would cut 300 jobs.")
    assert sources == ["Acme Corp", "Acme Corp"]
    assert registry == {"Acme Corp": ("The company",)}


def test_a_description_alias_never_steers_a_later_description() -> None:
    sources, registry = _run(
        "Acme Corp said demand fell. The company said it would cut jobs. "
        "Bolt Inc said prices rose. The company said it would hire 40 people.")
    assert sources == ["Acme Corp", "Acme Corp", "Bolt Inc", "Bolt Inc"]
    assert set(registry) == {"Acme Corp", "Bolt Inc"}


def test_a_description_matching_a_word_of_the_name_keeps_the_name() -> None:
    sources, registry = _run(
        "Toll rises, agency says\nFloods killed 40 people, the Northern Relief Agency said. "
        "The agency put the number missing at 18, while the Red Cross said 30 were missing.")
    assert sources == ["Northern Relief Agency", "Northern Relief Agency",
                       "Northern Relief Agency", "Red Cross"]
    assert "The agency" in registry["Northern Relief Agency"]
