"""Assertions that have no verb of their own: appositions.

"Dmitry Peskov, the Kremlin spokesman, said ..." states that Peskov *is* the Kremlin
spokesman. The relation is implied, so its text is "is" (see the README contract).
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span

from graphkit.extractor import rules as r
from graphkit.extractor.clauses import Clause
from graphkit.extractor.spans import expand_noun

_NOMINAL = frozenset({"NOUN", "PROPN"})


def apposition_clauses(sentence: Span) -> Iterator[Clause]:
    """One "is" clause per apposition: head noun phrase -> apposed noun phrase."""
    for token in sentence:
        if token.pos_ not in _NOMINAL:
            continue
        for appos in (c for c in token.children if c.dep_ == r.APPOS and c.pos_ in _NOMINAL):
            subject, obj = expand_noun(token), expand_noun(appos)
            if subject is None or obj is None:
                continue
            yield Clause(
                predicate=token,
                verb=token,
                subject=subject,
                subject_head=token,
                subject_inherited=False,
                object=obj,
                object_head=appos,
                qualifiers=(),
                relation=(),
                lemma="be",
                negated=False,
                modality=None,
                hedged=False,
                passive=False,
            )
