"""Text from articles and file names, made safe to print in a terminal.

Shared by the CLI (messages, ``graphkit query``'s table) and the analysis stage's
tables (``graphkit events``): an article or a file name can hold escape sequences
that would clear or recolour the terminal, or bidirectional overrides that show a
name reversed, so every such character is shown escaped instead of being sent.
"""

from __future__ import annotations

import unicodedata

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    Task,
    TaskID,
    TextColumn,
    TimeElapsedColumn,
)
from rich.text import Text

__all__ = ["printable"]


def printable(text: str) -> str:
    r"""``text`` safe for a terminal: control and format characters (escape sequences,
    line breaks, bidirectional overrides) in untrusted names are shown escaped.

    >>> printable("evil\x1b[2J\u202ename.txt\n")
    'evil\\x1b[2J\\u202ename.txt\\n'
    >>> printable("Zoë/новости.txt")
    'Zoë/новости.txt'
    """
    if text.isprintable():
        return text
    return "".join(
        ch.encode("unicode_escape").decode("ascii")
        if unicodedata.category(ch) in {"Cc", "Cf", "Zl", "Zp"}
        else ch
        for ch in text
    )


class _Rate(ProgressColumn):
    """Items a second of a stage, once it has any."""

    def render(self, task: Task) -> Text:
        # a stage that reports once at its end has no running speed: its mean rate
        elapsed = task.elapsed or 0.0
        speed = task.completed / elapsed if task.finished and elapsed > 0 else task.speed
        return Text(f"{speed:,.1f}/s" if speed else "", style="progress.data.speed")


_STAGE_UNITS = {"parse": "articles", "resolve": "articles", "graph": "triples", "exports": "files"}


class StageBars:
    """One bar per long stage of a build (parse, resolve, graph, exports), with its
    counts, rate and time, each added when its stage starts."""

    def __init__(self, console: Console) -> None:
        self.bars = Progress(
            TextColumn("[bold]{task.description:<8}"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("{task.fields[unit]}"),
            _Rate(),
            TimeElapsedColumn(),
            console=console,
            transient=True,
        )
        self.tasks: dict[str, TaskID] = {}

    def __enter__(self) -> StageBars:
        self.bars.__enter__()
        return self

    def __exit__(self, *exc: object) -> None:
        self.bars.__exit__(None, None, None)

    def __call__(self, stage: str, done: int, total: int) -> None:
        if stage not in self.tasks:
            unit = _STAGE_UNITS.get(stage, "")
            self.tasks[stage] = self.bars.add_task(stage, total=total or None, unit=unit)
        self.bars.update(self.tasks[stage], completed=done, total=total or None)
