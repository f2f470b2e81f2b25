"""Faithful actors on wire reports (issue 14): a benchmark of articles written for it.

Run ``python benchmarks/actors.py`` from the project root. It reads the articles of
``benchmarks/actors/articles/`` (first line a title) and their gold files of
``benchmarks/actors/gold/`` (same name, ``.json``), runs ``graphkit.analyze`` on them
with the real model and prints:

- wrong pronoun links and wrong reference links (role nouns, short names);
- dateline actors: assertion arguments or attributions inside a dateline or byline;
- dateline places recorded on the article (``Article.place``);
- split actors (one gold actor, more than one entity) and wrong merges (one entity,
  more than one gold actor), plus gold actors of the wrong type;
- concept nodes shared across articles;
- gold assertions found (recall);
- strict precision of a fixed sample of assertions labelled by hand
  (``benchmarks/actors/labels.json``): an assertion is in the sample when a seeded
  hash of its article, sentence and reading falls under ``SAMPLE_RATE``; ``--label``
  adds the sampled assertions that have no label yet, with ``"ok": null``, for a
  person to fill in.

The gold format is described in ``benchmarks/README.md``.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import graphkit
from graphkit.ingest import article_from_text
from graphkit.types import Argument, Article, Assertion, Corpus, Entity

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "benchmarks" / "actors"
LABELS = DATA / "labels.json"
SAMPLE_SEED = "actors-2026"
SAMPLE_RATE = 0.12  # an assertion is in the sample when its seeded hash falls below this
PRONOUNS = frozenset("he him his she her hers it its they them their we us our i me my".split())
PARTICLES = frozenset("von der van den de da al bin ibn el la le du".split())
# a title in a gold name ("Prince Mohammed") is no piece of the name: an entity "Prince"
# (the office of "Saudi Crown Prince") names nobody
TITLE_WORDS = frozenset("prince princess sheikh king queen president minister".split())
# words the actors' names are allowed to end an alias after ("President Vladimir Putin")
_POSSESSIVE = re.compile(r"(’s|'s|’|')$")
_GROUP_TYPES = frozenset({"Group", "AnonymousSource"})
_CONCEPT_TYPES = frozenset({"Concept", "Proposition"})


@dataclass(frozen=True)
class Gold:
    """One article's gold annotations (see benchmarks/README.md)."""

    article: Article
    datelines: list[dict[str, Any]]
    actors: dict[str, dict[str, Any]]
    links: list[dict[str, Any]]
    assertions: list[dict[str, Any]]


def load(data: Path = DATA) -> list[Gold]:
    golds = []
    for path in sorted((data / "articles").glob("*.txt")):
        gold = json.loads((data / "gold" / f"{path.stem}.json").read_text(encoding="utf-8"))
        article = article_from_text(path.read_text(encoding="utf-8"), path.stem, str(path))
        article = replace(article, published=gold.get("published"))
        golds.append(
            Gold(
                article,
                gold.get("datelines", []),
                gold.get("actors", {}),
                gold.get("links", []),
                gold.get("assertions", []),
            )
        )
    return golds


def locate(text: str, at: str) -> tuple[int, int]:
    """Offsets of the [bracketed] words of ``at``, which must occur once in ``text``."""
    plain = at.replace("[", "").replace("]", "")
    found = [m.start() for m in re.finditer(re.escape(plain), text)]
    if len(found) != 1:
        raise ValueError(f"{at!r} occurs {len(found)} times, not once")
    start = found[0] + at.index("[")
    return start, start + at.index("]") - at.index("[") - 1


def _norm(text: str) -> str:
    words = _POSSESSIVE.sub("", text.strip()).split()
    if len(words) > 1 and words[0].lower() == "the":
        words = words[1:]
    return " ".join(words).lower()


def _fragments(name: str) -> set[str]:
    """Runs of whole words of a name, cut at spaces or hyphens ("Kim Jong-un" ->
    "Kim", "Kim Jong", "Jong-un", ...), that a wrong cut could leave as an entity."""
    parts = re.split(r"([ -])", name)
    words = parts[::2]
    found = set()
    for i in range(len(words)):
        for j in range(i + 1, len(words) + 1):
            piece = "".join(parts[2 * i : 2 * j - 1])
            lowered = piece.lower()
            if piece != name and len(piece) >= 3 and lowered not in PARTICLES | TITLE_WORDS:
                found.add(lowered)
    return found


class Actors:
    """Which gold actors an entity's surface forms name (names are unique in the set)."""

    def __init__(self, golds: Iterable[Gold]) -> None:
        self.types: dict[str, list[str]] = {}
        self.names: dict[str, set[str]] = defaultdict(set)
        for gold in golds:
            for actor, spec in gold.actors.items():
                kinds = spec["type"] if isinstance(spec["type"], list) else [spec["type"]]
                self.types.setdefault(actor, kinds)
                self.names[actor] |= {_norm(n) for n in spec.get("names", [])}
        self.fragments: dict[str, set[str]] = defaultdict(set)
        for actor, names in self.names.items():
            if "Person" in self.types[actor]:
                for name in names:
                    for piece in _fragments(name):
                        self.fragments[piece].add(actor)

    def of_form(self, form: str, label: bool = False) -> set[str]:
        alias = _norm(form)
        if alias in PRONOUNS:
            return set()
        full = {a for a, names in self.names.items() for n in names if alias == n}
        if not label:  # "Russian President Vladimir Putin"; not "Government of Russia"
            full |= {a for a, ns in self.names.items() for n in ns if alias.endswith(" " + n)}
        if full:
            return full
        pieces = self.fragments.get(alias, set())
        return pieces if len(pieces) == 1 else set()

    def of_entity(self, entity: Entity) -> set[str]:
        if entity.type == "Proposition":  # a clause ("It wants Ukraine") names no actor
            return set()
        found = self.of_form(entity.label, label=True)
        for alias in entity.aliases:
            found |= self.of_form(alias)
        return found


def _arguments(assertion: Assertion) -> list[tuple[str, Argument | Any]]:
    args: list[tuple[str, Any]] = [("subject", assertion.subject)]
    if assertion.object is not None:
        args.append(("object", assertion.object))
    if assertion.attribution is not None and assertion.attribution.start >= 0:
        args.append(("attribution", assertion.attribution))
    return args


def _row(a: Assertion) -> str:
    def arg(x: Any) -> str:
        return f"{x.text} [{x.label or '-'}]"

    polarity = "NOT " if a.relation.negated else ""
    modal = f" ({a.relation.modality})" if a.relation.modality else ""
    obj = arg(a.object) if a.object is not None else "-"
    attr = f" | by {arg(a.attribution)}" if a.attribution is not None else ""
    hedge = " | hedged" if a.hedged else ""
    return f"{arg(a.subject)} | {polarity}{a.relation.lemma}{modal} | {obj}{attr}{hedge}"


def check_links(golds: list[Gold], corpus: Corpus, actors: Actors) -> dict[str, list[str]]:
    """Each gold link (pronoun or reference) -> right, wrong, missing or not an argument."""
    entities = {e.id: e for e in corpus.entities}
    out: dict[str, list[str]] = defaultdict(list)
    for gold in golds:
        text = gold.article.text
        rows = [a for a in corpus.assertions if a.doc == gold.article.id]
        for link in gold.links:
            start, end = locate(text, link["at"])
            kind = "pronoun" if text[start:end].lower() in PRONOUNS else "reference"
            linked = {
                x.entity
                for a in rows
                for _, x in _arguments(a)
                if x.start <= start and end <= x.end and (x.end - x.start) - (end - start) <= 4
            }
            where = f"{gold.article.id}: {link['at']!r}"
            if not linked:
                out[f"{kind} not an argument"].append(where)
                continue
            verdicts = [
                _verdict(link, text[start:end], entities.get(e) if e else None, actors)
                for e in linked
            ]
            worst = sorted(verdicts, key=lambda v: (not v.startswith("wrong"), v))[0]
            verdict = worst.split(" ->")[0]
            out[f"{kind} {verdict}"].append(f"{where} expected {link['actor']}: {worst}")
    return out


def _verdict(link: dict[str, Any], surface: str, entity: Entity | None, actors: Actors) -> str:
    """right, missing (left unresolved, or its own node) or wrong, for one linked entity."""
    expected, accept = link["actor"], link.get("or")
    unresolved = "right" if expected == "unresolved" else "missing"
    if entity is None:
        return unresolved
    named = actors.of_entity(entity)
    if expected in named or (accept and any(accept.lower() in a.lower() for a in entity.aliases)):
        return "right"
    own = entity.type in _CONCEPT_TYPES or _norm(surface) == _norm(entity.label)
    if own and not named:  # "the spokesman" as a node of its own: not linked to anyone
        return unresolved
    return f"wrong -> {entity.label} ({entity.type})"


def dateline_rows(golds: list[Gold], corpus: Corpus) -> tuple[list[str], list[str]]:
    """Arguments inside a gold dateline span, and the dateline places not recorded."""
    rows, places = [], []
    articles = {a.id: a for a in corpus.articles}
    for gold in golds:
        text = gold.article.text
        spans = []
        for line in gold.datelines:
            spans += [(m.start(), m.end()) for m in re.finditer(re.escape(line["text"]), text)]
        for a in corpus.assertions:
            if a.doc != gold.article.id:
                continue
            for role, x in _arguments(a):
                if any(x.start < e and s < x.end for s, e in spans):
                    rows.append(f"{gold.article.id}: {role} {x.text!r} in {_row(a)}")
        first = next((d for d in gold.datelines if d.get("places")), None)
        place = getattr(articles[gold.article.id], "place", None)
        if first is not None and place != first["places"][0]:
            places.append(f"{gold.article.id}: place {place!r}, expected {first['places'][0]!r}")
    return rows, places


def identity(
    golds: list[Gold], corpus: Corpus, actors: Actors
) -> tuple[list[str], list[str], list[str]]:
    """Split actors, wrong merges and mistyped actors."""
    named: dict[str, list[Entity]] = defaultdict(list)
    merges = []
    for entity in corpus.entities:
        found = actors.of_entity(entity)
        for actor in found:
            named[actor].append(entity)
        if len(found) > 1:
            merges.append(f"{entity.label} ({entity.type}) = {', '.join(sorted(found))}")
    splits, types = [], []
    for actor in sorted(actors.names):
        found_entities = named.get(actor, [])
        if len(found_entities) > 1:
            forms = "; ".join(f"{e.label} ({e.type})" for e in found_entities)
            splits.append(f"{actor}: {forms}")
        for e in found_entities:
            if e.type not in actors.types[actor]:
                types.append(f"{actor}: {e.label} is {e.type}, expected {actors.types[actor]}")
    return splits, merges, types


def shared_concepts(corpus: Corpus, actors: Actors) -> list[str]:
    """Entities that are no named actor and still join two or more articles."""
    docs: dict[str, set[str]] = defaultdict(set)
    for a in corpus.assertions:
        for _, x in _arguments(a):
            if x.entity:
                docs[x.entity].add(a.doc)
    out = []
    for entity in corpus.entities:
        generic = entity.type in _CONCEPT_TYPES or (
            entity.type in _GROUP_TYPES and not entity.country and not entity.affiliation
        )
        if generic and len(docs[entity.id]) > 1 and not actors.of_entity(entity):
            out.append(f"{entity.label} ({entity.type}): {len(docs[entity.id])} articles")
    return out


def _matches(spec: Any, arg: Any, entities: dict[str, Entity], actors: Actors) -> bool:
    if spec is None:
        return True
    if arg is None:
        return False
    if isinstance(spec, dict):
        return spec["text"].lower() in arg.text.lower()
    entity = entities.get(arg.entity) if arg.entity else None
    return entity is not None and spec in actors.of_entity(entity)


def gold_found(golds: list[Gold], corpus: Corpus, actors: Actors) -> tuple[int, int, list[str]]:
    entities = {e.id: e for e in corpus.entities}
    found, missing = 0, []
    for gold in golds:
        rows = [a for a in corpus.assertions if a.doc == gold.article.id]
        for spec in gold.assertions:
            lemmas = spec["relation"] if isinstance(spec["relation"], list) else [spec["relation"]]
            hit = any(
                a.relation.lemma in lemmas
                and a.relation.negated == spec.get("negated", False)
                and _matches(spec["subject"], a.subject, entities, actors)
                and _matches(spec.get("object"), a.object, entities, actors)
                and ("by" not in spec or _matches(spec["by"], a.attribution, entities, actors))
                for a in rows
            )
            found += hit
            if not hit:
                missing.append(f"{gold.article.id}: {json.dumps(spec, ensure_ascii=False)}")
    return found, sum(len(g.assertions) for g in golds), missing


def _key(a: Assertion) -> str:
    """What a label judges: the article, the sentence and the assertion as read."""
    return f"{a.doc}|{a.sentence}|{_row(a)}"


def in_sample(assertion: Assertion) -> bool:
    """Seeded by content, not by position: an assertion that does not change stays in
    (or out of) the sample from one version of graphkit to the next."""
    digest = hashlib.sha256(f"{SAMPLE_SEED}|{_key(assertion)}".encode()).digest()
    return int.from_bytes(digest[:8], "big") / 2**64 < SAMPLE_RATE


def precision(corpus: Corpus, label: bool) -> tuple[int, int, list[dict[str, Any]]]:
    """Right and labelled members of the sample; the unlabelled ones."""
    labels = json.loads(LABELS.read_text(encoding="utf-8")) if LABELS.exists() else []
    known = {_label_key(x): x["ok"] for x in labels if x.get("ok") is not None}
    right = labelled = 0
    todo = []
    for a in sorted(corpus.assertions, key=lambda a: (a.doc, a.sentence_start, _row(a))):
        if not in_sample(a):
            continue
        ok = known.get(_key(a))
        if ok is None:
            todo.append({"doc": a.doc, "sentence": a.sentence, "judged": _row(a)})
            continue
        labelled += 1
        right += ok
    if label and todo:
        pending = {_label_key(x) for x in labels}
        labels += [{**x, "ok": None} for x in todo if _label_key(x) not in pending]
        LABELS.write_text(json.dumps(labels, indent=1, ensure_ascii=False) + "\n", "utf-8")
    return right, labelled, todo


def _label_key(label: dict[str, Any]) -> str:
    return f"{label['doc']}|{label['sentence']}|{label['judged']}"


def _section(title: str, items: list[str], verbose: bool) -> None:
    print(f"{title}: {len(items)}")
    for item in items if verbose else items[:0]:
        print(f"    {item}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quiet", action="store_true", help="figures only, no rows")
    parser.add_argument("--label", action="store_true", help="add unlabelled sample rows")
    args = parser.parse_args(argv)
    verbose = not args.quiet
    golds = load()
    actors = Actors(golds)
    corpus = graphkit.analyze([g.article for g in golds])
    print(f"{len(golds)} articles, {len(corpus.assertions)} assertions, "
          f"{len(corpus.entities)} entities, {len(actors.names)} gold actors")  # fmt: skip
    links = check_links(golds, corpus, actors)
    for kind in ("pronoun", "reference"):
        total = sum(len(v) for k, v in links.items() if k.startswith(kind))
        print(f"{kind} links: {total} in the gold")
        for verdict in ("wrong", "missing", "right", "not an argument"):
            _section(f"  {verdict}", links.get(f"{kind} {verdict}", []), verbose and verdict
                     in {"wrong", "missing", "not an argument"})  # fmt: skip
    rows, places = dateline_rows(golds, corpus)
    _section("dateline actors (arguments inside a dateline)", rows, verbose)
    _section("dateline places not recorded on the article", places, verbose)
    splits, merges, types = identity(golds, corpus, actors)
    _section("split actors (gold actor -> several entities)", splits, verbose)
    _section("wrong merges (entity -> several gold actors)", merges, verbose)
    _section("mistyped gold actors", types, verbose)
    _section("concept nodes shared across articles", shared_concepts(corpus, actors), verbose)
    found, total, missing = gold_found(golds, corpus, actors)
    print(f"gold assertions found: {found}/{total} ({100 * found / max(1, total):.0f}%)")
    for item in missing if verbose else []:
        print(f"    missing {item}")
    right, labelled, todo = precision(corpus, args.label)
    share = f"{100 * right / labelled:.0f}%" if labelled else "n/a"
    print(f"strict precision of the labelled sample: {right}/{labelled} ({share})")
    if todo:
        print(f"  {len(todo)} sampled assertions have no label"
              + (" (added to labels.json)" if args.label else " (run with --label)"))  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
