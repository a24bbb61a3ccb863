"""Writers for the formats other tools read. Each writes deterministically (sorted,
no timestamps), so rebuilding the same input gives byte-identical files."""

from kg.exports.graphml import write_graphml
from kg.exports.neo4j_csv import write_neo4j_csv
from kg.exports.node_link import read_node_link, write_node_link

__all__ = ["EXPORTERS", "read_node_link", "write_graphml", "write_neo4j_csv", "write_node_link"]


def _write_turtle(graph, path):
    from kg.rdf import write_rdf

    write_rdf(graph, path, "turtle")


def _write_ntriples(graph, path):
    from kg.rdf import write_rdf

    write_rdf(graph, path, "nt")


def _write_jsonld(graph, path):
    from kg.rdf import write_rdf

    write_rdf(graph, path, "json-ld")


# format name -> (writer, default file name under the output folder)
EXPORTERS = {
    "node-link": (write_node_link, "graph.json"),
    "graphml": (write_graphml, "graph.graphml"),
    "turtle": (_write_turtle, "graph.ttl"),
    "ntriples": (_write_ntriples, "graph.nt"),
    "jsonld": (_write_jsonld, "graph.jsonld"),
    "neo4j-csv": (write_neo4j_csv, "neo4j-import"),
}
