"""Read articles from text files, folders and JSON Lines files.

Bad input never stops the run: each problem becomes an :class:`InputProblem`
that names the file (and line) and says what is wrong, and reading goes on.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Iterator
from pathlib import Path

from graphkit.types import Article, InputProblem

TEXT_SUFFIXES = {".txt", ".text", ".md"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
_TITLE_MAX_CHARS = 300


def content_hash(text: str) -> str:
    """SHA-256 of the article text, the article's identity for merges.

    >>> content_hash("abc")[:12]
    'ba7816bf8f01'
    """
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def split_title(raw: str) -> tuple[str | None, str]:
    """Separate a first-line title from the body.

    The first line is a title when it is short and either lacks final punctuation
    or is repeated at the start of the body (as in many scraped articles).

    >>> split_title("Big news\\nThe body. More.")
    ('Big news', 'The body. More.')
    >>> split_title("A title.\\nA title. And more.")
    ('A title.', 'A title. And more.')
    >>> split_title("One paragraph only.")
    (None, 'One paragraph only.')
    """
    text = raw.strip()
    first, sep, rest = text.partition("\n")
    first, rest = first.strip(), rest.strip()
    if not sep or not rest or len(first) > _TITLE_MAX_CHARS:
        return None, text
    if rest.startswith(first) or first[-1] not in ".!?\"'”’:;,":
        return first, rest
    return None, text


def decode(data: bytes, name: str) -> tuple[str, InputProblem | None]:
    """Decode bytes as UTF-8; fall back to cp1252 (then latin-1) and say so."""
    if b"\x00" in data[:4096]:
        raise ValueError("looks like a binary file (NUL bytes), not text")
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError as exc:
        for fallback in ("cp1252", "latin-1"):
            try:
                text = data.decode(fallback)
            except UnicodeDecodeError:
                continue
            note = f"not valid UTF-8 (byte {exc.start}); decoded as {fallback}"
            return text, InputProblem(name, note, warning=True)
    raise AssertionError("latin-1 decodes every byte")  # pragma: no cover


def article_from_text(raw: str, doc_id: str, path: str | None = None) -> Article:
    title, body = split_title(raw)
    return Article(id=doc_id, text=body, title=title, path=path, content_hash=content_hash(body))


def _read_text_file(path: Path) -> Iterator[Article | InputProblem]:
    try:
        text, note = decode(path.read_bytes(), str(path))
    except (OSError, ValueError) as exc:
        yield InputProblem(str(path), _reason(exc))
        return
    if note:
        yield note
    if not text.strip():
        yield InputProblem(str(path), "empty file: no text to read")
        return
    yield article_from_text(text, path.stem, str(path))


def _read_jsonl_file(path: Path) -> Iterator[Article | InputProblem]:
    try:
        lines = path.read_bytes().decode("utf-8-sig", errors="replace").splitlines()
    except OSError as exc:
        yield InputProblem(str(path), _reason(exc))
        return
    if not any(line.strip() for line in lines):
        yield InputProblem(str(path), "empty file: no records")
    for number, line in enumerate(lines, start=1):
        if line.strip():
            yield _record_to_article(line, str(path), number)


def _record_to_article(line: str, name: str, number: int) -> Article | InputProblem:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        return InputProblem(name, f"malformed JSON ({exc.msg})", number)
    if not isinstance(record, dict):
        return InputProblem(name, "a record must be a JSON object", number)
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        return InputProblem(name, 'missing or empty "text" field', number)
    body = text.strip()
    doc_id = str(record.get("id") or content_hash(body)[:16])
    fields = {k: str(record[k]) for k in ("title", "url", "published", "source") if record.get(k)}
    return Article(id=doc_id, text=body, path=name, content_hash=content_hash(body), **fields)


def _reason(exc: BaseException) -> str:
    if isinstance(exc, OSError):
        return exc.strerror or str(exc)
    return str(exc)


def _expand(inputs: Iterable[str | Path]) -> Iterator[Path | InputProblem]:
    for item in inputs:
        path = Path(item)
        if path.is_dir():
            found = sorted(p for p in path.rglob("*") if p.suffix in TEXT_SUFFIXES | JSONL_SUFFIXES)
            if not found:
                yield InputProblem(str(path), "folder holds no .txt or .jsonl files")
            yield from found
        elif path.exists():
            yield path
        else:
            yield InputProblem(str(path), "no such file or folder")


def read_articles(inputs: Iterable[str | Path]) -> Iterator[Article | InputProblem]:
    """Yield every article found in ``inputs``, and a problem for each bad input.

    Files are read in a stable order so that builds are reproducible.
    """
    for item in _expand(inputs):
        if isinstance(item, InputProblem):
            yield item
        elif item.suffix in JSONL_SUFFIXES:
            yield from _read_jsonl_file(item)
        else:
            yield from _read_text_file(item)
