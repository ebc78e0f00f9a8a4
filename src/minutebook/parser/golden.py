"""The golden corpus: the expected parse of every corpus paper, checked in as JSON.

`minutebook golden` compares the parser's output with `tests/golden/*.json`
and prints a readable diff of each mismatch; `minutebook golden --write`
(`make golden`) rewrites the files so that a reviewer reads the change as a
git diff. Paths in the golden files are relative to the repository root, so
they do not depend on where the repository is checked out.
"""

from __future__ import annotations

import copy
import difflib
import functools
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from minutebook.parser.health import corpus_files

REPO_ROOT = Path(__file__).resolve().parents[3]
CORPUS_DIRS = ("corpus/seeds", "corpus/councils")
GOLDEN_DIR = "tests/golden"


def golden_sources(root: Path = REPO_ROOT) -> list[Path]:
    """Every corpus paper that has (or should have) a golden file."""
    return [p for d in CORPUS_DIRS if (root / d).is_dir() for p in corpus_files([root / d])]


def golden_path(source: Path, root: Path = REPO_ROOT) -> Path:
    return root / GOLDEN_DIR / f"{source.name}.json"


def expected_json(source: Path, root: Path = REPO_ROOT) -> dict[str, Any]:
    """The parse of `source` as it is stored in its golden file (a fresh copy each call)."""
    stat = source.stat()
    return copy.deepcopy(
        _parse_cached(str(source.resolve()), str(root.resolve()), stat.st_mtime_ns, stat.st_size)
    )


@functools.lru_cache(maxsize=256)
def _parse_cached(source: str, root: str, mtime_ns: int, size: int) -> dict[str, Any]:
    """Parses are cached per file version: the golden and schema tests read the same outputs."""
    from minutebook.parser.pipeline import parse_bytes

    path = Path(source)
    relative = path.relative_to(root).as_posix()
    return parse_bytes(path.read_bytes(), relative).to_json()


def dumps(data: dict[str, Any]) -> str:
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


@dataclass(frozen=True, slots=True)
class GoldenCheck:
    source: Path
    golden: Path
    diff: str  # empty when the output matches
    missing: bool = False


def check(
    source: Path, root: Path = REPO_ROOT, context: int = 3, max_lines: int = 200
) -> GoldenCheck:
    golden = golden_path(source, root)
    actual = dumps(expected_json(source, root))
    if not golden.exists():
        return GoldenCheck(
            source, golden, f"no golden file {golden.relative_to(root)}", missing=True
        )
    stored = golden.read_text(encoding="utf-8")
    if stored == actual:
        return GoldenCheck(source, golden, "")
    diff = list(
        difflib.unified_diff(
            stored.splitlines(),
            actual.splitlines(),
            fromfile=f"{golden.relative_to(root)} (expected)",
            tofile=f"{source.name} (parser output now)",
            lineterm="",
            n=context,
        )
    )
    if len(diff) > max_lines:
        diff = [*diff[:max_lines], f"... {len(diff) - max_lines} more diff lines"]
    return GoldenCheck(source, golden, "\n".join(diff))


def write_all(root: Path = REPO_ROOT) -> list[Path]:
    """Rewrite every golden file; remove golden files whose paper is gone. Returns changed files."""
    directory = root / GOLDEN_DIR
    directory.mkdir(parents=True, exist_ok=True)
    changed: list[Path] = []
    wanted = set()
    for source in golden_sources(root):
        target = golden_path(source, root)
        wanted.add(target.name)
        text = dumps(expected_json(source, root))
        if not target.exists() or target.read_text(encoding="utf-8") != text:
            target.write_text(text, encoding="utf-8")
            changed.append(target)
    for stale in directory.glob("*.json"):
        if stale.name not in wanted:
            stale.unlink()
            changed.append(stale)
    return changed
