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
_OWNERS = frozenset({"GovernmentBody", "Organization", "PoliticalParty"})
# the types of the entities :func:`role_facts` reads: given only those, sorted by id,
# it finds the facts it finds given every entity (a grow reads no others, issue 15)
ROLE_TYPES = _OWNERS | {"Country"}


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


def _owners(entities: list[Entity]) -> dict[str, int]:
    """Each lower-cased name of a body an office may belong to -> the place in
    ``entities`` of the first that bears it."""
    owners: dict[str, int] = {}
    for index, entity in enumerate(entities):
        if entity.type in _OWNERS:
            for name in (entity.label, *entity.aliases):
                owners.setdefault(name.lower(), index)
    return owners


def _whose(
    text: str,
    entities: list[Entity],
    owners: dict[str, int],
    longest: int,
    country_id: Callable[[str], str],
) -> str | None:
    """The country or organisation an office belongs to, named in its words: of the
    bodies whose name (at most ``longest`` characters) the text holds between spaces,
    the first in ``entities``. Each run of the text's words is looked up in ``owners``
    rather than each body's names sought in the text, which grew with the corpus."""
    lowered = f" {text.lower()} "
    spaces = [at for at, char in enumerate(lowered) if char == " "]
    found = []
    for i, start in enumerate(spaces):
        for end in spaces[i + 1 :]:
            if end - start - 1 > longest:
                break
            if (run := lowered[start + 1 : end]) in owners:
                found.append(owners[run])
    if found:
        return entities[min(found)].id
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
    owners = _owners(entities)
    longest = max(map(len, owners), default=0)
    found: dict[tuple[str, str, str | None, str], Role] = {}
    for assertion in assertions:
        holding = _office_holder(assertion)
        if holding is None or assertion.object is None:
            continue
        holder, title = holding
        of = _whose(assertion.object.text, entities, owners, longest, country_id) or None
        article = articles.get(assertion.doc)
        role = Role(holder, title, of, assertion.doc, article.published if article else None,
                    assertion.sentence)  # fmt: skip
        found.setdefault((holder, title, of, assertion.doc), role)
    return tuple(found[k] for k in sorted(found, key=lambda k: (k[0], k[1], k[2] or "", k[3])))
