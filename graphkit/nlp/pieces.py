"""Long articles in pieces: split the text, parse the pieces, merge the analyses.

spaCy refuses a text longer than ``nlp.max_length`` (1,000,000 characters) and its
memory grows with the length of a Doc, so an article longer than ``CHUNK_CHARS`` is
parsed as pieces cut at paragraph breaks, else sentence ends, else spaces. Every
offset in the merged :class:`~graphkit.types.DocumentAnalysis` refers to the whole
article text, as if it had been parsed in one go. A sentence is never cut unless
it alone is longer than a piece; a quotation that spans two pieces loses its speaker.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import replace
from typing import TypeVar

from graphkit.ids import assertion_id
from graphkit.options import AnalysisOptions
from graphkit.types import (
    Argument,
    Article,
    Assertion,
    Attribution,
    DocumentAnalysis,
    InputProblem,
    Mention,
    Qualifier,
)

# spaCy needs about 15 kB a token while it parses a text (the small English model's
# tok2vec: 3 kB a character of news text, 10,000 tokens take 150 MB), so pieces and
# batches are kept small: a piece holds at most CHUNK_CHARS characters and about
# CHUNK_TOKENS tokens ("a, a, a, ..." has a token every 1.5 characters, "!!!" one
# every character), a batch at most BATCH_CHARS characters.
CHUNK_CHARS = AnalysisOptions.chunk_chars  # the default piece size
CHUNK_TOKENS = 12_000
# spaCy's tokenizer takes time quadratic in the length of a run of characters
# without white space ("!!!...": 4,000 take 5 s), so a longer run is cut into pieces.
MAX_RUN = 200
# The size budget of one article: the extraction reads no further (with a warning),
# so one huge "article" (a dump, a book) cannot take hours and gigabytes.
MAX_ARTICLE_CHARS = 2_000_000
# A longer sentence is skipped by the extraction, with a warning: it is almost
# always a list, a table or junk, and no rule reads it well.
MAX_SENTENCE_TOKENS = 200
BATCH_CHARS = 50_000
_Span = TypeVar("_Span", Argument, Qualifier, Mention, Attribution)
# Where a piece may end, best first: after a blank line, a line end, a sentence
# end, any space. A piece ends after the break, so the break stays with it.
_BREAKS = (re.compile(r"\n\s*\n"), re.compile(r"\n"), re.compile(r"[.!?][\"'”’)]*\s"))
_SPACE = re.compile(r"\s")
# about what spaCy's tokenizer makes a token: words, signs, runs of white space
_TOKENISH = re.compile(r"\w+|[^\w\s]|\s{2,}|\n")
_LONG_RUN = re.compile(rf"\S{{{MAX_RUN + 1},}}")


def split_text(
    text: str, limit: int = CHUNK_CHARS, max_tokens: int = CHUNK_TOKENS
) -> list[tuple[int, str]]:
    """``text`` cut into pieces of at most ``limit`` characters and about
    ``max_tokens`` tokens, each with its offset.

    The pieces put together are the text, character for character.

    >>> split_text("One. Two.\\n\\nThree four five.", 12)
    [(0, 'One. Two.\\n\\n'), (11, 'Three four '), (22, 'five.')]
    >>> split_text("short", 100)
    [(0, 'short')]
    >>> split_text("a, a, a, a, a, a", 100, max_tokens=5)
    [(0, 'a, a, '), (6, 'a, a, '), (12, 'a, a')]
    >>> [len(piece) for _, piece in split_text("Look: " + "!" * 450, 1_000)]
    [6, 200, 200, 50]
    """
    return list(iter_pieces(text, limit, max_tokens))


def iter_pieces(
    text: str, limit: int = CHUNK_CHARS, max_tokens: int = CHUNK_TOKENS
) -> Iterator[tuple[int, str]]:
    """The pieces of :func:`split_text` one at a time, so that only one piece of a
    long text is copied at a time."""
    start = 0
    while True:
        stop = _token_stop(text, start, min(start + limit, len(text)), max_tokens)
        run = _LONG_RUN.search(text, start, stop)
        if run is not None:  # end before the run, or cut it
            stop = run.start() if run.start() > start else start + MAX_RUN
        if stop >= len(text):
            break
        end = _cut(text, start, stop)
        yield start, text[start:end]
        start = end
    yield start, text[start:]


def read_pieces(
    text: str, limit: int = CHUNK_CHARS, max_chars: int = MAX_ARTICLE_CHARS
) -> Iterator[tuple[int, str]]:
    """The pieces of ``text`` that the extraction reads: those that start within its
    first ``max_chars`` characters.

    >>> [offset for offset, _ in read_pieces("One. Two. Three. Four.", 5, max_chars=10)]
    [0, 5]
    """
    for offset, piece in iter_pieces(text, limit):
        if offset >= max_chars:
            return
        yield offset, piece


def _token_stop(text: str, start: int, stop: int, max_tokens: int) -> int:
    """``stop``, or where the piece from ``start`` would pass ``max_tokens`` tokens."""
    if stop - start <= max_tokens:  # cannot hold more tokens than characters
        return stop
    for count, match in enumerate(_TOKENISH.finditer(text, start, stop), start=1):
        if count > max_tokens:
            return match.start()
    return stop


def _cut(text: str, start: int, stop: int) -> int:
    """The best place to end a piece that starts at ``start`` and may reach ``stop``."""
    window = text[start:stop]
    # a break in the first half would make a piece too small: look for a better one
    for pattern in (*_BREAKS, _SPACE):
        ends = [m.end() for m in pattern.finditer(window, len(window) // 2)]
        if ends:
            return start + ends[-1]
    return stop  # one unbroken run of characters: cut it anywhere


def batch_for(articles: Sequence[Article], limit: int, batch_size: int) -> int:
    """How many texts to parse at once: ``batch_size``, or fewer when long articles
    would put more than ``BATCH_CHARS`` characters in one batch (spaCy holds a whole
    batch in memory, about 3 kB a character). Parsing speed hardly depends on it.

    >>> batch_for([Article("a", "x" * 1_000)], CHUNK_CHARS, 32)
    32
    >>> batch_for([Article("a", "x" * 5_000)], CHUNK_CHARS, 32)
    10
    >>> batch_for([Article("a", "x" * 5_000), Article("b", "x" * 900_000)], CHUNK_CHARS, 32)
    1
    """
    longest = min(limit, max((len(a.text) for a in articles), default=1))
    return max(1, min(batch_size, BATCH_CHARS // max(1, longest)))


def long_article_notes(articles: Iterable[Article], limit: int = CHUNK_CHARS) -> list[InputProblem]:
    """A warning for each article that will be parsed in pieces."""
    notes = []
    for article in articles:
        pieces = sum(1 for _ in read_pieces(article.text, limit))
        if pieces > 1:
            notes.append(
                InputProblem(
                    article.path or article.id,
                    f"long article {article.id!r} ({len(article.text):,} characters) parsed "
                    f"in {pieces} pieces of at most {limit:,} characters and about "
                    f"{CHUNK_TOKENS:,} tokens",
                    warning=True,
                )
            )
    return notes


def merge_analyses(
    article: Article, pieces: Sequence[tuple[int, DocumentAnalysis]]
) -> DocumentAnalysis:
    """One analysis of ``article`` from the analyses of its pieces at their offsets."""
    merged = Merged()
    for offset, analysis in pieces:
        merged.add(offset, analysis)
    return merged.analysis(article)


class Merged:
    """The analyses of an article's pieces, moved to whole-text offsets as each comes,
    so that a piece's own analysis can be dropped at once (one copy, not two)."""

    def __init__(self) -> None:
        self.sentences: list[str] = []
        self.assertions: list[Assertion] = []
        self.mentions: list[Mention] = []
        self.heads: dict[tuple[int, int], Mention] = {}
        self.whole: DocumentAnalysis | None = None  # the one piece at offset 0 so far

    def add(self, offset: int, analysis: DocumentAnalysis) -> None:
        """The analysis of the piece at ``offset``; pieces come in text order."""
        if offset == 0 and self.whole is None and not self.sentences:
            self.whole = analysis  # the first piece: nothing to move
            return
        if self.whole is not None:
            first, self.whole = self.whole, None
            self._extend(0, first)
        self._extend(offset, analysis)

    def _extend(self, offset: int, analysis: DocumentAnalysis) -> None:
        if offset == 0:
            self.assertions += analysis.assertions
            self.mentions += analysis.mentions
            self.heads.update(analysis.heads)
        else:
            before = len(self.sentences)
            self.assertions += [_shift_assertion(a, offset, before) for a in analysis.assertions]
            self.mentions += [_moved(m, offset) for m in analysis.mentions]
            for (start, end), mention in analysis.heads.items():
                self.heads[(start + offset, end + offset)] = _moved(mention, offset)
        self.sentences += analysis.sentences

    def analysis(self, article: Article) -> DocumentAnalysis:
        if self.whole is not None:
            return replace(self.whole, article=article)
        return DocumentAnalysis(
            article, tuple(self.sentences), tuple(self.assertions), tuple(self.mentions),
            self.heads,
        )  # fmt: skip


def _moved(span: _Span, offset: int) -> _Span:
    """A span (argument, qualifier, mention, attribution) moved ``offset`` characters on."""
    return replace(span, start=span.start + offset, end=span.end + offset)


def _shift_assertion(assertion: Assertion, offset: int, sentences_before: int) -> Assertion:
    """The assertion as it reads in the whole text; its id takes the piece's offset
    in, because two pieces may hold the same words at the same relative place."""
    if offset == 0:
        return assertion
    obj, attribution = assertion.object, assertion.attribution
    return replace(
        assertion,
        id=assertion_id(assertion.id, offset),
        sentence_index=assertion.sentence_index + sentences_before,
        sentence_start=assertion.sentence_start + offset,
        subject=_moved(assertion.subject, offset),
        object=None if obj is None else _moved(obj, offset),
        qualifiers=tuple(_moved(q, offset) for q in assertion.qualifiers),
        # an attribution found without a span keeps its -1 offsets
        attribution=attribution if attribution is None or attribution.start < 0
        else _moved(attribution, offset),
    )  # fmt: skip
