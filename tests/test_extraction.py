"""Extraction on hand-checked sentences: each type and role, evidence and confidence."""

from __future__ import annotations

import pytest

from kg.model import ENTITY_TYPES, ROLES, Paper
from pipelines.extraction import extract_records


def entities(nlp, title: str, abstract: str, **meta):
    paper = Paper(id="t", title=title, abstract=abstract, **meta)
    (record,) = list(extract_records([paper], nlp))
    return {e.name: e for e in record.entities}


def test_abbreviation_definition_makes_one_entity_with_alias(nlp):
    found = entities(nlp, "A study", "We propose Gradient-Aware Token Pruning (GATP), a new method. GATP is fast.")
    assert "Gradient-Aware Token Pruning" in found
    entity = found["Gradient-Aware Token Pruning"]
    assert entity.aliases == ["GATP"] and entity.role == "proposed" and entity.type == "Method"
    assert "GATP" not in found


def test_catalogue_resolves_short_and_long_forms_to_one_name(nlp):
    found = entities(nlp, "A study", "We compare against DPO. Direct Preference Optimization (DPO) is popular.")
    assert "Direct Preference Optimization" in found
    assert "DPO" in found["Direct Preference Optimization"].aliases
    assert "DPO" not in found


def test_title_name_before_colon_is_proposed(nlp):
    found = entities(nlp, "ZetaNet: Fast Retrieval with Sparse Graphs", "We study retrieval.")
    assert found["ZetaNet"].role == "proposed"


def test_benchmark_by_morphology_and_evaluation_sentence(nlp):
    found = entities(
        nlp, "A study", "Our method reaches state-of-the-art results on QuuxBench and the Frob-Eval suite."
    )
    assert found["QuuxBench"].type == "Benchmark" and found["QuuxBench"].role == "evaluated_on"
    assert found["Frob-Eval"].type == "Benchmark"


@pytest.mark.parametrize(
    "sentence",
    [
        "ZetaNet attains 83.1% accuracy on the hardest setting of QuuxObjectNN.",
        "ZetaNet sets a new state of the art on QuuxObjectNN language identification.",
        "ZetaNet improves data efficiency on the QuuxObjectNN [31] benchmark.",
    ],
)
def test_result_reported_on_a_subset_or_cited_name_makes_it_a_benchmark(nlp, sentence):
    found = entities(nlp, "A study", sentence)
    assert found["QuuxObjectNN"].type == "Benchmark" and found["QuuxObjectNN"].role == "evaluated_on"


def test_sized_variants_of_the_papers_own_model_are_proposed_but_others_are_not(nlp):
    found = entities(
        nlp,
        "ZetaNet: Sparse Graph Retrieval",
        "We propose ZetaNet. ZetaNet-Large and ZetaNet Base beat BERT-Large on QuuxBench.",
    )
    assert found["ZetaNet"].role == "proposed"
    assert found["ZetaNet-Large"].role == "proposed" and found["ZetaNet Base"].role == "proposed"
    assert [e.role for name, e in found.items() if name.upper().startswith("BERT")] == ["used"]


def test_known_technique_as_the_subject_of_a_title_sentence_is_proposed(nlp):
    found = entities(nlp, "Label Smoothing Improves Sparse Retrieval", "We study label smoothing on QuuxBench.")
    assert found["label smoothing"].role == "proposed"
    found = entities(nlp, "Sparse Retrieval with Label Smoothing", "We study label smoothing on QuuxBench.")
    assert found["label smoothing"].role != "proposed"


def test_known_name_inside_the_proposed_name_is_built_on_unless_it_is_the_title_name(nlp):
    found = entities(
        nlp,
        "Zeta Mixup: Fairness via Interpolation",
        "We propose Zeta Mixup, which adapts mixup. We introduce mixup to group fairness.",
    )
    assert found["Zeta Mixup"].role == "proposed" and found["mixup"].role == "used"
    found = entities(
        nlp, "Mixup: Beyond Empirical Risk Minimization", "We propose mixup. We also introduce Zeta-Mixup."
    )
    assert found["mixup"].role == "proposed"


@pytest.mark.parametrize("opener", ["solve", "reduce", "but", "whole", "traditional", "advanced"])
def test_verbs_and_function_words_do_not_open_a_task_name(nlp, opener):
    found = entities(
        nlp, "ZetaNet: A Detector", f"ZetaNet can {opener} object recognition. It helps object recognition."
    )
    assert "object recognition" in found and not [n for n in found if n.startswith(opener)]


def test_evaluative_adjectives_do_not_open_a_task_name(nlp):
    found = entities(
        nlp, "ZetaNet: A Detector", "ZetaNet achieves competitive object recognition and strong object recognition."
    )
    assert "object recognition" in found and not [n for n in found if n.startswith(("competitive", "strong"))]


def test_a_new_name_with_a_parameter_count_is_a_model_but_a_data_count_is_not(nlp):
    found = entities(nlp, "A study", "We compare ZorbLM-13B-V1.2 with ZorbSet-2M on QuuxBench.")
    assert found["ZorbLM-13B-V1.2"].type == "Model" and found["ZorbSet-2M"].type != "Model"


@pytest.mark.parametrize(("date", "role"), [("2026-05-01", "used"), ("2023", "proposed"), (None, "proposed")])
def test_a_known_name_introduced_years_before_the_paper_is_not_proposed_by_it(nlp, date, role):
    # The catalogue dates DPO by its arXiv id (2305.18290): a 2026 paper cannot be proposing it.
    found = entities(nlp, "Direct Preference Optimization Improves Retrieval", "We study DPO on QuuxBench.", date=date)
    assert found["Direct Preference Optimization"].role == role


def test_a_user_catalogue_entry_dates_its_name_and_names_its_organisation(tmp_path):
    from pipelines.extraction import load_pipeline

    extra = tmp_path / "mine.jsonl"
    extra.write_text(
        '{"name": "Zorbic Attention", "type": "Method", "aliases": ["ZA"], "id": "arxiv:1901.00001"}\n'
        '{"name": "Quux Robotics Lab", "type": "Organization", "aliases": ["quuxlab"]}\n'
    )
    paper = Paper(
        id="t",
        title="Zorbic Attention Improves Retrieval",
        abstract="We apply ZA to retrieval. Code: https://github.com/quuxlab/za",
        date="2026-05-01",
    )
    (record,) = list(extract_records([paper], load_pipeline(None, (str(extra),))))
    found = {e.name: e for e in record.entities}
    assert found["Zorbic Attention"].role == "used"  # dated 2019 by the user's entry
    assert found["Quux Robotics Lab"].role == "affiliated"


@pytest.mark.parametrize(
    ("paper_id", "url", "role"),
    [
        ("arxiv:2305.18290", None, "proposed"),
        ("x1", "https://arxiv.org/abs/2305.18290v3", "proposed"),
        ("W4378", "https://doi.org/10.48550/arXiv.2305.18290", "proposed"),
        ("arxiv:2401.00001", None, "used"),
    ],
)
def test_the_paper_the_catalogue_credits_with_a_name_proposes_it(nlp, paper_id, url, role):
    # DPO's catalogue id is arxiv:2305.18290: that paper introduces it, even when it only uses the name.
    paper = Paper(id=paper_id, title="A study", abstract="We train with DPO on QuuxBench.", url=url)
    (record,) = list(extract_records([paper], nlp))
    assert {e.name: e for e in record.entities}["Direct Preference Optimization"].role == role


def test_dataset_released_by_the_paper_is_proposed(nlp):
    found = entities(nlp, "A study", "We release WidgetCorpus, a preference dataset with 10k pairs.")
    assert found["WidgetCorpus"].type == "Dataset" and found["WidgetCorpus"].role == "proposed"


def test_named_model_after_called_is_typed_by_the_noun_before(nlp):
    found = entities(nlp, "A study", "Using this data, we train a 7B LLM called Brontes and test it on 5 benchmarks.")
    assert found["Brontes"].type == "Model"


def test_model_names_grow_over_version_tokens(nlp):
    found = entities(nlp, "A study", "It beats Mistral 7B Instruct v0.2 and GPT-4 on every task.")
    assert "Mistral 7B Instruct v0.2" in found
    assert found["Mistral 7B Instruct v0.2"].type == "Model"
    assert found["Mistral 7B Instruct v0.2"].role == "used"


def test_generic_phrases_are_not_entities(nlp):
    found = entities(
        nlp, "A study", "Large Language Models (LLMs) are strong. We evaluate LLMs on 11 datasets with SOTA methods."
    )
    assert not {"Large Language Models", "LLMs", "SOTA", "LLM"} & set(found)


def test_hardware_number_formats_and_units_are_not_entities(nlp):
    found = entities(
        nlp, "A study", "We train ZetaNet on 8 A100 GPUs in BF16 with INT8 weights, on 16 kHz audio and RGB-D frames."
    )
    assert "ZetaNet" in found
    assert not {"A100", "BF16", "INT8", "kHz", "RGB-D"} & set(found)


def test_metadata_organization_is_affiliated_and_text_organization_mentioned(nlp):
    found = entities(nlp, "A study", "Recently, OpenAI's GPT-4o suggests a pipeline.", organizations=["Baidu"])
    assert found["Baidu"].role == "affiliated" and found["Baidu"].type == "Organization"
    assert found["OpenAI"].type == "Organization" and found["OpenAI"].role == "mentioned"


def test_a_metadata_organization_with_a_bracketed_name_is_one_organization(nlp):
    found = entities(nlp, "A study", "We test it.", organizations=["Zorb Institute of Technology (Zorb Tech)"])
    assert found["Zorb Institute of Technology"].aliases == ["Zorb Tech"]
    assert [e.type for e in found.values()] == ["Organization"]


@pytest.mark.parametrize(
    ("title", "abstract"),
    [
        ("A study", "We evaluate on the OpenAI gym tasks."),
        ("MetaZorb: Meta Programming for Agents", "We evaluate MetaZorb on coding."),
    ],
)
def test_an_organisation_name_modifying_a_noun_is_not_the_organisation(nlp, title, abstract):
    found = entities(nlp, title, abstract)
    assert not [e for e in found.values() if e.type == "Organization"]


def test_organization_code_link_is_affiliated_but_personal_account_is_not(nlp):
    found = entities(nlp, "A study", "Code is at https://github.com/GAIR-NLP/tool and https://github.com/zchoi/other.")
    assert found["GAIR-NLP"].role == "affiliated"
    assert "zchoi" not in found


def test_metric_and_task_from_the_catalogue(nlp):
    found = entities(nlp, "A study", "We report accuracy and BLEU on machine translation.")
    types = {name: e.type for name, e in found.items()}
    assert "Metric" in types.values() and "Task" in types.values()


def test_background_mention_is_mentioned(nlp):
    found = entities(nlp, "A study", "Recently, Kahneman-Tversky Optimization (KTO) has shown promise.")
    (kto,) = [e for e in found.values() if "KTO" in e.aliases or e.name == "KTO"]
    assert kto.role == "mentioned"


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


def test_one_word_name_after_we_present_is_proposed(nlp):
    found = entities(nlp, "A study", "In this paper, we present Borealis, a simple framework for forecasting.")
    assert found["Borealis"].role == "proposed" and found["Borealis"].type == "Method"


def test_one_word_title_name_before_colon_is_proposed(nlp):
    found = entities(nlp, "Quillon: Towards Faster Decoding", "We study decoding speed.")
    assert found["Quillon"].role == "proposed"


def test_apposition_types_a_capitalised_name(nlp):
    found = entities(nlp, "A study", "Results improve over Mirelle, a retrieval model trained on web data.")
    assert found["Mirelle"].type == "Model"


def test_coordination_list_after_benchmarks_types_every_member(nlp):
    found = entities(
        nlp, "A study", "Experiments on five benchmarks (i.e., QzTest, Yarrow-7, DiDeMo, and ActivityNet) show gains."
    )
    for name in ("QzTest", "Yarrow-7", "DiDeMo", "ActivityNet"):
        assert found[name].type == "Benchmark" and found[name].role == "evaluated_on", name


def test_task_phrase_from_the_title_is_evaluated_on(nlp):
    found = entities(nlp, "Sparse Adapters for Zero-shot Image Captioning", "We improve zero-shot image captioning.")
    assert found["zero-shot image captioning"].type == "Task"
    assert found["zero-shot image captioning"].role == "evaluated_on"


def test_new_name_anywhere_in_the_title_is_proposed(nlp):
    found = entities(nlp, "Faster Decoding with ZorbaNet and Shared Caches", "ZorbaNet speeds up decoding on MMLU.")
    assert found["ZorbaNet"].role == "proposed"
    assert found["MMLU"].role == "evaluated_on"


def test_title_purpose_after_for_is_a_task(nlp):
    found = entities(nlp, "Adam: A Method for Stochastic Optimization", "We introduce Adam, an algorithm.")
    assert found["stochastic optimization"].type == "Task"
    assert found["stochastic optimization"].role == "evaluated_on"


def test_members_of_a_task_list_are_tasks(nlp):
    found = entities(
        nlp,
        "A study",
        "The model transfers to tasks such as geo-localization, action recognition in videos, and OCR.",
    )
    assert found["geo-localization"].type == "Task"
    assert found["action recognition"].type == "Task"


def test_earlier_members_before_tasks_are_tasks(nlp):
    found = entities(nlp, "A study", "It excels on both narration alignment and event argument extraction tasks.")
    assert found["narration alignment"].type == "Task"
    assert found["event argument extraction"].type == "Task"


def test_verb_forms_and_adverbs_do_not_open_a_task_phrase(nlp):
    found = entities(nlp, "A study", "A detector achieving state-of-the-art object detection, including segmentation.")
    assert "achieving state-of-the-art object detection" not in found
    assert "object detection" in found


@pytest.mark.parametrize(
    ("title", "task"),
    [
        ("Real-Time Object Detection with Region Proposal Networks", "object detection"),
        ("Zamba: Linear-Time Sequence Modeling with Selective State Spaces", "sequence modeling"),
    ],
)
def test_approach_words_are_not_part_of_the_task(nlp, title, task):
    found = entities(nlp, title, "We study it.")
    assert task in found and not [name for name in found if name.endswith(task) and name != task]


def test_title_phrase_after_via_names_the_means_not_a_task(nlp):
    found = entities(nlp, "Better Aligners via Principled Instruction Synthesis", "We align models.")
    assert "principled instruction synthesis" not in found


def test_hyphenated_task_used_as_modifier_is_not_a_task(nlp):
    found = entities(nlp, "A study", "We collect instruction-following responses from a strong model.")
    assert "instruction following" not in found


def test_short_form_of_a_catalogued_long_form_joins_it(nlp):
    found = entities(nlp, "A study", "The effectiveness of dense retrieval (DR) depends on negatives. DR is fast.")
    assert "DR" in found["dense retrieval"].aliases and "DR" not in found


def test_name_right_before_a_task_is_its_benchmark(nlp):
    found = entities(nlp, "A study", "We set a new state of the art on the Quokka-NER named entity recognition task.")
    assert found["Quokka-NER"].type == "Benchmark"


def test_a_task_list_ends_at_a_clause(nlp):
    found = entities(
        nlp, "A study", "It serves tasks such as question answering, without substantial task-specific changes."
    )
    assert "question answering" in found
    assert not [name for name in found if "substantial" in name]


def test_learning_paradigm_called_a_task_is_a_task(nlp):
    found = entities(nlp, "A study", "We evaluate the encoder on common transfer learning tasks.")
    assert found["transfer learning"].type == "Task" and found["transfer learning"].role == "evaluated_on"


def test_learning_paradigm_as_purpose_is_a_task_but_not_as_means(nlp):
    found = entities(nlp, "A study", "We propose a new family of methods for reinforcement learning.")
    assert found["reinforcement learning"].type == "Task"
    found = entities(nlp, "A study", "We train the policy with reinforcement learning on Atari games.")
    assert found["reinforcement learning"].type == "Method"


def test_sized_variant_of_a_known_architecture_is_a_model(nlp):
    found = entities(nlp, "A study", "We compare with ResNet-50 and EfficientNet-B7 on image classification.")
    assert found["ResNet-50"].type == "Model" and found["EfficientNet-B7"].type == "Model"


def test_plural_of_a_known_name_is_that_name(nlp):
    found = entities(nlp, "A study", "We compare against MobileNets of several widths.")
    assert "MobileNet" in found and "MobileNets" not in found


def test_name_a_result_is_reported_on_is_a_benchmark(nlp):
    found = entities(nlp, "A study", "The model reaches 98.1% accuracy on Zorblat Commands V2.")
    assert found["Zorblat Commands V2"].type == "Benchmark"
    assert found["Zorblat Commands V2"].role == "evaluated_on"


def test_the_proposed_adjective_does_not_propose_a_later_name(nlp):
    found = entities(nlp, "A study", "We test the proposed architecture on QuuxSet and on FrobSet.")
    assert found["QuuxSet"].role != "proposed"


def test_known_name_in_a_prepositional_phrase_is_not_proposed(nlp):
    found = entities(nlp, "A study", "We also present analysis on CIFAR-10 with 100 and 1000 layers.")
    assert found["CIFAR-10"].role != "proposed"


def test_our_novel_name_is_proposed(nlp):
    found = entities(nlp, "A study", "Our novel Quibble Loss focuses training on hard examples.")
    assert found["Quibble Loss"].role == "proposed"


def test_acronym_compared_against_is_not_proposed(nlp):
    found = entities(
        nlp,
        "A study",
        "We design a simple model. It improves by 16% over Neural Graph Ranking (NGR), a strong recommender.",
    )
    assert found["Neural Graph Ranking"].role != "proposed"


def test_propose_word_used_as_a_noun_does_not_propose(nlp):
    found = entities(nlp, "A study", "In this work, we aim to simplify the design of GCN for recommendation.")
    assert found["Graph Convolutional Network"].role != "proposed"


def test_undefined_acronym_of_the_title_name_joins_it(nlp):
    found = entities(
        nlp,
        "Preference-Oriented Supervised Fine-Tuning: Favoring Target Models",
        "We introduce a novel approach, namely PoFT. PoFT beats SFT on two benchmarks.",
    )
    assert "PoFT" in found["Preference-Oriented Supervised Fine-Tuning"].aliases and "PoFT" not in found


def test_name_that_is_the_whole_title_is_proposed(nlp):
    found = entities(nlp, "Denoising Diffusion Probabilistic Models", "We present high quality image synthesis.")
    assert found["Denoising Diffusion Probabilistic Model"].role == "proposed"


def test_a_whole_title_ending_in_a_known_task_names_the_task_not_a_method(nlp):
    found = entities(nlp, "Planning-oriented Autonomous Driving", "We present a framework that plans.")
    assert found["autonomous driving"].type == "Task" and "Planning-oriented Autonomous Driving" not in found


def test_known_name_in_a_based_compound_is_used(nlp):
    found = entities(nlp, "A study", "We train a Transformer-based encoder with a contrastive objective.")
    assert found["Transformer"].type == "Method" and found["Transformer"].role == "used"


def test_catalogue_task_matches_with_one_hyphen_among_spaces(nlp):
    found = entities(nlp, "A study", "We evaluate on open-ended visual question-answering with images.")
    assert "visual question answering" in found


def test_capitals_after_a_known_benchmark_are_not_part_of_it(nlp):
    found = entities(nlp, "A study", "It pushes SQuAD v2.0 Test F1 to 83.1 (5.1 point absolute improvement).")
    assert "SQuAD 2.0" in found and not [name for name in found if "Test" in name]


def test_recently_proposed_known_model_is_not_proposed(nlp):
    found = entities(nlp, "A study", "We transfer the recently proposed BERT model to 26 text classification tasks.")
    assert found["BERT"].role != "proposed"


def test_benchmark_trained_on_with_a_reported_result_is_evaluated_on(nlp):
    found = entities(
        nlp, "A study", "When fine-tuned on ScienceQA, the model achieves a new state-of-the-art accuracy."
    )
    assert found["ScienceQA"].role == "evaluated_on"


def test_noun_before_a_preposition_does_not_type_the_name(nlp):
    found = entities(nlp, "A study", "We productionized and evaluated the system on Quokka Play, an app store.")
    assert found["Quokka Play"].type == "Benchmark"


def test_ampersand_joins_a_name_but_not_two_known_ones(nlp):
    found = entities(nlp, "A study", "In this paper, we present Wide & Deep learning for recommender systems.")
    assert "Wide & Deep" in found
    found = entities(nlp, "A study", "These nets won the ILSVRC & COCO 2015 competitions.")
    assert "ILSVRC & COCO" not in found


def test_latex_and_number_ranges_are_not_names(nlp):
    found = entities(nlp, "A study", "We cut the cost from O($L^2$) to O($L\\log L$) for a 2X-3X speedup.")
    assert not found


def test_named_transformer_of_a_paper_is_an_architecture_so_a_method(nlp):
    # The guide: an architecture named without a size is a Method; a sized one a Model.
    found = entities(nlp, "A study", "We present Sonar Spectrogram Transformer, which reaches 0.48 mAP.")
    assert found["Sonar Spectrogram Transformer"].type == "Method"


def test_list_head_must_introduce_the_list(nlp):
    found = entities(
        nlp,
        "A study",
        "Trained on the Tulu 3 preference dataset, QAlign outperforms direct preference optimization (DPO), "
        "best-of-n, and majority voting.",
    )
    assert found["Direct Preference Optimization"].type == "Method"


def test_title_phrase_before_for_is_the_means_unless_for_a_model_class(nlp):
    found = entities(nlp, "Dynamic Gradient Alignment for Online Data Mixing", "We mix data online.")
    assert "dynamic gradient alignment" not in found and "online data mixing" in found
    found = entities(nlp, "Rethinking Test-Time Alignment for Language Models", "We align at test time.")
    assert found["test-time alignment"].type == "Task"


def test_known_name_before_the_title_colon_is_proposed(nlp):
    found = entities(nlp, "wav2vec 2.0: A Framework for Speech", "wav2vec 2.0 masks the speech input.")
    assert found["wav2vec 2.0"].role == "proposed"


def test_name_the_paper_trains_and_explains_is_proposed(nlp):
    found = entities(
        nlp, "A study", "Specifically, we train Zephyrine, an autoregressive language model with 17B parameters."
    )
    assert found["Zephyrine"].role == "proposed"


def test_name_after_proposing_is_proposed(nlp):
    found = entities(
        nlp, "A study", "We balance both goals by proposing SASRec, a self-attention based sequential model."
    )
    assert found["SASRec"].role == "proposed"


def test_code_hosted_under_a_library_account_is_not_an_affiliation(nlp):
    found = entities(nlp, "A study", "The code is at https://github.com/tensorflow/addons/blob/master/lamb.py.")
    assert not [e for e in found.values() if e.role == "affiliated"]


@pytest.mark.parametrize(
    ("title", "task"),
    [
        ("AlignScore: Evaluating Factual Consistency with a Unified Function", "factual consistency evaluation"),
        ("Deep Compression: Compressing Deep Neural Networks with Pruning", "deep neural network compression"),
        ("Detecting Objects in Cluttered Scenes", "object detection"),
    ],
)
def test_title_opening_with_a_task_verb_names_the_task(nlp, title, task):
    found = entities(nlp, title, "We report results.")
    assert found[task].type == "Task"


def test_title_verb_with_a_named_object_is_not_a_task(nlp):
    found = entities(nlp, "Insights into Alignment: Evaluating DPO and its Variants", "We compare methods.")
    assert "DPO evaluation" not in found and "dpo evaluation" not in found


def test_task_a_paper_is_tested_on_is_a_task_even_once(nlp):
    found = entities(nlp, "A study", "We report substantial gains on span selection tasks such as coreference.")
    assert found["span selection"].type == "Task"
    found = entities(nlp, "A study", "We report gains on NLP tasks.")
    assert "NLP" not in found


def test_head_noun_in_another_clause_does_not_type_a_name(nlp):
    found = entities(nlp, "A study", "Extensive experiments across benchmarks demonstrate that FlowDirector is fast.")
    assert found["FlowDirector"].type != "Benchmark"
    found = entities(nlp, "A study", "For example, our model outperforms Flamingo80B by 8.7% on VQAv2.")
    assert found["Flamingo80B"].type == "Model"


def test_new_names_explained_in_a_proposal_list_are_proposed(nlp):
    found = entities(
        nlp,
        "A study",
        "We propose three complementary interventions: (i) TraceShield, an inference-time safety filter that "
        "refuses completions with high-risk spans, (ii) Contrastive Belief Deconfliction Loss, a contrastive "
        "objective penalizing risky continuations, and (iii) Prov-Decode, a provenance-aware decoding strategy.",
    )
    for name in ("TraceShield", "Contrastive Belief Deconfliction Loss", "Prov-Decode"):
        assert found[name].role == "proposed", name


def test_this_paper_presents_proposes(nlp):
    found = entities(nlp, "A study", "This paper presents Quasar Negative Estimation (QNE), a training mechanism.")
    assert found["Quasar Negative Estimation"].role == "proposed"


def test_gerund_after_for_does_not_propose(nlp):
    found = entities(nlp, "A study", "Our work provides solutions for evaluating and building reliable RAG systems.")
    assert found["retrieval-augmented generation"].role != "proposed"


def test_general_task_inside_a_specific_one_joins_it(nlp):
    found = entities(
        nlp, "Better Zero-shot Image Captioning", "Image captioning models often fail; we improve image captioning."
    )
    assert "image captioning" in found["zero-shot image captioning"].aliases and "image captioning" not in found


def test_title_gloss_after_the_colon_types_the_name(nlp):
    found = entities(nlp, "PIKA: Expert-Level Synthetic Datasets for Post-Training", "We release PIKA.")
    assert found["PIKA"].type == "Dataset"
    found = entities(nlp, "Quillon: Aligning LLMs With User Feedback Models", "We study Quillon.")
    assert found["Quillon"].type != "Model"


def test_elided_version_after_a_known_name_is_its_other_version(nlp):
    found = entities(nlp, "A study", "Our single model obtains 94.6% and 88.7% F1 on SQuAD 1.1 and 2.0, respectively.")
    assert "SQuAD 2.0" in found and found["SQuAD 2.0"].role == "evaluated_on"


def test_capitalised_hyphen_name_matches_mid_sentence(nlp):
    found = entities(nlp, "A study", "QAlign outperforms best-of-N and majority voting on GSM8K.")
    assert found["Best-of-N sampling"].type == "Method" and found["majority voting"].type == "Method"


@pytest.mark.parametrize(
    "sentence",
    [
        "We find that PORTIA-enhanced GPT-3.5 agrees with GPT-4 in 88% of cases.",
        "Moreover, our ZorbMix-trained ImageNet classifier improves detection.",
    ],
)
def test_hyphenated_modifier_is_not_part_of_a_name(nlp, sentence):
    found = entities(nlp, "A study", sentence)
    assert not [name for name in found if "enhanced" in name or "trained" in name]


def test_known_dataset_only_evaluated_on_is_a_benchmark(nlp):
    found = entities(nlp, "A study", "It achieves new state-of-the-art results of 0.485 mAP on AudioSet.")
    assert found["AudioSet"].type == "Benchmark" and found["AudioSet"].role == "evaluated_on"


@pytest.mark.parametrize(
    ("title", "name"),
    [
        ("Robust Parsing via Large-Scale Weak Supervision", "Large-Scale Weak Supervision"),
        ("Sparse Adapters with Gradient Collision Regularization", "Gradient Collision Regularization"),
    ],
)
def test_title_means_ending_in_a_technique_word_is_a_proposed_method(nlp, title, name):
    found = entities(nlp, title, "We study this problem.")
    assert found[name].type == "Method" and found[name].role == "proposed"


def test_title_means_ending_in_a_vague_word_is_not_a_name(nlp):
    found = entities(nlp, "Image Editing via Iterative Understanding", "We study this problem.")
    assert "Iterative Understanding" not in found


def test_words_before_a_known_task_in_the_title_name_a_more_specific_task(nlp):
    found = entities(nlp, "Inductive Representation Learning on Large Graphs", "We study graphs.")
    assert found["inductive representation learning"].type == "Task"
    assert "representation learning" not in found


def test_list_members_share_the_elided_head_of_the_last_member(nlp):
    found = entities(
        nlp,
        "A study",
        "Prompting improves performance on a range of arithmetic, commonsense, and symbolic reasoning tasks.",
    )
    assert {"arithmetic reasoning", "commonsense reasoning", "symbolic reasoning"} <= set(found)
    assert found["arithmetic reasoning"].type == "Task"


@pytest.mark.parametrize(
    "title", ["Gradient Norm Clipping", "Auto-Encoding Spectral Bayes", "Stochastic Weight Folding"]
)
def test_short_title_that_is_one_noun_phrase_is_the_proposed_method(nlp, title):
    found = entities(nlp, title, "We study how training behaves. Results on ImageNet improve.")
    assert found[title].role == "proposed"


@pytest.mark.parametrize(
    "title", ["Attention Is All You Need", "Scaling Laws for Language Models", "Visual Question Answering"]
)
def test_sentence_purpose_or_task_title_proposes_nothing_from_the_title(nlp, title):
    found = entities(nlp, title, "We study how training behaves. Results on ImageNet improve.")
    assert not [e for e in found.values() if e.role == "proposed"]


def test_a_defined_long_name_is_the_same_name_where_its_words_recur(nlp):
    found = entities(
        nlp,
        "AST: Audio Spectrogram Transformer",
        "We introduce the Audio Spectrogram Transformer (AST), a purely attention-based model.",
    )
    assert found["Audio Spectrogram Transformer"].aliases == ["AST"]
    assert "Transformer" not in found


@pytest.mark.parametrize("after", ["test set", "challenge"])
def test_a_name_before_test_set_or_challenge_is_a_benchmark(nlp, after):
    found = entities(nlp, "A study", f"We achieve 7.2% on the Quux'05 {after} without a language model.")
    assert found["Quux'05"].type == "Benchmark"


def test_a_known_name_defined_with_its_acronym_after_we_introduce_is_proposed(nlp):
    found = entities(nlp, "A study", "In this work, we introduce a Region Proposal Network (RPN) that shares features.")
    assert found["region proposal network"].role == "proposed"


@pytest.mark.parametrize(
    ("abstract", "name"),
    [
        ("We propose XLNet, a generalized autoregressive pretraining method.", "XLNet"),
        ("We propose a new model named LightGCN for recommendation.", "LightGCN"),
    ],
)
def test_a_known_name_the_paper_introduces_keeps_the_catalogue_type(nlp, abstract, name):
    from pipelines.extraction.resources import load_catalogue

    found = entities(nlp, "A study", abstract)
    assert found[name].role == "proposed" and found[name].type == load_catalogue().lookup(name).type


def test_a_known_task_with_a_preposition_inside_is_not_grown_over_title_words(nlp):
    found = entities(nlp, "Direct Preference Alignment of LLMs", "We study preference data.")
    assert "direct preference alignment of llms" not in found


def test_a_survey_mentions_what_it_names(nlp):
    found = entities(
        nlp, "Preference Optimization: A Survey", "Methods such as DPO achieve strong results on MT-Bench."
    )
    assert {found["Direct Preference Optimization"].role, found["MT-Bench"].role} == {"mentioned"}


def test_a_known_task_listed_after_datasets_stays_a_task(nlp):
    found = entities(
        nlp, "A study", "GPT-3 achieves strong performance on many NLP datasets, including question-answering."
    )
    assert found["question answering"].type == "Task"


def test_two_catalogue_entries_from_one_paper_stay_two_entities(nlp):
    found = entities(nlp, "A study", "We evaluate Codex on HumanEval.")
    assert found["Codex"].type == "Model" and found["HumanEval"].type == "Benchmark"


def test_a_task_phrase_before_a_method_noun_is_not_a_task(nlp):
    found = entities(
        nlp, "A study", "We add a constraint alignment loss. The constraint alignment loss improves accuracy."
    )
    assert "constraint alignment" not in found


def test_formula_pieces_and_sentence_joins_are_not_entities(nlp):
    found = entities(
        nlp,
        "Cycle Models",
        "We enforce F(G(X)) = X with a cycle loss. Each layer has L(L+1)/2 connections. We thank G. The "
        "results of FedAvg---improving on it---hold on ImageNet.",
    )
    assert not [name for name in found if "(" in name or name.startswith("G.") or "--" in name]
    assert "ImageNet" in found


def test_learning_a_named_object_in_the_title_is_a_task(nlp):
    found = entities(nlp, "Visuomotor Policy Learning via Action Diffusion", "We study robots.")
    assert found["visuomotor policy learning"].type == "Task"


def test_task_that_opens_a_task_list_is_mentioned(nlp):
    found = entities(
        nlp,
        "Sparse Routers",
        "Our router improves structured prediction tasks such as semantic segmentation and object detection.",
    )
    assert found["object detection"].role == "evaluated_on"
    assert found["semantic segmentation"].role == "evaluated_on"
    umbrella = [e for e in found.values() if e.name.lower().startswith("structured prediction")]
    assert umbrella and all(e.role == "mentioned" for e in umbrella)


def test_bare_lowercase_technique_after_we_propose_is_proposed(nlp):
    found = entities(
        nlp,
        "Compact Students",
        "To shrink large encoders, we propose layer-wise teacher distillation, which copies attention maps.",
    )
    assert found["layer-wise teacher distillation"].role == "proposed"
    assert found["layer-wise teacher distillation"].type == "Method"


def test_name_joined_by_and_to_a_proposed_one_is_proposed(nlp):
    found = entities(
        nlp,
        "Open Parsers",
        "We release the Tree Folding Parser (TFP) and its companion corpus (TreeBank-9X) for public use.",
    )
    assert found["TreeBank-9X"].role == "proposed"


def test_public_name_joined_to_our_proposed_one_is_not_proposed(nlp):
    found = entities(
        nlp,
        "Open Parsers",
        "Experiments on our proposed ParseBench and the public GraphBench show that it outperforms others.",
    )
    assert found["GraphBench"].role == "evaluated_on"


def test_known_name_in_brackets_after_the_proposed_head_is_proposed(nlp):
    found = entities(
        nlp,
        "Light Graph Filters",
        "We simplify graph filtering by proposing a propagation based recommender model (LightGCN) "
        "that drops feature transforms.",
    )
    assert found["LightGCN"].role == "proposed"


def test_name_its_apposition_calls_new_is_proposed(nlp):
    found = entities(
        nlp,
        "Better Rerankers",
        "The reranker is trained on QueryMix, a new corpus of paired search logs, and beats strong baselines.",
    )
    assert found["QueryMix"].role == "proposed"


@pytest.mark.parametrize("text", ["Gains on MATH).The model is small.", "Gains on MATH.The model is small."])
def test_a_sentence_end_that_lost_its_space_still_splits(nlp, text):
    words = [t.text for t in nlp.make_doc(text)]
    assert "MATH" in words and "The" in words
    assert entities(nlp, "A study", text)["MATH"].type == "Benchmark"


def test_dotted_names_and_numbers_stay_whole(nlp):
    words = [t.text for t in nlp.make_doc("Node.js and v1.5 and e.g. ImageNet-1k.")]
    assert "Node.js" in words and "v1.5" in words


def test_the_word_before_attention_mechanism_names_the_attention(nlp):
    found = entities(nlp, "A study", "ZetaNet uses a tree-based attention mechanism. The attention mechanism is old.")
    assert "tree-based attention mechanism" in found["tree-based attention"].aliases
    assert "attention mechanism" in found


@pytest.mark.parametrize(
    ("abstract", "found_it"),
    [
        ("We train a sequence-to-sequence model on QuuxBench.", True),
        ("We cast it as sequence-to-sequence tasks.", False),
    ],
)
def test_sequence_to_sequence_is_a_name_only_with_its_noun(nlp, abstract, found_it):
    assert ("sequence-to-sequence learning" in entities(nlp, "A study", abstract)) is found_it


@pytest.mark.parametrize(
    ("title", "abstract", "name"),
    [
        ("A study", "The outcome is a family of pure ConvNet models dubbed ZorbNeXt.", "ZorbNeXt"),
        ("A study", "Our simple baseline, Zorbic Replay, matches the teacher's logits.", "Zorbic Replay"),
        ("A study", "This paper describes Zorbotron, a neural network architecture for speech.", "Zorbotron"),
        ("A study", "Furthermore, we have pre-trained a multilingual model mZorbBERT.", "mZorbBERT"),
        ("A study", "With four chips, we train a ZorbLiT model that reaches 84.5% accuracy.", "ZorbLiT"),
        ("A study", "Changes include new activation functions ZwooshR and ZwooshL.", "ZwooshR"),
        (
            "Zorb-VL: Seeing More",
            "Zorb-VL introduces the Naive Zorbic Resolution mechanism.",
            "Naive Zorbic Resolution",
        ),
    ],
)
def test_a_name_the_paper_gives_without_we_propose_is_proposed(nlp, title, abstract, name):
    assert entities(nlp, title, abstract)[name].role == "proposed"


@pytest.mark.parametrize(
    "abstract",
    [
        "This is what is called ZorbNeXt in earlier work.",
        "Prior work trained models on ZorbCorpus. We train a model on ZorbCorpus.",
        "Many new methods such as dropout exist.",
        "We validate our algorithm with ZorbOPT, ZorbLaMA, and GPT-Zorb.",
    ],
)
def test_a_name_given_by_others_or_a_known_one_is_not_proposed(nlp, abstract):
    found = entities(nlp, "A study", abstract)
    assert all(e.role != "proposed" for e in found.values())


@pytest.mark.parametrize(
    ("name", "is_name"),
    [("QA-GNN", True), ("SR-GNN", True), ("EN-FR", False), ("de→en", False), ("English-German", False)],
)
def test_two_acronyms_joined_are_a_name_unless_they_are_two_languages(nlp, name, is_name):
    found = entities(nlp, "A study", f"We propose {name}, a new approach, and test it on QuuxBench.")
    assert (name in found) is is_name


def test_three_capitalised_words_before_the_title_colon_name_the_paper(nlp):
    found = entities(nlp, "3D Zorbic Actor: Policy Diffusion with Scenes", "We study policies.")
    assert found["3D Zorbic Actor"].role == "proposed" and "Zorbic Actor" not in found


def test_a_parameter_count_in_brackets_is_not_a_short_form(nlp):
    found = entities(nlp, "A study", "Fine-tuning Phi-2 (2.7B), Llama-2 (7B), and Mistral (7B) with our loss helps.")
    assert {"Phi-2", "Llama 2", "Mistral"} <= set(found) and not [n for n in found if "(" in n or ")" in n]


@pytest.mark.parametrize(
    ("abstract", "kind"),
    [
        ("We publicly release MusicCaps, a dataset composed of 5.5k music-text pairs.", "Dataset"),
        ("We release MusicCaps, a benchmark of 5.5k music-text pairs.", "Benchmark"),
        ("Our model reaches 0.8 on MusicCaps.", "Benchmark"),
    ],
)
def test_a_known_benchmark_the_paper_releases_as_a_dataset_is_a_dataset(nlp, abstract, kind):
    # MusicCaps is a Benchmark in the catalogue; its own paper calls it a dataset.
    assert entities(nlp, "A study", abstract)["MusicCaps"].type == kind


def test_a_known_dataset_inside_a_hyphenated_modifier_is_data_the_paper_uses(nlp):
    found = entities(nlp, "A study", "We introduce ZorbQA, with 113k Wikipedia-based question-answer pairs.")
    assert found["Wikipedia"].type == "Dataset" and found["Wikipedia"].role == "used"


@pytest.mark.parametrize(
    ("title", "abstract", "absent"),
    [
        ("Improving the Image Quality of GANs", "Quality matters.", "QuALITY"),
        ("A study", "Multiple runs show it. We test multiple seeds.", "MultiPL-E"),
        ("A study", "ZetaNet runs at 60 FPS on a Tesla V100 and on Cloud TPU v4.", "Tesla V100"),
    ],
)
def test_english_words_and_hardware_are_not_taken_for_names(nlp, title, abstract, absent):
    found = entities(nlp, title, abstract)
    assert absent not in found and not [n for n in found if "V100" in n or "TPU" in n]


def test_llama_written_in_title_case_is_still_llama(nlp):
    assert entities(nlp, "A study", "KIVI enables Llama and Falcon models.")["LLaMA"].type == "Model"


def test_a_hyphenated_known_name_matches_in_any_case_its_spaced_form_does(nlp):
    found = entities(nlp, "A study", "It beats best-of-n and gains on StrategyQA and ARC-challenge (+3.9%).")
    assert found["ARC-Challenge"].type == "Benchmark" and found["Best-of-N sampling"].type == "Method"


def test_an_article_name_is_matched_only_when_its_noun_is_capitalised(nlp):
    assert entities(nlp, "A study", "RetroLM matches GPT-3 on the Pile.")["The Pile"].type in ("Dataset", "Benchmark")
    assert "The Stack" not in entities(nlp, "A study", "The stack tracks the parser state. It pops the stack.")


def test_a_function_word_opening_a_clause_is_not_part_of_a_name(nlp):
    found = entities(nlp, "A study", "We scale models: For YOLO-Nano with 0.9M parameters we get 25.3% AP on COCO.")
    assert "YOLO-Nano" in found and not [name for name in found if name.startswith("For ")]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("We introduce ZorBit, an attention model for span-based relation extraction.", "Model"),
        ("We introduce ZorBit, a general tool-use framework encompassing data construction.", "Method"),
        ("We compare with ZorBit, a strong end-to-end detection model.", "Model"),
    ],
)
def test_an_apposition_types_a_name_by_its_last_head_noun(nlp, sentence, expected):
    assert entities(nlp, "A study", sentence)["ZorBit"].type == expected


def test_a_short_form_the_paper_defines_otherwise_is_not_the_catalogues_name(nlp):
    found = entities(
        nlp,
        "Flat Minima for Generalization",
        "Our procedure, Sharpness-Aware Minimization (SAM), seeks flat minima. SAM improves generalization.",
    )
    assert "Sharpness-Aware Minimization" in found and "Segment Anything Model" not in found


@pytest.mark.parametrize(
    ("abstract", "name"),
    [
        ("We revisit Direct Preference Optimisation (DPO). DPO is simple.", "Direct Preference Optimization"),
        (
            "The new methods, which we call proximal policy optimization (PPO), work. PPO wins.",
            "Proximal Policy Optimization",
        ),
    ],
)
def test_a_short_form_defined_by_a_variant_spelling_keeps_its_catalogue_name(nlp, abstract, name):
    found = entities(nlp, "A study", abstract)
    assert name in found and found[name].type == "Method"


def test_the_name_improved_upon_is_built_on_not_proposed(nlp):
    found = entities(
        nlp, "A study", "In this work, we present ZorbMPC2: a series of improvements upon the ZorbMPC algorithm."
    )
    assert found["ZorbMPC2"].role == "proposed" and found["ZorbMPC"].role != "proposed"


def test_members_of_a_list_the_authors_call_their_components_are_proposed(nlp):
    found = entities(
        nlp,
        "ZorbQA: An Optimized Training Approach",
        "We make three technical contributions in ZorbQA, namely cross-batch negatives, denoised hard"
        " negatives and token dropping. Its key components include masked attention, which extracts"
        " local features.",
    )
    for name in ("cross-batch negatives", "denoised hard negatives", "masked attention"):
        assert found[name].role == "proposed" and found[name].type == "Method"


def test_purposes_and_plural_classes_in_a_list_are_not_components(nlp):
    found = entities(
        nlp,
        "A study",
        "We propose key innovations to: (i) bridge pretrained vision-only models and (ii) handle long"
        " sequences. We find two components: base models and reward functions.",
    )
    assert not [name for name in found if name.startswith(("bridge", "handle", "base models", "reward functions"))]


def test_a_language_before_a_name_is_not_part_of_it(nlp):
    found = entities(
        nlp, "A study", "Our parser achieves 95.7% UAS on the English PTB and 90.1% on the Spanish ZorbSet2022 corpus."
    )
    assert "Penn Treebank" in found and "ZorbSet2022" in found
    assert not [name for name in found if name.startswith(("English", "Spanish"))]


def test_a_known_benchmark_at_a_size_is_a_benchmark(nlp):
    found = entities(
        nlp,
        "A study",
        "Our models outperform prior models on the class-conditional ImageNet 512x512 and 256x256 benchmarks.",
    )
    assert found["ImageNet 512x512"].type == "Benchmark"


def test_a_whole_title_describing_a_name_the_abstract_defines_is_that_name(nlp):
    found = entities(
        nlp,
        "Densely Connected Zorb Networks",
        "We introduce the Dense Zorb Network (DenseZorbNet), which connects each layer to every other layer.",
    )
    proposed = [e for e in found.values() if e.role == "proposed"]
    assert len(proposed) == 1 and "Densely Connected Zorb Networks" in proposed[0].aliases


def test_a_name_defined_after_using_is_used_not_proposed(nlp):
    found = entities(
        nlp,
        "A study",
        "We present a new training paradigm. Of interest is using Zorbal Transport (ZT) interpolation to define paths.",
    )
    assert found["Zorbal Transport"].role == "used"


def test_a_direction_between_modalities_is_not_a_name(nlp):
    found = entities(nlp, "ZorbFusion: Text-to-3D using 2D Diffusion", "We map camera-to-LiDAR features.")
    assert not [name for name in found if "-to-" in name]


def test_a_short_form_defined_as_a_generic_phrase_is_not_the_catalogues_name(nlp):
    found = entities(
        nlp,
        "A study",
        "Text-to-audio (TTA) system has recently gained attention. However, previous studies in TTA have"
        " limited quality. In this study, we propose ZorbLDM, a TTA system.",
    )
    assert "test-time augmentation" not in found


@pytest.mark.parametrize(
    ("sentence", "member"),
    [
        ("We evaluate on social networks such as BlogCatalog, Flickr, and YouTube.", "Flickr"),
        (
            "It reaches state-of-the-art accuracy on CIFAR-100 (91.7%), Flowers (98.8%), and 3 other datasets.",
            "Flowers",
        ),
    ],
)
def test_a_capitalised_word_listed_beside_known_benchmarks_is_one(nlp, sentence, member):
    assert entities(nlp, "A study", sentence)[member].type == "Benchmark"


def test_a_word_opening_a_longer_name_in_a_list_is_not_a_member(nlp):
    found = entities(nlp, "A study", "We evaluate on Kinetics-400, Moments in Time and CIFAR-10.")
    assert "Moments" not in found


def test_a_name_ends_at_a_full_stop_the_sentence_splitter_missed(nlp):
    found = entities(
        nlp,
        "A study",
        "It is evaluated in two environments: VizDoom and Super Mario Bros. Three settings are studied."
        " It is robust on ZorbSet-C. Code will be released.",
    )
    assert "Super Mario Bros" in found and "ZorbSet-C" in found


@pytest.mark.parametrize(
    ("title", "absent", "present"),
    [
        ("Patient Knowledge Distillation for BERT Model Compression", "bert model compression", "model compression"),
        ("Zephyr: Direct Distillation of LM Alignment", "lm alignment", None),
        ("COMET: A Neural Framework for MT Evaluation", None, "mt evaluation"),
    ],
)
def test_a_model_named_in_a_title_task_is_its_object_not_part_of_the_task(nlp, title, absent, present):
    found = entities(nlp, title, "We study it.")
    assert absent not in found and (present is None or found[present].type == "Task")


def test_data_pre_trained_on_is_a_dataset_used_even_in_a_result_sentence(nlp):
    found = entities(
        nlp, "A study", "After pre-training on the Objects365 dataset, ZorbDet obtains 63.3 AP on COCO val2017."
    )
    assert found["Objects365"].type == "Dataset" and found["Objects365"].role == "used"
    assert found["MS-COCO"].role == "evaluated_on"


def test_a_known_name_in_the_brackets_spelling_out_the_proposed_name_is_built_on(nlp):
    found = entities(
        nlp, "A study", "We present ZorbDet (DETR with Improved deNoising boxes), a strong end-to-end detector."
    )
    assert found["ZorbDet"].role == "proposed" and found["DETR"].role == "used"


def test_a_function_word_after_a_name_holding_the_full_stop_opens_a_sentence(nlp):
    found = entities(nlp, "A study", "We build an enhanced ZorbCoderS. Both ZorbCoder Pro and ZorbCoderS beat others.")
    assert "ZorbCoderS" in found and not [name for name in found if name.startswith("Both")]


def test_one_word_before_tasks_names_a_field_not_a_task(nlp):
    found = entities(
        nlp,
        "A study",
        "We introduce ZorbBench, which covers 20 challenging video tasks that cannot be solved with a single"
        " frame. We enable the systematic generation of video tasks that require temporal skills.",
    )
    assert "video" not in found


def test_a_verb_after_a_modal_in_the_title_does_not_open_a_task(nlp):
    found = entities(nlp, "ZorbMath: Small LLMs Can Master Math Reasoning", "We study it.")
    assert not [name for name in found if name.startswith("master")]


def test_a_task_word_modifying_a_noun_heads_no_list(nlp):
    found = entities(
        nlp,
        "A study",
        "Our analysis reveals large room for improvement as we increase input length and task complexity.",
    )
    assert not [e for e in found.values() if e.type == "Task"]


@pytest.mark.parametrize(
    ("title", "proposed"),
    [("Designing Zorb Design Spaces", False), ("Auto-Encoding Zorbational Bayes", True)],
)
def test_a_whole_title_opening_with_a_verb_is_no_name(nlp, title, proposed):
    found = entities(nlp, title, "We study it.")
    assert (title in found and found[title].role == "proposed") == proposed


def test_a_long_form_with_a_count_in_it_is_not_a_name(nlp):
    found = entities(nlp, "A study", "We evaluate over 27 API-based and open-sourced (OSS) LLMs on eight tasks.")
    assert not [name for name in found if "27" in name]


def test_a_name_built_on_is_used_even_after_the_proposal_verb(nlp):
    found = entities(
        nlp, "A study", "We introduce a new paradigm for generative modeling built on Zorbal Normalizing Flows (ZNFs)."
    )
    assert found["Zorbal Normalizing Flows"].role == "used"


@pytest.mark.parametrize(
    "sentence",
    [
        "Training takes two days on 8 NVIDIA V100 GPUs.",
        "Runs on A100-80 and A100-40 GPUs finish in an hour.",
        "ZorbQuant is strong in W4A16 and W2A16 settings.",
    ],
)
def test_machines_and_bit_widths_are_not_names(nlp, sentence):
    found = entities(nlp, "A study", sentence)
    assert not [name for name in found if any(part in name for part in ("100", "W4", "W2"))]


@pytest.mark.parametrize(
    ("sentence", "how"),
    [
        ("ZorbGAN achieves high quality image synthesis on faces.", "high"),
        ("We evaluate on the widely used syntactic constituency parsing task.", "used"),
        ("ZorbNet serves sophisticated industrial recommendation tasks.", "sophisticated"),
        ("ZorbNet learns distinct tabular prediction tasks.", "distinct"),
    ],
)
def test_a_task_name_opens_after_how_words_and_participles(nlp, sentence, how):
    found = entities(nlp, "A study", sentence)
    tasks = [name for name, e in found.items() if e.type == "Task"]
    assert tasks and not [name for name in tasks if name.startswith(how)], tasks


@pytest.mark.parametrize(
    ("sentence", "task"),
    [
        (
            "We achieve record-breaking performance for unconditional zorb generation on CIFAR-10.",
            "unconditional zorb generation",
        ),
        ("We evaluate ZorbNet on multilingual zorb modeling and beat prior work.", "multilingual zorb modeling"),
    ],
)
def test_a_phrase_a_result_is_measured_on_is_a_task_even_named_once(nlp, sentence, task):
    found = entities(nlp, "A study", sentence)
    assert task in found and found[task].type == "Task"


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        ("Evaluation on the LAION-5B-Zorb dataset shows that our model is strong.", "LAION-5B-Zorb"),
        ("ZorbNet reaches 84.0% mIoU on Cityscapes and shows excellent robustness on Cityscapes-Z.", "Cityscapes-Z"),
        ("ZorbNet significantly outperforms existing models on both ZDR and ZDA.", "ZDA"),
    ],
)
def test_variants_named_data_and_listed_result_sets_are_benchmarks(nlp, sentence, name):
    found = entities(nlp, "A study", sentence)
    assert found[name].type == "Benchmark"


def test_a_sized_variant_of_known_data_is_not_data(nlp):
    found = entities(
        nlp, "A study", "We build the ShareGPT4V dataset and train ShareGPT4V-7B on it, which beats LLaVA."
    )
    assert found["ShareGPT4V-7B"].type == "Model"


def test_a_capitalised_word_in_a_title_or_opening_a_sentence_is_not_a_camel_case_name(nlp):
    assert "ComplEx" not in entities(nlp, "Learning to Simulate Complex Physics", "Complex systems are hard.")
    assert "ComplEx" in entities(nlp, "A study", "We compare with ComplEx and Complex.")


def test_tuning_hyperparameters_is_an_activity_not_a_method(nlp):
    found = entities(nlp, "A study", "Prior methods need significant hyperparameter tuning.")
    assert not [name for name in found if "hyperparameter" in name.lower()]


@pytest.mark.parametrize(
    ("owner", "institutional"),
    [("MCG-NJU", True), ("HKUDS", True), ("uclaml", True), ("dptech-corp", True), ("zchoi", False), ("BradyFU", False)],
)
def test_code_owners_named_like_groups_or_acronyms_are_affiliations(owner, institutional):
    from pipelines.extraction.records import code_owner_organizations

    found = code_owner_organizations(f"Code is at https://github.com/{owner}/zorb.")
    assert (found == [owner]) == institutional


def test_a_model_named_after_its_maker_mentions_the_maker(nlp):
    found = entities(nlp, "A study", "Our small model rivals OpenAI o1 on math, unlike DeepSeek-R1.")
    assert found["OpenAI"].type == "Organization" and found["OpenAI"].role == "mentioned"
    assert "DeepSeek" not in found


@pytest.mark.parametrize(
    ("sentence", "names"),
    [
        ("ZorbLM wins on AlpacaEval 1.0 and 2.0 by a large margin.", ["AlpacaEval 1.0", "AlpacaEval 2.0"]),
        ("We evaluate ZorbNet on Kinetics-400, -600 and -700.", ["Kinetics-400", "Kinetics-600", "Kinetics-700"]),
        ("We report accuracy on CIFAR-10 and 100.", ["CIFAR-10", "CIFAR-100"]),
    ],
)
def test_bare_versions_after_a_versioned_benchmark_are_its_other_versions(nlp, sentence, names):
    found = entities(nlp, "A study", sentence)
    assert all(found[name].type == "Benchmark" for name in names)


def test_a_score_after_a_hyphen_versioned_benchmark_is_no_version(nlp):
    found = entities(nlp, "A study", "ZorbGAN reaches on CIFAR-10, 6.20 FID.")
    assert not [name for name in found if "6.20" in name]


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        (
            "In this paper, we propose a new optimization algorithm, Zorbhead, that updates two sets of weights.",
            "Zorbhead",
        ),
        ("The first is a new architecture, the Zorbnet, that exploits the propensity score.", "Zorbnet"),
    ],
)
def test_a_capitalised_word_set_off_after_a_new_kind_noun_is_its_name(nlp, sentence, name):
    assert name in entities(nlp, "A study", sentence)


def test_a_lowercase_x2y_name_before_the_title_colon_is_proposed(nlp):
    found = entities(nlp, "zorb2vec: Learning Distributed Representations of Zorbs", "We present a neural model.")
    assert found["zorb2vec"].role == "proposed"


@pytest.mark.parametrize(
    "sentence",
    [
        "We outperform prior agents on three benchmarks—ZorbAgent wins on all.",
        "It runs on an Nvidia Titan X and on Ascend NPUs.",
        "ZorbWave synthesises 24kHz audio with INT4-weight quantization in FP16-precision.",
    ],
)
def test_dash_joined_clauses_machines_units_and_number_formats_are_not_names(nlp, sentence):
    found = entities(nlp, "A study", sentence)
    assert not [n for n in found if "—" in n or n.startswith(("Nvidia", "Ascend", "24", "INT4", "FP16"))], found


@pytest.mark.parametrize("title", ["Feast Your Eyes: Zorb Adaptation", "Towards Deeper ZGCNs: Zorb Smoothing"])
def test_a_phrase_before_the_title_colon_is_not_a_name(nlp, title):
    assert title.split(":")[0] not in entities(nlp, title, "We study it.")


@pytest.mark.parametrize(
    ("name", "kind"),
    [("ZorbLM", "Model"), ("Zorb-LLaVA", "Model"), ("Zorb2.5-VL", "Model"), ("ZorbLLM", "Method")],
)
def test_a_language_model_suffix_makes_a_model_but_an_llm_suffix_names_a_framework(nlp, name, kind):
    found = entities(nlp, "A study", f"We compare against {name} on several tasks.")
    assert found[name].type == kind


def test_a_known_task_takes_its_complete_name_and_keeps_the_written_form(nlp):
    found = entities(nlp, "A study", "ZorbNet improves speech recognition on noisy audio.")
    task = found["automatic speech recognition"]
    assert task.type == "Task" and "speech recognition" in task.aliases


def test_a_plural_kind_noun_after_a_list_types_its_members(nlp):
    found = entities(nlp, "A study", "ZorbNet outperforms existing methods by the ZCHAIR and ZPOPE metrics.")
    assert found["ZCHAIR"].type == "Metric" and found["ZPOPE"].type == "Metric"


def test_a_short_form_spelled_out_in_brackets_after_it_is_one_entity(nlp):
    found = entities(nlp, "A study", "In this paper, we present ZAP (Zorbing All Parts), a two-stage framework.")
    assert list(found) == ["Zorbing All Parts"] and found["Zorbing All Parts"].aliases == ["ZAP"]


def test_a_bracket_that_does_not_spell_the_name_before_it_is_no_long_form(nlp):
    found = entities(nlp, "A study", "We evaluate on ZLUE (Zorb Benchmark Suite) and win.")
    assert "ZLUE" in found and "Zorb Benchmark Suite" not in [a for e in found.values() for a in e.aliases]


def test_a_generic_word_opens_no_capitalised_name(nlp):
    found = entities(
        nlp, "A study", "In particular, ZorbNet achieves a new SOTA 80.0% top-1 accuracy and beats LLM ZorbLLaMA."
    )
    assert not [name for name in found if name.startswith(("SOTA", "LLM "))], found
