"""PLOVER event coding benchmark: graphkit's events and actor codes against gold records.

Reads ``../shared/benchmarks/plover/dev.jsonl`` (relative to the project root; hand-coded
PLOVER gold records, CC BY-SA 4.0, never copied into the repository), runs
``graphkit.analyze`` on all the sentences in one batch, codes events and actors
(:func:`graphkit.events.code_corpus`) and prints, over the records:

- **source + category**: the record's coded source (a gold source actor) is the subject
  of an assertion whose event has the gold category. An assertion's subject is that
  actor when their names share a word (a capitalised one when the gold name has one:
  "Senior Hungarian and Romanian officials" is the source "Hungarian"; a pronoun the
  coder gave its speaker's code is read as the speaker);
- **source + target + category**: the same, and the event's recipient (the object,
  else a "to/with/against ..." qualifier) is a gold target; with no gold target, the
  recipient names no actor or one of the sources (reciprocal events);
- **source country**: for the records whose source actor is a subject (best: of an
  assertion with the right category), its code names the source's country or
  organisation (the first three letters: RUS of RUSGOV, IGO of IGOUNO);
- the same three with codes instead of names (**strict**: a subject counts as the
  source only when its code is the gold code), over all the records;
- a confusion table of gold categories (rows) against the coded event of each record
  (right category and source first, else right category, else the first coded).

Run ``python benchmarks/plover.py`` (``--errors`` lists the records missed, ``--events
FILE`` adds an analyst's dictionary, ``--data FILE`` reads other records).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import graphkit  # noqa: E402
from graphkit.events import ActorCoder, code_corpus, coder_for, load_event_dictionary  # noqa: E402
from graphkit.events.actors import name_tokens  # noqa: E402
from graphkit.events.categories import CATEGORIES  # noqa: E402
from graphkit.events.dictionary import forms  # noqa: E402
from graphkit.ids import content_hash  # noqa: E402
from graphkit.resolve.classify import country_of_words  # noqa: E402
from graphkit.types import Article, Assertion  # noqa: E402

DEFAULT_DATA = ROOT.parent / "shared" / "benchmarks" / "plover" / "dev.jsonl"
TARGETS = {"source + category": 80.0, "source + target + category": 70.0, "source country": 92.0}
NONE = "none"
_STOP = frozenset("the a an of in on at and or to for from with by its their his her".split())


@dataclass(frozen=True)
class Actor:
    text: str
    code: str | None  # the first three letters of the gold code


@dataclass(frozen=True)
class Gold:
    id: str
    text: str
    category: str
    sources: tuple[Actor, ...]
    targets: tuple[Actor, ...]


@dataclass(frozen=True)
class Outcome:
    gold: Gold
    category_source: bool
    all_three: bool
    source_found: bool  # the source actor is the subject of some assertion
    source_country: bool  # ... and its code is right
    strict: tuple[bool, bool, bool]  # the three figures, matching actors by code
    predicted: str  # category of the record's coded event, or "none"


def read_gold(path: Path) -> list[Gold]:
    golds = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        record = json.loads(line)
        event = record["expected"][0]
        golds.append(
            Gold(
                record["id"],
                record["text"],
                event["event_plover_0_8"],
                _actors(event["source"]),
                _actors(event["target"]),
            )
        )
    return golds


def _actors(actors: list[dict[str, Any]]) -> tuple[Actor, ...]:
    return tuple(
        Actor(a["actorText"], a["code"][:3] if a.get("code") else None)
        for a in actors
        if a.get("actorText")
    )


def _words(text: str, proper: bool) -> set[str]:
    """Base forms of a name's words (its capitalised ones when ``proper`` and it has any)."""
    words = [w for w in name_tokens(text) if w.lower() not in _STOP]
    if proper and any(w[:1].isupper() for w in words):
        words = [w for w in words if w[:1].isupper()]
    return {f for w in words for f in forms(w.lower())}


def _names(gold: Actor, text: str) -> bool:
    return bool(_words(gold.text, proper=True) & _words(text, proper=False))


def _base(code: str | None) -> str | None:
    return code[:3] if code else None


def score(gold: Gold, assertions: list[Assertion], coder: ActorCoder) -> Outcome:
    coded = [a for a in assertions if a.event is not None]

    def subject_names(a: Assertion) -> str:
        names = f"{a.subject.text} {a.subject.label or ''}"
        if a.subject.entity is None and a.attribution is not None:
            names += f" {a.attribution.text}"  # a pronoun coded as its speaker
        return names

    def source(a: Assertion, strict: bool) -> Actor | None:
        for actor in gold.sources:
            if (_base(a.subject.code) == actor.code) if strict else _names(actor, subject_names(a)):
                return actor
        return None

    def target_ok(a: Assertion, strict: bool) -> bool:
        code = _base(coder.recipient(a))
        texts = [a.object.text if a.object else "", *(q.text for q in a.qualifiers)]
        if not gold.targets:
            return code is None or any(code == s.code for s in gold.sources)
        if strict:
            return any(code == t.code for t in gold.targets)
        return any(_names(t, text) for t in gold.targets for text in texts if text)

    def figures(strict: bool) -> tuple[bool, bool, list[Assertion]]:
        right = [a for a in coded if a.event is not None and a.event.category == gold.category]
        if not gold.sources:  # no source named: the category alone
            return bool(right), bool(right), right
        best = [a for a in right if source(a, strict) is not None]
        return bool(best), any(target_ok(a, strict) for a in best), best

    found, both, best = figures(strict=False)
    strict_found, strict_both, strict_best = figures(strict=True)
    named = sorted(
        (a for a in assertions if source(a, strict=False) is not None),
        key=lambda a: a not in best,
    )
    country = bool(named) and any(
        _base(named[0].subject.code) == actor.code
        for actor in gold.sources
        if _names(actor, subject_names(named[0]))
    )
    right = [a for a in coded if a.event is not None and a.event.category == gold.category]
    chosen = (strict_best or best or right or coded or [None])[0]
    strict_country = chosen is not None and source(chosen, strict=True) is not None
    return Outcome(
        gold,
        found,
        both,
        bool(named),
        country,
        (strict_found, strict_both, strict_country),
        chosen.event.category if chosen is not None and chosen.event else NONE,
    )


def place(word: str) -> str | None:
    """The country a word names or qualifies, by graphkit's gazetteer (as the pipeline)."""
    return country_of_words([word])


def run(data: Path, events: str | None) -> tuple[list[Outcome], dict[str, list[Assertion]]]:
    golds = read_gold(data)
    articles = [Article(id=g.id, text=g.text, content_hash=content_hash(g.text)) for g in golds]
    corpus = graphkit.analyze(articles)
    corpus = code_corpus(corpus, load_event_dictionary(events), place=place)
    coder = coder_for(corpus, place=place)
    by_doc: dict[str, list[Assertion]] = {}
    for assertion in corpus.assertions:
        by_doc.setdefault(assertion.doc, []).append(assertion)
    return [score(g, by_doc.get(g.id, []), coder) for g in golds], by_doc


def report(outcomes: list[Outcome]) -> str:
    total = len(outcomes)
    found = sum(o.source_found for o in outcomes)

    def line(name: str, count: int, of: int, target: float | None = None) -> str:
        share = 100 * count / of if of else 0.0
        goal = f", target >= {target}%" if target is not None else ""
        return f"{name:<34} {share:5.1f}%  ({count}/{of}{goal})"

    lines = [f"PLOVER gold records: {total}", ""]
    lines.append(line("source + category", sum(o.category_source for o in outcomes), total,
                      TARGETS["source + category"]))  # fmt: skip
    lines.append(line("source + target + category", sum(o.all_three for o in outcomes), total,
                      TARGETS["source + target + category"]))  # fmt: skip
    lines.append(line("source country (source found)", sum(o.source_country for o in outcomes),
                      found, TARGETS["source country"]))  # fmt: skip
    lines.append(line("source found as a subject", found, total))
    lines.append("")
    for index, name in enumerate(("strict: source code + category", "strict: + target code",
                                  "strict: coded event's source code")):  # fmt: skip
        lines.append(line(name, sum(o.strict[index] for o in outcomes), total))
    lines += ["", "confusion (rows: gold, columns: coded event of the record)", ""]
    columns = [c for c in CATEGORIES if any(o.predicted == c for o in outcomes)] + [NONE]
    width = max(len(c) for c in columns) + 1
    lines.append(" " * 10 + "".join(f"{c[: width - 1]:>{width}}" for c in columns))
    counts = Counter((o.gold.category, o.predicted) for o in outcomes)
    for row in CATEGORIES:
        if any(o.gold.category == row for o in outcomes):
            cells = "".join(f"{counts[(row, c)] or '.':>{width}}" for c in columns)
            lines.append(f"{row:<10}{cells}")
    return "\n".join(lines)


def errors(outcomes: list[Outcome], by_doc: dict[str, list[Assertion]]) -> str:
    lines = []
    for o in outcomes:
        if o.all_three:
            continue
        g = o.gold
        sources = [f"{a.text} {a.code}" for a in g.sources]
        targets = [f"{a.text} {a.code}" for a in g.targets]
        lines.append(f"- {g.id}: gold {g.category} {sources} -> {targets}; coded {o.predicted}")
        lines.append(f"  {g.text}")
        for a in by_doc.get(g.id, []):
            if a.event is not None:
                obj = a.object.code if a.object else None
                lines.append(f"    {a.event.category} {a.subject.code} -> {obj} | {a.event.cue}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="gold JSON Lines")
    parser.add_argument("--events", help="an analyst's event dictionary, added")
    parser.add_argument("--errors", action="store_true", help="list the records missed")
    args = parser.parse_args(argv)
    if not args.data.exists():
        print(f"{args.data}: no such file (the gold records live outside the repo)")
        return 2
    outcomes, by_doc = run(args.data, args.events)
    print(report(outcomes))
    if args.errors:
        print("\n" + errors(outcomes, by_doc))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
