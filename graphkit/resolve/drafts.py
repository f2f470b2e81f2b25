"""Entities in the making: the resolver's drafts and the key each mention points to.

A :class:`Drafts` holds the drafts by key and, for every mention (article, start,
end), the key it resolves to and its surface text. A merge moves every mention of
one draft to another (:meth:`Drafts.merge`), a re-link moves one mention
(:meth:`Drafts.relink`); both record why on the draft that receives them. An
entity's aliases and mention count are read from the mentions that point to it at
the end, so a moved mention leaves nothing behind; a draft no mention points to is
dropped, unless the resolver made it on purpose (a country a group is linked to).
"""

from __future__ import annotations

from collections.abc import Set
from dataclasses import dataclass

from graphkit.ids import content_id
from graphkit.resolve.classify import Typing, strip_name
from graphkit.types import DocumentAnalysis, Entity, Mention

At = tuple[str, int, int]  # article id, start, end


def at(mention: Mention) -> At:
    return (mention.doc, mention.start, mention.end)


def mentions_of(analysis: DocumentAnalysis) -> list[Mention]:
    """Every mention of an article (named or heading an argument), in text order."""
    return sorted({*analysis.mentions, *analysis.heads.values()}, key=order)


def order(mention: Mention) -> tuple[int, int, str]:
    return (mention.start, mention.end, mention.kind)


# one empty set shared by every draft with no role or no reason yet (most drafts:
# a concept or a group keyed per article never gets either)
_NONE: frozenset[str] = frozenset()


@dataclass(slots=True)
class Draft:
    """An entity in the making. Its roles and merge reasons are added through
    :meth:`add_role` and :meth:`add_merge`: two empty sets of its own for each draft
    were a third of the resolver's memory (76,000 drafts at 1,000 articles, issue 15)."""

    key: str
    type: str
    label: str
    country: str | None = None
    roles: Set[str] = _NONE
    merges: Set[str] = _NONE
    affiliation: str | None = None  # a draft key
    made: bool = False  # made by the resolver, kept without mentions

    def add_role(self, title: str) -> None:
        self.roles = _added(self.roles, title)

    def add_merge(self, why: str) -> None:
        self.merges = _added(self.merges, why)

    def take_in(self, other: Draft) -> None:
        """The roles, merge reasons and (if it has none) country of ``other``."""
        if other.roles:
            self.roles = {*self.roles, *other.roles}
        if other.merges:
            self.merges = {*self.merges, *other.merges}
        self.country = self.country or other.country


def _added(values: Set[str], value: str) -> Set[str]:
    """``values`` with ``value``: the set itself changed, or a set of its own made."""
    if isinstance(values, set):
        values.add(value)
        return values
    return {*values, value}


class Drafts:
    def __init__(self) -> None:
        self.drafts: dict[str, Draft] = {}
        self.keys: dict[At, str] = {}
        self.texts: dict[At, str] = {}
        self.pronouns: set[At] = set()
        # a mention an apposition made one with a person: the key it had before, which an
        # assertion "X is Y" keeps for X (so that it never reads "Y is Y")
        self.before: dict[At, str] = {}
        # id(analysis) -> (analysis, its mentions): every rule reads them, and sorting a
        # set of mentions (each hashed field by field) was a good part of resolving
        self._mentions: dict[int, tuple[DocumentAnalysis, list[Mention]]] = {}

    def mentions_of(self, analysis: DocumentAnalysis) -> list[Mention]:
        """:func:`mentions_of`, worked out once an analysis; the list is shared: read it,
        never change it."""
        known = self._mentions.get(id(analysis))
        if known is None or known[0] is not analysis:  # the analysis is kept: ids stay
            known = self._mentions[id(analysis)] = (analysis, mentions_of(analysis))
        return known[1]

    def __getitem__(self, key: str) -> Draft:
        return self.drafts[key]

    def get(self, key: str | None) -> Draft | None:
        return self.drafts.get(key) if key is not None else None

    def of(self, mention: Mention) -> Draft | None:
        # at() and get() written out: every rule asks this of every mention
        key = self.keys.get((mention.doc, mention.start, mention.end))
        return self.drafts.get(key) if key is not None else None

    def values(self) -> list[Draft]:
        return list(self.drafts.values())

    def make(self, key: str, type_: str, label: str, country: str | None = None) -> Draft:
        """The draft ``key``, made (kept even without mentions) if there is none."""
        if key not in self.drafts:
            self.drafts[key] = Draft(key, type_, label, country, made=True)
        return self.drafts[key]

    def add(self, mention: Mention, typing: Typing) -> str:
        """Put a named mention in the draft of its typing; the fullest label wins."""
        draft = self.drafts.get(typing.key)
        if draft is None:  # made only when new: most mentions name a known draft
            draft = self.drafts[typing.key] = Draft(
                typing.key, typing.type, typing.label, typing.country
            )
        place = at(mention)  # one key for both: 1.3 million mentions at 5,000 articles
        self.keys[place] = typing.key
        self.texts[place] = mention.text
        if len(typing.label) > len(draft.label) and typing.type in {"Person", "Group"}:
            draft.label = typing.label  # the fullest form: "Russian officials" over "official"
        _, titles = strip_name(mention.text, person=typing.type == "Person")
        if titles:
            draft.add_role(" ".join(titles))
        if typing.rule.startswith("contested region"):
            draft.add_merge(f"{draft.label!r}: {typing.rule}")
        elif mention.text != draft.label and not typing.key.startswith(("concept:", "source:")):
            draft.add_merge(f"{mention.text!r} names {draft.label!r} ({typing.rule})")
        return typing.key

    def relink(self, mention: Mention, key: str, reason: str | None = None) -> None:
        """Point one mention (a pronoun, a role noun, a short name) at ``key``."""
        place = at(mention)
        self.keys[place] = key
        self.texts[place] = mention.text
        if mention.kind == "PRON":
            self.pronouns.add(place)
        if reason:
            self.drafts[key].add_merge(reason)

    def merge(self, redirect: dict[str, str]) -> None:
        """Every mention of the draft ``k`` goes to ``redirect[k]``, with its roles and
        merge reasons (followed through chains: a -> b -> c)."""

        def final(key: str) -> str:
            seen = {key}
            while key in redirect and redirect[key] not in seen:
                key = redirect[key]
                seen.add(key)
            return key

        for key in redirect:
            target = final(key)
            if target == key or key not in self.drafts:
                continue
            self.drafts[target].take_in(self.drafts.pop(key))
        self.keys = {place: final(key) for place, key in self.keys.items()}

    def entities(self) -> dict[str, Entity]:
        """The entity of every draft that a mention points to or the resolver made."""
        aliases: dict[str, set[str]] = {}
        counts: dict[str, int] = {}
        for place, key in self.keys.items():
            aliases.setdefault(key, set()).add(self.texts[place])
            counts[key] = counts.get(key, 0) + (place not in self.pronouns)
        ids = {key: _entity_id(d) for key, d in self.drafts.items()}
        before = set(self.before.values())  # a set once, not a scan of them per draft
        return {
            key: Entity(
                id=ids[key],
                label=d.label,
                type=d.type,
                aliases=tuple(sorted(aliases.get(key, ()))),
                country=d.country,
                roles=tuple(sorted(d.roles)),
                merges=tuple(sorted(d.merges)),
                mentions=counts.get(key, 0),
                affiliation=ids.get(d.affiliation or ""),
            )
            for key, d in self.drafts.items()
            if key in aliases or d.made or key in before
        }


def _entity_id(draft: Draft) -> str:
    return content_id(draft.label, draft.type, draft.key)
