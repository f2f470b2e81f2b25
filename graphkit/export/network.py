"""The claim network for graph tools (Gephi, Cytoscape, yEd): GraphML, GEXF and CSV.

Nodes are entities (id = the local name of the entity's IRI); edges are claims, one
per subject, relation, object and status, weighted by how many sentences state them.
Both come from the RDF graph, so any graphkit graph file can be exported.

XML 1.0 cannot hold NUL, most control characters or lone surrogates, even escaped:
in GraphML and GEXF they become U+FFFD, and a carriage return becomes a line feed
(an XML parser would turn it into one anyway). The RDF exports keep every character.
"""

from __future__ import annotations

import csv
import io
import re
from typing import Any

import networkx as nx
import pyoxigraph as ox
from rdflib import RDF, RDFS, Graph
from rdflib.term import Node

from graphkit.rdf.io import store_of
from graphkit.rdf.reader import Reader, Term, text
from graphkit.rdf.vocab import GK

_NOT_XML = re.compile("[^\t\n\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_GEXF_DATE = re.compile(r' lastmodifieddate="[0-9-]+"')
# cells a spreadsheet would run as a formula (CSV injection); see csv_cell
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
CSV_COLUMNS = (
    "Id", "Source", "Target", "Type", "Label", "Weight",
    "status", "articles", "source_label", "target_label",
)  # fmt: skip


def local_name(node: Node | Term) -> str:
    """The last path segment of an IRI: a node or edge id.

    >>> from rdflib import URIRef
    >>> local_name(URIRef("https://w3id.org/graphkit/id/entity/donald-trump-6670d985"))
    'donald-trump-6670d985'
    """
    return str(node if isinstance(node, Node) else text(node)).rsplit("/", 1)[-1]


def _add_entity(network: nx.MultiDiGraph, reader: Reader, entity: Term) -> str:
    node = local_name(entity)
    if node not in network:
        network.add_node(
            node,
            label=str(reader.py(entity, RDFS.label) or node),
            type=str(reader.py(entity, GK.entityType) or ""),
            mentions=int(reader.py(entity, GK.mentionCount) or 0),
        )
    return node


def claim_network(graph: Graph | ox.Store | Reader) -> nx.MultiDiGraph:
    """Entities and claims as a directed multigraph, built in a sorted order, from a
    store (or an rdflib graph, put in one)."""
    if isinstance(graph, Graph):
        graph = store_of(graph)
    reader = graph if isinstance(graph, Reader) else Reader(graph)
    network = nx.MultiDiGraph()
    for entity in sorted(reader.all(GK.entityType), key=lambda t: str(text(t))):
        _add_entity(network, reader, entity)
    for claim in reader.of_type(GK.Claim):
        ends = [reader.value(claim, p) for p in (RDF.subject, RDF.predicate, RDF.object)]
        if any(end is None for end in ends):
            continue
        subject, relation, obj = (end for end in ends if end is not None)
        sources = int(reader.py(claim, GK.sourceCount) or 0)
        network.add_edge(
            _add_entity(network, reader, subject),
            _add_entity(network, reader, obj),
            key=local_name(claim),
            id=local_name(claim),
            label=str(reader.py(relation, RDFS.label) or local_name(relation)),
            status=str(reader.py(claim, GK.status)),
            weight=sources,
            articles=int(reader.py(claim, GK.articleCount) or 0),
        )
    return network


def xml_text(value: str) -> str:
    """``value`` as XML 1.0 can carry it.

    >>> xml_text("a\\x00b\\r\\nc\\rd")
    'a\\ufffdb\\nc\\nd'
    """
    return _NOT_XML.sub("\ufffd", value.replace("\r\n", "\n").replace("\r", "\n"))


def _xml_safe(network: nx.MultiDiGraph) -> nx.MultiDiGraph:
    def clean(data: dict[str, Any]) -> dict[str, Any]:
        return {k: xml_text(v) if isinstance(v, str) else v for k, v in data.items()}

    safe = nx.MultiDiGraph()
    safe.add_nodes_from((n, clean(d)) for n, d in network.nodes(data=True))
    safe.add_edges_from((u, v, k, clean(d)) for u, v, k, d in network.edges(keys=True, data=True))
    return safe


def generate_graphml(graph: Graph | ox.Store) -> str:
    """GraphML of the claim network (for yEd, Cytoscape, networkx)."""
    return "\n".join(nx.generate_graphml(_xml_safe(claim_network(graph)))) + "\n"


def generate_gexf(graph: Graph | ox.Store) -> str:
    """GEXF of the claim network (for Gephi), without networkx's date of writing, so
    the file is the same from build to build."""
    text = "\n".join(nx.generate_gexf(_xml_safe(claim_network(graph))))
    return _GEXF_DATE.sub("", text, count=1) + "\n"


def csv_cell(value: object) -> str:
    """A CSV cell that a spreadsheet shows as text: a leading ``'`` defuses a cell
    that would start a formula (article text is untrusted).

    >>> csv_cell("=HYPERLINK(1)"), csv_cell("Putin"), csv_cell(3)
    ("'=HYPERLINK(1)", 'Putin', '3')
    """
    cell = str(value)
    return "'" + cell if cell.startswith(_FORMULA_START) else cell


def generate_edges_csv(graph: Graph | ox.Store) -> str:
    """One row per claim under Gephi's column names (Id, Source, Target, Type, Label,
    Weight) and graphkit's (status, articles, labels of the ends); RFC 4180 line ends,
    so a line break inside a cell is always quoted."""
    network = claim_network(graph)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for source, target, data in network.edges(data=True):
        row = (
            data["id"], source, target, "Directed", data["label"], data["weight"],
            data["status"], data["articles"],
            network.nodes[source]["label"], network.nodes[target]["label"],
        )  # fmt: skip
        writer.writerow([csv_cell(cell) for cell in row])
    return out.getvalue()
