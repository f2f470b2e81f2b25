"""The entities the views read, each made from the graph's columns when first asked for.

A graph of 5,000 articles has 369,000 entities (most of them concepts, keyed per
article); the views draw some thousands. Making every one an :class:`Entity`, its
names sorted, took 2.8 s of the views' 9 s read at that size, in a build and in
every ``--into`` (issue 15). An :class:`EntityTable` answers as the dict of every
entity did (by IRI, in IRI order), making an entity only when it is asked for.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass

from rdflib import RDFS
from rdflib.namespace import SKOS

from graphkit.export.html.source import label_of, local_name
from graphkit.export.html.style import TYPE_STYLE
from graphkit.rdf.reader import Columnar, node, py
from graphkit.rdf.vocab import GK

__all__ = ["ENTITY_LISTS", "Entity", "EntityTable"]

# an entity's names and reasons, several to a node
ENTITY_LISTS = {"aliases": SKOS.altLabel, "merges": GK.mergeReason, "roles": GK.holdsRole}


@dataclass(frozen=True)
class Entity:
    """An entity node: its names, type (one the view can draw; ``declared`` is the
    graph's own), places and codes (labels, not IRIs)."""

    iri: str
    label: str
    type: str
    mentions: int
    aliases: tuple[str, ...]
    merges: tuple[str, ...]
    roles: tuple[str, ...]
    country: str | None
    affiliation: str | None
    code: str | None
    declared: str


class EntityTable(Mapping[str, Entity]):
    """Every entity with a type, by IRI, in IRI order: each made when first asked
    for, from columns read as they are asked (``sparse_column``)."""

    def __init__(self, reader: Columnar) -> None:
        self._kinds: dict[str, str] = reader.column(GK.entityType)
        self._labels: dict[str, str] = reader.column(RDFS.label)
        self._columns = (
            reader.sparse_column(GK.mentionCount, py),
            reader.sparse_column(GK.country, node),
            reader.sparse_column(GK.affiliatedWith, node),
            reader.sparse_column(GK.actorCode),
            *(reader.sparse_lists(p) for p in ENTITY_LISTS.values()),
        )
        self._made: dict[str, Entity] = {}
        self._order: list[str] | None = None

    def __getitem__(self, iri: str) -> Entity:
        found = self._made.get(iri)
        if found is None:
            found = self._made[iri] = self._entity(iri, self._kinds[iri])
        return found

    def get(self, iri: str, default: Entity | None = None) -> Entity | None:  # type: ignore[override]
        return self[iri] if iri in self._kinds else default

    def __contains__(self, iri: object) -> bool:
        return iri in self._kinds

    def declared(self, iri: str) -> str | None:
        """The type the graph gives ``iri`` (None: no entity), without making it."""
        return self._kinds.get(iri)

    def type_of(self, iri: str) -> str | None:
        """The type the view draws ``iri`` as (None: no entity), without making it."""
        kind = self._kinds.get(iri)
        return kind if kind is None or kind in TYPE_STYLE else "Concept"

    def label(self, iri: str) -> str:
        """The label of the entity ``iri``, without making it."""
        return self._labels.get(iri) or local_name(iri)

    def __iter__(self) -> Iterator[str]:
        if self._order is None:
            self._order = sorted(self._kinds)
        return iter(self._order)

    def __len__(self) -> int:
        return len(self._kinds)

    def _entity(self, iri: str, kind: str) -> Entity:
        mentions, country, affiliation, code, aliases, merges, roles = (
            column.get(iri) for column in self._columns
        )
        return Entity(
            iri,
            self.label(iri),
            self.type_of(iri) or "Concept",
            int(mentions or 0),
            tuple(sorted(aliases)) if aliases else (),
            tuple(sorted(merges)) if merges else (),
            tuple(sorted(roles)) if roles else (),
            label_of(self._labels, country),
            label_of(self._labels, affiliation),
            code,
            kind,
        )
