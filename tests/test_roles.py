"""Roles read from how an abstract's sentences introduce or use a name (invented names)."""

from __future__ import annotations

import pytest

from tests.test_extraction import entities


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
    from pipelines.extraction import load_pipeline

    extra = tmp_path_factory.mktemp("catalogue") / "mine.jsonl"
    extra.write_text('{"name": "ZorbSwap", "type": "Method", "aliases": []}\n')
    return load_pipeline(None, (str(extra),))


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
    assert found["ZorbSwap"].role != "proposed"


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
