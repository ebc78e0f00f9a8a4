"""Readers of source formats: text, markdown, HTML, PDF, Word. Each returns text lines for `reading`."""

from minutebook.parser.compiled import search_path

__path__ = search_path(__path__, "readers")
