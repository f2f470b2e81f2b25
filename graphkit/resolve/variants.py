"""Spelling variants of one name: transliterations, diacritics, doubled letters.

Two names are variants of one another when their *keys* are equal, or when, word for
word, their keys are close. A key is the name transliterated to ASCII (``anyascii``),
in lower case, with hyphens and apostrophes as word breaks, and the spellings that
transliteration systems disagree on made one: ``kh``/``h``, ``gh``/``q``/``g``,
``w``/``v``, ``y``/``i``, ``ph``/``f``, ``ou``/``u``, doubled letters single, and
the Slavic ending ``-skyy``/``-skiy``/``-sky``/``-ski`` one ending. So Zelenskyy,
Zelenskiy and Zelensky have one key, as have Araghchi and Araqchi, António and
Antonio, Erdoğan and Erdogan.

Wrong is worse than missing: the close-words rule (:func:`same_person`) asks for
the same number of words, the same first word (a different given name is a
different person: Joe and Jill Biden), and each other word at least
``WORD_SIMILARITY`` similar (``rapidfuzz``'s normalized Indel similarity) and
beginning with the same letter; its answer says why, for ``Entity.merges``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from functools import lru_cache
from typing import TypeVar

from anyascii import anyascii
from rapidfuzz.fuzz import ratio

from graphkit.resolve.antecedents import first_name_gender

T = TypeVar("T")
WORD_SIMILARITY = 85.0  # of 100: one letter in seven may differ ("Mohammed"/"Muhammed")
_BREAKS = re.compile(r"[-‐‑’'`.]+")
_REPLACEMENTS = (
    ("kh", "h"), ("gh", "g"), ("q", "g"), ("ph", "f"), ("w", "v"), ("ou", "u"), ("y", "i"),
)  # fmt: skip
_DOUBLE = re.compile(r"(\w)\1+")
_SLAVIC_END = re.compile(r"ski(i|j)?$")


@lru_cache(maxsize=4096)
def word_key(word: str) -> str:
    """The key of one word.

    >>> [word_key(w) for w in ("Zelenskyy", "Zelenskiy", "Zelensky")]
    ['zelenski', 'zelenski', 'zelenski']
    >>> word_key("Araghchi") == word_key("Araqchi"), word_key("Erdoğan")
    (True, 'erdogan')
    """
    key = anyascii(word).lower()
    key = "".join(c for c in key if c.isalnum())
    for old, new in _REPLACEMENTS:
        key = key.replace(old, new)
    key = _DOUBLE.sub(r"\1", key)
    return _SLAVIC_END.sub("ski", key)


def name_words(name: str) -> list[str]:
    """The words of a name, hyphens and apostrophes breaking words.

    >>> name_words("Mohammed Shia al-Sudani"), name_words("Kim Jong-un")
    (['Mohammed', 'Shia', 'al', 'Sudani'], ['Kim', 'Jong', 'un'])
    """
    return list(_name_words(name))  # a fresh list: the cached tuple stays as it is


@lru_cache(maxsize=1 << 16)  # pure; asked of each draft's label in several rules
def _name_words(name: str) -> tuple[str, ...]:
    return tuple(w for w in _BREAKS.sub(" ", name).split() if w)


@lru_cache(maxsize=1 << 16)  # pure; the short-name and variant rules key every label
def name_key(name: str) -> str:
    """The key of a whole name: its words' keys, space-separated.

    >>> name_key("Volodymyr Zelenskyy") == name_key("Volodymyr Zelenskiy")
    True
    >>> name_key("Al-Sudani") == name_key("al-Sudani"), name_key("Kim Jong-un")
    (True, 'kim jong un')
    """
    return " ".join(word_key(w) for w in name_words(name))


def by_name_endings(items: Iterable[T], label: Callable[[T], str]) -> dict[str, list[T]]:
    """The key of each item's name and every ending of it after a space -> the items
    whose name key is or ends with it, in their order: "trump" files Donald Trump, so
    that a short name finds the names it ends in one look-up.

    >>> by_name_endings(["Donald Trump", "Trump", "Kim Jong-un"], str)["trump"]
    ['Donald Trump', 'Trump']
    >>> sorted(by_name_endings(["Kim Jong-un"], str))
    ['jong un', 'kim jong un', 'un']
    """
    index: dict[str, list[T]] = {}
    for item in items:
        key = name_key(label(item))
        for ending in {key} | {key[at + 1 :] for at, c in enumerate(key) if c == " "}:
            index.setdefault(ending, []).append(item)
    return index


def same_person(a: str, b: str) -> str | None:
    """Why the names ``a`` and ``b`` are spellings of one person's name, or None.

    >>> same_person("Abbas Araghchi", "Abbas Araqchi")
    "same name once transliterated: 'abas aragchi'"
    >>> same_person("Mohammed bin Salman", "Muhammad bin Salman") is not None
    True
    >>> same_person("Joe Biden", "Jill Biden"), same_person("Kim Jong-un", "Kim Yo-jong")
    (None, None)
    >>> same_person("Maria Rossi", "Mario Rossi"), same_person("Anna Petrova", "Anna Petrov")
    (None, None)
    >>> same_person("Volodymyr Zelenskyy", "Zelensky")  # a short name is another rule
    """
    ka, kb = name_key(a), name_key(b)
    if not ka or not kb:
        return None
    wa, wb = ka.split(), kb.split()
    if len(wa) != len(wb) or len(wa) < 2:
        return None
    if ka == kb:
        return f"same name once transliterated: {ka!r}"
    if wa[0] != wb[0] and not _same_given_name(name_words(a)[0], name_words(b)[0]):
        return None
    if all(x == y or _close(x, y) for x, y in zip(wa[1:], wb[1:], strict=True)):
        return f"close spellings, word for word: {a!r} and {b!r}"
    return None


def _close(x: str, y: str) -> bool:
    """Two word keys close enough to be one word: the same first and last letters
    (Zakharova is not Zakharov) and similar."""
    if x[:1] != y[:1] or x[-1:] != y[-1:] or min(len(x), len(y)) < 4:
        return False
    return ratio(x, y) >= WORD_SIMILARITY


def _same_given_name(x: str, y: str) -> bool:
    """Two given names only vowels apart ("Mohammed"/"Muhammad", "Ahmed"/"Ahmad"), both
    known to the name list as names of one gender (not "Maria"/"Mario")."""
    kx, ky = word_key(x), word_key(y)
    if kx[:1] != ky[:1] or min(len(kx), len(ky)) < 5 or _consonants(kx) != _consonants(ky):
        return False
    gender = first_name_gender(f"{x} _")
    return gender is not None and gender == first_name_gender(f"{y} _")


def _consonants(word: str) -> str:
    return "".join(c for c in word if c not in "aeiou")


_ORGANISATIONS = frozenset(
    {"Organization", "GovernmentBody", "MediaOrganization", "PoliticalParty"}
)


def variant_merges(
    drafts: Iterable[tuple[str, str, str]], may_merge: Callable[[str, str], bool]
) -> list[tuple[str, str, str]]:
    """(source key, target key, reason) for every draft, given as (key, type, label),
    that is a spelling variant of another: persons by :func:`same_person`,
    organisations of one type by their name key. The first in key order is the target.

    >>> variant_merges([("a", "Person", "Abbas Araghchi"), ("b", "Person", "Abbas Araqchi"),
    ...                 ("c", "Person", "Abbas Abbasi")], lambda x, y: True)[0][:2]
    ('b', 'a')
    """
    buckets: dict[tuple[str, ...], list[tuple[str, str, str]]] = {}
    for key, kind, label in sorted(drafts):
        words = name_key(label).split()
        if kind == "Person" and len(words) > 1:  # compared within one bucket only
            # same_person needs each later word equal or _close: the same first and last
            # letters. In the key, they keep a bucket ("Mohammed ...") from growing with
            # the corpus, every pair in it compared
            ends = tuple(w[:1] + w[-1:] for w in words[1:])
            buckets.setdefault((kind, _consonants(words[0]), *ends), []).append((key, kind, label))
        elif kind in _ORGANISATIONS and words:
            buckets.setdefault((kind, *words), []).append((key, kind, label))
    found: list[tuple[str, str, str]] = []
    target_of: dict[str, str] = {}
    for bucket in buckets.values():
        for i, (first, kind, label) in enumerate(bucket):
            for second, _, other in bucket[i + 1 :]:
                if second in target_of or not may_merge(label, other):
                    continue
                why = same_person(label, other) if kind == "Person" else (
                    f"same name once transliterated: {name_key(label)!r}"
                )  # fmt: skip
                if why is not None:
                    target_of[second] = target_of.get(first, first)
                    found.append(
                        (second, target_of[second], f"{other!r} is a spelling of {label!r} ({why})")
                    )
    return found
