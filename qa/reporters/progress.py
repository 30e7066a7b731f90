"""Progress on stderr while many documents are checked; rich is imported only when it is shown."""

from __future__ import annotations

from typing import Any, TextIO

from qa.result import Result


def _isatty(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


class Progress:
    """A live progress bar on stderr for multi-document runs, only when stderr is a terminal.

    It appears from the second document on (one article needs no progress)
    and vanishes when the run ends, before the report is printed. With a
    ``total`` (the CLI counts a corpus's lines before the run) it is a bar
    with the count and the time left; without one, a spinner with the count.
    Messages during the run go through ``log`` so they do not tear the live line.
    """

    def __init__(self, stream: TextIO, enabled: bool | None = None) -> None:
        self.stream = stream
        self.enabled = _isatty(stream) if enabled is None else enabled
        self.console: Any = None
        self.checked = 0
        self.failed = 0
        self.total: int | None = None
        self._live: Any = None
        self._task: Any = None

    def __enter__(self) -> Progress:
        return self

    def __exit__(self, *exc: object) -> None:
        if self._live is not None:
            self._live.stop()
            self._live = None

    def advance(self, result: Result) -> None:
        self.checked += 1
        self.failed += 0 if result.passed else 1
        if not self.enabled or self.checked < 2:
            return
        if self._live is None:
            from rich.console import Console
            from rich.progress import Progress as Live
            from rich.progress import BarColumn, MofNCompleteColumn, SpinnerColumn, TextColumn, TimeElapsedColumn, TimeRemainingColumn

            self.console = Console(file=self.stream, highlight=False, emoji=False, force_terminal=True)
            columns: list[Any] = (
                [BarColumn(), MofNCompleteColumn(), TextColumn("documents, {task.fields[failed]} failed"), TimeElapsedColumn(), TextColumn("left"), TimeRemainingColumn()]
                if self.total
                else [SpinnerColumn(), TextColumn("checked {task.completed} documents, {task.fields[failed]} failed"), TimeElapsedColumn()]
            )
            self._live = Live(
                *columns,
                console=self.console,
                transient=True,
                redirect_stdout=False,
                redirect_stderr=False,
            )
            total = max(self.total, self.checked) if self.total else None
            self._task = self._live.add_task("check", total=total, completed=self.checked, failed=self.failed)
            self._live.start()
        total = max(self.total, self.checked) if self.total else None  # the count was an estimate: never past the end
        self._live.update(self._task, completed=self.checked, failed=self.failed, total=total)

    def log(self, message: str) -> None:
        if self._live is not None:
            from rich.text import Text

            self.console.print(Text(message), soft_wrap=True)
        else:
            print(message, file=self.stream)
