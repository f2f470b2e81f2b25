"""Incremental builds: new articles added to a corpus already exported.

The merge works on :class:`Corpus` records, not on RDF: the old corpus is read back
from its export folder (:func:`graphkit.corpus.records.read_corpus`), only the new
articles are parsed and resolved, and the graph and every export are rebuilt from the
union, so an incremental build writes exactly what a build of that corpus writes. A
build back into the same folder grows its graph in place instead, with the same
files (:mod:`graphkit.corpus.grow`); the merge is for the other cases.

- An article whose text (content hash) is already in the graph is skipped, and a new
  article whose id is taken by a different text is renamed, by the one rule of
  :func:`graphkit.ingest.dedupe.dedupe`.
- Entities are joined by id. An id is a hash of the entity's type and normalized name,
  so an actor resolved in two builds has one id and one node: aliases, roles and merge
  reasons are united and mentions summed.
- Resolution itself runs per build: a lone "Trump" in a later build joins "Donald
  Trump" only when that build also names him in full. ``graphkit build
  DIR/articles.jsonl`` resolves everything again, in one build.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from graphkit.resolve.roles import role_facts
from graphkit.types import Assertion, Corpus, Entity, InputProblem


def merge_entity(first: Entity, second: Entity) -> Entity:
    """One entity from two records of the same id.

    >>> a = Entity("e", "E", "Person", aliases=("E",), roles=("President",), mentions=2)
    >>> b = Entity("e", "E", "Person", aliases=("Mr E",), mentions=1)
    >>> m = merge_entity(a, b)
    >>> m.aliases, m.roles, m.mentions
    (('E', 'Mr E'), ('President',), 3)
    """
    return replace(
        first,
        aliases=tuple(sorted({*first.aliases, *second.aliases})),
        country=first.country or second.country,
        roles=tuple(sorted({*first.roles, *second.roles})),
        merges=tuple(sorted({*first.merges, *second.merges})),
        mentions=first.mentions + second.mentions,
    )


def merge_entities(*groups: Iterable[Entity]) -> tuple[Entity, ...]:
    """All entities of ``groups``, one per id, sorted by id."""
    merged: dict[str, Entity] = {}
    for group in groups:
        for entity in group:
            known = merged.get(entity.id)
            merged[entity.id] = entity if known is None else merge_entity(known, entity)
    return tuple(merged[key] for key in sorted(merged))


def _unique_assertions(*groups: Iterable[Assertion]) -> tuple[Assertion, ...]:
    seen: dict[str, Assertion] = {}
    for group in groups:
        for assertion in group:
            seen.setdefault(assertion.id, assertion)
    return tuple(seen.values())


def merge_corpora(base: Corpus, new: Corpus, problems: Iterable[InputProblem] = ()) -> Corpus:
    """``base`` plus ``new``: old records first, in their order, then the new ones (an
    article of ``new`` whose text ``base`` holds counts once)."""
    problems = (*problems, *new.problems)
    if not base.articles:  # a build from scratch: nothing to merge
        return replace(new, problems=problems)
    known = {a.content_hash for a in base.articles}
    articles = (*base.articles, *(a for a in new.articles if a.content_hash not in known))
    assertions = _unique_assertions(base.assertions, new.assertions)
    entities = merge_entities(base.entities, new.entities)
    return Corpus(
        articles=articles,
        assertions=assertions,
        entities=entities,
        sentences=base.sentences + new.sentences,
        problems=problems,
        # role facts are read off the assertions, so they are read again for the whole
        roles=role_facts(assertions, entities, {a.id: a for a in articles}),
    )
