"""Every Cypher statement the Neo4j store runs, in one place.

Values always travel as parameters (``$rows``, ``$ids``); labels and relationship types
cannot, so they come only from the fixed schema in :mod:`kg.schema` and are pasted in
here, once, when this module loads. The question catalogue keeps its own Cypher in
``queries/`` (one module per question).

Writes are batched: each statement takes a list of row maps and ``UNWIND``s it, so a
transaction of thousands of rows is a handful of round trips. ``MERGE`` on the unique
``id`` makes every write idempotent: loading the same rows twice changes nothing.

>>> ENTITY_MERGE["Method"].split("\\n")[1].strip()
'MERGE (e:Entity {id: row.id})'
>>> sorted(RELATIONSHIP_MERGE) == sorted(RELATIONSHIP_TYPES.values())
True
"""

from __future__ import annotations

from kg.schema import ENTITY_LABELS, RELATIONSHIP_TYPES

__all__ = [
    "ALL_COUNTS",
    "COMPONENTS",
    "ENTITY_MERGE",
    "EXISTING_PAPERS",
    "FULLTEXT_INDEX",
    "LABEL_COUNTS",
    "OUR_RELATIONSHIPS",
    "PAPER_MERGE",
    "PAPER_STALE_LINKS_DELETE",
    "PING",
    "PRUNE_ENTITIES",
    "PRUNE_PAPERS",
    "READ_ENTITIES",
    "READ_LINKS",
    "READ_PAPERS",
    "REFRESH_PAPER_COUNTS",
    "RELATIONSHIP_COUNTS",
    "RELATIONSHIP_MERGE",
    "SCHEMA",
    "SHOW_CONSTRAINTS",
    "SHOW_INDEXES",
    "WIPE_BATCH",
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

# One statement per entity label, since labels cannot be parameters. An entity whose type
# changed between builds loses its old type label, so it never carries two.
ENTITY_MERGE: dict[str, str] = {
    label: (
        "UNWIND $rows AS row\n"
        "MERGE (e:Entity {id: row.id})\n"
        f"SET e:{label}, e += row.props\n"
        + (f"REMOVE e:{':'.join(other for other in ENTITY_LABELS if other != label)}\n")
    )
    for label in ENTITY_LABELS
}

# `+= row.props` with every known property present: a null removes a property the new
# graph no longer has, so a re-load leaves exactly the new values.
PAPER_MERGE = """
UNWIND $rows AS row
MERGE (p:Paper {id: row.id})
SET p += row.props
"""

# A paper's links that the graph no longer has (an entity dropped, or a role that changed
# and so a relationship type): deleted before the current ones are merged, in the same
# transaction, so a re-load gives exactly the paper's current links. `row.links` holds
# "TYPE entity-id" strings; the entities that lost a link are returned, to be recounted.
PAPER_STALE_LINKS_DELETE = f"""
UNWIND $rows AS row
MATCH (p:Paper {{id: row.id}})-[r:{OUR_RELATIONSHIPS}]->(e:Entity)
WHERE NOT type(r) + ' ' + e.id IN row.links
DELETE r
RETURN DISTINCT e.id AS id
"""

RELATIONSHIP_MERGE: dict[str, str] = {
    rel_type: (
        "UNWIND $rows AS row\n"
        "MATCH (p:Paper {id: row.source})\n"
        "MATCH (e:Entity {id: row.target})\n"
        f"MERGE (p)-[r:{rel_type}]->(e)\n"
        "SET r += row.props\n"
    )
    for rel_type in RELATIONSHIP_TYPES.values()
}

EXISTING_PAPERS = """
UNWIND $ids AS id
MATCH (p:Paper {id: id})
RETURN p.id AS id
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
# entities a removed paper linked to are returned, to be recounted.
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
# transaction; repeated until it deletes nothing.
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
