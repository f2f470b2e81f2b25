"""Shared fixtures: the real spaCy model and one build of the seed article per session."""

from __future__ import annotations

from pathlib import Path

import pytest

import graphkit
from graphkit.pipeline import BuildResult

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


@pytest.fixture(scope="session")
def seed_build(tmp_path_factory: pytest.TempPathFactory) -> BuildResult:
    """The seed article built into a fresh folder (real model, real exports)."""
    out = tmp_path_factory.mktemp("seed-exports")
    return graphkit.build([SEEDS], out=out)


@pytest.fixture(scope="session")
def extract_one():
    """Extract the assertions of one text through the whole pipeline."""

    def run(text: str) -> list[graphkit.Assertion]:
        return graphkit.extract(texts=[text])

    return run
