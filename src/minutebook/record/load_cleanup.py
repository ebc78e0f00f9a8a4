"""The clean-up after a reload: what a paper no longer yields, and superseded versions.

A mixin of the loader (`loader._Load`): rows this source produced before but not now are
pruned (unless an officer corrected them), a document an officer closed hands "closed" to
the documents that now cover its lines, and the documents of superseded sources stop
standing for their meeting.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from minutebook.record import models as m
from minutebook.record.mapping import announce_link

if TYPE_CHECKING:
    from minutebook.record.upsert import HistoryBuffer, LoadReport, Upserter

# Every model whose rows carry a document (provenance) and are pruned on a reload.
PROVENANCE_MODELS = (
    m.AgendaItem,
    m.Attendance,
    m.Declaration,
    m.Minute,
    m.Resolution,
    m.Report,
    m.WorkPlanEntry,
    m.Membership,
    m.OfficerTitle,
)


class CleanupMixin:
    up: Upserter
    report: LoadReport
    source: m.SourceFile
    history: HistoryBuffer
    reloading: bool
    superseded: set[int]

    def prune(self, kept_documents: set[int]) -> None:
        """Delete what this source produced before but no longer does (after a reparse)."""
        if not self.reloading:
            return  # a source loaded for the first time has nothing stale
        for model in PROVENANCE_MODELS:
            rows = model._default_manager.all()
            if model is m.WorkPlanEntry:
                rows = rows.filter(origin="work_plan")  # entries from resolutions are tracking's
            stale = rows.filter(document__source__in=self.up.source_ids).exclude(
                pk__in=self.up.touched.get(model, set())
            )
            # A row an officer corrected is kept, even when the paper no longer yields it.
            if issubclass(model, m.Correctable):
                doomed = [pk for pk, fixed in stale.values_list("pk", "corrected") if not fixed]
            else:
                doomed = list(stale.values_list("pk", flat=True))
            if doomed:
                model._default_manager.filter(pk__in=doomed).delete()
                self.report.add(model.__name__, "deleted", len(doomed))
        stale_docs = m.Document.objects.filter(source=self.source).exclude(pk__in=kept_documents)
        self.carry_corrections(stale_docs, kept_documents)
        n = stale_docs.count()
        if n:
            stale_docs.delete()
            self.report.add("Document", "deleted", n)

    def carry_corrections(self, stale_docs: Any, kept_documents: set[int]) -> None:
        """A document an officer closed by hand that the parser now cuts differently hands
        "closed" to the documents that cover its lines: closed business stays closed whatever
        a new parser makes of the paper (an officer's "open" is not carried: the safe way)."""
        closed = [
            d
            for d in stale_docs.only("first_line", "last_line", "classification", "corrected")
            if "classification" in (d.corrected or []) and d.classification == "closed"
        ]
        if not closed:
            return
        for new in m.Document.objects.filter(pk__in=kept_documents):
            overlaps = any(
                new.first_line <= old.last_line and old.first_line <= new.last_line
                for old in closed
            )
            if overlaps and (
                new.classification != "closed" or "classification" not in (new.corrected or [])
            ):
                new.classification = "closed"
                new.corrected = sorted({*(new.corrected or []), "classification"})
                self.history.save(new, update_fields=["classification", "corrected"])
                self.report.add("Document", "updated")

    def detach_superseded(self) -> None:
        """Documents of superseded sources stay stored but no longer stand for the meeting."""
        if not self.superseded:
            return
        old = m.Document.objects.filter(source__in=self.superseded)
        # The committees the older versions fed are touched too.
        self.report.committees.update(
            old.exclude(meeting=None).values_list("meeting__committee_id", flat=True)
        )
        for kind, model, owner in (
            ("AgendaItem.documents", m.AgendaItem, "agendaitem"),
            ("Report.documents", m.Report, "report"),
        ):
            links = model.documents.through.objects.filter(document__in=old)
            owners = set(links.values_list(f"{owner}_id", flat=True))
            n, _ = links.delete()
            self.report.add(kind, "deleted", n)
            for item in model.objects.filter(pk__in=owners):
                announce_link(item, "post_remove", set())
        n = old.exclude(meeting=None).update(meeting=None)
        self.report.add("Document", "updated", n)
