"""Entity resolution across papers: one node per real thing.

Two extracted entities are the same when they share a name or a long alias under
:func:`kg.ids.match_key` ("MT-Bench" = "MT Bench"). Bare acronyms are weaker
evidence: "DPO" joins "Direct Preference Optimization" only when, across the
corpus (and the catalogue), that acronym stands for one thing; otherwise it stays
apart. Versions keep distinct keys ("AlpacaEval" vs "AlpacaEval 2.0"), so they
stay distinct nodes. Work is linear in the number of extracted entities.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from kg.ids import entity_node_id, match_key
from kg.model import ENTITY_TYPES, ExtractedEntity, PaperRecord
from pipelines.extraction.resources import Catalogue, load_catalogue

__all__ = ["ResolvedEntity", "Resolver", "is_acronym"]


def is_acronym(text: str) -> bool:
    """Short, mostly capitals: the kind of alias that different papers reuse for different things.

    >>> is_acronym("DPO"), is_acronym("F^2C"), is_acronym("AlignScore")
    (True, True, False)
    """
    letters = [c for c in text if c.isalpha()]
    return len(text) <= 8 and bool(letters) and sum(c.isupper() for c in letters) >= len(letters) - 1


@dataclass
class ResolvedEntity:
    """One graph node: every paper's mention of the same thing."""

    id: str
    names: Counter[str] = field(default_factory=Counter)
    types: Counter[str] = field(default_factory=Counter)
    aliases: set[str] = field(default_factory=set)
    fixed_name: str | None = None  # catalogue name, or the name an existing graph gave it

    @property
    def name(self) -> str:
        if self.fixed_name:
            return self.fixed_name
        # Most used name; ties go to the longer (more complete) one, then to the first seen.
        order = {name: i for i, name in enumerate(self.names)}
        return min(self.names.items(), key=lambda kv: (-kv[1], -len(kv[0]), order[kv[0]]))[0]

    @property
    def type(self) -> str:
        return min(self.types.items(), key=lambda kv: (-kv[1], ENTITY_TYPES.index(kv[0])))[0]

    def all_aliases(self) -> list[str]:
        name_key = match_key(self.name)
        seen: dict[str, str] = {}
        for alias in sorted(self.aliases | set(self.names)):
            key = match_key(alias)
            if key != name_key and alias not in seen.values():
                seen.setdefault(alias, alias)
        return sorted(seen)


class Resolver:
    """Assigns each extracted entity to a :class:`ResolvedEntity`, keeping ids stable.

    ``resolve`` takes all records at once (two passes: long names first, then bare
    acronyms), and may be called again with new records for ``kg build --add``.
    ``catalogue`` is the knowledge that joins different names of one thing (the bundled
    catalogue by default); an empty ``Catalogue()`` joins by the records' own names only.
    """

    def __init__(self, catalogue: Catalogue | None = None) -> None:
        self.entities: dict[str, ResolvedEntity] = {}
        self._strong: dict[str, str] = {}  # name key -> entity id
        self._acronyms: dict[str, set[str]] = {}  # acronym key -> entity ids it stands for
        self._catalogue = load_catalogue() if catalogue is None else catalogue

    def seed(self, entity_id: str, name: str, entity_type: str, aliases: Iterable[str]) -> None:
        """Register an entity of an existing graph, so new papers join it under its id."""
        entity = ResolvedEntity(entity_id, fixed_name=name)
        entity.types[entity_type] += 1
        entity.names[name] += 1
        entity.aliases.update(aliases)
        self.entities[entity_id] = entity
        self._index(entity, name, list(aliases))

    def _index(self, entity: ResolvedEntity, name: str, aliases: list[str]) -> None:
        for surface in [name, *aliases]:
            key = match_key(surface)
            if not key:
                continue
            if is_acronym(surface):
                self._acronyms.setdefault(key, set()).add(entity.id)
                if surface == name:
                    self._strong.setdefault(key, entity.id)
            else:
                self._strong.setdefault(key, entity.id)

    def _new(self, name: str) -> ResolvedEntity:
        entry = self._catalogue.lookup(name)
        canonical = entry.name if entry else name
        entity_id = entity_node_id(canonical)
        while entity_id in self.entities:  # different things whose names share a slug and hash
            entity_id += "x"
        entity = ResolvedEntity(entity_id, fixed_name=entry.name if entry else None)
        self.entities[entity_id] = entity
        if entry:  # later mentions by any catalogue form find this node
            self._index(entity, entry.name, list(entry.aliases))
        return entity

    def _attach(self, e: ExtractedEntity, entity: ResolvedEntity) -> str:
        entity.names[e.name] += 1
        entity.types[e.type] += 1
        entity.aliases.update(e.aliases)
        self._index(entity, e.name, e.aliases)
        return entity.id

    def _find(self, e: ExtractedEntity, acronyms_too: bool) -> ResolvedEntity | None:
        entry = self._catalogue.lookup(e.name)
        names = [entry.name] if entry else []
        names += [e.name] + [a for a in e.aliases if not is_acronym(a)]
        for surface in names:
            hit = self._strong.get(match_key(surface))
            if hit:
                return self.entities[hit]
        if acronyms_too:
            for surface in [e.name, *e.aliases]:
                ids = self._acronyms.get(match_key(surface), set())
                if len(ids) == 1:
                    return self.entities[next(iter(ids))]
        return None

    def resolve(self, records: list[PaperRecord]) -> list[list[str]]:
        """Entity ids for each record's entities, in the same order."""
        out: list[list[str | None]] = [[None] * len(r.entities) for r in records]
        # Pass 1: entities with a long name (or catalogue entry) found or founded by their names.
        for r_i, record in enumerate(records):
            for e_i, e in enumerate(record.entities):
                if is_acronym(e.name) and not self._catalogue.lookup(e.name):
                    continue
                entity = self._find(e, acronyms_too=False) or self._new(e.name)
                out[r_i][e_i] = self._attach(e, entity)
        # Pass 2: bare acronyms join the one thing they stand for, or found their own node.
        for r_i, record in enumerate(records):
            for e_i, e in enumerate(record.entities):
                if out[r_i][e_i] is None:
                    entity = self._find(e, acronyms_too=True) or self._new(e.name)
                    out[r_i][e_i] = self._attach(e, entity)
        return [[i for i in ids if i is not None] for ids in out]
