"""Extraction end to end on hand-checked sentences: tokens, a user catalogue, every type and role, evidence."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.model import ENTITY_TYPES, ROLES, Paper
from pipelines.extraction import extract_records, load_pipeline


def entities(nlp, title: str, abstract: str, **meta):
    paper = Paper(id="t", title=title, abstract=abstract, **meta)
    (record,) = list(extract_records([paper], nlp))
    return {e.name: e for e in record.entities}


def pipeline_with(directory: Path, entries: str):
    """The pipeline with a user catalogue of the given JSON lines, written to DIRECTORY: for names
    the bundled catalogue must not know, or must know with an identifier or type of the test's choosing."""
    path = directory / "mine.jsonl"
    path.write_text(entries)
    return load_pipeline(None, (str(path),))


def test_a_user_catalogue_entry_dates_its_name_and_names_its_organisation(tmp_path):

    paper = Paper(
        id="t",
        title="Zorbic Attention Improves Retrieval",
        abstract="We apply ZA to retrieval. Code: https://github.com/quuxlab/za",
        date="2026-05-01",
    )
    (record,) = list(
        extract_records(
            [paper],
            pipeline_with(
                tmp_path,
                '{"name": "Zorbic Attention", "type": "Method", "aliases": ["ZA"], "id": "arxiv:1901.00001"}\n'
                '{"name": "Quux Robotics Lab", "type": "Organization", "aliases": ["quuxlab"]}\n',
            ),
        )
    )
    found = {e.name: e for e in record.entities}
    assert found["Zorbic Attention"].role == "used"  # dated 2019 by the user's entry
    assert found["Quux Robotics Lab"].role == "affiliated"


def test_each_component_defaults_to_the_shipped_config(nlp):
    """A component added by hand (nlp.add_pipe without a config) behaves as in the shipped pipeline
    (the nlp fixture has registered every factory)."""
    from spacy.language import Language
    from spacy.util import load_config

    from pipelines.extraction.pipeline import DEFAULT_CONFIG

    components = load_config(DEFAULT_CONFIG)["components"]
    checked = 0
    for settings in components.values():
        if not str(settings.get("factory", "")).startswith("kg_"):
            continue
        defaults = Language.get_factory_meta(settings["factory"]).default_config or {}
        for key, value in settings.items():
            if key == "factory" or (isinstance(value, str) and value.startswith("${")):
                continue  # an interpolation names another component's setting
            assert defaults.get(key) == value, (settings["factory"], key)
            checked += 1
    assert checked > 20


def test_every_entity_carries_evidence_inside_the_text(nlp):
    paper = Paper(id="t", title="ZetaNet: Fast Retrieval", abstract="We propose ZetaNet and evaluate it on MS MARCO.")
    (record,) = list(extract_records([paper], nlp))
    assert record.entities
    for entity in record.entities:
        assert entity.type in ENTITY_TYPES and entity.role in ROLES
        assert 0.0 < entity.confidence <= 1.0
        for ev in entity.evidence:
            surface = paper.text[ev.start : ev.end]
            assert surface and surface in ev.sentence
            assert surface in [entity.name, *entity.aliases] or surface.lower() == entity.name.lower() or entity.name


@pytest.mark.parametrize("text", ["", "   ", "(", "(X)", "a (B) c", "We (propose) nothing."])
def test_odd_texts_do_not_break_the_pipeline(nlp, text):
    entities(nlp, "T", text or "x")


@pytest.mark.parametrize("text", ["Gains on MATH).The model is small.", "Gains on MATH.The model is small."])
def test_a_sentence_end_that_lost_its_space_still_splits(nlp, text):
    words = [t.text for t in nlp.make_doc(text)]
    assert "MATH" in words and "The" in words
    assert entities(nlp, "A study", text)["MATH"].type == "Benchmark"


def test_dotted_names_and_numbers_stay_whole(nlp):
    words = [t.text for t in nlp.make_doc("Node.js and v1.5 and e.g. ImageNet-1k.")]
    assert "Node.js" in words and "v1.5" in words


@pytest.mark.parametrize("text", ["It matches PaLI-X 55B. Code is public.", "It beats ViT-L. Code is public."])
def test_a_full_stop_after_a_size_letter_ends_the_sentence_not_the_name(nlp, text):
    words = [t.text for t in nlp.make_doc(text)]
    assert "." in words and not any(w.endswith("B.") or w.endswith("L.") for w in words)
    assert len(list(nlp(text).sents)) == 2


def test_a_model_at_a_size_closing_a_sentence_is_found_whole(nlp):
    found = entities(nlp, "A study", "Our model is small, yet it matches PaLI-X 55B. Code is public.")
    assert "PaLI-X 55B" in found and "PaLI-X" not in found


def test_coco_captioning_is_the_captions_benchmark_not_the_detection_set(nlp):
    # COCO Captions is its own benchmark: a paper scored on it does not share MS-COCO with detectors.
    found = entities(nlp, "A study", "ZorbCap reaches 140.2 CIDEr on COCO captioning and improves on nocaps.")
    assert "COCO Captions" in found and "MS-COCO" not in found
    assert found["COCO Captions"].type == "Benchmark" and found["COCO Captions"].role == "evaluated_on"
