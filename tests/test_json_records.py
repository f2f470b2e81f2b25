"""Reading JSON Lines records (:func:`graphkit.corpus.records.json_records`): each line
is read exactly as ``json.loads`` reads it, values and errors alike, although the
decoder's scanner is called straight (issue 15)."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from graphkit.corpus.records import _json_value, json_records
from graphkit.errors import InputError

VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(), inner, max_size=4),
    max_leaves=12,
)
SPACE = st.text(alphabet=" \t\r\x0b\x0c\u00a0\u2028\ufeff", max_size=3)


def _read(reader, line: str) -> tuple[str, object]:
    try:
        return "value", reader(line)
    except ValueError as exc:
        return "error", str(exc)


def _same(line: str) -> None:
    mine, theirs = _read(_json_value, line), _read(json.loads, line)
    if mine[0] == theirs[0] == "value" and isinstance(mine[1], float) and math.isnan(mine[1]):
        return
    assert mine == theirs, line


@given(VALUES, SPACE, SPACE)
def test_a_value_with_any_space_around_reads_as_json_loads_reads_it(
    value: object, before: str, after: str
) -> None:
    _same(before + json.dumps(value, ensure_ascii=False) + after + "\n")


@given(st.text(alphabet='{}[]":,0123456789.eE+-truefalsn \t\\u', max_size=20))
@example('{"id": 1} 2')
@example("\x0c{}")
@example("NaN")
@example('{"a": 1}, {"b": 2}')
def test_any_text_reads_or_fails_as_json_loads_does(text: str) -> None:
    _same(text)


def test_a_bad_line_names_the_file_and_blank_lines_are_skipped(tmp_path: Path) -> None:
    good = tmp_path / "good.jsonl"
    good.write_text('{"id": "a"}\n\n   \n{"id": "b"}\n', encoding="utf-8")
    assert json_records(good) == [{"id": "a"}, {"id": "b"}]
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "a"}\n{"id": "b"}, {"id": "c"}\n', encoding="utf-8")
    with pytest.raises(InputError, match=r"bad\.jsonl: cannot read: Extra data"):
        json_records(bad)
