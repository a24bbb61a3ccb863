"""`kg eval`: extraction quality against an annotated gold set."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Optional

import typer

from kg.cli.app import app, fail, out
from kg.cli.render import print_rows


@app.command("eval")
def evaluate_command(
    gold: Annotated[
        Path, typer.Argument(help="Gold JSON Lines, in the `kg extract` record shape (evidence optional).")
    ],
    pred: Annotated[
        Optional[Path], typer.Argument(help="Predicted records from `kg extract`.", show_default=False)
    ] = None,
    input_: Annotated[
        Optional[Path], typer.Option("--input", "-i", help="Papers to extract first (instead of PRED).")
    ] = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="table or json.")] = "table",
    config: Annotated[Optional[Path], typer.Option(help="Pipeline config for --input.")] = None,
) -> None:
    """Precision, recall and F1 per type, per role, per core group and for method pairs.

    Examples:

      kg eval data/eval/test-gold.jsonl --input data/eval/test-papers.jsonl

      kg extract papers.jsonl -o pred.jsonl && kg eval gold.jsonl pred.jsonl --format json
    """
    from kg import api
    from pipelines.evaluation import evaluate, load_records

    if (pred is None) == (input_ is None):
        raise fail("give either PRED (a `kg extract` output) or --input PAPERS to extract now")
    try:
        gold_records = load_records(gold)
        pred_records = load_records(pred) if pred else list(api.extract([input_], str(config) if config else None))
    except (ValueError, FileNotFoundError) as e:
        raise fail(str(e)) from None
    result = evaluate(gold_records, pred_records)
    if fmt == "json":
        print(json.dumps(result, indent=2))
        return
    rows = []
    for kind in ("group", "type", "role", "overall", "pairs"):
        for name, s in result[kind].items():
            rows.append(
                {
                    "kind": kind,
                    "name": name,
                    "gold": s["gold"],
                    "predicted": s["predicted"],
                    "matched": s["matched"],
                    "P": f"{s['precision']:.3f}",
                    "R": f"{s['recall']:.3f}",
                    "F1": f"{s['f1']:.3f}",
                }
            )
    print_rows(rows, ["kind", "name", "gold", "predicted", "matched", "P", "R", "F1"])
    out.print(
        f"papers: {result['papers']['matched']} of {result['papers']['gold']} gold papers found in the predictions"
    )
