"""Role facts: who holds which office, of what, according to which article.

Read from assertions that say a person *is* something whose words name an office:
titles before names ("Russian President Vladimir Putin"), appositions ("Dmitry
Peskov, the Kremlin spokesman") and copulas ("Trump is the 47th President of the
United States"). The office's country or organisation comes from the same words.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping

from graphkit.nlp.words import ROLE_NOUNS
from graphkit.resolve.classify import country_of_words
from graphkit.types import Article, Assertion, Entity, Role

_WORD = re.compile(r"[\w-]+")


def office_words(text: str) -> str | None:
    """The first run of office words in ``text``.

    >>> office_words("the 47th President of the United States")
    'President'
    >>> office_words("the new US president-elect"), office_words("a shift")
    ('president-elect', None)
    """
    run: list[str] = []
    for word in _WORD.findall(text):
        if word.lower() in ROLE_NOUNS:
            run.append(word)
        elif run:
            break
    return " ".join(run) or None


def _office_holder(assertion: Assertion) -> tuple[str, str] | None:
    obj = assertion.object
    if assertion.relation.lemma != "be" or obj is None or assertion.negated:
        return None
    if assertion.subject.type != "Person" or assertion.subject.entity is None:
        return None
    if assertion.relation.modality or assertion.hedged:
        return None
    title = office_words(obj.text)
    return (assertion.subject.entity, title) if title else None


def _whose(text: str, entities: Iterable[Entity], country_id: Callable[[str], str]) -> str | None:
    """The country or organisation an office belongs to, named in its words."""
    lowered = f" {text.lower()} "
    for entity in entities:
        if entity.type in {"GovernmentBody", "Organization", "PoliticalParty"} and any(
            f" {name.lower()} " in lowered for name in (entity.label, *entity.aliases)
        ):
            return entity.id
    code = country_of_words(_WORD.findall(text))
    return country_id(code) if code else None


def role_facts(
    assertions: Iterable[Assertion],
    entities: Iterable[Entity],
    articles: Mapping[str, Article],
    country_id: Callable[[str], str] | None = None,
) -> tuple[Role, ...]:
    """Every distinct (holder, title, of, article) role fact, in a stable order.

    ``country_id`` gives the entity id of a country by ISO code (the resolver makes
    the country when no text named it); by default only named countries are used."""
    entities = sorted(entities, key=lambda e: e.id)
    countries = {e.country: e.id for e in entities if e.type == "Country" and e.country}
    country_id = country_id or (lambda code: countries.get(code, ""))
    found: dict[tuple[str, str, str | None, str], Role] = {}
    for assertion in assertions:
        holding = _office_holder(assertion)
        if holding is None or assertion.object is None:
            continue
        holder, title = holding
        of = _whose(assertion.object.text, entities, country_id) or None
        article = articles.get(assertion.doc)
        role = Role(holder, title, of, assertion.doc, article.published if article else None,
                    assertion.sentence)  # fmt: skip
        found.setdefault((holder, title, of, assertion.doc), role)
    return tuple(found[k] for k in sorted(found, key=lambda k: (k[0], k[1], k[2] or "", k[3])))
