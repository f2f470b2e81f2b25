"""The ``graphkit`` command line: thin commands over :mod:`graphkit.pipeline`.

Data goes to stdout, messages to stderr. Exit codes: 0 success; 1 some inputs
failed but the rest was built; 2 nothing could be done (bad input, model, query).
"""

from __future__ import annotations

import functools
import inspect
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, Any, TypeVar, cast

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from graphkit import pipeline
from graphkit.analysis.events import events_csv, events_json, events_table, read_events
from graphkit.analysis.query import format_csv, format_json, parse_params
from graphkit.analysis.query_safety import DEFAULT_LIMIT, DEFAULT_TIMEOUT
from graphkit.analysis.stats import generate_stats, stats_json, stats_tables
from graphkit.analysis.validate import validate_file
from graphkit.cli_scale import Dask, GraphOrEndpoint, GraphOrFolder, register_scale
from graphkit.corpus.records import generate_jsonl, stream_jsonl
from graphkit.errors import GraphkitError
from graphkit.export.formats import FORMATS
from graphkit.export.html.views import write_view
from graphkit.files import atomic_write, interrupts_noted, stop_if_interrupted
from graphkit.ingest.dates import parse_day
from graphkit.ingest.report import exit_code_for
from graphkit.options import AnalysisOptions
from graphkit.sparql.store import open_graph, open_view_graph
from graphkit.terminal import StageBars, printable
from graphkit.types import InputProblem

app = typer.Typer(
    help="Turn news articles about geopolitical actors into a knowledge graph.",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode="markdown",
    pretty_exceptions_enable=False,
)
err = Console(stderr=True)
out = Console()
DEFAULTS = AnalysisOptions()

Inputs = Annotated[
    list[str],
    typer.Argument(
        help="Text (.txt), JSON Lines (.jsonl), saved pages (.html), RSS/Atom feeds "
        "(.rss, .atom, .xml), folders of them, or - for standard input."
    ),
]
GraphFile = Annotated[
    Path,
    typer.Argument(
        help="An exported graph (.ttl, .nt, .trig, .nq, .jsonld).",
        exists=True, dir_okay=False, readable=True,
    ),
]  # fmt: skip
Model = Annotated[str, typer.Option("--model", help="Installed spaCy pipeline to use.")]
BatchSize = Annotated[int, typer.Option("--batch-size", min=1, help="Texts per nlp.pipe batch.")]
Processes = Annotated[int, typer.Option("--processes", min=1, help="Parse+extract processes.")]
Aliases = Annotated[
    Path | None,
    typer.Option("--aliases", help="Alias file (JSON, see README) to force or forbid merges."),
]
Events = Annotated[
    Path | None,
    typer.Option("--events", help="Event dictionary (TSV, see README) added to the built-in one."),
]
Metonymy = Annotated[
    bool,
    typer.Option(
        "--metonymy/--no-metonymy", help="Read an acting capital as its country's government."
    ),
]


def _valid_date(value: str | None) -> str | None:
    try:
        return None if value is None else parse_day(value).isoformat()
    except ValueError as exc:
        raise typer.BadParameter(str(exc)) from exc


PubDate = Annotated[
    str | None,
    typer.Option(
        "--date",
        callback=_valid_date,
        help="Publication date (YYYY-MM-DD) of articles whose metadata gives none; "
        "'on Wednesday', 'by January' are read against it.",
    ),
]


# The analysis options of build and extract, written once: (parameter, type, field).
_ANALYSIS_PARAMETERS = (
    ("model", Model, "model"),
    ("batch_size", BatchSize, "batch_size"),
    ("processes", Processes, "n_process"),
    ("date", PubDate, "date"),
    ("aliases", Aliases, "aliases"),
    ("metonymy", Metonymy, "metonymy"),
    ("events", Events, "events"),
    ("dask", Dask, "dask"),
)
Command = TypeVar("Command", bound=Callable[..., None])


def with_analysis_options(command: Command) -> Command:
    """Give ``command`` the options of :data:`_ANALYSIS_PARAMETERS` (as typer sees its
    signature) and call it with them as one ``options`` (:class:`AnalysisOptions`)."""
    signature = inspect.signature(command, eval_str=True)
    kept = [p for p in signature.parameters.values() if p.name != "options"]
    added = [
        inspect.Parameter(name, inspect.Parameter.KEYWORD_ONLY, annotation=kind,
                          default=getattr(DEFAULTS, field))
        for name, kind, field in _ANALYSIS_PARAMETERS
    ]  # fmt: skip

    @functools.wraps(command)
    def run(*args: Any, **kwargs: Any) -> None:
        settings = {field: kwargs.pop(name) for name, _, field in _ANALYSIS_PARAMETERS}
        command(*args, options=AnalysisOptions(**settings), **kwargs)

    run.__signature__ = signature.replace(parameters=[*kept, *added])  # type: ignore[attr-defined]
    return cast(Command, run)


def _report_problems(problems: tuple[InputProblem, ...] | list[InputProblem]) -> None:
    for problem in problems:
        # a warning says so itself ("file: warning: ..."); an error gets the prefix
        prefix = "" if problem.warning else "[red]error:[/] "
        # soft_wrap: one line per problem, whatever the width, so it can be grepped
        text = escape(printable(str(problem)))
        err.print(f"{prefix}{text}", highlight=False, soft_wrap=True)


@contextmanager
def _on_interrupt() -> Iterator[None]:
    """Ctrl-C: one line and exit code 130; every export is written whole or not at
    all (atomic_write), so the previous ones are still there, unchanged."""
    try:
        with interrupts_noted():
            yield
    except KeyboardInterrupt:
        err.print("[red]interrupted:[/] the previous exports are left as they were")
        raise typer.Exit(130) from None


@app.command(
    epilog="**Examples**\n\n"
    "    graphkit build seeds/ --out exports/\n\n"
    "    graphkit build news.jsonl more/ --out build/ --model en_core_web_lg\n\n"
    "    graphkit build today/ --into exports/        # add new articles to a graph\n\n"
    "    graphkit build seeds/ --out build/ --formats all\n\n"
    "    graphkit build seeds/ --formats turtle,trig,gexf,csv\n\n"
    "    graphkit build seeds/ --aliases my-actors.json --no-metonymy"
)
@with_analysis_options
def build(
    inputs: Inputs,
    out_dir: Annotated[
        Path | None,
        typer.Option("--out", help="Folder for the exports [default: exports, or the --into one]."),
    ] = None,
    into: Annotated[
        Path | None,
        typer.Option("--into", help="Add the articles to the graph exported in this folder."),
    ] = None,
    formats: Annotated[
        str, typer.Option("--formats", help=f"Comma-separated: {', '.join(FORMATS)}; all; default.")
    ] = "default",
    options: AnalysisOptions = DEFAULTS,
) -> None:
    """Build the graph: writes graph.ttl, graph.html and assertions.jsonl (or --formats)."""
    with _on_interrupt(), StageBars(err) as bars:

        def stages(stage: str, done: int, total: int) -> None:
            stop_if_interrupted()  # a Ctrl-C Python lost stops the build at its next step
            bars(stage, done, total)

        result = pipeline.build(
            inputs, out=out_dir, into=into, formats=formats, options=options, stages=stages
        )
    _report_problems(result.problems)
    totals = result.totals
    summary = Table(title="graphkit build", show_header=False)
    for name, value in (
        ("documents", totals.documents),
        ("sentences", totals.sentences),
        ("entities", totals.entities),
        ("assertions", totals.assertions),
        ("seconds", f"{result.seconds:.1f}"),
    ):
        summary.add_row(name, str(value))
    for path in result.outputs.values():
        summary.add_row("wrote", str(path))
    err.print(summary)
    if result.exit_code == 2:
        err.print("[red]error:[/] no article could be read; nothing was written")
    raise typer.Exit(result.exit_code)


@app.command(
    epilog="**Examples**\n\n"
    "    graphkit extract seeds/ -o assertions.jsonl\n\n"
    "    graphkit extract article.txt -o - | jq .relation.lemma"
)
@with_analysis_options
def extract(
    inputs: Inputs,
    output: Annotated[
        str, typer.Option("-o", "--output", help="JSON Lines file, or - for stdout.")
    ] = "-",
    options: AnalysisOptions = DEFAULTS,
) -> None:
    """Extract assertions only, as JSON Lines (the contract in the README)."""
    corpus = pipeline.analyze(inputs, options=options)
    _report_problems(corpus.problems)
    if output == "-":
        stream_jsonl(corpus.assertions, sys.stdout)
    else:
        atomic_write(Path(output), generate_jsonl(corpus.assertions))
        err.print(f"{len(corpus.assertions)} assertions -> {output}")
    raise typer.Exit(exit_code_for(corpus))


@app.command(
    epilog="**Examples**\n\n"
    "    graphkit query exports/graph.ttl negated\n\n"
    "    graphkit query exports/graph.ttl my-query.rq --format csv\n\n"
    "    graphkit query exports/graph.ttl 'SELECT ?l WHERE { ?e rdfs:label ?l } LIMIT 5'\n\n"
    '    graphkit query exports/graph.ttl actor --param actor="Vladimir Putin"\n\n'
    "    graphkit query exports/ negated               # the folder's on-disk store\n\n"
    "    graphkit query http://127.0.0.1:7878/query claims   # a SPARQL endpoint\n\n"
    "    graphkit query exports/graph.trig between --param actor=Putin --param other=Trump\n\n"
    "Shipped queries: actor, between, claims, negated, statements, anonymous-sources, hopes, "
    "most-connected, events, dyad."
)
def query(
    graph: GraphOrEndpoint,
    sparql: Annotated[str, typer.Argument(help="SPARQL text, a .rq file, or a shipped query.")],
    fmt: Annotated[str, typer.Option("--format", help="table, csv or json.")] = "table",
    param: Annotated[
        list[str] | None,
        typer.Option("--param", help="name=value: binds ?name to the string value (repeatable)."),
    ] = None,
    allow_service: Annotated[
        bool,
        typer.Option(
            "--allow-service", help="Allow SERVICE, which queries other endpoints over the network."
        ),
    ] = False,
    timeout: Annotated[
        float, typer.Option("--timeout", min=0, help="Seconds to wait for the query; 0: no limit.")
    ] = DEFAULT_TIMEOUT,
    limit: Annotated[
        int, typer.Option("--limit", min=1, help="Rows to read at most; the rest is cut.")
    ] = DEFAULT_LIMIT,
) -> None:
    """Run a read-only SPARQL SELECT or ASK query (graphkit prefixes are predeclared)."""
    if fmt not in {"table", "csv", "json"}:
        raise GraphkitError(f"--format must be table, csv or json, not {fmt!r}")
    from graphkit.sparql.remote import run_query_at

    result = run_query_at(
        graph, sparql, parse_params(param or []),
        allow_service=allow_service, timeout=timeout or None, limit=limit,
    )  # fmt: skip
    if fmt == "csv":
        sys.stdout.write(format_csv(result))
    elif fmt == "json":
        sys.stdout.write(format_json(result))
    else:
        table = Table(*result.variables, show_lines=False)
        for row in result.rows:
            # text is neither markup nor terminal control
            table.add_row(*("" if v is None else escape(printable(v)) for v in row))
        out.print(table)
        err.print(f"{len(result.rows)} rows")
    if result.truncated:
        err.print(
            f"[yellow]warning:[/] the result was cut at {limit:,} rows (--limit N to read more)"
        )


Day = Annotated[str | None, typer.Option(help="YYYY-MM-DD, YYYY-MM or YYYY, inclusive.")]


@app.command(
    epilog="**Examples**\n\n"
    "    graphkit events exports/graph.ttl --format csv > events.csv\n\n"
    "    graphkit events exports/graph.trig --actor RUS --since 2025-01 --format json"
)
def events(
    graph: GraphFile,
    fmt: Annotated[str, typer.Option("--format", help="table, csv or json.")] = "table",
    actor: Annotated[str | None, typer.Option(help="A name, alias or actor code.")] = None,
    since: Day = None,
    until: Day = None,
) -> None:
    """List the coded events (PLOVER), one a row; columns named as POLECAT's (README)."""
    if fmt not in {"table", "csv", "json"}:
        raise GraphkitError(f"--format must be table, csv or json, not {fmt!r}")
    rows = read_events(graph, actor=actor, since=since, until=until)
    if fmt == "table":
        out.print(events_table(rows))
    else:
        sys.stdout.write((events_csv if fmt == "csv" else events_json)(rows))
    err.print(f"{len(rows)} event{'' if len(rows) == 1 else 's'}")


@app.command(
    epilog="**Examples**\n\n"
    "    graphkit stats exports/graph.ttl\n\n"
    "    graphkit stats exports/                   # the folder's on-disk store\n\n"
    "    graphkit stats exports/graph.nt --top 20\n\n"
    "    graphkit stats exports/graph.ttl --format json | jq .communities"
)
def stats(
    graph: GraphOrFolder,
    top: Annotated[int, typer.Option("--top", min=1, help="Actors in each ranking.")] = 10,
    fmt: Annotated[str, typer.Option("--format", help="table or json.")] = "table",
) -> None:
    """Counts, degree and betweenness centrality, components and communities."""
    if fmt not in {"table", "json"}:
        raise GraphkitError(f"--format must be table or json, not {fmt!r}")
    with open_graph(graph) as store:
        result = generate_stats(store, top=top)
    if fmt == "json":
        sys.stdout.write(stats_json(result))
    else:
        out.print(*stats_tables(result))


@app.command(
    epilog="**Examples**\n\n"
    "    graphkit view exports/graph.ttl -o putin.html --actor Putin --hops 2\n\n"
    "    graphkit view exports/graph.ttl -o sure.html --min-confidence 0.8\n\n"
    "The file opens offline in any browser; `graphkit build` also writes views/ and "
    "index.html for the most-connected actors."
)
def view(
    graph: GraphOrFolder,
    output: Annotated[Path, typer.Option("-o", "--output", help="HTML file to write.")] = Path(
        "view.html"
    ),
    actor: Annotated[
        str | None, typer.Option("--actor", help="Show only this actor's neighbourhood.")
    ] = None,
    hops: Annotated[int, typer.Option("--hops", min=0, help="Neighbourhood radius.")] = 1,
    min_confidence: Annotated[
        float,
        typer.Option("--min-confidence", min=0.0, max=1.0, help="Leave out weaker claims."),
    ] = 0.0,
) -> None:
    """Write an interactive HTML view of a graph, or of one actor's neighbourhood."""
    with open_view_graph(graph) as read:
        written = write_view(read, output, actor, hops, min_confidence, graph.name or str(graph))
    err.print(
        f"{escape(written.title)}: {written.nodes} actors and concepts, "
        f"{written.edges} relations -> {escape(str(written.path))}",
        highlight=False,
    )


@app.command(
    epilog="**Examples**\n\n"
    "    graphkit validate exports/graph.ttl\n\n"
    "    graphkit validate graph.ttl --shapes my-shapes.ttl"
)
def validate(
    graph: GraphFile,
    shapes: Annotated[
        Path | None, typer.Option("--shapes", help="SHACL shapes (default: graphkit's).")
    ] = None,
) -> None:
    """Check a graph against the SHACL shapes; exit 1 and list the violations if any."""
    report = validate_file(graph, shapes)
    if report.conforms:
        err.print(f"{graph}: conforms to the graphkit shapes")
        return
    sys.stdout.write(report.text)
    err.print(f"[red]{graph}: {report.violations} violations[/]")
    raise typer.Exit(1)


register_scale(app)


def main() -> None:
    """Entry point: any graphkit error, and any unexpected one, becomes one clean
    message and exit code 2 (exit code 1 means: some inputs failed, the rest is built)."""
    try:
        app()
    except GraphkitError as exc:
        err.print(f"[red]error:[/] {escape(printable(str(exc)))}", highlight=False, soft_wrap=True)
        sys.exit(exc.exit_code)
    except Exception as exc:  # noqa: BLE001 - a bug must still end in one clear line
        message = f"unexpected {type(exc).__name__}: {exc} (a bug in graphkit: please report it)"
        err.print(f"[red]error:[/] {escape(printable(message))}", highlight=False, soft_wrap=True)
        sys.exit(2)
