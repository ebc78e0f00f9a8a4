"""Lines of a source that belong to closed business inside an otherwise open paper.

An open agenda lists a Part B item's title; open minutes may hold a closed
minute. `record.visibility` hides those facts; this module finds their line
spans so the source page and the search index withhold the same lines from
the public (the raw text never leaks what the facts hide).
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from minutebook.record import models as m
from minutebook.record.visibility import public

# Facts that can be closed while the document they were read from is open.
FACT_MODELS: list[Any] = [m.AgendaItem, m.Minute, m.Resolution, m.Declaration, m.Report]
WITHHELD_FACTS = frozenset(FACT_MODELS)


def closed_lines_by_source(source_id: int | None = None) -> dict[int, set[int]]:
    """{source id: line numbers an anonymous visitor may not see} (closed documents excluded:
    they are withheld whole by the document rule)."""
    out: dict[int, set[int]] = defaultdict(set)
    documents: list[int] | None = None
    if source_id is not None:  # by document id: each fact table's index, not a join
        documents = list(
            m.Document.objects.filter(source_id=source_id).values_list("pk", flat=True)
        )
    for model in FACT_MODELS:
        qs = model.objects.filter(document__isnull=False, first_line__isnull=False)
        if documents is not None:
            qs = qs.filter(document_id__in=documents)
        # The rule is tested on these rows only, never on the whole archive.
        hidden = qs.exclude(pk__in=public(qs).values("pk"))
        for source, first, last in hidden.values_list(
            "document__source_id", "first_line", "last_line"
        ):
            out[source].update(range(first, (last or first) + 1))
    return out


def closed_lines(source_id: int) -> set[int]:
    return closed_lines_by_source(source_id).get(source_id, set())
