"""A self-contained HTML view: vis-network (shipped with pyvis) inlined, no CDN.

Article text is untrusted: the graph data is embedded as JSON inside a
``<script type="application/json">`` block with ``<``, ``>`` and ``&`` escaped, and
the page's script only ever puts it into the DOM with ``textContent``. The page's
Content-Security-Policy forbids it any request, so it works offline and leaks nothing.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

import pyoxigraph as ox
import pyvis
from jinja2 import Environment, PackageLoader, select_autoescape

from graphkit.errors import ExportError
from graphkit.export.html.data import generate_view_data

VIS_VERSION = "vis-9.1.2"
# The page's own script, in this order: state and filters, labels, panels, time,
# take-away, then the controls, which start the page.
SCRIPTS = ("view.js", "labels.js", "panel.js", "time.js", "export.js", "controls.js")
Links = Sequence[tuple[str, str]]  # (text, relative href) shown under the page title


@lru_cache(maxsize=1)
def _vis_assets() -> tuple[str, str]:
    lib = Path(pyvis.__file__).parent / "templates" / "lib" / VIS_VERSION
    try:
        js = (lib / "vis-network.min.js").read_text(encoding="utf-8")
        css = (lib / "vis-network.css").read_text(encoding="utf-8")
    except OSError as exc:
        raise ExportError(f"pyvis's bundled vis-network is missing ({lib}): {exc}") from exc
    return js, css


@lru_cache(maxsize=1)
def templates() -> Environment:
    """The Jinja environment of ``graphkit/export/html/templates``, autoescaping everything."""
    return Environment(
        loader=PackageLoader("graphkit.export.html", "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        keep_trailing_newline=True,
    )


@lru_cache(maxsize=2)
def _view_js(capped: bool = False) -> str:
    """The page's own script, its files read as plain text (not templates: braces are
    JS) and joined; a capped view (:mod:`graphkit.export.html.big`) adds its own."""
    env = templates()
    parts = []
    for name in (*SCRIPTS, "capped.js") if capped else SCRIPTS:
        source = env.loader.get_source(env, name)[0] if env.loader else ""
        if not source or "</script" in source.lower():
            raise ExportError(
                f"graphkit/export/html/templates/{name} is missing or closes its <script>"
            )
        parts.append(source if source.endswith("\n") else source + "\n")
    return "".join(parts)


def script_safe_json(data: Any) -> str:
    """JSON that cannot close a ``<script>`` element or open a comment.

    >>> script_safe_json({"name": "</script><b>&"})
    '{"name": "\\\\u003c/script\\\\u003e\\\\u003cb\\\\u003e\\\\u0026"}'
    """
    text = json.dumps(data, ensure_ascii=False, sort_keys=True)
    for char, escape in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026")):
        text = text.replace(char, escape)
    return text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")


def render_html(data: dict[str, Any], title: str = "graphkit", links: Links = ()) -> str:
    """The page for view data from :func:`graphkit.export.html.data.generate_view_data`."""
    js, css = _vis_assets()
    return (
        templates()
        .get_template("graph.html.j2")
        .render(
            title=title,
            links=list(links),
            data_json=script_safe_json(data),
            vis_js=js,
            vis_css=css,
            view_js=_view_js("capped" in data),
            node_count=sum(1 for n in data["nodes"] if n["actor"]),
            edge_count=sum(1 for e in data["edges"] if e["actors"]),
            capped=data.get("capped"),
        )
    )


def generate_html(
    graph: ox.Store,
    title: str = "graphkit",
    *,
    actor: str | None = None,
    hops: int = 1,
    min_confidence: float = 0.0,
    links: Links = (),
) -> str:
    """The view of ``graph``, or of ``actor``'s (an entity IRI) ``hops``-neighbourhood
    (laid out afresh: a build keeps earlier places, see
    :func:`graphkit.export.html.views.write_views`)."""
    data = generate_view_data(graph, actor=actor, hops=hops, min_confidence=min_confidence)
    return render_html(data, title, links)
