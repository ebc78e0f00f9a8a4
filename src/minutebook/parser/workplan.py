"""Work-plan entries (future meeting dates and the items planned for each). Stub."""

from __future__ import annotations

from collections.abc import Sequence

from minutebook.parser.lines import Line
from minutebook.parser.models import WorkPlanEntry


def extract_work_plan(lines: Sequence[Line]) -> tuple[WorkPlanEntry, ...]:
    return ()
