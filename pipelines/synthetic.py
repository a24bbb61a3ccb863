"""A deterministic generator of realistic large corpora from a small real one.

Paper ``k`` takes the sentences of a real template paper, swaps one sentence for a
sentence of another real paper half of the time, and renames the template's proposed
entities (``AlignScore`` -> ``AlignScore-k17``) in title and text, so the corpus grows in
papers and in distinct entities while every sentence stays real prose. Same seed and
size, same corpus.
"""

from __future__ import annotations

import random
import re
from collections.abc import Iterator

from kg.model import Paper, PaperRecord

__all__ = ["synthetic_papers"]

_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z])")


def synthetic_papers(seed_records: list[PaperRecord], n: int, seed: int = 13) -> Iterator[Paper]:
    rng = random.Random(seed)
    templates = [
        (r.paper, _SENTENCE_END.split(r.paper.abstract), [e for e in r.entities if e.role == "proposed"])
        for r in seed_records
        if r.paper.abstract
    ]
    pool = [s for _, sentences, _ in templates for s in sentences]
    for k in range(n):
        paper, sentences, proposed = templates[k % len(templates)]
        sentences = list(sentences)
        if len(sentences) > 2 and rng.random() < 0.5:
            sentences[rng.randrange(1, len(sentences))] = rng.choice(pool)
        title, text = paper.title, " ".join(sentences)
        if k >= len(templates):  # the first round keeps the real names
            for entity in proposed:
                for surface in sorted([entity.name, *entity.aliases], key=len, reverse=True):
                    pattern = re.compile(rf"(?<![\w-]){re.escape(surface)}(?![\w-])")
                    renamed = f"{surface}-k{k}"
                    title, text = pattern.sub(renamed, title), pattern.sub(renamed, text)
        yield Paper(
            id=f"syn-{k:07d}",
            title=title if k < len(templates) else f"{title} ({k})",
            abstract=text,
            date=f"{rng.choice((2023, 2024, 2025))}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
            organizations=list(paper.organizations),
            authors_count=paper.authors_count,
        )
