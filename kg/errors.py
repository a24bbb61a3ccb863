"""Every message that tells a user what went wrong and what to do next, in one place."""

from __future__ import annotations

from pathlib import Path

__all__ = ["KgError"]


class KgError(Exception):
    """An error the CLI prints as one line (no traceback) and exits non-zero on."""

    exit_code = 1

    @classmethod
    def no_graph(cls, folder: Path) -> KgError:
        return cls(f"no graph in {folder}/ — build one first: kg build PAPERS --out {folder}")

    @classmethod
    def out_not_a_folder(cls, path: Path) -> KgError:
        return cls(f"{path} is a file, not a folder: give --out a folder for the graph's files")

    @classmethod
    def nothing_read(cls, summary: str) -> KgError:
        return cls(f"no usable papers were read ({summary}); check the input paths and --format")

    @classmethod
    def missing_extra(cls, module: str, extra: str) -> KgError:
        return cls(f"this needs the '{module}' package: pip install 'kg-papers[{extra}]'")

    # -- Neo4j --------------------------------------------------------------------------------
    # How to get a server and its settings, said once so every Neo4j message gives the same advice.
    _NEO4J_START = 'start one with: eval "$(scripts/neo4j start)" (or docker compose up -d neo4j)'

    @classmethod
    def neo4j_no_password(cls) -> KgError:
        return cls(f"no Neo4j password: set NEO4J_PASSWORD or pass --password; for a local server {cls._NEO4J_START}")

    @classmethod
    def neo4j_auth(cls, uri: str, user: str, locked: bool = False) -> KgError:
        """A refused login; ``locked`` when the server refuses every login of the user for a while
        after repeated wrong passwords (even the right one, so the usual advice alone misleads)."""
        why = (
            " for now, after too many wrong passwords in a row: wait a few seconds (the server's "
            "dbms.security.auth_lock_time, 5 s by default), then"
            if locked
            else ":"
        )
        return cls(
            f"Neo4j at {uri} refused the login of user '{user}'{why} check NEO4J_USERNAME and NEO4J_PASSWORD "
            f'(or --user/--password); for the local server run eval "$(scripts/neo4j start)" to export them'
        )

    @classmethod
    def neo4j_unreachable(cls, uri: str) -> KgError:
        return cls(f"no Neo4j server answers at {uri}: check NEO4J_URI (or --uri), or {cls._NEO4J_START}")

    @classmethod
    def neo4j_bad_uri(cls, uri: str) -> KgError:
        return cls(f"'{uri}' is not a Neo4j address: NEO4J_URI (or --uri) looks like bolt://127.0.0.1:7687")

    @classmethod
    def neo4j_no_database(cls, uri: str, database: str) -> KgError:
        return cls(
            f"Neo4j at {uri} has no database '{database}': set NEO4J_DATABASE (or --database) to an existing "
            "one (Community edition has only 'neo4j'), or create it with CREATE DATABASE on Enterprise"
        )

    @classmethod
    def neo4j_database_unavailable(cls, uri: str, database: str) -> KgError:
        return cls(
            f"database '{database}' at {uri} is not available (still starting, stopped, or its files are "
            "damaged, e.g. by a failed import): look at the server's logs/neo4j.log, or restart it"
        )

    @classmethod
    def neo4j_load_interrupted(cls, done: int, total: int, reason: str) -> KgError:
        return cls(
            f"the Neo4j load stopped after {done} of {total} papers ({reason}); every paper is written whole "
            "or not at all, so start the server again and re-run the same command to complete it"
        )

    @classmethod
    def neo4j_query(cls, message: str) -> KgError:
        first = message.strip().splitlines()[0] if message.strip() else "no message"
        return cls(f"Neo4j rejected the query: {first}")

    @classmethod
    def neo4j_write_refused(cls, query_type: str) -> KgError:
        return cls(f"this Cypher writes to the database (query type '{query_type}'); add --write to run it")

    @classmethod
    def neo4j_unknown_type(cls, node: str, value: str, allowed: str) -> KgError:
        return cls(f"node {node} has type '{value}', which the Neo4j schema does not know (one of {allowed})")

    # -- RDF and SPARQL -----------------------------------------------------------------------
    @classmethod
    def endpoint_read_only(cls, endpoint: str) -> KgError:
        return cls(
            f"the rdf store cannot write to the endpoint {endpoint} (ours is read-only); "
            "load graph.ttl into your triple store with its own loader"
        )

    @classmethod
    def sparql_syntax(cls, detail: object) -> KgError:
        return cls(f"the SPARQL query does not parse: {detail}")

    @classmethod
    def endpoint_unreachable(cls, endpoint: str, detail: object) -> KgError:
        return cls(f"cannot reach the SPARQL endpoint {endpoint}: {detail}; is `kg serve` (or your server) running?")

    @classmethod
    def endpoint_status(cls, endpoint: str, status: int, detail: str) -> KgError:
        return cls(f"the SPARQL endpoint {endpoint} answered {status}: {detail}")

    # -- shared -------------------------------------------------------------------------------
    @classmethod
    def no_backend_form(cls, question: str, language: str) -> KgError:
        return cls(f"question '{question}' has no {language} form yet; use --backend embedded")

    @classmethod
    def unknown_export(cls, fmt: str, choices: list[str]) -> KgError:
        return cls(f"unknown export format '{fmt}'; choose one of {', '.join(choices)}")

    # -- visualization ------------------------------------------------------------------------
    @classmethod
    def unknown_type(cls, item: str, choices: tuple[str, ...]) -> KgError:
        return cls(f"unknown entity type '{item}' for --types; choose from {', '.join(choices)}")

    @classmethod
    def nothing_named(cls, name: str, close: list[str]) -> KgError:
        hint = (
            f"; did you mean {', '.join(repr(c) for c in close)}?"
            if close
            else ("; kg query method-profile NAME looks names up by alias too")
        )
        return cls(f"nothing named '{name}' in the graph{hint}")

    @classmethod
    def bad_option(cls, option: str, rule: str, value: object) -> KgError:
        return cls(f"{option} must be {rule}, got {value}")

    @classmethod
    def missing_asset(cls, what: str, detail: object, fix: str) -> KgError:
        return cls(f"{what} is missing ({detail}); {fix}")
