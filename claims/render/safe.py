"""Make article and user text harmless to print on a terminal.

Articles are stored verbatim (spans index into them), so hostile bytes survive until
output. Here they are removed: escape sequences could retitle the window, hide text or
rewrite earlier lines; bidi controls can make a claim read differently from what is stored
("Trojan Source"); zero-width characters make two different strings look identical.

Zero-width joiners are removed too, so a joined emoji sequence (a family) shows as its
component emoji; every emoji and combining mark itself is kept.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from rich.console import Console
    from rich.segment import Segment
    from rich.text import Text

# ESC-introduced strings (OSC, DCS, SOS, PM, APC) and their 8-bit forms, up to BEL or ST.
_STRING_SEQ = r"(?:\x1b[\]PX^_]|[\x90\x98\x9d\x9e\x9f])[^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)"
_CSI_SEQ = r"(?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]"
_OTHER_ESC = r"\x1b[ -/]*[0-~]"
_ESCAPES = re.compile(f"{_STRING_SEQ}|{_CSI_SEQ}|{_OTHER_ESC}")
_LINE_BREAKS = re.compile("\r\n|[\r\x85\u2028\u2029]")

BIDI_CONTROLS = frozenset(
    [chr(c) for c in range(0x202A, 0x202F)]
    + [chr(c) for c in range(0x2066, 0x206A)]
    + ["\u200e", "\u200f", "\u061c"]
)
ZERO_WIDTH = frozenset(["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff"])
CONTROLS = frozenset(chr(c) for c in [*range(0x00, 0x20), *range(0x7F, 0xA0)])


def _table(keep_newlines: bool) -> dict[int, str | None]:
    table: dict[int, str | None] = {ord(ch): None for ch in CONTROLS | BIDI_CONTROLS | ZERO_WIDTH}
    # Whitespace controls become spaces, so removing them never glues two words together.
    for ch in "\t\v\f":
        table[ord(ch)] = " "
    if keep_newlines:
        del table[ord("\n")], table[ord("\t")]
    else:
        table[ord("\n")] = " "
    # Lone surrogates (from argv's surrogateescape) cannot be encoded for output.
    table.update({code: "\ufffd" for code in range(0xD800, 0xE000)})
    return table


_KEEP_NEWLINES = _table(keep_newlines=True)
_ONE_LINE = _table(keep_newlines=False)


def clean_for_terminal(text: str, *, keep_newlines: bool = False) -> str:
    """Strip escape sequences and invisible/control characters; one line unless asked.

    With `keep_newlines`, newlines and tabs stay (any CR/CRLF/Unicode line separator
    becomes "\\n"); without it every line break and tab becomes a space, for table cells.
    Idempotent: the output contains no ESC, so no new sequence can appear on a re-run.
    """
    text = _ESCAPES.sub("", text)
    text = _LINE_BREAKS.sub("\n", text)
    return text.translate(_KEEP_NEWLINES if keep_newlines else _ONE_LINE)


def markup_safe(text: str, *, keep_newlines: bool = False) -> str:
    """Clean text for a rich markup string: `[bold]` in an article prints as typed."""
    from rich.markup import escape

    return escape(clean_for_terminal(text, keep_newlines=keep_newlines))


def terminal_console(**kwargs: Any) -> Console:
    """A rich Console for human-readable output that cannot be made to obey article text.

    Every string it renders is cleaned, markup and `:emoji:` codes are off unless a caller
    asks, and the final segments are cleaned again, so a `Text` built from raw article
    text by any renderer still reaches the terminal without escapes or bidi controls.
    Rich's own styling and cursor control (progress bars) are applied after, so they stay.
    """
    options: dict[str, Any] = {"markup": False, "emoji": False, "highlight": False}
    options.update(kwargs)
    return _console_class()(**options)


@functools.cache
def _console_class() -> type[Console]:
    from rich.console import Console
    from rich.segment import Segment

    class TerminalConsole(Console):
        def render_str(self, text: str, **kwargs: Any) -> Text:
            return super().render_str(clean_for_terminal(text, keep_newlines=True), **kwargs)

        def _render_buffer(self, buffer: Iterable[Segment]) -> str:
            cleaned = (
                seg if seg.control else Segment(_clean_segment(seg.text), seg.style, None)
                for seg in buffer
            )
            return super()._render_buffer(cleaned)

    return TerminalConsole


def _clean_segment(text: str) -> str:
    return clean_for_terminal(text, keep_newlines=True) if _NEEDS_CLEANING.search(text) else text


_NEEDS_CLEANING = re.compile(
    "[" + re.escape("".join(sorted((CONTROLS - {"\n", "\t"}) | BIDI_CONTROLS | ZERO_WIDTH)))
    + "\ud800-\udfff]"
)
