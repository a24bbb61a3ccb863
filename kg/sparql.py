"""SPARQL text: our prefixes, checked query constants, and values bound without pasting.

Question modules declare ``SPARQL = sparql(\"\"\"SELECT ...\"\"\")``: the prefixes are added and
the text is parsed at import, so a typo fails when the module loads, not when a user asks.

Parameters reach a query through :func:`bind_params`: values by :func:`bind_values`, which
adds a ``VALUES`` block of escaped terms at the top of the WHERE clause, and name lookup keys
(``?param_<name>_key``, used only in triple patterns) written in place as escaped literals,
because pyoxigraph evaluates a pattern whose only anchor comes from VALUES over the whole
graph when it sits in an OPTIONAL or FILTER NOT EXISTS (a name lookup took 0.1-0.2 s on a
10k-paper graph that way, 0.3 ms with the key in place). One mechanism serves the embedded
store and any remote endpoint, so both see the same semantics. (pyoxigraph's own
``substitutions`` would need every bound variable in the SELECT projection, and in
0.5 ``BOUND()`` of a substituted variable is false, which optional filters rely on.)

>>> sparql_literal('say "hi"\\n')
'"say \\\\"hi\\\\"\\\\n"'
>>> uses_service('SELECT ?service WHERE { ?s <x:p> "SERVICE" }')
False
>>> uses_service("SELECT * WHERE { service <http://example.org/sparql> { ?s ?p ?o } }")
True
"""

from __future__ import annotations

import re
import textwrap
from collections.abc import Mapping
from typing import Any
from urllib.parse import unquote

__all__ = [
    "KGO_IRI",
    "KG_ID",
    "PREFIXES",
    "SCHEMA_IRI",
    "XSD",
    "bind_params",
    "bind_values",
    "code_only",
    "decode_list",
    "inline_terms",
    "is_update",
    "json_term",
    "param_bindings",
    "sparql",
    "sparql_iri",
    "sparql_literal",
    "syntax_message",
    "uses_service",
    "with_prefixes",
]

KG_ID = "https://w3id.org/kg-papers/id/"
KGO_IRI = "https://w3id.org/kg-papers/ontology#"
SCHEMA_IRI = "https://schema.org/"
XSD = "http://www.w3.org/2001/XMLSchema#"

PREFIXES = {
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "xsd": XSD,
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "dcterms": "http://purl.org/dc/terms/",
    "prov": "http://www.w3.org/ns/prov#",
    "schema": SCHEMA_IRI,
    "kgo": KGO_IRI,
    "kg": KG_ID,
}
_PROLOGUE = "".join(f"PREFIX {p}: <{iri}>\n" for p, iri in PREFIXES.items())

# Strings (four quoting styles), IRI references and comments: everything that is not query code.
_NON_CODE = re.compile(
    r'"""(?:[^"\\]|\\.|"(?!""))*"""'
    r"|'''(?:[^'\\]|\\.|'(?!''))*'''"
    r'|"(?:[^"\\\n\r]|\\.)*"'
    r"|'(?:[^'\\\n\r]|\\.)*'"
    r'|<[^<>"{}|^`\\\x00-\x20]*>'
    r"|#[^\n\r]*",
    re.DOTALL,
)
_SERVICE = re.compile(r"(?<![\w?$:])SERVICE(?![\w:])", re.IGNORECASE)
_UPDATE = re.compile(
    r"^\s*(?:(?:PREFIX\s+[^\s:]*:|BASE)\s*)*"
    r"(?:INSERT|DELETE|LOAD|CLEAR|DROP|CREATE|ADD|MOVE|COPY|WITH)\b",
    re.IGNORECASE,
)
_ESCAPES = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")
_IRI_FORBIDDEN = re.compile(r'[<>"{}|^`\\\x00-\x20]')
_VAR = re.compile(r"[?$]([A-Za-z_][A-Za-z0-9_]*)")


def code_only(query: str) -> str:
    """``query`` with strings, IRIs and comments blanked out (same length), so keyword
    checks cannot be fooled by, or trip over, text inside them."""
    return _NON_CODE.sub(lambda m: " " * len(m.group()), query)


def _unescape(query: str) -> str:
    # SPARQL allows \\u escapes anywhere; check the decoded text too, to be safe.
    return _ESCAPES.sub(lambda m: chr(int(m.group(1) or m.group(2), 16)), query)


def uses_service(query: str) -> bool:
    """True when the query contains a federated ``SERVICE`` call (which makes outbound requests)."""
    return any(_SERVICE.search(code_only(text)) for text in (query, _unescape(query)))


def is_update(text: str) -> bool:
    """True when ``text`` is a SPARQL Update request rather than a query."""
    return any(_UPDATE.search(code_only(t)) for t in (text, _unescape(text)))


def sparql_literal(value: Any) -> str:
    """A SPARQL term for a Python value: escaped string, integer, decimal or boolean."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(int(value))
    if isinstance(value, float):
        return f'"{value!r}"^^<{XSD}double>'
    text = str(value)
    escaped = (
        text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t")
    )
    return f'"{escaped}"'


def sparql_iri(iri: str) -> str:
    """``<iri>``, refusing characters that could end the IRI early."""
    if _IRI_FORBIDDEN.search(iri):
        raise ValueError(f"not a usable IRI: {iri!r}")
    return f"<{iri}>"


def bind_values(query: str, bindings: Mapping[str, str | list[str]]) -> str:
    """``query`` with a ``VALUES`` block of already-escaped terms opening its WHERE clause.

    A variable maps to one term or to a list (one row per term). The block joins the
    whole outer group, so filters and ``NOT EXISTS`` there see the values.

    >>> bind_values("SELECT ?x WHERE { ?x ?p ?v }", {"v": sparql_literal("a")})
    'SELECT ?x WHERE { VALUES (?v) { ("a") } ?x ?p ?v }'
    """
    code = code_only(query)
    brace = code.find("{")
    if brace < 0 or not re.search(r"\bWHERE\s*$", code[:brace], re.IGNORECASE):
        raise ValueError("a bindable query is SELECT ... WHERE { ...; its first brace must open the WHERE clause")
    if not bindings:
        return query
    names = list(bindings)
    columns = [bindings[n] if isinstance(bindings[n], list) else [bindings[n]] for n in names]
    try:
        rows = " ".join("(" + " ".join(row) + ")" for row in zip(*columns, strict=True))
    except ValueError:
        raise ValueError("list-valued bindings must have the same length") from None
    block = f" VALUES ({' '.join('?' + n for n in names)}) {{ {rows} }}"
    return query[: brace + 1] + block + query[brace + 1 :]


def param_bindings(query: str, params: Mapping[str, Any]) -> dict[str, str]:
    """Terms for the question parameters the query uses: ``?param_<name>`` holds the value,
    ``?param_<name>_key`` its match key (how names and aliases are looked up). A parameter
    that is None stays unbound."""
    from kg.ids import match_key

    used = set(_VAR.findall(code_only(query)))
    terms = {}
    for name, value in params.items():
        if value is None:
            continue
        if f"param_{name}" in used:
            terms[f"param_{name}"] = sparql_literal(value)
        if f"param_{name}_key" in used:
            terms[f"param_{name}_key"] = sparql_literal(match_key(str(value)))
    return terms


def bind_params(query: str, params: Mapping[str, Any]) -> str:
    """``query`` with the question parameters it uses bound (see the module docstring): match
    keys written in place of their variable, everything else in a VALUES block."""
    terms = param_bindings(query, params)
    keys = {name: term for name, term in terms.items() if name.endswith("_key")}
    return bind_values(inline_terms(query, keys), {name: term for name, term in terms.items() if name not in keys})


def inline_terms(query: str, terms: Mapping[str, str]) -> str:
    """``query`` with each variable of ``terms`` replaced by its (already escaped) term inside
    the WHERE clause, where a constant anchors pyoxigraph's plan as a VALUES row does not.
    A variable that is projected, grouped on, tested with BOUND or assigned cannot be a
    constant, so it is refused."""
    if not terms:
        return query
    code = code_only(query)
    start, end = code.find("{"), code.rfind("}")
    spans = [(m.start(), m.end(), terms[m.group(1)]) for m in _VAR.finditer(code) if m.group(1) in terms]
    names = "|".join(map(re.escape, terms))
    if any(not start < s < end for s, _, _ in spans) or re.search(rf"(?i)(\bBOUND\s*\(|\bAS)\s*[?$]({names})\b", code):
        raise ValueError(f"?{', ?'.join(terms)} may appear only in graph patterns and expressions")
    for s, e, term in reversed(spans):
        query = query[:s] + term + query[e:]
    return query


def json_term(term: Any) -> dict[str, Any]:
    """A pyoxigraph term in the SPARQL 1.1 JSON results shape (``{"type": ..., "value": ...}``)."""
    import pyoxigraph as ox

    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    if isinstance(term, ox.Triple):
        return {"type": "triple", "value": {k: json_term(getattr(term, k)) for k in ("subject", "predicate", "object")}}
    out: dict[str, Any] = {"type": "literal", "value": term.value}
    if term.language:
        out["xml:lang"] = term.language
    elif term.datatype.value != f"{XSD}string":
        out["datatype"] = term.datatype.value
    return out


def decode_list(text: str | None) -> list[str]:
    """Items of a list column: ``GROUP_CONCAT(ENCODE_FOR_URI(?x); separator=" ")`` split and
    decoded. Encoded items never contain a space, so any name survives; empty items
    (from unbound optional values) are dropped."""
    return [unquote(item) for item in (text or "").split(" ") if item]


_POSITION = re.compile(r"\berror at (\d+):(\d+)")


def syntax_message(error: Exception | str, prologue_lines: int = 0) -> str:
    """pyoxigraph's parse error said for a person: where, as a line and column of the query they
    wrote (the ``prologue_lines`` of PREFIX declarations added before it left out), and an
    undeclared prefix named as such instead of the list of characters a prefix may hold."""
    text = _POSITION.sub(lambda m: f"error at line {int(m[1]) - prologue_lines}, column {m[2]}", str(error), 1)
    if "Prefix not found" in text:
        text = text.split(": expected", 1)[0] + ": a prefix that is not declared (declare it with PREFIX)"
    return text


def with_prefixes(query: str) -> str:
    """``query`` with our PREFIX declarations for the prefixes it does not declare itself."""
    declared = set(re.findall(r"(?im)^\s*PREFIX\s+([^\s:]*):", query))
    return "".join(f"PREFIX {p}: <{iri}>\n" for p, iri in PREFIXES.items() if p not in declared) + query


def entity_named(var: str, key_param: str) -> str:
    """Graph pattern binding ``?var`` to the entity whose name or alias has the match key in
    ``?key_param``: of several, the one in most papers, then the smallest id (no better ?rival),
    as ``queries.base.entity_by_name`` chooses. Uses ?count, ?id, ?rival, ?rival_count, ?rival_id."""
    return f"""
      ?{var} kgo:matchKey ?{key_param} ; kgo:paperCount ?count ; dcterms:identifier ?id .
      OPTIONAL {{
        ?rival kgo:matchKey ?{key_param} ; kgo:paperCount ?rival_count ; dcterms:identifier ?rival_id .
        FILTER (?rival_count > ?count || (?rival_count = ?count && ?rival_id < ?id))
      }}
      FILTER (!BOUND(?rival))"""


def sparql(body: str) -> str:
    """The query with our prefixes, parsed now so a mistake fails at import."""
    import pyoxigraph

    text = _PROLOGUE + textwrap.dedent(body).strip() + "\n"
    try:
        list(pyoxigraph.Store().query(text))
    except SyntaxError as e:
        raise SyntaxError(f"SPARQL does not parse: {e}\n{text}") from None
    bind_values(text, {})  # the binding anchor must exist
    return text
