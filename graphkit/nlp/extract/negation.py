"""Negation carried by words other than "not": "no X", "none", "nobody", "nothing",
"neither ... nor"; and "not just X", which denies nothing.

Each test looks only at a token, its own children and its neighbour in the text, so
the work per clause does not grow with the sentence.
"""

from __future__ import annotations

from spacy.tokens import Token

from graphkit.nlp.extract import rules as r


def denies(neg: Token) -> bool:
    """Whether a ``neg`` token denies its verb: "did not sign" does, "was not just
    a courtesy call" and "not only ... but also" do not (they add)."""
    following = neg.doc[neg.i + 1] if neg.i + 1 < len(neg.doc) else None
    return following is None or following.lower_ not in r.NOT_DENYING


def negative_argument(head: Token) -> bool:
    """Whether a subject or direct object denies its clause: "no progress", "no
    one", "nothing", "none of the sections", "neither Paris", "nor the protocol"."""
    if head.lower_ in r.NEGATIVE_PRONOUNS and head.pos_ in {"PRON", "NOUN", "DET"}:
        return True
    for child in head.children:
        if child.dep_ in {"det", "preconj"} and child.lower_ in r.NEGATIVE_DETERMINERS:
            return True
    return _after_nor(head.left_edge)


def bare_negative(head: Token) -> bool:
    """ "nothing", "nobody", "none" standing alone (not "none of the sections"): the
    word is the whole denial and names nothing."""
    if head.lower_ not in r.NEGATIVE_PRONOUNS:
        return False
    return not any(c.dep_ == r.PREP and c.lower_ == "of" for c in head.children)


def nor_verb(verb: Token) -> bool:
    """ "neither seen the hall nor received the information": the second verb of a
    neither ... nor pair (the first has "neither" as its child)."""
    return verb.dep_ == r.CONJ and _after_nor(verb.left_edge)


def neither_of(verb: Token) -> Token | None:
    """The "neither" that opens a verb pair: "would neither end the war"."""
    for child in verb.lefts:
        if child.dep_ in {"preconj", "det", "cc"} and child.lower_ == "neither":
            return child
    return None


def _after_nor(first: Token) -> bool:
    # the token before a sentence's first word ends the previous sentence: never "nor"
    return first.i > 0 and first.doc[first.i - 1].lower_ == "nor"
