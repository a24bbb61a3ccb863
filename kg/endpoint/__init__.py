"""The SPARQL endpoint behind ``kg serve``: an HTTP front (:mod:`.server`) and query workers (:mod:`.worker`)."""

from kg.endpoint.server import Limits, SparqlServer, is_local

__all__ = ["Limits", "SparqlServer", "is_local"]
