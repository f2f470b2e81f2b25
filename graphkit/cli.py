"""The ``graphkit`` command line: thin commands over :mod:`graphkit.pipeline`.

Data goes to stdout, messages to stderr. Exit codes: 0 success; 1 some inputs
failed but the rest was built; 2 nothing could be done (bad input, model, query).
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from graphkit import pipeline
from graphkit.errors import GraphkitError
from graphkit.export import stream_jsonl, write_jsonl
from graphkit.nlp import DEFAULT_MODEL
from graphkit.query import format_csv, format_json, run_query
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

Inputs = Annotated[
    list[str], typer.Argument(help="Text files, folders of .txt files, or .jsonl files.")
]
Model = Annotated[str, typer.Option("--model", help="Installed spaCy pipeline to use.")]
BatchSize = Annotated[int, typer.Option("--batch-size", min=1, help="Texts per nlp.pipe batch.")]
Processes = Annotated[int, typer.Option("--processes", min=1, help="Parser processes.")]


def _report_problems(problems: tuple[InputProblem, ...] | list[InputProblem]) -> None:
    for problem in problems:
        style = "yellow" if problem.warning else "red"
        kind = "warning" if problem.warning else "error"
        err.print(f"[{style}]{kind}:[/] {escape(str(problem))}", highlight=False)


def _progress_bar() -> Progress:
    return Progress(
        TextColumn("[bold]parsing"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=err,
        transient=True,
    )


@app.command(
    epilog="**Examples**\n\n"
    "    graphkit build seeds/ --out exports/\n\n"
    "    graphkit build news.jsonl more/ --out build/ --model en_core_web_lg"
)
def build(
    inputs: Inputs,
    out_dir: Annotated[Path, typer.Option("--out", help="Folder for the exports.")] = Path(
        "exports"
    ),
    model: Model = DEFAULT_MODEL,
    batch_size: BatchSize = 32,
    processes: Processes = 1,
) -> None:
    """Build the graph: writes graph.ttl, graph.html and assertions.jsonl."""
    with _progress_bar() as bar:
        task = bar.add_task("parse", total=None)
        result = pipeline.build(
            inputs,
            out=out_dir,
            model=model,
            batch_size=batch_size,
            n_process=processes,
            progress=lambda done, total: bar.update(task, completed=done, total=total),
        )
    _report_problems(result.problems)
    corpus = result.corpus
    summary = Table(title="graphkit build", show_header=False)
    for name, value in (
        ("documents", len(corpus.articles)),
        ("sentences", corpus.sentences),
        ("entities", len(corpus.entities)),
        ("assertions", len(corpus.assertions)),
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
def extract(
    inputs: Inputs,
    output: Annotated[
        str, typer.Option("-o", "--output", help="JSON Lines file, or - for stdout.")
    ] = "-",
    model: Model = DEFAULT_MODEL,
    batch_size: BatchSize = 32,
    processes: Processes = 1,
) -> None:
    """Extract assertions only, as JSON Lines (the contract in the README)."""
    corpus = pipeline.analyze(inputs, model=model, batch_size=batch_size, n_process=processes)
    _report_problems(corpus.problems)
    if output == "-":
        stream_jsonl(corpus.assertions, sys.stdout)
    else:
        write_jsonl(corpus.assertions, Path(output))
        err.print(f"{len(corpus.assertions)} assertions -> {output}")
    if not corpus.articles:
        raise typer.Exit(2)
    raise typer.Exit(1 if any(not p.warning for p in corpus.problems) else 0)


@app.command(
    epilog="**Examples**\n\n"
    "    graphkit query exports/graph.ttl negated\n\n"
    "    graphkit query exports/graph.ttl my-query.rq --format csv\n\n"
    "    graphkit query exports/graph.ttl 'SELECT ?l WHERE { ?e rdfs:label ?l } LIMIT 5'\n\n"
    "Shipped queries: negated, statements, anonymous-sources, hopes, most-connected."
)
def query(
    graph: Annotated[Path, typer.Argument(help="An exported graph (.ttl, .nt, .jsonld ...).")],
    sparql: Annotated[str, typer.Argument(help="SPARQL text, a .rq file, or a shipped query.")],
    fmt: Annotated[str, typer.Option("--format", help="table, csv or json.")] = "table",
) -> None:
    """Run a SPARQL SELECT or ASK query (graphkit prefixes are predeclared)."""
    if fmt not in {"table", "csv", "json"}:
        raise GraphkitError(f"--format must be table, csv or json, not {fmt!r}")
    if not graph.is_file():
        raise GraphkitError(f"{graph}: no such graph file")
    result = run_query(graph, sparql)
    if fmt == "csv":
        sys.stdout.write(format_csv(result))
    elif fmt == "json":
        sys.stdout.write(format_json(result))
    else:
        table = Table(*result.variables, show_lines=False)
        for row in result.rows:
            table.add_row(*("" if v is None else v for v in row))
        out.print(table)
        err.print(f"{len(result.rows)} rows")


def main() -> None:
    """Entry point: any graphkit error becomes one clean message and exit code 2."""
    try:
        app()
    except GraphkitError as exc:
        err.print(f"[red]error:[/] {escape(str(exc))}", highlight=False)
        sys.exit(exc.exit_code)
