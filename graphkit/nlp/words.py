"""Closed classes of English words the actor rules use: titles, determiners, and the
words that mark government bodies, media and groups of people."""

from __future__ import annotations

TITLES = frozenset(
    "president president-elect vice prime minister secretary senator sen rep governor "
    "mayor general gen chancellor king queen prince princess pope mr mrs ms dr sir lord "
    "lady ambassador spokesman spokeswoman spokesperson chairman chairwoman chief director "
    "premier former foreign defence defense deputy leader commander colonel admiral judge "
    "justice emir sheikh ayatollah crown new outgoing incoming acting late".split()
)
DETERMINERS = frozenset(
    "the a an few several some many these those this that such other another most all both "
    "majority of its his her their our my your".split()
)
GOVERNMENT_WORDS = frozenset(
    "kremlin house ministry government parliament congress senate duma pentagon department "
    "administration council cabinet assembly office presidency bundestag knesset".split()
)
MEDIA_WORDS = frozenset(
    "times post news agency tv radio journal tribune guardian reuters herald gazette press "
    "telegraph broadcasting network media".split()
)
# common nouns that name people acting together ("Russian officials")
ACTOR_NOUNS = frozenset(
    "official aide diplomat elite insider leader minister spokesman spokeswoman government "
    "administration executive analyst expert politician lawmaker soldier troop force "
    "military army citizen supporter member authority regime agency ministry negotiator "
    "delegation representative envoy commander adviser advisor democrat republican critic "
    "ally".split()
)
SOURCE_NOUNS = frozenset({"source", "sources", "insider", "insiders"})
PARTY_WORDS = frozenset(
    "party democrats republicans democratic republican labour conservatives tories "
    "liberals greens socialists communists".split()
)
# nouns that name an office: "the Kremlin spokesman", "Russian President" (role facts)
ROLE_NOUNS = TITLES - {"new", "former", "outgoing", "incoming", "acting", "late", "foreign"}
