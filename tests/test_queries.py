"""Every catalogue question on a small graph whose answers were worked out by hand.

The graph (tests/data/mini-graph.jsonl): Alpha (p1) and Beta (p2) are evaluated on
MT-Bench (spelled two ways) and AlpacaEval 2.0; Beta and Gamma-7B (p3) on GSM8K;
Delta (p4) on AlpacaEval (a different version). Google is p1's and p3's affiliation.
"""

from __future__ import annotations

import pytest

from pipelines.build import link_records
from pipelines.evaluation import load_records
from queries import CATALOGUE, get_question


@pytest.fixture(scope="module")
def mini(request):
    from .conftest import DATA

    return link_records(load_records(DATA / "mini-graph.jsonl")).nx


def ask(graph, question, **params):
    return get_question(question).run_networkx(graph, **params)


def test_methods_sharing_benchmarks_pairs_methods_of_different_papers(mini):
    assert ask(mini, "methods-sharing-benchmarks") == [
        {"method_a": "Alpha", "method_b": "Beta", "shared": ["AlpacaEval 2.0", "MT-Bench"]},
        {"method_a": "Beta", "method_b": "Gamma-7B", "shared": ["GSM8K"]},
    ]
    assert ask(mini, "methods-sharing-benchmarks", min_shared=2) == [
        {"method_a": "Alpha", "method_b": "Beta", "shared": ["AlpacaEval 2.0", "MT-Bench"]},
    ]


def test_shared_benchmarks_lists_the_partners_of_one_method_found_by_alias(mini):
    assert ask(mini, "shared-benchmarks", name="beta") == [
        {"method": "Alpha", "shared": ["AlpacaEval 2.0", "MT-Bench"]},
        {"method": "Gamma-7B", "shared": ["GSM8K"]},
    ]
    assert ask(mini, "shared-benchmarks", name="Beta", min_shared=2, limit=5) == [
        {"method": "Alpha", "shared": ["AlpacaEval 2.0", "MT-Bench"]}
    ]
    assert ask(mini, "shared-benchmarks", name="no such method") == []


def test_shared_benchmarks_agrees_with_the_all_pairs_question_on_the_sample(sample_graph):
    graph = sample_graph.nx
    pairs = ask(graph, "methods-sharing-benchmarks", limit=10_000)
    methods = sorted({r["method_a"] for r in pairs} | {r["method_b"] for r in pairs})
    assert len(methods) > 3, "the sample should give some pairs, or the comparison proves little"
    for method in methods:
        expected = sorted(
            (
                {"method": r["method_b"] if r["method_a"] == method else r["method_a"], "shared": r["shared"]}
                for r in pairs
                if method in (r["method_a"], r["method_b"])
            ),
            key=lambda r: (-len(r["shared"]), r["method"]),
        )
        assert ask(graph, "shared-benchmarks", name=method, limit=10_000) == expected, method


def test_benchmark_usage_counts_papers_and_lists_their_methods(mini):
    rows = ask(mini, "benchmark-usage")
    assert rows[0] == {"benchmark": "AlpacaEval 2.0", "type": "Benchmark", "papers": 2, "methods": ["Alpha", "Beta"]}
    assert [r["benchmark"] for r in rows] == ["AlpacaEval 2.0", "GSM8K", "MT-Bench", "AlpacaEval"]


def test_method_profile_finds_an_entity_by_its_alias(mini):
    (row,) = ask(mini, "method-profile", name="dpo")
    assert row["name"] == "Direct Preference Optimization" and row["aliases"] == ["DPO"]
    assert row["papers"] == ["A Survey of Alignment", "Alpha: Preference Tuning", "Beta Learns Faster"]
    assert row["proposed_by"] == [] and row["benchmarks"] == []
    assert ask(mini, "method-profile", name="no such thing") == []


def test_organization_methods_lists_methods_of_affiliated_papers(mini):
    assert ask(mini, "organization-methods") == [
        {"organization": "Google", "papers": 2, "methods": ["Alpha", "Gamma-7B"]}
    ]


def test_related_papers_ranks_by_shared_entities_and_ignores_affiliations(mini):
    rows = ask(mini, "related-papers", paper="p1")
    assert [(r["title"], r["shared"]) for r in rows] == [
        ("Beta Learns Faster", ["AlpacaEval 2.0", "Direct Preference Optimization", "MT-Bench"]),
        ("A Survey of Alignment", ["Direct Preference Optimization"]),
        ("Gamma for Math", ["instruction following"]),
    ]
    assert ask(mini, "related-papers", paper="Gamma for Math")[0]["title"] == "Alpha: Preference Tuning"


def test_datasets_for_task_collects_evaluation_resources_of_task_papers(mini):
    assert ask(mini, "datasets-for-task", task="Instruction Following") == [
        {"dataset": "AlpacaEval 2.0", "type": "Benchmark", "papers": 1},
        {"dataset": "GSM8K", "type": "Benchmark", "papers": 1},
        {"dataset": "MT-Bench", "type": "Benchmark", "papers": 1},
        {"dataset": "MathPile", "type": "Dataset", "papers": 1},
    ]


def test_trends_counts_papers_per_month_and_skips_undated_ones(mini):
    rows = ask(mini, "trends", type="Benchmark")
    assert {"month": "2024-05", "entity": "AlpacaEval 2.0", "type": "Benchmark", "papers": 2} in rows
    assert all(r["month"] in ("2024-05", "2024-06") for r in rows)
    assert not any(r["entity"] == "AlpacaEval" for r in rows)  # only the undated survey names it


def test_connection_explains_the_path_with_roles(mini):
    rows = ask(mini, "connection", a="Alpha", b="GSM8K")
    assert [r["node"] for r in rows] == [
        "Alpha",
        "Alpha: Preference Tuning",
        "AlpacaEval 2.0",
        "Beta Learns Faster",
        "GSM8K",
    ]
    assert [r["role"] for r in rows] == [None, "proposed", "evaluated_on", "evaluated_on", "evaluated_on"]
    assert ask(mini, "connection", a="Alpha", b="nothing") == []


def test_required_parameters_are_enforced_with_a_clear_message():
    with pytest.raises(ValueError, match="needs the parameter 'name'"):
        get_question("method-profile").bind({})
    with pytest.raises(ValueError, match="no parameter"):
        get_question("trends").bind({"bogus": 1})


@pytest.mark.parametrize("value", [-1, "-1", "abc", 2.5, "2.5"])
def test_a_count_parameter_must_be_a_whole_number_of_0_or_more(value: object) -> None:
    """limit=-1 dropped the last row on networkx, failed on Neo4j and broke related-papers' SPARQL;
    'abc' gave Python's int() message without naming the parameter."""
    with pytest.raises(ValueError, match=r"question 'trends': 'limit' takes a whole number of 0 or more"):
        get_question("trends").bind({"limit": value})
    assert (
        get_question("trends").bind({"limit": "3"})["limit"]
        == get_question("trends").bind({"limit": 3.0})["limit"]
        == 3
    )


def test_an_entity_type_parameter_takes_the_seven_types_in_any_case(sample_graph) -> None:
    """`trends --param type=method` (or a misspelt type) matched nothing and printed "no rows",
    as if the graph had no such entities."""
    with pytest.raises(ValueError, match=r"'type' takes one of Method, Model, Dataset, .*, got 'Methods'"):
        get_question("trends").bind({"type": "Methods"})
    lowercase = ask(sample_graph.nx, "trends", type="method")
    assert lowercase and lowercase == ask(sample_graph.nx, "trends", type="Method")


def test_every_question_runs_on_the_sample_graph(sample_graph):
    defaults = {
        "method-profile": {"name": "DPO"},
        "shared-benchmarks": {"name": "DPO"},
        "related-papers": {"paper": "Alignment faking in large language models"},
        "datasets-for-task": {"task": "text-to-video retrieval"},
        "connection": {"a": "DPO", "b": "MT-Bench"},
    }
    for name, question in CATALOGUE.items():
        rows = question.run_networkx(sample_graph.nx, **defaults.get(name, {}))
        for row in rows:
            assert set(row) == set(question.columns)
