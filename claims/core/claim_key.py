"""A claim's stable key: which claim a row of an export means, in any database.

Ids are local to a database: a CSV exported from one desk's database and imported into
another once recorded "supported" on an unrelated claim that happened to share an id.
The key is made of what the claim is, not where it is stored: the article's content hash
and the claim's text, normalised so a spreadsheet's re-spacing or quote style does not
change it. Re-extraction keeps it while the claim's text is unchanged.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

KEY_PREFIX = "claim:"  # a letter first: a spreadsheet never reads the key as a number
_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'",
                         "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"'})
_SPACE = re.compile(r"\s+")


def normalised_text(text: str) -> str:
    """NFC, straight quotes, runs of whitespace as one space, no space at either end:
    what survives a trip through a spreadsheet unchanged."""
    return _SPACE.sub(" ", unicodedata.normalize("NFC", text).translate(_QUOTES)).strip()


def claim_key(content_hash: str, text: str) -> str:
    """`claim:` and 16 hex digits of SHA-256 over the article's hash and the text."""
    digest = hashlib.sha256(f"{content_hash}\n{normalised_text(text)}".encode()).hexdigest()
    return KEY_PREFIX + digest[:16]
