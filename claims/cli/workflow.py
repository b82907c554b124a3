"""`claims review`, `correct` and `reextract`: the desk's daily loop and its repairs."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Annotated

import typer

from claims.cli.base import app
from claims.cli.claims_cmds import parse_id
from claims.cli.common import message, open_db
from claims.errors import InputError, UnknownSource

if TYPE_CHECKING:
    from claims.store import Store

NO_TERMINAL = (
    "claims review needs a terminal (it asks questions); "
    "in scripts use `claims verify ID --status S`"
)


@app.command("review")
def review(
    source: Annotated[str | None, typer.Option(help="Only claims by this source.")] = None,
    article: Annotated[
        str | None,
        typer.Option(help="Only claims in this article (name, path, id or a unique part)."),
    ] = None,
    reviewer: Annotated[
        str | None, typer.Option(help="Who you are (default: $CLAIMS_REVIEWER, git user.name).")
    ] = None,
    restart: Annotated[
        bool, typer.Option(help="Start from the top instead of where you stopped.")
    ] = False,
) -> None:
    """Walk the unverified claims one by one on a terminal, most check-worthy first.

    Claims with figures and a named source come first. Each is shown in context with
    its source and figures; the keys are on screen: a verdict by number or name (a note
    is asked for unless given with `n`), `e` add an evidence link, `n` add a note, `d`
    dismiss (not a claim), `r` re-attribute (recorded as a correction), `s` skip, `q`
    quit. The next `claims review` by the same reviewer on the same queue resumes where
    they stopped.

    Example:

        claims review --source ISW --reviewer ana
    """
    from claims.cli.review_queue import Tally, walk
    from claims.config import resolve_reviewer
    from claims.render.workflow import resumed_line, review_summary, stopped_line
    from claims.store.article_lookup import resolve_article
    from claims.store.queries import resolve_source
    from claims.store.review_position import get_position, queue_scope, resume
    from claims.store.workflow import review_queue

    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        raise InputError(NO_TERMINAL)
    who = resolve_reviewer(reviewer)
    with open_db() as store:
        source_id = resolve_source(store, source).id if source is not None else None
        article_id = resolve_article(store, article).id if article is not None else None
        queue = review_queue(store, source_id=source_id, article=article_id)
        if not queue:
            message("Nothing to review: no unverified claims match.")
            return
        scope = queue_scope(source_id=source_id, article_id=article_id)
        stopped = None if restart else get_position(store, reviewer=who, scope=scope)
        first = 0
        if stopped is not None:
            queue, first = resume(store, queue, stopped)
            message(resumed_line(queue[0].id, first + 1, len(queue)), markup=False,
                    soft_wrap=True)
        tally = Tally()
        try:
            walk(store, queue, who, tally, first)
        except KeyboardInterrupt:  # the next review resumes at the claim on screen
            _bookmark(store, who, scope, tally.stopped_at)
            raise
        # Any other failure leaves the bookmark as it was: the walk did not reach the end
        # (so clearing it would lose the reviewer's place) and the store just failed.
        _bookmark(store, who, scope, tally.stopped_at)
    message(review_summary(tally.recorded, tally.skipped, tally.seen, len(queue),
                           tally.dismissed, tally.reattributed), markup=False, soft_wrap=True)
    if tally.stopped_at is not None:
        message(stopped_line(tally.stopped_at), markup=False, soft_wrap=True)


def _bookmark(store: Store, who: str, scope: str, claim_id: int | None) -> None:
    from claims.store.review_position import clear_position, set_position

    if claim_id is not None:
        set_position(store, reviewer=who, scope=scope, claim_id=claim_id)
    else:
        clear_position(store, reviewer=who, scope=scope)


@app.command("correct")
def correct(
    claim_id: Annotated[str, typer.Argument(metavar="ID", help="Claim id.")],
    source: Annotated[
        str | None,
        typer.Option(help="Re-attribute to this source (`none`: the article's own voice)."),
    ] = None,
    new_source: Annotated[
        bool, typer.Option(help="Create --source in the registry if it is not there.")
    ] = False,
    source_type: Annotated[str, typer.Option(help="Type of a --new-source.")] = "other",
    figure: Annotated[str | None, typer.Option(metavar="FIG", help="Figure id to fix.")] = None,
    value: Annotated[float | None, typer.Option(help="The figure's right value.")] = None,
    qualifier: Annotated[
        str | None,
        typer.Option(
            help="exact, approx, nearly, more_than, at_least, less_than, at_most or range."
        ),
    ] = None,
    unit: Annotated[str | None, typer.Option(help="The figure's unit.")] = None,
    low: Annotated[float | None, typer.Option(help="Lower end of a range.")] = None,
    high: Annotated[float | None, typer.Option(help="Upper end of a range.")] = None,
    event: Annotated[
        str | None, typer.Option(help="Frame: the event the figure belongs to (\"\" clears).")
    ] = None,
    role: Annotated[
        str | None, typer.Option(help="Frame: its role in the event (killed, launched…).")
    ] = None,
    actor: Annotated[str | None, typer.Option(help="Frame: who did it.")] = None,
    period: Annotated[
        str | None, typer.Option(help="Frame: the period (2024-11, 2024-11-26, this year…).")
    ] = None,
    place: Annotated[
        str | None, typer.Option(help="Frame: the place (\"Dnipro, Ukraine\").")
    ] = None,
    dismiss: Annotated[
        bool, typer.Option(help="Not a claim: hide it from lists and review.")
    ] = False,
    restore: Annotated[bool, typer.Option(help="Undo --dismiss.")] = False,
    note: Annotated[str | None, typer.Option(help="Why.")] = None,
    reviewer: Annotated[
        str | None, typer.Option(help="Who you are (default: $CLAIMS_REVIEWER, git user.name).")
    ] = None,
) -> None:
    """Correct what extraction got wrong; each fix is a row in the claim's history.

    A frame fix (--event, --role, --actor, --period, --place) proposes the article's
    relations again from the corrected frames.

    Example:

        claims correct 16 --source "Ukrainian Air Force"

        claims correct 16 --figure 40 --value 190 --qualifier approx

        claims correct 16 --figure 40 --period 2024-11-25 --place Ukraine

        claims correct 21 --dismiss --note "a headline, not a claim"
    """
    from claims.config import resolve_reviewer
    from claims.render.safe import clean_for_terminal
    from claims.store.workflow import fix_figure, reattribute, set_dismissed

    cid = parse_id(claim_id)
    frame = {k: v for k, v in (("event", event), ("role", role), ("actor", actor),
                               ("period", period), ("place", place)) if v is not None}
    fig_id = _check_correct(
        source, new_source, figure, (value, qualifier, unit, low, high, *frame.values()),
        dismiss, restore
    )
    who = resolve_reviewer(reviewer)
    rows = []
    again = None
    with open_db() as store:
        if source is not None:
            sid = _source_id(store, source, new_source, source_type)
            rows.append(reattribute(store, claim_id=cid, source_id=sid, reviewer=who, note=note))
        if fig_id is not None:
            fixed = fix_figure(
                store,
                claim_id=cid,
                figure_id=fig_id,
                reviewer=who,
                value=value,
                qualifier=qualifier,
                unit=unit,
                low=low,
                high=high,
                frame=frame or None,
                note=note,
            )
            rows.append(fixed.verdict)
            again = fixed.reproposed
        if dismiss or restore:
            rows.append(
                set_dismissed(store, claim_id=cid, dismissed=dismiss, reviewer=who, note=note)
            )
    for v in rows:
        message(
            clean_for_terminal(f"Claim {cid}: {v.note} (version {v.version})"),
            markup=False,
            soft_wrap=True,
        )
    if again is not None:
        message(f"Relations proposed again: {again.kept} kept, {again.added} added, "
                f"{again.dropped} dropped.", soft_wrap=True)


def _check_correct(
    source: str | None,
    new_source: bool,
    figure: str | None,
    figure_fields: tuple[object, ...],
    dismiss: bool,
    restore: bool,
) -> int | None:
    """Refuse option combinations that say nothing or contradict themselves."""
    if dismiss and restore:
        raise InputError("--dismiss and --restore contradict each other: give one")
    if new_source and source is None:
        raise InputError("--new-source needs --source NAME")
    has_fields = any(f is not None for f in figure_fields)
    if figure is None:
        if has_fields:
            raise InputError("--value, --qualifier, --unit, --low, --high and the frame options "
                             "need --figure FIG")
        if source is None and not (dismiss or restore):
            raise InputError("nothing to correct: give --source, --figure, --dismiss or --restore")
        return None
    if not has_fields:
        raise InputError("--figure needs --value, --qualifier, --unit, --low/--high, or a "
                         "frame option (--event, --role, --actor, --period, --place)")
    return parse_id(figure, "figure")


def _source_id(store: Store, name: str, create: bool, source_type: str) -> int | None:
    from claims.store.queries import resolve_source
    from claims.store.workflow import ensure_source

    if name.strip().lower() == "none":
        return None
    if create:
        return ensure_source(store, name, source_type).id
    try:
        return resolve_source(store, name).id
    except UnknownSource as exc:
        raise UnknownSource(f"{exc} (--new-source adds it)", exc.candidates) from None


@app.command("reextract")
def reextract(
    article: Annotated[
        str | None,
        typer.Option(help="Only this article (name, path, id or a unique part of the name)."),
    ] = None,
    force: Annotated[
        bool, typer.Option(help="Also articles already extracted by the current version.")
    ] = False,
) -> None:
    """Re-run the current extractor on stored articles, keeping the reviewers' work.

    Verdicts and corrections follow the claims that still match (same span, or nearly
    the same text); a reviewed claim that no longer matches is kept as superseded, with
    its history, and listed in the summary.

    Example:

        claims reextract --article seed-nato-oreshnik.txt --force
    """
    from claims.render.workflow import reextract_summary
    from claims.store.article_lookup import resolve_article
    from claims.store.reextract import reextract_articles

    with open_db() as store:
        article_id = resolve_article(store, article).id if article is not None else None
        result = reextract_articles(store, article=article_id, force=force)
    summary = reextract_summary(len(result.articles), result.carried, result.superseded)
    message(summary, markup=False, soft_wrap=True)
