"""Actor resolution: many surface forms -> one typed entity, with the reasons why.

Rules, in order:
1. a mention is typed from its NER label and words (Person, Country, Place,
   GovernmentBody, MediaOrganization, Organization, Group, AnonymousSource, Concept);
2. titles, possessives and determiners are stripped ("President Vladimir Putin's"
   -> Vladimir Putin, role President); countries key on their ISO 3166 code, so
   "US", "the United States" and "America" are one entity;
3. a one-word person name joins the one longer name in the corpus that ends with it
   ("Trump" -> Donald Trump); with two candidates it joins neither;
4. pronouns take the nearest earlier compatible mention in their article; "we"/"I"
   in a quotation take the quote's speaker.
Every merge is recorded in ``Entity.merges`` so that an analyst can audit it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace

from graphkit.gazetteer import country_code, country_name, demonym_country
from graphkit.lexicon import (
    ACTOR_NOUNS,
    DETERMINERS,
    GOVERNMENT_WORDS,
    MEDIA_WORDS,
    SOURCE_NOUNS,
    TITLES,
)
from graphkit.naming import content_id
from graphkit.types import (
    Argument,
    Assertion,
    Corpus,
    DocumentAnalysis,
    Entity,
    Mention,
)

# buildings that stand for governments (metonymy)
SEATS_OF_GOVERNMENT = {"kremlin": "RUS", "white house": "USA", "downing street": "GBR"}
_PRONOUN_KINDS = {
    "he": "Person", "him": "Person", "his": "Person", "himself": "Person",
    "she": "Person", "her": "Person", "hers": "Person", "herself": "Person",
    "its": "Thing", "itself": "Thing",  # "it" is too often expletive ("it would be good")
    "they": "Plural", "them": "Plural", "their": "Plural", "themselves": "Plural",
    "we": "Speaker", "us": "Speaker", "our": "Speaker", "i": "Speaker", "me": "Speaker",
    "my": "Speaker",
}  # fmt: skip
_THING_TYPES = frozenset({"Country", "GovernmentBody", "Organization", "MediaOrganization"})
_POSSESSIVE = re.compile(r"(’s|'s|’|')$")


@dataclass
class _Draft:
    key: str
    type: str
    label: str
    country: str | None = None
    aliases: set[str] = field(default_factory=set)
    roles: set[str] = field(default_factory=set)
    merges: set[str] = field(default_factory=set)
    mentions: int = 0


def strip_name(text: str, person: bool = True) -> tuple[str, list[str]]:
    """Drop determiners, quantifiers, possessives and (for a person) leading titles;
    return the name and the titles.

    >>> strip_name("President Vladimir Putin's")
    ('Vladimir Putin', ['President'])
    >>> strip_name("the Foreign Ministry", person=False)
    ('Foreign Ministry', [])
    >>> strip_name("A few Russian officials", person=False)
    ('Russian officials', [])
    """
    words = _POSSESSIVE.sub("", text.strip()).split()
    while len(words) > 1 and words[0].lower() in DETERMINERS:
        words = words[1:]
    titles = []
    while person and len(words) > 1 and words[0].lower().rstrip(".") in TITLES:
        titles.append(words.pop(0))
    return " ".join(words), titles


def classify(mention: Mention) -> tuple[str, str, str, str | None]:
    """(type, key, label, country) of a non-pronoun mention."""
    name, _ = strip_name(mention.text, person=mention.kind == "PERSON")
    lower = name.lower()
    if mention.kind == "PERSON":
        return "Person", f"person:{lower}", name, None
    code = country_code(name)
    if code and mention.kind in {"GPE", "LOC", "NORP", "NOUN", "ORG"}:
        return "Country", f"country:{code}", country_name(code), code
    if lower in SEATS_OF_GOVERNMENT:
        return "GovernmentBody", f"org:{lower}", name, SEATS_OF_GOVERNMENT[lower]
    if mention.kind in {"GPE", "LOC", "FAC"}:
        return "Place", f"place:{lower}", name, None
    if mention.kind == "NORP":
        demonym = demonym_country(name)
        return "Group", f"group:{lower}", name, demonym
    if mention.kind == "ORG":
        return _organization(name)
    return _noun_phrase(name)


def _organization(name: str) -> tuple[str, str, str, str | None]:
    words = {w.lower() for w in name.split()}
    country = next((c for c in map(_country_of_word, name.split()) if c), None)
    if words & GOVERNMENT_WORDS:
        return "GovernmentBody", f"org:{name.lower()}", name, country
    if words & MEDIA_WORDS:
        return "MediaOrganization", f"org:{name.lower()}", name, country
    return "Organization", f"org:{name.lower()}", name, country


def _country_of_word(word: str) -> str | None:
    return demonym_country(word) or country_code(word)


def _noun_phrase(name: str) -> tuple[str, str, str, str | None]:
    words = name.split()
    head = words[-1].lower() if words else ""
    singular = head[:-1] if head.endswith("s") and len(head) > 3 else head
    country = next((c for c in map(_country_of_word, words[:-1]) if c), None)
    if head in SOURCE_NOUNS:
        return "AnonymousSource", f"source:{name.lower()}", name, country
    if singular in ACTOR_NOUNS or head in ACTOR_NOUNS:
        # "a Russian official" and "Russian officials" are one group
        key = " ".join([*words[:-1], singular]).lower()
        return "Group", f"group:{key}", name, country
    return "Concept", f"concept:{name.lower()}", name, None


def _merge_short_person_names(drafts: dict[str, _Draft]) -> dict[str, str]:
    """Map the key of "Trump" to the key of "Donald Trump" when that is the only
    longer person name ending in that word.

    A name the NER once tagged as an organisation or group ("Trump victory") joins
    the person of the same name too.
    """
    people = [d for d in drafts.values() if d.type == "Person"]
    others = [d for d in drafts.values() if d.type in {"Organization", "Group", "Place"}]
    redirect: dict[str, str] = {}
    for short in [*people, *others]:
        if " " in short.label:
            continue
        longer = [p for p in people if p.label.endswith(" " + short.label)]
        longer = longer or [p for p in people if p.label == short.label and p is not short]
        if len(longer) == 1:
            target = longer[0]
            redirect[short.key] = target.key
            target.merges.add(f"short name {short.label!r} ends the full name {target.label!r}")
        elif len(longer) > 1:
            names = ", ".join(sorted(p.label for p in longer))
            short.merges.add(f"not merged: {short.label!r} could be any of {names}")
    for key, target_key in redirect.items():
        drafts[target_key].aliases |= drafts[key].aliases
        drafts[target_key].roles |= drafts[key].roles
        drafts[target_key].mentions += drafts[key].mentions
        del drafts[key]
    return redirect


def resolve_entities(analyses: Iterable[DocumentAnalysis]) -> Corpus:
    """Resolve the mentions of all ``analyses`` into entities and link every assertion."""
    analyses = list(analyses)
    drafts: dict[str, _Draft] = {}
    keys: dict[tuple[str, int, int], str] = {}
    for analysis in analyses:
        for mention in sorted({*analysis.mentions, *analysis.heads.values()}, key=_order):
            if mention.kind != "PRON":
                keys[_at(mention)] = _add(drafts, mention)
    redirect = _merge_short_person_names(drafts)
    keys = {at: redirect.get(key, key) for at, key in keys.items()}
    for analysis in analyses:
        _resolve_pronouns(analysis, keys, drafts)
    entities = {key: _entity(d) for key, d in drafts.items()}
    assertions = tuple(
        _link(a, analysis, keys, entities) for analysis in analyses for a in analysis.assertions
    )
    used = {e for a in assertions for e in _entity_ids(a)}
    return Corpus(
        articles=tuple(a.article for a in analyses),
        assertions=assertions,
        entities=tuple(sorted((e for e in entities.values() if e.id in used), key=lambda e: e.id)),
        sentences=sum(len(a.sentences) for a in analyses),
    )


def _entity_ids(assertion: Assertion) -> list[str | None]:
    ids = [assertion.subject.entity, assertion.object.entity if assertion.object else None]
    return [*ids, assertion.attribution.entity if assertion.attribution else None]


def _order(mention: Mention) -> tuple[int, int, str]:
    return (mention.start, mention.end, mention.kind)


def _at(mention: Mention) -> tuple[str, int, int]:
    return (mention.doc, mention.start, mention.end)


def _add(drafts: dict[str, _Draft], mention: Mention) -> str:
    kind, key, label, country = classify(mention)
    draft = drafts.setdefault(key, _Draft(key, kind, label, country))
    draft.aliases.add(mention.text)
    draft.mentions += 1
    if len(label) > len(draft.label) and kind in {"Person", "Group"}:
        draft.label = label  # the fullest form: "Russian officials" over "Russian official"
    _, titles = strip_name(mention.text, person=kind == "Person")
    if titles:
        draft.roles.add(" ".join(titles))
    if mention.text != draft.label and kind in {"Country", "GovernmentBody", "Person"}:
        draft.merges.add(f"{mention.text!r} names {draft.label!r} ({_rule(kind)})")
    return key


def _rule(kind: str) -> str:
    return {
        "Country": "ISO 3166 country name or code",
        "GovernmentBody": "seat of government",
        "Person": "title, determiner or possessive stripped",
    }[kind]


def _resolve_pronouns(
    analysis: DocumentAnalysis, keys: dict[tuple[str, int, int], str], drafts: dict[str, _Draft]
) -> None:
    mentions = sorted({*analysis.mentions, *analysis.heads.values()}, key=_order)
    last: dict[str, str] = {}
    for mention in mentions:
        if mention.kind != "PRON":
            key = keys[_at(mention)]
            for slot in _slots(drafts[key], mention):
                last[slot] = key
            continue
        wanted = _PRONOUN_KINDS.get(mention.text.lower())
        if wanted in last:
            keys[_at(mention)] = last[wanted]
            drafts[last[wanted]].aliases.add(mention.text)


def _slots(draft: _Draft, mention: Mention) -> list[str]:
    if draft.type == "Person":
        return ["Person"]
    if draft.type in _THING_TYPES:
        return ["Thing"]
    if draft.type in {"Group", "AnonymousSource"} and mention.number == "plural":
        return ["Plural"]
    return []


def _entity(draft: _Draft) -> Entity:
    return Entity(
        id=content_id(draft.label, draft.type, draft.key),
        label=draft.label,
        type=draft.type,
        aliases=tuple(sorted(draft.aliases)),
        country=draft.country,
        roles=tuple(sorted(draft.roles)),
        merges=tuple(sorted(draft.merges)),
        mentions=draft.mentions,
    )


def _link(
    assertion: Assertion,
    analysis: DocumentAnalysis,
    keys: dict[tuple[str, int, int], str],
    entities: dict[str, Entity],
) -> Assertion:
    def entity_of(start: int, end: int) -> Entity | None:
        mention = analysis.heads.get((start, end))
        key = keys.get(_at(mention)) if mention is not None else None
        return entities.get(key) if key is not None else None

    def linked(arg: Argument) -> Argument:
        entity = entity_of(arg.start, arg.end)
        if entity is None and speaker is not None and _is_first_person(arg.text):
            entity = speaker
        if entity is None:
            return arg
        return replace(arg, entity=entity.id, label=entity.label, type=entity.type)

    attribution = assertion.attribution
    speaker = None
    if attribution is not None:
        speaker = entity_of(attribution.start, attribution.end)
        if speaker is not None:
            attribution = replace(attribution, entity=speaker.id, label=speaker.label)
    obj = linked(assertion.object) if assertion.object is not None else None
    return replace(
        assertion, subject=linked(assertion.subject), object=obj, attribution=attribution
    )


def _is_first_person(text: str) -> bool:
    return _PRONOUN_KINDS.get(text.lower()) == "Speaker"
