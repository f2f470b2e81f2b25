"""One small exception tree; the CLI turns any of these into one clean message."""

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
