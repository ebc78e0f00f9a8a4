"""The committee-paper parser. Pure Python: it must never import Django.

Public entry points: `parse_file(path)` and `parse_bytes(data, name)`, both
returning a frozen `ParseResult` (see `models.py`), and raising `ParseError`
only for input that cannot be read at all.
"""

from minutebook.parser.compiled import search_path

PARSER_VERSION = "0.4.1"

# The compiled build (mypyc) goes first when it was made from exactly these sources.
__path__ = search_path(__path__)


def __getattr__(name: str) -> object:
    # Lazy so that `import minutebook.parser` stays cheap and cycle-free.
    if name in {"parse_file", "parse_bytes"}:
        from minutebook.parser import pipeline

        return getattr(pipeline, name)
    raise AttributeError(name)
