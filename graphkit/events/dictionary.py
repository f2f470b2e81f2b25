"""The event dictionary: which verbs and phrases express which PLOVER category.

One entry a line, tab-separated (``dictionary.tsv`` in this package is the built-in
one; an analyst's file in the same format is added with ``--events FILE``)::

    category <TAB> verbs <TAB> object words (optional) <TAB> comment (optional)

- ``category``: one of PLOVER's 16 (AGREE ... ASSAULT), or a role that shapes the verb
  after it: ``INTENT`` ("promise to", "vow to": a cooperative act becomes AGREE, a
  hostile one THREATEN), ``PREPARE`` ("prepare to": AGREE or MOBILIZE), ``LIGHT`` (a
  verb that carries no event of its own: "continue to", "hold", "launch"; the next verb
  or the object's noun does), ``COPULA`` ("be": only an adjective and a verb after it
  carry an event, "is willing to withdraw", never a noun), ``SAY`` (a speech verb:
  LIGHT before a noun, and REQUEST before a clause that says what someone must do), or
  ``NONE`` (never an event: lets an analyst switch a built-in entry off).
- ``verbs``: lemmas as graphkit writes relation lemmas, one or more words ("call for",
  "hand over", "be willing"), alternatives split by ``|``; or ``*`` for a noun cue: the
  event named by the object of a LIGHT, SAY, INTENT or PREPARE verb ("held *talks*").
- ``object words``: the entry applies only when the object has one of these words or
  phrases (``|`` between them, ``*`` at a word's end for any ending: ``sanction*``).

Lines starting with ``#`` and blank lines are skipped. An analyst's entries are tried
before the built-in ones; at one place in a relation the longest verb phrase wins, an
entry with object words that match before one without, and then the earlier line.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

from graphkit.errors import InputError
from graphkit.events.categories import CATEGORIES

ROLES = ("INTENT", "PREPARE", "LIGHT", "COPULA", "SAY", "NONE")
NOUN_CUE = "*"
_WORD = re.compile(r"[a-z][a-z'-]*\*?")
_TOKEN = re.compile(r"[a-z]+")


class EventDictionaryError(InputError, ValueError):
    """A bad dictionary line; the message names the file and the line."""


@dataclass(frozen=True)
class Entry:
    category: str  # a PLOVER category or one of ROLES
    verb: tuple[str, ...]  # lemma words, or ("*",) for a noun cue
    objects: tuple[tuple[str, ...], ...] = ()  # words or phrases, "*" = any ending
    source: str = ""  # file:line, to say where a coding came from

    def object_matches(self, words: Sequence[str]) -> str | None:
        """The first object word or phrase of this entry found in ``words``."""
        present = _forms_of(tuple(words)) if self.objects else frozenset()
        for phrase in self.objects:
            if phrase and not _anywhere(phrase[0], words, present):
                continue  # its first word is nowhere in the words: it matches at no start
            for start in range(len(words) - len(phrase) + 1):
                if all(_word_matches(p, w) for p, w in zip(phrase, words[start:], strict=False)):
                    return " ".join(words[start : start + len(phrase)])
        return None


@dataclass(frozen=True)
class EventDictionary:
    """Entries indexed by their first verb word; noun cues apart."""

    entries: tuple[Entry, ...] = ()
    by_verb: dict[str, tuple[Entry, ...]] = field(default_factory=dict)
    nouns: tuple[Entry, ...] = ()
    # one-word REJECT verbs: "refused to meet" is a refusal when the lemma kept "meet"
    refusals: frozenset[str] = frozenset()

    @classmethod
    def of(cls, entries: Iterable[Entry]) -> EventDictionary:
        listed = tuple(entries)
        by_verb: dict[str, list[Entry]] = {}
        for entry in listed:
            if entry.verb != (NOUN_CUE,):
                by_verb.setdefault(entry.verb[0], []).append(entry)
        nouns = tuple(e for e in listed if e.verb == (NOUN_CUE,))
        refusals = frozenset(
            e.verb[0]
            for e in listed
            if e.category == "REJECT" and len(e.verb) == 1 and not e.objects
        )
        return cls(listed, {k: tuple(v) for k, v in by_verb.items()}, nouns, refusals)

    def match(
        self, words: Sequence[str], at: int, objects: Sequence[str]
    ) -> tuple[Entry, int, str | None] | None:
        """The entry for the verb phrase starting at ``words[at]`` (longest first), its
        length in words, and the object word that selected it (if any)."""
        candidates = [e for form in forms(words[at]) for e in self.by_verb.get(form, ()) if e.verb]
        for length in sorted({len(e.verb) for e in candidates}, reverse=True):
            fitting = [e for e in candidates if len(e.verb) == length]
            fitting = [e for e in fitting if _phrase_fits(e.verb, words[at : at + length])]
            for entry in fitting:
                if entry.objects:
                    hit = entry.object_matches(objects)
                    if hit is not None:
                        return entry, length, hit
            for entry in fitting:
                if not entry.objects:
                    return entry, length, None
        return None

    def noun(self, words: Sequence[str]) -> tuple[Entry, str] | None:
        """The first noun cue whose object words are in ``words``."""
        for entry in self.nouns:
            hit = entry.object_matches(words)
            if hit is not None:
                return entry, hit
        return None


def _phrase_fits(pattern: tuple[str, ...], words: Sequence[str]) -> bool:
    return len(words) == len(pattern) and all(
        p in forms(w) for p, w in zip(pattern, words, strict=True)
    )


def _anywhere(pattern: str, words: Sequence[str], present: frozenset[str]) -> bool:
    """Whether ``pattern`` matches one of ``words`` (``present``: :func:`_forms_of` them),
    as :func:`_word_matches` would at some word."""
    if pattern.endswith("*"):
        return any(word.startswith(pattern[:-1]) for word in words)
    return pattern in present


def _word_matches(pattern: str, word: str) -> bool:
    if pattern.endswith("*"):
        return word.startswith(pattern[:-1])
    return pattern == word or pattern in forms(word)


@lru_cache(maxsize=1 << 12)  # an assertion's object words are tried against many entries
def _forms_of(words: tuple[str, ...]) -> frozenset[str]:
    """Every word of ``words`` and every form :func:`forms` gives it: what a word
    pattern without "*" must be to match one of them (see :func:`_word_matches`)."""
    return frozenset([*words, *(f for w in words for f in forms(w))])


@lru_cache(maxsize=1 << 16)  # pure, and asked of the same words all the time
def forms(word: str) -> tuple[str, ...]:
    """The word and the base forms it may be inflected from, so that a dictionary of
    lemmas also matches the words of a relation's text and of its object.

    >>> forms("shelling"), forms("imposed"), forms("sanctions")
    (('shelling', 'shell', 'shelle'), ('imposed', 'impos', 'impose'), ('sanctions', 'sanction'))
    >>> forms("stopped"), forms("carried")
    (('stopped', 'stopp', 'stoppe', 'stop'), ('carried', 'carri', 'carrie', 'carry'))
    """
    word = word.lower()
    found = [word]
    for ending in ("ing", "ed", "es", "s"):
        if word.endswith(ending) and len(word) > len(ending) + 2:
            stem = word[: -len(ending)]
            found += [stem] if ending != "ed" else [stem, stem + "e"]
            if ending == "ing":
                found.append(stem + "e")
            if len(stem) > 2 and stem[-1] == stem[-2] and stem[-1] not in "ls":
                found.append(stem[:-1])  # stopped -> stop (not "called" -> "cal")
            if stem.endswith("i"):
                found.append(stem[:-1] + "y")  # carried -> carry
            break
    return tuple(dict.fromkeys(found))


def tokens(text: str) -> list[str]:
    """Lower-case words of ``text``: letters only ("free-trade" -> free, trade)."""
    return _TOKEN.findall(text.lower())


def parse_event_dictionary(text: str, source: str) -> list[Entry]:
    """Check and read the lines of one dictionary; errors name ``source`` and the line."""
    entries = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        entries.extend(_entries(line, f"{source}:{number}"))
    return entries


def _entries(line: str, where: str) -> list[Entry]:
    columns = [c.strip() for c in line.rstrip("\n").split("\t")]
    if not 2 <= len(columns) <= 4:
        raise EventDictionaryError(
            f"{where}: expected 2 to 4 tab-separated columns (category, verbs, object "
            f"words, comment), found {len(columns)}"
        )
    category, verbs = columns[0], columns[1]
    if category not in CATEGORIES and category not in ROLES:
        known = ", ".join([*CATEGORIES, *ROLES])
        raise EventDictionaryError(f"{where}: unknown category {category!r} (one of {known})")
    objects = _alternatives(columns[2], where, "object words") if len(columns) > 2 else []
    if verbs == NOUN_CUE:
        if not objects or category in ROLES:
            raise EventDictionaryError(
                f"{where}: a noun cue (*) needs a category of PLOVER and object words"
            )
        return [Entry(category, (NOUN_CUE,), tuple(objects), where)]
    phrases = _alternatives(verbs, where, "verbs")
    if not phrases:
        raise EventDictionaryError(f"{where}: no verb given")
    if any(w.endswith("*") for p in phrases for w in p):
        raise EventDictionaryError(f"{where}: '*' is for object words, not verbs")
    return [Entry(category, phrase, tuple(objects), where) for phrase in phrases]


def _alternatives(column: str, where: str, what: str) -> list[tuple[str, ...]]:
    found = []
    for alternative in column.split("|"):
        words = tuple(alternative.lower().split())
        if not words and column.strip():
            raise EventDictionaryError(f"{where}: empty alternative in the {what} {column!r}")
        bad = [w for w in words if not _WORD.fullmatch(w)]
        if bad:
            raise EventDictionaryError(f"{where}: bad word {bad[0]!r} in the {what} {column!r}")
        if words:
            found.append(words)
    return found


def builtin_entries() -> list[Entry]:
    text = (resources.files("graphkit.events") / "dictionary.tsv").read_text(encoding="utf-8")
    return parse_event_dictionary(text, "graphkit/events/dictionary.tsv")


def load_event_dictionary(path: str | Path | None = None) -> EventDictionary:
    """The built-in dictionary, with the entries of the analyst's file ``path`` (if
    given) tried first."""
    extra: list[Entry] = []
    if path is not None:
        try:
            text = Path(path).read_text(encoding="utf-8-sig")  # a spreadsheet's BOM is fine
        except OSError as exc:
            raise EventDictionaryError(
                f"{path}: cannot read event dictionary: {exc.strerror or exc}"
            ) from exc
        except UnicodeDecodeError as exc:
            raise EventDictionaryError(f"{path}: not UTF-8 text ({exc.reason})") from exc
        extra = parse_event_dictionary(text, str(path))
    return EventDictionary.of([*extra, *builtin_entries()])
