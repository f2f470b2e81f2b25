"""The page's data, made from what :mod:`graphkit.export.html.data` read from the graph.

Actors come first: persons, countries, governments, organisations, groups and unnamed
sources are the nodes drawn by default, and the claims between them the edges. A
claim whose other end is a concept, a place or a quoted statement (a proposition) is
a line in the panel of its actor, and a node only when the reader asks. An actor's
quoted words that name other actors ("Putin said [Biden would be ...]") also link the
speaker to each of them with a light "speaks of" line, which is no claim.

Every statement is in ``sources`` once; edges and panels refer to it by its index.
Each source carries the span of days it is about (its time phrase's resolved date,
else its article's date) and the span of its article's date, so the page can filter
by time without parsing a date.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from graphkit.export.html.big import MAX_ACTORS, cap, fold
from graphkit.export.html.dates import span
from graphkit.export.html.layout import layout, place_around
from graphkit.export.html.near import reach
from graphkit.export.html.speech import (
    Sources,
    first_last,
    mention_edge,
    mentions,
    speech,
)
from graphkit.export.html.style import (
    KIND_STYLE,
    MAX_WIDTH,
    MENTION_STYLE,
    NO_EVENT,
    NOT_DRAWN,
    QUAD_STYLE,
    TYPE_STYLE,
)

if TYPE_CHECKING:
    from graphkit.export.html.data import ClaimKey, GraphData, Positions, Statement
    from graphkit.export.html.entities import Entity, EntityTable

QUOTE_LABEL = "“…”"  # a proposition's node label: its words stay in the panel


def _local(iri: str) -> str:
    return iri.rsplit("/", 1)[-1]


def view_data(
    read: GraphData,
    actor: str | None,
    hops: int,
    min_confidence: float,
    positions: Positions | None,
    limit: int | None = MAX_ACTORS,
) -> dict[str, Any]:
    """The data of one view (see :func:`graphkit.export.html.data.generate_view_data`);
    the whole graph's shows its ``limit`` most-connected actors (:mod:`.big`)."""
    claims = read.claims_from(min_confidence)
    capped = None
    if actor is not None:
        near = reach(read.adjacent(min_confidence), actor, hops)
        claims = [c for c in claims if c[0][0] in near and c[0][2] in near]
    else:
        every = claims
        claims, capped, actors = cap(read, claims, limit)
    entities = read.entities
    ends = {end for key, _, _ in claims for end in (key[0], key[2])}
    ends |= {actor} if actor else set()
    if capped is not None:  # the claims about what is not drawn, in the actors' details
        folded = fold(read, every, actors, _folded_label(read))
        ends |= set(folded)
        capped["folded"] = {_local(iri): lines for iri, lines in sorted(folded.items())}
    sources = Sources(read)
    edges = [_edge(i, key, sts, iri, read, sources) for i, (key, sts, iri) in enumerate(claims)]
    _bend_parallel(edges)
    drawn = {iri for iri in ends if _drawn(entities, iri)}
    spoken = mentions(claims, drawn, entities, sources)
    edges += [mention_edge(i, pair, idx, sources) for i, (pair, idx) in enumerate(spoken)]
    nodes = _nodes(sorted(ends), entities, read, edges, sources)
    _place(nodes, edges, positions)
    if capped is not None:
        capped["shown"] = sum(1 for n in nodes if n["actor"])
    found = {
        "nodes": nodes,
        "edges": edges,
        "sources": sources.items,
        "articles": _articles(read, sources),
        "legend": _legend(nodes),
        "kinds": _kinds(edges),
        "quads": _quads(edges),
        "time": _time_span(sources.items),
        "colorBy": "event" if any(e["quad"] and e["actors"] for e in edges) else "status",
        "focus": {"id": _local(actor), "hops": hops} if actor else None,
    }
    if capped is not None:  # only then: the view of a smaller graph is as it was
        found["capped"] = capped
    return found


def _drawn(entities: EntityTable, iri: str) -> bool:
    kind = entities.type_of(iri)
    return kind is not None and kind not in NOT_DRAWN


def _edge(
    index: int,
    key: ClaimKey,
    statements: list[Statement],
    iri: str,
    read: GraphData,
    sources: Sources,
) -> dict[str, Any]:
    subject, predicate, obj, status = key
    edge_id = f"e{index}"
    found = [sources.add(st, edge_id) for st in statements]
    items = [sources.items[i] for i in found]
    lemma = read.relations.get(predicate, _local(predicate))
    kind = next(k for k in KIND_STYLE if any(st.kind == k for st in statements))
    color, dashes, _ = KIND_STYLE[kind]
    quads = Counter(s["event"]["quad"] for s in items if s["event"] and s["event"]["quad"])
    return {
        "id": edge_id,
        "claim": _local(iri),
        "from": _local(subject),
        "to": _local(obj),
        "relation": lemma,
        "label": _edge_label(lemma, status, items),
        "status": status,
        "kind": kind,
        "color": color,
        "dashes": dashes,
        "width": min(MAX_WIDTH, 1 + len(found)),
        "confidence": max(s["confidence"] for s in items),
        "articles": sorted({s["article"] for s in items if s["article"]}),
        "sources": found,
        **first_last(items),
        "quad": min(quads, key=lambda q: (-quads[q], q)) if quads else None,
        "categories": sorted({s["event"]["category"] for s in items if s["event"]}),
        "actors": _drawn(read.entities, subject) and _drawn(read.entities, obj),
    }


def _folded_label(read: GraphData) -> Callable[[ClaimKey, list[Statement]], str]:
    def label(key: ClaimKey, statements: list[Statement]) -> str:
        lemma = read.relations.get(key[1], _local(key[1]))
        return _edge_label(lemma, key[3], [st.marks() for st in statements])

    return label


def _edge_label(lemma: str, status: str, sources: list[dict[str, Any]]) -> str:
    """ "may not alter", "could authorize", "believe?": the words a reader needs so as
    not to take the edge for a plain fact."""
    modalities = {s["modality"] for s in sources}
    words = [modalities.pop()] if len(modalities) == 1 and None not in modalities else []
    words += ["not"] if status == "negated" else []
    hedge = "?" if all(s["hedged"] for s in sources) else ""
    return " ".join([*words, lemma]) + hedge


def _bend_parallel(edges: list[dict[str, Any]]) -> None:
    """Parallel edges between one pair of nodes are bent apart so each stays visible
    and clickable: alternately on either side, further out each time; the side is
    flipped for edges drawn against the pair's order."""
    seen: dict[tuple[str, ...], int] = defaultdict(int)
    for edge in edges:
        pair = tuple(sorted((edge["from"], edge["to"])))
        rank = seen[pair]
        if rank:
            clockwise = (rank % 2 == 1) == (pair[0] == edge["from"])
            edge["smooth"] = {
                "enabled": True,
                "type": "curvedCW" if clockwise else "curvedCCW",
                "roundness": round(0.25 * ((rank + 1) // 2), 2),
            }
        seen[pair] += 1


def _nodes(
    ends: list[str],
    entities: EntityTable,
    read: GraphData,
    edges: list[dict[str, Any]],
    sources: Sources,
) -> list[dict[str, Any]]:
    neighbours: dict[str, set[str]] = defaultdict(set)
    for edge in edges:
        if edge["actors"] and edge["from"] != edge["to"]:
            neighbours[edge["from"]].add(edge["to"])
            neighbours[edge["to"]].add(edge["from"])
    said, about, weight = speech(sources.items, edges)
    roles = defaultdict(list)
    for role in read.roles:
        roles[_local(role.holder)].append(
            {
                "title": role.title,
                "of": role.of,
                "date": role.date,
                "article": role.article,
                "day": span(role.date),
            }
        )
    nodes = []
    for iri in ends:
        node_id = _local(iri)
        entity = entities.get(iri)
        kind = entity.type if entity else "Concept"
        color, shape = TYPE_STYLE.get(kind, TYPE_STYLE["Concept"])  # type: ignore[call-overload]
        label = entity.label if entity else node_id
        nodes.append({
            "id": node_id,
            "label": QUOTE_LABEL if kind == "Proposition" else label,
            "text": label if kind == "Proposition" else None,
            "type": kind,
            "actor": kind not in NOT_DRAWN,
            "color": color,
            "shape": shape,
            "degree": len(neighbours[node_id]),
            "weight": weight[node_id],
            "mentions": entity.mentions if entity else 0,
            "aliases": list(entity.aliases) if entity else [],
            "roles": roles[node_id] or [{"title": r, "day": None} for r in _roles(entity)],
            "merges": list(entity.merges) if entity else [],
            "country": entity.country if entity else None,
            "affiliation": entity.affiliation if entity else None,
            "code": entity.code if entity else None,
            "said": said[node_id],
            "about": about[node_id],
        })  # fmt: skip
    order = sorted(nodes, key=lambda n: (-n["degree"], -n["weight"], n["label"], n["id"]))
    for rank, node in enumerate(order):
        node["rank"] = rank
    return nodes


def _roles(entity: Entity | None) -> tuple[str, ...]:
    return entity.roles if entity else ()


def _place(
    nodes: list[dict[str, Any]], edges: list[dict[str, Any]], positions: Positions | None
) -> None:
    """Actors laid out on the links between actors; the other nodes around them."""
    actors = [n["id"] for n in nodes if n["actor"]]
    links = [(e["from"], e["to"]) for e in edges if e["actors"]]
    fixed = dict(positions or {})
    placed = layout(actors, links, fixed={k: v for k, v in fixed.items() if k in set(actors)})
    others = [n["id"] for n in nodes if not n["actor"]]
    all_links = [(e["from"], e["to"]) for e in edges if not e["actors"]]
    placed.update(place_around(placed, others, all_links, fixed=fixed))
    for node in nodes:
        node["x"], node["y"] = placed[node["id"]]


def _articles(read: GraphData, sources: Sources) -> list[dict[str, Any]]:
    cited = {s["article"] for s in sources.items}
    found = [{**a, "day": span(a["date"])} for a in read.articles.values() if a["id"] in cited]
    return sorted(found, key=lambda a: str(a["id"] or ""))


def _legend(nodes: list[dict[str, Any]]) -> list[dict[str, Any]]:
    counts = Counter(node["type"] for node in nodes)
    return [
        {"type": t, "color": TYPE_STYLE[t][0], "shape": TYPE_STYLE[t][1], "count": counts[t],
         "actor": t not in NOT_DRAWN}
        for t in sorted(counts)
    ]  # fmt: skip


def _kinds(edges: list[dict[str, Any]]) -> list[dict[str, Any]]:
    counts = Counter(edge["kind"] for edge in edges)
    styles = {**KIND_STYLE, "mention": MENTION_STYLE}
    return [
        {"kind": k, "color": c, "dashes": d, "meaning": m, "count": counts[k]}
        for k, (c, d, m) in styles.items()
    ]


def _quads(edges: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Each quad class (and "none") with its colour and the categories of its claims."""
    categories: dict[str | None, Counter[str]] = defaultdict(Counter)
    for edge in edges:
        if edge["kind"] == "mention":
            continue
        categories[edge["quad"]].update(edge["categories"] or ["none"])
    rows: list[dict[str, Any]] = [
        {"quad": q, "color": c, "label": label, "categories": sorted(categories[q].items())}
        for q, (c, label) in QUAD_STYLE.items()
    ]
    rows.append({"quad": None, "color": NO_EVENT[0], "label": NO_EVENT[1],
                 "categories": sorted(categories[None].items())})  # fmt: skip
    return rows


def _time_span(sources: list[dict[str, Any]]) -> dict[str, int] | None:
    days = [d for s in sources for key in ("about", "reported") if s[key] for d in s[key]]
    return {"min": min(days), "max": max(days)} if days else None
