"""What a build made (:class:`BuildResult`) and how much its graph holds
(:class:`Totals`): the result :func:`graphkit.pipeline.build` returns."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from functools import cached_property
from pathlib import Path

from rdflib import Graph

from graphkit.corpus.records import read_corpus
from graphkit.ingest.report import exit_code_of
from graphkit.rdf.build import PREFIXES
from graphkit.rdf.triples import LINES_FILE, rdflib_graph, read_lines
from graphkit.types import Article, Corpus, InputProblem

__all__ = ["BuildResult", "Totals"]


@dataclass(frozen=True)
class Totals:
    """How much the graph a build wrote holds."""

    documents: int
    sentences: int
    entities: int
    assertions: int

    @classmethod
    def of(cls, corpus: Corpus) -> Totals:
        return cls(
            len(corpus.articles), corpus.sentences, len(corpus.entities), len(corpus.assertions)
        )


@dataclass(frozen=True)
class BuildResult:
    """What a build made: the resolved corpus, its graph (as sorted N-Triples
    ``lines``; ``graph`` is an rdflib graph of them), the files and the time taken.

    A build that wrote its folder holds neither its corpus (let go once its records
    are written, before the views: issue 15) nor its lines: ``corpus`` and ``lines``
    are read back from the folder when first asked for; ``totals`` and ``problems``
    are at hand. A build that grew a folder's graph in place
    (:mod:`graphkit.corpus.grow`) likewise holds only what it added."""

    built: Corpus | Path  # the corpus, or the folder whose records hold it
    built_lines: tuple[str, ...] | None = None  # None: in the lines file it wrote
    outputs: dict[str, Path] = field(default_factory=dict)
    seconds: float = 0.0
    found: tuple[InputProblem, ...] = ()  # the problems, when ``built`` is a folder
    counted: Totals | None = None  # the totals, when ``built`` is a folder
    # the articles as they were read (their paths as given: the records keep only
    # the file's name), when ``built`` is a folder and the build had them all
    articles: tuple[Article, ...] | None = None

    @cached_property
    def corpus(self) -> Corpus:
        if isinstance(self.built, Corpus):
            return self.built
        corpus = replace(read_corpus(self.built), problems=self.found)
        return corpus if self.articles is None else replace(corpus, articles=self.articles)

    @cached_property
    def lines(self) -> tuple[str, ...]:
        if self.built_lines is not None:
            return self.built_lines
        path = self.outputs.get("lines")
        if path is None:
            assert isinstance(self.built, Path), "a build that wrote nothing keeps its lines"
            path = self.built / LINES_FILE
        return read_lines(path)

    @cached_property
    def graph(self) -> Graph:
        return rdflib_graph(self.lines, PREFIXES)

    @property
    def totals(self) -> Totals:
        if self.counted is not None:
            return self.counted
        return Totals.of(self.corpus)

    @property
    def problems(self) -> tuple[InputProblem, ...]:
        return self.built.problems if isinstance(self.built, Corpus) else self.found

    @property
    def exit_code(self) -> int:
        """0: every input read; 1: some failed (the rest was built); 2: nothing read."""
        return exit_code_of(self.totals.documents, self.problems)
