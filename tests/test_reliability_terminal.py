"""Untrusted names reach the terminal escaped, never as control sequences (issue 11)."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from graphkit.cli import app, printable


@pytest.mark.parametrize(
    ("raw", "shown"),
    [
        ("plain name.txt", "plain name.txt"),
        ("évènement – 北京.txt", "évènement – 北京.txt"),
        ("evil\x1b[2J.txt", "evil\\x1b[2J.txt"),
        ("bell\x07\x08\r.txt", "bell\\x07\\x08\\r.txt"),
        ("two\nlines.txt", "two\\nlines.txt"),
        ("c1\x9b31m.txt", "c1\\x9b31m.txt"),
        ("txt.\u202eexe", "txt.\\u202eexe"),
    ],
)
def test_printable(raw: str, shown: str) -> None:
    assert printable(raw) == shown


def test_a_file_name_with_an_escape_sequence_is_printed_escaped(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "evil\x1b]0;owned\x07\x1b[2J.txt").write_text("", encoding="utf-8")
    result = CliRunner().invoke(app, ["build", str(folder), "--out", str(tmp_path / "out")])
    assert result.exit_code == 2
    assert "\x1b" not in result.stderr and "\x07" not in result.stderr
    assert "evil\\x1b]0;owned\\x07\\x1b[2J.txt: empty file" in result.stderr
