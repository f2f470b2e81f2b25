"""Event coding: PLOVER categories on assertions, CAMEO-style codes on their actors.

Runs after extraction and resolution, on the plain dataclasses of :mod:`graphkit.types`
(no spaCy): :func:`code_corpus` returns the corpus with ``Assertion.event`` and the
``code`` of every subject and object set. The parts:

- :func:`code_event` (:mod:`~graphkit.events.coding`): one assertion -> ``Event | None``;
- :class:`ActorCoder`, :func:`actor_code` (:mod:`~graphkit.events.actors`): entity -> code;
- :func:`load_event_dictionary` (:mod:`~graphkit.events.dictionary`): the built-in
  dictionary plus an analyst's file (``--events FILE``);
- :mod:`~graphkit.events.categories`: the 16 categories, quad classes and intensities.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from typing import TypeVar

from graphkit.events.actors import ActorCoder, Place, actor_code, name_tokens, sector_of
from graphkit.events.categories import CATEGORIES, QUAD_CLASSES
from graphkit.events.coding import code_event, default_dictionary
from graphkit.events.crowds import crowd_code
from graphkit.events.dictionary import (
    EventDictionary,
    EventDictionaryError,
    load_event_dictionary,
)
from graphkit.types import NOT_ACTORS, Argument, Assertion, Corpus, Entity

# verbs whose clausal object is not a fact: what is denied did not happen (as told)
_DENIALS = frozenset({"deny", "refute", "dismiss"})
_PRONOUNS = frozenset("it they he she we i you".split())

__all__ = [
    "CATEGORIES",
    "QUAD_CLASSES",
    "ActorCoder",
    "Place",
    "EventDictionary",
    "EventDictionaryError",
    "actor_code",
    "code_assertions",
    "code_corpus",
    "coder_for",
    "code_event",
    "load_event_dictionary",
]


def code_corpus(
    corpus: Corpus,
    dictionary: EventDictionary | None = None,
    codes: Mapping[str, str] | None = None,
    place: Place | None = None,
) -> Corpus:
    """``corpus`` with every assertion's event and its subject's and object's codes.

    ``dictionary`` defaults to the built-in one; ``codes`` are an alias file's actor
    codes by name (:meth:`graphkit.resolve.aliases.AliasBook.codes`); ``place`` maps a word to
    the country it names or qualifies ("Iraqi" -> IRQ; the pipeline passes the
    gazetteer's), for actors the resolver left without a country."""
    coder = coder_for(corpus, codes, place)
    return replace(
        corpus,
        assertions=code_assertions(corpus.assertions, coder, dictionary),
        entities=tuple(_with_code(e, coder.code(e)) for e in corpus.entities),
    )


def coder_for(
    corpus: Corpus, codes: Mapping[str, str] | None = None, place: Place | None = None
) -> ActorCoder:
    """The actor coder of ``corpus``: its entities and role facts, and the titles its
    sentences give people, so that every mention of one person gets one code: "the
    U.N. Secretary-General" (an apposition), "the new US president-elect Trump"."""
    titles: dict[str, list[str]] = {}
    for a in corpus.assertions:
        copula = a.relation.lemma == "be" and not (a.negated or a.relation.modality)
        if copula and a.object is not None and a.subject.type == "Person" and a.subject.entity:
            titles.setdefault(a.subject.entity, []).append(a.object.text)
        for arg in (a.subject, a.object):
            if arg is not None and arg.type == "Person" and arg.entity and arg.text != arg.label:
                titles.setdefault(arg.entity, []).append(arg.text)
    return ActorCoder.of(corpus.entities, corpus.roles, codes, titles, place)


def code_assertions(
    assertions: tuple[Assertion, ...],
    coder: ActorCoder,
    dictionary: EventDictionary | None = None,
) -> tuple[Assertion, ...]:
    """Code each assertion, then drop the event of a clause that another assertion of
    its sentence asks for or denies ("demanded that the US *cancel* its plans"): it
    says what someone wants or rejects, not what the clause's subject did."""
    book = dictionary if dictionary is not None else default_dictionary()
    coded = [_coded(a, coder, book) for a in assertions]
    asked: dict[str, list[tuple[int, int]]] = {}  # doc -> spans of clauses asked or denied
    for a in coded:
        asks = a.event is not None and a.event.category == "REQUEST"
        denies = a.relation.lemma.split()[0] in _DENIALS and not a.negated
        if a.object is not None and a.object.type == "Proposition" and (asks or denies):
            asked.setdefault(a.doc, []).append((a.object.start, a.object.end))

    def inside(a: Assertion) -> bool:
        return any(start <= a.subject.start < end for start, end in asked.get(a.doc, ()))

    return tuple(replace(a, event=None) if a.event and inside(a) else a for a in coded)


def _coded(assertion: Assertion, coder: ActorCoder, book: EventDictionary) -> Assertion:
    subject = _with_code(assertion.subject, coder.argument(assertion.subject, assertion))
    if subject.code is None:  # a crowd, by where it acts
        placed = assertion if subject is assertion.subject else replace(assertion, subject=subject)
        subject = _with_code(subject, crowd_code(placed, coder))
    obj = assertion.object
    if obj is not None:
        obj = _with_code(obj, coder.argument(obj, assertion))
    event = code_event(assertion, book) if _acts(assertion, subject.code) else None
    if subject is assertion.subject and obj is assertion.object and event == assertion.event:
        return assertion
    return replace(assertion, subject=subject, object=obj, event=event)


_Coded = TypeVar("_Coded", Argument, Entity)


def _with_code(thing: _Coded, code: str | None) -> _Coded:
    """``thing`` with ``code``: itself when it has it already (``replace`` is costly,
    and most arguments stay uncoded)."""
    return thing if thing.code == code else replace(thing, code=code)


def _acts(assertion: Assertion, code: str | None) -> bool:
    """Whether the subject is an actor: coded; an entity other than a concept; a noun
    phrase that names people ("Burundian militiamen", not "such advances"); or a
    pronoun whose speaker is known. PLOVER codes no event without a source."""
    subject = assertion.subject
    if code is not None:
        return True
    if subject.entity is None and subject.text.lower() in _PRONOUNS:
        return assertion.attribution is not None and assertion.attribution.entity is not None
    if subject.type not in NOT_ACTORS and subject.entity is not None:
        return True
    return sector_of(name_tokens(subject.text)) is not None
