"""Compare what a work plan promised for a meeting with the agenda that meeting actually had. Pure.

Each planned entry is *delivered* (an item of that meeting's agenda answers
it), *slipped* (it appears on a later agenda, or a later plan moves it to a
later meeting), *dropped* (the meeting's agenda is known, it is not on it,
and nothing later picks it up) or *pending* (no agenda for that meeting is
in the record yet). Agenda items of a planned meeting that no entry
promised, other than standard business, are *unplanned*.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from minutebook.tracking.matching import Candidate, title_matches, topic_words

STATUSES = ("delivered", "slipped", "dropped", "pending", "unplanned")

# Business every meeting has; nobody plans it, so it is never "unplanned".
STANDARD_ITEM = re.compile(
    r"\b(?:apologies|confirmation\s+of\s+(?:voting\s+)?members|urgent|disclosure|declarations?\s+of\s+interest|"
    r"^minutes\b|minutes\s+of\s+the|election\s+of|appointment\s+of\s+(?:vice-?)?chair|work\s+(?:plan|programme)|"
    r"any\s+other\s+(?:open\s+|closed\s+)?business|exclusion\s+of|mobile\s+phones|date\s+of\s+next|"
    r"substitut|part\s+[ab]\b|welcome\s+and\s+introductions|chair'?s\s+announcements)",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class PlanEntry:
    key: str
    planned_at: dt.date
    planned_for: dt.date
    title: str


@dataclass(frozen=True)
class PlanOutcome:
    entry: PlanEntry | None  # None for an unplanned agenda item
    status: str
    item: Candidate | None = None  # the delivering (or unplanned) agenda item
    slipped_to: dt.date | None = None
    via: str = ""  # "agenda" or "plan" for slipped entries


_PARTS = re.compile(r"\s+and\s+|\s*[/;,]\s*|\s+&\s+", re.IGNORECASE)


def is_standard_item(title: str) -> bool:
    return bool(STANDARD_ITEM.search(title.strip()))


def _find(title: str, items: list[Candidate], committee_name: str) -> Candidate | None:
    """The item that best answers a planned title; words in brackets count only as a fallback
    ("Ofsted feedback (Youth Offending Service)" is delivered by a youth offending item)."""
    for words in (topic_words(title, committee_name), _all_words(title, committee_name)):
        best: tuple[float, Candidate] | None = None
        for item in items:
            score = title_matches(words, topic_words(item.title, committee_name))
            if score > 0 and (best is None or score > best[0]):
                best = (score, item)
        if best:
            return best[1]
    return None


def _all_words(title: str, committee_name: str) -> set[str]:
    return topic_words(title.replace("(", " ").replace(")", " "), committee_name)


def compare_plan(
    entries: list[PlanEntry],
    agendas: dict[dt.date, list[Candidate]],
    committee_name: str = "",
) -> list[PlanOutcome]:
    """Outcomes of every entry, then the unplanned items of every planned meeting with an agenda."""
    outcomes: list[PlanOutcome] = []
    claimed: set[str] = set()
    for entry in sorted(entries, key=lambda e: (e.planned_for, e.planned_at, e.key)):
        words = topic_words(entry.title, committee_name)
        agenda = agendas.get(entry.planned_for)
        if agenda:
            item = _find(entry.title, agenda, committee_name)
            if item is not None:
                claimed.add(item.key)
                # "Update on X and Y" may be delivered as two items: both are planned.
                for part in _PARTS.split(entry.title):
                    other = _find(part, agenda, committee_name)
                    if other is not None:
                        claimed.add(other.key)
                outcomes.append(PlanOutcome(entry, "delivered", item))
                continue
        later = [d for d in sorted(agendas) if d > entry.planned_for]
        moved: PlanOutcome | None = None
        for date in later:
            item = _find(entry.title, agendas[date], committee_name)
            if item is not None:
                moved = PlanOutcome(entry, "slipped", item, slipped_to=date, via="agenda")
                break
        if moved is None:
            for other in sorted(entries, key=lambda e: (e.planned_for, e.planned_at)):
                if other.planned_for <= entry.planned_for or other.planned_at < entry.planned_at:
                    continue
                if title_matches(words, topic_words(other.title, committee_name)) > 0:
                    moved = PlanOutcome(
                        entry, "slipped", None, slipped_to=other.planned_for, via="plan"
                    )
                    break
        if moved is not None:
            outcomes.append(moved)
        else:
            outcomes.append(PlanOutcome(entry, "dropped" if agenda else "pending"))
    for date in sorted({e.planned_for for e in entries}):
        for item in agendas.get(date, []):
            if item.key not in claimed and not is_standard_item(item.title):
                outcomes.append(PlanOutcome(None, "unplanned", item))
    return outcomes
