"""Why each entity got its type and role: the trace `kg extract --explain` adds to a record.

The rules note their own name on the mention they decide (``Mention.role_by``, ``type_by``), so
the trace costs nothing when it is off and cannot change a decision. Names are greppable in
pipelines/: "roles._title_subject" is that function, "roles.role_of:benchmark" the line of
``role_of`` that writes it, "catalogue" the catalogue entry's type. A name starting "kg_" is a
whole pipeline component that set the value without naming its rule. This module turns the notes
into each entity's ``explain`` entry::

    "explain": {
      "found_by": ["named", "abbreviation"],      # the components that found its mentions
      "type": {"value": "Model", "kind": "cue", "by": "entity_types._noun_after"},
      "role": {"value": "proposed", "by": "roles._proposed:propose_verb",
               "sentence": "We propose ZorbNet, a ..."}
    }

"kind" is how sure the type is (catalogue, cue, list, default); "sentence" is where the deciding
mention sits. When a rule on whole entities changes a value later, it becomes "by" and what it
replaced is kept under "overrode"; a value taken from another entity (a general task folded into
a specific one) keeps that entity's name and explanation under "from".
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any, TypeVar

from spacy.language import Language
from spacy.tokens import Doc

from kg.model import ExtractedEntity
from pipelines.extraction.mention import Mention

__all__ = ["added", "check", "explanation", "note", "traced_docs"]

T = TypeVar("T")
UNRECORDED = "unrecorded"  # a value no rule noted: a gap in the trace, never shown as another rule's


def traced_docs(nlp: Language, pairs: Iterable[tuple[str, T]]) -> Iterator[tuple[Doc, T]]:
    """Like ``nlp.pipe(pairs, as_tuples=True)``, one component at a time, so that a component
    that sets a role or type without naming its rule is named instead (--explain only)."""
    for text, context in pairs:
        doc = nlp.make_doc(text)
        for name, component in nlp.pipeline:
            before = {id(m): (m, m.role, m.role_by, m.type, m.type_by) for m in doc._.kg_mentions or ()}
            doc = component(doc)
            for m in doc._.kg_mentions or ():
                _credit(m, before.get(id(m)), name)
        yield doc, context


def _credit(m: Mention, before: tuple | None, component: str) -> None:
    """Name ``component`` as the decider of a value it changed without noting a rule."""
    _, role, role_by, type_, type_by = before or (m, None, None, None, None)
    if m.role is not None and m.role != role and m.role_by == role_by:
        m.role_by = component
    if m.type is not None and m.type != type_ and m.type_by == type_by:
        m.type_by = component


def _sentence(doc: Doc, m: Mention) -> str:
    return doc[m.start].sent.text.strip() if doc.has_annotation("SENT_START") else doc.text


def explanation(doc: Doc, group: list[Mention], entity: ExtractedEntity, catalogued: Mention | None) -> dict:
    """The entry for an entity made from ``group``: its type is the catalogued mention's or the
    most confident one's (as ``records._entity`` chooses), its role the first mention's, in
    reading order, that has the entity's role."""
    ordered = sorted(group, key=lambda m: m.start)
    typed = catalogued or max(group, key=lambda m: m.confidence)
    if typed.type == entity.type:
        type_ = {"value": entity.type, "kind": typed.type_source, "by": typed.type_by or UNRECORDED}
        if typed.type_source is None:  # a pipeline without the typing component
            del type_["kind"]
    else:  # a task phrase outranks a guessed type; no type at all falls back to Method
        type_ = {"value": entity.type, "by": "records._group_type" if entity.type == "Task" else "records._entity"}
    decider = next(m for m in ordered if (m.role or "mentioned") == entity.role)
    by = decider.role_by or ("records._entity" if decider.role is None else UNRECORDED)
    return {
        "found_by": list(dict.fromkeys(m.source for m in ordered)),
        "type": type_,
        "role": {"value": entity.role, "by": by, "sentence": _sentence(doc, decider)},
    }


def note(entity: ExtractedEntity, what: str, by: str, source: dict | None = None) -> None:
    """Record that rule ``by`` set the entity's ``what`` ("role" or "type"), if it changed it;
    ``source`` is the explanation it took the value from, when another entity's."""
    if entity.explain is None or entity.explain[what]["value"] == getattr(entity, what):
        return
    change: dict[str, Any] = {"value": getattr(entity, what), "by": by}
    if source is not None:
        change["from"] = source
    change["overrode"] = entity.explain[what]
    entity.explain[what] = change


def added(entity: ExtractedEntity, by: str, explain: bool) -> ExtractedEntity:
    """``entity``, made by rule ``by`` from the paper's other entities or metadata, explained."""
    if explain:
        entity.explain = {
            "found_by": [by],
            "type": {"value": entity.type, "by": by},
            "role": {"value": entity.role, "by": by},
        }
    return entity


def check(entities: Iterable[ExtractedEntity]) -> None:
    """A value changed by a rule that did not note it is marked unrecorded, not left to show
    the rule it overrode."""
    for entity in entities:
        if entity.explain is None:
            continue
        for what in ("type", "role"):
            if entity.explain[what]["value"] != getattr(entity, what):
                entity.explain[what] = {
                    "value": getattr(entity, what),
                    "by": UNRECORDED,
                    "overrode": entity.explain[what],
                }
