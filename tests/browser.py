"""Headless Chromium for the browser tests (Playwright, sync API).

Debian's ``chromium`` is used, since ``playwright install`` cannot download browsers
everywhere; when it is missing and the tests run as root, it is installed with apt-get.
Every page is opened from a ``file://`` URL with all other requests blocked and
recorded, and with its console errors, page errors and dialogs collected.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from playwright.sync_api import Browser, Page, Route

CHROMIUM = Path("/usr/bin/chromium")
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
VIEWPORT = {"width": 1400, "height": 900}
APT_TIMEOUT = 900  # seconds for each of apt-get update and apt-get install


def ensure_chromium() -> Path | None:
    """Debian's chromium, installed quietly with apt-get if missing and we are root."""
    if not CHROMIUM.exists() and os.geteuid() == 0 and shutil.which("apt-get"):
        env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
        for command in (
            ["apt-get", "update", "-qq"],
            ["apt-get", "install", "-y", "-qq", "chromium"],
        ):
            try:
                subprocess.run(
                    command, env=env, capture_output=True, timeout=APT_TIMEOUT, check=False
                )
            except (OSError, subprocess.TimeoutExpired):
                break
    return CHROMIUM if CHROMIUM.exists() else None


@dataclass
class PageLog:
    """What a page did that it should not: outside requests, errors, dialogs."""

    blocked: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)


@dataclass
class View:
    """An opened graphkit view, with helpers that read its state."""

    page: Page
    log: PageLog

    def js(self, expression: str, arg: Any = None) -> Any:
        return self.page.evaluate(expression, arg)

    def shown(self) -> tuple[int, int]:
        """Nodes and edges the network draws (its DataViews after the filters)."""
        return tuple(self.js("[network.body.data.nodes.length, network.body.data.edges.length]"))

    def drawn_ids(self) -> tuple[list[str], list[str]]:
        ids = self.js("[network.body.data.nodes.getIds(), network.body.data.edges.getIds()]")
        return ids[0], ids[1]

    def panel(self) -> str:
        return str(self.js("document.getElementById('panel').textContent"))


def block_outside(log: PageLog) -> Any:
    """A route handler that lets ``file:`` and ``data:`` through and records and
    aborts any other request."""

    def handle(route: Route) -> None:
        url = route.request.url
        if url.startswith(("file:", "data:")):
            route.continue_()
        else:
            log.blocked.append(url)
            route.abort()

    return handle


def open_page(browser: Browser, path: Path, drawn: bool = True) -> View:
    """The page at ``path``, watched by a PageLog; once its network is first drawn
    unless ``drawn`` is false (a page without one)."""
    page = browser.new_page(viewport=VIEWPORT)  # type: ignore[arg-type]
    log = PageLog()
    page.route("**/*", block_outside(log))
    page.on("console", lambda m: log.errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda exc: log.errors.append(str(exc)))
    page.on("dialog", lambda d: (log.dialogs.append(d.message), d.dismiss()))
    page.goto(path.resolve().as_uri())
    if drawn:
        page.wait_for_function("window.graphkitReady !== undefined", timeout=30_000)
    return View(page, log)
