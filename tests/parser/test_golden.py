"""The golden corpus: every corpus paper parses to its checked-in, hand-reviewed JSON.

On a mismatch the failure shows a unified diff (expected golden file vs the
parser's output now). If the change is intended, run `make golden` and
review the diff of `tests/golden/` before committing; `minutebook parse
--explain FILE` shows which lines became what.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from minutebook.parser.golden import GOLDEN_DIR, REPO_ROOT, check, golden_sources

SOURCES = golden_sources()


def test_every_corpus_paper_has_a_golden_file() -> None:
    expected = {f"{p.name}.json" for p in SOURCES}
    present = {p.name for p in (REPO_ROOT / GOLDEN_DIR).glob("*.json")}
    assert len(expected) >= 40
    assert expected - present == set(), "missing golden files: run `make golden` and review them"
    assert present - expected == set(), "golden files without a corpus paper"


@pytest.mark.parametrize("source", SOURCES, ids=lambda p: p.name)
def test_golden(source: Path) -> None:
    result = check(source)
    if result.diff:
        pytest.fail(
            f"{source.name} no longer parses to its golden file:\n{result.diff}", pytrace=False
        )
