"""Actor mentions: named entities, unlabelled proper names, noun phrases, pronouns.

Each mention carries a ``hint`` read from the words around it, which the resolver
uses to type it: "the Donetsk and Luhansk regions" (region), "a VPost report" or
"quoted by VPost" (media), "a source", "another official" (an unnamed individual).
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Doc, Token

from graphkit.nlp.extract import rules as r
from graphkit.nlp.extract.spans import char_range, clause_span, head_phrase, span_text
from graphkit.types import Mention

_PLURAL_PRONOUNS = frozenset({"they", "them", "their", "we", "us", "our"})


def mention_of(head: Token, doc_id: str) -> Mention:
    """The actor-naming core of an argument headed by ``head``: the named entity over
    the head if there is one, else its proper name or noun phrase, or the pronoun."""
    doc = head.doc
    if head.pos_ in {"VERB", "AUX"}:  # a clausal object: "believe [that X will Y]"
        return _make(doc, doc_id, clause_span(head) or (head.i, head.i + 1), "CLAUSE", "singular")
    head = partitive_head(head)
    number = "plural" if head.tag_ in {"NNS", "NNPS"} else "singular"
    if head.ent_type_ in r.ACTOR_ENTITIES:
        return _make(doc, doc_id, entity_bounds(head), head.ent_type_, number)
    if head.pos_ == "PRON":
        number = "plural" if head.lower_ in _PLURAL_PRONOUNS else number
        return _make(doc, doc_id, (head.i, head.i + 1), "PRON", number)
    span = head_phrase(head)
    kind = "PROPN" if all(t.pos_ == "PROPN" for t in doc[span[0] : span[1]]) else "NOUN"
    return _make(doc, doc_id, span, kind, number)


def partitive_head(head: Token) -> Token:
    """ "Majority of Russian officials", "some of the diplomats": the people named."""
    if head.lemma_.lower() not in r.PARTITIVES:
        return head
    for prep in head.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            target = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if target is not None:
                return target
    return head


def _make(doc: Doc, doc_id: str, span: tuple[int, int], kind: str, number: str) -> Mention:
    start, end = char_range(doc, span)
    hint = mention_hint(doc[span[1] - 1])
    return Mention(doc_id, span_text(doc, span), start, end, kind, number, hint)


def entity_bounds(token: Token) -> tuple[int, int]:
    """Token range of the named entity ``token`` is in, from its IOB tags (scanning
    ``doc.ents`` for every argument would cost more than the parse)."""
    doc, start, end = token.doc, token.i, token.i + 1
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return start, end


def mention_hint(last: Token) -> str | None:
    """What the surrounding words say the phrase ending in ``last`` names."""
    first = last
    while first.dep_ == "conj" and first.head.i < first.i:  # "Donetsk and Luhansk regions"
        first = first.head
    governor = first.head
    if first.dep_ in {"compound", "nmod", "amod"} and governor.lemma_.lower() in r.REGION_NOUNS:
        return "region"
    if first.dep_ == "compound" and governor.lemma_.lower() in r.MEDIA_NOUNS:
        return "media"
    if first.dep_ == "pobj" and governor.lower_ == "by":  # "quoted by VPost"
        verb = governor.head
        if verb.lemma_.lower() in {"quote", "report", "publish", "cite"}:
            return "media"
    if any(c.dep_ == "det" and c.lower_ in r.INDEFINITE for c in last.children):
        return "indefinite"
    return None


def document_mentions(doc: Doc, doc_id: str, max_sentence_tokens: int) -> Iterator[Mention]:
    """Every named-entity mention of an actor kind, and every proper name the
    entity recognizer missed ("Donetsk", "VPost") as kind ``PROPN``, outside the
    sentences longer than ``max_sentence_tokens`` (which the extraction skips)."""
    covered: set[int] = set()
    for sentence in doc.sents:
        if len(sentence) > max_sentence_tokens:
            covered.update(range(sentence.start, sentence.end))
    for ent in doc.ents:
        if ent.start in covered:
            continue
        covered.update(range(ent.start, ent.end))
        # a nationality used as an adjective ("Russian officials") names no actor itself
        if ent.label_ in r.ACTOR_ENTITIES and ent.root.pos_ != "ADJ":
            number = "plural" if ent.root.tag_ in {"NNS", "NNPS"} else "singular"
            yield _make(doc, doc_id, (ent.start, ent.end), ent.label_, number)
    for token in doc:
        if token.pos_ != "PROPN" or token.i in covered or token.dep_ == "compound":
            continue
        span = head_phrase(token)
        if all(doc[i].pos_ == "PROPN" and i not in covered for i in range(*span)):
            yield _make(doc, doc_id, span, "PROPN", "singular")
