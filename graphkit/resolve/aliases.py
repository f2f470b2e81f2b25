"""Alias files: force or forbid merges and fix types and countries.

Format (JSON)::

    {"actors": [{"label": "Central Intelligence Agency", "aliases": ["CIA"],
                 "type": "Organization", "country": "USA", "code": "USASPY",
                 "nouns": ["agency"]}],
     "never_merge": [["Smith", "John Smith"]]}

``label`` is the canonical name; every alias (and the label) resolves to that entity;
``type`` is an ontology class (Person, Country, GovernmentBody, MediaOrganization,
Organization, PoliticalParty, Group, AnonymousSource, Place, Region, City, Concept);
``country`` an ISO 3166 code or name; ``code`` (optional) the actor's CAMEO-style event
code, used as is by the event coder (:mod:`graphkit.events`): a 3-letter country or
IGO/NGO/IMG code followed by 3-letter sector codes, upper case ("USASPY", "IGOUNO");
``nouns`` (optional) the common nouns a report may call it by once named ("the bloc"
for the EU, "the alliance" for NATO), read by :mod:`graphkit.resolve.descriptions`.
Names are matched in any case, without a leading "the" and without dots ("U.N." is
"UN"). ``never_merge`` lists pairs of names that must stay apart (a one-word name is otherwise
merged with the only longer name ending in it).
graphkit ships a small dictionary in this format (``graphkit/data/actors.json``);
``--aliases FILE`` adds to it and overrides it.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from graphkit.errors import InputError
from graphkit.geo.countries import country_code
from graphkit.types import ENTITY_TYPES

# an alias may give any ontology class but Proposition (a clause, never a name)
ACTOR_TYPES = frozenset(ENTITY_TYPES) - {"Proposition"}
# CAMEO-style: a 3-letter actor code, then up to three 3-letter sector codes
_CODE = re.compile(r"[A-Z]{3}(?:[A-Z]{3}){0,3}")


@dataclass(frozen=True)
class AliasEntry:
    label: str
    type: str
    country: str | None = None
    source: str = ""
    code: str | None = None
    nouns: tuple[str, ...] = ()


@dataclass(frozen=True)
class AliasBook:
    """Surface form (lower case, no leading "the") -> entry; pairs never to merge."""

    entries: dict[str, AliasEntry] = field(default_factory=dict)
    never_merge: frozenset[frozenset[str]] = frozenset()

    def lookup(self, name: str) -> AliasEntry | None:
        return self.entries.get(_key(name))

    def may_merge(self, a: str, b: str) -> bool:
        return frozenset({_key(a), _key(b)}) not in self.never_merge

    def codes(self) -> dict[str, str]:
        """Surface form (lower case, no leading "the") -> the actor code its entry sets:
        what the event coder takes (it does not read alias files itself)."""
        return {name: e.code for name, e in self.entries.items() if e.code is not None}


@lru_cache(maxsize=1 << 16)  # pure; every mention's name is looked up, most of them again
def _key(name: str) -> str:
    lowered = " ".join(name.replace(".", "").split()).lower()
    return lowered[4:] if lowered.startswith("the ") else lowered


def parse_aliases(data: Any, source: str) -> AliasBook:
    """Check and index one alias document; errors name the file and the entry."""
    if not isinstance(data, dict) or not isinstance(data.get("actors", []), list):
        raise InputError(f'{source}: expected an object with an "actors" list')
    entries: dict[str, AliasEntry] = {}
    for number, actor in enumerate(data.get("actors", []), start=1):
        entry = _entry(actor, f"{source}: actor {number}")
        for name in [entry.label, *actor.get("aliases", [])]:
            entries[_key(str(name))] = entry
    pairs = data.get("never_merge", [])
    if not all(isinstance(p, list) and len(p) == 2 for p in pairs):
        raise InputError(f'{source}: "never_merge" must be a list of [name, name] pairs')
    return AliasBook(entries, frozenset(frozenset({_key(a), _key(b)}) for a, b in pairs))


def _entry(actor: Any, where: str) -> AliasEntry:
    if not isinstance(actor, dict) or not isinstance(actor.get("label"), str):
        raise InputError(f'{where}: needs a "label" string')
    kind = actor.get("type", "Organization")
    if kind not in ACTOR_TYPES:
        raise InputError(
            f"{where}: unknown type {kind!r} (one of {', '.join(sorted(ACTOR_TYPES))})"
        )
    country = actor.get("country")
    code = country_code(country) if country else None
    if country and code is None:
        raise InputError(f"{where}: unknown country {country!r}")
    if kind == "Country" and code is None:  # the graph's shapes require its ISO code
        raise InputError(f'{where}: a Country needs its "country" (an ISO 3166 code or name)')
    actor_code = actor.get("code")
    if actor_code is not None and not (isinstance(actor_code, str) and _CODE.fullmatch(actor_code)):
        raise InputError(
            f"{where}: bad code {actor_code!r} (3 upper-case letters, then 3-letter "
            'sectors: "RUS", "RUSGOV", "IGOUNO")'
        )
    nouns = actor.get("nouns", [])
    if not (isinstance(nouns, list) and all(isinstance(n, str) for n in nouns)):
        raise InputError(f'{where}: "nouns" must be a list of strings')
    return AliasEntry(actor["label"], kind, code, where.split(":")[0], actor_code, tuple(nouns))


def merge_books(*books: AliasBook) -> AliasBook:
    """Later books override earlier ones."""
    entries: dict[str, AliasEntry] = {}
    never: set[frozenset[str]] = set()
    for book in books:
        entries.update(book.entries)
        never |= book.never_merge
    return AliasBook(entries, frozenset(never))


def builtin_aliases() -> AliasBook:
    text = (resources.files("graphkit") / "data" / "actors.json").read_text(encoding="utf-8")
    return parse_aliases(json.loads(text), "graphkit/data/actors.json")


def load_aliases(path: Path | str | None = None) -> AliasBook:
    """The built-in dictionary, overridden by the user's alias file if given."""
    book = builtin_aliases()
    if path is None:
        return book
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except OSError as exc:
        raise InputError(f"{path}: cannot read alias file: {exc.strerror or exc}") from exc
    except json.JSONDecodeError as exc:
        raise InputError(f"{path}: not valid JSON (line {exc.lineno}: {exc.msg})") from exc
    return merge_books(book, parse_aliases(data, str(path)))
