"""Readers of article sources: plain text, JSON Lines, saved HTML pages, RSS/Atom feeds.

Each reader yields :class:`~graphkit.types.Article` objects and, for whatever it
cannot read, an :class:`~graphkit.types.InputProblem` naming the input (and line)
and the problem; it never raises on bad input. :mod:`graphkit.ingest` picks the
reader from the file's suffix.
"""
