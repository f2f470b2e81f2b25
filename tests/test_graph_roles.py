"""Role facts and resolved dates in the RDF graph, read back with SPARQL (pyoxigraph)."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox

import graphkit
from graphkit.analysis.query import run_query


def test_roles_and_dates_reach_the_graph(tmp_path: Path) -> None:
    text = (
        "Russian President Vladimir Putin met Chinese leader Xi Jinping in Moscow on Wednesday. "
        "Dmitry Peskov, the Kremlin spokesman, praised the talks."
    )
    result = graphkit.build(texts=[text], out=tmp_path, date="2024-11-08")
    roles = run_query(
        result.outputs["turtle"],
        """SELECT ?holder ?title ?of ?date WHERE {
             ?r a gk:RoleAssignment ; gk:holder/rdfs:label ?holder ; gk:title ?title ;
                dcterms:date ?date .
             OPTIONAL { ?r gk:roleOf/rdfs:label ?of }
           } ORDER BY ?holder""",
    )
    assert ("Vladimir Putin", "President", "Russia", "2024-11-08") in roles.rows
    assert ("Dmitry Peskov", "spokesman", "Kremlin", "2024-11-08") in roles.rows
    store = ox.Store()
    store.bulk_load(path=str(result.outputs["turtle"]), format=ox.RdfFormat.TURTLE)
    [row] = list(
        store.query(
            "PREFIX gk: <https://w3id.org/graphkit/ontology#> "
            "SELECT ?d WHERE { ?q gk:qualifierRole 'time' ; gk:text 'on Wednesday' ; "
            "gk:resolvedDate ?d }"
        )
    )
    date = row["d"]
    assert isinstance(date, ox.Literal) and date.value == "2024-11-06"
    assert date.datatype == ox.NamedNode("http://www.w3.org/2001/XMLSchema#date")
