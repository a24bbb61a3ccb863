"""scripts/bench at a tiny size: every figure the README table is made from is printed.

Speed itself is not asserted here (timed unit tests measure the machine, not the code);
this keeps the benchmark script from breaking unnoticed.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from queries import CATALOGUE

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.slow
def test_bench_prints_every_figure_with_its_baseline():
    args = ["--sizes", "150", "--papers", "60", "--baseline-papers", "20", "--question-limit", "30"]
    proc = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "bench"), *args], capture_output=True, text=True, timeout=600
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    out = proc.stdout
    assert re.search(r"ours\s+[\d,.]+ papers/s\s+[\d,.]+ words/s", out)
    assert re.search(r"baseline en_core_web_sm\s+[\d,.]+ papers/s", out)
    assert re.search(r"ratio ours/baseline\s+[\d.]+x", out)
    assert re.search(r"2 workers\s+[\d,.]+ papers/s = [\d.]+x one worker", out)
    assert re.search(r"150 papers: build [\d.]+ s .*peak [\d,.]+ MiB \(largest worker [\d,.]+ MiB\)", out)
    assert re.search(r"kg build --add of 1 more papers \(1%\): [\d.]+ s", out)
    backends = ["embedded", "rdf"] + (["neo4j"] if os.environ.get("NEO4J_URI") else [])
    if "neo4j" in backends:
        assert re.search(r"neo4j\s+open/load [\d.]+ s, [\d,.]+ nodes/s, [\d,.]+ relationships/s", out)
    for backend in backends:
        section = out.split(f" {backend} ")[1]
        for name in CATALOGUE:
            assert re.search(rf"{re.escape(name)}\s+[\d.]+ s", section), (backend, name)
    assert "FAILED" not in out
