"""Papers flow through here: readers, then spaCy extraction, then entity resolution."""
