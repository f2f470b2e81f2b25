"""The articles of a build: from paths, Article objects and raw texts, each once.

What :func:`graphkit.build` reads before it parses (:mod:`graphkit.pipeline`)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path

from graphkit.ids import article_id, content_hash
from graphkit.ingest import article_from_text, read_articles
from graphkit.ingest.dates import with_default_date
from graphkit.ingest.dedupe import dedupe
from graphkit.types import Article, InputProblem

__all__ = ["collect_articles"]


def collect_articles(
    inputs: Iterable[str | Path | Article] = (),
    texts: Iterable[str] = (),
    date: str | None = None,
    known: Iterable[Article] = (),
    skip: Iterable[Path] = (),
) -> tuple[list[Article], list[InputProblem]]:
    """Articles from paths, Article objects and raw texts, plus the problems met;
    ``date`` is the publication date of those that do not give their own. A text
    read twice, or already among ``known`` (the graph added to), is read once
    (:func:`graphkit.ingest.dedupe.dedupe`); the folders ``skip`` (the output
    folder) are never read."""
    articles: list[Article] = []
    problems: list[InputProblem] = []
    paths: list[str | Path] = []
    for item in inputs:
        if isinstance(item, Article):
            # an Article made in Python need not give its text's hash; without it,
            # every such article would look like a copy of the first (dedupe)
            fill = not item.content_hash
            articles.append(replace(item, content_hash=content_hash(item.text)) if fill else item)
        else:
            paths.append(item)
    for found in read_articles(paths, skip=skip):
        (problems if isinstance(found, InputProblem) else articles).append(found)  # type: ignore[arg-type]
    articles += [article_from_text(text, article_id(text)) for text in texts]
    unique, skipped = dedupe(articles, known)
    return with_default_date(unique, date), problems + skipped
