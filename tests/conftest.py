"""Shared fixtures: the real spaCy model, one build of the seed article per session, and
headless Chromium for the browser tests (Playwright is imported only when they run)."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

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


@pytest.fixture(scope="session")
def chromium() -> Path:
    """Debian's chromium; when it cannot be had, fail on CI and skip elsewhere."""
    from .browser import CHROMIUM, ensure_chromium

    path = ensure_chromium()
    if path is None:
        reason = f"no Chromium at {CHROMIUM}, and apt-get could not install it (not root?)"
        if os.environ.get("CI"):
            pytest.fail(reason)
        pytest.skip(reason)
    return path


@pytest.fixture(scope="session")
def browser(chromium: Path) -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    from .browser import ARGS

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=str(chromium), headless=True, args=ARGS
        )
        yield launched
        launched.close()


@pytest.fixture
def open_view(browser: Any) -> Iterator[Callable[..., Any]]:
    """``open_view(path)``: the view at ``path``, drawn, watched; closed after the test."""
    from .browser import open_page

    views: list[Any] = []

    def open_(path: Path, drawn: bool = True) -> Any:
        views.append(open_page(browser, path, drawn))
        return views[-1]

    yield open_
    for view in views:
        view.page.close()
