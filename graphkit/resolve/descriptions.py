"""Definite descriptions: "the spokesman", "the Israeli leader", "the bloc".

A description links to an actor the same article has named before it, and only when
exactly one such actor fits; otherwise it stays as it is (its own node in its
article), never given to the most salient actor.

- **People by office.** The offices an article gives its people are read from the
  words before a name ("Kremlin spokesman Dmitry Peskov", "Israeli Prime Minister
  Benjamin Netanyahu") and from its "be" assertions (appositions and copulas: "Rafael
  Grossi, the head of the agency"). "the spokesman" fits a person whose office has
  the word spokesman; every other word must fit too: a nationality the office's
  country ("the Chinese minister": a Chinese minister), any other word one of the
  office's ("the Commission president", "the crown prince"). "leader" fits a head of
  state or government (president, prime minister, chancellor, king, emir ...).
- **Organisations by kind.** "the agency", "the alliance", "the bloc", "the group"
  fit an organisation whose long name ends in that noun ("International Atomic Energy
  Agency") or whose alias entry lists it (``"nouns": ["bloc"]`` for the EU).
- Only definite singular descriptions ("the ..."), never "a spokeswoman".
- **Appositions.** "his spokeswoman, Park Soo-min" and "Bayramov's Armenian
  counterpart, Ararat Mirzoyan" name one person: the role phrase, where it is an
  argument of other assertions, is that person (:func:`link_appositions`); the "be"
  assertion itself keeps the role phrase as its subject.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from graphkit.nlp.words import ACTOR_NOUNS, ROLE_NOUNS
from graphkit.resolve.aliases import AliasBook
from graphkit.resolve.classify import country_of_words, strip_name
from graphkit.resolve.drafts import Drafts, at
from graphkit.types import Assertion, DocumentAnalysis

LEADER_WORDS = frozenset(
    "president premier chancellor king queen emir sultan leader taoiseach".split()
)
# the nouns a description of one office holder ends in ("the spokesman")
PERSON_HEADS = frozenset(
    "president president-elect minister premier chancellor king queen prince princess "
    "pope secretary secretary-general senator governor mayor general ambassador envoy "
    "spokesman spokeswoman spokesperson chairman chairwoman chief director leader "
    "commander emir sheikh sultan ayatollah head speaker prosecutor admiral".split()
)
# the head nouns of a phrase that an apposition may make one person with a name
_PERSON_NOUNS = (
    PERSON_HEADS
    | ACTOR_NOUNS
    | frozenset(
        "counterpart aide adviser advisor deputy sister brother wife husband son daughter "
        "officer lawmaker negotiator".split()
    )
)
_ROLE_NODES = frozenset({"Group", "AnonymousSource", "Concept"})
_NAMED_ORGANISATIONS = frozenset(
    {"Organization", "GovernmentBody", "PoliticalParty", "MediaOrganization", "Group"}
)
_WORD = re.compile(r"[\w’'-]+|[^\w\s]")
_OFFICE_WORD = re.compile(r"[A-Z][\w-]*|[a-z-]+")
_STOP = frozenset('.,;:!?"“”()[]—–')


@dataclass(frozen=True)
class Office:
    """What an article says one person is: the words of the office, its country."""

    key: str
    start: int
    words: frozenset[str]
    country: str | None


def office_of(words: list[str], key: str, start: int) -> Office | None:
    """The office named by ``words`` ("Israeli Prime Minister"), or None when none of
    them is an office noun."""
    lowered = frozenset(w.lower().removesuffix("'s").removesuffix("’s") for w in words)
    if not lowered & PERSON_HEADS:
        return None
    return Office(key, start, lowered, country_of_words([_strip(w) for w in words]))


def _strip(word: str) -> str:
    return word.removesuffix("'s").removesuffix("’s")


def words_before(text: str, start: int) -> list[str]:
    """The capitalised or office words right before a name, in its line and clause:
    "Kremlin spokesman" of "Kremlin spokesman Dmitry Peskov"."""
    line = text[text.rfind("\n", 0, start) + 1 : start]
    found: list[str] = []
    for word in reversed(_WORD.findall(line)):
        if word in _STOP or word.lower() == "the":
            break
        if not (word[:1].isupper() or word.lower() in ROLE_NOUNS):
            break
        found.insert(0, word)
    return found


def offices_in(
    text: str,
    people: Iterable[tuple[int, int, str, str]],
    assertions: Iterable[tuple[Assertion, str | None]],
) -> list[Office]:
    """Every office the article gives a person: ``people`` are (start, end, surface
    text, key) of person mentions; ``assertions`` the article's with the key of their
    subject."""
    found = []
    for start, _, surface, key in people:
        _, titles = strip_name(surface)  # "President Vladimir Putin": its titles
        office = office_of([*words_before(text, start), *titles], key, start)
        if office is not None:
            found.append(office)
    for assertion, holder in assertions:
        obj = assertion.object
        if holder is None or obj is None or assertion.relation.lemma != "be":
            continue
        if assertion.negated or assertion.relation.modality or assertion.hedged:
            continue
        office = office_of(_OFFICE_WORD.findall(obj.text), holder, assertion.subject.start)
        if office is not None:
            found.append(office)
    return found


def description_words(text: str, start: int, surface: str) -> list[str] | None:
    """The words of a definite description ("Israeli leader" of "the Israeli leader"),
    or None when the phrase is not one ("a spokeswoman", "spokesmen", "his office")."""
    before = text[max(0, start - 4) : start].lower()
    words = surface.split()
    if not before.endswith("the ") or not words or words[0].lower() == "the":
        return None
    return words


def fits_office(words: list[str], office: Office) -> bool:
    """Whether every word of a description fits the office."""
    *modifiers, head = [w.lower() for w in words]
    if head == "leader":
        if not (office.words & LEADER_WORDS or {"prime", "minister"} <= office.words):
            return False
    elif head not in office.words:
        return False
    for word, original in zip(modifiers, words, strict=False):
        country = country_of_words([original])
        if country is not None:
            if country != office.country:
                return False
        elif word not in office.words:
            return False
    return True


def organisation_nouns(label: str, nouns: Iterable[str] = ()) -> frozenset[str]:
    """The nouns that may stand for an organisation: its alias entry's, and the last
    word of a long name ("International Atomic Energy Agency" -> agency)."""
    words = label.split()
    own = {words[-1].lower()} if len(words) > 1 and words[-1][:1].isupper() else set()
    return frozenset({*own, *(n.lower() for n in nouns)})


def is_person_description(words: list[str]) -> bool:
    return words[-1].lower() in PERSON_HEADS


def link_descriptions(analysis: DocumentAnalysis, drafts: Drafts, book: AliasBook) -> None:
    """Each definite description of the article joins the one actor named before it
    that it fits (see the module docstring), else stays as it is; appositions first."""
    link_appositions(analysis, drafts)
    text, keys = analysis.article.text, drafts.keys
    mentions = [m for m in drafts.mentions_of(analysis) if m.kind != "PRON"]
    named = [m for m in mentions if m.kind != "NOUN"]
    people = [(m.start, m.end, m.text, keys[at(m)]) for m in named if drafts.of(m).type == "Person"]  # type: ignore[union-attr]
    subjects = []
    for assertion in analysis.assertions:
        head = analysis.heads.get((assertion.subject.start, assertion.subject.end))
        subjects.append((assertion, keys.get(at(head)) if head is not None else None))
    offices = offices_in(text, people, subjects)
    organisations = [
        (m.start, keys[at(m)]) for m in named if drafts[keys[at(m)]].type in _NAMED_ORGANISATIONS
    ]
    for mention in mentions:
        words = description_words(text, mention.start, mention.text)
        common = mention.kind == "NOUN" or mention.text.islower()  # "bloc" tagged PROPN
        if not common or mention.number != "singular" or words is None:
            continue
        if is_person_description(words):
            fits = {o.key for o in offices if o.start < mention.start and fits_office(words, o)}
        elif len(words) == 1:
            noun = words[0].lower()
            fits = {
                k for s, k in organisations if s < mention.start and noun in _nouns(drafts, book, k)
            }
        else:
            continue
        if len(fits) == 1:
            [key] = fits
            label = drafts[key].label
            drafts.relink(
                mention, key, f"{mention.text!r} is {label!r}, named before in its article"
            )


def _nouns(drafts: Drafts, book: AliasBook, key: str) -> frozenset[str]:
    label = drafts[key].label
    entry = book.lookup(label)
    return organisation_nouns(label, entry.nouns if entry else ())


def link_appositions(analysis: DocumentAnalysis, drafts: Drafts) -> None:
    """A role phrase that an apposition or copula makes one with a named person ("his
    spokeswoman, Park Soo-min") is that person."""
    for assertion in analysis.assertions:
        relation, obj = assertion.relation, assertion.object
        if relation.lemma != "be" or obj is None or assertion.negated or relation.modality:
            continue
        role = analysis.heads.get((assertion.subject.start, assertion.subject.end))
        name = analysis.heads.get((obj.start, obj.end))
        if role is None or name is None or role.kind != "NOUN" or role.number != "singular":
            continue
        person, draft = drafts.of(name), drafts.of(role)
        if person is None or draft is None or person.type != "Person":
            continue
        head = role.text.split()[-1].lower()
        if draft.type in _ROLE_NODES and head in _PERSON_NOUNS and at(role) not in drafts.before:
            drafts.before[at(role)] = draft.key
            why = f"{role.text!r} is {person.label!r} (apposition)"
            drafts.relink(role, person.key, why)
