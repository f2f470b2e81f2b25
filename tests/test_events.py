"""Event coding (graphkit.events): sentences -> (source code, PLOVER category, target code),
polarity, the dictionary loader and its errors, actor codes and the contract fields.

The sentences are written for these tests and run through the real spaCy model."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

import graphkit
from graphkit.errors import InputError
from graphkit.events import (
    CATEGORIES,
    QUAD_CLASSES,
    ActorCoder,
    EventDictionaryError,
    actor_code,
    code_corpus,
    code_event,
    coder_for,
    load_event_dictionary,
)
from graphkit.pipeline import BuildResult
from graphkit.resolve.aliases import parse_aliases
from graphkit.resolve.classify import country_of_words
from graphkit.types import Argument, Assertion, Corpus, Entity, Event, Relation, Role


def place(word: str) -> str | None:
    return country_of_words([word])


def coded_sentences(sentences: list[str]) -> Corpus:
    """The sentences (each an article, read once) analysed and coded, as a build codes."""
    return code_corpus(graphkit.analyze(texts=list(dict.fromkeys(sentences))), place=place)


def subject_code(corpus: Corpus, sentence: str, words: str) -> str | None:
    """The code of the first subject of ``sentence`` whose text holds ``words``."""
    doc = next(a.id for a in corpus.articles if a.text == sentence)
    codes = {a.subject.text: a.subject.code for a in corpus.assertions if a.doc == doc}
    found = [code for text, code in codes.items() if words in text]
    assert found, codes
    return found[0]


# sentence, source code, category, target code (None: no recipient named)
CODED = [
    ("Russia imposed sanctions on Britain.", "RUS", "SANCTION", "GBR"),
    ("Turkey reportedly shelled Syrian border towns.", "TUR", "ASSAULT", "SYR"),
    ("The Kremlin called for an immediate ceasefire.", "RUSGOV", "REQUEST", None),
    ("China threatened to cut trade with Australia.", "CHN", "THREATEN", "AUS"),
    ("The French foreign minister met his Italian counterpart in Rome.", "FRAGOV", "CONSULT",
     "ITA"),
    ("Japan sent humanitarian aid to Indonesia.", "JPN", "AID", "IDN"),
    ("Israeli troops withdrew from the town.", "ISRMIL", "RETREAT", None),
    ("Egypt condemned the attack on the embassy.", "EGY", "ACCUSE", None),
    ("Polish police arrested two Belarusian journalists.", "POLCOP", "COERCE", "BLRJRN"),
    ("Canada and Mexico signed a trade agreement.", "MEX", "SUPPORT", None),
    ("The United Nations praised Kenya for its election.", "IGOUNO", "SUPPORT", "KEN"),
    ("Serbia deployed troops along its border with Kosovo.", "SRB", "MOBILIZE", None),
    ("India accused Pakistan of sheltering militants.", "IND", "ACCUSE", "PAK"),
    ("Vietnam and the Philippines held talks on the dispute.", "PHL", "CONSULT", None),
    ("The Ghanaian parliament rejected the loan agreement.", "GHALEG", "REJECT", None),
    ("Kenyan protesters blocked roads in Nairobi.", "KENCVL", "PROTEST", "KEN"),
    ("Poland attacked the German plan in strong terms.", "POL", "ACCUSE", "DEU"),  # in words
    ("Colombia freed two French hostages.", "COL", "RETREAT", "FRA"),
    # an intention to cooperate is AGREE; to act with hostility, THREATEN
    ("Ukraine will release twenty prisoners.", "UKR", "AGREE", None),
    ("Sweden offered to host peace talks between Armenia and Azerbaijan.", "SWE", "AGREE",
     "ARM"),
    ("Syria says it will expel the Turkish ambassador.", "SYR", "THREATEN", "TURGOV"),
    # refusals are REJECT (the extractor reads "refused to" as a negation)
    ("Iran refused to meet the inspectors.", "IRN", "REJECT", None),
    ("North Korea declined to resume talks with South Korea.", "PRK", "REJECT", "KOR"),
    ("Hungary vowed not to release the prisoners.", "HUN", "REJECT", None),
    # possibility keeps the event (the flag stays on the assertion)
    ("NATO may deploy more troops to Estonia.", "IGONAT", "MOBILIZE", "EST"),
    # the demand is the event, not what is demanded
    ("The Chinese government demanded that Japan withdraw its warships.", "CHNGOV", "REQUEST",
     "JPN"),
]  # fmt: skip
# sentence, category that must not be coded
NOT_CODED = [
    ("Germany did not attack France.", "ASSAULT"),
    ("Spain did not sign the treaty.", "SUPPORT"),
    ("Three soldiers were killed in the blast.", "ASSAULT"),  # no source named
    ("The Chinese government demanded that Japan withdraw its warships.", "RETREAT"),
    ("The ministry released a statement on Tuesday.", "RETREAT"),
    ("The embassy declined to comment.", "REJECT"),  # PLOVER codes no comments
    ("The delegation came back from Geneva.", "SUPPORT"),  # "back" is a particle here
]


@pytest.fixture(scope="module")
def coded() -> tuple[Corpus, ActorCoder, dict[str, list[Assertion]]]:
    """All the sentences above, parsed in one batch and coded as the pipeline would."""
    texts = list(dict.fromkeys([s for s, *_ in CODED] + [s for s, _ in NOT_CODED]))
    texts += ["Russian forces attacked a convoy, Ukrainian officials said."]
    corpus = code_corpus(graphkit.analyze(texts=texts), place=place)
    by_text: dict[str, list[Assertion]] = {}
    text_of = {a.id: a.text for a in corpus.articles}
    for assertion in corpus.assertions:
        by_text.setdefault(text_of[assertion.doc], []).append(assertion)
    return corpus, coder_for(corpus, place=place), by_text


@pytest.mark.parametrize(("sentence", "source", "category", "target"), CODED)
def test_sentence_is_coded(
    coded: tuple[Corpus, ActorCoder, dict[str, list[Assertion]]],
    sentence: str,
    source: str,
    category: str,
    target: str | None,
) -> None:
    _, coder, by_text = coded
    found = [
        (a.subject.code, a.event.category, coder.recipient(a))
        for a in by_text[sentence]
        if a.event is not None
    ]
    assert (source, category, target) in found, found


@pytest.mark.parametrize(("sentence", "category"), NOT_CODED)
def test_sentence_is_not_coded_as(
    coded: tuple[Corpus, ActorCoder, dict[str, list[Assertion]]], sentence: str, category: str
) -> None:
    events = [a.event.category for a in coded[2][sentence] if a.event is not None]
    assert category not in events


def test_flags_stay_on_the_assertion_beside_the_event(
    coded: tuple[Corpus, ActorCoder, dict[str, list[Assertion]]],
) -> None:
    by_text = coded[2]
    [hedged] = [a for a in by_text["Turkey reportedly shelled Syrian border towns."] if a.event]
    assert hedged.hedged and hedged.event is not None and hedged.event.category == "ASSAULT"
    assert not hedged.is_fact
    [modal] = [a for a in by_text["NATO may deploy more troops to Estonia."] if a.event]
    assert modal.relation.modality == "may"
    said = by_text["Russian forces attacked a convoy, Ukrainian officials said."]
    [reported] = [a for a in said if a.event is not None]
    assert reported.event is not None and reported.event.category == "ASSAULT"
    assert reported.attribution is not None and reported.subject.code == "RUSMIL"
    [refused] = [a for a in by_text["Iran refused to meet the inspectors."] if a.event]
    assert refused.negated  # the refusal is the event, the meeting stays denied


def test_event_fields_follow_the_category(
    coded: tuple[Corpus, ActorCoder, dict[str, list[Assertion]]],
) -> None:
    [event] = [a.event for a in coded[2]["Russia imposed sanctions on Britain."] if a.event]
    assert event == Event("SANCTION", "material conflict", -5.2, "imposed sanctions")


def test_categories_quad_classes_and_intensities() -> None:
    assert len(CATEGORIES) == 16 and len(QUAD_CLASSES) == 4
    assert {c.quad_class for c in CATEGORIES.values()} == set(QUAD_CLASSES)
    assert all(-10 <= c.intensity <= 10 for c in CATEGORIES.values())
    for category in CATEGORIES.values():  # cooperation scores above zero, conflict below
        assert (category.intensity > 0) == ("cooperation" in category.quad_class)


def test_seed_putin_not_congratulating_is_no_event_and_strikes_keep_their_modality(
    seed_build: BuildResult,
) -> None:
    corpus = code_corpus(seed_build.corpus, place=place)
    congratulate = [a for a in corpus.assertions if a.relation.lemma == "congratulate"]
    assert congratulate and all(a.event is None for a in congratulate)
    [strikes] = [a for a in corpus.assertions if "authorise strikes" in a.relation.text]
    assert strikes.event is not None and strikes.event.category == "ASSAULT"
    assert strikes.relation.modality == "could" and strikes.subject.code == "USA"


def _assertion(lemma: str, text: str, obj: str | None, modality: str | None = None) -> Assertion:
    """An assertion as the extractor would make it, without running spaCy."""
    target = Argument(obj, 10, 10 + len(obj), type="Concept") if obj else None
    subject = Argument("Iran", 0, 4, type="Country")
    return Assertion("x", "d", "", 0, subject, Relation(text, lemma, modality=modality), target)


def _category(event: Event | None) -> str | None:
    return event.category if event is not None else None


@pytest.mark.parametrize(
    ("lemma", "text", "obj", "modality", "category"),
    [
        ("threaten ban", "threatened to ban", "the party", None, "THREATEN"),
        ("hold", "held", "talks with Oman", None, "CONSULT"),  # a noun cue
        ("prepare launch", "prepared to launch", "an attack", None, "MOBILIZE"),
        ("attack", "would attack", "Iraq", "would", "THREATEN"),
        ("meet", "will meet", "Iraq", "will", "AGREE"),
        ("attack", "could attack", "Iraq", "could", "ASSAULT"),
        ("return", "must return", "the ship", "must", None),  # what another wants done
        ("say", "said", None, None, None),
    ],
)
def test_code_event_reads_chains_nouns_and_modality_without_spacy(
    lemma: str, text: str, obj: str | None, modality: str | None, category: str | None
) -> None:
    assert _category(code_event(_assertion(lemma, text, obj, modality))) == category


def test_an_analyst_dictionary_adds_and_switches_off_entries(tmp_path: Path) -> None:
    extra = tmp_path / "events.tsv"
    extra.write_text(  # saved by a spreadsheet: a byte-order mark, Windows line ends
        "# my additions\r\nASSAULT\tobliterate\t\tnot in the built-in list\r\nNONE\tcondemn\r\n",
        encoding="utf-8-sig",
    )
    book = load_event_dictionary(extra)
    obliterated = _assertion("obliterate", "obliterated", "the town")
    condemned = _assertion("condemn", "condemned", "the vote")
    assert _category(code_event(obliterated, book)) == "ASSAULT"
    assert code_event(condemned, book) is None
    assert _category(code_event(condemned)) == "ACCUSE"  # the built-in dictionary alone


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("FIGHT\tattack", "unknown category 'FIGHT'"),
        ("ASSAULT", "expected 2 to 4 tab-separated columns"),
        ("ASSAULT\t*", "a noun cue (*) needs"),
        ("ASSAULT\tat|tack2", "bad word 'tack2'"),
        ("ASSAULT\tbomb*", "'*' is for object words"),
        ("ASSAULT\tattack\ta|", "empty alternative"),
        ("a\tb\tc\td\te", "expected 2 to 4 tab-separated columns"),
    ],
)
def test_a_bad_dictionary_line_is_named_by_file_and_line(
    tmp_path: Path, line: str, message: str
) -> None:
    bad = tmp_path / "bad.tsv"
    bad.write_text(f"# fine\nREQUEST\tcall for\n\n{line}\n", encoding="utf-8")
    with pytest.raises(EventDictionaryError, match=re.escape(f"bad.tsv:4: {message}")):
        load_event_dictionary(bad)


def test_an_unreadable_dictionary_is_named(tmp_path: Path) -> None:
    with pytest.raises(EventDictionaryError, match="missing.tsv: cannot read"):
        load_event_dictionary(tmp_path / "missing.tsv")
    binary = tmp_path / "latin.tsv"
    binary.write_bytes("ASSAULT\tattaqu\xe9\n".encode("latin-1"))
    with pytest.raises(EventDictionaryError, match="latin.tsv: not UTF-8"):
        load_event_dictionary(binary)


def test_actor_codes_of_entities() -> None:
    russia = Entity("ru", "Russia", "Country", country="RUS")
    un = Entity("un", "United Nations", "Organization")
    kremlin = Entity("kr", "Kremlin", "GovernmentBody", country="RUS")
    envoy = Entity("en", "a UN envoy", "AnonymousSource", affiliation="un")
    soldiers = Entity("so", "Russian soldiers", "Group", country="RUS")
    putin = Entity("pu", "Vladimir Putin", "Person", roles=("President",))
    general = Entity("ge", "Ivan Petrov", "Person", roles=("General",))
    nobody = Entity("no", "Anna Smith", "Person")
    entities = {e.id: e for e in (russia, un, kremlin, envoy, soldiers, putin, general, nobody)}
    roles = [Role("pu", "President", "ru", "d"), Role("ge", "General", "ru", "d")]
    coder = ActorCoder.of(entities, roles)
    codes = {e.label: coder.code(e) for e in entities.values()}
    assert codes == {
        "Russia": "RUS", "United Nations": "IGOUNO", "Kremlin": "RUSGOV",
        "a UN envoy": "IGOUNOGOV", "Russian soldiers": "RUSMIL", "Vladimir Putin": "RUSGOV",
        "Ivan Petrov": "RUSMIL", "Anna Smith": None,
    }  # fmt: skip
    assert actor_code(putin, entities, roles, codes={"Vladimir Putin": "RUSELI"}) == "RUSELI"


def test_an_alias_file_may_set_a_code() -> None:
    book = parse_aliases(
        {"actors": [{"label": "Wagner", "aliases": ["the Wagner group"], "code": "RUSPRM"}]},
        "aliases.json",
    )
    assert book.codes() == {"wagner": "RUSPRM", "wagner group": "RUSPRM"}
    with pytest.raises(InputError, match="aliases.json: actor 1: bad code 'rus'"):
        parse_aliases({"actors": [{"label": "X", "code": "rus"}]}, "aliases.json")


def test_event_and_code_round_trip_through_the_contract(
    coded: tuple[Corpus, ActorCoder, dict[str, list[Assertion]]],
) -> None:
    [assertion] = [a for a in coded[2]["Russia imposed sanctions on Britain."] if a.event]
    record = json.loads(json.dumps(assertion.to_dict()))
    assert record["event"] == {
        "category": "SANCTION", "quad_class": "material conflict", "intensity": -5.2,
        "cue": "imposed sanctions",
    }  # fmt: skip
    assert record["subject"]["code"] == "RUS" and list(record)[-1] == "event"
    assert Assertion.from_dict(record) == assertion
    old = {k: v for k, v in record.items() if k != "event"}
    old["subject"] = {k: v for k, v in record["subject"].items() if k != "code"}
    older = Assertion.from_dict(old)
    assert older.event is None and older.subject.code is None


def test_the_skos_scheme_agrees_with_the_coder() -> None:
    from rdflib import BNode, Graph, Literal, Namespace
    from rdflib.namespace import SKOS

    root = Path(__file__).resolve().parent.parent
    graph = Graph().parse(root / "ontologies" / "plover.ttl")
    assert not any(isinstance(term, BNode) for triple in graph for term in triple)
    plover = Namespace("https://w3id.org/graphkit/plover#")
    for name, category in CATEGORIES.items():
        concept = plover[name]
        assert (concept, SKOS.notation, Literal(name)) in graph
        quad = graph.value(concept, SKOS.broader)
        assert (quad, SKOS.narrower, concept) in graph
        assert str(graph.value(quad, SKOS.prefLabel)) == category.quad_class
        assert float(graph.value(concept, plover.intensity)) == category.intensity  # type: ignore[arg-type]
        assert graph.value(concept, SKOS.definition) is not None
