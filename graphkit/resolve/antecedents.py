"""Which person a "he" or "she" stands for: gender, sentences, quotations.

Wrong is worse than missing, so a third-person singular pronoun takes a person only
when the text supports it, and otherwise stays unresolved:

- **gender**: a person is male or female when a title or gendered noun says so
  ("Ms Kallas", "spokeswoman Zhu Fenglian", "his sister, Kim Yo-jong") or the first
  name does (``gender-guesser``, its unambiguous answers only, never for a one-word
  name); a pronoun never takes a person of the other gender; contradicting
  evidence leaves the gender unknown;
- **sentences**: the candidates of the nearest sentence win; there, a person whose
  gender is known to match beats one whose gender is unknown, then the subject of the
  sentence (its first subject) or a speaker ("X said") beats other mentions, then the
  nearest one; nothing is looked for further back than ``MAX_SENTENCES`` sentences;
- **quotations**: a pronoun outside quotation marks ("...," he said) never takes a
  person named inside them, and a "he" inside a quotation takes only a person named
  earlier in the same quotation (never the speaker of the quotation).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from graphkit.types import DocumentAnalysis, Mention

MAX_SENTENCES = 3
PRONOUN_GENDER = {
    "he": "male", "him": "male", "his": "male", "himself": "male",
    "she": "female", "her": "female", "hers": "female", "herself": "female",
}  # fmt: skip
_MALE = frozenset(
    "mr mr. sir lord king prince sheikh emir sultan spokesman chairman congressman "
    "businessman statesman father son brother husband uncle nephew grandson".split()
)
_FEMALE = frozenset(
    "ms ms. mrs mrs. miss madam madame dame lady queen princess sheikha spokeswoman "
    "chairwoman congresswoman businesswoman stateswoman mother daughter sister wife aunt "
    "niece granddaughter".split()
)
_QUOTE = re.compile(r"[\"“”]")


def word_gender(word: str) -> str | None:
    """The gender a title or noun states: "Ms." -> female, "spokesman" -> male."""
    lower = word.lower().strip(",")
    return "male" if lower in _MALE else "female" if lower in _FEMALE else None


@lru_cache(maxsize=1)
def _detector() -> object | None:
    try:
        from gender_guesser.detector import Detector
    except ImportError:  # pragma: no cover - a dependency; without it, names say nothing
        return None
    return Detector(case_sensitive=False)


def first_name_gender(name: str) -> str | None:
    """The gender of a full name's first name, when the name list is sure of it.

    >>> first_name_gender("Kaja Kallas"), first_name_gender("Mark Rutte")
    ('female', 'male')
    >>> first_name_gender("Kim Jong-un"), first_name_gender("Kallas")  # unsure; surname
    (None, None)
    """
    words = name.split()
    detector = _detector()
    if len(words) < 2 or detector is None:
        return None
    answer = detector.get_gender(words[0])  # type: ignore[attr-defined]
    return answer if answer in {"male", "female"} else None


def is_given_name(word: str) -> bool:
    """True when the name list knows ``word`` as a given name, of any gender.

    >>> is_given_name("Jordan"), is_given_name("Azerbaijan")
    (True, False)
    """
    detector = _detector()
    return detector is not None and detector.get_gender(word) != "unknown"  # type: ignore[attr-defined]


def person_gender(name: str, evidence: Iterable[str | None]) -> str | None:
    """A person's gender from the first name and the words said of them; None when
    nothing says or the evidence disagrees."""
    found = {g for g in (first_name_gender(name), *evidence) if g is not None}
    return found.pop() if len(found) == 1 else None


def words_before(text: str, start: int, count: int = 2) -> list[str]:
    """The last ``count`` words before ``start`` in the same paragraph."""
    line = text[text.rfind("\n", 0, start) + 1 : start]
    return line.split()[-count:]


def gender_evidence(text: str, mention: Mention) -> list[str | None]:
    """What the words of a person mention say of its gender: its own titles ("Ms
    Kallas") and the word just before it ("spokeswoman Zhu", "his sister, Kim Yo-jong")."""
    words = [*words_before(text, mention.start, 1), *mention.text.split()[:-1]]
    return [word_gender(w) for w in words]


def quotations(text: str) -> list[tuple[int, int]]:
    """Character ranges inside quotation marks; a straight quote alternates and every
    quotation closes at the end of its paragraph."""
    regions = []
    opened: int | None = None
    for match in _QUOTE.finditer(text):
        mark, at = match.group(), match.start()
        if opened is not None and "\n" in text[opened:at]:
            regions.append((opened, text.index("\n", opened)))
            opened = None
        if opened is None and mark != "”":
            opened = at + 1
        elif opened is not None and mark != "“":
            regions.append((opened, at))
            opened = None
    if opened is not None:
        end = text.find("\n", opened)
        regions.append((opened, len(text) if end < 0 else end))
    return regions


@dataclass(frozen=True)
class Candidate:
    """A person mention seen before the pronoun: its entity key and known gender."""

    mention: Mention
    key: str
    gender: str | None


class Antecedents:
    """The sentences, subjects, speakers and quotations of one article."""

    def __init__(self, analysis: DocumentAnalysis) -> None:
        self.starts = sorted({a.sentence_start for a in analysis.assertions})
        self.quotes = quotations(analysis.article.text)
        self.quote_starts = [start for start, _ in self.quotes]
        self.prominent: set[tuple[int, int]] = set()
        first: dict[int, tuple[int, int]] = {}
        for a in analysis.assertions:
            span = (a.subject.start, a.subject.end)
            if a.sentence_start not in first or span < first[a.sentence_start]:
                first[a.sentence_start] = span
            if a.attribution is not None:
                self._mark(analysis, (a.attribution.start, a.attribution.end))
        for span in first.values():
            self._mark(analysis, span)

    def _mark(self, analysis: DocumentAnalysis, span: tuple[int, int]) -> None:
        head = analysis.heads.get(span)
        if head is not None:
            self.prominent.add((head.start, head.end))

    def sentence(self, offset: int) -> int:
        return bisect_right(self.starts, offset) - 1

    def quote(self, offset: int) -> tuple[int, int] | None:
        """The quotation ``offset`` is in (quotations never overlap)."""
        index = bisect_right(self.quote_starts, offset) - 1
        if index >= 0 and self.quotes[index][0] <= offset < self.quotes[index][1]:
            return self.quotes[index]
        return None

    def choose(self, pronoun: Mention, seen: list[Candidate]) -> str | None:
        """The key of the person ``pronoun`` stands for, or None."""
        gender = PRONOUN_GENDER.get(pronoun.text.lower())
        here, quote = self.sentence(pronoun.start), self.quote(pronoun.start)
        ranked = []
        for c in reversed(seen):  # in text order: the nearest first
            if c.mention.start >= pronoun.start:
                continue
            distance = here - self.sentence(c.mention.start)
            if distance > MAX_SENTENCES:
                break
            if gender and c.gender not in {gender, None}:
                continue
            if self.quote(c.mention.start) != quote:  # inside vs outside, or another quote
                continue
            prominent = (c.mention.start, c.mention.end) in self.prominent
            ranked.append((distance, c.gender is None, not prominent, -c.mention.start, c.key))
        return min(ranked)[-1] if ranked else None
