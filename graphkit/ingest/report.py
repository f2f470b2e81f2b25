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
from typing import Any

from graphkit.types import Article, Corpus, InputProblem

REPORT_NAME = "report.json"


def input_name(article: Article) -> str:
    """The input an article was read from."""
    return article.path or article.id


def build_report(corpus: Corpus, exit_code: int) -> dict[str, Any]:
    """The report of a build as plain data (see the module docstring)."""
    articles = Counter(input_name(a) for a in corpus.articles)
    source_of = {a.id: input_name(a) for a in corpus.articles}
    assertions = Counter(source_of.get(a.doc, a.doc) for a in corpus.assertions)
    problems: dict[str, list[InputProblem]] = {}
    for problem in corpus.problems:
        problems.setdefault(problem.input, []).append(problem)
    names = sorted(set(articles) | set(problems))
    return {
        "exit_code": exit_code,
        "articles": len(corpus.articles),
        "assertions": len(corpus.assertions),
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
    if not corpus.articles:
        return 2
    return 1 if any(not p.warning for p in corpus.problems) else 0
