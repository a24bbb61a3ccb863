"""Every message that tells a user what went wrong and what to do next, in one place."""

from __future__ import annotations

from pathlib import Path

__all__ = ["KgError"]


class KgError(Exception):
    """An error the CLI prints as one line (no traceback) and exits non-zero on."""

    exit_code = 1

    @classmethod
    def no_graph(cls, folder: Path) -> KgError:
        return cls(f"no graph in {folder}/ — build one first: kg build PAPERS --out {folder}")

    @classmethod
    def nothing_read(cls, summary: str) -> KgError:
        return cls(f"no usable papers were read ({summary}); check the input paths and --format")

    @classmethod
    def missing_extra(cls, module: str, extra: str) -> KgError:
        return cls(f"this needs the '{module}' package: pip install 'kg-papers[{extra}]'")
