"""Every Cypher statement the Neo4j store runs, in one place.

Values always travel as parameters (``$rows``, ``$ids``); labels and relationship types
cannot, so they come only from the fixed schema in :mod:`kg.schema` and are pasted in
here, once, when this module loads. The question catalogue keeps its own Cypher in
``queries/`` (one module per question).

Writes are batched: each statement takes its rows as columns, one list parameter per
property (``$ids``, ``$title``, ...), and ``UNWIND``s the row numbers, so a transaction of
thousands of rows is a handful of round trips. Columns rather than a map per row, because
the driver packs every map key of every row in Python: columns send a third of the values.
``MERGE`` on the unique ``id`` makes re-loads idempotent; papers that are new to the
database (and so have no relationships yet) are written with ``CREATE``, which the
``paper_id`` constraint turns into an error, never a duplicate, should one exist after all.

>>> ENTITY_MERGE["Method"].split("\\n")[1].strip()
'MERGE (e:Entity {id: $ids[i]})'
>>> sorted(RELATIONSHIP_MERGE) == sorted(RELATIONSHIP_CREATE) == sorted(RELATIONSHIP_TYPES.values())
True
"""

from __future__ import annotations

from kg.schema import ENTITY_LABELS, RELATIONSHIP_TYPES

__all__ = [
    "ALL_COUNTS",
    "COMPONENTS",
    "ENTITY_CREATE",
    "ENTITY_MERGE",
    "ENTITY_PROPERTIES",
    "EXISTING_PAPERS",
    "FULLTEXT_INDEX",
    "LABEL_COUNTS",
    "OUR_RELATIONSHIPS",
    "PAPER_CREATE",
    "PAPER_MERGE",
    "PAPER_PROPERTIES",
    "PAPER_STALE_LINKS_DELETE",
    "PING",
    "PRUNE_ENTITIES",
    "PRUNE_PAPERS",
    "READ_ENTITIES",
    "READ_LINKS",
    "READ_PAPERS",
    "REFRESH_PAPER_COUNTS",
    "RELATIONSHIP_COUNTS",
    "RELATIONSHIP_CREATE",
    "RELATIONSHIP_MERGE",
    "SCHEMA",
    "SHOW_CONSTRAINTS",
    "SHOW_INDEXES",
    "WIPE_BATCH",
    "WIPE_RELATIONSHIPS_BATCH",
]

PING = "RETURN 1 AS ok"

# `type:Method|Model|...` in patterns: every relationship the graph model defines, none other.
OUR_RELATIONSHIPS = "|".join(RELATIONSHIP_TYPES.values())

FULLTEXT_INDEX = "entity_names"

# Uniqueness constraints (each also gives the index MERGE looks ids up in), then plain
# indexes for the properties questions filter on, and a full-text index over names and
# aliases for users' fuzzy look-ups: CALL db.index.fulltext.queryNodes('entity_names', 'dpo').
SCHEMA: tuple[str, ...] = (
    "CREATE CONSTRAINT paper_id IF NOT EXISTS FOR (p:Paper) REQUIRE p.id IS UNIQUE",
    "CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (e:Entity) REQUIRE e.id IS UNIQUE",
    "CREATE INDEX paper_title IF NOT EXISTS FOR (p:Paper) ON (p.title)",
    "CREATE INDEX paper_date IF NOT EXISTS FOR (p:Paper) ON (p.date)",
    "CREATE INDEX entity_name IF NOT EXISTS FOR (e:Entity) ON (e.name)",
    "CREATE INDEX entity_type IF NOT EXISTS FOR (e:Entity) ON (e.type)",
    f"CREATE FULLTEXT INDEX {FULLTEXT_INDEX} IF NOT EXISTS FOR (e:Entity) ON EACH [e.name, e.aliases]",
)

# What `kg neo4j status` lists (SHOW commands do not combine with UNION).
SHOW_CONSTRAINTS = "SHOW CONSTRAINTS YIELD name, type, labelsOrTypes, properties RETURN *"
SHOW_INDEXES = """
SHOW INDEXES YIELD name, type, labelsOrTypes, properties, state, owningConstraint
WHERE owningConstraint IS NULL AND labelsOrTypes IS NOT NULL
RETURN name, type, labelsOrTypes, properties, state
"""

# The node properties written besides ``id``, each sent as a column of the same name
# (``$title``); an entity's ``type`` is its label, sent once per statement as ``$type``.
PAPER_PROPERTIES = ("paper_id", "title", "label", "date", "url", "authors_count", "organizations", "upvotes")
ENTITY_PROPERTIES = ("name", "type", "label", "aliases", "keys")  # paper_count is counted in the database


def _set(var: str, properties: tuple[str, ...]) -> str:
    """``p.title = $title[i], ...``: every property set from row ``i`` of its column."""
    return ", ".join(f"{var}.{k} = ${k}[i]" for k in properties)


# One statement per entity label, since labels cannot be parameters. An entity whose type
# changed between builds loses its old type label, so it never carries two. A null in a
# column removes the property, so a re-load leaves exactly the new values.
ENTITY_MERGE: dict[str, str] = {
    label: (
        "UNWIND range(0, size($ids) - 1) AS i\n"
        "MERGE (e:Entity {id: $ids[i]})\n"
        f"SET e:{label}, e.type = $type, {_set('e', tuple(k for k in ENTITY_PROPERTIES if k != 'type'))}\n"
        + (f"REMOVE e:{':'.join(other for other in ENTITY_LABELS if other != label)}\n")
    )
    for label in ENTITY_LABELS
}

# Entities of a load into a database that held none: each is written once per load, so
# it cannot exist yet (the `entity_id` constraint refuses it if it does).
ENTITY_CREATE: dict[str, str] = {
    label: (
        "UNWIND range(0, size($ids) - 1) AS i\n"
        f"CREATE (e:Entity:{label} {{id: $ids[i], type: $type, "
        + ", ".join(f"{k}: ${k}[i]" for k in ENTITY_PROPERTIES if k != "type")
        + "})\n"
    )
    for label in ENTITY_LABELS
}

# Papers the database does not have yet: created with their properties (nulls are left out).
PAPER_CREATE = f"""
UNWIND range(0, size($ids) - 1) AS i
CREATE (p:Paper {{id: $ids[i], {", ".join(f"{k}: ${k}[i]" for k in PAPER_PROPERTIES)}}})
"""

# Papers already stored: every known property set, a null removing one the graph no longer has.
PAPER_MERGE = f"""
UNWIND range(0, size($ids) - 1) AS i
MERGE (p:Paper {{id: $ids[i]}})
SET {_set("p", PAPER_PROPERTIES)}
"""

# A stored paper's links that the graph no longer has (an entity dropped, or a role that
# changed and so a relationship type): deleted before the current ones are merged, in the
# same transaction, so a re-load gives exactly the paper's current links. `$links[i]` holds
# the "TYPE entity-id" strings of paper `$ids[i]`; the entities that lost a link are
# returned, to be recounted.
PAPER_STALE_LINKS_DELETE = f"""
UNWIND range(0, size($ids) - 1) AS i
MATCH (p:Paper {{id: $ids[i]}})-[r:{OUR_RELATIONSHIPS}]->(e:Entity)
WHERE NOT type(r) + ' ' + e.id IN $links[i]
DELETE r
RETURN DISTINCT e.id AS id
"""

# Relationships, one statement per type, found or made between nodes looked up by their
# unique ids (the constraints' indexes). `$role` is the same for every row of a type.
_LINK_ENDS = """
UNWIND range(0, size($sources) - 1) AS i
MATCH (p:Paper {id: $sources[i]})
MATCH (e:Entity {id: $targets[i]})
"""

# Links of papers created in the same transaction: they cannot exist yet, so CREATE (no
# search of the entity's relationships, which for a benchmark are thousands).
RELATIONSHIP_CREATE: dict[str, str] = {
    rel_type: _LINK_ENDS
    + f"CREATE (p)-[:{rel_type} {{role: $role, confidence: $confidence[i], evidence: $evidence[i]}}]->(e)\n"
    for rel_type in RELATIONSHIP_TYPES.values()
}

# Links of stored papers: MERGE, so a re-load never adds a second relationship.
RELATIONSHIP_MERGE: dict[str, str] = {
    rel_type: _LINK_ENDS
    + f"MERGE (p)-[r:{rel_type}]->(e)\n"
    + "SET r.role = $role, r.confidence = $confidence[i], r.evidence = $evidence[i]\n"
    for rel_type in RELATIONSHIP_TYPES.values()
}

# One list rather than a record per paper: the driver builds records slowly.
EXISTING_PAPERS = """
UNWIND $ids AS id
MATCH (p:Paper {id: id})
RETURN collect(p.id) AS ids
"""

# Entities count their papers in the database, in the transaction that changed their links.
# Only papers have outgoing relationships of these types, so the count needs no label
# check and comes from the node's degree.
REFRESH_PAPER_COUNTS = f"""
UNWIND $ids AS id
MATCH (e:Entity {{id: id}})
SET e.paper_count = COUNT {{ ()-[:{OUR_RELATIONSHIPS}]->(e) }}
"""

# A load without --add leaves exactly the loaded graph: papers and entities it does not
# have are removed afterwards, a batch at a time (`$keep` is the set of ids to keep); the
# entities a removed paper linked to are returned, to be recounted. Not run for a label the
# database held no node of when the load began.
PRUNE_PAPERS = f"""
MATCH (p:Paper) WHERE NOT p.id IN $keep
WITH p LIMIT $batch
OPTIONAL MATCH (p)-[:{OUR_RELATIONSHIPS}]->(e:Entity)
WITH collect(DISTINCT p) AS papers, collect(DISTINCT e.id) AS linked
FOREACH (p IN papers | DETACH DELETE p)
RETURN size(papers) AS deleted, linked
"""
PRUNE_ENTITIES = """
MATCH (e:Entity) WHERE NOT e.id IN $keep
WITH e LIMIT $batch
DETACH DELETE e
RETURN count(*) AS deleted
"""

# Everything in the database, a batch per transaction so a big graph never needs one huge
# transaction; each repeated until it deletes nothing. Relationships go first: DETACH DELETE
# of a batch of nodes takes every relationship of a popular entity with it in one
# transaction, past the server's transaction memory limit.
WIPE_RELATIONSHIPS_BATCH = """
MATCH ()-[r]->()
WITH r LIMIT $batch
DELETE r
RETURN count(*) AS deleted
"""

WIPE_BATCH = """
MATCH (n)
WITH n LIMIT $batch
DETACH DELETE n
RETURN count(*) AS deleted
"""

READ_PAPERS = "MATCH (p:Paper) RETURN p.id AS id, properties(p) AS props ORDER BY id"
READ_ENTITIES = "MATCH (e:Entity) RETURN e.id AS id, properties(e) AS props ORDER BY id"
READ_LINKS = f"""
MATCH (p:Paper)-[r:{OUR_RELATIONSHIPS}]->(e:Entity)
RETURN p.id AS source, e.id AS target, type(r) AS type, properties(r) AS props
ORDER BY source, target
"""

# Counts by label and by type come from Neo4j's count store: instant on any size.
ALL_COUNTS = "RETURN COUNT { MATCH (n) } AS nodes, COUNT { MATCH ()-[r]->() } AS relationships"
LABEL_COUNTS: dict[str, str] = {
    label: f"MATCH (n:{label}) RETURN count(n) AS n" for label in ("Paper", "Entity", *ENTITY_LABELS)
}
RELATIONSHIP_COUNTS: dict[str, str] = {
    rel_type: f"MATCH ()-[r:{rel_type}]->() RETURN count(r) AS n" for rel_type in RELATIONSHIP_TYPES.values()
}

COMPONENTS = "CALL dbms.components() YIELD name, versions, edition RETURN name, versions[0] AS version, edition"
