"""Extraction cost on top of parsing: words/second of graphkit's extraction against
bare ``nlp.pipe`` of the same spaCy pipeline, on the same texts, in one run.

    python benchmarks/extract_speed.py [--repeat 3] [--data ../shared/benchmarks/carb]

Texts: the CaRB dev sentences (read from ../shared, not copied) grouped into
articles of 20 sentences, plus the seed article. Each side runs ``--repeat`` times,
alternating; the best time of each is kept. Prints words/second and the ratio.
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable
from pathlib import Path

import spacy

import graphkit
from graphkit.nlp import DEFAULT_MODEL

ROOT = Path(__file__).resolve().parent.parent


def load_texts(data: Path) -> list[str]:
    sentences = (data / "dev.txt").read_text(encoding="utf-8").splitlines()
    texts = [" ".join(sentences[i : i + 20]) for i in range(0, len(sentences), 20)]
    texts += [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    return texts


def best_seconds(run: Callable[[], object], repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        started = time.perf_counter()
        run()
        best = min(best, time.perf_counter() - started)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared/benchmarks/carb")
    args = parser.parse_args()
    texts = load_texts(args.data)
    words = sum(len(t.split()) for t in texts)
    nlp = spacy.load(DEFAULT_MODEL)

    def bare() -> object:
        return list(nlp.pipe(texts, batch_size=32))

    def graphkit_extract() -> object:
        return graphkit.extract(texts=texts, batch_size=32)

    bare(), graphkit_extract()  # warm up: load models, fill caches
    bare_s = graphkit_s = float("inf")
    for _ in range(args.repeat):  # alternate, so that both see the same machine load
        bare_s = min(bare_s, best_seconds(bare, 1))
        graphkit_s = min(graphkit_s, best_seconds(graphkit_extract, 1))
    print(f"texts {len(texts)}, words {words}, model {DEFAULT_MODEL}, best of {args.repeat}")
    print(f"  bare nlp.pipe        {words / bare_s:8.0f} words/s  ({bare_s:.2f} s)")
    print(f"  graphkit extract     {words / graphkit_s:8.0f} words/s  ({graphkit_s:.2f} s)")
    print(f"  ratio (graphkit / bare)   {bare_s / graphkit_s:.3f}")


if __name__ == "__main__":
    main()
