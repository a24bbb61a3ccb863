"""Task phrases: which phrases name a task and where the task's name begins and ends."""

from __future__ import annotations

import pytest

from tests.test_extraction import entities


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


def test_task_phrase_from_the_title_is_evaluated_on(nlp):
    found = entities(nlp, "Sparse Adapters for Zero-shot Image Captioning", "We improve zero-shot image captioning.")
    assert found["zero-shot image captioning"].type == "Task"
    assert found["zero-shot image captioning"].role == "evaluated_on"


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


def test_a_one_word_list_member_before_a_noun_names_no_task(nlp):
    found = entities(nlp, "A study", "It is tested on tasks including search engines, object recognition and OCR.")
    assert "search" not in found
    assert found["object recognition"].type == "Task"


def test_the_verb_after_a_relative_pronoun_opens_no_task_name(nlp):
    found = entities(
        nlp,
        "ZetaNet: A Detector",
        "We propose methods which combine object recognition and tracking. ZetaNet improves object recognition.",
    )
    assert "object recognition" in found and not [n for n in found if n.startswith("combine")]


def test_a_list_member_of_several_words_ending_in_no_task_word_is_no_task(nlp):
    found = entities(
        nlp,
        "ZetaNet: A Detector",
        "ZetaNet does well on tasks including elementary mathematics, learning simulated robotic swimming, "
        "and object recognition.",
    )
    assert found["object recognition"].type == "Task"
    assert "elementary mathematics" not in found and "learning simulated robotic" not in found


@pytest.mark.parametrize(
    ("title", "abstract"),
    [
        ("Benchmarking Neural Network Robustness to Common Corruptions", "We measure it."),
        ("A Study", "Few guarantees exist on model generalization ability. We improve model generalization here."),
    ],
)
def test_a_quality_named_only_with_its_system_is_no_task(nlp, title, abstract):
    found = entities(nlp, title, abstract)
    assert not [name for name in found if name.endswith(("robustness", "generalization"))]


def test_members_after_tasks_of_are_tasks_when_each_ends_in_a_task_word(nlp):
    found = entities(nlp, "A study", "It wins on the tasks of chart caption generation and table cell retrieval.")
    assert found["chart caption generation"].type == "Task"
    found = entities(nlp, "A study", "We study tasks of varying difficulty and reward generation.")
    assert not [name for name in found if "difficulty" in name]


def test_a_list_after_tasks_of_ends_at_the_member_after_and(nlp):
    """ "Across the tasks of X, Y, and Z, RLAIF achieves ...": the fronted list ends at the member
    after "and"; the main clause that follows is no member to reject the list by."""
    found = entities(
        nlp,
        "A study",
        "Across the tasks of chart caption generation, table cell retrieval, and helpful dialogue generation,"
        " ZetaNet achieves comparable or superior performance.",
    )
    assert found["table cell retrieval"].type == "Task"
    assert found["helpful dialogue generation"].type == "Task"


def test_earlier_members_before_tasks_are_tasks(nlp):
    found = entities(nlp, "A study", "It excels on both narration alignment and event argument extraction tasks.")
    assert found["narration alignment"].type == "Task"
    assert found["event argument extraction"].type == "Task"


def test_verb_forms_and_adverbs_do_not_open_a_task_phrase(nlp):
    found = entities(nlp, "A study", "A detector achieving state-of-the-art object detection, including segmentation.")
    assert "achieving state-of-the-art object detection" not in found
    assert "object detection" in found


@pytest.mark.parametrize(
    "sentence",
    [
        "Earlier attempts to unify image segmentation failed. Nothing can truly unify image segmentation.",
        "PaLM has the strongest machine translation quality. Others show the strongest machine translation scores.",
    ],
)
def test_a_verb_base_form_or_a_superlative_opens_no_task_name(nlp, sentence):
    found = entities(nlp, "A study", sentence)
    assert not [name for name in found if name.startswith(("unify", "strongest"))]


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


@pytest.mark.parametrize("noun", ["datasets", "benchmarks", "setting"])
def test_hyphenated_task_before_a_task_noun_is_the_task(nlp, noun):
    """ "seven question-answering datasets", "in the instruction-following setting": data or a
    setting named by its task names the task, as "question-answering tasks" does."""
    found = entities(nlp, "ZetaNet: Sparse Adapters", f"ZetaNet improves results on seven question-answering {noun}.")
    assert found["question answering"].type == "Task"


def test_hyphenated_task_before_a_capability_is_the_task(nlp):
    """ "improving the instruction-following capabilities of pretrained language models": a
    model's capability at a task names the task it is tested on."""
    found = entities(nlp, "ZetaNet: Sparse Adapters", "ZetaNet improves the question-answering capabilities of LLMs.")
    assert found["question answering"].type == "Task"


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


def test_a_paradigm_listed_with_tasks_is_a_setting_but_not_among_compared_baselines(nlp):
    found = entities(
        nlp, "A study", "We demonstrate ZorbNet across trajectory prediction, imitation learning, and offline RL."
    )
    assert found["imitation learning"].type == "Task"
    found = entities(nlp, "A study", "ZorbNet outperforms imitation learning, offline RL and sequence tagging.")
    assert found["imitation learning"].type == "Method"


def test_learning_technique_as_purpose_stays_a_method_the_work_uses(nlp):
    found = entities(nlp, "ZorbNet: A Framework for Self-Supervised Learning", "We propose ZorbNet for speech.")
    assert found["self-supervised learning"].type == "Method"
    assert found["self-supervised learning"].role == "used"
    found = entities(nlp, "A study", "We propose a new family of methods for contrastive learning.")
    assert found["contrastive learning"].type == "Method"


def test_title_phrase_before_for_is_the_means_unless_for_a_model_class(nlp):
    found = entities(nlp, "Dynamic Gradient Alignment for Online Data Mixing", "We mix data online.")
    assert "dynamic gradient alignment" not in found and "online data mixing" in found
    found = entities(nlp, "Rethinking Test-Time Alignment for Language Models", "We align at test time.")
    assert found["test-time alignment"].type == "Task"


@pytest.mark.parametrize(
    ("title", "task"),
    [
        ("Deep Compression: Compressing Deep Neural Networks with Pruning", "deep neural network compression"),
        ("Detecting Objects in Cluttered Scenes", "object detection"),
    ],
)
def test_title_opening_with_a_task_verb_names_the_task(nlp, title, task):
    found = entities(nlp, title, "We report results.")
    assert found[task].type == "Task"


@pytest.mark.parametrize(
    ("title", "named"),
    [
        ("Evaluating Object Hallucination in Large Vision-Language Models", "object hallucination evaluation"),
        ("ZetaBench: Evaluating Reward Models for Language Modeling", "reward model evaluation"),
    ],
)
def test_title_opening_with_evaluating_names_no_evaluation_task(nlp, title, named):
    found = entities(nlp, title, "We report results.")
    assert named not in found


def test_title_verb_with_a_named_object_is_not_a_task(nlp):
    found = entities(nlp, "Insights into Alignment: Aligning DPO and its Variants", "We compare methods.")
    assert "DPO alignment" not in found and "dpo alignment" not in found


def test_task_a_paper_is_tested_on_is_a_task_even_once(nlp):
    found = entities(nlp, "A study", "We report substantial gains on span selection tasks such as coreference.")
    assert found["span selection"].type == "Task"
    found = entities(nlp, "A study", "We report gains on NLP tasks.")
    assert "NLP" not in found


def test_general_task_inside_a_specific_one_joins_it(nlp):
    found = entities(
        nlp, "Better Zero-shot Image Captioning", "Image captioning models often fail; we improve image captioning."
    )
    assert "image captioning" in found["zero-shot image captioning"].aliases and "image captioning" not in found


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


def test_a_known_task_with_a_preposition_inside_is_not_grown_over_title_words(nlp):
    found = entities(nlp, "Direct Preference Alignment of LLMs", "We study preference data.")
    assert "direct preference alignment of llms" not in found


def test_a_task_phrase_before_a_method_noun_is_not_a_task(nlp):
    found = entities(
        nlp, "A study", "We add a constraint alignment loss. The constraint alignment loss improves accuracy."
    )
    assert "constraint alignment" not in found


def test_learning_a_named_object_in_the_title_is_a_task(nlp):
    found = entities(nlp, "Visuomotor Policy Learning via Action Diffusion", "We study robots.")
    assert found["visuomotor policy learning"].type == "Task"


@pytest.mark.parametrize(
    ("title", "absent", "present"),
    [
        ("Patient Knowledge Distillation for BERT Model Compression", "bert model compression", "model compression"),
        ("Zephyr: Direct Distillation of LM Alignment", "lm alignment", None),
        ("COMET: A Neural Framework for MT Evaluation", None, "MT evaluation"),
    ],
)
def test_a_model_named_in_a_title_task_is_its_object_not_part_of_the_task(nlp, title, absent, present):
    found = entities(nlp, title, "We study it.")
    assert absent not in found and (present is None or found[present].type == "Task")


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
    ("sentence", "how"),
    [
        ("ZorbGAN achieves high quality image synthesis on faces.", "high"),
        ("We evaluate on the widely used syntactic constituency parsing task.", "used"),
        ("ZorbNet serves sophisticated industrial recommendation tasks.", "sophisticated"),
        ("ZorbNet learns distinct tabular classification tasks.", "distinct"),
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


def test_a_granularity_level_stays_in_the_task_name(nlp):
    found = entities(nlp, "Document-Level Event Extraction with Sparse Cues", "We propose ZetaNet, a model.")
    assert found["document-level event extraction"].type == "Task"
    assert "event extraction" not in found


def test_a_performance_level_is_not_part_of_the_task_name(nlp):
    found = entities(nlp, "ZetaNet: Expert-Level Tumor Detection on Chest Scans", "We propose ZetaNet, a model.")
    assert found["tumor detection"].type == "Task"


def test_what_a_problem_is_recast_as_is_no_task(nlp):
    found = entities(
        nlp,
        "ZetaNet: A Tumor Detector",
        "ZetaNet views tumor detection as a direct box prediction. It reaches strong tumor detection results.",
    )
    assert found["tumor detection"].type == "Task" and "direct box prediction" not in found
    found = entities(nlp, "ZetaNet: A Tumor Detector", "We solve tumor detection in a per-pixel prediction fashion.")
    assert found["tumor detection"].type == "Task" and "per-pixel prediction" not in found


def test_a_task_after_as_well_as_is_still_a_task(nlp):
    found = entities(
        nlp, "ZetaNet: A Tagger", "ZetaNet performs entity tagging, as well as relation classification with cues."
    )
    assert found["relation classification"].type == "Task"


@pytest.mark.parametrize(
    ("title", "task"),
    [
        ("ZetaNet: Mitigating Catastrophic Forgetting in Sparse Adapters", "catastrophic forgetting"),
        ("Improving Group Robustness with Sparse Adapters", "group robustness"),
        ("Sparse Noise Adapters for Exploration", "exploration"),
    ],
)
def test_a_problem_the_title_names_is_a_task(nlp, title, task):
    found = entities(nlp, title, "We propose ZetaNet, a method.")
    assert found[task].type == "Task"
    assert found[task].role == "evaluated_on"


def test_a_bare_quality_in_the_title_is_no_task(nlp):
    found = entities(nlp, "ZetaNet: Improving Generalization with Sparse Adapters", "We propose ZetaNet, a method.")
    assert "generalization" not in found


def test_a_kind_of_task_is_no_task(nlp):
    found = entities(nlp, "ZetaNet: A Study", "ZetaNet gains on long-context tasks and on zero-shot tasks.")
    assert "long-context" not in found and "zero-shot" not in found


@pytest.mark.parametrize(
    ("abstract", "task"),
    [
        ("ZetaNet reaches 80% top-1 accuracy on ImageNet classification.", "image classification"),
        ("ZetaNet also improves COCO detection by 2 AP.", "object detection"),
        ("ZetaNet won the ILSVRC 2019 classification track.", "image classification"),
        ("ZetaNet also leads on ImageNet localization.", "object localization"),
    ],
)
def test_a_bare_task_noun_after_a_photo_benchmark_names_the_image_task(nlp, abstract, task):
    found = entities(nlp, "ZetaNet: Sparse Adapters", abstract)
    assert found[task].type == "Task"
    assert found[task].role == "evaluated_on"
    assert "classification" not in found and "detection" not in found


@pytest.mark.parametrize(
    "abstract",
    [
        "It leads to the best performance on the MS-COCO benchmark among the DETR-like detection models.",
        "Current detectors are slow. ZetaNet reaches 50 AP on MS-COCO.",
    ],
)
def test_detection_in_a_paper_tested_on_photographs_is_object_detection(nlp, abstract):
    found = entities(nlp, "ZetaNet: Sparse Adapters", abstract)
    assert found["object detection"].type == "Task"


def test_what_else_is_detected_keeps_detection_from_naming_object_detection(nlp):
    found = entities(
        nlp, "ZetaNet: Sparse Adapters", "Current face detectors are slow. ZetaNet reaches 50 AP on MS-COCO."
    )
    assert "object detection" not in found


def test_the_title_names_the_image_task_of_a_photo_benchmark(nlp):
    found = entities(nlp, "ZetaNet: ImageNet Classification with Sparse Adapters", "We propose ZetaNet.")
    assert "image classification" in found and "imagenet classification" not in found


@pytest.mark.parametrize("subject", ["we", "ZetaNet can"])
def test_the_verb_after_a_subject_does_not_open_a_task_name(nlp, subject):
    found = entities(
        nlp,
        "ZetaNet: Sparse Adapters",
        f"First, {subject} cast tumor detection as ranking. ZetaNet helps tumor detection.",
    )
    assert "tumor detection" in found and "cast tumor detection" not in found


@pytest.mark.parametrize(
    "phrase",
    ["representation learning on graphs", "representation learning of graphs", "representation learning with graphs"],
)
def test_representation_learning_on_graphs_is_graph_representation_learning(nlp, phrase):
    found = entities(nlp, "ZetaNet: Sparse Adapters", f"We study {phrase}. ZetaNet improves {phrase}.")
    assert found["graph representation learning"].type == "Task"
    assert "representation learning" not in found


def test_representation_learning_on_graph_parts_keeps_its_name(nlp):
    found = entities(nlp, "ZetaNet: Sparse Adapters", "We study representation learning on graph autoencoders here.")
    assert "graph representation learning" not in found


@pytest.mark.parametrize("head", ["ZetaSet dataset", "audio-language models"])
def test_a_hyphenated_task_before_a_name_or_hyphenated_noun_is_a_modifier(nlp, head):
    found = entities(nlp, "ZetaNet: Sparse Adapters", f"We fine-tune ZetaNet on our long instruction-following {head}.")
    assert "instruction following" not in found


def test_an_abstract_phrase_before_a_model_noun_describes_the_model(nlp):
    found = entities(
        nlp,
        "ZetaNet: A Study",
        "We build portable glyph recognition models. Our portable glyph recognition networks run on phones.",
    )
    assert "portable glyph recognition" not in found


def test_a_phrase_ending_in_inference_named_once_is_no_task(nlp):
    found = entities(nlp, "ZetaNet: A Study", "ZetaNet allows fast glyph inference on phones.")
    assert "fast glyph inference" not in found and "glyph inference" not in found


@pytest.mark.parametrize("word", ["recent", "comprehensive", "alternative"])
def test_an_evaluative_adjective_does_not_open_a_task_name(nlp, word):
    found = entities(
        nlp, "ZetaNet: A Study", f"ZetaNet improves {word} glyph retrieval. It helps {word} glyph retrieval."
    )
    assert "glyph retrieval" in found and f"{word} glyph retrieval" not in found


def test_a_prediction_named_once_is_no_task(nlp):
    """ "a look-ahead scheme for anchor box prediction": what a model predicts on the way is
    rarely a task; a prediction task is kept when repeated or listed as one."""
    abstract = "ZorbNet uses a look-ahead scheme for anchor box prediction. ZorbNet improves object detection."
    found = entities(nlp, "ZorbNet: A Study", abstract)
    assert "anchor box prediction" not in found
    assert found["object detection"].type == "Task"


def test_a_task_phrase_naming_benchmarks_is_a_task(nlp):
    """ "across the glyph reasoning benchmarks": the kind of benchmark a paper is scored on
    names a task it is tested on, even when named once."""
    abstract = "ZorbNet gets the best score across the glyph reasoning benchmarks."
    found = entities(nlp, "ZorbNet: A Study", abstract)
    assert found["glyph reasoning"].type == "Task"
    assert found["glyph reasoning"].role == "evaluated_on"


@pytest.mark.parametrize("verb", ["has long studied", "have labelled"])
def test_words_after_has_or_have_do_not_open_a_task_name(nlp, verb):
    abstract = f"The field {verb} glyph retrieval. ZorbNet improves glyph retrieval."
    found = entities(nlp, "ZorbNet: A Study", abstract)
    assert "glyph retrieval" in found
    assert not [n for n in found if n.endswith("glyph retrieval") and n != "glyph retrieval"]


def test_a_sentence_opening_with_a_task_as_its_subject_names_it_in_full(nlp):
    """ "Multivariate glyph series forecasting is ...": the capitalised first word of a sentence
    about the task belongs to its name."""
    abstract = (
        "Multivariate glyph series forecasting is an open problem. "
        "ZorbNet handles glyph series forecasting with attention."
    )
    found = entities(nlp, "ZorbNet: A Study", abstract)
    assert found["multivariate glyph series forecasting"].type == "Task"


def test_a_kind_of_generalization_is_a_task(nlp):
    """ "compositional generalization", "out-of-domain generalization": generalization named
    with its kind is a problem the paper reports results on."""
    abstract = "ZorbNet targets glyph-to-rune generalization. Results show strong glyph-to-rune generalization."
    found = entities(nlp, "ZorbNet: A Study", abstract)
    assert found["glyph-to-rune generalization"].type == "Task"


def test_a_known_system_named_after_its_task_and_written_as_that_task_is_the_task(nlp):
    found = entities(
        nlp,
        "ZorbPT: Pre-training for Dense Passage Retrieval",
        "We pre-train ZorbPT to improve dense passage retrieval on open-domain question answering.",
    )
    assert found["dense passage retrieval"].type == "Task"


def test_a_known_system_named_by_its_short_form_stays_a_method(nlp):
    found = entities(
        nlp,
        "A study",
        "ZorbQA retrieves passages with Dense Passage Retrieval (DPR) and reads them; DPR is frozen.",
    )
    assert found["Dense Passage Retrieval"].type == "Method"


def test_a_paradigm_naming_the_kind_of_a_new_approach_is_the_setting(nlp):
    found = entities(
        nlp,
        "A study",
        "Multi-task learning is widely used in recommendation. We propose a novel multi-task learning "
        "approach, ZorbMoE, that shares experts across tasks.",
    )
    assert found["multi-task learning"].type == "Task"


def test_a_paradigm_naming_other_methods_stays_a_method(nlp):
    found = entities(
        nlp, "A study", "ZorbVLA outperforms imitation learning methods such as QuuxPolicy on manipulation."
    )
    assert found["imitation learning"].type == "Method"


def test_a_long_form_the_title_names_as_a_task_is_that_task(nlp):
    found = entities(
        nlp,
        "Zorbic Attention Flow for Machine Comprehension",
        "Machine comprehension (MC), answering a query about a given context paragraph, requires modeling "
        "complex interactions between the context and the query.",
    )
    assert found["machine comprehension"].type == "Task"


@pytest.mark.parametrize(
    "task",
    ["sequence labeling", "legged locomotion", "document ranking", "adversarial robustness", "image colorization"],
)
def test_well_known_tasks_named_once_are_tasks(nlp, task):
    found = entities(nlp, "ZorbNet: A Simple Baseline", f"ZorbNet is a new network. We also study {task} with ZorbNet.")
    assert found[task].type == "Task"


@pytest.mark.parametrize("task", ["language identification", "learning with noisy labels", "video super-resolution"])
def test_more_well_known_tasks_named_once_are_tasks(nlp, task):
    """The second catalogue batch of well-known tasks."""
    found = entities(nlp, "ZorbNet: A Simple Baseline", f"ZorbNet is a new network. We also study {task} with ZorbNet.")
    assert found[task].type == "Task"


@pytest.mark.parametrize("task", ["slot filling", "molecular docking"])
def test_a_third_batch_of_well_known_tasks_named_once_are_tasks(nlp, task):
    found = entities(nlp, "ZorbNet: A Simple Baseline", f"ZorbNet is a new network. It is applied to {task} as well.")
    assert found[task].type == "Task"


@pytest.mark.parametrize("verb", ["study", "investigate", "leverage"])
def test_research_verbs_do_not_open_a_task_name(nlp, verb):
    found = entities(
        nlp, "ZorbNet: A Simple Baseline", f"We also {verb} knowledge editing. ZorbNet improves knowledge editing."
    )
    assert "knowledge editing" in found and not [n for n in found if n.startswith(verb)]


def test_a_task_word_alone_in_the_title_is_no_task(nlp):
    found = entities(nlp, "ZorbNet: Less Is More for Alignment", "We fine-tune ZorbNet on a thousand curated examples.")
    assert "alignment" not in found


def test_a_known_problem_alone_in_the_title_is_a_task(nlp):
    found = entities(nlp, "Zorb Bonuses for Exploration", "We add a bonus to the reward of a QuuxNet agent.")
    assert found["exploration"].type == "Task"


@pytest.mark.parametrize(
    ("written", "task"),
    [
        ("symbolic reasoning", "symbolic reasoning"),
        ("phrase grounding", "phrase grounding"),
        ("object counting", "object counting"),
        ("zero-shot TTS", "zero-shot text-to-speech"),
        ("PU learning", "positive-unlabeled learning"),
    ],
)
def test_well_known_tasks_of_each_area_are_catalogued(nlp, written, task):
    """The catalogue knows the standard task names of each area and their usual short forms,
    which a task phrase named once in the abstract would not give."""
    found = entities(nlp, "ZorbNet: A Simple Baseline", f"ZorbNet is strong at {written}.")
    assert found[task].type == "Task"
    assert found[task].role == "evaluated_on"


@pytest.mark.parametrize(
    ("written", "task"),
    [
        ("causal discovery", "causal discovery"),
        ("contextual bandits", "contextual bandits"),
        ("punctuation restoration", "punctuation restoration"),
        ("sequence tagging", "sequence labeling"),
        ("visual speech recognition", "lip reading"),
    ],
)
def test_a_second_batch_of_area_tasks_and_their_variants_are_catalogued(nlp, written, task):
    """More standard task names, and other standard spellings of catalogued ones, which
    name the same entry."""
    found = entities(nlp, "ZorbNet: A Simple Baseline", f"ZorbNet is strong at {written}.")
    assert found[task].type == "Task"


@pytest.mark.parametrize(
    ("sentence", "task"),
    [
        ("ZorbNet improves arithmetic and commonsense reasoning benchmarks.", "arithmetic reasoning"),
        ("ZorbNet handles semantic and instance segmentation alike.", "semantic segmentation"),
    ],
)
def test_a_member_sharing_a_known_tasks_head_is_that_known_task(nlp, sentence, task):
    found = entities(nlp, "ZorbNet: A Simple Baseline", sentence)
    assert found[task].type == "Task"


def test_a_member_whose_pairing_is_no_known_task_is_left_alone(nlp):
    found = entities(nlp, "ZorbNet: A Simple Baseline", "ZorbNet is fast and accurate at instance segmentation.")
    assert not [n for n in found if n.startswith(("fast", "accurate"))]


def test_an_earlier_member_without_a_task_word_shares_the_last_members_head(nlp):
    found = entities(
        nlp,
        "ZorbNet: A Simple Baseline",
        "We validate ZorbNet on ZorbSet for liver lesion and spleen segmentation tasks.",
    )
    assert found["liver lesion segmentation"].type == "Task"
    assert "liver lesion" not in found


def test_words_before_a_catalogued_acronym_name_a_more_specific_task(nlp):
    """ "flat NER" is a task of its own, named with its acronym as written."""
    found = entities(
        nlp,
        "ZorbNet: A Simple Baseline",
        "We study flat NER with ZorbNet. ZorbNet sets a new state of the art on flat NER.",
    )
    assert found["flat NER"].type == "Task"


@pytest.mark.parametrize(
    ("title", "abstract"),
    [
        ("Natural TTS Synthesis with ZorbNet", "ZorbNet synthesizes speech from text."),
        ("ZorbNet: A Simple Baseline", "ZorbNet enables parallel TTS. We show that parallel TTS is fast with ZorbNet."),
    ],
)
def test_a_title_capital_or_an_approach_word_before_an_acronym_names_no_task(nlp, title, abstract):
    found = entities(nlp, title, abstract)
    assert not [n for n in found if n.lower() in ("natural tts", "parallel tts")]


@pytest.mark.parametrize("preposition", ["beyond", "unlike", "despite"])
def test_prepositions_do_not_open_a_task_name(nlp, preposition):
    found = entities(
        nlp,
        "ZorbNet: A Simple Baseline",
        f"ZorbNet works {preposition} multilingual machine translation. We study multilingual machine translation.",
    )
    assert "multilingual machine translation" in found and not [n for n in found if n.startswith(preposition)]


def test_a_task_named_again_without_its_kind_of_data_is_one_task(nlp):
    found = entities(
        nlp,
        "A study",
        "We propose ZorbNet for long-term time series forecasting. "
        "ZorbNet is the best model for long-term series forecasting on six benchmarks. "
        "We also evaluate it on speech recognition and speech emotion recognition.",
    )
    assert "long-term series forecasting" not in found
    assert "long-term series forecasting" in found["long-term time series forecasting"].aliases
    assert "speech emotion recognition" in found


def test_a_paradigm_that_heads_the_papers_task_is_that_task(nlp):
    found = entities(
        nlp,
        "A study",
        "We propose ZorbRL for offline reinforcement learning. "
        "ZorbRL trains a policy with reinforcement learning from logged data and beats CQL on D4RL.",
    )
    assert "reinforcement learning" not in found
    assert "reinforcement learning" in found["offline reinforcement learning"].aliases
    assert found["offline reinforcement learning"].role == "evaluated_on"


def test_a_long_form_defined_before_a_task_word_is_the_known_tasks_modifier(nlp):
    found = entities(
        nlp,
        "ZetaNet: A Ranker",
        "Click-through rate (CTR) prediction, which estimates whether a user clicks an ad, is central to advertising.",
    )
    assert found["click-through rate prediction"].type == "Task"
    assert "click-through rate" not in found


def test_every_word_listed_before_a_known_task_shares_its_head(nlp):
    found = entities(
        nlp,
        "ZetaNet: A Segmenter",
        "ZetaNet is trained once on semantic, instance, and panoptic segmentation and tested on COCO.",
    )
    assert {"semantic segmentation", "instance segmentation", "panoptic segmentation"} <= {
        n for n, e in found.items() if e.type == "Task"
    }


@pytest.mark.parametrize("opener", ["available", "unique", "standalone", "operational", "include", "were", "relevant"])
def test_words_of_availability_judgement_or_auxiliaries_do_not_open_a_task_name(nlp, opener):
    found = entities(
        nlp, "ZetaNet: A Detector", f"Past systems {opener} object recognition. ZetaNet helps object recognition."
    )
    assert "object recognition" in found and not [n for n in found if n.startswith(opener)]


@pytest.mark.parametrize(
    ("title", "abstract", "field"),
    [
        ("ZetaNet: Transformers for Image Recognition", "ZetaNet improves image classification.", "image recognition"),
        (
            "ZetaNet",
            "Depth matters for many visual recognition tasks. ZetaNet helps visual recognition.",
            "visual recognition",
        ),
    ],
)
def test_a_whole_field_is_no_task(nlp, title, abstract, field):
    found = entities(nlp, title, abstract)
    assert field not in found


def test_a_field_at_a_granularity_is_no_task_but_a_problem_keeps_its_level(nlp):
    found = entities(
        nlp,
        "ZetaNet",
        "ZetaNet serves many instance-level recognition tasks. It helps instance-level recognition and "
        "document-level relation extraction. ZetaNet improves document-level relation extraction.",
    )
    assert "instance-level recognition" not in found
    assert found["document-level relation extraction"].type == "Task"


def test_representation_learning_alone_is_a_field_but_on_graphs_a_task(nlp):
    field = entities(
        nlp,
        "ZetaNet",
        "Work in the broad field of representation learning grew. ZetaNet advances representation learning.",
    )
    assert "representation learning" not in field
    graphs = entities(
        nlp, "ZetaNet: Representation Learning on Graphs", "ZetaNet improves representation learning on graphs."
    )
    assert graphs["graph representation learning"].type == "Task"


def test_a_phrase_named_once_before_a_noun_it_modifies_names_no_task(nlp):
    found = entities(
        nlp,
        "ZetaNet",
        "We describe a large-scale zebra detection engine. ZetaNet gives strong zebra segmentation performance.",
    )
    assert not [n for n in found if "detection" in n]
    assert found["zebra segmentation"].type == "Task"


def test_a_prediction_phrase_named_again_is_no_task_unless_the_text_calls_it_one(nlp):
    repeated = entities(
        nlp,
        "ZetaNet",
        "ZetaNet adds a zebra prediction branch to a detector. The zebra prediction branch outputs stripes.",
    )
    assert "zebra prediction" not in repeated
    listed = entities(nlp, "ZetaNet", "ZetaNet is tested on tasks such as zebra prediction and stripe counting.")
    assert listed["zebra prediction"].type == "Task"


def test_the_task_of_names_a_task_named_once(nlp):
    found = entities(
        nlp,
        "ZetaNet",
        "We introduce the task of zebra stripe reasoning. We study the problem of learning zebra herding skills.",
    )
    assert found["zebra stripe reasoning"].type == "Task"
    assert not [n for n in found if "herding" in n]


def test_a_phrase_named_once_outside_any_claim_names_no_task(nlp):
    aside = entities(nlp, "ZetaNet", "Stripes make zebra herd segmentation hard. ZetaNet is a detector.")
    assert not [n for n in aside if "herd segmentation" in n]
    claim = entities(nlp, "ZetaNet", "We study zebra herd segmentation. ZetaNet is a detector.")
    assert claim["zebra herd segmentation"].type == "Task"


def test_the_word_after_a_negation_opens_no_task_name(nlp):
    found = entities(
        nlp, "ZetaNet", "Removing the stripes does not degrade zebra forecasting results. We improve zebra forecasting."
    )
    assert "zebra forecasting" in found and not [n for n in found if n.startswith("degrade")]
