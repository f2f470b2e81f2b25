"""Which PLOVER event an assertion expresses, read from its relation and object.

graphkit's relations already carry what a dependency coder needs: the lemma of the verb
chain ("threaten ban", "offer negotiate with"), the words as written ("has refused to
deploy"), the object's text, negation and modality. The dictionary
(:mod:`graphkit.events.dictionary`) says what each verb or noun means; this module
applies PLOVER's rules on top:

1. The verb chain is read left to right. The first verb with a category decides
   ("threaten to ban" is THREATEN, "demand that ..." REQUEST); INTENT and PREPARE verbs
   shape what follows; LIGHT verbs ("continue to", "hold") pass it on, and when no verb
   decides, a noun of the object does ("held *talks*", "announced a *suspension*").
   After "be" an adjective and a verb may carry it ("is willing to withdraw").
2. Polarity (PLOVER: a negated event is not that event): a refusal of an event
   ("refused to deploy", "declined to resign", "failed to reach agreement") is REJECT;
   a stated unwillingness to cooperate ("will not accept", "vowed not to return") is
   REJECT; any other negated event is not coded.
3. Intentions (PLOVER: cooperative acts in the future tense are intentions): "will",
   "would", "plans to", "promised to" turn a cooperative event into AGREE and a
   material hostile one into THREATEN; "prepared to" a hostile one into MOBILIZE.
4. What someone must or should do ("Sudan must return ...") is not that actor's event:
   the speaker's "said that ... must" is the REQUEST. An agentless passive ("three
   civilians were killed") names no source and is not coded.
5. Hedging, possibility ("could", "may"), attempts ("tried to") and attribution keep
   the event: those flags stay on the assertion, beside it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from graphkit.events.categories import CATEGORIES, MATERIAL_CONFLICT, is_cooperative
from graphkit.events.dictionary import EventDictionary, forms, load_event_dictionary, tokens
from graphkit.types import Assertion, Event

FUTURE = frozenset("will would shall plan intend want wish hope aim expect seek".split())
OBLIGATION = frozenset("must should ought need have".split())  # "have" of "have to"
_SHAPING = frozenset({"INTENT", "PREPARE"})
_PASSING = frozenset({"LIGHT", "SAY", "COPULA"})
_GOES_ON = frozenset({"LIGHT", "INTENT", "PREPARE"})  # into a clausal object: "resort to throwing"
_BE = frozenset("is are was were be been being am get gets got gotten".split())
_ADVERBS = frozenset("also still reportedly allegedly already just then not never".split())
# participles that read as adjectives after "be": "is committed to", not a passive
_ADJECTIVAL = frozenset("committed prepared determined engaged involved opposed resolved".split())
# particles and prepositions of a lemma: never a verb of their own after its first word
# ("come back" is not "back", SUPPORT)
_PARTICLES = frozenset(
    "up down off out back over in on at to for with from into about away around through by "
    "of against along across apart aside ahead forward".split()
)
# words that end the head of a noun phrase: "a suspension | of air links"
_HEAD_END = frozenset(
    "of with to on against for from in into by at that which who whose over between near "
    "after before during under about since until amid across along".split()
)
_IRREGULAR = {
    "held": "hold", "shot": "shoot", "beaten": "beat", "struck": "strike", "taken": "take",
    "hit": "hit", "sent": "send", "given": "give", "fought": "fight", "thrown": "throw",
    "caught": "catch", "freed": "free", "slain": "slay", "shut": "shut", "cut": "cut",
    "overrun": "overrun", "blown": "blow", "withdrawn": "withdraw", "kept": "keep",
}  # fmt: skip


@lru_cache(maxsize=1)
def default_dictionary() -> EventDictionary:
    """The built-in dictionary (read once)."""
    return load_event_dictionary(None)


@dataclass
class Reading:
    """What the words say before polarity and modality: the category, the verb that
    decided it (None when a noun did), the words that carried it, and the shaping
    roles met on the way."""

    category: str | None = None
    verb: str | None = None
    cue: list[str] = field(default_factory=list)
    intent: bool = False
    prepare: bool = False
    last_role: str | None = None


def read_relation(
    lemma: list[str], objects: list[str], clause: bool, dictionary: EventDictionary
) -> Reading:
    """Read a relation's lemma words, then (when they pass it on) the first words of
    its object, then the object's head noun."""
    reading = Reading()
    if _scan(lemma, objects, reading, dictionary, gap=len(lemma)):
        return reading
    if objects and (reading.last_role == "COPULA" or (clause and reading.last_role in _GOES_ON)):
        extra = Reading(intent=reading.intent, prepare=reading.prepare)
        if _scan(objects[:6], None, extra, dictionary, gap=2, tail=objects) and extra.category:
            extra.cue = [*reading.cue, *extra.cue]
            return extra
        if extra.last_role is not None:
            reading.intent, reading.prepare = extra.intent, extra.prepare
            reading.last_role = extra.last_role
    if reading.last_role in {"LIGHT", "SAY", "INTENT", "PREPARE"} and not clause:
        found = dictionary.noun(_head(objects))
        if found is not None:
            reading.category, reading.cue = found[0].category, [*reading.cue, found[1]]
            return reading
    if reading.last_role == "SAY" and clause and _obliges(objects):
        reading.category = "REQUEST"
    return reading


def _scan(
    words: list[str],
    objects: list[str] | None,
    reading: Reading,
    dictionary: EventDictionary,
    gap: int,
    tail: list[str] | None = None,
) -> bool:
    """Walk ``words``; True when a category (or NONE) was found. With ``objects``
    None, the object words of a match are the ``tail`` words after it."""
    at, skipped = 0, 0
    while at < len(words) and skipped <= gap:
        after = objects if objects is not None else (tail or words)[at + 1 :]
        found = None if at and words[at] in _PARTICLES else dictionary.match(words, at, after)
        if found is None:
            at, skipped = at + 1, skipped + 1
            continue
        entry, length, hit = found
        reading.cue.append(" ".join([*words[at : at + length], *([hit] if hit else [])]))
        role, at, skipped = entry.category, at + length, 0
        if role == "NONE":
            return True
        if role in _PASSING or role in _SHAPING:
            reading.intent |= role == "INTENT"
            reading.prepare |= role == "PREPARE"
            reading.last_role = role
            continue
        reading.category, reading.verb = role, entry.verb[0]
        return True
    return False


def _head(words: list[str]) -> list[str]:
    """The words of a noun phrase before its first preposition or relative word."""
    for index, word in enumerate(words):
        if word in _HEAD_END:
            return words[:index]
    return words


def _obliges(words: list[str]) -> bool:
    """A clause that says what someone must do: "Sudan must return ..."."""
    pairs = zip(words, [*words[1:], ""], strict=True)
    return any(w in {"must", "should", "ought"} or (w in {"has", "have"} and n == "to")
               for w, n in pairs)  # fmt: skip


def code_event(assertion: Assertion, dictionary: EventDictionary | None = None) -> Event | None:
    """The PLOVER event ``assertion`` expresses, or None (see the module's rules)."""
    book = dictionary if dictionary is not None else default_dictionary()
    relation, obj = assertion.relation, assertion.object
    objects = tokens(obj.text) if obj is not None else []
    # an "as" phrase says what the object is taken for: "holding civilians as shields"
    objects += [w for q in assertion.qualifiers if q.role == "as" for w in tokens(q.text)]
    clause = obj is not None and obj.type == "Proposition"
    reading = read_relation(relation.lemma.split(), objects, clause, book)
    category = decide(reading, assertion, book)
    if category is None:
        return None
    kind = CATEGORIES[category]
    cue = relation.text
    extra = [w for part in reading.cue for w in part.split() if w not in tokens(cue)]
    extra = [w for w in dict.fromkeys(extra) if w not in relation.lemma.split()]
    if extra:
        cue = f"{cue} {' '.join(extra)}"
    return Event(category, kind.quad_class, kind.intensity, cue)


def decide(reading: Reading, assertion: Assertion, dictionary: EventDictionary) -> str | None:
    """Apply polarity, modality and voice to what the words say."""
    relation = assertion.relation
    category = reading.category
    if category is None:
        return None
    modality = set((relation.modality or "").split())
    written = tokens(relation.text)
    if relation.negated:
        return _negated(category, reading, modality, written, relation.lemma, dictionary)
    if modality & OBLIGATION:
        return None  # what another actor wants done; coded on the speaker's clause
    if not relation.passive and reading.verb and _passive_verb(written, reading.verb):
        return None  # "were killed": the subject is the victim and no source is named
    if reading.prepare or reading.intent or modality & FUTURE:
        if is_cooperative(category):
            return "AGREE"
        if CATEGORIES[category].quad_class == MATERIAL_CONFLICT:
            return "MOBILIZE" if reading.prepare and not reading.intent else "THREATEN"
    return category


def _negated(
    category: str,
    reading: Reading,
    modality: set[str],
    written: list[str],
    lemma: str,
    dictionary: EventDictionary,
) -> str | None:
    said = {f for w in written for f in forms(w)} - set(lemma.split())
    if said & dictionary.refusals:
        return "REJECT"  # "refused to deploy": the extractor keeps "deploy", negated
    cooperative = is_cooperative(category)
    if cooperative and ("fail" in said or modality & FUTURE or reading.intent):
        return "REJECT"  # "failed to reach agreement", "will not accept", "vowed not to"
    return None


def _passive_verb(written: list[str], verb: str) -> bool:
    """``verb`` written as a participle after a form of "be": "have been killed"."""
    for index, word in enumerate(written):
        if word not in _BE:
            continue
        rest = [w for w in written[index + 1 :] if w not in _ADVERBS]
        if rest and (verb in forms(rest[0]) or _IRREGULAR.get(rest[0]) == verb):
            return not rest[0].endswith("ing") and rest[0] not in _ADJECTIVAL
    return False
