"""Compile the parser with mypyc into `minutebook/parser/_compiled/` (see `parser.compiled`).

    python -m minutebook.devtools.build_parser          build unless the build is current
    python -m minutebook.devtools.build_parser --force  build again

`make setup` runs it. It never fails the setup: without a C compiler, or if mypyc
refuses, it says so and the parser runs as plain Python (the same results, slower).
The C code and objects go to `build/mypyc/`; only the extension modules and the stamp
are copied into the package.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from minutebook.parser import compiled

GROUP = "minutebook.parser._native"  # one shared library, inside the package
REPO_ROOT = compiled.PACKAGE_DIR.parents[2]

_SETUP = """\
import sys
from setuptools import setup
from mypyc.build import mypycify

sources = sys.argv[1:]
sys.argv[1:] = ["build_ext", "--build-lib", {build_lib!r}, "--build-temp", {build_temp!r}]
setup(
    name="minutebook-parser-compiled",
    ext_modules=mypycify(sources, opt_level={opt_level!r}, group_name={group!r},
                         target_dir={target!r}),
)
"""


def build(*, force: bool = False, opt_level: str = "2", quiet: bool = True) -> bool:
    """Build the compiled parser; True when a current build is in place afterwards."""
    if not force and compiled.build_is_current():
        print("compiled parser: up to date")
        return True
    work = REPO_ROOT / "build" / "mypyc"
    if work.exists():
        shutil.rmtree(work)
    work.mkdir(parents=True)
    build_lib = work / "lib"
    digest = compiled.sources_digest()  # of the sources as they are when compiling starts
    modules = [str(p.relative_to(REPO_ROOT / "src")) for p in compiled.compiled_sources()]
    # The project's strict mypy settings: mypyc compiles from the types it checks.
    options = [f"--config-file={REPO_ROOT / 'pyproject.toml'}", f"--cache-dir={work / 'cache'}"]
    script = work / "setup.py"
    script.write_text(
        _SETUP.format(
            build_lib=str(build_lib),
            build_temp=str(work / "temp"),
            opt_level=opt_level,
            group=GROUP,
            target=str(work / "c"),
        ),
        encoding="utf-8",
    )
    print(f"compiled parser: compiling {len(modules)} modules with mypyc (a few minutes)...")
    started = time.perf_counter()
    env = {**os.environ, "MINUTEBOOK_PURE_PYTHON": "1"}
    with tempfile.TemporaryFile() as log:
        result = subprocess.run(
            [sys.executable, str(script), *modules, *options],
            cwd=REPO_ROOT / "src",
            env=env,
            stdout=log if quiet else None,
            stderr=subprocess.STDOUT if quiet else None,
            check=False,
        )
        if result.returncode != 0:
            log.seek(0)
            tail = log.read().decode("utf-8", "replace").strip().splitlines()[-15:]
            print("\n".join(tail), file=sys.stderr)
            print(
                "compiled parser: the build failed; the parser runs as plain Python "
                "(the same results, about half the speed)",
                file=sys.stderr,
            )
            return False
    _install(build_lib / "minutebook" / "parser", digest)
    print(f"compiled parser: built in {time.perf_counter() - started:.0f} s")
    return compiled.build_is_current()


def _install(built: Path, digest: str) -> None:
    """Replace `_compiled/` with the new extension modules and their stamp."""
    target = compiled.BUILD_DIR
    if target.exists():
        shutil.rmtree(target)
    for so in built.rglob("*.so"):
        dest = target / so.relative_to(built)
        dest.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(so, dest)
    stamp = {"sources": digest, "runtime": compiled.runtime_tag(), "group": GROUP}
    (target / compiled.STAMP_NAME).write_text(json.dumps(stamp, indent=1), encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--force", action="store_true", help="build even if current")
    parser.add_argument("--verbose", action="store_true", help="show the compiler's output")
    args = parser.parse_args(argv)
    build(force=args.force, quiet=not args.verbose)
    return 0  # a failed build leaves the plain-Python parser: never fail the setup


if __name__ == "__main__":
    sys.exit(main())
