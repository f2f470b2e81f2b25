"""Read articles from files, folders and standard input.

Inputs, by suffix (case-insensitive): plain text (``.txt``, ``.text``, ``.md``),
JSON Lines (``.jsonl``, ``.ndjson``), saved web pages (``.html``, ``.htm``,
``.xhtml``) and RSS/Atom feeds (``.rss``, ``.atom``, ``.xml``); any other file named
on its own is read as plain text. Folders are searched recursively, in name order,
skipping hidden files and folders (``.git``); a file there of another kind is
reported as skipped. ``-`` is standard input: one plain-text article, or JSON Lines
when it starts with ``{``.

Bad input never stops the run: each problem becomes an :class:`InputProblem`
that names the file (and line) and says what is wrong, and reading goes on.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from graphkit.ids import article_id, content_hash
from graphkit.ingest.feed import FEED_SUFFIXES, read_feed_file
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
SUPPORTED = TEXT_SUFFIXES | JSONL_SUFFIXES | HTML_SUFFIXES | FEED_SUFFIXES


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


def _reader(path: Path) -> Callable[[Path], Iterator[Found]]:
    suffix = path.suffix.lower()
    if suffix in JSONL_SUFFIXES:
        return read_jsonl_file
    if suffix in HTML_SUFFIXES:
        return read_html_file
    if suffix in FEED_SUFFIXES:
        return read_feed_file
    return read_text_file


def _folder(folder: Path) -> Iterator[Path | InputProblem]:
    """The files of a folder to read, and a note for each one skipped."""
    files = sorted(
        p
        for p in folder.rglob("*")
        if p.is_file() and not any(part.startswith(".") for part in p.relative_to(folder).parts)
    )
    found = [p for p in files if p.suffix.lower() in SUPPORTED]
    if not found:
        kinds = ", ".join(sorted(SUPPORTED))
        yield InputProblem(str(folder), f"folder holds no file to read ({kinds})")
    for path in files:
        if path.suffix.lower() in SUPPORTED:
            yield path
        elif found:
            note = f"skipped: {path.suffix or 'no suffix'} is not an input kind graphkit reads"
            yield InputProblem(str(path), note, warning=True)


def _expand(inputs: Iterable[str | Path]) -> Iterator[Path | InputProblem]:
    for item in inputs:
        path = Path(item)
        if str(item) == STDIN:
            yield Path(STDIN)
        elif path.is_dir():
            yield from _folder(path)
        elif path.exists():
            yield path
        else:
            yield InputProblem(str(path), "no such file or folder")


def read_articles(inputs: Iterable[str | Path]) -> Iterator[Found]:
    """Yield every article found in ``inputs``, and a problem for each bad input.

    Files are read in a stable order so that builds are reproducible.
    """
    for item in _expand(inputs):
        if isinstance(item, InputProblem):
            yield item
        elif str(item) == STDIN:
            yield from read_stdin()
        else:
            yield from _reader(item)(item)
