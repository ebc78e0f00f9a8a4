"""The parser's optional compiled build: where it lives, and whether it may be used.

The parser is strictly typed, so mypyc can compile its modules to C extension modules
that run the same code about twice as fast (`make setup` builds them, see
`minutebook.devtools.build_parser`). The build lives in `_compiled/` beside the sources,
with a stamp naming the digest of the exact sources it was made from and the Python that
made it. A package puts that directory before its own on `__path__` only while the stamp
matches: a module edited since the build is never shadowed by stale machine code, the
parser simply runs as plain Python (same results, slower) until the next build.
`MINUTEBOOK_PURE_PYTHON=1` turns the build off.

This module decides, so it is never compiled itself; neither are the package's entry
points (run once per command, nothing to gain).
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
BUILD_DIR = PACKAGE_DIR / "_compiled"
STAMP_NAME = "BUILD.json"
NOT_COMPILED = frozenset(
    {
        "__init__.py",
        "compiled.py",
        "cli.py",
        "explain.py",
        "golden.py",
        "health.py",
        "schema_gen.py",
    }
)


def compiled_sources(package_dir: Path = PACKAGE_DIR) -> list[Path]:
    """The modules the build compiles: every module of the package and its readers, but
    the package's own `__init__`, this module and the entry points."""
    top = [p for p in package_dir.glob("*.py") if p.name not in NOT_COMPILED]
    readers = [p for p in (package_dir / "readers").glob("*.py") if p.name != "__init__.py"]
    return sorted(top + readers)


def sources_digest(package_dir: Path = PACKAGE_DIR) -> str:
    digest = hashlib.sha256()
    for path in compiled_sources(package_dir):
        digest.update(path.relative_to(package_dir).as_posix().encode() + b"\0")
        digest.update(path.read_bytes() + b"\0")
    return digest.hexdigest()


def runtime_tag() -> str:
    """The interpreter a build is tied to (an extension module fits one Python)."""
    return f"{sys.implementation.cache_tag}-{sys.platform}"


def build_is_current(package_dir: Path = PACKAGE_DIR, build_dir: Path | None = None) -> bool:
    """True when `build_dir` holds a build of exactly these sources for this Python."""
    build_dir = build_dir if build_dir is not None else package_dir / "_compiled"
    try:
        stamp = json.loads((build_dir / STAMP_NAME).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return (
        isinstance(stamp, dict)
        and stamp.get("runtime") == runtime_tag()
        and stamp.get("sources") == sources_digest(package_dir)
    )


def _decide() -> bool:
    if os.environ.get("MINUTEBOOK_PURE_PYTHON", "").strip() not in {"", "0"}:
        return False
    try:
        return build_is_current()
    except OSError:
        return False


# Decided once per process: every package of the parser must agree.
IN_USE = _decide()


def search_path(package_path: list[str], subpackage: str = "") -> list[str]:
    """A package's `__path__`, with the compiled build's directory first when in use."""
    if not IN_USE:
        return package_path
    build = BUILD_DIR / subpackage if subpackage else BUILD_DIR
    return [str(build), *package_path]
