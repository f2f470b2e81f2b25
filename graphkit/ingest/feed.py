"""RSS and Atom feed files, read with feedparser: each entry is one article.

An entry gives its title, link, publication date (``published``, else ``updated``)
and text: the full content when the feed carries it, else the summary, with the
HTML markup stripped. The feed's own title is the articles' source. The file is
parsed from its bytes, so feedparser never fetches anything.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

from graphkit.ids import article_id
from graphkit.ingest.text import Found, looks_binary, new_article, reason
from graphkit.types import InputProblem

FEED_SUFFIXES = {".rss", ".atom", ".xml"}
_BLOCKS = frozenset(
    "p div br li ul ol h1 h2 h3 h4 h5 h6 blockquote tr table article section "
    "header footer pre figure figcaption hr dd dt".split()
)
_HIDDEN = frozenset({"script", "style", "template", "noscript"})


class _TextOnly(HTMLParser):
    """Collects the text of an HTML fragment, a blank line at each block's edge."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.hidden = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _HIDDEN:
            self.hidden += 1
        elif tag in _BLOCKS:
            self.parts.append("\n\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _HIDDEN:
            self.hidden = max(0, self.hidden - 1)
        elif tag in _BLOCKS:
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        if not self.hidden:
            self.parts.append(data)


def strip_html(fragment: str) -> str:
    """The text of an HTML fragment: tags dropped, entities decoded, paragraphs kept.

    >>> strip_html("<p>Kyiv &amp; <b>Moscow</b></p><p>Talks.</p><script>x()</script>")
    'Kyiv & Moscow\\n\\nTalks.'
    """
    parser = _TextOnly()
    parser.feed(fragment)
    parser.close()
    text = re.sub(r"[ \t\r\f\v]+", " ", "".join(parser.parts))
    text = re.sub(r" ?\n ?", "\n", text)
    return re.sub(r"\n{3,}", "\n\n", text).strip()


def read_feed_file(path: Path) -> Iterator[Found]:
    """Every entry of an RSS or Atom file as an article, and the problems met."""
    name = str(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        yield InputProblem(name, reason(exc))
        return
    if not data.strip():
        yield InputProblem(name, "empty file: no feed to read")
    elif looks_binary(data):
        yield InputProblem(name, "looks like a binary file, not a feed")
    else:
        yield from read_feed(data, name)


def read_feed(data: bytes, name: str) -> Iterator[Found]:
    """The articles of a feed's bytes; ``name`` says where they came from."""
    import feedparser  # imported late: only feeds need it

    parsed = feedparser.parse(data)
    broken = f"not well-formed XML ({parsed.get('bozo_exception')})" if parsed.bozo else ""
    if not parsed.entries:
        yield InputProblem(name, f"not a readable RSS or Atom feed: {broken or 'no entries'}")
        return
    if broken:
        yield InputProblem(name, f"{broken}; {len(parsed.entries)} entries read", warning=True)
    source = parsed.feed.get("title")
    for number, entry in enumerate(parsed.entries, start=1):
        yield from _entry_article(entry, number, name, source)


def _entry_article(entry: Any, number: int, name: str, source: str | None) -> Iterator[Found]:
    title = strip_html(entry.get("title", "")) or None
    text = _entry_text(entry)
    if not text:
        what = f"entry {number}" + (f" ({title!r})" if title else "")
        yield InputProblem(name, f"{what} has no summary or content text", warning=True)
        return
    doc_id = entry.get("id") or entry.get("link") or article_id(text)
    yield from new_article(
        text,
        doc_id,
        name,
        title=title,
        url=entry.get("link"),
        published=entry.get("published") or entry.get("updated"),
        source=source,
    )


def _entry_text(entry: Any) -> str:
    """The longest of the entry's contents and its summary, as plain text."""
    candidates = [part.get("value", "") for part in entry.get("content", [])]
    candidates.append(entry.get("summary", ""))
    texts = [strip_html(candidate) for candidate in candidates if candidate]
    return max(texts, key=len, default="")
