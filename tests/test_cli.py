"""The `kg` command as a user runs it: exit codes, messages, output formats."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys

import pytest

from .conftest import ROOT, SAMPLE


def kg(*args: str, cwd=None, check: bool = True) -> subprocess.CompletedProcess:
    result = subprocess.run(
        [sys.executable, "-m", "kg.cli", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        env={"PATH": "/usr/bin:/bin", "COLUMNS": "200"},
    )
    if check and result.returncode != 0:
        raise AssertionError(f"kg {' '.join(args)} failed ({result.returncode}): {result.stderr}")
    return result


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    out = tmp_path_factory.mktemp("cli-graph")
    kg("build", str(SAMPLE), "--out", str(out), "--no-viz")
    return out


def test_build_prints_a_summary_and_writes_every_export(built):
    assert {"graph.json", "graph.graphml", "graph.ttl", "extractions.jsonl", "manifest.json"} <= {
        p.name for p in built.iterdir()
    }


def test_stats_counts_the_sample(built):
    out = kg("stats", "--graph", str(built), "--json").stdout
    assert json.loads(out)["papers"] == 72


def test_query_json_output_and_positional_parameters(built):
    rows = json.loads(kg("query", "method-profile", "DPO", "--graph", str(built), "--format", "json").stdout)
    assert rows and rows[0]["name"] == "Direct Preference Optimization"
    csv_out = kg("query", "benchmark-usage", "--graph", str(built), "--format", "csv").stdout
    assert csv_out.splitlines()[0] == "benchmark,type,papers,methods"


def test_query_list_names_every_question(built):
    out = kg("query", "--list").stdout
    for name in (
        "methods-sharing-benchmarks",
        "benchmark-usage",
        "method-profile",
        "organization-methods",
        "related-papers",
        "datasets-for-task",
        "trends",
        "connection",
    ):
        assert name in out


def test_unknown_question_says_what_exists(built):
    result = kg("query", "nope", "--graph", str(built), check=False)
    assert result.returncode != 0 and "kg query --list" in result.stderr


def test_query_without_a_graph_says_how_to_build_one(tmp_path):
    result = kg("query", "trends", "--graph", str(tmp_path / "none"), check=False)
    assert result.returncode == 1 and "kg build" in result.stderr and "Traceback" not in result.stderr


def test_build_of_nothing_usable_fails_with_the_reasons(tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"title": "only a title"}\n{broken\n')
    result = kg("build", str(bad), "--out", str(tmp_path / "o"), check=False)
    assert result.returncode == 1
    assert "bad.jsonl:1" in result.stderr and "bad.jsonl:2" in result.stderr
    assert "no usable papers" in result.stderr


def test_build_with_some_bad_records_succeeds_and_reports_them(tmp_path, data_dir):
    result = kg("build", str(data_dir / "papers.jsonl"), "--out", str(tmp_path), "--no-viz")
    assert "read 3 paper(s)" in result.stderr and "skipped 3" in result.stderr
    assert re.search(r"papers.jsonl:2: skipped: invalid JSON", result.stderr)


def test_extract_writes_one_json_line_per_paper(tmp_path, data_dir):
    out = tmp_path / "x.jsonl"
    kg("extract", str(data_dir / "arxiv.atom"), "--out", str(out))
    lines = out.read_text().splitlines()
    assert len(lines) == 2 and json.loads(lines[0])["paper"]["id"] == "arxiv:2305.16739"


def test_export_writes_requested_format(built, tmp_path):
    target = tmp_path / "g.nt"
    kg("export", "--graph", str(built), "--format", "ntriples", "--out", str(target))
    assert target.read_text().count(" .\n") > 100


def test_python_dash_m_kg_runs_the_kg_command() -> None:
    """`python -m kg` said "'kg' is a package and cannot be directly executed"; it is the usual
    way in when the console script is not on PATH (a virtualenv not activated, a checkout)."""
    result = subprocess.run([sys.executable, "-m", "kg", "query", "--list"], capture_output=True, text=True)
    assert result.returncode == 0 and "methods-sharing-benchmarks" in result.stdout


def test_help_teaches_with_examples():
    out = kg("build", "--help").stdout
    assert "Examples" in out and "--add" in out and "--min-confidence" in out


def test_every_command_help_has_examples() -> None:
    """The README promises examples in every command's --help; stats, export and neo4j status
    had none."""
    import typer.main

    from kg.cli import app

    def leaves(command, path=()):
        if hasattr(command, "commands"):  # a group
            for name, sub in command.commands.items():
                yield from leaves(sub, (*path, name))
        else:
            yield " ".join(path), command.help or ""

    assert [name for name, text in leaves(typer.main.get_command(app)) if "Examples:" not in text] == []


def test_help_prose_wraps_at_the_terminal_width_and_examples_keep_their_lines():
    out = kg("build", "--help").stdout  # 200 columns: a prose paragraph fits on one line
    assert "graph.graphml (Gephi, yEd), graph.ttl" in out
    assert re.search(r"^\s+kg build papers/ --out my-graph --min-confidence 0.6\s*$", out, re.M)


def test_option_help_loses_no_words_to_rich_markup() -> None:
    """Help is rendered as rich markup, where "[env NEO4J_URI, default ...]" is a style tag: it
    vanished and `kg neo4j status --help` said only "Bolt address ."."""
    import typer.main
    from rich.text import Text

    from kg.cli import app

    def commands(command):
        yield command
        for sub in getattr(command, "commands", {}).values():
            yield from commands(sub)

    helps = [
        (c.name, p.name, getattr(p, "help", None)) for c in commands(typer.main.get_command(app)) for p in c.params
    ]
    assert [(c, p) for c, p, h in helps if h and Text.from_markup(h).plain != h] == []
    assert "(env NEO4J_URI; default bolt://127.0.0.1:7687)" in kg("neo4j", "status", "--help").stdout


def test_messages_and_table_cells_print_brackets_as_text(tmp_path, built, capsys) -> None:
    """Paths, names and values go through rich, which read "[v2]" as a style tag and dropped it
    (a problem line named another file) and crashed with a traceback on a stray "[/x]"."""
    from kg.cli.render import print_rows

    papers = tmp_path / "papers[v2].jsonl"
    papers.write_text('{"broken"\n{"title": "Zorb", "abstract": "We propose Zorb."}\n')
    assert f"{papers}:1: skipped: invalid JSON" in kg("extract", str(papers)).stderr
    result = kg("query", "[/x]", "--graph", str(built), check=False)
    assert result.returncode == 1 and result.stderr.startswith("error: no question '[/x]'")
    print_rows([{"name": "[cls] pooling", "papers": ["[re] study"]}])
    assert "[cls] pooling" in capsys.readouterr().out


def test_csv_cells_hold_maps_as_json_that_reads_back(capsys) -> None:
    """`kg cypher -f csv` wrote a returned node (a map) as Python's repr, which no CSV reader
    can take apart; a path's nodes came as reprs joined by "; "."""
    import csv
    import io

    from kg.cli.render import print_rows

    node = {"name": "Direct Preference Optimization", "aliases": ["DPO"], "papers": 12}
    print_rows([{"n": node, "path": [node, {"name": "MT-Bench"}]}], fmt="csv")
    row = next(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert json.loads(row["n"]) == node
    assert [json.loads(part) for part in row["path"].split("; ")] == [node, {"name": "MT-Bench"}]


@pytest.mark.parametrize("command", ["build", "extract", "explain"])
def test_an_unknown_input_format_is_an_error_message_not_a_traceback(command: str, tmp_path) -> None:
    """`--format` was only checked when the first file was read, deep in the reader, and ended
    in an UnknownFormat traceback."""
    out = [] if command == "explain" else ["--out", str(tmp_path / "out")]
    result = kg(command, str(SAMPLE), "--format", "csv", *out, check=False)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert result.stderr.startswith("error: --format takes one of hf-daily, jsonl, json, openalex, arxiv, bibtex")


def test_eval_prints_scores_against_gold():
    gold = ROOT / "tests" / "data" / "mini-graph.jsonl"
    out = json.loads(kg("eval", str(gold), str(gold), "--format", "json").stdout)
    assert out["overall"]["typed"]["f1"] == 1.0
    assert out["overall"]["typed"]["f1_ci"] == [1.0, 1.0]  # bootstrap interval by default
    table = kg("eval", str(gold), str(gold)).stdout
    assert "95% CI" in table and "1.00-1.00" in table


def test_eval_refuses_an_unknown_format_instead_of_printing_the_table() -> None:
    """`kg eval ... -f csv` printed the table as if asked for it, which a script reading CSV chokes on."""
    gold = ROOT / "tests" / "data" / "mini-graph.jsonl"
    result = kg("eval", str(gold), str(gold), "--format", "csv", check=False)
    assert result.returncode == 1 and result.stdout == ""
    assert result.stderr.startswith("error: --format takes one of table, json")


def test_eval_by_confidence_shows_what_each_threshold_drops(tmp_path):
    gold = ROOT / "tests" / "data" / "mini-graph.jsonl"
    weak = tmp_path / "weak.jsonl"  # every other extraction at confidence 0.5
    lines = []
    for line in filter(str.strip, gold.read_text().splitlines()):
        record = json.loads(line)
        for i, entity in enumerate(record["entities"]):
            entity["confidence"] = 0.5 if i % 2 else 1.0
        lines.append(json.dumps(record))
    weak.write_text("\n".join(lines) + "\n")
    rows = {
        r["min_confidence"]: r
        for r in json.loads(kg("eval", str(gold), str(weak), "--by-confidence", "-f", "json").stdout)
    }
    assert rows[0.5]["typed"]["f1"] == 1.0 and rows[0.0]["kept"] == rows[0.5]["kept"]
    assert rows[0.6]["kept"] < rows[0.5]["kept"] and rows[0.6]["typed"]["precision"] == 1.0
    assert rows[0.6]["typed"]["recall"] < 1.0
    assert "min confidence" in kg("eval", str(gold), str(weak), "--by-confidence").stdout


def test_eval_compares_with_a_baseline_and_asks_for_input_with_a_baseline_config(tmp_path):
    gold = ROOT / "tests" / "data" / "mini-graph.jsonl"
    empty = tmp_path / "empty.jsonl"
    empty.write_text(
        "".join(
            json.dumps({"paper": json.loads(line)["paper"], "entities": []}) + "\n"
            for line in gold.read_text().splitlines()
            if line.strip()
        )
    )
    change = json.loads(kg("eval", str(gold), str(gold), "--baseline", str(empty), "--format", "json").stdout)
    assert change["overall"]["typed"]["baseline_f1"] == 0.0 and change["overall"]["typed"]["f1"] == 1.0
    assert change["overall"]["typed"]["delta_ci"][0] > 0
    rows = json.loads(kg("eval", str(gold), str(empty), "--errors", "--format", "json").stdout)
    assert rows and {r["error"] for r in rows} == {"missed"}
    refused = kg("eval", str(gold), str(gold), "--baseline-config", "x.cfg", check=False)
    assert refused.returncode != 0 and "--input" in refused.stderr


def test_an_empty_answer_says_what_it_can_mean_on_stderr(built):
    """A misspelt name printed "(no rows)" alone, which reads as an entity without links."""
    result = kg("query", "method-profile", "Direct Preference Optimisation", "--graph", str(built), "-f", "json")
    assert json.loads(result.stdout) == []
    assert "nothing in the graph is named 'Direct Preference Optimisation'" in result.stderr
    found = kg("query", "method-profile", "direct preference optimization", "--graph", str(built), "-f", "json")
    assert json.loads(found.stdout) and found.stderr == ""
    linked = kg("query", "connection", "DPO", "Nothing Like It", "--param", "max_hops=3", "--graph", str(built))
    assert "no path of at most 3 links joins 'DPO' and 'Nothing Like It'" in linked.stderr


def test_a_sparql_parse_error_points_at_the_line_the_person_wrote(built):
    """kg adds its PREFIX lines before the query, so errors said "10:25" for the first line, and an
    undeclared prefix came out as pyoxigraph's list of the characters a prefix may hold."""
    result = kg("sparql", "SELECT ?x\nWHERE { ?x foo:bar ?y }", "--graph", str(built), check=False)
    assert result.returncode == 1
    assert "error at line 2, column 19: a prefix that is not declared" in result.stderr
    declared = "PREFIX kgo: <https://w3id.org/kg-papers/ontology#>\nSELECT ?x WHERE { ?x a kgo:Paper . ?x }"
    assert "error at line 2, column " in kg("sparql", declared, "--graph", str(built), check=False).stderr


def test_eval_names_a_missing_or_folder_argument_without_python_error_text(built, tmp_path):
    missing = kg("eval", str(tmp_path / "gold.jsonl"), str(built / "extractions.jsonl"), check=False)
    assert missing.returncode == 1 and "Errno" not in missing.stderr
    assert f"no such file: {tmp_path / 'gold.jsonl'}" in missing.stderr
    folder = kg("eval", str(built / "extractions.jsonl"), str(built), check=False)
    assert f"{built} is a folder" in folder.stderr and "extractions.jsonl" in folder.stderr


def test_build_add_says_how_many_papers_were_new(built, tmp_path):
    """With --add the summary counted the papers read, not those added: a re-run over known
    papers looked like a build of all of them."""
    graph = tmp_path / "graph"
    shutil.copytree(built, graph)
    new = tmp_path / "new.jsonl"
    new.write_text(json.dumps({"id": "new-1", "title": "Zorb", "abstract": "We propose Zorb, a method."}) + "\n")
    result = kg("build", str(SAMPLE), str(new), "--out", str(graph), "--add", "--no-viz")
    assert "added 1 new paper(s); 72 were in the graph already" in result.stderr
