"""The graphkit ontology as an rdflib namespace, checked against ontologies/graphkit.ttl."""

from __future__ import annotations

from importlib import resources
from pathlib import Path
from typing import Any

from rdflib import URIRef
from rdflib.namespace import DefinedNamespace, Namespace

from graphkit.errors import OntologyError
from graphkit.rdf.iri import ONTOLOGY, PLOVER_SCHEME

PLOVER = Namespace(PLOVER_SCHEME)  # the concepts of ontologies/plover.ttl


class GK(DefinedNamespace):
    """Terms of ``ontologies/graphkit.ttl``; a test checks each one is defined there."""

    _NS = Namespace(ONTOLOGY)
    _fail = True

    Actor: URIRef
    Person: URIRef
    Country: URIRef
    Organization: URIRef
    GovernmentBody: URIRef
    MediaOrganization: URIRef
    PoliticalParty: URIRef
    Group: URIRef
    AnonymousSource: URIRef
    Place: URIRef
    Region: URIRef
    City: URIRef
    Concept: URIRef
    Proposition: URIRef
    Article: URIRef
    Assertion: URIRef
    Qualifier: URIRef
    Relation: URIRef
    Claim: URIRef
    sentence: URIRef
    sentenceIndex: URIRef
    sentenceStart: URIRef
    subjectText: URIRef
    objectText: URIRef
    relationText: URIRef
    subjectStart: URIRef
    subjectEnd: URIRef
    objectStart: URIRef
    objectEnd: URIRef
    negated: URIRef
    modality: URIRef
    hedged: URIRef
    passive: URIRef
    confidence: URIRef
    factual: URIRef
    attributedTo: URIRef
    attributionText: URIRef
    attributionCue: URIRef
    attributionStart: URIRef
    attributionEnd: URIRef
    qualifier: URIRef
    qualifierRole: URIRef
    text: URIRef
    start: URIRef
    end: URIRef
    entityType: URIRef
    country: URIRef
    isoCode: URIRef
    holdsRole: URIRef
    mergeReason: URIRef
    mentionCount: URIRef
    contentHash: URIRef
    sourceFile: URIRef
    articleId: URIRef
    RoleAssignment: URIRef
    holder: URIRef
    title: URIRef
    roleOf: URIRef
    resolvedDate: URIRef
    namesEntity: URIRef
    affiliatedWith: URIRef
    status: URIRef
    evidence: URIRef
    sourceCount: URIRef
    articleCount: URIRef
    eventCategory: URIRef
    quadClass: URIRef
    intensity: URIRef
    eventCue: URIRef
    actorCode: URIRef


def ontology_path() -> Path:
    """The ontology file: packaged in the wheel, or beside the package in a checkout."""
    packaged = resources.files("graphkit") / "ontologies" / "graphkit.ttl"
    if packaged.is_file():
        return Path(str(packaged))
    checkout = Path(__file__).resolve().parents[2] / "ontologies" / "graphkit.ttl"
    if checkout.is_file():
        return checkout
    raise OntologyError("ontology file graphkit.ttl not found in the package or the checkout")


class Terms:
    """A namespace whose terms are each made once: an rdflib namespace makes a new
    ``URIRef`` on every attribute read, over a million times in a 1,000-article graph
    (issue 15).

    >>> from rdflib import RDF
    >>> terms = Terms(RDF)
    >>> terms.type is terms.type, terms.type == RDF.type, terms["value"] == RDF.value
    (True, True, True)
    >>> terms["value"] is terms["value"]
    True
    """

    def __init__(self, namespace: Any) -> None:
        self._namespace = namespace
        self._items: dict[str, URIRef] = {}  # apart from attributes: no name hides one

    def __getattr__(self, name: str) -> URIRef:
        term = URIRef(getattr(self._namespace, name))
        setattr(self, name, term)  # found on the instance from now on
        return term

    def __getitem__(self, name: str) -> URIRef:
        term = self._items.get(name)
        if term is None:
            term = self._items[name] = URIRef(self._namespace[name])
        return term
