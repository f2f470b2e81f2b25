"""graphkit query is read-only, stays off the network unless allowed, and is bounded
(issue 11). A real HTTP listener checks that SERVICE sends nothing."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pyoxigraph as ox
import pytest
from typer.testing import CliRunner

from graphkit.analysis.query import run_query
from graphkit.analysis.query_safety import READ_ONLY, keywords
from graphkit.cli import app
from graphkit.errors import QueryError

EX = "http://example.org/"


@pytest.fixture(scope="module")
def graph(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A small Turtle graph: 200 things with a label each."""
    path = tmp_path_factory.mktemp("graph") / "graph.ttl"
    lines = [
        f'<{EX}t{i}> <http://www.w3.org/2000/01/rdf-schema#label> "thing {i}" .' for i in range(200)
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


class Listener:
    """A local HTTP server that records every request it gets."""

    def __init__(self) -> None:
        self.requests: list[str] = []
        listener = self

        class Handler(BaseHTTPRequestHandler):
            def _answer(self) -> None:
                listener.requests.append(f"{self.command} {self.path}")
                body = b'{"head": {"vars": []}, "results": {"bindings": []}}'
                self.send_response(200)
                self.send_header("Content-Type", "application/sparql-results+json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            do_GET = do_POST = _answer

            def log_message(self, *args: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/sparql"


@pytest.fixture
def listener() -> Iterator[Listener]:
    server = Listener()
    thread = threading.Thread(target=server.server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.server.shutdown()
    server.server.server_close()


SERVICE_QUERIES = [
    "SELECT * WHERE {{ SERVICE <{url}> {{ ?s ?p ?o }} }}",
    "select * where {{ service silent <{url}> {{ ?s ?p ?o }} }}",
    "SELECT * WHERE {{ VALUES ?e {{ <{url}> }} SERVICE ?e {{ ?s ?p ?o }} }}",
    "SELECT * WHERE {{ ?s ?p ?o # a comment\n OPTIONAL {{ SERVICE <{url}> {{ ?s ?p ?x }} }} }}",
    r"SELECT * WHERE {{ \u0053ERVICE <{url}> {{ ?s ?p ?o }} }}",
]


@pytest.mark.parametrize("template", SERVICE_QUERIES)
def test_service_is_refused_and_sends_nothing(
    graph: Path, listener: Listener, template: str
) -> None:
    with pytest.raises(QueryError, match="SERVICE.*--allow-service"):
        run_query(graph, template.format(url=listener.url))
    assert listener.requests == []


def test_service_refused_by_the_command(graph: Path, listener: Listener) -> None:
    query = SERVICE_QUERIES[0].format(url=listener.url)
    result = CliRunner().invoke(app, ["query", str(graph), query])
    assert result.exit_code != 0
    assert isinstance(result.exception, QueryError) and "--allow-service" in str(result.exception)
    assert listener.requests == []


def test_allow_service_does_reach_the_listener(graph: Path, listener: Listener) -> None:
    """The control: the listener does see a request when SERVICE is allowed."""
    run_query(graph, SERVICE_QUERIES[0].format(url=listener.url), allow_service=True)
    assert listener.requests and listener.requests[0].split()[1].startswith("/sparql")


@pytest.mark.parametrize(
    "query",
    [
        'SELECT ?l WHERE { ?t rdfs:label ?l FILTER(?l != "SERVICE <http://x/> {}") }',
        "SELECT ?l WHERE { ?t rdfs:label ?l } # SERVICE <http://x/> { }",
        "SELECT ?service WHERE { ?service rdfs:label ?l }",
        "PREFIX service: <http://example.org/service/>\nSELECT ?l WHERE { ?t rdfs:label ?l }",
        "SELECT ?l WHERE { ?t rdfs:label ?l FILTER(?t != <http://x/SERVICE>) }",
        "SELECT ?l WHERE { ?t rdfs:label ?l FILTER(?l != '''x\nSERVICE''') }",
    ],
)
def test_the_word_service_elsewhere_is_no_service(graph: Path, query: str) -> None:
    assert "service" not in keywords(query)
    assert len(run_query(graph, query).rows) == 200


@pytest.mark.parametrize(
    "update",
    [
        "INSERT DATA { <http://a/> <http://b/> <http://c/> }",
        "PREFIX ex: <http://example.org/>\ndelete where { ?s ?p ?o }",
        "LOAD <http://127.0.0.1:1/graph.ttl>",
        "WITH <http://g/> DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }",
        "CLEAR ALL",
    ],
)
def test_updates_are_refused(graph: Path, update: str) -> None:
    with pytest.raises(QueryError) as caught:
        run_query(graph, update)
    assert str(caught.value).startswith(READ_ONLY)


def test_a_syntax_error_names_the_line_and_column_of_the_users_text(graph: Path) -> None:
    query = "SELECT ?l\nWHERE {\n  ?t rdfs:label ?l .\n  ?t ?p }\n"
    with pytest.raises(QueryError, match=r"invalid SPARQL: line 5, column 1: expected "):
        run_query(graph, query)
    # where Oxigraph itself puts it in the user's text (no PREFIX lines in front)
    with pytest.raises(SyntaxError, match="error at 5:1: "):
        ox.Store().query(query.replace("rdfs:label", f"<{EX}label>"))


def test_rows_past_the_limit_are_cut_and_said_so(graph: Path) -> None:
    cut = run_query(graph, "SELECT ?l WHERE { ?t rdfs:label ?l }", limit=50)
    assert len(cut.rows) == 50 and cut.truncated
    whole = run_query(graph, "SELECT ?l WHERE { ?t rdfs:label ?l }", limit=200)
    assert len(whole.rows) == 200 and not whole.truncated
    result = CliRunner().invoke(
        app,
        [
            "query",
            str(graph),
            "SELECT ?l WHERE { ?t rdfs:label ?l }",
            "--limit",
            "7",
            "--format",
            "csv",
        ],
    )
    assert result.exit_code == 0 and len(result.stdout.splitlines()) == 8
    assert "cut at 7 rows" in result.stderr


def test_a_query_past_its_timeout_is_abandoned(graph: Path) -> None:
    endless = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
    with pytest.raises(QueryError, match="did not finish within 0.2 s"):
        run_query(graph, endless, timeout=0.2)
