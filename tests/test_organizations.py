"""Organisations: affiliations from the paper's metadata and code links, makers named in the text."""

from __future__ import annotations

import pytest

from tests.test_extraction import entities


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


def test_code_hosted_under_a_library_account_is_not_an_affiliation(nlp):
    found = entities(nlp, "A study", "The code is at https://github.com/tensorflow/addons/blob/master/lamb.py.")
    assert not [e for e in found.values() if e.role == "affiliated"]


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
