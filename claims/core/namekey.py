"""The one normal form of a source name, used by the extractor, the store and `--source`.

Two wordings of one name must meet however they are typed: case, curly or straight
quotes, a leading article ("the Kremlin"), dots in initials ("U.S." and "US"), and
British or American spelling ("defence"/"defense", "organisation"/"organization").
Standard library only: the fast read path of `claims list` imports this module.
"""

from __future__ import annotations

import re
from functools import lru_cache

# American spellings → the British one kept as the key (both sides map the same way).
SPELLING = {
    "defense": "defence", "defenses": "defences", "organization": "organisation",
    "organizations": "organisations", "organized": "organised", "center": "centre",
    "centers": "centres", "labor": "labour", "program": "programme",
    "programs": "programmes", "analyze": "analyse", "analyzed": "analysed",
    "honor": "honour", "favor": "favour", "neighbor": "neighbour",
    "neighbors": "neighbours", "harbor": "harbour", "councilor": "councillor",
    "color": "colour", "judgment": "judgement", "catalog": "catalogue",
}
_NOT_KEY = re.compile(r"[^\w'&\s-]+")
_SPACE = re.compile(r"\s+")
_ARTICLE = re.compile(r"^(?:the|a|an)\s+")


@lru_cache(maxsize=16384)
def norm(name: str | None) -> str:
    """The matching key of a name: "The U.S. Defense Department" → "us defence department".

    Case-folded, quotes straightened, dots dropped, other punctuation a space, leading
    articles dropped, American spellings mapped to British ones. Idempotent.
    """
    text = (name or "").casefold().replace("\u2019", "'").replace("\u2018", "'")
    text = _NOT_KEY.sub(" ", text.replace(".", ""))
    text = _SPACE.sub(" ", text)
    while True:  # until stable, so that norm(norm(x)) == norm(x): "the 'The X'" → "x"
        stripped = _ARTICLE.sub("", text.strip(" '-"))
        if stripped == text:
            break
        text = stripped
    if not text:
        return ""
    return " ".join(SPELLING.get(w, w) for w in text.split(" "))


def contains_words(container: str, part: str) -> bool:
    """Whether the key `part` occurs in the key `container` as whole words."""
    return bool(part) and f" {part} " in f" {container} "
