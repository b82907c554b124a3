"""`--source NAME`: which registry source a name a person typed denotes.

One rule for `queries.resolve_source` and the lean read path (`fastread`), so both
answer alike; this module imports neither SQLAlchemy nor rapidfuzz until a fuzzy pass
is needed. In order: the exact name or alias (every key through `norm`, so case,
"the", curly quotes, dots and British or American spelling do not matter); a key held
by two sources is ambiguous and names both; then a name contained as whole words in
exactly one source ("defense ministry" in "Russian defence ministry"); then one clear
fuzzy winner; else an error listing the closest candidates (exit 2).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from claims.core.namekey import contains_words, norm
from claims.errors import UnknownSource

FUZZY_CUTOFF = 85
FUZZY_MARGIN = 5
MAX_CANDIDATES = 3
CANDIDATE_FLOOR = 60

# source id → (canonical name, the norms of its name and aliases)
Keys = Mapping[int, tuple[str, set[str]]]


def collect(names: Iterable[tuple[int, str]], aliases: Iterable[tuple[int, str]]) -> dict[
        int, tuple[str, set[str]]]:
    """The `Keys` of a registry given as (id, name) and (source id, alias) rows."""
    keys: dict[int, tuple[str, set[str]]] = {}
    for sid, name in names:
        keys[sid] = (name, {norm(name)})
    for sid, alias in aliases:
        if sid in keys:
            keys[sid][1].add(norm(alias))
    return keys


def pick_source(query: str, keys: Keys) -> int:
    """The id of the one source `query` denotes, else `UnknownSource` (exit 2)."""
    key = norm(query)
    named = [sid for sid, (name, _) in keys.items() if norm(name) == key]
    if len(named) == 1:
        return named[0]
    exact = named or [sid for sid, (_, k) in keys.items() if key in k]
    if len(exact) == 1:
        return exact[0]
    if len(exact) > 1:
        raise _ambiguous(query, [keys[sid][0] for sid in exact])
    inside = [sid for sid, (_, k) in keys.items() if any(contains_words(n, key) for n in k)]
    if len(inside) == 1:
        return inside[0]
    if len(inside) > 1:
        raise _ambiguous(query, [keys[sid][0] for sid in inside])
    from rapidfuzz import fuzz

    scored = sorted(
        (
            (max(max(fuzz.WRatio(key, n), fuzz.ratio(key, n)) for n in k), name, sid)
            for sid, (name, k) in keys.items()
        ),
        key=lambda t: (-t[0], t[1]),
    )
    if scored:
        best = scored[0][0]
        runner_up = scored[1][0] if len(scored) > 1 else 0.0
        if best >= FUZZY_CUTOFF and best - runner_up >= FUZZY_MARGIN:
            return scored[0][2]
    candidates = tuple(name for score, name, _ in scored[:MAX_CANDIDATES]
                       if score >= CANDIDATE_FLOOR)
    if candidates:
        raise UnknownSource(
            f"unknown source '{query}'; did you mean: {', '.join(candidates)}?", candidates
        )
    raise UnknownSource(f"unknown source '{query}'; see `claims sources`", ())


def _ambiguous(query: str, names: list[str]) -> UnknownSource:
    """Two or more sources answer to `query` (a surname, an alias shared after `load`)."""
    found = tuple(sorted(set(names), key=str.casefold))
    return UnknownSource(
        f"ambiguous source '{query}': {len(found)} sources answer to it: "
        f"{', '.join(found)}; give the full name", found
    )
