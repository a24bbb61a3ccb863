"""Entity resolution across papers: one node per thing, stable ids, versions kept apart."""

from __future__ import annotations

from kg.model import ExtractedEntity, Paper, PaperRecord
from pipelines.build import link_records
from pipelines.resolution import Resolver


def record(pid: str, *entities: tuple[str, str, list[str]], role: str = "used") -> PaperRecord:
    return PaperRecord(
        Paper(id=pid, title=f"Paper {pid}", abstract="x"),
        [ExtractedEntity(type=t, name=n, role=role, aliases=a) for n, t, a in entities],
    )


def test_long_form_and_acronym_in_different_papers_are_one_entity():
    records = [
        record("1", ("DPO", "Method", [])),
        record("2", ("Direct Preference Optimization", "Method", ["DPO"])),
    ]
    ids = Resolver().resolve(records)
    assert ids[0] == ids[1]


def test_spelling_variants_are_one_entity():
    ids = Resolver().resolve([record("1", ("MT-Bench", "Benchmark", [])), record("2", ("MT Bench", "Benchmark", []))])
    assert ids[0] == ids[1]


def test_versions_stay_distinct():
    ids = Resolver().resolve(
        [record("1", ("AlpacaEval", "Benchmark", [])), record("2", ("AlpacaEval 2.0", "Benchmark", []))]
    )
    assert ids[0] != ids[1]


def test_ambiguous_acronym_does_not_merge_two_different_things():
    records = [
        record("1", ("Multi-Objective Reward Estimation", "Method", ["MORE"])),
        record("2", ("Memory Optimized Retrieval Engine", "Method", ["MORE"])),
        record("3", ("MORE", "Method", [])),
    ]
    ids = Resolver().resolve(records)
    assert ids[0] != ids[1]
    assert ids[2][0] not in (ids[0][0], ids[1][0])


def test_ids_are_stable_across_runs_and_input_order():
    a = record("1", ("Direct Preference Optimization", "Method", ["DPO"]), ("MT-Bench", "Benchmark", []))
    b = record("2", ("DPO", "Method", []))
    first = Resolver().resolve([a, b])
    second = Resolver().resolve([b, a])
    assert sorted(first[0]) == sorted(second[1]) and first[1] == second[0]


def test_majority_type_wins_and_name_is_most_used_form():
    records = [
        record("1", ("WidgetSet", "Dataset", [])),
        record("2", ("WidgetSet", "Benchmark", [])),
        record("3", ("Widget-Set", "Benchmark", [])),
    ]
    graph = link_records(records)
    ((_node, data),) = list(graph.entities())
    assert data["type"] == "Benchmark" and data["paper_count"] == 3
    # Spelling variants share a match key, so they need no alias of their own.
    assert data["name"] == "WidgetSet" and data["aliases"] == [] and data["keys"] == ["widgetset"]


def test_adding_to_an_existing_graph_reuses_its_entity_ids():
    graph = link_records([record("1", ("Direct Preference Optimization", "Method", ["DPO"]))])
    (old_id,) = [n for n, _ in graph.entities()]
    link_records([record("2", ("DPO", "Method", []))], graph)
    assert [n for n, _ in graph.entities()] == [old_id]
    assert graph.nx.nodes[old_id]["paper_count"] == 2


def test_linking_the_same_record_twice_adds_nothing():
    r = record("1", ("GSM8K", "Benchmark", []), role="evaluated_on")
    graph = link_records([r])
    before = (graph.nx.number_of_nodes(), graph.nx.number_of_edges())
    link_records([r], graph)
    assert (graph.nx.number_of_nodes(), graph.nx.number_of_edges()) == before
