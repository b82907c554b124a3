"""What `claims ingest` tells the user on stderr: per-file problems, progress, a summary."""

from __future__ import annotations

from types import TracebackType
from typing import TYPE_CHECKING

from claims.inputs import InputFailure
from claims.records import IngestOutcome
from claims.render.safe import clean_for_terminal

if TYPE_CHECKING:
    from rich.console import Console
    from rich.progress import Progress, TaskID

    from claims.pipeline import IngestSummary


class IngestReporter:
    """Shows a progress bar once a batch passes a few files, and reports failures by name."""

    def __init__(self, console: Console, progress_after: int) -> None:
        self.console = console
        self.progress_after = progress_after
        self.seen = 0
        self.progress: Progress | None = None
        self.task: TaskID | None = None

    def __enter__(self) -> IngestReporter:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if self.progress is not None:
            self.progress.stop()

    def item(self, origin: str, result: IngestOutcome | InputFailure) -> None:
        self.seen += 1
        if isinstance(result, InputFailure):
            self.console.print(
                f"Error: {clean_for_terminal(result.message)}", markup=False, soft_wrap=True
            )
        else:
            for note in result.notes:  # a document read in windows: say which one
                self.console.print(f"Warning: {clean_for_terminal(origin)}: {note}",
                                   markup=False, soft_wrap=True, highlight=False)
            if result.retracted is not None or result.restored:
                self.console.print(
                    clean_for_terminal(retraction_notice(result)), markup=False,
                    soft_wrap=True, highlight=False,
                )
        if self.seen == self.progress_after and self.console.is_terminal:
            from rich.progress import Progress, SpinnerColumn, TextColumn

            self.progress = Progress(
                SpinnerColumn(),
                TextColumn("{task.completed} articles  {task.description}", markup=False),
                console=self.console, transient=True,
            )
            self.task = self.progress.add_task("", total=None, completed=self.seen)
            self.progress.start()
        if self.progress is not None and self.task is not None:
            self.progress.update(
                self.task, completed=self.seen, description=clean_for_terminal(origin)[-60:]
            )

    def summary(self, s: IngestSummary) -> None:
        if s.undated:
            self.console.print(
                clean_for_terminal(undated_notice(s.undated)), markup=False, soft_wrap=True,
                highlight=False,
            )
        parts = [
            f"{s.new} new",
            f"{s.unchanged} unchanged",
            f"{s.failed} failed",
            f"{s.claims} claims",
            f"{s.figures} figures",
            f"{s.sources} new sources",
        ]
        if s.relations:
            parts.append(f"{s.relations} relations proposed")
        if s.retracted:
            parts.append(f"{s.retracted} retracted (not stored)")
        if s.restored:
            parts.append(f"{s.restored} restored")
        self.console.print(
            "Articles: " + ", ".join(parts), markup=False, highlight=False, soft_wrap=True
        )
        if s.interrupted:
            self.console.print(
                "Interrupted: the article in progress was not stored; "
                "run the same command again to finish.",
                markup=False, highlight=False, soft_wrap=True,
            )


MAX_NAMED = 5


def retraction_notice(outcome: IngestOutcome) -> str:
    """Why a file was not stored (its text was retracted), or that it came back."""
    if outcome.restored:
        return f"{outcome.name}: restored (it had been retracted)"
    r = outcome.retracted
    assert r is not None
    how = "retracted and purged" if r.purged else "retracted"
    note = f" ({r.note})" if r.note else ""
    return (
        f"{outcome.name}: {how} by {r.reviewer} at {r.at}{note}; not stored "
        "(ingest --restore brings it back)"
    )


def undated_notice(names: list[str]) -> str:
    """The cross-article `same` window needs a publication date: say which new articles
    have none (they are compared with articles of any date), and how to give one."""
    shown = ", ".join(names[:MAX_NAMED])
    more = f" and {len(names) - MAX_NAMED} more" if len(names) > MAX_NAMED else ""
    return (
        f"No publication date found for {shown}{more}: compared with articles of any date; "
        "give one with --published or `claims articles edit NAME --published YYYY-MM-DD`."
    )
