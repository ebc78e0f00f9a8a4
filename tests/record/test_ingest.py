"""Ingest of real files: seeds, idempotence, failures kept and reparsable, supersede, the CLI."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import pytest
from django.core.management import call_command

from minutebook.record import models as m
from minutebook.record.ingest import ingest_bytes, ingest_paths, iter_paper_paths, reparse_all

pytestmark = [pytest.mark.django_db, pytest.mark.db_both]


def test_seeds_ingest_then_ingest_and_reparse_change_nothing(seeds_dir: Path) -> None:
    first = ingest_paths([seeds_dir])
    assert first.files == 5 and first.new_sources == 5
    assert not first.failures
    assert m.SourceFile.objects.count() == 5
    for source in m.SourceFile.objects.all():
        original = (seeds_dir / Path(source.original_name).name).read_bytes()
        assert bytes(source.content) == original  # the original bytes, kept
        assert source.parse_status in {"parsed", "partial"}
        assert source.documents.exists()
        assert source.parse_output["source"]["sha256"] == source.sha256
    documents = m.Document.objects.count()
    second = ingest_paths([seeds_dir])
    assert second.new_sources == 0 and second.known_sources == 5
    assert not second.report.changed
    assert m.Document.objects.count() == documents
    # The same parser over the same bytes: reparse reports that nothing changed.
    again = reparse_all()
    assert again.files == 5
    assert again.changed_sources == []
    assert not again.report.changed


def test_folder_walk_skips_folder_notes_and_hidden_files(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "paper.txt").write_text("Minutes")
    (tmp_path / "SOURCES.md").write_text("# where these came from")
    (tmp_path / ".hidden.txt").write_text("x")
    (tmp_path / "image.png").write_bytes(b"\x89PNG")
    assert [p.name for p in iter_paper_paths([tmp_path])] == ["paper.txt"]
    # Named explicitly, a file is always ingested.
    assert [p.name for p in iter_paper_paths([tmp_path / "SOURCES.md"])] == ["SOURCES.md"]


def test_a_file_that_fails_is_kept_with_its_error_and_reparsed_later(seeds_dir: Path) -> None:
    summary = ingest_bytes(b"", "empty.pdf")
    source = m.SourceFile.objects.get(original_name="empty.pdf")
    assert source.parse_status == "failed"
    assert source.errors == ["empty.pdf: the file is empty"]
    assert [f.name for f in summary.failures] == ["empty.pdf"]
    assert "Traceback" not in summary.text()

    # A paper an older parser could not read: reparse picks it up with the current parser.
    data = (seeds_dir / "002_74d68f5cacf3ff33.txt").read_bytes()
    ingest_bytes(data, "item7.txt")
    stuck = m.SourceFile.objects.get(original_name="item7.txt")
    stuck.documents.all().delete()
    m.SourceFile.objects.filter(pk=stuck.pk).update(
        parse_status="failed", errors=["old parser: could not read"], parser_version="0.0.1"
    )
    result = reparse_all(only_failed=True)
    stuck.refresh_from_db()
    assert stuck.parse_status in {"parsed", "partial"} and stuck.errors == []
    assert stuck.documents.exists()
    assert "item7.txt" in result.changed_sources
    assert [f.name for f in result.failures] == ["empty.pdf"]


def test_binary_garbage_fails_cleanly() -> None:
    summary = ingest_bytes(bytes(range(256)) * 64, "garbage.bin")
    source = m.SourceFile.objects.get(original_name="garbage.bin")
    assert source.parse_status == "failed", source.errors
    assert source.errors and "Traceback" not in source.errors[0]
    assert bytes(source.content) == bytes(range(256)) * 64
    assert summary.failures


def test_newer_version_supersedes_and_keeps_the_older_source(seeds_dir: Path) -> None:
    text = (seeds_dir / "003_e9eb5ed99e3440bf.txt").read_text()
    ingest_bytes(text.encode(), "workplan.txt")
    republished = text.replace("Classi f Open fication", "Classification: Open", 1) + "\n"
    ingest_bytes(republished.encode(), "workplan.txt")
    old, new = m.SourceFile.objects.order_by("pk")
    assert new.supersedes == old
    assert bytes(old.content) == text.encode()  # the older source stays
    # The older version's documents no longer stand for any meeting.
    assert not old.documents.exclude(meeting=None).exists()
    assert not m.Report.documents.through.objects.filter(document__source=old).exists()
    # Ingesting the older bytes again changes nothing.
    assert not ingest_bytes(text.encode(), "workplan.txt").report.changed


def test_cli_prints_summary_and_failures(tmp_path: Path, seeds_dir: Path) -> None:
    (tmp_path / "a.txt").write_bytes((seeds_dir / "004_d44683e97dcef42b.txt").read_bytes())
    (tmp_path / "broken.txt").write_bytes(b"")
    out = io.StringIO()
    call_command("ingest", str(tmp_path), "--no-progress", stdout=out)
    text = out.getvalue()
    assert "2 file(s): 2 new" in text
    assert "SourceFile" in text and "total" in text
    assert "Failures:\n  " in text and "broken.txt: " in text and "the file is empty" in text
    out = io.StringIO()
    call_command("reparse", "--no-progress", stdout=out)
    assert "Nothing changed." in out.getvalue()


UNDATED_WORK_PROGRAMME = (
    "Adoption Panel – Work Programme 2027/28\n\n"
    "Meeting date\tItem\tLead officer\n"
    "14 June 2027\tAdoption agency annual report\tHead of Adoption\n"
    "14 June 2027\tSpecial guardianship support\tService Manager\n"
    "20 September 2027\tEarly permanence review\tHead of Adoption\n"
).encode()


def test_an_undated_work_programme_keeps_its_plan() -> None:
    """Regression: a work programme published on its own, printing no date, lost its whole
    plan ("no meeting date; its facts were not loaded"). Its entries are dated: they load
    for its committee, as made by the first meeting they plan for, and a warning says so."""
    summary = ingest_bytes(UNDATED_WORK_PROGRAMME, "work-programme.txt")
    entries = m.WorkPlanEntry.objects.order_by("planned_for", "order")
    assert [(e.committee.name, e.planned_at, e.planned_for, e.title) for e in entries] == [
        (
            "Adoption Panel",
            dt.date(2027, 6, 14),
            dt.date(2027, 6, 14),
            "Adoption agency annual report",
        ),
        (
            "Adoption Panel",
            dt.date(2027, 6, 14),
            dt.date(2027, 6, 14),
            "Special guardianship support",
        ),
        ("Adoption Panel", dt.date(2027, 6, 14), dt.date(2027, 9, 20), "Early permanence review"),
    ]
    assert all(e.document_id and e.first_line for e in entries)
    [warning] = summary.report.warnings
    assert "its work plan is loaded as made by its first planned meeting (2027-06-14)" in warning
    again = ingest_bytes(UNDATED_WORK_PROGRAMME, "work-programme.txt")
    assert m.WorkPlanEntry.objects.count() == 3
    assert not again.report.changed
