"""What a read saw: how many records came in, which were skipped and why.

Readers never raise on a bad record; they note it here with its file and line or
record number and go on, so one malformed entry never costs the good ones.
"""

from __future__ import annotations

import codecs
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

__all__ = ["MAX_FIELD_CHARS", "Problem", "ReadReport", "bom_encoding", "decode_text"]

# Abstracts are a few thousand characters; anything far past this is a broken export
# (a whole paper body pasted into the field). It is cut, with a warning, not dropped.
MAX_FIELD_CHARS = 20_000


@dataclass(frozen=True)
class Problem:
    source: str  # "path:line" or "path#record"
    reason: str
    skipped: bool = True  # False for a warning: the record was kept

    def __str__(self) -> str:
        kind = "skipped" if self.skipped else "warning"
        return f"{self.source}: {kind}: {self.reason}"


@dataclass
class ReadReport:
    read: int = 0  # records that came through, after duplicates were merged
    duplicates: int = 0
    problems: list[Problem] = field(default_factory=list)
    files: int = 0

    def skip(self, source: str, reason: str) -> None:
        self.problems.append(Problem(source, reason, skipped=True))

    def warn(self, source: str, reason: str) -> None:
        self.problems.append(Problem(source, reason, skipped=False))

    @property
    def skipped(self) -> int:
        return sum(p.skipped for p in self.problems)

    def skip_reasons(self) -> Counter[str]:
        """Skips counted by reason, without the per-record detail after a colon (so a reason
        must name its kind before any colon: no key, title or position there)."""
        return Counter(p.reason.split(":")[0] for p in self.problems if p.skipped)

    def summary(self) -> str:
        parts = [f"read {self.read} paper(s) from {self.files} file(s)"]
        if self.duplicates:
            parts.append(f"merged {self.duplicates} duplicate(s)")
        parts.append(f"skipped {self.skipped}")
        reasons = self.skip_reasons()
        if reasons:
            parts[-1] += " (" + ", ".join(f"{n} {r}" for r, n in reasons.most_common()) + ")"
        warnings = sum(not p.skipped for p in self.problems)
        if warnings:
            parts.append(f"{warnings} warning(s)")
        return "; ".join(parts)


def bom_encoding(data: bytes) -> str:
    """The encoding a file's byte-order mark names: UTF-16 (what PowerShell's `>` and Excel's
    "Unicode text" write), else UTF-8 with or without BOM."""
    return "utf-16" if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) else "utf-8-sig"


def decode_text(path: Path, report: ReadReport) -> str:
    """File contents as text: UTF-8 (with or without BOM) or UTF-16 with a BOM, else
    Windows-1252 with a warning.

    Wrong encodings are common in hand-made exports; guessing cp1252 keeps the
    records readable and the warning says how to avoid the guess.
    """
    data = path.read_bytes()
    try:
        return data.decode(bom_encoding(data))
    except UnicodeDecodeError as err:
        line = data.count(b"\n", 0, err.start) + 1
        report.warn(
            f"{path}:{line}",
            "file is not valid UTF-8; read as Windows-1252 (re-save it as UTF-8 to be sure)",
        )
        return data.decode("cp1252", errors="replace")
