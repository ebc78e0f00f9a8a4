"""The compiled parser (mypyc): used only while it matches the sources, same results as plain Python."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from minutebook.parser import compiled

REPO = Path(__file__).resolve().parents[2]
REQUIRED = os.environ.get("MINUTEBOOK_REQUIRE_COMPILED", "") not in {"", "0"}


def _package(tmp_path: Path) -> Path:
    package = tmp_path / "parser"
    (package / "readers").mkdir(parents=True)
    (package / "__init__.py").write_text("# not compiled\n")
    (package / "cli.py").write_text("# an entry point: not compiled\n")
    (package / "lines.py").write_text("X = 1\n")
    (package / "readers" / "__init__.py").write_text("")
    (package / "readers" / "text.py").write_text("Y = 2\n")
    return package


def _stamp(package: Path, build: Path, **changes: str) -> None:
    build.mkdir(exist_ok=True)
    stamp = {"sources": compiled.sources_digest(package), "runtime": compiled.runtime_tag()}
    stamp.update(changes)
    (build / compiled.STAMP_NAME).write_text(json.dumps(stamp))


def test_the_build_compiles_the_modules_but_not_the_entry_points(tmp_path: Path) -> None:
    package = _package(tmp_path)
    names = [p.relative_to(package).as_posix() for p in compiled.compiled_sources(package)]
    assert names == ["lines.py", "readers/text.py"]


def test_a_build_is_used_only_while_it_matches_the_sources(tmp_path: Path) -> None:
    package, build = _package(tmp_path), tmp_path / "build"
    assert not compiled.build_is_current(package, build)  # no build at all
    _stamp(package, build)
    assert compiled.build_is_current(package, build)
    (package / "readers" / "text.py").write_text("Y = 3\n")  # edited after the build
    assert not compiled.build_is_current(package, build)
    _stamp(package, build)
    assert compiled.build_is_current(package, build)
    (package / "cli.py").write_text("# edited entry point: the build is still current\n")
    assert compiled.build_is_current(package, build)


def test_a_build_for_another_python_or_a_broken_stamp_is_not_used(tmp_path: Path) -> None:
    package, build = _package(tmp_path), tmp_path / "build"
    _stamp(package, build, runtime="cpython-39-linux")
    assert not compiled.build_is_current(package, build)
    (build / compiled.STAMP_NAME).write_text("{not json")
    assert not compiled.build_is_current(package, build)


def test_the_package_path_puts_the_build_first_only_when_in_use(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(compiled, "IN_USE", False)
    assert compiled.search_path(["/src/parser"]) == ["/src/parser"]
    monkeypatch.setattr(compiled, "IN_USE", True)
    assert compiled.search_path(["/src/parser"]) == [str(compiled.BUILD_DIR), "/src/parser"]
    assert compiled.search_path(["/src/r"], "readers") == [
        str(compiled.BUILD_DIR / "readers"),
        "/src/r",
    ]


def _which_build(env: dict[str, str]) -> list[str]:
    code = (
        "import minutebook.parser.compiled as c, minutebook.parser.pipeline as p, "
        "minutebook.parser.readers.text as t; print(c.IN_USE, p.__file__, t.__file__)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    )
    return out.stdout.split()


def test_pure_python_can_be_asked_for() -> None:
    in_use, pipeline, text = _which_build({**os.environ, "MINUTEBOOK_PURE_PYTHON": "1"})
    assert in_use == "False" and pipeline.endswith("pipeline.py") and text.endswith("text.py")


@pytest.mark.skipif(
    not (REQUIRED or compiled.IN_USE),
    reason="no current compiled build on this machine (CI requires one)",
)
def test_the_compiled_parser_is_in_use_and_agrees_with_plain_python() -> None:
    # In CI (MINUTEBOOK_REQUIRE_COMPILED=1) a failed compile fails here, not silently.
    in_use, pipeline, text = _which_build(dict(os.environ))
    assert in_use == "True", "the compiled build is missing or stale: run `make compiled`"
    assert pipeline.endswith(".so") and text.endswith(".so")
    assert compiled.IN_USE  # so the rest of this suite (golden files included) ran compiled
    # ...and the plain-Python parser gives the same golden output.
    plain = subprocess.run(
        [sys.executable, "-m", "minutebook.cli", "golden"],
        env={**os.environ, "MINUTEBOOK_PURE_PYTHON": "1"},
        cwd=REPO,
        capture_output=True,
        text=True,
        check=False,
    )
    assert plain.returncode == 0, plain.stdout[-2000:] + plain.stderr[-2000:]
    assert "golden files match" in plain.stdout
