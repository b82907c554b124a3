"""`claims articles`: list articles, read one with its claims, fix its metadata,
retract it (or purge it, where nobody has reviewed it), restore it."""

from __future__ import annotations

from typing import Annotated

import typer

from claims.cli.base import app, make_app
from claims.cli.common import message, open_db, open_db_for_reading, out_console, write
from claims.render.article_format import ArticlesFormat

articles_app = make_app(no_args_is_help=False)
app.add_typer(
    articles_app, name="articles",
    help="The ingested articles: list, read with claims marked, edit, retract.",
)

ArticleArg = Annotated[
    str, typer.Argument(metavar="ID_OR_NAME", help="Article id, name, path or a unique part.")
]
Reviewer = Annotated[
    str | None, typer.Option(help="Who you are (default: $CLAIMS_REVIEWER, git user.name).")
]
Note = Annotated[str | None, typer.Option(help="Why: kept in the article's record.")]


@articles_app.callback(invoke_without_command=True)
def articles_list(
    ctx: typer.Context,
    fmt: Annotated[
        ArticlesFormat, typer.Option("--format", help="Output format.")
    ] = ArticlesFormat.table,
) -> None:
    """List every article: id, name, title, publisher, published, claims, verdicts and
    findings; a retracted article is marked.

    Example:

        claims articles

        claims articles --format json
    """
    if ctx.invoked_subcommand is not None:
        return
    from claims.cli.base import guard

    guard(_print_articles)(fmt)


def _print_articles(fmt: ArticlesFormat) -> None:
    from claims.store.articles import list_articles

    with open_db_for_reading() as store:
        rows = list_articles(store)
    rendered = fmt.render(rows)
    if isinstance(rendered, str):
        write(rendered)
    elif not rows:
        message("No articles yet: `claims ingest PATH` adds some.")
    else:
        out_console().print(rendered)


@articles_app.command("show")
def articles_show(ref: ArticleArg) -> None:
    """Print an article's text with each claim numbered in place and its figures marked,
    so a claim can be read in its context; then the article's record, if any.

    `[16]` starts claim 16 (`claims show 16` has its details); `{188}` is a figure.

    Example:

        claims articles show seed-nato-oreshnik.txt
    """
    from claims.render.articles import article_header, events_lines, marked_text
    from claims.store.article_lookup import resolve_article
    from claims.store.articles import article_view

    with open_db_for_reading() as store:
        view = article_view(store, resolve_article(store, ref).id)
    console = out_console()
    for part in article_header(view):
        console.print(part, soft_wrap=True)
    console.print()
    console.print(marked_text(view), soft_wrap=True)
    if view.events:
        console.print()
        for line in events_lines(view.events):
            console.print(line, soft_wrap=True)


@articles_app.command("edit")
def articles_edit(
    ref: ArticleArg,
    title: Annotated[str | None, typer.Option(help="The title (\"\" clears it).")] = None,
    url: Annotated[str | None, typer.Option(help="Where it was published.")] = None,
    publisher: Annotated[str | None, typer.Option(help="Who published it.")] = None,
    published: Annotated[
        str | None, typer.Option(help="Publication date, YYYY-MM-DD (\"\" clears it).")
    ] = None,
    note: Note = None,
    reviewer: Reviewer = None,
) -> None:
    """Set an article's title, url, publisher or publication date; each change is
    recorded with the value it replaced.

    The publication date places the article in the cross-article window (figures of
    articles published within a few days of each other are compared); ClaimReview
    exports use all four.

    Example:

        claims articles edit seed-nato-oreshnik.txt --published 2024-11-26 \\
            --publisher "Example News"
    """
    from claims.config import resolve_reviewer
    from claims.errors import InputError
    from claims.render.articles import edit_message
    from claims.store.article_lookup import resolve_article
    from claims.store.articles import edit_article

    given = {"title": title, "url": url, "publisher": publisher, "published": published}
    changes = {k: v for k, v in given.items() if v is not None}
    if not changes:
        raise InputError("nothing to change: give --title, --url, --publisher or --published")
    who = resolve_reviewer(reviewer)
    with open_db() as store:
        found = resolve_article(store, ref)
        after = edit_article(store, article_id=found.id, changes=changes, reviewer=who,
                             note=note)
    message(edit_message(found, after, changes), markup=False, soft_wrap=True)


@articles_app.command("remove")
def articles_remove(
    ref: ArticleArg,
    note: Note = None,
    purge: Annotated[
        bool,
        typer.Option(help="Delete its claims and figures too; only where no reviewer has "
                     "touched them (no verdict, correction or decided relation)."),
    ] = False,
    reviewer: Reviewer = None,
) -> None:
    """Retract an article: its claims leave `list`, `review`, `stats`, `report`,
    `export` and `check-consistency`; their history stays, and the removal is recorded
    (who, when, note).

    Ingesting the same text again reports it as retracted and stores nothing, unless
    `claims ingest --restore`; `claims articles restore` brings it back too.

    Example:

        claims articles remove README.md --note "not an article"

        claims articles remove README.md --purge
    """
    from claims.config import resolve_reviewer
    from claims.render.articles import purged_message, retracted_message
    from claims.store.article_lookup import resolve_article
    from claims.store.retraction import purge_article, retract_article

    who = resolve_reviewer(reviewer)
    with open_db() as store:
        found = resolve_article(store, ref)
        if purge:
            done = purge_article(store, article_id=found.id, reviewer=who, note=note)
            message(purged_message(found, done), markup=False, soft_wrap=True)
            return
        retract_article(store, article_id=found.id, reviewer=who, note=note)
    message(retracted_message(found), markup=False, soft_wrap=True)


@articles_app.command("restore")
def articles_restore(ref: ArticleArg, note: Note = None, reviewer: Reviewer = None) -> None:
    """Undo `articles remove`: the article's claims come back to lists, review and
    checks, with all their history; the restore is recorded.

    Example:

        claims articles restore README.md --note "retracted by mistake"
    """
    from claims.config import resolve_reviewer
    from claims.render.articles import restored_message
    from claims.store.article_lookup import resolve_article
    from claims.store.retraction import restore_article

    who = resolve_reviewer(reviewer)
    with open_db() as store:
        found = resolve_article(store, ref)
        restore_article(store, article_id=found.id, reviewer=who, note=note)
    message(restored_message(found), markup=False, soft_wrap=True)
