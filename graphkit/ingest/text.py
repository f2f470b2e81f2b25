"""Plain text: decoding, first-line titles and the making of an Article.

Every reader of :mod:`graphkit.sources` builds its articles with :func:`new_article`,
so all of them strip the text, hash it and normalize the publication date alike.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from graphkit.ids import content_hash
from graphkit.ingest.dates import normalize_date
from graphkit.types import Article, InputProblem

Found = Article | InputProblem

_TITLE_MAX_CHARS = 300
_SNIFF_BYTES = 4096
# C0 control characters that never appear in text (tab, line ends, form feed do)
_CONTROL = frozenset(range(32)) - {9, 10, 11, 12, 13, 27}
_MARKDOWN_HEADING = re.compile(r"^#{1,6}\s+")


def split_title(raw: str) -> tuple[str | None, str]:
    """Separate a first-line title from the body.

    The first line is a title when it is short and either lacks final punctuation
    or is repeated at the start of the body (as in many scraped articles, and the
    seed): then the body keeps its first sentence, so the words are read once.
    A Markdown heading mark is dropped from the title.

    >>> split_title("Big news\\nThe body. More.")
    ('Big news', 'The body. More.')
    >>> split_title("A title.\\nA title. And more.")
    ('A title.', 'A title. And more.')
    >>> split_title("# Big news\\n\\nThe body.")
    ('Big news', 'The body.')
    >>> split_title("One paragraph only.")
    (None, 'One paragraph only.')
    """
    text = raw.strip()
    first, sep, rest = text.partition("\n")
    first, rest = _MARKDOWN_HEADING.sub("", first.strip()), rest.strip()
    if not sep or not rest or not first or len(first) > _TITLE_MAX_CHARS:
        return None, text
    if rest.startswith(first) or first[-1] not in ".!?\"'”’:;,":
        return first, rest
    return None, text


def looks_binary(data: bytes) -> bool:
    """True for bytes that are no text in any encoding: NUL bytes, or many control
    characters (compressed files, images, executables).

    >>> looks_binary(b"plain text\\n"), looks_binary(b"\\x89PNG\\r\\n\\x1a\\n\\x00\\x00")
    (False, True)
    """
    head = data[:_SNIFF_BYTES]
    if b"\x00" in head:
        return True
    controls = sum(1 for byte in head if byte in _CONTROL)
    return controls > max(2, len(head) // 100)


def decode(data: bytes, name: str) -> tuple[str, InputProblem | None]:
    """Decode bytes as UTF-8; fall back to cp1252 (then latin-1) and say so.

    A fallback never drops a byte: every byte becomes some character, and the
    returned warning names the file and the first byte that was not UTF-8.

    >>> decode("café".encode("cp1252"), "a.txt")[0]
    'café'
    >>> print(decode("café".encode("cp1252"), "a.txt")[1])
    a.txt: warning: not valid UTF-8 (byte 3); decoded as cp1252
    >>> decode("café".encode("utf-16"), "a.txt")
    ('café', None)
    """
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):  # a UTF-16 byte order mark
        try:
            return data.decode("utf-16"), None
        except UnicodeDecodeError:
            pass
    if looks_binary(data):
        raise ValueError("looks like a binary file, not text")
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


def read_text(path: Path) -> tuple[str | None, list[InputProblem]]:
    """The decoded text of a file, or None and the reason it could not be read."""
    try:
        text, note = decode(path.read_bytes(), str(path))
    except (OSError, ValueError) as exc:
        return None, [InputProblem(str(path), reason(exc))]
    if not text.strip():
        return None, [InputProblem(str(path), "empty file: no text to read")]
    return text, [note] if note else []


def new_article(
    text: str,
    doc_id: str,
    name: str,
    *,
    line: int | None = None,
    title: str | None = None,
    url: str | None = None,
    published: str | None = None,
    source: str | None = None,
) -> Iterator[Found]:
    """The article, after a warning if its date cannot be read (it is then left out)."""
    body = text.strip()
    date = normalize_date(published) if published else None
    if published and date is None:
        problem = f"publication date {published!r} names no calendar day; left out"
        yield InputProblem(name, problem, line, warning=True)
    yield Article(
        id=doc_id,
        text=body,
        title=(title or "").strip() or None,
        url=(url or "").strip() or None,
        published=date,
        source=(source or "").strip() or None,
        path=name,
        content_hash=content_hash(body),
    )


def article_from_text(raw: str, doc_id: str, path: str | None = None) -> Article:
    title, body = split_title(raw)
    return Article(id=doc_id, text=body, title=title, path=path, content_hash=content_hash(body))


def read_text_file(path: Path) -> Iterator[Found]:
    """One article from a plain-text file, titled by its first line if that is a title."""
    text, problems = read_text(path)
    yield from problems
    if text is not None:
        yield article_from_text(text, path.stem, str(path))


def reason(exc: BaseException) -> str:
    """What went wrong, in words, without a traceback."""
    if isinstance(exc, OSError):
        return exc.strerror or str(exc)
    return str(exc)
