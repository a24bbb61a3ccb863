"""The README's Python example runs as written, so the README cannot rot."""

from __future__ import annotations

import os
import re

from .conftest import ROOT


def test_readme_python_example_runs(tmp_path, monkeypatch, nlp):
    code = re.findall(r"```python\n(.*?)```", (ROOT / "README.md").read_text(), re.S)
    assert code, "the README has no Python example"
    (tmp_path / "examples").mkdir()
    os.symlink(
        ROOT / "examples" / "hf-daily-papers-alignment.txt", tmp_path / "examples" / "hf-daily-papers-alignment.txt"
    )
    monkeypatch.chdir(tmp_path)
    namespace: dict = {}
    for block in code:
        exec(compile(block, "README.md", "exec"), namespace)
    assert namespace["result"].graph.stats()["papers"] == 72
    assert (tmp_path / "kg-out" / "graph.jsonld").exists()
    assert namespace["names"]
