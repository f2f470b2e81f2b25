"""A pipeline component that starts a sentence at every line break.

News text puts one paragraph per line; the parser otherwise sometimes runs a
paragraph's last quotation into the next paragraph's first sentence. It runs before
the parser, which keeps sentence starts set before it.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

COMPONENT = "graphkit_paragraphs"


@Language.component(COMPONENT, assigns=["token.is_sent_start"])
def paragraph_starts(doc: Doc) -> Doc:
    """Mark the first word after a line break as a sentence start."""
    for token in doc[1:]:
        before = doc[token.i - 1]
        if token.is_space:
            continue
        if "\n" in before.whitespace_ or (before.is_space and "\n" in before.text):
            token.is_sent_start = True
    return doc
