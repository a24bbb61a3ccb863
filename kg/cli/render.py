"""Rows printed as a table, JSON or CSV: shared by `kg query`, `kg cypher` and `kg sparql`."""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Sequence
from typing import Any

from rich.table import Table
from rich.text import Text

from kg.cli.app import out

__all__ = ["FORMATS", "print_rows"]

FORMATS = ("table", "json", "csv")


def _cell(value: Any) -> str:
    """A value as one cell: a list's items joined, a map (a Cypher node, a path's parts) as JSON,
    which other tools read back, rather than Python's repr."""
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)
    if isinstance(value, list):
        return "; ".join(map(_cell, value))
    return "" if value is None else str(value)


def print_rows(rows: list[dict[str, Any]], columns: Sequence[str] | None = None, fmt: str = "table") -> None:
    columns = list(columns or (rows[0].keys() if rows else []))
    if fmt == "json":
        sys.stdout.write(json.dumps(rows, ensure_ascii=False, indent=2) + "\n")
    elif fmt == "csv":
        writer = csv.writer(sys.stdout)
        writer.writerow(columns)
        for row in rows:
            writer.writerow([_cell(row.get(c)) for c in columns])
    else:
        if not rows:
            out.print("(no rows)")
            return
        table = Table(*columns, show_lines=False, highlight=False)
        for row in rows:
            table.add_row(*[Text(_cell(row.get(c))) for c in columns])  # values, not markup
        out.print(table)
