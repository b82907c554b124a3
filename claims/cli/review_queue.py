"""The interactive part of `claims review`: one claim at a time, one key per action.

Per claim the reviewer can record a verdict (a number or a status name), gather evidence
links and a note for it first, dismiss the claim, re-attribute it (a correction: the
claim stays on screen for its verdict), skip it or quit; the keys are on screen under
every claim. Quitting (or end of input, or Ctrl-C) keeps a bookmark, so the next
`claims review` by the same reviewer on the same queue resumes there.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import typer

from claims.cli.common import err_console, out_console
from claims.errors import InputError, UnknownSource, VerdictConflict

if TYPE_CHECKING:
    from rich.console import Console

    from claims.records import ClaimDetail, ClaimRecord
    from claims.store import Store

QUIT, SKIP, EVIDENCE, NOTE, DISMISS, REATTRIBUTE = "quit", "skip", "e", "n", "d", "r"
KEYS = {"q": QUIT, "quit": QUIT, "s": SKIP, "skip": SKIP, "e": EVIDENCE, "evidence": EVIDENCE,
        "n": NOTE, "note": NOTE, "d": DISMISS, "dismiss": DISMISS, "r": REATTRIBUTE,
        "re-attribute": REATTRIBUTE, "reattribute": REATTRIBUTE}


@dataclass
class Tally:
    recorded: int = 0
    skipped: int = 0
    dismissed: int = 0
    reattributed: int = 0
    seen: int = 0
    stopped_at: int | None = None  # the claim on screen when the reviewer quit


@dataclass
class Pending:
    """What the reviewer gathered for the verdict on the claim on screen."""

    note: str | None = None
    evidence: list[str] = field(default_factory=list)


def walk(
    store: Store, queue: Sequence[ClaimRecord], who: str, tally: Tally, first: int = 0
) -> None:
    """Show, ask, record into `tally`; a claim someone else decided meanwhile is passed
    over. `tally.stopped_at` is the claim on screen when the reviewer quit (or pressed
    Ctrl-C), None when the walk reached the end.

    `first` is the queue position the walk starts at (a resumed queue is turned to
    start there), so the progress line counts as the queue does.
    """
    from claims.render.tables import claim_detail
    from claims.render.workflow import progress
    from claims.store.workflow import get_claim_detail

    console = out_console()
    for step, item in enumerate(queue):
        detail = get_claim_detail(store, item.id)
        if detail is None or detail.claim.status != "unverified" or detail.claim.dismissed:
            continue
        tally.seen += 1
        if tally.seen > 1:
            console.print()
        console.print(progress((first + step) % len(queue) + 1, len(queue)), markup=False,
                      soft_wrap=True)
        for part in claim_detail(detail):
            console.print(part)
        try:
            done = _decide(store, detail, who, tally)
        except KeyboardInterrupt:
            tally.stopped_at = item.id
            raise
        if not done:
            tally.stopped_at = item.id
            return


def _decide(store: Store, detail: ClaimDetail, who: str, tally: Tally) -> bool:
    """Act on one claim until it is decided, dismissed or skipped (True), or the
    reviewer quits (False)."""
    from claims.store.verdicts import record_verdict
    from claims.store.workflow import reattribute, set_dismissed

    errors = err_console()
    pending = Pending()
    cid, version = detail.claim.id, detail.claim.version
    while True:
        choice = _choose(errors, pending)
        if choice == QUIT:
            return False
        if choice == SKIP:
            tally.skipped += 1
            return True
        if choice == EVIDENCE:
            link = _ask("Evidence URL")
            if link:
                pending.evidence.append(link)
            continue
        if choice == NOTE:
            pending.note = _ask("Note") or pending.note
            continue
        try:
            if choice == DISMISS:
                v = set_dismissed(store, claim_id=cid, dismissed=True, reviewer=who,
                                  note=pending.note)
                tally.dismissed += 1
                _said(errors, f"Claim {cid}: {v.note} (version {v.version})")
                return True
            if choice == REATTRIBUTE:
                v = reattribute(store, claim_id=cid, source_id=_source(store), reviewer=who)
                tally.reattributed += 1
                version = v.version
                _said(errors, f"Claim {cid}: {v.note} (version {v.version})")
                continue
            note = pending.note if pending.note is not None else (_ask("Note") or None)
            v = record_verdict(store, claim_id=cid, status=choice, reviewer=who, note=note,
                               evidence=tuple(pending.evidence), expect_version=version)
        except (InputError, VerdictConflict) as exc:
            _said(errors, f"Not recorded: {exc}")
            if isinstance(exc, VerdictConflict):
                return True  # someone else decided it: move on
            continue
        tally.recorded += 1
        _said(errors, f"Claim {v.claim_id}: {v.from_status} → {v.to_status} "
                      f"(version {v.version})")
        return True


def _choose(errors: Console, pending: Pending) -> str:
    """A status value, or one of the action keys; asked again after a wrong answer.
    End of input quits."""
    from claims.core.status import parse_status
    from claims.render.workflow import REVIEW_CHOICES, pending_line, review_menu

    while True:
        errors.print(review_menu(), markup=False, highlight=False, soft_wrap=True)
        if pending.note is not None or pending.evidence:
            _said(errors, pending_line(pending.note, len(pending.evidence)))
        try:
            answer = typer.prompt("Verdict", err=True).strip().lower()
        except typer.Abort:
            return QUIT
        if answer in KEYS:
            return KEYS[answer]
        if answer.isdigit() and 1 <= int(answer) <= len(REVIEW_CHOICES):
            return REVIEW_CHOICES[int(answer) - 1].value
        try:
            return parse_status(answer).value
        except InputError as exc:
            _said(errors, str(exc))


def _ask(label: str) -> str:
    try:
        return str(typer.prompt(label, default="", show_default=False, err=True)).strip()
    except typer.Abort:
        return ""


def _source(store: Store) -> int | None:
    """The source to re-attribute to: a name or alias from the registry, or `none`."""
    from claims.store.queries import resolve_source

    name = _ask("Source (name or alias; none: the article's own voice)")
    if not name:
        raise InputError("no source given; nothing changed")
    if name.lower() == "none":
        return None
    try:
        return resolve_source(store, name).id
    except UnknownSource as exc:
        raise InputError(
            f"{exc} (`claims correct ID --source NAME --new-source` adds one)"
        ) from None


def _said(console: Console, text: str) -> None:
    from claims.render.safe import clean_for_terminal

    console.print(clean_for_terminal(text), markup=False, highlight=False, soft_wrap=True)
