"""Crowds located by where they act: PLOVER codes civilians by their location.

An uncoded crowd ("Thousands of people", "Protesters", "Residents of the town"), whose
own words name no country and no one, acting *in* a place the resolver placed (a city,
region or country) gets that place's country, with the sector its words name (CVL,
else "students" EDU, "workers" LAB): "Thousands of people marched in Paris" -> FRACVL.
The place is the object of an "... in" relation ("marched in Paris"), a qualifier of
the clause ("held a rally *in Nairobi*"), or the object's own "in" phrase when the
object is a place or a gathering ("blocked *streets in Hong Kong*"; not "protested *the
war in Iraq*"). Nothing else: "signed a petition to the Paris council" stays uncoded.
"""

from __future__ import annotations

from graphkit.events.actors import ActorCoder, name_tokens, sector_of
from graphkit.events.dictionary import forms
from graphkit.types import Assertion

CROWDS = frozenset(
    "people protester demonstrator resident crowd student worker villager marcher "
    "rioter mourner civilian inhabitant".split()
)
# a crowd counted: "Thousands of people", "Hundreds of thousands of protesters"
_COUNTS = frozenset(
    "thousands hundreds dozens scores millions tens number numbers group groups".split()
)
# prepositions and words that end a crowd's head noun phrase
# words a crowd's phrase may begin with, capitalised at the start of a sentence (any
# other capitalised word may name a people or a place: "Kurdish people")
_LEADING = frozenset(
    "the a an some many several about around nearly almost up over more most tens".split()
)
_AFTER_HEAD = frozenset("of in from at near on with who that which across around".split())
# places where a crowd acts and gatherings it holds: the object's own "in" phrase locates
# the crowd only after one of these ("streets in Hong Kong", "a rally in Nairobi")
_SITES = frozenset(
    "street road square avenue highway centre center capital city town village district "
    "neighbourhood neighborhood park area rally march demonstration protest strike vigil "
    "sit-in gathering".split()
)
# words between "in" and a place's name: "in the centre of" is not here, "in central
# Cairo" is
_BEFORE_PLACE = frozenset(
    "the central northern southern eastern western downtown north south east west".split()
)
_PLACE_ROLES = frozenset({"in", "place"})


def crowd_code(assertion: Assertion, coder: ActorCoder) -> str | None:
    """The code of an uncoded crowd subject by where it acts (see the module), or None."""
    subject = assertion.subject
    entity = coder.entities.get(subject.entity or "")
    if subject.code is not None or (entity is not None and entity.type != "Concept"):
        return None  # a named actor is never coded by place
    words = name_tokens(subject.text)
    if not _crowd(words):
        return None
    country = _where(assertion, coder)
    if country is None:
        return None
    return country + (sector_of(words) or "CVL")


def _crowd(words: list[str]) -> bool:
    """Whether a phrase names a crowd and nothing else: no capitalised word (but a
    first one of :data:`_LEADING`, :data:`_COUNTS` or :data:`CROWDS`), and a head noun
    (past the counts) of :data:`CROWDS`."""
    lowered = [w.lower() for w in words]
    known = _LEADING | _COUNTS | CROWDS
    if not words or any(w[:1].isupper() for w in words[1:]):
        return False
    if words[0][:1].isupper() and not known.intersection(forms(words[0])):
        return False
    head = None
    for word in lowered:
        if word in _AFTER_HEAD:
            if head not in _COUNTS:
                break
            head = None
            continue
        head = word
    return head is not None and not CROWDS.isdisjoint(forms(head))


def _where(assertion: Assertion, coder: ActorCoder) -> str | None:
    obj = assertion.object
    if obj is not None and assertion.relation.lemma.split()[-1] == "in":
        found = coder.place_named(_place_words(name_tokens(obj.text)))
        if found is not None:
            return found
    for qualifier in assertion.qualifiers:
        words = name_tokens(qualifier.text)
        if qualifier.role in _PLACE_ROLES and words[:1] == ["in"]:
            found = coder.place_named(_place_words(words[1:]))
            if found is not None:
                return found
    if obj is not None:
        words = name_tokens(obj.text)
        lowered = [w.lower() for w in words]
        first = next((i for i, w in enumerate(lowered) if w in _AFTER_HEAD), None)
        if first and lowered[first] == "in" and not _SITES.isdisjoint(forms(lowered[first - 1])):
            return coder.place_named(_place_words(words[first + 1 :]))
    return None


def _place_words(words: list[str]) -> list[str]:
    """``words`` from the first that is not "the" or a direction ("central Cairo")."""
    start = 0
    while start < len(words) and words[start].lower() in _BEFORE_PLACE:
        start += 1
    return words[start:]
