"""Assertions that have no verb of their own: appositions.

"Dmitry Peskov, the Kremlin spokesman, said ..." states that Peskov *is* the Kremlin
spokesman. The relation is implied, so its text and lemma are "be" (see the README contract).
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span, Token

from graphkit.nlp.extract import rules as r
from graphkit.nlp.extract.clauses import Clause
from graphkit.nlp.extract.spans import expand_noun
from graphkit.nlp.words import ROLE_NOUNS

_NOMINAL = frozenset({"NOUN", "PROPN"})
_PERSONAL = frozenset({"PERSON", ""})  # "" : names the recognizer left untagged


def title_clauses(sentence: Span) -> Iterator[Clause]:
    """ "President Vladimir Putin" states that Putin is President: name -> title."""
    for token in sentence:
        # a person's name, not an organisation's ("the Foreign Ministry")
        if token.pos_ != "PROPN" or token.dep_ == "compound" or token.ent_type_ not in _PERSONAL:
            continue
        lefts = [c for c in token.lefts if c.dep_ == "compound"]
        names = [c for c in lefts if c.pos_ == "PROPN" and c.lower_ not in ROLE_NOUNS] + [token]
        titles = [c for c in lefts if c.lower_ in ROLE_NOUNS and c.i < names[0].i]
        if titles:
            # "Russian President", "the new US president-elect": whose office it is
            modifiers = [c for c in token.lefts if c.dep_ in {"amod", "compound"}]
            first = min([titles[0].left_edge, *modifiers], key=lambda t: t.i)
            while first.pos_ == "DET":
                first = first.doc[first.i + 1]
            title = (first.i, titles[-1].i + 1)
            yield _implied(token, (names[0].i, token.i + 1), titles[-1], title)


def _in_a_list(token: Token) -> bool:
    """Items of a list ("9.75 %, 8.75 %", "taxes, tax credits, smuggling") are often
    parsed as appositions; a quantity or a coordinated noun is never one."""
    if token.conjuncts or token.like_num or token.text in {"%", "$"}:
        return True
    after = token.doc[token.right_edge.i + 1 : token.right_edge.i + 3]
    if len(after) == 2 and after[0].text == "," and after[1].pos_ == "CCONJ":
        return True  # "advisor, secretary of state, and CIA director"
    return any(c.dep_ == "nummod" or c.text in {"%", "$"} for c in token.children)


def _implied(
    subject_head: Token, subject: tuple[int, int], object_head: Token, obj: tuple[int, int]
) -> Clause:
    return Clause(subject_head, subject_head, subject, subject_head, False, obj, object_head)


def apposition_clauses(sentence: Span) -> Iterator[Clause]:
    """One "be" clause per apposition: head noun phrase -> apposed noun phrase."""
    for token in sentence:
        if token.pos_ not in _NOMINAL:
            continue
        for appos in (c for c in token.children if c.dep_ == r.APPOS and c.pos_ in _NOMINAL):
            if _in_a_list(token) or _in_a_list(appos):
                continue
            subject, obj = expand_noun(token), expand_noun(appos)
            if subject is None or obj is None:
                continue
            yield _implied(token, subject, appos, obj)
