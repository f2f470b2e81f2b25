"""JSON Lines: one article per line, ``{"id", "text", "title", "url", "published", "source"}``.

A bad line (not JSON, not an object, no ``text``) is reported with its line number
and the other lines are read all the same.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator

from graphkit.ids import article_id
from graphkit.ingest.text import Found, new_article
from graphkit.types import InputProblem

METADATA = ("title", "url", "published", "source")


_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def read_jsonl_text(text: str, name: str) -> Iterator[Found]:
    """Every article of a JSON Lines text; ``name`` is the file (or ``-``) it came from.

    >>> article, problem = read_jsonl_text('{"id": "a", "text": "Hi."}\\n{"id": 2}', "in.jsonl")
    >>> article.id, article.text, str(problem)
    ('a', 'Hi.', 'in.jsonl:2: missing or empty "text" field')
    """
    lines = text.splitlines()
    if not any(line.strip() for line in lines):
        yield InputProblem(name, "empty file: no records")
    for number, line in enumerate(lines, start=1):
        if line.strip():
            yield from read_record(line, name, number)


def read_record(line: str, name: str, number: int) -> Iterator[Found]:
    """The article of one JSON Lines record, or the problem that keeps it out."""
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        yield InputProblem(name, f"malformed JSON: {exc.msg} (column {exc.colno})", number)
        return
    if not isinstance(record, dict):
        yield InputProblem(name, "a record must be a JSON object", number)
        return
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        yield InputProblem(name, 'missing or empty "text" field', number)
        return
    if _LONE_SURROGATE.search(text):
        note = "a \\u escape names half a character (a lone surrogate); written as U+FFFD"
        yield InputProblem(name, note, number, warning=True)
        text = _LONE_SURROGATE.sub("\ufffd", text)
    fields = {key: _string(record.get(key)) for key in METADATA}
    doc_id = _string(record.get("id")) or article_id(text)
    yield from new_article(text, doc_id, name, line=number, **fields)


def _string(value: object) -> str | None:
    """A metadata value as text: numbers are written out, empty values are None."""
    if value is None or value == "" or isinstance(value, (dict, list)):
        return None
    # JSON's \\u escapes can name half a character, which UTF-8 cannot write
    return _LONE_SURROGATE.sub("\ufffd", str(value))
