"""Moved to minutebook.devtools.pg_server (the benchmarks use it too)."""

from minutebook.devtools.pg_server import PostgresServer

__all__ = ["PostgresServer"]
