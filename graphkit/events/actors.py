"""CAMEO-style actor codes for resolved entities: who, in the codes event data uses.

A code is a 3-letter actor code, then (where known) a 3-letter sector, as in PLOVER's
actor records (``code`` and ``sector``): ``RUS`` (Russia), ``RUSGOV`` (its government,
ministers, leaders), ``ISRMIL``, ``AFGREB``, ``IGOUNO`` (the United Nations). Rules, in
order, first match wins:

1. an alias file's ``code`` for the entity's name (the analyst knows best);
2. a well-known organisation or group named in the entity's name (``actors.tsv``:
   "UN peacekeepers" -> IGOUNO plus MIL), or a political party (``parties.tsv``:
   "Likud" -> ISRPTY; not after another country's word, see :mod:`graphkit.events.names`);
3. a country -> its ISO 3166 alpha-3 code, with no sector;
4. a person -> the code of what their office belongs to (the resolver's role facts:
   "Russian President Boris Yeltsin" -> RUS; else a title the text gives them, "Kofi
   Annan, the U.N. Secretary-General" -> IGOUNO) plus the sector of the title
   (President -> GOV, General -> MIL, Judge -> JUD); else, a leader of the leaders
   table (:mod:`graphkit.events.leaders`: "President Yoweri Museveni" -> UGAGOV);
5. an organisation with no country: a leader's full name of the leaders table
   (:mod:`graphkit.events.leaders`; the recognizer may take "Vice-President Moody
   Awori" for an organisation), else ``NGO`` when its name marks it non-governmental
   (:data:`NGO_WORDS`: "Third World Water Forum", "Association of African Jurists");
6. anyone else -> their country, or the code of the body they are placed in ("a UN
   official"), plus the sector their words name ("Turkish police" -> TURCOP; a
   government body -> GOV; a newspaper -> JRN). Sectors follow PLOVER: MED is health,
   JRN the media (CAMEO's MED was the media).

No code when no country or organisation is known: a sector alone is not an actor.
The coder finds countries in words through ``place``, a function the caller gives
(the pipeline passes graphkit's gazetteer; this package reads no gazetteer itself).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache

from graphkit.events.dictionary import forms
from graphkit.events.leaders import LeaderTable, builtin_leaders
from graphkit.events.names import NameTable, builtin_names, name_tokens
from graphkit.types import Argument, Assertion, Entity, Role

Place = Callable[[str], "str | None"]  # a word -> the ISO alpha-3 code it names or qualifies
NON_STATE = frozenset({"IGO", "NGO", "IMG", "MNC", "ISM"})
# sector -> words that name it; the first sector in this order whose word appears wins
# ("rebel leaders" are REB, "opposition leaders" OPP, "government officials" GOV)
SECTOR_WORDS: dict[str, frozenset[str]] = {
    sector: frozenset(words.split())
    for sector, words in (
        ("REB", "rebel insurgent guerrilla guerilla militant separatist jihadist terrorist"),
        ("OPP", "opposition dissident activist"),
        ("SPY", "intelligence spy"),
        ("MIL", "army military troop soldier navy naval marine militia militiaman militiamen "
                "aircraft warplane jet helicopter gunship tank peacekeeper peacekeeping "
                "battalion brigade general commander colonel admiral forces force"),
        ("COP", "police policeman policemen gendarme gendarmerie"),
        ("JUD", "court judge judiciary prosecutor tribunal"),
        ("LEG", "parliament parliamentarian lawmaker legislator legislature congress "
                "congressman senate senator duma knesset bundestag mp deputy"),
        ("JRN", "newspaper journalist reporter media news television tv radio broadcaster "
                "daily weekly"),
        ("MED", "doctor physician nurse hospital medical health clinic medic"),
        ("BUS", "business businessman businessmen businesswoman company firm corporation "
                "bank investor executive industry trader merchant"),
        ("EDU", "student university school teacher professor academic"),
        ("LAB", "union worker labor labour"),
        ("AGR", "farmer peasant"),
        ("REL", "church clergy priest bishop imam cleric missionary monk"),
        ("REF", "refugee displaced"),
        ("GOV", "government administration cabinet ministry minister president premier "
                "chancellor official authority authorities regime presidency king queen emir "
                "sultan monarch leader leadership spokesman spokeswoman spokesperson "
                "ambassador embassy envoy diplomat delegation negotiator consulate mayor "
                "governor secretary kremlin"),
        ("CVL", "civilian people resident villager citizen youth demonstrator protester "
                "crowd inhabitant population"),
    )
}  # fmt: skip
_BY_TYPE = {"GovernmentBody": "GOV", "MediaOrganization": "JRN", "PoliticalParty": "PTY"}
# words that mark an organisation as non-governmental (NGO), unless a word of _NOT_NGO
# marks it as governmental, intergovernmental or a party ("Pacific Economic Cooperation
# Forum", "Forum for Democratic Change"); "committee", "council", "commission",
# "federation", "union" and "league" are left out: they name state bodies and parties too
NGO_WORDS = frozenset(
    "association associations foundation forum watch society charity ngo nongovernmental "
    "non-governmental".split()
)
_NOT_NGO = frozenset(
    "government governmental intergovernmental inter-governmental ministry ministerial "
    "ministers state states federal parliamentary nations cooperation co-operation party "
    "democratic republican socialist communist front movement alliance congress".split()
)
_PLACES = frozenset({"City", "Region", "Place"})
# sectors whose words name an office a person holds
_OFFICES = frozenset({"GOV", "MIL", "JUD", "LEG", "COP", "SPY", "REB", "OPP"})
_NOT_NAMES = frozenset({"Concept", "Proposition", "AnonymousSource"})
_PRONOUNS = frozenset("it they he she we i".split())
# pronouns the resolver adds to an entity's aliases: never a name to find in a text
_NOT_A_NAME = _PRONOUNS | frozenset("its their them him his her hers us our me my you".split())
# qualifier roles (prepositions, or "place") that may name an event's recipient
_TOWARDS = frozenset("to with against on at toward towards into from for over place".split())


@lru_cache(maxsize=1 << 16)  # pure; asked of every name of every entity
def _key(name: str) -> str:
    """Lower case, single spaces, no dots, no leading "the", as alias files are keyed."""
    lowered = " ".join(name.replace(".", "").split()).lower()
    return lowered[4:] if lowered.startswith("the ") else lowered


def sector_of(words: Iterable[str]) -> str | None:
    """The sector the words name, by :data:`SECTOR_WORDS`' order.

    >>> sector_of("Afghan rebel leaders".split()), sector_of(["Turkish", "police"])
    ('REB', 'COP')
    """
    return _sector_of(tuple(words))


@lru_cache(maxsize=1 << 16)  # pure; coding asks it of the same words again and again
def _sector_of(words: tuple[str, ...]) -> str | None:
    found = {f for w in words for part in w.lower().split("-") for f in forms(part)}
    return next((s for s, names in SECTOR_WORDS.items() if found & names), None)


@dataclass
class ActorCoder:
    """Codes the entities of one corpus. ``codes``: an alias file's name -> code
    (:meth:`graphkit.resolve.aliases.AliasBook.codes`); ``titles``: entity id -> the phrases
    the text calls a person ("the U.N. Secretary-General"); ``place``: see module."""

    entities: Mapping[str, Entity]
    roles: Mapping[str, tuple[Role, ...]] = field(default_factory=dict)
    codes: Mapping[str, str] = field(default_factory=dict)
    titles: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    place: Place | None = None
    names: NameTable = field(default_factory=builtin_names)
    leaders: LeaderTable = field(default_factory=builtin_leaders)
    _cache: dict[str, str | None] = field(default_factory=dict)
    _index: dict[str, list[tuple[list[str], Entity]]] | None = None
    # memos of what depends on the text alone: the same words come back all through a
    # corpus ("Iraqi", "the government"). ``place`` is taken to be a pure function.
    _placed: dict[str, str | None] = field(default_factory=dict)
    _places: dict[tuple[str, ...], str | None] = field(default_factory=dict)
    _named: dict[tuple[str, bool], str | None] = field(default_factory=dict)
    _coding: int = 0  # how many codes are being worked out (see named_in)

    @classmethod
    def of(
        cls,
        entities: Iterable[Entity] | Mapping[str, Entity],
        roles: Iterable[Role] = (),
        codes: Mapping[str, str] | None = None,
        titles: Mapping[str, Iterable[str]] | None = None,
        place: Place | None = None,
    ) -> ActorCoder:
        by_id = dict(entities) if isinstance(entities, Mapping) else {e.id: e for e in entities}
        held: dict[str, list[Role]] = {}
        for role in roles:
            held.setdefault(role.holder, []).append(role)
        keyed = {_key(name): code for name, code in (codes or {}).items()}
        named = {k: tuple(v) for k, v in (titles or {}).items()}
        return cls(by_id, {k: tuple(v) for k, v in held.items()}, keyed, named, place)

    def code(self, entity: Entity) -> str | None:
        """The actor code of ``entity`` (see the module's rules), or None."""
        if entity.id not in self._cache:
            self._cache[entity.id] = None  # guards a cycle of affiliations
            self._coding += 1
            try:
                self._cache[entity.id] = self._code(entity)
            finally:
                self._coding -= 1
        return self._cache[entity.id]

    def _code(self, entity: Entity) -> str | None:
        for name in (entity.label, *entity.aliases):
            if _key(name) in self.codes:
                return self.codes[_key(name)]
        words = name_tokens(entity.label)
        if entity.type == "Person":
            return self._person(entity)
        named = self.names.find(words)
        if named is not None and not _foreign_party(named[2], self._place_in(words[: named[0]])):
            start, end, code = named
            return _with_sector(code, sector_of(words[:start] + words[end:]))
        if entity.type == "Country":
            return entity.country
        if entity.type == "Organization" and entity.country is None:
            leader = self.leaders.code((entity.label, *entity.aliases), full_only=True)
            if leader is not None:  # "Vice-President Moody Awori", typed an organisation
                return _with_sector(leader, "GOV")
            if not (entity.affiliation or self._place_in(words)) and _non_governmental(words):
                return "NGO"
        base = entity.country
        placed = self.entities.get(entity.affiliation or "")
        if base is None and placed is not None:
            base = _base(self.code(placed))
        base = base or self._place_in(words)
        if base is None or entity.type in _PLACES:
            return base
        return _with_sector(base, _BY_TYPE.get(entity.type) or sector_of(words))

    def _person(self, entity: Entity) -> str | None:
        for role in self.roles.get(entity.id, ()):
            office = self.entities.get(role.of or "")
            code = self.code(office) if office is not None else None
            if code is not None:
                return _with_sector(_base(code) or code, _title_sector(role.title))
        for title in self.titles.get(entity.id, ()):
            if sector_of(name_tokens(title)) not in _OFFICES:
                continue  # "the most favourable candidate for Russia" is no office
            code = self.named_in(title, own_sector=False)
            if code is not None:
                return _with_sector(code, _title_sector(title))
        if entity.country is None:
            titles = (*entity.roles, *self.titles.get(entity.id, ()))
            code = self.leaders.code((entity.label, *entity.aliases), titles)
            return _with_sector(code, "GOV") if code is not None else None
        if not entity.roles:
            return entity.country
        return _with_sector(entity.country, _title_sector(" ".join(entity.roles)))

    def argument(self, argument: Argument, assertion: Assertion | None = None) -> str | None:
        """The code of a subject or object: its entity's; for a pronoun the resolver left
        open, the speaker's ("Syria says it will ..."); else the actor its words name
        ("relations with Russia", "Demonstrators in Baghdad")."""
        entity = self.entities.get(argument.entity or "")
        code = self.code(entity) if entity is not None else None
        if code is not None:
            return code
        speaker = assertion.attribution if assertion is not None else None
        pronoun = entity is None and argument.text.lower() in _PRONOUNS
        if pronoun and speaker is not None and assertion and argument is assertion.subject:
            spoken = self.entities.get(speaker.entity or "")
            return (self.code(spoken) if spoken else None) or self.named_in(speaker.text)
        person = entity is not None and entity.type == "Person"
        code = self.named_in(argument.text, own_sector=not person)
        if code is not None and person:  # "Zimbabwean Prime Minister Robert Mugabe"
            sector = sector_of(name_tokens(argument.text))
            return _with_sector(code, sector if sector in _OFFICES else None)
        return code

    def recipient(self, assertion: Assertion) -> str | None:
        """Who an event is directed at: the object's actor, else an actor a qualifier
        names ("sent arms *to Pakistan*", "held talks *with Jordan*")."""
        if assertion.object is not None:
            code = assertion.object.code or self.argument(assertion.object, assertion)
            if code is not None:
                return code
        for qualifier in assertion.qualifiers:
            if qualifier.role in _TOWARDS:
                code = self.named_in(qualifier.text)
                if code is not None:
                    return code
        return None

    def named_in(self, text: str, own_sector: bool = True) -> str | None:
        """The code of the first actor ``text`` names (an entity's name, a known
        organisation, a country word), with the sector of the text's other words."""
        if self._coding:  # an entity's code is underway, a guarded None may be read:
            return self._named_in(text, own_sector)  # then what is found is not kept
        key = (text, own_sector)
        if key not in self._named:  # outside a code, every code read is final
            self._named[key] = self._named_in(text, own_sector)
        return self._named[key]

    def _named_in(self, text: str, own_sector: bool) -> str | None:
        words = name_tokens(text)
        best: tuple[int, int, str | None] | None = self.names.find(words)
        for start in range(len(words) if best is None else best[0]):
            hit = self._entity_at(words, start) or self._place_at(words, start)
            if hit is not None:
                best = hit
                break
        if best is None or best[2] is None:
            return None  # the first actor named has no code: not a later one's
        start, end, code = best[0], best[1], best[2]
        sector = sector_of(words[:start] + words[end:]) if own_sector else None
        return _with_sector(_base(code) or code, sector) if sector else code

    def _entity_at(self, words: list[str], start: int) -> tuple[int, int, str | None] | None:
        if self._index is None:
            self._index = {}
            for entity in self.entities.values():
                if entity.type in _NOT_NAMES:
                    continue
                for name in {entity.label, *entity.aliases}:
                    if name.lower() in _NOT_A_NAME:
                        continue
                    tokens = name_tokens(name)
                    tokens = tokens[1:] if tokens[:1] in (["the"], ["The"]) else tokens
                    if tokens and tokens[0][:1].isupper():
                        self._index.setdefault(tokens[0], []).append((tokens, entity))
            # longest first, sorted once: a first word's list grows with the corpus
            for names in self._index.values():
                names.sort(key=lambda t: -len(t[0]))
        for tokens, entity in self._index.get(words[start], []):
            if words[start : start + len(tokens)] == tokens:
                code = self.code(entity)
                if code is not None or entity.type == "Person":
                    return start, start + len(tokens), code  # an uncoded person: unknown
        return None

    def place_named(self, words: list[str]) -> str | None:
        """The country of the place ``words`` begin with: an entity the resolver took
        for a city, region or country and placed ("Hong Kong", "Paris"), else None."""
        if words:
            self._entity_at(words, 0)  # builds the index
        for tokens, entity in (self._index or {}).get(words[0] if words else "", []):
            placed = entity.type in _PLACES or entity.type == "Country"
            if placed and words[: len(tokens)] == tokens:
                return _base(self.code(entity))
        return None

    def _place_at(self, words: list[str], start: int) -> tuple[int, int, str] | None:
        code = self._place_in(words[start : start + 1])
        return (start, start + 1, code) if code is not None else None

    def _place_in(self, words: list[str]) -> str | None:
        """The first country a capitalised word names ("Iraqi", "Palestinians",
        "Vietnamese-led"), through ``place``."""
        if self.place is None:
            return None
        key = tuple(words)
        if key not in self._places:
            self._places[key] = self._first_place(words)
        return self._places[key]

    def _first_place(self, words: list[str]) -> str | None:
        place = self._place
        for first, second in zip(words, words[1:], strict=False):  # "Sri Lankan"
            if first[:1].isupper() and second[:1].isupper():
                code = place(f"{first} {second}")
                if code is not None:
                    return code
        for word in words:
            for part in word.split("-"):
                if part[:1].isupper():
                    singular = part[:-1] if part.endswith("s") and len(part) > 4 else part
                    code = place(part) or place(singular)
                    if code is not None:
                        return code
        return None

    def _place(self, word: str) -> str | None:
        """``place`` of one word, asked once a word."""
        if word not in self._placed:
            self._placed[word] = self.place(word) if self.place is not None else None
        return self._placed[word]


def _non_governmental(words: list[str]) -> bool:
    """Whether an organisation's name marks it as an NGO ("Water Forum", "Association
    of Jurists", "human rights" group) and nothing marks it as a state body, an
    intergovernmental one or a party (:data:`NGO_WORDS`)."""
    lowered = [w.lower() for w in words]
    rights = any(a == "human" and b == "rights" for a, b in zip(lowered, lowered[1:], strict=False))
    return (rights or bool(NGO_WORDS & set(lowered))) and not _NOT_NGO & set(lowered)


def _foreign_party(code: str, before: str | None) -> bool:
    """Whether a party of the tables is named after another country's word, which
    then names the party's country ("Armenia's Republican Party of ...")."""
    return code.endswith("PTY") and before is not None and before != code[:3]


def _base(code: str | None) -> str | None:
    """The actor part of a code: RUS of RUSGOV, IGOUNO of IGOUNOMIL."""
    if code is None:
        return None
    return code[:6] if code[:3] in NON_STATE else code[:3]


def _with_sector(code: str, sector: str | None) -> str:
    """Add ``sector`` to a code that has none yet (RUS, IGOUNO); keep a full one."""
    bare = len(code) == 3 or (code[:3] in NON_STATE and len(code) == 6)
    return code + sector if sector and bare else code


def _title_sector(title: str) -> str:
    """Sector of an office title: "General" -> MIL, "Judge" -> JUD, else GOV."""
    sector = sector_of(title.split())
    return sector if sector in _OFFICES else "GOV"


def actor_code(
    entity: Entity,
    entities_by_id: Mapping[str, Entity],
    roles: Iterable[Role] = (),
    codes: Mapping[str, str] | None = None,
) -> str | None:
    """The actor code of one entity; for a whole corpus, build one :class:`ActorCoder`."""
    return ActorCoder.of(entities_by_id, roles, codes).code(entity)
