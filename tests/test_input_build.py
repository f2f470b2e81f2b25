"""End to end through the command line: a folder of good articles and every kind of
bad input, built with the real model. The bad inputs are named on stderr and in
report.json, and every good article's assertions are in the graph."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from rdflib import RDF, Graph, URIRef
from rdflib.namespace import DCTERMS, PROV

import graphkit
from graphkit.ingest import split_title
from graphkit.nlp.pieces import CHUNK_CHARS
from graphkit.rdf.iri import article_iri, statement_iri
from graphkit.rdf.vocab import GK

from .conftest import SEEDS

DATA = Path(__file__).resolve().parent / "data"
SCHEMA_URL = URIRef("https://schema.org/url")

PUTIN_TRUMP = """Kremlin cautious on Trump
President Vladimir Putin has not congratulated Donald Trump. Russia expects talks with \
the United States in the coming months, the Kremlin said on Thursday.
"""
WIRE = [
    {"id": "wire-1", "title": "China warns Taiwan", "published": "2024-11-05",
     "url": "https://wire.example.org/china-taiwan", "source": "Example Wire",
     "text": "China warned Taiwan against new arms purchases on Tuesday. "
             "Beijing condemned the United States."},
    '{"id": "wire-bad", "text": "NATO',
    {"id": "wire-no-text", "title": "A record without its text"},
    {"id": "wire-2", "published": "2024-11-20",
     "text": "Japan signed a trade agreement with India. "
             "Tokyo will send a delegation to New Delhi by January."},
]  # fmt: skip
# verbless filler (cheap: almost no assertions) that pushes the article past one piece
FILLER = (
    "A grey morning in the capital, with rain and wind from the north. "
    "Long queues at the bakeries, and quiet streets near the old river. "
)
LONG_TITLE = "A wet week, and a border closed"
LONG_END = "Finland closed its border with Russia."
GOOD = {
    "putin-trump": "mixed/putin-trump.txt",
    "seed-copy": "mixed/news/seed-copy.txt",
    "kremlin-weighs-trump-win": "mixed/news/kremlin-weighs-trump-win.html",
    "https://wire.example.org/2024/11/12/zelensky-rejects-ceasefire-plan": "mixed/world-news.rss",
    "wire-2024-11-14-nato": "mixed/world-news.rss",
    "wire-1": "mixed/wire.jsonl",
    "wire-2": "mixed/wire.jsonl",
    "latin": "mixed/latin.txt",
    "long": "mixed/long.txt",
}


@dataclass(frozen=True)
class Run:
    returncode: int
    stderr: str
    out: Path
    cwd: Path

    def report(self) -> dict[str, Any]:
        return json.loads((self.out / "report.json").read_text(encoding="utf-8"))

    def assertions(self) -> list[dict[str, Any]]:
        lines = (self.out / "assertions.jsonl").read_text(encoding="utf-8").splitlines()
        return [json.loads(line) for line in lines]


def graphkit_cli(*args: str, cwd: Path, stdin: bytes | None = None) -> Run:
    """Run ``graphkit build ARGS --out out`` in ``cwd``, as a user would."""
    done = subprocess.run(
        [sys.executable, "-m", "graphkit", "build", *args, "--out", "out"],
        cwd=cwd, input=stdin, capture_output=True, timeout=600,
    )  # fmt: skip
    return Run(done.returncode, done.stderr.decode("utf-8"), cwd / "out", cwd)


def _write_mixed(root: Path) -> None:
    mixed = root / "mixed"
    (mixed / "news").mkdir(parents=True)
    (mixed / ".cache").mkdir()
    (mixed / "putin-trump.txt").write_text(PUTIN_TRUMP, encoding="utf-8")
    shutil.copy(next(SEEDS.glob("*.txt")), mixed / "news" / "seed-copy.txt")
    shutil.copy(DATA / "kremlin-weighs-trump-win.html", mixed / "news")
    shutil.copy(DATA / "world-news.rss", mixed)
    wire = [line if isinstance(line, str) else json.dumps(line) for line in WIRE]
    (mixed / "wire.jsonl").write_text("\n".join(wire) + "\n", encoding="utf-8")
    (mixed / "latin.txt").write_bytes("Café talks\nFrance hosted talks in Paris.".encode("cp1252"))
    long = f"{LONG_TITLE}\n" + "\n\n".join([FILLER] * 780) + f"\n\n{LONG_END}\n"
    (mixed / "long.txt").write_text(long, encoding="utf-8")
    (mixed / "empty.txt").write_bytes(b"")
    (mixed / "news" / "photo.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 40)
    (mixed / "news" / "empty.jsonl").write_text("\n\n", encoding="utf-8")
    (mixed / "chart.pdf").write_bytes(b"%PDF-1.4 not an article")
    (mixed / ".cache" / "old.txt").write_text("Hidden: never read.", encoding="utf-8")


@pytest.fixture(scope="module")
def mixed(tmp_path_factory: pytest.TempPathFactory) -> Run:
    root = tmp_path_factory.mktemp("mixed-build")
    _write_mixed(root)
    return graphkit_cli("mixed", "missing.txt", "--date", "2024-11-07", cwd=root)


@pytest.fixture(scope="module")
def graph(mixed: Run) -> Graph:
    return Graph().parse(mixed.out / "graph.ttl", format="turtle")


def test_some_inputs_failed_so_the_exit_code_is_1(mixed: Run) -> None:
    assert mixed.returncode == 1, mixed.stderr
    assert {p.name for p in mixed.out.iterdir()} >= {"graph.ttl", "report.json"}


def test_stderr_names_each_bad_input_and_its_problem(mixed: Run) -> None:
    expected = [
        "error: mixed/empty.txt: empty file: no text to read",
        "error: mixed/news/photo.txt: looks like a binary file, not text",
        "error: mixed/news/empty.jsonl: empty file: no text to read",
        "error: mixed/wire.jsonl:2: malformed JSON: Unterminated string",
        'error: mixed/wire.jsonl:3: missing or empty "text" field',
        "error: missing.txt: no such file or folder",
        "mixed/latin.txt: warning: not valid UTF-8 (byte 3); decoded as cp1252",
        "mixed/chart.pdf: warning: skipped: .pdf is not an input kind graphkit reads",
        "mixed/long.txt: warning: long article 'long' (105,",
    ]
    lines = mixed.stderr.splitlines()
    for message in expected:
        assert any(line.startswith(message) or message in line for line in lines), message
    assert ".cache" not in mixed.stderr  # hidden folders are not read at all


def test_report_lists_every_input_with_its_status(mixed: Run) -> None:
    report = mixed.report()
    entries = {e["input"]: e for e in report["inputs"]}
    assert list(entries) == sorted(entries)
    status = {name: e["status"] for name, e in entries.items()}
    assert status == {
        "missing.txt": "failed",
        "mixed/chart.pdf": "warning",
        "mixed/empty.txt": "failed",
        "mixed/latin.txt": "warning",
        "mixed/long.txt": "warning",
        "mixed/news/empty.jsonl": "failed",
        "mixed/news/kremlin-weighs-trump-win.html": "ok",
        "mixed/news/photo.txt": "failed",
        "mixed/news/seed-copy.txt": "ok",
        "mixed/putin-trump.txt": "ok",
        "mixed/wire.jsonl": "failed",  # two lines failed; the other two were read
        "mixed/world-news.rss": "ok",
    }
    wire = entries["mixed/wire.jsonl"]
    assert wire["articles"] == 2 and wire["assertions"] > 0
    assert [(p["line"], p["warning"]) for p in wire["problems"]] == [(2, False), (3, False)]
    assert entries["mixed/world-news.rss"]["articles"] == 2
    assert entries["mixed/empty.txt"]["problems"][0]["problem"] == "empty file: no text to read"
    assert report["exit_code"] == 1 and report["articles"] == len(GOOD)
    assert report["assertions"] == len(mixed.assertions())
    assert sum(e["assertions"] for e in report["inputs"]) == report["assertions"]
    text = (mixed.out / "report.json").read_text(encoding="utf-8")
    assert str(mixed.cwd) not in text  # paths as given, nothing machine-specific


def test_every_good_article_and_its_assertions_are_in_the_graph(mixed: Run, graph: Graph) -> None:
    by_doc: dict[str, list[dict[str, Any]]] = {}
    for record in mixed.assertions():
        by_doc.setdefault(record["doc"], []).append(record)
    assert set(by_doc) == set(GOOD)
    for doc in GOOD:
        node = article_iri(doc)
        assert (node, RDF.type, GK.Article) in graph, doc
        assert str(graph.value(node, GK.articleId)) == doc
        # an assertion is an edge of the graph when both its ends are entities
        edges = [
            r for r in by_doc[doc] if r["subject"]["entity"] and (r["object"] or {}).get("entity")
        ]
        assert edges or doc == "long", doc
        for record in edges:
            assert (statement_iri(record["id"]), PROV.wasDerivedFrom, node) in graph, record


def _claims(graph: Graph, doc: str) -> set[tuple[str, str, str, bool]]:
    rows = graph.query(
        """SELECT ?s ?lemma ?o ?negated WHERE {
             ?st prov:wasDerivedFrom ?article ; gk:subjectText ?s ; gk:objectText ?o ;
                 rdf:predicate/rdfs:label ?lemma ; gk:negated ?negated . }""",
        initNs={"prov": PROV, "gk": GK},
        initBindings={"article": article_iri(doc)},
    )
    return {(str(r[0]), str(r[1]), str(r[2]), bool(r[3].toPython())) for r in rows}  # type: ignore[index]


def test_some_statements_of_the_good_articles(graph: Graph) -> None:
    putin = ("President Vladimir Putin", "congratulate", "Donald Trump", True)
    assert putin in _claims(graph, "putin-trump")
    assert putin in _claims(graph, "kremlin-weighs-trump-win")
    assert ("China", "warn", "Taiwan", False) in _claims(graph, "wire-1")
    zelensky = "https://wire.example.org/2024/11/12/zelensky-rejects-ceasefire-plan"
    assert ("Poland", "support", "the decision", False) in _claims(graph, zelensky)
    assert ("Ukraine", "cede", "territory", True) in _claims(graph, zelensky)
    seed = _claims(graph, "seed-copy")
    assert ("President Vladimir Putin", "congratulate", "Trump", True) in seed
    assert ("France", "host", "talks in Paris", False) in _claims(graph, "latin")


def test_page_and_feed_metadata_are_on_the_article_nodes(graph: Graph) -> None:
    def meta(doc: str) -> tuple[str | None, ...]:
        node = article_iri(doc)
        values = (graph.value(node, p) for p in (DCTERMS.title, DCTERMS.date, SCHEMA_URL))
        return tuple(None if v is None else str(v) for v in values)

    assert meta("kremlin-weighs-trump-win") == (
        "Kremlin weighs Trump victory",
        "2024-11-07",
        "https://news.example.com/world/2024/11/07/kremlin-weighs-trump-victory",
    )
    zelensky = "https://wire.example.org/2024/11/12/zelensky-rejects-ceasefire-plan"
    assert meta(zelensky) == (
        "Zelensky rejects ceasefire plan",
        "2024-11-12T08:15:00+00:00",
        zelensky,
    )
    assert meta("wire-2024-11-14-nato") == (
        "NATO ministers meet in Brussels",
        "2024-11-14T17:40:00+01:00",
        "https://wire.example.org/2024/11/14/nato-ministers-meet",
    )
    assert meta("wire-1") == (
        "China warns Taiwan",
        "2024-11-05",
        "https://wire.example.org/china-taiwan",
    )
    # --date is the date of the articles that give none, and only of those
    assert meta("putin-trump") == ("Kremlin cautious on Trump", "2024-11-07", None)
    source = graph.value(article_iri(zelensky), DCTERMS.source)
    assert str(source) == "Example World Wire"


def test_time_qualifiers_are_dated_against_their_article(mixed: Run) -> None:
    dated = {
        (r["doc"], q["text"]): q["date"]
        for r in mixed.assertions()
        for q in r["qualifiers"]
        if q["role"] == "time"
    }
    assert dated[("putin-trump", "on Thursday")] == "2024-11-07"  # --date: a Thursday
    assert dated[("wire-1", "on Tuesday")] == "2024-11-05"  # its own date: a Tuesday
    assert dated[("wire-2", "by January")] == "2025-01"  # after November: next January
    assert dated[("wire-2024-11-14-nato", "on Thursday")] == "2024-11-14"
    assert dated[("seed-copy", "In the coming months")] is None  # vague: left undated


def test_a_long_article_is_parsed_in_pieces_with_whole_text_offsets(mixed: Run) -> None:
    title, text = split_title((mixed.cwd / "mixed" / "long.txt").read_text(encoding="utf-8"))
    assert title == LONG_TITLE
    assert len(text) > CHUNK_CHARS
    records = [r for r in mixed.assertions() if r["doc"] == "long"]
    [finland] = [r for r in records if r["subject"]["text"] == "Finland"]
    assert finland["subject"]["start"] > CHUNK_CHARS  # from the second piece
    assert finland["sentence"] == LONG_END
    assert text[finland["sentence_start"] :].startswith(LONG_END)
    for record in records:
        for span in (record["subject"], record["object"], *record["qualifiers"]):
            if span:
                assert text[span["start"] : span["end"]] == span["text"]


def test_nothing_readable_exits_2_and_keeps_the_previous_exports(tmp_path: Path) -> None:
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "graph.ttl").write_text("# the previous graph\n", encoding="utf-8")
    (tmp_path / "bad").mkdir()
    (tmp_path / "bad" / "empty.txt").write_bytes(b"")
    (tmp_path / "bad" / "zip.txt").write_bytes(b"PK\x03\x04\x00\x00\x08\x00")
    run = graphkit_cli("bad", cwd=tmp_path)
    assert run.returncode == 2
    assert (
        "bad/empty.txt: empty file" in run.stderr
        and "bad/zip.txt: looks like a binary" in run.stderr
    )
    assert [p.name for p in run.out.iterdir()] == ["graph.ttl"]
    assert (run.out / "graph.ttl").read_text(encoding="utf-8") == "# the previous graph\n"


def test_standard_input_is_one_article(tmp_path: Path) -> None:
    text = "Talks in Geneva\nRussia rejected the proposal on Monday. France hosted the talks.\n"
    run = graphkit_cli("-", "--date", "2024-11-07", cwd=tmp_path, stdin=text.encode("utf-8"))
    assert run.returncode == 0, run.stderr
    [entry] = run.report()["inputs"]
    assert (entry["input"], entry["status"], entry["articles"]) == ("-", "ok", 1)
    [monday] = [q for r in run.assertions() for q in r["qualifiers"] if q["role"] == "time"]
    assert (monday["text"], monday["date"]) == ("on Monday", "2024-11-04")


def test_a_date_that_is_not_yyyy_mm_dd_is_refused(tmp_path: Path) -> None:
    run = graphkit_cli("missing.txt", "--date", "07/11/2024", cwd=tmp_path)
    assert run.returncode == 2 and "--date" in run.stderr
    assert not run.out.exists()


def test_an_article_has_one_id_through_the_api_and_standard_input(tmp_path: Path) -> None:
    """Before, the API hashed the text as given and stdin the stripped text."""
    text = "Ukraine asked its allies for more air defence systems.\n"
    done = subprocess.run(
        [sys.executable, "-m", "graphkit", "extract", "-"],
        input=text.encode("utf-8"), capture_output=True, timeout=600, check=True,
    )  # fmt: skip
    from_stdin = {json.loads(line)["doc"] for line in done.stdout.decode().splitlines()}
    from_api = {a.doc for a in graphkit.extract(texts=[text])}
    assert from_stdin == from_api and len(from_api) == 1
