"""Parser benchmark (not a test): `python -m minutebook.bench.parser_bench`.

Prints, for the corpus in the repository:
- text throughput in MB/s of input text (median of several runs), with the
  time spent in each stage (reading, segmentation, extraction) so that slow
  stages are visible;
- the same on one large input made by repeating the corpus (catches work that
  grows faster than the input);
- PDF pages/s, and how much parsing adds to the PDF text-extraction time;
- peak memory for a ~50 MB synthetic input, measured in a fresh subprocess as
  peak RSS minus the RSS before parsing, as a multiple of the input size.
Targets (issue 3): >= 5 MB/s of text per core; PDF parsing adds < 25% to
extraction; a 50 MB input stays under 10x its size in RAM.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from minutebook.parser import compiled
from minutebook.parser.golden import REPO_ROOT, golden_sources
from minutebook.parser.lines import make_lines
from minutebook.parser.pipeline import extract, parse_bytes, split_documents
from minutebook.parser.readers.pdf import read_pdf
from minutebook.parser.reading import read_source
from minutebook.parser.report_text import clear_text_caches

MB = 1024 * 1024
CPU = time.process_time
TEXT_SUFFIXES = {".txt", ".md"}


def _median_time(
    fn: Callable[[], object], runs: int, clock: Callable[[], float] = time.perf_counter
) -> float:
    times = []
    for _ in range(runs):
        # Every pass starts cold: the parser remembers recently cleaned lines, and a pass
        # over the same corpus again would otherwise find them all remembered.
        clear_text_caches()
        start = clock()
        fn()
        times.append(clock() - start)
    return statistics.median(times)


def text_sources() -> list[tuple[str, bytes]]:
    return [(p.name, p.read_bytes()) for p in golden_sources() if p.suffix in TEXT_SUFFIXES]


def stage_times(sources: list[tuple[str, bytes]]) -> dict[str, float]:
    """Seconds per stage for one pass over `sources`."""
    totals = {"read": 0.0, "segment": 0.0, "extract": 0.0}
    clear_text_caches()
    for name, data in sources:
        t0 = time.perf_counter()
        raw = read_source(data, name)
        lines = make_lines(raw.text, raw.line_pages)
        t1 = time.perf_counter()
        blocks, _ = split_documents(lines)
        t2 = time.perf_counter()
        for block in blocks:
            extract(block)
        t3 = time.perf_counter()
        totals["read"] += t1 - t0
        totals["segment"] += t2 - t1
        totals["extract"] += t3 - t2
    return totals


def bench_text(runs: int) -> dict[str, float]:
    sources = text_sources()
    size = sum(len(d) for _, d in sources)
    for name, data in sources:  # warm-up: imports and regex compilation
        parse_bytes(data, name)
    seconds = _median_time(lambda: [parse_bytes(d, n) for n, d in sources], runs)
    # CPU time of this process: the per-core figure, which other processes sharing the
    # cores (and so the wall clock) do not stretch nearly as much.
    cpu_seconds = _median_time(
        lambda: [parse_bytes(d, n) for n, d in sources], runs, time.process_time
    )
    stages = stage_times(sources)
    return {
        "files": len(sources),
        "mb": size / MB,
        "seconds": seconds,
        "mb_per_s": size / MB / seconds,
        "cpu_mb_per_s": size / MB / cpu_seconds,
        **stages,
    }


def big_input(target_bytes: int) -> bytes:
    """The text corpus repeated to about `target_bytes` (each copy a separate pack). Lines
    seen in the first copy are remembered in the others: this measures a large input's
    handling (no slowdown with size), not the throughput on new text."""
    corpus = b"\n\n".join(d for _, d in text_sources() if not d.startswith(b"---"))
    copies = max(1, target_bytes // len(corpus))
    return b"\n\n".join([corpus] * copies)


def bench_big(target_mb: float, runs: int) -> dict[str, float]:
    data = big_input(int(target_mb * MB))
    seconds = _median_time(lambda: parse_bytes(data, "big.txt"), runs)
    return {"mb": len(data) / MB, "seconds": seconds, "mb_per_s": len(data) / MB / seconds}


def bench_pdf(runs: int) -> dict[str, float]:
    pdfs = [(p.name, p.read_bytes()) for p in golden_sources() if p.suffix == ".pdf"]
    pages = 0
    for name, data in pdfs:
        pages += len(read_pdf(data, name).pages)
        parse_bytes(data, name)  # warm-up
    # Extraction alone and the full parse, timed in alternation (CPU time) so that both see
    # the same conditions; the overhead is the median of the runs' own ratios. (Two medians
    # measured one after the other on a busy machine can even give a negative overhead.)
    extract_times: list[float] = []
    parse_times: list[float] = []
    for _ in range(runs):
        extract_times.append(_median_time(lambda: [read_pdf(d, n) for n, d in pdfs], 1, CPU))
        parse_times.append(_median_time(lambda: [parse_bytes(d, n) for n, d in pdfs], 1, CPU))
    extract_s = statistics.median(extract_times)
    parse_s = statistics.median(parse_times)
    overhead = statistics.median(
        100 * (p - e) / e for e, p in zip(extract_times, parse_times, strict=True)
    )
    return {
        "files": len(pdfs),
        "pages": pages,
        "extract_seconds": extract_s,
        "parse_seconds": parse_s,
        "pages_per_s": pages / parse_s,
        "overhead_percent": overhead,
    }


_MEMORY_CHILD = """
import json, resource, sys, time
from minutebook.parser.pipeline import parse_bytes, parse_file
parse_bytes(b"Minutes of the Cabinet\\n\\n1. Apologies\\n\\nRESOLVED: noted.\\n", "warm.txt")
path = sys.argv[1]
data = open(path, "rb").read()
size = len(data)
del data
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
start = time.perf_counter()
result = parse_file(path)
seconds = time.perf_counter() - start
after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({"size": size, "before_kb": before, "after_kb": after, "seconds": seconds,
                  "documents": len(result.documents)}))
"""


def bench_memory(target_mb: float) -> dict[str, float]:
    data = big_input(int(target_mb * MB))
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "big.txt"
        path.write_bytes(data)
        del data
        env = dict(os.environ, PYTHONPATH=str(REPO_ROOT / "src"))
        proc = subprocess.run(
            [sys.executable, "-c", _MEMORY_CHILD, str(path)],
            capture_output=True,
            text=True,
            env=env,
            check=True,
        )
    out = json.loads(proc.stdout)
    size = out["size"]
    peak = (out["after_kb"] - out["before_kb"]) * 1024  # ru_maxrss is in KiB on Linux
    return {
        "mb": size / MB,
        "peak_mb": peak / MB,
        "ratio": peak / size,
        "seconds": out["seconds"],
        "documents": out["documents"],
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m minutebook.bench.parser_bench")
    parser.add_argument("--runs", type=int, default=5, help="runs per measurement (median)")
    parser.add_argument(
        "--big-mb", type=float, default=5.0, help="size of the repeated-corpus throughput input"
    )
    parser.add_argument(
        "--memory-mb", type=float, default=50.0, help="size of the memory-test input (0 to skip)"
    )
    args = parser.parse_args(argv)

    print(
        "parser build: "
        + (
            "compiled (mypyc; MINUTEBOOK_PURE_PYTHON=1 measures plain Python)"
            if compiled.IN_USE
            else "plain Python (no current compiled build: `make setup` builds one)"
        )
    )
    text = bench_text(args.runs)
    print(
        f"text corpus: {text['files']:.0f} files, {text['mb']:.2f} MB: "
        f"{text['mb_per_s']:.2f} MB/s wall, {text['cpu_mb_per_s']:.2f} MB/s of CPU time "
        f"(medians of {args.runs}; target >= 5 MB/s per core)"
    )
    total = text["read"] + text["segment"] + text["extract"]
    print(
        "  stages (share of time, and MB/s if that stage ran alone): "
        + ", ".join(
            f"{k} {100 * text[k] / total:.0f}% ({text['mb'] / text[k]:.1f} MB/s)"
            for k in ("read", "segment", "extract")
        )
    )
    big = bench_big(args.big_mb, max(1, args.runs // 2))
    print(
        f"repeated corpus, one input of {big['mb']:.1f} MB: {big['mb_per_s']:.2f} MB/s ({big['seconds']:.2f} s)"
    )
    pdf = bench_pdf(args.runs)
    print(
        f"PDF: {pdf['files']:.0f} files, {pdf['pages']:.0f} pages: {pdf['pages_per_s']:.1f} pages/s; "
        f"text extraction {pdf['extract_seconds'] * 1000:.0f} ms, full parse {pdf['parse_seconds'] * 1000:.0f} ms "
        "(CPU): "
        f"parsing adds {pdf['overhead_percent']:.0f}% (target < 25%)"
    )
    if args.memory_mb > 0:
        memory = bench_memory(args.memory_mb)
        print(
            f"memory: {memory['mb']:.1f} MB input: peak +{memory['peak_mb']:.0f} MB RSS = "
            f"{memory['ratio']:.1f}x the input (target < 10x); parsed in {memory['seconds']:.1f} s, "
            f"{memory['documents']:.0f} documents"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
