"""Knowledge the components read: context cues and the catalogue of well-known entities.

Both are data files (``pipelines/data/``), loaded once per process and shared by all
components; users add their own catalogue files through the pipeline config.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from kg.ids import match_key
from kg.model import ENTITY_TYPES

__all__ = ["DATA_DIR", "Catalogue", "CatalogueEntry", "Cues", "load_catalogue", "load_cues"]

DATA_DIR = Path(__file__).resolve().parent.parent / "data"


@dataclass(frozen=True)
class CatalogueEntry:
    name: str
    type: str
    aliases: tuple[str, ...] = ()
    id: str | None = None


@dataclass
class Catalogue:
    entries: list[CatalogueEntry] = field(default_factory=list)
    by_key: dict[str, CatalogueEntry] = field(default_factory=dict)

    def lookup(self, surface: str) -> CatalogueEntry | None:
        entry = self.by_key.get(match_key(surface))
        return None if entry is not None and _another_acronym(surface, entry) else entry

    def surfaces(self, entry: CatalogueEntry) -> list[str]:
        """Every written form to match: hyphen and space variants, one hyphen among spaces
        included ("visual question-answering")."""
        forms = {entry.name, *entry.aliases}
        for form in list(forms):
            if "-" in form:
                forms.add(form.replace("-", " "))
                forms.add(form.replace("-", ""))
                if " " in form:  # "instruction fine-tuning" is also "instruction-finetuning"
                    forms.add(form.replace("-", "").replace(" ", "-"))
            if " " in form:
                forms.add(form.replace(" ", "-"))
                words = form.split(" ")
                if 2 < len(words) <= 4:  # one hyphen among spaces: "visual question-answering"
                    for i in range(1, len(words)):
                        forms.add(" ".join([*words[: i - 1], "-".join(words[i - 1 : i + 1]), *words[i + 1 :]]))
        return sorted(forms)


def _another_acronym(surface: str, entry: CatalogueEntry) -> bool:
    """ "dDPO" (distilled DPO) is not the catalogue's "DDPO": one lowercase letter before an
    acronym's capitals marks a variant of it ("iDPO", "dDPO"), not the name the catalogue
    writes only in capitals ("GSM8k" and "WiderFace" are still their catalogued names)."""
    if len(surface) < 3 or not (surface[0].islower() and surface[1:].isupper()):
        return False
    key = match_key(surface)
    forms = [f for f in (entry.name, *entry.aliases) if match_key(f) == key]
    return bool(forms) and surface not in forms and all(f.isupper() for f in forms)


def _read_catalogue_file(path: Path, catalogue: Catalogue) -> None:
    for no, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        try:
            raw = json.loads(line)
            entry = CatalogueEntry(
                name=raw["name"], type=raw["type"], aliases=tuple(raw.get("aliases") or ()), id=raw.get("id")
            )
        except (json.JSONDecodeError, KeyError, TypeError) as err:
            raise ValueError(
                f'{path}:{no}: bad catalogue entry ({err}); expected {{"name": ..., "type": ..., "aliases": [...]}}'
            ) from err
        if entry.type not in ENTITY_TYPES:
            raise ValueError(f"{path}:{no}: type {entry.type!r} is not one of {', '.join(ENTITY_TYPES)}")
        catalogue.entries.append(entry)
        for surface in (entry.name, *entry.aliases):
            # A later file (the user's) overrides an earlier one (ours) for the same surface.
            catalogue.by_key[match_key(surface)] = entry


@lru_cache(maxsize=8)
def load_catalogue(extra_paths: tuple[str, ...] = ()) -> Catalogue:
    catalogue = Catalogue()
    paths = [DATA_DIR / "catalogue.jsonl", *map(Path, extra_paths)]
    for path in paths:
        if path.exists():
            _read_catalogue_file(path, catalogue)
        elif path != paths[0]:
            raise FileNotFoundError(f"catalogue file {path} does not exist (set in the pipeline config)")
    return catalogue


@dataclass(frozen=True)
class Cues:
    head_nouns: dict[str, str]
    name_suffixes: dict[str, str]
    model_prefixes: tuple[str, ...]
    size_tokens: re.Pattern[str]
    version_words: frozenset[str]
    generic_names: frozenset[str]
    propose_words: frozenset[str]
    self_words: frozenset[str]
    evaluate_words: frozenset[str]
    train_words: frozenset[str]
    background_words: frozenset[str]
    extra: dict  # any further lists a component reads by name (task_heads, ...)


@lru_cache(maxsize=4)
def load_cues(path: str | None = None) -> Cues:
    raw = json.loads(Path(path or DATA_DIR / "cues.json").read_text(encoding="utf-8"))
    return Cues(
        head_nouns=raw["head_nouns"],
        name_suffixes=raw["name_suffixes"],
        model_prefixes=tuple(raw["model_prefixes"]),
        size_tokens=re.compile(raw["size_tokens"]),
        version_words=frozenset(raw["version_words"]),
        generic_names=frozenset(match_key(n) for n in raw["generic_names"]),
        propose_words=frozenset(raw["propose_words"]),
        self_words=frozenset(raw["self_words"]),
        evaluate_words=frozenset(raw["evaluate_words"]),
        train_words=frozenset(raw["train_words"]),
        background_words=frozenset(raw["background_words"]),
        extra=raw,
    )
