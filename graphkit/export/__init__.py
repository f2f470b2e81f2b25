"""Exports: Turtle, JSON Lines and a self-contained HTML view."""

from __future__ import annotations

from graphkit.export.html.page import generate_html, write_html
from graphkit.export.jsonl import generate_jsonl, read_jsonl, stream_jsonl, write_jsonl
from graphkit.export.rdf import generate_turtle, write_turtle

__all__ = [
    "generate_html",
    "generate_jsonl",
    "generate_turtle",
    "read_jsonl",
    "stream_jsonl",
    "write_html",
    "write_jsonl",
    "write_turtle",
]
