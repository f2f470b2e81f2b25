"""Tiny helpers that turn dependency subtrees into clean argument spans."""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Doc, Token

from graphkit.nlp.extract.rules import NOUN_DROP, NOUN_MODIFIERS

_EDGE_JUNK = frozenset({"PUNCT", "CCONJ", "SCONJ"})


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
    first = min(t.i for t in tokens)
    last = max(t.i for t in tokens)
    return trim_range(tokens[0].doc, first, last + 1)


def trim_range(doc: Doc, start: int, end: int) -> tuple[int, int] | None:
    """The range ``start``-``end`` without edge punctuation or conjunctions."""
    while start < end and (doc[start].pos_ in _EDGE_JUNK and doc[start].text not in {"$", "%"}):
        start += 1
    while end > start and doc[end - 1].pos_ in _EDGE_JUNK:
        end -= 1
    return (start, end) if start < end else None


def expand_noun(head: Token) -> tuple[int, int] | None:
    """Token range of the noun phrase headed by ``head``, without conjuncts,
    appositions, relative clauses or parts a comma cut off.

    The phrase is the run of tokens around the head that belong to its subtree and
    to no dropped part; the run is found by stepping out from the head, so the work
    grows with the phrase, not with the subtree (a chain of appositions would make
    a walk over every subtree quadratic in the sentence length)."""
    if head.pos_ in {"VERB", "AUX"} and head.dep_ not in {"pobj", "dobj"}:
        return clause_span(head)
    dropped = [c for c in head.children if c.dep_ in NOUN_DROP]
    broken = {t.i for t in broken_left_part(head)}

    def kept(i: int) -> bool:
        return i not in broken and _within(i, head) and not any(_within(i, c) for c in dropped)

    start = end = head.i
    while kept(start - 1):
        start -= 1
    while kept(end + 1):
        end += 1
    return trim_range(head.doc, start, end + 1)


def _within(i: int, top: Token) -> bool:
    """Whether token ``i`` is in the subtree of ``top``: inside its edges, and (for a
    non-projective parse) reaching ``top`` by heads that stay inside them."""
    low, high = top.left_edge.i, top.right_edge.i
    if not low <= i <= high:
        return False
    token = top.doc[i]
    while token.i != top.i:
        head = token.head
        if head.i == token.i or not low <= head.i <= high:
            return False
        token = head
    return True


def clause_span(head: Token) -> tuple[int, int] | None:
    """Token range of a whole clause (for clausal objects): the edges of its subtree."""
    return trim_range(head.doc, head.left_edge.i, head.right_edge.i + 1)


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
