"""`kg extract --explain`: each entity names the rules that decided its type and role, and
without the flag the records are exactly what they were."""

from __future__ import annotations

import json

from kg.model import Paper
from pipelines.extraction import extract_records

from .test_cli import kg

PAPERS = [
    Paper(id="p1", title="A study of games", abstract="We propose ZorbNet, a network for games. It reaches 28.4 BLEU."),
    Paper(
        id="p2",
        title="Machine translation again",
        abstract="We propose the Transformer for translation. It reaches 28.4 BLEU.",
        date="2024-01-01",
    ),
]


def explained(nlp, paper: Paper) -> dict:
    (record,) = list(extract_records([paper], nlp, explain=True))
    return {e.name: e.explain for e in record.entities}


def test_without_explain_the_records_are_unchanged(nlp):
    plain = [r.to_dict() for r in extract_records(PAPERS, nlp)]
    traced = [r.to_dict() for r in extract_records(PAPERS, nlp, explain=True)]
    assert all("explain" not in e for r in plain for e in r["entities"])
    for r in traced:
        for e in r["entities"]:
            assert set(e.pop("explain")) == {"found_by", "type", "role", "score"}
    assert json.dumps(plain) == json.dumps(traced)


def test_a_proposed_name_names_the_roles_rule_and_its_sentence(nlp):
    role = explained(nlp, PAPERS[0])["ZorbNet"]["role"]
    assert role["value"] == "proposed" and role["by"].startswith("roles._")
    assert role["sentence"] == "We propose ZorbNet, a network for games."


def test_a_catalogued_entity_is_typed_by_the_catalogue(nlp):
    why = explained(nlp, PAPERS[0])["BLEU"]
    assert why["type"] == {"value": "Metric", "kind": "catalogue", "by": "catalogue"}
    assert why["found_by"] == ["catalogue"]


def test_a_later_override_is_the_decider_and_keeps_what_it_overrode(nlp):
    # The Transformer (2017) cannot be proposed by a 2024 paper, whatever its sentence says.
    role = explained(nlp, PAPERS[1])["Transformer"]["role"]
    assert role["value"] == "used" and role["by"] == "records._roles_from_catalogue_dates:older"
    assert role["overrode"]["value"] == "proposed" and role["overrode"]["by"].startswith("roles._")


def test_affiliations_from_metadata_are_explained(nlp):
    paper = Paper(id="p3", title="A study", abstract="We study games.", organizations=["Quux Robotics Lab"])
    why = explained(nlp, paper)["Quux Robotics Lab"]
    assert why["role"] == {"value": "affiliated", "by": "records.doc_to_entities:affiliation"}


def test_every_role_and_type_rule_of_roles_and_entity_types_names_itself(nlp):
    """A component name as the decider means a rule there set a value without noting it: give it
    a name with roles._decided / roles._by / entity_types._cue, as its neighbours do."""
    from kg import api

    from .conftest import SAMPLE

    deciders = {
        (what, part["by"])
        for record in extract_records(api.read([SAMPLE]), nlp, explain=True)
        for entity in record.entities
        for what, part in entity.explain.items()
        if what not in ("found_by", "score")
    }
    assert not {d for d in deciders if d[1] in ("kg_roles", "kg_entity_types", "unrecorded")}
    assert {what for what, by in deciders if by.startswith(("roles.", "entity_types."))} == {"role", "type"}


def test_the_cli_flag_and_the_text_form_end_to_end(tmp_path):
    papers = tmp_path / "two.jsonl"
    papers.write_text(
        "".join(json.dumps({"id": p.id, "title": p.title, "abstract": p.abstract}) + "\n" for p in PAPERS)
    )
    plain, traced = tmp_path / "plain.jsonl", tmp_path / "traced.jsonl"
    kg("extract", str(papers), "--out", str(plain))
    kg("extract", str(papers), "--explain", "--out", str(traced))
    records = [json.loads(line) for line in traced.read_text().splitlines()]
    assert len(records) == 2 and all("explain" in e for r in records for e in r["entities"])
    for r in records:
        for e in r["entities"]:
            del e["explain"]
    assert [json.loads(line) for line in plain.read_text().splitlines()] == records
    text = kg("explain", str(papers), "--paper", "GAMES").stdout
    assert text.startswith("p1  A study of games") and "Machine translation" not in text
    assert "ZorbNet" in text and "proposed" in text and '"We propose ZorbNet, a network for games."' in text
    assert "by catalogue\n" in text and "(cue)" in text  # how sure a type from context is
    missing = kg("explain", str(papers), "--paper", "no such paper", check=False)
    assert missing.returncode == 1 and "no paper matches" in missing.stderr
