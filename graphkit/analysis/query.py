"""SPARQL over exported graphs, on pyoxigraph's fast store.

rdflib's own SPARQL engine takes seconds on joins over tens of thousands of
triples; pyoxigraph answers in milliseconds (``benchmarks/graph_scale.py``).

Parameters (``--param actor="Vladimir Putin"``) bind the query's ``?actor`` to a
string literal in a ``VALUES`` clause appended after the query: the grammar's last
element, so nothing in the query can change what it means, and the literal is
written by pyoxigraph's term serializer (quotes, backslashes and line breaks
escaped), so no value can end it early. Raw text is never pasted into a query.
(pyoxigraph's ``substitutions`` bind as safely but leave its planner blind: the
shipped ``between`` query takes 8 s on a million triples with them, 0.08 s with
``VALUES``.) A query declares its parameters in ``# @param name  description`` lines.

Updates and ``SERVICE`` are refused, and a query is bounded by a timeout and a row
limit (:mod:`graphkit.analysis.query_safety`).
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import pyoxigraph as ox

from graphkit.analysis.query_safety import (
    DEFAULT_LIMIT,
    DEFAULT_TIMEOUT,
    check_query,
    user_position,
    waited,
)
from graphkit.errors import QueryError
from graphkit.rdf.build import PREFIXES
from graphkit.rdf.io import load_store

_PARAM_LINE = re.compile(r"^#\s*@param\s+(\w+)[ \t]*(.*)$", re.M)
_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_QUOTED = re.compile(r'"([^"\\\n\r]|\\.)*"')  # one N-Triples string literal, nothing after


@dataclass(frozen=True)
class QueryResult:
    """Variables and rows of a SELECT (or a single ``ask`` column for ASK)."""

    variables: tuple[str, ...]
    rows: tuple[tuple[str | None, ...], ...]
    truncated: bool = False  # there were more rows than the limit


def query_text(query: str) -> str:
    """The SPARQL text: a ``.rq`` file, the name of a shipped query, or the query itself.

    Missing PREFIX declarations for graphkit's prefixes are added.
    """
    source = query_source(query)
    return prefix_header(source) + source


def query_source(query: str) -> str:
    """The user's SPARQL text: a ``.rq`` file's, a shipped query's, or ``query``."""
    candidate = Path(query)
    if query.endswith(".rq") and candidate.is_file():
        return candidate.read_text(encoding="utf-8")
    if query in shipped_queries():
        return shipped_queries()[query]
    if query.endswith(".rq"):
        raise QueryError(f"{query}: no such query file")
    return query


def prefix_header(text: str) -> str:
    """PREFIX lines for graphkit's prefixes (and rdf, rdfs) that ``text`` lacks."""
    header = "".join(
        f"PREFIX {p}: <{ns}>\n" for p, ns in PREFIXES.items() if f"PREFIX {p}:" not in text
    )
    header += "PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>\n" * (
        "PREFIX rdf:" not in text
    )
    header += "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n" * (
        "PREFIX rdfs:" not in text
    )
    return header


def shipped_queries() -> dict[str, str]:
    """Example queries shipped in ``graphkit/queries``, by file stem."""
    folder = resources.files("graphkit") / "queries"
    return {
        Path(f.name).stem: f.read_text(encoding="utf-8")
        for f in folder.iterdir()
        if f.name.endswith(".rq")
    }


def declared_params(text: str) -> dict[str, str]:
    """The ``# @param name  description`` lines of a query.

    >>> declared_params("# @param actor  who\\nSELECT * WHERE { ?s ?p ?actor }")
    {'actor': 'who'}
    """
    return {m.group(1): m.group(2).strip() for m in _PARAM_LINE.finditer(text)}


def parse_params(pairs: Iterable[str]) -> dict[str, str]:
    """``name=value`` pairs (from ``--param``) as a dict; the value is kept verbatim.

    >>> parse_params(['actor=Vladimir Putin', 'x=a=b'])
    {'actor': 'Vladimir Putin', 'x': 'a=b'}
    """
    params: dict[str, str] = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        if not sep or not _NAME.fullmatch(name.strip().lstrip("?$")):
            raise QueryError(f'--param {pair!r}: expected name=value, e.g. actor="Vladimir Putin"')
        params[name.strip().lstrip("?$")] = value
    return params


def values_clause(text: str, params: Mapping[str, str]) -> str:
    """The ``VALUES`` clause that binds ``params`` in the query ``text``: every declared
    parameter must be given, and every given one must be a variable of the query.

    >>> print(values_clause("SELECT * WHERE { ?e rdfs:label ?actor }", {"actor": 'a" } #'}))
    <BLANKLINE>
    VALUES (?actor) { ("a\\" } #") }
    """
    missing = {n: d for n, d in declared_params(text).items() if n not in params}
    if missing:
        wanted = "; ".join(f"--param {n}=... ({d or 'a value'})" for n, d in missing.items())
        raise QueryError(f"this query needs {wanted}")
    if not params:
        return ""
    for name in params:
        if not re.search(rf"[?$]{name}\b", text):
            raise QueryError(f"--param {name}: the query has no variable ?{name}")
    names = " ".join(f"?{name}" for name in params)
    terms = " ".join(_literal(value) for value in params.values())
    return f"\nVALUES ({names}) {{ ({terms}) }}"


def _literal(value: str) -> str:
    """A SPARQL string literal of ``value``, serialized by pyoxigraph and checked."""
    try:
        term = str(ox.Literal(value))
    except (TypeError, ValueError) as exc:
        raise QueryError(f"--param value {value!r} is not text: {exc}") from exc
    if not _QUOTED.fullmatch(term):  # pragma: no cover - pyoxigraph always escapes
        raise QueryError(f"--param value {value!r} cannot be written as a SPARQL literal")
    return term


def run_query(
    graph_path: Path,
    query: str,
    params: Mapping[str, str] | None = None,
    *,
    allow_service: bool = False,
    timeout: float | None = DEFAULT_TIMEOUT,
    limit: int | None = DEFAULT_LIMIT,
) -> QueryResult:
    """Run ``query`` (text, ``.rq`` file or shipped name) on the graph file."""
    store = load_store(graph_path)
    return run_on_store(
        store, query, params, allow_service=allow_service, timeout=timeout, limit=limit
    )


def run_on_store(
    store: ox.Store,
    query: str,
    params: Mapping[str, str] | None = None,
    *,
    allow_service: bool = False,
    timeout: float | None = DEFAULT_TIMEOUT,
    limit: int | None = DEFAULT_LIMIT,
) -> QueryResult:
    """Run ``query`` on a loaded store; the default graph is the union of all graphs,
    so queries read a TriG file (a graph per article) as they read Turtle.

    An update, or ``SERVICE`` unless ``allow_service``, is refused; the query is
    abandoned after ``timeout`` seconds and its rows cut at ``limit`` (None: no
    bound), see :mod:`graphkit.analysis.query_safety`."""
    source = query_source(query)
    check_query(source, allow_service)
    header = prefix_header(source)
    text = header + source
    text += values_clause(text, params or {})
    return waited(lambda: _evaluate(store, text, header.count("\n"), limit), timeout)


def _evaluate(store: ox.Store, text: str, header_lines: int, limit: int | None) -> QueryResult:
    """The result of ``text`` (its first ``header_lines`` lines added by graphkit)."""
    try:
        result = store.query(text, use_default_graph_as_union=True)
        if isinstance(result, ox.QueryBoolean):
            return QueryResult(("ask",), ((str(bool(result)).lower(),),))
        if not isinstance(result, ox.QuerySolutions):
            raise QueryError("only SELECT and ASK queries print a table; use CONSTRUCT elsewhere")
        variables = tuple(v.value for v in result.variables)
        rows: list[tuple[str | None, ...]] = []
        for solution in result:
            if limit is not None and len(rows) >= limit:
                return QueryResult(variables, tuple(rows), truncated=True)
            rows.append(tuple(_term(solution[v]) for v in variables))
    except SyntaxError as exc:
        raise QueryError(f"invalid SPARQL: {user_position(str(exc), header_lines)}") from exc
    except OSError as exc:  # e.g. an allowed SERVICE endpoint that does not answer
        raise QueryError(f"the query failed: {exc}") from exc
    return QueryResult(variables, tuple(rows))


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
