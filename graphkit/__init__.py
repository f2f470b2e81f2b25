"""graphkit: news about geopolitical actors -> a provenance-rich knowledge graph."""

from __future__ import annotations

from graphkit import _moved
from graphkit.errors import (
    ClusterError,
    EndpointError,
    EndpointRefused,
    EndpointUnreachable,
    ExportError,
    GraphkitError,
    InputError,
    ModelError,
    OntologyError,
    QueryError,
    ServerError,
)
from graphkit.options import AnalysisOptions
from graphkit.pipeline import BuildResult, analyze, build, extract
from graphkit.types import (
    Argument,
    Article,
    Assertion,
    Attribution,
    Corpus,
    Entity,
    InputProblem,
    Mention,
    Qualifier,
    Relation,
)

_moved.install()  # graphkit 0.1's module paths (graphkit.stats ...) still import

__version__ = "0.1.0"
__all__ = [
    "AnalysisOptions",
    "Argument",
    "Article",
    "Assertion",
    "Attribution",
    "BuildResult",
    "ClusterError",
    "Corpus",
    "EndpointError",
    "EndpointRefused",
    "EndpointUnreachable",
    "Entity",
    "ExportError",
    "GraphkitError",
    "InputError",
    "InputProblem",
    "Mention",
    "ModelError",
    "OntologyError",
    "Qualifier",
    "QueryError",
    "Relation",
    "ServerError",
    "analyze",
    "build",
    "extract",
]
