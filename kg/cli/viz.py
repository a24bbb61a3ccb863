"""`kg viz`: an interactive HTML view of a built graph, one self-contained offline page."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from kg.cli.app import app, out


@app.command()
def viz(
    graph_dir: Annotated[Path, typer.Option("--graph", "-g", help="Folder of a built graph.")] = Path("kg-out"),
    out_file: Annotated[
        Optional[Path], typer.Option("--out", "-o", help="HTML file to write (default: graph.html in --graph).")
    ] = None,
    max_nodes: Annotated[
        int, typer.Option(min=1, help="Node budget; a bigger view becomes its most connected part.")
    ] = 500,
    focus: Annotated[
        Optional[str],
        typer.Option(help="Draw the neighbourhood of this method, benchmark, paper or organization (name or alias)."),
    ] = None,
    depth: Annotated[int, typer.Option(min=0, help="How many links from --focus to follow.")] = 2,
    types: Annotated[
        Optional[str], typer.Option(help="Only these entity types, comma-separated, e.g. Method,Benchmark.")
    ] = None,
    min_papers: Annotated[int, typer.Option(min=0, help="Only entities named in at least this many papers.")] = 0,
) -> None:
    """Write an interactive view of the graph: one HTML file that works offline in any browser.

    Small graphs are drawn whole, bigger ones as their most connected part within --max-nodes.

    In the page: hover a node for its details and evidence, click it to highlight its neighbours and list its papers.

    Examples:

      kg viz

      kg viz --focus DPO --depth 2 --out dpo.html

      kg viz --types Method,Benchmark --min-papers 2
    """
    from kg import api
    from kg.viz import render_view, select_view

    graph = api.load(graph_dir)
    view = select_view(graph, max_nodes=max_nodes, focus=focus, depth=depth, types=types, min_papers=min_papers)
    path = out_file or graph_dir / "graph.html"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(render_view(view, graph), encoding="utf-8")
    out.print(f"wrote {path}: {view.caption}", highlight=False, markup=False)
