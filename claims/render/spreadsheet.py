"""CSV cells that a spreadsheet shows as text, never runs as a formula.

Article text is written by others: a claim that begins with `=HYPERLINK(…)` or `@SUM(…)`
would be evaluated by Excel, LibreOffice or Google Sheets when a reviewer opens the
export. OWASP's advice (CSV injection) is to start such a cell with `'`, which the
spreadsheet shows as text; `claims import` takes the mark off again, so a round trip
through a spreadsheet gives back exactly what was exported.
"""

from __future__ import annotations

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
MARK = "'"


def _needs_mark(cell: str) -> bool:
    # a cell that already starts with marks before a formula character gets one more,
    # so that taking one off on import gives it back unchanged
    return cell.lstrip(MARK).startswith(FORMULA_STARTS)


def protect(cell: str) -> str:
    """`cell`, with a leading `'` when a spreadsheet would read it as a formula."""
    return MARK + cell if _needs_mark(cell) else cell


def unprotect(cell: str) -> str:
    """The exported text of a cell `protect` marked; any other cell unchanged."""
    return cell[1:] if cell.startswith(MARK) and _needs_mark(cell) else cell
