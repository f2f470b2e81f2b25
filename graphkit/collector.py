"""Python's cycle collector, paused for the stages that make many objects and no cycles.

Pausing alone only puts the walks off: the first collection after a pause walked
every object the stage had made (the analyses, the corpus, the lines' columns), and
each full one after it walked them again, 4.2 s of the main process's CPU in a build
of 1,000 articles, most of it while the workers parse (issue 15). So what a paused
stage leaves alive is frozen (:func:`gc.freeze`: kept out of every collection, freed
as usual when no longer referred to) and given back to the collector when the build,
analysis or view that paused it ends (:func:`collector_restored`), so a program that
calls graphkit many times keeps no garbage cycle of it for good. Outside such a
scope (a stage's function called alone) a pause only pauses.
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator

__all__ = ["collector_paused", "collector_restored"]

_restoring = [0]  # the collector_restored scopes open: a pause freezes only within one


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """Python's cycle collector paused: each collection walks every object alive (the
    corpus, the parse results) again, and the stages it is paused for make hundreds of
    thousands of objects and no cycles. It took a third of the resolution's time at
    2,000 articles, and 2.0 s of the graph's lines' 6.8 s at 1,000 (issue 15). Within
    :func:`collector_restored`, what is alive when it ends is frozen (see the module
    docstring).

    >>> import gc
    >>> with collector_restored():
    ...     with collector_paused():
    ...         paused = gc.isenabled()
    ...         kept = [[n] for n in range(1_000)]
    ...     frozen = gc.get_freeze_count() >= 1_000
    >>> with collector_paused():
    ...     alone = [[n] for n in range(1_000)]
    >>> paused, frozen, gc.isenabled(), gc.get_freeze_count()
    (False, True, True, 0)
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            if _restoring[0]:
                gc.freeze()
            gc.enable()


@contextlib.contextmanager
def collector_restored() -> Iterator[None]:
    """What :func:`collector_paused` froze within given back to the collector at the
    end, unless something was frozen before it began (a caller's own ``gc.freeze``,
    or an outer :func:`collector_restored`, which gives it back itself)."""
    outermost = gc.get_freeze_count() == 0
    _restoring[0] += 1
    try:
        yield
    finally:
        _restoring[0] -= 1
        if outermost:
            gc.unfreeze()
