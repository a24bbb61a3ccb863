"""`python -m kg`: the `kg` command, for when the console script is not on PATH."""

from kg.cli import main

main()
