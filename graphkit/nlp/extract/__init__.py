"""Assertion extraction from parsed documents.

:func:`analyze_doc` is the only entry point: it takes a spaCy Doc and its Article
and returns a :class:`~graphkit.types.DocumentAnalysis` of plain dataclasses, so no
spaCy object leaves this package.
"""

from __future__ import annotations

from bisect import bisect_right
from itertools import chain

from spacy.tokens import Doc, Token

from graphkit.ids import assertion_id
from graphkit.nlp.extract import rules as r
from graphkit.nlp.extract.attribution import Source, according_to, quote_speakers, reporter_of
from graphkit.nlp.extract.clauses import Clause, verb_clauses
from graphkit.nlp.extract.mentions import document_mentions, mention_of
from graphkit.nlp.extract.nominal import apposition_clauses, title_clauses
from graphkit.nlp.extract.spans import char_range, span_text, words
from graphkit.nlp.pieces import MAX_SENTENCE_TOKENS
from graphkit.types import (
    Argument,
    Article,
    Assertion,
    Attribution,
    DocumentAnalysis,
    Mention,
    Qualifier,
    Relation,
)

__all__ = ["analyze_doc", "long_sentences"]

# the relation text of an apposition, which has no verb of its own
IMPLIED_COPULA = "be"


def analyze_doc(
    doc: Doc, article: Article, max_sentence_tokens: int = MAX_SENTENCE_TOKENS
) -> DocumentAnalysis:
    """Extract every assertion and actor mention of one parsed article.

    A sentence longer than ``max_sentence_tokens`` tokens is skipped (the caller
    reports it: :func:`long_sentences`), so the work per sentence is bounded."""
    quotes = _Quotes(list(quote_speakers(doc, max_sentence_tokens)))
    heads: dict[tuple[int, int], Mention] = {}
    assertions: dict[str, Assertion] = {}
    sentences = list(doc.sents)
    # the parser keeps line breaks in a sentence; its assertions hold the one text the
    # analysis lists (one string a sentence, not one an assertion: less to pickle back)
    texts = tuple(s.text.strip() for s in sentences)
    for index, sentence in enumerate(sentences):
        if len(sentence) > max_sentence_tokens:
            continue
        in_sentence = according_to(list(sentence))
        skipped = len(sentence.text) - len(sentence.text.lstrip())
        where = (index, texts[index], sentence.start_char + skipped)
        for clause in chain(
            verb_clauses(sentence), apposition_clauses(sentence), title_clauses(sentence)
        ):
            if _is_bare_report(clause, quotes):
                continue
            source = _source_for(clause, quotes) or in_sentence
            assertion = _assertion(doc, article, where, clause, source, heads)
            assertions.setdefault(assertion.id, assertion)
    mentions = tuple(document_mentions(doc, article.id, max_sentence_tokens))
    ordered = sorted(assertions.values(), key=lambda a: (a.subject.start, a.id))
    return DocumentAnalysis(
        article=article,
        sentences=texts,
        assertions=tuple(ordered),
        mentions=mentions,
        heads=heads,
    )


def long_sentences(doc: Doc, max_tokens: int = MAX_SENTENCE_TOKENS) -> list[tuple[int, int]]:
    """(index, length in tokens) of each sentence longer than ``max_tokens``."""
    return [
        (index, len(sentence))
        for index, sentence in enumerate(doc.sents)
        if len(sentence) > max_tokens
    ]


class _Quotes:
    """The quotations of a Doc with their speakers, in text order (they never
    overlap), looked up by bisection rather than a scan per clause."""

    def __init__(self, quotes: list[tuple[tuple[int, int], Source]]) -> None:
        self.quotes = quotes
        self.starts = [start for (start, _), _ in quotes]
        self.speakers = {source.head.i for _, source in quotes}

    def around(self, i: int) -> Source | None:
        """The speaker of the quotation that token ``i`` stands in, if any."""
        n = bisect_right(self.starts, i) - 1
        if n >= 0 and i < self.quotes[n][0][1]:
            return self.quotes[n][1]
        return None


def _is_bare_report(clause: Clause, quotes: _Quotes) -> bool:
    """ "..., an official was quoted as saying": the frame of a quote, not a claim."""
    if clause.object is not None or clause.verb.lemma_.lower() not in r.REPORTING_VERBS:
        return False
    return clause.subject_head.i in quotes.speakers


def _source_for(clause: Clause, quotes: _Quotes) -> Source | None:
    return quotes.around(clause.verb.i) or reporter_of(clause.predicate)


def _assertion(
    doc: Doc,
    article: Article,
    where: tuple[int, str, int],
    clause: Clause,
    source: Source | None,
    heads: dict[tuple[int, int], Mention],
) -> Assertion:
    subject = _argument(doc, article.id, clause.subject, clause.subject_head, heads)
    obj = None
    if clause.object is not None and clause.object_head is not None:
        obj = _argument(doc, article.id, clause.object, clause.object_head, heads)
    relation = Relation(
        text=words(doc, clause.relation) or IMPLIED_COPULA,
        lemma=clause.lemma,
        negated=clause.negated,
        modality=clause.modality,
        passive=clause.passive,
    )
    qualifiers = tuple(
        Qualifier(role, doc[s:e].text, *char_range(doc, (s, e)))
        for role, (s, e) in clause.qualifiers
    )
    attribution = None
    if source is not None:
        start, end = char_range(doc, source.span)
        heads[(start, end)] = mention_of(source.head, article.id)
        attribution = Attribution(span_text(doc, source.span), cue=source.cue, start=start, end=end)

    index, sentence, sentence_start = where  # the sentence's number, text and offset
    return Assertion(
        id=assertion_id(
            article.id,
            subject.start,
            subject.end,
            relation.text,
            obj and obj.start,
            obj and obj.end,
        ),  # fmt: skip
        doc=article.id,
        sentence=sentence,
        sentence_index=index,
        sentence_start=sentence_start,
        subject=subject,
        relation=relation,
        object=obj,
        qualifiers=qualifiers,
        attribution=attribution,
        hedged=clause.hedged,
        confidence=confidence(clause),
    )


def _argument(
    doc: Doc,
    doc_id: str,
    span: tuple[int, int],
    head: Token,
    heads: dict[tuple[int, int], Mention],
) -> Argument:
    start, end = char_range(doc, span)
    heads[(start, end)] = mention_of(head, doc_id)
    return Argument(text=span_text(doc, span), start=start, end=end)


# How often a clause read from each kind of predicate is right: main clauses are
# parsed best, participle and prepositional clauses worst.
_CLAUSE_RELIABILITY = {
    "ROOT": 0.85,
    "conj": 0.75,
    "nsubj": 0.75,
    "relcl": 0.65,
    "ccomp": 0.65,
    "advcl": 0.62,
    "xcomp": 0.62,
    "acl": 0.45,
    "pcomp": 0.45,
}


def confidence(clause: Clause) -> float:
    """A reliability score in [0, 1] from how directly the parse supports the clause.

    It starts from how reliable clauses of this kind are (main clause, coordinated,
    embedded, participle; appositions have no verb) and is lowered for a subject
    taken from another clause, a missing object and a long subject, and raised for a
    named subject. Only the order matters to users: it ranks the assertions.
    """
    if not clause.relation:  # implied "be": an apposition, or a title before a name
        return (
            0.55 if clause.object_head is not None and clause.object_head.dep_ == "appos" else 0.3
        )
    score = _CLAUSE_RELIABILITY.get(clause.predicate.dep_, 0.5)
    if clause.subject_inherited:
        score *= 0.85
    if clause.object is None:
        score *= 0.5
    if clause.subject[1] - clause.subject[0] > 8:
        score *= 0.8
    if clause.subject_head.pos_ == "PROPN" or clause.subject_head.ent_type_ in r.ACTOR_ENTITIES:
        score *= 1.05
    return round(min(0.99, max(0.05, score)), 3)
