"""Helpers for the report, table, work-plan and letter tests: seed lines and report slices.

Until segmentation lands, a report is cut out of a pack by its header line
("Item No. 7.") up to the next report header or the distribution list.
"""

from __future__ import annotations

import re
from pathlib import Path

from minutebook.parser.lines import Block, Line, make_lines
from minutebook.parser.models import DocumentSubkind
from minutebook.parser.normalise import normalise

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "corpus" / "seeds"
COUNCILS = ROOT / "corpus" / "councils"

PACK_2020 = "000_7766e353e14d0d52.txt"
PACK_2019 = "001_b6ed594580014f82.txt"
ITEM7_MARKDOWN = "002_74d68f5cacf3ff33.txt"
WORK_PLAN_2024 = "003_e9eb5ed99e3440bf.txt"
SELF_EVALUATION = "004_d44683e97dcef42b.txt"

_REPORT_START = re.compile(r"^(?:<b>)?Item No\.(?:</b>)?\s*(?P<item>\d+)")
_PACK_END = re.compile(r"DISTRIBUTION LIST", re.IGNORECASE)


def read_lines(path: Path, *, normalised: bool = True) -> list[Line]:
    text = path.read_text(encoding="utf-8")
    return make_lines(normalise(text) if normalised else text)


def seed_lines(name: str, *, normalised: bool = True) -> list[Line]:
    return read_lines(SEEDS / name, normalised=normalised)


def council_lines(prefix: str, *, normalised: bool = True) -> list[Line]:
    path = next(p for p in COUNCILS.iterdir() if p.name.startswith(prefix) and p.suffix == ".txt")
    return read_lines(path, normalised=normalised)


def report_slice(lines: list[Line], item: str) -> list[Line]:
    """The lines of the report whose header says "Item No. <item>"."""
    start = next(
        i for i, ln in enumerate(lines) if (m := _REPORT_START.match(ln.text)) and m["item"] == item
    )
    end = len(lines)
    for j in range(start + 1, len(lines)):
        if _REPORT_START.match(lines[j].text) or _PACK_END.search(lines[j].text):
            end = j
            break
    return lines[start:end]


def block(lines: list[Line], subkind: DocumentSubkind = "report") -> Block:
    kind = "letter" if subkind == "letter" else "report"
    return Block(kind=kind, subkind=subkind, lines=tuple(lines))


def between(lines: list[Line], first: int, last: int) -> list[Line]:
    """Lines `first`..`last` (1-based, inclusive)."""
    return [ln for ln in lines if first <= ln.number <= last]
