"""The small typed interface between graphkit's stages.

Every stage talks to the next only through these frozen dataclasses.
:class:`Assertion` mirrors the JSON Lines contract (see README) field for field:
``Assertion.from_dict(a.to_dict()) == a`` for every assertion.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, fields, is_dataclass
from operator import attrgetter
from typing import Any, Literal, get_args

# What a claim is, for the graph, the views and the statistics alike: ``fact`` (may be
# stated as a plain triple), ``negated``, or ``uncertain`` (hedged, modal or reported).
Status = Literal["fact", "negated", "uncertain"]
STATUSES: tuple[Status, ...] = get_args(Status)

# The classes of things an entity can be: each is a class of the ontology (a test
# checks), a type an alias file may give, and a node style of the views.
EntityType = Literal[
    "Person", "Country", "Organization", "GovernmentBody", "MediaOrganization",
    "PoliticalParty", "Group", "AnonymousSource", "Place", "Region", "City", "Concept",
    "Proposition",
]  # fmt: skip
ENTITY_TYPES: tuple[EntityType, ...] = get_args(EntityType)
# what an entity may be that is no actor: in the network, never ranked as an actor
NOT_ACTORS: frozenset[EntityType] = frozenset({"Concept", "Proposition"})


# each type's field values as a tuple, in field order: what it is pickled as
_VALUES: dict[type, Callable[[Any], tuple[Any, ...]]] = {}


class _Rebuilt:
    """Pickled as its class and its field values, and so rebuilt by ``__init__``.

    Pickle's default gives an unpickled instance a dict of its own for its fields:
    the analyses of 1,000 articles unpickled from one file took 0.36 GB so, 0.20 GB
    rebuilt, and loaded in 2.0 s against 1.2 s (issue 15). The pickles the worker
    processes send back are a third smaller too, having no field names. The records
    keep their fields in slots, not in a table of values of their own: 149 MB for
    those analyses against 170 MB.
    """

    __slots__ = ()

    def __reduce__(self) -> tuple[type, tuple[Any, ...]]:
        kind = type(self)
        values = _VALUES.get(kind)
        if values is None:  # every record has two fields or more: attrgetter gives a tuple
            names = [f.name for f in fields(self)]  # type: ignore[arg-type]
            values = _VALUES[kind] = attrgetter(*names)
        return kind, values(self)


@dataclass(frozen=True, slots=True)
class Article(_Rebuilt):
    """One input document. ``text`` is the body that offsets refer to."""

    id: str
    text: str
    title: str | None = None
    url: str | None = None
    published: str | None = None
    source: str | None = None
    path: str | None = None
    content_hash: str = ""
    # where the report was filed: the first place of its dateline ("KYIV, Ukraine (AP) —")
    place: str | None = None
    # how many sentences the parse read in it, set once it is resolved; kept in
    # articles.jsonl so that a build --into counts the old articles' sentences too
    # (None: not counted, as in folders written before)
    sentences: int | None = None


@dataclass(frozen=True, slots=True)
class Mention(_Rebuilt):
    """A surface form of a possible actor, found by the NLP stage.

    ``kind`` is the spaCy entity label (PERSON, GPE, ORG, NORP, ...), ``NOUN`` for a
    common noun phrase or ``PRON`` for a pronoun; ``number`` is ``plural`` or ``singular``.
    """

    doc: str
    text: str
    start: int
    end: int
    kind: str
    number: str = "singular"
    # what the words around say it is: "region" (the Donetsk region), "media" (a VPost
    # report), "indefinite" (a source, another official): unnamed individuals
    hint: str | None = None


@dataclass(frozen=True, slots=True)
class Argument(_Rebuilt):
    """Subject or object of an assertion: exact surface text plus its resolved entity."""

    text: str
    start: int
    end: int
    entity: str | None = None
    label: str | None = None
    type: str | None = None
    # CAMEO-style actor code: ISO 3166 alpha-3 or IGO/NGO/IMG, then a sector
    # ("RUSGOV", "IGOUNO"); set by the event coder (graphkit.events), else None
    code: str | None = None


@dataclass(frozen=True, slots=True)
class Event(_Rebuilt):
    """The PLOVER event an assertion expresses: ``category`` one of PLOVER 0.8's 16
    (AGREE ... ASSAULT), ``quad_class`` its quad class ("verbal cooperation", ...),
    ``intensity`` on -10..+10 (see :mod:`graphkit.events.categories` for the source of
    the numbers), ``cue`` the words that carry it. Negation, hedging, modality and
    attribution stay on the assertion: an event is coded as the sentence states it."""

    category: str
    quad_class: str
    intensity: float
    cue: str


@dataclass(frozen=True, slots=True)
class Relation(_Rebuilt):
    """``text`` is the relation's words as they stand; ``passive`` marks an assertion
    turned around from the passive voice (its subject is the logical agent)."""

    text: str
    lemma: str
    negated: bool = False
    modality: str | None = None
    passive: bool = False


@dataclass(frozen=True, slots=True)
class Qualifier(_Rebuilt):
    """An adjunct phrase; a ``time`` one may carry the ISO 8601 ``date`` it names,
    read against the article's publication date (see :mod:`graphkit.ingest.dates`).
    When its words name resolved actors or places ("in Kherson", "with Moscow"),
    ``entity``, ``label`` and ``type`` are the first of them and ``entities`` the ids
    of all of them, in text order (set by the resolver)."""

    role: str
    text: str
    start: int
    end: int
    date: str | None = None
    entity: str | None = None
    label: str | None = None
    type: str | None = None
    entities: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Attribution(_Rebuilt):
    """Who the claim is reported by: the source's words, its entity, the cue words."""

    text: str
    entity: str | None = None
    label: str | None = None
    cue: str | None = None
    start: int = -1
    end: int = -1


@dataclass(frozen=True, slots=True)
class Assertion(_Rebuilt):
    """One subject-relation-object claim with its provenance and epistemic status."""

    id: str
    doc: str
    sentence: str
    sentence_index: int
    subject: Argument
    relation: Relation
    object: Argument | None
    qualifiers: tuple[Qualifier, ...] = ()
    attribution: Attribution | None = None
    hedged: bool = False
    confidence: float = 0.5
    sentence_start: int = 0
    event: Event | None = None

    @property
    def negated(self) -> bool:
        return self.relation.negated

    @property
    def is_fact(self) -> bool:
        """True when the claim may be stated as a plain triple: affirmative, unhedged,
        not modal and not merely reported by someone."""
        return not (
            self.relation.negated
            or self.hedged
            or self.relation.modality
            or self.attribution is not None
        )

    @property
    def status(self) -> Status:
        """``negated``, ``fact`` or ``uncertain``: with the edge's ends, what makes a claim."""
        if self.relation.negated:
            return "negated"
        return "fact" if self.is_fact else "uncertain"

    def to_dict(self) -> dict[str, Any]:
        """The record, keys in field order (as ``dataclasses.asdict``, which copied
        every value deeply and took most of the time of ``assertions.jsonl``)."""
        return plain_record(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Assertion:
        obj = data.get("object")
        attribution = data.get("attribution")
        event = data.get("event")
        return cls(
            id=data["id"],
            doc=data["doc"],
            sentence=data["sentence"],
            sentence_index=data["sentence_index"],
            subject=Argument(**data["subject"]),
            relation=Relation(**data["relation"]),
            object=Argument(**obj) if obj else None,
            qualifiers=tuple(_qualifier(q) for q in data.get("qualifiers", ())),
            attribution=Attribution(**attribution) if attribution else None,
            hedged=data["hedged"],
            confidence=data["confidence"],
            sentence_start=data.get("sentence_start", 0),
            event=Event(**event) if event else None,
        )


_FIELD_NAMES: dict[type, tuple[str, ...]] = {}
_LEAVES = frozenset({str, int, float, bool, type(None)})


def plain_record(value: Any) -> Any:
    """Dataclasses as dicts and tuples as lists, recursively; other values as they are.

    >>> plain_record(Event("AID", "material cooperation", 7.0, "sent aid to"))["cue"]
    'sent aid to'
    """
    kind = type(value)
    if kind in _LEAVES:
        return value
    if kind is tuple or kind is list:
        return [plain_record(item) for item in value]
    names = _FIELD_NAMES.get(kind)
    if names is None:
        if not is_dataclass(value):
            return value
        names = _FIELD_NAMES[kind] = tuple(f.name for f in fields(value))
    return {name: plain_record(getattr(value, name)) for name in names}


def _qualifier(data: dict[str, Any]) -> Qualifier:
    return Qualifier(**{**data, "entities": tuple(data.get("entities", ()))})


@dataclass(frozen=True, slots=True)
class Entity(_Rebuilt):
    """A resolved actor or concept: one node of the graph."""

    id: str
    label: str
    type: str
    aliases: tuple[str, ...] = ()
    country: str | None = None
    roles: tuple[str, ...] = ()
    merges: tuple[str, ...] = ()
    mentions: int = 0
    # for a group or unnamed source: the organisation or country it is placed in
    # ("a source close to the Foreign Ministry"), an entity id
    affiliation: str | None = None
    # CAMEO-style actor code: ISO 3166 alpha-3 country and a sector ("RUSGOV"), or an
    # international organisation's ("IGOUNO"); see graphkit.events.actors
    code: str | None = None


@dataclass(frozen=True, slots=True)
class Role(_Rebuilt):
    """A role fact: ``holder`` (an entity id) holds ``title`` ("President"), of the
    entity ``of`` when the text says whose ("Russian President" -> Russia), as stated
    by article ``doc`` (dated ``date`` when the article is)."""

    holder: str
    title: str
    of: str | None
    doc: str
    date: str | None = None
    evidence: str = ""


@dataclass(frozen=True, slots=True)
class DocumentAnalysis(_Rebuilt):
    """What the NLP stage hands on for one article (no spaCy objects)."""

    article: Article
    sentences: tuple[str, ...]
    assertions: tuple[Assertion, ...]
    mentions: tuple[Mention, ...]
    # (start, end) of an argument or attribution span -> the mention that heads it
    heads: dict[tuple[int, int], Mention] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class InputProblem(_Rebuilt):
    """An input that could not be (fully) read: named, explained, never silent."""

    input: str
    problem: str
    line: int | None = None
    warning: bool = False  # read all the same (e.g. decoded with a fallback)
    detail: str | None = None  # e.g. the traceback of a failed extraction, for report.json

    def __str__(self) -> str:
        where = f"{self.input}:{self.line}" if self.line is not None else self.input
        return f"{where}: {'warning: ' if self.warning else ''}{self.problem}"


@dataclass(frozen=True, slots=True, weakref_slot=True)  # a test sees a build let it go
class Corpus(_Rebuilt):
    """The result of resolution: resolved assertions and the entities they name."""

    articles: tuple[Article, ...]
    assertions: tuple[Assertion, ...]
    entities: tuple[Entity, ...]
    sentences: int = 0
    problems: tuple[InputProblem, ...] = ()
    roles: tuple[Role, ...] = ()
