"""Who says so: reported speech, quotations and "according to" sources.

Generators over a whole Doc, since a quotation may span sentences and its speaker
may stand in the sentence before or after it.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from typing import NamedTuple

from spacy.tokens import Doc, Span, Token

from graphkit.nlp.extract import rules as r
from graphkit.nlp.extract.clauses import find_subjects
from graphkit.nlp.extract.frames import VERBS, controlled_by
from graphkit.nlp.extract.spans import expand_noun, trim

_OPENING = frozenset({"“", "``", "„", "«"})
_CLOSING = frozenset({"”", "''", "»"})


class Source(NamedTuple):
    """The speaker or source of a claim: a token range, its head, and the cue words."""

    span: tuple[int, int]
    head: Token
    cue: str


def quote_regions(doc: Doc) -> list[tuple[int, int]]:
    """Token ranges strictly inside quotation marks.

    Curly and TeX-style marks open and close by their shape; a straight ``"``
    alternates between opening and closing.
    """
    regions: list[tuple[int, int]] = []
    opened: int | None = None
    for token in doc:
        mark = token.text
        if mark not in r.QUOTE_MARKS:
            continue
        if opened is None:
            if mark not in _CLOSING:  # a stray closing mark opens nothing
                opened = token.i
        elif mark in _OPENING:
            opened = token.i  # unbalanced: the later opening wins
        else:
            regions.append((opened + 1, token.i))
            opened = None
    if opened is not None:  # unclosed: the quote runs to the end of its sentence
        regions.append((opened + 1, doc[opened].sent.end))
    return [region for region in regions if region[0] < region[1]]


def source_of(verb: Token) -> Source | None:
    """The subject of a reporting verb, as a source: "officials said" -> officials."""
    subjects, _ = find_subjects(verb)
    spans = [span for span in map(expand_noun, subjects) if span is not None]
    if not spans:
        return None
    return Source((spans[0][0], spans[-1][1]), subjects[0], cue_words(verb))


def cue_words(verb: Token) -> str:
    """The reporting words: "said", "was quoted as saying"."""
    picked = [verb]
    picked += [c for c in verb.children if c.dep_ in r.AUXILIARIES or c.dep_ == r.NEGATION]
    for prep in (c for c in verb.children if c.dep_ == r.PREP and c.lower_ == "as"):
        picked.append(prep)
        picked += [c for c in prep.children if c.dep_ == "pcomp"]
    ordered = sorted(picked, key=lambda t: t.i)
    return " ".join(t.text for t in ordered)


def _is_reporting(token: Token) -> bool:
    return token.pos_ == "VERB" and token.lemma_.lower() in r.REPORTING_VERBS


# how many heads up from a clause its reporting verb is looked for: far enough for a
# relative clause inside reported speech ("X declared that Kyiv could forget about
# joining NATO, which Moscow regards as a threat": six), and a fixed bound keeps the
# work per clause constant
_REPORT_DEPTH = 12


def reporter_of(verb: Token) -> Source | None:
    """The source a clause is reported by.

    - the subject of the reporting verb whose clausal complement holds the clause,
      however deep ("officials believe that Trump will ...", "X declared that Kyiv
      could forget about joining NATO, which Moscow regards as a threat");
    - the subject of a reporting verb set in the clause ("Moscow, Peskov declared,
      could ...");
    - the one who urges, asks or invites the actor of an infinitive ("Washington
      urged Tehran to return": Washington, cue "urged").
    """
    if verb.pos_ not in VERBS:  # an apposition or a title: stated by the writer
        return None
    aside = _parenthetical_report(verb)
    if aside is not None:
        return aside
    current, own = verb, True  # own: the clause itself or a verb coordinated with it
    for _ in range(_REPORT_DEPTH):
        head = current.head
        if head.i == current.i:
            return None
        if own and current.dep_ in {r.XCOMP, r.CCOMP}:
            governor = controlled_by(current)
            if governor is not None:
                return source_of(governor[0])
        if current.dep_ == r.CCOMP and _is_reporting(head):
            return source_of(head)
        if current.dep_ == "advcl" and any(
            c.dep_ == "mark" and c.lower_ in r.ASIDE_MARKS for c in current.children
        ):
            return None  # "said ..., as officials traded warnings": the writer's aside
        own = own and current.dep_ == r.CONJ
        current = head
    return None


def _parenthetical_report(verb: Token) -> Source | None:
    """ "Moscow, Peskov declared, could forget about the loan": a reporting verb
    hung on the clause it reports, with no complement of its own."""
    for child in verb.children:
        if child.dep_ != "parataxis" or not _is_reporting(child):
            continue
        if not any(c.dep_ in {r.CCOMP, "dobj"} for c in child.children):
            return source_of(child)
    return None


def according_to(sentence_tokens: list[Token]) -> Source | None:
    """ "according to a VPost report" -> the report, cue "according to"."""
    for token in sentence_tokens:
        if token.lower_ != "according":
            continue
        to = next((c for c in token.children if c.lower_ == "to"), None)
        target = None
        if to is not None:
            target = next((c for c in to.children if c.dep_ == "pobj"), None)
        if target is not None:
            span = trim([t for t in target.subtree if t.dep_ not in {"acl", "relcl"}])
            if span is not None:
                return Source(span, target, "according to")
    return None


def quote_speakers(doc: Doc, max_sentence_tokens: int) -> Iterator[tuple[tuple[int, int], Source]]:
    """Each quotation with its speaker.

    The speaker is the subject of a reporting verb outside the quote in the sentence
    where it closes (after it) or opens (before it); a quote with none continues the
    previous quote's speaker when that quote ended in the sentence just before. A
    quote that opens or closes in a sentence longer than ``max_sentence_tokens`` is
    not read (the extraction skips that sentence).
    """
    sentences = _Sentences(doc)
    previous: tuple[Span, Source] | None = None  # the sentence where it closed
    for region in quote_regions(doc):
        opening = sentences.of(region[0])
        closing = sentences.of(_closing_token(doc, region))
        if max(len(opening), len(closing)) > max_sentence_tokens:
            continue
        source = _speaker_near(sentences, region, opening, closing)
        if source is None and previous is not None and opening.start <= previous[0].end + 1:
            source = previous[1]
        if source is not None:
            previous = (closing, source)
            yield region, source


class _Sentences:
    """The sentence of each token and the reporting verbs of each sentence, found
    once per Doc (``token.sent`` walks the sentence on every call)."""

    def __init__(self, doc: Doc) -> None:
        self.spans = list(doc.sents)
        self.number = [0] * len(doc)
        for number, sentence in enumerate(self.spans):
            self.number[sentence.start : sentence.end] = [number] * len(sentence)
        self._verbs: dict[int, tuple[list[int], list[Token]]] = {}

    def of(self, i: int) -> Span:
        return self.spans[self.number[i]]

    def reporting(self, sentence: Span) -> tuple[list[int], list[Token]]:
        """The positions and tokens of the reporting verbs in ``sentence``."""
        if sentence.start not in self._verbs:
            verbs = [t for t in sentence if _is_reporting(t)]
            self._verbs[sentence.start] = ([t.i for t in verbs], verbs)
        return self._verbs[sentence.start]


def _speaker_near(
    sentences: _Sentences, region: tuple[int, int], opening: Span, closing: Span
) -> Source | None:
    """The reporting verb nearest the quote, after its end or before its start."""
    start, end = region
    for verb in _nearest_verbs(sentences, region, opening, closing):
        source = source_of(verb)
        if source is not None and not (start <= source.head.i < end):
            return source
    return None


def _nearest_verbs(
    sentences: _Sentences, region: tuple[int, int], opening: Span, closing: Span
) -> Iterator[Token]:
    """The reporting verbs after the quote in its closing sentence and before it in
    its opening sentence, nearest first (after first on a tie), found by bisection
    so that a sentence of many quotes is not scanned once per quote."""
    start, end = region
    after_at, after = sentences.reporting(closing)
    before_at, before = sentences.reporting(opening)
    a = bisect_right(after_at, end)
    b = bisect_left(before_at, start) - 1
    while a < len(after) or b >= 0:
        if b < 0 or (a < len(after) and after_at[a] - end <= start - before_at[b]):
            yield after[a]
            a += 1
        else:
            yield before[b]
            b -= 1


def _closing_token(doc: Doc, region: tuple[int, int]) -> int:
    """Where a quote ends: its closing mark, or for a quote never closed (which runs
    to the end of its sentence, maybe the end of the text) its last token."""
    end = region[1]
    if end < len(doc) and doc[end].text in r.QUOTE_MARKS:
        return end
    return end - 1
