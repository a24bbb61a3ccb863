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
