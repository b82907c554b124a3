"""The typer application, its global options, and the one place errors become exit codes.

Kept free of heavy imports: `claims --help` must not pay for SQLAlchemy or SQLModel,
so every command imports the store and the extractor inside its body.
"""

from __future__ import annotations

import functools
import sys
import traceback
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Annotated, Any, TypeVar

import typer
import typer.core

from claims import __version__
from claims.errors import ClaimsError

F = TypeVar("F", bound=Callable[..., Any])


@dataclass
class State:
    """Options of the top-level callback, read by commands and by the error guard."""

    db: str | None = None
    debug: bool = False


STATE = State()


def error_line(message: str) -> None:
    """Write one `Error: …` line to stderr, stripped of anything a terminal would obey."""
    from claims.render.safe import clean_for_terminal

    sys.stderr.write(f"Error: {clean_for_terminal(message)}\n")
    sys.stderr.flush()


def _is_usage_error(exc: BaseException) -> bool:
    """Typer's own parameter errors (raised by a callback or a command) stay usage errors."""
    return callable(getattr(exc, "format_message", None)) and isinstance(
        getattr(exc, "exit_code", None), int
    )


def unexpected(exc: BaseException) -> int:
    """Report an exception nobody anticipated as one line (or a traceback with --debug)."""
    if STATE.debug:
        traceback.print_exception(exc)
    detail = " ".join(str(exc).split())
    shown = f"{type(exc).__name__}: {detail}" if detail else type(exc).__name__
    error_line(f"unexpected {shown} (run with --debug for the traceback)")
    return 3


def _driver_error(exc: Exception) -> ClaimsError | None:
    """A database driver error that reached the guard, as the store would have said it.

    Only looked at when the driver is already loaded, so `--help` stays light.
    """
    if not any(name in sys.modules for name in ("sqlite3", "sqlalchemy")):
        return None
    from claims.config import resolve_db
    from claims.store.engine import driver_error

    return driver_error(exc, resolve_db(STATE.db).url)


def guard(func: F) -> F:
    """Turn ClaimsError into one line and its exit code; anything unexpected into exit 3."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except (typer.Exit, typer.Abort):
            raise
        except ClaimsError as exc:
            if STATE.debug:
                traceback.print_exc()
            error_line(str(exc))
            raise typer.Exit(exc.exit_code) from None
        except KeyboardInterrupt:
            error_line("interrupted")
            raise typer.Exit(130) from None
        except BrokenPipeError:
            raise typer.Exit(0) from None
        except Exception as exc:  # the top-level guard: never a traceback unless asked
            if _is_usage_error(exc):
                raise
            translated = _driver_error(exc)
            if translated is None:
                raise typer.Exit(unexpected(exc)) from None
            if STATE.debug:
                traceback.print_exc()
            error_line(str(translated))
            raise typer.Exit(translated.exit_code) from None

    return wrapper  # type: ignore[return-value]


class ClaimsGroup(typer.core.TyperGroup):
    """Reports usage errors (bad option, unknown command) as one line, exit 2."""

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        """A group run without a subcommand (`claims db`) prints its help on stderr and
        exits 2: a usage error, but the help as written, not flattened onto one line."""
        if not args and self.no_args_is_help and not ctx.resilient_parsing:
            sys.stderr.write(ctx.get_help() + "\n")
            sys.stderr.flush()
            raise typer.Exit(2)
        return super().parse_args(ctx, args)

    def main(
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        windows_expand_args: bool = True,
        **extra: Any,
    ) -> Any:
        try:
            rv = super().main(
                args, prog_name, complete_var, False, windows_expand_args, **extra
            )
        except typer.Exit as exc:
            sys.exit(exc.exit_code)
        except typer.Abort:
            error_line("aborted")
            sys.exit(1)
        except KeyboardInterrupt:  # outside a command: while parsing or in a callback
            error_line("interrupted")
            sys.exit(130)
        except ClaimsError as exc:  # raised by a parameter callback, outside any command
            error_line(str(exc))
            sys.exit(exc.exit_code)
        except Exception as exc:
            if not _is_usage_error(exc):
                sys.exit(unexpected(exc))
            ctx = getattr(exc, "ctx", None)
            hint = f" (see '{ctx.command_path} --help')" if ctx is not None else ""
            error_line(f"{exc.format_message()}{hint}")  # type: ignore[attr-defined]
            sys.exit(exc.exit_code)  # type: ignore[attr-defined]
        sys.exit(rv if isinstance(rv, int) else 0)


class ClaimsTyper(typer.Typer):
    """A Typer whose every command runs inside `guard`."""

    def command(self, *args: Any, **kwargs: Any) -> Callable[[F], F]:
        register = super().command(*args, **kwargs)

        def decorator(func: F) -> F:
            register(guard(func))
            return func

        return decorator

    def callback(self, *args: Any, **kwargs: Any) -> Callable[[F], F]:
        """Group callbacks run before any command: they get the same guard."""
        register = super().callback(*args, **kwargs)

        def decorator(func: F) -> F:
            register(guard(func))
            return func

        return decorator


def make_app(help_text: str | None = None, **kwargs: Any) -> ClaimsTyper:
    return ClaimsTyper(
        cls=ClaimsGroup,
        help=help_text,
        no_args_is_help=kwargs.pop("no_args_is_help", True),
        pretty_exceptions_enable=False,
        rich_markup_mode=None,
        add_completion=False,
        context_settings={"help_option_names": ["-h", "--help"]},
        **kwargs,
    )


app = make_app(
    "Track the claims in news articles: who said what, which figures, which verdicts, "
    "and whether the numbers add up.\n\n"
    "Example:\n\n"
    "    claims ingest seeds/ && claims list --source ISW"
)


def _version(value: bool) -> None:
    if value:
        sys.stdout.write(f"claims {__version__}\n")
        raise typer.Exit(0)


@app.callback()
def root(
    db: Annotated[
        str | None,
        typer.Option(
            "--db",
            metavar="URL_OR_PATH",
            help="Database: a SQLite file path or a SQLAlchemy URL "
            "(default: $CLAIMS_DB, else ./db/claims.db).",
        ),
    ] = None,
    debug: Annotated[
        bool, typer.Option("--debug", help="Show the traceback of unexpected errors.")
    ] = False,
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_version, is_eager=True, help="Print the version and exit."
        ),
    ] = False,
) -> None:
    """Track the claims in news articles."""
    STATE.db = db
    STATE.debug = debug
