"""Who said what: the statements a view shows, each once (:class:`Sources`), the words
a statement quotes, the actors those words name (the "speaks of" lines), and for each
node what it said and what others said about it."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from graphkit.export.html.dates import iso, span
from graphkit.export.html.style import MENTION_STYLE

if TYPE_CHECKING:
    from graphkit.export.html.data import ClaimKey, Entity, GraphData, Statement

_WORD = re.compile(r"\w+(?:[.’'-]\w+)*")
_POSSESSIVE = re.compile(r"(?:['’]s|['’])$")
_MAX_NAME_WORDS = 6
_NOT_NAMES = frozenset({"we", "i", "he", "she", "they", "it", "you", "us", "our"})


def _local(iri: str) -> str:
    return iri.rsplit("/", 1)[-1]


class Sources:
    """Every statement the view shows, once, in the order first met, by index."""

    def __init__(self, read: GraphData) -> None:
        self.read = read
        self.items: list[dict[str, Any]] = []
        self.index: dict[str, int] = {}

    def add(self, st: Statement, edge: str) -> int:
        if st.iri in self.index:
            return self.index[st.iri]
        source = dict(st.source)
        source["edge"] = edge
        source["speaker"] = _local(source["speaker"]) if source["speaker"] else None
        source["about"] = span(source["date"]) or span(source["article_date"])
        source["reported"] = span(source["article_date"])
        source["quote"] = quote_of(st, self.read.entities)
        self.index[st.iri] = len(self.items)
        self.items.append(source)
        return self.index[st.iri]


def quote_of(st: Statement, entities: Mapping[str, Entity]) -> str | None:
    """The quoted words of a statement whose object is a proposition."""
    entity = entities.get(st.object)
    if entity is None or entity.type != "Proposition":
        return None
    source = st.source
    start, end = source["object"]
    base, sentence = source["sentence_start"], source["sentence"]
    ints = isinstance(start, int) and isinstance(end, int)
    if ints and 0 <= start - base < end - base <= len(sentence):
        return str(sentence[start - base : end - base])
    return entity.label


def first_last(items: Iterable[dict[str, Any]]) -> dict[str, str | None]:
    spans = [s["about"] for s in items if s["about"]]
    if not spans:
        return {"first": None, "last": None}
    return {"first": iso(min(a for a, _ in spans)), "last": iso(max(b for _, b in spans))}


class Names:
    """Actors by the names (labels and aliases) a quotation may call them."""

    def __init__(self, entities: Mapping[str, Entity], drawn: set[str]) -> None:
        owners: dict[str, set[str]] = defaultdict(set)
        for iri in drawn:
            entity = entities[iri]
            for name in (entity.label, *entity.aliases):
                key = _name_key(name)
                if key and any(c.isupper() for c in name) and key not in _NOT_NAMES:
                    owners[key].add(iri)
        self.names = {key: next(iter(o)) for key, o in owners.items() if len(o) == 1}

    def named_in(self, text: str) -> list[str]:
        """The actors whose names ``text`` holds, in IRI order."""
        words = [_POSSESSIVE.sub("", w).casefold() for w in _WORD.findall(text)]
        found = set()
        for i in range(len(words)):
            for n in range(1, min(_MAX_NAME_WORDS, len(words) - i) + 1):
                hit = self.names.get(" ".join(words[i : i + n]))
                if hit:
                    found.add(hit)
        return sorted(found)


def _name_key(name: str) -> str:
    return " ".join(_POSSESSIVE.sub("", w).casefold() for w in _WORD.findall(name))


def mentions(
    claims: list[tuple[ClaimKey, list[Statement], str]],
    drawn: set[str],
    entities: Mapping[str, Entity],
    sources: Sources,
) -> list[tuple[tuple[str, str], list[int]]]:
    """(speaker, actor named) -> the speaker's statements whose quoted words name it."""
    names = Names(entities, drawn)
    found: dict[tuple[str, str], list[int]] = defaultdict(list)
    for (subject, _, _, _), statements, _ in claims:
        if subject not in drawn:
            continue
        for st in statements:
            index = sources.index[st.iri]
            quote = sources.items[index]["quote"]
            for named in names.named_in(quote) if quote else ():
                if named != subject:
                    found[(subject, named)].append(index)
    return sorted(found.items())


def mention_edge(
    index: int, pair: tuple[str, str], found: list[int], sources: Sources
) -> dict[str, Any]:
    items = [sources.items[i] for i in found]
    color, dashes, _ = MENTION_STYLE
    return {
        "id": f"m{index}",
        "claim": None,
        "claims": sorted({sources.items[i]["edge"] for i in found}),
        "from": _local(pair[0]),
        "to": _local(pair[1]),
        "relation": "speaks of",
        "label": "speaks of",
        "status": "mention",
        "kind": "mention",
        "color": color,
        "dashes": dashes,
        "width": 1.5,
        "confidence": max(s["confidence"] for s in items),
        "articles": sorted({s["article"] for s in items if s["article"]}),
        "sources": found,
        **first_last(items),
        "quad": None,
        "categories": [],
        "actors": True,
    }


def speech(
    sources: list[dict[str, Any]], edges: list[dict[str, Any]]
) -> tuple[dict[str, list[int]], dict[str, list[int]], Counter[str]]:
    """What each node said (its quoted words, and statements reported as its), what
    others said about it (their words that name it, and statements on it reported by
    someone else), and how many statements it takes part in."""
    said: dict[str, set[int]] = defaultdict(set)
    about: dict[str, set[int]] = defaultdict(set)
    weight: Counter[str] = Counter()
    for edge in edges:
        ends = {edge["from"], edge["to"]}
        for index in edge["sources"]:
            source = sources[index]
            if edge["kind"] == "mention":
                about[edge["to"]].add(index)
                continue
            weight.update(ends)
            if source["quote"] is not None:
                said[edge["from"]].add(index)
            if source["speaker"]:
                said[source["speaker"]].add(index)
            if source["attribution"] is not None:
                for end in ends - {source["speaker"]}:
                    about[end].add(index)
    for node, found in said.items():
        weight[node] += len({i for i in found if sources[i]["speaker"] == node})
    return (
        defaultdict(list, {k: sorted(v) for k, v in said.items()}),
        defaultdict(list, {k: sorted(v) for k, v in about.items()}),
        weight,
    )
