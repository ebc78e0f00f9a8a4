"""The committee record: Django models.

Every parsed fact carries provenance (the Document it came from, its line and
page span, the parser version). Every model declares `NATURAL_KEY`, the fields
that identify a row across ingests, so that loading the same paper twice is a
no-op. Closed (exempt) business is marked on the rows themselves and filtered
by `public()` query helpers; see `visibility.py`.
"""

from __future__ import annotations

from typing import Any, ClassVar

from django.db import models
from simple_history.models import HistoricalRecords

PART_CHOICES = [("open", "Open"), ("closed", "Closed")]


class NaturalKeyManager(models.Manager):
    def get_by_natural_key(self, *values: Any) -> Any:
        return self.get(**dict(zip(self.model.NATURAL_KEY, values, strict=True)))


class NaturalKeyModel(models.Model):
    NATURAL_KEY: ClassVar[tuple[str, ...]] = ()
    objects = NaturalKeyManager()

    class Meta:
        abstract = True

    def natural_key(self) -> tuple[Any, ...]:
        out: list[Any] = []
        for name in self.NATURAL_KEY:
            value = getattr(self, name)
            out.append(value.natural_key() if isinstance(value, NaturalKeyModel) else value)
        return tuple(out)


class Provenance(models.Model):
    """Where a fact came from: the document, its span, and the parser that read it."""

    document = models.ForeignKey(
        "record.Document", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    first_line = models.PositiveIntegerField(null=True, blank=True)
    last_line = models.PositiveIntegerField(null=True, blank=True)
    first_page = models.PositiveIntegerField(null=True, blank=True)
    last_page = models.PositiveIntegerField(null=True, blank=True)
    parser_version = models.CharField(max_length=32, blank=True)

    class Meta:
        abstract = True


class Correctable(models.Model):
    """A row an officer may correct in the admin. `corrected` names the fields set by hand:
    a later load (a reparse after a parser upgrade, a republished paper) leaves them as the
    officer set them, and does not delete the row when the paper no longer yields it."""

    corrected = models.JSONField(
        default=list,
        blank=True,
        help_text="Fields corrected by an officer: loading papers again leaves them alone.",
    )

    class Meta:
        abstract = True


class Council(NaturalKeyModel):
    NATURAL_KEY = ("slug",)
    name = models.CharField(max_length=200)
    slug = models.SlugField(max_length=200, unique=True)
    history = HistoricalRecords()

    def __str__(self) -> str:
        return self.name


class Committee(Correctable, NaturalKeyModel):
    NATURAL_KEY = ("council", "slug")
    council = models.ForeignKey(Council, on_delete=models.CASCADE, related_name="committees")
    name = models.CharField(max_length=300)
    slug = models.SlugField(max_length=200)
    purpose = models.TextField(blank=True, help_text="Terms of reference / role and functions.")
    history = HistoricalRecords()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["council", "slug"], name="committee_nk")]
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class MunicipalYear(NaturalKeyModel):
    """May to May, written "2020-21"."""

    NATURAL_KEY = ("council", "label")
    council = models.ForeignKey(Council, on_delete=models.CASCADE, related_name="years")
    label = models.CharField(max_length=16)
    start = models.DateField()
    end = models.DateField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["council", "label"], name="year_nk")]
        ordering = ["start"]

    def __str__(self) -> str:
        return self.label


class Person(Correctable, NaturalKeyModel):
    NATURAL_KEY = ("council", "slug")
    KIND_CHOICES = [
        ("councillor", "Councillor"),
        ("officer", "Officer"),
        ("co-opted", "Co-opted member"),
        ("other", "Other"),
    ]
    council = models.ForeignKey(Council, on_delete=models.CASCADE, related_name="people")
    slug = models.SlugField(max_length=200)
    honorific = models.CharField(max_length=60, blank=True)  # "Councillor", "Dr"
    given_name = models.CharField(max_length=120, blank=True)
    family_name = models.CharField(max_length=120, blank=True)
    name = models.CharField(max_length=250, help_text="Full name without honorific.")
    kind = models.CharField(max_length=16, choices=KIND_CHOICES, default="other")
    history = HistoricalRecords()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["council", "slug"], name="person_nk")]
        ordering = ["family_name", "given_name"]

    def __str__(self) -> str:
        return self.name


class PersonAlias(NaturalKeyModel):
    """A way a person's name was written in the papers ("Cllr Ali")."""

    NATURAL_KEY = ("person", "text")
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="aliases")
    text = models.CharField(max_length=250)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["person", "text"], name="alias_nk")]


class OfficerTitle(Provenance, NaturalKeyModel):
    """An officer's job title as printed on a date (titles change over time)."""

    NATURAL_KEY = ("person", "title", "seen_on")
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="titles")
    title = models.CharField(max_length=400)
    seen_on = models.DateField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["person", "title", "seen_on"], name="title_nk")
        ]
        ordering = ["seen_on"]


class Membership(Provenance, Correctable, NaturalKeyModel):
    ROLE_CHOICES = [
        ("chair", "Chair"),
        ("vice-chair", "Vice-chair"),
        ("member", "Member"),
        ("reserve", "Reserve"),
        ("co-opted", "Co-opted"),
    ]
    NATURAL_KEY = ("person", "committee", "role", "municipal_year")
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="memberships")
    committee = models.ForeignKey(Committee, on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(max_length=16, choices=ROLE_CHOICES)
    voting = models.BooleanField(default=True)
    municipal_year = models.ForeignKey(
        MunicipalYear, null=True, blank=True, on_delete=models.SET_NULL, related_name="memberships"
    )
    start_date = models.DateField(null=True, blank=True)
    end_date = models.DateField(null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["person", "committee", "role", "municipal_year"], name="membership_nk"
            )
        ]


class Meeting(Correctable, NaturalKeyModel):
    STATUS_CHOICES = [
        ("scheduled", "Scheduled"),
        ("held", "Held"),
        ("cancelled", "Cancelled"),
        ("rescheduled", "Rescheduled"),
    ]
    NATURAL_KEY = ("committee", "date")
    committee = models.ForeignKey(Committee, on_delete=models.CASCADE, related_name="meetings")
    date = models.DateField()
    start_time = models.TimeField(null=True, blank=True)
    end_time = models.TimeField(null=True, blank=True)
    venue = models.CharField(max_length=400, blank=True)
    online = models.BooleanField(null=True, blank=True)
    status = models.CharField(max_length=16, choices=STATUS_CHOICES, default="scheduled")
    # From the minutes: prose before the first item (a petition presented, a hearing's
    # procedure) and the signature lines the chair signs when the minutes are confirmed.
    minutes_preamble = models.TextField(blank=True)
    signed_by_chair = models.CharField(max_length=200, blank=True)
    signed_date = models.DateField(null=True, blank=True)
    municipal_year = models.ForeignKey(
        MunicipalYear, null=True, blank=True, on_delete=models.SET_NULL, related_name="meetings"
    )
    created = models.DateTimeField(auto_now_add=True)
    modified = models.DateTimeField(auto_now=True)
    history = HistoricalRecords()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["committee", "date"], name="meeting_nk")]
        # Next and recent meetings across committees (home page, feeds) read by date.
        indexes = [models.Index(fields=["date"], name="meeting_date")]
        ordering = ["-date"]

    def __str__(self) -> str:
        return f"{self.committee} {self.date:%d %B %Y}"


class SourceFile(NaturalKeyModel):
    """An ingested file. The original bytes are kept forever, even when parsing fails."""

    STATUS_CHOICES = [
        ("pending", "Pending"),
        ("parsed", "Parsed"),
        ("partial", "Parsed with warnings"),
        ("failed", "Failed"),
    ]
    NATURAL_KEY = ("sha256",)
    sha256 = models.CharField(max_length=64, unique=True)
    original_name = models.CharField(max_length=500)
    media_type = models.CharField(max_length=120, blank=True)
    format = models.CharField(max_length=16, blank=True)
    size = models.PositiveBigIntegerField(default=0)
    content = models.BinaryField()
    text = models.TextField(blank=True)
    page_count = models.PositiveIntegerField(null=True, blank=True)
    line_pages = models.JSONField(default=list, blank=True)
    parse_status = models.CharField(max_length=16, choices=STATUS_CHOICES, default="pending")
    parser_version = models.CharField(max_length=32, blank=True)
    errors = models.JSONField(default=list, blank=True)
    warnings = models.JSONField(default=list, blank=True)
    parse_output = models.JSONField(null=True, blank=True)
    ingested_at = models.DateTimeField(auto_now_add=True)
    parsed_at = models.DateTimeField(null=True, blank=True)
    supersedes = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="superseded_by"
    )

    class Meta:
        ordering = ["-ingested_at"]

    def __str__(self) -> str:
        return self.original_name


class Document(Correctable, NaturalKeyModel):
    """One paper inside a source file (front sheet, minutes, a report, a letter...)."""

    KIND_CHOICES = [
        ("agenda", "Agenda"),
        ("minutes", "Minutes"),
        ("report", "Report"),
        ("letter", "Letter"),
        ("decision", "Decision"),
        ("distribution_list", "Distribution list"),
        ("other", "Other"),
    ]
    NATURAL_KEY = ("source", "first_line")
    source = models.ForeignKey(SourceFile, on_delete=models.CASCADE, related_name="documents")
    kind = models.CharField(max_length=24, choices=KIND_CHOICES)
    subkind = models.CharField(max_length=32, blank=True)
    title = models.CharField(max_length=600, blank=True)
    meeting = models.ForeignKey(
        Meeting, null=True, blank=True, on_delete=models.SET_NULL, related_name="documents"
    )
    first_line = models.PositiveIntegerField()
    last_line = models.PositiveIntegerField()
    first_page = models.PositiveIntegerField(null=True, blank=True)
    last_page = models.PositiveIntegerField(null=True, blank=True)
    classification = models.CharField(max_length=8, choices=PART_CHOICES, default="open")
    exempt_paragraph = models.CharField(max_length=200, blank=True)
    text = models.TextField(blank=True)
    parser_version = models.CharField(max_length=32, blank=True)
    created = models.DateTimeField(auto_now_add=True)
    modified = models.DateTimeField(auto_now=True)
    # The text is the parser's reading of the source file, which is kept forever: its history
    # adds nothing the source and the parser version cannot give, and would store every
    # paper's text twice (183 MB more on the million-paragraph benchmark archive).
    history = HistoricalRecords(excluded_fields=["text"])

    class Meta:
        constraints = [models.UniqueConstraint(fields=["source", "first_line"], name="document_nk")]
        ordering = ["source_id", "first_line"]
        permissions = [("view_closed_business", "Can see closed (exempt, Part B) business")]

    def __str__(self) -> str:
        return self.title or f"{self.get_kind_display()} in {self.source}"

    @property
    def is_public(self) -> bool:
        return self.classification == "open"


class AgendaItem(Provenance, Correctable, NaturalKeyModel):
    NATURAL_KEY = ("meeting", "order")
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="agenda_items")
    number = models.CharField(max_length=32, blank=True)
    order = models.PositiveIntegerField()
    title = models.CharField(max_length=600)
    description = models.TextField(blank=True)
    pages = models.CharField(max_length=32, blank=True)
    lead_officer = models.CharField(
        max_length=300, blank=True, help_text="Who presents the item, as printed in the agenda."
    )
    scheduled_time = models.TimeField(null=True, blank=True)
    part = models.CharField(max_length=8, choices=PART_CHOICES, default="open")
    documents = models.ManyToManyField(Document, blank=True, related_name="agenda_items")
    supplement = models.PositiveIntegerField(null=True, blank=True)
    history = HistoricalRecords(m2m_fields=[documents])

    class Meta:
        constraints = [models.UniqueConstraint(fields=["meeting", "order"], name="agendaitem_nk")]
        ordering = ["meeting", "order"]

    def __str__(self) -> str:
        return f"{self.number} {self.title}".strip()


class Attendance(Provenance, Correctable, NaturalKeyModel):
    CAPACITY_CHOICES = [
        ("member", "Member"),
        ("substitute", "Substitute"),
        ("co-opted", "Co-opted member"),
        ("officer", "Officer"),
        ("young-person", "Young person"),
        ("other", "Other"),
    ]
    STATUS_CHOICES = [("present", "Present"), ("apologies", "Apologies"), ("absent", "Absent")]
    NATURAL_KEY = ("meeting", "name_as_written", "status")
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="attendance")
    person = models.ForeignKey(
        Person, null=True, blank=True, on_delete=models.SET_NULL, related_name="attendance"
    )
    name_as_written = models.CharField(max_length=300)
    honorific = models.CharField(max_length=60, blank=True)
    capacity = models.CharField(max_length=16, choices=CAPACITY_CHOICES, default="member")
    status = models.CharField(max_length=16, choices=STATUS_CHOICES, default="present")
    role = models.CharField(max_length=400, blank=True, help_text="Role or job title as printed.")
    post_nominals = models.CharField(
        max_length=100, blank=True, help_text='Honours printed after the name ("MBE", "OBE JP").'
    )
    replaces = models.ForeignKey(
        Person, null=True, blank=True, on_delete=models.SET_NULL, related_name="substituted_by"
    )
    replaces_as_written = models.CharField(max_length=300, blank=True)
    history = HistoricalRecords()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "name_as_written", "status"], name="attendance_nk"
            )
        ]


class Minute(Provenance, Correctable, NaturalKeyModel):
    """The minuted discussion of one item."""

    NATURAL_KEY = ("meeting", "order")
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="minutes")
    agenda_item = models.ForeignKey(
        AgendaItem, null=True, blank=True, on_delete=models.SET_NULL, related_name="minutes"
    )
    number = models.CharField(max_length=32, blank=True)
    order = models.PositiveIntegerField()
    title = models.CharField(max_length=600)
    discussion = models.TextField(blank=True)
    reasons = models.TextField(blank=True)  # "Reasons for decision", printed once
    part = models.CharField(max_length=8, choices=PART_CHOICES, default="open")
    history = HistoricalRecords()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["meeting", "order"], name="minute_nk")]
        ordering = ["meeting", "order"]


class Resolution(Provenance, Correctable, NaturalKeyModel):
    NATURAL_KEY = ("minute", "order")
    minute = models.ForeignKey(Minute, on_delete=models.CASCADE, related_name="resolutions")
    number = models.CharField(max_length=32, blank=True)
    order = models.PositiveIntegerField()
    text = models.TextField()
    history = HistoricalRecords()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["minute", "order"], name="resolution_nk")]
        ordering = ["minute", "order"]


class Declaration(Provenance, Correctable, NaturalKeyModel):
    NATURAL_KEY = ("meeting", "name_as_written", "text")
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="declarations")
    agenda_item = models.ForeignKey(
        AgendaItem, null=True, blank=True, on_delete=models.SET_NULL, related_name="declarations"
    )
    item_as_written = models.CharField(max_length=64, blank=True)
    person = models.ForeignKey(
        Person, null=True, blank=True, on_delete=models.SET_NULL, related_name="declarations"
    )
    name_as_written = models.CharField(max_length=300, blank=True)
    text = models.TextField()
    kind = models.CharField(max_length=32, blank=True)
    history = HistoricalRecords()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "name_as_written", "text"], name="declaration_nk"
            )
        ]


class Report(Provenance, Correctable, NaturalKeyModel):
    """An officer's report. One report, however many files it arrived in."""

    NATURAL_KEY = ("meeting", "title")
    meeting = models.ForeignKey(
        Meeting, null=True, blank=True, on_delete=models.SET_NULL, related_name="reports"
    )
    committee = models.ForeignKey(
        Committee, null=True, blank=True, on_delete=models.SET_NULL, related_name="reports"
    )
    agenda_item = models.ForeignKey(
        AgendaItem, null=True, blank=True, on_delete=models.SET_NULL, related_name="reports"
    )
    documents = models.ManyToManyField(Document, blank=True, related_name="reports")
    item_number = models.CharField(max_length=32, blank=True)
    title = models.CharField(max_length=600)
    report_date = models.DateField(null=True, blank=True)
    meeting_name = models.CharField(max_length=300, blank=True)
    wards = models.CharField(max_length=300, blank=True)
    from_text = models.CharField(max_length=400, blank=True)
    author = models.CharField(max_length=300, blank=True)
    lead_officer = models.CharField(max_length=300, blank=True)
    version = models.CharField(max_length=64, blank=True)
    dated = models.DateField(null=True, blank=True)
    key_decision = models.BooleanField(null=True, blank=True)
    classification = models.CharField(max_length=8, choices=PART_CHOICES, default="open")
    exempt_paragraph = models.CharField(max_length=200, blank=True)
    recommendations = models.JSONField(default=list, blank=True)
    sections = models.JSONField(default=list, blank=True)
    tables = models.JSONField(default=list, blank=True)
    audit_trail = models.JSONField(null=True, blank=True)
    history = HistoricalRecords(m2m_fields=[documents])

    class Meta:
        constraints = [models.UniqueConstraint(fields=["meeting", "title"], name="report_nk")]

    def __str__(self) -> str:
        return self.title


class WorkPlanEntry(Provenance, Correctable, NaturalKeyModel):
    """An item a work plan (or an agreed draft agenda) promised for a future meeting."""

    NATURAL_KEY = ("committee", "planned_at", "planned_for", "title")
    committee = models.ForeignKey(Committee, on_delete=models.CASCADE, related_name="work_plan")
    planned_at = models.DateField(help_text="Date of the meeting or paper that made the plan.")
    planned_for = models.DateField(help_text="Date of the meeting the item is planned for.")
    title = models.CharField(max_length=600)
    order = models.PositiveIntegerField(default=0)
    origin = models.CharField(
        max_length=16,
        default="work_plan",
        choices=[("work_plan", "Work plan"), ("resolution", "Resolution")],
    )
    history = HistoricalRecords()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["committee", "planned_at", "planned_for", "title"], name="workplan_nk"
            )
        ]
        ordering = ["planned_for", "order"]
