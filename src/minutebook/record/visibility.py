"""What the public may see: the single place that decides it.

Closed business (Part B items, exempt reports, "Classification: Closed",
minutes of the closed section) must never reach an anonymous visitor, in any
page, JSON, API, feed, search result, snippet or count. Every public query in
minutebook goes through these functions; nothing else re-implements the rule.

The rules, for an anonymous visitor (``can_see_closed(user)`` is False):

- **Document**: hidden when its ``classification`` is closed; also when it is
  linked only to closed things (it is attached to agenda items and every one
  of them is in Part B; or it belongs to reports and every one is closed).
- **AgendaItem**: hidden when its ``part`` is closed, or when it was read from
  a closed document.
- **Minute**: hidden when its ``part`` is closed (the closed section of the
  minutes), when its agenda item is closed, or when it was read from a closed
  document. **Resolution**: hidden when its minute is hidden or it was read
  from a closed document.
- **Report**: hidden when classified closed, when its agenda item is closed,
  or when every document it arrived in is closed.
- **Declaration**: hidden when made on a closed agenda item or read from a
  closed document.
- Every other model (Attendance, Membership, OfficerTitle, WorkPlanEntry,
  and the tracking models: requests, figures, commitments) is hidden when
  any of its foreign keys points at something hidden: a closed document
  (its provenance), agenda item, minute, resolution or report.
- **SourceFile**: hidden (its raw bytes and whole text) when it holds any
  closed document. Its open documents stay visible one by one, and
  `redacted_text(source)` gives its text with closed documents withheld.
- Councils, committees, meetings, people and municipal years are public.

Staff (``is_staff``), superusers and users holding the
``record.view_closed_business`` permission see everything; anonymous
visitors never do. Use ``visible(qs, user)`` in views: it returns ``qs``
unchanged for officers and the public subset for everyone else.

All functions take and return QuerySets (lazy, composable, countable), so a
count or a search over a public queryset can never include closed rows.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import cache
from typing import Any, TypeVar

from django.db import connection
from django.db.models import Exists, Model, OuterRef, Q, QuerySet

from minutebook.record import models as m
from minutebook.record.prepared import fetch_prepared, inline_constants

CLOSED = "closed"
VIEW_CLOSED_PERMISSION = "record.view_closed_business"

_M = TypeVar("_M", bound=Model)


def can_see_closed(user: Any) -> bool:
    """Officers (staff, superusers, holders of the view-closed permission) see closed business."""
    if user is None or not getattr(user, "is_authenticated", False):
        return False
    if not getattr(user, "is_active", False):
        return False
    if getattr(user, "is_staff", False) or getattr(user, "is_superuser", False):
        return True
    return bool(user.has_perm(VIEW_CLOSED_PERMISSION))


@cache
def _closed_document_q(prefix: str = "") -> Q:
    """A Q that is true for documents that are closed in themselves or by their links."""
    p = prefix
    closed_item = m.AgendaItem.documents.through.objects.filter(
        document_id=OuterRef(f"{p}pk"), agendaitem__part=CLOSED
    )
    open_item = m.AgendaItem.documents.through.objects.filter(
        document_id=OuterRef(f"{p}pk"), agendaitem__part="open"
    )
    closed_report = m.Report.documents.through.objects.filter(
        document_id=OuterRef(f"{p}pk"), report__classification=CLOSED
    )
    open_report = m.Report.documents.through.objects.filter(
        document_id=OuterRef(f"{p}pk"), report__classification="open"
    )
    return (
        Q(**{f"{p}classification": CLOSED})
        | (Exists(closed_item) & ~Exists(open_item))
        | (Exists(closed_report) & ~Exists(open_report))
    )


def closed_document_ids() -> QuerySet[m.Document]:
    """Ids of every document an anonymous visitor may not see (a subquery, not a list)."""
    return m.Document.objects.filter(_closed_document_q()).values("pk")


# The rules below test each row against the rows it points at (correlated EXISTS), never
# against a list of every hidden row of the archive: a page about one meeting then costs a
# few index lookups per row, however large the archive is.


@cache
def _from_closed_document(field: str = "document") -> Exists:
    """True for rows whose `field` points at a closed document (false when it is null)."""
    return Exists(m.Document.objects.filter(_closed_document_q(), pk=OuterRef(field)))


def public_documents(qs: QuerySet[m.Document]) -> QuerySet[m.Document]:
    return qs.exclude(_closed_document_q())


def public_sources(qs: QuerySet[m.SourceFile]) -> QuerySet[m.SourceFile]:
    """Source files holding no closed document (their raw bytes and full text are public)."""
    return qs.exclude(
        Exists(m.Document.objects.filter(_closed_document_q(), source=OuterRef("pk")))
    )


def public_agenda_items(qs: QuerySet[m.AgendaItem]) -> QuerySet[m.AgendaItem]:
    return qs.exclude(part=CLOSED).exclude(_from_closed_document())


def public_minutes(qs: QuerySet[m.Minute]) -> QuerySet[m.Minute]:
    return (
        qs.exclude(part=CLOSED).exclude(agenda_item__part=CLOSED).exclude(_from_closed_document())
    )


def public_resolutions(qs: QuerySet[m.Resolution]) -> QuerySet[m.Resolution]:
    its_minute_is_public = Exists(public_minutes(m.Minute.objects.filter(pk=OuterRef("minute"))))
    return qs.exclude(~its_minute_is_public).exclude(_from_closed_document())


def public_reports(qs: QuerySet[m.Report]) -> QuerySet[m.Report]:
    any_document = m.Report.documents.through.objects.filter(report_id=OuterRef("pk"))
    open_document = any_document.exclude(_from_closed_document("document_id"))
    return (
        qs.exclude(classification=CLOSED)
        .exclude(agenda_item__part=CLOSED)
        .exclude(Exists(any_document) & ~Exists(open_document))
        .exclude(_from_closed_document())
    )


def public_declarations(qs: QuerySet[m.Declaration]) -> QuerySet[m.Declaration]:
    return qs.exclude(agenda_item__part=CLOSED).exclude(_from_closed_document())


def public_facts(qs: QuerySet[_M]) -> QuerySet[_M]:
    """Any fact with a `document` provenance link: hidden when read from a closed document."""
    return qs.exclude(_from_closed_document())


_RULES: dict[type[Model], Any] = {
    m.Document: public_documents,
    m.SourceFile: public_sources,
    m.AgendaItem: public_agenda_items,
    m.Minute: public_minutes,
    m.Resolution: public_resolutions,
    m.Report: public_reports,
    m.Declaration: public_declarations,
}


@cache
def _points_at_hidden(field: Any) -> Q:
    """True for rows whose foreign key `field` points at a row the public may not see."""
    target = field.related_model
    if target is m.Document:
        return Q(_from_closed_document(field.attname))
    its_target = target._default_manager.filter(pk=OuterRef(field.attname))
    return Q(**{f"{field.attname}__isnull": False}) & ~Exists(_RULES[target](its_target))


def public(qs: QuerySet[_M]) -> QuerySet[_M]:
    """The public subset of any queryset.

    A model with a rule here uses it. Any other model (the tracking helpers' requests,
    figures and commitments, for instance) is hidden when it points at anything hidden:
    a closed document, agenda item, minute, resolution or report.
    """
    rule = _RULES.get(qs.model)
    if rule is not None:
        return rule(qs)  # type: ignore[no-any-return]
    for f in _ruled_foreign_keys(qs.model):
        qs = qs.exclude(_points_at_hidden(f))
    return qs


def _ruled_foreign_keys(model: type[Model]) -> list[Any]:
    return [
        f
        for f in model._meta.concrete_fields
        if f.is_relation and f.related_model in _RULES and f.related_model is not m.SourceFile
    ]


# Compiled rule queries, by (model, database vendor, number of ids): building a rule's
# nested query through the ORM costs far more than running it on a page's few ids.
_PUBLIC_SQL: dict[tuple[str, str, int], tuple[str, list[Any]]] = {}
_SENTINEL = -(10**15)  # stand-in ids while compiling: no row has a negative id
_MAX_COMPILED = 1024
# Fewer sizes, fewer statements to compile and prepare on a process's first pages.
MIN_COMPILED = 16


def public_ids(model: type[Model], ids: Iterable[Any]) -> set[Any]:
    """Which of these ids of a ruled model the public may see: its rule, over just them.

    The query is compiled once per size (ids padded to a power of two with ids no row
    has), so a page pays for running the rule, not for building it."""
    wanted = sorted({i for i in ids if i is not None})
    if not wanted:
        return set()
    rule = _RULES[model]
    size = max(MIN_COMPILED, 1 << (len(wanted) - 1).bit_length())
    if size > _MAX_COMPILED:
        subset = model._default_manager.filter(pk__in=wanted)
        return set(rule(subset).values_list("pk", flat=True))
    key = (model._meta.label, connection.vendor, size)
    if key not in _PUBLIC_SQL:
        sentinels = [_SENTINEL - i for i in range(size)]
        qs = rule(model._default_manager.filter(pk__in=sentinels)).order_by()
        sql, params = qs.values_list("pk").query.get_compiler(connection.alias).as_sql()
        _PUBLIC_SQL[key] = inline_constants(sql, list(params), keep=set(sentinels))
    sql, template = _PUBLIC_SQL[key]
    by_sentinel = {_SENTINEL - i: pk for i, pk in enumerate(wanted)}
    params = [by_sentinel.get(p, p) if isinstance(p, int) else p for p in template]
    return {row[0] for row in fetch_prepared(sql, params)}


def public_rows(rows: Sequence[_M]) -> list[_M]:
    """`public()` for rows already read (of one model): the same rule, in a few flat queries.

    A row of a ruled model passes its rule. Any other row passes when every row it points at
    is public, asked once per model pointed at, over just the ids these rows point at. For a
    handful of rows (a meeting's requests) this is far cheaper to plan than `public()`'s
    nested subqueries, and it reads no more of the archive.
    """
    if not rows:
        return []
    model = type(rows[0])
    if model in _RULES:
        shown = public_ids(model, [r.pk for r in rows])
        return [r for r in rows if r.pk in shown]
    fields = _ruled_foreign_keys(model)
    pointed_at: dict[Any, set[Any]] = {}
    for f in fields:
        ids = pointed_at.setdefault(f.related_model, set())
        ids.update(v for r in rows if (v := getattr(r, f.attname)) is not None)
    public_by_model = {target: public_ids(target, ids) for target, ids in pointed_at.items()}
    return [
        r
        for r in rows
        if all(
            getattr(r, f.attname) is None
            or getattr(r, f.attname) in public_by_model[f.related_model]
            for f in fields
        )
    ]


def visible_rows(rows: Sequence[_M], user: Any) -> list[_M]:
    """`visible()` for rows already read."""
    return list(rows) if can_see_closed(user) else public_rows(rows)


def redacted_text(source: m.SourceFile, placeholder: str = "[closed business withheld]") -> str:
    """The source's text with the lines of closed documents replaced by `placeholder`."""
    lines = source.text.split("\n")
    shown = public_documents(source.documents.all())
    hidden = source.documents.exclude(pk__in=shown.values("pk"))
    for first, last in hidden.values_list("first_line", "last_line"):
        for n in range(max(first, 1) - 1, min(last, len(lines))):
            lines[n] = placeholder if n == first - 1 else ""
    return "\n".join(lines)


def visible(qs: QuerySet[_M], user: Any) -> QuerySet[_M]:
    """What `user` may see: everything for officers, the public subset for everyone else."""
    return qs if can_see_closed(user) else public(qs)


# Short names used by the web and API packages.
public_attendance = public
public_memberships = public
public_work_plan = public
