"""Text from articles and file names, made safe to print in a terminal.

Shared by the CLI (messages, ``graphkit query``'s table) and the analysis stage's
tables (``graphkit events``): an article or a file name can hold escape sequences
that would clear or recolour the terminal, or bidirectional overrides that show a
name reversed, so every such character is shown escaped instead of being sent.
"""

from __future__ import annotations

import unicodedata

__all__ = ["printable"]


def printable(text: str) -> str:
    r"""``text`` safe for a terminal: control and format characters (escape sequences,
    line breaks, bidirectional overrides) in untrusted names are shown escaped.

    >>> printable("evil\x1b[2J\u202ename.txt\n")
    'evil\\x1b[2J\\u202ename.txt\\n'
    >>> printable("Zoë/новости.txt")
    'Zoë/новости.txt'
    """
    if text.isprintable():
        return text
    return "".join(
        ch.encode("unicode_escape").decode("ascii")
        if unicodedata.category(ch) in {"Cc", "Cf", "Zl", "Zp"}
        else ch
        for ch in text
    )
