"""The fixed graph schema shared by every store: labels and relationship types by role.

Neo4j cannot take labels or relationship types as query parameters, so these fixed
names are the only ones that ever reach query text.
"""

from kg.model import ENTITY_TYPES

__all__ = ["ENTITY_LABELS", "RELATIONSHIP_TYPES", "ROLE_OF_RELATIONSHIP"]

ENTITY_LABELS: tuple[str, ...] = ENTITY_TYPES

RELATIONSHIP_TYPES: dict[str, str] = {
    "proposed": "PROPOSES",
    "evaluated_on": "EVALUATES_ON",
    "used": "USES",
    "mentioned": "MENTIONS",
    "affiliated": "AFFILIATED_WITH",
}
ROLE_OF_RELATIONSHIP: dict[str, str] = {v: k for k, v in RELATIONSHIP_TYPES.items()}
