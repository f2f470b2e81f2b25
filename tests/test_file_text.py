"""Issue 15: what a grow's searches read of a big file through ``pread`` is what the
bytes of the file say, across the edges of the blocks read and kept."""

from __future__ import annotations

import io
import tempfile

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import graphkit.rdf.file_text as file_text
from graphkit.errors import ExportError
from graphkit.rdf.file_text import FileText, copy_range, seek_line

# the bytes the searches look for, often, and any other byte now and then
TEXTS = st.lists(st.sampled_from([b"a", b"b", b"\n", b"<", b" ", b"\xe2"]), max_size=120).map(
    b"".join
)
PLACES = st.integers(min_value=-5, max_value=130)


@pytest.fixture(autouse=True)
def small_blocks(monkeypatch: pytest.MonkeyPatch) -> None:
    # blocks of 7 bytes, 3 kept: every search crosses edges and reads blocks again
    monkeypatch.setattr(file_text, "_BLOCK", 7)
    monkeypatch.setattr(file_text, "_KEPT", 3)
    # and the last 12 bytes of a search read at once: the steps and the end both run
    monkeypatch.setattr(file_text, "_NEAR", 12)


@settings(max_examples=300, deadline=None)
@given(TEXTS, st.sampled_from([b"\n", b" ", b"\n<", b"ab"]), PLACES, PLACES)
def test_a_file_text_answers_as_its_bytes_do(data: bytes, sub: bytes, start: int, end: int) -> None:
    with tempfile.TemporaryFile() as handle:
        handle.write(data)
        handle.flush()
        text = FileText(handle)
        low, high = max(start, 0), max(end, 0)
        assert len(text) == len(data)
        assert text[low:high] == data[low:high]
        assert text.find(sub, low) == data.find(sub, low)
        assert text.find(sub, low, high) == data.find(sub, low, high)
        assert text.rfind(sub, low, high) == data.rfind(sub, low, high)
        assert text.rfind(sub) == data.rfind(sub)


@settings(max_examples=100, deadline=None)
@given(TEXTS, PLACES, PLACES)
def test_a_copied_range_is_the_file_s_bytes_and_its_breaks(
    data: bytes, start: int, end: int
) -> None:
    low, high = sorted((min(max(start, 0), len(data)), min(max(end, 0), len(data))))
    with tempfile.TemporaryFile() as handle:
        handle.write(data)
        handle.flush()
        out = io.BytesIO()
        assert copy_range(handle, low, high, out) == data[low:high].count(b"\n")
        assert out.getvalue() == data[low:high]


def test_a_file_shorter_than_asked_is_an_error_not_a_short_copy() -> None:
    with tempfile.TemporaryFile() as handle:
        handle.write(b"abc")
        handle.flush()
        with pytest.raises(ExportError, match="ended at byte 3, not 9"):
            copy_range(handle, 0, 9, io.BytesIO())


@pytest.mark.parametrize("sub", [b"ab", b"\n<"])
def test_a_pair_is_found_at_every_place_across_the_edges(sub: bytes) -> None:
    for place in range(30):  # blocks of 7 bytes: the pair straddles edges at 6, 13, 20...
        data = sub[1:] * place + sub + sub[:1] * 9
        with tempfile.TemporaryFile() as handle:
            handle.write(data)
            handle.flush()
            text = FileText(handle)
            assert text.find(sub) == data.find(sub) == place
            assert text.rfind(sub) == data.rfind(sub) == place


LINES = st.lists(st.sampled_from([b"<a> 1", b"<a> 2", b"<ab> 3", b"<b> 4", b"<c>", b"\xe2 5"]))


@settings(max_examples=300, deadline=None)
@given(LINES, st.sampled_from([b"", b"<a>", b"<a> 2", b"<ab", b"<b> 4", b"<b>\xff", b"\xff"]))
def test_a_line_sought_in_a_file_is_where_its_sorted_lines_put_it(
    lines: list[bytes], key: bytes
) -> None:
    ordered = sorted(lines)
    data = b"".join(line + b"\n" for line in ordered)
    # the first line not below the key starts after every line below it
    expected = sum(len(line) + 1 for line in ordered if line < key)
    # by the subject alone (these lines sort as their subjects do)
    subject = lambda line: line.split(b" ")[0]  # noqa: E731
    by_subject = sum(len(line) + 1 for line in ordered if subject(line) < key)
    with tempfile.TemporaryFile() as handle:
        handle.write(data)
        handle.flush()
        assert seek_line(FileText(handle), key, 0, len(data)) == expected
        assert seek_line(data, key, 0, len(data)) == expected
        assert seek_line(FileText(handle), key, 0, len(data), subject) == by_subject
