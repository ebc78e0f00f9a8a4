"""`make bench`: the parser benchmark, then the record benchmark on SQLite and PostgreSQL.

Environment: BENCH_PARAGRAPHS (default 1,000,000) sizes the record benchmark's archive.
Each part can also be run alone: `python -m minutebook.bench.parser_bench`,
`python -m minutebook.bench.record_bench --help`.
"""

from __future__ import annotations

import sys

from minutebook.bench import parser_bench, record_bench


def main() -> int:
    print("== parser ==", flush=True)
    status = parser_bench.main([])
    print("\n== record (ingest, search, pages) ==", flush=True)
    return status or record_bench.main([])


if __name__ == "__main__":
    sys.exit(main())
