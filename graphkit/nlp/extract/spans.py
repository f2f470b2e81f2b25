"""Tiny helpers that turn dependency subtrees into clean argument spans."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from spacy.tokens import Doc, Token

from graphkit.nlp.extract.rules import NOUN_DROP, NOUN_MODIFIERS

_EDGE_JUNK = frozenset({"PUNCT", "CCONJ", "SCONJ"})


def _dropped(token: Token) -> Iterator[Token]:
    for child in token.children:
        if child.dep_ in NOUN_DROP:
            yield from child.subtree
    yield from broken_left_part(token)


def broken_left_part(head: Token) -> list[Token]:
    """Left modifiers cut off from ``head`` by a comma.

    An English noun phrase never has a comma between a left modifier and its head
    ("Trump, high-ranking insiders"); the small parser sometimes builds one across a
    clause boundary. Those tokens belong to another phrase.
    """
    lefts = [c for c in head.lefts if c.dep_ not in {"det", "punct"}]
    for child in lefts:
        between = head.doc[child.right_edge.i + 1 : head.i]
        if any(t.text == "," for t in between):
            return list(child.subtree) + [t for t in between if t.text == ","]
    return []


def trim(tokens: list[Token]) -> tuple[int, int] | None:
    """Smallest token range covering ``tokens`` without edge punctuation or conjunctions."""
    if not tokens:
        return None
    doc = tokens[0].doc
    ordered = sorted({t.i for t in tokens})
    start, end = ordered[0], ordered[-1] + 1
    while start < end and (doc[start].pos_ in _EDGE_JUNK and doc[start].text not in {"$", "%"}):
        start += 1
    while end > start and doc[end - 1].pos_ in _EDGE_JUNK:
        end -= 1
    return (start, end) if start < end else None


def expand_noun(head: Token) -> tuple[int, int] | None:
    """Token range of the noun phrase headed by ``head``, without conjuncts,
    appositions, relative clauses or parts a comma cut off."""
    if head.pos_ in {"VERB", "AUX"} and head.dep_ not in {"pobj", "dobj"}:
        return clause_span(head)
    dropped = {t.i for t in _dropped(head)}
    tokens = [t for t in head.subtree if t.i not in dropped]
    return trim(_contiguous(tokens, head))


def _contiguous(tokens: list[Token], head: Token) -> list[Token]:
    # keep the run of kept tokens around the head: a dropped subtree in the middle
    # (a bracketed aside) ends the phrase
    kept = {t.i for t in tokens}
    start = end = head.i
    while start - 1 in kept:
        start -= 1
    while end + 1 in kept:
        end += 1
    return [t for t in tokens if start <= t.i <= end]


def clause_span(head: Token) -> tuple[int, int] | None:
    """Token range of a whole clause (for clausal objects)."""
    return trim(list(head.subtree))


def head_phrase(head: Token) -> tuple[int, int]:
    """The naming part of a noun phrase: the head and its left modifiers, no determiner.

    "the high-ranking Kremlin insiders" -> "high-ranking Kremlin insiders".
    """
    cut = {t.i for t in broken_left_part(head)}
    start = head.i
    for child in sorted(head.lefts, key=lambda t: t.i, reverse=True):
        if child.dep_ in NOUN_MODIFIERS and child.i not in cut:
            start = min(start, child.left_edge.i)
    while start < head.i and head.doc[start].pos_ in _EDGE_JUNK | {"DET"}:
        start += 1
    return start, head.i + 1


def char_range(doc: Doc, span: tuple[int, int]) -> tuple[int, int]:
    """Character offsets of a token range."""
    first, last = doc[span[0]], doc[span[1] - 1]
    return first.idx, last.idx + len(last.text)


def words(doc: Doc, indices: Iterable[int]) -> str:
    """The tokens at ``indices`` in sentence order, separated as they stand in the text."""
    ordered = sorted(set(indices))
    parts: list[str] = []
    for position, i in enumerate(ordered):
        token = doc[i]
        parts.append(token.text)
        if position + 1 < len(ordered):
            follows_directly = ordered[position + 1] == i + 1
            parts.append(token.whitespace_ if follows_directly else " ")
    return "".join(parts)


def span_text(doc: Doc, span: tuple[int, int]) -> str:
    """Exact text of a token range (``doc.text[...]`` would rebuild the whole text)."""
    return doc[span[0] : span[1]].text
