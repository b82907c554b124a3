"""clean_for_terminal / markup_safe: hostile text cannot drive or disguise the terminal."""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from rich.console import Console

from claims.render.safe import (
    BIDI_CONTROLS,
    CONTROLS,
    ZERO_WIDTH,
    clean_for_terminal,
    markup_safe,
)

HOSTILE = Path(__file__).resolve().parent.parent / "data" / "hostile"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("plain text", "plain text"),
        ("\x1b[31mred\x1b[0m", "red"),
        ("\x1b[38;2;255;0;0mtruecolor\x1b[m", "truecolor"),
        ("\x1b]0;pwned title\x07after", "after"),
        ("\x1b]8;;https://evil.example\x1b\\link\x1b]8;;\x1b\\", "link"),
        ("\x1bPq#0;2;0;0;0\x1b\\dcs gone", "dcs gone"),
        ("\x9b2Jeight-bit csi", "eight-bit csi"),
        ("\x1bcreset", "reset"),
        ("\x1b(Bcharset", "charset"),
        ("unterminated \x1b]0;title", "unterminated 0;title"),
        ("a\x00b\x07c\x7fd\x85e", "abcd e"),
        ("ab\x08\x08XY", "abXY"),
        ("over\rwrite", "over write"),
        ("tab\there\vand\fform", "tab here and form"),
        ("line one\nline two", "line one line two"),
        ("admin\u202e\u2066txt.exe\u2069", "admintxt.exe"),
        ("\u200eltr\u200f rtl\u061c", "ltr rtl"),
        ("zero\u200bwidth\u200c\u2060\ufeff", "zerowidth"),
        (
            "family \U0001f468\u200d\U0001f469\u200d\U0001f467",
            "family \U0001f468\U0001f469\U0001f467",
        ),
        (
            "emoji \U0001f600 flag \U0001f1fa\U0001f1e6",
            "emoji \U0001f600 flag \U0001f1fa\U0001f1e6",
        ),
        ("combining e\u0301 and \u0928\u093f", "combining e\u0301 and \u0928\u093f"),
        ("arabic \u0645\u0631\u062d\u0628\u0627", "arabic \u0645\u0631\u062d\u0628\u0627"),
        ("surrogate \udcff escaped", "surrogate \ufffd escaped"),
    ],
)
def test_clean_for_terminal_one_line(raw: str, expected: str) -> None:
    assert clean_for_terminal(raw) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("a\nb\tc", "a\nb\tc"),
        ("crlf\r\nlone\rcr", "crlf\nlone\ncr"),
        ("sep\u2028para\u2029nel\x85end", "sep\npara\nnel\nend"),
        ("\x1b[2J\x1b[Hcleared\n\x1b[1Aup", "cleared\nup"),
    ],
)
def test_clean_for_terminal_keep_newlines(raw: str, expected: str) -> None:
    assert clean_for_terminal(raw, keep_newlines=True) == expected


def test_hostile_fixture_is_cleaned() -> None:
    raw = (HOSTILE / "ansi-bidi.txt").read_text(encoding="utf-8")
    assert clean_for_terminal(raw, keep_newlines=True) == (
        "Officials said 40 drones were launched.\n"
        "Hidden: the ministry said 4400.\n"
        "Reversed: the total was 12 not 21.\n"
        "Zero width: fortyfive\n"
    )


def test_markup_safe_prints_markup_literally() -> None:
    hostile = "[bold red]FAKE[/] \x1b[5mblink [link=https://x.example]x[/link] trailing\\"
    out = io.StringIO()
    console = Console(file=out, force_terminal=True, highlight=False, width=200)
    console.print(markup_safe(hostile))
    # rich's escape() doubles a trailing backslash so that markup appended after it stays
    # markup; that extra backslash is the only difference from the text as typed.
    assert out.getvalue() == (
        "[bold red]FAKE[/] blink [link=https://x.example]x[/link] trailing\\\\\n"
    )


def test_markup_safe_keeps_newlines_when_asked() -> None:
    assert markup_safe("[a]\nb", keep_newlines=True) == "\\[a]\nb"
    assert markup_safe("[a]\nb") == "\\[a] b"


def test_rich_is_imported_lazily() -> None:
    code = (
        "import sys, claims.render.safe as s; s.clean_for_terminal('x');"
        " print('rich' in sys.modules)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout == "False\n"


BANNED_ONE_LINE = (CONTROLS | BIDI_CONTROLS | ZERO_WIDTH) | {"\u2028", "\u2029"}
BANNED_MULTILINE = BANNED_ONE_LINE - {"\n", "\t"}

# Text biased towards the characters that matter, plus anything else.
hostile_text = st.text(
    alphabet=st.one_of(
        st.sampled_from(sorted(BANNED_ONE_LINE) + ["[", "]", ";", "\\", "P", "0", "m", "\u0301"]),
        st.characters(),
    ),
    max_size=200,
)


@given(hostile_text)
def test_one_line_output_has_no_banned_character_and_is_idempotent(text: str) -> None:
    cleaned = clean_for_terminal(text)
    assert not set(cleaned) & BANNED_ONE_LINE
    assert not any(0xD800 <= ord(ch) <= 0xDFFF for ch in cleaned)
    assert clean_for_terminal(cleaned) == cleaned


@given(hostile_text)
def test_multiline_output_has_no_banned_character_and_is_idempotent(text: str) -> None:
    cleaned = clean_for_terminal(text, keep_newlines=True)
    assert not set(cleaned) & BANNED_MULTILINE
    assert "\r" not in cleaned
    assert clean_for_terminal(cleaned, keep_newlines=True) == cleaned


@given(st.text(alphabet=st.characters(categories=["L", "M", "N", "P", "S", "Zs"]), max_size=200))
def test_printable_text_is_unchanged(text: str) -> None:
    visible = "".join(ch for ch in text if ch not in BANNED_ONE_LINE)
    assert clean_for_terminal(visible) == visible
