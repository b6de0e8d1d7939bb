"""The English edition against its Chinese original: parity of structure and freshness per question."""
