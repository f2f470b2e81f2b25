"""Tables of names -> actor codes, found as whole words in a text: well-known
organisations and groups (``actors.tsv``) and political parties (``parties.tsv``).

A name that several countries' parties share (:data:`GENERIC_PARTIES`: "Labour Party",
"Umma Party") names no country by itself: it is never a row of the built-in tables, and
"British Labour Party" or "Sudan's Umma Party" get their country from the country word."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property, lru_cache
from importlib import resources

_WORD = re.compile(r"[^\W_][\w'’-]*")
_POSSESSIVE_END = re.compile(r"['’]s?$")
# party names that several countries' parties bear (lower case, no leading "the")
GENERIC_PARTIES = frozenset(
    {
        "labour party", "labor party", "conservative party", "conservatives", "tories",
        "socialist party", "socialists", "national party", "nationalist party", "umma party",
        "democratic party", "democrats", "liberal party", "liberals", "republican party",
        "republicans", "communist party", "communists", "social democratic party",
        "social democrats", "green party", "greens", "people's party", "peoples party",
        "christian democratic party", "christian democrats", "justice and development party",
        "freedom party", "national front", "progress party", "centre party", "center party",
        "workers' party", "workers party", "liberal democratic party", "liberal democrats",
        "democratic progressive party", "national democratic party", "colorado party",
        "unity party", "reform party", "popular party", "national liberation front",
        "peoples democratic party", "people's democratic party", "movement for socialism",
        "democratic alliance", "national democratic congress", "muslim brotherhood",
    }
)  # fmt: skip


def name_tokens(text: str) -> list[str]:
    """Words of a name or phrase, dots and possessives dropped.

    >>> name_tokens("the U.N.'s envoy")
    ['the', 'UN', 'envoy']
    """
    return list(_name_tokens(text))  # a fresh list: the cached tuple stays as it is


# coding reads the same texts (an argument's, a title, an entity's label) many times
@lru_cache(maxsize=1 << 16)
def _name_tokens(text: str) -> tuple[str, ...]:
    words = _WORD.findall(text.replace(".", ""))
    return tuple(_POSSESSIVE_END.sub("", w) for w in words)


def generic_party(name: str) -> bool:
    """Whether ``name`` is a party name that several countries' parties share.

    >>> generic_party("The Labour Party"), generic_party("Likud")
    (True, False)
    """
    lowered = " ".join(name.split()).lower()
    return (lowered[4:] if lowered.startswith("the ") else lowered) in GENERIC_PARTIES


@dataclass(frozen=True)
class NameTable:
    """Names of organisations and groups -> codes, found as whole words in a text."""

    entries: tuple[tuple[tuple[str, ...], str, bool], ...] = ()  # words, code, exact case

    @classmethod
    def parse(cls, text: str, exact_case: bool = False) -> NameTable:
        """Rows ``name<TAB>code[<TAB>comment]``; a name all in capitals matches only in
        capitals, and every name does with ``exact_case``. Generic party names are
        dropped (:data:`GENERIC_PARTIES`)."""
        rows = []
        for line in text.splitlines():
            if line.strip() and not line.startswith("#"):
                name, code = line.split("\t")[:2]
                if generic_party(name):
                    continue
                words = name_tokens(name)
                exact = exact_case or all(w.isupper() for w in words)
                rows.append((tuple(words if exact else [w.lower() for w in words]), code, exact))
        return cls(tuple(sorted(rows, key=lambda r: -len(r[0]))))

    def __add__(self, other: NameTable) -> NameTable:
        return NameTable(tuple(sorted(self.entries + other.entries, key=lambda r: -len(r[0]))))

    @cached_property
    def _by_first_word(self) -> dict[tuple[bool, str], list[int]]:
        """(exact case, first word) -> the places in ``entries`` of the names that
        begin so, in order; (False, "") for a name of no words, which fits anywhere."""
        index: dict[tuple[bool, str], list[int]] = {}
        for place, (names, _, exact) in enumerate(self.entries):
            index.setdefault((exact, names[0]) if names else (False, ""), []).append(place)
        return index

    def find(self, words: list[str]) -> tuple[int, int, str] | None:
        """(first word, end word, code) of the leftmost, then longest, name in ``words``.
        Only the names that begin with the word at hand are tried, in table order: the
        whole table at every word was most of the time spent coding."""
        lowered = [w.lower() for w in words]
        index = self._by_first_word
        anywhere = index.get((False, ""), [])
        for start in range(len(words)):
            places = sorted(
                [*index.get((False, lowered[start]), ()), *index.get((True, words[start]), ()),
                 *anywhere]
            )  # fmt: skip
            for place in places:
                names, code, exact = self.entries[place]
                if tuple((words if exact else lowered)[start : start + len(names)]) == names:
                    return start, start + len(names), code
        return None


def builtin_names() -> NameTable:
    """The organisations of ``actors.tsv`` and the parties of ``parties.tsv``."""
    folder = resources.files("graphkit.events")
    actors = (folder / "actors.tsv").read_text(encoding="utf-8")
    parties = (folder / "parties.tsv").read_text(encoding="utf-8")
    return NameTable.parse(actors) + NameTable.parse(parties, exact_case=True)
