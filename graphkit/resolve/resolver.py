"""Actor resolution: many surface forms -> one typed entity, with the reasons why.

Rules, in order:
1. each mention is typed by :func:`graphkit.resolve.classify.classify` (alias dictionary,
   ISO 3166 countries, GeoNames cities, hints, the recognizer's label);
2. titles, possessives and determiners are stripped ("President Vladimir Putin's"
   -> Vladimir Putin, role President); countries key on their ISO code, so "US",
   "the United States" and "America" are one entity;
3. a one-word name joins the one person in the corpus whose longer name ends with it
   ("Trump" -> Donald Trump); with two candidates, or a ``never_merge`` pair, it
   joins neither;
4. "he"/"she" take a person of their gender that the nearest sentences name, never
   one named inside a quotation they are outside of
   (:mod:`graphkit.resolve.antecedents`), else stay unresolved; other pronouns take
   the nearest earlier compatible mention in their article; "we"/"I" in a quotation
   take the quote's speaker; "these officials" takes the last group of officials
   named before;
5. metonymy (switchable): a national capital as the subject of a verb stands for its
   country's government ("Moscow will be watching"); the Kremlin and the White House
   are government bodies of their countries (alias dictionary);
6. a group or unnamed source is placed in the organisation or country its own phrase
   names ("a source close to the Foreign Ministry"), and every country a group or
   person is linked to becomes an entity, named in the text or not.
:class:`Resolver` runs them in this order, one method each. Every merge is recorded
in ``Entity.merges`` so that an analyst can audit it.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from dataclasses import dataclass, field, replace

from graphkit.geo.cities import find_city
from graphkit.geo.countries import country_name
from graphkit.ids import content_id, draft_key
from graphkit.resolve.aliases import AliasBook, load_aliases
from graphkit.resolve.antecedents import Antecedents, Candidate, gender_evidence, person_gender
from graphkit.resolve.classify import Typing, classify, country_of_words, strip_name
from graphkit.resolve.roles import role_facts
from graphkit.types import Argument, Assertion, Corpus, DocumentAnalysis, Entity, Mention

_PRONOUN_KINDS = {
    "he": "Person", "him": "Person", "his": "Person", "himself": "Person",
    "she": "Person", "her": "Person", "hers": "Person", "herself": "Person",
    "its": "Thing", "itself": "Thing",  # "it" is too often expletive ("it would be good")
    "they": "Plural", "them": "Plural", "their": "Plural", "themselves": "Plural",
    "we": "Speaker", "us": "Speaker", "our": "Speaker", "i": "Speaker", "me": "Speaker",
    "my": "Speaker",
}  # fmt: skip
_THING_TYPES = frozenset({"Country", "GovernmentBody", "Organization", "MediaOrganization"})
_KEPT_ONLY_WHEN_USED = frozenset({"Concept"})
_GROUPS = frozenset({"Group", "AnonymousSource"})
_PLACING = frozenset(
    {"GovernmentBody", "Organization", "MediaOrganization", "Country", "PoliticalParty"}
)
# words that place a group in what follows: "at", "within", "close to" (not "by")
_PLACING_WORDS = [[w] for w in "at of in within inside from close near with for".split()]
_NOT_POLITICAL = frozenset({"be", "lie", "locate", "border", "host"})
At = tuple[str, int, int]


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
    affiliation: str | None = None  # a draft key


def resolve_entities(
    analyses: Iterable[DocumentAnalysis], aliases: AliasBook | None = None, metonymy: bool = True
) -> Corpus:
    """Resolve the mentions of all ``analyses`` into entities and link every assertion."""
    book = aliases if aliases is not None else load_aliases()
    return Resolver(book, metonymy).resolve(analyses)


class Resolver:
    """Runs the rules of the module docstring in order, one method each. Its state is
    the entities in the making (``drafts``, by key) and the key each mention resolves
    to (``keys``, by article and offsets)."""

    def __init__(self, aliases: AliasBook, metonymy: bool = True) -> None:
        self.book = aliases
        self.metonymy = metonymy
        self.drafts: dict[str, _Draft] = {}
        self.keys: dict[At, str] = {}
        self.genders: dict[str, str | None] = {}

    def resolve(self, analyses: Iterable[DocumentAnalysis]) -> Corpus:
        analyses = list(analyses)
        for analysis in analyses:
            self.type_mentions(analysis)
        self.merge_short_names()
        self.read_genders(analyses)
        for analysis in analyses:
            self.resolve_references(analysis)
            if self.metonymy:
                self.capitals_as_governments(analysis)
        for analysis in analyses:
            self.place_groups(analysis)
        for code in sorted({d.country for d in self.drafts.values() if d.country}):
            self.country(code)  # "Russian officials" links to Russia, named or not
        return self.corpus(analyses)

    def type_mentions(self, analysis: DocumentAnalysis) -> None:
        """Rules 1 and 2: each named mention typed and stripped, and put in its draft."""
        for mention in _mentions(analysis):
            if mention.kind != "PRON":
                self.keys[_at(mention)] = _add(self.drafts, mention, classify(mention, self.book))

    def merge_short_names(self) -> None:
        """Rule 3: the key of "Trump" goes to the key of "Donald Trump" when that is the
        only longer person name ending in that word. A name the recognizer once tagged
        as an organisation, group or place ("Trump victory") joins the person of that
        name too."""
        drafts = self.drafts
        people = [d for d in drafts.values() if d.type == "Person"]
        others = [
            d for d in drafts.values() if d.type in {"Organization", "Group", "Place", "City"}
        ]
        redirect: dict[str, str] = {}
        for short in [*people, *others]:
            if " " in short.label:
                continue
            longer = [p for p in people if p.label.endswith(" " + short.label)]
            longer = longer or [p for p in people if p.label == short.label and p is not short]
            longer = [p for p in longer if self.book.may_merge(short.label, p.label)]
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
        self.keys = {at: redirect.get(key, key) for at, key in self.keys.items()}

    def read_genders(self, analyses: list[DocumentAnalysis]) -> None:
        """Each person's gender, from the first name and the words around every mention
        (titles, "his", "her"): what rule 4 needs for "he" and "she"."""
        evidence: dict[str, list[str | None]] = {}
        for analysis in analyses:
            for mention in _mentions(analysis):
                key = self.keys.get(_at(mention))
                if key is not None and self.drafts[key].type == "Person":
                    found = gender_evidence(analysis.article.text, mention)
                    evidence.setdefault(key, []).extend(found)
        self.genders = {
            key: person_gender(self.drafts[key].label, found) for key, found in evidence.items()
        }

    def resolve_references(self, analysis: DocumentAnalysis) -> None:
        """Rule 4: pronouns and bare role nouns ("these officials") take the nearest
        earlier match in their article; "he" and "she" the person
        :class:`~graphkit.resolve.antecedents.Antecedents` chooses, or none."""
        last: dict[str, str] = {}
        people: list[Candidate] = []
        antecedents = Antecedents(analysis)
        for mention in _mentions(analysis):
            if mention.kind != "PRON":
                key = self.keys[_at(mention)]
                draft = self.drafts[key]
                if draft.type == "Person":
                    people.append(Candidate(mention, key, self.genders.get(key)))
                head = _bare_group_head(draft)
                if head is not None and f"group:{head}" in last:
                    key = self.keys[_at(mention)] = last[f"group:{head}"]  # "these officials"
                    draft = self.drafts[key]
                    draft.aliases.add(mention.text)
                for slot in _slots(draft, mention):
                    last[slot] = key
                continue
            wanted = _PRONOUN_KINDS.get(mention.text.lower())
            if wanted == "Person":  # he, she: unresolved unless the text supports one person
                person = antecedents.choose(mention, people)
                if person is not None:
                    self.keys[_at(mention)] = person
                    self.drafts[person].aliases.add(mention.text)
                    people.append(Candidate(mention, person, self.genders.get(person)))
            elif wanted in last:
                self.keys[_at(mention)] = last[wanted]
                self.drafts[last[wanted]].aliases.add(mention.text)

    def capitals_as_governments(self, analysis: DocumentAnalysis) -> None:
        """Rule 5: "Moscow will be watching": a capital that acts stands for its
        country's government."""
        for assertion in analysis.assertions:
            mention = analysis.heads.get((assertion.subject.start, assertion.subject.end))
            if mention is None or assertion.relation.lemma.split()[0] in _NOT_POLITICAL:
                continue
            draft = self.drafts.get(self.keys.get(_at(mention), ""))
            city = find_city(draft.label) if draft is not None and draft.type == "City" else None
            if city is None or not city.capital:
                continue
            key = draft_key("government", city.country)
            label = f"Government of {country_name(city.country)}"
            government = self.drafts.setdefault(
                key, _Draft(key, "GovernmentBody", label, city.country)
            )
            government.aliases.add(mention.text)
            government.mentions += 1
            government.merges.add(
                f"{mention.text!r} acting stands for {label!r} (capital metonymy)"
            )
            self.keys[_at(mention)] = key

    def place_groups(self, analysis: DocumentAnalysis) -> None:
        """Rule 6: a group or unnamed source is placed in the organisation or country its
        own phrase names: "Kremlin officials", "a source close to the Foreign Ministry",
        "sources within the Russian government" (not "officials quoted by VPost")."""
        named = sorted((m for m in analysis.mentions if m.kind != "PRON"), key=_order)
        starts = [m.start for m in named]  # only mentions starting in the phrase can place it
        text = analysis.article.text
        for (_, end), head in sorted(analysis.heads.items()):
            draft = self.drafts.get(self.keys.get(_at(head), ""))
            if draft is None or draft.type not in _GROUPS or draft.affiliation:
                continue
            first, last = bisect_left(starts, head.start), bisect_right(starts, max(end, head.end))
            for mention in named[first:last]:
                place = self.drafts.get(self.keys.get(_at(mention), ""))
                inside = head.start <= mention.start and mention.end < head.end
                after = head.end <= mention.start and mention.end <= end
                if place is None or place.type not in _PLACING or not (inside or after):
                    continue
                if after and text[head.end : mention.start].split()[:1] not in _PLACING_WORDS:
                    continue
                draft.affiliation = place.key
                draft.country = draft.country or place.country
                break
            draft.country = draft.country or country_of_words(text[head.end : end].split())

    def country(self, code: str) -> str:
        """The key of the country ``code``, made (with no mentions) if no text named it."""
        key = draft_key("country", code)
        if key not in self.drafts:
            self.drafts[key] = _Draft(key, "Country", country_name(code), code)
        return key

    def corpus(self, analyses: list[DocumentAnalysis]) -> Corpus:
        """The entities of the drafts, the assertions linked to them, the role facts;
        a concept is kept only when an assertion or role names it."""
        entities = {key: _entity(d, self.drafts) for key, d in self.drafts.items()}
        assertions = tuple(
            _link(a, analysis, self.keys, entities)
            for analysis in analyses
            for a in analysis.assertions
        )

        def country_id(code: str) -> str:
            key = self.country(code)
            return entities.setdefault(key, _entity(self.drafts[key], self.drafts)).id

        articles = {a.article.id: a.article for a in analyses}
        roles = role_facts(assertions, entities.values(), articles, country_id)
        used = {e for a in assertions for e in _entity_ids(a)} | {r.holder for r in roles}
        used |= {r.of for r in roles if r.of}
        used |= {e.affiliation for e in entities.values() if e.id in used and e.affiliation}
        kept = [e for e in entities.values() if e.id in used or e.type not in _KEPT_ONLY_WHEN_USED]
        titles: dict[str, set[str]] = {}
        for role in roles:
            titles.setdefault(role.holder, set()).add(role.title)
        return Corpus(
            articles=tuple(a.article for a in analyses),
            assertions=assertions,
            entities=tuple(
                sorted(
                    (
                        replace(e, roles=tuple(sorted({*e.roles, *titles.get(e.id, ())})))
                        for e in kept
                    ),
                    key=lambda e: e.id,
                )
            ),
            sentences=sum(len(a.sentences) for a in analyses),
            roles=roles,
        )


def _mentions(analysis: DocumentAnalysis) -> list[Mention]:
    return sorted({*analysis.mentions, *analysis.heads.values()}, key=_order)


def _order(mention: Mention) -> tuple[int, int, str]:
    return (mention.start, mention.end, mention.kind)


def _at(mention: Mention) -> At:
    return (mention.doc, mention.start, mention.end)


def _add(drafts: dict[str, _Draft], mention: Mention, typing: Typing) -> str:
    draft = drafts.setdefault(
        typing.key, _Draft(typing.key, typing.type, typing.label, typing.country)
    )
    draft.aliases.add(mention.text)
    draft.mentions += 1
    if len(typing.label) > len(draft.label) and typing.type in {"Person", "Group"}:
        draft.label = typing.label  # the fullest form: "Russian officials" over "official"
    _, titles = strip_name(mention.text, person=typing.type == "Person")
    if titles:
        draft.roles.add(" ".join(titles))
    if mention.text != draft.label and not typing.key.startswith(("concept:", "source:")):
        draft.merges.add(f"{mention.text!r} names {draft.label!r} ({typing.rule})")
    return typing.key


def _head_word(draft: _Draft) -> str:
    head = draft.label.split()[-1].lower()
    return head[:-1] if head.endswith("s") and len(head) > 3 else head


def _bare_group_head(draft: _Draft) -> str | None:
    """The role noun of a group named by that noun alone ("officials")."""
    if draft.type == "Group" and " " not in draft.label and draft.country is None:
        return _head_word(draft)
    return None


def _slots(draft: _Draft, mention: Mention) -> list[str]:
    if draft.type == "Person":
        return ["Person"]
    if draft.type in _THING_TYPES:
        return ["Thing"]
    if draft.type in {"Group", "AnonymousSource"} and mention.number == "plural":
        return ["Plural", f"group:{_head_word(draft)}"]
    if mention.number == "plural" and draft.type != "Concept":  # "the Democrats"
        return ["Plural"]
    return []


def _entity(draft: _Draft, drafts: dict[str, _Draft]) -> Entity:
    place = drafts.get(draft.affiliation or "")
    return Entity(
        id=content_id(draft.label, draft.type, draft.key),
        label=draft.label,
        type=draft.type,
        aliases=tuple(sorted(draft.aliases)),
        country=draft.country,
        roles=tuple(sorted(draft.roles)),
        merges=tuple(sorted(draft.merges)),
        mentions=draft.mentions,
        affiliation=content_id(place.label, place.type, place.key) if place else None,
    )


def _entity_ids(assertion: Assertion) -> list[str | None]:
    ids = [assertion.subject.entity, assertion.object.entity if assertion.object else None]
    return [*ids, assertion.attribution.entity if assertion.attribution else None]


def _link(
    assertion: Assertion,
    analysis: DocumentAnalysis,
    keys: dict[At, str],
    entities: dict[str, Entity],
) -> Assertion:
    def entity_of(start: int, end: int) -> Entity | None:
        mention = analysis.heads.get((start, end))
        key = keys.get(_at(mention)) if mention is not None else None
        return entities.get(key) if key is not None else None

    attribution = assertion.attribution
    speaker = None
    if attribution is not None:
        speaker = entity_of(attribution.start, attribution.end)
        if speaker is not None:
            attribution = replace(attribution, entity=speaker.id, label=speaker.label)

    def linked(arg: Argument) -> Argument:
        entity = entity_of(arg.start, arg.end)
        if speaker is not None and _PRONOUN_KINDS.get(arg.text.lower()) == "Speaker":
            entity = speaker  # "we" and "I" inside a quotation are its speaker
        if entity is None:
            return arg
        return replace(arg, entity=entity.id, label=entity.label, type=entity.type)

    obj = linked(assertion.object) if assertion.object is not None else None
    return replace(
        assertion, subject=linked(assertion.subject), object=obj, attribution=attribution
    )
