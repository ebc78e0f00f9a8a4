"""Benchmarks (not tests): `python -m minutebook.bench.parser_bench` and the others in this package."""
