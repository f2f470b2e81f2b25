"""Tests of the CaRB scorer in benchmarks/carb.py on tiny hand-made tuples.

Expected numbers are worked out by hand in the comments.  Token counts are whitespace tokens;
a pair's precision is (matched tokens) / (predicted tokens) and its recall is (matched tokens) /
(gold tokens), each summed over the relation and the (binarized) argument slots.
"""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType

import pytest

CARB_PATH = Path(__file__).resolve().parent.parent / "benchmarks" / "carb.py"


def _load() -> ModuleType:
    spec = importlib.util.spec_from_file_location("carb_benchmark", CARB_PATH)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while being created
    spec.loader.exec_module(module)
    return module


carb = _load()
T = carb.CarbTuple
S = "The sentence ."  # key of a sentence; its text does not matter to the scorer


def t(relation: str, *args: str, conf: float = 1.0) -> object:
    """A tuple, briefly."""
    return T(relation, tuple(args), conf)


# --------------------------------------------------------------------------- pair matching


def test_perfect_pair() -> None:
    g = t("was born in", "Obama", "Hawaii")
    assert carb.match(g, g) == (1.0, 1.0)


def test_counts_are_summed_over_slots() -> None:
    # relation 2/2 matched; arg1 gold "Obama" in predicted "Barack Obama": 1 match;
    # arg2 gold "Hawaii" in predicted "Honolulu , Hawaii": 1 match.
    # precision = (2+1+1) / (2+2+3) = 4/7 (not the mean of slot ratios (1 + 1/2 + 1/3) / 3);
    # recall = (2+1+1) / (2+1+1) = 1.
    g = t("born in", "Obama", "Hawaii")
    p = t("born in", "Barack Obama", "Honolulu , Hawaii")
    assert carb.match(g, p) == pytest.approx((4 / 7, 1.0))


def test_relation_without_shared_token_scores_zero() -> None:
    # The arguments are identical, but "visited" shares no token with "was born in".
    assert carb.match(t("was born in", "Obama", "Hawaii"), t("visited", "Obama", "Hawaii")) == (
        0.0,
        0.0,
    )


def test_tokens_are_case_sensitive() -> None:
    # relation 1/1; arg1 "Obama" vs "obama": no match; arg2 1/1.
    # precision = recall = (1+0+1) / 3 = 2/3.
    g = t("visited", "Obama", "Paris")
    assert carb.match(g, t("visited", "obama", "Paris")) == pytest.approx((2 / 3, 2 / 3))


def test_tokens_are_bags() -> None:
    # gold arg2 "the the cat" vs predicted "the cat dog": "the" matches once, "cat" once
    # -> 2 matched. precision = (1+1+2)/(1+1+3) = 4/5; recall = (1+1+2)/(1+1+3) = 4/5.
    g = t("saw", "Ann", "the the cat")
    assert carb.match(g, t("saw", "Ann", "the cat dog")) == pytest.approx((0.8, 0.8))


def test_missing_arg2_scores_zero() -> None:
    assert carb.match(t("was born in", "Obama", "Hawaii"), t("was born in", "Obama")) == (0.0, 0.0)


def test_arguments_after_the_first_share_one_slot() -> None:
    # ("met", "Obama", "Putin", "in Paris") is binarized to ("met", "Obama", "Putin in Paris").
    g = t("met", "Obama", "Putin", "in Paris")
    assert carb.match(g, t("met", "Obama", "Putin in Paris")) == (1.0, 1.0)
    assert carb.match(t("met", "Obama", "Putin in Paris"), g) == (1.0, 1.0)


def test_extra_predicted_slot_is_ignored_when_gold_has_one_argument() -> None:
    # CaRB only walks the gold's slots: the predicted "in heaven" counts nowhere.
    assert carb.match(t("exists", "God"), t("exists", "God", "in heaven")) == (1.0, 1.0)


def test_be_matches_forms_of_be() -> None:
    # predicted "be" vs gold "is": the 'be' rule adds one match -> relation 1/1, all perfect.
    assert carb.match(t("is", "Paris", "a city"), t("be", "Paris", "a city")) == (1.0, 1.0)
    # predicted "be in" vs gold "was in": "in" matches, then "be" ~ "was": 2/2.
    assert carb.match(t("was in", "He", "Rome"), t("be in", "He", "Rome")) == (1.0, 1.0)
    # no form of be in "has": no shared token -> zero.
    assert carb.match(t("has", "Paris", "a river"), t("be", "Paris", "a river")) == (0.0, 0.0)
    # the rule is one-way: a predicted "is" does not match a gold "be".
    assert carb.match(t("be", "Paris", "a city"), t("is", "Paris", "a city")) == (0.0, 0.0)


def test_contracted_be_is_not_a_form_of_be_in_carb() -> None:
    # CaRB's forms_of_be lists be/is/am/are/was/were/been/being only, not 's or 're.
    assert carb.match(t("'s", "He", "here"), t("be", "He", "here")) == (0.0, 0.0)


def test_said_relations_also_try_swapped_arguments() -> None:
    # Straight: relation 1/1, arg1 "the company" vs "profits rose" 0, arg2 0 -> 1/5 each.
    # Swapped (CaRB does this for said/told/added/adds/says): perfect, and the max is kept.
    g = t("said", "the company", "profits rose")
    assert carb.match(g, t("said", "profits rose", "the company")) == (1.0, 1.0)
    h = t("visited", "the company", "profits rose")
    assert carb.match(h, t("visited", "profits rose", "the company")) == pytest.approx((0.2, 0.2))


# --------------------------------------------------------------------------- aggregation


def test_perfect_prediction() -> None:
    gold = {S: [t("was born in", "Obama", "Hawaii"), t("is", "Obama", "president")]}
    fig = carb.score(gold, gold)
    assert (fig.carb.best.precision, fig.carb.best.recall, fig.carb.best.f1) == (1.0, 1.0, 1.0)
    # one threshold: points (R 1, P 1) then the added (0, 1): area = 1 * (1 + 1) / 2 = 1.
    assert fig.carb.auc == pytest.approx(1.0)
    assert fig.one_to_one.best.f1 == 1.0
    assert (fig.sentences, fig.gold_tuples, fig.predictions) == (1, 2, 2)


def test_unmatched_prediction_scores_zero() -> None:
    gold = {S: [t("was born in", "Obama", "Hawaii")]}
    fig = carb.score(gold, {S: [t("visited", "Obama", "Hawaii")]})
    assert (fig.carb.best.precision, fig.carb.best.recall, fig.carb.best.f1) == (0.0, 0.0, 0.0)


def test_one_prediction_serves_two_gold_tuples_except_in_one_to_one() -> None:
    # Pred vs either gold: relation 2/2, arg1 1/1, arg2 gold "in Hawaii" (or "in 1961") fully
    # inside "in Hawaii in 1961": 2 -> precision (2+1+2)/(2+1+4) = 5/7, recall 5/5 = 1.
    # CaRB: recall = (1 + 1) / 2 = 1; precision = 5/7 (one pair, one prediction);
    #   F1 = 2 * 5/7 * 1 / (5/7 + 1) = 10/12 = 5/6.
    # CaRB(1-1): only one gold tuple may use the prediction: recall = 1/2;
    #   F1 = 2 * 5/7 * 1/2 / (5/7 + 1/2) = (5/7) / (17/14) = 10/17.
    gold = {S: [t("was born", "Obama", "in Hawaii"), t("was born", "Obama", "in 1961")]}
    fig = carb.score(gold, {S: [t("was born", "Obama", "in Hawaii in 1961")]})
    assert fig.carb.best.precision == pytest.approx(5 / 7)
    assert fig.carb.best.recall == pytest.approx(1.0)
    assert fig.carb.best.f1 == pytest.approx(5 / 6)
    assert fig.one_to_one.best.recall == pytest.approx(0.5)
    assert fig.one_to_one.best.f1 == pytest.approx(10 / 17)


def test_duplicate_predictions_all_count_in_precision() -> None:
    # Two copies of a perfect prediction for one gold tuple: only one is matched (1-1 for
    # precision), both count in the denominator: precision = (1 + 0) / 2; recall = 1.
    gold = {S: [t("visited", "Obama", "Paris")]}
    fig = carb.score(gold, {S: [t("visited", "Obama", "Paris")] * 2})
    assert fig.carb.best.precision == pytest.approx(0.5)
    assert fig.carb.best.recall == pytest.approx(1.0)


def test_sentence_without_predictions_counts_in_recall() -> None:
    # Sentence A: perfect. Sentence B: one gold tuple, no predictions.
    # Micro-averaged: recall = (1 + 0) / (1 + 1) = 1/2; precision = 1/1.
    gold = {"A": [t("visited", "Obama", "Paris")], "B": [t("met", "Ann", "Bob")]}
    fig = carb.score(gold, {"A": [t("visited", "Obama", "Paris")]})
    assert (fig.carb.best.precision, fig.carb.best.recall) == pytest.approx((1.0, 0.5))
    assert (fig.sentences, fig.gold_tuples, fig.predictions) == (2, 2, 1)


def test_predictions_on_sentences_without_gold_are_ignored() -> None:
    gold = {"A": [t("visited", "Obama", "Paris")]}
    fig = carb.score(gold, {"A": [t("visited", "Obama", "Paris")], "Z": [t("x", "y", "z")]})
    assert fig.carb.best.f1 == 1.0
    assert fig.predictions == 1


def test_threshold_sweep() -> None:
    # G1 = (founded; Jobs; Apple), G2 = (lives in; Jobs; California).
    # P1 = G1 exactly, confidence 0.9.  P2 = (lives in; Jobs; California now), confidence 0.5:
    #   vs G2 precision (2+1+1)/(2+1+2) = 4/5, recall 4/4 = 1.  P1 vs G2, P2 vs G1: relations
    #   share no token -> 0.
    # threshold 0.5 (both active): recall (1 + 1)/2 = 1; precision greedy: (G1,P1) = 1 first,
    #   then (G2,P2) = 0.8 -> 1.8/2 = 0.9; F1 = 2 * 0.9 / 1.9 = 18/19.
    # threshold 0.9 (P1 only): recall (1 + 0)/2 = 0.5; precision 1/1; F1 = 2 * 0.5 / 1.5 = 2/3.
    # AUC over (R, P) = (1, 0.9), (0.5, 1), (0, 1):
    #   0.5 * (0.9 + 1)/2 + 0.5 * (1 + 1)/2 = 0.475 + 0.5 = 0.975.
    gold = {S: [t("founded", "Jobs", "Apple"), t("lives in", "Jobs", "California")]}
    preds = {
        S: [
            t("founded", "Jobs", "Apple", conf=0.9),
            t("lives in", "Jobs", "California now", conf=0.5),
        ]
    }
    fig = carb.score(gold, preds)
    assert [pt.threshold for pt in fig.carb.points] == [0.5, 0.9]
    assert [pt.f1 for pt in fig.carb.points] == pytest.approx([18 / 19, 2 / 3])
    assert fig.carb.best.threshold == 0.5
    assert fig.carb.best.precision == pytest.approx(0.9)
    assert fig.carb.auc == pytest.approx(0.975)


def test_confidence_ranking_can_beat_confidence_off() -> None:
    # P1 is right (0.9), P2 is wrong (0.5): no shared relation token with G2.
    # threshold 0.5: recall 1/2, precision (1 + 0)/2 = 1/2, F1 1/2.
    # threshold 0.9: recall 1/2, precision 1/1, F1 2/3 -> best.
    # AUC over (0.5, 0.5), (0.5, 1), (0, 1): 0 + 0.5 * (1 + 1)/2 = 0.5.
    # Confidence off: a single threshold where both are active: F1 1/2.
    gold = {S: [t("founded", "Jobs", "Apple"), t("lives in", "Jobs", "California")]}
    preds = {S: [t("founded", "Jobs", "Apple", conf=0.9), t("ate", "Jobs", "fruit", conf=0.5)]}
    fig = carb.score(gold, preds)
    assert fig.carb.best.f1 == pytest.approx(2 / 3)
    assert fig.carb.best.threshold == 0.9
    assert fig.carb.auc == pytest.approx(0.5)
    flat = carb.score(gold, carb.flatten_confidence(preds))
    assert len(flat.carb.points) == 1
    assert flat.carb.best.f1 == pytest.approx(0.5)


def test_no_predictions_at_all() -> None:
    fig = carb.score({S: [t("visited", "Obama", "Paris")]}, {})
    assert (fig.carb.best.f1, fig.carb.auc, fig.one_to_one.best.f1) == (0.0, 0.0, 0.0)


def test_sklearn_auc_is_direction_free() -> None:
    assert carb.sklearn_auc([1.0, 0.5, 0.0], [0.9, 1.0, 1.0]) == pytest.approx(0.975)
    assert carb.sklearn_auc([0.0, 0.5, 1.0], [1.0, 1.0, 0.9]) == pytest.approx(0.975)
    with pytest.raises(ValueError):
        carb.sklearn_auc([0.0, 1.0, 0.5], [1.0, 1.0, 1.0])


# --------------------------------------------------------------------------- input conversion


def test_parse_gold_drops_context_arguments() -> None:
    lines = [
        "A b c .\tsaid\tMr. X\tprices rose\tC: in a statement\n",
        "A b c .\tplans to buy\tthe firm\tstock: C: the firm said\n",
        "\n",
    ]
    gold = carb.parse_gold(lines)
    assert gold == {"A b c .": [t("said", "Mr. X", "prices rose"), t("plans to buy", "the firm")]}


def _assertion(**overrides: object) -> dict[str, object]:
    record: dict[str, object] = {
        "id": "a1",
        "doc": "carb-2",
        "subject": {"text": "the police"},
        "relation": {"text": "arrested", "passive": False},
        "object": {"text": "the man"},
        "qualifiers": [{"role": "time", "text": "on Monday"}],
        "confidence": 0.7,
    }
    record.update(overrides)
    return record


def test_assertion_to_tuple() -> None:
    assert carb.assertion_to_tuple(_assertion()) == t(
        "arrested", "the police", "the man", "on Monday", conf=0.7
    )
    # passive: subject is the agent, object the patient -> object first (sentence order).
    passive = _assertion(relation={"text": "was arrested by", "passive": True})
    assert carb.assertion_to_tuple(passive).args == ("the man", "the police", "on Monday")
    intransitive = _assertion(object=None, qualifiers=[], confidence=None)
    assert carb.assertion_to_tuple(intransitive) == t("arrested", "the police")


def test_group_predictions_by_doc_id() -> None:
    sentences = ["First .", "Second ."]
    records = [_assertion(), _assertion(doc="carb-1"), _assertion(doc="other-9")]
    grouped, unknown = carb.group_predictions(records, sentences)
    assert sorted(grouped) == ["First .", "Second ."]
    assert unknown == 1


def test_main_scores_a_predictions_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "gold").mkdir()
    (tmp_path / "dev.txt").write_text("He left .\nShe came .\n", encoding="utf-8")
    (tmp_path / "gold" / "dev.tsv").write_text(
        "He left .\tleft\tHe\nShe came .\tcame\tShe\n", encoding="utf-8"
    )
    record = _assertion(
        doc="carb-1", subject={"text": "He"}, relation={"text": "left"}, object=None, qualifiers=[]
    )
    predictions = tmp_path / "pred.jsonl"
    predictions.write_text(json.dumps(record) + "\n", encoding="utf-8")
    argv = ["--data", str(tmp_path), "--predictions", str(predictions), "--json"]
    assert carb.main(argv) == 0
    out = json.loads(capsys.readouterr().out)
    # sentence 1 perfect, sentence 2 missed: P = 1, R = 1/2, F1 = 2/3.
    assert out["carb"]["f1"] == pytest.approx(2 / 3)
    assert (out["gold_tuples"], out["predictions"], out["sentences"]) == (2, 1, 2)
