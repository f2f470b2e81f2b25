"""The state of an export folder: the corpus behind its graph, as JSON Lines.

``assertions.jsonl`` (the contract in the README, one assertion a line),
``articles.jsonl`` (each :class:`Article`, text included, with the number of
sentences the parse read in it: absent from folders written before) and
``entities.jsonl`` (each :class:`Entity`) together give back the :class:`Corpus` the
graph was built from, so ``graphkit build --into DIR`` can add to it without parsing
old articles again. ``articles.jsonl`` is also a valid graphkit input: ``graphkit
build DIR/articles.jsonl`` rebuilds everything from scratch.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import fields, replace
from pathlib import Path
from typing import Any, BinaryIO, TextIO

from graphkit.errors import InputError
from graphkit.files import check_set, write_batches
from graphkit.ids import source_file
from graphkit.resolve.roles import role_facts
from graphkit.types import Article, Assertion, Corpus, Entity, plain_record

ASSERTIONS_FILE = "assertions.jsonl"
ARTICLES_FILE = "articles.jsonl"
ENTITIES_FILE = "entities.jsonl"
_ARTICLE_FIELDS = {f.name for f in fields(Article)}
_ENTITY_FIELDS = {f.name for f in fields(Entity)}
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def assertion_line(assertion: Assertion) -> str:
    """One JSON object, keys in contract order, non-ASCII kept as is."""
    return json.dumps(assertion.to_dict(), ensure_ascii=False)


def generate_jsonl(assertions: Iterable[Assertion]) -> str:
    return "".join(assertion_lines(assertions))


def assertion_lines(assertions: Iterable[Assertion]) -> Iterator[str]:
    """Each assertion's line of ``assertions.jsonl``, with its ``\\n``."""
    return (assertion_line(a) + "\n" for a in assertions)


def write_text(pieces: Iterable[str], handle: BinaryIO) -> None:
    """Write the text ``pieces`` (each ending in its ``\\n``) into a binary file in
    UTF-8, a batch at a time: a corpus's records are never one string (at 1,000
    articles 58 MB of text and as much again encoded, held beside the views' columns:
    issue 15)."""
    write_batches((piece.encode("utf-8") for piece in pieces), handle, ended=True)


def stream_jsonl(assertions: Iterable[Assertion], stream: TextIO) -> int:
    """Write to an open stream (stdout); return how many assertions were written."""
    count = 0
    for assertion in assertions:
        stream.write(assertion_line(assertion) + "\n")
        count += 1
    return count


def read_jsonl(path: Path) -> list[Assertion]:
    with path.open(encoding="utf-8") as handle:
        return [Assertion.from_dict(json.loads(line)) for line in handle if line.strip()]


def article_from_dict(data: dict[str, Any]) -> Article:
    """An Article from its record; fields a later version adds are ignored.

    >>> a = Article(id="a", text="t", title="T", content_hash="h")
    >>> article_from_dict({**plain_record(a), "extra": 1}) == a
    True
    """
    return Article(**{k: v for k, v in data.items() if k in _ARTICLE_FIELDS})


def entity_from_dict(data: dict[str, Any]) -> Entity:
    """An Entity from its record (JSON lists back to tuples).

    >>> e = Entity(id="e-1", label="E", type="Person", aliases=("E", "Mr E"), mentions=2)
    >>> entity_from_dict(json.loads(json.dumps(plain_record(e)))) == e
    True
    """
    # a record graphkit wrote has no other keys: copied whole (366,000 at 5,000 articles)
    known = (
        dict(data)
        if _ENTITY_FIELDS.issuperset(data)
        else {k: v for k, v in data.items() if k in _ENTITY_FIELDS}
    )
    for name in ("aliases", "roles", "merges"):
        known[name] = tuple(known.get(name, ()))
    return Entity(**known)


def json_line(record: Article | Entity) -> str:
    """One JSON object on one line, non-ASCII kept as is; a lone surrogate, which UTF-8
    cannot hold, becomes U+FFFD, as in the graph.

    >>> json_line(Entity(id="e", label="a\\ud800", type="Person"))[:25]
    '{"id": "e", "label": "a\ufffd"'
    """
    line = json.dumps(plain_record(record), ensure_ascii=False)  # asdict deep-copies: slow
    return (line if line.isascii() else _LONE_SURROGATE.sub("\ufffd", line)) + "\n"


def articles_jsonl(articles: Iterable[Article]) -> str:
    """Each article with its input's file name only (as ``gk:sourceFile``), so the file
    is the same whatever folder the build ran from."""
    return "".join(article_lines(articles))


def article_lines(articles: Iterable[Article]) -> Iterator[str]:
    """Each article's line of ``articles.jsonl`` (see :func:`articles_jsonl`)."""
    return (json_line(replace(a, path=source_file(a.path))) for a in articles)


def entities_jsonl(entities: Iterable[Entity]) -> str:
    return "".join(entity_lines(entities))


def entity_lines(entities: Iterable[Entity]) -> Iterator[str]:
    """Each entity's line of ``entities.jsonl``."""
    return (json_line(e) for e in entities)


def json_records(path: Path) -> list[dict[str, Any]]:
    """The JSON objects of a JSON Lines file, one a line (blank lines skipped)."""
    try:
        with path.open(encoding="utf-8") as handle:
            return [_json_value(line) for line in handle if not line.isspace()]
    except (OSError, ValueError) as exc:
        raise InputError(f"{path}: cannot read: {exc}") from exc


# the decoder's scanner, which json.loads runs (set on every JSONDecoder, in C where it
# can be; not in the type stubs)
_SCAN: Callable[[str, int], tuple[Any, int]] = json.JSONDecoder().scan_once  # type: ignore[attr-defined]


def _json_value(line: str) -> Any:
    """The JSON value of ``line``, as :func:`json.loads` reads it (its error too).

    The decoder's C scanner is called straight: ``json.loads`` spent half its time in
    its Python wrapper, 1.5 s of the 366,000 entity records of 5,000 articles (issue 15).

    >>> _json_value('{"id": "e-1"}\\n'), _json_value(' [1, 2] ')
    ({'id': 'e-1'}, [1, 2])
    >>> _json_value('{"id": 1} 2')
    Traceback (most recent call last):
    json.decoder.JSONDecodeError: Extra data: line 1 column 11 (char 10)
    """
    text = line.strip(" \t\n\r")  # JSON's whitespace, which json.loads allows around
    try:
        value, end = _SCAN(text, 0)
    except (StopIteration, ValueError):  # its places count in the stripped text
        end = -1
    if end != len(text):  # not one JSON value: json.loads says why
        return json.loads(line)
    return value


def refuse_changed_set(folder: Path, names: list[str] | None = None) -> None:
    """Refuse to add to ``folder`` when its files (all, or ``names``) are not the ones
    its manifest lists (:func:`graphkit.files.check_set`)."""
    wrong = check_set(folder, names)
    if wrong:
        raise InputError(
            f"{folder}: cannot add to these exports, they are not the set the last build "
            f"wrote ({'; '.join(wrong[:3])}); build the graph again from its inputs"
        )


def read_corpus(folder: Path) -> Corpus:
    """The corpus exported in ``folder``; empty when the folder holds no graph yet.

    A folder with a graph but without ``articles.jsonl`` and ``entities.jsonl`` (made
    by graphkit 0.1) cannot be added to: rebuild it from its inputs."""
    paths = [folder / name for name in (ARTICLES_FILE, ENTITIES_FILE, ASSERTIONS_FILE)]
    if not any(p.exists() for p in [*paths, folder / "graph.ttl"]):
        return Corpus(articles=(), assertions=(), entities=())
    refuse_changed_set(folder)
    missing = [p.name for p in paths if not p.is_file()]
    if missing:
        raise InputError(
            f"{folder}: cannot add to this graph, {', '.join(missing)} missing; "
            "build it again from its inputs"
        )
    try:
        articles = tuple(article_from_dict(r) for r in json_records(paths[0]))
        assertions = tuple(read_jsonl(paths[2]))
        entities = tuple(entity_from_dict(r) for r in json_records(paths[1]))
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise InputError(f"{folder}: a record does not fit graphkit's types: {exc!r}") from exc
    # role facts are read off the assertions, not stored
    roles = role_facts(assertions, entities, {a.id: a for a in articles})
    # an article written before its count was kept counts none (it is not guessed)
    sentences = sum(a.sentences or 0 for a in articles)
    return Corpus(articles, assertions, entities, sentences=sentences, roles=roles)
