"""Definite descriptions that refer back to a named party ("the company", "the group").

"Acme Corp cut 300 jobs. The company said …": the description resolves to Acme (the
source book decides that), and the article's wording is worth keeping on Acme as an
alias: a reader searching the claims of this article for "the company" finds them, and
the registry never sees it (`store.sources.registry_alias` drops back-references).

Such an alias must not steer later look-ups, though: a second "the company" three
paragraphs on, after "Bolt Inc said …", means Bolt, not whichever party first answered
to the description. `BackReferences` remembers which aliases were only descriptions so
that the look-ups can ignore them.
"""

from __future__ import annotations

from claims.core.attribution.sources import Entity, norm, strip_determiner


class BackReferences:
    """The description aliases of one article's sources, by source."""

    def __init__(self) -> None:
        self._by_entity: dict[int, set[str]] = {}

    def add(self, e: Entity, phrase: str) -> None:
        """Keep `phrase` ("the company") as an alias of `e`, marked as a description."""
        key = norm(strip_determiner(phrase))
        if not key or key in e.name_keys():
            return  # already one of its names: nothing to hide later
        e.add_alias(phrase)
        self._by_entity.setdefault(id(e), set()).add(key)

    def hides(self, e: Entity, key: str) -> bool:
        """Whether `e` answers to `key` only through a description alias: its own
        name may still hold the word ("agency" in "Civil Protection Agency")."""
        keys = self._by_entity.get(id(e))
        if keys is None or key not in keys:
            return False
        padded = f" {key} "
        return not any(padded in f" {k} " for k in e.name_keys() if k not in keys)

