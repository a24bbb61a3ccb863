"""Roles read from how the title and the abstract's sentences introduce or use a name."""

from __future__ import annotations

import pytest

from kg.model import Paper
from pipelines.extraction import extract_records
from tests.test_extraction import entities, pipeline_with


@pytest.mark.parametrize(
    "sentence",
    [
        "Starting from scratch, our deepest ZorbNet wins every game.",
        "Our largest ZorbNet-XL models beat all prior systems on QuuxBench.",
        "Trained on QuuxBench, our models (ZorbNets) reach a new best score.",
        'Our "ZorbNet" method achieves competitive results on QuuxBench.',
    ],
)
def test_our_and_describing_words_before_a_name_make_it_the_papers_own(nlp, sentence):
    found = entities(nlp, "A study of games", sentence)
    (name,) = [n for n in found if n.startswith("Zorb")]
    assert found[name].role == "proposed"


@pytest.mark.parametrize(
    "sentence",
    [
        "Our approach extends ZorbNet with a memory.",
        "Our experiments test ZorbNet on QuuxBench.",
    ],
)
def test_our_before_a_verb_does_not_claim_the_name_after_it(nlp, sentence):
    found = entities(nlp, "A study of games", sentence)
    assert found["ZorbNet"].role != "proposed"


@pytest.fixture(scope="module")
def nlp_known(tmp_path_factory):
    """The pipeline with a user catalogue that knows the invented name ZorbSwap."""

    return pipeline_with(
        tmp_path_factory.mktemp("catalogue"), '{"name": "ZorbSwap", "type": "Method", "aliases": []}\n'
    )


def test_known_name_set_off_by_commas_after_the_proposed_noun_is_proposed(nlp_known):
    found = entities(
        nlp_known,
        "A study of clustering",
        "In this paper, we propose an efficient online clustering algorithm, ZorbSwap, that needs no pairwise "
        "comparisons.",
    )
    assert found["ZorbSwap"].role == "proposed"


@pytest.mark.parametrize(
    "sentence",
    [
        "In this paper, we introduce ZorbMath 7B, which continues pre-training QuuxCoder-Base 7B on math.",
        "We propose ZorbMath, a novel technique that maintains a QuuxCoder-Base cache for all requests.",
    ],
)
def test_name_in_a_relative_clause_after_the_proposal_is_not_proposed(nlp, sentence):
    found = entities(nlp, "A study of math", sentence)
    assert found["ZorbMath" + (" 7B" if "7B" in sentence else "")].role == "proposed"
    assert found[next(n for n in found if n.startswith("QuuxCoder"))].role != "proposed"


def test_a_relative_clause_where_we_name_it_still_proposes(nlp):
    found = entities(nlp, "A study", "In this work, we present a model that we call ZorbMath.")
    assert found["ZorbMath"].role == "proposed"


def test_name_after_from_in_a_proposal_sentence_is_where_it_comes_from(nlp):
    found = entities(
        nlp,
        "A report",
        "In this report, we introduce the ZorbCoder series, a significant upgrade from its predecessor, QuuxCoder.",
    )
    assert found["ZorbCoder"].role == "proposed" and found["QuuxCoder"].role != "proposed"


def test_new_name_after_resulting_in_is_what_the_work_yields(nlp):
    found = entities(
        nlp, "A study of agents", "We apply our recipe to instruction-tune the QuuxLM series, resulting in ZorbLM."
    )
    assert found["ZorbLM"].role == "proposed"


def test_new_name_right_after_a_new_is_proposed_even_after_with(nlp):
    found = entities(
        nlp,
        "A study of time series",
        "Technically, we propose ZorbFormer with a new Quux-Attention mechanism to find anomalies.",
    )
    assert found["Quux-Attention"].role == "proposed"


def test_known_name_called_with_an_article_is_named_here(nlp_known):
    found = entities(
        nlp_known,
        "A study of detection",
        "This architecture, called a ZorbSwap, shows significant improvement as a feature extractor.",
    )
    assert found["ZorbSwap"].role == "proposed"


def test_name_before_a_head_noun_and_another_name_is_the_kind_of_what_is_proposed(nlp):
    found = entities(
        nlp,
        "A study of audio",
        "We introduce a self-supervised learning (SSL) framework ZorbBeat for audio. "
        "Our audio SSL model is trained with a label prediction task.",
    )
    assert found["ZorbBeat"].role == "proposed"
    assert found["self-supervised learning"].role != "proposed"


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        (
            "Current work aligns models through techniques such as Zorbic Learning with Quux Feedback (ZLQF).",
            "Zorbic Learning with Quux Feedback",
        ),
        (
            "Zorb from Quux Feedback (ZQF), introduced by Smith et al., offers a cheaper alternative.",
            "Zorb from Quux Feedback",
        ),
        ("Zorbic Cross Network (ZCN) was proposed to learn feature crosses.", "Zorbic Cross Network"),
    ],
)
def test_name_defined_with_its_acronym_as_an_example_or_earlier_work_is_not_proposed(nlp, sentence, name):
    found = entities(nlp, "A study of alignment", "Alignment is hard. " + sentence)
    assert found[name].role != "proposed"


def test_name_after_a_preposition_is_not_proposed_by_coordination(nlp):
    found = entities(
        nlp,
        "A study of recommendation",
        "In this paper, we develop a deep recommendation model (ZorbRec) and provide its implementation in QuuxTorch.",
    )
    assert found["ZorbRec"].role == "proposed" and found["QuuxTorch"].role != "proposed"


@pytest.mark.parametrize(
    "sentence",
    [
        "Our QuuxTorch implementation produces audio samples in real time.",
        "Finally, we release model checkpoints and our QuuxTorch codebase for training at scale.",
    ],
)
def test_name_that_qualifies_the_authors_code_is_not_proposed(nlp, sentence):
    found = entities(nlp, "A study of speech", "We study speech. " + sentence)
    assert found["QuuxTorch"].role != "proposed"


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        (
            "Evaluation on 16 datasets, including a newly introduced ZorbCount benchmark, shows strong gains.",
            "ZorbCount",
        ),
        (
            "It has 6,141 examples from 28 existing datasets and 3 newly created datasets (i.e., ZorbTest, QuuxQA, and BlorpQA).",
            "QuuxQA",
        ),
    ],
)
def test_what_the_abstract_calls_newly_made_is_proposed(nlp, sentence, name):
    found = entities(nlp, "A study of counting", "We study counting. " + sentence)
    assert found[name].role == "proposed"


def test_newly_proposed_examples_of_others_are_not_proposed(nlp):
    found = entities(
        nlp, "A study of alignment", "We study alignment. Newly proposed methods such as ZorbPO skip the reward model."
    )
    assert found["ZorbPO"].role != "proposed"


def test_known_name_cut_short_of_a_new_version_is_not_proposed(nlp_known):
    found = entities(
        nlp_known,
        "A study of speech",
        "We study speech. We further design ZorbSwap 2s, which generates waveforms directly.",
    )
    # The new version is its own name, proposed here; the known name inside it is not.
    assert "ZorbSwap" not in found or found["ZorbSwap"].role != "proposed"
    assert found["ZorbSwap 2s"].role == "proposed"


def test_new_name_the_authors_provide_is_proposed(nlp):
    found = entities(
        nlp,
        "A recipe for graphs",
        "We study graphs. We provide a modular framework ZorbGPS that supports many encodings.",
    )
    assert found["ZorbGPS"].role == "proposed"


def test_new_name_after_for_in_the_title_is_not_the_contribution(nlp):
    found = entities(
        nlp,
        "Deep Neural Networks for ZorbTube Recommendations",
        "ZorbTube is one of the largest recommendation systems.",
    )
    assert found["ZorbTube"].role != "proposed"


def test_known_technique_before_a_head_noun_is_the_kind_not_the_proposal(nlp):
    found = entities(
        nlp,
        "A study of recommendation",
        "We study ranking. In this work, we propose a novel multi-task learning approach, ZorbMoE, which learns task relations.",
    )
    assert found["ZorbMoE"].role == "proposed" and found["multi-task learning"].role != "proposed"


def test_known_technique_that_is_the_titles_subject_stays_proposed(nlp):
    found = entities(
        nlp,
        "Deep Multi-Task Learning for Zorb Recognition",
        "Deeper networks are hard to train. We present a multi-task learning framework to ease training.",
    )
    assert found["multi-task learning"].role == "proposed"


def test_known_technique_before_a_plural_head_noun_is_the_kind(nlp):
    found = entities(
        nlp,
        "A study of recommendation",
        "We study ranking. In addition, we propose three data augmentation approaches to build signals.",
    )
    assert found["data augmentation"].role != "proposed"


def test_name_after_an_implementation_of_is_the_base_not_the_proposal(nlp):
    found = entities(
        nlp,
        "A study of replay",
        "We study replay. We propose an efficient implementation of Zorbic Quux Replay (ZQR) with little overhead.",
    )
    assert found["Zorbic Quux Replay"].role != "proposed"


def test_name_set_off_after_a_variant_of_is_proposed(nlp):
    found = entities(
        nlp,
        "A study of code",
        "We study code. We propose a natural-language variant of QuuxBench, QuuxBench-Instruct, for chat models.",
    )
    assert found["QuuxBench-Instruct"].role == "proposed"


def test_dataset_the_authors_collect_is_proposed(nlp):
    found = entities(
        nlp,
        "A study of agents",
        "We study agents. To this end, we collect an instruction-tuning dataset ZorbInstruct that consists of 7k interactions.",
    )
    assert found["ZorbInstruct"].role == "proposed"


def test_benchmarks_in_a_sentence_about_the_fields_past_are_mentioned(nlp):
    found = entities(
        nlp,
        "A study",
        "Recently, a number of benchmarks such as HumanEval and MBPP have emerged to evaluate code models."
        " We evaluate ZorbCoder on ZorbBench.",
    )
    assert found["HumanEval"].role == "mentioned" and found["MBPP"].role == "mentioned"
    assert found["ZorbBench"].role == "evaluated_on"


def test_data_named_while_pre_training_is_used_not_evaluated_on(nlp):
    found = entities(
        nlp,
        "A study",
        "ZorbLore keeps performance for pre-training on LLaMA 7B architectures with the C4 dataset.",
    )
    assert found["C4"].role == "used" and found["C4"].type == "Dataset"


def test_a_known_technique_before_task_is_what_is_proposed_not_its_kind(nlp):
    found = entities(
        nlp,
        "A study",
        "Following BERT, we propose a masked image modeling task to pretrain vision Transformers.",
    )
    assert found["masked image modeling"].role == "proposed"


def test_title_name_before_colon_is_proposed(nlp):
    found = entities(nlp, "ZetaNet: Fast Retrieval with Sparse Graphs", "We study retrieval.")
    assert found["ZetaNet"].role == "proposed"


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


@pytest.mark.parametrize(("date", "role"), [("2026-05-01", "used"), ("2023", "proposed"), (None, "proposed")])
def test_a_known_name_introduced_years_before_the_paper_is_not_proposed_by_it(nlp, date, role):
    # The catalogue dates DPO by its arXiv id (2305.18290): a 2026 paper cannot be proposing it.
    found = entities(nlp, "Direct Preference Optimization Improves Retrieval", "We study DPO on QuuxBench.", date=date)
    assert found["Direct Preference Optimization"].role == role


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


def test_background_mention_is_mentioned(nlp):
    found = entities(nlp, "A study", "Recently, Kahneman-Tversky Optimization (KTO) has shown promise.")
    (kto,) = [e for e in found.values() if "KTO" in e.aliases or e.name == "KTO"]
    assert kto.role == "mentioned"


@pytest.mark.parametrize("verb", ["surpassing", "surpassed", "outperformed"])
def test_every_form_of_a_result_verb_reports_results_in_a_background_worded_sentence(nlp, verb):
    """ "matching or surpassing all previous approaches on CIFAR-10": "previous" reads as background,
    but the sentence reports the paper's results, whichever form of the verb it uses."""
    abstract = f"ZorbAugment works out of the box, {verb} all previous augmentation approaches on CIFAR-10."
    found = entities(nlp, "ZorbAugment: Practical data augmentation", abstract)
    assert found["CIFAR-10"].role == "evaluated_on"


def test_one_word_name_after_we_present_is_proposed(nlp):
    found = entities(nlp, "A study", "In this paper, we present Borealis, a simple framework for forecasting.")
    assert found["Borealis"].role == "proposed" and found["Borealis"].type == "Method"


def test_one_word_title_name_before_colon_is_proposed(nlp):
    found = entities(nlp, "Quillon: Towards Faster Decoding", "We study decoding speed.")
    assert found["Quillon"].role == "proposed"


def test_new_name_anywhere_in_the_title_is_proposed(nlp):
    found = entities(nlp, "Faster Decoding with ZorbaNet and Shared Caches", "ZorbaNet speeds up decoding on MMLU.")
    assert found["ZorbaNet"].role == "proposed"
    assert found["MMLU"].role == "evaluated_on"


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


def test_name_that_is_the_whole_title_is_proposed(nlp):
    found = entities(nlp, "Denoising Diffusion Probabilistic Models", "We present high quality image synthesis.")
    assert found["Denoising Diffusion Probabilistic Model"].role == "proposed"


def test_recently_proposed_known_model_is_not_proposed(nlp):
    found = entities(nlp, "A study", "We transfer the recently proposed BERT model to 26 text classification tasks.")
    assert found["BERT"].role != "proposed"


def test_benchmark_trained_on_with_a_reported_result_is_evaluated_on(nlp):
    found = entities(
        nlp, "A study", "When fine-tuned on ScienceQA, the model achieves a new state-of-the-art accuracy."
    )
    assert found["ScienceQA"].role == "evaluated_on"


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


def test_a_known_name_defined_with_its_acronym_after_we_introduce_is_proposed(nlp):
    found = entities(nlp, "A study", "In this work, we introduce a Region Proposal Network (RPN) that shares features.")
    assert found["region proposal network"].role == "proposed"


def test_a_survey_mentions_what_it_names(nlp):
    found = entities(
        nlp, "Preference Optimization: A Survey", "Methods such as DPO achieve strong results on MT-Bench."
    )
    assert {found["Direct Preference Optimization"].role, found["MT-Bench"].role} == {"mentioned"}


def test_task_that_opens_a_task_list_is_mentioned(nlp):
    found = entities(
        nlp,
        "Sparse Routers",
        "Our router improves dense parsing tasks such as semantic segmentation and object detection.",
    )
    assert found["object detection"].role == "evaluated_on"
    assert found["semantic segmentation"].role == "evaluated_on"
    umbrella = [e for e in found.values() if e.name.lower().startswith("dense parsing")]
    assert umbrella and all(e.role == "mentioned" for e in umbrella)


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


@pytest.mark.parametrize(
    ("title", "abstract", "name"),
    [
        ("A study", "The outcome is a family of pure ConvNet models dubbed ZorbNeXt.", "ZorbNeXt"),
        ("A study", "Our simple baseline, Zorbic Replay, matches the teacher's logits.", "Zorbic Replay"),
        ("A study", "This paper describes Zorbotron, a neural network architecture for speech.", "Zorbotron"),
        ("A study", "Furthermore, we have pre-trained a multilingual model mZorbBERT.", "mZorbBERT"),
        ("A study", "With four chips, we train a ZorbLiT model that reaches 84.5% accuracy.", "ZorbLiT"),
        ("A study", "Changes include new activation functions ZwooshR and ZwooshL.", "ZwooshR"),
        ("A study", "The first is a new architecture, the Zorbnet, that exploits the propensity score.", "Zorbnet"),
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


def test_the_name_improved_upon_is_built_on_not_proposed(nlp):
    found = entities(
        nlp, "A study", "In this work, we present ZorbMPC2: a series of improvements upon the ZorbMPC algorithm."
    )
    assert found["ZorbMPC2"].role == "proposed" and found["ZorbMPC"].role != "proposed"


def test_a_name_defined_after_using_is_used_not_proposed(nlp):
    found = entities(
        nlp,
        "A study",
        "We present a new training paradigm. Of interest is using Zorbal Transport (ZT) interpolation to define paths.",
    )
    assert found["Zorbal Transport"].role == "used"


def test_data_pre_trained_on_is_a_dataset_used_even_in_a_result_sentence(nlp):
    found = entities(
        nlp, "A study", "After pre-training on the Objects365 dataset, ZorbDet obtains 63.3 AP on COCO val2017."
    )
    assert found["Objects365"].type == "Dataset" and found["Objects365"].role == "used"
    assert found["COCO val2017"].role == "evaluated_on"


def test_data_named_by_a_training_clause_opening_the_sentence_is_a_dataset_used(nlp):
    found = entities(
        nlp, "A study", "Trained on AudioCaps with one GPU, ZorbAudio reaches state-of-the-art quality on Clotho."
    )
    assert found["AudioCaps"].type == "Dataset" and found["AudioCaps"].role == "used"


def test_a_measure_the_authors_introduce_as_a_metric_is_proposed(nlp):
    found = entities(
        nlp, "A study", "For structured outputs, we propose a new expected calibration error (ECE) metric over spans."
    )
    assert found["expected calibration error"].role == "proposed"


def test_a_metric_merely_reported_is_used(nlp):
    found = entities(nlp, "A study", "We report the expected calibration error (ECE) metric on ZorbQA.")
    assert found["expected calibration error"].role == "used"


def test_a_known_name_in_the_brackets_spelling_out_the_proposed_name_is_built_on(nlp):
    found = entities(
        nlp, "A study", "We present ZorbDet (DETR with Improved deNoising boxes), a strong end-to-end detector."
    )
    assert found["ZorbDet"].role == "proposed" and found["DETR"].role == "used"


def test_a_name_built_on_is_used_even_after_the_proposal_verb(nlp):
    found = entities(
        nlp, "A study", "We introduce a new paradigm for generative modeling built on Zorbal Normalizing Flows (ZNFs)."
    )
    assert found["Zorbal Normalizing Flows"].role == "used"


def test_a_proposal_verb_does_not_reach_past_the_authors_next_verb(nlp):
    found = entities(
        nlp,
        "A study",
        "By introducing gating layers into the architecture, we turn ZorbNets into flexible generators.",
    )
    assert found["ZorbNets"].role != "proposed"


def test_a_proposed_name_called_a_dataset_in_one_place_is_a_dataset_everywhere(nlp):
    found = entities(
        nlp,
        "A study",
        "We introduce ZorbKit, a family of alignment datasets. In particular, the ZorbKit-SFT dataset uses only "
        "30k examples, far fewer than state-of-the-art datasets. We show that ZorbKit-SFT outperforms models "
        "trained on much larger data.",
    )
    assert found["ZorbKit-SFT"].type == "Dataset" and found["ZorbKit-SFT"].role == "proposed"


def test_a_proposed_name_called_a_benchmark_anywhere_stays_a_benchmark(nlp):
    found = entities(
        nlp,
        "ZorbQA: A Benchmark for Question Answering Research",
        "We present ZorbQA, a question answering dataset of 300k questions. Our baseline reaches 40.2% on ZorbQA.",
    )
    assert found["ZorbQA"].type == "Benchmark" and found["ZorbQA"].role == "proposed"


def test_data_named_as_what_models_were_trained_on_is_a_dataset_used(nlp):
    found = entities(
        nlp,
        "A study",
        "The best performing approaches combine embeddings from ImageNet models with a ZorbDet detector.",
    )
    assert found["ImageNet"].type == "Dataset" and found["ImageNet"].role == "used"
    found = entities(nlp, "A study", "ZorbDet improves a trained ImageNet model from 2.07 to 1.55 FID.")
    assert found["ImageNet"].type == "Benchmark"  # a number in the sentence: a result on it


@pytest.mark.parametrize(
    "sentence",
    [
        "We evaluate ZorbKG on link prediction tasks on the dataset based on YAGO.",
        "We evaluate ZorbLM on 120B math tokens sourced from Common Crawl.",
    ],
)
def test_what_other_data_is_made_from_is_a_dataset_used(nlp, sentence):
    found = entities(nlp, "A study", sentence)
    name = "YAGO" if "YAGO" in sentence else "Common Crawl"
    assert found[name].type == "Dataset" and found[name].role == "used"


@pytest.mark.parametrize(
    "sentence",
    [
        "ZorbRet needs only 10% of ZorbQA supervised data to achieve the best accuracy.",
        "ZorbRet reaches the best accuracy using only the training set of ZorbQA.",
    ],
)
def test_the_training_part_of_a_benchmark_is_a_dataset_used(nlp, sentence):
    found = entities(nlp, "A study", sentence)
    assert (found["ZorbQA"].type, found["ZorbQA"].role) == ("Dataset", "used")


def test_known_technique_the_title_ends_on_and_the_abstract_never_repeats_is_proposed(nlp_known):
    abstract = "We present a scalable approach for semi-supervised learning on graph-structured data."
    found = entities(nlp_known, "Semi-Supervised Classification with ZorbSwap", abstract)
    assert found["ZorbSwap"].role == "proposed"
    repeated = abstract + " Unlike ZorbSwap, our approach scales to large graphs."
    found = entities(nlp_known, "Semi-Supervised Classification with ZorbSwap", repeated)
    assert found["ZorbSwap"].role != "proposed"  # named again in the abstract: an existing technique


@pytest.mark.parametrize(
    "title",
    [
        "ZorbRec: Contrastive Learning for Sequential Recommendation",
        "Differentiating Zorbs and Quuxes for Contrastive Learning",
        "Quux-based Contrastive Learning for Sequential Recommendation",
    ],
)
def test_known_technique_the_title_does_not_open_on_stays_the_kind_of_what_is_proposed(nlp, title):
    found = entities(nlp, title, "We propose a simple contrastive learning method that needs no augmentations.")
    assert found["contrastive learning"].role != "proposed"


def test_new_capitalised_technique_the_title_names_and_the_abstract_repeats_is_proposed(nlp):
    found = entities(
        nlp,
        "Time Series Anomaly Detection with Quux Discrepancy",
        "Anomalies are rare in time series. Each point is scored through the Quux Discrepancy between its "
        "neighbours, and the score is computed in one pass.",
    )
    assert found["Quux Discrepancy"].role == "proposed"


@pytest.mark.parametrize(
    "sentence",
    [
        "The proposed quantization scheme halves the memory of ZorbNet.",
        "We develop ZorbNet, whose contrastive learning recipe needs no labels, and our quantization procedure.",
    ],
)
def test_known_technique_before_a_kind_noun_is_the_kind_of_what_is_proposed(nlp, sentence):
    found = entities(nlp, "A study of memory", sentence)
    technique = "quantization" if "quantization" in found else "contrastive learning"
    assert found[technique].role != "proposed"


@pytest.mark.parametrize(
    "sentence",
    [
        "We also propose a ZorbSwap-style model that learns from raw audio.",
        "We propose QuuxRank and study two ZorbSwap-based ranking models.",
        "With our strongest ZorbSwap based baseline, accuracy reaches 39%.",
    ],
)
def test_name_that_qualifies_what_is_made_is_used_not_proposed(nlp_known, sentence):
    found = entities(nlp_known, "A study of ranking", sentence)
    assert found["ZorbSwap"].role == "used"


def test_name_in_the_purpose_clause_after_the_proposal_is_not_proposed(nlp):
    found = entities(
        nlp, "A study of ranking", "We propose an improved framework ZorbNet-V2 to make QuuxNet practical."
    )
    assert found["ZorbNet-V2"].role == "proposed"
    assert found["QuuxNet"].role != "proposed"
    found = entities(nlp, "A study of ranking", "We propose two approximations to networks: ZorbNets and QuuxNets.")
    assert found["ZorbNets"].role == "proposed"  # "to ...:" lists what is proposed


@pytest.mark.parametrize("name", ["ZorbSwap", "QuuxPrompt"])
def test_name_given_to_earlier_work_is_not_proposed(nlp_known, name):
    found = entities(
        nlp_known,
        "A study of prompting",
        f"We apply our mixer to a recent model called {name}, and term the new model ZorbMix-HR.",
    )
    assert found[name].role != "proposed"
    assert found["ZorbMix-HR"].role == "proposed"


def test_earlier_work_named_after_our_apposition_does_not_disown_it(nlp):
    found = entities(
        nlp,
        "A study of retrieval",
        "Results show that our dual encoders, Zorb Dense Retrievers, outperform existing sparse retrievers.",
    )
    assert found["Zorb Dense Retrievers"].role == "proposed"


def test_the_resulting_name_is_what_the_work_yields(nlp):
    found = entities(
        nlp, "A study of image generation", "The resulting ZorbDiT-FGM one-step model rivals multi-step models."
    )
    assert found["ZorbDiT-FGM"].role == "proposed"


def test_sized_variant_of_the_papers_own_dataset_name_is_its_own_model(nlp):
    found = entities(
        nlp,
        "A study of captions",
        "We release ZorbCaps, a dataset of 100K captions. Trained on it, ZorbCaps-7B outperforms QuuxLM on QuuxBench.",
    )
    assert found["ZorbCaps"].role == "proposed"
    assert found["ZorbCaps-7B"].role == "proposed"


def test_name_defined_in_a_sentence_about_earlier_work_is_not_the_papers_own(nlp):
    abstract = "Items come with text. Zorb Topic Regression (ZTR) is an appealing recent method that couples two parts."
    found = entities(nlp, "A study of recommendation", abstract)
    assert found["Zorb Topic Regression"].role != "proposed"
    found = entities(nlp, "A study of recommendation", abstract.replace(" recent", ""))
    assert found["Zorb Topic Regression"].role == "proposed"


@pytest.mark.parametrize("joint", [", termed", ","])
def test_name_before_the_head_noun_the_new_name_follows_after_a_comma_is_its_kind(nlp, joint):
    found = entities(
        nlp,
        "A study of retrieval",
        f"We propose a multi-source QuuxRAG framework{joint} ZorbNet, that decides when to retrieve.",
    )
    assert found["ZorbNet"].role == "proposed"
    assert found["QuuxRAG"].role != "proposed"


def test_our_before_a_known_class_is_an_instance_not_a_name(nlp):
    found = entities(
        nlp, "Large retrievers generalise", "Results show that our dual encoders beat ZorbRank on QuuxBench."
    )
    assert found["dual encoder"].role != "proposed"


def test_known_name_set_off_after_the_model_the_authors_train_is_proposed(nlp_known):
    found = entities(
        nlp_known,
        "An analysis of compute",
        "We test this by training a more compute-optimal model, ZorbSwap, using the same compute budget.",
    )
    assert found["ZorbSwap"].role == "proposed"


@pytest.mark.parametrize(
    "sentence",
    [
        "The successful speaker architecture is a Zorb Delay Network (ZDN) that pools statistics.",
        "In contrast, Zorb Delay Network (ZDN), which removes the nonlinearities, stays shallow.",
    ],
)
def test_name_defined_as_what_another_thing_is_is_not_the_papers_own(nlp, sentence):
    found = entities(nlp, "A study of speakers", "Speakers differ in many ways. " + sentence)
    assert found["Zorb Delay Network"].role != "proposed"


def test_a_task_given_as_an_example_in_the_opening_background_is_mentioned(nlp):
    found = entities(
        nlp,
        "ZorbNet: Sparse Graph Adapters",
        "Knowledge graphs enable many applications, such as question answering and machine translation. "
        "We propose ZorbNet, which improves link prediction.",
    )
    assert found["question answering"].role == "mentioned"
    assert found["machine translation"].role == "mentioned"
    assert found["link prediction"].role == "evaluated_on"


def test_a_task_given_as_an_example_after_the_authors_speak_is_worked_on(nlp):
    found = entities(
        nlp,
        "ZorbNet: Sparse Graph Adapters",
        "We propose ZorbNet. ZorbNet helps many applications, such as question answering and machine translation.",
    )
    assert found["question answering"].role == "evaluated_on"


@pytest.mark.parametrize(
    "sentence",
    [
        "Program synthesis has been long studied with recent approaches.",
        "Neural program synthesis (PS) has recently seen a significant advancement.",
    ],
)
def test_a_task_that_opens_a_background_sentence_as_its_subject_is_worked_on(nlp, sentence):
    found = entities(nlp, "ZorbNet: Sparse Code Adapters", sentence + " We propose ZorbNet.")
    assert found["program synthesis"].role == "evaluated_on"


def test_a_task_later_in_a_background_sentence_stays_mentioned(nlp):
    abstract = (
        "Recently, large models have been applied to program synthesis. "
        "We propose ZorbNet, which improves code completion."
    )
    found = entities(nlp, "ZorbNet: Sparse Code Adapters", abstract)
    assert found["program synthesis"].role == "mentioned"
    assert found["code completion"].role == "evaluated_on"


def test_the_only_task_named_is_the_field_worked_in_though_named_in_background(nlp):
    """Guide: a task the paper works on is evaluated on. With no task found that the paper reports
    results on, the one its opening background names is its field, not a passing mention."""
    abstract = "Recently, large models have been applied to program synthesis. We propose ZorbNet."
    found = entities(nlp, "ZorbNet: Sparse Code Adapters", abstract)
    assert found["program synthesis"].role == "evaluated_on"


def test_a_benchmark_naming_the_authors_entry_is_evaluated_on(nlp):
    found = entities(nlp, "A study", "These findings were the basis of our Zorb Challenge 2014 submission.")
    assert found["Zorb Challenge 2014"].role == "evaluated_on"


def test_data_called_by_name_as_what_a_method_is_tested_on_is_not_proposed(nlp):
    found = entities(nlp, "A study", "We tested ZorbNet on a challenging code generation dataset called QuuxContests.")
    assert found["QuuxContests"].role == "evaluated_on"


def test_names_in_a_bracketed_list_after_a_preposition_are_its_object_not_proposed(nlp):
    abstract = "We present a simple approach, and establish a new state of the art on standard benchmarks (ZorbA, ZorbB and QuuxERC)."
    found = entities(nlp, "A study", abstract)
    assert found["ZorbA"].role == "evaluated_on" and found["QuuxERC"].role == "evaluated_on"


def test_one_name_in_brackets_after_a_preposition_phrase_is_still_proposed(nlp):
    found = entities(nlp, "A study", "We introduce a benchmark for code reasoning (ZorbEval).")
    assert found["ZorbEval"].role == "proposed"


def test_a_new_name_opening_a_sentence_that_says_what_it_is_is_the_papers(nlp):
    abstract = (
        "Dialogue systems are hard to build. "
        "ZorbTOD is a simple approach to task-oriented dialogue that uses a single language model."
    )
    found = entities(nlp, "A Simple Language Model for Dialogue", abstract)
    assert found["ZorbTOD"].role == "proposed"


@pytest.mark.parametrize("marker", ["1) ", "(2) ", "(ii) "])
def test_a_new_name_opening_a_numbered_contribution_that_says_what_it_is_is_the_papers(nlp, marker):
    abstract = (
        "Dialogue systems are hard to build, and we contribute resources for them. "
        f"{marker}ZorbTOD is a simple approach to task-oriented dialogue that uses a single language model."
    )
    found = entities(nlp, "Resources for Dialogue", abstract)
    assert found["ZorbTOD"].role == "proposed"


@pytest.mark.parametrize(
    "abstract",
    [
        "ZorbTOD is a recent approach to task-oriented dialogue. We study its limits.",
        "ZorbTOD is an approach to task-oriented dialogue. We present ZorbTOD2, which improves on it.",
    ],
)
def test_a_name_said_to_be_earlier_work_or_the_predecessor_is_not_the_papers(nlp, abstract):
    found = entities(nlp, "A Study of Dialogue Models", abstract)
    assert found["ZorbTOD"].role != "proposed"


def test_a_qualified_form_of_the_papers_new_name_is_the_papers_too(nlp):
    abstract = (
        "We propose ZorbRNN, a single-layer recurrent network for audio. "
        "The small number of weights in a Sparse ZorbRNN makes it fast on a phone."
    )
    found = entities(nlp, "Efficient Neural Audio Synthesis", abstract)
    assert found["Sparse ZorbRNN"].role == "proposed"


def test_this_before_a_name_after_the_authors_speak_points_to_their_own(nlp):
    abstract = (
        "We average the weights along the trajectory of SGD. "
        "We also show that this ZorbAvg procedure finds much flatter solutions than SGD."
    )
    found = entities(nlp, "Averaging Weights Leads to Wider Optima", abstract)
    assert found["ZorbAvg"].role == "proposed"


def test_these_before_a_known_lowercase_class_is_not_the_authors_name(nlp):
    abstract = "We show that these contrastive learning methods fail on ZorbBench."
    found = entities(nlp, "A Study of Representations", abstract)
    assert found["contrastive learning"].role != "proposed"


def test_the_papers_own_name_after_a_short_opening_phrase_speaks_for_the_authors(nlp):
    abstract = (
        "Codec language models are slow. Specifically, ZorbLM introduces a gated attention mechanism to "
        "improve the training efficiency."
    )
    found = entities(nlp, "ZorbLM: Gated Codec Language Models", abstract)
    assert found["gated attention"].role == "proposed"


def test_new_names_listed_after_the_models_the_authors_train_are_theirs(nlp):
    abstract = (
        "Utilizing QuuxFeedback, we train various models to show its value, including the reward model "
        "ZorbRM and the critique model ZorbCM."
    )
    found = entities(nlp, "QuuxFeedback: Boosting Language Models with Feedback", abstract)
    assert found["ZorbRM"].role == "proposed"
    assert found["ZorbCM"].role == "proposed"


def test_names_listed_as_what_a_class_includes_are_examples_not_the_papers(nlp):
    abstract = (
        "We propose ZorbDet, a fast detector. We assume that such universal features include "
        "Quux-Weighted Connections (QWC) and Cross-Zorb Normalization (CZN)."
    )
    found = entities(nlp, "ZorbDet: Fast Object Detection", abstract)
    assert found["Quux-Weighted Connections"].role != "proposed"
    assert found["Cross-Zorb Normalization"].role != "proposed"


def test_a_known_name_a_word_before_the_head_of_a_named_proposal_is_its_kind(nlp):
    abstract = "We develop a tuning-free Transformer cache compression algorithm, named ZorbQ, for long inputs."
    found = entities(nlp, "ZorbQ: Cache Compression for Long Inputs", abstract)
    assert found["Transformer"].role != "proposed"
    assert found["ZorbQ"].role == "proposed"


def test_new_names_the_papers_system_is_made_of_are_its_parts(nlp):
    abstract = (
        "Models forget what they learned. ZorbCore includes two key strategies: Adaptive Zorb Allocation "
        "and Quux-Focused Data Selection."
    )
    found = entities(nlp, "ZorbCore: Mitigating Forgetting in Continual Learning", abstract)
    assert found["Adaptive Zorb Allocation"].role == "proposed"
    assert found["Quux-Focused Data Selection"].role == "proposed"


def test_a_variant_named_by_the_initials_of_the_papers_new_name_is_the_papers(nlp):
    abstract = (
        "We propose a Patient Zorbic Distillation approach to compress a large model. Our student "
        "model follows two strategies: (i) PZD-Last: learning from the last layers; and (ii) PZD-Skip: "
        "learning from every second layer."
    )
    found = entities(nlp, "Patient Zorbic Distillation for Model Compression", abstract)
    assert found["PZD-Last"].role == "proposed"
    assert found["PZD-Skip"].role == "proposed"


def test_our_noun_then_the_name_set_off_by_commas_is_the_papers(nlp):
    abstract = "Learning discrete codes is hard. Our model, the ZorbVAE, differs from earlier encoders in two ways."
    found = entities(nlp, "Neural Discrete Representation Learning", abstract)
    assert found["ZorbVAE"].role == "proposed"


def test_a_new_name_said_to_be_finetuned_from_a_base_model_is_the_papers(nlp):
    abstract = (
        "Agents need better actions. ZorbAgent, finetuned from Llama2 and Mistral, is integrated with a "
        "Python interpreter to perform sophisticated tasks."
    )
    found = entities(nlp, "Executable Code Actions Elicit Better Agents", abstract)
    assert found["ZorbAgent"].role == "proposed"


@pytest.mark.parametrize(
    ("title", "date", "role"),
    [
        ("Zorbic Randomization for Transferring Policies to Robots", "2019", "proposed"),
        ("Zorbic Randomization for Transferring Policies to Robots", "2020", "proposed"),
        ("Zorbic Randomization for Transferring Policies to Robots", "2021", "used"),
        ("Zorbic Randomization through Simulated Physics", "2019", "used"),
    ],
)
def test_a_known_name_opening_the_title_in_its_introduction_year_is_proposed(tmp_path, title, date, role):

    paper = Paper(id="t", title=title, abstract="We train policies with zorbic randomization.", date=date)
    (record,) = list(
        extract_records(
            [paper],
            pipeline_with(
                tmp_path,
                '{"name": "zorbic randomization", "type": "Method", "aliases": [], "id": "arxiv:1901.00001"}\n',
            ),
        )
    )
    found = {e.name: e for e in record.entities}
    assert found["zorbic randomization"].role == role


@pytest.mark.parametrize(
    ("url", "role"),
    [
        ("https://huggingface.co/papers/1901.00001", "proposed"),
        ("https://ar5iv.labs.arxiv.org/html/1901.00001v2", "proposed"),
        ("https://example.org/papers/1901.00002.md", "used"),
        ("https://example.org/doi/10.1145/3291901.00001", "used"),
    ],
)
def test_a_page_named_by_the_papers_arxiv_id_credits_it_with_its_catalogue_entry(tmp_path, url, role):

    paper = Paper(id="t", title="A study of optimisers", abstract="We train models with ZorbOpt.", url=url)
    (record,) = list(
        extract_records(
            [paper],
            pipeline_with(tmp_path, '{"name": "ZorbOpt", "type": "Method", "aliases": [], "id": "arxiv:1901.00001"}\n'),
        )
    )
    found = {e.name: e for e in record.entities}
    assert found["ZorbOpt"].role == role


@pytest.mark.parametrize(
    ("paper_id", "title", "role"),
    [
        ("arxiv:1911.00002", "Scaling sequence models", "used"),
        ("arxiv:1901.00001", "Scaling sequence models", "proposed"),
        ("arxiv:1812.00002", "Scaling sequence models", "proposed"),
        ("arxiv:1911.00002", "Zorbic Units: Faster Sequence Models", "proposed"),
    ],
)
def test_a_known_name_introduced_by_an_earlier_arxiv_paper_is_not_proposed(tmp_path, paper_id, title, role):
    """arXiv numbers papers in the order they are submitted: a name whose introducing paper has an
    earlier id is built on, however close the years; one the title opens with is the extended
    version of its own paper."""

    abstract = "We propose Zorbic Units, a scalable learner for sequences."
    paper = Paper(id=paper_id, title=title, abstract=abstract, date="2019")
    (record,) = list(
        extract_records(
            [paper],
            pipeline_with(
                tmp_path, '{"name": "Zorbic Units", "type": "Method", "aliases": ["ZU"], "id": "arxiv:1901.00001"}\n'
            ),
        )
    )
    found = {e.name: e for e in record.entities}
    assert found["Zorbic Units"].role == role


@pytest.mark.parametrize(("date", "role"), [("2019", "proposed"), ("2020", "used")])
def test_a_known_name_the_title_gives_as_its_means_in_its_introduction_year_is_proposed(tmp_path, date, role):

    abstract = "We train agents with Zorbic Network Distillation on hard games."
    paper = Paper(id="t", title="Exploration by Zorbic Network Distillation", abstract=abstract, date=date)
    (record,) = list(
        extract_records(
            [paper],
            pipeline_with(
                tmp_path,
                '{"name": "Zorbic Network Distillation", "type": "Method", "aliases": [], "id": "arxiv:1901.00001"}\n',
            ),
        )
    )
    found = {e.name: e for e in record.entities}
    assert found["Zorbic Network Distillation"].role == role


@pytest.mark.parametrize(
    ("sentence", "proposed"),
    [
        ("For sampling, we propose an annealed Zorbic Dynamics where the noise level decreases.", False),
        ("We further propose a multi-scale Zorbic Dynamics strategy to mix faster.", False),
        ("We propose a new sampler called Zorbic Dynamics that mixes faster.", True),
        ("We propose Zorbic Dynamics, a sampler that mixes faster.", True),
    ],
)
def test_a_known_name_set_after_a_describing_word_is_an_instance_of_its_class(tmp_path, sentence, proposed):

    paper = Paper(id="t", title="A study of sampling", abstract=sentence, date="2012")
    (record,) = list(
        extract_records(
            [paper],
            pipeline_with(
                tmp_path, '{"name": "Zorbic Dynamics", "type": "Method", "aliases": [], "id": "arxiv:1201.00001"}\n'
            ),
        )
    )
    found = {e.name: e for e in record.entities}
    assert (found["Zorbic Dynamics"].role == "proposed") == proposed


@pytest.mark.parametrize(
    "sentence",
    [
        "We develop ZorbNet, which combines quux sampling and FlimFlam Pooling to embed nodes.",
        "We develop ZorbNet, which combines quux sampling and graph convolutions to embed nodes.",
    ],
)
def test_a_name_joined_by_and_in_the_clause_saying_what_the_proposed_one_does_is_not_proposed(nlp, sentence):
    found = entities(nlp, "A study of graphs", sentence)
    assert found["ZorbNet"].role == "proposed"
    # An untyped capitalised run the paper does not propose ("FlimFlam Pooling") is not kept at all.
    assert [n for n in found if n != "ZorbNet" and found[n].role == "proposed"] == []


def test_a_known_technique_qualifying_the_head_of_an_apposition_is_not_proposed_with_it(nlp):
    sentence = "We introduce ZorbQ, a new compressed format and quantization technique which enables fast inference."
    found = entities(nlp, "A study of compression", sentence)
    assert found["ZorbQ"].role == "proposed"
    assert found["quantization"].role != "proposed"


def test_a_new_result_after_a_name_does_not_call_the_name_new(nlp):
    sentence = (
        "By applying sample-level modeling in the Zorbic Separation Network (ZSN), a new state-of-the-art "
        "performance on QuuxMix is achieved."
    )
    found = entities(nlp, "A study of separation", sentence)
    assert found["Zorbic Separation Network"].role != "proposed"


@pytest.mark.parametrize("other", ["chain-of-thought prompting", "FlimFlam Prompting"])
def test_a_name_compared_with_after_the_proposal_verb_is_not_proposed(nlp, other):
    sentence = f"On the QuuxMath set that we create, ZorbPAL outperforms {other} by 15 points."
    found = entities(nlp, "A study of reasoning", sentence)
    assert found["ZorbPAL"].role == "proposed"
    assert found[other].role == "used"


@pytest.mark.parametrize(
    ("sentence", "role"),
    [
        ("Using phonemes as input, our Zorbformer TTS network generates spectrograms.", "used"),
        ("Using phonemes as input, our Zorbformer network generates spectrograms.", "proposed"),
    ],
)
def test_a_known_name_before_the_acronym_heading_our_system_is_what_it_is_built_from(tmp_path, sentence, role):

    paper = Paper(id="t", title="A study of speech synthesis", abstract=sentence, date="2024")
    (record,) = list(
        extract_records(
            [paper],
            pipeline_with(tmp_path, '{"name": "Zorbformer", "type": "Method", "aliases": [], "id": "zorbformer"}\n'),
        )
    )
    found = {e.name: e for e in record.entities}
    assert found["Zorbformer"].role == role


def test_a_known_dataset_trained_and_reported_on_is_a_benchmark(nlp):
    found = entities(
        nlp,
        "A study",
        "We propose ZorbNet trained on the large-scale VCTK dataset. "
        "ZorbNet achieves a state-of-the-art mean opinion score of 4.4 on VCTK synthesis.",
    )
    assert (found["VCTK"].type, found["VCTK"].role) == ("Benchmark", "evaluated_on")


def test_known_training_data_after_a_long_list_of_fine_tuned_models_is_used(nlp):
    found = entities(
        nlp,
        "A study",
        "Fine-tuning Phi-2 (2.7B), Llama-2 (7B), and Mistral (7B) with ZorbPO on the UltraFeedback alone "
        "surpasses the performance of larger models, achieving 12.2% on AlpacaEval 2.0.",
    )
    assert (found["UltraFeedback"].type, found["UltraFeedback"].role) == ("Dataset", "used")


def test_known_data_a_named_training_method_runs_with_is_used(nlp):
    found = entities(
        nlp,
        "A study",
        "Using ZorbSet solely for SFT surpasses previous public datasets used for both SFT and preference "
        "optimization, such as direct preference optimization with UltraFeedback.",
    )
    assert (found["UltraFeedback"].type, found["UltraFeedback"].role) == ("Dataset", "used")


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        ("Our encoder consists exclusively of convolution and self-attention.", "self-attention"),
        ("In ZorbNet, we replace recurrence by a world model of the scene.", "world model"),
    ],
)
def test_a_known_technique_where_the_authors_speak_of_their_work_is_used(nlp, sentence, name):
    found = entities(nlp, "A study", sentence)
    assert found[name].role == "used"


@pytest.mark.parametrize(
    ("title", "sentence", "name"),
    [
        (
            "ZorbNet: Fast Image Editing",
            "ZorbNet utilizes a diffusion transformer to process every input.",
            "Diffusion Transformer",
        ),
        (
            "ZorbFlow: A Flow-based Synthesizer",
            "ZorbFlow combines insights from Glow in order to provide fast audio synthesis.",
            "Glow",
        ),
    ],
)
def test_a_known_technique_in_a_sentence_opened_by_the_papers_own_name_is_used(nlp, title, sentence, name):
    found = entities(nlp, title, sentence)
    assert found[name].role == "used"


@pytest.mark.parametrize(
    ("sentence", "part"),
    [
        ("We also propose a stochastic glimmer predictor to vary the rhythm.", "stochastic glimmer predictor"),
        ("We introduce a novel quux balancing loss that weighs each term.", "quux balancing loss"),
        ("We design a zorb enhancer, a quux fusion decoder and a glimmer selection block.", "quux fusion decoder"),
        ("We also introduce a target glimmer margin to the objective.", "target glimmer margin"),
        ("We introduce a triple quux loss combining zorb modeling and glimmer losses.", "triple quux loss"),
        ("Thirdly, we propose using a glimmer-text contrastive loss during training.", "glimmer-text contrastive loss"),
        ("We propose to use a quux fusion decoder for every view.", "quux fusion decoder"),
    ],
)
def test_a_part_the_authors_propose_as_their_verbs_object_is_proposed(nlp, sentence, part):
    found = entities(nlp, "ZorbNet: fast games", sentence)
    assert (found[part].type, found[part].role) == ("Method", "proposed")


@pytest.mark.parametrize(
    "sentence",
    [
        "We propose ZorbNet, which is trained with a hierarchical neural network.",
        "We propose ZorbNet and train it with an auxiliary quux objective on QuuxBench.",
    ],
)
def test_a_class_of_networks_or_a_part_not_named_after_the_verb_is_not_a_proposed_part(nlp, sentence):
    found = entities(nlp, "ZorbNet: fast games", sentence)
    assert "hierarchical neural network" not in found
    assert "auxiliary quux objective" not in found


@pytest.mark.parametrize(
    ("sentence", "part"),
    [
        ("We propose a novel glimmer scaling method that widens every layer.", "glimmer scaling"),
        ("We also introduce a new zorb-precision splitting scheme for outliers.", "zorb-precision splitting"),
        ("We propose a novel glimmer-aware algorithm for sparse inputs.", "glimmer-aware algorithm"),
    ],
)
def test_the_words_before_the_kind_noun_the_authors_propose_name_their_part(nlp, sentence, part):
    found = entities(nlp, "ZorbNet: fast games", sentence)
    assert (found[part].type, found[part].role) == ("Method", "proposed")


@pytest.mark.parametrize(
    "sentence",
    [
        "We propose a new merging method for ZorbNet.",
        "We propose a novel adaptive algorithm for ZorbNet.",
        "We propose a novel graph neural network method for ZorbNet.",
    ],
)
def test_a_kind_of_method_the_authors_propose_without_naming_it_is_no_part(nlp, sentence):
    found = entities(nlp, "ZorbNet: fast games", sentence)
    assert set(found) == {"ZorbNet"}


def test_a_technique_after_a_proposal_verb_that_we_opens_further_back_is_proposed(nlp):
    found = entities(
        nlp, "ZorbNet: fast games", "To shrink the model, we firstly propose glimmer distillation for ZorbNet."
    )
    assert (found["glimmer distillation"].type, found["glimmer distillation"].role) == ("Method", "proposed")


def test_an_inline_formula_between_we_and_the_proposal_verb_counts_as_no_words(nlp):
    sentence = r"We couple it with an inverse map $F: Y \rightarrow X$ and introduce a glimmer consistency loss."
    found = entities(nlp, "ZorbNet: fast games", sentence)
    part = found["glimmer consistency loss"]
    assert (part.type, part.role) == ("Method", "proposed")


def test_lowercase_words_set_off_after_a_new_kind_noun_name_a_proposed_technique(nlp):
    found = entities(nlp, "ZorbNet: fast games", "We also add a new mixing strategy, zorb-crop, that blends two views.")
    assert (found["zorb-crop"].type, found["zorb-crop"].role) == ("Method", "proposed")


def test_lowercase_words_set_off_after_a_popular_kind_noun_are_not_proposed(nlp):
    found = entities(
        nlp, "ZorbNet: fast games", "ZorbNet uses a popular mixing strategy, zorb-crop, that blends views."
    )
    assert "zorb-crop" not in found or found["zorb-crop"].role != "proposed"


def test_a_part_in_the_proposal_sentence_that_the_abstract_names_again_is_proposed(nlp):
    found = entities(
        nlp,
        "ZorbNet: fast games",
        "We propose ZorbNet, which is trained with a quux balancing loss. "
        "Without the quux balancing loss, training diverges.",
    )
    part = found["quux balancing loss"]
    assert (part.type, part.role) == ("Method", "proposed")


def test_a_part_in_the_proposal_sentence_said_only_once_is_not_a_name(nlp):
    found = entities(nlp, "ZorbNet: fast games", "We propose ZorbNet, which is trained with a quux balancing loss.")
    assert "quux balancing loss" not in found


def test_a_task_named_as_the_field_of_recent_advances_is_mentioned(nlp):
    found = entities(
        nlp,
        "ZorbNet: Graph Embeddings from Random Walks",
        "ZorbNet builds on recent advances in language modeling. We evaluate ZorbNet on QuuxBench.",
    )
    assert found["language modeling"].role == "mentioned"


@pytest.mark.parametrize(
    ("abstract", "task"),
    [
        (
            "We propose ZorbNet to solve object detection per pixel, analogue to semantic segmentation.",
            "semantic segmentation",
        ),
        (
            "We evaluate ZorbNet on object detection, a stepping stone to general robotic manipulation.",
            "robotic manipulation",
        ),
        ("We release ZorbNet to facilitate research into machine translation.", "machine translation"),
    ],
)
def test_a_task_named_as_where_the_work_leads_or_what_it_resembles_is_mentioned(nlp, abstract, task):
    found = entities(nlp, "ZorbNet: Fast Detection", abstract)
    assert found[task].role == "mentioned"
    assert "object detection" not in found or found["object detection"].role == "evaluated_on"


def test_aim_modifiers_from_the_config_limit_the_words_between_the_aim_phrase_and_the_task(tmp_path):
    abstract = "We evaluate ZorbNet on object detection, a stepping stone to general robotic manipulation."
    found = entities(
        _tuned_pipeline(tmp_path, "aim_modifiers = 2", "aim_modifiers = 0"), "ZorbNet: Fast Detection", abstract
    )
    assert found["robotic manipulation"].role == "evaluated_on"  # "general" stands between "to" and the task


@pytest.mark.parametrize(
    ("abstract", "name", "role"),
    [
        ("When trained on many images, ZorbNet attains excellent results on QuuxBench.", "ZorbNet", "proposed"),
        ("We open-source the code and the final ZorbNet-100 model.", "ZorbNet-100", "proposed"),
        ("We propose QuuxNet. When trained on many images, ZorbNet attains good results.", "ZorbNet", "used"),
    ],
)
def test_when_nothing_is_proposed_the_final_model_or_the_subject_of_the_results_is(nlp, abstract, name, role):
    found = entities(nlp, "A study of image recognition at scale", abstract)
    assert found[name].role == role


def test_a_survey_gets_no_fallback_proposal(nlp):
    found = entities(nlp, "A survey of image recognition", "We review the field. The final ZorbNet-100 model is large.")
    assert found["ZorbNet-100"].role != "proposed"


@pytest.mark.parametrize(
    ("abstract", "role"),
    [
        ("Unlike conventional message passing, ZorbNet routes features through a learned shortcut.", "used"),
        (
            "Conventional graph encoders rely on message passing. ZorbNet routes features through a shortcut.",
            "mentioned",
        ),
    ],
)
def test_a_known_method_named_beside_the_papers_own_is_used(nlp, abstract, role):
    """Set beside what the paper proposes in one sentence, a method is a part or baseline of its
    work, though the sentence reads as background; alone in a background sentence it is mentioned."""
    found = entities(nlp, "ZorbNet: Fast Graph Encoders", abstract)
    assert found["ZorbNet"].role == "proposed"
    assert found["message passing"].role == role


def test_a_known_technique_named_only_inside_a_noun_compound_is_not_an_entity(nlp):
    # "weight quantization", "dataset pruning": the compound is the thing, not bare quantization.
    found = entities(
        nlp,
        "Compact Speech Recognisers for Phones",
        "We shrink speech recognisers for phones. Our recipe combines distillation with weight quantization "
        "and runs on a single core.",
    )
    assert "quantization" not in found
    plain = entities(
        nlp,
        "Compact Speech Recognisers for Phones",
        "We shrink speech recognisers for phones. Our recipe combines distillation with quantization "
        "and runs on a single core.",
    )
    assert "quantization" in plain


def test_benchmark_trained_on_without_a_result_in_its_sentence_is_evaluated_on(nlp):
    """Guide: data used both to train and to evaluate is a Benchmark, evaluated on; a known
    evaluation suite the paper trains on is one it reports results on."""
    found = entities(
        nlp, "A study", "We train a single multi-task policy for 18 RLBench tasks from a few demonstrations."
    )
    assert found["RLBench"].type == "Benchmark" and found["RLBench"].role == "evaluated_on"


@pytest.mark.parametrize("naming", [", called", " dubbed", ", termed"])
def test_a_known_name_before_a_naming_word_is_the_kind_of_the_new_name(nlp, naming):
    # "This paper presents a new vision Transformer, called Swin Transformer": the known name says
    # what kind of thing the new one is; the new name is what the paper proposes.
    found = entities(
        nlp,
        "Hierarchical Backbones for Vision",
        f"This paper presents a new vision Transformer{naming} ZorbFormer, that serves as a backbone. "
        "ZorbFormer reaches 87.3 top-1 accuracy on ImageNet.",
    )
    assert found["ZorbFormer"].role == "proposed"
    assert found["Vision Transformer"].role != "proposed"


def test_a_new_name_joined_by_and_to_the_papers_own_is_its_sibling(nlp):
    # "We evaluate SBERT and SRoBERTa": the paper's two systems named together, away from the proposal.
    found = entities(
        nlp,
        "ZorbNet: Fast Sentence Encoders",
        "We present ZorbNet, a modification of a pretrained encoder. We evaluate ZorbNet and FlarbNet "
        "on QuuxBench, where they outperform BM25.",
    )
    assert found["ZorbNet"].role == "proposed"
    assert found["FlarbNet"].role == "proposed"


def test_a_name_whose_apposition_says_we_made_it_is_proposed(nlp):
    # "On GSM-hard, a more challenging version of GSM that we create, PAL outperforms ...".
    found = entities(
        nlp,
        "Program-aided Reasoning",
        "We present a way to reason with programs. On QuuxHard, a more challenging version of QuuxBench "
        "that we create, our approach outperforms chain-of-thought by 40%.",
    )
    assert found["QuuxHard"].role == "proposed"


def test_benchmarks_given_as_examples_of_existing_ones_are_mentioned(nlp):
    """Guide: mentioned is background only. A benchmark paper's complaint about the field's
    existing benchmarks names them as others', not as what it reports results on."""
    found = entities(
        nlp,
        "A study",
        "However, existing evaluation benchmarks (e.g., HumanEval, MBPP) are no longer sufficient for "
        "assessing code models.",
    )
    assert found["HumanEval"].role == "mentioned" and found["MBPP"].role == "mentioned"
    found = entities(nlp, "A study", "Our model achieves gains on existing benchmarks such as HumanEval and MBPP.")
    assert found["HumanEval"].role == "evaluated_on"


def test_a_name_in_brackets_after_a_novel_noun_phrase_is_proposed(nlp):
    # "on both standard benchmarks and a novel GCL evaluation setting (MNIST-360)".
    found = entities(
        nlp,
        "A Strong Baseline for Continual Learning",
        "By conducting an extensive analysis on both standard benchmarks and a novel GCL evaluation setting "
        "(QuuxSeq-360), we show that such a simple baseline outperforms consolidated approaches.",
    )
    assert found["QuuxSeq-360"].role == "proposed"


def test_names_listed_after_namely_and_a_plural_class_noun_are_not_proposed(nlp):
    # "from contests across three competition platforms, namely LeetCode, AtCoder, and CodeForces".
    found = entities(
        nlp,
        "QuuxBench: Contamination-Free Evaluation of Code Models",
        "We propose QuuxBench, which gathers problems across three competition platforms, namely "
        "FooJudge, BarCoder, and BazForces.",
    )
    assert all(found[n].role != "proposed" for n in ("FooJudge", "BarCoder", "BazForces") if n in found)
    assert {"FooJudge", "BarCoder"} & set(found)


def test_names_after_namely_and_a_kind_noun_stay_proposed(nlp):
    found = entities(
        nlp,
        "Scalable Representation Learning for Heterogeneous Networks",
        "We develop two novel scalable representation learning models, namely quuxpath2vec and quuxpath2vec++.",
    )
    assert found["quuxpath2vec"].role == "proposed"


@pytest.mark.parametrize(
    ("sentence", "phrase"),
    [
        ("We use architecture search to design a new baseline network and scale it up.", "baseline network"),
        ("We propose a vanilla mixed-precision decomposition scheme.", "vanilla mixed-precision decomposition"),
    ],
)
def test_a_part_opened_by_the_role_it_plays_is_no_proposed_name(nlp, sentence, phrase):
    # "design a new baseline network and scale it up to obtain EfficientNets": a baseline, not a name.
    found = entities(nlp, "ZorbNet: fast games", sentence)
    assert phrase not in found or found[phrase].role != "proposed"


@pytest.mark.parametrize(("paper_id", "role"), [("arxiv:1907.05600", "proposed"), ("arxiv:2011.13456", "used")])
def test_score_based_generative_modeling_is_credited_to_the_paper_that_introduced_it(nlp, paper_id, role):
    # Song & Ermon (2019) introduced it; the SDE paper (2011.13456) builds on it.
    paper = Paper(id=paper_id, title="A study", abstract="We train with score-based generative modeling on CIFAR-10.")
    (record,) = list(extract_records([paper], nlp))
    assert {e.name: e for e in record.entities}["score-based generative modeling"].role == role


@pytest.mark.parametrize(
    ("title", "abstract"),
    [
        (
            "Zorbic Transformer: Anomaly Detection",
            "Recently, Transformers have shown great power. We propose the Zorbic Transformer with a new attention.",
        ),
        (
            "Transformer-ZQ: Long Context Models",
            "We propose Transformer-ZQ, a new architecture. It is much faster than vanilla Transformers.",
        ),
    ],
)
def test_plural_of_the_known_base_heading_the_own_name_is_used(nlp, title, abstract):
    assert entities(nlp, title, abstract)["Transformer"].role == "used"


def test_plural_of_a_known_architecture_alone_or_as_the_own_name_is_no_name(nlp):
    assert "Transformer" not in entities(nlp, "Zorbic", "Transformers are strong. We propose Zorbic, a new method.")
    found = entities(
        nlp, "Zorbic Transformers for Forecasting", "We introduce the Zorbic Transformer (ZT), a new model."
    )
    assert "Transformer" not in found


def test_known_name_the_own_name_is_built_on_is_used_not_background(nlp):
    found = entities(
        nlp,
        "Prioritized Zorbic Replay",
        "Experience replay lets online agents remember past experiences. "
        "We propose prioritized experience replay, a new method that replays important transitions more often.",
    )
    assert found["experience replay"].role == "used"


@pytest.mark.parametrize(
    "sentence",
    [
        "ZorbSpeech is trained on 680K hours from LibriSpeech, Common Voice and GigaSpeech, and evaluated on CHiME-6.",
        "We use Wikipedia and GigaSpeech for pre-training and report results on CHiME-6.",
    ],
)
def test_known_data_a_list_is_trained_on_or_used_for_training_is_used(nlp, sentence):
    found = entities(nlp, "A study", sentence)
    assert (found["GigaSpeech"].type, found["GigaSpeech"].role) == ("Dataset", "used")


@pytest.mark.parametrize(
    "sentence",
    [
        "To capture common sense, we extract from ConceptNet multiple target concepts.",
        "Despite extensive filtering, we are able to obtain five trillion tokens from Common Crawl.",
    ],
)
def test_known_data_gathered_from_further_back_in_the_clause_is_used(nlp, sentence):
    found = entities(nlp, "A study", sentence)
    name = "ConceptNet" if "ConceptNet" in sentence else "Common Crawl"
    assert (found[name].type, found[name].role) == ("Dataset", "used")


def _tuned_pipeline(tmp_path, line: str, tuned: str, section: str = "[components.kg_roles.reach]"):
    """The pipeline built from config.cfg with one setting's ``line`` in ``section`` replaced by ``tuned``."""
    from pipelines.extraction import DEFAULT_CONFIG, load_pipeline

    config = DEFAULT_CONFIG.read_text(encoding="utf-8")
    start = config.index(f"\n{section}\n")
    end = config.find("\n[", start + 1)
    end = len(config) if end < 0 else end
    assert f"\n{line}\n" in config[start:end], (section, line)
    body = config[start:end].replace(f"\n{line}\n", f"\n{tuned}\n", 1)
    path = tmp_path / "tuned.cfg"
    path.write_text(config[:start] + body + config[end:], encoding="utf-8")
    return load_pipeline(str(path))


def test_gathering_reach_from_the_config_limits_how_far_back_the_gathering_verb_may_stand(tmp_path):
    sentence = "Despite extensive filtering, we are able to obtain five trillion tokens from Common Crawl."
    found = entities(_tuned_pipeline(tmp_path, "gathering = 10", "gathering = 2"), "A study", sentence)
    assert found["Common Crawl"].role == "mentioned"  # "obtain" stands four tokens before "from"


@pytest.mark.parametrize(
    ("section", "line"),
    [
        ("[components.kg_roles.reach]", "gathering = 10"),
        ("[components.kg_entity_types.reach]", "aside = 15"),
        ("[components.kg_named_spans.reach]", "new_kind = 4"),
    ],
)
def test_a_misspelled_reach_window_in_the_config_is_an_error_not_ignored(tmp_path, section, line):
    key, value = line.split(" = ")
    with pytest.raises(ValueError, match=f"unknown reach window.*{key[:-1]}"):
        _tuned_pipeline(tmp_path, line, f"{key[:-1]} = {value}", section)


@pytest.mark.parametrize("verb", ["collect", "compile", "gather"])
def test_data_the_authors_gather_and_explain_as_data_is_proposed(nlp, verb):
    found = entities(nlp, "A study", f"We {verb} Gribble, a dataset of 100K dialogues, and use it to tune Mistral 7B.")
    assert (found["Gribble"].type, found["Gribble"].role) == ("Dataset", "proposed")


@pytest.mark.parametrize(
    "sentence",
    [
        "ZorbVL is learned through pre-training over four image-text datasets (COCO, Visual Genome, and SBU "
        "Captions), which can power downstream tasks.",
        "We pre-train on ImageNet-21k and COCO, then achieve 85% top-1 accuracy on ImageNet.",
    ],
)
def test_every_name_of_a_list_pre_trained_on_is_a_dataset_used(nlp, sentence):
    found = entities(nlp, "A study", sentence)
    assert (found["MS-COCO"].type, found["MS-COCO"].role) == ("Dataset", "used")


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        ("We use Objects365 for training and LVIS for evaluation.", "Objects365"),
        ("Wikipedia is used as the pre-training corpus, and results are reported on SQuAD.", "Wikipedia"),
    ],
)
def test_data_said_to_serve_for_training_is_a_dataset_used(nlp, sentence, name):
    found = entities(nlp, "A study", sentence)
    assert (found[name].type, found[name].role) == ("Dataset", "used")


def test_a_variant_of_the_papers_own_benchmark_is_proposed_too(nlp):
    found = entities(
        nlp,
        "QuuxEval: A Multi-Level Evaluation Suite for Language Models",
        "We present QuuxEval, a new evaluation suite for language models. QuuxEval is accompanied by "
        "the QuuxEval Hard benchmark, a subset of very challenging subjects that requires advanced reasoning.",
    )
    assert found["QuuxEval"].role == "proposed"
    assert found["QuuxEval Hard"].role == "proposed"


def test_the_datasets_a_proposed_benchmark_is_said_to_hold_are_proposed(nlp):
    found = entities(
        nlp,
        "A Benchmark for Long Graphs",
        "Here, we present the Zorb Graph Benchmark (ZGB) with 3 graph learning datasets: QuuxQA, "
        "BlipBench and FlarpQA that require long-range reasoning to achieve strong performance.",
    )
    assert {found[n].role for n in ("QuuxQA", "BlipBench", "FlarpQA")} == {"proposed"}


@pytest.mark.parametrize(
    "sentence",
    [
        "We propose a sparse index, which we refer to as ZorbNet.",
        "We refer to this approach as ZorbNet.",
        "This approach, referred to as ZorbNet, is fast.",
    ],
)
def test_refer_to_as_names_the_papers_own_work_as_called_does(nlp, sentence):
    found = entities(nlp, "Fast Sparse Retrieval", f"Sparse retrieval is important. {sentence}")
    assert found["ZorbNet"].role == "proposed"


def test_an_existing_term_referred_to_as_is_not_proposed(nlp):
    found = entities(
        nlp, "Fast Sparse Retrieval", "Sparse retrieval is important. This is commonly referred to as ZorbNet."
    )
    assert found["ZorbNet"].role != "proposed"


@pytest.mark.parametrize(
    "abstract",
    [
        "Inspired by recent work in machine translation and object detection, we introduce ZorbNet, a captioner.",
        "Inspired by the success of machine translation, we introduce ZorbNet, a captioner.",
        "We release ZorbNet to facilitate research into machine translation and object detection.",
    ],
)
def test_tasks_named_as_what_inspired_the_work_are_mentioned_every_one_of_a_list(nlp, abstract):
    found = entities(nlp, "ZorbNet: Fast Image Captioning", abstract)
    assert {found[t].role for t in ("machine translation", "object detection") if t in found} == {"mentioned"}


@pytest.mark.parametrize(("name", "role"), [("BLIP-B/16", "used"), ("Llama-Zorb", "proposed")])
def test_our_checkpoint_of_a_known_family_at_a_size_is_used_not_proposed(nlp, name, role):
    found = entities(
        nlp,
        "Curating Image-Text Data",
        f"We curate a small image-text dataset. Trained on it, our {name} models still show superior "
        "performance on image-text retrieval.",
    )
    assert found[name].role == role


def test_data_an_opening_using_phrase_names_before_training_is_used(nlp):
    found = entities(
        nlp, "A study", "Using ShareGPT conversations, we fine-tune Llama 2 and outperform Vicuna on MT-Bench."
    )
    assert (found["ShareGPT"].type, found["ShareGPT"].role) == ("Dataset", "used")


@pytest.mark.parametrize(
    ("line", "tuned", "abstract"),
    [
        (
            "progress_noun = 4",
            "progress_noun = 0",
            "ZorbNet builds on recent advances in language modeling.",
        ),
        (
            "progress_in = 4",
            "progress_in = 0",
            "ZorbNet builds on recent advances in multilingual language modeling.",
        ),
    ],
)
def test_progress_reaches_from_the_config_limit_the_words_read_around_in(nlp, tmp_path, line, abstract, tuned):
    abstract += " We evaluate ZorbNet on QuuxBench."
    title = "ZorbNet: Graph Embeddings from Random Walks"
    assert entities(nlp, title, abstract)["language modeling"].role == "mentioned"  # the field of others' progress
    found = entities(_tuned_pipeline(tmp_path, line, tuned), title, abstract)
    assert found["language modeling"].role == "evaluated_on"


@pytest.mark.parametrize(
    "sentence",
    [
        "We present ZorbSet, a new dataset of captioned photos with ten times more images than the MS-COCO dataset.",
        "We present ZorbSet and a statistical analysis of it in comparison to PASCAL VOC, MS-COCO, and SUN.",
    ],
)
def test_data_other_data_is_measured_against_is_used_not_tested_on(nlp, sentence):
    found = entities(nlp, "ZorbSet: Captioned Photos", sentence)
    assert (found["MS-COCO"].type, found["MS-COCO"].role) == ("Dataset", "used")


def test_a_name_after_a_proposal_verb_and_by_is_its_means_not_proposed(nlp_known):
    found = entities(
        nlp_known,
        "A study of forecasting",
        "In this paper, we present QuuxMixer, a novel architecture designed by stacking ZorbSwap layers.",
    )
    assert found["ZorbSwap"].role != "proposed"


@pytest.mark.parametrize(("name", "key"), [("COCO", "MS-COCO"), ("ZorbCap", "ZorbCap")])
def test_newly_made_data_after_a_preposition_is_a_test_not_the_papers_own(nlp, name, key):
    found = entities(
        nlp,
        "Show and Tell: Captioning Photos",
        f"We present ZorbNet, a captioning model. Lastly, on the newly released {name} dataset, we achieve a "
        "BLEU-4 of 27.7.",
    )
    assert (found[key].type, found[key].role) == ("Benchmark", "evaluated_on")


def test_a_new_name_in_brackets_after_the_family_the_authors_train_is_proposed(nlp):
    found = entities(
        nlp,
        "A study of photos",
        "We train a large, 4-billion parameter ViT (ViT-Zorb) to quantify the benefits of larger vision models.",
    )
    assert found["ViT-Zorb"].role == "proposed"


def test_a_known_name_dated_to_an_earlier_paper_is_not_proposed_by_a_later_one(nlp):
    found = entities(
        nlp,
        "Tensor Programs V: Tuning Large Neural Networks via Zero-Shot Hyperparameter Transfer",
        "We show that, in the recently discovered Maximal Update Parametrization (muP), many optimal "
        "hyperparameters remain stable even as model size changes. This leads to a new tuning paradigm we call "
        "muTransfer: parametrize the target model in muP and tune a smaller model.",
        url="https://arxiv.org/abs/2203.03466",
    )
    assert found["Maximal Update Parametrization"].role != "proposed"


@pytest.fixture(scope="module")
def nlp_known_terms(tmp_path_factory):
    """The pipeline with a user catalogue that knows invented techniques: ZorbSwap, and two written in
    lowercase, "zorb chain-of-thought" (coined as Zorb-CoT) and "zorb reversal layer"."""

    return pipeline_with(
        tmp_path_factory.mktemp("catalogue"),
        '{"name": "ZorbSwap", "type": "Method", "aliases": []}\n'
        '{"name": "zorb chain-of-thought", "type": "Method", "aliases": ["Zorb-CoT"]}\n'
        '{"name": "zorb reversal layer", "type": "Method", "aliases": []}\n',
    )


def test_our_before_a_known_technique_written_as_a_coined_name_makes_it_the_papers(nlp_known_terms):
    found = entities(
        nlp_known_terms,
        "Language Models are Zorb Reasoners",
        "Experimental results demonstrate that our Zorb-CoT, using a single prompt template, significantly "
        "outperforms zero-shot performance on QuuxBench.",
    )
    assert found["zorb chain-of-thought"].role == "proposed"


def test_a_name_right_after_the_head_noun_of_what_is_introduced_is_proposed(nlp_known_terms):
    found = entities(
        nlp_known_terms,
        "A study of foundation models",
        "In this work, we introduce a general-purpose multimodal foundation model ZorbSwap, which achieves "
        "strong transfer performance on QuuxBench.",
    )
    assert found["ZorbSwap"].role == "proposed"


def test_a_title_subject_the_abstract_first_names_as_earlier_work_is_not_proposed(nlp_known_terms):
    found = entities(
        nlp_known_terms,
        "ZorbSwap is Scalable for LLM Training",
        "Recently, the ZorbSwap optimizer has demonstrated strong results in training small language models. "
        "We identify two crucial techniques for scaling up ZorbSwap and train a large model with it.",
    )
    assert found["ZorbSwap"].role != "proposed"


@pytest.fixture(scope="module")
def nlp_known_model(tmp_path_factory):
    """The pipeline with a user catalogue that knows the invented model ZorbGCM and technique ZorbNorm."""

    return pipeline_with(
        tmp_path_factory.mktemp("catalogue"),
        '{"name": "ZorbGCM", "type": "Model", "aliases": []}\n{"name": "ZorbNorm", "type": "Method", "aliases": []}\n',
    )


@pytest.mark.parametrize("verb", ["is competitive with", "can track", "achieves"])
def test_known_model_opening_a_sentence_about_itself_is_the_papers_own_when_nothing_else_is(nlp_known_model, verb):
    found = entities(
        nlp_known_model,
        "Neural circulation models for weather and climate",
        "Here we present a simulator that combines a solver with learned components. "
        f"ZorbGCM {verb} physics-based simulators for ten-day forecasts.",
    )
    assert found["ZorbGCM"].role == "proposed"


def test_known_technique_opening_a_sentence_is_not_the_papers_own(nlp_known_model):
    found = entities(
        nlp_known_model,
        "A study of calibration",
        "Here we study calibration of classifiers. ZorbNorm is widely used and can improve calibration.",
    )
    assert found["ZorbNorm"].role != "proposed"


@pytest.fixture(scope="module")
def nlp_dated(tmp_path_factory):
    """The pipeline with a user catalogue whose invented entries carry the arXiv ids that date them."""

    return pipeline_with(
        tmp_path_factory.mktemp("catalogue"),
        '{"name": "ZorbCoder", "type": "Model", "aliases": [], "id": "arxiv:2305.00001"}\n'
        '{"name": "Zorb Anything Model", "type": "Model", "aliases": ["ZAM", "Zorb Anything"], '
        '"id": "arxiv:2304.00001"}\n',
    )


def test_known_name_a_version_number_follows_in_the_title_is_not_proposed(nlp_dated):
    found = entities(
        nlp_dated,
        "ZorbCoder 2 and The Zorb Stack: The Next Generation",
        "We train new code models on 3 trillion tokens and evaluate them on code benchmarks.",
        date="2024",
    )
    assert found["ZorbCoder"].role != "proposed"


def test_known_name_opening_the_title_inside_the_proposed_name_is_its_base(nlp_dated):
    found = entities(
        nlp_dated,
        "Zorb Anything in High Quality",
        "The recent Zorb Anything Model (ZAM) segments objects from prompts. We propose HQ-ZAM, equipping ZAM "
        "with the ability to segment objects with intricate structures.",
        date="2023",
    )
    assert found["HQ-ZAM"].role == "proposed"
    assert found["Zorb Anything Model"].role != "proposed"


def test_established_is_a_proposal_verb_and_an_established_name_is_not_proposed(nlp):
    found = entities(
        nlp,
        "A unified tokenizer for speech models",
        "To assess speech tokens for building speech language models, we established the first benchmark, "
        "ZorbTokBench. Results are compared with the established benchmark QuuxBench.",
    )
    assert found["ZorbTokBench"].role == "proposed"
    assert found["QuuxBench"].role != "proposed"


def test_name_a_participle_gives_as_what_the_authors_step_makes_is_proposed(nlp):
    found = entities(
        nlp,
        "An open multilingual model for translation",
        "We perform continued pretraining on a mixture of monolingual and parallel data, creating ZorbBase, "
        "followed by finetuning on instructions for translation, creating ZorbInstruct.",
    )
    assert found["ZorbBase"].role == "proposed"
    assert found["ZorbInstruct"].role == "proposed"


def test_name_defined_with_its_acronym_as_previously_studied_is_not_proposed(nlp):
    found = entities(
        nlp,
        "Approximate nearest neighbour search with layered graphs",
        "We present a new approach for approximate nearest neighbour search based on layered proximity graphs. "
        "This produces graphs similar to the previously studied Zorbic Small World (ZSW) structures.",
    )
    (name,) = [n for n in found if "Zorbic" in n or n == "ZSW"]
    assert found[name].role != "proposed"


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        ("We describe ZORBA, a GPT-based metric for assessment of translation quality.", "ZORBA"),
        (
            "For automated evaluation, we have developed two metrics, ZorbReward and ZorbScore, computed with GPT-4.",
            "ZorbReward",
        ),
    ],
)
def test_new_metric_the_authors_introduce_is_proposed(nlp, sentence, name):
    found = entities(nlp, "Evaluating translation quality", sentence)
    assert found[name].type == "Metric"
    assert found[name].role == "proposed"
