"""Linking an assertion to the entities its words name: subject, object, source, and
the actors and places its qualifiers name ("in Kherson", "with Moscow", "in a Moscow
Times report").

A qualifier names the entities of the named mentions inside its span (actors and
places; never a concept or a clause), and, where the recognizer left a name inside a
longer phrase ("a VPost report"), the entities of its article whose surface forms
occur in the qualifier's words, when a form belongs to one entity only. The first
one is the qualifier's ``entity``/``label``/``type``; ``entities`` lists them all.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from dataclasses import replace
from functools import lru_cache

from graphkit.resolve.drafts import At
from graphkit.types import (
    NOT_ACTORS,
    Argument,
    Assertion,
    DocumentAnalysis,
    Entity,
    Mention,
    Qualifier,
)

SPEAKER_PRONOUNS = frozenset("we us our i me my".split())


def entity_ids(assertion: Assertion) -> list[str | None]:
    """The entities an assertion links to, its qualifiers' included."""
    ids = [assertion.subject.entity, assertion.object.entity if assertion.object else None]
    ids.append(assertion.attribution.entity if assertion.attribution else None)
    return ids + [e for q in assertion.qualifiers for e in q.entities]


class Linker:
    """Links the assertions of one article, given the key of each mention."""

    def __init__(
        self,
        analysis: DocumentAnalysis,
        keys: dict[At, str],
        entities: dict[str, Entity],
        mentions: list[Mention],
        before: dict[At, str] | None = None,
        by_id: dict[str, Entity] | None = None,
    ) -> None:
        self.analysis = analysis
        self.keys = keys
        self.before = before or {}
        self.entities = entities
        doc = analysis.article.id
        self.named = [
            (m.start, m.end, e)
            for m in mentions
            if m.kind not in {"PRON", "CLAUSE", "NOUN"}
            and (e := self._entity(keys.get((doc, m.start, m.end)))) is not None
        ]
        forms: dict[str, set[str]] = {}
        # each entity once: a country named in every sentence has the corpus's aliases
        for entity in {id(e): e for _, _, e in self.named}.values():
            for form in (entity.label, *entity.aliases):
                if form[:1].isupper() and len(form) > 2:
                    forms.setdefault(form, set()).add(entity.id)
        self.forms = {form: ids.pop() for form, ids in forms.items() if len(ids) == 1}
        # a qualifier's named mentions are those starting in it: found by bisection when
        # the mentions come in text order (as link_all gives them), not by a scan each
        starts = [start for start, _, _ in self.named]
        in_order = all(a <= b for a, b in zip(starts, starts[1:], strict=False))
        self._starts = starts if in_order else None
        # made once for all articles by link_all: per article, it grew with the corpus
        self.by_id = by_id if by_id is not None else {e.id: e for e in entities.values()}

    def _entity(self, key: str | None) -> Entity | None:
        """The named actor or place of a key: no concept, no clause, no common noun."""
        entity = self.entities.get(key) if key is not None else None
        if entity is None or entity.type in NOT_ACTORS or not entity.label[:1].isupper():
            return None
        return entity

    def entity_of(self, start: int, end: int) -> Entity | None:
        mention = self.analysis.heads.get((start, end))
        if mention is None:
            return None
        key = self.keys.get((mention.doc, mention.start, mention.end))
        return self.entities.get(key) if key is not None else None

    def link(self, assertion: Assertion) -> Assertion:
        attribution = assertion.attribution
        speaker = None
        if attribution is not None:
            speaker = self.entity_of(attribution.start, attribution.end)
            if speaker is not None:
                attribution = replace(attribution, entity=speaker.id, label=speaker.label)

        def linked(arg: Argument) -> Argument:
            entity = self.entity_of(arg.start, arg.end)
            if speaker is not None and arg.text.lower() in SPEAKER_PRONOUNS:
                entity = speaker  # "we" and "I" inside a quotation are its speaker
            if entity is None:
                return arg
            return replace(arg, entity=entity.id, label=entity.label, type=entity.type)

        obj = linked(assertion.object) if assertion.object is not None else None
        subject = linked(assertion.subject)
        if assertion.relation.lemma == "be" and obj is not None and obj.entity == subject.entity:
            subject = self._before(assertion.subject) or subject  # "his spokeswoman, Park"
        qualifiers = tuple(self.qualifier(q) for q in assertion.qualifiers)
        same = subject is assertion.subject and obj is assertion.object  # nothing linked:
        same = same and attribution is assertion.attribution  # no copy (replace is costly)
        if same and all(q is o for q, o in zip(qualifiers, assertion.qualifiers, strict=True)):
            return assertion
        return replace(
            assertion, subject=subject, object=obj, attribution=attribution, qualifiers=qualifiers
        )

    def _before(self, arg: Argument) -> Argument | None:
        """The argument linked to what its head was before an apposition joined it."""
        head = self.analysis.heads.get((arg.start, arg.end))
        key = self.before.get((head.doc, head.start, head.end)) if head is not None else None
        entity = self.entities.get(key) if key is not None else None
        if entity is None:
            return None
        return replace(arg, entity=entity.id, label=entity.label, type=entity.type)

    def qualifier(self, qualifier: Qualifier) -> Qualifier:
        found: dict[int, Entity] = {}
        covered: list[tuple[int, int]] = []
        named = self.named
        if self._starts is not None:  # a mention that starts after the qualifier ends after it
            low = bisect_left(self._starts, qualifier.start)
            named = named[low : bisect_right(self._starts, qualifier.end, low)]
        for start, end, entity in named:
            if qualifier.start <= start and end <= qualifier.end:
                found.setdefault(start, entity)
                covered.append((start, end))
        text = self.analysis.article.text
        # a cheap test before the regular expression, in one comprehension
        forms = [(f, e) for f, e in self.forms.items() if f in qualifier.text]
        for form, entity_id in forms:
            for match in _whole_word(form).finditer(qualifier.text):
                start = qualifier.start + match.start()
                end = start + len(form)
                if text[start:end] != form or any(s < end and start < e for s, e in covered):
                    continue
                found.setdefault(start, self.by_id[entity_id])
                covered.append((start, end))
        ordered = [found[start] for start in sorted(found)]
        ids = tuple(dict.fromkeys(e.id for e in ordered))
        if not ids:
            return qualifier
        first = ordered[0]
        return replace(qualifier, entity=first.id, label=first.label, type=first.type, entities=ids)


@lru_cache(maxsize=1 << 14)  # more forms than the re module's own cache keeps
def _whole_word(form: str) -> re.Pattern[str]:
    return re.compile(rf"(?<!\w){re.escape(form)}(?!\w)")


def link_all(
    analyses: list[DocumentAnalysis],
    keys: dict[At, str],
    entities: dict[str, Entity],
    mentions_of: Callable[[DocumentAnalysis], list[Mention]],
    before: dict[At, str] | None = None,
) -> tuple[Assertion, ...]:
    """Every assertion of ``analyses``, linked; ``before``: the keys mentions had
    before an apposition joined them to a person."""
    out = []
    by_id = {e.id: e for e in entities.values()}
    for analysis in analyses:
        linker = Linker(analysis, keys, entities, mentions_of(analysis), before, by_id)
        out += [linker.link(a) for a in analysis.assertions]
    return tuple(out)
