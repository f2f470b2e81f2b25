"""The README's RDF model, shipped queries and formats are what graphkit does."""

from __future__ import annotations

import re

from rdflib import Graph

from graphkit.analysis.query import shipped_queries
from graphkit.export.formats import FORMATS
from graphkit.rdf.build import PREFIXES
from graphkit.rdf.vocab import GK

from .conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")
STALE = (
    "README.md's RDF model excerpt no longer matches exports/graph.ttl: copy the "
    "st:0df2e019113d220b and claim: blocks of the Putin -> Trump statement from the export"
)


def _section(title: str) -> str:
    return README.split(f"## {title}\n", 1)[1].split("\n## ", 1)[0]


def test_the_turtle_excerpt_is_in_the_committed_export() -> None:
    [excerpt] = re.findall(r"```turtle\n(.+?)```", _section("RDF model"), re.S)
    header = "".join(f"@prefix {p}: <{ns}> .\n" for p, ns in PREFIXES.items())
    header += "@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .\n"
    shown = Graph().parse(data=header + excerpt, format="turtle")
    export = Graph().parse(ROOT / "exports" / "graph.ttl", format="turtle")
    assert len(shown) > 25
    # the confidence is left out: the extraction's scoring moves it often
    missing = [t for t in shown if t[1] != GK.confidence and t not in export]
    assert not missing, f"{STALE}; not in the export: {missing}"


def test_every_shipped_query_and_format_is_documented() -> None:
    queries = _section("Querying with SPARQL")
    for name in shipped_queries():
        assert f"| `{name}` |" in queries, f"README does not list the {name} query"
    formats = _section("Exports and incremental builds")
    for name, fmt in FORMATS.items():
        assert f"| `{name}` | `{fmt.filename}`" in formats, f"README does not list {name}"
