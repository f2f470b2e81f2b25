"""Entities by id, as growing a graph asks for them (issue 15).

A grow (``--into``) needs few of the old graph's entities by id (those its new
articles name), and of all of them only the countries and the bodies an office may
belong to (:data:`graphkit.resolve.roles.ROLE_TYPES`), and, when a country's node
moves, the entities of that country. :class:`EntityIndex` asks for just that: here of
a dict; :class:`graphkit.corpus.entity_records.EntityRecords` answers from an export
folder's records without reading every entity (366,000 at 5,000 articles).
"""

from __future__ import annotations

from collections.abc import Collection, Iterator, Mapping

from graphkit.types import Entity

__all__ = ["EntityIndex"]


class EntityIndex(Mapping[str, Entity]):
    """Entities by id, with those of some types or countries, sorted by id.

    >>> index = EntityIndex({"b": Entity("b", "Mali", "Country", country="MLI"),
    ...                      "a": Entity("a", "Goïta", "Person", country="MLI")})
    >>> [e.id for e in index.of_types({"Country"})], [e.id for e in index.in_countries({"MLI"})]
    (['b'], ['a', 'b'])
    """

    def __init__(self, by_id: Mapping[str, Entity]) -> None:
        self._by_id = by_id

    def __getitem__(self, key: str) -> Entity:
        return self._by_id[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._by_id)

    def __len__(self) -> int:
        return len(self._by_id)

    def __contains__(self, key: object) -> bool:
        return key in self._by_id

    def of_types(self, types: Collection[str]) -> list[Entity]:
        """The entities of the ``types``, sorted by id."""
        return [e for key in sorted(self) if (e := self[key]).type in types]

    def in_countries(self, codes: Collection[str]) -> list[Entity]:
        """The entities whose country is one of ``codes``, sorted by id."""
        return [e for key in sorted(self) if (e := self[key]).country in codes]

    @classmethod
    def of(cls, entities: Mapping[str, Entity]) -> EntityIndex:
        """``entities`` as an index (itself when it is one)."""
        return entities if isinstance(entities, EntityIndex) else cls(entities)
