"""spaCy extraction: each stage a registered component, configured by ``config.cfg``.

Importing this package registers the factories; :func:`load_pipeline` builds the
pipeline from the config and :func:`extract_records` streams papers through it.
"""

from pipelines.extraction import (  # noqa: F401  (imported to register the factories)
    abbreviations,
    catalogue_matcher,
    entity_types,
    named_spans,
    roles,
    scorer,
    task_phrases,
    title,
    tokenizer,
)
from pipelines.extraction.pipeline import DEFAULT_CONFIG, extract_records, load_pipeline
from pipelines.extraction.records import doc_to_entities

__all__ = ["DEFAULT_CONFIG", "doc_to_entities", "extract_records", "load_pipeline"]
