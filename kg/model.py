"""The one internal model that crosses package boundaries.

Readers produce :class:`Paper`; extraction turns each into a :class:`PaperRecord`
(the paper plus the entities it names, each with the paper's role towards it);
resolution and the graph builder consume records. Nothing else is passed between
``pipelines/``, ``kg/`` and ``queries/``.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Literal

__all__ = [
    "ENTITY_TYPES",
    "ROLES",
    "ROLE_STRENGTH",
    "EntityType",
    "Evidence",
    "ExtractedEntity",
    "Paper",
    "PaperRecord",
    "Role",
]

EntityType = Literal["Method", "Model", "Dataset", "Benchmark", "Task", "Metric", "Organization"]
Role = Literal["proposed", "evaluated_on", "used", "mentioned", "affiliated"]

ENTITY_TYPES: tuple[str, ...] = (
    "Method",
    "Model",
    "Dataset",
    "Benchmark",
    "Task",
    "Metric",
    "Organization",
)
ROLES: tuple[str, ...] = ("proposed", "evaluated_on", "used", "mentioned", "affiliated")

# When one paper relates to an entity in several ways, the strongest role wins:
# proposing a benchmark outranks evaluating on it, which outranks merely using it.
ROLE_STRENGTH: dict[str, int] = {
    "proposed": 5,
    "affiliated": 4,
    "evaluated_on": 3,
    "used": 2,
    "mentioned": 1,
}


@dataclass(slots=True)
class Paper:
    """A paper as read from any input format, before extraction."""

    id: str
    title: str
    abstract: str
    date: str | None = None
    url: str | None = None
    authors: list[str] = field(default_factory=list)
    authors_count: int | None = None
    organizations: list[str] = field(default_factory=list)
    upvotes: int | None = None
    source: str | None = None  # "file:line" the paper came from, for messages

    @property
    def text(self) -> str:
        """Title and abstract as one text; the title ends with a full stop so it is its own sentence."""
        title = self.title.strip()
        if title and title[-1] not in ".?!":
            title += "."
        return f"{title}\n{self.abstract.strip()}" if self.abstract else title

    def metadata(self) -> dict[str, Any]:
        """The fields `kg extract` writes under "paper"."""
        return {
            "id": self.id,
            "title": self.title,
            "date": self.date,
            "url": self.url,
            "authors_count": self.authors_count if self.authors_count is not None else (len(self.authors) or None),
            "organizations": list(self.organizations),
        }


@dataclass(slots=True)
class Evidence:
    """Where a mention was seen: the sentence and the character offsets in the paper text."""

    sentence: str
    start: int
    end: int


@dataclass(slots=True)
class ExtractedEntity:
    """One entity named in one paper, with the paper's role towards it."""

    type: str
    name: str
    role: str
    aliases: list[str] = field(default_factory=list)
    confidence: float = 1.0
    evidence: list[Evidence] = field(default_factory=list)
    # Which rules decided the type and role (`kg extract --explain`); None leaves records as they were.
    explain: dict[str, Any] | None = None

    def to_dict(self) -> dict[str, Any]:
        data = {
            "type": self.type,
            "name": self.name,
            "aliases": list(self.aliases),
            "role": self.role,
            "confidence": round(self.confidence, 3),
            "evidence": [asdict(e) for e in self.evidence],
        }
        if self.explain is not None:
            data["explain"] = self.explain
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ExtractedEntity:
        return cls(
            type=data["type"],
            name=data["name"],
            role=data.get("role", "mentioned"),
            aliases=list(data.get("aliases") or []),
            confidence=float(data.get("confidence", 1.0)),
            evidence=[Evidence(**e) for e in data.get("evidence") or []],
            explain=data.get("explain"),
        )


@dataclass(slots=True)
class PaperRecord:
    """A paper and what extraction found in it: the line `kg extract` writes."""

    paper: Paper
    entities: list[ExtractedEntity] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"paper": self.paper.metadata(), "entities": [e.to_dict() for e in self.entities]}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> PaperRecord:
        from kg.ids import paper_id_from_title

        meta = data["paper"]
        paper = Paper(
            id=meta.get("id") or paper_id_from_title(meta.get("title") or ""),
            title=meta.get("title") or "",
            abstract=meta.get("abstract") or "",
            date=meta.get("date"),
            url=meta.get("url"),
            authors_count=meta.get("authors_count"),
            organizations=list(meta.get("organizations") or []),
        )
        return cls(paper, [ExtractedEntity.from_dict(e) for e in data.get("entities") or []])
