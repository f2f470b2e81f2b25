"""Each statement's source, as the views show it (its sentence, spans, status, dates,
speaker and event), read from the columns of a graph (:class:`Columnar`): a lookup
per node and property cost most of the views' time at scale (issue 15).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from rdflib import RDF, RDFS
from rdflib.namespace import PROV

from graphkit.export.html.dates import span
from graphkit.rdf.reader import Columnar, Term, node, py, text
from graphkit.rdf.vocab import GK

__all__ = ["DRAWN", "SOURCE_PREDICATES", "SourceReader", "confidence_of", "label_of", "local_name"]


def _str(term: Term) -> str:
    return text(term) or ""


def local_name(node: Term | str) -> str:
    """The last segment of an IRI.

    >>> local_name("https://w3id.org/graphkit/id/entity/russia-1a2b3c4d")
    'russia-1a2b3c4d'
    """
    return (node if isinstance(node, str) else _str(node)).rsplit("/", 1)[-1]


def label_of(labels: dict[str, str], key: str | None) -> str | None:
    """The label of the node ``key`` (:func:`graphkit.rdf.reader.node`), if any."""
    return None if key is None else labels.get(key)


# a statement's columns: IRIs (texts) and Python values, by name
_IRIS = {
    "subject": RDF.subject, "predicate": RDF.predicate, "object": RDF.object,
    "article": PROV.wasDerivedFrom, "category": GK.eventCategory, "quad": GK.quadClass,
}  # fmt: skip
_VALUES = {
    "sentence": GK.sentence, "sentence_start": GK.sentenceStart,
    "subject_start": GK.subjectStart, "subject_end": GK.subjectEnd,
    "object_start": GK.objectStart, "object_end": GK.objectEnd,
    "relation": GK.relationText, "confidence": GK.confidence, "negated": GK.negated,
    "hedged": GK.hedged, "modality": GK.modality, "attribution": GK.attributionText,
    "attribution_start": GK.attributionStart, "attribution_end": GK.attributionEnd,
    "cue": GK.attributionCue, "intensity": GK.intensity, "event_cue": GK.eventCue,
}  # fmt: skip
# what a statement's speaker and time qualifiers are looked up in: labels, dates, words
_LOOKED_UP = (RDFS.label, GK.resolvedDate, GK.text)


def confidence_of(value: Any) -> float:
    """A statement's confidence from its column (0 where it has none).

    >>> confidence_of(None), confidence_of(0.75)
    (0.0, 0.75)
    """
    return 0.0 if value is None else float(value)


class SourceReader:
    """Each statement's source (its sentence, spans, status, dates and event), from
    the columns of every property it needs (:meth:`Reader.column`): a lookup per node
    and property cost most of the views' time at scale."""

    def __init__(self, reader: Columnar, articles: dict[str, dict[str, str | None]]) -> None:
        self.articles = articles
        self.labels, self.resolved, self.texts = (reader.column(p) for p in _LOOKED_UP)
        # every statement's drawn values are read, the rest only for those shown
        self.columns: dict[str, Mapping[str, Any]] = {
            **{name: reader.column(p) for name, p in _IRIS.items()},
            **{name: _column(reader, name)(p, py) for name, p in _VALUES.items()},
            "speaker": reader.sparse_column(GK.attributedTo, None),
            "qualifiers": reader.lists(GK.qualifier, node),
        }

    def of(self, iri: str) -> dict[str, Any]:
        """The source of the statement ``iri``."""
        v = {name: column.get(iri) for name, column in self.columns.items()}
        article = self.articles.get(str(v["article"]), {})
        resolved, words = self._time(v["qualifiers"] or ())
        speaker = v["speaker"]
        return {
            "id": local_name(iri),
            "sentence": v["sentence"] or "",
            "sentence_start": v["sentence_start"] or 0,
            "subject": [v["subject_start"], v["subject_end"]],
            "object": [v["object_start"], v["object_end"]],
            "relation": v["relation"],
            "confidence": confidence_of(v["confidence"]),
            "negated": bool(v["negated"]),
            "hedged": bool(v["hedged"]),
            "modality": v["modality"],
            "attribution": v["attribution"],
            "attribution_span": [v["attribution_start"], v["attribution_end"]],
            "attributed_to": label_of(self.labels, node(speaker)),
            "speaker": None if speaker is None else _str(speaker),
            "cue": v["cue"],
            "article": article.get("id"),
            "article_date": article.get("date"),
            "time": words,
            "date": resolved,
            "event": _event(v),
        }

    def marks(self, iri: str) -> dict[str, Any]:
        """The ``modality`` and ``hedged`` of the source of the statement ``iri``, as
        :meth:`of` gives them."""
        return {
            "modality": self.columns["modality"].get(iri),
            "hedged": bool(self.columns["hedged"].get(iri)),
        }

    def _time(self, qualifiers: tuple[str | None, ...]) -> tuple[str | None, str | None]:
        """The resolved date of the statement's first dated time qualifier, and its
        words (a literal is no qualifier: it has no date)."""
        for q in sorted(q for q in qualifiers if q is not None):
            resolved = self.resolved.get(q)
            if resolved is not None and span(resolved) is not None:
                return resolved, self.texts.get(q)
        return None, None


# the columns every statement is drawn from, in the order
# :func:`graphkit.export.html.data.read_statements` takes them; the others of its source
# are read when it is shown
DRAWN = ("subject", "predicate", "object", "negated", "hedged", "attribution", "modality",
         "confidence")  # fmt: skip


def _column(reader: Columnar, name: str) -> Callable[..., Mapping[str, Any]]:
    return reader.column if name in DRAWN else reader.sparse_column


# every predicate a source is read from
SOURCE_PREDICATES = frozenset(
    {*_IRIS.values(), *_VALUES.values(), *_LOOKED_UP, GK.attributedTo, GK.qualifier}
)  # fmt: skip


def _event(v: dict[str, Any]) -> dict[str, Any] | None:
    category, quad, intensity = v["category"], v["quad"], v["intensity"]
    if category is None:
        return None
    return {
        "category": local_name(category).rsplit("#", 1)[-1],
        "quad": None if quad is None else local_name(quad).rsplit("#", 1)[-1],
        "intensity": None if intensity is None else float(intensity),
        "cue": v["event_cue"],
    }
