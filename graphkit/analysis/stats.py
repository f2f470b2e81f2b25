"""Counts and network analytics of a graph: what ``graphkit stats`` prints.

The analytics run on the claim network (:func:`graphkit.export.network.claim_network`)
seen as a simple undirected graph: two actors are linked when any claim joins them,
weighted by the sentences that state those claims. Entities that take part in no
claim (a source only quoted, say) are counted but left out of the analytics; concepts
and propositions ("optimism", "that ...") shape the network but are not ranked.

(Named ``stats`` and not ``analyze``: a ``graphkit.analyze`` module would replace the
``graphkit.analyze()`` function on the package as soon as it was imported.)
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import asdict, dataclass

import networkx as nx
import pyoxigraph as ox
from rich.markup import escape
from rich.table import Table

from graphkit.export.network import claim_network
from graphkit.rdf.reader import Reader, count_triples, text
from graphkit.rdf.vocab import GK
from graphkit.types import NOT_ACTORS, STATUSES

EXACT_BETWEENNESS_MAX = 1000  # nodes; beyond, betweenness samples this many sources


@dataclass(frozen=True)
class Ranked:
    """One actor in a ranking."""

    id: str
    label: str
    type: str
    score: float


@dataclass(frozen=True)
class Stats:
    """Counts, rankings, component sizes and communities (member labels, most
    connected first), each largest first."""

    counts: tuple[tuple[str, int], ...]
    degree: tuple[Ranked, ...]
    betweenness: tuple[Ranked, ...]
    components: tuple[int, ...]
    communities: tuple[tuple[str, ...], ...]
    betweenness_sampled: bool = False


def count_graph(graph: ox.Store | Reader) -> tuple[tuple[str, int], ...]:
    """Triples, articles, assertions, claims by status, relations and entities by type."""
    reader = graph if isinstance(graph, Reader) else Reader(graph)
    statuses = Counter(text(s) for _, s in reader.pairs(GK.status) if isinstance(s, ox.Literal))
    types = Counter(str(text(t)) for _, t in reader.pairs(GK.entityType))
    return (
        ("triples", count_triples(reader.store)),
        ("articles", len(reader.of_type(GK.Article))),
        ("assertions", len(reader.of_type(GK.Assertion))),
        ("claims", len(reader.of_type(GK.Claim))),
        *((f"claims: {s}", statuses[s]) for s in STATUSES),
        ("relations", len(reader.of_type(GK.Relation))),
        ("entities", sum(types.values())),
        *(
            (f"entities: {t}", n)
            for t, n in sorted(types.items(), key=lambda i: (-i[1], str(i[0])))
        ),
    )


def actor_graph(graph: ox.Store | Reader) -> nx.Graph:
    """The claim network as a simple undirected weighted graph, isolated nodes left out."""
    network = claim_network(graph)
    simple = nx.Graph()
    for source, target, data in network.edges(data=True):
        if source == target:
            continue
        weight = simple.get_edge_data(source, target, {}).get("weight", 0) + data["weight"]
        simple.add_edge(source, target, weight=weight)
    for node in simple:
        simple.nodes[node].update(network.nodes[node])
    return simple


def _ranked(simple: nx.Graph, scores: dict[str, float], top: int) -> tuple[Ranked, ...]:
    def label(node: str) -> str:
        return str(simple.nodes[node].get("label", node))

    actors = [n for n in scores if simple.nodes[n].get("type") not in NOT_ACTORS]
    order = sorted(actors, key=lambda n: (-scores[n], label(n), n))[:top]
    return tuple(
        Ranked(n, label(n), str(simple.nodes[n].get("type", "")), round(scores[n], 6))
        for n in order
    )


def _communities(simple: nx.Graph, seed: int) -> tuple[tuple[str, ...], ...]:
    found = nx.community.louvain_communities(simple, weight="weight", seed=seed)
    degree = dict(simple.degree(weight="weight"))
    groups = [
        tuple(
            str(simple.nodes[n].get("label", n))
            for n in sorted(members, key=lambda n: (-degree[n], str(n)))
        )
        for members in found
    ]
    return tuple(sorted(groups, key=lambda g: (-len(g), g)))


def generate_stats(graph: ox.Store, top: int = 10, seed: int = 7) -> Stats:
    """Counts and analytics of ``graph``; the same graph and seed give the same Stats.

    Betweenness is exact up to :data:`EXACT_BETWEENNESS_MAX` nodes, then estimated
    from that many sampled sources (seeded)."""
    reader = Reader(graph)
    simple = actor_graph(reader)
    isolated = sum(len(kinds) for kinds in reader.all(GK.entityType).values()) - len(simple)
    counts = (*count_graph(reader), ("entities in no claim", max(isolated, 0)))
    if len(simple) == 0:
        return Stats(counts, (), (), (), ())
    sampled = len(simple) > EXACT_BETWEENNESS_MAX
    betweenness = nx.betweenness_centrality(
        simple, k=EXACT_BETWEENNESS_MAX if sampled else None, seed=seed
    )
    components = sorted((len(c) for c in nx.connected_components(simple)), reverse=True)
    return Stats(
        counts=counts,
        degree=_ranked(simple, nx.degree_centrality(simple), top),
        betweenness=_ranked(simple, betweenness, top),
        components=tuple(components),
        communities=_communities(simple, seed),
        betweenness_sampled=sampled,
    )


def stats_tables(stats: Stats) -> list[Table]:
    """Rich tables of ``stats``, for the terminal; label cells are escaped (they come
    from article text, and rich would read ``[b]`` as markup)."""
    counts = Table("what", "count", title="counts")
    for name, value in stats.counts:
        counts.add_row(name, str(value))
    tables = [counts]
    sampled = " (sampled)" if stats.betweenness_sampled else ""
    for title, ranking in (
        ("degree centrality", stats.degree),
        (f"betweenness centrality{sampled}", stats.betweenness),
    ):
        table = Table("actor", "type", "score", title=title)
        for ranked in ranking:
            table.add_row(escape(ranked.label), ranked.type, f"{ranked.score:.4f}")
        tables.append(table)
    sizes = ", ".join(map(str, stats.components[:10])) + (", …" * (len(stats.components) > 10))
    shape = Table("connected components", "communities (louvain)", title="structure")
    shape.add_row(f"{len(stats.components)}: sizes {sizes}", str(len(stats.communities)))
    tables.append(shape)
    groups = Table("size", "members, most connected first", title="communities")
    for members in stats.communities[:10]:
        shown = ", ".join(members[:6]) + (", …" if len(members) > 6 else "")
        groups.add_row(str(len(members)), escape(shown))
    tables.append(groups)
    return tables


def stats_json(stats: Stats) -> str:
    """``stats`` as JSON, for scripts."""
    return json.dumps(asdict(stats), ensure_ascii=False, indent=2) + "\n"
