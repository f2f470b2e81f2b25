"""The data behind the HTML view, read from the RDF graph (so any export can be viewed).

Statements with the same subject, relation, object and status are drawn as one edge
that lists all of its sources.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

import networkx as nx
from pyvis.network import Network
from rdflib import RDF, RDFS, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, SKOS
from rdflib.term import Node

from graphkit.graph import SCHEMA_URL
from graphkit.vocab import GK

TYPE_STYLE = {
    "Person": ("#4e79a7", "dot"),
    "Country": ("#e15759", "diamond"),
    "GovernmentBody": ("#f28e2b", "square"),
    "Organization": ("#edc948", "square"),
    "MediaOrganization": ("#b07aa1", "square"),
    "PoliticalParty": ("#ff9da7", "square"),
    "Group": ("#59a14f", "triangle"),
    "AnonymousSource": ("#9c755f", "triangleDown"),
    "Place": ("#76b7b2", "star"),
    "Region": ("#76b7b2", "star"),
    "City": ("#76b7b2", "star"),
    "Concept": ("#bab0ac", "ellipse"),
    "Proposition": ("#d4d4d4", "box"),
}
EDGE_COLORS = {"fact": "#555555", "negated": "#d62728", "uncertain": "#ff7f0e"}


def _py(graph: Graph, node: Node | None, prop: URIRef) -> Any:
    """The Python value of ``node``'s ``prop`` (a literal's value, else the node)."""
    if node is None:
        return None
    value = graph.value(node, prop)
    return value.toPython() if isinstance(value, Literal) else value


def _text(graph: Graph, node: Node | None, prop: URIRef) -> str | None:
    value = _py(graph, node, prop)
    return None if value is None else str(value)


def _local(node: Node | str) -> str:
    return str(node).rsplit("/", 1)[-1]


def _status(negated: bool, uncertain: bool) -> str:
    return "negated" if negated else "uncertain" if uncertain else "fact"


def _source(graph: Graph, statement: Node) -> dict[str, Any]:
    article = graph.value(statement, PROV.wasDerivedFrom)
    attributed = graph.value(statement, GK.attributedTo)
    py = lambda prop: _py(graph, statement, prop)  # noqa: E731
    return {
        "sentence": py(GK.sentence),
        "sentence_start": py(GK.sentenceStart),
        "subject": [py(GK.subjectStart), py(GK.subjectEnd)],
        "object": [py(GK.objectStart), py(GK.objectEnd)],
        "relation": py(GK.relationText),
        "confidence": float(py(GK.confidence)),
        "negated": py(GK.negated),
        "hedged": py(GK.hedged),
        "modality": py(GK.modality),
        "attribution": py(GK.attributionText),
        "attributed_to": _text(graph, attributed, RDFS.label),
        "cue": py(GK.attributionCue),
        "article": _text(graph, article, GK.articleId),
        "title": _text(graph, article, DCTERMS.title),
        "date": _text(graph, article, DCTERMS.date),
        "url": _text(graph, article, SCHEMA_URL),
    }


def _node(graph: Graph, node: URIRef, degree: int) -> dict[str, Any]:
    kind = _text(graph, node, GK.entityType) or "Concept"
    color, shape = TYPE_STYLE.get(kind, TYPE_STYLE["Concept"])
    return {
        "id": _local(node),
        "label": _text(graph, node, RDFS.label) or _local(node),
        "type": kind,
        "color": color,
        "shape": shape,
        "value": degree,
        "aliases": sorted(str(a) for a in graph.objects(node, SKOS.altLabel)),
        "roles": sorted(str(r) for r in graph.objects(node, GK.holdsRole)),
        "merges": sorted(str(r) for r in graph.objects(node, GK.mergeReason)),
        "country": _text(graph, graph.value(node, GK.country), RDFS.label),
        "mentions": _py(graph, node, GK.mentionCount) or 0,
    }


def generate_view_data(graph: Graph) -> dict[str, Any]:
    """Nodes, edges (with their sources) and a legend, ready for vis-network."""
    groups: dict[tuple[str, str, str, str], list[Node]] = defaultdict(list)
    for statement in sorted(graph.subjects(RDF.type, GK.Assertion), key=str):
        ends = [str(graph.value(statement, p)) for p in (RDF.subject, RDF.predicate, RDF.object)]
        status = _status(_py(graph, statement, GK.negated), not _py(graph, statement, GK.factual))
        groups[(ends[0], ends[1], ends[2], status)].append(statement)
    net = Network(directed=True)
    degrees: dict[str, int] = defaultdict(int)
    for subject, _, obj, _ in groups:
        degrees[subject] += 1
        degrees[obj] += 1
    for iri in sorted(degrees):
        node = _node(graph, URIRef(iri), degrees[iri])
        net.add_node(node.pop("id"), **node)
    for (subject, predicate, obj, status), statements in sorted(groups.items()):
        label = str(graph.value(URIRef(predicate), RDFS.label) or _local(URIRef(predicate)))
        net.add_edge(
            _local(URIRef(subject)),
            _local(URIRef(obj)),
            label=("not " if status == "negated" else "") + label,
            status=status,
            color=EDGE_COLORS[status],
            dashes=status != "fact",
            width=min(8, len(statements)),
            sources=[_source(graph, s) for s in statements],
        )
    _layout(net)
    return {"nodes": net.nodes, "edges": _edge_ids(net.edges), "legend": _legend(net.nodes)}


def _edge_ids(edges: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [{"id": f"e{i}", **edge} for i, edge in enumerate(edges)]


def _legend(nodes: list[dict[str, Any]]) -> list[dict[str, str]]:
    present = sorted({n["type"] for n in nodes})
    return [{"type": t, "color": TYPE_STYLE[t][0], "shape": TYPE_STYLE[t][1]} for t in present]


def _layout(net: Network) -> None:
    """Precompute positions (seeded, so the file is the same on every build)."""
    g = nx.DiGraph()
    g.add_nodes_from(n["id"] for n in net.nodes)
    g.add_edges_from((e["from"], e["to"]) for e in net.edges)
    if not g:
        return
    positions = nx.spring_layout(g, seed=7, scale=120 * max(1, len(g)) ** 0.5)
    for node in net.nodes:
        x, y = positions[node["id"]]
        node["x"], node["y"] = round(float(x), 1), round(float(y), 1)
