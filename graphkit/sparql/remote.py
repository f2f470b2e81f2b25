"""SPARQL where the graph lives: a graph file, an export folder's on-disk store, or a
SPARQL endpoint over HTTP (``graphkit query http://127.0.0.1:7878/query negated``).

The same query text, parameters, safety (read-only, no ``SERVICE`` unless allowed,
a timeout and a row limit: :mod:`graphkit.analysis.query_safety`) and result tables
as :mod:`graphkit.analysis.query` in every case. An export folder is queried in its
store (made on first use, see :mod:`graphkit.sparql.store`), so a query no longer
pays for loading the Turtle file. An endpoint is asked by the SPARQL 1.1 protocol
(``POST`` of the query, JSON results), so any server works: ``graphkit serve``,
Fuseki, GraphDB; a graph pushed there by ``graphkit push`` answers the shipped
queries as the file does.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from graphkit.analysis.query import (
    QueryResult,
    prefix_header,
    query_source,
    run_on_store,
    run_query,
    values_clause,
)
from graphkit.analysis.query_safety import DEFAULT_LIMIT, DEFAULT_TIMEOUT, check_query
from graphkit.errors import EndpointRefused, EndpointUnreachable, QueryError

__all__ = ["is_endpoint", "query_endpoint", "query_folder", "run_query_at"]


def is_endpoint(target: str) -> bool:
    """``target`` names a SPARQL endpoint, not a file or folder.

    >>> is_endpoint("http://127.0.0.1:7878/query"), is_endpoint("exports/graph.ttl")
    (True, False)
    """
    return target.startswith(("http://", "https://"))


def run_query_at(
    target: str | Path,
    query: str,
    params: Mapping[str, str] | None = None,
    *,
    allow_service: bool = False,
    timeout: float | None = DEFAULT_TIMEOUT,
    limit: int | None = DEFAULT_LIMIT,
) -> QueryResult:
    """Run ``query`` on a graph file, an export folder's store or an endpoint URL; the
    keywords as for :func:`graphkit.analysis.query.run_on_store`."""
    run: Callable[..., QueryResult] = run_query
    if isinstance(target, str) and is_endpoint(target):
        return query_endpoint(
            target, query, params, allow_service=allow_service, timeout=timeout, limit=limit
        )
    path = Path(target)
    if path.is_dir():
        run = query_folder
    elif not path.is_file():
        raise QueryError(f"{path}: no such graph file, export folder or endpoint")
    return run(path, query, params, allow_service=allow_service, timeout=timeout, limit=limit)


def query_folder(
    folder: Path,
    query: str,
    params: Mapping[str, str] | None = None,
    *,
    allow_service: bool = False,
    timeout: float | None = DEFAULT_TIMEOUT,
    limit: int | None = DEFAULT_LIMIT,
) -> QueryResult:
    """Run ``query`` on the export folder's on-disk store, opened read-only."""
    import pyoxigraph as ox

    from graphkit.sparql.store import using_store

    with using_store(folder) as location:
        store = ox.Store.read_only(str(location))
        return run_on_store(
            store, query, params, allow_service=allow_service, timeout=timeout, limit=limit
        )


def query_endpoint(
    url: str,
    query: str,
    params: Mapping[str, str] | None = None,
    *,
    allow_service: bool = False,
    timeout: float | None = DEFAULT_TIMEOUT,
    limit: int | None = DEFAULT_LIMIT,
) -> QueryResult:
    """Run ``query`` at a SPARQL endpoint (SPARQL 1.1 protocol, JSON results): refused
    as graphkit refuses it locally, waited for at most ``timeout`` seconds, its rows
    cut at ``limit``."""
    import httpx

    source = query_source(query)
    check_query(source, allow_service)
    text = prefix_header(source) + source
    text += values_clause(text, params or {})
    try:
        answer = httpx.post(
            url,
            content=text.encode("utf-8"),
            headers={
                "Content-Type": "application/sparql-query",
                "Accept": "application/sparql-results+json",
            },
            timeout=httpx.Timeout(timeout or None, connect=15.0),
        )
    except httpx.TimeoutException as exc:
        raise EndpointUnreachable(f"{url}: no answer in time ({exc})", url) from exc
    except httpx.HTTPError as exc:
        raise EndpointUnreachable(f"cannot reach {url}: {exc}", url) from exc
    if answer.is_error:
        said = " ".join(answer.text.split())[:300]
        raise EndpointRefused(
            f"{url}: HTTP {answer.status_code} {answer.reason_phrase}: {said}",
            url, answer.status_code,
        )  # fmt: skip
    try:
        return _result(answer.json(), limit)
    except (ValueError, KeyError, TypeError) as exc:
        raise QueryError(f"{url}: not SPARQL JSON results: {exc}") from exc


def _result(data: dict[str, Any], limit: int | None) -> QueryResult:
    """A :class:`QueryResult` from SPARQL 1.1 JSON results, cut at ``limit`` rows."""
    if "boolean" in data:
        return QueryResult(("ask",), ((str(bool(data["boolean"])).lower(),),))
    variables = tuple(data["head"]["vars"])
    bindings = data["results"]["bindings"]
    rows = tuple(
        tuple(binding[v]["value"] if v in binding else None for v in variables)
        for binding in bindings[:limit]
    )
    return QueryResult(variables, rows, truncated=limit is not None and len(bindings) > limit)
