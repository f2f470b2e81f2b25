"""Saved web pages: the article's main text and metadata, taken out with trafilatura.

Menus, footers, reader comments and scripts are left behind; the title, date,
canonical URL and site name come from the page's metadata (``<title>``,
Open Graph, ``<link rel="canonical">``, JSON-LD). Nothing is fetched: the page is
read from the file as it was saved.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from graphkit.ingest.text import Found, new_article, read_text
from graphkit.types import InputProblem

HTML_SUFFIXES = {".html", ".htm", ".xhtml"}


def read_html_file(path: Path) -> Iterator[Found]:
    """One article from a saved HTML page, or the problem that keeps it out."""
    html, problems = read_text(path)
    yield from problems
    if html is not None:
        yield from article_from_html(html, path.stem, str(path))


def article_from_html(html: str, doc_id: str, name: str) -> Iterator[Found]:
    """The main text of a page as an article with its title, date, URL and site.

    >>> page = ("<html><head><title>Talks stall</title></head><body><article>"
    ...         "<h1>Talks stall</h1><p>Ukraine rejected the plan on Monday.</p>"
    ...         "</article></body></html>")
    >>> [(a.title, a.text) for a in article_from_html(page, "p", "p.html")]
    [('Talks stall', 'Ukraine rejected the plan on Monday.')]
    """
    import trafilatura  # imported late: it loads large tables

    try:
        found = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False)
    except Exception as exc:  # a broken page must not stop the build
        yield InputProblem(name, f"cannot read the HTML page ({type(exc).__name__}: {exc})")
        return
    page: dict[str, Any] = {}
    if found is not None:
        page = found if isinstance(found, dict) else found.as_dict()
    text = (page.get("text") or "").strip()
    if not text:
        yield InputProblem(name, "no article text found in the HTML page")
        return
    yield from new_article(
        _without_title(text, page.get("title")),
        doc_id,
        name,
        title=page.get("title"),
        url=page.get("url"),
        published=page.get("date"),
        source=page.get("sitename") or page.get("hostname"),
    )


def _without_title(text: str, title: str | None) -> str:
    """The text without its first line when that line is the title (the page's
    heading), so that the title is not read as the first sentence as well.

    >>> _without_title("Talks stall\\nThe body.", "Talks stall")
    'The body.'
    """
    first, _, rest = text.partition("\n")
    if title and rest.strip() and first.strip() == title.strip():
        return rest.strip()
    return text
