"""The columns a build keeps of its graph for the views (no store of the whole graph):
the same view data as a store of the same lines gives, and the same literal values
as pyoxigraph's own N-Triples parser reads."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest

import graphkit
from graphkit.export.html.data import VIEW_PREDICATES, GraphData
from graphkit.export.html.entities import ENTITY_LISTS, EntityTable
from graphkit.export.html.source import SOURCE_PREDICATES, SourceReader
from graphkit.pipeline import BuildResult
from graphkit.rdf import reader
from graphkit.rdf.build import add_corpus, build_lines
from graphkit.rdf.columns import Columns, Tee, term
from graphkit.rdf.columns_loader import ColumnsLoader
from graphkit.rdf.iri import entity_iri
from graphkit.rdf.triples import (
    Lit,
    TripleLines,
    date_literal,
    decimal,
    literal,
    store_of,
    text,
    typed_literal,
)
from graphkit.types import Corpus

NEWS = Path(__file__).parent / "data" / "analyst-news.jsonl"

# literals as the graph's builder writes them, read back as the store reads the line
LITERALS = [
    text("Russia hopes for negotiation"),
    text('He said: "no deal" \\ maybe'),
    text("line one\nline two\ttabbed\r\x00\x1f\x7f"),
    text("Zelenskyy’s café in Kraków, 中文, 😀"),
    text('a text that holds "^^<http://example.org/x> inside'),
    text('ends with a quote"'),
    text("lone \ud800 surrogate"),
    text(""),
    literal(7),
    literal(-3),
    literal(True),
    literal(False),
    decimal(0.81),
    decimal(1),
    date_literal("2024-11-06"),
    date_literal("2025-01"),
    date_literal("2025"),
    date_literal("2024-W44"),
    typed_literal("plain", "string"),
]


@pytest.mark.parametrize("lit", LITERALS, ids=range(len(LITERALS)))
def test_a_literal_is_the_term_pyoxigraph_reads_from_its_line(lit: Lit) -> None:
    line = f"<urn:s> <urn:p> {lit} .\n".encode()
    (parsed,) = list(ox.parse(line, ox.RdfFormat.N_TRIPLES))
    assert term(lit) == parsed.object


def test_an_iri_is_a_named_node() -> None:
    from rdflib import URIRef

    assert term(URIRef("https://w3id.org/graphkit/id/entity/russia-1")) == ox.NamedNode(
        "https://w3id.org/graphkit/id/entity/russia-1"
    )


@pytest.fixture(scope="module")
def news(tmp_path_factory: pytest.TempPathFactory) -> Corpus:
    out = tmp_path_factory.mktemp("news")
    return graphkit.build([NEWS], out=out, formats=("assertions",)).corpus


def _columns(corpus: Corpus) -> Columns:
    columns = Columns(VIEW_PREDICATES)
    add_corpus(Tee(TripleLines(), columns), corpus)
    return columns


def _same_view_data(corpus: Corpus) -> GraphData:
    from_columns = GraphData.read(_columns(corpus))
    from_store = GraphData.read(store_of(build_lines(corpus)))
    assert from_columns.statements == from_store.statements
    assert from_columns.claims == from_store.claims
    assert from_columns.entities == from_store.entities
    assert from_columns.roles == from_store.roles
    assert from_columns.articles == from_store.articles
    assert from_columns.relations == from_store.relations
    return from_columns


def test_the_seed_s_view_data_from_columns_is_the_store_s(seed_build: BuildResult) -> None:
    read = _same_view_data(seed_build.corpus)
    assert read.statements and read.claims  # something was compared


def test_news_view_data_from_columns_is_the_store_s(news: Corpus) -> None:
    # eight articles with quotations, roles, acronyms, dates and coded events
    read = _same_view_data(news)
    sources = [st.source for st in read.statements]
    assert any(s["attributed_to"] for s in sources)
    assert any(s["event"] for s in sources)
    assert any(s["date"] for s in sources)
    assert read.roles
    assert any(e.aliases for e in read.entities.values())


def test_a_predicate_the_columns_do_not_keep_is_an_error_not_an_empty_column(
    seed_build: BuildResult,
) -> None:
    columns = _columns(seed_build.corpus)
    with pytest.raises(KeyError):
        columns.column("https://w3id.org/graphkit/ontology#subjectText")
    assert columns.column("https://w3id.org/graphkit/ontology#sentence")


@pytest.mark.parametrize("convert", [reader.text, reader.py, reader.node, None])
def test_a_sparse_column_reads_what_the_whole_column_holds(news: Corpus, convert: object) -> None:
    columns = _columns(news)
    for predicate in sorted(SOURCE_PREDICATES):
        whole = columns.column(predicate, convert)
        sparse = columns.sparse_column(predicate, convert)
        assert len(sparse) == len(whole) and sorted(sparse) == sorted(whole)
        for subject in sorted(whole)[::7]:  # each value as it is first read, then again
            assert sparse.get(subject) == whole[subject] == sparse[subject]
        assert sparse.get("urn:none") is None and sparse.get("urn:none", 3) == 3


def test_sparse_lists_read_what_the_whole_lists_hold(news: Corpus) -> None:
    columns = _columns(news)
    for predicate in ENTITY_LISTS.values():
        whole, sparse = columns.lists(predicate), columns.sparse_lists(predicate)
        assert whole and len(sparse) == len(whole) and sorted(sparse) == sorted(whole)
        for subject in sorted(whole):  # as first read, then again
            assert sparse.get(subject) == whole[subject] == sparse[subject]
        assert sparse.get("urn:none") is None
        with pytest.raises(KeyError):
            sparse["urn:none"]


def test_the_views_entities_are_the_corpus_s_each_made_when_asked(news: Corpus) -> None:
    entities = EntityTable(_columns(news))
    assert len(entities) == len(news.entities) and list(entities) == sorted(entities)
    person = next(e for e in news.entities if e.type == "Person" and len(e.aliases) > 1)
    iri = str(entity_iri(person.id))
    assert entities.declared(iri) == "Person" and entities.label(iri) == person.label
    assert entities._made == {}  # nothing made for the questions above
    found = entities[iri]
    assert (found.label, found.type, found.mentions) == (person.label, "Person", person.mentions)
    assert found.aliases == tuple(sorted(set(person.aliases) - {person.label}))  # altLabels
    assert list(entities._made) == [iri] and entities.get(iri) is found
    assert entities.get("urn:none") is None and "urn:none" not in entities
    concept = next(e for e in news.entities if e.type == "Concept")
    assert entities.type_of(str(entity_iri(concept.id))) == "Concept"


def _read_lines(lines: tuple[str, ...] | list[str]) -> GraphData:
    columns = Columns(VIEW_PREDICATES)
    columns.add_lines(lines)
    return GraphData.read(columns)


def test_columns_read_from_a_lines_file_are_the_store_s(news: Corpus, tmp_path: Path) -> None:
    lines = build_lines(news)
    path = tmp_path / "graph.nt"
    path.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    columns = ColumnsLoader(VIEW_PREDICATES, path).result()  # as a build that grows a graph
    assert GraphData.read(columns) == GraphData.read(store_of(lines))


def test_changed_columns_are_those_of_the_changed_graph(
    news: Corpus, seed_build: BuildResult
) -> None:
    old, new = build_lines(news), build_lines(seed_build.corpus)
    kept = set(old) & set(new)
    assert kept and set(old) - kept and set(new) - kept  # some go, some stay, some come
    columns = Columns(VIEW_PREDICATES)
    columns.add_lines(old)
    gone = [line.encode() for line in old if line not in kept]
    came = [line.encode() for line in new if line not in kept]
    columns.change(gone, came)
    changed = GraphData.read(columns)
    assert changed == GraphData.read(store_of(new))
    assert changed == _read_lines(new)


A, B = "<urn:x:a>", "<urn:x:b>"
ALIAS, LABEL = (
    "<http://www.w3.org/2004/02/skos/core#altLabel>",
    "<http://www.w3.org/2000/01/rdf-schema#label>",
)


@pytest.mark.parametrize(
    ("old", "gone", "came", "labels", "aliases"),
    [
        # a subject's one value replaced
        ([f'{A} {LABEL} "Kyiv" .'], [f'{A} {LABEL} "Kyiv" .'], [f'{A} {LABEL} "Kiev" .'],
         {"urn:x:a": "Kiev"}, {}),
        # the first of two values goes: the second is the one left
        ([f'{A} {ALIAS} "IAEA" .', f'{A} {ALIAS} "the agency" .'],
         [f'{A} {ALIAS} "IAEA" .'], [], {}, {"urn:x:a": ("the agency",)}),
        # the second goes: the first stays
        ([f'{A} {ALIAS} "IAEA" .', f'{A} {ALIAS} "the agency" .'],
         [f'{A} {ALIAS} "the agency" .'], [], {}, {"urn:x:a": ("IAEA",)}),
        # the only value goes: the subject has none
        ([f'{A} {LABEL} "Kyiv" .', f'{B} {LABEL} "Lviv" .'], [f'{A} {LABEL} "Kyiv" .'], [],
         {"urn:x:b": "Lviv"}, {}),
        # a line of a predicate not kept changes nothing
        ([f'{A} {LABEL} "Kyiv" .'], [], [f'{A} <urn:x:other> "x" .'], {"urn:x:a": "Kyiv"}, {}),
    ],
)  # fmt: skip
def test_a_change_takes_out_the_lines_gone_and_keeps_the_lines_come(
    old: list[str], gone: list[str], came: list[str], labels: dict, aliases: dict
) -> None:
    columns = Columns([LABEL[1:-1], ALIAS[1:-1]])
    columns.add_lines(old)
    columns.change([g.encode() for g in gone], [c.encode() for c in came])
    assert columns.column(LABEL[1:-1]) == labels
    assert columns.lists(ALIAS[1:-1]) == aliases


def test_columns_read_again_after_a_change_see_it() -> None:
    columns = Columns([LABEL[1:-1], "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"])
    typed = f"{A} <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <urn:x:Place> ."
    columns.add_lines([f'{A} {LABEL} "Kyiv" .', typed])
    assert columns.column(LABEL[1:-1]) == {"urn:x:a": "Kyiv"}
    assert columns.iris("urn:x:Place") == ["urn:x:a"]
    columns.change(
        [f'{A} {LABEL} "Kyiv" .'.encode(), typed.encode()], [f'{B} {LABEL} "Lviv" .'.encode()]
    )
    assert columns.column(LABEL[1:-1]) == {"urn:x:b": "Lviv"}
    assert columns.iris("urn:x:Place") == []


def test_a_statement_s_source_is_read_when_first_asked_for(
    news: Corpus, monkeypatch: pytest.MonkeyPatch
) -> None:
    read: list[str] = []
    real = SourceReader.of
    monkeypatch.setattr(SourceReader, "of", lambda self, iri: read.append(iri) or real(self, iri))
    data = GraphData.read(_columns(news))
    assert data.claims_from(0.5) and read == []  # filtered by confidence, nothing read
    first = data.statements[0]
    assert first.source is first.source and read == [first.iri]  # read once
    # what a statement is drawn as agrees with its source, read another way
    for st in data.statements:
        flags = {"negated": st.source["negated"], "hedged": st.source["hedged"],
                 "attributed": st.source["attribution"] is not None,
                 "modal": st.source["modality"] is not None}  # fmt: skip
        assert st.kind == next((k for k, on in flags.items() if on), "fact")
        assert st.confidence == st.source["confidence"]
    assert {st.kind for st in data.statements} >= {"fact", "attributed", "negated"}
