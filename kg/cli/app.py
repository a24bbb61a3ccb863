"""The Typer application and what every command shares: consoles, progress, error handling."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from kg.errors import KgError

__all__ = ["app", "err", "fail", "main", "out", "progress"]

app = typer.Typer(
    name="kg",
    help=(
        "Build a knowledge graph of methods, models, datasets, benchmarks, tasks, metrics and "
        "organizations from research papers, then query, export and explore it.\n\n"
        "Start with:  kg build examples/hf-daily-papers-alignment.txt   (writes ./kg-out)\n\n"
        "then:        kg stats   ·   kg query --list   ·   kg query methods-sharing-benchmarks"
    ),
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode="rich",
    pretty_exceptions_enable=False,
)
out = Console(soft_wrap=True)
err = Console(stderr=True, soft_wrap=True)


def fail(message: str, code: int = 1) -> typer.Exit:
    err.print(f"[bold red]error:[/] {message}", highlight=False)
    return typer.Exit(code)


@contextmanager
def progress(description: str, total: int | None = None, quiet: bool = False) -> Iterator:
    """A progress bar on a terminal; silent when stderr is a pipe or a file."""
    show = err.is_terminal and not quiet
    bar = Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.fields[rate]}"),
        TimeElapsedColumn(),
        console=err,
        disable=not show,
        transient=False,
    )
    with bar:
        task = bar.add_task(description, total=total, rate="")
        start = __import__("time").perf_counter()

        def advance(n: int = 1) -> None:
            bar.advance(task, n)
            elapsed = __import__("time").perf_counter() - start
            done = bar.tasks[0].completed
            bar.update(task, rate=f"{done / elapsed:.0f} papers/s" if elapsed > 0 else "")

        yield advance


def main() -> None:
    try:
        app()
    except KgError as e:
        err.print(f"[bold red]error:[/] {e}", highlight=False)
        sys.exit(e.exit_code)
    except KeyboardInterrupt:
        err.print("interrupted")
        sys.exit(130)
