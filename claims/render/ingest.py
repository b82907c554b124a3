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
        self.console.print(
            "Articles: " + ", ".join(parts), markup=False, highlight=False, soft_wrap=True
        )
        if s.interrupted:
            self.console.print(
                "Interrupted: the article in progress was not stored; "
                "run the same command again to finish.",
                markup=False, highlight=False, soft_wrap=True,
            )
