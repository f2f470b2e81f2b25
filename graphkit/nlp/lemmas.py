"""A pipeline component that repairs a systematic slip of spaCy's rule lemmatizer.

For "hopes", "hoped", "hoping" and "raged" the rule lemmatizer can strip the stem's
final "e" ("hop", "rag") when both stems are English verbs. English doubles a
final consonant before -ed/-ing when the stem ends in one ("hop" -> "hopped"), so an
undoubled form whose e-stem is a known verb comes from the e-stem.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

COMPONENT = "graphkit_verb_lemmas"
_VOWELS = frozenset("aeiou")


class VerbLemmaRepair:
    def __init__(self, verbs: frozenset[str]) -> None:
        self.verbs = verbs

    def __call__(self, doc: Doc) -> Doc:
        for token in doc:
            if token.pos_ in {"VERB", "AUX"}:
                better = repaired_lemma(token.lower_, token.lemma_, self.verbs)
                if better != token.lemma_:
                    token.lemma_ = better
        return doc


def repaired_lemma(form: str, lemma: str, verbs: frozenset[str]) -> str:
    """The e-stem when ``form`` is that stem inflected and ``lemma`` lost its "e".

    >>> verbs = frozenset({"hope", "hop", "rage", "rag", "visit"})
    >>> [repaired_lemma(f, l, verbs) for f, l in
    ...  [("hopes", "hop"), ("hoping", "hop"), ("hopped", "hop"), ("raged", "rag"),
    ...   ("visited", "visit")]]
    ['hope', 'hope', 'hop', 'rage', 'visit']
    """
    if len(lemma) < 2 or lemma[-1] in _VOWELS or lemma + "e" not in verbs:
        return lemma
    if form in {lemma + "es", lemma + "ed", lemma + "ing"}:
        return lemma + "e"
    return lemma


@Language.factory(COMPONENT, assigns=["token.lemma"], requires=["token.pos"])
def make_verb_lemma_repair(nlp: Language, name: str) -> VerbLemmaRepair:
    verbs: frozenset[str] = frozenset()
    if "lemmatizer" in nlp.pipe_names:
        lookups = getattr(nlp.get_pipe("lemmatizer"), "lookups", None)
        if lookups is not None and lookups.has_table("lemma_index"):
            verbs = frozenset(lookups.get_table("lemma_index").get("verb", []))
    return VerbLemmaRepair(verbs)
