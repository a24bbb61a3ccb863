"""Reader for OpenAlex works: the abstract is stored inverted (word -> positions)."""

from __future__ import annotations

from typing import Any

__all__ = ["abstract_from_inverted_index", "is_openalex_work", "openalex_fields"]


def is_openalex_work(obj: dict[str, Any]) -> bool:
    return "abstract_inverted_index" in obj or str(obj.get("id", "")).startswith("https://openalex.org/")


def abstract_from_inverted_index(index: dict[str, list[int]] | None) -> str:
    """Rebuild the abstract text by placing each word at its positions.

    >>> abstract_from_inverted_index({"graphs": [1], "Knowledge": [0], "help.": [2]})
    'Knowledge graphs help.'
    """
    if not index:
        return ""
    slots: dict[int, str] = {}
    for word, positions in index.items():
        for pos in positions:
            slots[int(pos)] = word
    return " ".join(slots[i] for i in sorted(slots))


def openalex_fields(work: dict[str, Any]) -> dict[str, Any]:
    authorships = work.get("authorships") or []
    institutions: list[str] = []
    for authorship in authorships:
        for inst in authorship.get("institutions") or []:
            name = inst.get("display_name")
            if name and name not in institutions:
                institutions.append(name)
    ids = work.get("ids") or {}
    openalex_id = str(work.get("id") or "").rsplit("/", 1)[-1]
    doi = work.get("doi") or ids.get("doi")
    return {
        "id": f"openalex:{openalex_id}" if openalex_id else None,
        "title": work.get("title") or work.get("display_name"),
        "abstract": abstract_from_inverted_index(work.get("abstract_inverted_index")),
        "date": work.get("publication_date") or work.get("publication_year"),
        "url": doi or work.get("id"),
        "authors": [a.get("author", {}).get("display_name") for a in authorships if a.get("author")],
        "organizations": institutions,
    }
