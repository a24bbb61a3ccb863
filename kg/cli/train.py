"""`kg train-scorer`: fit the learned keep-or-drop scorer from annotated sets."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from kg.cli.app import app, err, fail, out


@app.command("train-scorer")
def train_scorer(
    splits: Annotated[
        Optional[Path],
        typer.Option(help="A splits file naming the annotated sets of each half (data/eval/splits.json)."),
    ] = None,
    half: Annotated[str, typer.Option(help="Which half of --splits to train on.")] = "train",
    gold: Annotated[
        Optional[list[Path]], typer.Option("--gold", help="A gold file (instead of --splits). Repeatable.")
    ] = None,
    input_: Annotated[
        Optional[list[Path]],
        typer.Option("--input", "-i", help="The papers of each --gold, in the same order. Repeatable."),
    ] = None,
    config: Annotated[
        Optional[Path], typer.Option(help="Pipeline config whose rules make the features (its kg_scorer is left out).")
    ] = None,
    output: Annotated[
        Optional[Path],
        typer.Option(
            "--out",
            "-o",
            help="Weights file to write (the config's kg_scorer.weights_path reads it); "
            "default: the bundled pipelines/data/scorer.json, which the default config reads.",
        ),
    ] = None,
    l2: Annotated[float, typer.Option(min=0.0, help="L2 penalty on the weights: larger is smoother.")] = 3.0,
    min_count: Annotated[int, typer.Option(min=1, help="Ignore features seen in fewer training entities.")] = 3,
) -> None:
    """Train the learned scorer that gives each extracted entity a calibrated confidence and drops
    unlikely ones (pipelines/extraction/scorer.py).

    It extracts the gold sets' papers with the rules alone, labels each entity 1 when the gold of
    its paper has an entity of that name or alias (whatever the type), fits a logistic model over
    general features (how the entity was found, the rules that typed and roled it, where and how
    often it is named, its shape, what the catalogue knows of it; never its name), and picks the
    drop threshold by leave-one-set-out cross-validation (the mean F1 of core, Method and typed).

    Rerun it after changing rules, cues or the catalogue: the features are the rules' outputs, so
    weights trained on another pipeline misjudge. The bundled weights are trained on the 'train'
    half only, so that the 'confirm' half stays a held-out check.

    Examples:

      kg train-scorer --splits data/eval/splits.json --half train

      kg train-scorer --gold a-gold.jsonl -i a-papers.jsonl --gold b-gold.jsonl -i b-papers.jsonl -o mine.json

    The pipeline uses the scorer when "kg_scorer" ends the pipeline list of its config; to use
    your own weights, set weights_path in the config's kg_scorer component.
    """
    from pipelines.extraction.scorer import DEFAULT_WEIGHTS
    from pipelines.training import TrainingSet, load_splits, train

    output = output or DEFAULT_WEIGHTS

    if (splits is None) == (not gold):
        raise fail("give either --splits FILE (with --half) or --gold GOLD --input PAPERS pairs")
    try:
        if splits is not None:
            sets = load_splits(splits, half)
        else:
            if len(gold or []) != len(input_ or []):
                raise fail("give one --input PAPERS for each --gold GOLD, in the same order")
            sets = [TrainingSet(g.stem, g, p) for g, p in zip(gold or [], input_ or [], strict=True)]
        err.print(f"extracting {len(sets)} set(s) with the rules and fitting ...")
        model = train(sets, str(config) if config else None, l2=l2, min_count=min_count)
    except (ValueError, FileNotFoundError) as e:
        raise fail(str(e)) from None
    output.parent.mkdir(parents=True, exist_ok=True)
    model.save(output)
    for row in model.meta["cross_validation"]:
        marks = "  <- chosen" if row["threshold"] == model.threshold else ""
        scores = "  ".join(f"{k} {v:.4f}" for k, v in row.items() if k != "threshold")
        out.print(f"threshold {row['threshold']:.2f}  {scores}{marks}", highlight=False)
    out.print(
        f"wrote {output}: {len(model.weights)} features from {model.meta['entities']} entities "
        f"({model.meta['marked_by_gold']} marked by the gold), threshold {model.threshold}",
        highlight=False,
    )
