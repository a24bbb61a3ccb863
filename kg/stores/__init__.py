"""Stores, chosen by name and imported only when used (Neo4j and RDF pull in drivers)."""

from __future__ import annotations

from importlib import import_module
from typing import Any

from kg.stores.base import GraphStore

__all__ = ["STORES", "GraphStore", "open_store"]

STORES: dict[str, str] = {
    "embedded": "kg.stores.embedded:EmbeddedStore",
    "neo4j": "kg.stores.neo4j:Neo4jStore",
    "rdf": "kg.stores.rdf:RdfStore",
}


def open_store(name: str, **options: Any) -> GraphStore:
    if name not in STORES:
        raise KeyError(f"no store '{name}'; choose one of {', '.join(STORES)}")
    module, _, cls = STORES[name].partition(":")
    return getattr(import_module(module), cls)(**options)
