"""Load a ParseResult into the record, idempotently.

`load(result, source=...)` maps the parser's contract (parser/models.py) to
rows. Identity is decided by natural keys, never by primary keys:

- Council by slug of its name ("Southwark Council" -> "southwark"); Committee
  by council and slug. Documents that name neither go to an "Unknown" council
  or committee rather than being dropped.
- Meeting by committee and date. A document without its own meeting date
  takes the pack's (the first dated front sheet or document), except minutes:
  the minutes of meeting Y bundled in the pack of meeting X load into Y (and
  are linked to X's "minutes of the last meeting" item).
- MunicipalYear May to May ("2020-21"); Membership per person, committee,
  role and municipal year, from the front sheet.
- Document by source and first line; AgendaItem by meeting and an order
  derived from the item number (so the pack and a supplement agree);
  Minute by meeting and order; Resolution by minute and order; Attendance by
  meeting, name as written and status; Declaration by meeting, name and text;
  Report by meeting and title (the same report in two files is one Report
  with both Documents); WorkPlanEntry by committee, plan date, target date
  and title; OfficerTitle by person, title and date.

Every fact carries provenance (document, lines, pages, parser version).
Facts this source produced before but not now (after a reparse) are deleted;
facts of other sources are left alone. Partial parser output never crashes
the loader: what cannot be placed is skipped with a warning in the report.
"""

from __future__ import annotations

import datetime as dt
from pathlib import PurePath
from typing import Any

from django.db import transaction
from django.utils.text import slugify
from rapidfuzz import fuzz

from minutebook.parser import models as p
from minutebook.record import models as m
from minutebook.record.load_cleanup import CleanupMixin
from minutebook.record.load_facts import FactsMixin
from minutebook.record.mapping import (
    UNKNOWN_COMMITTEE,
    UNKNOWN_COUNCIL,
    Links,
    council_slug,
    is_report,
    item_order,
    keep_place,
    meeting_facts,
    parse_date,
    parse_time,
    same_number,
)
from minutebook.record.people import (
    PeopleResolver,
    municipal_year_bounds,
    municipal_year_label,
)
from minutebook.record.upsert import HistoryBuffer, LoadReport, Upserter

# Rows inserted in bulk (one query per model) at the stage boundaries of a load.
BULK_MODELS = (
    m.Document,  # flushed after the documents, before facts point at them
    m.AgendaItem,  # flushed after the agendas, before reports and minutes link to them
    m.Minute,  # flushed after each minutes document's minutes, before their resolutions
    m.Report,  # flushed at the end, before the links to its documents are written
    m.Attendance,
    m.Declaration,
    m.Resolution,
    m.Membership,
    m.OfficerTitle,
    m.WorkPlanEntry,
)


class LoadSession:
    """Caches that outlive one load in a batch (councils, committees, people).

    Only valid while this process is the only writer; `reset()` after a failed load.
    """

    def __init__(self) -> None:
        self.resolvers: dict[int, PeopleResolver] = {}
        self.councils: dict[str, m.Council] = {}
        self.councils_by_pk: dict[int, m.Council] = {}
        self.committees: dict[tuple[int, str], m.Committee] = {}
        self.years: dict[tuple[int, str], m.MunicipalYear] = {}
        # Committee slug -> the only council that has it (None: none or several); dropped
        # whenever a committee is created, which can change the answer.
        self.council_by_committee: dict[str, m.Council | None] = {}
        self._names: dict[str, list[int]] | None = None  # file name -> source ids
        self.fresh_sources: set[int] = set()  # stored in this transaction, not loaded yet

    def reset(self) -> None:
        self.resolvers.clear()
        self.councils.clear()
        self.councils_by_pk.clear()
        self.committees.clear()
        self.years.clear()
        self.council_by_committee.clear()
        self._names = None
        self.fresh_sources.clear()

    def sources_named(self, name: str) -> list[int]:
        """Ids of the stored sources with this file name (any folder): one query per batch."""
        if self._names is None:
            self._names = {}
            for pk, original in m.SourceFile.objects.values_list("pk", "original_name"):
                self._names.setdefault(PurePath(original).name, []).append(pk)
        return self._names.get(name, [])

    def note_source(self, source: m.SourceFile) -> None:
        """A source stored in this batch (after the names were read)."""
        if self._names is not None:
            self._names.setdefault(PurePath(source.original_name).name, []).append(source.pk)

    def people_counts(self) -> tuple[int, int]:
        return (
            sum(r.n_created for r in self.resolvers.values()),
            sum(r.n_aliases for r in self.resolvers.values()),
        )


class _Load(FactsMixin, CleanupMixin):
    def __init__(
        self,
        result: p.ParseResult,
        source: m.SourceFile,
        report: LoadReport,
        session: LoadSession,
    ) -> None:
        self.result = result
        self.source = source
        self.report = report
        self.lines = result.text.split("\n")
        superseded: set[int] = set()
        older = source.supersedes_id
        while older is not None and older not in superseded and older != source.pk:
            superseded.add(older)
            older = m.SourceFile.objects.filter(pk=older).values_list("supersedes_id", flat=True)[0]
        self.history = HistoryBuffer()
        self.up = Upserter(
            report,
            source_ids={source.pk, *superseded},
            history=self.history,
            bulk_models=BULK_MODELS,
        )
        self.superseded = superseded
        self.version = result.parser_version[:32]
        self.resolvers = session.resolvers
        self.councils = session.councils
        self.councils_by_pk = session.councils_by_pk
        self.committees = session.committees
        self.years = session.years
        self.council_by_committee = session.council_by_committee
        self.fresh_source = source.pk in session.fresh_sources
        session.fresh_sources.discard(source.pk)  # loaded now: a second load reads its rows
        self.meeting_preloaded: set[int] = set()
        self.fresh_meetings: set[int] = set()
        self.meetings: dict[tuple[int, dt.date], m.Meeting] = {}
        self.items_by_meeting: dict[int, list[m.AgendaItem]] = {}
        self.used_resolvers: dict[int, PeopleResolver] = {}
        self._earlier: dict[str, m.Council] | None = None  # see earlier_council()
        # Links of items and reports to documents, written together after the last flush.
        self.links = Links(report)

    # -- context -----------------------------------------------------------------------------

    def council(self, name: str | None) -> m.Council:
        name = (name or "").strip() or UNKNOWN_COUNCIL
        slug = council_slug(name)
        if slug not in self.councils:
            found = m.Council.objects.filter(slug=slug).first()
            self.councils[slug] = found or self.up.upsert(m.Council, {"slug": slug}, {"name": name})
            self.councils_by_pk[self.councils[slug].pk] = self.councils[slug]
        return self.councils[slug]

    def council_of(self, committee: m.Committee) -> m.Council:
        """A committee's council, read once per batch (not once per paper through the FK)."""
        council = self.councils_by_pk.get(committee.council_id)
        if council is None:
            council = committee.council
            self.councils_by_pk[council.pk] = council
        return council

    def earlier_council(self, committee_name: str | None) -> m.Council | None:
        """For a paper that names no council, loaded again: the council its documents went to
        last time. The guess below depends on the councils known at the time, so without this
        a reparse could move a paper's meeting once the record had grown."""
        if not committee_name or not self.reloading:
            return None
        if self._earlier is None:
            self._earlier = {}
            committees = m.Committee.objects.filter(
                meetings__documents__source__in=self.up.source_ids
            ).select_related("council")
            for committee in committees.distinct():
                self._earlier.setdefault(committee.slug, committee.council)
        return self._earlier.get(slugify(committee_name)[:200])

    def council_of_committee(self, committee_name: str | None) -> m.Council | None:
        """For a paper that names no council: the only known council with this committee."""
        if not committee_name:
            return None
        slug = slugify(committee_name)[:200]
        if slug not in self.council_by_committee:
            known = m.Council.objects.exclude(slug=council_slug(UNKNOWN_COUNCIL))
            having = list(known.filter(committees__slug=slug)[:2])
            self.council_by_committee[slug] = having[0] if len(having) == 1 else None
        return self.council_by_committee[slug]

    def committee(self, council: m.Council, name: str | None) -> m.Committee:
        name = (name or "").strip() or UNKNOWN_COMMITTEE
        slug = slugify(name)[:200] or "unknown"
        key = (council.pk, slug)
        if key not in self.committees:
            found = m.Committee.objects.filter(council=council, slug=slug).first()
            if found is None:
                found = self.up.upsert(
                    m.Committee, {"council": council, "slug": slug}, {"name": name}
                )
                self.council_by_committee.clear()  # a committee more: answers may change
            self.committees[key] = found
        return self.committees[key]

    def year(self, council: m.Council, on: dt.date) -> m.MunicipalYear:
        label = municipal_year_label(on)
        key = (council.pk, label)
        if key not in self.years:
            _, start, end = municipal_year_bounds(on)
            self.years[key] = self.up.upsert(
                m.MunicipalYear,
                {"council": council, "label": label},
                {"start": start, "end": end},
            )
        return self.years[key]

    def resolver(self, council: m.Council) -> PeopleResolver:
        if council.pk not in self.resolvers:
            self.resolvers[council.pk] = PeopleResolver(council, defer_aliases=True)
        resolver = self.resolvers[council.pk]
        resolver.history = self.history  # the session's resolver writes history with this load
        self.used_resolvers[council.pk] = resolver
        return resolver

    def meeting(
        self, committee: m.Committee, on: dt.date, facts: dict[str, Any] | None = None
    ) -> m.Meeting:
        """The meeting of a committee on a date, with what the papers say about it (`facts`)."""
        key = (committee.pk, on)
        if key not in self.meetings:
            found = self.up.upsert(
                m.Meeting,
                {"committee": committee, "date": on},
                {"municipal_year": self.year(self.council_of(committee), on), **(facts or {})},
                same={"venue": keep_place},
            )
            fresh = self.up.last_inserted
            self.meetings[key] = found
            # Fetched lazily: only the kinds of rows this paper writes for the meeting.
            for model in (m.AgendaItem, m.Minute, m.Attendance, m.Declaration, m.Report):
                self.up.preload(model, fresh=fresh, meeting=found)
            if fresh:
                self.fresh_meetings.add(found.pk)
            self.meeting_preloaded.add(found.pk)
            self.up.preload(m.OfficerTitle, seen_on=on)
        return self.meetings[key]

    def provenance(self, doc: m.Document, span: p.Span | None) -> dict[str, Any]:
        span = span or p.Span(doc.first_line, doc.last_line, doc.first_page, doc.last_page)
        return {
            "document": doc,
            "first_line": span.first_line,
            "last_line": span.last_line,
            "first_page": span.first_page,
            "last_page": span.last_page,
            "parser_version": self.version,
        }

    # -- documents ---------------------------------------------------------------------------

    def run(self) -> None:
        docs = self.result.documents
        pack_council = next((d.council for d in docs if d.council), None)
        pack_committee = next((d.committee for d in docs if d.committee), None)
        pack_date = next(
            (parse_date(d.meeting.date) for d in docs if d.kind != "minutes" and d.meeting.date),
            None,
        ) or next((parse_date(d.report.date) for d in docs if is_report(d) and d.report.date), None)
        # A source stored in this transaction and not loaded yet has no documents to read.
        self.up.preload(m.Document, fresh=self.fresh_source, source=self.source)
        self.reloading = bool(self.up.cached_rows(m.Document)) or bool(self.superseded)
        placed: list[tuple[p.Document, m.Committee, dt.date | None]] = []
        facts: dict[tuple[int, dt.date], dict[str, Any]] = {}
        for parsed in docs:
            committee_name = (
                parsed.committee
                or (parsed.report.meeting_name if parsed.report else None)
                or pack_committee
            )
            council_name = parsed.council or pack_council
            if council_name:
                council = self.council(council_name)
            else:
                council = (
                    self.earlier_council(committee_name)
                    or self.council_of_committee(committee_name)
                    or self.council(None)
                )
            committee = self.committee(council, committee_name)
            on = parse_date(parsed.meeting.date) or (
                parse_date(parsed.report.date) if is_report(parsed) else None
            )
            if on is None and parsed.kind != "minutes":
                on = pack_date
            placed.append((parsed, committee, on))
            if on is not None:  # what each document says about its meeting, later ones last
                facts.setdefault((committee.pk, on), {}).update(meeting_facts(parsed, on))
        loaded: list[tuple[p.Document, m.Document]] = []
        pack_meeting: m.Meeting | None = None
        for parsed, committee, on in placed:
            meeting = self.meeting(committee, on, facts[(committee.pk, on)]) if on else None
            if meeting is not None and on == pack_date and pack_meeting is None:
                pack_meeting = meeting
            doc = self.document(parsed, meeting)
            loaded.append((parsed, doc))
        self.up.flush_bulk()  # new documents get their ids here, in one query
        self.up.remember_documents({d.pk: self.source.pk for _, d in loaded})
        self.report.committees.update(mt.committee_id for mt in self.meetings.values())
        with_meeting = sorted((d for _, d in loaded if d.meeting_id), key=lambda d: d.first_line)
        if with_meeting:  # what tells a republished version of this paper (see ingest)
            first = with_meeting[0]
            self.report.signature = (first.meeting_id, first.kind, first.subkind, first.title)
            self.report.signature_meeting_is_new = first.meeting_id in self.fresh_meetings
        if self.reloading:  # new documents have no links yet: only known ones are looked up
            self.links.preload({d.pk for _, d in loaded})
        # Agenda items first, so that reports, minutes and declarations can link to them.
        for parsed, doc in loaded:
            if parsed.agenda is not None and doc.meeting is not None:
                self.agenda(parsed, doc)
        self.up.flush_bulk()  # agenda items and memberships, before anything links to them
        self.items_by_meeting.clear()
        last_item: m.AgendaItem | None = None
        committee_of = {id(parsed): committee for parsed, committee, _ in placed}
        for parsed, doc in loaded:
            if doc.meeting is None:
                where = (
                    f"{self.source.original_name}: {parsed.kind} at line {parsed.span.first_line}"
                )
                planned = self.undated_work_plan(parsed, doc, committee_of[id(parsed)])
                if planned is not None:
                    self.report.warnings.append(
                        f"{where} has no date: its work plan is loaded as made by its first "
                        f"planned meeting ({planned.isoformat()}); its other facts were not"
                    )
                elif parsed.minutes or parsed.agenda or parsed.report:
                    self.report.warnings.append(
                        f"{where} has no meeting date; its facts were not loaded"
                    )
                continue
            if parsed.minutes is not None:
                self.minutes(parsed, doc, pack_meeting)
            if is_report(parsed):
                last_item = self.report_row(parsed, doc)
            elif (
                (parsed.kind == "letter" or parsed.subkind == "appendix")
                and last_item is not None
                and last_item.meeting_id == doc.meeting_id
            ):
                # An appendix (an inspection letter, a dashboard) belongs to the report before it.
                self.link(last_item, doc)
            # Draft agendas agreed in minutes are tracking's (origin "resolution").
            if parsed.work_plan and parsed.kind != "minutes":
                self.work_plan(parsed, doc)
        self.up.flush_bulk()
        self.links.flush()
        for resolver in self.used_resolvers.values():
            resolver.flush()
        self.prune({d.pk for _, d in loaded})
        self.detach_superseded()
        self.history.flush()

    def undated_work_plan(
        self, parsed: p.Document, doc: m.Document, committee: m.Committee
    ) -> dt.date | None:
        """Load the plan of a work programme that prints no date of its own (published on its
        own, "Work Programme 2026/27"): its entries are dated, so they are kept, as made by
        the first meeting they plan for (the latest the plan can have been made). Returns
        that date, or None when there is nothing to load or no committee to load it for."""
        if not parsed.work_plan or parsed.kind == "minutes" or committee.name == UNKNOWN_COMMITTEE:
            return None
        dates = [d for d in (parse_date(e.meeting_date) for e in parsed.work_plan) if d]
        if not dates:
            return None
        self.work_plan(parsed, doc, committee, min(dates))
        return min(dates)

    def document(self, parsed: p.Document, meeting: m.Meeting | None) -> m.Document:
        span = parsed.span
        closed = parsed.part == "closed" or (
            parsed.report is not None and (parsed.report.classification or "") == "closed"
        )
        exempt = (parsed.report.exempt_paragraph or "") if parsed.report else ""
        text = "\n".join(self.lines[span.first_line - 1 : span.last_line])
        return self.up.upsert(  # type: ignore[no-any-return]
            m.Document,
            {"source": self.source, "first_line": span.first_line},
            {
                "kind": parsed.kind,
                "subkind": parsed.subkind,
                "title": (parsed.title or "").strip(),
                "meeting": meeting,
                "last_line": span.last_line,
                "first_page": span.first_page,
                "last_page": span.last_page,
                "classification": "closed" if closed else "open",
                "exempt_paragraph": exempt,
                "text": text,
                "parser_version": self.version,
            },
        )

    # -- agenda ------------------------------------------------------------------------------

    def agenda(self, parsed: p.Document, doc: m.Document) -> None:
        assert parsed.agenda is not None and doc.meeting is not None
        meeting = doc.meeting
        committee = meeting.committee
        supplement = parsed.agenda.supplement if parsed.subkind == "supplemental_agenda" else None
        for index, item in enumerate(parsed.agenda.items):
            title = item.title.strip()
            if not title:
                continue
            values: dict[str, Any] = {
                "number": (item.number or "").strip(),
                "title": title,
                "description": item.description or "",
                "pages": item.pages or "",
                "lead_officer": (item.lead_officer or "")[:300],
                "scheduled_time": parse_time(item.time),
                "part": item.part,
                **self.provenance(doc, item.span),
            }
            if supplement is not None:
                values["supplement"] = supplement
            self.up.upsert(
                m.AgendaItem,
                {"meeting": meeting, "order": item_order(item.number, index)},
                values,
            )
        self.items_by_meeting.pop(meeting.pk, None)
        if parsed.agenda.membership:
            year = self.year(self.council_of(committee), meeting.date)
            people = self.resolver(self.council_of(committee))
            for member in parsed.agenda.membership:
                kind = "co-opted" if member.role == "co-opted" else "councillor"
                if member.honorific is None and member.role == "co-opted":
                    kind = "co-opted"
                person = people.resolve(
                    member.name,
                    honorific=member.honorific,
                    committee=committee,
                    on=meeting.date,
                    kind=kind,
                )
                if person is None:
                    continue
                people.note_membership(person, committee, year.label, member.role)
                self.up.preload(m.Membership, committee=committee, municipal_year=year)
                self.up.upsert(
                    m.Membership,
                    {
                        "person": person,
                        "committee": committee,
                        "role": member.role,
                        "municipal_year": year,
                    },
                    {"voting": member.voting, **self.provenance(doc, member.span)},
                )

    def items(self, meeting: m.Meeting) -> list[m.AgendaItem]:
        if meeting.pk not in self.items_by_meeting:
            if meeting.pk in self.meeting_preloaded:  # known rows and this load's, no query
                rows = self.up.cached_rows(m.AgendaItem, meeting=meeting.pk)
                self.items_by_meeting[meeting.pk] = sorted(rows, key=lambda i: i.order)
            else:
                self.items_by_meeting[meeting.pk] = list(
                    m.AgendaItem.objects.filter(meeting=meeting).order_by("order")
                )
        return self.items_by_meeting[meeting.pk]

    def find_item(
        self, meeting: m.Meeting, number: str | None, title: str | None
    ) -> m.AgendaItem | None:
        items = self.items(meeting)
        if number:
            for item in items:
                if same_number(item.number, number):
                    return item
        if title:
            best = max(
                items,
                key=lambda i: fuzz.token_set_ratio(i.title.casefold(), title.casefold()),
                default=None,
            )
            if best and fuzz.token_set_ratio(best.title.casefold(), title.casefold()) >= 90:
                return best
        return None

    def link(self, item: m.AgendaItem | m.Report, doc: m.Document) -> None:
        """Link a document to an item or report (written with the others after the last flush)."""
        self.links.add(item, doc)


def load(
    result: p.ParseResult, *, source: m.SourceFile, session: LoadSession | None = None
) -> LoadReport:
    """Load one parse result (of `source`) into the record; returns counts per kind."""
    report = LoadReport()
    session = session or LoadSession()
    people_before = session.people_counts()
    try:
        # Within a caller's savepoint (ingest), no second one: its rollback covers this load.
        with transaction.atomic(savepoint=False):
            _Load(result, source, report, session).run()
    except Exception:
        session.reset()  # its caches may hold rows that were rolled back
        raise
    people_after = session.people_counts()
    report.add("Person", "inserted", people_after[0] - people_before[0])
    report.add("PersonAlias", "inserted", people_after[1] - people_before[1])
    return report
