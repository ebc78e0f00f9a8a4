"""Record benchmark: ingest throughput, search latency and page server time at scale.

Runs once per database in a child process (Django is configured once per
process): SQLite in a temporary file, and PostgreSQL on a throwaway server.

    python -m minutebook.bench.record_bench [--paragraphs N] [--backend sqlite|postgres|both]
        [--workers N] [--keep DIR]

It generates a synthetic archive (`bench/archive.py`) of at least N
searchable paragraphs (default 1,000,000), lazily, and ingests every paper end
to end as one batch (store, parse in `--workers` processes, load; then the
tracking update and the search index, which end the batch), then times
searches (one word, two words, a phrase) and the meeting and search pages
through Django's test client (server time, no network). It prints papers/s end
to end and its parts: load ms per paper (wall, and CPU of the loading process),
queries per paper, tracking and index seconds. Generating the archive is not
counted. Targets at 1M paragraphs: search p95 <= 50 ms, page p95 <= 100 ms,
ingest >= 20 papers/s.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ONE_WORD = [
    "fostering",
    "adoption",
    "placement",
    "homelessness",
    "libraries",
    "Campbell",
    "Stonebury",
]
TWO_WORDS = ["care leavers", "national average", "youth justice", "air quality", "social value"]
PHRASES = ['"further report"', '"statistical neighbours"', '"placement stability"', '"local plan"']
REPEATS = 40


def _pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def _summary(values: list[float]) -> dict[str, float]:
    return {
        "p50_ms": round(statistics.median(values) * 1000, 2),
        "p95_ms": round(_pct(values, 0.95) * 1000, 2),
        "n": len(values),
    }


def _server_cpu(connection: Any) -> float:
    """CPU seconds used so far by the PostgreSQL backend serving this connection (0 on
    SQLite, which runs in this process, or where /proc cannot tell)."""
    if connection.vendor != "postgresql":
        return 0.0
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        pid = cursor.fetchone()[0]
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _child(paragraphs: int, batch: int, workers: int) -> dict[str, Any]:
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "minutebook.settings")
    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client

    from minutebook.bench.archive import generate
    from minutebook.record import models as m
    from minutebook.record.ingest import IngestSummary, finish_batch, ingest_stream
    from minutebook.web import search as web_search
    from minutebook.web.links import meeting_url
    from minutebook.web.models import SearchEntry

    call_command("migrate", verbosity=0)
    stats = {"papers": 0, "paragraphs": 0, "bytes": 0, "generate_s": 0.0, "generate_cpu": 0.0}

    def papers() -> Iterator[tuple[str, bytes]]:
        """The archive, generated lazily (a 1M-paragraph archive never sits in memory);
        the time spent generating is not counted as ingest time."""
        archive = generate(paragraphs)
        while True:
            t0, c0 = time.perf_counter(), time.process_time()
            paper = next(archive, None)
            stats["generate_s"] += time.perf_counter() - t0
            stats["generate_cpu"] += time.process_time() - c0
            if paper is None:
                return
            stats["papers"] += 1
            stats["paragraphs"] += paper.paragraphs
            stats["bytes"] += len(paper.text)
            yield paper.name, paper.text.encode("utf-8")

    queries = 0

    def count(execute: Any, sql: str, params: Any, many: bool, context: Any) -> Any:
        nonlocal queries
        queries += 1
        return execute(sql, params, many, context)

    def progress() -> None:
        if summary.new_sources % batch == 0:
            print(f"  ingested {summary.new_sources}", file=sys.stderr, flush=True)

    summary = IngestSummary()
    server_cpu = _server_cpu(connection)
    started = time.perf_counter()
    cpu_started = time.process_time()
    with connection.execute_wrapper(count):
        ingest_stream(papers(), summary, workers=workers, on_paper=progress)
    load_done = time.perf_counter()
    load_cpu = time.process_time() - cpu_started - stats["generate_cpu"]
    load_server_cpu = _server_cpu(connection) - server_cpu
    load_s = load_done - started - stats["generate_s"]
    finish_batch(summary)  # the tracking update, then the search index (batch_ingested)
    web_search.ensure_fresh()  # anything the batch left pending for the index
    indexed = time.perf_counter()
    tracking_s = summary.timings.get("tracking", 0.0)
    index_s = indexed - load_done - tracking_s
    ingest_s = load_s + tracking_s + index_s
    n = stats["papers"]
    entries = SearchEntry.objects.count()
    failures = len(summary.failures)

    rng = random.Random(7)
    timings: dict[str, list[float]] = {"one_word": [], "two_words": [], "phrase": []}
    for label, pool in (("one_word", ONE_WORD), ("two_words", TWO_WORDS), ("phrase", PHRASES)):
        for _ in range(REPEATS):
            q = rng.choice(pool)
            t0 = time.perf_counter()
            res = web_search.search(q)
            _ = [r for r in res.results]
            timings[label].append(time.perf_counter() - t0)

    client = Client()
    meetings = list(m.Meeting.objects.select_related("committee").order_by("?")[:REPEATS])
    page_meeting: list[float] = []
    for meeting in meetings:
        # The page's own link: a committee name shared by councils needs the council.
        url = meeting_url(meeting)
        t0 = time.perf_counter()
        resp = client.get(url)
        page_meeting.append(time.perf_counter() - t0)
        if resp.status_code != 200:
            raise RuntimeError(f"{url} answered {resp.status_code}")
    page_search: list[float] = []
    for _ in range(REPEATS):
        q = rng.choice(ONE_WORD + TWO_WORDS + PHRASES)
        t0 = time.perf_counter()
        resp = client.get("/search/", {"q": q})
        page_search.append(time.perf_counter() - t0)
        if resp.status_code != 200:
            raise RuntimeError(f"/search/?q={q} answered {resp.status_code}")

    return {
        "backend": connection.vendor,
        "papers": n,
        "paragraphs": stats["paragraphs"],
        "text_mb": round(stats["bytes"] / 1e6, 1),
        "search_entries": entries,
        "failures": failures,
        "workers": workers,
        "ingest_s": round(ingest_s, 1),
        "load_s": round(load_s, 1),
        "tracking_s": round(tracking_s, 1),
        "index_s": round(index_s, 1),
        "load_ms_per_paper": round(load_s / n * 1000, 1),
        "load_cpu_ms_per_paper": round(load_cpu / n * 1000, 1),
        "load_server_cpu_ms_per_paper": round(load_server_cpu / n * 1000, 1),
        "queries_per_paper": round(queries / n, 1),
        "ingest_papers_per_s": round(n / ingest_s, 2),
        "search": {k: _summary(v) for k, v in timings.items()},
        "page_meeting": _summary(page_meeting),
        "page_search": _summary(page_search),
    }


def run_backend(
    backend: str,
    paragraphs: int,
    batch: int = 200,
    workers: int | None = None,
    keep: Path | None = None,
) -> dict[str, Any]:
    env = dict(os.environ)
    server = None
    if keep is not None:
        workdir = keep / backend
        workdir.mkdir(parents=True, exist_ok=True)
    else:
        workdir = Path(tempfile.mkdtemp(prefix="minutebook-bench-"))
    env["MINUTEBOOK_DATA_DIR"] = str(workdir)
    env.pop("DATABASE_URL", None)
    if backend == "postgres":
        from minutebook.devtools.pg_server import PostgresServer

        server = PostgresServer.start()
        env["DATABASE_URL"] = server.url
    else:
        env["MINUTEBOOK_DB_PATH"] = str(workdir / "bench.sqlite3")
    try:
        proc = subprocess.run(
            [
                sys.executable,
                "-m",
                "minutebook.bench.record_bench",
                "--child",
                str(paragraphs),
                "--batch",
                str(batch),
                "--workers",
                str((os.cpu_count() or 1) if workers is None else workers),
            ],
            env=env,
            stdout=subprocess.PIPE,
            text=True,
            check=True,
        )
        return dict(json.loads(proc.stdout.strip().splitlines()[-1]))
    finally:
        if server is not None:
            server.stop()  # a PostgreSQL database is not kept: use --keep on SQLite
        if keep is None:
            shutil.rmtree(workdir, ignore_errors=True)


def format_result(r: dict[str, Any]) -> str:
    s = r["search"]
    return "\n".join(
        [
            f"[{r['backend']}] {r['papers']} papers, {r['paragraphs']:,} paragraphs, {r['text_mb']} MB of text, "
            f"{r['search_entries']:,} search entries, {r['failures']} failures",
            f"  ingest end to end: {r['ingest_papers_per_s']} papers/s ({r['ingest_s']} s: load {r['load_s']} s, "
            f"tracking {r['tracking_s']} s, index {r['index_s']} s)   target >= 20",
            f"  load (store, parse, load; {r['workers']} parser processes): {r['load_ms_per_paper']} ms/paper "
            f"(CPU: {r['load_cpu_ms_per_paper']} ms in this process, {r['load_server_cpu_ms_per_paper']} ms "
            f"in the database server), {r['queries_per_paper']} queries/paper",
            f"  search one word:   p50 {s['one_word']['p50_ms']} ms  p95 {s['one_word']['p95_ms']} ms   target p95 <= 50",
            f"  search two words:  p50 {s['two_words']['p50_ms']} ms  p95 {s['two_words']['p95_ms']} ms",
            f"  search phrase:     p50 {s['phrase']['p50_ms']} ms  p95 {s['phrase']['p95_ms']} ms",
            f"  meeting page:      p50 {r['page_meeting']['p50_ms']} ms  p95 {r['page_meeting']['p95_ms']} ms   target p95 <= 100",
            f"  search page:       p50 {r['page_search']['p50_ms']} ms  p95 {r['page_search']['p95_ms']} ms",
        ]
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--paragraphs", type=int, default=int(os.environ.get("BENCH_PARAGRAPHS", 1_000_000))
    )
    parser.add_argument("--backend", choices=["sqlite", "postgres", "both"], default="both")
    parser.add_argument("--batch", type=int, default=200, help="print progress every N papers")
    parser.add_argument(
        "--workers", type=int, default=None, help="parser processes (default: one per core)"
    )
    parser.add_argument(
        "--keep", type=Path, default=None, help="keep the SQLite database under this folder"
    )
    parser.add_argument("--child", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child is not None:
        workers = (os.cpu_count() or 1) if args.workers is None else args.workers
        print(json.dumps(_child(args.child, args.batch, workers)))
        return 0
    backends = ["sqlite", "postgres"] if args.backend == "both" else [args.backend]
    for backend in backends:
        print(
            f"record benchmark on {backend}: generating and ingesting >= {args.paragraphs:,} paragraphs ..."
        )
        result = run_backend(backend, args.paragraphs, args.batch, args.workers, args.keep)
        print(format_result(result), flush=True)
        print("  json: " + json.dumps(result))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
