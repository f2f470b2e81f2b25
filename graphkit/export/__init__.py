"""Exports of a built graph: every format of :data:`graphkit.export.formats.FORMATS`
(Turtle, JSON Lines, HTML, N-Triples, TriG, JSON-LD, GraphML, GEXF, CSV) and the
analyst's HTML views (:mod:`graphkit.export.html`).

Each format module has pure ``generate_*`` functions that return the text; the one
writer, :func:`graphkit.export.formats.write_exports`, puts them in a folder. Nothing
heavy is imported here: a format's module is loaded when it is written.
"""
