"""SPARQL over exported graphs, on pyoxigraph's fast store.

rdflib's own SPARQL engine takes seconds on joins over tens of thousands of
triples; pyoxigraph answers in milliseconds.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import pyoxigraph as ox

from graphkit.errors import QueryError
from graphkit.graph import PREFIXES


@dataclass(frozen=True)
class QueryResult:
    """Variables and rows of a SELECT (or a single ``ask`` column for ASK)."""

    variables: tuple[str, ...]
    rows: tuple[tuple[str | None, ...], ...]


def load_store(path: Path) -> ox.Store:
    """An in-memory store holding the RDF file at ``path`` (format from its suffix)."""
    fmt = ox.RdfFormat.from_extension(path.suffix.lstrip(".") or "ttl")
    if fmt is None:
        raise QueryError(f"{path}: unknown RDF format {path.suffix!r}")
    store = ox.Store()
    try:
        store.bulk_load(path=str(path), format=fmt)
    except (OSError, SyntaxError, ValueError) as exc:
        raise QueryError(f"{path}: cannot load graph: {exc}") from exc
    return store


def query_text(query: str) -> str:
    """The SPARQL text: a ``.rq`` file, the name of a shipped query, or the query itself.

    Missing PREFIX declarations for graphkit's prefixes are added.
    """
    candidate = Path(query)
    if query.endswith(".rq") and candidate.is_file():
        text = candidate.read_text(encoding="utf-8")
    elif query in shipped_queries():
        text = shipped_queries()[query]
    elif query.endswith(".rq"):
        raise QueryError(f"{query}: no such query file")
    else:
        text = query
    header = "".join(
        f"PREFIX {p}: <{ns}>\n" for p, ns in PREFIXES.items() if f"PREFIX {p}:" not in text
    )
    header += "PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>\n" * (
        "PREFIX rdf:" not in text
    )
    header += "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n" * (
        "PREFIX rdfs:" not in text
    )
    return header + text


def shipped_queries() -> dict[str, str]:
    """Example queries shipped in ``graphkit/queries``, by file stem."""
    folder = resources.files("graphkit") / "queries"
    return {
        Path(f.name).stem: f.read_text(encoding="utf-8")
        for f in folder.iterdir()
        if f.name.endswith(".rq")
    }


def run_query(graph_path: Path, query: str) -> QueryResult:
    store = load_store(graph_path)
    try:
        result = store.query(query_text(query))
    except SyntaxError as exc:
        raise QueryError(f"invalid SPARQL: {exc}") from exc
    if isinstance(result, ox.QueryBoolean):
        return QueryResult(("ask",), ((str(bool(result)).lower(),),))
    if not isinstance(result, ox.QuerySolutions):
        raise QueryError("only SELECT and ASK queries print a table; use CONSTRUCT elsewhere")
    variables = tuple(v.value for v in result.variables)
    rows = tuple(tuple(_term(solution[v]) for v in variables) for solution in result)
    return QueryResult(variables, rows)


def _term(term: object) -> str | None:
    if term is None:
        return None
    if isinstance(term, ox.Literal | ox.NamedNode | ox.BlankNode):
        return term.value
    return str(term)


def format_csv(result: QueryResult) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(result.variables)
    writer.writerows(["" if v is None else v for v in row] for row in result.rows)
    return out.getvalue()


def format_json(result: QueryResult) -> str:
    records = [dict(zip(result.variables, row, strict=True)) for row in result.rows]
    return json.dumps(records, ensure_ascii=False, indent=2) + "\n"
