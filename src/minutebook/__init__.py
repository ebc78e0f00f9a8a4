"""minutebook: an open committee information system for UK councils."""

__version__ = "0.1.0"
