"""Actor resolution: many surface forms -> one typed entity, with the reasons why.

Rules, in order:
1. each mention is typed by :func:`graphkit.resolve.classify.classify` (alias
   dictionary, ISO 3166 countries, contested regions, GeoNames cities, ISO 3166-2
   subdivisions, hints, the recognizer's label), a name the recognizer cut at a
   particle or hyphen read whole first (:mod:`graphkit.resolve.names`: "Ursula von
   der" + "Leyen"); concepts and generic groups are keyed per article;
2. titles, possessives and determiners are stripped ("President Vladimir Putin's"
   -> Vladimir Putin, role President); countries key on their ISO code, so "US",
   "the United States" and "America" are one entity;
3. spelling variants of one person's or organisation's name merge
   (:mod:`graphkit.resolve.variants`: Zelenskyy/Zelenskiy, Araghchi/Araqchi);
4. a one-word name (or a particle and a name: "von der Leyen", "al-Sudani") joins
   the one person in the corpus whose longer name ends with it ("Trump" -> Donald
   Trump); a one-word name that no name ends with joins the one person its article
   named before whose name it begins ("Lai" -> Lai Ching-te, "Prince Mohammed" ->
   Mohammed bin Salman); with two candidates, or a ``never_merge`` pair, it joins
   neither;
5. an acronym joins the one long name of its article whose initials it is, or that
   the article gives it in brackets ("the International Atomic Energy Agency (IAEA)");
   "a VPost report" is VPost's;
6. a definite description joins the one actor its article named before that fits it
   (:mod:`graphkit.resolve.descriptions`: "the spokesman" -> the person named Kremlin
   spokesman; "the bloc" -> the EU); "he"/"she" take a person of their gender that
   the nearest sentences name, never one named inside a quotation they are outside
   of (:mod:`graphkit.resolve.antecedents`), else stay unresolved; other pronouns take
   the nearest earlier compatible mention in their article; "we"/"I" in a quotation
   take the quote's speaker; "these officials" takes the last group of officials
   named before;
7. metonymy (switchable): a national capital as the subject of a verb, or of a stance
   ("Tehran was ready to return to talks"), stands for its country's government
   ("Moscow will be watching"), Brussels for the European Union;
   the Kremlin and the White House are government bodies of their countries (alias
   dictionary);
8. a group or unnamed source is placed in the organisation or country its own phrase
   names ("a source close to the Foreign Ministry"), and every country a group or
   person is linked to becomes an entity, named in the text or not;
9. assertions are linked: subject, object, source, and the actors and places their
   qualifiers name (:mod:`graphkit.resolve.link`).
:class:`Resolver` runs them in this order, one method each. Every merge is recorded
in ``Entity.merges`` so that an analyst can audit it.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from dataclasses import replace

from graphkit.geo.cities import find_city
from graphkit.geo.countries import country_name
from graphkit.ids import draft_key
from graphkit.resolve import descriptions as desc
from graphkit.resolve.aliases import AliasBook, load_aliases
from graphkit.resolve.antecedents import Antecedents, Candidate, gender_evidence, person_gender
from graphkit.resolve.classify import Typings, country_of_words, titled_before
from graphkit.resolve.drafts import Draft, Drafts, at, order
from graphkit.resolve.link import entity_ids, link_all
from graphkit.resolve.names import (
    PARTICLES,
    SHORT_NAME_TYPES,
    first_word_links,
    join_long_forms,
    whole_names,
)
from graphkit.resolve.roles import role_facts
from graphkit.resolve.variants import by_name_endings, name_key, name_words, variant_merges
from graphkit.types import Assertion, Corpus, DocumentAnalysis, Entity, Mention

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
_ORGANISATIONS = _PLACING - {"Country"}
# words that place a group in what follows: "at", "within", "close to" (not "by")
_PLACING_WORDS = [[w] for w in "at of in within inside from close near with for".split()]
_NOT_POLITICAL = frozenset({"be", "lie", "locate", "border", "host"})
# "Tehran was ready to return to talks": a capital that *is* one of these acts
_STANCES = frozenset(
    "ready willing prepared open determined eager keen unwilling reluctant committed "
    "interested opposed confident concerned".split()
)
# capitals that stand for an organisation rather than their own government
_CAPITAL_OF = {"Brussels": "European Union"}


def resolve_entities(
    analyses: Iterable[DocumentAnalysis], aliases: AliasBook | None = None, metonymy: bool = True
) -> Corpus:
    """Resolve the mentions of all ``analyses`` into entities and link every assertion."""
    book = aliases if aliases is not None else load_aliases()
    return Resolver(book, metonymy).resolve(analyses)


class Resolver:
    """Runs the rules of the module docstring in order, one method each. Its state is
    the entities in the making and the key each mention resolves to (``drafts``)."""

    def __init__(self, aliases: AliasBook, metonymy: bool = True) -> None:
        self.book = aliases
        self.metonymy = metonymy
        self.drafts = Drafts()
        self.genders: dict[str, str | None] = {}
        self.typings = Typings(aliases)  # classify, once per name in its kind and context
        self.analyses: list[DocumentAnalysis] = []

    def add(self, analysis: DocumentAnalysis) -> None:
        """Take one article's analysis in, in order: rules 1 and 2 need no other article,
        so a build runs them on each as it comes from the parse (issue 15)."""
        self.typementions_of(analysis)
        self.analyses.append(analysis)

    def resolve(self, analyses: Iterable[DocumentAnalysis] = ()) -> Corpus:
        """The corpus of every analysis added and of ``analyses`` (added now)."""
        for analysis in analyses:
            self.add(analysis)
        analyses = self.analyses
        self.merge_spelling_variants()
        self.merge_short_names(analyses)
        for analysis in analyses:
            self.join_long_forms(analysis)
        self.read_genders(analyses)
        for analysis in analyses:
            self.resolve_descriptions(analysis)
            self.resolve_references(analysis)
            if self.metonymy:
                self.capitals_as_governments(analysis)
        for analysis in analyses:
            self.place_groups(analysis)
        for code in sorted({d.country for d in self.drafts.values() if d.country}):
            self.country(code)  # "Russian officials" links to Russia, named or not
        return self.corpus(analyses)

    def typementions_of(self, analysis: DocumentAnalysis) -> None:
        """Rules 1 and 2: each named mention typed and stripped, and put in its draft;
        the pieces of a name cut at a particle or hyphen typed as the whole name."""
        named = [m for m in self.drafts.mentions_of(analysis) if m.kind != "PRON"]
        whole = whole_names(named, analysis.article.text)
        person_words = frozenset(
            word
            for m in named
            if m.kind == "PERSON"
            for name in [whole.get((m.start, m.end), m.text)]
            if len(name.split()) > 1
            for word in name.split()
        )
        for mention in named:
            name = whole.get((mention.start, mention.end))
            typed = mention if name is None else replace(mention, text=name, kind="PERSON")
            titled = titled_before(analysis.article.text, mention.start)
            typing = self.typings(typed, person_words, titled)
            if name is not None:
                typing = replace(typing, rule="whole name across a particle or hyphen")
            self.drafts.add(mention, typing)

    def merge_spelling_variants(self) -> None:
        """Rule 3: two persons whose names are spellings of one name (same key, or
        close word for word with the same first name), and two organisations of one
        type whose names have one key, are one entity."""
        redirect = {}
        for source, target, why in variant_merges(
            [(d.key, d.type, d.label) for d in self.drafts.values()], self.book.may_merge
        ):
            redirect[source] = target
            self.drafts[target].add_merge(why)
        self.drafts.merge(redirect)

    def merge_short_names(self, analyses: list[DocumentAnalysis]) -> None:
        """Rule 4: the key of "Trump" goes to the key of "Donald Trump" when that is the
        only longer person name ending in that name (compared by spelling keys); a name
        the recognizer once tagged as an organisation, group or place ("Trump victory")
        joins the person of that name too. Then, per article, a one-word name that no
        name ends with joins the one person named before in its article whose name it
        begins ("Lai" -> Lai Ching-te)."""
        drafts = self.drafts
        people = [d for d in drafts.values() if d.type == "Person"]
        shorts = [d for d in drafts.values() if d.type in SHORT_NAME_TYPES]
        shorts = sorted(
            (d for d in shorts if _short(d.label)),
            key=lambda d: (d.type != "Person", -len(d.label.split()), d.key),
        )
        redirect: dict[str, str] = {}
        # looked up by the short name's key, not compared with every person: linear
        ending = by_name_endings(people, lambda p: p.label)
        for short in shorts:
            if short.type == "Concept" and not short.label[:1].isupper():
                continue
            longer = [
                p
                for p in ending.get(name_key(short.label), ())
                if p is not short and p.key not in redirect
                and self.book.may_merge(short.label, p.label)
            ]  # fmt: skip
            if len(longer) == 1:
                target = longer[0]
                redirect[short.key] = target.key
                target.add_merge(f"short name {short.label!r} ends the full name {target.label!r}")
            elif len(longer) > 1:
                names = ", ".join(sorted(p.label for p in longer))
                short.add_merge(f"not merged: {short.label!r} could be any of {names}")
        drafts.merge(redirect)
        for analysis in analyses:
            first_word_links(analysis, drafts, self.book)

    def join_long_forms(self, analysis: DocumentAnalysis) -> None:
        """Rule 5: an acronym joins the one long name of its article whose initials it
        is ("IAEA" and "International Atomic Energy Agency") or that the article
        defines it as ("... Organization (NATO)"); "a VPost report" joins VPost."""
        join_long_forms(analysis, self.drafts)

    def read_genders(self, analyses: list[DocumentAnalysis]) -> None:
        """Each person's gender, from the first name and the words around every mention
        (titles, "his", "her"): what rule 6 needs for "he" and "she"."""
        evidence: dict[str, list[str | None]] = {}
        for analysis in analyses:
            for mention in self.drafts.mentions_of(analysis):
                key = self.drafts.keys.get(at(mention))
                if key is not None and self.drafts[key].type == "Person":
                    found = gender_evidence(analysis.article.text, mention)
                    evidence.setdefault(key, []).extend(found)
        self.genders = {
            key: person_gender(self.drafts[key].label, found) for key, found in evidence.items()
        }

    def resolve_descriptions(self, analysis: DocumentAnalysis) -> None:
        """Rule 6, descriptions: "the spokesman", "the Israeli leader", "the bloc" join
        the one actor named before in their article that fits them, else stay apart."""
        desc.link_descriptions(analysis, self.drafts, self.book)

    def resolve_references(self, analysis: DocumentAnalysis) -> None:
        """Rule 6, pronouns and bare role nouns ("these officials"): the nearest earlier
        match in their article; "he" and "she" the person
        :class:`~graphkit.resolve.antecedents.Antecedents` chooses, or none."""
        last: dict[str, str] = {}
        people: list[Candidate] = []
        antecedents = Antecedents(analysis)
        for mention in self.drafts.mentions_of(analysis):
            if mention.kind != "PRON":
                key = self.drafts.keys[at(mention)]
                draft = self.drafts[key]
                if draft.type == "Person":
                    people.append(Candidate(mention, key, self.genders.get(key)))
                head = _bare_group_head(draft)
                before = analysis.article.text[max(0, mention.start - 7) : mention.start]
                anaphoric = before.lower().split()[-1:] in [["these"], ["those"], ["the"]]
                if head is not None and anaphoric and f"group:{head}" in last:
                    key = last[f"group:{head}"]  # "these officials"
                    self.drafts.relink(mention, key)
                    draft = self.drafts[key]
                for slot in _slots(draft, mention):
                    last[slot] = key
                continue
            wanted = _PRONOUN_KINDS.get(mention.text.lower())
            if wanted == "Person":  # he, she: unresolved unless the text supports one person
                person = antecedents.choose(mention, people)
                if person is not None:
                    self.drafts.relink(mention, person)
                    people.append(Candidate(mention, person, self.genders.get(person)))
            elif wanted in last:
                self.drafts.relink(mention, last[wanted])

    def capitals_as_governments(self, analysis: DocumentAnalysis) -> None:
        """Rule 7: "Moscow will be watching": a capital that acts stands for its
        country's government (Brussels for the European Union)."""
        for assertion in analysis.assertions:
            mention = analysis.heads.get(_span(assertion))
            if mention is None or not _acts(assertion):
                continue
            draft = self.drafts.of(mention)
            city = find_city(draft.label) if draft is not None and draft.type == "City" else None
            if city is None or not city.capital:
                continue
            entry = self.book.lookup(_CAPITAL_OF.get(city.name, ""))
            if entry is not None:
                key, label = draft_key("alias", entry.label.lower()), entry.label
                self.drafts.make(key, entry.type, label, entry.country)
            else:
                key = draft_key("government", city.country)
                label = f"Government of {country_name(city.country)}"
                self.drafts.make(key, "GovernmentBody", label, city.country)
            self.drafts.relink(
                mention, key, f"{mention.text!r} acting stands for {label!r} (capital metonymy)"
            )

    def place_groups(self, analysis: DocumentAnalysis) -> None:
        """Rule 8: a group or unnamed source is placed in the organisation or country its
        own phrase names: "Kremlin officials", "a source close to the Foreign Ministry",
        "sources within the Russian government" (not "officials quoted by VPost")."""
        named = sorted((m for m in analysis.mentions if m.kind != "PRON"), key=order)
        starts = [m.start for m in named]  # only mentions starting in the phrase can place it
        text = analysis.article.text
        for (_, end), head in sorted(analysis.heads.items()):
            draft = self.drafts.of(head)
            if draft is None or draft.type not in _GROUPS or draft.affiliation:
                continue
            first, last = bisect_left(starts, head.start), bisect_right(starts, max(end, head.end))
            for mention in named[first:last]:
                place = self.drafts.of(mention)
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
        self.drafts.make(key, "Country", country_name(code), code)
        return key

    def corpus(self, analyses: list[DocumentAnalysis]) -> Corpus:
        """Rule 9 and the result: the entities of the drafts, the assertions linked to
        them, the role facts; a concept is kept only when an assertion or role names it."""
        entities = self.drafts.entities()
        drafts = self.drafts
        assertions = link_all(analyses, drafts.keys, entities, drafts.mentions_of, drafts.before)

        def country_id(code: str) -> str:
            key = self.country(code)
            if key not in entities:
                entities[key] = self.drafts.entities()[key]
            return entities[key].id

        articles = {a.article.id: a.article for a in analyses}
        roles = role_facts(assertions, entities.values(), articles, country_id)
        used = {e for a in assertions for e in entity_ids(a)} | {r.holder for r in roles}
        used |= {r.of for r in roles if r.of}
        used |= {e.affiliation for e in entities.values() if e.id in used and e.affiliation}
        kept = [e for e in entities.values() if e.id in used or e.type not in _KEPT_ONLY_WHEN_USED]
        titles: dict[str, set[str]] = {}
        for role in roles:
            titles.setdefault(role.holder, set()).add(role.title)
        return Corpus(
            articles=tuple(replace(a.article, sentences=len(a.sentences)) for a in analyses),
            assertions=assertions,
            entities=tuple(sorted((_titled(e, titles) for e in kept), key=lambda e: e.id)),
            sentences=sum(len(a.sentences) for a in analyses),
            roles=roles,
        )


def _titled(entity: Entity, titles: dict[str, set[str]]) -> Entity:
    """``entity`` with its role facts' titles; copied only if it has some (costly)."""
    if entity.id not in titles:
        return entity
    return replace(entity, roles=tuple(sorted({*entity.roles, *titles[entity.id]})))


def _acts(assertion: Assertion) -> bool:
    """Whether the subject acts (or takes a stance) rather than lies somewhere."""
    if assertion.relation.lemma.split()[0] not in _NOT_POLITICAL:
        return True
    words = assertion.object.text.lower().split()[:2] if assertion.object else []
    return assertion.relation.lemma == "be" and bool(_STANCES.intersection(words))


def _span(assertion: Assertion) -> tuple[int, int]:
    return (assertion.subject.start, assertion.subject.end)


def _short(label: str) -> bool:
    """A name another may end with: one word ("Thomas-Greenfield"), or particles and
    one word ("von der Leyen", "al-Sudani")."""
    words = label.split()
    if len(words) == 1:
        return True
    pieces = name_words(label)
    return all(w.lower() in PARTICLES for w in pieces[:-1]) and pieces[-1][:1].isupper()


def _head_word(draft: Draft) -> str:
    head = draft.label.split()[-1].lower()
    return head[:-1] if head.endswith("s") and len(head) > 3 else head


def _bare_group_head(draft: Draft) -> str | None:
    """The role noun of a group named by that noun alone ("officials")."""
    if draft.type == "Group" and " " not in draft.label and draft.country is None:
        return _head_word(draft)
    return None


def _slots(draft: Draft, mention: Mention) -> list[str]:
    if draft.type == "Person":
        return ["Person"]
    if draft.type in _THING_TYPES:
        return ["Thing"]
    if draft.type in {"Group", "AnonymousSource"} and mention.number == "plural":
        return ["Plural", f"group:{_head_word(draft)}"]
    if mention.number == "plural" and draft.type != "Concept":  # "the Democrats"
        return ["Plural"]
    return []
