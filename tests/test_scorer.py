"""The learned scorer: named features of each entity, a logistic fit, the configured component that
keeps or drops entities and gives them its probability as confidence, and `kg train-scorer`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kg.api import read
from kg.model import Paper
from pipelines.extraction import extract_records, load_pipeline
from pipelines.extraction.pipeline import DEFAULT_CONFIG
from pipelines.extraction.scorer import ScorerWeights, fit

from .test_cli import kg

PAPER = Paper(
    id="s1",
    title="ZorbNet: Fast Retrieval",
    abstract="We propose ZorbNet, built on the Transformer. ZorbNet reaches a new best score on MS MARCO.",
)


def _config(tmp_path: Path, weights: dict[str, float], bias: float = 4.0, threshold: float = 0.5) -> str:
    """A copy of the bundled config whose scorer reads these weights."""
    path = tmp_path / "scorer.json"
    ScorerWeights(weights, bias, threshold).save(path)
    config = DEFAULT_CONFIG.read_text(encoding="utf-8")
    if '"kg_scorer"' not in config.split("[components]")[0]:
        config = config.replace('"kg_roles"]', '"kg_roles", "kg_scorer"]', 1)
    config = config.replace('weights_path = ""', f'weights_path = "{path}"')
    (tmp_path / "scorer.cfg").write_text(config, encoding="utf-8")
    return str(tmp_path / "scorer.cfg")


def _without_scorer(tmp_path: Path) -> str:
    config = DEFAULT_CONFIG.read_text(encoding="utf-8").replace(', "kg_scorer"]', "]", 1)
    (tmp_path / "rules.cfg").write_text(config, encoding="utf-8")
    return str(tmp_path / "rules.cfg")


def _found(config: str, paper: Paper = PAPER, explain: bool = False) -> dict:
    (record,) = list(extract_records([paper], load_pipeline(config), explain=explain))
    return {e.name: e for e in record.entities}


def test_features_name_how_an_entity_was_found_and_never_its_name(nlp):
    from pipelines.extraction.records import scored_entities

    doc = nlp(PAPER.text)
    features = {e.name: f for e, f in scored_entities(doc, PAPER)}
    transformer = set(features["Transformer"])
    assert {"src=catalogue", "type=Method", "cat=named", "cat_type=Method", "mentions=1"} <= transformer
    assert {"prev=the", "before=stop", "after=punct", "first=middle"} <= transformer
    zorbnet = set(features["ZorbNet"])
    assert {"role=proposed", "in_title", "cat=none", "mentions=3", "shape=mixed", "sent=we"} <= zorbnet
    assert not any("zorbnet" in f.lower() or "transformer" in f.lower() for f in zorbnet | transformer)


def test_a_feature_that_separates_the_labels_gets_a_weight_of_its_sign():
    rows = [["good", "shared"]] * 6 + [["bad", "shared"]] * 6 + [["good"], ["bad"]]
    labels = [1] * 6 + [0] * 6 + [1, 0]
    model = fit(rows, labels, l2=0.1, min_count=1)
    assert model.weights["good"] > 1 > -1 > model.weights["bad"]
    assert model.probability(["good", "shared"]) > 0.9 > 0.1 > model.probability(["bad", "shared"])
    assert fit(rows, labels, l2=0.1, min_count=1).weights == model.weights  # deterministic
    assert "rare" not in fit([*rows, ["rare"]], [*labels, 1], min_count=2).weights


def test_the_scorer_drops_an_entity_whose_feature_weighs_it_down_and_keeps_it_otherwise(tmp_path):
    (tmp_path / "drop").mkdir()
    (tmp_path / "keep").mkdir()
    dropped = _found(_config(tmp_path / "drop", {"cat_type=Benchmark": -20.0}))
    kept = _found(_config(tmp_path / "keep", {"cat_type=Benchmark": 0.0}))
    assert "MS MARCO" not in dropped and "MS MARCO" in kept
    assert "ZorbNet" in dropped and "Transformer" in dropped
    assert kept["MS MARCO"].confidence == pytest.approx(ScorerWeights({}, 4.0).probability([]))


def test_affiliations_are_never_scored(tmp_path):
    paper = Paper(id="s2", title="A study", abstract="We study games.", organizations=["Quux Robotics Lab"])
    found = _found(_config(tmp_path, {"type=Organization": -20.0, "role=affiliated": -20.0}, bias=-20.0), paper)
    assert found["Quux Robotics Lab"].role == "affiliated"


def test_explain_shows_the_probability_and_the_features_that_moved_it(tmp_path):
    why = _found(_config(tmp_path, {"src=catalogue": 1.5, "mentions=1": -0.5}), explain=True)["Transformer"].explain
    assert why["score"]["probability"] == pytest.approx(ScorerWeights({}, 5.0).probability([]), abs=1e-3)
    assert why["score"]["features"] == [["src=catalogue", 1.5], ["mentions=1", -0.5]]


def test_without_the_scorer_the_rules_output_is_unchanged(tmp_path):
    rules = _found(_without_scorer(tmp_path))
    scored = _found(_config(tmp_path, {}, bias=0.0, threshold=0.0))
    assert [(e.name, e.type, e.role, e.aliases) for e in rules.values()] == [
        (e.name, e.type, e.role, e.aliases) for e in scored.values()
    ]
    assert rules["Transformer"].confidence == 0.95  # the catalogue matcher's, from the config
    assert {e.confidence for e in scored.values()} == {0.5}


def test_train_scorer_writes_a_weights_file_the_pipeline_loads(tmp_path, nlp):
    from pipelines.extraction.records import scored_entities

    papers = []
    for line in (Path(__file__).parent / "data" / "papers.jsonl").read_text().splitlines():
        try:
            papers.append(json.loads(line))
        except json.JSONDecodeError:
            continue  # the file's deliberately broken record
    args = []
    for half, chunk in (("a", papers[:3]), ("b", papers[3:])):
        (tmp_path / f"{half}-papers.jsonl").write_text("".join(json.dumps(p) + "\n" for p in chunk))
        records = list(extract_records(read([tmp_path / f"{half}-papers.jsonl"]), nlp))
        gold = [{**r.to_dict(), "entities": [e.to_dict() for e in r.entities[::2]]} for r in records]
        (tmp_path / f"{half}-gold.jsonl").write_text("".join(json.dumps(g) + "\n" for g in gold))
        args += ["--gold", str(tmp_path / f"{half}-gold.jsonl"), "--input", str(tmp_path / f"{half}-papers.jsonl")]
    result = kg("train-scorer", *args, "--out", str(tmp_path / "trained.json"), "--min-count", "1")
    assert "threshold" in result.stdout
    model = ScorerWeights.load(tmp_path / "trained.json")
    assert model.weights and model.meta["trained_on"] == ["a-gold", "b-gold"]
    assert {"pipeline_commit", "catalogue_version", "cross_validation"} <= set(model.meta)
    found = _found(_config(tmp_path, model.weights, model.bias, model.threshold))
    # each confidence is the trained model's probability (the rules' confidences lie in (0, 1) too)
    features = {e.name: f for e, f in scored_entities(nlp(PAPER.text), PAPER)}
    assert found and all(e.confidence == pytest.approx(model.probability(features[e.name])) for e in found.values())


def _synthetic_set(name: str, spurious: bool):
    """Six papers whose one gold method the rules find; with ``spurious``, each also gets a name the
    gold lacks, told apart by one feature."""
    from kg.model import ExtractedEntity, PaperRecord
    from pipelines.training import _Extracted

    extracted = _Extracted(gold=[], records=[])
    for i in range(6):
        paper = Paper(id=f"{name}-{i}", title=f"Paper {i}", abstract="An abstract.")
        good = ExtractedEntity("Method", f"Good{name}{i}", "proposed")
        bad = ExtractedEntity("Method", f"Bad{name}{i}", "mentioned")
        found = [good, bad] if spurious else [good]
        extracted.gold.append(PaperRecord(paper, [good]))
        extracted.records.append(PaperRecord(paper, found))
        extracted.features.append([["kind=good"], ["kind=bad"]][: len(found)])
        extracted.labels.append([True, False][: len(found)])
    return extracted


def test_cross_validation_raises_the_threshold_only_when_dropping_pays():
    from pipelines.training import _cross_validated_threshold

    threshold, sweep = _cross_validated_threshold([_synthetic_set(s, spurious=True) for s in "abc"], min_count=1)
    mean = {row["min_confidence"]: row["mean"] for row in sweep}
    assert threshold > 0 and mean[threshold] > mean[0.0]
    threshold, _ = _cross_validated_threshold([_synthetic_set(s, spurious=False) for s in "abc"], min_count=1)
    assert threshold == 0.0
    assert _cross_validated_threshold([_synthetic_set("a", spurious=True)]) == (0.0, [])


def test_the_role_feature_names_the_rule_that_decided_the_entitys_role(nlp):
    # The definition reads "proposed", but a textbook term's own definition does not count
    # (records._role_mentions): the feature must name the rule whose role the entity took.
    from pipelines.extraction.records import scored_entities

    paper = Paper(
        id="s2",
        title="Robust Estimation",
        abstract="We derive a maximum likelihood estimator (MLE) for noisy labels. "
        "The maximum likelihood estimation is then used to fit GPT-2.",
    )
    (record,) = list(extract_records([paper], nlp, explain=True))
    features = {e.name: f for e, f in scored_entities(nlp(paper.text), paper)}
    checked = 0
    for entity in record.entities:
        decided_by = entity.explain["role"]["by"]
        if not decided_by.startswith("records."):
            assert f"role_by={decided_by}" in features[entity.name], entity.name
            checked += 1
    assert checked >= 2
