"""What ``graphkit query`` refuses or bounds, before and while a query runs.

- Only read-only queries run: an update is refused with :data:`READ_ONLY`.
- ``SERVICE`` makes Oxigraph send HTTP requests to any endpoint, possibly one the
  graph's own content names (``SERVICE ?endpoint``), so a query using it is refused
  unless it is allowed. It is found by a tokenizer that skips strings, comments,
  IRIs, variables and prefixed names, after reading ``\\uXXXX`` escapes as the
  SPARQL grammar (and Oxigraph) does, so ``"SERVICE"`` or ``ex:service`` is no
  SERVICE and ``\\u0053ERVICE`` is one.
- The query runs in a worker thread, waited for at most a timeout: pyoxigraph
  releases the GIL while it evaluates, so the wait ends on time; the abandoned
  daemon thread runs on until the query ends or the process exits (the ``query``
  command exits at once, with exit code 2).
- Oxigraph's syntax errors ("error at 15:3: ...") are given with the line counted
  in the user's own text, not in the text with graphkit's PREFIX lines in front.
"""

from __future__ import annotations

import re
import threading
import traceback
from collections.abc import Callable, Iterator
from typing import TypeVar

from graphkit.errors import QueryError

DEFAULT_TIMEOUT = 30.0  # seconds
DEFAULT_LIMIT = 10_000  # rows
READ_ONLY = "graphkit query runs read-only queries (SELECT, ASK, CONSTRUCT, DESCRIBE)"
SERVICE_REFUSED = (
    "the query uses SERVICE, which sends requests to other SPARQL endpoints over the "
    "network: refused (--allow-service to allow it)"
)
_READ_FORMS = frozenset({"select", "ask", "construct", "describe"})
_UPDATES = frozenset(
    {"insert", "delete", "load", "clear", "create", "drop", "copy", "move", "add", "with"}
)
# SPARQL tokens: enough to tell a keyword from everything else that may spell one
_TOKEN = re.compile(
    r"""(?P<comment>\#[^\n\r]*)
    | (?P<string>\"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"|'''(?:[^'\\]|\\.|'(?!''))*'''
        |"(?:[^"\\\n\r]|\\.)*"|'(?:[^'\\\n\r]|\\.)*')
    | (?P<iri><[^<>"{}|^`\\\x00-\x20]*>)
    | (?P<var>[?$]\w+)
    | (?P<pname>(?:[^\W\d][\w.-]*)?:[\w.:%\\-]*)
    | (?P<word>[^\W\d]\w*)
    | (?P<other>\S)""",
    re.X | re.S,
)
_CODEPOINT = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")
_ERROR_AT = re.compile(r"^error at (\d+):(\d+): ")
_T = TypeVar("_T")


def keywords(text: str) -> Iterator[str]:
    """The bare words of a SPARQL text, lower-cased.

    >>> list(keywords('SELECT * # SERVICE\\nWHERE { ?service ex:service "SERVICE" }'))
    ['select', 'where']
    >>> list(keywords(r"\\u0053ERVICE <http://x/SERVICE> {}"))
    ['service']
    """
    text = _CODEPOINT.sub(lambda m: _codepoint(m.group(1) or m.group(2)), text)
    for match in _TOKEN.finditer(text):
        if match.lastgroup == "word":
            yield match.group().lower()


def _codepoint(digits: str) -> str:
    number = int(digits, 16)
    return chr(number) if number <= 0x10FFFF else "\ufffd"


def check_query(text: str, allow_service: bool = False) -> None:
    """Refuse an update, and a query using ``SERVICE`` unless ``allow_service``."""
    words = list(keywords(text))
    form = next((w for w in words if w not in {"base", "prefix"}), None)
    if form in _UPDATES:
        raise QueryError(f"{READ_ONLY}; this one is an update ({form.upper()})")
    if "service" in words and not allow_service:
        raise QueryError(SERVICE_REFUSED)


def user_position(message: str, header_lines: int) -> str:
    """Oxigraph's "error at L:C: ..." with L counted in the user's text, without the
    ``header_lines`` PREFIX lines added in front, and a long list of expected tokens
    shortened.

    >>> user_position("error at 15:3: expected one of a, b", 14)
    'line 1, column 3: expected one of a, b'
    """
    found = _ERROR_AT.match(message)
    if found is None:
        return message
    line, column = int(found.group(1)) - header_lines, int(found.group(2))
    rest = message[found.end() :]
    if len(rest) > 200:
        rest = rest[:200].rstrip() + " ..."
    return f"line {line}, column {column}: {rest}"


def waited(work: Callable[[], _T], timeout: float | None) -> _T:
    """``work()`` run in a daemon thread and waited for at most ``timeout`` seconds
    (None or 0: no limit); its exception, if any, is raised here."""
    box: dict[str, object] = {}

    def target() -> None:
        try:
            box["value"] = work()
        except BaseException as exc:  # handed over to the waiting thread
            # pyoxigraph's results may only be dropped by the thread that made them:
            # let go of the ones the traceback's frames hold, here
            error: BaseException | None = exc
            seen: set[int] = set()
            while error is not None and id(error) not in seen:
                seen.add(id(error))
                if error.__traceback__ is not None:
                    traceback.clear_frames(error.__traceback__)
                error = error.__cause__ or error.__context__
            box["error"] = exc

    worker = threading.Thread(target=target, name="graphkit-query", daemon=True)
    worker.start()
    worker.join(timeout or None)
    if worker.is_alive():
        raise QueryError(
            f"the query did not finish within {timeout:g} s and was abandoned "
            "(--timeout SECONDS to wait longer, 0 for no limit)"
        )
    if "error" in box:
        raise box["error"]  # type: ignore[misc]
    return box["value"]  # type: ignore[return-value]
