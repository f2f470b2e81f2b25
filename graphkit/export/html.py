"""A self-contained HTML view: vis-network (shipped with pyvis) inlined, no CDN.

Article text is untrusted: the graph data is embedded as JSON inside a
``<script type="application/json">`` block with ``<``, ``>`` and ``&`` escaped, and
the page's script only ever puts it into the DOM with ``textContent``.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import Any

import pyvis
from jinja2 import Environment, PackageLoader, select_autoescape
from rdflib import Graph

from graphkit.errors import ExportError
from graphkit.export.files import atomic_write
from graphkit.export.view import generate_view_data

VIS_VERSION = "vis-9.1.2"


@lru_cache(maxsize=1)
def _vis_assets() -> tuple[str, str]:
    lib = Path(pyvis.__file__).parent / "templates" / "lib" / VIS_VERSION
    try:
        js = (lib / "vis-network.min.js").read_text(encoding="utf-8")
        css = (lib / "vis-network.css").read_text(encoding="utf-8")
    except OSError as exc:
        raise ExportError(f"pyvis's bundled vis-network is missing ({lib}): {exc}") from exc
    return js, css


def script_safe_json(data: Any) -> str:
    """JSON that cannot close a ``<script>`` element or open a comment.

    >>> script_safe_json({"name": "</script><b>&"})
    '{"name": "\\\\u003c/script\\\\u003e\\\\u003cb\\\\u003e\\\\u0026"}'
    """
    text = json.dumps(data, ensure_ascii=False, sort_keys=True)
    for char, escape in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026")):
        text = text.replace(char, escape)
    return text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")


def generate_html(graph: Graph, title: str = "graphkit") -> str:
    env = Environment(
        loader=PackageLoader("graphkit.export", "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        keep_trailing_newline=True,
    )
    js, css = _vis_assets()
    data = generate_view_data(graph)
    return env.get_template("graph.html.j2").render(
        title=title,
        data_json=script_safe_json(data),
        vis_js=js,
        vis_css=css,
        node_count=len(data["nodes"]),
        edge_count=len(data["edges"]),
    )


def write_html(graph: Graph, path: Path, title: str = "graphkit") -> Path:
    return atomic_write(path, generate_html(graph, title))
