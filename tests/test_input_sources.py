"""Readers, dates and pieces, without the spaCy model: fast checks of every input kind
and every kind of bad input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from graphkit.ingest import read_articles, read_stdin
from graphkit.ingest.dates import normalize_date, resolve_time
from graphkit.ingest.feed import strip_html
from graphkit.nlp.pieces import CHUNK_CHARS, split_text
from graphkit.types import Article, Assertion, InputProblem, Qualifier

DATA = Path(__file__).resolve().parent / "data"


def _read(*inputs: str | Path) -> tuple[list[Article], list[InputProblem]]:
    found = list(read_articles(inputs))
    return (
        [f for f in found if isinstance(f, Article)],
        [f for f in found if isinstance(f, InputProblem)],
    )


def test_html_page_gives_main_text_and_metadata() -> None:
    [article], problems = _read(DATA / "kremlin-weighs-trump-win.html")
    assert problems == []
    assert article.id == "kremlin-weighs-trump-win"
    assert article.title == "Kremlin weighs Trump victory"
    assert article.published == "2024-11-07"
    assert article.url == "https://news.example.com/world/2024/11/07/kremlin-weighs-trump-victory"
    assert article.source == "Example News"
    assert article.text.startswith("Russian officials welcomed")  # the <h1> is the title
    for chrome in ("Home", "Most read", "Copyright", "analytics", "By Anna Petrova"):
        assert chrome not in article.text


def test_rss_entries_are_articles_with_plain_text() -> None:
    articles, problems = _read(DATA / "world-news.rss")
    assert problems == []
    assert [a.title for a in articles] == [
        "Zelensky rejects ceasefire plan",
        "NATO ministers meet in Brussels",
    ]
    first, second = articles
    assert first.url == "https://wire.example.org/2024/11/12/zelensky-rejects-ceasefire-plan"
    assert first.published == "2024-11-12T08:15:00+00:00"
    assert second.published == "2024-11-14T17:40:00+01:00"  # the offset is kept
    assert first.source == second.source == "Example World Wire"
    # the full content wins over the summary; markup is gone, paragraphs stay apart
    assert first.text.startswith("President Volodymyr Zelensky rejected the ceasefire plan")
    assert "\n\nUkraine will not cede" in first.text
    assert "<" not in second.text and second.text.startswith("NATO ministers met")
    assert second.id == "wire-2024-11-14-nato"


def test_atom_entry() -> None:
    [article], problems = _read(DATA / "sahel-briefing.atom")
    assert problems == []
    assert (article.title, article.published, article.source) == (
        "Mali expels French envoy",
        "2024-11-20T09:00:00+00:00",
        "Sahel Briefing",
    )


def test_jsonl_records_and_their_problems(tmp_path: Path) -> None:
    path = tmp_path / "wire.jsonl"
    lines = [
        {"id": "a1", "text": "China warned Taiwan.", "published": "5 November 2024"},
        "{not json",
        {"id": "a3", "title": "no text"},
        ["a", "list"],
        {"id": "a5", "text": "Japan met India.", "published": "sometime soon", "url": 7},
    ]
    path.write_text(
        "\n".join(x if isinstance(x, str) else json.dumps(x) for x in lines) + "\n\n",
        encoding="utf-8",
    )
    articles, problems = _read(path)
    assert [(a.id, a.published) for a in articles] == [("a1", "2024-11-05"), ("a5", None)]
    assert articles[1].url == "7"
    messages = [str(p) for p in problems]
    assert messages[0].startswith(f"{path}:2: malformed JSON")
    assert messages[1:] == [
        f'{path}:3: missing or empty "text" field',
        f"{path}:4: a record must be a JSON object",
        f"{path}:5: warning: publication date 'sometime soon' names no calendar day; left out",
    ]


def test_bad_files_are_named_and_reading_goes_on(tmp_path: Path) -> None:
    (tmp_path / "a-empty.txt").write_text("  \n", encoding="utf-8")
    (tmp_path / "b-image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 20)
    (tmp_path / "c-latin.txt").write_bytes("Café talks\nFrance hosted talks.".encode("cp1252"))
    (tmp_path / "d-empty.jsonl").write_bytes(b"")
    (tmp_path / "e-broken.rss").write_text("<rss><channel><title>x</title>", encoding="utf-8")
    (tmp_path / "f-nothing.html").write_text("<html><body></body></html>", encoding="utf-8")
    (tmp_path / "g-notes.pdf").write_bytes(b"%PDF-1.4")
    (tmp_path / ".hidden").mkdir()
    (tmp_path / ".hidden" / "secret.txt").write_text("Not read.", encoding="utf-8")
    (tmp_path / "z-good.txt").write_text("Kyiv news\nUkraine thanked Poland.", encoding="utf-8")
    articles, problems = _read(tmp_path, tmp_path / "missing.txt")
    assert [a.id for a in articles] == ["c-latin", "z-good"]
    assert articles[0].title == "Café talks"  # decoded with the fallback, not dropped
    found = {(Path(p.input).name, p.warning): p.problem for p in problems}
    assert found == {
        ("a-empty.txt", False): "empty file: no text to read",
        ("b-image.txt", False): "looks like a binary file, not text",
        ("c-latin.txt", True): "not valid UTF-8 (byte 3); decoded as cp1252",
        ("d-empty.jsonl", False): "empty file: no text to read",
        ("e-broken.rss", False): found[("e-broken.rss", False)],
        ("f-nothing.html", False): "no article text found in the HTML page",
        ("g-notes.pdf", True): "skipped: .pdf is not an input kind graphkit reads",
        ("missing.txt", False): "no such file or folder",
    }
    assert found[("e-broken.rss", False)].startswith("not a readable RSS or Atom feed")


def test_folder_without_inputs(tmp_path: Path) -> None:
    (tmp_path / "photo.png").write_bytes(b"\x89PNG")
    articles, [problem] = _read(tmp_path)
    assert articles == [] and problem.input == str(tmp_path) and not problem.warning
    assert problem.problem.startswith("folder holds no file to read")


def test_stdin_is_text_or_json_lines() -> None:
    [article] = read_stdin(b"Talks stall\nUkraine rejected the plan.\n")
    assert isinstance(article, Article)
    assert (article.title, article.text, article.path) == (
        "Talks stall",
        "Ukraine rejected the plan.",
        "-",
    )
    found = list(read_stdin(b'  {"id": "x", "text": "A."}\n{"id": "y"}\n'))
    assert isinstance(found[0], Article) and found[0].id == "x"
    assert str(found[1]) == '-:2: missing or empty "text" field'
    assert [str(p) for p in read_stdin(b"")] == ["-: empty input: no text to read"]
    assert [str(p) for p in read_stdin(b"\x00\x01")] == ["-: looks like a binary file, not text"]


def test_title_repeated_as_first_sentence_is_read_once(tmp_path: Path) -> None:
    seed = next((Path(__file__).parent.parent / "seeds").glob("*.txt"))
    [article], _ = _read(seed)
    first_line = seed.read_text(encoding="utf-8").splitlines()[0].strip()
    assert article.title == first_line
    assert article.text.count(first_line) == 1  # the body keeps it once, as the seed does


def test_a_huge_text_is_cut_into_bounded_pieces() -> None:
    paragraph = "Russia and Ukraine met in Geneva. " * 40 + "\n\n"
    text = paragraph * 900  # about 1.2 million characters: over spaCy's max_length
    pieces = split_text(text)
    assert "".join(piece for _, piece in pieces) == text
    assert all(len(piece) <= CHUNK_CHARS for _, piece in pieces)
    assert all(text[offset : offset + len(piece)] == piece for offset, piece in pieces)
    assert all(piece.endswith("\n\n") for _, piece in pieces[:-1])  # cut at paragraphs
    one_line = "Word " * 50_000  # no paragraph, no sentence end: cut at spaces
    assert all(p.endswith(" ") for _, p in split_text(one_line, 10_000)[:-1])


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        ("on Wednesday", "2024-11-07", "2024-11-06"),
        ("on Thursday", "2024-11-07", "2024-11-07"),  # the day of publication
        ("by January", "2024-11-07", "2025-01"),
        ("until Friday", "2024-11-07", "2024-11-08"),
        ("last week", "2024-11-07", "2024-W44"),
        ("two days ago", "2024-11-07T23:00:00-05:00", "2024-11-05"),
        ("next month", "2024-11-07", "2024-12"),
        ("in March 2023", None, "2023-03"),
        ("on 5 March 2022", None, "2022-03-05"),
        ("on Wednesday", None, None),  # relative, and nothing to read it against
        ("in the coming months", "2024-11-07", None),
        ("Until the inauguration", "2024-11-07", None),
        ("for nearly three years", "2024-11-07", None),
        ("in the 1990s", "2024-11-07", None),
        ("at 5", "2024-11-07", None),
    ],
)
def test_resolve_time(text: str, published: str | None, expected: str | None) -> None:
    assert resolve_time(text, published) == expected


def test_normalize_date() -> None:
    assert normalize_date("2024-11-07T09:30:00Z") == "2024-11-07T09:30:00+00:00"
    assert normalize_date("Thu, 14 Nov 2024 17:40:00 +0100") == "2024-11-14T17:40:00+01:00"
    assert normalize_date("November 14, 2024") == "2024-11-14"
    assert normalize_date("last Tuesday") is None


def test_qualifier_date_round_trips_and_stays_optional() -> None:
    assert Qualifier("time", "on Monday", 0, 9) == Qualifier("time", "on Monday", 0, 9, None)
    data = {
        "id": "x", "doc": "d", "sentence": "s", "sentence_index": 0,
        "subject": {"text": "A", "start": 0, "end": 1}, "relation": {"text": "r", "lemma": "r"},
        "object": None, "hedged": False, "confidence": 0.5,
        "qualifiers": [{"role": "time", "text": "on Monday", "start": 2, "end": 11}],
    }  # fmt: skip
    old = Assertion.from_dict(data)  # a record written before qualifiers had dates
    assert old.qualifiers[0].date is None
    dated = Assertion.from_dict(
        {**data, "qualifiers": [{**data["qualifiers"][0], "date": "2024-11-04"}]}
    )
    assert Assertion.from_dict(dated.to_dict()) == dated


def test_strip_html_keeps_paragraphs_and_drops_scripts() -> None:
    html = "<div><p>One &lt;two&gt;</p><style>p{}</style><p>Three<br>four</p></div>"
    assert strip_html(html) == "One <two>\n\nThree\n\nfour"


def test_a_lone_surrogate_escape_is_replaced_and_reported(tmp_path: Path) -> None:
    path = tmp_path / "half.jsonl"
    path.write_text('{"id": "h", "text": "Putin met Xi \\ud800 in Moscow."}\n', encoding="utf-8")
    found = list(read_articles([path]))
    [article] = [f for f in found if isinstance(f, Article)]
    [problem] = [f for f in found if isinstance(f, InputProblem)]
    assert article.text == "Putin met Xi \ufffd in Moscow."
    assert problem.warning and problem.line == 1 and "surrogate" in problem.problem
    article.text.encode("utf-8")  # writable as UTF-8, unlike the lone surrogate
