"""graphkit: news about geopolitical actors -> a provenance-rich knowledge graph."""

from __future__ import annotations

from graphkit.pipeline import BuildResult, analyze, build, extract
from graphkit.types import (
    Argument,
    Article,
    Assertion,
    Attribution,
    Corpus,
    Entity,
    InputProblem,
    Mention,
    Qualifier,
    Relation,
)

__version__ = "0.1.0"
__all__ = [
    "Argument",
    "Article",
    "Assertion",
    "Attribution",
    "BuildResult",
    "Corpus",
    "Entity",
    "InputProblem",
    "Mention",
    "Qualifier",
    "Relation",
    "analyze",
    "build",
    "extract",
]
