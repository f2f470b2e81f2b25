"""``report.json``: what became of every input of a build.

One entry per input (a file as it was named or found in a folder, ``-`` for
standard input, an article id for an article given through the Python API):

- ``status``: ``ok``; ``warning`` when it was read with a remark (a fallback
  encoding, an unreadable date, a long article parsed in pieces); ``failed`` when
  some or all of it could not be read (the ``articles`` count says how much was);
- ``problems``: ``{"line", "problem", "warning"}`` for each problem, in order,
  with ``"detail"`` (the traceback of an article whose extraction failed) when
  there is one;
- ``articles`` and ``assertions``: how many were read and extracted from it.

The report is deterministic: inputs sorted by name, paths as given, no timestamps.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable
from typing import Any

from graphkit.ids import source_file
from graphkit.types import Article, Corpus, InputProblem

REPORT_NAME = "report.json"


def input_name(article: Article) -> str:
    """The input an article was read from."""
    return article.path or article.id


def build_report(corpus: Corpus, exit_code: int) -> dict[str, Any]:
    """The report of a build as plain data (see the module docstring)."""
    articles, assertions = counts_by_input(corpus)
    return _report(articles, assertions, corpus.problems, exit_code)


def counts_by_input(corpus: Corpus) -> tuple[Counter[str], Counter[str]]:
    """The articles and the assertions read from each input."""
    articles = Counter(input_name(a) for a in corpus.articles)
    source_of = {a.id: input_name(a) for a in corpus.articles}
    assertions = Counter(source_of.get(a.doc, a.doc) for a in corpus.assertions)
    return articles, assertions


def grown_report(
    old: dict[str, Any], old_articles: Iterable[Article], new: Corpus, exit_code: int
) -> str:
    """The report of a build that added ``new`` to a graph of ``old_articles`` (as
    their records keep them) whose last report was ``old``: every input's counts
    (the old problems were the old build's), as :func:`report_json` writes the report
    of the whole corpus read back from its records."""
    articles, assertions = counts_by_input(new)
    recorded = Counter(input_name(a) for a in old_articles)
    articles.update(recorded)
    for entry in old.get("inputs", []):
        name = str(entry.get("input"))
        # the records keep an input path's file name only (graphkit.ids.source_file)
        name = name if name in recorded else source_file(name) or name
        assertions[name] += int(entry.get("assertions", 0))
    report = _report(articles, assertions, new.problems, exit_code)
    return json.dumps(report, ensure_ascii=False, indent=2) + "\n"


def _report(
    articles: Counter[str],
    assertions: Counter[str],
    found: tuple[InputProblem, ...],
    exit_code: int,
) -> dict[str, Any]:
    problems: dict[str, list[InputProblem]] = {}
    for problem in found:
        problems.setdefault(problem.input, []).append(problem)
    names = sorted(set(articles) | set(problems))
    return {
        "exit_code": exit_code,
        "articles": sum(articles.values()),
        "assertions": sum(assertions.values()),
        "inputs": [
            _entry(name, articles[name], assertions[name], problems.get(name, [])) for name in names
        ],
    }


def _entry(
    name: str, articles: int, assertions: int, problems: list[InputProblem]
) -> dict[str, Any]:
    failed = any(not p.warning for p in problems)
    status = "failed" if failed else "warning" if problems else "ok"
    return {
        "input": name,
        "status": status,
        "articles": articles,
        "assertions": assertions,
        "problems": [_problem(p) for p in sorted(problems, key=lambda p: (p.line or 0, p.problem))],
    }


def _problem(problem: InputProblem) -> dict[str, Any]:
    """One problem; its ``detail`` (a traceback) only when it has one."""
    entry: dict[str, Any] = {
        "line": problem.line,
        "problem": problem.problem,
        "warning": problem.warning,
    }
    if problem.detail is not None:
        entry["detail"] = problem.detail
    return entry


def report_json(corpus: Corpus, exit_code: int) -> str:
    """The report as indented JSON text, ending with a line break.

    >>> empty = Corpus((), (), (), problems=(InputProblem("a.txt", "empty"),))
    >>> print(report_json(empty, 2), end="")
    {
      "exit_code": 2,
      "articles": 0,
      "assertions": 0,
      "inputs": [
        {
          "input": "a.txt",
          "status": "failed",
          "articles": 0,
          "assertions": 0,
          "problems": [
            {
              "line": null,
              "problem": "empty",
              "warning": false
            }
          ]
        }
      ]
    }
    """
    return json.dumps(build_report(corpus, exit_code), ensure_ascii=False, indent=2) + "\n"


def exit_code_for(corpus: Corpus) -> int:
    """0: every input read; 1: some failed (the rest was built); 2: nothing read."""
    return exit_code_of(len(corpus.articles), corpus.problems)


def exit_code_of(articles: int, problems: Iterable[InputProblem]) -> int:
    """The exit code of a build of ``articles`` articles that met ``problems``."""
    if not articles:
        return 2
    return 1 if any(not p.warning for p in problems) else 0
