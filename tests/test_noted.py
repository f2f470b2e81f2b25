"""Issue 15: a set's files that the commit noted, and nobody touched since, are known to
be the build's without being hashed; any change to one is still seen."""

from __future__ import annotations

import json
import os
import shutil
import time
from pathlib import Path

import pytest

import graphkit
import graphkit.files
from graphkit.files import MANIFEST, WORK, check_set
from graphkit.noted import NOTED

ARTICLE = "Grain talks\nTurkey hosted grain talks with Ukraine in Istanbul on Monday.\n"


@pytest.fixture()
def out(tmp_path: Path) -> Path:
    (tmp_path / "talks.txt").write_text(ARTICLE, encoding="utf-8")
    graphkit.build([tmp_path / "talks.txt"], out=tmp_path / "out")
    return tmp_path / "out"


@pytest.fixture()
def hashed(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The names of the files check_set hashes."""
    names: list[str] = []
    digest = graphkit.files.file_digest

    def counted(path: Path) -> str:
        names.append(path.name)
        return digest(path)

    monkeypatch.setattr(graphkit.files, "file_digest", counted)
    return names


def listed(out: Path) -> list[str]:
    return sorted(json.loads((out / MANIFEST).read_text(encoding="utf-8"))["files"])


def test_a_set_as_its_build_left_it_is_checked_without_hashing(out: Path, hashed: list) -> None:
    assert {".graph.nt", "graph.ttl", "assertions.jsonl"} <= set(listed(out))
    assert check_set(out) == []
    assert hashed == []


def test_a_file_written_again_with_its_size_and_modification_time_is_seen(
    out: Path, hashed: list
) -> None:
    ttl = out / "graph.ttl"
    before = ttl.stat()
    time.sleep(0.05)  # a file's times move at the clock's tick (a few ms)
    text = ttl.read_bytes()
    ttl.write_bytes(text.replace(b"Turkey", b"Turkei"))  # the same size
    os.utime(ttl, ns=(before.st_atime_ns, before.st_mtime_ns))  # as touch -d would
    assert ttl.stat().st_size == before.st_size
    assert ttl.stat().st_mtime_ns == before.st_mtime_ns
    assert check_set(out) == [f"{ttl}: not the file the last build wrote"]
    assert hashed == ["graph.ttl"]


def test_a_copied_set_is_hashed_and_whole(out: Path, tmp_path: Path, hashed: list) -> None:
    copy = tmp_path / "copy"
    shutil.copytree(out, copy, copy_function=shutil.copy2)  # times kept, not inodes
    assert check_set(copy) == []
    assert sorted(hashed) == sorted(Path(name).name for name in listed(out))


@pytest.mark.parametrize(
    "note",
    [
        lambda data: {**data, "manifest": "0" * 64},  # the note of another manifest
        lambda data: {**data, "format": "graphkit noted files 0"},
        lambda data: ["not", "a", "note"],
    ],
)
def test_a_note_of_another_set_or_no_note_is_not_trusted(out: Path, hashed: list, note) -> None:
    path = out / WORK / NOTED
    path.write_text(json.dumps(note(json.loads(path.read_text(encoding="utf-8")))))
    assert check_set(out) == []
    assert len(hashed) == len(listed(out))


def test_a_new_build_notes_its_own_set(out: Path, tmp_path: Path, hashed: list) -> None:
    (tmp_path / "more.txt").write_text(
        "Port deal\nEgypt signed a port deal with Greece on Tuesday.\n", encoding="utf-8"
    )
    graphkit.build([tmp_path / "more.txt"], into=out)
    hashed.clear()  # what growing the graph checked
    assert check_set(out) == []
    assert hashed == []
    noted = json.loads((out / WORK / NOTED).read_text(encoding="utf-8"))
    assert sorted(noted["files"]) == listed(out)
