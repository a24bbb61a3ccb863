"""Tokenizer settings for paper text: hyphenated names stay one token.

spaCy's English tokenizer splits "MT-Bench", "T-Prompter" and "Llama-3-8B" at the
hyphens. Names in ML papers are built with hyphens, so we keep such words whole;
the catalogue adds hyphen and space variants of its names to match either spelling.
A sentence end that lost its space ("on MATH.The results") is split again, and so are two
versions joined by a slash ("CIFAR-10/100"). A full stop after a size or variant letter
("PaLI-X 55B.", "ViT-L.") ends the sentence, not the name: spaCy keeps it on the word, as it
does for initials ("J."), so the name is never found whole and two sentences run together.
"""

from __future__ import annotations

from collections.abc import Callable

import spacy
from spacy.language import Language
from spacy.util import compile_infix_regex, compile_suffix_regex

__all__ = ["keep_hyphenated_words"]


@spacy.registry.callbacks("kg.keep_hyphenated_words.v1")
def keep_hyphenated_words() -> Callable[[Language], Language]:
    def customize(nlp: Language) -> Language:
        infixes = []
        for pattern in nlp.Defaults.infixes:
            if "(?:-|" in pattern:  # letter-hyphen-letter rule
                continue
            if pattern.startswith("(?<=[0-9])[+\\-"):  # digit-hyphen-digit inside a name
                pattern = pattern.replace("[+\\-", "[+", 1)
            infixes.append(pattern)
        infixes += [r"->", r"<-", r"=>"]  # arrows in pipelines ("Encoder->Decoder") still split
        # "CIFAR-10/100", "ResNet-50/101": two versions of one name, which the catalogue matches apart.
        infixes += [r"(?<=-[0-9])/(?=[0-9])", r"(?<=-[0-9][0-9])/(?=[0-9])"]
        infixes += [r"—"]  # an em dash joins clauses, never name parts: "benchmarks—ScribeAgent"
        # Scraped abstracts lose the space after a sentence: "on MATH).The accuracy".
        infixes += [r"(?<=[A-Za-z0-9])\)(?=\.[A-Z][a-z])", r"(?<=[A-Za-z0-9)])\.(?=[A-Z][a-z])"]
        nlp.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer
        # "PaLI-X 55B.", "Mistral 7B.", "ViT-L.": a sentence's full stop after a digit's or a hyphen's
        # capital, which spaCy leaves attached (no initial is written so).
        suffixes = [*nlp.Defaults.suffixes, r"(?<=[0-9][A-Z])\.", r"(?<=-[A-Z])\."]
        nlp.tokenizer.suffix_search = compile_suffix_regex(suffixes).search
        return nlp

    return customize
