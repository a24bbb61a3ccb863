"""The Typer application and what every command shares: consoles, progress, error handling."""

from __future__ import annotations

import inspect
import sys
from collections.abc import Iterator
from contextlib import contextmanager

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from kg.errors import KgError

__all__ = ["app", "err", "fail", "main", "out", "progress", "reflow_help"]

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
    """Print ``message`` as an error; it is text, not markup (paths and names hold brackets)."""
    err.print(f"[bold red]error:[/] {escape(message)}", highlight=False)
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


def _reflow(doc: str) -> str:
    """Join each prose paragraph into one line so the terminal wraps it at its own width;
    indented paragraphs (examples) keep their lines. Typer keeps a docstring's line breaks,
    which at 80 columns breaks every line of a docstring wrapped at 88."""
    paragraphs = inspect.cleandoc(doc).split("\n\n")
    return "\n\n".join(
        p if any(line[:1].isspace() for line in p.splitlines()) else " ".join(p.split()) for p in paragraphs
    )


def reflow_help(typer_app: typer.Typer) -> None:
    """Give every registered command (and sub-command) its docstring reflowed as help."""
    for command in typer_app.registered_commands:
        doc = command.help or inspect.getdoc(command.callback)
        if doc:
            command.help = _reflow(doc)
    for group in typer_app.registered_groups:
        reflow_help(group.typer_instance)


def main() -> None:
    try:
        app()
    except KgError as e:
        fail(str(e))
        sys.exit(e.exit_code)
    except KeyboardInterrupt:
        err.print("interrupted")
        sys.exit(130)
