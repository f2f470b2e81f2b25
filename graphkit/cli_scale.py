"""The command line of scale (issue 15): the commands that put the graph in a SPARQL
server, ``graphkit serve`` and ``graphkit push`` (registered on the app by
:mod:`graphkit.cli`), the ``--dask`` option and the query target that may be a
folder or an endpoint (:mod:`graphkit.cli` has a size limit, and these belong
together).

Thin, as every command: the work is in :mod:`graphkit.sparql`; a failure is a
:class:`~graphkit.errors.GraphkitError` that :func:`graphkit.cli.main` prints as one
line with exit code 2.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape

__all__ = [
    "PUSH_EXAMPLES", "SERVE_EXAMPLES", "Dask", "GraphOrEndpoint", "GraphOrFolder", "push",
    "register_scale", "serve",
]  # fmt: skip

err = Console(stderr=True)

Dask = Annotated[
    str | None,
    typer.Option(
        "--dask",
        help="Parse and extract on a Dask cluster: its scheduler (tcp://host:8786), or "
        "local[:N] for N local worker processes.",
    ),
]
GraphOrEndpoint = Annotated[
    str,
    typer.Argument(
        help="An exported graph (.ttl, .nt, .trig, .jsonld), an export folder (queried "
        "in its on-disk store), or a SPARQL endpoint URL (http://127.0.0.1:7878/query).",
    ),
]
GraphOrFolder = Annotated[
    Path,
    typer.Argument(
        help="An exported graph (.ttl, .nt, .trig, .nq, .jsonld), or an export folder "
        "(read from its on-disk store; by view, from the columns its build kept).",
        exists=True, readable=True,
    ),
]  # fmt: skip

ExportFolder = Annotated[
    Path,
    typer.Argument(
        help="An export folder (graphkit build --out): its graph.ttl is served or sent.",
        exists=True, file_okay=False,
    ),
]  # fmt: skip


SERVE_EXAMPLES = (
    "**Examples**\n\n"
    "    graphkit serve exports/                       # http://127.0.0.1:7878/query\n\n"
    "    graphkit serve exports/ --port 8890\n\n"
    "    graphkit serve exports/ --bind 0.0.0.0        # reachable from other machines\n\n"
    "Then: graphkit query http://127.0.0.1:7878/query negated, or any SPARQL client."
)


def serve(
    folder: ExportFolder,
    port: Annotated[int, typer.Option("--port", min=1, max=65535, help="TCP port.")] = 7878,
    bind: Annotated[
        str, typer.Option("--bind", help="Address to listen on (0.0.0.0: every interface).")
    ] = "127.0.0.1",
) -> None:
    """Serve the graph with Oxigraph's SPARQL server (read-only) until Ctrl-C."""
    import signal

    from graphkit.sparql.server import serving

    # SIGTERM stops the server as Ctrl-C does, instead of leaving it behind
    signal.signal(signal.SIGTERM, signal.default_int_handler)
    try:
        with serving(folder, port=port, bind=bind) as served:
            err.print(
                f"serving {escape(str(folder))} (store {escape(str(served.store))}); "
                f"SPARQL endpoint {served.query_url}; Ctrl-C stops",
                highlight=False, soft_wrap=True,
            )  # fmt: skip
            print(served.query_url, flush=True)
            code = served.process.wait()
            said = served.log.read_text(encoding="utf-8", errors="replace").strip()
            err.print(f"[red]error:[/] the server stopped (exit {code}): {escape(said)}")
            raise typer.Exit(2)
    except KeyboardInterrupt:
        err.print("stopped")


PUSH_EXAMPLES = (
    "**Examples**\n\n"
    "    graphkit push exports/ --to http://127.0.0.1:7878/store            # Oxigraph\n\n"
    "    graphkit push exports/ --to http://localhost:3030/news/data        # Fuseki\n\n"
    "    graphkit push exports/ --to https://user:secret@db.example/repositories/news/"
    "rdf-graphs/service --graph https://example.org/graphs/news --replace"
)


def push(
    folder: ExportFolder,
    to: Annotated[str, typer.Option("--to", help="The Graph Store Protocol endpoint's URL.")],
    graph: Annotated[
        str | None,
        typer.Option("--graph", help="Named graph IRI to send to [default: the default graph]."),
    ] = None,
    replace: Annotated[
        bool, typer.Option("--replace", help="Replace the graph's content (PUT), not add to it.")
    ] = False,
) -> None:
    """Send the graph to a SPARQL 1.1 Graph Store Protocol endpoint (streamed)."""
    from graphkit.sparql.push import push as send

    pushed = send(folder, to, graph=graph, replace=replace)
    err.print(
        f"sent {escape(str(pushed.file))} ({pushed.bytes:,} bytes) to "
        f"{escape(pushed.url)}: HTTP {pushed.status}",
        highlight=False, soft_wrap=True,
    )  # fmt: skip


def register_scale(app: typer.Typer) -> None:
    """Add ``serve`` and ``push`` to the command line ``app``."""
    app.command(epilog=SERVE_EXAMPLES)(serve)
    app.command(epilog=PUSH_EXAMPLES)(push)
