"""Readers of source formats: text, markdown, HTML, PDF, Word. Each returns text lines for `reading`."""
