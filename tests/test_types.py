"""Entity types read from a name's shape, the catalogue and the nouns and lists around it."""

from __future__ import annotations

import pytest

from tests.test_extraction import entities, pipeline_with


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


def test_a_new_name_with_a_parameter_count_is_a_model_but_a_data_count_is_not(nlp):
    found = entities(nlp, "A study", "We compare ZorbLM-13B-V1.2 with ZorbSet-2M on QuuxBench.")
    assert found["ZorbLM-13B-V1.2"].type == "Model" and found["ZorbSet-2M"].type != "Model"


def test_a_new_name_counting_millions_that_nothing_else_types_is_data(nlp):
    # VIDAL-10M: "We thus propose VIDAL-10M with 10 Million data with Video, Infrared, Depth, Audio and ...".
    found = entities(nlp, "A study", "We thus propose ZORBAL-10M with 10 Million data with Video, Depth and Audio.")
    assert (found["ZORBAL-10M"].type, found["ZORBAL-10M"].role) == ("Dataset", "proposed")


def test_named_model_after_called_is_typed_by_the_noun_before(nlp):
    found = entities(nlp, "A study", "Using this data, we train a 7B LLM called Brontes and test it on 5 benchmarks.")
    assert found["Brontes"].type == "Model"


@pytest.mark.parametrize(
    "sentence",
    [
        "We distill a teacher into small students. The student models are named ZorbFormer.",
        "We freeze most layers. This model, known as the ZorbFormer, is tested on 5 benchmarks.",
    ],
)
def test_a_model_noun_naming_the_name_through_a_verb_makes_it_a_model(nlp, sentence):
    found = entities(nlp, "A study", sentence)
    assert found["ZorbFormer"].type == "Model"


def test_metric_and_task_from_the_catalogue(nlp):
    found = entities(nlp, "A study", "We report accuracy and BLEU on machine translation.")
    types = {name: e.type for name, e in found.items()}
    assert "Metric" in types.values() and "Task" in types.values()


def test_apposition_types_a_capitalised_name(nlp):
    found = entities(nlp, "A study", "Results improve over Mirelle, a retrieval model trained on web data.")
    assert found["Mirelle"].type == "Model"


def test_coordination_list_after_benchmarks_types_every_member(nlp):
    found = entities(
        nlp, "A study", "Experiments on five benchmarks (i.e., QzTest, Yarrow-7, DiDeMo, and ActivityNet) show gains."
    )
    for name in ("QzTest", "Yarrow-7", "DiDeMo", "ActivityNet"):
        assert found[name].type == "Benchmark" and found[name].role == "evaluated_on", name


def test_name_right_before_a_task_is_its_benchmark(nlp):
    found = entities(nlp, "A study", "We set a new state of the art on the Quokka-NER named entity recognition task.")
    assert found["Quokka-NER"].type == "Benchmark"


def test_sized_variant_of_a_known_architecture_is_a_model(nlp):
    found = entities(nlp, "A study", "We compare with ResNet-50 and EfficientNet-B7 on image classification.")
    assert found["ResNet-50"].type == "Model" and found["EfficientNet-B7"].type == "Model"


def test_name_a_result_is_reported_on_is_a_benchmark(nlp):
    found = entities(nlp, "A study", "The model reaches 98.1% accuracy on Zorblat Commands V2.")
    assert found["Zorblat Commands V2"].type == "Benchmark"
    assert found["Zorblat Commands V2"].role == "evaluated_on"


def test_noun_before_a_preposition_does_not_type_the_name(nlp):
    found = entities(nlp, "A study", "We productionized and evaluated the system on Quokka Play, an app store.")
    assert found["Quokka Play"].type == "Benchmark"


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


def test_head_noun_in_another_clause_does_not_type_a_name(nlp):
    found = entities(nlp, "A study", "Extensive experiments across benchmarks demonstrate that FlowDirector is fast.")
    assert found["FlowDirector"].type != "Benchmark"
    found = entities(nlp, "A study", "For example, our model outperforms Flamingo80B by 8.7% on VQAv2.")
    assert found["Flamingo80B"].type == "Model"


def test_title_gloss_after_the_colon_types_the_name(nlp):
    found = entities(nlp, "PIKA: Expert-Level Synthetic Datasets for Post-Training", "We release PIKA.")
    assert found["PIKA"].type == "Dataset"
    found = entities(nlp, "Quillon: Aligning LLMs With User Feedback Models", "We study Quillon.")
    assert found["Quillon"].type != "Model"


def test_a_title_gloss_calling_the_name_data_wins_over_a_model_suffix(nlp):
    found = entities(nlp, "HelixInstruct: A Multilingual Instruction Dataset", "We release HelixInstruct.")
    assert found["HelixInstruct"].type == "Dataset"


def test_known_dataset_only_evaluated_on_is_a_benchmark(nlp):
    found = entities(nlp, "A study", "It achieves new state-of-the-art results of 0.485 mAP on AudioSet.")
    assert found["AudioSet"].type == "Benchmark" and found["AudioSet"].role == "evaluated_on"


@pytest.mark.parametrize("after", ["test set", "challenge"])
def test_a_name_before_test_set_or_challenge_is_a_benchmark(nlp, after):
    found = entities(nlp, "A study", f"We achieve 7.2% on the Quux'05 {after} without a language model.")
    (entity,) = [e for e in found.values() if "Quux'05" in (e.name, *e.aliases)]  # "the Quux'05 challenge" is one
    assert entity.type == "Benchmark"


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


def test_a_known_task_listed_after_datasets_stays_a_task(nlp):
    found = entities(
        nlp, "A study", "GPT-3 achieves strong performance on many NLP datasets, including question-answering."
    )
    assert found["question answering"].type == "Task"


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


@pytest.mark.parametrize(
    ("abstract", "name", "kind"),
    [
        ("We propose an optimized metric, which we call ZorbEval, that correlates with humans.", "ZorbEval", "Metric"),
        ("We propose a retrieval framework, which we call ZorbQA, and test it on SQuAD.", "ZorbQA", "Method"),
    ],
)
def test_a_noun_introducing_a_name_across_which_we_call_outranks_its_suffix(nlp, abstract, name, kind):
    # "an optimized metric, which we call QAFactEval": no benchmark for its "-Eval".
    assert entities(nlp, "A study", abstract)[name].type == kind


@pytest.mark.parametrize(
    ("title", "abstract", "kind"),
    [
        ("A study", "We present ZorbQA, a new challenge dataset of 10k questions.", "Benchmark"),
        ("ZorbQA: A Diagnostic Dataset for Visual Reasoning", "We present ZorbQA. It has 10k questions.", "Benchmark"),
        ("A study", "To diagnose the failures of models, we introduce ZorbQA, a dataset of 10k problems.", "Benchmark"),
        ("A study", "We present ZorbQA, a large dataset in English to measure social bias.", "Benchmark"),
        ("A study", "We release ZorbQA, a dataset of 10k questions for training readers.", "Dataset"),
    ],
)
def test_own_data_made_to_test_models_is_a_benchmark_though_called_a_dataset(nlp, title, abstract, kind):
    # HellaSwag ("a new challenge dataset"), CLEVR ("A Diagnostic Dataset"), GSM8K, StereoSet.
    assert entities(nlp, title, abstract)["ZorbQA"].type == kind


@pytest.mark.parametrize(
    ("title", "abstract", "kind"),
    [
        ("A study", "We create Zorbly, a dataset for evaluating the alignment of LM opinions.", "Benchmark"),
        ("Zorbly: A Dataset for Evaluating Safeguards in LLMs", "We release Zorbly. It has 10k prompts.", "Benchmark"),
        (
            "Zorbly: Testing the Limits of Chain-of-thought",
            "We introduce Zorbly, a dataset of 10k stories.",
            "Benchmark",
        ),
        ("A study", "We introduce Zorbly, the first dataset for developing and evaluating web agents.", "Dataset"),
        ("A study", "We construct Zorbly, a new dataset for evaluating and training table models.", "Dataset"),
        ("A study", "We present a new challenge dataset called Zorbly with 10k questions.", "Benchmark"),
    ],
)
def test_own_data_for_evaluating_models_is_a_benchmark(nlp, title, abstract, kind):
    # OpinionQA ("a dataset for evaluating"), Do-Not-Answer, MuSR ("MuSR: Testing the Limits of ..."); Mind2Web ("for developing and evaluating") is made for training as well.
    assert entities(nlp, title, abstract)["Zorbly"].type == kind


def test_own_data_a_measurement_noun_introduces_is_a_benchmark(nlp):
    # HolisticBias: "we present a new, more inclusive bias measurement dataset, HolisticBias, which ...".
    found = entities(
        nlp, "A study", "We present a new, more inclusive bias measurement dataset, ZorbBias, with 600 terms."
    )
    assert (found["ZorbBias"].type, found["ZorbBias"].role) == ("Benchmark", "proposed")


def test_known_benchmark_its_paper_calls_a_collection_of_datasets_is_a_dataset(tmp_path):
    # BookSum: "we address these issues by introducing BookSum, a collection of datasets for ...".

    found = entities(
        pipeline_with(tmp_path, '{"name": "ZorbSum", "type": "Benchmark", "aliases": []}\n'),
        "ZorbSum: Long-form Narrative Summarization",
        "We introduce ZorbSum, a collection of datasets for long-form narrative summarization.",
    )
    assert (found["ZorbSum"].type, found["ZorbSum"].role) == ("Dataset", "proposed")


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


def test_a_known_benchmark_at_a_size_is_a_benchmark(nlp):
    found = entities(
        nlp,
        "A study",
        "Our models outperform prior models on the class-conditional ImageNet 512x512 and 256x256 benchmarks.",
    )
    assert found["ImageNet 512x512"].type == "Benchmark"


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


@pytest.mark.parametrize(
    ("name", "kind"),
    [("ZorbLM", "Model"), ("Zorb-LLaVA", "Model"), ("Zorb2.5-VL", "Model"), ("ZorbLLM", "Method")],
)
def test_a_language_model_suffix_makes_a_model_but_an_llm_suffix_names_a_framework(nlp, name, kind):
    found = entities(nlp, "A study", f"We compare against {name} on several tasks.")
    assert found[name].type == kind


def test_a_plural_kind_noun_after_a_list_types_its_members(nlp):
    found = entities(nlp, "A study", "ZorbNet outperforms existing methods by the ZCHAIR and ZPOPE metrics.")
    assert found["ZCHAIR"].type == "Metric" and found["ZPOPE"].type == "Metric"


def test_a_scaled_flops_count_is_the_flops_metric_not_a_name(nlp):
    found = entities(nlp, "A study", "ZorbNet is designed for phones with very limited compute (e.g., 10-150 MFLOPs).")
    assert "MFLOPs" not in found or found["MFLOPs"].type == "Metric"
    assert found["FLOPs"].type == "Metric" and found["FLOPs"].role != "proposed"


def test_a_challenge_after_a_name_and_its_year_makes_a_benchmark(nlp):
    found = entities(nlp, "A study", "Our model ranks among the best entries of the ZorbSeg 2021 challenge.")
    (name,) = [n for n in found if n.startswith("ZorbSeg")]
    assert found[name].type == "Benchmark"


@pytest.mark.parametrize(
    ("sentence", "name", "kind"),
    [
        ("We further investigate ZorbNet on an ImageNet-Quux set, also showing better results.", "ImageNet-Quux", True),
        ("We evaluate on biomedical questions (MedQA-Zorb) and report gains.", "MedQA-Zorb", True),
        ("We train Math-Zorb, a verifier, and report gains.", "Math-Zorb", False),
    ],
)
def test_a_hyphenated_variant_of_a_known_benchmark_is_one_unless_the_case_differs(nlp, sentence, name, kind):
    found = entities(nlp, "A study", sentence)
    assert (found[name].type == "Benchmark") == kind


def test_a_bracketed_aside_does_not_break_a_list_of_benchmarks(nlp):
    found = entities(
        nlp,
        "A study",
        "ZorbNet achieves the best segmentation of PASCAL VOC (62.2% mean IU on 2012), QuuxDepth, and Zorb Flow.",
    )
    assert found["QuuxDepth"].type == "Benchmark" and found["Zorb Flow"].type == "Benchmark"


@pytest.mark.parametrize(
    "sentence",
    [
        "We construct ZorbInstruct, a lightweight instruction-tuning dataset containing interaction trajectories.",
        "To this end, we collect an instruction-tuning dataset ZorbInstruct that consists of 7k interactions.",
    ],
)
def test_a_data_noun_introducing_a_name_outranks_a_model_like_suffix(nlp, sentence):
    found = entities(nlp, "A study", sentence)
    assert found["ZorbInstruct"].type == "Dataset" and found["ZorbInstruct"].role == "proposed"


@pytest.mark.parametrize(
    ("title", "abstract", "name", "kind"),
    [
        (
            "Zorblex: Message Passing Networks for Force Fields",
            "We introduce Zorblex, a new equivariant MPNN model that uses higher order messages.",
            "Zorblex",
            "Model",
        ),
        (
            "A study",
            "To address such data, we introduce Quuxify — a diffusion model that handles any feature types.",
            "Quuxify",
            "Model",
        ),
        (
            "A study",
            "This paper proposes Frob-KNR, a kernel based neural model for document ranking.",
            "Frob-KNR",
            "Model",
        ),
        (
            "A study",
            "We introduce Brontes-2, a series of open-source language models for theorem proving.",
            "Brontes-2",
            "Model",
        ),
        (
            "A study",
            "We have developed a new family of object detectors, called QuuxDet, which are efficient.",
            "QuuxDet",
            "Model",
        ),
        (
            "A study",
            "We propose a novel and efficient method for MLLMs, termed Zorbic Resolution Adaptation.",
            "Zorbic Resolution Adaptation",
            "Method",
        ),
        (
            "A study",
            "We propose Zorbify, an approach to learn a joint embedding for vision models.",
            "Zorbify",
            "Method",
        ),
    ],
)
def test_a_name_the_abstract_calls_a_model_is_a_model(nlp, title, abstract, name, kind):
    assert entities(nlp, title, abstract)[name].type == kind


def test_an_unsized_net_name_is_an_architecture_not_a_model(nlp):
    found = entities(nlp, "A study", "We propose ZorbNet, which divides a point cloud into voxels and detects cars.")
    assert found["ZorbNet"].type == "Method"


def test_a_kind_noun_after_another_name_does_not_type_the_next_name(nlp):
    found = entities(
        nlp, "A study", "On the widely used QuuxSpeech benchmark, BlorpCore achieves a 2.1% word error rate."
    )
    assert found["QuuxSpeech"].type == "Benchmark" and found["BlorpCore"].type != "Benchmark"


@pytest.mark.parametrize(
    ("name", "kind"),
    [("Xception", "Method"), ("GoogLeNet", "Method"), ("Toolformer", "Model"), ("DiffWave", "Model")],
)
def test_catalogued_architectures_are_methods_and_released_systems_models(nlp, name, kind):
    found = entities(nlp, "A study", f"We compare our approach with {name} on two tasks.")
    assert found[name].type == kind


def test_two_digits_between_an_acronym_benchmark_and_a_noun_are_its_year(nlp):
    found = entities(nlp, "A study", "ZorbNet improves over a back-off baseline on the WMT 15 translation tasks.")
    # named only by that edition, the edition is its name and the bare acronym an alias
    assert "WMT" in found["WMT 15"].aliases


@pytest.mark.parametrize(
    "sentence",
    [
        "We store the weights of ZorbNet in 4-bit precision.",
        "ZorbNet runs every matrix product in lower precision.",
        "ZorbNet keeps the outliers in FP16 precision.",
    ],
)
def test_the_precision_numbers_are_stored_in_is_no_metric(nlp, sentence):
    assert "precision" not in entities(nlp, "A study", sentence)


def test_precision_reported_as_a_measure_is_a_metric(nlp):
    found = entities(nlp, "A study", "ZorbNet reaches a precision of 0.91 and a recall of 0.88 on QuuxSet.")
    assert found["precision"].type == "Metric"


@pytest.mark.parametrize(
    ("abstract", "name", "kind"),
    [
        ("Zorbic Diffusion Models (ZDMs) are slow to sample. We speed up ZDMs.", "Zorbic Diffusion Models", "Method"),
        (
            "We train a Zorbic Recommendation Model (ZRM). The ZRM outperforms baselines.",
            "Zorbic Recommendation Model",
            "Model",
        ),
    ],
)
def test_a_long_form_ending_in_plural_models_names_a_kind_of_model(nlp, abstract, name, kind):
    assert entities(nlp, "A study", abstract)[name].type == kind


def test_a_title_gloss_closing_on_plural_models_names_a_kind_not_a_model(nlp):
    found = entities(
        nlp,
        "ZorbPlug: Retrieval-Augmented Black-Box Language Models",
        "We introduce ZorbPlug, which prepends retrieved documents to the input of a frozen model.",
    )
    assert found["ZorbPlug"].type == "Method"


@pytest.mark.parametrize(
    ("title", "name", "kind"),
    [
        ("ZorbFormer: A No-Recurrence Sequence-to-Sequence Model for Speech", "ZorbFormer", "Model"),
        ("QuuxCoder: A Planning Framework for Repository Repair", "QuuxCoder", "Method"),
        ("QuuxGPT: Multi-modal Large Language Models with Adaptive Alignment", "QuuxGPT", "Model"),
    ],
)
def test_a_title_gloss_outranks_a_method_or_model_suffix_unless_it_names_a_kind(nlp, title, name, kind):
    assert entities(nlp, title, f"We introduce {name} and test it on 5 benchmarks.")[name].type == kind


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        ("Unlike traditional DNN-HMM models, our system learns all components jointly.", "DNN-HMM"),
        ("In comparison, the strong CNN-GRU model reaches a WER of 10.9% on Quux.", "CNN-GRU"),
    ],
)
def test_a_name_joining_architectures_before_a_model_noun_is_an_architecture(nlp, sentence, name):
    assert entities(nlp, "A study", sentence)[name].type == "Method"


def test_a_name_whose_models_the_paper_releases_is_a_model(nlp):
    found = entities(
        nlp,
        "ZorbNER: Targeted Distillation for Open Entity Recognition",
        "We release the distillation recipe, data, and ZorbNER models to the public.",
    )
    assert found["ZorbNER"].type == "Model"


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        ("Unlike the ZorbRank model, we rank documents by their trees.", "Method"),
        ("At inference time, our ZorbRank model retrieves from this tree.", "Model"),
        ("With four chips, we train a ZorbRank model that reaches 84.5% accuracy.", "Model"),
    ],
)
def test_a_model_noun_after_a_name_types_it_only_as_the_authors_own_model(nlp, sentence, kind):
    assert entities(nlp, "A study", sentence)["ZorbRank"].type == kind


def test_a_title_gloss_closing_on_one_model_still_makes_a_model(nlp):
    found = entities(nlp, "ZorbTTS: A Diffusion Probabilistic Model for Speech", "We introduce ZorbTTS for speech.")
    assert found["ZorbTTS"].type == "Model"


def test_sim_to_real_transfer_is_a_setting_so_a_task(nlp):
    found = entities(nlp, "A study", "We study sim-to-real transfer of ZorbWalker policies for quadruped robots.")
    assert found["sim-to-real transfer"].type == "Task"


def test_a_task_a_model_is_pre_trained_on_is_its_objective_a_method(nlp):
    found = entities(
        nlp,
        "A study",
        "Inspired by BERT, we devise a Masked Zorb Modeling (MZM) task to pre-train point cloud Transformers.",
    )
    assert found["Masked Zorb Modeling"].type == "Method"


def test_well_known_detection_and_parsing_measures_are_metrics(nlp):
    found = entities(
        nlp, "A study", "ZorbDet reaches 51.2 AP at 30 FPS on QuuxCOCO, and ZorbParse 95.1 UAS on QuuxBank."
    )
    assert {found[n].type for n in ("average precision", "frames per second", "unlabeled attachment score")} == {
        "Metric"
    }


def test_a_measure_at_a_cut_off_is_a_metric(nlp):
    found = entities(nlp, "A study", "ZorbRec improves Zorbness@10 by 9.3% and Quuxity@5 by 4.1% over the baselines.")
    assert found["Zorbness@10"].type == "Metric" and found["Quuxity@5"].type == "Metric"


def test_a_forecasting_centre_and_a_model_systems_group_are_organizations(nlp):
    found = entities(
        nlp,
        "A study",
        "ZorbCast beats the operational system of the European Centre for Medium-Range Weather Forecasts (ECMWF)"
        ". Its chat model is ranked by LMSYS.",
    )
    assert found["European Centre for Medium-Range Weather Forecasts"].type == "Organization"
    assert found["LMSYS"].type == "Organization"


def test_a_name_with_an_apostrophe_year_is_an_edition_of_an_evaluation(nlp):
    found = entities(nlp, "A study", "ZorbMT matches the winners of QMT'22 and QMT'23 with far fewer parameters.")
    assert found["QMT'22"].type == "Benchmark" and found["QMT'23"].type == "Benchmark"


@pytest.mark.parametrize("name", ["CosyVoice", "QuartzNet", "Pangu-Weather", "InternVideo", "NanoDet"])
def test_released_speech_weather_video_and_detection_systems_are_models(nlp, name):
    found = entities(nlp, "A study", f"We compare our approach with {name} on two tasks.")
    assert found[name].type == "Model"


@pytest.mark.parametrize("name", ["ResNeXt-48x2d-77", "CLIP-ViT-L-448px", "OpenAI-o1-0917"])
def test_a_known_architecture_or_model_at_a_size_is_a_checkpoint(nlp, name):
    found = entities(nlp, "A study", f"We use ZorbDet with {name} as the backbone on QuuxBench.")
    assert found[name].type == "Model"


def test_a_list_after_a_leaderboard_names_the_systems_on_it(nlp):
    found = entities(
        nlp,
        "A study",
        "ZorbLM outperforms many systems on the QuuxEval leaderboard, including Claude 2, Gemini Pro, and GPT-4.",
    )
    assert {found[n].type for n in ("Claude 2", "GPT-4")} == {"Model"}


def test_a_long_form_named_as_a_technique_for_a_task_is_no_task_and_names_its_task(nlp):
    found = entities(
        nlp,
        "A study",
        "We propose Zorbic Contrastive Learning for Sequential Recommendation (ZCLRec). "
        "ZCLRec outperforms strong baselines on three public datasets.",
    )
    system = found["Zorbic Contrastive Learning for Sequential Recommendation"]
    assert system.type == "Method" and system.role == "proposed"
    assert found["sequential recommendation"].type == "Task"


def test_the_papers_own_system_named_as_a_detector_is_a_model(nlp):
    found = entities(
        nlp,
        "Zorbic Glimpse Detector",
        "We present a method for detecting objects in images using a single network. "
        "Our Zorbic Glimpse Detector is fast and accurate on QuuxBench.",
    )
    assert found["Zorbic Glimpse Detector"].role == "proposed"
    assert found["Zorbic Glimpse Detector"].type == "Model"


def test_a_physics_simulator_is_a_system_not_a_benchmark(nlp):
    found = entities(
        nlp, "A study", "ZorbWalk trains humanoid policies in Isaac Gym and transfers them to a real robot."
    )
    assert found["Isaac Gym"].type == "Method"


def test_a_name_introduced_as_an_approach_is_no_benchmark_despite_its_suffix(nlp):
    found = entities(
        nlp,
        "A study",
        "We propose a training approach, called ZorbQA, for dense retrieval. ZorbQA outperforms strong baselines.",
    )
    assert found["ZorbQA"].type == "Method"


def test_an_unsized_segmentation_architecture_is_a_method(nlp):
    found = entities(nlp, "A study", "ZorbSeg extends DeepLabv3 with a lighter decoder and is evaluated on QuuxBench.")
    assert found["DeepLabv3"].type == "Method"


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        ("ZorbNet learns a world model of the environment and plans inside it.", "world model"),
        ("ZorbNet keeps negative keys in a memory bank of past batches.", "memory bank"),
        ("We train ZorbNet's verifier with process supervision on each reasoning step.", "process supervision"),
    ],
)
def test_a_known_lowercase_technique_from_the_catalogue_is_a_method(nlp, sentence, name):
    found = entities(nlp, "A study", sentence)
    assert found[name].type == "Method"


def test_throughput_and_wall_clock_time_are_efficiency_metrics(nlp):
    found = entities(
        nlp,
        "A study",
        "ZorbNet doubles the throughput of QuuxLM and halves its wall-clock time on long inputs.",
    )
    assert found["throughput"].type == "Metric" and found["throughput"].role == "used"
    assert found["wall-clock time"].type == "Metric"


@pytest.mark.parametrize(
    "sentence, metric",
    [
        ("ZorbNet lowers the top-5 error of QuuxNet to 2.3% on the validation set.", "top-5 error"),
        ("ZorbNet cuts the error rate of QuuxNet by 20% relative.", "error rate"),
        ("ZorbNet reaches 2.9 bits per dimension on QuuxImages.", "bits per dimension"),
        ("ZorbNet reports box AP and mask AP on QuuxDet.", "mask AP"),
        ("ZorbBandit attains the optimal regret under mild assumptions.", "regret"),
        ("ZorbRL improves the sample complexity of QuuxPolicy.", "sample complexity"),
    ],
)
def test_standard_error_and_distance_measures_are_metrics(nlp, sentence, metric):
    found = entities(nlp, "A study", sentence)
    assert found[metric].type == "Metric"


@pytest.mark.parametrize(
    "sentence",
    [
        "ZorbNet improves detection accuracy on QuuxDet by a wide margin.",
        "ZorbCoder attains 61.2% pass@1 accuracy on QuuxEval.",
    ],
)
def test_accuracy_of_a_process_or_of_another_measure_is_not_plain_accuracy(nlp, sentence):
    found = entities(nlp, "A study", sentence)
    assert "accuracy" not in found


def test_plain_accuracy_stays_a_metric(nlp):
    found = entities(nlp, "A study", "ZorbNet attains 83.1% accuracy and keeps its accuracy when pruned.")
    assert found["accuracy"].type == "Metric"


def test_unscored_accuracy_beside_a_top_k_accuracy_is_that_measure(nlp):
    found = entities(
        nlp,
        "A study",
        "Wider networks trade speed for better accuracy. ZorbNet reaches 84.1% top-1 accuracy on QuuxImages.",
    )
    assert "accuracy" not in found and found["top-1 accuracy"].type == "Metric"


def test_scored_accuracy_beside_a_top_k_accuracy_stays(nlp):
    found = entities(
        nlp, "A study", "ZorbNet reaches 84.1% top-1 accuracy on QuuxImages and 91.0% accuracy on QuuxDigits."
    )
    assert found["accuracy"].type == "Metric"


@pytest.mark.parametrize(
    "sentence, metric",
    [
        ("ZorbNet reaches 81.2% top-1 on QuuxImages with a small backbone.", "top-1 accuracy"),
        ("ZorbNet reaches 74.3% top-1 classification accuracy on QuuxImages.", "top-1 accuracy"),
        ("ZorbNet reaches 4.9% top-5 validation error on QuuxImages.", "top-5 error"),
    ],
)
def test_a_top_k_cut_off_after_a_score_is_its_measure(nlp, sentence, metric):
    found = entities(nlp, "A study", sentence)
    assert found[metric].type == "Metric"


def test_a_top_k_cut_off_before_another_noun_is_not_top_k_accuracy(nlp):
    found = entities(nlp, "A study", "ZorbDock obtains a 38% top-1 success rate on QuuxBind.")
    assert "top-1 accuracy" not in found


@pytest.mark.parametrize(
    "sentence, metric",
    [
        ("ZorbLM improves the state of the art to 0.99 bpc on QuuxText.", "bits per character"),
        ("ZorbNet gains 2.7% in average recall@1 on QuuxRetrieval.", "Recall@1"),
        ("ZorbDiT with higher Gflops attains lower loss on QuuxImages.", "FLOPs"),
    ],
)
def test_lowercase_spellings_of_standard_measures_are_metrics(nlp, sentence, metric):
    found = entities(nlp, "A study", sentence)
    assert found[metric].type == "Metric"


def test_an_r1_suffix_or_a_nano_size_marks_a_trained_model(nlp):
    found = entities(
        nlp,
        "A study",
        "We present Zorb-R1, trained with reinforcement learning, and compare it with YOLO-Nano on QuuxBench.",
    )
    assert found["Zorb-R1"].type == "Model"
    assert found["YOLO-Nano"].type == "Model"


def test_a_task_short_form_before_the_model_noun_leaves_the_noun_to_the_name_it_introduces(nlp):
    found = entities(
        nlp, "A study", "We present a single pre-trained QA model, ZorbQA, that performs well on QuuxBench."
    )
    assert found["ZorbQA"].type == "Model"


@pytest.mark.parametrize("name", ["UnifiedQA", "code-davinci-002", "Claude Instant", "text-davinci-002"])
def test_well_known_released_models_are_models_whatever_their_shape(nlp, name):
    """Catalogue coverage: released checkpoints whose names look like data or like nothing
    ("UnifiedQA", "code-davinci-002") are models."""
    found = entities(nlp, "ZorbNet: A Simple Baseline", f"We compare ZorbNet with {name} on QuuxBench.")
    assert found[name].type == "Model"


@pytest.mark.parametrize("name", ["ImageBind", "Jukebox", "RoseTTAFold", "Stable Audio"])
def test_well_known_vision_audio_and_science_models_are_models(nlp, name):
    """Catalogue coverage: released multimodal, audio and protein models ("ImageBind",
    "RoseTTAFold") are models, not methods by default."""
    found = entities(nlp, "ZorbNet: A Simple Baseline", f"We compare ZorbNet with {name} on QuuxBench.")
    assert found[name].type == "Model"


@pytest.mark.parametrize("name", ["Cosmopedia", "StarCoderData", "Panda-70M", "Libriheavy"])
def test_well_known_training_corpora_are_datasets(nlp, name):
    """Catalogue coverage: corpora models are trained on ("Cosmopedia", "Panda-70M") are datasets."""
    found = entities(nlp, "ZorbNet: A Simple Baseline", f"We pre-train ZorbNet on {name} and release the weights.")
    assert found[name].type == "Dataset"


@pytest.mark.parametrize("name", ["GSM-Symbolic", "SugarCrepe", "FUNSD", "XWinograd"])
def test_well_known_benchmarks_are_benchmarks_without_an_evaluation_cue(nlp, name):
    """Catalogue coverage: well-known evaluation sets ("GSM-Symbolic", "FUNSD") are benchmarks
    even where the sentence says only that they are used."""
    found = entities(nlp, "ZorbNet: A Simple Baseline", f"We use {name} in our experiments with ZorbNet.")
    assert found[name].type == "Benchmark"


@pytest.mark.parametrize("name", ["Urban100", "ICEWS14", "Diginetica", "SWaT", "Acrobot"])
def test_well_known_benchmarks_of_vision_graphs_recommenders_time_series_and_rl(nlp, name):
    """Catalogue coverage beyond language: super-resolution, temporal knowledge graph,
    session recommendation, anomaly detection and control benchmarks ("Urban100", "SWaT")."""
    found = entities(nlp, "ZorbNet: A Simple Baseline", f"We use {name} in our experiments with ZorbNet.")
    assert found[name].type == "Benchmark"


@pytest.mark.parametrize("name", ["FewRel", "BANKING77", "DailyDialog", "SciTail"])
def test_well_known_nlp_benchmarks_are_benchmarks(nlp, name):
    """Catalogue coverage: relation extraction, intent, dialogue and entailment benchmarks
    ("FewRel", "BANKING77") are benchmarks."""
    found = entities(nlp, "ZorbNet: A Simple Baseline", f"We use {name} in our experiments with ZorbNet.")
    assert found[name].type == "Benchmark"


@pytest.mark.parametrize("name", ["CheXNet", "ProphetNet", "Inception-ResNet-v2"])
def test_well_known_released_networks_are_models(nlp, name):
    """Catalogue coverage: released networks and checkpoints ("CheXNet", "Inception-ResNet-v2") are
    models even where nothing around them says so."""
    found = entities(nlp, "ZorbNet: A Simple Baseline", f"ZorbNet builds on {name} for the detector.")
    assert found[name].type == "Model"


@pytest.mark.parametrize("name", ["Phind-CodeLlama", "Whisper large-v3"])
def test_well_known_checkpoints_of_known_families_are_models(nlp, name):
    """Catalogue coverage: released checkpoints of known families ("Phind-CodeLlama",
    "Whisper large-v3") are models."""
    found = entities(nlp, "ZorbNet: A Simple Baseline", f"ZorbNet builds on {name} for the detector.")
    assert found[name].type == "Model"


@pytest.mark.parametrize("name", ["ToxicChat", "VitaminC", "ZebraLogic", "TravelPlanner"])
def test_well_known_llm_era_benchmarks_are_benchmarks(nlp, name):
    """Catalogue coverage: safety, fact-checking, reasoning and agent benchmarks of the LLM era
    ("ToxicChat", "TravelPlanner") are benchmarks."""
    found = entities(nlp, "ZorbNet: A Simple Baseline", f"We use {name} in our experiments with ZorbNet.")
    assert found[name].type == "Benchmark"


@pytest.mark.parametrize("name", ["CrowdPose", "AffectNet", "MedleyDB", "QuixBugs"])
def test_well_known_older_benchmarks_of_vision_audio_and_code_are_benchmarks(nlp, name):
    """Catalogue coverage: pose, facial expression, music and program repair benchmarks
    ("CrowdPose", "QuixBugs") are benchmarks."""
    found = entities(nlp, "ZorbNet: A Simple Baseline", f"We use {name} in our experiments with ZorbNet.")
    assert found[name].type == "Benchmark"


@pytest.mark.parametrize("name", ["KMMLU", "ScanRefer", "WikiLingua", "Visual7W"])
def test_well_known_multilingual_3d_and_visual_benchmarks_are_benchmarks(nlp, name):
    """Catalogue coverage: multilingual exams and summaries, 3D grounding and visual question
    answering ("KMMLU", "ScanRefer") are benchmarks."""
    found = entities(nlp, "ZorbNet: A Simple Baseline", f"We use {name} in our experiments with ZorbNet.")
    assert found[name].type == "Benchmark"


def test_an_untyped_name_with_sized_checkpoints_in_the_text_is_a_model_family(nlp):
    found = entities(
        nlp,
        "Wombat: Fixing Preference Tuning",
        "Tuning with our loss, we release Wombat-8B and Wombat-70B to the public.",
    )
    assert found["Wombat"].type == "Model"


def test_own_words_type_a_catalogued_system_the_paper_proposes(nlp):
    found = entities(
        nlp,
        "DINO: Denoising Anchors",
        "We present DINO (DETR with Improved deNoising anchOr boxes), a fast object detector.",
    )
    assert found["DINO"].type == "Model" and found["DINO"].role == "proposed"
    found = entities(
        nlp,
        "A Pairwise Loss",
        "We propose the Sigmoid loss for Language-Image Pairs (SigLIP), which scores every pair on its own.",
    )
    assert found["SigLIP"].type == "Method" and found["SigLIP"].role == "proposed"


def test_a_catalogued_method_the_paper_introduces_as_a_family_of_models_is_a_model(nlp):
    abstract = "We introduce ControlNet, a collection of vision models trained to add spatial control."
    found = entities(nlp, "A study", abstract)
    assert found["ControlNet"].type == "Model" and found["ControlNet"].role == "proposed"
    abstract = "We introduce ControlNet, a neural network that adds spatial control to diffusion models."
    assert entities(nlp, "A study", abstract)["ControlNet"].type == "Method"


def test_catalogued_system_used_by_the_paper_keeps_the_catalogue_type(nlp):
    found = entities(nlp, "A study", "We fine-tune DINO, a strong object detector, on our aerial images.")
    assert found["DINO"].type == "Method"


def test_model_noun_of_a_name_before_called_does_not_make_the_called_name_a_model(nlp):
    found = entities(
        nlp, "A study", "We design a short recipe on top of the Flan-T5 model called QuickTune for new tasks."
    )
    assert found["QuickTune"].type == "Method"


@pytest.mark.parametrize(
    "sentence",
    [
        "We fine-tune Llama 2 on the Zorblax corpus and evaluate it on MMLU.",
        "After 3 epochs of finetuning on the Zorblax corpus, the model improves on MMLU.",
    ],
)
def test_data_a_model_is_fine_tuned_on_is_no_benchmark_for_a_number_in_its_name(nlp, sentence):
    found = entities(nlp, "A study", sentence)
    assert found["Zorblax"].type == "Dataset" and found["Zorblax"].role == "used"


@pytest.mark.parametrize(
    "sentence",
    [
        "We train on three datasets: Zorb, Quux and Blix.",
        "We train on the Zorb, Quux and Blix corpora.",
        "We train on datasets such as Zorb, Quux and Blix.",
    ],
)
def test_single_words_listed_beside_a_plural_data_noun_are_data(nlp, sentence):
    found = entities(nlp, "A study", sentence)
    assert all(found[n].type == "Dataset" and found[n].role == "used" for n in ("Zorb", "Quux", "Blix"))


@pytest.mark.parametrize("name", ["Tiny Shakespeare", "Google Books Ngram", "Blended Skill Talk", "Aya Collection"])
def test_well_known_corpora_and_instruction_collections_are_datasets(nlp, name):
    """Catalogue coverage: web, book and dialogue corpora and instruction collections models are
    trained on ("Google Books Ngram", "Aya Collection") are datasets."""
    found = entities(nlp, "ZorbNet: A Simple Baseline", f"We pre-train ZorbNet on {name} for two days.")
    assert found[name].type == "Dataset" and found[name].role == "used"


def test_plain_capitalised_words_before_a_model_noun_name_how_it_is_built(nlp):
    abstract = "Compared to the latest Wide & Shallow model from Zorbco, ZorbFM shares its input. ZorbFM is fast."
    found = entities(nlp, "A study", abstract)
    assert found["Wide & Shallow"].type == "Method"


def test_a_data_source_named_before_api_is_a_service_not_data(nlp):
    found = entities(nlp, "A study", "Our agent calls a simple Wikipedia API and beats baselines on HotpotQA.")
    assert "Wikipedia" not in found and found["HotpotQA"].type == "Benchmark"


def test_a_system_named_with_its_backbone_depth_is_a_trained_model(nlp):
    """Guide rule 1: "-R50" / "-X101" name one trained configuration of a detector, a checkpoint."""
    abstract = "Our ZorbDet-R50 achieves 53.1% AP, outperforming Quux-Deformable-Blix-R50 by 2.2% AP."
    found = entities(nlp, "A study", abstract)
    assert found["Quux-Deformable-Blix-R50"].type == "Model" and found["ZorbDet-R50"].type == "Model"


def test_an_approach_named_in_its_apposition_is_a_method_despite_a_model_suffix(nlp):
    abstract = (
        "Zorb models are trained on 75K examples using Quux-Instruct, a novel approach to enlightening LLMs with code."
    )
    found = entities(nlp, "A study", abstract)
    assert found["Quux-Instruct"].type == "Method"


def test_the_first_detector_in_an_apposition_makes_the_name_a_model(nlp):
    abstract = "To avoid the delay, we propose a Quick Zorb TRansformer (QZ-TR), the first real-time end-to-end object detector."
    found = entities(nlp, "A study", abstract)
    assert found["Quick Zorb TRansformer"].type == "Model"


def test_a_capitals_suffix_does_not_type_a_short_form_the_text_spells_out(nlp):
    abstract = (
        "Retrieval-Augmented Language Modeling (RALM) methods condition a language model on documents. "
        "This paper considers a simple alternative, which we dub Zorbic RALM: leaving the architecture unchanged."
    )
    found = entities(nlp, "A study", abstract)
    assert found["Zorbic RALM"].type == "Method"


def test_the_giant_and_enormous_vision_transformer_sizes_are_checkpoints(nlp):
    abstract = (
        "Since existing ones are small, we train a large, 4-billion parameter ViT (ViT-e) and compare it to ViT-g/14."
    )
    found = entities(nlp, "A study", abstract)
    assert found["ViT-e"].type == "Model"


def test_a_name_used_as_training_data_is_a_dataset(nlp):
    found = entities(nlp, "A study", "Using QuillText as training data, ZorbLM improves accuracy on GLUE by 2 points.")
    assert (found["QuillText"].type, found["QuillText"].role) == ("Dataset", "used")


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        ("Our problems reflect realistic use cases since we collected them from StackOverflow.", "Stack Overflow"),
        ("We pre-train ZorbLM on Stack Exchange and 80 Million Tiny Images.", "Stack Exchange"),
    ],
)
def test_well_known_sources_of_training_data_are_datasets(nlp, sentence, name):
    found = entities(nlp, "A study", sentence)
    assert (found[name].type, found[name].role) == ("Dataset", "used")


def test_well_known_training_sets_of_image_restoration_and_generation_are_datasets(nlp):
    found = entities(nlp, "A study", "We train ZorbSR on DF2K and ZorbGAN on Danbooru, and report PSNR on Set5.")
    assert {(found[n].type, found[n].role) for n in ("DF2K", "Danbooru")} == {("Dataset", "used")}


@pytest.mark.parametrize(
    ("sentence", "name", "expected"),
    [
        (
            "We release three resources. 1) Q-ZMB is a comprehensive benchmark for text embeddings.",
            "Q-ZMB",
            "Benchmark",
        ),
        ("We release three resources. 2) Q-ZMP is a massive text embedding dataset for training.", "Q-ZMP", "Dataset"),
    ],
)
def test_a_copula_definition_types_a_new_name_and_keeps_it_proposed(nlp, sentence, name, expected):
    # "X is a <noun> ..." says what X is, as the apposition "X, a <noun> ..." does; the data the
    # paper defines this way is its own.
    found = entities(nlp, "A study", sentence)
    assert found[name].type == expected and found[name].role == "proposed"


def test_own_system_named_before_a_task_is_not_a_benchmark(nlp):
    # LPCNet: "We propose LPCNet, a WaveRNN variant ... high quality LPCNet speech synthesis is achievable".
    found = entities(
        nlp,
        "ZorbNet: Improving Neural Speech Synthesis Through Linear Prediction",
        "We propose ZorbNet, a WaveRNN variant that combines linear prediction with recurrent networks. "
        "We show that high quality ZorbNet speech synthesis is achievable.",
    )
    assert found["ZorbNet"].type == "Method"


def test_a_name_before_a_task_is_still_the_benchmark_it_is_measured_on(nlp):
    found = entities(nlp, "A study", "Our parser reaches a new state of the art on the ZorbNotes coreference task.")
    assert found["ZorbNotes"].type == "Benchmark"


def test_known_dataset_its_own_paper_calls_a_benchmark_is_a_benchmark(tmp_path):
    # Super-NaturalInstructions: "we first introduce Super-NaturalInstructions, a benchmark of 1,616 diverse NLP tasks".

    found = entities(
        pipeline_with(tmp_path, '{"name": "Zorb-Instructions", "type": "Dataset", "aliases": []}\n'),
        "Zorb-Instructions: Generalization via Declarative Instructions on 1600+ NLP Tasks",
        "We first introduce Zorb-Instructions, a benchmark of 1,616 diverse NLP tasks and their instructions.",
    )
    assert (found["Zorb-Instructions"].type, found["Zorb-Instructions"].role) == ("Benchmark", "proposed")
