"""JSON-LD, written here rather than by rdflib, whose writer drops a ``false`` or ``0``
that shares a property with another value (two values of ``gk:hedged``, say).

Flattened form: one object per subject, sorted by ``@id``; IRIs compacted under
graphkit's prefixes; strings as JSON strings, integers and booleans as JSON numbers
and booleans, every other literal as ``{"@value", "@type"}`` with its exact lexical
form, so that every reader gets back the very same triples.
"""

from __future__ import annotations

import json
from collections import defaultdict
from typing import Any

from rdflib import RDF, RDFS, XSD, Graph, Literal, URIRef
from rdflib.term import Node

from graphkit.rdf.build import PREFIXES

CONTEXT = {**PREFIXES, "rdf": str(RDF), "rdfs": str(RDFS), "xsd": str(XSD)}
_BY_LENGTH = sorted(CONTEXT.items(), key=lambda item: -len(item[1]))
_SAFE_INTEGER = 2**53  # beyond, a JSON reader may round the number


def compact(iri: str) -> str:
    """``prefix:local`` under the longest matching prefix, else the IRI itself.

    >>> compact("https://w3id.org/graphkit/rel/hope_for"), compact("urn:x")
    ('rel:hope_for', 'urn:x')
    """
    for prefix, namespace in _BY_LENGTH:
        local = iri[len(namespace) :]
        if iri.startswith(namespace) and local and not local.startswith("//"):
            return f"{prefix}:{local}"
    return iri


def value_of(term: Node) -> Any:
    """The JSON-LD value of an object term.

    >>> [value_of(t) for t in (Literal("x"), Literal(3), Literal(True))]
    ['x', 3, True]
    >>> value_of(Literal("0.5", datatype=XSD.decimal))
    {'@value': '0.5', '@type': 'xsd:decimal'}
    """
    if not isinstance(term, Literal):
        return {"@id": compact(str(term))}
    lexical, datatype = str(term), term.datatype
    if term.language:
        return {"@value": lexical, "@language": term.language}
    if datatype is None or datatype == XSD.string:
        return lexical
    if datatype == XSD.boolean and lexical in {"true", "false"}:
        return lexical == "true"
    if datatype == XSD.integer and lexical == str(_int(lexical)):
        return int(lexical)
    return {"@value": lexical, "@type": compact(str(datatype))}


def _int(lexical: str) -> int | None:
    try:
        number = int(lexical)
    except ValueError:
        return None
    return number if abs(number) < _SAFE_INTEGER else None


def _sorted(values: list[Any]) -> Any:
    ordered = sorted(values, key=lambda v: json.dumps(v, sort_keys=True, ensure_ascii=False))
    return ordered[0] if len(ordered) == 1 else ordered


def generate_jsonld(graph: Graph) -> str:
    """The graph as a flattened JSON-LD document, the same for the same triples."""
    nodes: dict[str, dict[str, list[Any]]] = defaultdict(lambda: defaultdict(list))
    for subject, predicate, obj in graph:
        node = nodes[compact(str(subject))]
        if predicate == RDF.type and isinstance(obj, URIRef):
            node["@type"].append(compact(str(obj)))
        else:
            node[compact(str(predicate))].append(value_of(obj))
    flat = [
        {"@id": ident, **{key: _sorted(values) for key, values in node.items()}}
        for ident, node in sorted(nodes.items())
    ]
    document = {"@context": CONTEXT, "@graph": flat}
    return json.dumps(document, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
