"""Search benchmark on a kept database: build once, then time search and reindexing.

    python -m minutebook.bench.search_bench build --paragraphs N   # ingest a synthetic archive
    python -m minutebook.bench.search_bench time                    # search() and /search/ timings
    python -m minutebook.bench.search_bench add-one                 # ingest one more paper

The database is the one the settings choose (`MINUTEBOOK_DB_PATH` for SQLite,
`DATABASE_URL` for PostgreSQL), so a 1M-paragraph archive is built once and
timed many times. `pg-server` starts a throwaway PostgreSQL server and prints
its URL and data directory (stop it with `pg_ctl -D DIR stop`). Nothing here
runs in the test suite.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
import time
from typing import Any

from minutebook.bench.record_bench import ONE_WORD, PHRASES, TWO_WORDS, _summary


def _setup() -> None:
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "minutebook.settings")
    django.setup()


def build(paragraphs: int) -> dict[str, Any]:
    _setup()
    from django.core.management import call_command

    from minutebook.bench.archive import generate
    from minutebook.record.ingest import IngestSummary, finish_batch, ingest_bytes
    from minutebook.web.models import SearchEntry

    call_command("migrate", verbosity=0)
    papers = list(generate(paragraphs))
    started = time.perf_counter()
    summary = IngestSummary()
    for i, paper in enumerate(papers, start=1):
        ingest_bytes(paper.text.encode("utf-8"), paper.name, summary)
        if i % 200 == 0:
            print(f"  ingested {i}/{len(papers)}", file=sys.stderr, flush=True)
    loaded = time.perf_counter()
    finish_batch(summary)  # tracking, then the search index (batch_ingested)
    done = time.perf_counter()
    return {
        "papers": len(papers),
        "paragraphs": sum(p.paragraphs for p in papers),
        "entries": SearchEntry.objects.count(),
        "load_s": round(loaded - started, 1),
        "finish_batch_s": round(done - loaded, 1),
    }


def time_search(repeats: int, seed: int = 7) -> dict[str, Any]:
    _setup()
    from django.db import connection
    from django.test import Client

    from minutebook.web import search as web_search
    from minutebook.web.models import SearchEntry

    web_search.ensure_fresh()
    rng = random.Random(seed)
    timings: dict[str, list[float]] = {"one_word": [], "two_words": [], "phrase": []}
    for label, pool in (("one_word", ONE_WORD), ("two_words", TWO_WORDS), ("phrase", PHRASES)):
        for q in pool:  # warm each query once (first-touch page cache), not timed
            web_search.search(q)
        for _ in range(repeats):
            q = rng.choice(pool)
            t0 = time.perf_counter()
            res = web_search.search(q)
            _ = list(res.results)
            timings[label].append(time.perf_counter() - t0)
    client = Client()
    page: list[float] = []
    for _ in range(repeats):
        q = rng.choice(ONE_WORD + TWO_WORDS + PHRASES)
        t0 = time.perf_counter()
        resp = client.get("/search/", {"q": q})
        page.append(time.perf_counter() - t0)
        if resp.status_code != 200:
            raise RuntimeError(f"/search/?q={q} answered {resp.status_code}")
    return {
        "backend": connection.vendor,
        "entries": SearchEntry.objects.count(),
        "search": {k: _summary(v) for k, v in timings.items()},
        "page_search": _summary(page),
        "load_avg_1m": round(os.getloadavg()[0], 2),  # timings are only as quiet as the host
    }


def add_one(seed: int) -> dict[str, Any]:
    """Ingest one more paper (a new meeting) and time the batch, the index update included."""
    _setup()
    import datetime as dt

    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from minutebook.bench.archive import make_paper
    from minutebook.record.ingest import IngestSummary, finish_batch, ingest_bytes
    from minutebook.record.signals import batch_ingested
    from minutebook.web import search as web_search
    from minutebook.web.models import SearchEntry
    from minutebook.web.search import incremental

    index_time: list[float] = []

    def timed(sender: Any, summary: Any, **kwargs: Any) -> None:
        t = time.perf_counter()
        incremental.on_batch_ingested(sender, summary, **kwargs)
        index_time.append(time.perf_counter() - t)

    from django.urls import get_resolver

    _ = get_resolver().url_patterns  # import the URLconf now (a web process has it loaded)
    batch_ingested.disconnect(dispatch_uid="search-batch-ingested")
    batch_ingested.connect(timed, dispatch_uid="search-batch-ingested-timed")
    rng = random.Random(seed)
    when = dt.date(2030, 1, 1) + dt.timedelta(days=seed % 3000)
    paper = make_paper(rng, "Northbridge", "Cabinet", when, 200)
    before = SearchEntry.objects.count()
    summary = IngestSummary()
    t0 = time.perf_counter()
    ingest_bytes(paper.text.encode("utf-8"), f"extra-{seed}-{paper.name}", summary)
    t1 = time.perf_counter()
    with CaptureQueriesContext(connection) as queries:
        finish_batch(summary)
    t2 = time.perf_counter()
    index_queries = [q for q in queries.captured_queries if "web_search" in q["sql"]]
    t3 = time.perf_counter()
    web_search.search("fostering")  # must not rebuild: the batch left the index fresh
    t4 = time.perf_counter()
    return {
        "entries_before": before,
        "entries_after": SearchEntry.objects.count(),
        "ingest_one_s": round(t1 - t0, 3),
        "finish_batch_s": round(t2 - t1, 3),
        "finish_batch_queries": len(queries.captured_queries),
        "search_index_update_s": round(sum(index_time), 3),
        "index_queries": len(index_queries),
        "first_search_after_s": round(t4 - t3, 3),
        "dirty_after": web_search._state().dirty,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("command", choices=["build", "time", "add-one", "pg-server"])
    parser.add_argument("--paragraphs", type=int, default=1_000_000)
    parser.add_argument("--repeats", type=int, default=60)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    if args.command == "pg-server":
        from minutebook.devtools.pg_server import PostgresServer

        server = PostgresServer.start()
        print(json.dumps({"url": server.url, "datadir": str(server.datadir)}))
        return 0
    if args.command == "build":
        result = build(args.paragraphs)
    elif args.command == "time":
        result = time_search(args.repeats)
    else:
        result = add_one(args.seed)
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
