"""The golden-file mechanism itself, on a throwaway copy of part of the corpus."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from minutebook.parser.golden import GOLDEN_DIR, check, golden_path, golden_sources, write_all


def make_root(tmp_path: Path, seeds_dir: Path, councils_dir: Path) -> Path:
    root = tmp_path / "repo"
    (root / "corpus/seeds").mkdir(parents=True)
    (root / "corpus/councils").mkdir(parents=True)
    shutil.copy(seeds_dir / "003_e9eb5ed99e3440bf.txt", root / "corpus/seeds")
    shutil.copy(seeds_dir / "SOURCES.md", root / "corpus/seeds")
    shutil.copy(
        councils_dir / "13_durham-corporate-parenting-panel-minute-work-programme-undated-2017.txt",
        root / "corpus/councils",
    )
    return root


def test_sources_skip_documentation(tmp_path: Path, seeds_dir: Path, councils_dir: Path) -> None:
    root = make_root(tmp_path, seeds_dir, councils_dir)
    assert [p.name for p in golden_sources(root)] == [
        "003_e9eb5ed99e3440bf.txt",
        "13_durham-corporate-parenting-panel-minute-work-programme-undated-2017.txt",
    ]


def test_write_then_check_then_detect_a_change(
    tmp_path: Path, seeds_dir: Path, councils_dir: Path
) -> None:
    root = make_root(tmp_path, seeds_dir, councils_dir)
    source = golden_sources(root)[0]
    missing = check(source, root)
    assert missing.missing and "no golden file" in missing.diff

    changed = write_all(root)
    assert sorted(p.name for p in changed) == sorted(f"{p.name}.json" for p in golden_sources(root))
    assert check(source, root).diff == ""
    assert write_all(root) == [], "a second write changes nothing"

    stored = json.loads(golden_path(source, root).read_text(encoding="utf-8"))
    # Paths are relative to the repository, so golden files do not depend on the checkout.
    assert stored["source"]["path"] == "corpus/seeds/003_e9eb5ed99e3440bf.txt"
    stored["documents"][0]["title"] = "A title the parser never produced"
    golden_path(source, root).write_text(
        json.dumps(stored, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    result = check(source, root)
    assert "A title the parser never produced" in result.diff
    assert result.diff.startswith("--- tests/golden/003_e9eb5ed99e3440bf.txt.json (expected)")


def test_stale_golden_files_are_removed(
    tmp_path: Path, seeds_dir: Path, councils_dir: Path
) -> None:
    root = make_root(tmp_path, seeds_dir, councils_dir)
    write_all(root)
    stale = root / GOLDEN_DIR / "gone.txt.json"
    stale.write_text("{}", encoding="utf-8")
    assert stale in write_all(root)
    assert not stale.exists()
