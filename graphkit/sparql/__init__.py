"""The graph in a real SPARQL server: an export folder's on-disk store
(:mod:`~graphkit.sparql.store`), Oxigraph's own server on it
(:mod:`~graphkit.sparql.server`, ``graphkit serve``), queries over the SPARQL
protocol (:mod:`~graphkit.sparql.remote`) and the graph sent to any SPARQL 1.1 Graph
Store Protocol endpoint (:mod:`~graphkit.sparql.push`, ``graphkit push``).

Nothing here is imported by ``import graphkit``: httpx and the server's process
are loaded by the commands that use them.
"""

from __future__ import annotations

__all__: list[str] = []
