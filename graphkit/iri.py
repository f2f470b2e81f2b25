"""The only place graphkit makes IRIs.

Rule: ``BASE + kind + "/" + slug``, where the slug is ASCII ``[a-z0-9-]`` made from
the name (see :func:`graphkit.naming.slugify`) and a content hash keeps different
things apart. Article text never reaches an IRI unescaped, so every IRI is valid
whatever the names contain (quotes, angle brackets, newlines, emoji, RTL text).
"""

from __future__ import annotations

from rdflib import URIRef

from graphkit.naming import content_id, slugify

BASE = "https://w3id.org/graphkit/"
ONTOLOGY = BASE + "ontology#"
DATA = BASE + "id/"
RELATIONS = BASE + "rel/"


def entity_iri(entity_id: str) -> URIRef:
    """IRI of an entity from its id (already a slug plus hash).

    >>> entity_iri("donald-trump-1a2b3c4d")
    rdflib.term.URIRef('https://w3id.org/graphkit/id/entity/donald-trump-1a2b3c4d')
    """
    return URIRef(f"{DATA}entity/{slugify(entity_id, max_length=80)}")


def article_iri(article_id: str) -> URIRef:
    """IRI of an article; the hash keeps ids that slug alike apart.

    >>> str(article_iri("000_69fb")).startswith("https://w3id.org/graphkit/id/article/000-69fb-")
    True
    """
    return URIRef(f"{DATA}article/{content_id(article_id, article_id)}")


def statement_iri(assertion_id: str) -> URIRef:
    return URIRef(f"{DATA}statement/{slugify(assertion_id)}")


def qualifier_iri(assertion_id: str, index: int) -> URIRef:
    return URIRef(f"{DATA}statement/{slugify(assertion_id)}/q{index}")


def relation_iri(lemma: str) -> URIRef:
    """Relation property from the normalized relation: "hope for" -> rel:hope_for.

    >>> relation_iri("hope for")
    rdflib.term.URIRef('https://w3id.org/graphkit/rel/hope_for')
    """
    return URIRef(RELATIONS + slugify(lemma).replace("-", "_"))
