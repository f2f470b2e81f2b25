"""The only place graphkit makes IRIs.

Rule: ``BASE + "id/" + kind + "/" + slug``. A slug is ASCII ``[a-z0-9-]`` made from
a name or id (see :func:`graphkit.ids.slugify`), and a hash of the exact text keeps
apart the things whose slugs coincide:

- ids that graphkit minted (``donald-trump-6670d985``) are already slugs and stand as
  they are;
- any other id (given through the Python API or a hand-edited JSON Lines file) becomes
  its slug, ``--`` and a hash of the id: a minted slug never holds ``--``, so the two
  kinds never meet (``'Trump "X"'`` -> ``trump-x--6407ed13``);
- articles always carry the hash of their id, claims the hash of what they group;
- an assertion's qualifiers are ``id/qualifier/<statement slug>-q<i>``: flat, side by
  side, not under their statement. They were ``st:<hash>/q0``, which made every
  statement a namespace of its own to rdflib's Turtle writer, and it scans all its
  namespaces for every IRI it writes (issue 15). The last ``-q`` and its digits say
  which qualifier, so two never meet;
- relations keep their readable name (``rel:hope_for``) when the lemma is plain
  lower-case ASCII words, else add ``__`` and a hash (``rel:x__1f2e3d4c`` for a lemma
  in another script), so two relations never share a property.

Article text never reaches an IRI: whatever a name holds (quotes, angle brackets,
newlines, emoji, right-to-left marks, NUL, lone surrogates) the IRI is valid.
"""

from __future__ import annotations

import re
from functools import lru_cache

from rdflib import URIRef

from graphkit.ids import content_id, short_hash, slugify

BASE = "https://w3id.org/graphkit/"
ONTOLOGY = BASE + "ontology#"
PLOVER_SCHEME = BASE + "plover#"
DATA = BASE + "id/"
RELATIONS = BASE + "rel/"
ENTITIES = DATA + "entity/"
ARTICLES = DATA + "article/"
STATEMENTS = DATA + "statement/"
CLAIMS = DATA + "claim/"
QUALIFIERS = DATA + "qualifier/"
ROLES = DATA + "role/"

_PLAIN_LEMMA = re.compile(r"[a-z0-9]+( [a-z0-9]+)*")
_SLUG = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")  # the form of every slug (graphkit.ids.slugify)
_ID_MAX = 80


def id_slug(identifier: str) -> str:
    """The IRI-safe form of an id: itself when it is a slug, else slug ``--`` hash.

    >>> id_slug("donald-trump-6670d985")
    'donald-trump-6670d985'
    >>> id_slug('Trump "X"')
    'trump-x--6407ed13'
    >>> id_slug("") != id_slug("x") and id_slug("\\ud800") != id_slug("\\ud801")
    True
    """
    if len(identifier) <= _ID_MAX and _SLUG.fullmatch(identifier):
        return identifier  # what slugify gives back unchanged, known without its work
    slug = slugify(identifier, max_length=_ID_MAX)
    return slug if slug == identifier else f"{slug}--{short_hash(identifier)}"


@lru_cache(maxsize=1 << 16)  # an actor's IRI is minted for each of its statements
def entity_iri(entity_id: str) -> URIRef:
    """IRI of an entity from its id (already a slug plus hash).

    >>> entity_iri("donald-trump-1a2b3c4d")
    rdflib.term.URIRef('https://w3id.org/graphkit/id/entity/donald-trump-1a2b3c4d')
    """
    return URIRef(ENTITIES + id_slug(entity_id))


@lru_cache(maxsize=1 << 16)  # an actor's IRI is minted for each of its statements
def article_iri(article_id: str) -> URIRef:
    """IRI of an article; the hash keeps ids that slug alike apart.

    >>> str(article_iri("000_69fb")).startswith("https://w3id.org/graphkit/id/article/000-69fb-")
    True
    """
    return URIRef(ARTICLES + content_id(article_id, article_id))


def statement_iri(assertion_id: str) -> URIRef:
    """IRI of an assertion's statement node.

    >>> statement_iri("0df2e019113d220b")
    rdflib.term.URIRef('https://w3id.org/graphkit/id/statement/0df2e019113d220b')
    """
    return URIRef(STATEMENTS + id_slug(assertion_id))


def qualifier_iri(assertion_id: str, index: int) -> URIRef:
    """IRI of an assertion's ``index``-th qualifier (flat: see the module docstring).

    >>> qualifier_iri("0df2e019113d220b", 2)
    rdflib.term.URIRef('https://w3id.org/graphkit/id/qualifier/0df2e019113d220b-q2')
    """
    return URIRef(f"{QUALIFIERS}{id_slug(assertion_id)}-q{index}")


def claim_iri(subject_id: str, lemma: str, object_id: str, status: str) -> URIRef:
    """IRI of the claim that groups every assertion of one edge and status.

    >>> claim_iri("a-1", "hope for", "b-2", "fact").startswith(CLAIMS + "hope-for-")
    True
    >>> claim_iri("a-1", "hope", "b-2", "fact") == claim_iri("a-1", "hope", "b-2", "negated")
    False
    """
    return URIRef(CLAIMS + content_id(lemma, subject_id, lemma, object_id, status))


def role_iri(holder_id: str, title: str, of_id: str | None, article_id: str) -> URIRef:
    """IRI of one role fact: who holds which office, of what, per which article.

    >>> role_iri("putin-1", "President", "russia-2", "a").startswith(ROLES + "president-")
    True
    """
    return URIRef(ROLES + content_id(title, holder_id, title, of_id or "", article_id))


@lru_cache(maxsize=1 << 16)  # an actor's IRI is minted for each of its statements
def relation_iri(lemma: str) -> URIRef:
    """Relation property from the normalized relation: "hope for" -> rel:hope_for.

    >>> relation_iri("hope for")
    rdflib.term.URIRef('https://w3id.org/graphkit/rel/hope_for')
    >>> str(relation_iri("договориться")).startswith(RELATIONS + "x__")
    True
    """
    name = slugify(lemma).replace("-", "_")
    if _PLAIN_LEMMA.fullmatch(lemma) and len(lemma) <= 60:
        return URIRef(RELATIONS + name)
    return URIRef(f"{RELATIONS}{name}__{short_hash(lemma)}")
