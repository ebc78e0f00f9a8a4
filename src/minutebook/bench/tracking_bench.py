"""Tracking benchmark: the whole-archive `update_tracking()` on prebuilt record databases.

Build the databases once (the record only, no tracking: ingest without
`finish_batch`), one SQLite file per size, growing one archive so every
size is a prefix of the next:

    python -m minutebook.bench.tracking_bench build --sizes 500,1000,2000 --out /tmp/h2

Then time the update on each (a copy of each file, so the database stays the
record only), median of `--repeat` runs, and optionally dump every tracking
row (natural key and fields, sorted) to compare outputs before and after a
change:

    python -m minutebook.bench.tracking_bench time /tmp/h2/db-500.sqlite3 [--repeat 3] [--dump out.json]

`dump` writes the same dump for any configured database (the one in the
environment), e.g. a scratch database loaded with the seed corpus.
PostgreSQL: `time --postgres DB` loads the SQLite file's record into a
throwaway server (`devtools.pg_server`) through the record archive export and
times the update there.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any


def _setup(db_path: Path | None = None) -> None:
    if db_path is not None:
        os.environ["MINUTEBOOK_DB_PATH"] = str(db_path)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "minutebook.settings")
    import django

    django.setup()


def build(sizes: list[int], out: Path) -> None:
    """One archive, ingested in order; a copy of the database at every size."""
    out.mkdir(parents=True, exist_ok=True)
    work = out / "building.sqlite3"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{work}{suffix}").unlink(missing_ok=True)
    os.environ.pop("DATABASE_URL", None)
    _setup(work)
    from django.core.management import call_command
    from django.db import connection

    from minutebook.bench.archive import generate
    from minutebook.record.ingest import IngestSummary, ingest_bytes

    call_command("migrate", verbosity=0)
    papers = generate(10**12)
    done = 0
    started = time.perf_counter()
    for size in sorted(sizes):
        summary = IngestSummary()
        for paper in itertools.islice(papers, size - done):
            ingest_bytes(paper.text.encode("utf-8"), paper.name, summary)
            done += 1
            if done % 100 == 0:
                rate = done / (time.perf_counter() - started)
                print(f"  {done} papers ({rate:.1f}/s)", file=sys.stderr, flush=True)
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        shutil.copyfile(work, out / f"db-{size}.sqlite3")
        print(f"wrote {out / f'db-{size}.sqlite3'} ({done} papers)", flush=True)


def dump_rows() -> dict[str, list[Any]]:
    """Every tracking row (and resolution work-plan entries) by natural key, sorted, comparable
    across databases: foreign keys are replaced by stable descriptions, not ids."""
    from minutebook.record import models as m
    from minutebook.tracking.models import Commitment, Figure, TrackedRequest

    def meeting(x: m.Meeting | None) -> str:
        return f"{x.committee_id}:{x.date}" if x else ""

    out: dict[str, list[Any]] = {}
    rows: list[Any] = []
    for r in TrackedRequest.objects.select_related(
        "meeting", "due_meeting", "delivered_meeting", "delivered_item", "delivered_report"
    ):
        rows.append(
            [
                r.key,
                r.committee_id,
                meeting(r.meeting),
                r.resolution_id,
                r.minute_id,
                r.item_number,
                r.kind,
                r.topic,
                r.actor,
                r.sentence,
                r.due_kind,
                str(r.due_date),
                meeting(r.due_meeting),
                r.status,
                meeting(r.delivered_meeting),
                r.delivered_item.title if r.delivered_item else "",
                r.delivered_item_id,
                r.delivered_report_id,
                r.match_evidence,
                r.match_text,
                r.review,
                r.rejected_candidates,
                r.withdrawn,
                r.document_id,
                r.first_line,
                r.last_line,
            ]
        )
    out["requests"] = sorted(rows, key=json.dumps)
    rows = []
    for f in Figure.objects.all():
        rows.append(
            [
                f.key,
                f.committee_id,
                f.meeting_id,
                f.report_id,
                f.measure,
                f.label,
                f.value,
                f.unit,
                f.period_label,
                f.period_kind,
                str(f.period_start),
                str(f.period_end),
                f.comparator,
                f.breakdown,
                f.sentence,
                f.document_id,
                f.first_line,
                f.last_line,
            ]
        )
    out["figures"] = sorted(rows, key=json.dumps)
    rows = []
    for c in Commitment.objects.all():
        rows.append(
            [
                c.key,
                c.committee_id,
                c.meeting_id,
                c.report_id,
                c.kind,
                c.text,
                c.evidence,
                c.timescale,
                c.reference,
                c.status,
                c.document_id,
                c.first_line,
                c.last_line,
            ]
        )
    out["commitments"] = sorted(rows, key=json.dumps)
    rows = []
    for e in m.WorkPlanEntry.objects.filter(origin="resolution"):
        rows.append(
            [
                e.committee_id,
                str(e.planned_at),
                str(e.planned_for),
                e.title,
                e.order,
                e.document_id,
                e.first_line,
                e.last_line,
                e.parser_version,
            ]
        )
    out["work_plan_from_resolutions"] = sorted(rows, key=json.dumps)
    return out


def _time_child(db: Path, dump: str | None, profile: str | None) -> dict[str, Any]:
    _setup(db)
    import datetime as dt

    from minutebook.record import models as m
    from minutebook.tracking.update import update_tracking

    today = dt.date(2030, 1, 1)  # fixed, so statuses (overdue) do not depend on the clock
    papers = m.SourceFile.objects.count()
    t0 = time.perf_counter()
    c0 = time.process_time()
    if profile:
        import cProfile

        profiler = cProfile.Profile()
        counts = profiler.runcall(update_tracking, today)
        profiler.dump_stats(profile)
    else:
        counts = update_tracking(today)
    seconds = time.perf_counter() - t0
    cpu = time.process_time() - c0
    if dump:
        Path(dump).write_text(json.dumps(dump_rows(), indent=0, default=str))
    return {"papers": papers, "seconds": seconds, "cpu_seconds": cpu, "counts": counts}


def time_update(
    db: Path, repeat: int, dump: str | None, profile: str | None, postgres: bool
) -> dict[str, Any]:
    """Median seconds of `repeat` whole-archive updates, each in a fresh process on a fresh copy."""
    runs: list[dict[str, Any]] = []
    for i in range(repeat):
        with tempfile.TemporaryDirectory(prefix="tracking-bench-") as tmp:
            env = dict(os.environ)
            server = None
            copy = Path(tmp) / "db.sqlite3"
            shutil.copyfile(db, copy)
            if postgres:
                from minutebook.devtools.pg_server import PostgresServer

                server = PostgresServer.start()
                env["DATABASE_URL"] = server.url
            try:
                if server is not None:
                    _copy_to_postgres(copy, server.url, Path(tmp))
                args = [
                    sys.executable,
                    "-m",
                    "minutebook.bench.tracking_bench",
                    "_child",
                    str(copy),
                ]
                if dump and i == 0:
                    args += ["--dump", dump]
                if profile and i == 0:
                    args += ["--profile", profile]
                proc = subprocess.run(args, env=env, capture_output=True, text=True, check=False)
                if proc.returncode != 0:
                    raise RuntimeError(proc.stderr)
                runs.append(json.loads(proc.stdout.strip().splitlines()[-1]))
            finally:
                if server is not None:
                    server.stop()
    seconds = [r["seconds"] for r in runs]
    median = statistics.median(seconds)
    cpu = statistics.median(r["cpu_seconds"] for r in runs)
    return {
        "db": str(db),
        "backend": "postgres" if postgres else "sqlite",
        "papers": runs[0]["papers"],
        "median_s": round(median, 2),
        "runs_s": [round(s, 2) for s in seconds],
        "ms_per_paper": round(1000 * median / max(1, runs[0]["papers"]), 2),
        "median_cpu_s": round(cpu, 2),
        "cpu_ms_per_paper": round(1000 * cpu / max(1, runs[0]["papers"]), 2),
        "counts": runs[0]["counts"],
    }


def _copy_to_postgres(sqlite: Path, url: str, tmp: Path) -> None:
    """The SQLite record into the PostgreSQL server, through the record archive
    (`minutebook export` / `import`; ids may differ, natural keys do not)."""
    archive = tmp / "archive"
    env = dict(
        os.environ, MINUTEBOOK_DB_PATH=str(sqlite), DJANGO_SETTINGS_MODULE="minutebook.settings"
    )
    env.pop("DATABASE_URL", None)
    manage = [sys.executable, "-m", "django"]
    subprocess.run([*manage, "migrate", "-v", "0"], env=env, check=True)  # a copy built earlier
    subprocess.run([*manage, "export_archive", str(archive)], env=env, check=True)
    env = dict(os.environ, DATABASE_URL=url, DJANGO_SETTINGS_MODULE="minutebook.settings")
    subprocess.run([*manage, "migrate", "-v", "0"], env=env, check=True)
    subprocess.run([*manage, "import_archive", str(archive)], env=env, check=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="tracking_bench")
    sub = parser.add_subparsers(dest="command", required=True)
    b = sub.add_parser("build")
    b.add_argument("--sizes", default="500,1000,2000")
    b.add_argument("--out", default="/tmp/tracking-bench")
    t = sub.add_parser("time")
    t.add_argument("db", nargs="+")
    t.add_argument("--repeat", type=int, default=3)
    t.add_argument("--dump")
    t.add_argument("--profile")
    t.add_argument("--postgres", action="store_true")
    d = sub.add_parser("dump")
    d.add_argument("out")
    c = sub.add_parser("_child")
    c.add_argument("db")
    c.add_argument("--dump")
    c.add_argument("--profile")
    args = parser.parse_args(argv)
    if args.command == "build":
        build([int(s) for s in args.sizes.split(",")], Path(args.out))
    elif args.command == "time":
        for db in args.db:
            result = time_update(Path(db), args.repeat, args.dump, args.profile, args.postgres)
            print(json.dumps(result), flush=True)
    elif args.command == "dump":
        _setup()
        Path(args.out).write_text(json.dumps(dump_rows(), indent=0, default=str))
    else:
        print(json.dumps(_time_child(Path(args.db), args.dump, args.profile), default=str))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
