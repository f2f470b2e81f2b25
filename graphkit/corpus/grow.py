"""A build that grows the graph of an export folder in place (``--into``) reading only
what it must, so adding ten articles costs about the same to a small graph or a
large one (issue 15).

:mod:`graphkit.corpus.merge` reads every old assertion back and builds the graph and
every export again. A folder whose set holds the graph's lines
(:data:`~graphkit.rdf.triples.LINES_FILE`) and ``report.json`` is grown instead:

- read back: the articles (for the duplicate check and the sentence count), the
  entity records (the index the new entities are joined to, by id: each line kept,
  made into an entity only when asked for, :mod:`graphkit.corpus.entity_records`)
  and the old report's counts; never the old assertions;
- the new articles are parsed, resolved and coded alone, as in a merge;
- the graph's lines are the old file merged with the delta of the new corpus
  (:mod:`graphkit.rdf.grow`), in one streamed pass; Turtle, N-Triples and the views
  are written from the new file as in any build;
- ``assertions.jsonl`` and ``articles.jsonl`` are the old files with the new records
  appended (a merge writes old records first, then the new); ``entities.jsonl`` is
  written again, and ``report.json`` adds the new counts to the old.

Only the formats :data:`GROWN_FORMATS` are grown; any other (TriG, JSON-LD, GraphML,
GEXF, CSV: each made from the whole graph or corpus) makes the build a merge.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, replace
from functools import partial
from pathlib import Path
from typing import Any, BinaryIO

from graphkit.collector import collector_paused
from graphkit.corpus.entity_records import EntityRecords, entity_id
from graphkit.corpus.merge import merge_entity
from graphkit.corpus.records import (
    ARTICLES_FILE,
    ASSERTIONS_FILE,
    ENTITIES_FILE,
    article_from_dict,
    articles_jsonl,
    generate_jsonl,
    json_line,
    json_records,
    refuse_changed_set,
)
from graphkit.errors import InputError
from graphkit.files import ExportSet, read_manifest
from graphkit.ingest.report import REPORT_NAME, grown_report
from graphkit.rdf.file_text import FileText, line_at, seek_line
from graphkit.rdf.grow import (
    Changed,
    Delta,
    delta_of,
    grown_lines_of_subjects,
    plan_splice,
    write_splice,
)
from graphkit.rdf.triples import LINES_FILE
from graphkit.resolve.roles import ROLE_TYPES, role_facts
from graphkit.types import Article, Corpus

__all__ = [
    "GROWN_FORMATS", "Base", "Grown", "can_grow", "grow_corpus", "read_base",
    "write_grown_records",
]  # fmt: skip

GROWN_FORMATS = frozenset({"turtle", "ntriples", "assertions", "html"})
_READ = (ARTICLES_FILE, ENTITIES_FILE, ASSERTIONS_FILE, LINES_FILE, REPORT_NAME)


@dataclass(frozen=True)
class Base:
    """What growing reads of an export folder: its articles, its entities by id (each
    made when asked for) and its last report."""

    folder: Path
    articles: tuple[Article, ...]
    entities: EntityRecords
    report: dict[str, Any]

    @property
    def sentences(self) -> int:
        return sum(a.sentences or 0 for a in self.articles)


def can_grow(folder: Path, formats: tuple[str, ...]) -> bool:
    """Whether a build of ``formats`` into ``folder`` can grow its graph in place."""
    listed = read_manifest(folder) or {}
    return all(name in listed for name in _READ) and set(formats) <= GROWN_FORMATS


@collector_paused()  # a line for each of 366,000 entities at 5,000 articles
def read_base(folder: Path) -> Base:
    """The :class:`Base` of ``folder``, whose files must be the ones its manifest
    lists (else the folder cannot be added to: the message says why)."""
    # the files are hashed (a folder copied from elsewhere: 2 s at 5,000 articles) in a
    # thread while they are read: hashing lets Python's lock go
    with ThreadPoolExecutor(max_workers=1) as pool:
        checked = pool.submit(refuse_changed_set, folder, list(_READ))
        try:
            articles = tuple(article_from_dict(r) for r in json_records(folder / ARTICLES_FILE))
            entities = EntityRecords.read(folder / ENTITIES_FILE)
            report = json.loads((folder / REPORT_NAME).read_text(encoding="utf-8"))
            base = Base(folder, articles, entities, report)
        except InputError:
            checked.result()  # a file changed since its build: that is what to say
            raise
        except (OSError, ValueError, KeyError, TypeError) as exc:
            checked.result()
            why = f"{folder}: a record does not fit graphkit's types: {exc!r}"
            raise InputError(why) from exc
        checked.result()
    return base


@dataclass(frozen=True)
class Grown:
    """A grown graph, ready to be written: ``corpus`` holds every article but only
    the entities the new articles touch (merged with their old records) and the new
    assertions (the old ones stay in their file); ``entities`` is how many entities
    the grown graph has; ``write_lines``
    writes the grown lines into an open file; ``subjects`` holds the subject
    (``b"<iri>"``) of every line it takes out or puts in; ``lines_of(heads)`` gives
    the grown lines of the subjects ``heads`` (``b"<iri> "``, sorted) without the
    grown file (:func:`graphkit.rdf.grow.grown_lines_of_subjects`)."""

    corpus: Corpus
    new: Corpus
    entities: int
    delta: Delta
    write_lines: Callable[[BinaryIO], object]
    subjects: set[bytes]
    lines_of: Callable[[list[bytes]], list[bytes]]


def grow_corpus(base: Base, new: Corpus, changed: Changed | None = None) -> Grown:
    """``base`` grown by the resolved corpus ``new`` (see the module docstring);
    ``changed(gone, came)`` is told which lines the grown file loses and gains, before
    this returns."""
    known = base.entities
    touched = {e.id: merge_entity(known[e.id], e) if e.id in known else e for e in new.entities}
    merged = known.changed_by(touched)
    # a role is read when its assertion is added, against every entity (as a merge
    # does): of which it reads only the countries and the bodies an office may be of
    owners = merged.of_types(ROLE_TYPES)
    roles = role_facts(new.assertions, owners, {a.id: a for a in new.articles})
    delta = delta_of(replace(new, roles=roles), known, merged)
    old_lines = base.folder / LINES_FILE
    # where the delta goes in the old lines, found now (binary searches, in proportion
    # to the delta): the lines gone and come are told before the file is copied, so
    # the views need not wait for that copy (6 s at 5,000 articles, issue 15)
    with old_lines.open("rb") as old:
        splice = plan_splice(FileText(old), delta)
    gone, came = list(splice.gone), list(splice.came)
    subjects = {line[: line.index(b"> ") + 1] for lines in (gone, came) for line in lines}
    if changed is not None:
        changed(gone, came)

    def write_lines(handle: BinaryIO) -> None:
        with old_lines.open("rb") as old:
            write_splice(FileText(old), splice, handle)

    def lines_of(heads: list[bytes]) -> list[bytes]:
        with old_lines.open("rb") as old:
            return grown_lines_of_subjects(FileText(old), splice, heads)

    articles = (*base.articles, *new.articles)
    sentences = base.sentences + new.sentences
    entities = tuple(touched[key] for key in sorted(touched))
    corpus = Corpus(articles, (), entities, sentences=sentences, problems=new.problems)
    return Grown(corpus, new, len(merged), delta, write_lines, subjects, lines_of)


def _appended(old: Path, text: str) -> Callable[[BinaryIO], None]:
    def write(handle: BinaryIO) -> None:
        with old.open("rb") as source:
            shutil.copyfileobj(source, handle, 1 << 20)
        handle.write(text.encode("utf-8"))

    return write


def write_grown_records(
    base: Base, grown: Grown, exports: ExportSet, exit_code: int
) -> dict[str, Path]:
    """Stage the records and the report of a grown build (see the module docstring)."""
    new = grown.new
    assertions = _appended(base.folder / ASSERTIONS_FILE, generate_jsonl(new.assertions))
    articles = _appended(base.folder / ARTICLES_FILE, articles_jsonl(new.articles))
    return {
        "assertions": exports.write_with(ASSERTIONS_FILE, assertions),
        "articles": exports.write_with(ARTICLES_FILE, articles),
        "entities": exports.write_with(ENTITIES_FILE, partial(_entities, base, grown)),
        "report": exports.write(
            REPORT_NAME, grown_report(base.report, base.articles, new, exit_code)
        ),
    }


def _entities(base: Base, grown: Grown, handle: BinaryIO) -> None:
    """``entities.jsonl`` of the grown graph: the old file (sorted by id) with the
    lines of the entities the new articles touch (the only ones a merge changes)
    written again, new ones in their places. Each is found by binary search and the
    bytes between are copied as they are: made again from its entity, every line took
    3.3 s for 366,000 entities at 5,000 articles; read and written a line at a time,
    4.9 s."""
    fresh = grown.corpus.entities  # the touched ones, sorted by id
    with (base.folder / ENTITIES_FILE).open("rb") as old:
        text = FileText(old)
        size, written = len(text), 0
        for entity in fresh:
            key = entity.id.encode("utf-8")  # UTF-8 sorts as the ids do
            at = seek_line(text, key, written, size, key_of=_entity_key)
            text.copy(written, at, handle)
            handle.write(json_line(entity).encode("utf-8"))
            line = line_at(text, at, size)
            written = at + len(line) + 1 if line and _entity_key(line) == key else at
        text.copy(written, size, handle)


def _entity_key(line: bytes) -> bytes:
    return entity_id(line).encode("utf-8")
