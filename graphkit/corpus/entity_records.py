"""An export folder's entity records by id, each read when first asked for (issue 15).

A grow (``--into``) read every record of ``entities.jsonl`` into an
:class:`~graphkit.types.Entity` before its merge: 366,000 at 5,000 articles, 6 to 9 s,
of which it used some hundreds (the entities its new articles name), the countries
and the bodies an office may belong to (a few percent). :class:`EntityRecords` keeps
each record's line by its id (read off the line's start) and makes the entity when
it is asked for; the entities of some types or countries are found by the text of
their ``"type"`` or ``"country"`` field in the line, then made and checked.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Collection, Iterator, Mapping
from pathlib import Path

from graphkit.corpus.records import entity_from_dict
from graphkit.errors import InputError
from graphkit.rdf.entity_index import EntityIndex
from graphkit.types import Entity

__all__ = ["EntityRecords", "entity_id"]


class EntityRecords(EntityIndex):
    """The entities of the record lines ``lines`` (by id, in the file's order: sorted),
    with ``changed`` over them (entities merged or added by a grow)."""

    def __init__(
        self, lines: dict[str, bytes], changed: Mapping[str, Entity] | None = None
    ) -> None:
        self._lines = lines
        self._changed = dict(changed or {})
        self._made: dict[str, Entity] = {}
        super().__init__(self._changed)

    @classmethod
    def read(cls, path: Path) -> EntityRecords:
        """The records of the JSON Lines file at ``path`` (blank lines skipped)."""
        lines: dict[str, bytes] = {}
        try:
            with path.open("rb") as handle:
                for line in handle:
                    if not line.isspace():
                        lines[entity_id(line)] = line
        except (OSError, ValueError, KeyError, TypeError) as exc:
            raise InputError(f"{path}: cannot read: {exc!r}") from exc
        return cls(lines)

    def changed_by(self, changed: Mapping[str, Entity]) -> EntityRecords:
        """These records with ``changed`` over them (the same lines, shared)."""
        return EntityRecords(self._lines, {**self._changed, **changed})

    def __getitem__(self, key: str) -> Entity:
        found = self._changed.get(key) or self._made.get(key)
        if found is None:
            found = self._made[key] = entity_from_dict(json.loads(self._lines[key]))
        return found

    def __iter__(self) -> Iterator[str]:
        if not self._changed:
            return iter(self._lines)
        return iter(sorted(self._lines.keys() | self._changed.keys()))

    def __len__(self) -> int:
        return len(self._lines) + sum(1 for key in self._changed if key not in self._lines)

    def __contains__(self, key: object) -> bool:
        return key in self._changed or key in self._lines

    def of_types(self, types: Collection[str]) -> list[Entity]:
        marks = [f'"type": {json.dumps(kind)}'.encode() for kind in types]
        return self._where(marks, lambda e: e.type in types)

    def in_countries(self, codes: Collection[str]) -> list[Entity]:
        marks = [f'"country": {json.dumps(code)}'.encode() for code in codes]
        return self._where(marks, lambda e: e.country in codes)

    def _where(self, marks: list[bytes], keep: Callable[[Entity], bool]) -> list[Entity]:
        """The entities, sorted by id, that ``keep`` keeps, of those whose line holds
        one of ``marks`` (a record as :func:`~graphkit.corpus.records.json_line` writes
        it: ``"field": value``, which a string's text never holds unescaped) and of
        the changed ones."""
        keys = {key for key, line in self._lines.items() if any(m in line for m in marks)}
        keys |= self._changed.keys()
        return [e for key in sorted(keys) if keep(e := self[key])]


def entity_id(line: bytes) -> str:
    r"""The id of an entity record's line, read off its start (its whole JSON when it
    does not start as graphkit writes it, or escapes its id).

    >>> entity_id(b'{"id": "putin-1a2b", "label": "Putin"}\n')
    'putin-1a2b'
    >>> entity_id(b'{"id": "a\\"b", "label": "x"}\n')
    'a"b'
    """
    head = b'{"id": "'
    end = line.find(b'"', len(head))
    if line.startswith(head) and end > 0 and b"\\" not in line[:end]:
        return line[len(head) : end].decode("utf-8")
    return str(json.loads(line)["id"])
