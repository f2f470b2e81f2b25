"""``graphkit push OUT/ --to URL``: the graph sent to a SPARQL 1.1 Graph Store
Protocol endpoint (Oxigraph ``/store``, Fuseki ``/DATASET/data``, GraphDB
``/repositories/REPO/rdf-graphs/service``, ...).

The export folder's ``graph.ttl`` (else ``graph.nt``) is sent as it is, streamed
from the file with httpx (never read into memory), to the default graph or to the
named graph ``--graph IRI``. ``POST`` adds it to what the graph holds; since graphkit
makes no blank nodes, pushing the same graph twice changes nothing. ``--replace``
sends ``PUT``, which replaces the graph's content. Credentials go in the URL
(``https://user:password@host/...``, sent as HTTP basic authentication).

Failures are :class:`~graphkit.errors.EndpointError`\\ s, which the CLI prints as one
line with exit code 2: :class:`~graphkit.errors.EndpointUnreachable` when nothing
answers (refused connection, unknown host, timeout), and
:class:`~graphkit.errors.EndpointRefused` when the endpoint answers with an HTTP
error (its status and the start of its message: a read-only store's 403, a wrong
path's 404, a bad password's 401).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import httpx

from graphkit.errors import EndpointError, EndpointRefused, EndpointUnreachable, InputError
from graphkit.rdf.io import check_whole

__all__ = ["MEDIA_TYPES", "Pushed", "push", "target_url"]

# What a Graph Store Protocol request can carry: triples (a quad file has no place
# in one graph), best first.
MEDIA_TYPES = {"graph.ttl": "text/turtle", "graph.nt": "application/n-triples"}
TIMEOUT = httpx.Timeout(600.0, connect=15.0)
_SAID = 300  # characters of an error answer worth quoting


@dataclass(frozen=True)
class Pushed:
    """What was sent where, and the endpoint's answer."""

    url: str
    file: Path
    bytes: int
    status: int


def target_url(to: str, graph: str | None = None) -> httpx.URL:
    """The request URL: ``to`` with ``?graph=IRI``, or ``?default`` for the default
    graph (unless ``to`` already names one).

    >>> str(target_url("http://localhost:7878/store"))
    'http://localhost:7878/store?default'
    >>> str(target_url("http://h/ds/data", "https://example.org/news"))
    'http://h/ds/data?graph=https%3A%2F%2Fexample.org%2Fnews'
    """
    try:
        url = httpx.URL(to)
    except (httpx.InvalidURL, TypeError) as exc:
        raise EndpointError(f"--to {to!r} is not a URL: {exc}", to) from exc
    if url.scheme not in ("http", "https") or not url.host:
        raise EndpointError(f"--to {to!r}: expected an http:// or https:// URL", to)
    if graph is not None:
        if not httpx.URL(graph).is_absolute_url or any(c in graph for c in ' <>"{}|\\^`'):
            raise EndpointError(f"--graph {graph!r} is not an absolute IRI", to)
        return url.copy_merge_params({"graph": graph})
    if "graph" in url.params or "default" in url.params or b"default" in url.query.split(b"&"):
        return url
    return url.copy_with(query=url.query + b"&default" if url.query else b"default")


def _graph_file(folder: Path) -> Path:
    for name in MEDIA_TYPES:
        if (folder / name).is_file():
            check_whole(folder / name)
            return folder / name
    raise InputError(
        f"{folder}: no graph.ttl or graph.nt to push; build with --formats turtle (the default)"
    )


def push(folder: Path, to: str, graph: str | None = None, replace: bool = False) -> Pushed:
    """Send ``folder``'s graph to the Graph Store Protocol endpoint ``to`` (see the
    module docstring); return what was sent and the endpoint's status."""
    file = _graph_file(folder)
    url = target_url(to, graph)
    shown = str(url.copy_with(password=None, username=None)) if url.userinfo else str(url)
    method = "PUT" if replace else "POST"
    try:
        with httpx.Client(timeout=TIMEOUT) as client, file.open("rb") as body:
            # a file object: httpx sends it in blocks, with its Content-Length
            answer = client.request(
                method, url, content=body, headers={"Content-Type": MEDIA_TYPES[file.name]}
            )
    except httpx.TimeoutException as exc:
        raise EndpointUnreachable(f"{shown}: no answer in time ({exc})", shown) from exc
    except (httpx.ConnectError, httpx.RemoteProtocolError, httpx.NetworkError) as exc:
        raise EndpointUnreachable(f"cannot reach {shown}: {exc}", shown) from exc
    if answer.is_error:
        said = " ".join(answer.text.split())[:_SAID]
        raise EndpointRefused(
            f"{shown} refused the graph: HTTP {answer.status_code} {answer.reason_phrase}"
            + (f": {said}" if said else ""),
            shown,
            answer.status_code,
        )
    return Pushed(shown, file, file.stat().st_size, answer.status_code)
