"""One small exception tree, exported from :mod:`graphkit`; the CLI turns any of these
into one clean message and exit code 2::

    GraphkitError           anything graphkit raises on purpose
    ├── InputError          an input (article file, alias file, export folder) cannot be read
    ├── ModelError          the spaCy pipeline cannot be loaded or lacks a component
    ├── OntologyError       the ontology or shapes file is missing or disagrees with the code
    ├── QueryError          a SPARQL query, or the graph file it runs on, is invalid
    ├── ExportError         an export cannot be written
    ├── ClusterError        the Dask cluster of ``--dask`` cannot be reached or used
    ├── ServerError         the SPARQL server of ``graphkit serve`` cannot start
    └── EndpointError       a SPARQL endpoint (``graphkit push``, ``query URL``) failed
        ├── EndpointUnreachable   no answer: refused connection, unknown host, timeout
        └── EndpointRefused       an HTTP error status (with the endpoint's message)

A bad article is not an exception: it becomes an
:class:`~graphkit.types.InputProblem` and the rest of the build goes on.
"""

from __future__ import annotations


class GraphkitError(Exception):
    """Base of every error graphkit raises on purpose."""

    exit_code = 2


class InputError(GraphkitError):
    """An input could not be read or understood."""


class ModelError(GraphkitError):
    """The spaCy pipeline could not be loaded or lacks a needed component."""


class OntologyError(GraphkitError):
    """The ontology file is missing or disagrees with the code's vocabulary."""


class QueryError(GraphkitError):
    """A SPARQL query or the graph it runs on is invalid."""


class ExportError(GraphkitError):
    """An export could not be written."""


class ClusterError(GraphkitError):
    """The Dask cluster named by ``--dask`` cannot be reached or used."""


class ServerError(GraphkitError):
    """The SPARQL server could not be started (not installed, port taken, ...)."""


class EndpointError(GraphkitError):
    """A SPARQL endpoint (Graph Store Protocol or query) could not do what was asked."""

    def __init__(self, message: str, url: str = "") -> None:
        super().__init__(message)
        self.url = url


class EndpointUnreachable(EndpointError):
    """Nothing answered at the endpoint: connection refused, unknown host, timeout."""


class EndpointRefused(EndpointError):
    """The endpoint answered with an HTTP error; ``status`` is its code."""

    def __init__(self, message: str, url: str = "", status: int = 0) -> None:
        super().__init__(message, url)
        self.status = status
