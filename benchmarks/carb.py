"""CaRB Open IE benchmark: a faithful re-implementation of the CaRB scorer plus a runner.

CaRB (Bhardwaj, Aggarwal and Mausam, EMNLP 2019; github.com/dair-iitd/CaRB) scores Open IE
tuples ``(relation, arg1, arg2 ... argN)`` against crowdsourced gold tuples.  The scoring below
mirrors CaRB's default matcher (``Matcher.binary_linient_tuple_match``) and ``Benchmark.compare``,
including its ``--single_match`` variant, CaRB(1-1), as shipped with OpenIE6.

Run ``python benchmarks/carb.py`` (``--help`` for options: ``--predictions FILE.jsonl`` scores
an existing assertion file instead of running graphkit).  The data is read from
``../shared/benchmarks/carb`` relative to the project root, or ``--data DIR``.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, replace
from itertools import pairwise
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA = ROOT.parent / "shared" / "benchmarks" / "carb"
DOC_PREFIX = "carb-"

# CaRB's ``forms_of_be`` (matcher.py): a predicted "be" may match one of these in the gold relation.
BE_FORMS = ("be", "is", "am", "are", "was", "were", "been", "being")
# CaRB's ``said_type_reln``: for these gold relations the argument order may also be reversed.
SAID_VERBS = ("said", "told", "added", "adds", "says")
# CaRB's GoldReader drops every gold argument *containing* this marker (context arguments).
CONTEXT_MARKER = "C: "

# Published CaRB figures (test split): F1 / AUC (CaRB(1-1) F1).
REFERENCE = (
    ("OpenIE6", "52.7 / 33.7 (46.4)"),
    ("IMoJIE", "53.5 / 33.3 (41.4)"),
    ("OpenIE-4", "48.8 / 27.2 (40.4)"),
    ("ClausIE", "45.0 / 22.4 (40.1)"),
    ("MinIE", "41.9"),
    ("Stanford OpenIE", "23.0"),
)


@dataclass(frozen=True)
class CarbTuple:
    """One Open IE tuple: a relation phrase, its arguments in order, and a confidence."""

    relation: str
    args: tuple[str, ...]
    confidence: float = 1.0


@dataclass(frozen=True)
class Point:
    """Precision, recall and F1 when only predictions with confidence >= threshold count."""

    threshold: float
    precision: float
    recall: float
    f1: float


@dataclass(frozen=True)
class Curve:
    """A precision-recall curve (ascending thresholds), its best-F1 point and its AUC."""

    best: Point
    auc: float
    points: tuple[Point, ...]


@dataclass(frozen=True)
class Figures:
    """Benchmark figures: CaRB (many-to-one recall) and CaRB(1-1) (one-to-one recall)."""

    sentences: int
    gold_tuples: int
    predictions: int
    carb: Curve
    one_to_one: Curve


def binarize(args: Sequence[str]) -> tuple[str, ...]:
    """Join the arguments after the first into one slot, as CaRB's binary matcher does."""
    if len(args) >= 2:
        return (args[0], " ".join(args[1:]))
    return tuple(args)


def _bag_overlap(gold: Sequence[str], predicted: Sequence[str]) -> tuple[int, list[str]]:
    """Gold tokens found in the predicted bag (each used once), and the predicted leftovers."""
    remaining = list(predicted)
    matched = 0
    for word in gold:
        if word in remaining:
            matched += 1
            remaining.remove(word)
    return matched, remaining


def lenient_match(
    gold_relation: str,
    gold_args: Sequence[str],
    pred_relation: str,
    pred_args: Sequence[str],
) -> tuple[float, float]:
    """CaRB's ``linient_tuple_match``: (precision, recall) of one prediction against one gold.

    Token counts are summed over the relation and the argument slots of the *gold* tuple
    (predicted slots beyond the gold's are ignored, as in CaRB).  The pair scores zero when the
    relations share no token, or when the prediction lacks an argument slot the gold has.
    """
    gold_words = gold_relation.split()
    matched, remaining = _bag_overlap(gold_words, pred_relation.split())
    if "be" in remaining and any(form in gold_words for form in BE_FORMS):
        matched += 1
    if matched == 0:
        return (0.0, 0.0)
    p_num, p_den = matched, len(pred_relation.split())
    r_num, r_den = matched, len(gold_words)
    for i, gold_arg in enumerate(gold_args):
        gold_arg_words = gold_arg.split()
        r_den += len(gold_arg_words)
        if i >= len(pred_args):
            return (0.0, 0.0)
        pred_arg_words = pred_args[i].split()
        p_den += len(pred_arg_words)
        overlap, _ = _bag_overlap(gold_arg_words, pred_arg_words)
        p_num += overlap
        r_num += overlap
    return (p_num / p_den if p_den else 0.0, r_num / r_den if r_den else 0.0)


def match(gold: CarbTuple, pred: CarbTuple) -> tuple[float, float]:
    """CaRB's default matcher (``binary_linient_tuple_match``): (precision, recall).

    Both tuples are binarized.  For "said"-type gold relations (substring test, as in CaRB) the
    prediction is also tried with its two slots swapped and the larger (precision, recall) pair
    in lexicographic order is kept.
    """
    gold_args = binarize(gold.args)
    straight = lenient_match(gold.relation, gold_args, pred.relation, binarize(pred.args))
    if not any(verb in gold.relation for verb in SAID_VERBS):
        return straight
    swapped = (" ".join(pred.args[1:]), pred.args[0]) if len(pred.args) >= 2 else pred.args
    return max(straight, lenient_match(gold.relation, gold_args, pred.relation, swapped))


Matrix = list[list[tuple[float, float]]]


def greedy_one_to_one(matrix: Matrix, active: Sequence[int], part: int) -> float:
    """Sum of scores (``part`` 0 = precision, 1 = recall) of a greedy one-to-one matching.

    Repeatedly takes the highest-scoring free (gold, prediction) pair, scanning gold rows then
    active predictions in order and keeping the first maximum, exactly like CaRB.
    """
    used_rows: set[int] = set()
    used_cols: set[int] = set()
    total = 0.0
    for _ in range(min(len(matrix), len(active))):
        best, best_row, best_col = -1.0, -1, -1
        for i, row in enumerate(matrix):
            if i in used_rows:
                continue
            for j in active:
                if j not in used_cols and row[j][part] > best:
                    best, best_row, best_col = row[j][part], i, j
        used_rows.add(best_row)
        used_cols.add(best_col)
        total += best
    return total


def best_per_gold(matrix: Matrix, active: Sequence[int]) -> float:
    """Sum over gold tuples of the best recall among active predictions (many-to-one)."""
    return sum(max((row[j][1] for j in active), default=0.0) for row in matrix)


def sentence_sums(matrix: Matrix, active: Sequence[int]) -> list[float]:
    """One sentence's contribution at one threshold: precision numerator and denominator,
    recall numerator, CaRB(1-1) recall numerator, recall denominator."""
    return [
        greedy_one_to_one(matrix, active, 0),
        len(active),
        best_per_gold(matrix, active),
        greedy_one_to_one(matrix, active, 1),
        len(matrix),
    ]


def f1(precision: float, recall: float) -> float:
    """Harmonic mean; 0 when both are 0 (CaRB/OpenIE6 skip that NaN via nanargmax)."""
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def sklearn_auc(x: Sequence[float], y: Sequence[float]) -> float:
    """Trapezoidal area under y(x), like ``sklearn.metrics.auc``: x must be monotonic."""
    dx = [b - a for a, b in pairwise(x)]
    if all(d <= 0 for d in dx):
        direction = -1.0
    elif all(d >= 0 for d in dx):
        direction = 1.0
    else:
        raise ValueError("x is neither increasing nor decreasing")
    return direction * sum(d * (y0 + y1) / 2 for d, (y0, y1) in zip(dx, pairwise(y), strict=True))


def _curve(thresholds: Sequence[float], sums: Sequence[Sequence[float]], recall: int) -> Curve:
    """Turn per-threshold sums into a curve, its best-F1 point and AUC (as CaRB does)."""
    points = []
    for t, row in zip(thresholds, sums, strict=True):
        p = row[0] / row[1] if row[1] > 0 else 1.0
        r = row[recall] / row[4] if row[4] > 0 else 0.0
        points.append(Point(t, p, r, f1(p, r)))
    if not points:
        return Curve(Point(0.0, 0.0, 0.0, 0.0), 0.0, ())  # CaRB: AUC 0, (0, 0, 0)
    best = max(points, key=lambda pt: pt.f1)  # first maximum, i.e. the lowest threshold
    # CaRB appends (recall 0, precision 1) after the ascending-threshold points.
    x, y = [pt.recall for pt in points] + [0.0], [pt.precision for pt in points] + [1.0]
    return Curve(best, sklearn_auc(x, y), tuple(points))


def score(
    gold: Mapping[str, Sequence[CarbTuple]], predicted: Mapping[str, Sequence[CarbTuple]]
) -> Figures:
    """Score predictions against gold, both keyed by sentence, as CaRB's ``Benchmark.compare``.

    Thresholds are all distinct prediction confidences (also those on sentences without gold);
    only sentences with gold tuples are scored, and those without predictions still count in
    the recall denominators.  Sums are micro-averaged over sentences.
    """
    thresholds = sorted({t.confidence for preds in predicted.values() for t in preds})
    index = {t: k for k, t in enumerate(thresholds)}
    sums = [[0.0] * 5 for _ in thresholds]
    for sentence, gold_tuples in gold.items():
        preds = list(predicted.get(sentence, ()))
        matrix = [[match(g, pr) for pr in preds] for g in gold_tuples]
        start = 0  # a sentence's sums at confidence c hold for thresholds in (previous c, c]
        for conf in sorted({pr.confidence for pr in preds}):
            active = [j for j, pr in enumerate(preds) if pr.confidence >= conf]
            add = sentence_sums(matrix, active)
            for k in range(start, index[conf] + 1):
                sums[k] = [a + b for a, b in zip(sums[k], add, strict=True)]
            start = index[conf] + 1
        for k in range(start, len(thresholds)):  # above its predictions: only gold counts
            sums[k][4] += len(gold_tuples)
    return Figures(
        sentences=len(gold),
        gold_tuples=sum(len(g) for g in gold.values()),
        predictions=sum(len(predicted.get(s, ())) for s in gold),
        carb=_curve(thresholds, sums, 2),
        one_to_one=_curve(thresholds, sums, 3),
    )


def sentence_recall(gold_tuples: Sequence[CarbTuple], preds: Sequence[CarbTuple]) -> float:
    """CaRB recall of one sentence with every prediction active."""
    matrix = [[match(g, pr) for pr in preds] for g in gold_tuples]
    return best_per_gold(matrix, range(len(preds))) / len(gold_tuples) if gold_tuples else 1.0


def flatten_confidence(
    predicted: Mapping[str, Sequence[CarbTuple]], value: float = 1.0
) -> dict[str, list[CarbTuple]]:
    """Give every prediction the same confidence (``--confidence-off``)."""
    return {s: [replace(t, confidence=value) for t in ts] for s, ts in predicted.items()}


def parse_gold(lines: Iterable[str]) -> dict[str, list[CarbTuple]]:
    """Parse CaRB gold TSV lines (``sentence, relation, arg1, arg2 ...``) like its GoldReader."""
    gold: dict[str, list[CarbTuple]] = {}
    for line in lines:
        if not line.strip():
            continue
        fields = line.strip().split("\t")
        args = tuple(a.strip() for a in fields[2:] if CONTEXT_MARKER not in a)
        gold.setdefault(fields[0].strip(), []).append(CarbTuple(fields[1].strip(), args))
    return gold


def assertion_to_tuple(record: Mapping[str, Any]) -> CarbTuple:
    """Convert a graphkit assertion to a CaRB tuple, arguments in sentence order.

    ``relation.text`` is the relation, ``subject.text`` arg1, then ``object.text`` and each
    qualifier's text.  A passive assertion's subject is the logical agent and its object the
    patient, so the object comes first.
    """
    relation = record["relation"]
    subject = (record.get("subject") or {}).get("text", "")
    obj = record.get("object")
    qualifiers = [q["text"] for q in record.get("qualifiers") or []]
    if obj is None:
        core = [subject]
    elif relation.get("passive"):
        core = [obj["text"], subject]
    else:
        core = [subject, obj["text"]]
    confidence = record.get("confidence")
    return CarbTuple(
        relation["text"], tuple(core + qualifiers), 1.0 if confidence is None else float(confidence)
    )


def doc_id(line_number: int) -> str:
    """Document id of the 1-based line ``line_number`` of dev.txt."""
    return f"{DOC_PREFIX}{line_number}"


def group_predictions(
    records: Iterable[Mapping[str, Any]], sentences: Sequence[str]
) -> tuple[dict[str, list[CarbTuple]], int]:
    """Group assertions by sentence text via their doc id; also count unknown doc ids."""
    by_id = {doc_id(i): s for i, s in enumerate(sentences, start=1)}
    grouped: dict[str, list[CarbTuple]] = {}
    unknown = 0
    for record in records:
        sentence = by_id.get(str(record.get("doc")))
        if sentence is None:
            unknown += 1
            continue
        grouped.setdefault(sentence, []).append(assertion_to_tuple(record))
    return grouped, unknown


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    """Read a JSON Lines file, skipping blank lines."""
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def run_extractor(sentences: Sequence[str], keep: Path | None = None) -> list[dict[str, Any]]:
    """Run ``python -m graphkit extract`` on the sentences and return its assertions."""
    with tempfile.TemporaryDirectory(prefix="carb-") as tmp:
        source, out = Path(tmp, "dev.jsonl"), Path(tmp, "assertions.jsonl")
        with source.open("w", encoding="utf-8") as fh:
            for i, text in enumerate(sentences, start=1):
                fh.write(json.dumps({"id": doc_id(i), "text": text}) + "\n")
        path = os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))
        env = {**os.environ, "PYTHONPATH": path}
        cmd = [sys.executable, "-m", "graphkit", "extract", str(source), "-o", str(out)]
        # The extractor's own output goes to stderr so that stdout stays clean for --json.
        done = subprocess.run(cmd, cwd=ROOT, env=env, stdout=sys.stderr, check=False)
        if done.returncode != 0:
            raise SystemExit(f"graphkit extract failed with exit code {done.returncode}")
        if keep is not None:
            keep.write_text(out.read_text(encoding="utf-8"), encoding="utf-8")
        return read_jsonl(out)


def _pct(value: float) -> str:
    return f"{100 * value:5.1f}"


def format_table(figures: Figures, ignored: int, confidence_off: bool) -> str:
    """The human-readable summary with the published reference figures."""
    best, one = figures.carb.best, figures.one_to_one.best
    mode = "confidence off (all 1)" if confidence_off else "confidence on"
    lines = [
        f"CaRB dev, graphkit ({mode})",
        f"  predictions    {figures.predictions:6d}"
        + (f"  (+{ignored} on sentences without gold, ignored)" if ignored else ""),
        f"  gold tuples    {figures.gold_tuples:6d}",
        f"  sentences      {figures.sentences:6d}  (with gold)",
        f"  best F1         {_pct(best.f1)}  (P {_pct(best.precision).strip()}, "
        f"R {_pct(best.recall).strip()} at confidence >= {best.threshold:.3g})",
        f"  AUC             {_pct(figures.carb.auc)}",
        f"  CaRB(1-1) F1    {_pct(one.f1)}  (P {_pct(one.precision).strip()}, "
        f"R {_pct(one.recall).strip()})",
        "",
        "Precision as the confidence threshold falls (CaRB):",
        *_threshold_rows(figures.carb),
        "",
        "Published, CaRB test split: F1 / AUC (1-1 F1)",
    ]
    lines += [f"  {name:<16} {figs}" for name, figs in REFERENCE]
    return "\n".join(lines)


def _threshold_rows(curve: Curve, rows: int = 6) -> list[str]:
    """A few points of the curve, from the highest threshold down."""
    points = list(reversed(curve.points))
    step = max(1, len(points) // rows)
    picked = points[::step][:rows] + ([points[-1]] if len(points) % step != 1 else [])
    return [f"  >= {p.threshold:5.3f}   P {_pct(p.precision)}   R {_pct(p.recall)}" for p in picked]


def figures_json(figures: Figures, ignored: int, confidence_off: bool) -> dict[str, Any]:
    """The figures as a JSON-ready dict (curves summarised by their number of thresholds)."""
    counts = {k: getattr(figures, k) for k in ("sentences", "gold_tuples", "predictions")}
    return {
        "split": "dev",
        "confidence_off": confidence_off,
        **counts,
        "ignored_predictions": ignored,
        "thresholds": len(figures.carb.points),
        "carb": {**asdict(figures.carb.best), "auc": figures.carb.auc},
        "carb_1_1": {**asdict(figures.one_to_one.best), "auc": figures.one_to_one.auc},
    }


def _tuple_text(t: CarbTuple) -> str:
    return "(" + " ; ".join([t.relation, *t.args]) + ")"


def format_errors(
    gold: Mapping[str, Sequence[CarbTuple]], predicted: Mapping[str, Sequence[CarbTuple]], n: int
) -> str:
    """The ``n`` sentences with the worst recall (all predictions active), gold vs predicted."""
    ranked = sorted(
        ((sentence_recall(g, predicted.get(s, ())), -len(g), s) for s, g in gold.items()),
    )
    blocks = []
    for recall, _, sentence in ranked[:n]:
        preds = list(predicted.get(sentence, ()))
        lines = [f"recall {recall:.2f}  {sentence}"]
        for g in gold[sentence]:
            best = max((match(g, pr)[1] for pr in preds), default=0.0)
            lines.append(f"  gold {best:.2f} {_tuple_text(g)}")
        lines += [f"  pred {pr.confidence:.2f} {_tuple_text(pr)}" for pr in preds] or ["  (none)"]
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks)


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    """Command-line options."""
    parser = argparse.ArgumentParser(description="Score graphkit on the CaRB dev split.")
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="CaRB data directory")
    parser.add_argument("--predictions", type=Path, help="score this assertions JSONL file")
    parser.add_argument("--save-predictions", type=Path, help="keep graphkit's output here")
    parser.add_argument("--confidence-off", action="store_true", help="all confidences 1")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument(
        "--errors", type=int, default=0, metavar="N", help="print N sentences with the worst recall"
    )
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    """Run (or read) graphkit's extractions on CaRB dev and print the scores."""
    args = parse_args(argv)
    sentences = (args.data / "dev.txt").read_text(encoding="utf-8").splitlines()
    with args.data.joinpath("gold", "dev.tsv").open(encoding="utf-8") as fh:
        gold = parse_gold(fh)
    if args.predictions is not None:
        records = read_jsonl(args.predictions)
    else:
        records = run_extractor(sentences, args.save_predictions)
    predicted, unknown = group_predictions(records, sentences)
    if unknown:
        print(f"warning: {unknown} assertions with an unknown doc id skipped", file=sys.stderr)
    if args.confidence_off:
        predicted = flatten_confidence(predicted)
    figures = score(gold, predicted)
    ignored = sum(len(ts) for s, ts in predicted.items() if s not in gold)
    if args.json:
        print(json.dumps(figures_json(figures, ignored, args.confidence_off), indent=2))
    else:
        print(format_table(figures, ignored, args.confidence_off))
    if args.errors > 0:  # to stderr under --json, so stdout stays valid JSON
        errors = format_errors(gold, predicted, args.errors)
        print("\n" + errors, file=sys.stderr if args.json else sys.stdout)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
