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
import re
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
        self,
        lines: dict[str, bytes],
        changed: Mapping[str, Entity] | None = None,
        typed: dict[bytes | None, list[str]] | None = None,
    ) -> None:
        self._lines = lines
        self._changed = dict(changed or {})
        self._made: dict[str, Entity] = {}
        self._typed = typed if typed is not None else {}  # filled once, shared
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
        return EntityRecords(self._lines, {**self._changed, **changed}, self._typed)

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
        typed = self._types()
        keys = {key for kind in (*types, None) for key in typed.get(_text(kind), ())}
        keys |= self._changed.keys()
        return [e for key in sorted(keys) if (e := self[key]).type in types]

    def _types(self) -> dict[bytes | None, list[str]]:
        """The ids of the records by the text of their type (None: a line whose type
        is not read off it, made into its entity to be sure), read once."""
        if not self._typed:
            for key, line in self._lines.items():
                found = _TYPE.search(line)  # the first: an id and a label hold no bare quote
                self._typed.setdefault(found[1] if found else None, []).append(key)
        return self._typed

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


# a record's type as :func:`~graphkit.corpus.records.json_line` writes it (an escape in
# it, never written by graphkit, leaves the record to be made and checked)
_TYPE = re.compile(rb'"type": "([^"\\]*)"')


def _text(kind: str | None) -> bytes | None:
    return None if kind is None else kind.encode("utf-8")


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
