"""The main job end to end: `kg build` on the sample, idempotent rebuilds, --add, exports."""

from __future__ import annotations

import csv
import hashlib
import json
import subprocess
import sys

import networkx as nx
import pytest

from kg import api
from kg.errors import KgError

from .conftest import SAMPLE


def digest(folder, names):
    return {n: hashlib.sha256((folder / n).read_bytes()).hexdigest() for n in names}


EXPORT_FILES = ["graph.json", "graph.graphml", "graph.ttl", "extractions.jsonl"]


def test_sample_build_has_every_paper_and_typed_entities(sample_build):
    stats = sample_build.graph.stats()
    assert stats["papers"] == 72
    assert {"Method", "Model", "Benchmark", "Organization"} <= set(stats["entities_by_type"])
    assert {"proposed", "evaluated_on", "used", "affiliated"} <= set(stats["edges_by_role"])
    for _, data in sample_build.graph.entities():
        assert data["paper_count"] >= 1 and data["name"]


def test_rebuild_in_a_new_process_gives_byte_identical_exports(sample_build, tmp_path):
    code = f"from kg import api; api.build([{str(SAMPLE)!r}], out={str(tmp_path)!r})"
    subprocess.run([sys.executable, "-c", code], check=True, env={"PYTHONHASHSEED": "123", "PATH": ""})
    assert digest(tmp_path, EXPORT_FILES) == digest(sample_build.out, EXPORT_FILES)
    first = sorted(p.name for p in (sample_build.out / "neo4j-import").iterdir())
    assert first == sorted(p.name for p in (tmp_path / "neo4j-import").iterdir())


def test_add_new_papers_keeps_existing_nodes_and_ids(tmp_path, data_dir):
    first = api.build([data_dir / "papers.jsonl"], out=tmp_path)
    ids_before = set(first.graph.nx)
    second = api.build([data_dir / "papers.jsonl", data_dir / "arxiv.atom"], out=tmp_path, add=True)
    assert ids_before <= set(second.graph.nx)
    # papers.jsonl's three are skipped; the atom feed brings two titles already present (merged) and none new.
    assert len(second.records) == 0
    excerpt = list(api.read([data_dir / "hf-daily-excerpt.txt"]))
    known = {p.title for p in api.read([data_dir / "papers.jsonl"])}
    third = api.build([data_dir / "hf-daily-excerpt.txt"], out=tmp_path, add=True)
    assert len(third.records) == len([p for p in excerpt if p.title not in known]) > 0
    assert third.graph.stats()["papers"] == 3 + len(third.records)
    assert ids_before <= set(api.load(tmp_path).nx)


def test_adding_the_same_input_twice_changes_nothing(tmp_path, data_dir):
    api.build([data_dir / "papers.jsonl"], out=tmp_path)
    before = digest(tmp_path, ["graph.json"])
    api.build([data_dir / "papers.jsonl"], out=tmp_path, add=True)
    assert digest(tmp_path, ["graph.json"]) == before


def test_an_out_path_that_is_a_file_is_refused_before_any_paper_is_extracted(tmp_path, data_dir) -> None:
    """`kg build papers --out notes.txt` extracted every paper, then ended in a FileExistsError
    traceback at mkdir; now it says what --out needs before any work is done."""
    target = tmp_path / "notes.txt"
    target.write_text("mine")
    extracted = []
    with pytest.raises(KgError, match="is a file, not a folder"):
        api.build([data_dir / "papers.jsonl"], out=target, on_record=extracted.append)
    assert extracted == [] and target.read_text() == "mine"


def test_graphml_export_reads_back_in_networkx(sample_build):
    g = nx.read_graphml(sample_build.out / "graph.graphml")
    assert g.number_of_nodes() == sample_build.graph.nx.number_of_nodes()
    assert g.number_of_edges() == sample_build.graph.nx.number_of_edges()


def test_node_link_file_reads_back_in_networkx_as_the_same_digraph(sample_build) -> None:
    """graph.json is documented as networkx node-link JSON; without "multigraph": false
    networkx.node_link_graph made it a MultiDiGraph, unlike the DiGraph the store holds."""
    data = json.loads((sample_build.out / "graph.json").read_text(encoding="utf-8"))
    g = nx.node_link_graph(data, edges="links")
    assert type(g) is nx.DiGraph
    assert set(g.edges) == set(sample_build.graph.nx.edges)


def test_neo4j_csv_files_have_import_headers_and_all_rows(sample_build):
    folder = sample_build.out / "neo4j-import"
    nodes = 0
    for path in folder.glob("*.csv"):
        with path.open(encoding="utf-8") as f:
            rows = list(csv.reader(f))
        assert rows[0][0] in ("id:ID", ":START_ID")
        if rows[0][0] == "id:ID":
            nodes += len(rows) - 1
    assert nodes == sample_build.graph.nx.number_of_nodes()


def test_extractions_file_has_one_record_per_paper_in_the_stable_shape(sample_build):
    lines = (sample_build.out / "extractions.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(lines) == 72
    record = json.loads(lines[0])
    assert set(record["paper"]) == {"id", "title", "date", "url", "authors_count", "organizations"}
    for entity in record["entities"]:
        assert set(entity) == {"type", "name", "aliases", "role", "confidence", "evidence"}


def test_min_confidence_drops_weak_links_only(sample_graph):
    strong = sample_graph.filtered(0.8)
    assert 0 < strong.nx.number_of_edges() < sample_graph.nx.number_of_edges()
    assert all(d["confidence"] >= 0.8 for _, _, d in strong.nx.edges(data=True))
    assert strong.stats()["papers"] == 72


def test_manifest_holds_run_information_apart_from_the_graph(sample_build):
    manifest = json.loads((sample_build.out / "manifest.json").read_text())
    assert manifest["stats"]["papers"] == 72 and "built_at" in manifest
    assert "built_at" not in (sample_build.out / "graph.json").read_text()


@pytest.mark.slow
def test_manifest_records_the_options_that_shaped_the_graph(tmp_path, data_dir) -> None:
    """Two builds of the same papers with and without --min-confidence differ, and nothing in
    the folder said which one it held: the manifest named inputs but no options."""
    api.build([data_dir / "papers.jsonl"], out=tmp_path, min_confidence=0.5, catalogue=iter([]))
    manifest = json.loads((tmp_path / "manifest.json").read_text())
    assert manifest["options"] == {"format": None, "add": False, "min_confidence": 0.5, "config": None, "catalogue": []}


def test_two_workers_build_the_same_graph_as_one(sample_build, tmp_path):
    two = api.build([SAMPLE], out=tmp_path, n_process=2)
    assert (tmp_path / "graph.json").read_bytes() == (sample_build.out / "graph.json").read_bytes()
    assert [r.paper.id for r in two.records] == [r.paper.id for r in sample_build.records]


def test_synthetic_corpus_is_deterministic_and_renames_proposed_entities(sample_build):
    from pipelines.synthetic import synthetic_papers

    first = list(synthetic_papers(sample_build.records, 150))
    assert [p.abstract for p in first] == [p.abstract for p in synthetic_papers(sample_build.records, 150)]
    assert len({p.id for p in first}) == 150
    assert first[72 + 0].title.startswith("AlignScore-k72")


@pytest.mark.slow
def test_dask_local_mode_extracts_the_same_records_as_one_process(sample_build):
    from pipelines.distributed import extract_with_dask

    papers = [r.paper for r in sample_build.records]
    records = extract_with_dask(papers, partitions=3, scheduler="processes")
    assert [r.to_dict() for r in records] == [r.to_dict() for r in sample_build.records]
