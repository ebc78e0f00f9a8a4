"""Records for the API tests: the lead's sample record plus one public source file."""

from __future__ import annotations

import hashlib
from typing import Any

from minutebook.record import models as m
from tests.sample_record import build_sample_record

PUBLIC_REPORT_TEXT = "Item No. 5\tClassification: Open\nReport title:\tFostering annual report\n"


def build_api_record() -> dict[str, Any]:
    """The sample record, with the open report also arriving in a file of its own.

    In the sample record every document sits in one pack that also holds a
    closed report, so that pack is never public; a second, open file lets the
    tests see a public File, Paper.mainFile and Meeting.auxiliaryFile.
    """
    record = build_sample_record()
    data = PUBLIC_REPORT_TEXT.encode()
    source = m.SourceFile.objects.create(
        sha256=hashlib.sha256(data).hexdigest(),
        original_name="Fostering annual report.txt",
        media_type="text/plain",
        format="text",
        size=len(data),
        content=data,
        text=PUBLIC_REPORT_TEXT,
        parse_status="parsed",
        parser_version="test",
    )
    document = m.Document.objects.create(
        source=source,
        kind="report",
        subkind="report",
        title="Feedback from Inspections of Children's Social Care",
        meeting=record["upcoming"],
        first_line=1,
        last_line=2,
        classification="open",
        text=PUBLIC_REPORT_TEXT,
        parser_version="test",
    )
    record["report"].documents.add(document)
    record["items"][2].documents.add(document)
    record["public_source"] = source
    record["public_document"] = document
    return record
