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
    """A live "checked N documents" line on stderr for multi-document runs, only when stderr is a terminal.

    It appears from the second document on (one article needs no progress)
    and vanishes when the run ends, before the report is printed. Messages
    during the run go through ``log`` so they do not tear the live line.
    """

    def __init__(self, stream: TextIO, enabled: bool | None = None) -> None:
        self.stream = stream
        self.enabled = _isatty(stream) if enabled is None else enabled
        self.console: Any = None
        self.checked = 0
        self.failed = 0
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
            from rich.progress import SpinnerColumn, TextColumn, TimeElapsedColumn

            self.console = Console(file=self.stream, highlight=False, emoji=False, force_terminal=True)

            self._live = Live(
                SpinnerColumn(),
                TextColumn("checked {task.completed} documents, {task.fields[failed]} failed"),
                TimeElapsedColumn(),
                console=self.console,
                transient=True,
                redirect_stdout=False,
                redirect_stderr=False,
            )
            self._task = self._live.add_task("check", total=None, completed=self.checked, failed=self.failed)
            self._live.start()
        self._live.update(self._task, completed=self.checked, failed=self.failed)

    def log(self, message: str) -> None:
        if self._live is not None:
            from rich.text import Text

            self.console.print(Text(message), soft_wrap=True)
        else:
            print(message, file=self.stream)
