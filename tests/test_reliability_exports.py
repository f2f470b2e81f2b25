"""Issue 11: an export folder changes as one set. Kills at each step of writing,
concurrent ``--into`` builds, a build run in its own output folder, links out of an
input folder, and an export set changed behind graphkit's back."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from graphkit.files import KILL_AT, MANIFEST, check_set

FIRST = "Grain talks\nTurkey hosted grain talks in Istanbul on Monday.\n"
SECOND = "Port deal\nEgypt signed a port deal with Greece on Tuesday.\n"
THIRD = "Border visit\nKenya sent observers to the Somali border on Friday.\n"


def graphkit(
    *args: str, cwd: Path, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "graphkit", *args], cwd=cwd, capture_output=True, text=True,
        timeout=600, env={**os.environ, **(env or {})},
    )  # fmt: skip


def articles_in(out: Path) -> list[str]:
    lines = (out / "articles.jsonl").read_text(encoding="utf-8").splitlines()
    return sorted(json.loads(line)["title"] for line in lines)


@pytest.fixture()
def news(tmp_path: Path) -> Path:
    for name, text in (("first", FIRST), ("second", SECOND), ("third", THIRD)):
        (tmp_path / f"{name}.txt").write_text(text, encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize(
    ("step", "second_is_in"),
    [("staged:.graph.nt", False), ("staged:graph.ttl", False), ("staged:report.json", False),
     ("committing", True), ("moved:graph.ttl", True)],
)  # fmt: skip
def test_a_kill_at_any_step_leaves_a_whole_set(news: Path, step: str, second_is_in: bool) -> None:
    first = graphkit("build", "first.txt", "--out", "out", cwd=news)
    assert first.returncode == 0, first.stderr
    killed = graphkit("build", "second.txt", "--into", "out", cwd=news, env={KILL_AT: step})
    assert killed.returncode == -9  # SIGKILL, at the step named
    out = news / "out"
    if step in {"committing", "moved:graph.ttl"}:
        assert check_set(out)  # a reader is told the commit was cut short
        query = graphkit("query", "out/graph.ttl", "claims", cwd=news)
        assert query.returncode == 2 and "not whole" in query.stderr
    else:
        assert check_set(out) == []  # the old set stands, whole
        assert articles_in(out) == ["Grain talks"]
    after = graphkit("build", "third.txt", "--into", "out", cwd=news)
    assert after.returncode == 0, after.stderr
    expected = {"Grain talks", "Border visit"} | ({"Port deal"} if second_is_in else set())
    assert set(articles_in(out)) == expected
    assert check_set(out) == []
    leftovers = [p for p in out.rglob("*") if p.name.endswith(".tmp") or "next" in p.parts]
    assert leftovers == [] and not (out / ".graphkit" / "commit").exists()


def test_two_concurrent_into_builds_keep_both_articles(news: Path) -> None:
    assert graphkit("build", "first.txt", "--out", "out", cwd=news).returncode == 0
    command = [sys.executable, "-m", "graphkit", "build"]
    runs = [
        subprocess.Popen([*command, name, "--into", "out"], cwd=news, stderr=subprocess.PIPE)
        for name in ("second.txt", "third.txt")
    ]
    assert [run.wait(timeout=600) for run in runs] == [0, 0]
    assert articles_in(news / "out") == ["Border visit", "Grain talks", "Port deal"]


def test_building_a_folder_twice_never_reads_its_own_exports(news: Path) -> None:
    once = graphkit("build", ".", cwd=news)
    assert once.returncode == 0, once.stderr
    graph = (news / "exports" / "graph.ttl").read_bytes()
    twice = graphkit("build", ".", cwd=news)
    assert twice.returncode == 0, twice.stderr
    assert "exports: warning: skipped: graphkit's own exports" in twice.stderr
    assert len(articles_in(news / "exports")) == 3
    assert (news / "exports" / "graph.ttl").read_bytes() == graph


def test_a_link_out_of_the_input_folder_is_not_read(news: Path) -> None:
    (news / "passwd.txt").symlink_to("/etc/passwd")
    done = graphkit("build", ".", "--out", str(news.parent / "elsewhere"), cwd=news)
    assert done.returncode == 0, done.stderr
    assert "passwd.txt: warning: skipped: a link to a file outside" in done.stderr
    assert "root:" not in (news.parent / "elsewhere" / "articles.jsonl").read_text()


def test_a_repeated_into_changes_no_byte(news: Path) -> None:
    assert graphkit("build", "first.txt", "--out", "out", cwd=news).returncode == 0
    before = {
        p: (p.read_bytes(), p.stat().st_mtime_ns) for p in (news / "out").rglob("*") if p.is_file()
    }
    again = graphkit("build", "first.txt", "--into", "out", cwd=news)
    assert again.returncode == 0, again.stderr
    assert "already in the graph" in again.stderr
    after = {
        p: (p.read_bytes(), p.stat().st_mtime_ns) for p in (news / "out").rglob("*") if p.is_file()
    }
    assert after == before


def test_a_changed_set_is_refused_by_into_and_by_readers(news: Path) -> None:
    assert graphkit("build", "first.txt", "--out", "out", cwd=news).returncode == 0
    articles = news / "out" / "articles.jsonl"
    articles.write_text(articles.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    refused = graphkit("build", "second.txt", "--into", "out", cwd=news)
    assert refused.returncode == 2
    assert "not the set the last build wrote" in refused.stderr
    assert "articles.jsonl" in refused.stderr
    assert graphkit("stats", "out/graph.ttl", cwd=news).returncode == 0  # its file is whole
    (news / "out" / "graph.ttl").write_text("# edited\n", encoding="utf-8")
    assert graphkit("stats", "out/graph.ttl", cwd=news).returncode == 2
    assert json.loads((news / "out" / MANIFEST).read_text())["files"]["graph.ttl"]


def test_damaged_entities_stop_a_build_into_the_folder_before_a_write(news: Path) -> None:
    # the entity records are read back (not the assertions): a damaged one is told as
    # a changed set, and every file stays as it was
    assert graphkit("build", "first.txt", "--out", "out", cwd=news).returncode == 0
    entities = news / "out" / "entities.jsonl"
    entities.write_text(entities.read_text(encoding="utf-8") + "{not json\n", encoding="utf-8")
    before = {p: p.read_bytes() for p in (news / "out").rglob("*") if p.is_file()}
    refused = graphkit("build", "second.txt", "--into", "out", cwd=news)
    assert refused.returncode == 2
    assert "not the set the last build wrote" in refused.stderr
    assert "entities.jsonl" in refused.stderr
    after = {p: p.read_bytes() for p in (news / "out").rglob("*") if p.is_file()}
    assert after == before


def test_folder_links_are_not_followed_so_a_loop_ends(tmp_path: Path) -> None:
    from graphkit.ingest import read_articles
    from graphkit.types import Article, InputProblem

    (tmp_path / "news").mkdir()
    (tmp_path / "news" / "a.txt").write_text(FIRST, encoding="utf-8")
    (tmp_path / "news" / "loop").symlink_to(tmp_path / "news")  # news/loop/loop/...
    found = list(read_articles([tmp_path / "news"]))
    assert [a.title for a in found if isinstance(a, Article)] == ["Grain talks"]
    [note] = [p for p in found if isinstance(p, InputProblem)]
    assert note.input.endswith("loop") and note.warning and "not followed" in note.problem
