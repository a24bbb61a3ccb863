"""Normalised keys and stable identifiers.

Identifiers are derived from content (a paper's own id or its normalised title, an
entity's resolved canonical name), never from run order, so a rebuild of the same
input yields the same identifiers.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

__all__ = ["entity_node_id", "match_key", "paper_id_from_title", "paper_node_id", "slug"]

_NON_ALNUM = re.compile(r"[^0-9a-z]+")
# Greek letters name variants ("Mistral-ORPO-α" and "-β", "ΨPO"): spelled out, not dropped.
_GREEK = str.maketrans(
    {
        c: f" {name} "
        for c, name in zip(
            "αβγδεζηθικλμνξοπρστυφχψωΑΒΓΔΕΖΗΘΙΚΛΜΝΞΟΠΡΣΤΥΦΧΨΩϑϕς",
            "alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu nu xi omicron pi rho sigma tau"
            " upsilon phi chi psi omega".split()
            * 2
            + ["theta", "phi", "sigma"],
            strict=True,
        )
    }
)


def _ascii(text: str) -> str:
    """Accents folded, Greek letters spelled out: the ASCII form keys and slugs are made from."""
    return unicodedata.normalize("NFKD", text).translate(_GREEK).encode("ascii", "ignore").decode()


# A version "v" before its number: after a space, bracket, hyphen or underscore ("SQuAD v2.0",
# "LLaVA-v1.5") or at a change of case ("DreamerV2", "YOLOv3"), so spacing does not decide; not
# inside a lowercase word ("wav2vec", "Conv2D"), where the letter is part of the name.
_VERSION_V = re.compile(r"(?:(?<=[\s(_-])[vV]|(?<=[a-z])V|(?<=[A-Z])v)(?=\d)")


def match_key(text: str) -> str:
    """Key under which two surface forms count as the same name.

    Case, spacing, hyphens and punctuation are ignored, accents folded:

    >>> match_key("MT-Bench") == match_key("MT Bench") == match_key("mt_bench")
    True
    >>> match_key("AlpacaEval 2.0") == match_key("AlpacaEval")
    False
    >>> match_key("SQuAD v2.0") == match_key("SQuAD 2.0")
    True
    >>> match_key("Dreamer V2") == match_key("DreamerV2"), match_key("wav2vec")
    (True, 'wav2vec')
    >>> match_key("Mistral-ORPO-α") == match_key("Mistral-ORPO-β"), match_key("ΨPO")
    (False, 'psipo')
    """
    folded = _ascii(text)
    folded = _VERSION_V.sub("", folded).lower()  # "SQuAD v2.0" = "SQuAD 2.0"
    folded = folded.replace("+", "plus").replace("&", "and")
    return _NON_ALNUM.sub("", folded)


def slug(text: str, limit: int = 60) -> str:
    """A readable, URL- and IRI-safe fragment of ``text``.

    >>> slug("Direct Preference Optimization (DPO)")
    'direct-preference-optimization-dpo'
    """
    folded = _ascii(text).lower()
    folded = folded.replace("+", "-plus").replace("&", "-and-")
    return re.sub(r"[^0-9a-z]+", "-", folded).strip("-")[:limit].strip("-") or "x"


def _short_hash(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:10]


def paper_id_from_title(title: str) -> str:
    """Identifier for a paper that arrived without one: derived from its normalised title."""
    return f"t-{_short_hash(match_key(title))}"


def paper_node_id(paper_id: str) -> str:
    return f"paper:{paper_id}"


def entity_node_id(canonical_name: str) -> str:
    """Readable and unique: the slug keeps ids legible, the hash keeps distinct names apart
    (``C++`` and ``C`` share a slug, not a key)."""
    return f"entity:{slug(canonical_name, 48)}-{_short_hash(match_key(canonical_name))[:6]}"
