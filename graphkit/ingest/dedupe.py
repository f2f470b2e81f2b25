"""One rule for repeated articles, in a build and across ``--into`` builds.

- A text already read (same content hash) is read once: a later copy is left out
  with a warning, "duplicate text" within the inputs of one build, "already in the
  graph" when the graph being added to holds it.
- Two different texts under one id are both kept: the later one is renamed
  (:func:`graphkit.ids.renamed_id`).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from graphkit.ids import renamed_id
from graphkit.types import Article, InputProblem

__all__ = ["dedupe"]


def dedupe(
    articles: Iterable[Article], known: Iterable[Article] = ()
) -> tuple[list[Article], list[InputProblem]]:
    """The articles of ``articles`` to read, in order, and a warning for each one left out.

    >>> old = [Article(id="a", text="x", content_hash="h1")]
    >>> new, skipped = dedupe([Article(id="b", text="x", content_hash="h1"),
    ...                        Article(id="a", text="y", content_hash="h2ffffffff"),
    ...                        Article(id="c", text="y", content_hash="h2ffffffff")], old)
    >>> [a.id for a in new], [p.problem for p in skipped]
    (['a-h2ffffff'], ['already in the graph (same text as article a)', 'duplicate text'])
    """
    in_graph = {a.content_hash: a.id for a in known}
    ids = set(in_graph.values())
    seen: set[str] = set()
    fresh: list[Article] = []
    skipped: list[InputProblem] = []
    for article in articles:
        name = article.path or article.id
        if article.content_hash in in_graph:
            note = f"already in the graph (same text as article {in_graph[article.content_hash]})"
            skipped.append(InputProblem(name, note, warning=True))
            continue
        if article.content_hash in seen:
            skipped.append(InputProblem(name, "duplicate text", warning=True))
            continue
        if article.id in ids:
            article = replace(article, id=renamed_id(article.id, article.content_hash))
        seen.add(article.content_hash)
        ids.add(article.id)
        fresh.append(article)
    return fresh, skipped
