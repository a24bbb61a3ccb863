"""The evaluator itself, on small hand-made cases."""

from __future__ import annotations

import pytest

from kg.ids import paper_id_from_title
from kg.model import ExtractedEntity, Paper, PaperRecord
from pipelines.evaluation import by_confidence, compare, errors, evaluate, matched_predictions


def rec(title: str, *entities: tuple[str, str, str, list[str]]) -> PaperRecord:
    return PaperRecord(
        Paper(id=paper_id_from_title(title), title=title, abstract=""),
        [ExtractedEntity(type=t, name=n, role=r, aliases=a) for t, n, r, a in entities],
    )


GOLD = [
    rec(
        "Paper One",
        ("Method", "Direct Preference Optimization", "used", ["DPO"]),
        ("Benchmark", "MT-Bench", "evaluated_on", []),
        ("Method", "Alpha", "proposed", []),
    ),
]


def test_perfect_predictions_score_one_everywhere():
    result = evaluate(GOLD, GOLD)
    assert result["overall"]["typed"]["f1"] == 1.0
    assert result["group"]["core (merged)"] == {
        "gold": 3,
        "predicted": 3,
        "matched": 3,
        "precision": 1.0,
        "recall": 1.0,
        "f1": 1.0,
    }


def test_empty_predictions_have_zero_recall_and_paper_is_still_counted():
    result = evaluate(GOLD, [rec("Paper One")])
    assert result["overall"]["typed"]["recall"] == 0.0 and result["overall"]["typed"]["f1"] == 0.0
    assert result["papers"] == {"gold": 1, "matched": 1}


def test_missing_paper_counts_as_all_missed():
    result = evaluate(GOLD, [rec("Another Paper", ("Method", "Alpha", "proposed", []))])
    assert result["papers"]["matched"] == 0 and result["overall"]["typed"]["matched"] == 0


def test_partial_predictions_give_the_expected_precision_and_recall():
    pred = [rec("paper one", ("Method", "Alpha", "proposed", []), ("Method", "Bogus", "used", []))]
    typed = evaluate(GOLD, pred)["overall"]["typed"]
    assert (typed["matched"], typed["precision"], typed["recall"]) == (1, 0.5, pytest.approx(1 / 3, abs=1e-4))


def test_alias_and_spelling_variants_match():
    pred = [rec("Paper One", ("Method", "DPO", "used", []), ("Benchmark", "mt bench", "evaluated_on", []))]
    result = evaluate(GOLD, pred)
    assert result["type"]["Method"]["matched"] == 1 and result["type"]["Benchmark"]["matched"] == 1


def test_type_confusion_counts_in_the_merged_group_but_not_strictly():
    pred = [rec("Paper One", ("Dataset", "MT-Bench", "evaluated_on", []), ("Model", "Alpha", "proposed", []))]
    result = evaluate(GOLD, pred)
    assert result["type"]["Benchmark"]["matched"] == 0 and result["type"]["Method"]["matched"] == 0
    assert result["group"]["Dataset+Benchmark"]["matched"] == 1
    assert result["group"]["core (merged)"]["matched"] == 2


def test_each_gold_entity_is_matched_once():
    pred = [rec("Paper One", ("Method", "DPO", "used", []), ("Method", "Direct Preference Optimization", "used", []))]
    method = evaluate(GOLD, pred)["type"]["Method"]
    assert method["matched"] == 1 and method["predicted"] == 2


def test_role_needs_entity_and_role_right():
    pred = [rec("Paper One", ("Method", "Alpha", "used", []), ("Benchmark", "MT-Bench", "evaluated_on", []))]
    roles = evaluate(GOLD, pred)["role"]
    assert roles["proposed"]["matched"] == 0 and roles["evaluated_on"]["matched"] == 1


def test_method_pairs_are_scored_across_papers():
    gold = [
        rec("P1", ("Method", "Alpha", "proposed", []), ("Benchmark", "GSM8K", "evaluated_on", [])),
        rec("P2", ("Method", "Beta", "proposed", []), ("Benchmark", "GSM8K", "evaluated_on", [])),
    ]
    pred = [
        rec("P1", ("Method", "Alpha", "proposed", []), ("Benchmark", "GSM8K", "evaluated_on", [])),
        rec("P2", ("Method", "Beta", "used", []), ("Benchmark", "GSM8K", "evaluated_on", [])),
    ]
    assert evaluate(gold, gold)["pairs"]["methods-sharing-benchmarks"]["f1"] == 1.0
    assert evaluate(gold, pred)["pairs"]["methods-sharing-benchmarks"]["recall"] == 0.0


def test_gold_pairs_join_benchmarks_by_the_golds_own_names_not_the_catalogue():
    # The catalogue knows "Massive Multitask Language Understanding" as MMLU; the gold does not
    # say so, so its two papers share no benchmark, and a prediction that joins them is wrong.
    def papers(second_aliases: list[str]) -> list[PaperRecord]:
        return [
            rec("P1", ("Method", "Alpha", "proposed", []), ("Benchmark", "MMLU", "evaluated_on", [])),
            rec(
                "P2",
                ("Method", "Beta", "proposed", []),
                ("Benchmark", "Massive Multitask Language Understanding", "evaluated_on", second_aliases),
            ),
        ]

    gold, pred = papers([]), papers([])
    pairs = evaluate(gold, pred)["pairs"]["methods-sharing-benchmarks"]
    assert (pairs["gold"], pairs["predicted"], pairs["matched"]) == (0, 1, 0)
    aliased = evaluate(papers(["MMLU"]), pred)["pairs"]["methods-sharing-benchmarks"]
    assert (aliased["gold"], aliased["matched"]) == (1, 1)


def _papers(n: int) -> tuple[list[PaperRecord], list[PaperRecord]]:
    """n papers, each with two gold methods of which the prediction finds one, plus one wrong."""
    gold = [rec(f"Paper {i}", ("Method", f"A{i}", "used", []), ("Method", f"B{i}", "used", [])) for i in range(n)]
    pred = [rec(f"Paper {i}", ("Method", f"A{i}", "used", []), ("Method", f"W{i}", "used", [])) for i in range(n)]
    return gold, pred


def test_perfect_predictions_have_a_degenerate_interval():
    result = evaluate(GOLD, GOLD, ci_samples=200)
    assert result["overall"]["typed"]["f1_ci"] == [1.0, 1.0]


def test_interval_brackets_the_point_estimate_and_is_reproducible():
    gold, pred = _papers(10)
    pred[0] = rec("Paper 0", ("Method", "A0", "used", []), ("Method", "B0", "used", []))  # one paper all right
    first = evaluate(gold, pred, ci_samples=500, seed=3)["overall"]["typed"]
    again = evaluate(gold, pred, ci_samples=500, seed=3)["overall"]["typed"]
    low, high = first["f1_ci"]
    assert 0.0 <= low <= first["f1"] <= high <= 1.0 and low < high
    assert again["f1_ci"] == first["f1_ci"]


def test_interval_narrows_with_more_papers_of_the_same_kind():
    def width(n: int) -> float:
        gold, pred = _papers(n)
        for i in range(0, n, 2):  # half the papers perfect, half half-right
            pred[i] = rec(f"Paper {i}", ("Method", f"A{i}", "used", []), ("Method", f"B{i}", "used", []))
        low, high = evaluate(gold, pred, ci_samples=500)["overall"]["typed"]["f1_ci"]
        return high - low

    assert width(80) < width(8)


def test_pairs_get_no_interval_and_intervals_are_off_by_default():
    result = evaluate(GOLD, GOLD, ci_samples=100)
    assert "f1_ci" not in result["pairs"]["methods-sharing-benchmarks"]
    assert "f1_ci" not in evaluate(GOLD, GOLD)["overall"]["typed"]


def test_comparing_a_pipeline_with_itself_shows_no_change():
    gold, pred = _papers(12)
    change = compare(gold, pred, pred, samples=300)["overall"]["typed"]
    assert change["delta"] == 0.0 and change["delta_ci"] == [0.0, 0.0]


def test_a_change_that_helps_on_every_paper_has_an_interval_above_zero():
    gold, worse = _papers(12)
    better = [rec(f"Paper {i}", ("Method", f"A{i}", "used", []), ("Method", f"B{i}", "used", [])) for i in range(6)]
    better += worse[6:]  # half the papers now fully right, the rest unchanged
    change = compare(gold, better, worse, samples=500)["overall"]["typed"]
    assert change["baseline_f1"] == pytest.approx(0.5) and change["delta"] > 0
    low, high = change["delta_ci"]
    assert 0 < low <= change["delta"] <= high


def test_errors_name_each_kind_of_disagreement_once():
    pred = [
        rec(
            "Paper One",
            ("Method", "DPO", "proposed", []),  # right name, wrong role
            ("Dataset", "MT-Bench", "evaluated_on", []),  # right name, wrong type
            ("Method", "Bogus", "used", []),
        )
    ]
    found = {(r["error"], r["name"]) for r in errors(GOLD, pred)}
    assert found == {
        ("role", "Direct Preference Optimization"),
        ("type", "MT-Bench"),
        ("spurious", "Bogus"),
        ("missed", "Alpha"),
    }


def test_errors_agree_with_the_untyped_counts():
    pred = [rec("Paper One", ("Method", "Alpha", "used", []), ("Task", "Zeta", "evaluated_on", []))]
    rows = errors(GOLD, pred)
    untyped = evaluate(GOLD, pred)["overall"]["untyped"]
    assert sum(r["error"] == "missed" for r in rows) == untyped["gold"] - untyped["matched"]
    assert sum(r["error"] == "spurious" for r in rows) == untyped["predicted"] - untyped["matched"]
    assert errors(GOLD, GOLD) == []


def test_a_confidence_threshold_trades_recall_for_precision_as_build_filters():
    def at(confidence: float, *entity: str) -> ExtractedEntity:
        t, n, r = entity
        return ExtractedEntity(type=t, name=n, role=r, confidence=confidence)

    pred = [
        PaperRecord(
            GOLD[0].paper,
            [
                at(0.9, "Method", "DPO", "used"),
                at(0.6, "Method", "Alpha", "proposed"),  # right, but weak
                at(0.4, "Method", "Bogus", "used"),  # wrong and weaker
            ],
        )
    ]
    rows = {row["min_confidence"]: row for row in by_confidence(GOLD, pred, steps=(0.0, 0.5, 0.6, 0.95))}
    assert [rows[s]["kept"] for s in (0.0, 0.5, 0.6, 0.95)] == [3, 2, 2, 0]  # a value at the threshold stays
    assert (rows[0.0]["typed"]["precision"], rows[0.5]["typed"]["precision"]) == (pytest.approx(2 / 3, abs=1e-4), 1.0)
    assert rows[0.5]["typed"]["recall"] == rows[0.0]["typed"]["recall"]
    assert rows[0.5]["proposed"]["matched"] == 1 and rows[0.95]["proposed"]["matched"] == 0
    assert rows[0.95]["core (merged)"]["recall"] == 0.0


def test_matched_predictions_flag_each_entity_a_gold_name_or_alias_matches_whatever_its_type():
    pred = [
        rec(
            "Paper One",
            ("Benchmark", "DPO", "used", []),
            ("Method", "Bogus", "used", []),
            ("Task", "Alpha", "mentioned", []),
        ),
        rec("Paper Two", ("Method", "Alpha", "proposed", [])),
    ]
    assert matched_predictions(GOLD, pred) == [[True, False, True], None]
