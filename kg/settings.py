"""One settings object read from the environment: the Neo4j names its drivers' examples use,
and the SPARQL endpoint `kg sparql` and `kg query --backend rdf` ask when given no --endpoint."""

from __future__ import annotations

import os
from dataclasses import dataclass

__all__ = ["Settings"]


@dataclass(frozen=True)
class Settings:
    neo4j_uri: str = "bolt://127.0.0.1:7687"
    neo4j_username: str = "neo4j"
    neo4j_password: str | None = None
    neo4j_database: str = "neo4j"
    sparql_endpoint: str | None = None

    @classmethod
    def from_env(cls) -> Settings:
        env = os.environ.get
        return cls(
            neo4j_uri=env("NEO4J_URI", cls.neo4j_uri),
            neo4j_username=env("NEO4J_USERNAME", cls.neo4j_username),
            neo4j_password=env("NEO4J_PASSWORD"),
            neo4j_database=env("NEO4J_DATABASE", cls.neo4j_database),
            sparql_endpoint=env("KG_SPARQL_ENDPOINT"),
        )
