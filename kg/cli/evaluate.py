"""`kg eval`: extraction quality against an annotated gold set."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Optional

import typer

from kg.cli.app import app, fail, out

_SECTIONS = (("group", "core groups"), ("type", "types"), ("role", "roles"), ("overall", "all"), ("pairs", "pairs"))


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
    samples: Annotated[
        int,
        typer.Option(
            "--samples",
            help="Bootstrap resamples of the gold papers for each F1's 95% interval; 0 for none.",
        ),
    ] = 1000,
    baseline: Annotated[
        Optional[Path],
        typer.Option(help="Records of another pipeline to compare with: F1 change per measure, with its interval."),
    ] = None,
    baseline_config: Annotated[
        Optional[Path],
        typer.Option(help="With --input: extract the papers with this config too, and compare with it."),
    ] = None,
    show_errors: Annotated[
        bool,
        typer.Option(
            "--errors", help="List every disagreement per paper (missed, spurious, type, role) instead of scores."
        ),
    ] = False,
    sweep: Annotated[
        bool,
        typer.Option(
            "--by-confidence",
            help="Scores at each --min-confidence threshold of `kg build`: what a threshold keeps and costs.",
        ),
    ] = False,
) -> None:
    """Precision, recall and F1 per type, per role, per core group and for method pairs.

    Each F1 comes with a 95% bootstrap interval over the gold papers: on a few dozen papers it
    is wide, so compare two pipelines on several sets before trusting a small difference.

    Examples:

      kg eval data/eval/test-gold.jsonl --input data/eval/test-papers.jsonl

      kg extract papers.jsonl -o pred.jsonl && kg eval gold.jsonl pred.jsonl --format json

      kg eval gold.jsonl --input papers.jsonl --config mine.cfg --baseline-config pipelines/extraction/config.cfg

    --by-confidence shows how precision and recall move as `kg build --min-confidence`
    drops weaker extractions, to choose a threshold for your use:

      kg eval gold.jsonl pred.jsonl --by-confidence

    --errors lists what to look at when extending the catalogue or the cues:

      kg eval gold.jsonl pred.jsonl --errors | grep missed

    With --baseline or --baseline-config the table shows each F1 before and after, the change,
    and its 95% interval from a paired bootstrap: an interval that excludes 0 (marked *) is a
    change the choice of papers does not explain.
    """
    from kg import api
    from pipelines.evaluation import by_confidence, compare, errors, evaluate, load_records

    if fmt not in ("table", "json"):  # checked first: anything else printed the table, after the work
        raise fail("--format takes one of table, json")
    if (pred is None) == (input_ is None):
        raise fail("give either PRED (a `kg extract` output) or --input PAPERS to extract now")
    if baseline_config and input_ is None:
        raise fail("--baseline-config extracts --input PAPERS a second time: give --input, or --baseline RECORDS")
    try:
        gold_records = load_records(gold)
        pred_records = load_records(pred) if pred else list(api.extract([input_], str(config) if config else None))
        base_records = (
            load_records(baseline)
            if baseline
            else list(api.extract([input_], str(baseline_config)))
            if baseline_config
            else None
        )
    except FileNotFoundError as e:
        raise fail(f"no such file: {e.filename} (a JSON Lines file of records, as `kg extract` writes)") from None
    except IsADirectoryError as e:
        raise fail(
            f"{e.filename} is a folder: give the JSON Lines file in it (a build's is extractions.jsonl)"
        ) from None
    except ValueError as e:
        raise fail(str(e)) from None
    if show_errors:
        rows = errors(gold_records, pred_records)
        if fmt == "json":
            print(json.dumps(rows, indent=2, ensure_ascii=False))
        else:
            _print_errors(rows)
        return
    if sweep:
        rows = by_confidence(gold_records, pred_records)
        if fmt == "json":
            print(json.dumps(rows, indent=2))
        else:
            _print_sweep(rows)
        return
    if base_records is not None:
        change = compare(gold_records, pred_records, base_records, samples=max(1, samples))
        if fmt == "json":
            print(json.dumps(change, indent=2))
        else:
            _print_change(change)
        return
    result = evaluate(gold_records, pred_records, ci_samples=max(0, samples))
    if fmt == "json":
        print(json.dumps(result, indent=2))
        return
    _print_table(result, with_ci=samples > 0)
    out.print(
        f"papers: {result['papers']['matched']} of {result['papers']['gold']} gold papers found in the predictions"
    )


def _print_table(result: dict, with_ci: bool) -> None:
    """One section per kind of measure, so that names need no kind column (80 columns fit)."""
    from rich.table import Table

    table = Table(highlight=False)
    table.add_column("measure")
    for column in ("gold", "pred", "hit", "P", "R", "F1") + (("95% CI",) if with_ci else ()):
        table.add_column(column, no_wrap=True, justify="right")
    for kind, title in _SECTIONS:
        table.add_row(f"[bold]{title}[/bold]")
        for name, s in result[kind].items():
            ci = "{:.2f}-{:.2f}".format(*s["f1_ci"]) if "f1_ci" in s else ""
            cells = [str(s["gold"]), str(s["predicted"]), str(s["matched"])]
            cells += [f"{s[k]:.3f}" for k in ("precision", "recall", "f1")]
            table.add_row(f"  {name}", *cells, *([ci] if with_ci else []))
    out.print(table)


def _print_sweep(rows: list[dict]) -> None:
    """One section per swept measure, one row per threshold (80 columns fit)."""
    from rich.table import Table

    names = [k for k in rows[0] if k not in ("min_confidence", "kept")] if rows else []
    table = Table(highlight=False)
    table.add_column("measure, min confidence")
    for column in ("kept", "pred", "hit", "P", "R", "F1"):
        table.add_column(column, no_wrap=True, justify="right")
    for name in names:
        table.add_row(f"[bold]{name}[/bold]")
        for row in rows:
            s = row[name]
            table.add_row(
                f"  >= {row['min_confidence']:.2f}",
                str(row["kept"]),
                str(s["predicted"]),
                str(s["matched"]),
                *(f"{s[k]:.3f}" for k in ("precision", "recall", "f1")),
            )
    out.print(table)
    out.print("kept: extractions left in the gold papers when those under the threshold are dropped")


def _print_change(change: dict) -> None:
    from rich.table import Table

    table = Table(highlight=False)
    table.add_column("measure")
    for column in ("baseline F1", "F1", "change", "95% CI", ""):
        table.add_column(column, no_wrap=True, justify="right")
    for kind, title in _SECTIONS[:-1]:
        table.add_row(f"[bold]{title}[/bold]")
        for name, s in change[kind].items():
            low, high = s["delta_ci"]
            sure = "*" if low > 0 or high < 0 else ""
            table.add_row(
                f"  {name}",
                f"{s['baseline_f1']:.3f}",
                f"{s['f1']:.3f}",
                f"{s['delta']:+.3f}",
                f"{low:+.3f} {high:+.3f}",
                sure,
            )
    out.print(table)


def _print_errors(rows: list[dict]) -> None:
    """One block per paper: its title, then one line per disagreement."""
    paper = None
    for row in rows:
        if row["paper"] != paper:
            paper = row["paper"]
            out.print(f"\n[bold]{paper}[/bold]", highlight=False)
        sides = [
            f"gold {row['gold']}" if row["gold"] else "",
            f"predicted {row['predicted']}" if row["predicted"] else "",
        ]
        out.print(
            f"  {row['error']:<9}{row['name']:<40} {', '.join(s for s in sides if s)}", highlight=False, markup=False
        )
    if not rows:
        out.print("no disagreements")
