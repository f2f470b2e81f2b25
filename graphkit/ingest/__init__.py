"""Read articles from files, folders and standard input.

Inputs, by suffix (case-insensitive): plain text (``.txt``, ``.text``, ``.md``),
JSON Lines (``.jsonl``, ``.ndjson``), saved web pages (``.html``, ``.htm``,
``.xhtml``) and RSS/Atom feeds (``.rss``, ``.atom``, ``.xml``); any other file named
on its own is read as plain text. Folders are searched recursively, in name order,
passing over hidden files, graphkit's own exports and links that leave the folder
(:mod:`graphkit.ingest.folders`); a file there of another kind is reported as
skipped. :data:`READERS` maps each suffix to its reader. ``-`` is standard input:
one plain-text article, or JSON Lines when it starts with ``{``.

Bad input never stops the run: each problem becomes an :class:`InputProblem`
that names the file (and line) and says what is wrong, and reading goes on.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from graphkit.ids import article_id, content_hash
from graphkit.ingest.feed import FEED_SUFFIXES, read_feed_file
from graphkit.ingest.folders import folder_files
from graphkit.ingest.html import HTML_SUFFIXES, read_html_file
from graphkit.ingest.jsonl import read_jsonl_text
from graphkit.ingest.text import (
    Found,
    article_from_text,
    decode,
    read_text,
    read_text_file,
    reason,
    split_title,
)
from graphkit.types import InputProblem

__all__ = [
    "STDIN",
    "article_from_text",
    "content_hash",
    "decode",
    "read_articles",
    "read_stdin",
    "split_title",
]

STDIN = "-"
TEXT_SUFFIXES = {".txt", ".text", ".md"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}


def read_jsonl_file(path: Path) -> Iterator[Found]:
    """Every record of a JSON Lines file; undecodable bytes are decoded with the
    stated fallback (:func:`decode`), never dropped."""
    text, problems = read_text(path)
    yield from problems
    if text is not None:
        yield from read_jsonl_text(text, str(path))


def read_stdin(data: bytes | None = None) -> Iterator[Found]:
    """Standard input as one plain-text article, or JSON Lines if it starts with ``{``.

    >>> [a.title for a in read_stdin(b"Big news\\nThe body.")]
    ['Big news']
    >>> [a.id for a in read_stdin(b'{"id": "x1", "text": "A text."}')]
    ['x1']
    """
    try:
        raw = sys.stdin.buffer.read() if data is None else data
        text, note = decode(raw, STDIN)
    except (OSError, ValueError) as exc:
        yield InputProblem(STDIN, reason(exc))
        return
    if note:
        yield note
    if not text.strip():
        yield InputProblem(STDIN, "empty input: no text to read")
    elif text.lstrip().startswith("{"):
        yield from read_jsonl_text(text, STDIN)
    else:
        yield article_from_text(text, article_id(text), STDIN)


Reader = Callable[[Path], Iterator[Found]]
READERS: dict[str, Reader] = {
    **dict.fromkeys(TEXT_SUFFIXES, read_text_file),
    **dict.fromkeys(JSONL_SUFFIXES, read_jsonl_file),
    **dict.fromkeys(HTML_SUFFIXES, read_html_file),
    **dict.fromkeys(FEED_SUFFIXES, read_feed_file),
}


def _reader(path: Path) -> Reader:
    """The reader of a file by its suffix; a file of any other kind named on its own
    is read as plain text."""
    return READERS.get(path.suffix.lower(), read_text_file)


def _expand(inputs: Iterable[str | Path], skip: Iterable[Path]) -> Iterator[Path | InputProblem]:
    skip = [Path(p) for p in skip]
    for item in inputs:
        path = Path(item)
        if str(item) == STDIN:
            yield Path(STDIN)
        elif path.is_dir() and any(path.resolve() == p.resolve() for p in skip):
            note = "skipped: the build's output folder is never read as input"
            yield InputProblem(str(path), note, warning=True)
        elif path.is_dir():
            yield from folder_files(path, READERS, skip)
        elif path.exists():
            yield path
        else:
            yield InputProblem(str(path), "no such file or folder")


def read_articles(inputs: Iterable[str | Path], skip: Iterable[Path] = ()) -> Iterator[Found]:
    """Yield every article found in ``inputs``, and a problem for each bad input;
    the folders ``skip`` (a build's output) are not read.

    Files are read in a stable order so that builds are reproducible.
    """
    for item in _expand(inputs, skip):
        if isinstance(item, InputProblem):
            yield item
        elif str(item) == STDIN:
            yield from read_stdin()
        else:
            yield from _reader(item)(item)
