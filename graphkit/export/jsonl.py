"""The assertions as JSON Lines: the documented, stable contract (see README)."""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import TextIO

from graphkit.files import atomic_write
from graphkit.types import Assertion


def assertion_line(assertion: Assertion) -> str:
    """One JSON object, keys in contract order, non-ASCII kept as is."""
    return json.dumps(assertion.to_dict(), ensure_ascii=False)


def generate_jsonl(assertions: Iterable[Assertion]) -> str:
    return "".join(assertion_line(a) + "\n" for a in assertions)


def write_jsonl(assertions: Iterable[Assertion], path: Path) -> Path:
    return atomic_write(path, generate_jsonl(assertions))


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
