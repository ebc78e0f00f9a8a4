"""Splitting a pack into its documents and classifying each.

Stub: one block of kind "other". Replaced by the segmentation work.
"""

from __future__ import annotations

from collections.abc import Sequence

from minutebook.parser.lines import Block, Line


def segment(lines: Sequence[Line]) -> list[Block]:
    body = tuple(lines)
    return [Block(kind="other", subkind="other", lines=body)] if body else []
