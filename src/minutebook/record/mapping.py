"""Mapping rules of the loader: slugs, item order, dates, meeting facts, and links."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from django.db.models.signals import m2m_changed
from django.utils.text import slugify

from minutebook.parser import models as p
from minutebook.record import models as m
from minutebook.record.upsert import LoadReport, insert_new

UNKNOWN_COUNCIL = "Unknown council"
UNKNOWN_COMMITTEE = "Unknown committee"
CLOSED_MINUTES_OFFSET = 1000
# Minutes of documents that record only part of a meeting (a decision notice, a web page of
# one item): after the meeting's full minutes, so that they never take a full minute's place.
PARTIAL_MINUTES_OFFSET = 10_000
UNNUMBERED_OFFSET = 100_000
DECLARATION_KEY_CHARS = 600
COUNCIL_WORDS = re.compile(
    r"\b(?:the|london|royal|borough|metropolitan|county|city|district|council|of|and)\b",
    re.IGNORECASE,
)
MINUTES_ITEM = re.compile(r"\bminutes\b", re.IGNORECASE)


def council_slug(name: str) -> str:
    """ "London Borough of Southwark" and "Southwark Council" are one council: "southwark"."""
    core = slugify(COUNCIL_WORDS.sub(" ", name))
    return (core or slugify(name) or "unknown")[:200]


def item_order(number: str | None, index: int) -> int:
    """A sort key from an item number that the pack and a supplement agree on ("7a" -> 701)."""
    if number:
        found = re.search(r"(\d+)(?:[.\s]*(\d+)|\s*\(?([a-z])\)?)?", number, re.IGNORECASE)
        if found:
            major = int(found.group(1)) * 100
            if found.group(2):
                return major + min(int(found.group(2)), 99)
            if found.group(3):
                return major + ord(found.group(3).lower()) - ord("a") + 1
            return major
    return UNNUMBERED_OFFSET + index


def parse_date(text: str | None) -> dt.date | None:
    if not text:
        return None
    try:
        return dt.date.fromisoformat(text[:10])
    except ValueError:
        return None


def parse_time(text: str | None) -> dt.time | None:
    if not text:
        return None
    try:
        return dt.time.fromisoformat(text)
    except ValueError:
        return None


def is_report(doc: p.Document) -> bool:
    """An officer's report (or work plan report): its header date is the meeting's date."""
    return doc.report is not None and doc.kind == "report" and doc.subkind != "appendix"


def announce_link(item: m.AgendaItem | m.Report, action: str, pk_set: set[int]) -> None:
    """Tell listeners (search index, OParl) that links changed, as `.add()` would.

    The link table is written directly to skip simple-history's per-link snapshot, which
    costs tens of milliseconds; the skip flag keeps that handler quiet, others still hear.
    """
    through = type(item).documents.through
    item.skip_history_when_saving = True  # type: ignore[union-attr]
    try:
        m2m_changed.send(
            sender=through,
            instance=item,
            action=action,
            reverse=False,
            model=m.Document,
            pk_set=pk_set,
            using=through.objects.db,
        )
    finally:
        del item.skip_history_when_saving  # type: ignore[union-attr]


def same_number(a: str | None, b: str | None) -> bool:
    def norm(x: str | None) -> str:
        return re.sub(r"[^0-9a-z]", "", (x or "").casefold())

    return bool(norm(a)) and norm(a) == norm(b)


_PLACE_WORDS = re.compile(r"[^\w]+")


def _place_key(venue: str) -> str:
    words = _PLACE_WORDS.sub(" ", venue.casefold()).split()
    return " ".join(words[1:] if words[:1] == ["the"] else words)


def same_place(current: str, new: str) -> bool:
    """Two papers naming one venue in two ways: "the Council Chamber, Sessions House" (the
    minutes) and "Council Chamber, Sessions House, County Hall" (the agenda). The same place
    when, case, punctuation and a leading "the" aside, one is the other or begins it."""
    a, b = _place_key(current or ""), _place_key(new or "")
    return bool(a and b) and (a == b or a.startswith(b + " ") or b.startswith(a + " "))


def _place_rank(venue: str) -> tuple[int, bool, str]:
    return len(_place_key(venue)), not venue.casefold().startswith("the "), venue


def keep_place(current: str, new: str) -> bool:
    """Keep the current venue when the new one names the same place no better: the fuller
    wording wins (then the one without a leading "the"), whichever paper arrives first."""
    return same_place(current, new) and _place_rank(current) >= _place_rank(new)


def meeting_facts(parsed: p.Document, on: dt.date) -> dict[str, Any]:
    """What a document says about its meeting: only a document about this very meeting may."""
    ref = parsed.meeting
    if not ref.date or parse_date(ref.date) != on:
        return {}
    values: dict[str, Any] = {}
    if parse_time(ref.time):
        values["start_time"] = parse_time(ref.time)
    if ref.venue:
        values["venue"] = ref.venue.strip()
    if ref.online is not None:
        values["online"] = ref.online
    if parsed.minutes is not None:
        values["status"] = "held"
        if parse_time(parsed.minutes.end_time):
            values["end_time"] = parse_time(parsed.minutes.end_time)
        # A closed (exempt) minutes document must not put its words on the public meeting.
        if parsed.minutes.preamble and parsed.part != "closed":
            values["minutes_preamble"] = parsed.minutes.preamble
        if parsed.minutes.signed_by_chair:
            values["signed_by_chair"] = parsed.minutes.signed_by_chair[:200]
        if parse_date(parsed.minutes.signed_date):
            values["signed_date"] = parse_date(parsed.minutes.signed_date)
    return values


class Links:
    """Links of agenda items and reports to documents, written in one query per table.

    The link tables are written directly (no per-link history: simple-history's m2m
    snapshot costs tens of milliseconds); listeners still hear one m2m_changed per owner.
    Owners may still be waiting for their bulk insert when linked: ids are read at flush.
    """

    def __init__(self, report: LoadReport) -> None:
        self.report = report
        self.known: set[tuple[str, int, int]] = set()  # (kind, owner id, document id) stored
        self.seen: set[tuple[str, int, int]] = set()  # (kind, id(owner), document id) this load
        self.new: list[tuple[m.AgendaItem | m.Report, m.Document]] = []

    def preload(self, document_ids: set[int]) -> None:
        for model, owner in ((m.AgendaItem, "agendaitem_id"), (m.Report, "report_id")):
            kind = f"{model.__name__}.documents"
            rows = model.documents.through.objects.filter(document_id__in=document_ids)
            for owner_id, doc_id in rows.values_list(owner, "document_id"):
                self.known.add((kind, owner_id, doc_id))

    def add(self, item: m.AgendaItem | m.Report, doc: m.Document) -> None:
        kind = f"{type(item).__name__}.documents"
        seen = (kind, id(item), doc.pk)
        if seen in self.seen or (item.pk is not None and (kind, item.pk, doc.pk) in self.known):
            self.report.add(kind, "unchanged")
        else:
            self.new.append((item, doc))
            self.report.add(kind, "inserted")
        self.seen.add(seen)

    def linked(self, item: m.AgendaItem | m.Report) -> list[m.Document]:
        """Documents linked to `item` in this load (not yet written)."""
        return [doc for owner, doc in self.new if owner is item]

    def flush(self) -> None:
        rows: dict[Any, list[Any]] = {}
        added: dict[int, tuple[m.AgendaItem | m.Report, set[int]]] = {}
        for item, doc in self.new:
            through = type(item).documents.through
            owner = "agendaitem_id" if isinstance(item, m.AgendaItem) else "report_id"
            rows.setdefault(through, []).append(through(**{owner: item.pk, "document_id": doc.pk}))
            added.setdefault(id(item), (item, set()))[1].add(doc.pk)
        for through, objs in rows.items():
            insert_new(through, objs)  # bulk_create without its per-paper SQL compilation
        for item, pks in added.values():
            announce_link(item, "post_add", pks)
        self.new.clear()
