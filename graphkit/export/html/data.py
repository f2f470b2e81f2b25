"""The data behind the HTML view, read from the RDF graph (so any export can be viewed).

Each ``gk:Claim`` of the graph (its statements with the same subject, relation,
object and status) is drawn as one edge that lists all of its sources: the grouping
is the graph's own (:func:`graphkit.rdf.build.group_claims`), never done again here.
An uncertain edge is drawn as hedged, attributed or modal, the first that one of its
sources is. Everything is sorted and the layout is seeded, so one graph always
gives the same data, byte for byte.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from rdflib import RDF, RDFS, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, SKOS
from rdflib.term import Node

from graphkit.export.html.layout import layout
from graphkit.rdf.build import SCHEMA_URL
from graphkit.rdf.vocab import GK
from graphkit.types import EntityType

TYPE_STYLE: dict[EntityType, tuple[str, str]] = {
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
# Edge kind -> colour, dash pattern (False: solid) and what it means. The order is
# the precedence: a negated claim that is also reported is drawn as negated.
KIND_STYLE: dict[str, tuple[str, bool | list[int], str]] = {
    "negated": ("#d62728", [8, 5], "negated (not, never, has yet to …)"),
    "hedged": ("#ff7f0e", [2, 4], "hedged (reportedly, allegedly …)"),
    "attributed": ("#9467bd", [12, 4, 2, 4], "reported by a source"),
    "modal": ("#1f77b4", [6, 3], "modal or intended (could, will, hopes to …)"),
    "fact": ("#555555", False, "stated as fact"),
}
MAX_WIDTH = 8


@dataclass(frozen=True)
class Statement:
    """One gk:Assertion as the view needs it: its ends, its kind (how it is drawn) and
    its source."""

    subject: str
    predicate: str
    object: str
    kind: str
    source: dict[str, Any]


ClaimKey = tuple[str, str, str, str]  # subject, relation, object IRIs and the status


@dataclass(frozen=True)
class Statements:
    """What the view reads from a graph, once, however many views are drawn from it:
    the articles, the statements (in IRI order) and each claim's statements, by the
    claim's ends and status, in that order."""

    articles: dict[str, dict[str, str | None]]
    statements: list[Statement]
    claims: list[tuple[ClaimKey, list[Statement]]]

    @classmethod
    def read(cls, graph: Graph) -> Statements:
        articles = read_articles(graph)
        statements = read_statements(graph, articles)
        return cls(articles, list(statements.values()), read_claims(graph, statements))


def _value(node: Node | None) -> Any:
    return node.toPython() if isinstance(node, Literal) else node


def _text(graph: Graph, node: Node | None, prop: URIRef) -> str | None:
    value = None if node is None else graph.value(node, prop)
    return None if value is None else str(value)


def _local(node: Node | str) -> str:
    return str(node).rsplit("/", 1)[-1]


def _kind(source: dict[str, Any]) -> str:
    flags = {
        "negated": source["negated"],
        "hedged": source["hedged"],
        "attributed": source["attribution"] is not None,
        "modal": source["modality"] is not None,
    }
    return next((name for name, on in flags.items() if on), "fact")


def read_articles(graph: Graph) -> dict[str, dict[str, str | None]]:
    """Each article's id, title, date, source and URL, by article IRI."""
    return {str(a): _article(graph, a) for a in graph.subjects(RDF.type, GK.Article)}


def read_statements(
    graph: Graph, articles: dict[str, dict[str, str | None]]
) -> dict[str, Statement]:
    """Every statement with both ends by IRI, in IRI order."""
    found: dict[str, Statement] = {}
    for node in sorted(graph.subjects(RDF.type, GK.Assertion), key=str):
        props = dict(graph.predicate_objects(node))
        ends = [props.get(p) for p in (RDF.subject, RDF.predicate, RDF.object)]
        if any(end is None for end in ends):
            continue
        source = _source(graph, props, articles)
        subject, predicate, obj = (str(end) for end in ends)
        found[str(node)] = Statement(subject, predicate, obj, _kind(source), source)
    return found


def read_claims(
    graph: Graph, statements: dict[str, Statement]
) -> list[tuple[ClaimKey, list[Statement]]]:
    """Each gk:Claim's key and its evidence statements (in IRI order), sorted by key."""
    claims = []
    for node in graph.subjects(RDF.type, GK.Claim):
        ends = [graph.value(node, p) for p in (RDF.subject, RDF.predicate, RDF.object)]
        subject, predicate, obj = (str(end) for end in ends)
        key = (subject, predicate, obj, str(graph.value(node, GK.status)))
        evidence = sorted(str(e) for e in graph.objects(node, GK.evidence))
        claims.append((key, [statements[e] for e in evidence if e in statements]))
    return sorted(claims, key=lambda claim: claim[0])


def _article(graph: Graph, node: Node) -> dict[str, str | None]:
    return {
        "id": _text(graph, node, GK.articleId) or _local(node),
        "title": _text(graph, node, DCTERMS.title),
        "date": _text(graph, node, DCTERMS.date),
        "source": _text(graph, node, DCTERMS.source),
        "url": _text(graph, node, SCHEMA_URL),
    }


def _source(
    graph: Graph, props: dict[Node, Node], articles: dict[str, dict[str, str | None]]
) -> dict[str, Any]:
    py = lambda prop: _value(props.get(prop))  # noqa: E731
    article = articles.get(str(props.get(PROV.wasDerivedFrom)), {})
    confidence = py(GK.confidence)
    return {
        "sentence": py(GK.sentence) or "",
        "sentence_start": py(GK.sentenceStart) or 0,
        "subject": [py(GK.subjectStart), py(GK.subjectEnd)],
        "object": [py(GK.objectStart), py(GK.objectEnd)],
        "relation": py(GK.relationText),
        "confidence": 0.0 if confidence is None else float(confidence),
        "negated": bool(py(GK.negated)),
        "hedged": bool(py(GK.hedged)),
        "modality": py(GK.modality),
        "attribution": py(GK.attributionText),
        "attribution_span": [py(GK.attributionStart), py(GK.attributionEnd)],
        "attributed_to": _text(graph, props.get(GK.attributedTo), RDFS.label),
        "cue": py(GK.attributionCue),
        "article": article.get("id"),
    }


def neighbourhood(pairs: Iterable[tuple[str, str]], start: str, hops: int) -> set[str]:
    """Nodes at most ``hops`` edges from ``start``, edges taken in either direction."""
    adjacent: dict[str, set[str]] = defaultdict(set)
    for a, b in pairs:
        adjacent[a].add(b)
        adjacent[b].add(a)
    reached, frontier = {start}, {start}
    for _ in range(max(0, hops)):
        frontier = {n for f in frontier for n in adjacent[f]} - reached
        reached |= frontier
    return reached


def generate_view_data(
    graph: Graph,
    actor: str | None = None,
    hops: int = 1,
    min_confidence: float = 0.0,
    read: Statements | None = None,
) -> dict[str, Any]:
    """Nodes, edges (with their sources), articles and legends, ready for vis-network.

    ``actor`` (an entity IRI) keeps only its ``hops``-neighbourhood; ``min_confidence``
    drops the statements below it before anything is drawn. ``read`` is the graph's
    :class:`Statements` when the caller has them already.
    """
    read = read if read is not None else Statements.read(graph)
    groups: dict[ClaimKey, list[Statement]] = {}
    for key, statements in read.claims:
        kept = [st for st in statements if st.source["confidence"] >= min_confidence]
        if kept:
            groups[key] = kept
    if actor is not None:
        near = neighbourhood(((k[0], k[2]) for k in groups), actor, hops)
        groups = {k: v for k, v in groups.items() if {k[0], k[2]} <= near}
    degrees: dict[str, int] = defaultdict(int, {actor: 0} if actor else {})
    for subject, _, obj, _ in groups:
        degrees[subject] += 1
        degrees[obj] += 1
    nodes = [_node(graph, URIRef(iri), degrees[iri]) for iri in sorted(degrees)]
    edges = _edges(graph, sorted(groups.items()))
    positions = layout([n["id"] for n in nodes], [(e["from"], e["to"]) for e in edges])
    for node in nodes:
        node["x"], node["y"] = positions[node["id"]]
    cited = {s["article"] for e in edges for s in e["sources"]}
    return {
        "nodes": nodes,
        "edges": edges,
        "articles": sorted((a for a in read.articles.values() if a["id"] in cited), key=_by_id),
        "legend": _legend(nodes),
        "kinds": _kinds(edges),
        "focus": {"id": _local(actor), "hops": hops} if actor else None,
    }


def _by_id(article: dict[str, str | None]) -> str:
    return article["id"] or ""


def _node(graph: Graph, node: URIRef, degree: int) -> dict[str, Any]:
    kind = _text(graph, node, GK.entityType) or "Concept"
    kind = kind if kind in TYPE_STYLE else "Concept"
    color, shape = TYPE_STYLE[kind]
    return {
        "id": _local(node),
        "label": _text(graph, node, RDFS.label) or _local(node),
        "type": kind,
        "color": color,
        "shape": shape,
        "degree": degree,
        "mentions": int(_value(graph.value(node, GK.mentionCount)) or 0),
        "aliases": sorted(str(a) for a in graph.objects(node, SKOS.altLabel)),
        "roles": sorted(str(r) for r in graph.objects(node, GK.holdsRole)),
        "merges": sorted(str(r) for r in graph.objects(node, GK.mergeReason)),
        "country": _text(graph, graph.value(node, GK.country), RDFS.label),
        "affiliation": _text(graph, graph.value(node, GK.affiliatedWith), RDFS.label),
    }


def _edges(
    graph: Graph, groups: list[tuple[tuple[str, str, str, str], list[Statement]]]
) -> list[dict[str, Any]]:
    """One edge per group, ids ``e0``, ``e1`` ... in sorted order; parallel edges
    between one pair of nodes are bent apart so each stays visible and clickable."""
    edges: list[dict[str, Any]] = []
    seen: dict[tuple[str, ...], int] = defaultdict(int)
    for index, ((subject, predicate, obj, status), statements) in enumerate(groups):
        sources = [st.source for st in statements]
        lemma = str(graph.value(URIRef(predicate), RDFS.label) or _local(predicate))
        kind = next(k for k in KIND_STYLE if any(st.kind == k for st in statements))
        color, dashes, _ = KIND_STYLE[kind]
        edge = {
            "id": f"e{index}",
            "from": _local(subject),
            "to": _local(obj),
            "relation": lemma,
            "label": _edge_label(lemma, status, sources),
            "status": status,
            "kind": kind,
            "color": color,
            "dashes": dashes,
            "width": min(MAX_WIDTH, len(sources)),
            "confidence": max(s["confidence"] for s in sources),
            "articles": sorted({s["article"] for s in sources if s["article"]}),
            "sources": sources,
        }
        pair = tuple(sorted((edge["from"], edge["to"])))
        if seen[pair]:
            edge["smooth"] = _bend(seen[pair], forward=pair[0] == edge["from"])
        seen[pair] += 1
        edges.append(edge)
    return edges


def _edge_label(lemma: str, status: str, sources: list[dict[str, Any]]) -> str:
    """ "may not alter", "could authorize", "believe?": the words a reader needs so as
    not to take the edge for a plain fact."""
    modalities = {s["modality"] for s in sources}
    words = [modalities.pop()] if len(modalities) == 1 and None not in modalities else []
    words += ["not"] if status == "negated" else []
    hedge = "?" if all(s["hedged"] for s in sources) else ""
    return " ".join([*words, lemma]) + hedge


def _bend(rank: int, forward: bool) -> dict[str, Any]:
    """Curve for the ``rank``-th edge of a pair: alternately on either side, further out
    each time; the side is flipped for edges drawn against the pair's order."""
    clockwise = (rank % 2 == 1) == forward
    roundness = round(0.25 * ((rank + 1) // 2), 2)
    return {
        "enabled": True,
        "type": "curvedCW" if clockwise else "curvedCCW",
        "roundness": roundness,
    }


def _legend(nodes: list[dict[str, Any]]) -> list[dict[str, Any]]:
    counts: dict[EntityType, int] = defaultdict(int)
    for node in nodes:
        counts[node["type"]] += 1
    return [
        {"type": t, "color": TYPE_STYLE[t][0], "shape": TYPE_STYLE[t][1], "count": counts[t]}
        for t in sorted(counts)
    ]


def _kinds(edges: list[dict[str, Any]]) -> list[dict[str, Any]]:
    counts: dict[str, int] = defaultdict(int)
    for edge in edges:
        counts[edge["kind"]] += 1
    return [
        {"kind": k, "color": c, "dashes": d, "meaning": m, "count": counts[k]}
        for k, (c, d, m) in KIND_STYLE.items()
    ]
