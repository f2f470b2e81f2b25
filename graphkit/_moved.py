"""The import paths of graphkit 0.1's flat layout, still importable.

``import graphkit.stats`` gives :mod:`graphkit.analysis.stats` itself (the same
module object, not a copy), so code written against the old layout keeps working.
New code imports the stage packages.
"""

from __future__ import annotations

import importlib
import importlib.abc
import importlib.machinery
import sys
from collections.abc import Sequence
from types import ModuleType

MOVED = {
    "graphkit.stats": "graphkit.analysis.stats",
    "graphkit.query": "graphkit.analysis.query",
    "graphkit.validate": "graphkit.analysis.validate",
    "graphkit.graph": "graphkit.rdf.build",
    "graphkit.iri": "graphkit.rdf.iri",
    "graphkit.vocab": "graphkit.rdf.vocab",
    "graphkit.dates": "graphkit.ingest.dates",
    "graphkit.ingest_report": "graphkit.ingest.report",
    "graphkit.ingest_chunks": "graphkit.nlp.pieces",
    "graphkit.lexicon": "graphkit.nlp.words",
    "graphkit.extractor": "graphkit.nlp.extract",
    "graphkit.classify": "graphkit.resolve.classify",
    "graphkit.aliases": "graphkit.resolve.aliases",
    "graphkit.roles": "graphkit.resolve.roles",
    "graphkit.gazetteer": "graphkit.geo.countries",
    "graphkit.places": "graphkit.geo.cities",
    "graphkit.naming": "graphkit.ids",
    "graphkit.merge": "graphkit.corpus.merge",
    "graphkit.export.records": "graphkit.corpus.records",
    "graphkit.export.jsonl": "graphkit.corpus.records",
    "graphkit.export.view": "graphkit.export.html.data",
    "graphkit.export.views": "graphkit.export.html.views",
    "graphkit.export.layout": "graphkit.export.html.layout",
    "graphkit.export.files": "graphkit.files",
}


class _Alias(importlib.abc.Loader):
    def __init__(self, target: str) -> None:
        self.target = target

    def create_module(self, spec: importlib.machinery.ModuleSpec) -> ModuleType:
        return importlib.import_module(self.target)

    def exec_module(self, module: ModuleType) -> None:
        """The module was run when it was imported under its own name."""


class MovedFinder(importlib.abc.MetaPathFinder):
    """Finds the old name of a moved module and hands back the module itself."""

    def find_spec(
        self, fullname: str, path: Sequence[str] | None, target: ModuleType | None = None
    ) -> importlib.machinery.ModuleSpec | None:
        if fullname not in MOVED:
            return None
        return importlib.machinery.ModuleSpec(fullname, _Alias(MOVED[fullname]))


def install() -> None:
    if not any(isinstance(finder, MovedFinder) for finder in sys.meta_path):
        sys.meta_path.append(MovedFinder())
